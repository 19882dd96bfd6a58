"""A place listed again with every figure 0 (read/zerocopies.py): such copies add nothing.

Wisconsin's 2020 spring ward file lists Burnett's "Town Of Meenon Wards 1-3" three times in the
Supreme Court race, once with its votes and twice with 0 for every candidate and a total of 0: read
as repeats they refused the race. The oracle is pandas' sum of every row of the file (the copies'
zeros add nothing to it), and both engines must agree.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import each_engine, invoke, write
from pollcli.problems import Code

HEADER = "county,ward,office,total votes,party,candidate,votes\n"
WARDS = (
    "Burnett,Lincoln Ward 1,Supreme Court,95,NP,Jill J. Karofsky,27\n"
    "Burnett,Lincoln Ward 1,Supreme Court,95,NP,Daniel Kelly,68\n"
    "Burnett,Lincoln Ward 1,Supreme Court,95,,Scattering,0\n"
)
MEENON = (
    "Burnett,Meenon Wards 1-3,Supreme Court,218,NP,Jill J. Karofsky,94\n"
    "Burnett,Meenon Wards 1-3,Supreme Court,218,NP,Daniel Kelly,124\n"
    "Burnett,Meenon Wards 1-3,Supreme Court,218,,Scattering,0\n"
)
ZERO_COPY = (
    "Burnett,Meenon Wards 1-3,Supreme Court,0,NP,Jill J. Karofsky,0\n"
    "Burnett,Meenon Wards 1-3,Supreme Court,0,NP,Daniel Kelly,0\n"
    "Burnett,Meenon Wards 1-3,Supreme Court,0,,Scattering,0\n"
)
POLK = (
    "Polk,Alden Ward 1,Supreme Court,300,NP,Jill J. Karofsky,100\n"
    "Polk,Alden Ward 1,Supreme Court,300,NP,Daniel Kelly,200\n"
    "Polk,Alden Ward 1,Supreme Court,300,,Scattering,0\n"
)


def both(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[list, list]]:
    """Each engine's elections and problems (the streaming one in blocks of a few rows, so that a
    place's copies fall in different blocks)."""
    return each_engine(monkeypatch, path, block_bytes=256)


def oracle(path: Path) -> dict[str, int]:
    frame = pd.read_csv(path)
    return {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}


def votes(elections) -> dict[str, int]:
    (election,) = elections
    return {o.candidate: o.votes for o in election.options}


def test_a_ward_listed_three_times_two_copies_all_zero_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, HEADER + WARDS + MEENON + ZERO_COPY + ZERO_COPY + POLK)
    results = both(path, monkeypatch)
    for elections, problems in results.values():
        assert [p for p in problems if p.severity == "error"] == []
        assert votes(elections) == oracle(path)
        assert votes(elections)["Jill J. Karofsky"] == 27 + 94 + 100  # by hand too
        (election,) = elections
        assert election.facts.total_votes == 95 + 218 + 300
        note = next(n for n in election.notes if "every figure 0" in n)
        assert "'Meenon Wards 1-3'" in note and "'Burnett'" in note
        assert "lines 8–13" in note
    exact, streamed = results["exact"], results["stream"]
    assert [asdict(e) for e in exact[0]] == [asdict(e) for e in streamed[0]]


def test_the_zero_copy_listed_first_is_the_one_left_out(tmp_path, monkeypatch):
    path = write(tmp_path, HEADER + WARDS + ZERO_COPY + MEENON + POLK)
    for elections, problems in both(path, monkeypatch).values():
        assert [p for p in problems if p.severity == "error"] == []
        assert votes(elections) == oracle(path)
        (election,) = elections
        assert election.facts.total_votes == 95 + 218 + 300
        assert any("lines 5–7" in n and "every figure 0" in n for n in election.notes)


def test_a_copy_with_one_figure_other_than_0_is_still_a_repeat(tmp_path, monkeypatch):
    copy = ZERO_COPY.replace("Daniel Kelly,0", "Daniel Kelly,3")
    path = write(tmp_path, HEADER + WARDS + MEENON + copy + POLK)
    for elections, problems in both(path, monkeypatch).values():
        assert elections == []
        assert Code.DUPLICATE_OPTION in {p.code for p in problems if p.severity == "error"}


def test_a_zero_copy_with_a_total_other_than_0_is_still_a_conflict(tmp_path, monkeypatch):
    copy = ZERO_COPY.replace(",0,NP,Jill", ",218,NP,Jill")
    path = write(tmp_path, HEADER + WARDS + MEENON + copy + POLK)
    for elections, problems in both(path, monkeypatch).values():
        assert elections == []
        assert Code.DUPLICATE_OPTION in {p.code for p in problems}


