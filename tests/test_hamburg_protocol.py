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


# Hamburg's table of 2001 spells its umlauts out (`Waehler insgesamt`, `ungueltige Stimmen`,
# `gueltige Stimmen`) and ends with the city's row, `Hamburg insgesamt` in the Stadtteil column: main
# ranked `gueltige Stimmen` first ("leads with 44.62 %"), `Waehler mit Wahlschein` fourth, and
# added the city's row to its Wahlbezirke and Bezirke (SPD twice its votes).
HEADER_2001 = [
    "Bezirk",
    "Stadtteil",
    "Wahlbezirk",
    "Wahlberechtigte ohne Wahlschein",
    "Wahlberechtigte mit Wahlschein",
    "Wahlberechtigte   insgesamt",
    "Waehler insgesamt",
    "Waehler mit Wahlschein",
    "ungueltige Stimmen",
    "gueltige Stimmen",
    "SPD",
    "CDU",
    "Schill",
]
# (Bezirk, Stadtteil, Wahlbezirk, registered without and with certificate, voters, postal,
# invalid, SPD, CDU, Schill).
ROWS_2001 = [
    ("1", "HH-Altstadt", "10101", 487, 160, 276, 0, 6, 79, 74, 117),
    ("1", "HH-Altstadt", "10201", 539, 135, 310, 0, 5, 118, 60, 127),
    ("2", "Altona", "20101", 600, 100, 400, 20, 10, 200, 120, 70),
    ("2", "Altona", "20102", 450, 90, 300, 15, 4, 150, 100, 46),
    ("3", "Eimsbüttel", "30101", 700, 80, 500, 30, 12, 240, 150, 98),
    ("3", "Eimsbüttel", "30102", 650, 70, 450, 25, 9, 210, 140, 91),
]


def hh_2001_text() -> str:
    lines = [",".join(HEADER_2001)]
    sums = [0] * 10
    for bezirk, teil, number, without, with_, voters, postal, invalid, *votes in ROWS_2001:
        figures = [without, with_, without + with_, voters, postal, invalid, voters - invalid]
        figures += votes
        sums = [s + f for s, f in zip(sums, figures, strict=True)]
        lines.append(",".join([bezirk, teil, number, *map(str, figures)]))
    # Each Bezirk's row (its name in the Stadtteil column, no Wahlbezirk), then the city's.
    for bezirk, name in (("1", "Hamburg-Mitte"), ("2", "Altona"), ("3", "Eimsbüttel")):
        rows = [line.split(",") for line in lines[1:] if line.startswith(bezirk + ",")]
        mine = [sum(int(r[k]) for r in rows) for k in range(3, 13)]
        lines.append(",".join([bezirk, name, "", *map(str, mine)]))
    lines.append(",".join(["", "Hamburg insgesamt", "", *map(str, sums)]))
    return "\n".join(lines) + "\n"


def test_spelt_out_umlauts_and_the_citys_row(tmp_path, monkeypatch):
    path = write(tmp_path, hh_2001_text(), name="hh_2001.csv")
    elections, _ = engines_agree(monkeypatch, path)
    (election,) = elections
    frame = pd.read_csv(path, dtype={"Wahlbezirk": str})
    precincts = frame[frame["Wahlbezirk"].notna()]
    votes = {p: int(precincts[p].sum()) for p in ("SPD", "CDU", "Schill")}
    assert {o.candidate: o.votes for o in election.options} == votes
    assert election.facts.ballots_cast == int(precincts["Waehler insgesamt"].sum())
    assert election.facts.invalid == int(precincts["ungueltige Stimmen"].sum())
