"""A placeholder where no one stood (Arizona's `NO OFFICIAL CANDIDATE`, West Virginia's `No
Candidate Filed`, Texas' `NO CANDIDATES`) is never a runner-up nor in a margin: Arizona's line with
0 votes was the runner-up of a race of one candidate ("margin 98.89 points"). It is of kind
`other`, and the findings say it is the ballot's line where no candidate stood. Both engines.

Figures invented, the layout is OpenElections' Arizona county file's (Yavapai 2014)."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

TEXT = """\
precinctid,precinctname,contestid,voteforvalue,contestorderid,contesttitle,candidate_name,party_name,candidateid,votes,votetype,done
1796,201 - EAGLE,460,1,10,State Treasurer,"DEWIT, JEFF",REPUBLICAN PARTY,122,342,E,1
1796,201 - EAGLE,460,1,10,State Treasurer,"DEWIT, JEFF",REPUBLICAN PARTY,122,65,P,1
1796,201 - EAGLE,460,1,10,State Treasurer,NO OFFICIAL CANDIDATE,,229,0,E,1
1796,201 - EAGLE,460,1,10,State Treasurer,NO OFFICIAL CANDIDATE,,229,0,P,1
1796,201 - EAGLE,460,1,10,State Treasurer,WRITE-IN 460,,0,4,E,1
1796,201 - EAGLE,460,1,10,State Treasurer,WRITE-IN 460,,0,2,P,1
1797,202 - COURT,460,1,10,State Treasurer,"DEWIT, JEFF",REPUBLICAN PARTY,122,300,E,1
1797,202 - COURT,460,1,10,State Treasurer,"DEWIT, JEFF",REPUBLICAN PARTY,122,50,P,1
1797,202 - COURT,460,1,10,State Treasurer,NO OFFICIAL CANDIDATE,,229,0,E,1
1797,202 - COURT,460,1,10,State Treasurer,NO OFFICIAL CANDIDATE,,229,0,P,1
1797,202 - COURT,460,1,10,State Treasurer,WRITE-IN 460,,0,3,E,1
1797,202 - COURT,460,1,10,State Treasurer,WRITE-IN 460,,0,1,P,1
1796,201 - EAGLE,400,1,8,Secretary of State,"REAGAN, MICHELE",REPUBLICAN PARTY,118,300,E,1
1796,201 - EAGLE,400,1,8,Secretary of State,"GODDARD, TERRY",DEMOCRATIC PARTY,119,161,E,1
1796,201 - EAGLE,400,1,8,Secretary of State,NO OFFICIAL CANDIDATE,,227,0,E,1
1797,202 - COURT,400,1,8,Secretary of State,"REAGAN, MICHELE",REPUBLICAN PARTY,118,200,E,1
1797,202 - COURT,400,1,8,Secretary of State,"GODDARD, TERRY",DEMOCRATIC PARTY,119,150,E,1
1797,202 - COURT,400,1,8,Secretary of State,NO OFFICIAL CANDIDATE,,227,0,E,1
"""
ENGINES = [{}, {"POLLCLI_ENGINE": "exact"}]


@pytest.mark.parametrize("env", ENGINES)
def test_a_placeholder_is_never_the_runner_up(tmp_path, env) -> None:
    path = write(tmp_path, TEXT, "20141104__az__general__yavapai__precinct.csv")
    result = invoke("summary", str(path), "--format", "json", env=env)
    assert result.code == 0, result.stderr
    by_name = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    treasurer = by_name["State Treasurer"]
    assert treasurer["leader"]["votes"] == 342 + 65 + 300 + 50  # by hand
    assert treasurer["runner_up"] is None and treasurer["margin"] is None
    kinds = {r["candidate"]: r["kind"] for r in treasurer["results"]}
    assert kinds["NO OFFICIAL CANDIDATE"] == "other"
    assert any(
        "NO OFFICIAL CANDIDATE” (0 votes) is the ballot's line where no candidate stood" in n
        for n in treasurer["notes"]
    )
    secretary = by_name["Secretary of State"]
    assert secretary["runner_up"]["candidate"] == "GODDARD, TERRY"
    assert secretary["margin"]["votes"] == (300 + 200) - (161 + 150)


@pytest.mark.parametrize(
    "name",
    ["NO OFFICIAL CANDIDATE", "No Candidate Filed", "NO CANDIDATES", "No Candidate Nominated"],
)
def test_each_placeholder_spelling(tmp_path, name) -> None:
    text = f"candidate,votes\nAnn Lee,120\n{name},0\n"
    election = json.loads(invoke("summary", str(write(tmp_path, text)), "--format", "json").stdout)[
        "elections"
    ][0]
    assert election["leader"]["candidate"] == "Ann Lee" and election["runner_up"] is None
