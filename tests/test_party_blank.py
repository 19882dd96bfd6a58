"""A candidate split by a blank or differently written party cell, and a region's block listed twice
under other names (trial 4: Michigan's and Florida's 2020 county files; figures invented, the
shapes are the files')."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


both = engines_agree

# Each county writes the parties its own way; one leaves them blank. Ann's blank line leads as
# listed, but she and Bo are each one candidate: added up, Ann 700 of 1,100 (pandas below).
SPLIT = (
    "county,office,candidate,party,votes\n"
    "North,House,Ann Ray,Republican Party,200\n"
    "North,House,Bo Tate,Democratic Party,150\n"
    "East,House,Ann Ray,REP,180\n"
    "East,House,Bo Tate,DEM,100\n"
    "West,House,Ann Ray,,320\n"
    "West,House,Bo Tate,,150\n"
)


def test_a_names_blank_line_leading_as_listed_names_no_winner(tmp_path, monkeypatch):
    path = write(tmp_path, SPLIT)
    (election,), problems = both(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(SPLIT))
    by_name = frame.groupby("candidate")["votes"].sum()
    assert by_name.to_dict() == {"Ann Ray": 700, "Bo Tate": 400}
    listed = max(election.options, key=lambda o: o.votes)
    assert listed.candidate == "Ann Ray (no party)" and listed.votes == 320
    assert election.fused_lead == "Ann Ray"
    (shared,) = [p for p in problems if p.code == "shared-name" and "Ann Ray" in p.message]
    assert "added up they would have 700 votes" in shared.message
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    out = json.loads(result.stdout)
    notes = " ".join(out["elections"][0]["notes"])
    assert "No winner is named" in notes and "wins" not in notes
    assert "Ann Ray (no party) leads as listed with" in notes
    (fused,), _ = both(monkeypatch, path, fusion=True)
    assert {o.candidate: o.votes for o in fused.options} == by_name.to_dict()


def test_a_blank_party_beside_one_party_is_counted_with_a_note(tmp_path, monkeypatch):
    text = (
        "county,precinct,office,candidate,party,votes\n"
        "North,1,House,Ann Ray,DEM,100\nNorth,1,House,Bo Tate,REP,90\n"
        "West,1,House,Ann Ray,,20\nWest,1,House,Bo Tate,REP,30\n"
        "West,2,House,Ann Ray,,10\nWest,2,House,Bo Tate,REP,20\n"
    )
    (election,), problems = both(monkeypatch, write(tmp_path, text))
    assert {(o.candidate, o.party): o.votes for o in election.options} == {
        ("Ann Ray", "DEM"): 130,
        ("Bo Tate", "REP"): 140,
    }
    assert problems == []
    assert (
        "Ann Ray has no party in 1 region (30 votes), beside rows of DEM: counted as that "
        "candidate's." in election.notes
    )


# Suwannee's block again, its names written another way: same parties, same votes.
TWICE = (
    "county,office,candidate,party,votes\n"
    "Alder,President,Lee / Park,REP,5000\n"
    "Alder,President,Cole / Dane,DEM,9000\n"
    "Birch,President,Lee / Park,REP,1600\n"
    "Birch,President,Cole / Dane,DEM,450\n"
    "Birch,President,Minor / Few,GRN,12\n"
    "Birch,President,Amy Lee,REP,1600\n"
    "Birch,President,Carl Cole,DEM,450\n"
    "Birch,President,Mo Minor,GRN,12\n"
)


def test_a_block_listed_again_under_other_names_is_warned_of(tmp_path, monkeypatch):
    path = write(tmp_path, TWICE)
    (election,), problems = both(monkeypatch, path)
    # Still counted as listed (which block is right, the file does not say): pandas' sums.
    sums = pd.read_csv(io.StringIO(TWICE)).groupby("candidate")["votes"].sum().to_dict()
    assert {o.candidate: o.votes for o in election.options} == sums
    (warning,) = [p for p in problems if p.code == "repeated-block"]
    assert warning.line == 7
    assert "'Birch'" in warning.message and "'Amy Lee' (line 7)" in warning.message
    assert "'Lee / Park' (line 4)" in warning.message and "'Carl Cole' (line 8)" in warning.message
    result = invoke("validate", str(path), "--format", "json")
    assert "repeated-block" in result.stdout


@pytest.mark.parametrize(
    "text",
    [
        # Equal small counts of a many-candidate primary: chance, not a block.
        "county,candidate,party,votes\nA,Ann,DEM,22\nA,Bo,DEM,22\nA,Cy,DEM,30\nA,Di,DEM,30\n",
        # One equal pair only.
        "county,candidate,party,votes\nA,Ann,DEM,500\nA,Bo,DEM,500\nA,Cy,REP,300\n",
        # Two equal pairs among many more options.
        "county,candidate,party,votes\n"
        + "".join(
            f"A,C{i},DEM,{v}\n"
            for i, v in enumerate([500, 500, 300, 300, 101, 102, 103, 104, 105, 106])
        ),
        # The same votes in two regions: no repeat.
        "county,candidate,party,votes\nA,Ann,DEM,500\nA,Bo,REP,300\nB,Ann,DEM,500\nB,Bo,REP,300\n",
    ],
)
def test_no_repeated_block_without_one(tmp_path, monkeypatch, text):
    _, problems = both(monkeypatch, write(tmp_path, text))
    assert "repeated-block" not in [p.code for p in problems]
