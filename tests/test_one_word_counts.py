"""Counts written as one word (`RegisteredVoters`, `BallotsCast`) are the unit's counts, as their
spaced names are: Yavapai County's 2014 export lists `RegisteredVoters` under no contest, and it
made a race "(unnamed race)" that "RegisteredVoters wins … with a majority"."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

YAVAPAI = (
    "precinctid,precinctname,contestid,voteforvalue,contestorderid,contesttitle,candidate_name,"
    "party_name,candidateid,votes,votetype\n"
    '1,201 - EAGLE,370,1,3,Governor,"DUCEY, DOUG",REP,105,314,E\n'
    '1,201 - EAGLE,370,1,3,Governor,"DUVAL, FRED",DEM,106,142,E\n'
    '2,202 - COURT,370,1,3,Governor,"DUCEY, DOUG",REP,105,300,E\n'
    '2,202 - COURT,370,1,3,Governor,"DUVAL, FRED",DEM,106,200,E\n'
    "1,201 - EAGLE,,,,,RegisteredVoters,,4,6988,\n"
    "2,202 - COURT,,,,,RegisteredVoters,,4,5472,\n"
)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_registered_voters_in_one_word_are_the_electorate(tmp_path, engine):
    out = invoke("summary", str(write(tmp_path, YAVAPAI)), "--format", "json",
                 env={"POLLCLI_ENGINE": engine})  # fmt: skip
    elections = json.loads(out.stdout)["elections"]
    assert [e["leader"]["candidate"] for e in elections] == ["DUCEY, DOUG"]
    # Hand-checked: 6,988 + 5,472 registered; Ducey 614 of 956 votes.
    assert elections[0]["turnout"]["registered"] == 12_460
    assert {r["candidate"]: r["votes"] for r in elections[0]["results"]} == {
        "DUCEY, DOUG": 614,
        "DUVAL, FRED": 342,
    }
