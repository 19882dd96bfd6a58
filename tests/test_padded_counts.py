"""Counts written to one width with leading zeros beside a column that is not: still counts.

`numbers.padded_codes` took every column of digits padded to one width (`0012`) as a place's code
wherever some other column of figures was not so padded. A county file of fixed width whose
leading candidate always had four digits (`Jones`: 1345, 1200) kept only Jones: `--wide` said
'Jones leads with 100.00 %', Smith and Lee read as names of the rows, and without `--wide` the
file was refused with advice to pass it. A precinct file whose registered voters were not padded
(1520) but the candidates' counts were (0412) was refused as having no votes column (read before
as Jones 1,409, Smith 1,341). A code is one column or a few beside the counts: where the padded
columns are more than the others with figures, none is told a code. Figures invented; oracle:
pandas."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.numbers import padded_codes

FIXED_WIDTH = """county,Smith,Jones,Lee
Adams,0012,1345,0017
Brown,0100,1200,0230
Clark,0045,1200,0009
"""
REGISTERED = """precinct,registered,Smith,Jones
P1,1520,0412,0388
P2,1710,0530,0601
P3,1405,0399,0420
"""


@pytest.mark.parametrize(
    ("text", "wide"), [(FIXED_WIDTH, False), (FIXED_WIDTH, True), (REGISTERED, False)]
)
def test_padded_counts_beside_an_unpadded_column_stay_counts(tmp_path, monkeypatch, text, wide):
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text), wide=wide)
    frame = pd.read_csv(io.StringIO(text), dtype=str)
    expected = {c: int(frame[c].astype(int).sum()) for c in ("Smith", "Jones", "Lee") if c in frame}
    assert {o.candidate: o.votes for o in elections[0].options} == expected


def test_a_code_among_more_counts_is_still_told():
    assert padded_codes([["001", "002", "014"], ["10", "5", "300"], ["7", "12", "4"]]) == {0}
    assert padded_codes([["0012", "0100"], ["1345", "1200"], ["0017", "0230"]]) == set()
