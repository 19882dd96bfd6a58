"""The totals the totals stage finds (`totals`), how a class of them is named in its warning, and
what is checked of them once their parts are known: totals both ways (a total place's `Total`
option), subtotals among the named totals of places, and how a total differs from its parts.
"""

from __future__ import annotations

from dataclasses import field, replace
from itertools import pairwise
from typing import Final

from pollcli.dataclass import dataclass
from pollcli.formats import listed
from pollcli.namekeys import option_key
from pollcli.read.records import Record
from pollcli.read.total_checks import (
    SHOWN_OPTIONS,
    after_its_units,
    mismatch,
    names_text,
    subtotal_places,
)
from pollcli.read.total_checks import lines_text as _lines
from pollcli.read.total_places import by_option, place
from pollcli.read.total_words import is_total_name, name_key


@dataclass
class Total:
    """One total (a total row's records) and what it totals."""

    name: str  # as a message names it: `'TOTALS' of 'Mason'`
    records: list[Record]
    parts: list[Record] = field(default_factory=list)
    # The total is one figure for all the other options of its unit (a `Total Votes` line).
    of_options: bool = False
    # The total is checked on the options it lists only: it holds exactly their sums (New
    # Hampshire's `COOS NH` row of the one candidate its `TOTALS` rows leave out).
    own_options: bool = False
    # An option total of a place that is a total (`both_ways`).
    both: bool = False
    # What to do if the total is no total after all, said with a mismatch.
    hint: str = ""
    # A total of some of its parts only, beside the total of them all (`Total NYC` beside
    # `Statewide Total`), or with the others of its kind the total of them all.
    subtotal: bool = False
    whole: bool = False  # a unit's total that is every region's
    # The total of every option of its race, or of its region (`race_total`).
    race: bool = False

    @property
    def lines(self) -> list[int]:
        return sorted({line for r in self.records for line in (r.line, *r.same_cell_lines)})


@dataclass
class TotalClass:
    """A class of totals named in one warning: how to say what they are, and the totals."""

    what: str
    column: str | None
    totals: list[Total] = field(default_factory=list)
    # How to say what they are when they are subtotals (`mark_subtotals`).
    sub: str = ""


def whole_said(cls: TotalClass, totals: list[Total]) -> str:
    said = cls.what.replace("a total of its region", "the total of every region")
    return said if all(t.whole for t in totals) else cls.what  # (`_attach_parts`)


def kept_of(records: list[Record], classes: dict[tuple[str, ...], TotalClass]) -> list[Record]:
    aside = {id(r) for c in classes.values() for t in c.totals for r in t.records}
    return [r for r in records if id(r) not in aside]


def adding_up(totals: list[Total]) -> str:
    """What subtotals add up: `'Total write-in' of 'Berrien' (line 1233) adds up 'QW - Jerry Solis'
    and 'Unqualified Write-Ins' (lines 1234–1235)`, the first few."""
    return listed(totals, SHOWN_OPTIONS, _adds_up, sep="; ", more="; and ")


def _adds_up(t: Total) -> str:
    return f"{t.name} ({_lines(t.lines)}) adds up {names_text(t.parts)} ({_lines(sorted({r.line for r in t.parts}))})"


# The classes of totals of the other options of their unit (a `Total` option; `both_ways`), and of
# a race's options (`race_total`).
OF_OPTIONS: Final[tuple[str, ...]] = ("option", "both", "race")


def race_total(record: Record) -> bool:
    """Whether a total option's row (one named by a total word) is its race's total of every
    option: of no party, in a place named by a total word alone (its unit, else its region:
    `Total`, `TOTALS`; not `Total NYC`, which totals some places only). New Jersey's
    county files close each race with `Total,General Assembly,5,,,68111`, no option named (read
    as its place's word: `cellsplit.race_total`); they had refused 19 of 21 races as options of
    no name. Its parts are the options its place totals (`race_parts`), whatever else it lists."""
    region, unit = place(record)
    where = unit or region
    return not record.row.party and bool(where) and is_total_name(where)


def race_parts(record: Record, by_region: dict[str, list[Record]]) -> list[Record]:
    """The options a race's total (`race_total`) totals among those counted: its region's, when
    its unit is the total; else every other region's."""
    region, unit = place(record)
    if unit:
        return by_region.get(region, [])
    return [r for name, rs in by_region.items() if name != region for r in rs]


