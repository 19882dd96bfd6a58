"""`Total` rows of no party in a file of party primaries (OpenElections' Texas layout): each is set
aside in the primary it totals, never a race of its own, by both engines.

The figures are checked against a plain sum of the rows that are not `Total` (the oracle), and the
totals against the hand-written sums beside each file."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, engines, stream

# Two parties' primaries of one office (each closed by its own `Total`), an office of one party,
# and a district office of both; the `Total` row has no party, as in the Texas files.
STATEWIDE = """office,district,candidate,party,votes
Senate,,Ann Alpha,REP,600
Senate,,Bob Beta,REP,400
Senate,,Total,,1000
Commissioner,,Eve Eps,REP,700
Commissioner,,Total,,700
House,1,Fay Phi,REP,310
House,1,Gus Chi,REP,90
House,1,Total,,400
House,2,Hal Psi,REP,250
House,2,Total,,250
Senate,,Cat Gamma,DEM,300
Senate,,Dan Delta,DEM,200
Senate,,Total,,500
House,1,Ike Iota,DEM,120
House,1,Total,,120
House,2,Jo Kappa,DEM,80
House,2,Jon Lambda,DEM,70
House,2,Total,,150
"""
STATEWIDE_RACES = {
    "Senate · Republican primary": {"Ann Alpha": 600, "Bob Beta": 400},
    "Commissioner · Republican primary": {"Eve Eps": 700},
    "House · 1 · Republican primary": {"Fay Phi": 310, "Gus Chi": 90},
    "House · 2 · Republican primary": {"Hal Psi": 250},
    "Senate · Democratic primary": {"Cat Gamma": 300, "Dan Delta": 200},
    "House · 1 · Democratic primary": {"Ike Iota": 120},
    "House · 2 · Democratic primary": {"Jo Kappa": 80, "Jon Lambda": 70},
}


def oracle(text: str) -> dict[tuple[str, str, str], dict[str, int]]:
    """The races' options as a plain sum of the rows that are not `Total`, by office, district and
    party (an independent reading of the file)."""
    sums: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    header, *rows = [line.split(",") for line in text.strip().splitlines()]
    for cells in rows:
        row = dict(zip(header, cells, strict=True))
        if row["candidate"] != "Total":
            key = (row["office"], row["district"], row["party"])
            sums[key][row["candidate"]] += int(row["votes"])
    return {k: dict(v) for k, v in sums.items()}


def both(monkeypatch, path, options=None):
    """The file through each engine (the streaming one with tiny blocks); both must agree."""
    return engines_agree(monkeypatch, path, read_options=options, block_bytes=96)


def races_of(elections) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def test_the_oracle_agrees_with_the_hand_written_races():
    assert sorted(map(sorted, oracle(STATEWIDE).values())) == sorted(
        map(sorted, STATEWIDE_RACES.values())
    )
    assert sorted(sum(v.values()) for v in oracle(STATEWIDE).values()) == sorted(
        [1000, 700, 400, 250, 500, 120, 150]
    )


def test_total_rows_of_no_party_are_set_aside_in_their_primary(tmp_path, monkeypatch):
    path = write(tmp_path, STATEWIDE, "20180306__xx__primary.csv")
    elections, problems = both(monkeypatch, path)
    assert races_of(elections) == STATEWIDE_RACES
    assert all(e.race is not None and e.race.primary for e in elections)
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]
    aside = [p for p in problems if p.code == "total-row"]
    lines = {line for p in aside for line in map(int, _numbers(p.message))}
    assert {4, 6, 9, 11, 14, 16, 19} <= lines  # every Total row, each in its primary


def _numbers(message: str) -> list[str]:
    import re

    return re.findall(r"lines? (\d+)", message)


# A county file: each county's `Total` of each party's primary; DEM's Total in Oak comes first in
# its county, before the candidates it totals.
COUNTIES = """county,office,district,party,candidate,votes
Oak,Governor,,REP,Ann Alpha,60
Oak,Governor,,REP,Bob Beta,40
Oak,Governor,,,Total,100
Pine,Governor,,REP,Ann Alpha,25
Pine,Governor,,REP,Bob Beta,35
Pine,Governor,,,Total,60
Oak,Governor,,,Total,50
Oak,Governor,,DEM,Cat Gamma,30
Oak,Governor,,DEM,Dan Delta,20
Pine,Governor,,DEM,Cat Gamma,9
Pine,Governor,,DEM,Dan Delta,11
Pine,Governor,,,Total,20
"""


def test_county_totals_go_with_the_primary_whose_sum_they_hold(tmp_path, monkeypatch):
    path = write(tmp_path, COUNTIES, "xx_primary_county.csv")
    elections, problems = both(monkeypatch, path)
    want = oracle(COUNTIES)  # (it sums the counties up)
    assert races_of(elections) == {
        f"Governor · {name} primary": want["Governor", "", party]
        for party, name in (("REP", "Republican"), ("DEM", "Democratic"))
    }
    assert races_of(elections) == {
        "Governor · Republican primary": {"Ann Alpha": 85, "Bob Beta": 75},
        "Governor · Democratic primary": {"Cat Gamma": 39, "Dan Delta": 31},
    }
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]


def test_a_total_of_both_primaries_is_checked_in_one_and_counts_nothing(tmp_path, monkeypatch):
    # One `Total` for both parties' rows (150 = 100 + 50): it totals neither primary, so it is
    # judged in the one before it and its mismatch said; the parts are counted.
    text = """office,candidate,party,votes
