"""A race's total of every option, given as a row of blank option cells in a total place.

OpenElections' New Jersey county files (2018 general) list each race's rows county by county, a
`Total` row per candidate, then the race's total with no party and no candidate:
`Total,General Assembly,5,,,68111`. pollcli refused 19 of its 21 races for that row ("the option
has no name"). Such a row (its place a total word alone, its option cells blank) is now the total
of every option its place totals: set aside with a `total-row` warning and checked against the
counted options (`total-mismatch` where it differs). Two of them in one race, each adding up the
rows before it, are two contests under one name (NJ's two special elections for district 15's
seats): refused, never merged. A row of blank option cells elsewhere stays an error: its votes may
be anyone's. Files invented in the same layout (tests/parity: both engines read them alike).

Oracle: pandas, the rows of named counties summed per race and candidate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, invoke, write

FILES = ROOT / "tests" / "parity"
COUNTY = FILES / "race_total_rows.csv"
TWO = FILES / "race_totals_two_contests.csv"
PRECINCT = FILES / "precinct_race_totals.csv"


def _summary(path: Path, engine: str) -> dict:
    out = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    return json.loads(out.stdout)


def _problems(path: Path, engine: str) -> list[dict]:
    out = invoke("validate", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    return [p for f in json.loads(out.stdout)["files"] for p in f["problems"]]


def _oracle(path: Path, keys: list[str]) -> dict[tuple, int]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame[(frame.county != "Total") & (frame.candidate != "")]
    if "precinct" in frame:
        frame = frame[frame.precinct != "Total"]
    sums = frame.assign(votes=frame.votes.astype(int)).groupby([*keys, "candidate"]).votes.sum()
    return {key if isinstance(key, tuple) else (key,): int(v) for key, v in sums.items()}


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_race_s_total_row_of_blank_options_is_set_aside_and_checked(engine):
    summary = _summary(COUNTY, engine)
    counted = {
        (e["election"].split(" · ")[-1], r["candidate"]): r["votes"]
        for e in summary["elections"]
        for r in e["results"]
    }
    assert counted == {(d, c): v for (d, c), v in _oracle(COUNTY, ["district"]).items()}
    problems = _problems(COUNTY, engine)
    assert not [p for p in problems if p["severity"] == "error"]
    race = [p for p in problems if "name no option" in p["message"]]
    # One warning a race, each naming its line: districts 3, 4 (whose 2,004 is 10 too many) and 6
    # (no candidate's total beside it: checked against the counties all the same).
    assert {p["code"] for p in race} == {"total-row"}
    assert [p["line"] for p in race] == [8, 15, 24]
    (off,) = [p for p in problems if p["code"] == "total-mismatch" and p["line"] == 15]
    assert "2,004 in the total row, 1,994 in the race's options" in off["message"]
    assert all("equal the sum" in p["message"] for p in race if p["line"] != 15)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_unit_s_total_row_of_blank_options_totals_its_region(engine):
    (election,) = _summary(PRECINCT, engine)["elections"]
    counted = {r["candidate"]: r["votes"] for r in election["results"]}
    assert counted == {name: votes for (name,), votes in _oracle(PRECINCT, []).items()}
    assert counted == {"NORA OAKS": 120 + 95 + 140 + 72, "OTTO PARR": 80 + 61 + 99 + 50}
    problems = _problems(PRECINCT, engine)
    (aside,) = [p for p in problems if p["code"] == "total-row"]
    assert "total of every option of their region" in aside["message"]
    (off,) = [p for p in problems if p["code"] == "total-mismatch"]
    assert off["line"] == 11
    assert "360 in the total row, 361 in its region's options" in off["message"]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_two_race_totals_each_adding_up_the_rows_before_them_are_two_races(engine):
    result = invoke("summary", str(TWO), "--format", "json", env={"POLLCLI_ENGINE": engine})
    elections = {e["election"] for e in json.loads(result.stdout)["elections"]}
    assert elections == {"Assembly · 8"}  # (district 7: refused, never its four merged)
    (refusal,) = [p for p in _problems(TWO, engine) if p["severity"] == "error"]
    assert refusal["code"] == "total-mismatch"
    assert refusal["line"] == 8
    assert "3,050 over lines 2–3, 5–6; 3,040 over lines 9–10, 12–13" in refusal["message"]


def test_a_row_of_blank_options_in_a_place_that_is_no_total_stays_an_error(tmp_path):
    """Its votes equal the race's sum here, but they might be anyone's: never guessed."""
    text = COUNTY.read_text(encoding="utf-8").replace(
        "Total,State Senate,6,,,", ",State Senate,6,,,"
    )
    problems = _problems(write(tmp_path, text), "exact")
    (blank,) = [p for p in problems if p["severity"] == "error"]
    assert (blank["code"], blank["line"]) == ("blank-name", 24)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_total_row_written_twice_is_one_total_compared_once(engine):
    """NJ 2018's `Total` row of PEDRO MEJIA, lines 40-41 alike: 74,840 was said to differ from
    the 37,420 of the counties. Here district 5's EVA MOSS (w), lines 18-19."""
    problems = _problems(COUNTY, engine)
    assert not [p for p in problems if p["code"] == "total-mismatch" and p["line"] == 18]
    (aside,) = [p for p in problems if p["code"] == "total-row" and p["line"] == 18]
    assert "lines 18–19 give the total of 'EVA MOSS (w)' twice" in aside["message"]
    assert "(2,378 together, twice the 1,189 of its parts)" in aside["message"]
    assert "a repeated line" in aside["message"]
    (district,) = [
        e for e in _summary(COUNTY, engine)["elections"] if e["election"].endswith("· 5")
    ]
    assert {r["candidate"]: r["votes"] for r in district["results"]} == {
        name: votes for (d, name), votes in _oracle(COUNTY, ["district"]).items() if d == "5"
    }


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_total_rows_twice_that_do_not_hold_their_parts_twice_still_differ(tmp_path, engine):
    text = COUNTY.read_text(encoding="utf-8").splitlines()
    assert text[18] == "Total,State Senate,5,Blue,EVA MOSS (w),1189"  # (line 19)
    text[18] = "Total,State Senate,5,Blue,EVA MOSS (w),1200"
    problems = _problems(write(tmp_path, "\n".join(text) + "\n"), engine)
    (off,) = [p for p in problems if p["code"] == "total-mismatch" and p["line"] == 18]
    assert "2,389 in the total row, 1,189 in the parts" in off["message"]
    assert not [p for p in problems if "repeated line" in p["message"]]


