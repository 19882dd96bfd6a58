"""A wide table's option columns of one party's vote in parts beside their sum: Hamburg's
Bezirksversammlung tables give each party `CDU - Gesamtstimmen` (its votes), `CDU - Listenstimmen`
(for its list) and `CDU - Personenstimmen` (for its candidates), the first the sum of the other two
in every row. Read as options, every vote counted twice: the sum is the party's option, its parts
breakdowns left out with a note.

A group is the columns whose headers share a name before ` - ` (three or more), one of them named
after it by a total word (`Gesamt…`, `Insgesamt…`, `Total…`, `Summe…`) and holding the sum of the
others in every row. One such column that does not hold its group's sum leaves every column as it
is: the options then count votes twice, which the totals' checks say.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Final

from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan, level0

# What a party's total of its parts is called after its name (`Gesamtstimmen`, `Insgesamt`).
TOTAL_STARTS: Final[tuple[str, ...]] = ("gesamt", "insgesamt", "total", "summe")
# The fewest columns of a party: its sum and two parts.
GROUP_AT_LEAST: Final[int] = 3


@cache
def _separator() -> re.Pattern[str]:
    return re.compile(r"\s+[-–]\s+")


def party_parts(table: RawTable, plan: Plan) -> Plan:
    """The plan without the option columns that are parts of another's sum (module docstring)."""
    if plan.blocks is not None or len(plan.options) < GROUP_AT_LEAST:
        return plan
    groups: dict[str, list[tuple[int, str]]] = {}
    for i in plan.options:
        pieces = _separator().split(level0(table, i).strip())
        if len(pieces) == 2:
            groups.setdefault(pieces[0].casefold(), []).append((i, pieces[1].casefold()))
    parts: dict[int, list[int]] = {}
    for members in groups.values():
        totals = [i for i, after in members if after.startswith(TOTAL_STARTS)]
        if len(members) < GROUP_AT_LEAST or len(totals) != 1:
            continue
        others = [i for i, _ in members if i != totals[0]]
        if not _holds_sum(table, totals[0], others):
            return plan  # one party's sum that is not: none is told (the parts stay options)
        parts[totals[0]] = others
    if not parts:
        return plan
    left = {j for js in parts.values() for j in js}
    shown = ", ".join(repr(level0(table, i)) for i in list(parts)[:3])
    more = f" and {len(parts) - 3} more" if len(parts) > 3 else ""
    table.notes.append(
        f"A party's votes are its column that holds the sum of its others in every row "
        f"({shown}{more}); their parts, {len(left)} columns, are left out."
    )
    return replace(
        plan,
        options=[i for i in plan.options if i not in left],
        ignored=[*plan.ignored, *sorted(left)],
    )


def _holds_sum(table: RawTable, total: int, others: list[int]) -> bool:
    """Whether column `total` holds the sum of `others` in every row with a figure (blank: 0)."""
    seen = False
    for _, cells in table.records:
        values = [_count(cells, i) for i in (total, *others)]
        if None in values:
            return False
        whole, *rest = values
        if whole != sum(rest):  # type: ignore[arg-type]
            return False
        seen = seen or bool(whole)
    return seen


def _count(cells: list[str], index: int) -> int | None:
    text = cells[index].strip() if index < len(cells) else ""
    if not text:
        return 0
    return int(text) if text.isascii() and text.isdigit() else None
