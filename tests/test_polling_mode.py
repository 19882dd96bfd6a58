"""Iowa's `absentee` and `polling` columns beside `votes` are its ways of voting.

OpenElections' Iowa primaries of 2018 by county (`..., votes, absentee, polling`): `polling` was
no mode word, so `absentee` alone was taken for the modes and every row warned ("in 665 row(s) the
vote-mode columns 'absentee' do not add up to 'votes'"). Like Connecticut's `poll`, `polling` is a
way of voting beside another one only. Invented rows in the file's layout; by hand, votes =
absentee + polling on every row."""

from __future__ import annotations

import pytest

from conftest import engines_agree, write

TEXT = (
    "county,precinct,office,district,party,candidate,votes,absentee,polling\n"
    "Lake,P1,Governor,,REP,Ann Ash,20,1,19\n"
    "Lake,P2,Governor,,REP,Ann Ash,13,0,13\n"
    "Lake,P1,Governor,,REP,Bo Bell,51,6,45\n"
    "Lake,P2,Governor,,REP,Bo Bell,30,3,27\n"
)


@pytest.mark.parametrize("block_bytes", [None, 64])
def test_polling_beside_absentee_is_a_mode(tmp_path, monkeypatch, block_bytes) -> None:
    path = write(tmp_path, TEXT, name="results.csv")
    (election,), problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    assert not [p for p in problems if "do not add up" in p.message]
    assert {o.candidate: o.votes for o in election.options} == {"Ann Ash": 33, "Bo Bell": 81}
