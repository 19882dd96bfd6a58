"""Ballots cast of 0 beside the options' votes is no count, and no turnout is computed from it
(trial 15: Italy's 2026 referendum snapshot by region, `votanti_t` 0 in every row, said "Turnout:
0.00 % (0 ballots cast of 45,946,268 registered voters)" beside a warning that the valid votes
exceed it). The votes are still read; registered and ballots cast are as the file gives them.
Figures invented; oracle: pandas sums."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

TEXT = (
    "region,candidate,votes,registered,ballots_cast\n"
    "A,Ann,500,2000,0\nA,Bob,400,2000,0\n"
    "B,Ann,300,1500,0\nB,Bob,350,1500,0\n"
)


def test_no_turnout_from_zero_ballots(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    (election,), _ = engines_agree(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(TEXT))
    assert {o.candidate: o.votes for o in election.options} == {
        name: int(v) for name, v in frame.groupby("candidate")["votes"].sum().items()
    }
    result = invoke("summary", str(path), "--format", "json")
    race = json.loads(result.stdout)["elections"][0]
    assert race["turnout"] == {
        "registered": int(frame.drop_duplicates("region")["registered"].sum()),
        "ballots_cast": 0,
        "pct": None,
    }
    assert any("Turnout: not computed (ballots cast are 0" in f for f in race["notes"])


def test_registered_of_zero_is_said(tmp_path):
    # Sri Lanka's 2000 table gives electors and ballots polled as 0 in every row: main said
    # "Turnout: not computed ( not given)".
    text = TEXT.replace(",2000,0", ",0,0").replace(",1500,0", ",0,0")
    path = write(tmp_path, text)
    race = json.loads(invoke("summary", str(path), "--format", "json").stdout)["elections"][0]
    assert race["turnout"]["pct"] is None
    assert "Turnout: not computed (registered voters are 0)." in race["notes"]
