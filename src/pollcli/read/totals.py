"""Total and subtotal rows: found, set aside, and their parts checked against them.

Publishers put a county's total among its precincts (a blank precinct, `TOTALS`, `HILLSBOROUGH NH`), a
`Gesamt` row among the districts, a `Total Votes` line among the candidates. Added in with their parts
they double every figure, silently. This stage runs on one election's records, before its facts are
read, in both engines:

- an option whose name is a total word (`Total`, `Итого`, `Gesamt`…, the whole cell: `Магнитогорск`
  contains "итог" and is a town) is the total of the other options of its unit;
- a unit (precinct) that is a total word or pattern (`Fulton County Total`), that is blank beside named
  units of its region, or that is named like its region and holds about the sum of the others
  (`BELKNAP`, `COOS NH'`; the town of Grafton in Grafton County holds far less and stays a unit);
- a region that is a total word, or blank (with no unit) beside named regions;
- rows the layout stage marked (a wide table's row with no name, or the parent of other rows).

Each class of total is one `total-row` warning per election naming its lines; a total that differs from
the sum of its parts is a `total-mismatch` warning with both sums. The parts are what is counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Final

from pollcli.columns import NOT_VALID_KINDS
from pollcli.problems import Code, Found
from pollcli.read.assemble import option_key
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.total_words import is_total_name, name_key, named_like

# A total row named like its region holds about the sum of the other units: at least this part of it.
LIKE_REGION_SHARE: Final[float] = 0.5
# A row alone in its region named as a total is the other regions' total when within this part of
# their sum.
ABOUT_SUM: Final[float] = 0.05
# How many lines, and options, a message names before "and N more".
SHOWN_LINES: Final[int] = 12
SHOWN_OPTIONS: Final[int] = 3


@dataclass(frozen=True)
class Marked:
    """A row the layout stage knows to be a total: why, and the lines of the rows it totals."""

    reason: str
    parts: frozenset[int]


@dataclass
class _Total:
    """One total (a total row's records) and what it totals."""

    name: str  # as a message names it: `'TOTALS' of 'Mason'`
    records: list[Record]
    parts: list[Record] = field(default_factory=list)
    # The total is one figure for all the other options of its unit (a `Total Votes` line).
    of_options: bool = False

    @property
    def lines(self) -> list[int]:
        return sorted({line for r in self.records for line in (r.line, *r.same_cell_lines)})


@dataclass
class _Class:
    """A class of totals named in one warning: how to say what they are, and the totals."""

    what: str
    column: str | None
    totals: list[_Total] = field(default_factory=list)


def _place(record: Record) -> tuple[str, str]:
    return record.row.region or "", record.row.unit or ""


def set_aside(
    label: str,
    records: list[Record],
    columns: ColumnMap,
    found: Found,
    marked: Mapping[int, Marked] | None = None,
) -> list[Record]:
    """One election's records without its total rows; a `total-row` warning per class of totals,
    and a `total-mismatch` warning per total that differs from the sum of its parts."""
    marked = marked or {}
    classes = _find(records, columns, marked)
    if not classes:
        return records
    kept = _kept(records, classes)
    _attach_parts(classes, kept, marked)
    # A total of nothing is no total: a county given only as `TOTALS`, a file of one region.
    for key, cls in list(classes.items()):
        cls.totals = [t for t in cls.totals if t.parts]
        if not cls.totals:
            del classes[key]
    if not classes:
        return records
    kept = _kept(records, classes)
    _attach_parts(classes, kept, marked)
    for cls in classes.values():
        mismatched = [t for t in cls.totals if _mismatch(t) is not None]
        lines = sorted({line for t in cls.totals for line in t.lines})
        agree = (
            "they equal the sum of their parts"
            if not mismatched
            else f"{len(mismatched)} of them differ{'s' if len(mismatched) == 1 else ''} from the "
            "sum of their parts (see below)"
            if len(cls.totals) > 1
            else "it differs from the sum of its parts (see below)"
        )
        found.warn(
            Code.TOTAL_ROW,
            lines[0],
            f"{cls.what} (election {label!r}): {_rows(len(lines))} ({_lines(lines)}) set aside, "
            f"not added to their parts; {agree}",
            column=cls.column,
        )
        for total in mismatched:
            found.warn(
                Code.TOTAL_MISMATCH,
                total.lines[0],
                f"the total {total.name} ({_lines(total.lines)}) differs from the sum of its "
                f"parts: {_mismatch(total)}; the parts are counted: check the file",
                column=cls.column,
            )
    return kept


def stage(
    columns: ColumnMap, found: Found, marked: Mapping[int, Marked] | None = None
) -> Callable[[str, list[Record]], list[Record]]:
    """`set_aside` for the assembly stage of one file (`Assembly.totals`)."""
    return partial(set_aside, columns=columns, found=found, marked=marked)


def _kept(records: list[Record], classes: dict[tuple[str, ...], _Class]) -> list[Record]:
    aside = {id(r) for c in classes.values() for t in c.totals for r in t.records}
    return [r for r in records if id(r) not in aside]


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _lines(lines: list[int]) -> str:
    """`line 4`, `lines 2–27`, `lines 2, 5, 9–12 and 40 more`."""
    spans: list[tuple[int, int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], line)
        else:
            spans.append((line, line))
    shown = [f"{a:,}" if a == b else f"{a:,}–{b:,}" for a, b in spans[:SHOWN_LINES]]
    more = len(spans) - SHOWN_LINES
    text = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
    return f"line {text}" if len(lines) == 1 else f"lines {text}"


def _find(
    records: list[Record], columns: ColumnMap, marked: Mapping[int, Marked]
) -> dict[tuple[str, ...], _Class]:
    """The election's totals, by class; nothing (quickly) when no record could be one."""
    classes: dict[tuple[str, ...], _Class] = {}
    unit_column = columns.header_of("unit")
    region_column = columns.header_of("region")
    unit_word = repr(unit_column or "unit")
    region_word = repr(region_column or "region")

    def add(key: tuple[str, ...], what: str, column: str | None, total: _Total) -> None:
        classes.setdefault(key, _Class(what, column)).totals.append(total)

    definite: set[int] = set()
    # Marked rows and total options: one total per row.
    by_line: dict[int, _Total] = {}
    for record in records:
        region, unit = _place(record)
        where = f" of {unit!r}" if unit else f" of {region!r}" if region else ""
        if record.line in marked:
            total = by_line.get(record.line)
            if total is None:
                total = by_line[record.line] = _Total(f"on line {record.line}", [])
                add(("marked", marked[record.line].reason), marked[record.line].reason, None, total)
            total.records.append(record)
        elif record.row.fact is None and is_total_name(record.row.candidate):
            # (A `Total Votes` row that counts its unit is a fact of it: `records.with_row_facts`.)
            add(
                ("option", name_key(record.row.candidate)),
                f"{record.row.candidate!r} lines are totals of the other options of their "
                f"{'unit' if where else 'table'}",
                columns.header_of("candidate"),
                _Total(f"{record.row.candidate!r}{where}", [record], of_options=True),
            )
        else:
            continue
        definite.add(id(record))
    # Units and regions that are totals: one total per place.
    places: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        if id(record) not in definite:
            places.setdefault(_place(record), []).append(record)
    named_units = {region for region, unit in places if unit}
    named_regions = any(region for region, _ in places)
    units_of: dict[str, int] = {}
    for region, _unit in places:
        units_of[region] = units_of.get(region, 0) + 1
    like: list[tuple[str, str]] = []
    for (region, unit), group in places.items():
        if region and is_total_name(region, place=True):
            what = f"{region!r} in column {region_word} is a total of the other regions"
            add(("region", name_key(region)), what, region_column, _Total(repr(region), group))
        elif (
            unit
            and is_total_name(unit, place=True)
            and units_of[region] == 1
            and _about_sum(
                group, [r for (reg, _), rs in places.items() if reg != region for r in rs]
            )
        ):
            # Alone in its region and holding the others' sum (`NEW HAMPSHIRE TOTALS` of `NEW
            # HAMPSHIRE`): the state's total. (A county given only as `TOTALS` is its figure.)
            what = f"{unit!r} in column {unit_word} is a total of the other regions"
            add(("region", name_key(unit)), what, unit_column, _Total(repr(unit), group))
        elif unit and is_total_name(unit, place=True):
            what = f"{unit!r} in column {unit_word} is a total of its region"
            name = f"{unit!r} of {region!r}" if region else repr(unit)
            add(("unit", name_key(unit)), what, unit_column, _Total(name, group))
        elif not unit and region in named_units:
            what = f"rows with a blank {unit_word} beside named ones are totals of their region"
            add(("unit", ""), what, unit_column, _Total(f"the blank of {region!r}", group))
        elif not region and not unit and named_regions:
            what = f"rows with a blank {region_word} beside named ones are totals of the regions"
            add(("region", ""), what, region_column, _Total("the blank region", group))
        elif unit and region and named_like(unit, region):
            like.append((region, unit))
            continue
        else:
            continue
        definite.update(id(r) for r in group)
    for region, unit in like:
        # The county's own row and a town of the same name (Grafton in Grafton County) share a
        # place: each listing of the options is judged apart.
        for group in _listings(places[region, unit]):
            mine = {id(r) for r in group}
            others = [
                r
                for (reg, _), rs in places.items()
                if reg == region
                for r in rs
                if id(r) not in definite and id(r) not in mine
            ]
            if others and _holds_sum(group, others):
                what = (
                    f"{unit!r} in column {unit_word} is named like its region {region!r} and "
                    "holds its total"
                )
                add(("like", name_key(unit)), what, unit_column, _Total(repr(unit), group))
                definite.update(mine)
    return classes


def _listings(group: list[Record]) -> list[list[Record]]:
    """A place's records split where an option comes again: its first listing, its second…"""
    listings: list[list[Record]] = []
    seen: dict[str, int] = {}
    for record in group:
        key = option_key(record.row.candidate)
        index = seen.get(key, 0)
        seen[key] = index + 1
        if index == len(listings):
            listings.append([])
        listings[index].append(record)
    return listings


def _holds_sum(group: list[Record], others: list[Record]) -> bool:
    """Whether a unit named like its region is its total: its votes are the others' sum, or at
    least LIKE_REGION_SHARE of it (a total that disagrees with its parts is still no precinct)."""
    mine = _by_option(group)
    theirs = _by_option(others)
    if mine is None or theirs is None:
        return False
    if mine == {k: theirs.get(k, 0) for k in mine} and set(theirs) <= set(mine):
        return True
    return sum(mine.values()) >= LIKE_REGION_SHARE * sum(theirs.values()) > 0


def _about_sum(group: list[Record], others: list[Record]) -> bool:
    """Whether a row alone in its region holds the other regions' sum, to within ABOUT_SUM of it
    (a state's total that differs by a few write-ins is still no county)."""
    mine, theirs = _by_option(group), _by_option(others)
    if mine is None or theirs is None or not theirs:
        return False
    return abs(sum(mine.values()) - sum(theirs.values())) <= ABOUT_SUM * sum(theirs.values())


def _by_option(records: Iterable[Record]) -> dict[str, int] | None:
    sums: dict[str, int] = {}
    for record in records:
        if record.votes is None:
            return None
        key = option_key(record.row.candidate)
        sums[key] = sums.get(key, 0) + record.votes
    return sums


def _attach_parts(
    classes: dict[tuple[str, ...], _Class], kept: list[Record], marked: Mapping[int, Marked]
) -> None:
    """Each total's parts among the records kept."""
    by_unit: dict[tuple[str, str], list[Record]] = {}
    by_region: dict[str, list[Record]] = {}
    for record in kept:
        by_unit.setdefault(_place(record), []).append(record)
        by_region.setdefault(record.row.region or "", []).append(record)
    for (level, *_), cls in classes.items():
        for total in cls.totals:
            first = total.records[0]
            region, unit = _place(first)
            if level == "marked":
                parts = marked[first.line].parts
                total.parts = [r for r in kept if r.line in parts]
            elif level == "option":
                total.parts = by_unit.get((region, unit), [])
            elif level in ("unit", "like"):
                total.parts = by_region.get(region, [])
            else:
                total.parts = [r for name, rs in by_region.items() if name != region for r in rs]


def _mismatch(total: _Total) -> str | None:
    """How a total differs from the sum of its parts (both sums), or None when it does not (or
    cannot be compared: a share without votes)."""
    if total.of_options:
        figure = total.records[0].votes
        every = [r.votes for r in total.parts]
        if figure is None or None in every:
            return None
        valid = sum(r.votes or 0 for r in total.parts if r.row.kind not in NOT_VALID_KINDS)
        if figure in (sum(v or 0 for v in every), valid):
            return None
        return f"{figure:,} in the total row, {sum(v or 0 for v in every):,} in its unit's options"
    mine = _by_option(total.records)
    theirs = _by_option(total.parts)
    if mine is None or theirs is None:
        return None
    # A total row's own `Total` column totals its options; its parts' were set aside as such.
    mine = {k: v for k, v in mine.items() if k in theirs or not is_total_name(k)}
    names = {option_key(r.row.candidate): r.row.candidate for r in (*total.parts, *total.records)}
    differ = [
        (key, mine.get(key), theirs.get(key, 0))
        for key in dict.fromkeys([*mine, *theirs])
        if mine.get(key, 0) != theirs.get(key, 0)
    ]
    if not differ:
        return None
    said = [
        f"{names[key]} {'—' if own is None else f'{own:,}'} in the total row, {parts:,} in the parts"
        for key, own, parts in differ[:SHOWN_OPTIONS]
    ]
    more = len(differ) - SHOWN_OPTIONS
    return "; ".join(said) + (f"; and {more} more option(s)" if more > 0 else "")
