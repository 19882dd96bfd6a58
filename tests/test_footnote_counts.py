"""A vote count with a footnote mark after it (`0*`) is the count, with a note naming the mark.

Colorado's 2018 county results give Weld County's votes in a transit district race it holds no
voters of as `0*`, and their TOTAL rows add the 0: the whole race was refused for three
`type-error`s. (The file below is invented, in that layout.)
"""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke, write
from pollcli.numbers import NumberError, parse_votes

CO_LAYOUT = """county,office,district,party,candidate,votes
NORTH,Transit Board - District Q,,,Ada Pellow,1520
EAST,Transit Board - District Q,,,Ada Pellow,0*
TOTAL,Transit Board - District Q,,,Ada Pellow,1520
NORTH,Transit Board - District Q,,,Ben Quarry,1311
EAST,Transit Board - District Q,,,Ben Quarry,0*
TOTAL,Transit Board - District Q,,,Ben Quarry,1311
NORTH,State House,7,Blue,Cora Linden,800
EAST,State House,7,Blue,Cora Linden,12 †
NORTH,State House,7,Green,Dan Moss,790
EAST,State House,7,Green,Dan Moss,30
"""


def test_marked_counts_are_read_as_the_number_with_a_note(tmp_path):
    path = write(tmp_path, CO_LAYOUT, "co_county.csv")
    validated = invoke("validate", str(path), "--format", "json")
    assert validated.code == 0, validated.stdout
    codes = {p["code"] for p in json.loads(validated.stdout)["files"][0]["problems"]}
    assert "type-error" not in codes
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    votes = {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]}
        for e in document["elections"]
    }
    # Hand-checked: the marked cells add 0 and 12; the TOTAL rows are set aside.
    assert votes == {
        "Transit Board - District Q": {"Ada Pellow": 1520, "Ben Quarry": 1311},
        "State House · 7": {"Dan Moss": 820, "Cora Linden": 812},
    }
    notes = " ".join(document["elections"][0]["notes"])
    assert "3 vote counts carry a footnote mark (* †) after the number" in notes
    assert "'0*' on line 3" in notes and "'12 †' on line 9" in notes


def test_both_engines_read_marked_counts_alike(tmp_path, monkeypatch):
    path = write(tmp_path, CO_LAYOUT, "co_county.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert len(elections) == 2


@pytest.mark.parametrize("cell", ["*", "**", "*0", "0*1", "x*", "-3*"])
def test_what_is_not_a_marked_count_is_still_refused(cell):
    with pytest.raises(NumberError):
        parse_votes(cell, ".", decimal_given=False, near_whole=[], marked=[])


def test_a_fact_is_read_strictly(tmp_path):
    """A count of people given as a fact (front matter) is not read past a mark."""
    path = write(tmp_path, "# registered: 100*\ncandidate,votes\nA,1\nB,2\n")
    assert invoke("summary", str(path)).code == 1
