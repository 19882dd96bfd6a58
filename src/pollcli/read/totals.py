"""Total and subtotal rows: found, set aside, and their parts checked against them.

Publishers put a county's total among its precincts (a blank precinct, `TOTALS`, `HILLSBOROUGH NH`), a
`Gesamt` row among the districts, a `Total Votes` line among the candidates. Added in with their parts
they double every figure, silently. This stage runs on one election's records, before its facts are
read, in both engines:

- an option whose name is a total word (`Total`, `Итого`, `Gesamt`…, the whole cell: `Магнитогорск`
  contains "итог" and is a town) is the total of the other options of its unit, unless `--kind`
  names it;
- a unit (precinct) that is a total word or pattern (`Fulton County Total`);
- a region that is a total word or pattern (`Statewide Total`, `Total NYC`);
- rows the layout stage marked (a wide table's row with no name, or the parent of other rows).

Other rows are totals by their place only when their figures say so, as they may as well be votes of
their own (countywide absentee rows with a blank precinct; the town of Grafton in Grafton County):

- a unit that is blank beside named units of its region, when it holds about the sum of the others
  (`total_places.ABOUT_SUM`);
- a unit named like its region (`BELKNAP`, `COOS NH'`), when it holds exactly the sum of the others
  for each option it lists (a town named like its county is no total, whatever it holds), or
  exactly a k-th of it (`SAN FRANCISCO CA` beside `Congressional:12`…: breakdowns laid over the
  precincts, a race refused, `total_checks.breakdowns`);
- a region that is blank (with no unit) beside named regions, or a unit named as a total alone in its
  region (`NEW HAMPSHIRE TOTALS`), when it holds about the sum of the other regions.

Each class of total is one `total-row` warning per election naming its lines; a total that differs from
the sum of its parts is a `total-mismatch` warning with both sums. The parts are what is counted — but
when they hold more than it as subtotals named as places of their own would (twice, or by what the
largest places hold), the race is refused with a `total-mismatch` error, as counting them would
count votes twice; a named total of places that holds part of their sum beside their whole one
(`Total NYC` beside `Statewide Total`) is a subtotal (`total_checks`). A `Total` option of a place
that is a total is a total both ways. Blank units and regions that are no totals, and units named
like their region that nearly are, are counted with a `total-row` warning that says what to do if
they are totals after all.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from functools import partial

from pollcli.columns import option_key
from pollcli.kinds import name_key as kind_key
from pollcli.problems import Code, Found
from pollcli.read.breakdowns import stage as breakdowns_stage
from pollcli.read.header import ColumnMap
from pollcli.read.plainraces import TotalsStage
from pollcli.read.records import Record
from pollcli.read.subtotals import Subtotal, rests, warn_lone
from pollcli.read.subtotals import find as find_subtotals
from pollcli.read.total_checks import (
    NO_TOTAL,
    Mismatch,
    breakdowns,
    over_parts,
    refusal,
    warn_counted,
    warn_mismatches,
)
from pollcli.read.total_checks import lines_text as _lines
from pollcli.read.total_checks import rows_text as _rows
from pollcli.read.total_classes import (
    OF_OPTIONS,
    PLACES,
    Total,
    TotalClass,
    adding_up,
    again_said,
    both_ways,
    how_off,
    kept_of,
    mark_subtotals,
    race_parts,
    race_total,
    races_under_one_name,
    whole_said,
)
from pollcli.read.total_named import PLACE_OR_TOTAL, place_or_total
from pollcli.read.total_places import (
    Marked,
    Maybe,
    by_option,
    judge,
    listings,
    place,
    whole_regions,
)
from pollcli.read.total_words import is_total_name, may_hold_total, name_key, named_like


def set_aside(
    label: str,
    records: list[Record],
    columns: ColumnMap,
    found: Found,
    marked: Mapping[int, Marked] | None = None,
    given: frozenset[str] = frozenset(),
    total_options: frozenset[str] = frozenset(),
) -> list[Record]:
    """One election's records without its total rows; a `total-row` warning per class of totals,
    and a `total-mismatch` warning per total that differs from the sum of its parts. `given`: the
    option names `--kind` gives a kind (as `kinds.name_key` gives them), never totals;
    `total_options`: options that are totals whatever their name (a wide table's `TOTAL_BOLETAS`
    column), as `columns.option_key` gives them."""
    marked = marked or {}
    subtotals = find_subtotals(records, marked, given)
    records = rests(label, subtotals, records, columns, found)  # (`Write-ins` over some parts)
    classes, counted = _find(records, columns, marked, given, subtotals, total_options)
    warn_counted(label, counted, columns, found)
    warn_lone(label, [s for s in subtotals if s.beside and not s.within], columns, found)
    if not classes:
        return records
    kept = kept_of(records, classes)
    _attach_parts(classes, kept, marked)
    both_ways(classes)
    # A total of nothing is no total (a lone county's `TOTALS`), but a total column's is: no option.
    # A `Total` option alone in its unit is no candidate either: set aside, said apart.
    alone: list[Total] = []
    for key, cls in list(classes.items()):
        named = {
            id(t) for t in cls.totals if option_key(t.records[0].row.candidate) in total_options
        }
        lone = key[0] in ("option", "race")
        alone += [t for t in cls.totals if lone and not (t.parts or id(t) in named)]
        cls.totals = [t for t in cls.totals if t.parts or id(t) in named]
        if not cls.totals:
            del classes[key]
    if alone:
        records = _alone(label, alone, records, columns, found)
    if not classes:
        return records
    kept = kept_of(records, classes)
    _attach_parts(classes, kept, marked)
    mark_subtotals(classes)
    for key, cls in classes.items():
        level = key[0]
        how = {id(t): how_off(t) for t in cls.totals}  # (once: each sums its parts)
        mismatched = [t for t in cls.totals if how[id(t)] is not None]
        doubled = {
            id(t): (refusal if level in PLACES else breakdowns)(
                t.name, _lines(t.lines), t.records, t.parts, level == "region", cls.column
            )
            or (
                place_or_total(t.name, _lines(t.lines), t.records, t.parts, level == "region")
                if level in PLACES
                else None
            )
            for t in mismatched
            if level in (*PLACES, "like")
        }
        if level == "marked":  # (a wide table's row named like a total: `Total Bay`)
            doubled.update((id(t), _named_row(t)) for t in mismatched)
        # `Total` rows of a unit that each add up the rows after (or before) them: races of one
        # name, refused (said once, with the first of them).
        runs = (
            races_under_one_name(label, mismatched, cls.column)
            if level in ("option", "race")
            else {}
        )
        doubled.update(runs)
        mismatched = [t for t in mismatched if runs.get(id(t), True)]
        # A place refused as no total of its parts (`SUM`, Utah's precinct Summit) is said by
        # the refusal alone, never "set aside" beside it.
        told = {id(t) for t in mismatched if _told_alone(doubled.get(id(t)) or "")}
        shown = [t for t in cls.totals if id(t) not in told]
        off = [t for t in mismatched if id(t) not in told]
        lines = sorted({line for t in shown for line in t.lines})
        sub = bool(cls.sub) and all(t.subtotal for t in cls.totals)
        severity = "error" if any(doubled.values()) else "warning"
        agree = (
            "each holds part of their sum, with no option more: a subtotal"
            if sub
            else "they equal the sum of their parts"
            if not off
            else f"{len(off):,} of them differ{'s' if len(off) == 1 else ''} from the "
            f"sum of their parts (the total-mismatch {severity} says how)"
            if len(shown) > 1
            else f"it differs from the sum of its parts (the total-mismatch {severity} says how)"
        )
        if key[0] == "subtotal":
            agree += f": {adding_up(cls.totals)}"
        again = again_said(shown)  # (NJ's `Total` row of one candidate written twice)
        agree += f"; {again}" if again else ""
        if shown:
            found.warn(
                Code.TOTAL_ROW,
                lines[0],
                f"{cls.sub if sub else whole_said(cls, shown)} (election {label!r}): "
                f"{_rows(len(lines))} "
                f"({_lines(lines)}) set aside, not added to their parts; {agree}",
                column=cls.column,
                # (A subtotal is said apart: the file's line of routine totals says they equal
                # their parts.)
                routine=0 if off or sub or again else len(lines),
            )
        said = [
            Mismatch(t.lines, t.name, how[id(t)] or "", t.hint, doubled.get(id(t)))
            for t in mismatched
        ]
        for one, total in zip(said, mismatched, strict=True):
            one.over = over_parts(total.records, total.parts) if total.of_options else None
        warn_mismatches(said, cls.column, found)
    return kept


def _alone(
    label: str, alone: list[Total], records: list[Record], columns: ColumnMap, found: Found
) -> list[Record]:
    """The records without the `Total` options that stand alone in their unit, and their warning:
    a total with no option beside it totals options listed elsewhere (a party primary's total
    line, of no party, read as a race of its own: "Total leads with 100 %"), never a candidate."""
    gone = {id(r) for t in alone for r in t.records}
    lines = sorted({line for t in alone for line in t.lines})
    name = alone[0].records[0].row.candidate
    found.warn(
        Code.TOTAL_ROW,
        lines[0],
        f"{name!r} lines stand alone, with no option beside them in their unit (election "
        f"{label!r}): {_rows(len(lines))} ({_lines(lines)}) set aside, not counted and not "
        "checked: each totals options not listed beside it (another race's, as a party "
        "primary's total line of no party does; its place's units, listed apart; or options "
        "missing from the file)" + alone[0].hint.replace(", or if", "; if", 1),
        column=columns.header_of("candidate"),
        family="races' total lines with no option beside them, set aside, not counted",
    )
    return [r for r in records if id(r) not in gone]


def stage(
    columns: ColumnMap,
    found: Found,
    marked: Mapping[int, Marked] | None = None,
    given: frozenset[str] = frozenset(),
    total_options: frozenset[str] = frozenset(),
) -> TotalsStage:
    """`set_aside` for the assembly stage of one file (`Assembly.totals`), then the breakdowns
    laid over the precincts (`breakdowns.set_aside`)."""
    totals = partial(
        set_aside,
        columns=columns,
        found=found,
        marked=marked,
        given=given,
        total_options=total_options,
    )
    by_names = not marked and not total_options
    return TotalsStage(breakdowns_stage(totals, columns, found), by_names)


def _find(
    records: list[Record],
    columns: ColumnMap,
    marked: Mapping[int, Marked],
    given: frozenset[str],
    subtotals: list[Subtotal],
    total_options: frozenset[str] = frozenset(),
) -> tuple[dict[tuple[str, ...], TotalClass], list[Maybe]]:
    """The election's totals, by class, and the rows that may be totals by their place but are
    counted (blank ones, and units named like their region that nearly hold its total)."""
    classes: dict[tuple[str, ...], TotalClass] = {}
    unit_column = columns.header_of("unit")
    region_column = columns.header_of("region")
    unit_word = repr(unit_column or "unit")
    region_word = repr(region_column or "region")

    def add(
        key: tuple[str, ...], what: str, column: str | None, total: Total, sub: str = ""
    ) -> None:
        classes.setdefault(key, TotalClass(what, column, sub=sub)).totals.append(total)

    definite: set[int] = set()
    adding = {id(s.record): s.parts for s in subtotals if s.parts}
    # Marked rows and total options: one total per row. The others by their place (below).
    by_line: dict[int, Total] = {}
    places: dict[tuple[str, str], list[Record]] = {}
    # Most races name no total among their options: one search over all their names says so.
    named = may_hold_total(r.row.candidate for r in records)
    plain = not (named or adding or marked or total_options)  # every row then goes by its place
    if plain and not any(r.row.region or r.row.unit or r.summed for r in records):
        return classes, []  # (one blank place: no total by its place; a race of many races' file)
    for record in records:
        at = place(record)
        if plain:
            places.setdefault(at, []).append(record)
            continue
        if record.line in marked:
            total = by_line.get(record.line)
            if total is None:
                total = by_line[record.line] = Total(f"on line {record.line}", [])
                add(("marked", marked[record.line].reason), marked[record.line].reason, None, total)
            total.records.append(record)
        elif (
            record.row.fact is None
            and (
                (named and is_total_name(record.row.candidate))
                or (bool(total_options) and option_key(record.row.candidate) in total_options)
            )
            and kind_key(record.row.candidate) not in given
        ):
            # (A `Total Votes` row that counts its unit is a fact of it: `unitcounts.with_row_facts`.)
            region, unit = at
            where = f" of {unit!r}" if unit else f" of {region!r}" if region else ""
            name = record.row.candidate
            if race_total(record):  # New Jersey's `Total,General Assembly,5,,,68111`
                word, column = (unit_word, unit_column) if unit else (region_word, region_column)
                what = (
                    f"rows of {unit or region!r} in column {word} that name no option are the "
                    f"total of every option of their {'region' if unit else 'race'}"
                )
                total = Total(repr(unit or region), [record], of_options=True, race=True)
                add(("race", name_key(unit or region)), what, column, total)
                definite.add(id(record))
                continue
            hint = f", or if {name!r} is a candidate, say so: --kind {shlex.quote(name + '=candidate')}"
            add(
                ("option", name_key(name)),
                f"{name!r} lines are totals of the other options of their "
                f"{'unit' if where else 'table'}",
                columns.header_of("candidate"),
                Total(f"{name!r}{where}", [record], of_options=True, hint=hint),
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
                Total(f"{name!r}{where}", [record], adding[id(record)], of_options=True),
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
            sub = f"{region!r} in column {region_word} is a subtotal of some of the other regions"
            total = Total(repr(region), group)
            add(("region", name_key(region)), what, region_column, total, sub)
        elif unit and is_total_name(unit, place=True) and units_of[region] == 1:
            # `NEW HAMPSHIRE TOTALS` of `NEW HAMPSHIRE`: the state's total if it holds the other
            # regions' sum; a county given only as `TOTALS` is its figure.
            maybes.append(Maybe("alone", region, unit, group))
        elif unit and is_total_name(unit, place=True):
            what = f"{unit!r} in column {unit_word} is a total of its region"
            name = f"{unit!r} of {region!r}" if region else repr(unit)
            sub = f"{unit!r} in column {unit_word} is a subtotal of some units of its region"
            add(("unit", name_key(unit)), what, unit_column, Total(name, group), sub)
        elif not unit and region in named_units:
            maybes += [Maybe("blank", region, "", listing) for listing in listings(group)]
        elif not region and not unit and named_regions:
            maybes.append(Maybe("blank region", "", "", group))
        elif unit and region and not unit.strip().isdigit() and named_like(unit, region):
            # (A number names no place: precinct 1 of district 1, numbered within it, is not
            # named like it; a row repeated there is a duplicate, as the streaming engine says.)
            # The county's own row and a town of the same name (Grafton in Grafton County) share
            # a place: each listing of the options is judged apart.
            maybes += [Maybe("like", region, unit, listing) for listing in listings(group)]
        else:
            continue
        definite.update(id(r) for r in group)
    maybes += whole_regions(places, definite | {id(r) for m in maybes for r in m.records})
    if not maybes:
        return classes, []
    totals = judge(records, definite, maybes)
    for maybe in totals:
        unit, region = maybe.unit, maybe.region
        # A total that holds exactly the sums of the options it lists is checked on those (New
        # Hampshire's `COOS NH` row of one candidate, the county's `TOTALS` rows have the others).
        exact = maybe.agreement in ("exact", "multiple")
        if maybe.kind == "blank":
            what = f"rows with a blank {unit_word} beside named ones are totals of their region"
            hint = f"; if they are votes of their own (absentee…), give their {unit_word} a name"
            total = Total(
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
            total = Total(repr(unit), maybe.records, own_options=exact)
            add(("like", name_key(unit)), what, unit_column, total)
        elif maybe.kind == "alone":
            what = f"{unit!r} in column {unit_word} is a total of the other regions"
            add(("region", name_key(unit)), what, unit_column, Total(repr(unit), maybe.records))
        elif maybe.kind in ("whole", "half"):
            what = f"{region!r} in column {region_word} holds the total of the other regions"
            total = Total(repr(region), maybe.records)
            add(("region", name_key(region)), what, region_column, total)
        else:
            what = f"rows with a blank {region_word} beside named ones are totals of the regions"
            hint = f"; if they are votes of their own (abroad…), give their {region_word} a name"
            total = Total(f"in the blank {region_word}", maybe.records, hint=hint)
            add(("region", ""), what, region_column, total)
    # Counted, with a warning: blank rows, and a unit named like its region that nearly holds its
    # total while no other row of the region does (beside the county's own row, it is its town).
    settled = {m.region for m in totals if not m.wide}
    counted = [
        m
        for m in maybes
        if m not in totals
        and (
            m.kind in ("blank", "blank region", "whole")
            or (m.kind == "like" and m.agreement and m.region not in settled)
        )
    ]
    return classes, counted


def _attach_parts(
    classes: dict[tuple[str, ...], TotalClass], kept: list[Record], marked: Mapping[int, Marked]
) -> None:
    """Each total's parts among the records kept."""
    by_unit: dict[tuple[str, str], list[Record]] = {}
    by_region: dict[str, list[Record]] = {}
    for record in kept:
        by_unit.setdefault(place(record), []).append(record)
        by_region.setdefault(record.row.region or "", []).append(record)
    # The totals of places, by place: an option total of such a place (`Total` of the county
    # `Total`) is a total both ways, of what the place's total is a total of.
    of_place: dict[tuple[str, str], Total] = {}
    every: dict[str, int] | None = None
    for (level, *_), cls in sorted(classes.items(), key=lambda item: item[0][0] in OF_OPTIONS):
        for total in cls.totals:
            first = total.records[0]
            region, unit = place(first)
            if level == "marked":
                parts = marked[first.line].parts
                total.parts = [r for r in kept if r.line in parts]
            elif level == "subtotal":
                continue  # its parts were found beside it (`read/subtotals`)
            elif level == "race":
                total.parts = race_parts(first, by_region)
            elif level in OF_OPTIONS:
                total.parts = by_unit.get((region, unit), [])
                if not total.parts and (region, unit) in of_place:
                    # Checked against the other options of its place, themselves checked
                    # against the places they total.
                    total.parts = of_place[region, unit].records
                    total.both = True
            elif level in ("unit", "like"):
                total.parts = by_region.get(region, [])
                if (
                    len(by_region) > 1
                    and how_off(total)
                    and by_option(total.records)
                    == (every := by_option(kept) if every is None else every)
                ):  # every region's total filed under one (Delaware's `Total` under Sussex)
                    total.parts, total.whole = kept, True
            else:
                total.parts = [r for name, rs in by_region.items() if name != region for r in rs]
            if level not in OF_OPTIONS:
                of_place.setdefault((region, unit), total)


def _named_row(total: Total) -> str | None:
    """`place_or_total` for a wide table's row named like a total (`Total Bay`, marked so by
    `wide_totals`): set aside, it left the other rows' leader "winning outright" where counted as
    the place it may be another leads. Rows marked for another reason (a parent's, a group's) are
    no place named like a total."""
    first = total.records[0].row
    own = first.unit or first.region or ""
    if not is_total_name(own, place=True):
        return None
    return place_or_total(
        repr(own), _lines(total.lines), total.records, total.parts, not first.unit
    )


def _told_alone(refused: str) -> bool:
    """Whether a refusal says its total is no total of its parts (`NO_TOTAL`) or may be a place
    (`PLACE_OR_TOTAL`): said by the refusal alone, never "set aside"."""
    return NO_TOTAL in refused or PLACE_OR_TOTAL in refused
