"""A wide table whose option columns are `Name (Party)` (Korea's 2022 presidential result by
district, seungwoo-stat/south-korea-election csv/20pe.csv: `Oh Jun-ho (Basic Income)`) was
refused as no election result: "'Oh Jun-ho (Basic Income)' holds money, not votes" — the word
`income` of his party's name read as what the column holds. A word in brackets is a name's part
now; a header that says money outside them (`Income (EUR)`) is still refused. Names and figures
invented; oracle: pandas column sums."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

KOREA = """primary_cluster,secondary_cluster,Han Mi (Democratic),Seo Jun (People Power),Oh Ara (Basic Income),invalid
North,Jung-gu,9929,16153,9,282
North,Seo-gu,25154,41470,40,674
South,Dong-gu,21558,35081,28,576
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_party_in_brackets_is_no_attribute(tmp_path, engine) -> None:
    path = write(tmp_path, KOREA, "kr.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(KOREA))
    expected = frame.iloc[:, 2:5].sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_money_outside_brackets_is_still_refused(tmp_path, engine) -> None:
    text = "player,team,Income (EUR),Salary [USD]\n" + "".join(
        f"P{i},T{i % 3},{1000 + 37 * i},{2000 + 11 * i}\n" for i in range(12)
    )
    path = write(tmp_path, text, "pay.csv")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    assert "'Income (EUR)' holds money" in result.stderr


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_unit_in_brackets_still_says_money(tmp_path, engine):
    # (review) `Spending (EUR)`: one word in brackets is the column's unit; its 4,700 "votes" led.
    text = "district,Ann Reed,Bob Stone,Spending (EUR)\nNorth,120,80,1500\nSouth,90,110,2300\n"
    result = invoke("summary", str(write(tmp_path, text)), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    assert "'Spending (EUR)' holds money" in result.stderr
