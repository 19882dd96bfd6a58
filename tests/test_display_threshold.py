"""A vote for party lists whose file states no legal threshold: the 3 % of `--threshold` is a
display threshold, said so. The Netherlands' 2006 totals (seats won per list, no threshold but the
quota) said "Below the 3 % threshold: D66 (1.96 %) …" beside D66's 3 seats, as if a law had set it.
SPEC keeps the flag and its default (below threshold: share strictly below --threshold); the
finding names where the figure comes from. Names and figures invented; oracle: the table by hand."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

SEATS_WON = """party,votes,seats
Oak,52000,8
Elm,41000,6
Ash,4100,1
"""
STATED = (
    "# system: list\n# seats: 15\n# list_threshold: 5\n"
    + "party,votes\nOak,52000\nElm,41000\nAsh,4100\n"
)


@pytest.mark.parametrize(
    "text",
    [SEATS_WON, "# system: list\n# seats: 15\nparty,votes\nOak,52000\nElm,41000\nAsh,4100\n"],
)
def test_a_list_vote_of_no_stated_threshold_says_the_threshold_is_the_display_one(tmp_path, text):
    # Ash: 4,100 of 97,100 = 4.22 % (by hand): below a --threshold of 5.
    path = write(tmp_path, text, "lists.csv")
    result = invoke("summary", str(path), "--threshold", "5", "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert election["below_threshold"] == ["Ash"] and election["threshold"] == 5.0
    said = [n for n in election["notes"] if n.startswith("Below the 5 % threshold")]
    assert said == [
        "Below the 5 % threshold (--threshold; the file states no legal threshold for seats): "
        "Ash (4.22 %)."
    ]


def test_a_stated_threshold_is_named_as_before(tmp_path):
    path = write(tmp_path, STATED, "lists.csv")
    result = invoke("summary", str(path), "--format", "json")
    (election,) = json.loads(result.stdout)["elections"]
    notes = " ".join(election["notes"])
    assert "the legal threshold for seats is 5 %" in notes
    assert "states no legal threshold" not in notes
