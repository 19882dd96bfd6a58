"""A race's fact written two ways that say the same (`vote_for` `02` on one row, `2` on another) is
one fact: compared as what it says, not as text (`read/fact_values`). It was a conflict, the race
refused ("vote_for is '2' here but '02' on line 2; make them agree"). Facts that differ in what they
say are still a conflict. Figures invented; oracle: the figures as written (a hand-checked table).
"""

from __future__ import annotations

import pytest

from conftest import engines_agree, write

TEXT = """office,candidate,votes,vote_for
Council,Ann,500,02
Council,Bob,400,2
Council,Cy,300,2
Mayor,Dee,10,1
Mayor,Eve,9,01
"""


@pytest.mark.parametrize("block_bytes", [None, 40])
def test_a_fact_written_two_ways_is_one(tmp_path, monkeypatch, block_bytes) -> None:
    path = write(tmp_path, TEXT)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    assert not [p for p in problems if p.severity == "error"], problems
    got = {
        e.facts.election: (e.facts.vote_for, {o.candidate: o.votes for o in e.options})
        for e in elections
    }
    assert got == {
        "Council": (2, {"Ann": 500, "Bob": 400, "Cy": 300}),
        "Mayor": (1, {"Dee": 10, "Eve": 9}),
    }


def test_facts_that_differ_are_still_a_conflict(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, TEXT.replace("Cy,300,2", "Cy,300,1"))
    _, problems = engines_agree(monkeypatch, path)
    said = [p for p in problems if p.code == "inconsistent-metadata"]
    assert [(p.line, p.race) for p in said] == [(4, "Council")] or [p.line for p in said] == [4]
    assert "'1'" in said[0].message and "'02'" in said[0].message


@pytest.mark.parametrize(
    ("key", "one", "two", "same"),
    [
        ("vote_for", "02", "2", True),
        ("vote_for", "2", "2.0", None),
        ("vote_for", "1", "2", False),
        ("vote_for", "x", "2", False),
        ("round", "1", "01", True),
        ("date", "2020-11-03", "2020-11-03 ", None),
        ("office", "Council", "council", False),
    ],
)
def test_same_fact_by_a_table(key: str, one: str, two: str, same: bool | None) -> None:
    """Hand-checked: None where the table leaves it to the contract (either answer is safe)."""
    from pollcli.read.fact_values import same_fact

    got = same_fact(key, one, two, ".", False)
    assert got is same or same is None
