"""Sweep 12: Electionware's `Contest Totals` rows are no option.

Kentucky's county precinct files of 2024 (OpenElections; Powell County) list beside each contest's
candidates its `Total Votes Cast` (their sum) and its `Contest Totals` (those votes with the over-
and undervotes). Read as a candidate, `Contest Totals` made every race hold its votes twice, and
every race was refused ("the options' votes add up to 10,774, 2.0 times the total given"). They are
left out with a note; `Total Votes Cast` is still the race's total, checked. Figures by pandas.
"""

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

POWELL = "\n".join(
    [
        "county,precinct,office,district,party,candidate,votes,early_voting,election_day,absentee",
        "Powell,A101 #1 Virden,President,,REP,Donald J. TRUMP,468,141,303,24",
        "Powell,A101 #1 Virden,President,,DEM,Kamala D. HARRIS,94,34,43,17",
        'Powell,A101 #1 Virden,President,,,"Write-In Totals ",0,0,0,0',
        'Powell,A101 #1 Virden,President,,,"Total Votes Cast ",562,175,346,41',
        'Powell,A101 #1 Virden,President,,,"Contest Totals ",564,175,348,41',
        "Powell,A102 Stanton,President,,REP,Donald J. TRUMP,300,100,180,20",
        "Powell,A102 Stanton,President,,DEM,Kamala D. HARRIS,120,40,70,10",
        'Powell,A102 Stanton,President,,,"Write-In Totals ",2,0,2,0',
        'Powell,A102 Stanton,President,,,"Total Votes Cast ",422,140,252,30',
        'Powell,A102 Stanton,President,,,"Contest Totals ",425,140,255,30',
        "",
    ]
)


def oracle() -> dict[str, int]:
    """The options' votes (no total rows), by pandas."""
    table = pd.read_csv(io.StringIO(POWELL))
    names = table["candidate"].str.strip()
    options = table[~names.isin(["Total Votes Cast", "Contest Totals"])]
    return {str(k).strip(): int(v) for k, v in options.groupby("candidate")["votes"].sum().items()}


def test_contest_totals_are_left_out_in_both_engines(monkeypatch, tmp_path):
    [election], problems = engines_agree(monkeypatch, write(tmp_path, POWELL), block_bytes=200)
    assert not [p for p in problems if p.severity == "error"]
    assert not [p for p in problems if p.code == "total-mismatch"]
    assert {o.candidate: o.votes for o in election.options} == oracle()


def test_the_summary_says_they_were_left_out(tmp_path):
    result = invoke("summary", str(write(tmp_path, POWELL)), "--format", "json")
    assert result.code == 0, result.stderr
    [race] = json.loads(result.stdout)["elections"]
    assert race["leader"]["candidate"] == "Donald J. TRUMP"
    [note] = [n for n in race["notes"] if "Contest Totals" in n]
    assert "2 row(s)" in note and "left out" in note
