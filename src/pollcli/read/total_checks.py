"""A total against its parts, for the totals stage (`totals`): how it differs from them
(`mismatch`), the subtotals of places beside it, and parts that hold it twice; and the warnings
about rows that may be totals by their place but are counted (`warn_counted`).

New York's county results give each race's `Statewide Total` beside `Total NYC` and `Total Outside
NYC`, places that total some of the counties: set aside with the state's total, they are subtotals,
not totals that differ from their parts. Subtotals named as places of their own (`NYC`, no total
word) are counted among the parts of the state's total, which they then hold twice: no figure is
given for such a race (`refusal`), as pollcli cannot tell which rows to count.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from typing import Final

from pollcli.columns import NOT_VALID_KINDS
from pollcli.dataclass import dataclass
from pollcli.kinds import name_key
from pollcli.problems import Code, Found
from pollcli.read.assemble import option_key
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.total_places import (
    ABOUT_SUM,
    JOINT,
    Maybe,
    add_sums,
    agreement,
    by_option,
    held_again,
)
from pollcli.read.total_words import HandOver, is_total_name

# How many lines, and options, a message names before "and N more".
SHOWN_LINES: Final[int] = 12
SHOWN_OPTIONS: Final[int] = 3
# Total words that may name a place too, as its code (Utah's Iron County: precinct `SUM`, Summit): a
# place so named that holds less than half of its parts is perhaps no total (`refusal`). A place
# named a total by any other word (`Total`, `Summe`, `Итого по району`) is one, however far off.
PLACE_CODE_TOTALS: Final[frozenset[str]] = frozenset({"sum"})
# What the refusal of such a place says (`_no_total`), by which `totals` tells it apart.
NO_TOTAL: Final[str] = "holds less than half of what its parts hold, option by option"
# How many of the largest places are tried as the subtotals that hold a total again, and how many
# subtotals at most.
TRIED: Final[int] = 2 * JOINT
SUBTOTALS: Final[int] = 3


def multiple(mine: dict[str, int] | None, theirs: dict[str, int] | None) -> int | None:
    """How many times (2 or more) the parts hold a total, option by option, give or take
    ABOUT_SUM of their votes: subtotals (a city's, the rest of the state's) counted among the
    parts of the state's total add to it twice. None when they do not."""
    whole = sum((mine or {}).values())
    if mine is None or theirs is None or whole <= 0:
        return None
    times = round(sum(theirs.values()) / whole)
    if times < 2:
        return None
    return times if agreement({k: times * v for k, v in mine.items()}, theirs) else None


def places_holding(
    wanted: dict[str, int], parts: list[Record], key: Callable[[Record], str], *, largest: bool
) -> list[str] | None:
    """The fewest places among the parts (named by `key`; at most SUBTOTALS of the TRIED largest,
    as a subtotal holds more than any of its own places) whose sums are exactly `wanted`, option
    by option; with `largest`, only the largest ones (the first few by votes), as a lone county
    that a stale total leaves out would hold its difference too. None when no such places."""
    sums = _by_place(parts, key)
    order = sorted(sums, key=lambda name: -sum(sums[name].values()))
    wanted = {k: v for k, v in wanted.items() if v}
    for size in range(1, min(SUBTOTALS, len(order) - 1) + 1):
        for chosen in [tuple(order[:size])] if largest else combinations(order[:TRIED], size):
            held: dict[str, int] = {}
            for name in chosen:
                add_sums(held, sums[name])
            if {k: v for k, v in held.items() if v} == wanted:
                return list(chosen)
    return None


def _adds_up(chosen: list[str], sums: dict[str, dict[str, int]], options: int = 3) -> bool:
    """Whether the chosen places' votes could be the sum of some of the other places', option by
    option (checked for their largest few options, each on its own: a subset sum by bitset)."""
    held: dict[str, int] = {}
    for name in chosen:
        add_sums(held, sums[name])
    others = [votes for name, votes in sums.items() if name not in chosen]
    for option in sorted(held, key=lambda k: -held[k])[:options]:
        target = held[option]
        reachable = 1
        for votes in others:
            value = votes.get(option, 0)
            if 0 < value <= target:
                reachable |= (reachable << value) & ((1 << (target + 1)) - 1)
        if not (reachable >> target) & 1:
            return False
    return True


