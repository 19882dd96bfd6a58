"""One party written two ways in one file (session 19, Connecticut's 2000 town file from
OpenElections: `D` in some towns, `Dem` in others, `R` and `Rep`, for the same candidates). Each
candidate is one candidate, never their own runner-up, and the races and seats won per party count
the party once. Figures invented, the shape is the file's."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

TOWNS = (
    "county,town,office,district,party,candidate,votes\n"
    'New Haven,"Ansonia, part of",State House,104,R,Brad Tobin,1325\n'
    'New Haven,"Ansonia, part of",State House,104,D,Vincent J. Tonucci,4292\n'
    'New Haven,"Derby, part of",State House,104,Rep,Brad Tobin,468\n'
    'New Haven,"Derby, part of",State House,104,Dem,Vincent J. Tonucci,1360\n'
    "New Haven,Oxford,State House,131,R,Ron S. San Angelo,2698\n"
    "New Haven,Oxford,State House,131,PC,Jay Halpern,621\n"
    'New Haven,"Middlebury, part of",State House,131,Rep,Ron S. San Angelo,1364\n'
    'New Haven,"Middlebury, part of",State House,131,PC,Jay Halpern,210\n'
    "Fairfield,Bethel,State House,2,Dem,Ann Lee,900\n"
    "Fairfield,Bethel,State House,2,Rep,Bo Tate,800\n"
)


def _oracle() -> pd.DataFrame:
    frame = pd.read_csv(io.StringIO(TOWNS))
    return frame.groupby(["district", "candidate"])["votes"].sum()


def test_a_candidate_whose_party_is_written_two_ways_is_one_candidate(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, TOWNS))
    by_race = {e.facts.election: e for e in elections}
    sums = _oracle()
    house = by_race["State House · 104"]
    assert {o.candidate: o.votes for o in house.options} == {
        "Vincent J. Tonucci": sums[104]["Vincent J. Tonucci"],
        "Brad Tobin": sums[104]["Brad Tobin"],
    }
    assert {o.candidate: o.party for o in house.options} == {
        "Vincent J. Tonucci": "D",
        "Brad Tobin": "R",
    }
    assert (
        "Vincent J. Tonucci's party is written D and Dem: one party, counted as one candidate."
        in (house.notes)
    )
    assert not [p for p in problems if p.code == "shared-name"]


def test_the_summary_names_the_real_runner_up_and_margin(tmp_path):
    result = invoke("summary", str(write(tmp_path, TOWNS)), "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    sums = _oracle()
    race = races["State House · 131"]
    assert race["leader"]["candidate"] == "Ron S. San Angelo"
    assert race["leader"]["votes"] == sums[131]["Ron S. San Angelo"] == 4062
    assert race["runner_up"]["candidate"] == "Jay Halpern"
    assert race["margin"]["votes"] == 4062 - 831


def test_races_and_seats_won_count_the_party_once(tmp_path):
    path = write(tmp_path, TOWNS)
    result = invoke("summary", str(path), "--format", "json")
    tally = json.loads(result.stdout)["tally"]
    # By hand: Tonucci (D / Dem) and Ann Lee (Dem) won; San Angelo (R / Rep) won.
    assert {p["party"]: p["won"] for p in tally["parties"]} == {"D": 2, "R": 1}
    seats = invoke("seats", str(path), "--format", "json")
    assert seats.code == 0, seats.stderr
    (allocation,) = json.loads(seats.stdout)["elections"][0]["allocations"]
    parties = {p["party"]: p for p in allocation["parties"]}
    frame = pd.read_csv(io.StringIO(TOWNS))
    blue = frame[frame.party.isin(["D", "Dem"])].votes.sum()
    assert set(parties) == {"D", "R", "PC"}
    assert (parties["D"]["seats"], parties["D"]["votes"]) == (2, blue)


def test_liberal_and_libertarian_stay_two_parties(tmp_path):
    text = (
        "constituency,party,candidate,votes\n"
        "North,Lib,Ann Lee,500\nNorth,Libertarian,Bo Tate,400\n"
        "South,Libertarian,Cy Dale,600\nSouth,Lib,Di Fox,300\n"
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    tally = json.loads(result.stdout)["tally"]
    assert {p["party"]: p["won"] for p in tally["parties"]} == {"Lib": 1, "Libertarian": 1}


def test_dem_and_democratic_in_two_counties_are_one_candidate(tmp_path, monkeypatch):
    text = (
        "county,candidate,party,votes\n"
        "A,Ann Ray,DEM,70\nA,Bo Tate,REP,60\nB,Ann Ray,Democratic,20\nB,Bo Tate,REP,50\n"
    )
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: (o.party, o.votes) for o in election.options} == {
        "Ann Ray": ("DEM", 90),
        "Bo Tate": ("REP", 110),
    }
    assert problems == []


# A cross-endorsed candidate (Connecticut 2000, State Senate 24: Rep and Ind in every town) beside
# a rival of another name; figures invented.
FUSED = (
    "county,town,office,district,party,candidate,votes\n"
    "Fairfield,Bethel,State Senate,24,Rep,David J. Cappiello,4653\n"
    "Fairfield,Bethel,State Senate,24,Ind,David J. Cappiello,508\n"
    "Fairfield,Danbury,State Senate,24,Rep,David J. Cappiello,11135\n"
    "Fairfield,Danbury,State Senate,24,Ind,David J. Cappiello,945\n"
    "Fairfield,Danbury,State Senate,24,Grn,Al Fox,300\n"
)


def test_a_leaders_own_other_line_is_no_rival_to_measure_a_margin_by(tmp_path):
    path = write(tmp_path, FUSED)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (race,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(FUSED))
    lines = frame.groupby("party").votes.sum()
    assert race["leader"]["candidate"] == "David J. Cappiello (Rep)"
    assert race["leader"]["votes"] == lines["Rep"]
    assert race["runner_up"]["candidate"] == "David J. Cappiello (Ind)"
    assert race["runner_up"]["votes"] == lines["Ind"]
    assert race["margin"] is None
    notes = " ".join(race["notes"])
    assert "Runner-up as listed: David J. Cappiello (Ind)" in notes
    assert "no margin is measured" in notes and "margin 8" not in notes
    fused = invoke("summary", str(path), "--fusion", "--format", "json")
    (race,) = json.loads(fused.stdout)["elections"]
    assert race["runner_up"]["candidate"] == "Al Fox"
    by_name = frame.groupby("candidate").votes.sum()
    assert race["margin"]["votes"] == by_name["David J. Cappiello"] - by_name["Al Fox"]


def test_the_races_table_measures_no_lead_between_one_names_lines(tmp_path):
    text = (
        FUSED
        + "Fairfield,Bethel,State House,2,Dem,Ann Lee,900\nFairfield,Bethel,State House,2,Rep,Bo Tate,800\n"
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    lines = {r["race"]: r for r in json.loads(result.stdout)["overview"]["races"]}
    assert lines["State Senate · 24"]["margin"] is None
    assert lines["State House · 2"]["margin"]["votes"] == 100
    assert lines["State House · 2"]["margin"]["pp"] == pytest.approx(100 / 17)
