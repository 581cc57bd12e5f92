#!/usr/bin/env python3
"""Écrit les cas synthétiques de l'option capitation (jamais de données réelles).

Déterministe : la même commande donne les mêmes fichiers, octet pour octet, et un test vérifie
que les fichiers commités sont à jour (`python3 examples/capitation/generate.py`).
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def luhn(body: str) -> str:
    """Le chiffre de contrôle de Luhn de `body`."""
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def rpps(n: int) -> str:
    body = f"1{n:09d}"
    return body + luhn(body)


def nir(n: int, sexe: str, naissance: tuple[int, int, int]) -> str:
    """Un NIR synthétique valide : sexe, année et mois de naissance, Paris, numéro d'ordre `n`."""
    _, mois, annee = naissance
    first13 = f"{1 if sexe == 'M' else 2}{annee % 100:02d}{mois:02d}75056{n % 1000:03d}"
    first13 = first13[:10] + f"{n % 1000:03d}"
    return first13 + f"{97 - int(first13) % 97:02d}"


class Draw:
    """Un générateur congruentiel : le même germe donne la même suite, partout."""

    def __init__(self, seed: int):
        self.state = seed

    def next(self, n: int) -> int:
        self.state = (self.state * 1103515245 + 12345) % (2**31)
        return (self.state >> 8) % n


def patient(draw: Draw, n: int, mt: str) -> tuple[str, str, int]:
    """La ligne d'un patient, son NIR et son année de naissance."""
    sexe = "F" if draw.next(100) < 53 else "M"
    annee = 2026 - [3, 10, 25, 40, 55, 65, 75, 85][draw.next(8)] - draw.next(5)
    naissance = (1 + draw.next(28), 1 + draw.next(12), annee)
    ald = "O" if draw.next(100) < (45 if annee < 1961 else 12) else "N"
    d, m, y = naissance
    number = nir(n, sexe, naissance)
    return f"{number};{mt};{d:02d}/{m:02d}/{y};{sexe};{ald}", number, annee


def day(draw: Draw, year: int = 2026) -> str:
    return f"{1 + draw.next(28):02d}/{1 + draw.next(12):02d}/{year}"


def acts_of(draw: Draw, patients: list[tuple[str, str, int]], mts: dict[str, str], outsider: str) -> list[str]:
    """Quelques actes de l'année : des consultations et visites couvertes par le forfait, et de
    quoi montrer chaque cas facturé à l'acte (hors champ, hors équipe, hors patientèle, hors année)."""
    rows = []
    for i, (_, number, annee) in enumerate(patients):
        mt = mts[number]
        # Deux à trois consultations par an en moyenne, davantage après 60 ans.
        for _ in range(draw.next(5) + (2 if annee < 1966 else 0)):
            when = day(draw)
            rows.append(f"{mt};{number};{when};G;1")
            if annee >= 2021:
                rows.append(f"{mt};{number};{when};MEG;1")
        if i % 25 == 0:
            when = day(draw)
            rows.append(f"{mt};{number};{when};VG;1")
            rows.append(f"{mt};{number};{when};MD;1")
        if i % 50 == 0:
            rows.append(f"{mt};{number};{day(draw)};DEQP003;1")
        if i % 100 == 0:
            rows.append(f"{outsider};{number};{day(draw)};G;1")
        if i == 1:
            rows.append(f"{mt};{number};{day(draw, 2025)};G;1")
    return rows


def write(case: str, team: str, professionnels: list[str], patients: list[str], acts: list[str] | None = None) -> None:
    folder = HERE / case
    folder.mkdir(exist_ok=True)
    (folder / "equipe.toml").write_text(team, encoding="utf-8")
    head = "RPPS;NOM;PROFESSION;ETP;JOURS_SEMAINE;PATIENTELE_MT_N1;DATE_ENTREE;DATE_SORTIE\n"
    (folder / "professionnels.csv").write_text(head + "\n".join(professionnels) + "\n", encoding="utf-8")
    head = "NIR_PATIENT;RPPS_MT;DATE_NAISSANCE;SEXE;ALD\n"
    (folder / "patients.csv").write_text(head + "\n".join(patients) + "\n", encoding="utf-8")
    if acts is not None:
        head = "RPPS;NIR_PATIENT;DATE_ACTE;CODE_PRESTATION;QUANTITE\n"
        (folder / "actes.csv").write_text(head + "\n".join(acts) + "\n", encoding="utf-8")


def team(nom: str, finess: str, territoire: str, rythme: str, estime: str | None = None, acts: bool = False) -> str:
    estimate = f'montant_estime = "{estime}"\n' if estime else ""
    acts_file = 'actes = "actes.csv"\n' if acts else ""
    return f"""[structure]
nom = "{nom}"
finess = "{finess}"
territoire = "{territoire}"
rythme_acomptes = "{rythme}"
{estimate}
[fichiers]
professionnels = "professionnels.csv"
patients = "patients.csv"
{acts_file}"""


def patients_of(draw: Draw, start: int, counts: list[tuple[str, int]]) -> list[tuple[str, str, int]]:
    rows, n = [], start
    for mt, count in counts:
        for _ in range(count):
            rows.append(patient(draw, n, mt))
            n += 1
    return rows


def centre() -> None:
    """Un centre éligible : un médecin au-dessus de sa cible, deux en dessous, dont un arrivé en
    cours d'année (sans patientèle l'année précédente ; les deux autres, 940 et 450 patients pour
    1,5 temps plein, passent le seuil de 920 par temps plein) ; quelques patients dont le médecin traitant n'est pas de l'équipe. Le montant
    estimé en janvier (base des acomptes) est celui de l'équipe du 1er janvier, sans le médecin
    arrivé en avril : son arrivée révise les acomptes suivants."""
    a, b, c, ide, mk, autre = (rpps(n) for n in (1, 2, 3, 4, 5, 99))
    pros = [
        f"{a};Martin;MG;1;5;940;01/09/2015;",
        f"{b};Bernard;MG;0,5;2,5;450;01/01/2020;",
        f"{c};Petit;MG;0,8;4;;01/04/2026;",
        f"{ide};Durand;IDE;1;;;01/01/2018;",
        f"{mk};Leroy;MK;0,6;;;01/01/2021;",
    ]
    patients = patients_of(Draw(7), 1, [(a, 950), (b, 300), (c, 200), (autre, 5)])
    mts = {number: line.split(";")[1] for line, number, _ in patients}
    acts = acts_of(Draw(17), patients, mts, autre)
    equipe = team("Centre de santé des Tilleuls", "750000001", "zac", "mensuel", "120000.00", acts=True)
    write("centre", equipe, pros, [line for line, _, _ in patients], acts)


def sans_infirmier() -> None:
    """Une équipe non éligible : trois médecins, un kinésithérapeute, aucun infirmier."""
    a, b, c, mk = (rpps(n) for n in (11, 12, 13, 14))
    pros = [
        f"{a};Moreau;MG;1;5;930;01/01/2019;",
        f"{b};Simon;MG;1;5;910;01/01/2019;",
        f"{c};Laurent;MG;0,5;2,5;470;01/01/2022;",
        f"{mk};Michel;MK;1;;;01/01/2019;",
    ]
    patients = patients_of(Draw(11), 1, [(a, 12), (b, 10), (c, 6)])
    write("sans_infirmier", team("Maison de santé des Quatre Vents", "130000002", "zip", "trimestriel"), pros, [p[0] for p in patients])


if __name__ == "__main__":
    centre()
    sans_infirmier()
