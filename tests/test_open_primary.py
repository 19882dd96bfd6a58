"""Louisiana's open ("jungle") primaries: every party's candidates on one ballot, a majority
elects, else the top two meet in a runoff (session 19).

OpenElections' LA files of them are named `…__la__primary…` and were read as party primaries:
"State Senate · 1 · Democratic primary: Wayne J. Landry 100 %, unopposed, wins the primary", when
Landry ran second to a Republican in one race of both parties (2003, file
2003/20031004__la__primary.csv). Presidential primaries and party committees stay party primaries,
as do Congress's from 2008 to 2010, when they were closed. Figures invented, the shape is the
file's; the oracle is pandas.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

LA = """county,office,district,party,candidate,votes
Orleans,State Senate,1,R,Walter J. Boasso,76
Orleans,State Senate,1,D,Wayne J. Landry,28
Orleans,State Senate,1,R,Wayne Mumphrey,41
St. Bernard,State Senate,1,R,Walter J. Boasso,11000
St. Bernard,State Senate,1,D,Wayne J. Landry,7500
St. Bernard,State Senate,1,R,Wayne Mumphrey,4500
Orleans,State Senate,3,D,Lambert C. Boissiere,18095
Orleans,State Senate,3,D,Pat Harris,5643
Orleans,State Senate,3,O,Jason Neville,1528
Orleans,President,,D,Ann Lee,300
Orleans,President,,D,Bo Tate,200
Orleans,President,,R,Cy Dale,150
"""


def _races(path, *args: str) -> dict:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    return {e["election"]: e for e in json.loads(result.stdout)["elections"]}


def test_an_open_primary_is_one_race_of_every_party_which_a_majority_wins(tmp_path):
    path = write(tmp_path, LA, "20031004__la__primary.csv")
    races = _races(path)
    assert set(races) == {
        "State Senate · 1",
        "State Senate · 3",
        "President · Democratic primary",
        "President · Republican primary",
    }
    frame = pd.read_csv(io.StringIO(LA))
    one = frame[frame.district == 1].groupby("candidate").votes.sum()
    race = races["State Senate · 1"]
    assert {r["candidate"]: r["votes"] for r in race["results"]} == one.to_dict()
    assert one["Walter J. Boasso"] / one.sum() < 0.5
    assert race["majority"]["reached"] is False
    assert race["majority"]["runoff"] == ["Walter J. Boasso", "Wayne J. Landry"]
    three = frame[frame.district == 3].groupby("candidate").votes.sum()
    race = races["State Senate · 3"]
    assert race["leader"]["votes"] == three.max() and three.max() / three.sum() > 0.5
    assert race["majority"]["reached"] is True
    notes = " ".join(race["notes"])
    assert "Louisiana's open primary" in notes and "nomination" not in notes
    tally = json.loads(invoke("summary", str(path), "--format", "json").stdout)["tally"]
    assert tally["primaries"] == 2  # the presidential primaries alone
    assert tally["undecided"] == 1 and {p["party"]: p["won"] for p in tally["parties"]} == {"D": 1}


def test_both_engines_read_one_race_of_every_party(tmp_path, monkeypatch):
    path = write(tmp_path, LA, "20031004__la__primary.csv")
    elections, _ = engines_agree(monkeypatch, path)
    senate = {e.facts.election: e for e in elections}["State Senate · 1"]
    assert senate.race is not None and senate.race.majority and not senate.race.primary


def test_party_primaries_are_read_with_primary_party(tmp_path):
    path = write(tmp_path, LA, "20031004__la__primary.csv")
    races = _races(path, "--primary", "party")
    assert "State Senate · 1 · Democratic primary" in races


@pytest.mark.parametrize(
    ("name", "closed"),
    [("20100828__la__primary.csv", True), ("20141104__la__primary.csv", False)],
)
def test_congress_primaries_were_closed_from_2008_to_2010(tmp_path, name, closed):
    text = LA.replace("State Senate,1,", "U.S. House,1,")
    races = _races(write(tmp_path, text, name))
    assert ("U.S. House · 1 · Republican primary" in races) is closed
    assert ("U.S. House · 1" in races) is not closed
    assert "State Senate · 3" in races


def test_another_states_primary_stays_party_primaries(tmp_path):
    races = _races(write(tmp_path, LA, "20031004__ms__primary.csv"))
    assert "State Senate · 1 · Republican primary" in races


# Louisiana's November election (`20161108__la__general__county.csv`): Congress's open primary,
# a majority wins, else a December runoff; the presidential race is won by the most votes. It was
# refused a winner as "a race of several seats" (several candidates of one party).
NOVEMBER = """county,office,district,party,candidate,votes
Acadia,President,,DEM,Hillary Clinton,5638
Acadia,President,,REP,Donald J. Trump,21162
Acadia,President,,LBT,Gary Johnson,300
Acadia,U.S. Senate,,REP,John Kennedy,7000
Acadia,U.S. Senate,,DEM,Foster Campbell,4000
Acadia,U.S. Senate,,REP,Charles Boustany,6500
Acadia,U.S. Senate,,DEM,Caroline Fayard,3000
Acadia,U.S. House,3,REP,Scott A. Angelle,9000
Acadia,U.S. House,3,REP,Clay Higgins,8000
Acadia,U.S. House,3,DEM,Larry Rader,2000
Allen,U.S. House,3,REP,Scott A. Angelle,1000
Allen,U.S. House,3,REP,Clay Higgins,1500
Allen,U.S. House,3,DEM,Larry Rader,500
"""


def test_louisianas_november_races_are_won_by_a_majority_else_a_runoff(tmp_path):
    path = write(tmp_path, NOVEMBER, "20161108__la__general__county.csv")
    races = _races(path)
    frame = pd.read_csv(io.StringIO(NOVEMBER))
    for name, office in (("U.S. Senate", "U.S. Senate"), ("U.S. House · 3", "U.S. House")):
        sums = frame[frame.office == office].groupby("candidate").votes.sum()
        race = races[name]
        assert {r["candidate"]: r["votes"] for r in race["results"]} == sums.to_dict()
        top = sums.sort_values(ascending=False)
        assert top.iloc[0] / sums.sum() < 0.5
        assert race["majority"]["reached"] is False
        assert race["majority"]["runoff"] == list(top.index[:2])
        assert "Louisiana's November election" in " ".join(race["notes"])
    president = races["President"]
    assert president["leader"]["candidate"] == "Donald J. Trump"
    assert "Louisiana's November election" not in " ".join(president["notes"])
    assert not [w for w in president["warnings"] + races["U.S. Senate"]["warnings"] if "seat" in w]


def test_november_2008_to_2010_congress_is_a_general_election(tmp_path):
    races = _races(write(tmp_path, NOVEMBER, "20101102__la__general__county.csv"))
    assert "Louisiana's November election" not in " ".join(races["U.S. House · 3"]["notes"])


def test_primary_top_two_still_reads_the_november_election_as_before(tmp_path):
    path = write(tmp_path, NOVEMBER, "20161108__la__general__county.csv")
    races = _races(path, "--primary", "top-two")
    assert "Louisiana's November election" not in " ".join(races["U.S. Senate"]["notes"])
    assert races["U.S. Senate"]["advance"]