def _by_place(parts: list[Record], key: Callable[[Record], str]) -> dict[str, dict[str, int]]:
    by_place: dict[str, list[Record]] = {}
    for record in parts:
        by_place.setdefault(key(record), []).append(record)
    return {name: by_option(rs) or {} for name, rs in by_place.items()}


def under(mine: dict[str, int] | None, theirs: dict[str, int] | None) -> bool:
    """Whether a total holds less than its parts and no option more: a subtotal of some of them."""
    if mine is None or theirs is None:
        return False
    return mine != theirs and all(v <= theirs.get(k, 0) for k, v in mine.items())


def subtotal_places(
    totals: Sequence[dict[str, int] | None], theirs: dict[str, int] | None
) -> list[bool]:
    """Which of the named totals of places of one scope (the other regions, or the units of one
    region) are subtotals of their parts (`theirs`): those that hold less than them, and no
    option more, beside a total that holds their sum (`Total NYC` beside `Statewide Total`), or
    that hold their sum together (`Total NYC` and `Total Outside NYC`)."""
    if len(totals) < 2 or theirs is None:
        return [False] * len(totals)
    whole = any(agreement(sums, theirs) for sums in totals)
    lesser = [under(sums, theirs) for sums in totals]
    together: dict[str, int] = {}
    for sums, less in zip(totals, lesser, strict=True):
        if less:
            add_sums(together, sums or {})
    if whole or agreement(together, theirs) == "exact":
        return lesser
    return [False] * len(totals)


def after_its_units(
    records: Sequence[Record], parts: Sequence[Record], totals: Sequence[Record]
) -> bool:
    """Whether a named total of units holds less than its parts (`under`) and, row by row, the
    sum of its option's rows listed right before it, back to an earlier total's row of the option
    (`totals`) or to the first (New York's Tompkins County: `TOTAL WARD 1` after the ward's
    districts, `CITY TOTAL` after the five wards), short of some option's rows: a subtotal of
    those units, whatever the region's whole total holds (a county total above its districts)."""
    if not under(by_option(records), by_option(parts)):
        return False

    def key(record: Record) -> tuple[str, str]:
        return option_key(record.row.candidate), record.row.party or ""

    rows: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for part in parts:
        rows.setdefault(key(part), []).append((part.line, part.votes or 0))
    stops: dict[tuple[str, str], list[int]] = {}
    for total in totals:
        stops.setdefault(key(total), []).append(total.line)
    some = False  # (a run short of its option's rows: one that holds them all is a total)
    for record in records:
        mine, line = key(record), record.line
        starts = [*sorted((s for s in stops.get(mine, []) if s < line), reverse=True), 0]
        runs = [[v for at, v in rows.get(mine, []) if start < at < line] for start in starts]
        run = next((run for run in runs if sum(run) == record.votes), None)
        if run is None:
            return False
        some = some or len(run) < len(rows.get(mine, []))
    return some


