"""`seats` allocates one chamber (trial 4): a file of races of several offices is refused, not added up.

OpenElections' general-election files (county,office,district,party,candidate,votes) hold a
governor, a U.S. Senate race, the U.S. House and both state chambers at once: `seats` added them
into one "parliament" of 248 seats with a majority and disproportionality indices, none of which
is any chamber's. Now it refuses (exit 2) with the offices, their races and how to keep one; the
races of one office are allocated as before; one race alone is no chamber either.

Oracles: pandas over the rows written (each district's leader by votes, the office's votes), and
counts by hand of the tiny files below (names and figures made up).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli import allocate, load
from pollcli.errors import UsageError

# A county-level general-election file of four offices: Governor (1 race), U.S. House (2),
# State Senate (1), State House (3).
GENERAL = """county,office,district,party,candidate,votes
North,Governor,,DEM,Ann Ash,5200
North,Governor,,REP,Bo Birch,4700
South,Governor,,DEM,Ann Ash,3100
South,Governor,,REP,Bo Birch,3900
North,U.S. House,1,DEM,Cy Cedar,5000
North,U.S. House,1,REP,Di Dogwood,4800
South,U.S. House,2,DEM,Ed Elm,2900
South,U.S. House,2,REP,Flo Fir,4100
North,State Senate,7,DEM,Gus Gum,2600
South,State Senate,7,REP,Hal Hazel,2500
North,State House,10,DEM,Ivy Ivy,1900
North,State House,10,REP,Jo Juniper,2100
North,State House,11,DEM,Kim Kapok,2500
North,State House,11,REP,Lou Larch,2400
South,State House,12,DEM,Max Maple,1200
South,State House,12,REP,Ned Nutmeg,3300
South,State House,12,LIB,Oli Oak,150
"""


def rows() -> pd.DataFrame:
    return pd.read_csv(io.StringIO(GENERAL), dtype={"district": "string"})


def test_races_of_several_offices_are_refused_with_the_offices_and_how_to_keep_one(tmp_path):
    path = write(tmp_path, GENERAL, "general.csv")
    for fmt in ("table", "json"):
        result = invoke("seats", str(path), "-f", fmt)
        assert result.code == 2, result.stdout
        assert result.stdout == ""
        message = " ".join(result.stderr.split())
        assert "4 offices" in message
        # The races each office holds, counted by hand (and by pandas below).
        for office, count in [
            ("Governor", "1 race"),
            ("U.S. House", "2 races"),
            ("State Senate", "1 race"),
            ("State House", "3 races"),
        ]:
            assert f"{office} ({count})" in message
        assert "--race 'State House'" in message and "--where 'office=State House'" in message
        assert "Traceback" not in result.stderr
    races = rows().groupby("office", sort=False)["district"].apply(lambda d: d.fillna("").nunique())
    assert races.to_dict() == {"Governor": 1, "U.S. House": 2, "State Senate": 1, "State House": 3}


@pytest.mark.parametrize("pick", [["--race", "State House"], ["--where", "office=State House"]])
def test_one_office_picked_is_allocated_alone(tmp_path, pick):
    path = write(tmp_path, GENERAL, "general.csv")
    result = invoke("seats", str(path), "-f", "json", *pick)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    (allocation,) = election["allocations"]
    house = rows()[rows()["office"] == "State House"]
    leaders = house.loc[house.groupby("district")["votes"].idxmax(), "party"]
    assert election["seats"] == house["district"].nunique() == 3
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == (
        leaders.value_counts().reindex(["DEM", "REP", "LIB"], fill_value=0).to_dict()
    )
    votes = house.groupby("party")["votes"].sum().to_dict()
    assert {p["party"]: p["votes"] for p in allocation["parties"]} == votes
    assert election["office"] == "State House"


@pytest.mark.parametrize("office", ["Governor", "State Senate"])
def test_one_race_kept_is_no_chamber(tmp_path, office):
    """A governor (or one district) alone: 'REP has a majority: 1 of 1 seats' said nothing."""
    path = write(tmp_path, GENERAL, "general.csv")
    result = invoke("seats", str(path), "--race", office)
    assert result.code == 2, result.stdout
    message = " ".join(result.stderr.split())
    assert "one race is no chamber" in message and "pollcli summary" in message
    assert "how many seats" not in message


def test_a_president_and_the_house_are_not_one_chamber(tmp_path):
    """Florida 2020's layout: the President's votes were added to the House's, and his race
    counted as a seat."""
    text = (
        "county,office,district,party,candidate,votes\n"
        "Bay,President,,REP,Pat Pine,900\n"
        "Bay,President,,DEM,Quin Quince,700\n"
        "Bay,U.S. House,1,REP,Ray Rowan,800\n"
        "Bay,U.S. House,1,DEM,Sue Sumac,750\n"
        "Bay,U.S. House,2,REP,Tom Teak,300\n"
        "Bay,U.S. House,2,DEM,Uma Upas,500\n"
    )
    path = write(tmp_path, text, "fl.csv")
    result = invoke("seats", str(path))
    assert result.code == 2
    assert "President (1 race), U.S. House (2 races)" in " ".join(result.stderr.split())
    house = invoke("seats", str(path), "--race", "U.S. House", "-f", "json")
    assert house.code == 0, house.stderr
    (allocation,) = json.loads(house.stdout)["elections"][0]["allocations"]
    assert {p["party"]: (p["votes"], p["seats"]) for p in allocation["parties"]} == {
        "REP": (1100, 1),
        "DEM": (1250, 1),
    }


def test_the_library_refuses_too(tmp_path):
    path = write(tmp_path, GENERAL, "general.csv")
    elections = list(load([str(path)]))
    with pytest.raises(UsageError, match="4 offices"):
        allocate(elections)
    house = [e for e in elections if e.race is not None and e.race.roles["office"] == "U.S. House"]
    assert allocate(house).elections[0].seats == 2


def test_one_office_spelt_two_ways_is_one_office(tmp_path):
    """Offices are compared as races are across files (punctuation and case aside)."""
    text = (
        "office,district,party,candidate,votes\n"
        "U.S. House,1,DEM,Vi Vine,10\n"
        "U.S. House,1,REP,Wes Willow,20\n"
        "US HOUSE,2,DEM,Xia Yew,30\n"
        "US HOUSE,2,REP,Zed Zelkova,5\n"
    )
    result = invoke("seats", str(write(tmp_path, text)), "-f", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["elections"][0]["seats"] == 2


OFFICES = ["State House", "State Senate", "U.S. House", "Governor"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    races=st.lists(
        st.tuples(
            st.sampled_from(OFFICES), st.integers(1, 4), st.integers(1, 99), st.integers(1, 99)
        ),
        min_size=2,
        max_size=8,
        unique_by=lambda r: (r[0], r[1]),
    )
)
def test_seats_never_adds_up_races_of_two_offices(tmp_path, races):
    lines = ["office,district,party,candidate,votes"]
    for office, district, red, blue in races:
        lines += [f"{office},{district},Red,R {office} {district},{red}"]
        lines += [f"{office},{district},Blue,B {office} {district},{blue}"]
    path = write(tmp_path, "\n".join(lines) + "\n", "drawn.csv")
    elections = list(load([str(path)]))
    offices = {office for office, *_ in races}
    try:
        report = allocate(elections)
    except UsageError as error:
        assert len(offices) > 1 or len(elections) == 1, str(error)
        return
    assert len(offices) == 1 and len(elections) > 1
    (seats,) = report.elections
    frame = pd.DataFrame(races, columns=["office", "district", "red", "blue"])
    assert seats.seats == len(elections)
    (allocation,) = seats.allocations
    votes = {p.party: p.votes for p in allocation.parties}
    assert votes == {"Red": int(frame["red"].sum()), "Blue": int(frame["blue"].sum())}


def test_single_office_layouts_keep_working(tmp_path):
    """MEDSL's House layout: one office, a state beside districts; still allocated."""
    text = (
        "year,state,office,district,candidate,party,candidatevotes\n"
        "2022,AAA,US HOUSE,1,Ann,DEMOCRAT,10\n"
        "2022,AAA,US HOUSE,1,Bob,REPUBLICAN,12\n"
        "2022,BBB,US HOUSE,1,Cat,DEMOCRAT,30\n"
        "2022,BBB,US HOUSE,1,Dan,REPUBLICAN,5\n"
    )
    result = invoke("seats", str(write(tmp_path, text)), "-f", "json")
    assert result.code == 0, result.stderr
    (allocation,) = json.loads(result.stdout)["elections"][0]["allocations"]
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == {
        "DEMOCRAT": 1,
        "REPUBLICAN": 1,
    }


