"""The streaming engine looks for totals in the precinct column, wherever the file puts it.

OpenElections writes `county,precinct,office,district,…`: the precinct is not the last of the columns
that say where a row is. The engine once took the last of them (the district) for the precinct, so a
county row with a blank precinct was summed with its precincts (Georgia's House 58 doubled), and a
blank district (every statewide race) sent every file of races to the exact engine. Every expected
figure below is summed by the test from the rows it wrote as precincts, apart from the county rows.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, write
from pollcli.read import ReadOptions, engines, load_file, stream

HEADER = ("county", "precinct", "office", "district", "party", "candidate", "votes")
CANDIDATES = (("DEM", "Ann Alder"), ("REP", "Bob Birch"))


def _precinct_rows(counties: int, precincts: int) -> list[dict[str, str]]:
    rows = []
    for c, p, (party, name) in itertools.product(range(counties), range(precincts), CANDIDATES):
        votes = (c * 37 + p * 11 + len(name) * 5) % 97
        rows.append(
            {"county": f"County{c}", "precinct": f"P{c}-{p}", "office": "State House",
             "district": "58", "party": party, "candidate": name, "votes": str(votes)}
        )  # fmt: skip
    return rows


def _county_rows(rows: list[dict[str, str]], precinct_of) -> list[dict[str, str]]:
    """A row per county and candidate holding the county's sum, its precinct cell as `precinct_of`
    names it from the county (blank, `X County`…)."""
    sums: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        sums[row["county"], row["party"], row["candidate"]] += int(row["votes"])
    return [
        {"county": county, "precinct": precinct_of(county), "office": "State House",
         "district": "58", "party": party, "candidate": name, "votes": str(votes)}
        for (county, party, name), votes in sums.items()
    ]  # fmt: skip


def _csv(rows: list[dict[str, str]], header=HEADER) -> str:
    return ",".join(header) + "\n" + "".join(",".join(r[c] for c in header) + "\n" for r in rows)


def _expected(rows: list[dict[str, str]]) -> dict[str, int]:
    sums: Counter[str] = Counter()
    for row in rows:
        sums[row["candidate"]] += int(row["votes"])
    return dict(sums)


def _both(path: Path, monkeypatch) -> dict[str, tuple]:
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    return results


def _votes(elections) -> dict[str, int]:
    (election,) = elections
    return {o.candidate: o.votes for o in election.options}


@pytest.mark.parametrize(
    "precinct_of", [lambda county: "", lambda county: f"{county} County"], ids=["blank", "named"]
)
def test_county_rows_in_openelections_column_order_are_set_aside_by_both_engines(
    tmp_path, monkeypatch, precinct_of
):
    parts = _precinct_rows(counties=3, precincts=12)
    path = write(tmp_path, _csv(_county_rows(parts, precinct_of) + parts))
    results = _both(path, monkeypatch)
    assert results["exact"] == results["stream"]
    elections, problems = results["stream"]
    assert _votes(elections) == _expected(parts)
    assert any(p.code == "total-row" for p in problems)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(HEADER), blank=st.booleans())
def test_any_column_order_gives_the_same_answer_in_both_engines(
    tmp_path, monkeypatch, order, blank
):
    parts = _precinct_rows(counties=2, precincts=8)
    totals = _county_rows(parts, (lambda c: "") if blank else (lambda c: f"{c} County"))
    path = write(tmp_path, _csv(totals + parts, header=tuple(order)))
    results = _both(path, monkeypatch)
    assert results["exact"] == results["stream"]
    assert _votes(results["stream"][0]) == _expected(parts)


def test_a_file_of_races_with_a_blank_district_streams(tmp_path):
    # A statewide race has no district: that blank cell is not a blank precinct.
    rows = _precinct_rows(counties=3, precincts=20)
    statewide = [dict(r, office="President", district="") for r in rows]
    path = write(tmp_path, _csv(statewide + rows))
    streamed = stream.read_stream(path, "f", ReadOptions())
    assert streamed is not None, "handed to the exact engine"
    elections, problems = streamed
    assert [p for p in problems if p.severity == "error"] == []
    assert sorted(e.facts.election for e in elections) == ["President", "State House · 58"]
    for election in elections:
        assert {o.candidate: o.votes for o in election.options} == _expected(rows)


def test_a_precinct_column_before_the_county_streams(tmp_path):
    order = ("precinct", "county", "office", "district", "party", "candidate", "votes")
    rows = _precinct_rows(counties=3, precincts=20)
    streamed = stream.read_stream(write(tmp_path, _csv(rows, order)), "f", ReadOptions())
    assert streamed is not None, "handed to the exact engine"
    assert _votes(streamed[0]) == _expected(rows)


def _realworld_file(name: str) -> Path:
    for place in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld")):
        if (place / name).is_file():
            return place / name
    pytest.skip(f"{name} is not here (../shared/realworld)")


def test_georgia_house_58_as_published_in_both_engines(monkeypatch):
    # SOURCES.md: Park Cannon 396, Ralph Long III 281 (the county rows set aside, not added).
    path = _realworld_file("us_ga_2016_01_19_special_state_house_58_precinct.csv")
    results = _both(path, monkeypatch)
    assert results["exact"] == results["stream"]
    votes = _votes(results["stream"][0])
    assert votes["PARK CANNON"] == 396
