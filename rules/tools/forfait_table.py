#!/usr/bin/env python3
"""Writes the assumed reference table of the risk-adjusted forfait (age x sex x ALD x C2S).

The official table is not public (DOMAIN.md, gap 1). This one is our hypothesis: a base amount by
age band, a sex factor for adults under 65, multipliers for one and for two or more ALD, and a C2S
multiplier; every amount is then scaled so that the mean over a French médecin-traitant mix is
close to the public estimate of about 96 EUR per patient and year (July 2023, GP perimeter).
Usage: python3 rules/tools/forfait_table.py [SCALE] > table rows (TOML)."""
import sys
from decimal import Decimal, ROUND_HALF_UP

BANDS = [("[0, 6)", 95), ("[6, 16)", 48), ("[16, 25)", 45), ("[25, 45)", 60),
         ("[45, 65)", 76), ("[65, 75)", 102), ("[75, 85)", 136), ("[85, )", 166)]
MALE_ADULT = Decimal("0.93")        # men under 65 consult less (assumed)
ALD = {"0": Decimal("1"), "1": Decimal("1.70"), "[2, )": Decimal("2.30")}
C2S = {False: Decimal("1"), True: Decimal("1.20")}

def rows(scale):
    for band, base in BANDS:
        adult = band in ("[16, 25)", "[25, 45)", "[45, 65)")
        for sex in ("F", "M"):
            for ald, m_ald in ALD.items():
                for c2s, m_c2s in C2S.items():
                    v = Decimal(base) * scale * m_ald * m_c2s
                    if sex == "M" and adult:
                        v *= MALE_ADULT
                    v = v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                    yield band, sex, ald, c2s, v

if __name__ == "__main__":
    scale = Decimal(sys.argv[1]) if len(sys.argv) > 1 else Decimal("1")
    for band, sex, ald, c2s, v in rows(scale):
        print(f'  {{ age = "{band}", sexe = "{sex}", nb_ald = "{ald}", c2s = {str(c2s).lower()}, montant = "{v}" }},')
