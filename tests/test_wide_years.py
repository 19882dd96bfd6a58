"""A wide table of a row per place and year (`year,state,D,R`, as election datasets by state are
laid out) is of several elections: its years were added up as one race ("R leads with 7,694,494
votes", 2016's and 2020's together), with a note that advised `--race-by year`. A year column of
two years or more now splits it, each year its own race, as in a long table. Figures invented; the
oracle is pandas' sums by year.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

YEARS = """year,state,D,R
2016,Ohio,2394,2841
2020,Ohio,2679,3154
2016,Iowa,653,800
2020,Iowa,759,897
"""


def _elections(path, *args, engine):
    result = invoke("summary", str(path), *args, "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_each_year_is_its_own_race(tmp_path, engine):
    elections = _elections(write(tmp_path, YEARS, "by_state.csv"), engine=engine)
    frame = pd.read_csv(io.StringIO(YEARS)).groupby("year")[["D", "R"]].sum()
    got = {e["election"]: {r["candidate"]: r["votes"] for r in e["results"]} for e in elections}
    assert got == {
        str(year): {p: int(frame.loc[year, p]) for p in ("D", "R")} for year in frame.index
    }


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_year_kept_by_where_is_one_race(tmp_path, engine):
    (election,) = _elections(write(tmp_path, YEARS), "--where", "year=2020", engine=engine)
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "D": 2679 + 759,
        "R": 3154 + 897,
    }


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_table_of_one_year_is_one_race_as_before(tmp_path, engine):
    text = "year,state,D,R\n2020,Ohio,2679,3154\n2020,Iowa,759,897\n"
    (election,) = _elections(write(tmp_path, text), engine=engine)
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "D": 2679 + 759,
        "R": 3154 + 897,
    }


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_race_by_another_column_keeps_the_years_apart(tmp_path, engine):
    # (review) `--race-by state` added each state's years up, as main did.
    elections = _elections(write(tmp_path, YEARS), "--race-by", "state", engine=engine)
    frame = pd.read_csv(io.StringIO(YEARS)).set_index(["year", "state"])
    got = {e["election"]: {r["candidate"]: r["votes"] for r in e["results"]} for e in elections}
    assert got == {
        f"{year} · {state}": {p: int(frame.loc[(year, state), p]) for p in ("D", "R")}
        for year, state in frame.index
    }


# (review) Two districts of different ballots in each year: refused as several races before the
# split by year (which had turned the check off: "2016: A leads", D1 and D2 added up).
DISTRICTS = """year,district,precinct,A,B,C
2016,D1,P1,500,400,
2016,D1,P2,300,600,
2016,D2,P3,200,,300
2016,D2,P4,250,,310
2020,D1,P1,510,410,
2020,D1,P2,310,610,
2020,D2,P3,210,,320
2020,D2,P4,260,,330
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_districts_of_other_ballots_are_still_refused(tmp_path, engine):
    path = write(tmp_path, DISTRICTS)
    env = {"POLLCLI_ENGINE": engine}
    refused = invoke("summary", str(path), env=env)
    assert refused.code == 1
    assert "--race-by district" in refused.stderr
    elections = _elections(path, "--race-by", "district", engine=engine)
    frame = pd.read_csv(io.StringIO(DISTRICTS)).groupby(["year", "district"])[["A", "B", "C"]].sum()
    got = {e["election"]: {r["candidate"]: r["votes"] for r in e["results"]} for e in elections}
    assert got == {
        f"{year} · {district}": {
            p: int(frame.loc[(year, district), p])
            for p in ("A", "B", "C")
            if frame.loc[(year, district), p]
        }
        for year, district in frame.index
    }