def refusal(
    name: str,
    lines: str,
    records: list[Record],
    parts: list[Record],
    wide: bool,
    column: str | None,
) -> str | None:
    """Why a total's race is left out when its parts hold more than it, beyond ABOUT_SUM, as
    subtotals counted among them would: twice or more (`multiple`), or more by exactly what the
    largest places hold (`places_holding`). What they hold, the places that probably are
    subtotals, and what to do; None when the parts are not so (their mismatch is a warning)."""
    mine, theirs = by_option(records), by_option(parts)
    if mine is None or theirs is None or sum(mine.values()) <= 0:
        return None
    times = multiple(mine, theirs)
    excess = {k: theirs.get(k, 0) - mine.get(k, 0) for k in {*mine, *theirs}}
    more = sum(excess.values())
    if times is None and (
        min(excess.values()) < 0
        or more <= ABOUT_SUM * sum(mine.values())
        # A total of some options only (New Hampshire's `TOTALS` row of the scattered votes
        # alone) says nothing of the others.
        or any(votes and option not in mine for option, votes in theirs.items())
    ):
        return None
    if not wide and any(r.summed for r in parts):
        # The streaming engine's precincts are summed: which of them hold the excess, the exact
        # engine tells (a race refused, or counted with the mismatch warning, as it finds them).
        raise HandOver

    def key(record: Record) -> str:
        return (record.row.region if wide else record.row.unit) or ""

    which = places_holding(excess, parts, key, largest=times is None)
    if which is not None and times is None and not _adds_up(which, _by_place(parts, key)):
        # A largest county a stale total leaves out holds its difference too: a subtotal also
        # holds some of the other places' sum (New York's NYC, its five boroughs; review).
        return None
    if which is None and times is not None:
        which = places_holding(
            {k: (times - 1) * v for k, v in mine.items()}, parts, key, largest=False
        )
    col = column or ("region" if wide else "unit")
    if which is None and times is None:
        # (A place named `Total`, `Summe`… is one, however far off; `SUM` may be a precinct.)
        own = (records[0].row.region if wide else records[0].row.unit) or ""
        far = all(2 * votes <= theirs.get(option, 0) for option, votes in mine.items())
        if far and name_key(own) in PLACE_CODE_TOTALS:
            names = {option_key(r.row.candidate): r.row.candidate for r in (*parts, *records)}
            return _no_total(name, lines, mine, theirs, col, names)
        return None
    counted = "twice" if times in (None, 2) else f"{times} times"
    said = f"the total {name} ({lines}) holds {sum(mine.values()):,} votes and its parts " + (
        f"{times}× as many, option by option: rows are counted {counted}, "
        if times
        else f"{sum(theirs.values()):,}, {more:,} more: rows are counted twice, "
    )
    if which is None:
        sums = _by_place(parts, key)
        places = ", ".join(map(repr, sorted(sums, key=lambda p: -sum(sums[p].values()))[:3]))
        return (
            f"{said}subtotals among the places, or places listed twice (pollcli cannot tell "
            f"which; the largest: {places}); the race is left out rather than counted {counted}: "
            f"name subtotal places' {col!r} cells as totals ('Total …') and pollcli sets them aside"
        )
    places = ", ".join(map(repr, which))
    held = (
        f"the total {'again' if times == 2 else f'{times - 1} times'}"
        if times
        else "exactly the difference, option by option"
    )
    keep = " ".join(f"--where {shlex.quote(f'{col}={place}')}" for place in which)
    return (
        f"{said}probably subtotals among the places: {places} "
        f"{'hold' if len(which) > 1 else 'holds'} {held}; the race is left out rather than "
        f"counted {counted}. If they are subtotals, name their {col!r} cells as totals "
        f"('Total {which[0]}') and pollcli sets them aside"
        + (
            f", or count the race from them alone: {keep} (and --race for this race alone)"
            if times == 2 and excess == {k: mine.get(k, 0) for k in excess}
            else ""
        )
    )


def _no_total(
    name: str,
    lines: str,
    mine: dict[str, int],
    theirs: dict[str, int],
    col: str,
    names: dict[str, str],
) -> str:
    """Why a race is left out whose total holds less than half of its parts on every option: it
    is no total of them (Utah's Iron County 2022: its precinct `SUM`, Summit, named as a total)."""
    largest = sorted(mine, key=lambda option: -theirs.get(option, 0))[:SHOWN_OPTIONS]
    shown = "; ".join(f"{names[k]} {mine[k]:,} of {theirs.get(k, 0):,}" for k in largest)
    return (
        f"the total {name} ({lines}) {NO_TOTAL} ({shown}): it is no total of them, but perhaps "
        f"a {col} of its own named like a "
        "total (a precinct's code), which pollcli would leave out; the race is left out rather "
        f"than counted without it. If it is a {col} of its own, give it another name in the "
        "file; if it is a total of some of its parts, remove its rows"
    )


