"""A write-in count above an incomplete list of its parts (PA Montour 2024, State House 108,
MAHONING TOWNSHIP I: `Write-ins 79`, then named write-ins adding up to 63). Both were counted, with a
warning: 63 write-in votes twice, the race's valid votes 63 too many. Electionware's `Write-ins` is
the precinct's write-in count and the `Write-In: …` / `Not Assigned` lines after it are the part of
it that was credited: the lines are counted as they are, and `Write-ins` as the rest (16), the
write-ins no line names, with a `total-row` warning that says so. Where the lines hold more than the
count, nothing can be told: both counted, warned as before. Both engines (the streaming engine
hands a file of precincts with such rows to the exact engine). Figures invented, the layout is the
file's; oracle: a hand-checked table, and pandas' sum of the file's own `Write-ins` counts.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write

HEADER = "county,precinct,office,district,party,candidate,votes\n"
TEXT = HEADER + (
    "Montour,MAHONING TOWNSHIP I,State House 108,,REP,Lynda Culver,900\n"
    "Montour,MAHONING TOWNSHIP I,State House 108,,DEM,Trevor Finn,700\n"
    "Montour,MAHONING TOWNSHIP I,State House 108,,,Write-ins,79\n"
    "Montour,MAHONING TOWNSHIP I,State House 108,,,Write-In: Scattered,40\n"
    "Montour,MAHONING TOWNSHIP I,State House 108,,,Write-In: Bob Bell,23\n"
    "Montour,MAHONING TOWNSHIP I,State House 108,,,Not Assigned,0\n"
    "Montour,MAHONING TOWNSHIP I,State House 108,,,Over Votes,2\n"
    "Montour,DANVILLE WARD 1,State House 108,,REP,Lynda Culver,500\n"
    "Montour,DANVILLE WARD 1,State House 108,,DEM,Trevor Finn,450\n"
    "Montour,DANVILLE WARD 1,State House 108,,,Write-ins,12\n"
    "Montour,DANVILLE WARD 1,State House 108,,,Write-In: Scattered,12\n"
    "Montour,DANVILLE WARD 1,State House 108,,,Not Assigned,0\n"
    "Montour,DANVILLE WARD 1,State House 108,,,Over Votes,1\n"
    "Montour,DANVILLE WARD 2,State House 108,,REP,Lynda Culver,300\n"
    "Montour,DANVILLE WARD 2,State House 108,,DEM,Trevor Finn,280\n"
    "Montour,DANVILLE WARD 2,State House 108,,,Write-ins,5\n"
    "Montour,DANVILLE WARD 2,State House 108,,,Write-In: Scattered,7\n"
    "Montour,DANVILLE WARD 2,State House 108,,,Over Votes,0\n"
)
# MAHONING I: 79 over lines of 63, counted as the lines and 16 more under `Write-ins`. WARD 1:
# 12 = 12, set aside (a subtotal). WARD 2: lines of 7 over a count of 5, both counted, warned.
RACE = {
    "Lynda Culver": 1700,
    "Trevor Finn": 1430,
    "Write-ins": 16 + 5,
    "Write-In: Scattered": 40 + 12 + 7,
    "Write-In: Bob Bell": 23,
    "Not Assigned": 0,
    "Over Votes": 3,
}


@pytest.mark.parametrize("block_bytes", [None, 200])
def test_a_write_in_count_over_an_incomplete_list_counts_the_rest(
    tmp_path, monkeypatch, block_bytes
) -> None:
    path = write(tmp_path, TEXT)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    (race,) = elections
    assert {o.candidate: o.votes for o in race.options} == RACE
    # The write-ins counted once: the file's own counts, where it gives one (pandas), and WARD 2's
    # lines (whose count is below them: both kept).
    frame = pd.read_csv(io.StringIO(TEXT))
    counts = int(frame.loc[frame["candidate"] == "Write-ins", "votes"].sum())
    write_ins = sum(v for k, v in RACE.items() if k.startswith(("Write", "Not")))
    assert write_ins == counts - 5 + (5 + 7)
    said = [p for p in problems if p.code == "total-row"]
    rest = [p for p in said if p.line == 4]
    assert len(rest) == 1 and "16" in rest[0].message and "63" in rest[0].message
    assert [p.line for p in said if "sum of no run" in p.message] == [17]
    assert not [p for p in problems if p.severity == "error"]


def test_the_warning_names_one_line_as_one(tmp_path, monkeypatch) -> None:
    """Review: one write-in line under the count is 'line 4', not 'lines 4–4'."""
    text = HEADER + (
        "Montour,P1,Sheriff,,REP,Lynda Culver,900\n"
        "Montour,P1,Sheriff,,,Write-ins,79\n"
        "Montour,P1,Sheriff,,,Write-In: Bob Bell,40\n"
    )
    _, problems = engines_agree(monkeypatch, write(tmp_path, text))
    [said] = [p for p in problems if p.code == "total-row"]
    assert "(line 4)" in said.message and "4–4" not in said.message


@pytest.mark.parametrize("order", ["count first", "lines first"])
def test_the_rest_only_under_electionwares_order(tmp_path, monkeypatch, order) -> None:
    """Review: the rest rule read lines BEFORE the count too (`Write-In: Bob Bell,40` then
    `Write-ins,79`: 40 + 39). Only Electionware's order (the count, then the lines it credited) is
    the count over its lines; the other order, whose count may or may not hold the lines, counts
    both as given, with the warning that they may be counted twice — never a rest of a guess."""
    rows = ["Montour,P1,Sheriff,,,Write-ins,79", "Montour,P1,Sheriff,,,Write-In: Bob Bell,40"]
    if order == "lines first":
        rows.reverse()
    text = HEADER + "Montour,P1,Sheriff,,REP,Lynda Culver,900\n" + "\n".join(rows) + "\n"
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    given = pd.read_csv(io.StringIO(text)).set_index("candidate")["votes"].to_dict()
    got = {o.candidate: o.votes for o in race.options}
    [said] = [p for p in problems if p.code == "total-row"]
    if order == "count first":
        assert got == {**given, "Write-ins": 79 - 40}
        assert "the 39 write-ins they do not name" in said.message
    else:
        assert got == given
        assert "counted twice" in said.message
