"""Places that say total (a county `Total`, `Total NYC`, `Statewide Total`) are totals or subtotals:
set aside, never counted with their parts; a row that is a total both by its place and as an option
(`Total,President,,,Total,…`) is a total too. Parts that add to a multiple of their total (subtotals
named as places are counted among them) refuse the race rather than print a doubled figure.

The files are small ones written here in OpenElections' New York layout (the New York 2016 county
file has every one of these rows). Every figure is summed by pandas from the rows the test itself
knows to be parts (the counties it wrote), never from what the loader decides a total is.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.read.total_words import is_total_name

HEADER = "county,office,district,party,candidate,votes"
# county: (Clinton, Trump, Blank) — invented figures.
COUNTIES = {"Albany": (78504, 47399, 1350), "Allegany": (4646, 12193, 178), "Bronx": (353646, 37797, 900),
            "Kings": (640553, 141044, 2100)}  # fmt: skip
NYC = ("Bronx", "Kings")


def county_rows(office: str = "President") -> list[str]:
    rows = []
    for county, (dem, rep, blank) in COUNTIES.items():
        rows += [f"{county},{office},,DEM,Hillary Clinton,{dem}",
                 f"{county},{office},,REP,Donald J. Trump,{rep}",
                 f"{county},{office},,,Blank,{blank}",
                 f"{county},{office},,,Total,{dem + rep + blank}"]  # fmt: skip
    return rows


def sums_of(rows: list[str], places: tuple[str, ...] | None = None) -> dict[str, int]:
    """pandas' sum by candidate of the rows of `places` (every county by default), the `Total`
    option left out: the oracle."""
    frame = pd.read_csv(io.StringIO("\n".join([HEADER, *rows])))
    frame = frame[frame["candidate"] != "Total"]
    if places is not None:
        frame = frame[frame["county"].isin(places)]
    return {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}


def place_rows(name: str, sums: dict[str, int], office: str = "President") -> list[str]:
    party = {"Hillary Clinton": "DEM", "Donald J. Trump": "REP"}
    return [f"{name},{office},,{party.get(c, '')},{c},{v}" for c, v in sums.items()] + [
        f"{name},{office},,,Total,{sum(sums.values())}"
    ]


@pytest.mark.parametrize("cell", ["Total Absentee", "TOTAL - Absentee Ballots", "Total Early Voting",
                                  "Total Mailed Ballots", "Totalville", "Grand Totality"])  # fmt: skip
def test_a_way_of_voting_or_a_name_that_starts_with_total_is_no_total_place(cell):
    """`Total Absentee` may be votes that no precinct gives: counted as before, not set aside."""
    assert not is_total_name(cell, place=True)


def votes(elections) -> dict[str, int]:
    return {o.candidate: o.votes for o in elections[0].options}


@pytest.mark.parametrize(
    "cell", ["Total NYC", "Total Outside NYC", "Statewide Total", "County Total",
             "TOTAL - Kings County"],
)  # fmt: skip
def test_a_place_named_total_of_some_places_is_a_total_place_not_an_option(cell):
    assert is_total_name(cell, place=True)
    assert not is_total_name(cell)


def test_a_cell_that_is_a_total_both_ways_is_a_total(monkeypatch, tmp_path):
    """W1: the `Total` county's `Total` option was read as a candidate and won the race."""
    rows = county_rows()
    rows += place_rows("Total", sums_of(rows))
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert votes(elections) == sums_of(county_rows())
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]
    said = " ".join(p.message for p in problems if p.code == "total-row")
    # (Of no party: the race's total of every option, `test_race_total_rows.py`.)
    assert "are the total of every option of their race" in said
    result = invoke("summary", str(path))
    assert result.code == 0
    assert "Total leads" not in result.stdout
    assert "Hillary Clinton (DEM) leads" in result.stdout


def test_a_cell_total_both_ways_that_differs_from_the_parts_says_so(monkeypatch, tmp_path):
    rows = county_rows()
    grand = sums_of(rows)
    rows += [*place_rows("Total", grand)[:-1], f"Total,President,,,Total,{sum(grand.values()) + 7}"]
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert votes(elections) == sums_of(county_rows())
    mismatch = [p for p in problems if p.code == "total-mismatch"]
    assert len(mismatch) == 1 and f"{sum(grand.values()) + 7:,}" in mismatch[0].message


