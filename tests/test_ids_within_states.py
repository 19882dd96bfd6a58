"""A constituency code numbered within each state (India's ECI results: `Constituency-code` 1 in
every state, beside `State`): the code tells races apart only with the state. Read by the code
alone, Andhra Pradesh's Adilabad and Bihar's Valmiki Nagar were one race (trial 17); a code that
stands in several states under one name (a national contest's id) is still one race."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from conftest import engines_agree

HEADER = "Candidate,Party,Votes,State,Constituency,State-code,Constituency-code"
ROWS = [
    ("A ONE", "P1", 500, "Alpha", "North", "S01", 1),
    ("B TWO", "P2", 300, "Alpha", "North", "S01", 1),
    ("None of the Above", "None of the Above", 20, "Alpha", "North", "S01", 1),
    ("C THREE", "P1", 200, "Alpha", "South", "S01", 2),
    ("D FOUR", "P2", 400, "Alpha", "South", "S01", 2),
    ("E FIVE", "P1", 100, "Beta", "East", "S02", 1),
    ("F SIX", "P3", 700, "Beta", "East", "S02", 1),
    ("G SEVEN", "P2", 50, "Beta", "East", "S02", 1),
]


def _write(path: Path, rows: list[tuple]) -> Path:
    path.write_text(HEADER + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows))
    return path


def _got(elections: list) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def test_a_code_numbered_within_each_state_is_a_race_per_state(tmp_path, monkeypatch):
    path = _write(tmp_path / "eci.csv", ROWS)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(path)
    oracle = {
        group: dict(zip(part["Candidate"], part["Votes"], strict=True))
        for group, part in frame.groupby(["State", "Constituency-code"])
    }
    got = _got(elections)
    assert sorted(map(sorted, got.values())) == sorted(map(sorted, oracle.values()))
    assert sorted(got.values(), key=sorted) == sorted(oracle.values(), key=sorted)
    assert len(elections) == 3
    winners = {e.facts.election: max(e.options, key=lambda o: o.votes).candidate for e in elections}
    assert sorted(winners.values()) == ["A ONE", "D FOUR", "F SIX"]
    notes = {n for e in elections for n in e.notes if n.startswith("Split into")}
    assert any("by 'State' and 'Constituency-code'" in n for n in notes), notes


def test_a_code_under_one_name_in_every_state_is_one_race(tmp_path, monkeypatch):
    # One contest counted in two states (its id and name alike in each): still one race.
    path = tmp_path / "one.csv"
    path.write_text(
        "Candidate,Party,Votes,State,County,Constituency,Constituency-code\n"
        "A ONE,P1,500,Alpha,Aa,Senate,7\n"
        "B TWO,P2,300,Alpha,Aa,Senate,7\n"
        "A ONE,P1,100,Beta,Bb,Senate,7\n"
        "B TWO,P2,700,Beta,Bb,Senate,7\n"
    )
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert len(elections) == 1
    assert _got(elections)[elections[0].facts.election] == {"A ONE": 600, "B TWO": 1000}
