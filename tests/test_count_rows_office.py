"""A unit's count rows (Registered Voters, Ballots Cast) filed under one race's office count every race.

OpenElections' New Jersey 2020 Bergen County precinct file writes each municipality's `Registered
Voters`, `Ballots Cast` and `Ballots Cast - Blank` in the district column of rows whose office is
`President`. pollcli read them as counts of every race, then refused the U.S. Senate and U.S. House
races for them: "office is 'President' here but 'U.S. Senate' on line 1168; election 'U.S. Senate'
has one office: make them agree" — 150 errors on the count rows, three races left out. The file
below is invented, in the same layout.
"""

from __future__ import annotations

from conftest import engines_agree, write

COUNTS_UNDER_PRESIDENT = """county,precinct,office,district,party,candidate,votes
Avalon,Ward 1,President,Registered Voters,,,900
Avalon,Ward 2,President,Registered Voters,,,800
Avalon,Ward 1,President,Ballots Cast,,,600
Avalon,Ward 2,President,Ballots Cast,,,500
Avalon,Ward 1,President,,DEM,Ann Abel,350
Avalon,Ward 2,President,,DEM,Ann Abel,300
Avalon,Ward 1,President,,REP,Bo Brand,240
Avalon,Ward 2,President,,REP,Bo Brand,190
Avalon,Ward 1,U.S. Senate,,DEM,Cy Cole,330
Avalon,Ward 2,U.S. Senate,,DEM,Cy Cole,280
Avalon,Ward 1,U.S. Senate,,REP,Di Dunn,250
Avalon,Ward 2,U.S. Senate,,REP,Di Dunn,200
"""


def test_count_rows_under_one_office_count_every_race(tmp_path, monkeypatch):
    path = write(tmp_path, COUNTS_UNDER_PRESIDENT)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    by_race = {e.facts.election: e for e in elections}
    assert set(by_race) == {"President", "U.S. Senate"}
    senate = by_race["U.S. Senate"]
    assert {o.candidate: o.votes for o in senate.options} == {"Cy Cole": 610, "Di Dunn": 450}
    # The precincts' counts (hand-summed): 900 + 800 registered, 600 + 500 ballots cast.
    for election in elections:
        assert (election.facts.registered, election.facts.ballots_cast) == (1700, 1100)
