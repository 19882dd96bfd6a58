"""Trial 4: a county's count rows are no district race's turnout.

OpenElections' county files give each county's `Registered Voters` and `Ballots Cast` as offices,
rows for every race. A county split among districts gave each district race the whole county's
counts: PA 2020's State House 86 had "Turnout: 76.22 %" of 142,732 ballots for its 6,216 votes,
and "Ballots cast minus valid votes: 136,516". A unit's counts are a race's only where no other
race of its office shares the unit; statewide races (one per office) keep theirs. The figures here
are pandas sums of the CSV text, not pollcli's.
"""

import io
import json
from dataclasses import asdict

import pandas as pd
import pytest

from conftest import invoke, write
from pollcli.read import ReadOptions, engines, load_file

HEADER = "county,office,district,party,candidate,votes"
# Alpha is split between State House 1 and 2; Beta between 2 and 3; Gamma is all of House 4's.
COUNTY = "\n".join(
    [
        HEADER,
        "Alpha,Registered Voters,,,,1000",
        "Alpha,Ballots Cast,,,,800",
        "Alpha,Governor,,REP,Ann,300",
        "Alpha,Governor,,DEM,Bob,480",
        "Alpha,State House,1,REP,Cat,200",
        "Alpha,State House,1,DEM,Dan,150",
        "Alpha,State House,2,REP,Eve,250",
        "Alpha,State House,2,DEM,Fay,150",
        "Beta,Registered Voters,,,,500",
        "Beta,Ballots Cast,,,,400",
        "Beta,Governor,,REP,Ann,200",
        "Beta,Governor,,DEM,Bob,190",
        "Beta,State House,2,REP,Eve,180",
        "Beta,State House,2,DEM,Fay,200",
        "Beta,State House,3,REP,Gus,20",
        "Gamma,Registered Voters,,,,300",
        "Gamma,Ballots Cast,,,,200",
        "Gamma,Governor,,REP,Ann,90",
        "Gamma,Governor,,DEM,Bob,100",
        "Gamma,State House,4,REP,Hal,120",
        "Gamma,State House,4,DEM,Ida,70",
    ]
)


def summary(path, *args: str) -> dict:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    data: dict = json.loads(result.stdout)
    return data


def by_name(data: dict) -> dict[str, dict]:
    return {e["election"]: e for e in data["elections"]}


def counts(text: str, counties: set[str] | None = None) -> tuple[int, int]:
    """Registered voters and ballots cast over `counties` (every county by default), by pandas."""
    table = pd.read_csv(io.StringIO(text))
    if counties is not None:
        table = table[table["county"].isin(counties)]
    total = table.groupby("office")["votes"].sum()
    return int(total["Registered Voters"]), int(total["Ballots Cast"])


def test_a_statewide_race_keeps_the_counts_and_districts_that_share_a_county_get_none(tmp_path):
    races = by_name(summary(write(tmp_path, COUNTY + "\n")))
    registered, cast = counts(COUNTY)
    governor = races["Governor"]["turnout"]
    assert (governor["registered"], governor["ballots_cast"]) == (registered, cast)
    for name, county in (("1", "Alpha"), ("2", "Alpha"), ("3", "Beta")):
        race = races[f"State House · {name}"]
        assert race["turnout"] == {"registered": None, "ballots_cast": None, "pct": None}
        [why] = [n for n in race["notes"] if n.startswith("Turnout is not computed")]
        assert county in why and "other races of its office" in why
        assert not any("Ballots cast minus valid votes" in n for n in race["notes"])
    # House 2 shares Alpha with House 1 and Beta with House 3: both named.
    why = next(n for n in races["State House · 2"]["notes"] if n.startswith("Turnout is not"))
    assert "State House · 1" in why and "State House · 3" in why
    # Gamma is House 4's alone: its counts are the race's.
    house4 = races["State House · 4"]["turnout"]
    assert (house4["registered"], house4["ballots_cast"]) == counts(COUNTY, {"Gamma"})


@pytest.mark.parametrize(
    "args",
    [("--race", "State House · 1"), ("--race", "State House · 2"), ("--where", "county=Alpha")],
)
def test_what_is_left_out_does_not_give_a_shared_county_back(tmp_path, args):
    data = summary(write(tmp_path, COUNTY + "\n"), *args)
    [house] = [e for e in data["elections"] if e["election"].startswith("State House ·")][:1]
    assert house["turnout"]["ballots_cast"] is None
    assert any(n.startswith("Turnout is not computed") for n in house["notes"])


def test_a_district_written_into_the_office_is_a_district(tmp_path):
    text = "\n".join(
        [
            "county,office,party,candidate,votes",
            "Alpha,Registered Voters,,,1000",
            "Alpha,Ballots Cast,,,800",
            "Alpha,U.S. House District 1,REP,Cat,200",
            "Alpha,U.S. House District 1,DEM,Dan,150",
            "Alpha,U.S. House District 2,REP,Eve,250",
            "Alpha,U.S. House District 2,DEM,Fay,150",
            "Alpha,Question 1,,Yes,500",
            "Alpha,Question 1,,No,200",
            "Alpha,Question 2,,Yes,300",
            "Alpha,Question 2,,No,350",
        ]
    )
    races = by_name(summary(write(tmp_path, text + "\n")))
    for district in ("1", "2"):
        assert races[f"U.S. House District {district}"]["turnout"]["ballots_cast"] is None
    # Two questions are two offices, each on every ballot of the county.
    for question in ("Question 1", "Question 2"):
        turnout = races[question]["turnout"]
        assert (turnout["registered"], turnout["ballots_cast"]) == counts(text)


