"""Rows of no party in a file of party primaries that name a candidate of one of its office's
primaries: the party cell left blank. OpenElections' NJ 2014 primary county file gives JUDE
ANTHONY TISCORNIA as Republican in Bergen and of no party in Essex, Hudson and Union; read apart,
those rows were a race of their own, 'U.S. House · 8', that he "wins the seat with a majority"
(1,931 votes, 100 %). Which primary's rows they are the file does not say: left out with one
`race-split` warning naming them and their votes, as rows of no party that name no candidate are.
A race of no party whose candidate stands in no primary is summarised as before. Names and
figures invented; oracle: the hand-counted rows."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

PRIMARY = """county,office,district,party,candidate,votes
Alder,House,8,Blue,UMA VANCE,400
Birch,House,8,Blue,UMA VANCE,300
Alder,House,8,Green,WES YATES,30
Birch,House,8,,WES YATES,120
Cedar,House,8,,WES YATES,15
Alder,House,9,Blue,ZOE ABEL,500
Alder,House,9,,ADA BLUM,70
"""


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_rows_of_no_party_naming_a_primary_s_candidate_win_no_race(tmp_path, engine):
    path = write(tmp_path, PRIMARY, "nj_2014_primary_county.csv")
    env = {"POLLCLI_ENGINE": engine}
    out = json.loads(invoke("summary", str(path), "--format", "json", env=env).stdout)
    votes = {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]} for e in out["elections"]
    }
    assert votes == {
        "House · 8 · Blue primary": {"UMA VANCE": 700},
        "House · 8 · Green primary": {"WES YATES": 30},
        "House · 9 · Blue primary": {"ZOE ABEL": 500},
        "House · 9": {"ADA BLUM": 70},  # (no primary's candidate: as before)
    }
    listed = json.loads(invoke("validate", str(path), "--format", "json", env=env).stdout)
    problems = [p for f in listed["files"] for p in f["problems"]]
    (stray,) = [p for p in problems if "name only candidates" in p["message"]]
    assert stray["code"] == "race-split"
    assert "'House · 8': 'WES YATES' 135" in stray["message"]
    assert "give each row its party" in stray["message"]
