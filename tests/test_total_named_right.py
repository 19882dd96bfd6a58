"""A wide table's rows named `Total` in its first naming column, each the total of the rows named
alike in a column after it: the AEC's referendum table by division (`electorate,state,…`) closes
each state's divisions with `Total,NSW,…`, the sum of NSW's divisions. Only the columns left of the
total word grouped its parts, so each state's total was held against every division of the file:
eight `total-mismatch` warnings, "yes 1,852,419 in the total row, 5,600,280 in the parts … check
the file", and "8 of them differ from the sum of their parts", though each holds its state's sum
(pandas). The rows named alike after the total word are its parts too.

The file is written here in that layout with invented figures.
"""

from __future__ import annotations

import pandas as pd

from conftest import engines_agree, write

TEXT = """electorate,state,yes,no
Avalon,NSW,100,200
Beacon,NSW,50,60
Total,NSW,150,260
Coral,VIC,30,40
Dunmore,VIC,10,20
Total,VIC,40,60
"""


def test_each_total_is_of_its_states_rows(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    (election,), problems = engines_agree(monkeypatch, path)
    assert [p.code for p in problems] == ["total-row"]
    assert "they equal the sum of their parts" in problems[0].message
    frame = pd.read_csv(path)
    parts = frame[frame["electorate"] != "Total"]
    assert {o.candidate: o.votes for o in election.options} == {
        c: int(parts[c].sum()) for c in ("yes", "no")
    }


def test_a_total_of_the_rows_left_of_it_still_groups_by_them(tmp_path, monkeypatch):
    """`state,division`: the total word after the state, as before."""
    text = "state,division,yes,no\nNSW,A,1,2\nNSW,B,3,4\nNSW,Total,4,6\nVIC,C,5,6\nVIC,Total,5,6\n"
    path = write(tmp_path, text)
    _, problems = engines_agree(monkeypatch, path)
    assert [p.code for p in problems] == ["total-row"]