def both_ways(classes: dict[tuple[str, ...], TotalClass]) -> None:
    """Option totals of places that are totals (the county `Total`'s `Total`: a state's total)
    in a class of their own: totals both ways, of the options of their place and of the places
    their place totals. (Counted, such a row was an option, and won its race.)"""
    for key, cls in list(classes.items()):
        if key[0] != "option":
            continue
        both = [t for t in cls.totals if t.both]
        if not both:
            continue
        cls.totals = [t for t in cls.totals if not t.both]
        if not cls.totals:
            del classes[key]
        places = sorted({repr(t.records[0].row.unit or t.records[0].row.region) for t in both})
        what = (
            f"{both[0].records[0].row.candidate!r} lines of total places ({', '.join(places[:3])}"
            f"{', …' if len(places) > 3 else ''}) are totals both ways: of the other options of "
            "their place, and of the places it totals"
        )
        classes[("both", *key[1:])] = TotalClass(what, cls.column, both)


def mark_subtotals(classes: dict[tuple[str, ...], TotalClass]) -> None:
    """Mark the subtotals among the named totals of places of one scope (`total_checks.subtotal_places`)."""
    scopes: dict[tuple[str, str], list[Total]] = {}
    for (level, *_), cls in classes.items():
        if level in PLACES:
            for total in cls.totals:
                region = "" if level == "region" else total.records[0].row.region or ""
                scopes.setdefault((level, region), []).append(total)
    for (level, _), group in scopes.items():
        sums, rows = [by_option(t.records) for t in group], [r for t in group for r in t.records]
        for total, sub in zip(group, subtotal_places(sums, by_option(group[0].parts)), strict=True):
            # (Or a subtotal of the units listed before it, `total_checks.after_its_units`.)
            after = level == "unit" and after_its_units(total.records, total.parts, rows)
            total.subtotal = sub or after or (level == "unit" and of_its_namesakes(total))


def of_its_namesakes(total: Total) -> bool:
    """Whether each row of a named total of units holds the sum of its option's rows listed
    before it in the units its name names, less its total word — fewer than its region's: New
    Jersey's Atlantic County lists `Brigantine Total` after `Brigantine W-1` to `W-4` (before
    `Brigantine Mail`), among the county's other towns' precincts, and it was said to differ from
    the whole county's sum (2,135 against 45,954)."""
    unit = name_key(total.records[0].row.unit or "")
    words = unit.split()
    while words and words[0] in _TOTAL_EDGES:
        words.pop(0)
    while words and words[-1] in _TOTAL_EDGES:
        words.pop()
    stem = " ".join(words) + " "
    if stem == " " or len(words) == len(unit.split()):
        return False
    named = [r for r in total.parts if name_key(r.row.unit or "").startswith(stem)]
    if not named or len(named) == len(total.parts):
        return False
    for record in total.records:
        key = option_key(record.row.candidate)
        run = [
            r.votes or 0
            for r in named
            if r.line < record.line and option_key(r.row.candidate) == key
        ]
        if not run or sum(run) != record.votes:
            return False
    return True


# The words that make a place's name its total's (`Brigantine Total`, `Total Ward 1`).
_TOTAL_EDGES: Final[frozenset[str]] = frozenset({"total", "totals", "subtotal", "sub", "tot"})


# The classes of named totals of places (not blank, nor named like their region).
PLACES: Final[tuple[str, ...]] = ("region", "unit")


def how_off(total: Total) -> str | None:
    """How a total differs from the sum of its parts (`total_checks.mismatch`); None for a subtotal
    of some of them. Rows of counts are no parts of a total of options: Wikipedia's results boxes
    give `Valid votes`, `Total votes`, `Registered voters` after `Total`, and its 2,650,000 was
    said to differ from "12,086,000 in its unit's options"."""
    if total.subtotal:
        return None
    parts = [r for r in total.parts if r.row.fact is None] if total.of_options else total.parts
    again = written_again(total)
    records = [
        replace(r, votes=again[key][1], same_cell_lines=()) if key in again else r
        for r in total.records
        if (key := option_key(r.row.candidate)) not in again or r is again[key][2]
    ]
    said = mismatch(records, parts, of_options=total.of_options, own_options=total.own_options)
    if said and total.race:
        whose = "its region's" if place(total.records[0])[1] else "the race's"
        said = said.replace("in its unit's options", f"in {whose} options")
    return said