def test_a_ward_of_no_votes_listed_twice_is_read_once(tmp_path, monkeypatch):
    path = write(tmp_path, HEADER + WARDS + ZERO_COPY + ZERO_COPY + POLK)
    for elections, problems in both(path, monkeypatch).values():
        assert [p for p in problems if p.severity == "error"] == []
        assert votes(elections) == oracle(path)
        (election,) = elections
        assert any("lines 8–10" in n for n in election.notes)


def test_a_lone_zero_row_of_a_namesake_is_no_copy(tmp_path, monkeypatch):
    """One row listed again with 0 is no copy of a place (two namesakes, one with no votes here):
    the repeat is said as before."""
    extra = "Burnett,Meenon Wards 1-3,Supreme Court,218,NP,Daniel Kelly,0\n"
    path = write(tmp_path, HEADER + WARDS + MEENON + extra + POLK)
    for elections, problems in both(path, monkeypatch).values():
        assert elections == []
        assert Code.DUPLICATE_OPTION in {p.code for p in problems}


def test_cli_summary_names_the_winner_and_the_note(tmp_path):
    path = write(tmp_path, HEADER + WARDS + MEENON + ZERO_COPY + ZERO_COPY + POLK)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert "Daniel Kelly" in result.stdout and "every figure 0" in result.stdout


def test_a_zero_copy_does_not_make_the_total_votes_column_unused(tmp_path, monkeypatch):
    """Drawn by the property below (one ward, its zero copy first): the copy's total of 0 beside
    the ward's 1 made the column look like each option's total, and it was left unused."""
    text = HEADER + (
        "Dane,Ward 0,Mayor,0,NP,Ann,0\nDane,Ward 0,Mayor,0,NP,Bo,0\nDane,Ward 0,Mayor,0,,Scattering,0\n"
        "Dane,Ward 0,Mayor,1,NP,Ann,0\nDane,Ward 0,Mayor,1,NP,Bo,0\nDane,Ward 0,Mayor,1,,Scattering,1\n"
    )
    path = write(tmp_path, text)
    for elections, problems in both(path, monkeypatch).values():
        assert [p for p in problems if p.severity == "error"] == []
        (election,) = elections
        assert election.facts.total_votes == 1
        assert not any("left unused" in n for n in election.notes)


def test_without_a_precinct_column_a_zero_copy_is_a_repeat_on_both_engines(tmp_path, monkeypatch):
    """A county listed again with zeros in a file of no precinct column: the streaming engine sums
    rows of the same cells before the assembly sees them, so which copy held the zeros is not
    known there; both engines say the repeat, as before (an engine disagreement otherwise)."""
    text = (
        "county,office,party,candidate,votes\n"
        "Adams,Governor,DEM,Ann,10\nAdams,Governor,REP,Bo,20\n"
        "Baker,Governor,DEM,Ann,30\nBaker,Governor,REP,Bo,40\n"
        "Baker,Governor,DEM,Ann,0\nBaker,Governor,REP,Bo,0\n"
        "Cole,Governor,DEM,Ann,5\nCole,Governor,REP,Bo,6\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    for elections, problems in results.values():
        assert elections == []
        assert [p.line for p in problems if p.code == Code.DUPLICATE_OPTION] == [6, 7]
    exact, streamed = results["exact"], results["stream"]
    assert [p.message for p in exact[1]] == [p.message for p in streamed[1]]


ROWS = st.lists(
    st.tuples(st.integers(0, 400), st.integers(0, 400), st.integers(0, 30)), min_size=1, max_size=6
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wards=ROWS, copies=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), max_size=4))
def test_zero_copies_anywhere_change_no_figure(tmp_path_factory, monkeypatch, wards, copies):
    """All-zero copies of some wards, put anywhere in the file, give the figures of the file without
    them (pandas' sums of the rows), on both engines."""
    lines = []
    for index, (a, b, c) in enumerate(wards):
        ward = f"Ward {index}"
        for party, name, count in (("NP", "Ann", a), ("NP", "Bo", b), ("", "Scattering", c)):
            lines.append(f"Dane,{ward},Mayor,{a + b + c},{party},{name},{count}\n")
    plain = list(lines)
    for ward, where in copies:
        if ward >= len(wards):
            continue
        zero = [
            f"Dane,Ward {ward},Mayor,0,{party},{name},0\n"
            for party, name in (("NP", "Ann"), ("NP", "Bo"), ("", "Scattering"))
        ]
        at = min(where * 3, len(lines))
        lines[at:at] = zero
    tmp_path = tmp_path_factory.mktemp("zero")
    path = write(tmp_path, HEADER + "".join(lines))
    expected = oracle(write(tmp_path, HEADER + "".join(plain), "plain.csv"))
    total = sum(a + b + c for a, b, c in wards)
    for elections, problems in both(path, monkeypatch).values():
        assert [p for p in problems if p.severity == "error"] == []
        assert votes(elections) == expected
        assert elections[0].facts.total_votes == total


