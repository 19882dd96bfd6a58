"""Ties that leave a runoff's pair, or a first-past-the-post winner, undecided.

A two-round race with no majority sent "Ann and Bob" to a runoff where Bob and Cy tied for second
(Cy as entitled to it), and a tie for first said "under first past the post Ann wins". The oracle
is pandas' ranking of the votes (`rank(method="min")`), not pollcli's own.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, write


def summary_of(tmp_path, text: str, *args: str) -> tuple[dict, str]:
    path = write(tmp_path, text)
    document = json.loads(invoke("summary", str(path), "--format", "json", *args).stdout)
    election = document["elections"][0]
    return election, " ".join(election["notes"])


def test_a_tie_for_second_names_no_runoff_pair(tmp_path):
    election, prose = summary_of(tmp_path, "candidate,votes\nAnn,40\nBob,30\nCy,30\n")
    assert election["majority"]["runoff"] is None
    assert "Bob and Cy tie for second: who would face Ann in a runoff cannot be told" in prose
    assert "between Ann and Bob" not in prose


def test_a_tie_for_first_wins_nothing_under_first_past_the_post(tmp_path):
    election, prose = summary_of(tmp_path, "candidate,votes\nAnn,30\nBob,30\nCy,5\n")
    assert election["leader"] is None
    assert election["majority"]["runoff"] == ["Ann", "Bob"]
    assert "under first past the post the tie for first leaves it undecided" in prose
    assert "Ann wins" not in prose


def test_first_past_the_post_still_elects_the_leader_over_a_tie_for_second(tmp_path):
    election, prose = summary_of(
        tmp_path, "candidate,votes\nAnn,40\nBob,30\nCy,30\n", "--system", "plurality"
    )
    assert election["leader"]["candidate"] == "Ann"
    assert "Ann wins the seat with a plurality" in prose


@given(st.lists(st.integers(min_value=1, max_value=6), min_size=3, max_size=6))
def test_the_runoff_pair_is_the_top_two_only_when_pandas_ranks_them_apart(votes):
    import tempfile
    from pathlib import Path

    names = [f"Cand{i}" for i in range(len(votes))]
    text = "candidate,votes\n" + "".join(f"{n},{v}\n" for n, v in zip(names, votes, strict=True))
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), text)
        document = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    majority = document["elections"][0]["majority"]
    frame = pd.DataFrame({"name": names, "votes": votes})
    frame["rank"] = frame.votes.rank(method="min", ascending=False)
    share = frame.votes.max() / frame.votes.sum() * 100
    firsts = frame[frame["rank"] == 1]
    seconds = frame[frame["rank"] == 2]
    if share > 50:
        expected = None
    elif len(firsts) == 2:
        expected = set(firsts.name)
    elif len(firsts) == 1 and len(seconds) == 1:
        expected = set(firsts.name) | set(seconds.name)
    else:
        expected = None
    got = majority["runoff"]
    assert (set(got) if got else None) == expected


@pytest.mark.parametrize("system", ["majority", "plurality"])
def test_a_clear_second_keeps_its_runoff_or_its_plurality(tmp_path, system):
    election, _ = summary_of(
        tmp_path, "candidate,votes\nAnn,40\nBob,35\nCy,25\n", "--system", system
    )
    assert election["majority"]["runoff"] == (["Ann", "Bob"] if system == "majority" else None)
