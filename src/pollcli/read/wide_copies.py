"""A wide table's rows that are one place's figures listed again under other codes: refused.

tonmcg's county file of the 2016 US presidential election gives Alaska's statewide figures (93,003 /
130,413) on 29 rows, one per borough, each with its own FIPS code (`AK,Alaska,2013`,
`AK,Alaska,2016`…). Named by `state_abbr,county_name,combined_fips`, each row was a place and the
state was added 29 times (dem 65,125,819 against 62,521,735), with no word; named without the code,
the rows are named alike and refused (`wide_columns.repeated_rows`).

Rows named alike by every naming column but one, with the same cells in every option's column (some
figure not 0; of 100 votes or more where they are two), are such copies when that column holds a
code (digits, or letters and digits) that differs from copy to copy, and no other rows named alike
differ in their figures (rows of a region that the code tells apart are places: a county's
precincts). Counted as they stand, their votes would count once per copy: one error names them, and
the file is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Final

from pollcli.problems import Code, Found
from pollcli.read.total_checks import lines_text

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan

Row = tuple[int, list[str]]
# Codes of copies shown in the error.
_SHOWN: Final[int] = 3
# The fewest votes of two copies (a pair of rows alike) that tell copies: two places of one name
# under codes of their own (Virginia's Bedford County and Bedford city) may give the same few
# votes by chance (as `level_totals.GROUP_VOTES`); three rows alike or more tell copies whatever
# their votes.
PAIR_VOTES: Final[int] = 100


def copied_rows(
    table: RawTable,
    plan: Plan,
    rows: Sequence[Row],
    found: Found,
    skip: frozenset[int] = frozenset(),
) -> bool:
    """Whether the rows hold copies of one place's figures under other codes (module doc): then
    one error names them. `skip`: the lines of total rows. A naming column is looked at as the
    codes when its first row's cell is one; a table of precincts (a region's rows, of figures
    of their own) is told at its second row, a table of no names alike in one pass."""
    ids = plan.ids
    if len(ids) < 2 or len(plan.options) < 2 or not rows:
        return False
    last = max(*ids, *plan.options)
    kept = [row for row in rows if row[0] not in skip] if skip else rows
    opening = kept[0][1] if kept else []
    for code in ids:
        if code >= len(opening) or not _code(opening[code].strip()):
            continue
        copies = _copies(kept, itemgetter(*plan.options), [i for i in ids if i != code], last)
        copies = [g for g in copies if _apart(kept, g, code)]
        if copies:
            _refuse(table, plan, kept, copies, code, found)
            return True
    return False


def _copies(
    kept: Sequence[Row], figures: Callable[[list[str]], Any], others: list[int], last: int
) -> list[list[int]]:
    """The groups of rows (by index in `kept`) named alike by `others`, each of the same figures
    (some not 0); none where rows named alike differ."""
    name_of = itemgetter(*others)
    first: dict[object, int] = {}
    groups: dict[object, list[int]] = {}
    for n, (_, cells) in enumerate(kept):
        if len(cells) <= last:
            continue  # (a short row: the row stage's error)
        at = first.setdefault(name_of(cells), n)
        if at == n:
            continue
        if figures(kept[at][1]) != figures(cells):
            return []  # rows named alike that differ: places the code tells apart
        groups.setdefault(name_of(cells), [at]).append(n)
    return [g for g in groups.values() if _told(figures(kept[g[0]][1]), len(g))]


def _apart(kept: Sequence[Row], group: list[int], code: int) -> bool:
    """Whether each row of a group has a code of its own in the column."""
    codes = [kept[n][1][code].strip() for n in group]
    return len(set(codes)) == len(codes) and all(map(_code, codes))


def _code(cell: str) -> bool:
    """A code: digits, or letters and digits (`2013`, `E09000001`)."""
    return cell.isascii() and cell.isalnum() and any(c.isdigit() for c in cell)


def _told(cells: tuple[str, ...], rows: int) -> bool:
    """Whether rows alike of these figures are copies: some figure other than 0 (copies of nothing
    count nothing twice), and three rows or more, or `PAIR_VOTES` votes or more."""
    if not any(cell.strip().strip("0.,") for cell in cells):
        return False
    return rows > 2 or sum(_figure(cell) for cell in cells) >= PAIR_VOTES


def _figure(cell: str) -> float:
    try:
        return float(cell.strip().replace(",", ""))
    except ValueError:
        return 0.0


def _refuse(
    table: RawTable,
    plan: Plan,
    kept: Sequence[Row],
    copies: list[list[int]],
    code: int,
    found: Found,
) -> None:
    header = table.header
    group = max(copies, key=len)
    cells = kept[group[0]][1]
    name = ", ".join(repr(cells[i].strip()) for i in plan.ids if i != code and cells[i].strip())
    figures = ", ".join(f"{header[i]} {cells[i].strip()}" for i in plan.options)
    codes = [kept[n][1][code].strip() for n in group]
    shown = ", ".join(codes[:_SHOWN]) + (" …" if len(codes) > _SHOWN else "")
    lines = sorted(kept[n][0] for g in copies for n in g)
    more = f" (and {len(copies) - 1:,} more such place{'s' if len(copies) > 2 else ''})"
    found.add(
        Code.DUPLICATE_OPTION,
        kept[group[1]][0],
        f"{len(group):,} rows named {name} give the same figures in every option's column "
        f"({figures}) under codes of their own in {header[code]!r} ({shown}){more if len(copies) > 1 else ''}: "
        f"one place's figures listed again under other codes (a state's own figures given for each of "
        f"its counties), which counted as they stand would count {len(group):,} times "
        f"({lines_text(lines)}). Keep one row of them in the file and remove the others; "
        f"if each is a place of its own, the file gives no figures of its own for them",
        column=header[code],
    )