Mayor,Ann Alpha,REP,60
Mayor,Bob Beta,REP,40
Mayor,Cat Gamma,DEM,30
Mayor,Dan Delta,DEM,20
Mayor,Total,,150
"""
    elections, problems = both(monkeypatch, write(tmp_path, text, "city_primary.csv"))
    assert races_of(elections) == {
        "Mayor · Republican primary": {"Ann Alpha": 60, "Bob Beta": 40},
        "Mayor · Democratic primary": {"Cat Gamma": 30, "Dan Delta": 20},
    }
    (mismatch,) = [p for p in problems if p.code == "total-mismatch"]
    assert mismatch.line == 6 and "150" in mismatch.message and "50" in mismatch.message
    assert not [p for p in problems if p.severity == "error"]


def test_kind_candidate_keeps_a_candidate_named_total_in_a_race_of_no_party(tmp_path, monkeypatch):
    text = "office,candidate,party,votes\nMayor,Ann Alpha,REP,60\nMayor,Total,,15\n"
    path = write(tmp_path, text, "city_primary.csv")
    elections, _ = both(monkeypatch, path, ReadOptions(kinds={"Total": "candidate"}))
    assert races_of(elections) == {
        "Mayor · Republican primary": {"Ann Alpha": 60},
        "Mayor": {"Total": 15},
    }


def test_a_district_race_with_a_total_row_in_each_district_is_a_race_per_district(
    tmp_path, monkeypatch
):
    # A `Total` stands in every district by nature: no sign that the districts are one race's.
    text = """office,district,candidate,party,votes
U.S. House,1,Ann Alpha,REP,500
U.S. House,1,Total,,500
U.S. House,2,Bob Beta,DEM,300
U.S. House,2,Total,,300
U.S. House,3,Cat Gamma,REP,200
U.S. House,3,Total,,200
"""
    elections, problems = both(monkeypatch, write(tmp_path, text, "house.csv"))
    assert races_of(elections) == {
        "U.S. House · 1": {"Ann Alpha": 500},
        "U.S. House · 2": {"Bob Beta": 300},
        "U.S. House · 3": {"Cat Gamma": 200},
    }
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_summary_and_seats_name_no_total_as_a_leader(tmp_path, engine):
    path = write(tmp_path, STATEWIDE, "20180306__xx__primary.csv")
    env = {engines.ENGINE_ENV: engine}
    result = invoke("summary", str(path), "-f", "json", env=env)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    text = json.dumps(data)
    assert '"Total"' not in text
    seats = invoke("seats", str(path), env=env)
    assert "Total" not in seats.stdout + seats.stderr


def test_the_sum_decides_before_the_order_and_the_streaming_engine_keeps_the_file(
    tmp_path, monkeypatch
):
    # Oak's one `Total` (50) follows the REP rows but holds the DEM ones' sum (30 + 20).
    text = """county,office,party,candidate,votes
