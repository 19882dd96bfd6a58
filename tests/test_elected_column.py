"""A column saying who was elected (Sutton Coldfield's town council, 2018: `File,Name,Surname,Party,
Number of Votes,Elected`, Yes/No, wards of 2–4 seats) is the answer the file gives. The trial read
it as nothing: the one-ward workbook named "a runoff between Horrocks Clare and Ward Simon", two
candidates of one party who were both elected. Its Yes count is the members each race elects (the
top N by votes, checked against the candidates it marks); where the marks are not the top N, the
column is no count of seats and a note says the file elected others.

Figures and names invented, the layout is the file's; oracle: pandas over the fixture."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = 'File,Name,Surname,Party,"Number of\n            Votes",Elected\n'
ROWS = """Oak Ward,Barley Roger,Barley,Labour Party,436.0,No
Oak Ward,Horrocks Clare,Horrocks,Conservative Party,1841.0,Yes
Oak Ward,Ratcliff David,Ratcliff,Green Party,455.0,No
Oak Ward,Ward Simon,Ward,Conservative Party,1567.0,Yes
Elm Ward,Cummins Jackie,Cummins,Conservative Party,2046.0,Yes
Elm Ward,Johnson Terry,Johnson,Labour Party,651.0,No
Elm Ward,Mayner Jonny,Mayner,Liberal Democrat,612.0,No
Elm Ward,Raut Nitish,Raut,Conservative Party,1387.0,Yes
Elm Ward,Surti Devia,Surti,Conservative Party,1388.0,Yes
"""


def _expected() -> dict[str, tuple[int, set[str]]]:
    """pandas: each ward's Yes count and the candidates marked Yes."""
    frame = pd.read_csv(io.StringIO(HEADER + ROWS))
    return {
        str(ward): (int((g["Elected"] == "Yes").sum()), set(g.loc[g["Elected"] == "Yes", "Name"]))
        for ward, g in frame.groupby("File")
    }


def test_one_ward_names_those_elected_and_no_runoff(tmp_path) -> None:
    one = HEADER + "".join(line + "\n" for line in ROWS.splitlines() if line.startswith("Oak"))
    path = write(tmp_path, one, "sutton_oak.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    race = json.loads(result.stdout)["elections"][0]
    seats, marked = _expected()["Oak Ward"]
    assert race["seats"] == seats == 2 and set(race["elected"]) == marked
    text = invoke("summary", str(path)).stdout
    assert "runoff" not in text.lower() and "'Elected' column is read" in text


def test_each_ward_elects_its_yes_count_on_both_engines(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEADER + ROWS, "sutton_tc.csv")
    elections, _problems = engines_agree(monkeypatch, path, race_by=("File",))
    expected = _expected()
    assert {e.facts.election: e.seats for e in elections} == {
        ward: seats for ward, (seats, _) in expected.items()
    }
    result = invoke("summary", str(path), "--race-by", "File", "--format", "json")
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    assert {w: set(r["elected"]) for w, r in races.items()} == {
        w: marked for w, (_, marked) in expected.items()
    }


def test_marks_that_are_not_the_top_n_are_never_contradicted(tmp_path) -> None:
    """A count by another rule (a single transferable vote): Ward Simon elected with fewer first
    preferences than Ratcliff. No top N is named against the file, and no runoff."""
    rows = ROWS.replace("Green Party,455.0", "Green Party,1600.0")
    one = HEADER + "".join(line + "\n" for line in rows.splitlines() if line.startswith("Oak"))
    path = write(tmp_path, one, "sutton_oak.csv")
    text = invoke("summary", str(path)).stdout
    assert "runoff" not in text.lower()
    assert "'Ward Simon'" in text and "not among the top 2" in text
