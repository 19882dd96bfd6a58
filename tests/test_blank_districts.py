"""Rows of an office with a blank district, beside races of the office that name theirs and whose
candidates they share, are one of those races' rows: no winner is named in the race they make
(trial 3: Franklin County's U.S. House rows in Kentucky's 2018 file made a race "U.S. House" that
Amy McGrath "won", a seat of district 6, which Barr won)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import engines_agree, invoke, write

ROWS = """county,precinct,office,district,candidate,party,votes
A,1,U.S. House,1,Ann,REP,5
A,1,U.S. House,1,Bob,DEM,4
B,1,U.S. House,,Cy,REP,3
B,1,U.S. House,,Dee,DEM,6
B,2,U.S. House,2,Cy,REP,30
B,2,U.S. House,2,Dee,DEM,20
A,1,City Council,,Gus,,7
A,1,City Council,,Hal,,2
A,1,City Council,3,Ivy,,5
A,1,City Council,3,Jo,,6
A,1,Governor,,Eve,REP,9
A,1,Governor,,Fay,DEM,8
"""


def overview(path: Path, *args: str) -> dict:
    result = invoke("summary", str(path), "-f", "json", "--overview", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_blank_district_rows_of_a_districts_candidates_name_no_winner(tmp_path):
    data = overview(write(tmp_path, ROWS))
    won = {r["race"]: r["won"] for r in data["overview"]["races"]}
    assert won["U.S. House"] is False
    # The districts, an at-large council seat (candidates of its own) and a statewide office
    # (no district anywhere) are races as before.
    assert won["U.S. House · 1"] and won["U.S. House · 2"] and won["Governor"]
    assert won["City Council"] and won["City Council · 3"]
    race = next(e for e in data["elections"] if e["election"] == "U.S. House")
    assert "race-split" in race["warning_codes"]
    # REP: House 1, House 2, Governor; the council's no-party winners; U.S. House undecided.
    assert data["tally"]["undecided"] == 1


def test_the_findings_say_which_race_the_rows_belong_to(tmp_path):
    result = invoke("summary", str(write(tmp_path, ROWS)), "--race", "U.S. House")
    text = " ".join(result.stdout.replace("│", " ").split())
    assert "its candidates are those of 'U.S. House · 2'" in text
    assert "No winner is named; give the rows their district." in text
    assert "wins the seat" not in text


def test_both_engines_agree(monkeypatch, tmp_path):
    elections, _ = engines_agree(monkeypatch, write(tmp_path, ROWS))
    assert [e.facts.election for e in elections if e.no_winner] == ["U.S. House"]


KY = Path("/work/extra-realworld/us_ky_2018_general_precinct.csv")


@pytest.mark.skipif(not KY.exists(), reason="the Kentucky 2018 file is not here")
def test_kentucky_franklin_county_is_no_house_seat():
    result = invoke("summary", str(KY), "-f", "json", "--overview")
    data = json.loads(result.stdout)
    won = {r["race"]: r["won"] for r in data["overview"]["races"]}
    assert won["U.S. House"] is False


# Arizona's 2024 Pima County file: an independent's rows (MATHIS, CHRIS: 68,197 votes) name no
# district, beside State House 18, whose rows list two candidates and a Total Votes that many
# above them. Read as a race "State House" of his alone, "MATHIS, CHRIS wins the seat with a
# majority". His votes are those State House 18's total holds beyond its candidates (by hand:
# 700 - 300 - 250 = 150 = 90 + 60): they are its rows. Figures invented.
UNLISTED = """precinct,office,district,party,candidate,votes
9,State House,18,DEM,Ann Arch,200
9,State House,18,REP,Ben Birch,150
9,State House,18,,Total Votes,440
9,State House,,,"CEDAR, CY",90
15,State House,18,DEM,Ann Arch,100
15,State House,18,REP,Ben Birch,100
15,State House,18,,Total Votes,260
15,State House,,,"CEDAR, CY",60
9,State House,17,DEM,Dee Dale,80
9,State House,17,REP,Eli Elm,70
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_rows_holding_what_a_districts_total_leaves_unlisted_name_no_winner(tmp_path, engine):
    assert (440 + 260) - (200 + 150 + 100 + 100) == 90 + 60
    path = write(tmp_path, UNLISTED, "20241105__az__general__pima__precinct.csv")
    result = invoke(
        "summary", str(path), "-f", "json", "--overview", env={"POLLCLI_ENGINE": engine}
    )
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    won = {r["race"]: r["won"] for r in data["overview"]["races"]}
    assert won["State House"] is False and won["State House · 17"]
    race = next(e for e in data["elections"] if e["election"] == "State House")
    notes = " ".join(race["notes"])
    assert "wins the seat" not in notes
    assert "'State House · 18'" in notes and "give the rows their district" in notes


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize("race", ["State House", "state house"])
def test_race_of_rows_of_no_district_reads_as_in_the_whole_file(tmp_path, engine, race):
    # --race 'State House' keeps the race of no district alone: its district's races, left out,
    # were not assembled to compare, and "CEDAR, CY wins the seat with a majority". They are
    # assembled for the check, and not shown: the same reading as the whole file's.
    path = write(tmp_path, UNLISTED, "20241105__az__general__pima__precinct.csv")
    whole = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    flags = ("-f", "json", "--overview", "--race", race)
    result = invoke("summary", str(path), *flags, env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    (kept,) = data["elections"]
    (same,) = [e for e in json.loads(whole.stdout)["elections"] if e["election"] == "State House"]
    assert kept["results"] == same["results"]
    assert [r["won"] for r in data["overview"]["races"]] == [False]
    said = [n for n in same["notes"] if "'State House · 18'" in n]
    assert said and all(n in kept["notes"] for n in said)
    assert "wins the seat" not in " ".join(kept["notes"])
    said_aloud = result.stderr.replace(str(path), "FILE")  # (pytest's tmp path may hold 17)
    assert "17" not in said_aloud and "Dee Dale" not in result.stdout


def test_race_named_without_its_separator_keeps_that_race(tmp_path):
    # --race 'State House 18' matched none of the races ('State House · 18' is the name): a name
    # written without its " · " is that race's whole name, and keeps it alone.
    path = write(tmp_path, UNLISTED, "20241105__az__general__pima__precinct.csv")
    result = invoke("summary", str(path), "-f", "json", "--race", "state house 18")
    assert result.code == 0, result.stderr
    (kept,) = json.loads(result.stdout)["elections"]
    assert kept["election"] == "State House · 18"
    assert {r["candidate"]: r["votes"] for r in kept["results"]}["Ann Arch"] == 200 + 100
    assert invoke("summary", str(path), "--race", "State House 1").code != 0
