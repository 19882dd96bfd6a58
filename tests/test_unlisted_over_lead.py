"""No winner where the total given holds more votes that no option has than the leader's lead:
Georgia's 2014 local tables give each precinct's valid votes and the parties' columns, an
independent's votes in neither, and race '3 · 5' was "won outright" by Georgian Dream with a lead
of 685 beside 5,382 votes in no column (new-user trial). Where the unlisted votes are fewer than
the lead, the leader wins whoever they were cast for."""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke, write


@pytest.mark.parametrize(
    ("total", "named"),
    [(13_931, False), (8_549 + 684, True), (8_549 + 686, False), (8_549, True)],
)
def test_a_winner_only_where_the_unlisted_votes_cannot_change_it(
    tmp_path, monkeypatch, total, named
):
    path = write(tmp_path, f"candidate,votes\nAnn,4617\nBob,3932\nTotal Votes,{total}\n")
    elections, _ = engines_agree(monkeypatch, path)
    (election,) = elections
    assert (election.no_winner is None) is named
    result = invoke("summary", str(path), "--format", "json")
    (said,) = json.loads(result.stdout)["elections"]
    unlisted = total - 8_549
    lead = 4_617 - 3_932
    assert ("Majority: yes" in " ".join(said["notes"])) is named
    notes = " ".join(said["notes"])
    assert (f"holds {unlisted:,} votes no option listed has" in notes) is (unlisted > lead)
