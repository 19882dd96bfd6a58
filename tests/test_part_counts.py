"""Counts of a part of a precinct's ballots or voters, given as an office of counts (Election
Systems & Software's exports: OpenElections' Texas 2014 and West Virginia 2018 primaries, Arizona):
`BALLOTS CAST - REPUBLICAN PARTY`, `BALLOTS CAST - NONPARTISAN`, `REGISTERED VOTERS - GREEN`,
`BALLOTS CAST - STYLE 00017`. Each was a race that its own count "won" unopposed with 100 %
(Texas: one per party primary; West Virginia: also `BALLOTS CAST - NONPARTISAN`, 80 % beside the
blank ballots). They are no race's figure: left out, with a note naming them. Both engines agree;
figures are hand sums of the CSV text."""

from __future__ import annotations

import pytest

from conftest import engines_agree, write
from pollcli.kinds import unused_count

TEXAS = """county,precinct,office,district,party,candidate,votes
Briscoe,PRECINCT 1,REGISTERED VOTERS - TOTAL,,,REGISTERED VOTERS - TOTAL,167
Briscoe,PRECINCT 1,BALLOTS CAST - TOTAL,,,BALLOTS CAST - TOTAL,60
Briscoe,PRECINCT 1,BALLOTS CAST - REPUBLICAN PARTY,,REP,BALLOTS CAST - REPUBLICAN PARTY,50
Briscoe,PRECINCT 1,BALLOTS CAST - DEMOCRATIC PARTY,,DEM,BALLOTS CAST - DEMOCRATIC PARTY,10
Briscoe,PRECINCT 1,U.S. Senate,,REP,John Cornyn,30
Briscoe,PRECINCT 1,U.S. Senate,,REP,Steve Stockman,18
Briscoe,PRECINCT 1,U.S. Senate,,DEM,David Alameel,6
Briscoe,PRECINCT 1,U.S. Senate,,DEM,Kesha Rogers,4
"""
WEST_VIRGINIA = """county,precinct,office,district,party,candidate,votes
Barbour,PRECINCT 1,BALLOTS CAST,,REP,BALLOTS CAST - REPUBLICAN PARTY,72
Barbour,PRECINCT 1,BALLOTS CAST,,DEM,BALLOTS CAST - DEMOCRATIC PARTY,40
Barbour,PRECINCT 1,BALLOTS CAST,,,BALLOTS CAST - NONPARTISAN,1
Barbour,PRECINCT 1,BALLOTS CAST,,,BALLOTS CAST - BLANK,0
Barbour,PRECINCT 1,U.S. Senate,,REP,Patrick Morrisey,40
Barbour,PRECINCT 1,U.S. Senate,,REP,Don Blankenship,30
Barbour,PRECINCT 1,U.S. Senate,,DEM,Joe Manchin,38
"""


@pytest.mark.parametrize(
    ("name", "unused"),
    [
        ("BALLOTS CAST - REPUBLICAN PARTY", True),
        ("Registered Voters - Green", True),
        ("BALLOTS CAST - STYLE 00017", True),
        ("BALLOTS CAST - NONPARTISAN", True),
        ("BALLOTS CAST - TOTAL", False),  # the unit's ballots cast: a count for every race
        ("Registered Voters", False),
        ("Ballots", False),
    ],
)
def test_which_names_count_part_of_a_unit(name, unused):
    assert unused_count(name) is unused


@pytest.mark.parametrize("text", [TEXAS, WEST_VIRGINIA])
def test_counts_of_part_of_a_unit_are_no_races(tmp_path, monkeypatch, text):
    path = write(tmp_path, text, "20140304__tx__primary__briscoe__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert sorted(e.facts.election for e in elections) == [
        "U.S. Senate · Democratic primary",
        "U.S. Senate · Republican primary",
    ]
    by_name = {e.facts.election: e for e in elections}
    republican = by_name["U.S. Senate · Republican primary"]
    assert sum(o.votes or 0 for o in republican.options) == (48 if text is TEXAS else 70)
    notes = " ".join(republican.notes)
    assert "REPUBLICAN PARTY" in notes and "left out" in notes


# Texas 2014's primaries give each precinct's ballots cast in both primaries (`BALLOTS CAST -
# TOTAL`). A race of one party's primary whose office the other party does not contest was given
# them as its own: "ON IMMIGRATION REFORM · Democratic primary: turnout 35.48 % (402 ballots cast of
# 1,133 registered voters)" for a primary of 26 ballots. A unit's counts hold every party's voters:
# no party primary's own.
ONE_PARTY_OFFICES = """county,precinct,office,district,party,candidate,votes
Briscoe,PRECINCT 1,REGISTERED VOTERS - TOTAL,,,REGISTERED VOTERS - TOTAL,167
Briscoe,PRECINCT 1,BALLOTS CAST - TOTAL,,,BALLOTS CAST - TOTAL,60
Briscoe,PRECINCT 1,County Judge,,REP,Ann Ash,30
Briscoe,PRECINCT 1,County Judge,,REP,Bob Birch,18
Briscoe,PRECINCT 1,MEDICAID EXPANSION,,DEM,FOR,7
Briscoe,PRECINCT 1,MEDICAID EXPANSION,,DEM,AGAINST,3
"""


def test_a_unit_count_is_no_party_primary_own(tmp_path, monkeypatch):
    path = write(tmp_path, ONE_PARTY_OFFICES, "20140304__tx__primary__briscoe__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert len(elections) == 2
    for election in elections:
        # 60 ballots in both primaries: neither the 48 Republican votes' nor the 10 Democratic.
        assert (election.facts.registered, election.facts.ballots_cast) == (None, None)
        assert any("Turnout is not computed" in n for n in election.notes)
