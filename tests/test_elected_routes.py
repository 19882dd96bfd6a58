"""An `Elected` column beside `ElectedList` and `ElectedElectorate` (aaronrudkin's New Zealand
table, 1946–2015: one row per candidate per electorate) marks members elected by any route: under
MMP, a candidate who lost the electorate but entered Parliament on the party's list is `Elected`
1 too. Read as the members each electorate elects (trial 16), 122 electorates "elected" two to
four members (the winner and the list members beside), and races where a list member polled less
than a loser named no winner. Where sibling columns name the routes, the `Elected` count is no
race's seats: the column is left unused, with a note, and each electorate elects one.

Figures and names invented, the layout is the file's; oracle: pandas over the fixture."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = (
    '"ID","Name","Party","Date","Electorate","Incumbent","Votes","Elected","ElectedList",'
    '"ElectedElectorate","ListPosition"\n'
)
ROWS = """1,"Hart A","Labour","1999-11-27","Avon",1,9000,1,0,1,0
2,"Kemp B","National","1999-11-27","Avon",0,6000,1,1,0,12
3,"Lowe C","Green","1999-11-27","Avon",0,1500,0,0,0,9
4,"Moss D","National","1999-11-27","Clutha",1,8000,1,0,1,0
5,"Nash E","Labour","1999-11-27","Clutha",0,7000,0,0,0,40
6,"Orr F","ACT","1999-11-27","Clutha",0,900,1,1,0,3
7,"Pope G","Labour","1999-11-27","Eden",0,5000,1,0,1,0
8,"Quin H","National","1999-11-27","Eden",0,4000,0,0,0,30
"""


def _winners() -> dict[str, str]:
    """pandas: each electorate's most votes."""
    frame = pd.read_csv(io.StringIO(HEADER + ROWS))
    return {str(e): str(g.loc[g["Votes"].idxmax(), "Name"]) for e, g in frame.groupby("Electorate")}


def test_each_electorate_elects_one(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEADER + ROWS, "nz_output.csv")
    elections, problems = engines_agree(monkeypatch, path, race_by=("Electorate",))
    assert not [p for p in problems if p.severity == "error"], problems
    assert {e.facts.election: e.seats for e in elections} == dict.fromkeys(_winners(), 1)
    result = invoke("summary", str(path), "--race-by", "Electorate", "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    assert {name: race["leader"]["candidate"] for name, race in races.items()} == _winners()
    assert all(race.get("seats", 1) == 1 for race in races.values())
    notes = " ".join(races["Avon"]["notes"])
    assert "'Elected' column is left unused" in notes and "'ElectedList'" in notes


def test_an_elected_column_alone_still_counts_seats(tmp_path) -> None:
    """The guard: without sibling route columns, an Elected column's Yes count is the seats."""
    header = '"Name","Party","Ward","Votes","Elected"\n'
    rows = '"Hart A","Labour","Avon",9000,1\n"Kemp B","National","Avon",6000,1\n'
    rows += '"Lowe C","Green","Avon",1500,0\n'
    path = write(tmp_path, header + rows, "council.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    race = json.loads(result.stdout)["elections"][0]
    assert race["seats"] == 2 and set(race["elected"]) == {"Hart A", "Kemp B"}
