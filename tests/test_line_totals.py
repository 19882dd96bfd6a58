"""A candidate's `TOTAL` party line beside its party lines is its total, set aside (`read/line_totals`).

New York's counties (OpenElections' Cattaraugus 2014) list a fusion candidate on each party line
and again on a line of party `TOTAL`: counted as a line of its own, "Rob Astorino (TOTAL) leads",
and with `--fusion` each of his votes counted twice."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

# Two precincts; Ann Ash on REP and CON, Bob Bell on DEM and WOR, each with a TOTAL line; Cy Cole
# on GRE alone. Oracle, by hand: Ash 100+20 + 90+25 = 235, Bell 80+30 + 95+5 = 210, Cole 12+8 = 20.
ROWS = """county,precinct,office,district,candidate,party,votes
Cattaraugus,Allegany 1,Governor,,Ann Ash,REP,100
Cattaraugus,Allegany 1,Governor,,Ann Ash,CON,20
Cattaraugus,Allegany 1,Governor,,Ann Ash,TOTAL,120
Cattaraugus,Allegany 1,Governor,,Bob Bell,DEM,80
Cattaraugus,Allegany 1,Governor,,Bob Bell,WOR,30
Cattaraugus,Allegany 1,Governor,,Bob Bell,TOTAL,110
Cattaraugus,Allegany 1,Governor,,Cy Cole,GRE,12
Cattaraugus,Allegany 2,Governor,,Ann Ash,REP,90
Cattaraugus,Allegany 2,Governor,,Ann Ash,CON,25
Cattaraugus,Allegany 2,Governor,,Ann Ash,TOTAL,115
Cattaraugus,Allegany 2,Governor,,Bob Bell,DEM,95
Cattaraugus,Allegany 2,Governor,,Bob Bell,WOR,5
Cattaraugus,Allegany 2,Governor,,Bob Bell,TOTAL,{bell_total}
Cattaraugus,Allegany 2,Governor,,Cy Cole,GRE,8
"""


def _summary(tmp_path, *more: str, bell_total: int = 100, engine: str = "exact"):
    path = write(tmp_path, ROWS.format(bell_total=bell_total), name="cattaraugus.csv")
    result = invoke("summary", str(path), "--format", "json", *more, env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    return {r["candidate"]: r["votes"] for r in election["results"]}, " ".join(
        result.stderr.split()
    )


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_total_lines_are_set_aside_and_fusion_adds_the_lines(tmp_path, engine):
    votes, stderr = _summary(tmp_path, "--fusion", engine=engine)
    assert votes == {"Ann Ash": 235, "Bob Bell": 210, "Cy Cole": 20}
    assert "'TOTAL' in column 'party' is a candidate's total over its party lines: 4 row(s)" in (
        stderr
    )
    assert "they equal the sum of their lines" in stderr


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_without_fusion_the_lines_stand_apart_and_no_total_leads(tmp_path, engine):
    votes, _ = _summary(tmp_path, engine=engine)
    assert votes == {
        "Ann Ash (REP)": 190,
        "Bob Bell (DEM)": 175,
        "Ann Ash (CON)": 45,
        "Bob Bell (WOR)": 35,
        "Cy Cole": 20,
    }


def test_a_total_that_differs_from_its_lines_is_named_and_the_lines_counted(tmp_path):
    votes, stderr = _summary(tmp_path, "--fusion", bell_total=101)
    assert votes["Bob Bell"] == 210  # (the lines, as the file gives them)
    assert "1 of them differ from the sum of their lines" in stderr
    assert "'Bob Bell' on line 14: the total 101, its lines 100" in stderr


def test_a_candidate_on_a_total_line_alone_keeps_it(tmp_path):
    path = write(
        tmp_path,
        "office,candidate,party,votes\nMayor,Ann Ash,TOTAL,70\nMayor,Bob Bell,DEM,30\n",
        name="mayor.csv",
    )
    data = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    results = data["elections"][0]["results"]
    assert [(r["candidate"], r["votes"]) for r in results] == [("Ann Ash", 70), ("Bob Bell", 30)]
