"""Florida's precinct files of 2020 (OpenElections' county files) give the votes by way of voting
beside the votes: `absentee,early_voting,election_day,other,provisional,votes`. `other` was left
unused ("not used by pollcli"), so every row with an `other` vote drew a `mode-mismatch` warning,
and `--ignore-column votes` (the way to count a row whose votes cell is blank from its modes) was
refused: "column 'other' holds numbers beside the vote-mode columns". Beside other vote-mode
columns, `other` is one of them (as Connecticut's `unknown` is); alone it is no way of voting.

Figures invented, the layout is the files'; oracle: pandas sums of the votes column, and of the
mode columns with the votes column left out.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read import ReadOptions
from pollcli.read.roles import column_roles

OKEECHOBEE = """candidate,office,district,party,county,precinct,absentee,early_voting,election_day,other,provisional,votes
,Registered Voters,,,Okeechobee,1,,,,,,1593
,Ballots Cast,,,Okeechobee,1,279,534,371,1,1,1186
Donald J. Trump,President,,REP,Okeechobee,1,150,400,300,1,0,851
Joseph R. Biden,President,,DEM,Okeechobee,1,120,130,60,0,1,311
Jo Jorgensen,President,,LPF,Okeechobee,1,2,2,2,0,0,6
Donald J. Trump,President,,REP,Okeechobee,8,511,907,504,0,2,1924
Joseph R. Biden,President,,DEM,Okeechobee,8,340,229,106,0,1,676
Jo Jorgensen,President,,LPF,Okeechobee,8,0,2,2,1,0,5
"""
MODES = ["absentee", "early_voting", "election_day", "other", "provisional"]


def oracle(column: str | None) -> dict[str, int]:
    """Each candidate's votes: the `column`'s, or (None) the modes' sum."""
    frame = pd.read_csv(io.StringIO(OKEECHOBEE), keep_default_na=False, dtype=str)
    frame = frame[frame["candidate"] != ""]
    votes = frame[column].astype(int) if column else frame[MODES].astype(int).sum(axis=1)
    return {str(k): int(v) for k, v in votes.groupby(frame["candidate"]).sum().items()}


@pytest.mark.parametrize("block_bytes", [120, None])
def test_other_beside_the_modes_is_a_mode(tmp_path, monkeypatch, block_bytes):
    path = write(tmp_path, OKEECHOBEE)
    (race,), problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    assert {o.candidate: o.votes for o in race.options} == oracle("votes")
    assert not [p for p in problems if p.code in ("mode-mismatch", "unknown-column")]


def test_without_the_votes_column_the_votes_are_the_modes_sum(tmp_path, monkeypatch):
    path = write(tmp_path, OKEECHOBEE)
    options = ReadOptions(ignore_columns=("votes",))
    (race,), problems = engines_agree(monkeypatch, path, read_options=options)
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in race.options} == oracle(None) == oracle("votes")


@pytest.mark.parametrize(
    ("header", "modes"),
    [
        ("candidate,absentee,early_voting,election_day,other,provisional,votes", 5),
        ("candidate,votes,election_day,other", 2),
        # Alone it is no way of voting (nor a candidate's "Other" in a wide table).
        ("candidate,party,other,votes", 0),
        ("county,other", 0),
    ],
)
def test_other_is_a_mode_only_beside_one(header, modes):
    roles = column_roles(header.split(","), ReadOptions())
    assert sum(r == "vote_part" for r in roles.values()) == modes
