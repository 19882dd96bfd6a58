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


def test_without_a_precinct_column_a_zero_copy_is_left_out_on_both_engines(tmp_path, monkeypatch):
    """A county listed again with zeros in a file of no precinct column. Before, a repeat on both
    engines (the streaming one sums rows of the same cells, so it could not tell which copy held
    the zeros); now the streaming engine hands such a file to the exact one, which reads each row
    apart and leaves the copy after the first out, as of a ward (Alaska's 2018 primary lists its
    overseas block twice, every vote 0: the U.S. House primaries were refused)."""
    text = (
        "county,office,party,candidate,votes\n"
        "Adams,Governor,DEM,Ann,10\nAdams,Governor,REP,Bo,20\n"
        "Baker,Governor,DEM,Ann,30\nBaker,Governor,REP,Bo,40\n"
        "Baker,Governor,DEM,Ann,0\nBaker,Governor,REP,Bo,0\n"
        "Cole,Governor,DEM,Ann,5\nCole,Governor,REP,Bo,6\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    for elections, problems in results.values():
        assert [p for p in problems if p.severity == "error"] == []
        (election,) = elections
        assert {o.candidate: o.votes for o in election.options} == {"Ann": 45, "Bo": 66}
        assert any("'Baker' on lines 6–7" in note for note in election.notes)
    exact, streamed = results["exact"], results["stream"]
    assert [asdict(e) for e in exact[0]] == [asdict(e) for e in streamed[0]]


def test_without_a_precinct_column_a_first_copy_of_zeros_is_still_a_repeat(tmp_path, monkeypatch):
    """Of a county (no unit), only a copy after the first is left out: the zeros listed first
    stay a repeat on both engines, as before."""
    text = (
        "county,office,party,candidate,votes\n"
        "Baker,Governor,DEM,Ann,0\nBaker,Governor,REP,Bo,0\n"
        "Baker,Governor,DEM,Ann,30\nBaker,Governor,REP,Bo,40\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    for elections, problems in results.values():
        assert elections == []
        assert [p.line for p in problems if p.code == Code.DUPLICATE_OPTION] == [4, 5]
    exact, streamed = results["exact"], results["stream"]
    assert [p.message for p in exact[1]] == [p.message for p in streamed[1]]


def test_a_zero_copy_may_repeat_its_places_count_rows(tmp_path, monkeypatch):
    """Alaska's layout: `Registered Voters` 526 and `Times Counted` 0 above each copy of the
    overseas block, every vote 0. The count rows that give the first copy's figures again are one
    count given twice, not a figure of their own: the copy is left out. A count row of another
    figure keeps the copy a repeat."""
    head = "precinct,office,district,candidate,party,votes\n"
    block = (
        "Alder 1,U.S. House,1,Registered Voters,,900\nAlder 1,U.S. House,1,Times Counted,,90\n"
        "Alder 1,U.S. House,1,Ann Vole,DEM,50\nAlder 1,U.S. House,1,Bo Wren,REP,40\n"
    )
    overseas = "HD99 Overseas,U.S. House,1,"
    zeros = f"{overseas}Times Counted,,0\n{overseas}Ann Vole,DEM,0\n{overseas}Bo Wren,REP,0\n"
    text = head + block + f"{overseas}Registered Voters,,526\n{zeros}" * 2
    for elections, problems in both(write(tmp_path, text), monkeypatch).values():
        assert [p for p in problems if p.severity == "error"] == []
        (election,) = elections
        assert {o.candidate: o.votes for o in election.options} == {"Ann Vole": 50, "Bo Wren": 40}
        assert election.facts.registered == 900 + 526
        assert any("'HD99 Overseas' on lines 10–13" in note for note in election.notes)
    other = head + block + f"{overseas}Registered Voters,,526\n{zeros}"
    other += f"{overseas}Registered Voters,,500\n{zeros}"
    for elections, problems in both(write(tmp_path, other, "other.csv"), monkeypatch).values():
        assert elections == []
        assert any(p.code == Code.DUPLICATE_OPTION for p in problems)


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


def test_a_county_listed_again_with_totals_of_0_leaves_the_zero_copies_out(tmp_path, monkeypatch):
    """Drawn by the property below: a county listed three times, twice with totals of 0 beside its
    1. Before, each conflicting total was an error (the streaming engine, which summed the two
    identical copies into one record, once said the conflict on its first line only); now both
    copies after the first are all zeros, left out, on both engines."""
    ones = "C0,Mayor,1,NP,Ann,0\nC0,Mayor,1,NP,Bo,0\nC0,Mayor,1,,Scattering,1\n"
    zeros = "C0,Mayor,0,NP,Ann,0\nC0,Mayor,0,NP,Bo,0\nC0,Mayor,0,,Scattering,0\n"
    other = "C1,Mayor,0,NP,Ann,0\nC1,Mayor,0,NP,Bo,0\nC1,Mayor,0,,Scattering,0\n"
    text = "county,office,total votes,party,candidate,votes\n" + ones + zeros + zeros + other
    results = both(write(tmp_path, text), monkeypatch)
    for elections, problems in results.values():
        assert [p for p in problems if p.severity == "error"] == []
        (election,) = elections
        assert {o.candidate: o.votes for o in election.options}["Scattering"] == 1
        assert any("'C0' on lines 5–10" in note for note in election.notes)
    exact, streamed = results["exact"], results["stream"]
    assert [asdict(p) for p in exact[1]] == [asdict(p) for p in streamed[1]]
    assert [asdict(e) for e in exact[0]] == [asdict(e) for e in streamed[0]]


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
