"""`--where` on one column of a unit named by several (`--unit prv,city,li`, `read/unitparts`).

Taiwan CEC's long tables name each polling place by five code columns, which pollcli reads as one
unit with `--unit prvCode,cityCode,areaCode,liCode,deptCode` (as it advises); `--where prvCode=00`
(the national rows) then kept no row at all ("--where keeps no row of the file"): the part columns
were read as no column, and the unit column held the joined name. Each column now keeps the rows
whose part of the unit is the value. The figures are small invented ones in that layout; oracle:
pandas, the rows filtered on the column.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

LONG = """prv,city,li,dept,candidate,votes
63,000,0001,010,Ann Ash,10
63,000,0001,010,Bo Birch,5
63,000,0002,010,Ann Ash,7
63,000,0002,010,Bo Birch,9
63,000,0002,020,Ann Ash,4
63,000,0002,020,Bo Birch,1
64,000,0001,010,Ann Ash,3
64,000,0001,010,Bo Birch,8
65,010,0001,010,Ann Ash,2
65,010,0001,010,Bo Birch,6
"""
UNIT = "prv,city,li,dept"


def _oracle(column: str, value: str) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(LONG))  # (codes read as numbers: `07` as `7`, as --where)
    kept = frame[frame[column] == int(value)]
    sums = kept.groupby("candidate")["votes"].sum()
    return {str(k): int(v) for k, v in sums.items()}


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("prv", "63"),
        ("prv", "64"),
        ("city", "010"),
        ("li", "0002"),
        ("dept", "020"),
        ("dept", "10"),
    ],
)
def test_where_on_one_column_of_a_unit_keeps_its_rows(tmp_path, column, value) -> None:
    path = write(tmp_path, LONG, "tw_long.csv")
    where = f"{column}={value}"
    result = invoke("summary", str(path), "--unit", UNIT, "--where", where, "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == _oracle(column, value)
    assert election["partial"]["columns"] == [column]


def test_where_on_a_part_every_row_holds_is_the_whole_race(tmp_path) -> None:
    path = write(tmp_path, LONG.replace("65,010,", "65,000,"), "tw_long.csv")
    result = invoke("summary", str(path), "--unit", UNIT, "--where", "city=000", "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(LONG))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()
    }
    assert election.get("partial") is None


def test_a_blank_part_is_no_value(tmp_path) -> None:
    """A part blank in a row (joined as '-') holds no value: `--where city=-` keeps nothing."""
    text = LONG.replace("64,000,0001", "64,,0001")
    path = write(tmp_path, text, "tw_long.csv")
    result = invoke("summary", str(path), "--unit", UNIT, "--where", "city=-")
    assert result.code != 0
    assert "--where keeps no row" in result.stderr


def test_where_on_the_unit_column_with_its_whole_name_keeps_that_unit(tmp_path) -> None:
    """The unit's joined name, as pollcli's own advice writes it (`--where 'dept=00 · 000 · …'`),
    still keeps that unit (pandas: its rows)."""
    path = write(tmp_path, LONG, "tw_long.csv")
    where = "dept=63 · 000 · 0002 · 020"
    result = invoke("summary", str(path), "--unit", UNIT, "--where", where, "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(LONG))
    kept = frame[(frame["prv"] == 63) & (frame["li"] == 2) & (frame["dept"] == 20)]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == dict(
        zip(kept["candidate"], kept["votes"].astype(int), strict=True)
    )