def test_subtotal_places_are_set_aside_with_the_grand_total(monkeypatch, tmp_path):
    """W2: `Total NYC` and `Total Outside NYC` were counted as counties beside `Statewide Total`,
    which doubled every figure."""
    rows = county_rows("U.S. Senate")
    outside = tuple(c for c in COUNTIES if c not in NYC)
    rows += place_rows("Total NYC", sums_of(rows, NYC), "U.S. Senate")
    rows += place_rows("Total Outside NYC", sums_of(rows, outside), "U.S. Senate")
    rows += place_rows("Statewide Total", sums_of(county_rows("U.S. Senate")), "U.S. Senate")
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert votes(elections) == sums_of(county_rows("U.S. Senate"))
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]
    said = " ".join(p.message for p in problems if p.code == "total-row")
    assert "'Total NYC'" in said and "'Total Outside NYC'" in said and "subtotal" in said
    # JSON: the figure is the counties' sum, once.
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert str(sums_of(county_rows())["Hillary Clinton"]) in result.stdout


def test_subtotal_places_alone_are_set_aside(monkeypatch, tmp_path):
    rows = county_rows("U.S. Senate")
    outside = tuple(c for c in COUNTIES if c not in NYC)
    rows += place_rows("Total NYC", sums_of(rows, NYC), "U.S. Senate")
    rows += place_rows("Total Outside NYC", sums_of(rows, outside), "U.S. Senate")
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert votes(elections) == sums_of(county_rows("U.S. Senate"))
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]


def test_parts_that_double_the_total_refuse_the_race_and_name_the_subtotals(monkeypatch, tmp_path):
    """Subtotals named as places of their own (`NYC`, no total word) are counted among the parts
    of the state's total, which they add to twice: no figure, the places named, what to do."""
    rows = county_rows("U.S. Senate")
    outside = tuple(c for c in COUNTIES if c not in NYC)
    rows += place_rows("NYC", sums_of(rows, NYC), "U.S. Senate")
    rows += place_rows("Upstate", sums_of(rows, outside), "U.S. Senate")
    rows += place_rows("Statewide Total", sums_of(county_rows("U.S. Senate")), "U.S. Senate")
    # A second race, sound, is still summarised.
    rows += county_rows("President")
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert [e.facts.election for e in elections] == ["President"]
    assert votes(elections) == sums_of(county_rows())
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1
    message = errors[0].message
    assert "2×" in message or "twice" in message
    assert "'NYC'" in message and "'Upstate'" in message
    assert "'Albany'" not in message
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "U.S. Senate" in result.stderr


def test_parts_more_than_the_total_by_a_subtotal_place_refuse_the_race(monkeypatch, tmp_path):
    """One subtotal named as a place (`NYC`) beside the counties: the parts hold the state's
    total and NYC's again, not a multiple of it; NYC, the largest place, holds the difference."""
    rows = county_rows("U.S. Senate")
    rows += place_rows("NYC", sums_of(rows, NYC), "U.S. Senate")
    rows += place_rows("Statewide Total", sums_of(county_rows("U.S. Senate")), "U.S. Senate")
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    _, problems = engines_agree(monkeypatch, path)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].code == "total-mismatch"
    assert "'NYC' holds exactly the difference" in errors[0].message
    assert "'Kings'" not in errors[0].message and "'Bronx'" not in errors[0].message
    assert invoke("summary", str(path)).code == 1


def test_a_total_that_leaves_out_a_small_place_is_a_warning_the_parts_counted(
    monkeypatch, tmp_path
):
    """A state's total short of one small county (a stale figure) is no sign of subtotals: the
    counties are counted, with the total-mismatch warning, as before."""
    rows = county_rows("U.S. Senate")
    without = tuple(c for c in COUNTIES if c != "Allegany")
    rows += place_rows(
        "Statewide Total", sums_of(county_rows("U.S. Senate"), without), "U.S. Senate"
    )
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert votes(elections) == sums_of(county_rows("U.S. Senate"))
    assert not [p for p in problems if p.severity == "error"]
    assert [p.code for p in problems].count("total-mismatch") == 1


def test_a_total_that_leaves_out_the_largest_place_is_a_warning(monkeypatch, tmp_path):
    """A stale total short of the largest county: that county holds the difference, but it is no
    sum of other places, so no subtotal — the counties are counted with the warning (review)."""
    text = (
        "county,office,candidate,votes\n"
        "Alpha,Governor,A,500\nAlpha,Governor,B,400\n"
        "Beta,Governor,A,100\nBeta,Governor,B,120\n"
        "Gamma,Governor,A,80\nGamma,Governor,B,60\n"
        "Delta,Governor,A,50\nDelta,Governor,B,70\n"
        "Statewide Total,Governor,A,230\nStatewide Total,Governor,B,250\n"
        "Alpha,Mayor,X,5\nAlpha,Mayor,Y,3\n"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(text))
    counties = frame[(frame["office"] == "Governor") & (frame["county"] != "Statewide Total")]
    (governor,) = [e for e in elections if e.facts.election == "Governor"]
    assert {o.candidate: o.votes for o in governor.options} == (
        counties.groupby("candidate")["votes"].sum().to_dict()
    )