Oak,Governor,REP,Ann Alpha,60
Oak,Governor,REP,Bob Beta,40
Oak,Governor,,Total,50
Oak,Governor,DEM,Cat Gamma,30
Oak,Governor,DEM,Dan Delta,20
Pine,Governor,REP,Ann Alpha,5
Pine,Governor,DEM,Cat Gamma,7
"""
    path = write(tmp_path, text, "xx_primary.csv")
    elections, problems = both(monkeypatch, path)
    assert races_of(elections) == {
        "Governor · Republican primary": {"Ann Alpha": 65, "Bob Beta": 40},
        "Governor · Democratic primary": {"Cat Gamma": 37, "Dan Delta": 20},
    }
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]
    (aside,) = [p for p in problems if p.code == "total-row"]
    assert aside.line == 4 and "Democratic" in aside.message
    # Read by the streaming engine itself, not handed to the exact one.
    assert stream.read_stream(path, str(path), ReadOptions()) is not None


TOP_TWO = """county,office,district,party,candidate,votes
Oak,U.S. House,7,DEM,Ann Alpha,50
Oak,U.S. House,7,REP,Bob Beta,30
Oak,U.S. House,7,NPP,Cy Gamma,10
Pine,U.S. House,7,DEM,Ann Alpha,5
Pine,U.S. House,7,REP,Bob Beta,25
Pine,U.S. House,7,NPP,Cy Gamma,4
"""


def test_the_split_note_says_how_to_read_a_top_two_primary_as_one_race(tmp_path):
    path = write(tmp_path, TOP_TWO, "20160607__xx__primary.csv")
    split = json.loads(invoke("summary", str(path), "-f", "json").stdout)["splits"][0]
    assert split["races"] == 3
    assert (
        "a top-two primary, one race of every party per office, is read with --primary top-two"
        in (split["note"])
    )
    # Never the region as a race key (it split a statewide race into counties, trial 5).
    assert "--race-by" not in split["note"]
    # What it says does it: one race of all three, by a hand sum of the counties.
    result = invoke("summary", str(path), "-f", "json", "--primary", "top-two")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert election["advance"] == ["Ann Alpha", "Bob Beta"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Ann Alpha": 55,
        "Bob Beta": 55,
        "Cy Gamma": 14,
    }


def test_a_total_where_no_primary_of_its_office_has_a_row_is_left_as_read(tmp_path, monkeypatch):
    # Pine's `Total` has no candidate row of its office in Pine: it totals nothing there, and is
    # not given to a primary whose options it would join.
    text = """county,office,party,candidate,votes
Oak,Mayor,REP,Ann Alpha,60
Oak,Mayor,,Total,60
Pine,Mayor,,Total,0
"""
    elections, _ = both(monkeypatch, write(tmp_path, text, "city_primary.csv"))
    assert races_of(elections)["Mayor · Republican primary"] == {"Ann Alpha": 60}


# FiveThirtyEight's `election_results_presidential.csv`: each party's primary has its own race id;
# `Uncommitted` and unnamed write-ins have no ballot party, a named write-in has `W`; `percent` is
# of the race's votes, theirs included.
RACE_IDS = """race_id,state,cycle,stage,candidate_name,ballot_party,votes,percent,alt_result_text
8834,Montana,2024,primary,Joe Biden,DEM,900,90,
8834,Montana,2024,primary,,,100,10,No Preference
8835,Montana,2024,primary,Donald Trump,REP,760,76,
8835,Montana,2024,primary,Nikki Haley,REP,200,20,
8835,Montana,2024,primary,Ryan Ehrenreich,W,40,4,
8833,Montana,2024,general,Donald Trump,REP,3000,60,
8833,Montana,2024,general,Kamala Harris,DEM,2000,40,
"""


def test_rows_of_no_party_stay_in_their_race_ids_primary(tmp_path, monkeypatch):
    # Split by party as primaries are, each race id's `No Preference` (no party) and write-in
    # (`W`) were races of their own, leading with 100 %, beside primaries short of them; the
    # race id says whose they are. Oracle: the rows summed by race id, and the published
    # percents (no share warning).
    path = write(tmp_path, RACE_IDS, "538.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=128)
    expected: dict[str, dict[str, int]] = defaultdict(dict)  # (by race id, in the file's order)
    for line in RACE_IDS.strip().splitlines()[1:]:
        cells = line.split(",")
        expected[cells[0]][cells[4] or cells[8]] = int(cells[6])
    assert [{o.candidate: o.votes for o in e.options} for e in elections] == list(expected.values())
    assert not [p for p in problems if p.severity == "warning"]
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0 and "differs" not in result.stderr and "add up" not in result.stderr
