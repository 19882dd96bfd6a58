"""A party column named as a code (Oregon's Secretary of State export: `PartyCode`, `DEM`, `REP`).

Its only party column, it was left unused ("column(s) 'PartyCode' … are not used by pollcli"): no
candidate had a party, and a file of 60 State House races gave no seats won per party. Now a party
code column is the party column where no other column names the party; beside one (the AEC's
`PartyAb` beside `PartyNm`), it is left unused as before. Oracle: pandas over the CSV text.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

OREGON = (
    "ContestID,ContestName,PartyCode,CandidateName,VoteFor,CandidateVotes\n"
    '1,"State Representative, 1st District","","Write-in",1,45\n'
    '1,"State Representative, 1st District","DEM","Terry Brayer",1,10129\n'
    '1,"State Representative, 1st District","REP","David Brock Smith",1,20274\n'
    '2,"State Representative, 2nd District","REP","Dallas Heard",1,24511\n'
    '2,"State Representative, 2nd District","DEM","Ann Poe",1,9000\n'
)


def test_party_code_is_the_party_column(tmp_path, monkeypatch):
    path = write(tmp_path, OREGON, "state_house_2016.csv")
    elections, _ = engines_agree(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(OREGON), keep_default_na=False)
    parties = dict(zip(frame.CandidateName, frame.PartyCode, strict=True))
    read = {o.candidate: o.party or "" for e in elections for o in e.options}
    assert read == parties
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [allocation] = json.loads(result.stdout)["elections"][0]["allocations"]
    # Hand count: Smith (REP) 20,274 of District 1, Heard (REP) 24,511 of District 2.
    won = {p["party"]: p["seats"] for p in allocation["parties"]}
    assert won["REP"] == 2 and allocation["parties"][0]["votes"] == 20274 + 24511


def test_party_code_beside_a_party_name_is_left_unused(tmp_path):
    text = "Division,Surname,GivenNm,PartyAb,PartyNm,Votes\nA,Lee,Ann,ALP,Labor,10\nA,Roe,Bo,LP,Liberal,5\n"
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert {r["party"] for r in election["results"]} == {"Labor", "Liberal"}
