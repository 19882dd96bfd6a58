"""A region that is the total of the others whatever its name: `Statewide` among counties, or the
state named as itself (`Idaho`), beside counties. Summed with them, it doubled every figure
(`county,candidate,votes` with a `Statewide` row per candidate: Bob 340 votes where he had 170)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write

COUNTIES = "county,candidate,votes\nAda,Ann,100\nAda,Bob,80\nBoise,Ann,50\nBoise,Bob,90\n"


def _votes(elections) -> dict[str, int | None]:
    (election,) = elections
    return {o.candidate: o.votes for o in election.options}


def _codes(problems) -> list[str]:
    return [p.code for p in problems]


@pytest.mark.parametrize("name", ["Statewide", "STATEWIDE", "All Counties", "Idaho"])
def test_a_region_holding_the_others_sum_is_set_aside(tmp_path, monkeypatch, name):
    path = write(tmp_path, COUNTIES + f"{name},Ann,150\n{name},Bob,170\n")
    elections, problems = engines_agree(monkeypatch, path)
    # Oracle: the counties alone, summed by pandas.
    sums = pd.read_csv(path).query("county in ['Ada', 'Boise']").groupby("candidate")["votes"]
    assert _votes(elections) == sums.sum().to_dict() == {"Ann": 150, "Bob": 170}
    total = [p for p in problems if p.code == "total-row"]
    assert total and f"'{name}' in column 'county' holds the total" in total[0].message
    assert total[0].line == 6


def test_a_statewide_row_of_votes_of_its_own_is_counted_and_said(tmp_path, monkeypatch):
    """Overseas ballots counted by the state: not the others' sum, so votes of their own."""
    path = write(tmp_path, COUNTIES + "Statewide,Ann,7\nStatewide,Bob,3\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert _votes(elections) == {"Ann": 157, "Bob": 173}
    (said,) = [p for p in problems if p.code == "total-row"]
    assert "named as the whole but does not hold the other regions' total" in said.message
    assert "(10 votes, the other regions 320)" in said.message


def test_a_statewide_total_of_some_counties_is_a_total_that_differs(tmp_path, monkeypatch):
    """The state's total in a file of two of its counties: set aside, the mismatch said."""
    path = write(tmp_path, COUNTIES + "Statewide,Ann,1500\nStatewide,Bob,1700\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert _votes(elections) == {"Ann": 150, "Bob": 170}
    assert "total-mismatch" in _codes(problems)


def test_half_the_votes_in_one_candidates_race_is_no_sign(tmp_path, monkeypatch):
    """An unopposed candidate's biggest county may hold half the votes: it is a county."""
    path = write(tmp_path, "county,candidate,votes\nAda,Ann,300\nBoise,Ann,200\nCanyon,Ann,500\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert _votes(elections) == {"Ann": 1000}
    assert "total-row" not in _codes(problems)


def test_each_race_of_a_file_has_its_own_whole_row(tmp_path):
    path = write(
        tmp_path,
        "county,office,candidate,votes\n"
        + "".join(
            f"{c},{o},{n},{v}\n"
            for o, rows in {
                "Gov": [("Ann", 100, 50), ("Bob", 80, 90)],
                "Sen": [("Cy", 10, 30), ("Dee", 20, 40)],
            }.items()
            for n, a, b in rows
            for c, v in (("Ada", a), ("Boise", b), ("All Counties", a + b))
        ),
    )
    out = invoke("summary", str(path), "--format", "json")
    assert out.code == 0, out.stderr
    import json

    races = {e["election"]: e for e in json.loads(out.stdout)["elections"]}
    assert {r["candidate"]: r["votes"] for r in races["Gov"]["results"]} == {"Ann": 150, "Bob": 170}
    assert {r["candidate"]: r["votes"] for r in races["Sen"]["results"]} == {"Cy": 40, "Dee": 60}


_COUNTY = st.lists(st.integers(0, 5_000), min_size=2, max_size=4)


@hsettings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_COUNTY, min_size=2, max_size=6), st.booleans())
def test_counted_once_whatever_the_counties(tmp_path_factory, monkeypatch, counties, with_total):
    """Oracle: pandas' sum of the county rows. With the state's row as `Idaho`, the same figures;
    without it, every county is counted (none happens to hold the others' sum)."""
    width = min(len(c) for c in counties)
    counties = [c[:width] for c in counties]
    names = [f"C{i}" for i in range(width)]
    totals = [sum(c[i] for c in counties) for i in range(width)]
    assume(sum(totals) >= 100 and sum(1 for t in totals if t) > 1)
    # A county that is by chance the sum of the others, option by option, is one no file can
    # tell from a total: left out of the oracle's files.
    for county in counties:
        others = [t - v for t, v in zip(totals, county, strict=True)]
        assume(county != others or len(counties) < 3)
    rows = [
        (f"County {k}", n, v) for k, c in enumerate(counties) for n, v in zip(names, c, strict=True)
    ]
    frame = pd.DataFrame(rows, columns=["county", "candidate", "votes"])
    expected = frame.groupby("candidate")["votes"].sum().to_dict()
    if with_total:
        frame = pd.concat(
            [frame, pd.DataFrame([("Idaho", n, t) for n, t in zip(names, totals, strict=True)],
                                 columns=frame.columns)]
        )  # fmt: skip
    path = tmp_path_factory.mktemp("whole") / "results.csv"
    frame.to_csv(path, index=False)
    elections, _ = engines_agree(monkeypatch, path)
    assert _votes(elections) == expected
