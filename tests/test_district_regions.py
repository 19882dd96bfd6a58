"""A district race whose candidates each stand in one county only is one race, not a race per county
(trial 4: Michigan's 2020 county file lists State House 101 in Manistee, and one row of it,
Melissa Noelle Lambert's 720 votes, under Isabella: a misfiled row that became a race and an
unopposed seat). The county names races (a sheriff per county) only for offices with no district;
the stray row is reported instead. Figures invented, the layout is the file's; oracle: pandas
group-bys by the intended race keys, and hand-counted seats."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


# Each district counted in one county (as Michigan's file has most), Gil Gray's row of district 3
# under Birch (whose rows are district 2's); sheriffs per county, with no district.
MI = (
    "county,office,district,candidate,party,votes\n"
    "Alder,State House,1,Ann Ash,REP,900\n"
    "Alder,State House,1,Ben Birch,DEM,800\n"
    "Birch,State House,2,Cy Cole,REP,700\n"
    "Birch,State House,2,Di Dunn,DEM,750\n"
    "Cedar,State House,3,Eve Egan,REP,600\n"
    "Cedar,State House,3,Flo Fox,DEM,500\n"
    "Cedar,State House,3,Write-In,,15\n"
    "Birch,State House,3,Gil Gray,,72\n"
    "Alder,Sheriff,,Hal Hart,REP,1000\n"
    "Alder,Sheriff,,Ike Ivy,DEM,650\n"
    "Birch,Sheriff,,Jo Jay,REP,640\n"
    "Birch,Sheriff,,Kim Key,DEM,880\n"
)


def intended(text: str) -> dict[str, dict[str, int]]:
    """Votes per candidate per race: a district's race by office and district, an office with no
    district by office and county (pandas)."""
    frame = pd.read_csv(io.StringIO(text), dtype={"district": "string"})
    frame["race"] = frame["office"] + " · " + frame["district"].fillna(frame["county"])
    out: dict[str, dict[str, int]] = {}
    for (race, name), votes in (
        frame.groupby(["race", "candidate"], sort=False)["votes"].sum().items()
    ):
        out.setdefault(race, {})[name] = int(votes)
    return out


def test_a_district_split_by_county_is_one_race(tmp_path, monkeypatch):
    path = write(tmp_path, MI)
    elections, problems = engines_agree(monkeypatch, path)
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == intended(MI)
    assert "State House · 3" in got and not any("Birch" in r for r in got if "House" in r)
    (warning,) = [p for p in problems if p.code == "district-regions"]
    assert warning.line == 9 and warning.race == "State House · 3"
    assert "'Gil Gray' (line 9, 'Birch') stands where none" in warning.message
    assert "'Cedar'" in warning.message and "check the district column" in warning.message


def test_no_seat_comes_from_a_county_slice_of_a_district(tmp_path):
    result = invoke("seats", str(write(tmp_path, MI)), "--race", "State House", "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    districts = {d["district"]: d for d in election["districts"]}
    assert sorted(districts) == ["State House · 1", "State House · 2", "State House · 3"]
    # Hand-counted: Ann Ash (REP) 900 > 800, Di Dunn (DEM) 750 > 700, Eve Egan (REP) 600 > 500.
    won = {p["party"]: p["seats"] for p in election["allocations"][0]["parties"] if p["seats"]}
    assert won == {"REP": 2, "DEM": 1}
    assert "district-regions" in result.stderr or "check the district column" in result.stderr


def test_sheriffs_per_county_are_still_races(tmp_path, monkeypatch):
    text = "".join(line + "\n" for line in MI.splitlines() if "State House" not in line)
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert {e.facts.election for e in elections} == {"Sheriff · Alder", "Sheriff · Birch"}
    assert not [p for p in problems if p.code == "district-regions"]


def test_a_district_over_counties_gives_no_warning(tmp_path, monkeypatch):
    text = (
        "county,office,district,candidate,party,votes\n"
        "Alder,State House,1,Ann Ash,REP,900\nAlder,State House,1,Ben Birch,DEM,800\n"
        "Birch,State House,1,Ann Ash,REP,100\nBirch,State House,1,Ben Birch,DEM,300\n"
    )
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in election.options} == {"Ann Ash": 1000, "Ben Birch": 1100}
    assert not [p for p in problems if p.code == "district-regions"]


def test_districts_numbered_within_each_county_stay_races(tmp_path, monkeypatch):
    """A county commission's district 1 in two counties, contested in each: two races, as before
    (and as a sheriff's per county), not one race of four candidates."""
    text = (
        "county,office,district,candidate,party,votes\n"
        "Alder,County Commission,1,Ann Ash,REP,900\nAlder,County Commission,1,Ben Birch,DEM,800\n"
        "Birch,County Commission,1,Cy Cole,REP,700\nBirch,County Commission,1,Di Dunn,DEM,750\n"
    )
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    frame = pd.read_csv(io.StringIO(text))
    by_county = frame.groupby("county", sort=False)["candidate"].apply(list).to_dict()
    assert {e.facts.election: [o.candidate for o in e.options] for e in elections} == {
        f"County Commission · {county}": names for county, names in by_county.items()
    }
    assert not [p for p in problems if p.code == "district-regions"]


# Delaware 2022 (MEDSL precinct file): county council districts numbered within each county, district
# 4 contested in Sussex and unopposed in New Castle, a Democrat in each: two races (review of the
# change above, which merged them and named Hudson the winner over Hollins).
DE = (
    "county,office,district,candidate,party,votes\n"
    "New Castle,County Council,4,Penrose Hollins,DEM,10257\n"
    "Sussex,County Council,4,Douglas Hudson,REP,15190\n"
    "Sussex,County Council,4,Nathan Mitchell,DEM,8674\n"
    "New Castle,County Council,2,Dee Durham,DEM,11912\n"
    "New Castle,County Council,2,Jamie Collins,REP,7588\n"
    "Sussex,Sheriff,,Ann Ash,REP,900\n"
    "Sussex,Sheriff,,Ben Birch,DEM,800\n"
)


def test_a_lone_candidate_whose_party_stands_in_the_contested_county_is_another_race(
    tmp_path, monkeypatch
):
    path = write(tmp_path, DE)
    elections, problems = engines_agree(monkeypatch, path)
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    frame = pd.read_csv(io.StringIO(DE), dtype={"district": "string"})
    council = frame[frame["office"] == "County Council"]
    by_county = council[council["district"] == "4"].groupby("county")["candidate"].apply(set)
    fours = [names for race, names in got.items() if race.startswith("County Council · 4")]
    assert sorted(map(set, fours), key=len) == sorted(by_county.tolist(), key=len)
    assert not [p for p in problems if p.code == "district-regions"]


# Massachusetts 2016 (OpenElections' county-level general): the 5th Middlesex Senate district
# over two towns, each spelling both candidates its own way (`Jason Lewis` / `Jason M. Lewis`,
# `Vincent Dixon` / `Vincent Lawrence Dixon`): read as two races, one a town, the seat "won" twice
# ("Races won: DEM 2 of 2"). Invented names and figures in the file's layout.
SPELT = (
    "county,office,district,party,candidate,votes\n"
    "Alder,State Senate,3rd Essex,DEM,Ann Ash,1000\n"
    "Alder,State Senate,3rd Essex,REP,Ben Birch,400\n"
    "Alder,State Senate,3rd Essex,,Write-ins,3\n"
    "Birch,State Senate,3rd Essex,DEM,Ann B. Ash,1500\n"
    "Birch,State Senate,3rd Essex,REP,Ben Carl Birch,300\n"
    "Birch,State Senate,3rd Essex,,Write-ins,6\n"
    "Alder,Sheriff,,REP,Cy Cole,700\n"
    "Alder,Sheriff,,DEM,Di Dunn,750\n"
)


def test_a_district_whose_counties_spell_its_candidates_apart_is_one_race(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, SPELT))
    senate = [e for e in elections if e.facts.election.startswith("State Senate")]
    (race,) = senate
    assert race.facts.election == "State Senate · 3rd Essex"
    # By hand: the four spellings, kept apart, each with its county's votes.
    assert {o.candidate: o.votes for o in race.options} == {
        "Ann Ash": 1000,
        "Ben Birch": 400,
        "Write-ins": 9,
        "Ann B. Ash": 1500,
        "Ben Carl Birch": 300,
    }
    variants = [p.message for p in problems if p.code == "name-variant"]
    assert any("'Ann Ash'" in m and "'Ann B. Ash'" in m for m in variants)
    assert any("'Ben Birch'" in m and "'Ben Carl Birch'" in m for m in variants)


