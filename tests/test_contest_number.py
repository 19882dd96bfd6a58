"""Races of one name told apart by their contest's number (DC's certified results,
kcivey/dc-election-results: `ContestNumber,ContestName,PrecinctNumber,WardNumber,Candidate,Party,
Votes`; the council's four ward races each `MEMBER OF THE COUNCIL OF THE DISTRICT OF COLUMBIA`,
numbers 305–308). `ContestNumber` was unused: the four read as one race, whose candidates never
meet in one precinct (`read.unit_groups`: no winner named), yet the overview measured a lead
between two wards' candidates and listed it as CLOSE. Now `ContestNumber` is the race id; and a
race that still seems several read as one measures no margin. Figures invented, the layout is
DC's; oracle: pandas group-bys by contest number."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEAD = "ContestNumber,ContestName,PrecinctNumber,WardNumber,Candidate,Party,Votes\n"
WARDS = HEAD + (
    "302,MAYOR,1,1,Muriel Bowser,DEM,500\n"
    "302,MAYOR,1,1,James Butler,DEM,200\n"
    "302,MAYOR,2,3,Muriel Bowser,DEM,400\n"
    "302,MAYOR,2,3,James Butler,DEM,300\n"
    "302,MAYOR,3,5,Muriel Bowser,DEM,600\n"
    "302,MAYOR,3,5,James Butler,DEM,100\n"
    "305,MEMBER OF THE COUNCIL,1,1,Brianne Nadeau,DEM,310\n"
    "305,MEMBER OF THE COUNCIL,1,1,Kent Boese,DEM,290\n"
    "306,MEMBER OF THE COUNCIL,2,3,Mary Cheh,DEM,640\n"
    "307,MEMBER OF THE COUNCIL,3,5,Kenyan McDuffie,DEM,420\n"
    "307,MEMBER OF THE COUNCIL,3,5,Keith Silver,DEM,230\n"
)


def test_the_contest_number_tells_races_of_one_name_apart(tmp_path, monkeypatch):
    path = write(tmp_path, WARDS, "dc.csv")
    elections, problems = engines_agree(monkeypatch, path, unit="PrecinctNumber")
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(WARDS))
    want = {
        str(number): {str(k): int(v) for k, v in group.groupby("Candidate")["Votes"].sum().items()}
        for number, group in frame.groupby("ContestNumber")
    }
    got = {
        e.race.keys["ContestNumber"]: {o.candidate: o.votes for o in e.options} for e in elections
    }
    assert got == want
    done = invoke("summary", str(path), "--unit", "PrecinctNumber", "-f", "json")
    assert done.code == 0, done.stderr
    leaders = {
        e["race_keys"]["ContestNumber"]: (e["leader"] or {}).get("candidate")
        for e in json.loads(done.stdout)["elections"]
    }
    assert leaders == {k: max(v, key=v.__getitem__) for k, v in want.items()}


def test_several_races_under_one_name_measure_no_margin(tmp_path):
    # Without the number the wards are one race whose candidates never meet in one precinct: no
    # winner, and no margin between Cheh (ward 3) and McDuffie (ward 5), nor a CLOSE race.
    text = "\n".join(line.split(",", 1)[1] for line in WARDS.splitlines()) + "\n"
    path = write(tmp_path, text, "dc.csv")
    done = invoke("summary", str(path), "--unit", "PrecinctNumber", "-f", "json")
    assert done.code == 0, done.stderr
    races = {e["election"]: e for e in json.loads(done.stdout)["elections"]}
    council = races["MEMBER OF THE COUNCIL"]
    assert council["leader"]["candidate"] == "Mary Cheh" and council["margin"] is None
    said = " ".join(council["notes"])
    assert "never listed in one" in said and "margin" not in said.split("Its candidates")[0]
    assert races["MAYOR"]["margin"]["votes"] == 1500 - 600  # (a race of its own: measured)
    shown = invoke("summary", str(path), "--unit", "PrecinctNumber")
    assert "Close: MEMBER" not in shown.stdout.replace("\n", " ")
