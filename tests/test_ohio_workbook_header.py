"""Ohio's Secretary of State workbook of the 2012 general election (`FinalResults.xlsx`, sheet
`President`) has a header of three rows: the office over the candidates, the candidates' names,
their parties; then a `Total` row and a `Percentage of Votes` row (fractions) over the counties.
Every `--header-line` was refused, and the advice chain ended in "votes 'Democratic': not a
number": the row of parties under `--header-line 2` went unread because a write-in's share,
1.79e-07, was written with an exponent (no number to pollcli), and the fractions of the share row
were blamed on the candidates' columns ("--ignore-column 'Barack Obama'"). Now a workbook's float
is written in digits, the parties' row is read, and the share row is named as such, to delete.
Names and figures invented, the layout is the workbook's; oracle: pandas, the counties' sums."""

from __future__ import annotations

import io

import pandas as pd

from conftest import invoke
from sheets import write_xlsx

NAMES = ["Ann Ash", "Bob Birch", "Cy Cole", "Di Dunn"]
PARTIES = ["Democratic", "Republican", "Green", "Write In"]
COUNTIES = [("Adams", "Southwest", 11000, [5000, 5800, 99, 1]), ("Allen", "West", 48000,
            [20000, 27000, 900, 0])]  # fmt: skip


def _sheet(share_row: bool) -> list[list[object]]:
    totals = [sum(c[3][i] for c in COUNTIES) for i in range(len(NAMES))]
    cast = sum(totals)
    rows: list[list[object]] = [
        ["County", "Region", "Total Votes Cast", "President", None, None, None],
        [None, None, None, *NAMES],
        [None, None, None, *PARTIES],
        ["Total", None, float(cast), *map(float, totals)],
    ]
    if share_row:  # a write-in's share below 1e-4: Python writes it with an exponent
        rows.append(["Percentage of Votes", None, None, *(v / cast for v in totals)])
    rows += [[name, region, float(sum(v)), *map(float, v)] for name, region, _, v in COUNTIES]
    return rows


def test_the_parties_row_is_read_and_the_share_row_named(tmp_path) -> None:
    path = write_xlsx(tmp_path / "FinalResults.xlsx", {"President": _sheet(True)})
    result = invoke("summary", str(path), "--sheet", "President", "--header-line", "2")
    assert result.code == 1
    assert "'Democratic': not a number" not in result.stderr
    assert "--ignore-column" not in result.stderr
    assert "line 5 is a row of shares, not of counts" in result.stderr
    assert "delete the line" in result.stderr


def test_without_the_share_row_the_votes_and_parties_are_read(tmp_path) -> None:
    path = write_xlsx(tmp_path / "FinalResults.xlsx", {"President": _sheet(False)})
    result = invoke(
        "summary", str(path), "--sheet", "President", "--header-line", "2", "--format", "csv"
    )
    assert result.code == 0, result.stderr
    got = pd.read_csv(io.StringIO(result.stdout)).set_index("candidate")
    frame = pd.DataFrame([v for *_, v in COUNTIES], columns=NAMES)
    for name, party in zip(NAMES, PARTIES, strict=True):
        assert got.loc[name, "votes"] == frame[name].sum()
        assert got.loc[name, "party"] == party
