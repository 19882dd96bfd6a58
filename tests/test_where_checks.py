"""`--where` keeps part of a race: its valid votes are those rows', while ballots cast and spoilt
ballots given as the election's facts are the whole race's. Their difference is no count of invalid
or blank ballots, and a valid-plus-spoilt check between them would fail on figures that are right:
neither is printed for part of a race. Figures invented; oracle: the table below, summed by hand
(region A: 300 + 100 + 20 = 420 valid votes of the race's 800 ballots; 380 is no count of anything).
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

TEXT = """# election: Test 2030
# registered: 1000
# ballots_cast: 800
region,candidate,kind,votes
A,Ann,candidate,300
A,Bob,candidate,100
B,Ann,candidate,150
B,Bob,candidate,200
A,Against all,against_all,20
B,Against all,against_all,10
"""


def _notes(tmp_path, text: str, *args: str) -> list[str]:
    result = invoke("summary", str(write(tmp_path, text)), *args, "-f", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"][0]["notes"]


def test_the_whole_race_derives_its_spoilt_ballots(tmp_path):
    # 800 − (450 + 300 + 30) = 20.
    notes = _notes(tmp_path, TEXT)
    assert (
        "Ballots cast minus valid votes: 20 (invalid, blank or unreturned ballots, derived)."
        in notes
    )


@pytest.mark.parametrize("where", ["region=A", "kind=candidate"])
def test_part_of_a_race_derives_no_spoilt_ballots(tmp_path, where):
    notes = _notes(tmp_path, TEXT, "--where", where)
    assert any(note.startswith("Part of the race only") for note in notes)
    assert not any("minus valid votes" in note for note in notes), notes


def test_part_of_a_race_checks_no_spoilt_ballots_against_the_race(tmp_path):
    # 750 + 30 + 20 = 800 for the race; region A's 420 + 20 invalid is no fault of the file.
    text = TEXT.replace("# ballots_cast: 800\n", "# ballots_cast: 800\n# invalid: 20\n")
    assert any("Check: valid votes (780) plus" in note for note in _notes(tmp_path, text))
    notes = _notes(tmp_path, text, "--where", "region=A")
    assert not any(note.startswith("Check: valid votes") for note in notes), notes
    # The race's counts are named as the whole race's, left out (`test_partial_counts`).
    assert any("ballots cast (800)" in n and "whole race's" in n for n in notes), notes
