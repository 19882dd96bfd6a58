"""Norway's official results by county and party (valgresultat.no's export, as Project-Lavinia's
`Data/Countries/NO/PE/2021.csv` holds it: `Fylkenummer;Fylkenavn;…;Partikode;Partinavn;Oppslutning
prosentvis;Antall stemmeberettigede;Antall forhåndsstemmer;Antall valgtingstemmer;Antall stemmer
totalt;…;Antall mandater;…`) is read as a party-list vote by county: `Partinavn` names the options,
`Antall stemmer totalt` holds their votes, `Fylkenavn` is the region, `Antall stemmeberettigede` the
registered voters, and `Blanke` (blank ballots) no party (trial 13). Main refused it: it read the
table as wide, every party row "named as an earlier row is", and the advice it gave (--id-columns
…'Antall stemmer totalt') made each party's vote a place's name.

The files are written here in that layout with invented figures; the expected figures are pandas'
sums of `Antall stemmer totalt` by `Partinavn`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from conftest import engines_agree, write

HEADER = (
    "Fylkenummer;Fylkenavn;Kommunenummer;Kommunenavn;Stemmekretsnummer;Stemmekretsnavn;Partikode;"
    "Partinavn;Oppslutning prosentvis;Antall stemmeberettigede;Antall forhåndsstemmer;"
    "Antall valgtingstemmer;Antall stemmer totalt;Endring % siste tilsvarende valg;"
    "Endring % siste ekvivalente valg;Antall mandater;Antall utjevningsmandater;"
)
# (county number, county, registered, [(code, party, advance, election day, seats)]).
COUNTIES = [
    ("01", "Nordfylke", 1000, [("A", "Arbeidspartiet", 200, 150, 2), ("H", "Høgre", 150, 100, 1),
                               ("BLANKE", "Blanke", 5, 5, 0)]),
    ("02", "Sørfylke", 800, [("A", "Arbeidspartiet", 100, 90, 1), ("H", "Høgre", 180, 120, 2),
                             ("BLANKE", "Blanke", 3, 2, 0)]),
]  # fmt: skip


def no_text() -> str:
    lines = [HEADER]
    for number, county, registered, parties in COUNTIES:
        valid = sum(a + d for code, _, a, d, _ in parties if code != "BLANKE")
        for code, party, advance, day, seats in parties:
            share = f"{100 * (advance + day) / valid:.5f}".replace(".", ",")
            cells = [number, county, "", "", "", "", code, party, share, str(registered),
                     str(advance), str(day), str(advance + day), "-1,5", "0,3", str(seats), "0"]  # fmt: skip
            lines.append(";".join(cells) + ";")
    return "\n".join(lines) + "\n"


def oracle(path: Path) -> dict[str, int]:
    frame = pd.read_csv(path, sep=";", dtype=str)
    votes = pd.to_numeric(frame["Antall stemmer totalt"])
    return {str(k): int(v) for k, v in votes.groupby(frame["Partinavn"]).sum().items()}


def test_norways_county_table_is_read_by_party(tmp_path, monkeypatch):
    path = write(tmp_path, no_text(), name="2021.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p.message for p in problems if p.severity == "error"]
    (election,) = elections
    votes = {o.candidate: o.votes for o in election.options}
    assert votes == oracle(path)
    kinds = {o.candidate: o.kind for o in election.options}
    assert kinds == {"Arbeidspartiet": "candidate", "Høgre": "candidate", "Blanke": "blank"}
    # The registered voters of the two counties, each given on its county's rows.
    assert election.facts.registered == 1800
