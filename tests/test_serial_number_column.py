"""A wide table's column of row numbers headed `num`, `S.No.` or `sno` names the rows, no option.

`place,num,Ann,Bob` (`num` a code: 101, 102, 103) said "num leads with 48.11 % (306 votes)", the
codes added up as an option's votes; `S.No.` (1, 2, 3, as Indian tables number their rows) was an
option of 6 votes. `sl no`, `code`, `id` were already read as names.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree


@pytest.mark.parametrize("label", ["num", "S.No.", "sno", "Num", "S No"])
def test_row_number_column_is_no_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, label: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"place,{label},Ann,Bob\nA,101,100,60\nB,102,50,20\nC,103,70,30\n")
    (election,), _ = engines_agree(monkeypatch, path)
    got = {o.candidate: o.votes for o in election.options}
    frame = pd.read_csv(path)
    assert got == {"Ann": int(frame["Ann"].sum()), "Bob": int(frame["Bob"].sum())}


def test_answers_and_counts_named_num_stay_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The AEC's `yes_num` is an option's count, not a numbering."""
    path = tmp_path / "t.csv"
    path.write_text("division,yes_num,no_num\nA,101,100\nB,102,50\n")
    (election,), _ = engines_agree(monkeypatch, path)
    assert {o.candidate: o.votes for o in election.options} == {"yes": 203, "no": 150}