def races_under_one_name(label: str, totals: list[Total], column: str | None) -> dict[int, str]:
    """A refusal for the `Total` options of a unit that each add up a run of its other rows, the
    rows up to the next one (a total heading its race) or from the one before (a total closing
    it), by `id` of its first total (the others: ""): races of one name listed one after another
    (Rhode Island 2018's town file: Jamestown's two School Committee races, two terms, each under
    its own `Total` of no party). Read as one race, their candidates would be merged."""
    by_unit: dict[tuple[str, str], list[Total]] = {}
    for total in totals:
        if total.of_options and len(total.records) == 1:
            by_unit.setdefault(place(total.records[0]), []).append(total)
    told: dict[int, str] = {}
    for (region, unit), group in by_unit.items():
        group.sort(key=lambda t: t.records[0].line)
        heads = [t.records[0].line for t in group]
        parts = group[0].parts
        if len(group) < 2 or len(set(heads)) < len(heads) or any(r.line in heads for r in parts):
            continue  # (a wide table's total column: one row holds the total and its parts)
        heading = _runs(group, parts, heading=True)
        runs = heading or _runs(group, parts, heading=False)
        if runs is None:
            continue
        said = "; ".join(
            f"{t.records[0].votes:,} over {_lines(sorted(r.line for r in run))}"
            for t, run in zip(group, runs, strict=True)
        )
        where = f" of {unit or region!r}" if unit or region else ""
        told[id(group[0])] = (
            f"the {group[0].records[0].row.candidate!r} rows{where} ({_lines(heads)}) each add up "
            f"the rows {'after' if heading else 'before'} them ({said}): {len(group)} "
            f"races listed under one name {label!r}, which read as one would merge their "
            "candidates (two terms of one office?); give each race its own name in the file (its "
            "office or district), or a column that tells them apart with --race-by"
        )
        told.update((id(t), "") for t in group[1:])
    return told


def _runs(group: list[Total], parts: list[Record], *, heading: bool) -> list[list[Record]] | None:
    """The rows each total of `group` (in file order) adds up, the rows after it up to the next
    (`heading`) or before it from the one before; None unless every run is one and adds up."""
    heads = [t.records[0].line for t in group]
    bounds = [*heads, None] if heading else [None, *heads]
    runs = [
        [r for r in parts if (low is None or r.line > low) and (high is None or r.line < high)]
        for low, high in pairwise(bounds)
    ]
    if sum(len(run) for run in runs) != len(parts):
        return None
    for total, run in zip(group, runs, strict=True):
        figure, every = total.records[0].votes, [r.votes for r in run]
        if not run or figure is None or None in every or sum(v or 0 for v in every) != figure:
            return None
    return runs


def written_again(total: Total) -> dict[str, tuple[list[int], int, Record]]:
    """The options a total of places gives on several lines that hold together as many times the
    votes of its parts: one total written again, compared once (New Jersey's 2018 county file
    gives PEDRO MEJIA's `Total` row twice, lines 40-41, and 74,840 was said to differ from the
    37,420 of the counties). By option: the lines, the figure once, the first record. What the
    lines hold together is what both engines know: the streaming one sums rows of the same cells."""
    if total.of_options or total.subtotal:
        return {}
    lines: dict[str, list[int]] = {}
    first: dict[str, Record] = {}
    for record in total.records:
        key = option_key(record.row.candidate)
        lines.setdefault(key, []).extend((record.line, *record.same_cell_lines))
        first.setdefault(key, record)
    if all(len(at) == 1 for at in lines.values()):
        return {}
    mine, theirs = by_option(total.records), by_option(total.parts)
    if mine is None or theirs is None:
        return {}
    return {
        key: (sorted(at), theirs[key], first[key])
        for key, at in lines.items()
        if len(at) > 1 and theirs.get(key) and mine[key] == len(at) * theirs[key]
    }


def again_said(totals: list[Total]) -> str:
    """What the totals give again (`written_again`), for their `total-row` warning: "lines 40-41
    give the total of 'PEDRO MEJIA (w)' twice (74,840 together, twice the 37,420 of its parts):
    one total written again (a repeated line), compared once"."""
    said = []
    for total in totals:
        for at, once, record in written_again(total).values():
            times = "twice" if len(at) == 2 else f"{len(at)} times"
            said.append(
                f"{_lines(at)} give the total of {record.row.candidate!r} {times} "
                f"({len(at) * once:,} together, {times} the {once:,} of its parts): one total "
                "written again (a repeated line), compared once"
            )
    return "; ".join(said)
