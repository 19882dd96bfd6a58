"""A vote-mode column named by its site too (`early_vote_south`, `early_vote_north`) is a mode.

OpenElections' Arkansas 2018 Arkansas County precinct file gives the early votes of the county's
two early-voting sites apart: `votes,early_vote_south,absentee,provisional,election_day,
early_vote_north`. pollcli read the three other modes only, and warned "in 999 row(s) the
vote-mode columns 'absentee', 'provisional' and 'election_day' do not add up to 'votes'" on every
row with an early vote (the five add up, row by row). The file below is invented, in the same
layout.
"""

from __future__ import annotations

import pytest

from conftest import engines_agree, write
from pollcli.read.roles import is_vote_part

SITES = """county,precinct,office,district,party,candidate,votes,early_vote_south,absentee,provisional,election_day,early_vote_north
Avalon,MILL,Mayor,,DEM,Ann Abel,7,0,0,0,4,3
Avalon,FORD,Mayor,,DEM,Ann Abel,7,5,0,0,1,1
Avalon,MILL,Mayor,,REP,Bo Brand,12,2,1,0,6,3
Avalon,FORD,Mayor,,REP,Bo Brand,9,0,0,1,8,0
"""


@pytest.mark.parametrize("header", ["early_vote_south", "early_vote_north", "Absentee West"])
def test_a_mode_of_a_site_is_a_mode(header):
    assert is_vote_part(header)


@pytest.mark.parametrize("header", ["south", "north_votes", "west_district"])
def test_a_site_alone_is_no_mode(header):
    assert not is_vote_part(header)


def test_the_modes_of_each_site_add_up_to_the_votes(tmp_path, monkeypatch):
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, SITES))
    assert not [p for p in problems if p.code == "mode-mismatch"]
    assert {o.candidate: o.votes for o in election.options} == {"Ann Abel": 14, "Bo Brand": 21}
    assert any("'early_vote_south'" in n and "'early_vote_north'" in n for n in election.notes)
