"""A candidate's name in two columns beside a party-like description column (trial B5: the
Electoral Commission's `Forename,Surname,Description on ballot paper`): the names are the
candidates, the description their party — never the options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, write
from pollcli.read import ReadOptions, engines, load, load_file

EXTRA = next(
    (
        p
        for p in (ROOT.parent / "extra-realworld", Path("/work/extra-realworld"))
        if (p / "uk_ge2015_ec_provisional_results_by_candidate.csv").is_file()
    ),
    None,
)
HEADER = "Forename,Surname,Description on ballot paper,Constituency Name,PANo,Votes\n"
# Two independents and two candidates with no description in one seat: two options each.
ROWS = [
    ("Ann", "Ash", "Labour Party", "Aberavon", 1, 500),
    ("Bob", "Birch", "Independent", "Aberavon", 1, 300),
    ("Cy", "Cedar", "Independent", "Aberavon", 1, 200),
    ("Di", "Dale", "The Conservative Party Candidate", "Bath", 2, 700),
    ("Ed", "Elm", "", "Bath", 2, 90),
    ("Flo", "Fir", "", "Bath", 2, 60),
]


def test_the_names_are_the_candidates_and_the_description_their_party(tmp_path, monkeypatch):
    path = write(tmp_path, HEADER + "".join(",".join(map(str, r)) + "\n" for r in ROWS))
    loaded = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        loaded[engine] = load_file(path, ReadOptions())
    assert loaded["exact"] == loaded["stream"]
    elections, problems = loaded["exact"]
    assert [p for p in problems if p.severity == "error"] == []
    got = {
        (e.race.name if e.race else "", o.candidate, o.party, o.votes)
        for e in elections
        for o in e.options
    }
    # The table above, by hand: race, "Forename Surname", the description (None when blank).
    assert got == {(r[3], f"{r[0]} {r[1]}", r[2] or None, r[5]) for r in ROWS}
    notes = " ".join(n for e in elections for n in e.notes)
    assert "joined from 'Forename' and 'Surname'" in notes
    assert "The options are parties" not in notes


@pytest.mark.skipif(EXTRA is None, reason="extra-realworld is not beside the repository")
def test_uk_2015_candidates_and_their_races():
    """The trial's file against the trial's oracle (expected.json): each checked race's
    candidates by name, and its valid votes; no race is refused for two of one description."""
    assert EXTRA is not None
    path = EXTRA / "uk_ge2015_ec_provisional_results_by_candidate.csv"
    expected = [
        e
        for e in json.loads((EXTRA / "expected.json").read_text())
        if e["file"] == path.name and e["race_keys"]
    ]
    elections = load(path, encoding="cp1252")
    by_race = {e.race.name: e for e in elections if e.race is not None}
    checked = 0
    for entry in expected:
        election = by_race[entry["race"]]
        if entry["kind"] == "candidate":
            votes = {o.candidate: o.votes for o in election.options}
            assert votes[entry["candidate"]] == entry["votes"]
        else:
            assert sum(o.votes or 0 for o in election.options) == entry["votes"]
        checked += 1
    assert checked == 12
    # Nothing refused: not the seats of two independents, nor the last row (the file's total).
    assert elections.refused == []
    assert len(by_race) == 650
    assert sum(o.votes or 0 for e in elections for o in e.options) == 30697845


def seats_file(total: str) -> str:
    rows = [
        f"Seat {s},Cand {s}{c},P{c},{(s * 31 + ord(c)) % 500 + 1}" for s in range(40) for c in "AB"
    ]
    return "constituency,candidate,party,votes\n" + "\n".join(rows) + f"\n,,,{total}\n"


def _sum_of(text: str) -> int:
    """The votes of the file's seat rows, by hand (the last cell of each named row)."""
    return sum(int(line.rsplit(",", 1)[1]) for line in text.splitlines()[1:] if line[:1] != ",")


@pytest.mark.parametrize("off", [0, 7])
def test_a_last_row_of_no_race_and_no_name_is_the_files_total(tmp_path, monkeypatch, off):
    parts = _sum_of(seats_file("0"))
    path = write(tmp_path, seats_file(str(parts + off)))
    line = len(path.read_text().splitlines())
    loaded = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        loaded[engine] = load_file(path, ReadOptions())
    assert loaded["exact"] == loaded["stream"]
    elections, problems = loaded["exact"]
    assert [p for p in problems if p.severity == "error"] == []
    assert len(elections) == 40
    assert sum(o.votes or 0 for e in elections for o in e.options) == parts
    codes = {(p.code, p.line) for p in problems}
    assert ("total-row", line) in codes
    assert (("total-mismatch", line) in codes) == bool(off)


def test_a_row_of_no_race_and_no_name_far_from_the_sum_is_still_refused(tmp_path):
    path = write(tmp_path, seats_file("12"))
    _, problems = load_file(path, ReadOptions())
    assert [p.code for p in problems if p.severity == "error"] == ["blank-name"]
