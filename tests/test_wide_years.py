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
