"""`--where` that keeps a wide table's whole alone: its row is the race, not part of it.

Upper Austria's table (`GKZ,Gebietsname,Wahlberechtigte,…,ÖVP,SPÖ,…`) opens with the Land's row,
`40000 Oberösterreich`, above its Wahlkreise, Bezirke and Gemeinden, each level listed apart from
its parts (`level_totals.whole_again`, whose advice is `--where GKZ=40000`). Kept alone by
`--where`, that row was read as part of the race: "no winner is named from part of a race", and
its Wahlberechtigte and Abgegebene left out as the whole race's, though they were its own.

The whole's row is the first row of such a table, or a total row of which every other row is a
part (`wide_totals`: a `Gesamt` row, the head of a table of levels, the sum row of the others).
Where `--where` keeps that row alone, the others are its parts: left out here, with a note, never
added to it, and the row is read as the whole race (winner, shares, turnout from its own counts).
Where `--where` keeps it beside some of its parts, summed they would count votes twice: refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pollcli.problems import Code, Found
from pollcli.read.level_totals import again, levels
from pollcli.read.selection import header_where
from pollcli.read.total_checks import lines_text
from pollcli.read.total_places import Marked
from pollcli.read.wide_totals import figures_of

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan
    from pollcli.read.options import ReadOptions

Row = tuple[int, list[str]]


def whole_kept(
    table: RawTable,
    plan: Plan,
    rows: list[Row],
    marked: dict[int, Marked],
    options: ReadOptions,
    found: Found,
) -> tuple[list[Row], dict[int, Marked]]:
    """The rows and total rows to read: the whole's row alone where `--where` keeps it alone (a
    note says so), else as they are (see the module's docstring)."""
    whole = _whole(table, plan, rows, marked) if options.where and len(rows) > 1 else None
    if whole is None:
        return rows, marked
    where = header_where(table.header, options)
    kept = [
        line
        for line, cells in rows
        if where.keeps({i: cells[i].strip() if i < len(cells) else "" for i in where.wanted})
    ]
    if whole not in kept:
        return rows, marked
    said = where.partial(set(where.wanted)).filter
    parts = len(rows) - 1
    if len(kept) > 1:
        others = [line for line in kept if line != whole]
        found.add(
            Code.TOTAL_MISMATCH,
            whole,
            f"--where ({said}) keeps the whole's row, the total of the table's {parts:,} other "
            f"rows, beside {len(others):,} of them ({lines_text(others)}): summed, their votes would be counted twice; keep the "
            "whole's row alone, or its parts alone",
        )
        return rows, marked
    table.notes.append(
        f"--where ({said}) keeps the whole's row alone (line {whole:,}), of which the table's "
        f"{parts:,} other rows are parts: its figures are the race's, and those rows are left "
        "out, not added to it."
    )
    return [row for row in rows if row[0] == whole], {}


def _whole(table: RawTable, plan: Plan, rows: list[Row], marked: dict[int, Marked]) -> int | None:
    """The line of the row of which every other row is a part: a total row whose parts and the
    totals among them are all the others, or, no row marked, the first row of a table that lists
    the whole again at each level (`level_totals.again`); None where there is none."""
    lines = {line for line, _ in rows}
    for line, mark in marked.items():
        if mark.parts and lines - {line} <= mark.parts | marked.keys():
            return line
    if marked:
        return None
    figures = figures_of(plan, rows) if levels(plan.options, rows) else None
    return rows[0][0] if again(table.header, plan.ids, rows, figures) else None