def test_docs_say_it():
    root = Path(__file__).resolve().parent.parent
    docs = " ".join((root / "docs" / "seats.md").read_text(encoding="utf-8").split())
    assert "One office, one chamber" in docs


def test_summary_says_its_races_won_add_up_several_offices(tmp_path):
    """Label only: the tally's figures are unchanged, a note says what they add up."""
    path = write(tmp_path, GENERAL, "general.csv")
    data = json.loads(invoke("summary", str(path), "-f", "json").stdout)
    notes = " ".join(data["overview"]["notes"])
    assert "add up races of 4 offices (Governor, U.S. House, State Senate, State House)" in notes
    assert data["tally"]["races"] == 7
    one = json.loads(invoke("summary", str(path), "-f", "json", "--race", "U.S. House").stdout)
    assert "offices" not in " ".join(one["overview"]["notes"])


def test_an_office_that_names_its_seats_is_one_office(tmp_path):
    """Offices such as "State Representative 12th District" (no district column): one chamber,
    its seats told apart by the number, allocated as before; --race with the shared start."""
    text = (
        "office,party,candidate,votes\n"
        "State Representative 1st District,DEM,Al Alder,10\n"
        "State Representative 1st District,REP,Bea Beech,20\n"
        "State Representative 2nd District,DEM,Col Cherry,30\n"
        "State Representative 2nd District,REP,Dot Date,5\n"
        "State Representative 12th District,DEM,Eli Ebony,7\n"
        "State Representative 12th District,REP,Fen Fig,9\n"
        "Governor,DEM,Gil Gingko,50\n"
        "Governor,REP,Hu Holly,40\n"
    )
    path = write(tmp_path, text)
    result = invoke("seats", str(path))
    assert result.code == 2
    message = " ".join(result.stderr.split())
    assert "2 offices: State Representative (3 races), Governor (1 race)" in message
    assert "--race 'State Representative'" in message and "--where" not in message
    picked = invoke("seats", str(path), "--race", "State Representative", "-f", "json")
    assert picked.code == 0, picked.stderr
    (allocation,) = json.loads(picked.stdout)["elections"][0]["allocations"]
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == {"REP": 2, "DEM": 1}


