"""One candidate in each of two counties, who stand nowhere else: one race or two unopposed ones?

Three such counties or more are a race each (`read.geography`); two stayed one race, and the
candidate with more votes "won the seat with a majority" — a confident guess at best, since a sheriff
per county is as likely. Now no winner is named and a `race-split` warning says how to tell:
`--race-by` with the county for a race per county, without it for one race.
"""

from __future__ import annotations

import json

import pandas as pd

from conftest import engines_agree, invoke, write

SHERIFFS = """county,precinct,office,district,party,candidate,votes
Adams,P1,Sheriff,,REP,Al Smith,100
Adams,P2,Sheriff,,REP,Al Smith,50
Baker,P1,Sheriff,,DEM,Bea Jones,70
Baker,P2,Sheriff,,DEM,Bea Jones,20
Adams,P1,Governor,,REP,Bo Ray,60
Adams,P1,Governor,,DEM,Ann Lee,40
Baker,P1,Governor,,REP,Bo Ray,30
Baker,P1,Governor,,DEM,Ann Lee,55
"""


def test_two_lone_candidates_in_two_counties_name_no_winner(tmp_path, monkeypatch):
    path = write(tmp_path, SHERIFFS)
    elections, problems = engines_agree(monkeypatch, path)
    by_name = {e.facts.election: e for e in elections}
    sheriff = by_name["Sheriff"]
    assert sheriff.no_winner is not None and "Al Smith" in sheriff.no_winner
    assert by_name["Governor"].no_winner is None  # contested in both counties: one race
    (warning,) = [p for p in problems if p.code == "race-split"]
    assert "--race-by" in warning.message and "'Sheriff'" in warning.message
    assert warning in sheriff.warnings


def test_the_overview_counts_no_winner(tmp_path):
    path = write(tmp_path, SHERIFFS)
    document = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    races = {r["race"]: r for r in document["overview"]["races"]}
    assert races["Sheriff"]["won"] is False
    # The oracle: pandas' sums per candidate, the leader of Governor by the added-up votes.
    frame = pd.read_csv(path)
    governor = frame[frame.office == "Governor"].groupby("candidate").votes.sum()
    assert races["Governor"]["leader"]["candidate"] == governor.idxmax()


def test_race_by_settles_it_either_way(tmp_path):
    path = write(tmp_path, SHERIFFS)
    apart = json.loads(
        invoke("summary", str(path), "--race-by", "office,county", "--format", "json").stdout
    )
    won = {r["race"]: r["leader"]["candidate"] for r in apart["overview"]["races"] if r["won"]}
    assert won["Sheriff · Adams"] == "Al Smith" and won["Sheriff · Baker"] == "Bea Jones"
    together = invoke("summary", str(path), "--race-by", "office", "--race", "Sheriff")
    assert together.code == 0
    assert "race-split" not in together.stderr and "one candidate in each" not in together.stderr
    assert "Al Smith wins the seat" in " ".join(together.stdout.split())


def test_a_candidate_in_both_counties_or_a_district_is_no_such_case(tmp_path, monkeypatch):
    both_counties = SHERIFFS + "Baker,P3,Sheriff,,REP,Al Smith,5\n"
    elections, problems = engines_agree(monkeypatch, write(tmp_path, both_counties, "a.csv"))
    assert all(e.no_winner is None for e in elections)
    assert not [p for p in problems if "one candidate in each" in p.message]
    district = SHERIFFS.replace(",Sheriff,,", ",State House,7,")
    elections, problems = engines_agree(monkeypatch, write(tmp_path, district, "b.csv"))
    assert all(e.no_winner is None for e in elections)


def test_a_file_of_one_office_names_the_race_by_its_office(tmp_path, monkeypatch):
    # Before: "1 race(s) (e.g. 'lone': …)", the file's name, where the header shows "Sheriff".
    rows = "\n".join(SHERIFFS.splitlines()[:5]) + "\n"
    _, problems = engines_agree(monkeypatch, write(tmp_path, rows, "lone.csv"))
    (warning,) = [p for p in problems if p.code == "race-split"]
    assert warning.message.startswith("1 race ('Sheriff': Al Smith in 'Adams' only")
    assert "'lone'" not in warning.message and "race(s)" not in warning.message
