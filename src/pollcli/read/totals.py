"""Total and subtotal rows: found, set aside, and their parts checked against them.

Publishers put a county's total among its precincts (a blank precinct, `TOTALS`, `HILLSBOROUGH NH`), a
`Gesamt` row among the districts, a `Total Votes` line among the candidates. Added in with their parts
they double every figure, silently. This stage runs on one election's records, before its facts are
read, in both engines:

- an option whose name is a total word (`Total`, `Итого`, `Gesamt`…, the whole cell: `Магнитогорск`
  contains "итог" and is a town) is the total of the other options of its unit, unless `--kind`
  names it;
- a unit (precinct) that is a total word or pattern (`Fulton County Total`);
- a region that is a total word;
- rows the layout stage marked (a wide table's row with no name, or the parent of other rows).

Other rows are totals by their place only when their figures say so, as they may as well be votes of
their own (countywide absentee rows with a blank precinct; the town of Grafton in Grafton County):

- a unit that is blank beside named units of its region, when it holds about the sum of the others
  (`total_places.ABOUT_SUM`);
- a unit named like its region (`BELKNAP`, `COOS NH'`), when it holds exactly the sum of the others
  for each option it lists (a town named like its county is no total, whatever it holds);
- a region that is blank (with no unit) beside named regions, or a unit named as a total alone in its
  region (`NEW HAMPSHIRE TOTALS`), when it holds about the sum of the other regions.

Each class of total is one `total-row` warning per election naming its lines; a total that differs from
the sum of its parts is a `total-mismatch` warning with both sums. The parts are what is counted. Blank
units and regions that are no totals, and units named like their region that nearly are, are counted
with a `total-row` warning that says what to do if they are totals after all.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Final

from pollcli.columns import NOT_VALID_KINDS
from pollcli.kinds import name_key as kind_key
from pollcli.problems import Code, Found
from pollcli.read.assemble import option_key
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.subtotals import Subtotal
from pollcli.read.subtotals import find as find_subtotals
from pollcli.read.total_places import Maybe, by_option, judge, listings, place
from pollcli.read.total_words import is_total_name, name_key, named_like

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
    # The total is checked on the options it lists only: it holds exactly their sums (New
    # Hampshire's `COOS NH` row of the one candidate its `TOTALS` rows leave out).
    own_options: bool = False
    # What to do if the total is no total after all, said with a mismatch.
    hint: str = ""

    @property
    def lines(self) -> list[int]:
        return sorted({line for r in self.records for line in (r.line, *r.same_cell_lines)})


@dataclass
class _Class:
    """A class of totals named in one warning: how to say what they are, and the totals."""

    what: str
    column: str | None
    totals: list[_Total] = field(default_factory=list)


def set_aside(
    label: str,
    records: list[Record],
    columns: ColumnMap,
    found: Found,
    marked: Mapping[int, Marked] | None = None,
    given: frozenset[str] = frozenset(),
) -> list[Record]:
    """One election's records without its total rows; a `total-row` warning per class of totals,
    and a `total-mismatch` warning per total that differs from the sum of its parts. `given`: the
    option names `--kind` gives a kind (as `kinds.name_key` gives them), never totals."""
    marked = marked or {}
    subtotals = find_subtotals(records, marked, given)
    classes, counted = _find(records, columns, marked, given, subtotals)
    _warn_counted(label, counted, columns, found)
    _warn_subtotals(label, [s for s in subtotals if s.beside], columns, found)
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
    for key, cls in classes.items():
        mismatched = [t for t in cls.totals if _mismatch(t) is not None]
        lines = sorted({line for t in cls.totals for line in t.lines})
        agree = (
            "they equal the sum of their parts"
            if not mismatched
            else f"{len(mismatched)} of them differ{'s' if len(mismatched) == 1 else ''} from the "
            "sum of their parts (the total-mismatch warning says how)"
            if len(cls.totals) > 1
            else "it differs from the sum of its parts (the total-mismatch warning says how)"
        )
        if key[0] == "subtotal":
            agree += f": {_adding_up(cls.totals)}"
        found.warn(
            Code.TOTAL_ROW,
            lines[0],
            f"{cls.what} (election {label!r}): {_rows(len(lines))} ({_lines(lines)}) set aside, "
            f"not added to their parts; {agree}",
            column=cls.column,
            routine=0 if mismatched else len(lines),
        )
        for total in mismatched:
            found.warn(
                Code.TOTAL_MISMATCH,
                total.lines[0],
                f"the total {total.name} ({_lines(total.lines)}) differs from the sum of its "
                f"parts: {_mismatch(total)}; the parts are counted: check the file{total.hint}",
                column=cls.column,
            )
    return kept


def stage(
    columns: ColumnMap,
    found: Found,
    marked: Mapping[int, Marked] | None = None,
    given: frozenset[str] = frozenset(),
) -> Callable[[str, list[Record]], list[Record]]:
    """`set_aside` for the assembly stage of one file (`Assembly.totals`)."""
    return partial(set_aside, columns=columns, found=found, marked=marked, given=given)


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
    records: list[Record],
    columns: ColumnMap,
    marked: Mapping[int, Marked],
    given: frozenset[str],
    subtotals: list[Subtotal],
) -> tuple[dict[tuple[str, ...], _Class], list[Maybe]]:
    """The election's totals, by class, and the rows that may be totals by their place but are
    counted (blank ones, and units named like their region that nearly hold its total)."""
    classes: dict[tuple[str, ...], _Class] = {}
    unit_column = columns.header_of("unit")
    region_column = columns.header_of("region")
    unit_word = repr(unit_column or "unit")
    region_word = repr(region_column or "region")

    def add(key: tuple[str, ...], what: str, column: str | None, total: _Total) -> None:
        classes.setdefault(key, _Class(what, column)).totals.append(total)

    definite: set[int] = set()
    adding = {id(s.record): s.parts for s in subtotals if s.parts}
    # Marked rows and total options: one total per row. The others by their place (below).
    by_line: dict[int, _Total] = {}
    places: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        at = place(record)
        if record.line in marked:
            total = by_line.get(record.line)
            if total is None:
                total = by_line[record.line] = _Total(f"on line {record.line}", [])
                add(("marked", marked[record.line].reason), marked[record.line].reason, None, total)
            total.records.append(record)
        elif (
            record.row.fact is None
            and is_total_name(record.row.candidate)
            and kind_key(record.row.candidate) not in given
        ):
            # (A `Total Votes` row that counts its unit is a fact of it: `records.with_row_facts`.)
            region, unit = at
            where = f" of {unit!r}" if unit else f" of {region!r}" if region else ""
            name = record.row.candidate
            hint = f", or if {name!r} is a candidate, say so: --kind {shlex.quote(name + '=candidate')}"
            add(
                ("option", name_key(name)),
                f"{name!r} lines are totals of the other options of their "
                f"{'unit' if where else 'table'}",
                columns.header_of("candidate"),
                _Total(f"{name!r}{where}", [record], of_options=True, hint=hint),
            )
        elif id(record) in adding:
            # A subtotal of the rows beside it (`read/subtotals`): those rows are its parts.
            region, unit = at
            name = record.row.candidate
            where = f" of {unit!r}" if unit else f" of {region!r}" if region else ""
            add(
                ("subtotal", name_key(name)),
                f"{name!r} lines are subtotals of the rows listed beside them",
                columns.header_of("candidate"),
                _Total(f"{name!r}{where}", [record], adding[id(record)], of_options=True),
            )
        else:
            places.setdefault(at, []).append(record)
            continue
        definite.add(id(record))
    # Units and regions that are totals by their names: one total per place. The rows that may be
    # totals by their place are judged by their figures (`total_places.judge`).
    named_units = {region for region, unit in places if unit}
    named_regions = any(region for region, _ in places)
    units_of: dict[str, int] = {}
    for region, _unit in places:
        units_of[region] = units_of.get(region, 0) + 1
    maybes: list[Maybe] = []
    for (region, unit), group in places.items():
        if region and is_total_name(region, place=True):
            what = f"{region!r} in column {region_word} is a total of the other regions"
            add(("region", name_key(region)), what, region_column, _Total(repr(region), group))
        elif unit and is_total_name(unit, place=True) and units_of[region] == 1:
            # `NEW HAMPSHIRE TOTALS` of `NEW HAMPSHIRE`: the state's total if it holds the other
            # regions' sum; a county given only as `TOTALS` is its figure.
            maybes.append(Maybe("alone", region, unit, group))
        elif unit and is_total_name(unit, place=True):
            what = f"{unit!r} in column {unit_word} is a total of its region"
            name = f"{unit!r} of {region!r}" if region else repr(unit)
            add(("unit", name_key(unit)), what, unit_column, _Total(name, group))
        elif not unit and region in named_units:
            maybes += [Maybe("blank", region, "", listing) for listing in listings(group)]
        elif not region and not unit and named_regions:
            maybes.append(Maybe("blank region", "", "", group))
        elif unit and region and named_like(unit, region):
            # The county's own row and a town of the same name (Grafton in Grafton County) share
            # a place: each listing of the options is judged apart.
            maybes += [Maybe("like", region, unit, listing) for listing in listings(group)]
        else:
            continue
        definite.update(id(r) for r in group)
    if not maybes:
        return classes, []
    totals = judge(records, definite, maybes)
    for maybe in totals:
        unit, region = maybe.unit, maybe.region
        # A total that holds exactly the sums of the options it lists is checked on those (New
        # Hampshire's `COOS NH` row of one candidate, the county's `TOTALS` rows have the others).
        exact = maybe.agreement == "exact"
        if maybe.kind == "blank":
            what = f"rows with a blank {unit_word} beside named ones are totals of their region"
            hint = f"; if they are votes of their own (absentee…), give their {unit_word} a name"
            total = _Total(
                f"in the blank {unit_word} of {region!r}",
                maybe.records,
                own_options=exact,
                hint=hint,
            )
            add(("unit", ""), what, unit_column, total)
        elif maybe.kind == "like":
            what = (
                f"{unit!r} in column {unit_word} is named like its region {region!r} and holds "
                "its total"
            )
            total = _Total(repr(unit), maybe.records, own_options=exact)
            add(("like", name_key(unit)), what, unit_column, total)
        elif maybe.kind == "alone":
            what = f"{unit!r} in column {unit_word} is a total of the other regions"
            add(("region", name_key(unit)), what, unit_column, _Total(repr(unit), maybe.records))
        else:
            what = f"rows with a blank {region_word} beside named ones are totals of the regions"
            hint = f"; if they are votes of their own (abroad…), give their {region_word} a name"
            total = _Total(f"in the blank {region_word}", maybe.records, hint=hint)
            add(("region", ""), what, region_column, total)
    # Counted, with a warning: blank rows, and a unit named like its region that nearly holds its
    # total while no other row of the region does (beside the county's own row, it is its town).
    settled = {m.region for m in totals if not m.wide}
    counted = [
        m
        for m in maybes
        if m not in totals
        and (
            m.kind in ("blank", "blank region")
            or (m.kind == "like" and m.agreement and m.region not in settled)
        )
    ]
    return classes, counted


def _warn_counted(label: str, counted: list[Maybe], columns: ColumnMap, found: Found) -> None:
    """A `total-row` warning per kind of rows that may be totals by their place but are counted:
    what they hold against what they would total, and what to do if they are totals."""
    unit_column = columns.header_of("unit") or "unit"
    region_column = columns.header_of("region") or "region"
    for kind in ("blank", "blank region", "like"):
        these = [m for m in counted if m.kind == kind]
        if not these:
            continue
        lines = sorted(
            {line for m in these for r in m.records for line in (r.line, *r.same_cell_lines)}
        )
        rows = f"{_rows(len(lines))} ({_lines(lines)})"
        said = "; ".join(
            f"{m.region!r}: {m.votes:,} votes, its other units {m.theirs:,}"
            for m in these[:SHOWN_OPTIONS]
        ) + (f"; and {len(these) - SHOWN_OPTIONS} more" if len(these) > SHOWN_OPTIONS else "")
        if kind == "blank":
            message = (
                f"rows with a blank {unit_column!r} beside named ones do not hold their "
                f"region's total (election {label!r}): {rows} counted as a unit of their own, "
                f"'(blank {unit_column})' ({said}); if they are a total, name their "
                f"{unit_column!r} TOTALS"
            )
        elif kind == "blank region":
            message = (
                f"rows with a blank {region_column!r} beside named ones do not hold the other "
                f"regions' total (election {label!r}): {rows} counted as a region of their own, "
                f"'(blank {region_column})' ({these[0].votes:,} votes, the other regions "
                f"{these[0].theirs:,}); if they are a total, name their {region_column!r} TOTALS"
            )
        else:
            which = (
                f"{these[0].unit!r} in column {unit_column!r} is named like its region "
                f"{these[0].region!r} and holds nearly, not exactly, its total"
                if len(these) == 1
                else f"units in column {unit_column!r} named like their region hold nearly, not "
                "exactly, its total"
            )
            message = (
                f"{which} (election {label!r}): {rows} counted "
                f"as a unit ({said}); if it is the total, its votes are counted twice now: name "
                f"its {unit_column!r} TOTALS"
            )
        column = columns.header_of("region" if kind == "blank region" else "unit")
        found.warn(Code.TOTAL_ROW, lines[0], message, column=column)


def _adding_up(totals: list[_Total]) -> str:
    """What subtotals add up: `'Total write-in' of 'Berrien' (line 1233) adds up 'QW - Jerry Solis'
    and 'Unqualified Write-Ins' (lines 1234–1235)`, the first few."""
    said = [
        f"{t.name} ({_lines(t.lines)}) adds up {_names(t.parts)} ({_lines(sorted({r.line for r in t.parts}))})"
        for t in totals[:SHOWN_OPTIONS]
    ]
    more = len(totals) - SHOWN_OPTIONS
    return "; ".join(said) + (f"; and {more} more" if more > 0 else "")


def _names(records: list[Record]) -> str:
    names = [repr(r.row.candidate) for r in records]
    if len(names) > SHOWN_OPTIONS + 1:
        return f"{', '.join(names[:SHOWN_OPTIONS])} and {len(names) - SHOWN_OPTIONS} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _warn_subtotals(label: str, lone: list[Subtotal], columns: ColumnMap, found: Found) -> None:
    """A `total-row` warning per row named as a subtotal that adds up none of the rows beside it:
    counted, as it may be an option of its own, but it may be counted twice."""
    for subtotal in lone:
        record = subtotal.record
        region, unit = place(record)
        where = f" of {unit!r}" if unit else f" of {region!r}" if region else ""
        found.warn(
            Code.TOTAL_ROW,
            record.line,
            f"{record.row.candidate!r}{where} (election {label!r}) is named as a subtotal but its "
            f"{record.votes:,} votes are the sum of no run of the rows beside it: counted as an "
            "option; if it adds up rows of its unit, they are counted twice now: take it out of "
            "the file (no flag leaves out one option of a unit)",
            column=columns.header_of("candidate"),
        )


def _attach_parts(
    classes: dict[tuple[str, ...], _Class], kept: list[Record], marked: Mapping[int, Marked]
) -> None:
    """Each total's parts among the records kept."""
    by_unit: dict[tuple[str, str], list[Record]] = {}
    by_region: dict[str, list[Record]] = {}
    for record in kept:
        by_unit.setdefault(place(record), []).append(record)
        by_region.setdefault(record.row.region or "", []).append(record)
    for (level, *_), cls in classes.items():
        for total in cls.totals:
            first = total.records[0]
            region, unit = place(first)
            if level == "marked":
                parts = marked[first.line].parts
                total.parts = [r for r in kept if r.line in parts]
            elif level == "subtotal":
                continue  # its parts were found beside it (`read/subtotals`)
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
    mine = by_option(total.records)
    theirs = by_option(total.parts)
    if mine is None or theirs is None:
        return None
    names = {option_key(r.row.candidate): r.row.candidate for r in (*total.parts, *total.records)}
    # A total option on a total row (a wide table's `Total` column on its `Total` row): its parts
    # are totals of their own class, so it is checked against the other options of its row.
    inner = {key for key in mine if key not in theirs and is_total_name(names[key])}
    said: list[str] = []
    for key in dict.fromkeys([*mine, *theirs]):
        own, parts = mine.get(key), theirs.get(key, 0)
        if key in inner:
            rows = [r for r in total.records if option_key(r.row.candidate) not in inner]
            other = sum(r.votes or 0 for r in rows)
            valid = sum(r.votes or 0 for r in rows if r.row.kind not in NOT_VALID_KINDS)
            if own not in (other, valid):
                said.append(
                    f"{names[key]} (a total of the row's other options) {own:,} in the total "
                    f"row, {other:,} in its other options"
                )
        elif (own or 0) != parts and (own is not None or not total.own_options):
            shown = "—" if own is None else f"{own:,}"
            said.append(f"{names[key]} {shown} in the total row, {parts:,} in the parts")
    if not said:
        return None
    more = len(said) - SHOWN_OPTIONS
    return "; ".join(said[:SHOWN_OPTIONS]) + (f"; and {more} more option(s)" if more > 0 else "")