def breakdowns(
    name: str,
    lines: str,
    records: list[Record],
    parts: list[Record],
    wide: bool,
    column: str | None,
) -> str | None:
    """Why the race of a unit named like its region is left out when the other units of its
    region hold its figures k times (`total_places.held_again`: breakdowns of it laid over the
    precincts, as California's statements of the vote give them), and how to count the race from
    that total alone; None for one that differs from its parts otherwise. (`wide` is always
    False: such a unit totals its own region's units.)"""
    mine = by_option(records) or {}
    own = [r for r in parts if option_key(r.row.candidate) in mine]
    said = refusal(name, lines, records, own, wide, column)
    if said is None or not held_again(mine, by_option(own) or {}):
        return said
    where = shlex.quote(f"{column or 'unit'}={records[0].row.unit or ''}")
    return (
        f"{said}; or count the race from its total alone: --where {where} (and --race for "
        "this race alone)"
    )


def mismatch(
    records: list[Record], parts: list[Record], *, of_options: bool, own_options: bool
) -> str | None:
    """How a total's rows differ from the sum of their parts (both sums), or None when they do
    not (or cannot be compared: a share without votes). `of_options`: the total is one figure for
    all the other options of its unit (a `Total Votes` line); `own_options`: it is checked on the
    options it lists only."""
    if of_options:
        figure = records[0].votes
        every = [r.votes for r in parts]
        if figure is None or None in every:
            return None
        valid = sum(r.votes or 0 for r in parts if r.row.kind not in NOT_VALID_KINDS)
        if figure in (sum(v or 0 for v in every), valid):
            return None
        return f"{figure:,} in the total row, {sum(v or 0 for v in every):,} in its unit's options"
    mine = by_option(records)
    theirs = by_option(parts)
    if mine is None or theirs is None:
        return None
    names = {option_key(r.row.candidate): r.row.candidate for r in (*parts, *records)}
    # A total option on a total row (a wide table's `Total` column on its `Total` row, named so
    # under a header over rows too: the NEC's `후보자별 득표수 / 계`): its parts are totals of their
    # own class, so it is checked against the other options of its row.
    inner = {k for k in mine if k not in theirs and is_total_name(names[k].rpartition(" / ")[2])}
    said: list[str] = []
    for key in dict.fromkeys([*mine, *theirs]):
        own, held = mine.get(key), theirs.get(key, 0)
        if key in inner:
            rows = [r for r in records if option_key(r.row.candidate) not in inner]
            other = sum(r.votes or 0 for r in rows)
            valid = sum(r.votes or 0 for r in rows if r.row.kind not in NOT_VALID_KINDS)
            if own not in (other, valid):
                said.append(
                    f"{names[key]} (a total of the row's other options) {own:,} in the total "
                    f"row, {other:,} in its other options"
                )
        elif (own or 0) != held and (own is not None or not own_options):
            shown = "—" if own is None else f"{own:,}"
            said.append(f"{names[key]} {shown} in the total row, {held:,} in the parts")
    if not said:
        return None
    more = len(said) - SHOWN_OPTIONS
    return "; ".join(said[:SHOWN_OPTIONS]) + (f"; and {more:,} more option(s)" if more > 0 else "")


def rows_text(count: int) -> str:
    return f"{count:,} row" if count == 1 else f"{count:,} rows"


def names_text(records: list[Record]) -> str:
    """The records' option names, quoted: the first few, and how many more."""
    names = [repr(r.row.candidate) for r in records]
    if len(names) > SHOWN_OPTIONS + 1:
        return f"{', '.join(names[:SHOWN_OPTIONS])} and {len(names) - SHOWN_OPTIONS:,} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def unit_alone(columns: ColumnMap, region: str, unit: str) -> str:
    """The options that read a unit's rows alone: `--where region=R --where unit=U` (its region
    too: a unit's name may stand in other regions), each quoted for a shell."""
    cells = [(columns.header_of("region"), region), (columns.header_of("unit"), unit)]
    return " ".join(f"--where {shlex.quote(f'{k}={v}')}" for k, v in cells if k and v)


def lines_text(lines: list[int]) -> str:
    """`line 4`, `lines 2–27`, `lines 2, 5, 9–12 and 40 more`."""
    spans: list[tuple[int, int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], line)
        else:
            spans.append((line, line))
    shown = [f"{a:,}" if a == b else f"{a:,}–{b:,}" for a, b in spans[:SHOWN_LINES]]
    more = len(spans) - SHOWN_LINES
    text = ", ".join(shown) + (f" and {more:,} more" if more > 0 else "")
    return f"line {text}" if len(lines) == 1 else f"lines {text}"


