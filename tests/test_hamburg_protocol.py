"""Hamburg's protocol lines are no parties (trial 13): in the Statistisches Amt's tables of the
Bezirksversammlungswahl by Wahlbezirk (2011: `Wahlkreis, Wahlbezirk, Wahlberechtigte ohne
Wahlschein, Wahlberechtigte mit Wahlschein, Wahlberechtigte, Wähler insgesamt, Wähler mit
Wahlschein, Abgegebene Stimmzettel, Ungültige Stimmzettel, Gültige Stimmzettel, Gültige Stimmen`,
then a column per party), main counted `Abgegebene Stimmzettel`, `Gültige Stimmzettel` and `Wähler
mit Wahlschein` as parties (the third, fourth and seventh "options"), and read `Wähler insgesamt`
(the ballots cast) as each row's total of the options. `Wähler insgesamt` is the ballots cast,
`Ungültige Stimmzettel` the invalid ballots; the ballot papers beside the votes (five votes a
voter) and the voters with a postal-vote certificate are protocol lines of no fact pollcli uses.

The files are written here in that layout with invented figures; the expected figures are pandas'
column sums.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from conftest import engines_agree, write

PROTOCOL = [
    "Wahlberechtigte ohne Wahlschein",
    "Wahlberechtigte mit Wahlschein",
    "Wahlberechtigte",
    "Wähler insgesamt",
    "Wähler mit Wahlschein",
    "Abgegebene Stimmzettel",
    "Ungültige Stimmzettel",
    "Gültige Stimmzettel",
    "Gültige Stimmen",
]
PARTIES = ["CDU - Gesamtstimmen", "SPD - Gesamtstimmen", "GRÜNE/GAL - Gesamtstimmen"]
# (Wahlkreis, Wahlbezirk, registered without and with certificate, voters, with certificate,
# invalid papers, the parties' votes: five a voter).
ROWS = [
    ("01 Mitte", "10101", 1321, 129, 209, 10, 5, [179, 438, 403]),
    ("01 Mitte", "10201", 548, 121, 208, 3, 4, [175, 420, 425]),
    ("02 Altona", "20101", 697, 221, 438, 12, 8, [500, 1000, 650]),
]


def hh_text() -> str:
    lines = [",".join(["Wahlkreis", "Wahlbezirk", *PROTOCOL, *PARTIES])]
    for kreis, bezirk, without, with_, voters, postal, invalid, votes in ROWS:
        cells = [without, with_, without + with_, voters, postal, voters, invalid]
        cells += [voters - invalid, sum(votes), *votes]
        lines.append(",".join([kreis, bezirk, *map(str, cells)]))
    return "\n".join(lines) + "\n"


def oracle(path: Path) -> tuple[dict[str, int], int, int]:
    frame = pd.read_csv(path, dtype={"Wahlbezirk": str})
    votes = {p: int(frame[p].sum()) for p in PARTIES}
    return votes, int(frame["Wahlberechtigte"].sum()), int(frame["Wähler insgesamt"].sum())


def test_hamburgs_protocol_lines_are_no_parties(tmp_path, monkeypatch):
    path = write(tmp_path, hh_text(), name="hh_2011.csv")
    elections, _ = engines_agree(monkeypatch, path)
    (election,) = elections
    votes, registered, voters = oracle(path)
    assert {o.candidate: o.votes for o in election.options} == votes
    assert election.facts.registered == registered
    assert election.facts.ballots_cast == voters
    assert election.facts.invalid == sum(r[6] for r in ROWS)
