#!/usr/bin/env python3
"""Writes the assumed reference table of the risk-adjusted forfait (age x sex x ALD x C2S).

The official table is not public (docs/sources.md §8.1). This one is our hypothesis: a base amount by
age band, a sex factor for adults under 65, multipliers for one and for two or more ALD, and a C2S
multiplier; every amount is then scaled so that the mean over a French médecin-traitant mix is
close to the public estimate of about 96 EUR per patient and year (July 2023, GP perimeter).

The adjusters change with the version of the rules: PEPS 1 (2021-2023) adjusts on age, ALD and
C2S only; PEPS 2 (2024-) adds sex. `--adjusters` names the key columns to write, in order; a
dimension left out is not split on (without `sexe`, the male factor is not applied).

Usage: python3 rules/tools/forfait_table.py [SCALE] [--adjusters age,sexe,nb_ald,c2s] > rows (TOML)
  rules/2025 and rules/2024: python3 rules/tools/forfait_table.py
  rules/2021 to rules/2023:  python3 rules/tools/forfait_table.py 0.9434 --adjusters age,nb_ald,c2s"""
import argparse
from decimal import Decimal, ROUND_HALF_UP

BANDS = [("[0, 6)", 95), ("[6, 16)", 48), ("[16, 25)", 45), ("[25, 45)", 60),
         ("[45, 65)", 76), ("[65, 75)", 102), ("[75, 85)", 136), ("[85, )", 166)]
MALE_ADULT = Decimal("0.93")        # men under 65 consult less (assumed)
ALD = {"0": Decimal("1"), "1": Decimal("1.70"), "[2, )": Decimal("2.30")}
C2S = {False: Decimal("1"), True: Decimal("1.20")}
ADJUSTERS = ("age", "sexe", "nb_ald", "c2s")


def rows(scale, adjusters=ADJUSTERS):
    sexes = ("F", "M") if "sexe" in adjusters else (None,)
    for band, base in BANDS:
        adult = band in ("[16, 25)", "[25, 45)", "[45, 65)")
        for sex in sexes:
            for ald, m_ald in ALD.items():
                for c2s, m_c2s in C2S.items():
                    v = Decimal(base) * scale * m_ald * m_c2s
                    if sex == "M" and adult:
                        v *= MALE_ADULT
                    v = v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                    yield band, sex, ald, c2s, v


def render(band, sex, ald, c2s, v, adjusters):
    cells = {"age": f'age = "{band}"', "sexe": f'sexe = "{sex}"', "nb_ald": f'nb_ald = "{ald}"',
             "c2s": f"c2s = {str(c2s).lower()}"}
    keys = ", ".join(cells[a] for a in adjusters)
    return f'  {{ {keys}, montant = "{v}" }},'


def parse_adjusters(text):
    names = tuple(a.strip() for a in text.split(",") if a.strip())
    unknown = [a for a in names if a not in ADJUSTERS]
    if unknown or "age" not in names or len(set(names)) != len(names):
        raise argparse.ArgumentTypeError(f"adjusters are a subset of {','.join(ADJUSTERS)} with age; got {text}")
    return names


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", nargs="?", type=Decimal, default=Decimal("1"), help="multiplier of every amount")
    parser.add_argument("--adjusters", type=parse_adjusters, default=ADJUSTERS,
                        help="key columns, comma-separated (default: age,sexe,nb_ald,c2s)")
    args = parser.parse_args()
    for row in rows(args.scale, args.adjusters):
        print(render(*row, args.adjusters))
