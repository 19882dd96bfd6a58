"""Shares equal only as the file rounded them are no tie (ParlGov, Germany 1983: SPD and CDU both
38.2 %, one decimal and no votes, SPD some 8,000 votes ahead). pollcli says they are equal at the
file's precision, never "TIED FIRST" or "(tie)". Invented files of the same layout."""

from __future__ import annotations

import json

from conftest import invoke, write

ROUNDED = "party,share\nRed,38.2\nBlue,38.2\nGreen,10.6\nYellow,7.0\nPurple,5.6\nGrey,0.4\n"


def test_equal_rounded_shares_are_equal_at_the_files_precision(tmp_path):
    path = write(tmp_path, ROUNDED, "bund_1983.csv")
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "TIED FIRST" not in text and "Tie for first" not in text
    assert text.count("EQUAL AT 0.1") == 2
    assert (
        "Red, Blue are equal at the file's 0.1-point precision (38.20 % each), not necessarily tied"
        in text
    )
    data = json.loads(invoke("summary", str(path), "-f", "json").stdout)["elections"][0]
    assert data["leader"] is None  # (still no leader: the file cannot tell)
    assert any("0.1-point precision" in note for note in data["notes"])


def test_two_decimals_give_a_hundredth_of_a_point(tmp_path):
    path = write(tmp_path, "party,share\nRed,38.20\nBlue,38.20\nGreen,23.60\n", "two.csv")
    text = " ".join(invoke("summary", str(path)).stdout.split())
    assert "EQUAL AT 0.01" in text and "0.01-point precision" in text


def test_equal_votes_are_still_a_tie(tmp_path):
    path = write(tmp_path, "party,votes\nRed,382\nBlue,382\nGreen,236\n", "votes.csv")
    text = " ".join(invoke("summary", str(path)).stdout.split())
    assert "TIED FIRST" in text and "Tie for first: Red, Blue each have 382 votes" in text
    assert "precision" not in text


def test_overview_and_compare_say_equal_not_tie(tmp_path):
    races = write(
        tmp_path,
        "district,party,share\nNorth,Red,38.2\nNorth,Blue,38.2\nNorth,Green,23.6\n"
        "South,Red,50.5\nSouth,Blue,49.5\n",
        "districts.csv",
    )
    text = " ".join(invoke("summary", str(races)).stdout.split())
    assert "Close: North (first equal at the file's 0.1-point precision)." in text
    assert "(tie)" not in text
    assert "the seat is undecided here: the first are equal at the file's 0.1-point" in text
    first = write(
        tmp_path, "candidate,party,share\nAnn,Red,38.2\nBob,Blue,38.2\nCy,Green,23.6\n", "a.csv"
    )
    second = write(
        tmp_path, "candidate,party,share\nAnn,Red,45.2\nBob,Blue,40.2\nCy,Green,14.6\n", "b.csv"
    )
    for fmt in ("table", "markdown"):
        shown = invoke("compare", str(first), str(second), "-f", fmt).stdout
        assert "equal at 0.1" in shown and "tie" not in shown.replace("Stage", "")