def test_a_total_of_some_options_only_is_no_sign_of_subtotals(monkeypatch, tmp_path):
    """New Hampshire 2020 (State House RK04): a `TOTALS` row of the scattered votes alone, beside
    towns whose largest two hold every candidate's votes: no refusal, the towns counted."""
    text = (
        HEADER.replace("county,", "county,precinct,")
        + "\n"
        + "".join(
            f"Rock,{town},State House,4,{party},{name},{votes}\n"
            for town, figures in {
                "Auburn": (900, 800, 0),
                "Chester": (700, 650, 0),
                "Sandown": (0, 0, 5),
            }.items()
            for (party, name), votes in zip(
                [("DEM", "Ann Lee"), ("REP", "Bob Roe"), ("", "scatter")], figures, strict=True
            )
        )
        + "Rock,TOTALS,State House,4,,scatter,5\n"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path)
    assert votes(elections) == {"Ann Lee": 1600, "Bob Roe": 1450, "scatter": 5}
    assert not [p for p in problems if p.severity == "error"]


def test_parts_three_times_the_total_are_refused(monkeypatch, tmp_path):
    rows = county_rows()
    grand = sums_of(rows)
    rows += place_rows("Copy A", grand) + place_rows("Copy B", grand)
    rows += place_rows("Grand Total", grand)
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "3×" in result.stderr
    assert "leads" not in result.stdout


def test_a_precinct_file_with_subtotal_units_streams_alike(monkeypatch, tmp_path):
    """Units that say total among precincts (`Total North`, `Total South` and the county's
    `County Total`), read in small blocks by the streaming engine as by the exact one."""
    from pollcli.read import stream

    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    lines = ["county,precinct,office,party,candidate,votes"]
    figures = {f"P{i}": (100 + 7 * i, 50 + 3 * i) for i in range(1, 7)}
    groups = {"Total North": ("P1", "P2", "P3"), "Total South": ("P4", "P5", "P6")}
    for county in ("Erie", "Monroe"):
        for precinct, (dem, rep) in figures.items():
            lines += [f"{county},{precinct},Governor,DEM,Ann Lee,{dem}",
                      f"{county},{precinct},Governor,REP,Bob Roe,{rep}"]  # fmt: skip
        for name, members in [*groups.items(), ("County Total", tuple(figures))]:
            dem = sum(figures[p][0] for p in members)
            rep = sum(figures[p][1] for p in members)
            lines += [f"{county},{name},Governor,DEM,Ann Lee,{dem}",
                      f"{county},{name},Governor,REP,Bob Roe,{rep}"]  # fmt: skip
    path = write(tmp_path, "\n".join(lines) + "\n")
    frame = pd.read_csv(path)
    frame = frame[frame["precinct"].str.fullmatch(r"P\d+")]
    oracle = {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}
    elections, problems = engines_agree(monkeypatch, path)
    assert votes(elections) == oracle
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    figures=st.lists(
        st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)), min_size=3, max_size=7
    ),
    cut=st.integers(1, 6),
    grand=st.booleans(),
    named=st.booleans(),
)
def test_subtotal_places_never_add_to_their_parts(tmp_path, figures, cut, grand, named):
    """Counties split into two groups with a subtotal place each (and the state's total or not):
    named as totals, they are set aside and the figures are the counties' sums; named as places
    of their own beside the state's total, the race is refused, never counted twice."""
    assume(sum(a + b for a, b in figures) > 0)
    cut = min(cut, len(figures) - 1)
    counties = {f"County {i}": pair for i, pair in enumerate(figures)}
    rows = [
        f"{c},Governor,,DEM,Ann Lee,{a}\n{c},Governor,,REP,Bob Roe,{b}"
        for c, (a, b) in counties.items()
    ]
    names = list(counties)
    for label, members in (("A", names[:cut]), ("B", names[cut:])):
        a = sum(counties[m][0] for m in members)
        b = sum(counties[m][1] for m in members)
        place = f"Total Group {label}" if named else f"Group {label}"
        rows.append(f"{place},Governor,,DEM,Ann Lee,{a}\n{place},Governor,,REP,Bob Roe,{b}")
    a, b = (sum(p[i] for p in figures) for i in (0, 1))
    if grand or not named:
        rows.append(
            f"Statewide Total,Governor,,DEM,Ann Lee,{a}\nStatewide Total,Governor,,REP,Bob Roe,{b}"
        )
    path = tmp_path / f"h{abs(hash((tuple(figures), cut, grand, named)))}.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    result = invoke("summary", str(path), "--format", "json")
    if named:
        assert result.code == 0, result.stderr
        got = {
            r["candidate"]: r["votes"] for r in json.loads(result.stdout)["elections"][0]["results"]
        }
        assert got == {"Ann Lee": a, "Bob Roe": b}
    else:
        assert result.code == 1
        assert "twice" in result.stderr
