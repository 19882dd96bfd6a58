"""Elections Canada's bilingual headers, English and French joined by ' - ' (`Votes obtained -
Votes obtenus`, `Surname - Nom de famille`, `Given name - Prénom`), name their column as either
half does (trial 15: the 2019 results by electoral district had been read from the rounded
`% Votes obtained` column, the votes and the candidates' names left unused). Halves that name two
columns (`Votes - Absentee`) name none. Figures invented, the layout is Elections Canada's (a
title line, tab-separated, one row per candidate); oracle: pandas sums."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.columns import canonical_column
from pollcli.read import stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


HEADER = [
    "Electoral district number - Numéro de la circonscription",
    "Electoral district name",
    "Type of results*",
    "Surname - Nom de famille",
    "Given name - Prénom",
    "Political affiliation",
    "Votes obtained - Votes obtenus",
    "% Votes obtained - Votes obtenus %",
]
ROWS = [
    ("59018", "Nanaimo--Ladysmith", "validated", "Manly", "Paul", "Green Party", 15302),
    ("59018", "Nanaimo--Ladysmith", "validated", "Hirst", "John", "Conservative", 10215),
    ("59018", "Nanaimo--Ladysmith", "validated", "Marlatt", "Brian", "PC Party", 253),
    ("10001", "Avalon", "validated", "McDonald", "Kenneth", "Liberal", 19122),
    ("10001", "Avalon", "validated", "Chapman", "Matthew", "Conservative", 12855),
]


def table() -> str:
    lines = ["These results were downloaded on October 22, 2019.", "\t".join(HEADER)]
    totals = {}
    for row in ROWS:
        totals[row[0]] = totals.get(row[0], 0) + row[-1]
    for *cells, votes in ROWS:
        share = round(100 * votes / totals[cells[0]], 1)
        lines.append("\t".join([*cells, str(votes), str(share)]))
    return "\n".join(lines) + "\n"


def test_the_halves_name_the_column():
    assert canonical_column("Votes obtained - Votes obtenus") == "votes"
    assert canonical_column("Given name - Prénom") == "given_name"
    assert canonical_column("Votes - Absentee") is None


def test_elections_canada_votes_are_read(tmp_path, monkeypatch):
    text = table()
    path = write(tmp_path, text, "results.tsv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(text), sep="\t", skiprows=1)
    frame["name"] = frame["Given name - Prénom"] + " " + frame["Surname - Nom de famille"]
    expected = {
        race: dict(zip(rows["name"], rows["Votes obtained - Votes obtenus"], strict=True))
        for race, rows in frame.groupby("Electoral district name")
    }
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == expected