@st.composite
def _county_files(draw: st.DrawFn) -> tuple[str, dict[tuple[str, str], int], dict[int, bool]]:
    """A file of races county by county, each candidate's `Total` row (or none's), then the race's
    total of blank options, right or off by a few votes; the counted figures by (district, name)
    and, by the line of each race's total, whether it is off."""
    lines, counted, off = ["county,office,district,party,candidate,votes"], {}, {}
    for district in range(1, draw(st.integers(1, 3)) + 1):
        grand, candidate_totals = 0, draw(st.booleans())  # (each candidate's, or none)
        for number in range(draw(st.integers(1, 3))):
            name, party = f"CAND {district}{number}", ["Blue", "Green", "Red"][number]
            figures = draw(st.lists(st.integers(0, 900), min_size=1, max_size=3))
            for county, votes in zip(("Alder", "Birch", "Cedar"), figures, strict=False):
                lines.append(f"{county},Seat,{district},{party},{name},{votes}")
            if candidate_totals:
                lines.append(f"Total,Seat,{district},{party},{name},{sum(figures)}")
            counted[str(district), name] = sum(figures)
            grand += sum(figures)
        miss = draw(st.sampled_from([0, 0, 1, 7]))
        lines.append(
            f"{draw(st.sampled_from(['Total', 'TOTALS']))},Seat,{district},,,{grand + miss}"
        )
        off[len(lines)] = miss != 0
    return "\n".join(lines) + "\n", counted, off


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(drawn=_county_files())
def test_a_race_total_of_blank_options_is_never_counted_and_always_checked(tmp_path, drawn):
    """Invariant: the counties are counted (the oracle: the drawn figures), each race's total row
    is set aside, and a mismatch is said exactly where it is off; both engines alike."""
    text, counted, off = drawn
    path = write(tmp_path, text)
    for engine in ("exact", "stream"):
        summary = _summary(path, engine)
        results = [r for e in summary["elections"] for r in e["results"]]
        assert {r["candidate"]: r["votes"] for r in results} == {
            n: v for (_, n), v in counted.items()
        }
        problems = _problems(path, engine)
        assert not [p for p in problems if p["severity"] == "error"]
        aside = {p["line"] for p in problems if "name no option" in p["message"]}
        assert aside == set(off)
        said = {p["line"] for p in problems if p["code"] == "total-mismatch"}
        assert said == {line for line, wrong in off.items() if wrong}


PRIMARY = """county,office,district,party,candidate,votes
Alder,House,1,Blue,PIA QUINN (w),300
Birch,House,1,Blue,PIA QUINN (w),200
Total,House,1,Blue,PIA QUINN (w),500
Alder,House,1,Green,RAY SOTO (w),90
Birch,House,1,Green,RAY SOTO (w),60
Total,House,1,Green,RAY SOTO (w),150
Alder,House,1,Blue,SAL TATE,40
Birch,House,1,Blue,SAL TATE,10
Total,House,1,Blue,SAL TATE,50
Total,House,1,,,700
"""


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_race_total_of_both_primaries_counts_nothing_and_says_how_it_differs(tmp_path, engine):
    """NJ's primary county files (2012-2014): the office's total of blank options holds both
    parties' primaries. Judged in the primary of the row before it (`primary_totals`), it counts
    nothing, and its mismatch gives both figures; no race refused for an option of no name."""
    path = write(tmp_path, PRIMARY, "nj_2014_primary_county.csv")
    votes = {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]}
        for e in _summary(path, engine)["elections"]
    }
    assert votes == {
        "House · Blue primary": {"PIA QUINN (w)": 500, "SAL TATE": 50},
        "House · Green primary": {"RAY SOTO (w)": 150},
    }
    problems = _problems(path, engine)
    assert not [p for p in problems if p["severity"] == "error"]
    (off,) = [p for p in problems if p["code"] == "total-mismatch"]
    assert off["line"] == 11
    assert "700 in the total row, 550 in the race's options" in off["message"]
