"""The `total-row` warnings' counts are written with thousands separators, as every other count
pollcli prints (`2,002 rows`, `and 1,499 more`): s15-real read "1234 rows" beside "lines 11,378–".

A file of 1,001 regions, each with its precincts and a `Total` row per option: one warning for the
race's 2,002 total rows; the figures counted are the precincts', by pandas."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write
from pollcli.read.total_checks import lines_text, quoted_units, rows_text

REGIONS = 1001


def test_a_race_of_two_thousand_total_rows(tmp_path, monkeypatch) -> None:
    rows = ["county,precinct,candidate,votes"]
    for r in range(REGIONS):
        ann, bob = (100 + r % 37, 80 + r % 41), (60 + r % 13, 90 + r % 7)
        for unit, (a, b) in (("P1", (ann[0], bob[0])), ("P2", (ann[1], bob[1]))):
            rows += [f"C{r:04d},{unit},Ann Ash,{a}", f"C{r:04d},{unit},Bob Bell,{b}"]
        rows += [f"C{r:04d},Total,Ann Ash,{sum(ann)}", f"C{r:04d},Total,Bob Bell,{sum(bob)}"]
    text = "\n".join(rows) + "\n"
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    frame = pd.read_csv(io.StringIO(text))
    frame = frame[frame["precinct"] != "Total"]
    assert {o.candidate: o.votes for o in election.options} == {
        str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()
    }
    (warned,) = [p.message for p in problems if p.code == "total-row"]
    assert f"{2 * REGIONS:,} rows" in warned


def test_the_counts_of_the_shared_texts() -> None:
    assert rows_text(1234) == "1,234 rows" and rows_text(1) == "1 row"
    lines = list(range(2, 6002, 2))  # (3,000 lines, none beside another)
    assert lines_text(lines).endswith(" and 2,988 more")  # (12 shown)
    units = [f"P{i}" for i in range(1500)]
    assert quoted_units(units).startswith("'P0'") and "1,4" in quoted_units(units)
