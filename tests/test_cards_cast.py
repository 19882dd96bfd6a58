"""ES&S's county exports as OpenElections writes them (Illinois' Shelby County, 2012): an office
`Voters` of `Reg. Voters` and `Cards Cast` rows. Both were read as a race, "Voters", that
`Reg. Voters` won with 58.65 % (a party-less race among the races won). `Reg. Voters` is the
unit's registered voters; `Cards Cast` counts ballot cards — a ballot may be of several — so it is
no ballots cast and is left out, said.
"""

from __future__ import annotations

import json

from conftest import engines_agree, invoke, write

FILE = """county,precinct,office,district,candidate,party,votes
Shelby,Ash Grove,President,,ROMNEY,REP,200
Shelby,Ash Grove,President,,OBAMA,DEM,100
Shelby,Big Spring,President,,ROMNEY,REP,250
Shelby,Big Spring,President,,OBAMA,DEM,150
Shelby,Ash Grove,State Senate,51,CHAPIN ROSE,REP,280
Shelby,Big Spring,State Senate,51,CHAPIN ROSE,REP,390
Shelby,Ash Grove,Voters,,Reg. Voters,,352
Shelby,Big Spring,Voters,,Reg. Voters,,474
Shelby,Ash Grove,Voters,,Cards Cast,,305
Shelby,Big Spring,Voters,,Cards Cast,,404
"""


def test_an_office_of_registered_voters_and_ballot_cards_is_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, FILE, "20121106__il__general__shelby__precinct.csv")
    engines_agree(monkeypatch, path)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    elections = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    assert set(elections) == {"President", "State Senate · 51"}
    president = elections["President"]
    assert president["turnout"]["registered"] == 352 + 474
    assert president["turnout"]["ballots_cast"] is None  # cards are no ballots
    notes = " ".join(president["notes"])
    assert "2 row(s) named 'Cards Cast'" in notes and "ballot cards" in notes
    table = " ".join(invoke("summary", str(path)).stdout.split())
    assert "Reg. Voters" not in table and "REP 2 of 2" in table