def test_a_file_of_one_governor_race_says_it_is_no_chamber(tmp_path):
    text = (
        "county,office,party,candidate,votes\n"
        "North,Governor,DEM,Ann Ash,5\n"
        "North,Governor,REP,Bo Birch,4\n"
        "South,Governor,DEM,Ann Ash,3\n"
        "South,Governor,REP,Bo Birch,6\n"
    )
    result = invoke("seats", str(write(tmp_path, text)))
    assert result.code == 2
    assert "is no chamber" in " ".join(result.stderr.split())


def test_an_office_spelt_two_ways_is_named_as_written_not_cut(tmp_path):
    """NJ Burlington 2014 (trial 9): "U.S House" in two districts and "U.S. House" in a third made
    the overview list the offices as "U.S, U.S. Senate": the start the spellings share was taken
    for a name of seats. An office's name is one of its spellings as written (the most used)."""
    text = (
        "office,district,party,candidate,votes\n"
        "U.S House,1,DEM,Al Alder,10\n"
        "U.S House,1,REP,Bea Beech,20\n"
        "U.S House,2,DEM,Col Cherry,30\n"
        "U.S House,2,REP,Dot Date,5\n"
        "U.S. House,3,DEM,Eli Ebony,7\n"
        "U.S. House,3,REP,Fen Fig,9\n"
        "U.S. Senate,,DEM,Gil Gingko,50\n"
        "U.S. Senate,,REP,Hu Holly,40\n"
    )
    data = json.loads(invoke("summary", str(write(tmp_path, text)), "-f", "json").stdout)
    notes = " ".join(data["overview"]["notes"])
    assert "add up races of 2 offices (U.S House, U.S. Senate)" in notes
