"""A total column beside some of the options only: one warning, not one per row (session 14's trial).

hrpunio/PLWybory's 2006 local results by commission (`teryt;nrk;PO;PSL;PiS;SLD;…;totalG`): the
four big parties' votes and every committee's total, the other committees not in the file. Each
row's `totalG` is set aside as its total (not an option), the parties counted; but each of the
25,000 rows also gave a `total-mismatch` warning of its own. Where more than three totals each
hold more than their unit's options, one warning now says so, with the first and their count;
fewer are still said one by one. Small files of our own; figures are pandas sums; both engines.
"""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write

HEADER = "teryt;nrk;PO;PSL;PiS;SLD;totalG"
ROWS = [
    "021604;7;239;26;182;89;649",
    "041906;4;67;55;127;153;442",
    "061604;7;50;60;90;79;323",
    "303004;2;200;100;150;136;724",
    "301703;11;30;20;45;40;248",
    "101302;3;28;107;160;62;357",  # (the options' sum: no mismatch)
]


def parties(text: str) -> dict[str, int]:
    table = pd.read_csv(io.StringIO(text), sep=";", dtype={"teryt": str})
    return {p: int(table[p].sum()) for p in ("PO", "PSL", "PiS", "SLD")}


def test_totals_above_their_options_in_many_rows_are_one_warning(tmp_path, monkeypatch):
    text = "\n".join([HEADER, *ROWS]) + "\n"
    [race], problems = engines_agree(
        monkeypatch, write(tmp_path, text), id_columns=("teryt", "nrk")
    )
    assert {o.candidate: o.votes for o in race.options} == parties(text)
    mismatches = [p for p in problems if p.code == "total-mismatch"]
    [warning] = mismatches
    assert warning.severity == "warning" and warning.line == 2
    assert warning.message.startswith("5 totals hold more than the sum of their unit's options")
    assert "649 in the total row, 536 in its unit's options" in warning.message
    over = sum(int(r.split(";")[-1]) for r in ROWS[:5]) - sum(
        sum(map(int, r.split(";")[2:6])) for r in ROWS[:5]
    )
    assert f"{over:,} votes in all" in warning.message


def test_a_few_such_totals_are_said_one_by_one(tmp_path, monkeypatch):
    text = "\n".join([HEADER, *ROWS[:2], ROWS[-1]]) + "\n"
    _, problems = engines_agree(monkeypatch, write(tmp_path, text), id_columns=("teryt", "nrk"))
    mismatches = [p for p in problems if p.code == "total-mismatch"]
    assert [p.line for p in mismatches] == [2, 3]
    assert all(p.message.startswith("the total 'totalG'") for p in mismatches)
