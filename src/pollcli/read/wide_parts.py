"""A wide table's option columns of one party's vote in parts beside their sum: Hamburg's
Bezirksversammlung tables give each party `CDU - Gesamtstimmen` (its votes), `CDU - Listenstimmen`
(for its list) and `CDU - Personenstimmen` (for its candidates), the first the sum of the other two
in every row. Read as options, every vote counted twice: the sum is the party's option, its parts
breakdowns left out with a note.

A group is the columns whose headers share a name before ` - ` (three or more), one of them named
after it by a total word (`Gesamt…`, `Insgesamt…`, `Total…`, `Summe…`) and holding the sum of the
others in every row. One such column that does not hold its group's sum leaves every column as it
is: the options then count votes twice, which the totals' checks say.

Bavaria's OK.Wahl tables number a list's candidates after it: `D1` (list 1's votes) beside `D1_1`
… `D1_24` (its candidates', summing to it in every row). They are parts of the list, not rounds
(`wide_columns.suffixed_rounds` said "24 rounds or elections"): the list is the option, its
candidates left out with a note, on the same terms.

A column that holds the sum of other options named after it in every row (`D` of `D1`, `D2`, `D5`…,
the valid votes; `A` of `A1`, `A2`, `A3`, the electorate) is refused (`summed_parts`): read with
them, every vote counts twice ("D leads with 41 %"), and which of them are the options pollcli cannot
tell; the error names, for each, the `--ignore-column` that reads its parts alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Final

from pollcli.numbers import whole_count
from pollcli.problems import Code, Found
from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan, level0

# What a party's total of its parts is called after its name (`Gesamtstimmen`, `Insgesamt`).
TOTAL_STARTS: Final[tuple[str, ...]] = ("gesamt", "insgesamt", "total", "summe")
# The fewest columns of a party: its sum and two parts.
GROUP_AT_LEAST: Final[int] = 3


# The fewest parts of a numbered column (`D1_1`, `D1_2`; `A1`, `A2`).
PARTS_AT_LEAST: Final[int] = 2


@cache
def _numbered() -> re.Pattern[str]:
    """A header that is a stem, a separator or none, and a number (`D1_12`, `A3`)."""
    return re.compile(r"(.+?)([_.-]?)(\d+)")


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
        return _numbered_parts(table, plan)
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


def _families(
    table: RawTable, columns: list[int], joined: bool, least: int = PARTS_AT_LEAST
) -> dict[int, list[int]]:
    """The columns of `columns` whose header is another's and a number after it (`D1_1` of `D1`
    joined by `_`; `D1` of `D`, `joined` False), by the column they are named after, of `least`
    parts at least."""
    by_name = {level0(table, i).strip().casefold(): i for i in columns}
    out: dict[int, list[int]] = {}
    for i in columns:
        match = _numbered().fullmatch(level0(table, i).strip().casefold())
        if match is None or bool(match.group(2)) != joined:
            continue  # (`D1_1` is D1's when joined, `D1` is D's when not)
        at = by_name.get(match.group(1))
        if at is not None and at != i:
            out.setdefault(at, []).append(i)
    return {at: parts for at, parts in out.items() if len(parts) >= least}


def _numbered_parts(table: RawTable, plan: Plan) -> Plan:
    """The plan without the numbered parts of a column that holds their sum in every row (a list's
    candidates: `D1_1`… of `D1`), with a note; as it is when one such column of two parts or more
    does not. A list of one candidate (`D1_1` equal to `D1` in every row) is one too: as options
    both, its votes were counted twice; a lone `X_1` that differs from `X` is no part of it, and
    then no lone `Y_1` equal to its `Y` is either, as none is beside options of no list."""
    found = _families(table, plan.options, joined=True, least=1)
    several = {at: parts for at, parts in found.items() if len(parts) > 1}
    if not all(_holds_sum(table, at, parts) for at, parts in several.items()):
        return plan
    lone = {at: parts for at, parts in found.items() if len(parts) == 1}
    held = {at: parts for at, parts in lone.items() if _holds_sum(table, at, parts)}
    # A lone `X_1` equal to `X` is a list of one candidate only where the table is evidently of
    # lists: a list of several candidates beside it, or every option a list and its one; and no
    # lone `Y_1` differs from its `Y` (then the numbers name no lists, and an equal pair is chance).
    listed = {j for at, parts in lone.items() for j in (at, *parts)}
    evident = bool(several) or listed >= set(plan.options)
    families = several | (held if evident and len(held) == len(lone) else {})
    if not families:
        return plan
    left = {j for js in families.values() for j in js}
    shown = ", ".join(
        f"{level0(table, at)!r} of {level0(table, parts[0])!r}…"
        for at, parts in list(families.items())[:3]
    )
    more = f" and {len(families) - 3} more" if len(families) > 3 else ""
    table.notes.append(
        f"A column that holds the sum of the columns numbered after it in every row is one option "
        f"({shown}{more}: a list and its candidates); the numbered columns, {len(left)} of them, "
        "are left out."
    )
    return replace(
        plan,
        options=[i for i in plan.options if i not in left],
        ignored=[*plan.ignored, *sorted(left)],
    )


def summed_parts(table: RawTable, plan: Plan, found: Found) -> bool:
    """Whether an option column holds the sum of other options named after it in every row (`D`
    of `D1`, `D2`…), an error then (module docstring) naming, for each, how to read its parts
    alone; the largest sum first."""
    if plan.blocks is not None:
        return False
    families = {
        at: parts
        for at, parts in _families(table, plan.options, joined=False).items()
        if _holds_sum(table, at, parts)
    }
    if not families:
        return False
    order = sorted(families, key=lambda at: -_column_sum(table, at))
    header = table.header
    said = "; ".join(
        f"{level0(table, at)!r} of {', '.join(repr(level0(table, j)) for j in families[at])}"
        for at in order
    )
    advice = " or ".join(
        f"--ignore-column {','.join(header[i] for i in plan.options if i not in families[at])}"
        f" (the parts of {level0(table, at)!r})"
        for at in order
    )
    found.add(
        Code.TOTAL_COLUMN,
        table.header_line,
        f"option columns hold the sum of other options named after them in every row ({said}): "
        "read together, their votes would be counted twice, and which are the options the "
        f"headers do not tell; to read the parts of one as the options, leave out the rest: "
        f"{advice}",
    )
    return True


def _column_sum(table: RawTable, index: int) -> int:
    return sum(_count(cells, index) or 0 for _, cells in table.records)


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
    return whole_count(cells[index]) if index < len(cells) else 0
