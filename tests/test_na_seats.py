"""R's `NA` in a column of a race's figures that are no counts (seats, vote_for, a term): none
given, as a blank cell. Portugal's municipal assembly results by parish (`…,party,…,votes,
votes_pct,mandates,presidents,…`, `mandates` `NA` on every row) were refused row by row with
"seats 'NA': not a number; write digits only". Files: invented, in that layout."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

PARISHES = """territory_code,territory_name,organ,party,votes,votes_pct,mandates
010103,Alda,AM,Red,960,56.34,NA
010103,Alda,AM,Blue,279,16.37,NA
010103,Alda,AM,Green,465,27.29,NA
010109,Bela,AM,Red,1221,72.94,NA
010109,Bela,AM,Blue,453,27.06,NA
"""


def test_na_seats_are_none_given(tmp_path):
    path = write(tmp_path, PARISHES, "am.csv")
    result = invoke("summary", str(path), "--race-by", "territory_code", "-f", "json")
    assert result.code == 0, result.stderr
    assert "'NA'" not in result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    # Oracle: the rows by hand; no seats given, none read.
    assert {n: [r["votes"] for r in e["results"]] for n, e in races.items()} == {
        "010103": [960, 465, 279],
        "010109": [1221, 453],
    }
    notes = [note for e in races.values() for note in e["notes"]]
    assert not any("seats go to" in note or "Seats won" in note for note in notes)


@pytest.mark.parametrize("column", ["vote_for", "term_years"])
def test_na_in_other_figures_is_none_given(tmp_path, column):
    text = PARISHES.replace("mandates", column)
    result = invoke("summary", str(write(tmp_path, text, "am.csv")), "--race-by", "territory_code")
    assert result.code == 0, result.stderr
    assert "'NA'" not in result.stderr


def test_a_word_in_seats_is_still_an_error(tmp_path):
    # Not a missing value: a word where a number belongs stays an error at its line.
    text = PARISHES.replace("1221,72.94,NA", "1221,72.94,many")
    result = invoke("summary", str(write(tmp_path, text, "am.csv")), "--race-by", "territory_code")
    assert "am.csv:5: seats 'many'" in result.stderr
