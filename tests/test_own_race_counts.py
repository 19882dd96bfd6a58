"""A race's own count beside its precinct's count for every race (s20-world).

Alaska's OpenElections 2020 precinct file gives each precinct's `Registered Voters` and `Ballots
Cast` as offices of their own (counts for every race) and, inside each race but the presidency, a
`Times Counted` row: the ballots counted in that race. The two differ where a ballot is counted in
one race and not another (District 2 - Absentee: 1,776 ballots, 1,775 counted in the House race;
a question precinct: 359 and 316). pollcli read both as the race's ballots cast and refused 40 of
the 78 races, the U.S. Senate and House among them ("ballots_cast is '1776' here but '1775' on
line 26514 … make them agree"). The race's own row is its count; the precinct's goes to the races
that give none. The figures are hand sums of the rows below.
"""

import json

import pytest

from conftest import invoke, write
from pollcli.read import stream

AK = "\n".join(
    [
        "precinct,office,district,candidate,party,votes",
        "D2 Absentee,Registered Voters,,,,900",
        "D2 Absentee,Ballots Cast,,,,776",
        "D2 Absentee,President,,Joseph R. Biden,DEM,366",
        "D2 Absentee,President,,Donald J. Trump,REP,326",
        "D2 Absentee,U.S. Senate,,Times Counted,NP,776",
        "D2 Absentee,U.S. Senate,,Al Gross,DEM,288",
        "D2 Absentee,U.S. Senate,,Dan Sullivan,REP,428",
        "D2 Absentee,House District 2,,Times Counted,NP,775",
        "D2 Absentee,House District 2,,Youmans,DEM,356",
        "D2 Absentee,House District 2,,Thompson,REP,409",
        "D1 Question,Registered Voters,,,,500",
        "D1 Question,Ballots Cast,,,,359",
        "D1 Question,President,,Joseph R. Biden,DEM,150",
        "D1 Question,President,,Donald J. Trump,REP,180",
        "D1 Question,U.S. Senate,,Times Counted,NP,316",
        "D1 Question,U.S. Senate,,Al Gross,DEM,140",
        "D1 Question,U.S. Senate,,Dan Sullivan,REP,160",
    ]
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_races_own_count_is_its_ballots_cast(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    result = invoke("summary", str(write(tmp_path, AK + "\n")), "--format", "json")
    assert result.code == 0, result.stderr
    assert "make them agree" not in result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    assert list(races) == ["President", "U.S. Senate", "House District 2"]
    turnout = {name: race["turnout"] for name, race in races.items()}
    # The presidency gives no count of its own: the precincts' 776 + 359 of 900 + 500.
    assert turnout["President"] == {
        "registered": 1400,
        "ballots_cast": 1135,
        "pct": pytest.approx(1135 / 1400 * 100),
    }
    # The Senate's own rows: 776 + 316; the House race's 775 (its one precinct's 900 registered).
    assert turnout["U.S. Senate"]["ballots_cast"] == 1092
    assert turnout["U.S. Senate"]["registered"] == 1400
    assert turnout["House District 2"]["ballots_cast"] == 775
    assert turnout["House District 2"]["registered"] == 900
    senate = {r["candidate"]: r["votes"] for r in races["U.S. Senate"]["results"]}
    assert senate == {"Dan Sullivan": 588, "Al Gross": 428}


def test_validate_finds_no_disagreement(tmp_path):
    result = invoke("validate", str(write(tmp_path, AK + "\n")), "--format", "json")
    assert result.code == 0, result.stdout
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert not [p for p in problems if p["code"] == "inconsistent-metadata"]
