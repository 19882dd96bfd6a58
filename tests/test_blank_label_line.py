"""A column of no header that holds a value far down is said at that value's line.

Alaska's 2020 primary (OpenElections) ends its header with a comma, and one row of 20,000 shifts
its cells one column right (`07-100 Lakes No. 1,State Senate,D,McCain,Finch Chandra S.,10,R`, line
1821): the error said "line 1: column 7 has no header but holds values", and a reader looking at
line 1 sees a header with nothing wrong in it. Invented rows in the file's layout."""

from __future__ import annotations

import pytest

from conftest import write
from pollcli.read import ReadOptions, load_file

ROWS = "".join(f"P{i},U.S. House,1,Cand {i % 3},R,{i},\n" for i in range(40))
TEXT = (
    "precinct,office,district,candidate,party,votes,\n"
    + ROWS
    + "P9,State Senate,D,Lee,Ann Lee,10,R\n"  # line 42: one cell too far right
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_blank_column_error_names_the_line_of_its_value(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    _, problems = load_file(write(tmp_path, TEXT), ReadOptions())
    (blank,) = [p for p in problems if p.code == "blank-label"]
    assert blank.line == 42
    assert "column 7" in blank.message and "line 1" in blank.message
