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


# A race of N seats (vote for N): what the unlisted votes may overturn is the last seat, so the
# lead that matters is the Nth's over the (N+1)th — or the Nth's votes where no (N+1)th is listed.
# Arizona's 2024 Pima County file gave State House 18 (vote for 2) two candidates and a total
# holding a third's votes; its lead had been measured as first minus second. Invented figures:
# Ann 5,000, Bob 3,000, Cy 2,900 (Bob over Cy: 100; Ann over Bob: 2,000), hand-checked.
@pytest.mark.parametrize(
    ("field", "unlisted", "named"),
    [
        ((5_000, 3_000, 2_900), 99, True),
        ((5_000, 3_000, 2_900), 100, True),  # (a tie at most: nobody overtakes Bob)
        ((5_000, 3_000, 2_900), 101, False),
        ((5_000, 3_000, 2_900), 500, False),  # (first minus second, 2,000, had named Ann and Bob)
        ((5_000, 4_000, 1_000), 1_500, True),  # (Bob over Cy: 3,000; Ann over Bob had withheld)
        ((5_000, 3_000), 2_500, True),  # (no third listed: Bob's 3,000 is the lead)
        ((5_000, 3_000), 3_001, False),
    ],
)
def test_the_lead_of_a_race_of_n_seats_is_the_last_seats(
    tmp_path, monkeypatch, field, unlisted, named
):
    names = ("Ann", "Bob", "Cy")
    rows = [f"{name},{votes},2" for name, votes in zip(names, field, strict=False)]
    total = sum(field) + unlisted
    text = "candidate,votes,vote_for\n" + "\n".join(rows) + f"\nTotal Votes,{total},2\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text))
    (election,) = elections
    assert election.seats == 2
    assert (election.no_winner is None) is named
    if not named:
        assert f"{unlisted:,} votes no option listed has" in election.no_winner
        assert "by which Bob holds the last of the 2 seats" in election.no_winner
    result = invoke("summary", str(tmp_path / "results.csv"))
    assert ("Elects 2" in result.stdout and "Ann, Bob" in result.stdout) is named


def test_one_seat_keeps_the_first_over_the_second(tmp_path, monkeypatch):
    """vote for 1: the lead is still the leader's over the runner-up (and the rule as before)."""
    text = "candidate,votes,vote_for\nAnn,5000,1\nBob,3000,1\nCy,2900,1\nTotal Votes,12901,1\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text))
    (election,) = elections
    assert election.no_winner is not None and "2,000" in election.no_winner