def test_party_primaries_of_one_office_share_the_county(tmp_path):
    # A county's ballots cast in a primary are every party's: no one party's primary's.
    text = "\n".join(
        [
            "county,stage,office,party,candidate,votes",
            "Alpha,primary,Ballots Cast,,,800",
            "Alpha,primary,Governor,DEM,Ann,300",
            "Alpha,primary,Governor,DEM,Bob,200",
            "Alpha,primary,Governor,REP,Cy,250",
            "Alpha,primary,Governor,REP,Di,40",
        ]
    )
    data = summary(write(tmp_path, text + "\n"))
    assert len(data["elections"]) == 2
    for race in data["elections"]:
        assert race["turnout"]["ballots_cast"] is None, race["election"]


def test_ballots_far_above_the_valid_votes_are_kept_with_a_note(tmp_path):
    # House 5 is the only race of its office in Delta, but has 300 votes of 1,400 ballots: it may
    # cover part of the county (a district whose neighbours the file does not hold). Not guessed.
    text = "\n".join(
        [
            HEADER,
            "Delta,Registered Voters,,,,2000",
            "Delta,Ballots Cast,,,,1400",
            "Delta,Governor,,REP,Ann,700",
            "Delta,Governor,,DEM,Bob,650",
            "Delta,State House,5,REP,Cat,200",
            "Delta,State House,5,DEM,Dan,100",
        ]
    )
    races = by_name(summary(write(tmp_path, text + "\n")))
    house = races["State House · 5"]
    registered, cast = counts(text)
    assert (house["turnout"]["registered"], house["turnout"]["ballots_cast"]) == (registered, cast)
    [note] = [n for n in house["notes"] if "more than twice its valid votes" in n]
    assert f"{cast:,}" in note and "(300)" in note
    assert not any("more than twice" in n for n in races["Governor"]["notes"])


def test_both_engines_agree(tmp_path, monkeypatch):
    path = write(tmp_path, COUNTY + "\n")
    results = []
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, problems = load_file(path, ReadOptions())
        results.append(([asdict(e) for e in elections], [asdict(p) for p in problems]))
    assert results[0] == results[1]


# Ohio's 2018 special: each precinct's Registered Voters and Ballots Cast are candidates of a row
# whose office is blank. They were a race of counts of its own ("1 with no option to count") and
# the race had no turnout.
BLANK_OFFICE = "\n".join(
    [
        "county,precinct,office,district,party,candidate,votes",
        "Alpha,A,U.S. House,7,R,Ann,101",
        "Alpha,A,U.S. House,7,D,Bob,114",
        "Alpha,A,,,,Registered Voters,633",
        "Alpha,A,,,,Ballots Cast,217",
        "Alpha,B,U.S. House,7,R,Ann,168",
        "Alpha,B,U.S. House,7,D,Bob,90",
        "Alpha,B,,,,Registered Voters,700",
        "Alpha,B,,,,Ballots Cast,262",
    ]
)


def test_counts_in_rows_of_no_office_are_the_race_s(tmp_path):
    data = summary(write(tmp_path, BLANK_OFFICE + "\n"))
    [race] = data["elections"]
    table = pd.read_csv(io.StringIO(BLANK_OFFICE))
    count = table[table["office"].isna()].groupby("candidate")["votes"].sum()
    turnout = race["turnout"]
    assert turnout["registered"] == count["Registered Voters"]
    assert turnout["ballots_cast"] == count["Ballots Cast"]
    assert not any("totals or counts alone" in n for n in race["notes"])


def test_counts_in_rows_of_no_office_shared_by_two_districts_are_neither_s(tmp_path):
    text = BLANK_OFFICE + "\nAlpha,B,U.S. House,8,R,Cy,5\nAlpha,B,U.S. House,8,D,Di,4\n"
    races = by_name(summary(write(tmp_path, text)))
    assert races["U.S. House · 7"]["turnout"]["ballots_cast"] is None
    assert races["U.S. House · 8"]["turnout"]["ballots_cast"] is None


def test_one_race_that_where_leaves_still_shares_its_county(tmp_path):
    # --where district=1 leaves House 1 alone in the file's book: it was named as the file, and
    # given all Alpha's counts (1,000 registered, 800 cast) beside its 350 votes.
    data = summary(write(tmp_path, COUNTY + "\n"), "--where", "district=1")
    [house] = data["elections"]
    assert house["turnout"] == {"registered": None, "ballots_cast": None, "pct": None}
    [why] = [n for n in house["notes"] if n.startswith("Turnout is not computed")]
    assert "Alpha" in why and "races --where leaves out" in why
