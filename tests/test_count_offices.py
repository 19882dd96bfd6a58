"""A count of each precinct given as a race of its own: office `Voters`, options `Registered` and
`Cast` (OpenElections' Washington 2008 county files, trial 7). It was summarised as a race won by
"Cast" with 100 % (unopposed); it is each precinct's registered voters and ballots cast, for
every race of the precinct. Figures are hand-checked; both engines agree.
"""

from __future__ import annotations

import pytest

from conftest import engines_agree, write

ROWS = [
    "county,precinct,office,district,party,candidate,votes",
    "Adams,Othello #1,Voters,,,Registered,100",
    "Adams,Othello #2,Voters,,,Registered,50",
    "Adams,Othello #1,Voters,,,Cast,80",
    "Adams,Othello #2,Voters,,,Cast,40",
    "Adams,Othello #1,President,,D,Barack Obama,30",
    "Adams,Othello #2,President,,D,Barack Obama,20",
    "Adams,Othello #1,President,,R,John McCain,45",
    "Adams,Othello #2,President,,R,John McCain,18",
    "Adams,Othello #1,Governor,,D,Christine Gregoire,35",
    "Adams,Othello #2,Governor,,D,Christine Gregoire,19",
    "Adams,Othello #1,Governor,,R,Dino Rossi,40",
    "Adams,Othello #2,Governor,,R,Dino Rossi,20",
]


@pytest.mark.parametrize("newline", ["\n", "\r"])  # the county's file ends its lines with CR alone
def test_a_voters_office_of_counts_is_no_race(tmp_path, monkeypatch, newline):
    path = write(tmp_path, newline.join(ROWS) + newline)
    elections, problems = engines_agree(monkeypatch, path)
    assert sorted(e.facts.election for e in elections) == ["Governor", "President"]
    assert not [p for p in problems if p.severity == "error"], problems
    by_name = {e.facts.election: e for e in elections}
    president = by_name["President"]
    assert {o.candidate: o.votes for o in president.options} == {
        "Barack Obama": 50,
        "John McCain": 63,
    }
    for election in elections:
        assert (election.facts.registered, election.facts.ballots_cast) == (150, 120)


def test_counts_of_some_precincts_only_give_no_turnout(tmp_path, monkeypatch):
    """The county's count rows name their precincts otherwise than its races do (`Ritzville Ward
    1` and `RITZ WARD #1`): the counts of the precincts that match cover part of each race, and
    gave a turnout of 74.42 % "of the race" from them. The turnout of part of a race is none."""
    rows = [
        *ROWS[:5],
        "Adams,Othello #1,President,,D,Barack Obama,30",
        "Adams,RITZ WARD #1,President,,D,Barack Obama,20",
        "Adams,Othello #1,President,,R,John McCain,45",
        "Adams,RITZ WARD #1,President,,R,John McCain,18",
    ]
    path = write(tmp_path, "\n".join(rows) + "\n")
    elections, _ = engines_agree(monkeypatch, path)
    (president,) = elections
    assert {o.candidate: o.votes for o in president.options} == {
        "Barack Obama": 50,
        "John McCain": 63,
    }
    assert (president.facts.registered, president.facts.ballots_cast) == (None, None)
    assert any("RITZ WARD #1" in n and "Turnout is not computed" in n for n in president.notes)


def test_count_offices_of_one_precinct_of_two_give_no_turnout(tmp_path, monkeypatch):
    """Kentucky's layout (`Registered Voters` and `Ballots Cast` as offices) with counts for one
    precinct of two: the turnout was 80 % "of the race", whose valid votes are 575 for 80
    ballots cast."""
    text = (
        "county,precinct,office,district,party,candidate,votes\n"
        "Adams,P1,Registered Voters,,,,100\n"
        "Adams,P1,Ballots Cast,,,,80\n"
        "Adams,P1,President,,D,Ann,30\n"
        "Adams,P1,President,,R,Bob,45\n"
        "Adams,P2,President,,D,Ann,300\n"
        "Adams,P2,President,,R,Bob,200\n"
    )
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text))
    (president,) = elections
    assert {o.candidate: o.votes for o in president.options} == {"Ann": 330, "Bob": 245}
    assert (president.facts.registered, president.facts.ballots_cast) == (None, None)
    assert any("‘P2’ has none" in n for n in president.notes), president.notes


# Michigan's 2020 primary county files (OpenElections' Mason): `Ballots Cast` as an office with
# each party's ballots as its candidates, a race "REP wins the seat with a majority" of 63.56 %.
MICHIGAN = """county,precinct,office,district,candidate,party,votes
Mason,Amber 1,Registered Voters,,,,1994
Mason,Amber 1,Ballots Cast,,,,654
Mason,Amber 1,Ballots Cast,,DEM,,186
Mason,Amber 1,Ballots Cast,,REP,,439
Mason,Amber 1,Ballots Cast,,NON,,29
Mason,Amber 1,U.S. Senate,,Gary Peters,DEM,170
Mason,Amber 1,U.S. Senate,,John James,REP,420
"""


def test_an_office_of_ballots_cast_by_party_is_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, MICHIGAN, "20200804__mi__primary__mason__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert all("Ballots Cast" not in e.facts.election for e in elections)
    options = {o.candidate: o.votes for e in elections for o in e.options}
    assert options == {"Gary Peters": 170, "John James": 420}
    said = " ".join(n for e in elections for n in e.notes)
    assert "'Ballots Cast - DEM'" in said and "part of their unit" in said
