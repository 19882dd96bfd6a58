"""Straight-party ballots (a box that votes for one party's candidates in every race), as counties
publish them under an office of their own: Michigan's `Straight Party` with the party's name as
the candidate (`Democratic`), Utah's and Indiana's with the candidate cell blank and the party
alone (`Straight Party,,,REP,2`), South Carolina's `Straight Party 1`. Read as a race, Michigan's
"Republican wins the seat with a majority" and the file's tally said "Races won: REP 5 of 5"
(Midland 2020, one of the five a straight-party count); Utah's and Indiana's were refused, "the
option has no name; fill in the candidate cell" (trial 11).

They are a way of voting, no race and no seat: their rows are left out, with a note naming them
and their lines; the races are counted as before. Both engines.

Figures invented, the layouts are the files'; oracle: the races' sums typed by hand.
"""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke, write

MICHIGAN = """county,precinct,office,district,party,candidate,votes
Midland,Precinct 1,Straight Party,,DEM,Democratic,122
Midland,Precinct 1,Straight Party,,REP,Republican,300
Midland,Precinct 1,U.S. Senate,,DEM,Gary Peters,400
Midland,Precinct 1,U.S. Senate,,REP,John James,500
Midland,Precinct 2,Straight Party,,DEM,Democratic,100
Midland,Precinct 2,Straight Party,,REP,Republican,150
Midland,Precinct 2,U.S. Senate,,DEM,Gary Peters,300
Midland,Precinct 2,U.S. Senate,,REP,John James,200
"""
UTAH = """county,precinct,office,district,candidate,party,votes
Wasatch,East 30,Registered Voters,,,,611
Wasatch,East 30,Straight Party,,,LIB,0
Wasatch,East 30,Straight Party,,,REP,59
Wasatch,East 30,Straight Party,,,DEM,32
Wasatch,East 30,U.S. House,3,Gary Peters,DEM,400
Wasatch,East 30,U.S. House,3,John James,REP,500
Wasatch,West 31,Straight Party,,,REP,40
Wasatch,West 31,Straight Party,,,DEM,45
Wasatch,West 31,U.S. House,3,Gary Peters,DEM,300
Wasatch,West 31,U.S. House,3,John James,REP,200
"""
SOUTH_CAROLINA = MICHIGAN.replace("Straight Party,", "Straight Party 1,")


@pytest.mark.parametrize("text", [MICHIGAN, UTAH, SOUTH_CAROLINA], ids=["mi", "ut", "sc"])
def test_straight_party_ballots_are_no_race(tmp_path, monkeypatch, text):
    path = write(tmp_path, text, "20201103__mi__general__midland__precinct.csv")
    (race,), problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in race.options} == {"Gary Peters": 700, "John James": 700}
    said = " ".join(race.notes)
    assert "straight-party ballots" in said and "left out" in said
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.split(",")[2].startswith("S")]
    assert f"line(s) {lines[0]:,}" in said


def test_no_seat_is_won_by_a_straight_party_count(tmp_path):
    path = write(tmp_path, MICHIGAN, "20201103__mi__general__midland__precinct.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["election"] for e in data["elections"]] == [
        "20201103__mi__general__midland__precinct"
    ]


# Clarity's `summary.csv` (county election-night results): the straight-party box is a contest
# named with its `(Vote For 1)`, beside the races' contests. Read as a race, "Democratic Party
# wins the seat" and the seats won counted it (DEM 2 of 5 where DEM won one office).
CLARITY = """\
"line number","contest name","choice name","party name","total votes","percent of votes"
1,"Straight Party Ticket (Vote For 1)","Democratic Party","DEM",2468,54.89
2,"Straight Party Ticket (Vote For 1)","Republican Party","REP",2028,45.11
3,"President (Vote For 1)","Joe Biden","DEM",4000,55.00
4,"President (Vote For 1)","Donald Trump","REP",3272,45.00
5,"City Council (Vote For 2)","Ann Ash","NON",1000,40.00
6,"City Council (Vote For 2)","Bob Bell","NON",900,36.00
7,"City Council (Vote For 2)","Cy Cole","NON",600,24.00
"""


def test_a_clarity_straight_party_contest_is_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, CLARITY, "summary.csv")
    races, _ = engines_agree(monkeypatch, path)
    assert [{o.candidate: o.votes for o in race.options} for race in races] == [
        {"Joe Biden": 4000, "Donald Trump": 3272},
        {"Ann Ash": 1000, "Bob Bell": 900, "Cy Cole": 600},
    ]
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    tally = json.loads(result.stdout)["tally"]
    assert {p["party"]: p["won"] for p in tally["parties"]} == {"NON": 2, "DEM": 1}


# Indiana's Brown County 2016 (s20-world): the straight tickets under the office of the precinct's
# counts, `Voters`, named `Straight Ticket` with the party in its cell. Read as a race "Voters",
# "Straight Ticket (R) wins the seat with a majority", counted among the races won (R 8 where R won
# seven offices).
INDIANA = """county,precinct,office,district,candidate,party,votes
Brown,Hamblen 1,Voters,,Ballots Cast,,712
Brown,Hamblen 1,Voters,,Registered,,1191
Brown,Hamblen 1,President,,Donald J. Trump,R,461
Brown,Hamblen 1,President,,Hillary Clinton,D,200
Brown,Hamblen 1,Voters,,Straight Ticket,R,272
Brown,Hamblen 1,Voters,,Straight Ticket,D,106
Brown,Hamblen 2,Voters,,Ballots Cast,,800
Brown,Hamblen 2,Voters,,Registered,,1323
Brown,Hamblen 2,President,,Donald J. Trump,R,500
Brown,Hamblen 2,President,,Hillary Clinton,D,250
Brown,Hamblen 2,Voters,,Straight Ticket,R,322
Brown,Hamblen 2,Voters,,Straight Ticket,D,120
"""


def test_straight_tickets_under_an_office_of_counts_are_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, INDIANA, "20161108__in__general__brown__precinct.csv")
    (race,), problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in race.options} == {
        "Donald J. Trump": 961,
        "Hillary Clinton": 450,
    }
    assert (race.facts.ballots_cast, race.facts.registered) == (1512, 2514)
    said = " ".join(race.notes)
    assert "straight-party ballots" in said and "line(s) 6, 7, 12" in said
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]  # (no race "Voters")
    assert election["leader"]["candidate"] == "Donald J. Trump"


# Texas' Schleicher County 2016 (OpenElections): straight-party rows of no office, the party in its
# column, made a race "(unnamed race)" that 'Straight Party (REP)' won "with a majority".
TEXAS = """county,precinct,office,district,candidate,party,votes
Schleicher,1,,,Registered Voters,,517
Schleicher,1,,,Straight Party,REP,122
Schleicher,1,,,Straight Party,DEM,40
Schleicher,1,President,,Donald J. Trump,REP,300
Schleicher,1,President,,Hillary Clinton,DEM,90
Schleicher,2,,,Registered Voters,,436
Schleicher,2,,,Straight Party,REP,80
Schleicher,2,,,Straight Party,DEM,35
Schleicher,2,President,,Donald J. Trump,REP,250
Schleicher,2,President,,Hillary Clinton,DEM,110
"""


def test_straight_tickets_of_no_office_are_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, TEXAS, "20161108__tx__general__schleicher__precinct.csv")
    (race,), problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in race.options} == {
        "Donald J. Trump": 550,
        "Hillary Clinton": 200,
    }
    assert "straight-party ballots" in " ".join(race.notes)
