"""Ohio's precinct files: an office before each candidate's party code (`read/vest.party_coded_races`).

`GOV_D_STRICKLAND,GOV_R_BLACKWELL,…,AG_D_DANN,AG_R_MONTGOMERY,…,US_REP_D_COUNT,US_REP_COUNT`: read as
one wide race, following pollcli's own advice on the file, every office was added into one
("GOV_D_STRICKLAND leads with 5.15 %")."""

from __future__ import annotations

import json
import shlex

import pytest

from conftest import invoke, write

OHIO = (
    "COUNTY_NAME,PRECINCT_NAME,REGISTERED_VOTERS,VOTES_CAST,GOV_D_STRICKLAND,GOV_R_BLACKWELL,"
    "GOV_PEIRCE,AG_D_DANN,AG_R_MONTGOMERY,US_REP_D_COUNT,US_REP_R_COUNT,US_REP_COUNT\n"
    "Adams,BRATTON TWP,877,528,201,247,5,156,254,152,293,0\n"
    "Adams,BRUSH CREEK TWP,900,600,250,300,10,200,280,160,300,12\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_offices_before_party_codes_are_refused_naming_them(tmp_path, engine):
    result = invoke("summary", str(write(tmp_path, OHIO)), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    said = " ".join(result.stderr.split())
    assert "name 3 offices before their candidates' party codes (GOV: 'GOV_D_STRICKLAND'" in said
    assert "US_REP: 'US_REP_D_COUNT', 'US_REP_R_COUNT', 'US_REP_COUNT'" in said


def test_the_advice_reads_one_office(tmp_path):
    path = write(tmp_path, OHIO)
    said = " ".join(invoke("summary", str(path)).stderr.split())
    advice = said.split("for GOV: ")[1].split(" pollcli:")[0]
    result = invoke("summary", str(path), *shlex.split(advice), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    # Oracle, by hand: the governor's columns summed over the two precincts.
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "GOV_D_STRICKLAND": 451,
        "GOV_R_BLACKWELL": 547,
        "GOV_PEIRCE": 15,
    }


@pytest.mark.parametrize(
    "header",
    [
        "precinct,D_SMITH,R_JONES,L_POE",  # one race, each candidate after its party's code
        "precinct,DEM_SMITH,DEM_JONES,REP_BROWN,REP_GREEN",  # candidates of a party, one race
        "precinct,PAN,PRI,PAN_PRI,MORENA,PT_MORENA",  # Mexico's parties and coalitions
    ],
)
def test_one_race_with_party_codes_is_read(tmp_path, header):
    width = header.count(",")
    text = f"{header}\nP1,{','.join(['10'] * width)}\nP2,{','.join(['20'] * width)}\n"
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert "offices before their candidates' party codes" not in result.stderr
