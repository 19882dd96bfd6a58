"""`Ballots Cast Blank` as an office (OpenElections' Pennsylvania and Florida county files): a count
of the county that is no race's figure. It was read as a race whose option had no name, refused,
and the run exited 1; now it is left out with a note, and the races around it are read as before.

Figures are hand sums of the CSV text; both engines read it alike."""

import json

import pytest

from conftest import invoke, write
from pollcli.kinds import unused_count
from pollcli.read import ReadOptions, engines, load_file, stream

COUNTIES = """county,office,district,party,candidate,votes
Oak,Registered Voters,,,,900
Oak,Ballots Cast,,,,500
Oak,Ballots Cast Blank,,,,3
Oak,President,,DEM,Ann Alpha,300
Oak,President,,REP,Bob Beta,190
Oak,Governor,,DEM,Cat Gamma,250
Oak,Governor,,REP,Dan Delta,240
Pine,Registered Voters,,,,400
Pine,Ballots Cast,,,,200
Pine,Ballots Cast Blank,,,,1
Pine,President,,DEM,Ann Alpha,80
Pine,President,,REP,Bob Beta,115
Pine,Governor,,DEM,Cat Gamma,90
Pine,Governor,,REP,Dan Delta,100
"""


@pytest.mark.parametrize(
    ("name", "unused"),
    [
        ("Ballots Cast Blank", True),
        ("BALLOTS CAST BLANK", True),
        ("Ballots Cast", False),
        ("Blank Ballots", False),  # an option of its race (kind blank), not a unit's count
        ("Registered Voters", False),
    ],
)
def test_which_names_are_unused_counts(name, unused):
    assert unused_count(name) is unused


def test_ballots_cast_blank_is_no_race_and_fails_no_run(tmp_path):
    path = write(tmp_path, COUNTIES)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    [split] = data["splits"]
    assert (split["races"], split["summarised"], split["refused"]) == (2, 2, 0)
    by_name = {e["election"]: e for e in data["elections"]}
    assert set(by_name) == {"President", "Governor"}
    # Hand sums: Ann 300 + 80, Bob 190 + 115; turnout over both counties, 500 + 200 of 900 + 400.
    president = {o["candidate"]: o["votes"] for o in by_name["President"]["results"]}
    assert president == {"Ann Alpha": 380, "Bob Beta": 305}
    turnout = by_name["President"]["turnout"]
    assert (turnout["ballots_cast"], turnout["registered"]) == (700, 1300)
    notes = " ".join(data["overview"]["notes"] + by_name["President"]["notes"])
    assert "'Ballots Cast Blank'" in notes and "left out" in notes and "4, 11" in notes


def test_both_engines_leave_it_out_alike(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 128)
    path = write(tmp_path, COUNTIES)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]
    elections, problems = results["exact"]
    assert not [p for p in problems if p.severity == "error"]
    assert sorted(e.facts.election for e in elections) == ["Governor", "President"]


# Idaho's precinct files (OpenElections, 10 of them): an office `Election Day Registrants` with no
# candidate, each precinct's voters registered that day. Read as a race whose option had no name, it
# was refused ("fill in the candidate cell") and the run exited 1.
IDAHO = """county,precinct,office,district,party,candidate,votes
Gem,01 Central,President,,DEM,Joseph Biden,48
Gem,01 Central,President,,REP,Donald Trump,600
Gem,02 North,President,,DEM,Joseph Biden,46
Gem,02 North,President,,REP,Donald Trump,500
Gem,01 Central,Election Day Registrants,,,,110
Gem,02 North,Election Day Registrants,,,,86
"""


def test_election_day_registrants_are_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, IDAHO)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    # Hand sums: Biden 48 + 46, Trump 600 + 500.
    assert {o["candidate"]: o["votes"] for o in election["results"]} == {
        "Donald Trump": 1100,
        "Joseph Biden": 94,
    }
    notes = " ".join(election["notes"])
    assert "'Election Day Registrants'" in notes and "registered on election day" in notes
    assert "blank in every race" not in notes
    monkeypatch.setattr(stream, "BLOCK_BYTES", 96)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]