def test_a_district_read_as_geography_is_no_precinct_of_zero_copies(tmp_path, monkeypatch):
    """Drawn by tests/test_engine_parity.py: a district column read as geography gives the rows a
    unit, but the streaming engine summed their rows of the same cells before: its repeat is said
    on both engines, no copy left out."""
    text = (
        "county,office,district,party,candidate,votes\n"
        "C0,Mayor,1,DEM,Ann,0\nC0,Mayor,1,DEM,Ann,0\nC0,Mayor,2,DEM,Ann,0\nC0,Mayor,1,REP,Bo,0\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    for elections, problems in results.values():
        assert elections == []
        assert [p.line for p in problems if p.code == Code.DUPLICATE_OPTION] == [3]
    exact, streamed = results["exact"], results["stream"]
    assert [asdict(p) for p in exact[1]] == [asdict(p) for p in streamed[1]]


def test_an_option_three_times_in_a_county_gets_one_advice_on_both_engines(tmp_path, monkeypatch):
    """Drawn by the property below: an option three times in one place is told to name its
    precinct column (--unit COL) — by the exact engine only, as the streaming one hands the
    assembly one record of the same cells (its other lines in `same_cell_lines`)."""
    text = "county,office,total votes,party,candidate,votes\n" + "C0,Mayor,0,NP,Ann,0\n" * 3
    results = both(write(tmp_path, text), monkeypatch)
    for _, problems in results.values():
        repeats = [p for p in problems if p.code == Code.DUPLICATE_OPTION]
        assert [p.line for p in repeats] == [3, 4]
        assert all(
            p.message.endswith("--unit COL (two columns together: --unit COL,COL)") for p in repeats
        )


def test_a_county_listed_again_names_each_conflicting_total_on_both_engines(tmp_path, monkeypatch):
    """Drawn by the property below: a county listed three times, twice with totals of 0 beside its
    1. The streaming engine sums the two identical copies into one record, and said the conflict
    on its first line only (7 problems against the exact engine's 10)."""
    ones = "C0,Mayor,1,NP,Ann,0\nC0,Mayor,1,NP,Bo,0\nC0,Mayor,1,,Scattering,1\n"
    zeros = "C0,Mayor,0,NP,Ann,0\nC0,Mayor,0,NP,Bo,0\nC0,Mayor,0,,Scattering,0\n"
    other = "C1,Mayor,0,NP,Ann,0\nC1,Mayor,0,NP,Bo,0\nC1,Mayor,0,,Scattering,0\n"
    text = "county,office,total votes,party,candidate,votes\n" + ones + zeros + zeros + other
    results = both(write(tmp_path, text), monkeypatch)
    for _, problems in results.values():
        conflicts = [p.line for p in problems if p.code == Code.INCONSISTENT_METADATA]
        assert conflicts == [5, 6, 7, 8, 9, 10]
    exact, streamed = results["exact"], results["stream"]
    assert [asdict(p) for p in exact[1]] == [asdict(p) for p in streamed[1]]


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(counties=ROWS, copies=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), max_size=3))
def test_zero_copies_of_a_county_read_alike_on_both_engines(
    tmp_path_factory, monkeypatch, counties, copies
):
    """Without a precinct column, a county's zero copies anywhere: both engines give the same
    elections and problems (the streaming engine sums rows of the same cells, so it cannot tell
    which copy held the zeros: the repeat stands on both)."""
    lines = []
    for index, (a, b, c) in enumerate(counties):
        for party, name, count in (("NP", "Ann", a), ("NP", "Bo", b), ("", "Scattering", c)):
            lines.append(f"C{index},Mayor,{a + b + c},{party},{name},{count}\n")
    for county, where in copies:
        if county < len(counties):
            at = min(where * 3, len(lines))
            lines[at:at] = [
                f"C{county},Mayor,0,{party},{name},0\n"
                for party, name in (("NP", "Ann"), ("NP", "Bo"), ("", "Scattering"))
            ]
    header = "county,office,total votes,party,candidate,votes\n"
    path = write(tmp_path_factory.mktemp("county"), header + "".join(lines))
    results = both(path, monkeypatch)
    exact, streamed = results["exact"], results["stream"]
    assert [asdict(e) for e in exact[0]] == [asdict(e) for e in streamed[0]]
    assert [(p.code, p.line, p.message) for p in exact[1]] == [
        (p.code, p.line, p.message) for p in streamed[1]
    ]
