"""A wide table whose naming columns are numbers: New York City's election-night layout writes the
assembly district and the election district (`AD,election_district,<a column per candidate>`); with
their cells numbers (65, 1) both were read as options, "AD leads with 37.01 %" (the district numbers
added up). A column whose header says it names the rows (`election_district`, `precinct`) is a name
however its cells read, and a number left of it is a code, as left of a name of words (`fips,county`).

Oracle: pandas' sums of the candidates' columns."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

ROWS = "65,1,100,80\n65,2,90,70\n66,1,40,60\n66,2,12,9\n"


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("names", ["AD,election_district", "AD,precinct", "assembly_district,ward"])
def test_numbered_naming_columns_are_no_options(tmp_path, engine, names):
    text = f"{names},Ann Archer,Bob Baker\n{ROWS}"
    result = invoke(
        "summary", str(write(tmp_path, text, "ed.csv")), "-f", "json",
        env={"POLLCLI_ENGINE": engine},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        name: int(frame[name].sum()) for name in ("Ann Archer", "Bob Baker")
    }


def test_a_number_right_of_the_names_is_still_an_option(tmp_path):
    # `precinct,Ann,Bob`: the numbers right of the last name are options, as before.
    text = "precinct,Ann Archer,Bob Baker\n1,100,80\n2,90,70\n"
    result = invoke("summary", str(write(tmp_path, text, "p.csv")), "-f", "json")
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"] for r in election["results"]} == {"Ann Archer", "Bob Baker"}


@pytest.mark.parametrize("fact", ["Registered", "Turnout"])
def test_a_numbered_naming_column_after_a_protocol_line_is_no_option(tmp_path, fact):
    """`Registered,precinct,Ann,Bob` (a protocol line first, precinct numbers after it): the
    precinct numbers were an option ('of the 358 votes of the 3 options', 'Ann … wins outright'
    with 53.07 %, where she has 190 of 355, 53.52 %)."""
    text = f"{fact},precinct,Ann Archer,Bob Baker\n400,1,100,80\n380,2,90,85\n"
    result = invoke("summary", str(write(tmp_path, text, "p.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        name: int(frame[name].sum()) for name in ("Ann Archer", "Bob Baker")
    }