# Arizona's Pinal County, 2014 (OpenElections: `contest_name,choice_name`): an office `Blank Ballots
# Cast` whose one option is `BALLOTS CAST - BLANK`. Read as a race, its "candidate" was elected
# unopposed with 100 % and the seats tally counted it as a seat won by no party (trial 12).
PINAL = """precinct_name,contest_name,choice_name,party_name,vote_total
KEARNY,Registered Voters,REGISTERED VOTERS,,1409
KEARNY,Ballots Cast,BALLOTS CAST,,789
KEARNY,Blank Ballots Cast,BALLOTS CAST - BLANK,,2
KEARNY,Governor,"DUCEY, DOUG",REP,400
KEARNY,Governor,"DUVAL, FRED",DEM,370
DUDLEYVILLE,Registered Voters,REGISTERED VOTERS,,636
DUDLEYVILLE,Ballots Cast,BALLOTS CAST,,341
DUDLEYVILLE,Blank Ballots Cast,BALLOTS CAST - BLANK,,1
DUDLEYVILLE,Governor,"DUCEY, DOUG",REP,200
DUDLEYVILLE,Governor,"DUVAL, FRED",DEM,130
"""


def test_an_office_of_blank_ballots_cast_is_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, PINAL)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    [governor] = data["elections"]  # the file's one race
    # Hand sums: Ducey 400 + 200, Duval 370 + 130; ballots 789 + 341 of 1,409 + 636 registered.
    assert {o["candidate"]: o["votes"] for o in governor["results"]} == {
        "DUCEY, DOUG": 600,
        "DUVAL, FRED": 500,
    }
    turnout = governor["turnout"]
    assert (turnout["ballots_cast"], turnout["registered"]) == (1130, 2045)
    assert "'BALLOTS CAST - BLANK'" in " ".join(governor["notes"])
    monkeypatch.setattr(stream, "BLOCK_BYTES", 96)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]


# New Jersey's county files (OpenElections, 2010 primary): an office `Ballots Rejected` with no
# candidate beside `Ballots Cast`, each county's rejected ballots. Read as a race whose option had
# no name, it was refused ("fill in the candidate cell", 24 errors) and the run exited 1. Rejected
# ballots of the whole county are no race's invalid votes: left out, with a note of their own.
NEW_JERSEY = """county,office,district,party,candidate,votes
Atlantic,Ballots Cast,,,,"12,004"
Bergen,Ballots Cast,,,,"40,212"
Total,Ballots Cast,,,,"52,216"
Atlantic,Ballots Rejected,,,,9
Bergen,Ballots Rejected,,,,214
Total,Ballots Rejected,,,,223
Atlantic,U.S. House,2,Democratic,Gary Stein,5000
Bergen,U.S. House,2,Democratic,Gary Stein,9000
Atlantic,U.S. House,2,Democratic,Ann Poe,4000
Bergen,U.S. House,2,Democratic,Ann Poe,2000
"""


@pytest.mark.parametrize("name", ["Ballots Rejected", "REJECTED BALLOTS", "Ballots Spoiled"])
def test_rejected_ballots_are_an_unused_count(name):
    assert unused_count(name) is True


def test_ballots_rejected_is_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, NEW_JERSEY, "20100608__nj__primary__county.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    # Hand sums: Stein 5,000 + 9,000, Poe 4,000 + 2,000 (the Total rows set aside).
    assert {o["candidate"]: o["votes"] for o in election["results"]} == {
        "Gary Stein": 14000,
        "Ann Poe": 6000,
    }
    notes = " ".join(election["notes"])
    assert "'Ballots Rejected'" in notes and "rejected" in notes and "left out" in notes
    assert "a party's, a ballot style's" not in notes
    monkeypatch.setattr(stream, "BLOCK_BYTES", 96)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]
