"""A referendum's answer columns named after a place are no place's number.

`protocol.ID_WORDS` (84f590d) reads a place word and a word of numbering after it as a row's
number, whatever words come before (`district_no`, `Assembly Constituency No`). A measure's wide
table, `precinct,Water District Yes,Water District No`, then lost its No column as a code: read
alone the file was refused, advising --wide, and with --wide 'Water District Yes leads with
100.00 % … wins outright' (210 votes, the No's 610 read as the rows' names). A `… No` column beside
the same words and `Yes` is an answer, never a number. Figures invented; oracle: by hand."""

from __future__ import annotations

import pytest

from conftest import engines_agree, write
from pollcli.read import protocol

TEXT = "precinct,{q} Yes,{q} No\nP1,120,300\nP2,90,310\n"


@pytest.mark.parametrize("question", ["Water District", "Annex to City", "Fire District No 5"])
@pytest.mark.parametrize("wide", [False, True])
def test_a_no_beside_its_yes_is_an_answer(tmp_path, monkeypatch, question, wide):
    path = write(tmp_path, TEXT.format(q=question))
    elections, _ = engines_agree(monkeypatch, path, wide=wide)
    votes = {o.candidate: o.votes for o in elections[0].options}
    assert votes == {f"{question} Yes": 210, f"{question} No": 610}


def test_a_number_without_its_yes_still_names_the_row():
    header = ["state", "Assembly Constituency No", "Party A", "Party B"]
    assert protocol.names_a_row(header[1])
    assert protocol.answers(header) == set()
    assert protocol.answers(["p", "Water District Yes", "water_district_no"]) == {2}
