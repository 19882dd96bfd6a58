"""A lone vote-mode column beside the votes column is a part of them, checked to be no more.

OpenElections' Rhode Island precinct files (2018, 2020) give each row its `votes` and, beside them,
`absentee_votes`, the part of them cast by mail (Sheldon Whitehouse 2018: 231,477 votes, 17,250 of
them absentee). pollcli checked the one mode column as if it were every mode: 'in 13,203 row(s)
the vote-mode columns 'absentee_votes' do not add up to 'votes'' — a warning on nearly every row,
and the streaming engine's blocks all left its fast path for it. The file below is invented, in
the same layout.
"""

from __future__ import annotations

from conftest import engines_agree, write

LONE = """office,district,candidate,party,precinct,votes,absentee_votes
Governor,,Ann Abel,D,Avalon 0101,551,92
Governor,,Bo Brand,R,Avalon 0101,498,61
Governor,,Ann Abel,D,Avalon 0102,623,162
Governor,,Bo Brand,R,Avalon 0102,400,0
Governor,,WRITE-IN,,Avalon 0102,3,
"""


def test_a_lone_mode_column_under_the_votes_is_no_mismatch(tmp_path, monkeypatch):
    path = write(tmp_path, LONE)
    (election,), problems = engines_agree(monkeypatch, path, block_bytes=120)
    assert not [p for p in problems if p.code == "mode-mismatch"]
    assert {o.candidate: o.votes for o in election.options} == {
        "Ann Abel": 551 + 623,
        "Bo Brand": 498 + 400,
        "WRITE-IN": 3,
    }


def test_a_lone_mode_column_over_the_votes_is_still_named(tmp_path, monkeypatch):
    path = write(tmp_path, LONE.replace("Avalon 0102,400,0", "Avalon 0102,400,401"))
    (election,), problems = engines_agree(monkeypatch, path, block_bytes=120)
    (warning,) = [p for p in problems if p.code == "mode-mismatch"]
    assert warning.line == 5 and "'absentee_votes'" in warning.message
    assert {o.candidate: o.votes for o in election.options}["Bo Brand"] == 898  # 'votes' is used
