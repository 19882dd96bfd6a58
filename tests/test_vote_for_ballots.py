"""Valid votes above the ballots cast are legitimate in a race where each ballot holds N votes
(`vote_for` N): a council of two seats, 1,350 votes on 900 ballots. `validate` warned "the options'
valid votes (1,350) exceed ballots_cast (900)" all the same; it now warns only past N votes a
ballot. Figures invented; oracle: the hand-checked sums in the table below.
"""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke, write

HEAD = "county,precinct,office,district,party,candidate,votes,vote_for\n"


def _file(council: tuple[int, int, int], vote_for: int) -> str:
    rows = [
        "Nicholas,P1,Registered Voters,,,,900,",
        "Nicholas,P1,Ballots Cast,,,,500,",
        "Nicholas,P2,Registered Voters,,,,800,",
        "Nicholas,P2,Ballots Cast,,,,400,",
        "Nicholas,P1,Mayor,,,Dee,260,1",
        "Nicholas,P1,Mayor,,,Eve,220,1",
        "Nicholas,P2,Mayor,,,Dee,190,1",
        "Nicholas,P2,Mayor,,,Eve,200,1",
    ]
    for name, votes in zip(("Ann", "Bob", "Cy"), council, strict=True):
        rows += [f"Nicholas,P1,Council,,,{name},{votes // 2},{vote_for}"]
        rows += [f"Nicholas,P2,Council,,,{name},{votes - votes // 2},{vote_for}"]
    return HEAD + "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    ("council", "vote_for", "warned"),
    [
        ((500, 450, 400), 2, False),  # 1,350 votes on 900 ballots of 2 votes: fine
        ((700, 650, 450), 2, False),  # 1,800: exactly 2 a ballot
        ((700, 650, 451), 2, True),  # 1,801: one vote too many
        ((400, 300, 201), 1, True),  # 901 votes on 900 ballots of one vote each
        ((400, 300, 200), 1, False),
    ],
)
def test_valid_votes_are_checked_against_n_votes_a_ballot(
    tmp_path, monkeypatch, council: tuple[int, int, int], vote_for: int, warned: bool
) -> None:
    path = write(tmp_path, _file(council, vote_for))
    _, problems = engines_agree(monkeypatch, path)
    said = [p for p in problems if "exceed ballots_cast" in p.message]
    assert bool(said) is warned, said
    if said:
        assert said[0].race == "Council" or "Council" in said[0].message
        assert f"{sum(council):,}" in said[0].message
        if vote_for > 1:
            assert f"{vote_for} votes a ballot" in said[0].message


@pytest.mark.parametrize("invalid", [True, False])
def test_no_ballot_arithmetic_in_a_race_of_n_votes_a_ballot(tmp_path, monkeypatch, invalid) -> None:
    """Review: in a race of two votes a ballot, valid votes plus void ballots are no count of
    ballots (750 + 12 on 900 ballots is fine): neither `validate`'s "not ballots_cast" warning
    nor the findings' "do NOT equal" (with void ballots listed) or "Ballots cast minus valid votes"
    (without them). A race of one vote a ballot keeps both."""
    text = _file((300, 250, 200), 2)  # 750 votes on 900 ballots: no 150 ballots "derived"
    if invalid:
        text += "Nicholas,P1,Council,,,Invalid,12,2\n"
    path = write(tmp_path, text)
    _, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if "not ballots_cast" in p.message]
    result = invoke("summary", str(path), "--race", "Council", "-f", "json")
    assert result.code == 0, result.stderr
    notes = " ".join(json.loads(result.stdout)["elections"][0]["notes"])
    assert "do NOT equal" not in notes and "minus valid votes" not in notes
    mayor = invoke("summary", str(path), "--race", "Mayor", "-f", "json")
    assert "minus valid votes: 30 " in " ".join(json.loads(mayor.stdout)["elections"][0]["notes"])
