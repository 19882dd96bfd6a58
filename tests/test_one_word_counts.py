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


# Any count or line of no candidate written as capitalised words run together is read as its
# spaced name: `TimesCounted` (Alaska's `Times Counted`), `TotalVotes`, `BlankBallots`,
# `TimesBlankVoted`, `RejectedBallots`, `NoneOfTheAbove`; until session 21 only `RegisteredVoters`
# and `BallotsCast` were (each a word of the tables), and the others stood as candidates.
CAMEL = (
    "precinct,candidate,votes\n"
    "P1,Ann Lee,300\nP1,Bob Ray,200\nP1,TimesCounted,560\nP1,RegisteredVoters,1000\n"
    "P1,TimesBlankVoted,40\nP1,RejectedBallots,20\nP1,TotalVotes,500\n"
    "P2,Ann Lee,100\nP2,Bob Ray,150\nP2,TimesCounted,270\nP2,RegisteredVoters,500\n"
    "P2,TimesBlankVoted,15\nP2,RejectedBallots,5\nP2,TotalVotes,250\n"
    "P1,DeSantis,1\nP2,McDowell,2\n"  # (capitalised words run together, and people's names)
)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_counts_in_camel_case_are_no_candidates(tmp_path, engine):
    out = invoke("summary", str(write(tmp_path, CAMEL)), "--format", "json",
                 env={"POLLCLI_ENGINE": engine})  # fmt: skip
    (election,) = json.loads(out.stdout)["elections"]
    candidates = {
        r["candidate"]: r["votes"] for r in election["results"] if r["kind"] == "candidate"
    }
    # By hand: Ann 300 + 100, Bob 200 + 150; the two names stay candidates.
    assert candidates == {"Ann Lee": 400, "Bob Ray": 350, "DeSantis": 1, "McDowell": 2}
    # 560 + 270 ballots cast of 1,000 + 500 registered voters.
    assert election["turnout"]["ballots_cast"] == 830
    assert election["turnout"]["registered"] == 1500
