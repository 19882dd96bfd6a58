"""A district's total row within its county, named by the county and the district's number (New
Hampshire's `BELKNAP 01` beside the towns of House district BE 01), is a total: set aside when it
holds exactly the sum of the district's towns in that county, never added to them (trial 3: every
vote of 107 State House races was counted twice)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, engines_agree, invoke, write

HEADER = "county,precinct,office,district,party,candidate,votes\n"
TOWNS = """Belknap,Center Harbor,State House,BE 01 (1),REP,Tom Ploszaj,462
Belknap,New Hampton,State House,BE 01 (1),REP,Tom Ploszaj,876
Belknap,Center Harbor,State House,BE 01 (1),DEM,Robert Joseph,298
Belknap,New Hampton,State House,BE 01 (1),DEM,Robert Joseph,589
Coos,Berlin,State House,CS 02 (2),REP,Ann Alder,700
Coos,Gorham,State House,CS 02 (2),REP,Ann Alder,300
Coos,Berlin,State House,CS 02 (2),DEM,Bob Birch,650
Coos,Gorham,State House,CS 02 (2),DEM,Bob Birch,250
Coos,Berlin,State House,CS 02 (2),DEM,Cy Cedar,600
Coos,Gorham,State House,CS 02 (2),DEM,Cy Cedar,100
"""
# Hand-summed: BE 01 Ploszaj 462 + 876 = 1,338, Joseph 298 + 589 = 887; CS 02 Alder 1,000,
# Birch 900, Cedar 700.
EXACT_TOTALS = """Belknap,BELKNAP 01,State House,BE 01 (1),REP,Tom Ploszaj,1338
Belknap,BELKNAP 01,State House,BE 01 (1),DEM,Robert Joseph,887
Coos,COOS 02,State House,CS 02 (2),REP,Ann Alder,1000
Coos,COOS 02,State House,CS 02 (2),DEM,Bob Birch,900
Coos,COOS 02,State House,CS 02 (2),DEM,Cy Cedar,700
"""


def votes(path: Path) -> dict[str, dict[str, int]]:
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    return {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]}
        for e in json.loads(result.stdout)["elections"]
    }


def test_a_district_total_named_by_its_county_and_number_is_set_aside(tmp_path):
    found = votes(write(tmp_path, HEADER + TOWNS + EXACT_TOTALS))
    assert found["State House · BE 01 (1)"] == {"Tom Ploszaj": 1338, "Robert Joseph": 887}
    assert found["State House · CS 02 (2)"] == {
        "Ann Alder": 1000,
        "Bob Birch": 900,
        "Cy Cedar": 700,
    }
    # The same figures as the file without its total rows.
    assert found == votes(write(tmp_path, HEADER + TOWNS, "towns.csv"))


def test_both_engines_agree(monkeypatch, tmp_path):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, HEADER + TOWNS + EXACT_TOTALS))
    assert sum(o.votes or 0 for e in elections for o in e.options) == 1338 + 887 + 2600
    assert "total-row" in [p.code for p in problems]


def test_one_that_does_not_hold_the_sum_is_counted_with_a_warning(tmp_path):
    off = EXACT_TOTALS.replace("Tom Ploszaj,1338", "Tom Ploszaj,1330")
    result = invoke("summary", str(write(tmp_path, HEADER + TOWNS + off)), "-f", "json")
    assert result.code == 0
    by_race = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    # Not exact: counted as a unit of its own (a town may be named so), and said.
    assert by_race["State House · BE 01 (1)"]["results"][0]["votes"] == 1338 + 1330
    assert "'BELKNAP 01'" in result.stderr and "counted twice" in result.stderr


def test_a_town_with_a_number_of_another_county_is_a_town(tmp_path):
    rows = HEADER + TOWNS + "Belknap,Coos 7,State House,BE 01 (1),REP,Tom Ploszaj,5\n"
    found = votes(write(tmp_path, rows))
    assert found["State House · BE 01 (1)"]["Tom Ploszaj"] == 1338 + 5


NH = ROOT.parent / "shared" / "realworld" / "us_nh_2020_general_precinct.csv"
if not NH.exists():
    NH = Path("/work/shared/realworld/us_nh_2020_general_precinct.csv")


@pytest.mark.skipif(not NH.exists(), reason="the real New Hampshire file is not here")
def test_new_hampshire_house_districts_are_not_doubled():
    result = invoke("summary", str(NH), "-f", "json")
    data = json.loads(result.stdout)
    by_race = {e["election"]: e for e in data["elections"]}
    # Oracle: the file's own district rows (GRAFTON 12: Nordgren 6,311; BELKNAP 01: Ploszaj
    # 1,338 = 462 + 876; CARROLL 03: McConkey 2,430, Knirk 2,244, Ticehurst 2,233).
    top = {r["candidate"]: r["votes"] for r in by_race["State House · GR12"]["results"]}
    assert top["Sharon Nordgren"] == 6311
    assert by_race["State House · BE 01 (1)"]["margin"]["votes"] == 451
    assert by_race["State House · CA03 (2)"]["margin"]["votes"] == 11
