"""Oregon's county results (OpenElections' Oregon files, 2002 on) give each race's write-ins as
`Misc.` (`Misc` in some counties), listed in every district of an office, beside `Over Votes` and
`Under Votes`. Read as a candidate standing in every district, it made an office's districts one
race: Benton 2014's State House Democratic primaries of districts 15, 16 and 23 (one candidate
each, none in 15) read as one race, "Dan Rayfield leads with 82.19 %, runner-up Wanda Davis"
(trial 11); and in a race of one candidate, `Misc.` was its runner-up.

`Misc.`, `Misc` and `Miscellaneous` are write-ins (`other`): never a candidate, no sign of where a
race was counted. Both engines.

Figures invented, the layout is the files'; oracle: pandas over the fixture, grouped by office,
district and party.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.kinds import kind_from_name

HEADER = "county,precinct,office,district,party,candidate,votes\n"
ROWS = """Benton,0001,State House,15,D,Misc.,12
Benton,0001,State House,15,D,Over Votes,0
Benton,0001,State House,15,D,Under Votes,300
Benton,0001,State House,15,R,Andy Olson,400
Benton,0001,State House,15,R,Misc.,1
Benton,0002,State House,16,D,Dan Rayfield,500
Benton,0002,State House,16,D,Misc.,9
Benton,0002,State House,16,D,Over Votes,1
Benton,0002,State House,16,D,Under Votes,80
Benton,0003,State House,16,D,Dan Rayfield,450
Benton,0003,State House,16,D,Misc.,7
Benton,0003,State House,16,R,Jake Vance,300
Benton,0003,State House,16,R,Misc.,2
Benton,0004,State House,23,D,Wanda Davis,200
Benton,0004,State House,23,D,Misc,5
Benton,0004,State House,23,D,Under Votes,50
Benton,0004,State House,23,R,Jim Thompson,150
Benton,0004,State House,23,R,Mike Nearman,250
Benton,0004,State House,23,R,Misc.,3
"""
NAME = "20140520__or__primary__benton__precinct.csv"


@pytest.mark.parametrize("name", ["Misc.", "Misc", "MISC.", "Miscellaneous"])
def test_misc_is_a_write_in(name: str) -> None:
    assert kind_from_name(name) == "other"


def test_each_district_is_a_race(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEADER + ROWS, NAME)
    elections, _problems = engines_agree(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(HEADER + ROWS), dtype={"district": str})
    parties = {"D": "Democratic", "R": "Republican"}
    expected = {
        f"{office} · {district} · {parties[party]} primary": dict(
            group.groupby("candidate")["votes"].sum()
        )
        for (office, district, party), group in frame.groupby(["office", "district", "party"])
    }
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == expected


def test_misc_is_never_a_candidate(tmp_path) -> None:
    path = write(tmp_path, HEADER + ROWS, NAME)
    result = invoke("summary", str(path), "--format", "json")
    data = json.loads(result.stdout)
    by_name = {e["election"]: e for e in data["elections"]}
    d15 = by_name["State House · 15 · Democratic primary"]
    assert d15["leader"] is None
    assert {r["candidate"]: r["kind"] for r in d15["results"]}["Misc."] == "other"
    d16 = by_name["State House · 16 · Democratic primary"]
    assert d16["leader"]["candidate"] == "Dan Rayfield"
    assert d16["runner_up"] is None
    assert "State House · Democratic primary" not in by_name