# One district written with a stop or a dash in some counties' rows (`5th Middlesex.`,
# `5th-Middlesex`): race keys told apart by punctuation alone were races of their own, each
# "won" ("Seats won: DEM 2, REP 2" for two seats). Invented figures.
PUNCTUATED = (
    "county,office,district,party,candidate,votes\n"
    "Alder,State Senate,3rd Essex,DEM,Ann Ash,1000\n"
    "Alder,State Senate,3rd Essex,REP,Ben Birch,400\n"
    "Birch,State Senate,3rd Essex.,DEM,Ann Ash,1500\n"
    "Birch,State Senate,3rd Essex.,REP,Ben Birch,300\n"
    "Cedar,State Senate,3rd-Essex,DEM,Ann Ash,10\n"
    "Cedar,State Senate,3rd-Essex,REP,Ben Birch,3\n"
    "Alder,State Senate,4th Essex,DEM,Cy Cole,10\n"
    "Alder,State Senate,4th Essex,REP,Di Dunn,30\n"
    "Alder,State Senate,1-2,DEM,Ed Eck,5\n"  # no "12": a dash between figures stays apart
    "Alder,State Senate,12,DEM,Flo Fox,6\n"
)


def test_race_keys_told_apart_by_punctuation_only_are_one_race(tmp_path, monkeypatch):
    elections, _ = engines_agree(monkeypatch, write(tmp_path, PUNCTUATED))
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    frame = pd.read_csv(io.StringIO(PUNCTUATED), dtype={"district": "string"})
    essex = frame[frame["district"].str.startswith("3rd")].groupby("candidate")["votes"].sum()
    assert got["State Senate · 3rd Essex"] == essex.to_dict()  # Ann Ash 2,510, Ben Birch 703
    assert sorted(got) == [
        "State Senate · 1-2",
        "State Senate · 12",
        "State Senate · 3rd Essex",
        "State Senate · 4th Essex",
    ]