def quoted_units(units: Iterable[str]) -> str:
    """Units' names, quoted: the first few, and how many more (`'Auburn W1', 'Auburn W2'`)."""
    listed = list(units)
    shown = ", ".join(repr(u) for u in listed[:SHOWN_OPTIONS])
    more = len(listed) - SHOWN_OPTIONS
    return shown + (f" and {more:,} more" if more > 0 else "")


def warn_counted(label: str, counted: list[Maybe], columns: ColumnMap, found: Found) -> None:
    """A `total-row` warning per kind of rows that may be totals by their place but are counted:
    what they hold against what they would total, and what to do if they are totals."""
    unit_column = columns.header_of("unit") or "unit"
    region_column = columns.header_of("region") or "region"
    for kind in ("blank", "blank region", "whole", "like"):
        these = [m for m in counted if m.kind == kind]
        if not these:
            continue
        lines = sorted(
            {line for m in these for r in m.records for line in (r.line, *r.same_cell_lines)}
        )
        rows = f"{rows_text(len(lines))} ({lines_text(lines)})"
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
        elif kind == "whole":
            message = (
                f"{these[0].region!r} in column {region_column!r} is named as the whole but does "
                f"not hold the other regions' total (election {label!r}): {rows} counted as a "
                f"region of its own ({these[0].votes:,} votes, the other regions "
                f"{these[0].theirs:,}); if it is a total, its votes are counted twice: name "
                f"its {region_column!r} TOTAL"
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
        column = columns.header_of("region" if kind in ("blank region", "whole") else "unit")
        found.warn(Code.TOTAL_ROW, lines[0], message, column=column)


# Totals each more than their unit's options beyond which they are said in one warning, not one
# each (a total column beside some parties only: Poland's 2006 `totalG`, 25,000 rows).
MANY_OVER: Final[int] = 3


@dataclass
class Mismatch:
    """A total that differs from the sum of its parts, as its warning says it."""

    lines: list[int]
    name: str
    said: str  # how (`mismatch`)
    hint: str  # what to do if it is no total
    error: str | None = None  # a refusal instead (a total counted twice among its parts)
    over: tuple[int, int] | None = None  # (the total, its options' sum) where it is more


def over_parts(records: list[Record], parts: list[Record]) -> tuple[int, int] | None:
    """A total of its unit's options (a `Total Votes` line) and their sum, where it is more and
    they hold votes (a total over no option's figure is said on its own)."""
    figure, every = records[0].votes, [r.votes for r in parts]
    if figure is None or None in every or not 0 < sum(v or 0 for v in every) < figure:
        return None
    return figure, sum(v or 0 for v in every)


def warn_mismatches(mismatches: list[Mismatch], column: str | None, found: Found) -> None:
    """A `total-mismatch` for each total that differs from the sum of its parts; more than
    `MANY_OVER` totals that each hold more than their unit's options are one warning (options the
    file does not list?), with the first, their lines and the votes they hold over."""
    over = [m for m in mismatches if m.error is None and m.over is not None]
    over = over if len(over) > MANY_OVER else []
    for m in mismatches:
        if m.error:
            found.add(Code.TOTAL_MISMATCH, m.lines[0], m.error, column=column)
        elif m not in over:
            found.warn(
                Code.TOTAL_MISMATCH,
                m.lines[0],
                f"the total {m.name} ({lines_text(m.lines)}) differs from the sum of its parts: "
                f"{m.said}; the parts are counted: check the file{m.hint}",
                column=column,
            )
    if over:
        first = over[0]
        held = sum(m.over[0] - m.over[1] for m in over if m.over)
        found.warn(
            Code.TOTAL_MISMATCH,
            first.lines[0],
            f"{len(over):,} totals hold more than the sum of their unit's options "
            f"({lines_text(sorted(m.lines[0] for m in over))}; the first, {first.name}: "
            f"{first.said}), {held:,} votes in all: votes of options the file does not list "
            "(other parties, blank or void ballots)? The parts are counted, and the shares are of "
            f"them: check the file{first.hint}",
            column=column,
        )
