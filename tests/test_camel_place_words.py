"""Place headers written in camel case (South Africa's IEC: `Province,Municipality,Ward,
VotingDistrict,…`; `StateName,CountyName,PrecinctName`) were read as place columns (the words a
case change begins) but given no level: `VotingDistrict` was not a place word, and the wards'
stations were repeats ("Ward 'JHB · 79800001' appears twice"); once it was, it was the region and
the ward the unit. `StateName` was of the county's level, so the county was left unused and the
precincts of two counties (`P1`) were repeats, the file refused. Now each is at its word's level.
IEC's `SpoiltVotes` are the invalid ballots. Names and figures invented; oracle: pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

IEC = """ElectoralEvent,Province,Municipality,Ward,VotingDistrict,VotingStationName,RegisteredVoters,PartyName,TotalValidVotes,SpoiltVotes
General 2030,Inland,Metro A,10100001,91000011,NORTH SCHOOL,2500,PARTY ONE,900,20
General 2030,Inland,Metro A,10100001,91000011,NORTH SCHOOL,2500,PARTY TWO,500,20
General 2030,Inland,Metro A,10100001,91000022,EAST HALL,1800,PARTY ONE,600,15
General 2030,Inland,Metro A,10100001,91000022,EAST HALL,1800,PARTY TWO,450,15
General 2030,Coast,Metro B,20200002,92000011,SEA CLINIC,1200,PARTY ONE,300,5
General 2030,Coast,Metro B,20200002,92000011,SEA CLINIC,1200,PARTY TWO,700,5
"""

CAMEL = """StateName,CountyName,PrecinctName,CandidateName,Votes
Alpha,North,P1,Ann Lee,10
Alpha,North,P1,Bo Park,5
Alpha,North,P2,Ann Lee,7
Alpha,North,P2,Bo Park,9
Alpha,South,P1,Ann Lee,3
Alpha,South,P1,Bo Park,8
"""


def report(path, engine: str, *flags: str) -> dict:
    result = invoke(
        "summary", str(path), "--format", "json", *flags, env={"POLLCLI_ENGINE": engine}
    )
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_iec_voting_districts_are_the_units(tmp_path, engine) -> None:
    path = write(tmp_path, IEC, "iec.csv")
    (election,) = report(path, engine, "--votes", "TotalValidVotes", "--by", "region")["elections"]
    frame = pd.read_csv(io.StringIO(IEC))
    votes = frame.groupby("PartyName")["TotalValidVotes"].sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == votes
    stations = frame.drop_duplicates("VotingDistrict")
    turnout = election["turnout"]
    assert turnout["registered"] == stations["RegisteredVoters"].sum()
    # (Ballots counted: the valid votes and the spoilt ones, no ballots-cast column given.)
    assert turnout["ballots_cast"] == sum(votes.values()) + stations["SpoiltVotes"].sum()
    regions = {r["region"] for r in election["regions"]}
    assert regions == set(frame["Province"])
    assert any("'VotingDistrict' name the unit together" in n for n in election["notes"])


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_camel_case_state_county_precinct(tmp_path, engine) -> None:
    path = write(tmp_path, CAMEL, "camel.csv")
    (election,) = report(path, engine, "--by", "region")["elections"]
    frame = pd.read_csv(io.StringIO(CAMEL))
    votes = frame.groupby("CandidateName")["Votes"].sum().to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == votes
    assert {r["region"] for r in election["regions"]} == set(frame["CountyName"])
