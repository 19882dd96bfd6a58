"""Breakdowns laid over the precincts, told by their figures: a stage around the totals stage
(`totals.stage`), in both engines.

California's statements of the vote list, after each candidate's precincts, the same votes again
by district: `Congressional:12`, `Congressional:14`, `Senatorial:11`, `Assembly:17` (Riverside:
`36th Congressional`, `23rd Senatorial`, then `City of Banning`… and `Unincorporated Area`). Each
family of such units is a partition of the area the precincts cover; counted as precincts, the race
was counted four to six times, without a word (San Francisco's Superintendent of Public Instruction:
Tuck 488,885, five times his votes). The stage runs before the totals stage on the units that may be
no totals (setting aside only), so that the county's own row among them (`SAN FRANCISCO CA`) then
holds its precincts' sum once, a total as ever; and after it on what it keeps (where the county's row
is held several times, the totals stage refuses the race: `total_checks.breakdowns`).

A race's units, region by region, fall into families by their name's stem (digits, ordinals and
punctuation aside: `Congressional:12` and `36th Congressional ` → congressional, `Pct 1101` → pct);
the units of no shared stem and no digit may form one leftover family (`City of …`, `Unincorporated
Area`). Families that hold, option by option, exactly the same sums (every option, two at least,
SAME_SUM votes) are breakdowns of the race when the other units, the precincts, hold exactly those
sums too (where the precincts are one of those families, the one of the most units): they are set
aside with a `total-row` warning that names them. Never on a near match: when two families or more
hold the same sums but the other units do not (rows of precincts missing from the file), which
figures are the race's cannot be told, and the race is refused with a `total-mismatch` error naming
the rows to count it from (`--where`) — when each family holds about as much as the precincts
(`_COMPARABLE`), as two wards may hold the same votes by chance.

Only units the streaming engine sees apart are set aside: those named as breakdowns
(`total_words.breakdown_names`: the engine hands such a file to the exact engine, as the exact
engine's sums per region do, `read/rowcolumns`) or as totals may be (`suspect_record`, kept apart:
New Hampshire's `HILLSBOROUGH02`, a floterial district's total after its towns). The units it sums
are precincts. So both engines give one answer.
"""

from __future__ import annotations

import functools
import re
import shlex
from collections.abc import Callable, Iterable
from functools import lru_cache

from pollcli.columns import option_key
from pollcli.dataclass import dataclass
from pollcli.problems import Code, Found
from pollcli.read import level_totals, name_totals, sum_totals, zero_codes
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.total_checks import SHOWN_OPTIONS, lines_text, quoted_units, rows_text
from pollcli.read.total_places import SAME_SUM, SUMMED_UNITS, by_option, place
from pollcli.read.total_words import (
    breakdown_unit,
    name_key,
    named_like,
    region_start,
    suspect_record,
)

Stage = Callable[[str, list[Record]], list[Record]]
Sums = dict[str, int]


def stage(totals: Stage, columns: ColumnMap, found: Found) -> Stage:
    """The totals stage between two passes of `set_aside`: the first before it, on the units
    that may be no totals (`total_words.suspect_record`), setting aside only; the second on the
    records it keeps (not of a race it refused)."""

    def both(label: str, records: list[Record]) -> list[Record]:
        if _one_unit(records):  # (no region of it holds two units: only a unit of every region's)
            kept = sum_totals.race_total(label, totals(label, records), columns, found, records)
            return level_totals.regions_aside(label, kept, columns, found)  # (a place's levels)
        errors = found.errors
        # Units of several codes, zeros standing for all: the levels above the finest set aside.
        records = zero_codes.units_aside(label, records, columns, found)
        if found.errors > errors:
            return records
        # First the breakdowns certain without the rows that may be totals, so that the county's
        # own row (`SAN FRANCISCO CA`) is judged against its precincts alone.
        first = set_aside(label, records, columns, found, first=True)
        # A city listed whole, as its wards and as `City` (`name_totals`): before the county's
        # total row is checked against its parts.
        first = name_totals.set_aside(label, first, columns, found)
        errors = found.errors
        kept = totals(label, first)
        if found.errors > errors:
            return kept
        # Last, a unit that holds its region's other units' sums under a name no rule knows.
        checked = set_aside(label, kept, columns, found)
        return sum_totals.set_aside(label, checked, columns, found, before=records)

    return both


def _one_unit(records: list[Record]) -> bool:
    """Whether the race's records are all of one unit (`place`): then no region of it holds two
    units, and neither `_region` nor `sum_totals.set_aside` (three at least) sets anything aside
    but `sum_totals.race_total` (a unit of every region's units, which summed units may hide)
    (a file of many races and no unit column, a million records). A unit's cell or, where blank,
    whether the streaming engine summed the record tells its place's unit, so fewer of those
    than two are fewer units than two."""
    first = records[0].row.unit or records[0].summed if records else None
    return all((r.row.unit or r.summed) == first for r in records)


def set_aside(
    label: str, records: list[Record], columns: ColumnMap, found: Found, *, first: bool = False
) -> list[Record]:
    """One election's records without the breakdowns laid over its precincts, region by region;
    a `total-row` warning naming those set aside, or a `total-mismatch` error when breakdowns are
    certain but the precincts do not hold their sums (`first`: the rows that may be totals left
    to the totals stage, and no race refused)."""
    by_region: dict[str, list[Record]] = {}
    maybe: dict[tuple[str, str], bool] = {}
    for record in records:
        if record.row.fact is not None:
            continue
        if first:
            at = place(record)
            if at not in maybe:
                maybe[at] = suspect_record(record)
            if maybe[at]:
                continue
        by_region.setdefault(record.row.region or "", []).append(record)
    # Two options at least in the race (a region may list one: Riverside's rows of one candidate
    # under `Riverside County`, the other's under `Riverside`), by their names as written.
    names = {option_key(r.row.candidate): r.row.candidate for g in by_region.values() for r in g}
    if len(names) < 2:
        return records
    # The regions where the race lists one option are judged together (Riverside's two
    # spellings of one county, a candidate each).
    lone = [r for g in by_region.values() if len({r.row.candidate for r in g}) < 2 for r in g]
    groups = {k: g for k, g in by_region.items() if len({r.row.candidate for r in g}) >= 2}
    aside: set[int] = set()
    for region, group in [*groups.items(), *([("", lone)] if lone else [])]:
        aside |= _region(_Race(label, region, columns, names, found, first), group)
    return [r for r in records if id(r) not in aside] if aside else records


@dataclass(frozen=True)
class _Race:
    """What the messages of one region of a race name."""

    label: str
    region: str
    columns: ColumnMap
    names: dict[str, str]  # the options' names as written, by `option_key`
    found: Found
    first: bool  # before the totals stage: breakdowns set aside, no race refused

    @property
    def column(self) -> str:
        return self.columns.header_of("unit") or "unit"

    def figures(self, sums: Sums | None) -> str:
        shown = sorted((sums or {}).items(), key=lambda kv: -kv[1])[:SHOWN_OPTIONS]
        return ", ".join(f"{self.names.get(k, k)} {v:,}" for k, v in shown) or "no votes"


@lru_cache(maxsize=1 << 14)
def stem(unit: str) -> str:
    """A unit's name without its digits, ordinals and punctuation: its family's name."""
    return " ".join(_number().sub(" ", name_key(unit)).split())


@functools.cache
def _number() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"\d+(?:st|nd|rd|th)?\b|\d+")


_DIGIT = re.compile(r"\d")
# Families alike whose precincts differ refuse the race only when each holds about as much as the
# precincts, at least a third of what they hold (breakdowns, each the whole race): two wards of a
# county may hold the same votes by chance.
_COMPARABLE = 3


def _region(race: _Race, group: list[Record]) -> set[int]:
    """The ids of the records of one region's breakdowns, set aside (or none, the race refused).
    The units the streaming engine summed (`Record.summed`: those it keeps no apart, never named
    as breakdowns, `total_words.breakdown_names`) are precincts, as blank ones are."""
    if any(r.votes is None for r in group):
        return set()
    units: dict[str, list[Record]] = {}
    for record in group:
        units.setdefault(place(record)[1], []).append(record)
    if len(units) < 2:
        return set()
    families: dict[str, list[str]] = {}
    for unit in units:
        if unit.strip() and unit != SUMMED_UNITS:  # (a blank unit is the totals stage's)
            families.setdefault(stem(unit), []).append(unit)
    # Only units the streaming engine keeps apart, or hands over, are set aside (by their names:
    # `total_words.breakdown_unit`, `suspect_record`), so that both engines give one answer.
    seen = {
        u for m in families.values() for u in m if breakdown_unit(u) or suspect_record(units[u][0])
    }

    def sums(names: Iterable[str]) -> Sums:
        return _nonzero(by_option(r for u in names for r in units[u]) or {})

    alike: dict[frozenset[tuple[str, int]], list[str]] = {}
    for name, members in families.items():
        if not seen.issuperset(members):
            continue
        votes = sums(members)
        if len(votes) >= 2 and sum(votes.values()) >= SAME_SUM:
            alike.setdefault(frozenset(votes.items()), []).append(name)
    if not alike:
        return set()
    whole = sums(units)
    # The units of no shared stem and no digit: one leftover family (`City of …`), less those
    # of the families looked at (summed once, as a region may have thousands of such units).
    lone = [
        u for m in families.values() if len(m) == 1 for u in m if not _DIGIT.search(u) and u in seen
    ]
    lone_sums = sums(lone)
    for key, alikes in sorted(
        alike.items(), key=lambda kv: (-len(kv[1]), -sum(dict(kv[0]).values()))
    ):
        these = dict(key)
        mine = {u for n in alikes for u in families[n]} & set(lone) if lone else set()
        left_sums = _minus(lone_sums, sums(mine), 1) if mine else lone_sums
        held = {n: families[n] for n in alikes}
        if len(lone) > len(mine) and left_sums == these:
            held[_LEFTOVER] = [u for u in lone if u not in mine]
        rest = _minus(whole, these, len(held))
        precincts: str | None = None
        if rest == these:
            pass
        elif not rest and rest is not None and len(held) >= 2:
            precincts = _precincts(held, race.region)
            if precincts is None:
                _refuse(race, these, rest, alikes, families, units)
                return set()
        elif len(held) >= 2 and sum((rest or {}).values()) <= _COMPARABLE * sum(these.values()):
            _refuse(race, these, rest, alikes, families, units)
            return set()
        else:
            continue
        aside = [u for n, members in held.items() if n != precincts for u in members]
        _warn(race, these, aside, units, len(held) - (precincts is not None))
        return {id(r) for u in aside for r in units[u]}
    return set()


# The leftover family's name among the families alike (no stem's).
_LEFTOVER = "\x01"


def _precincts(held: dict[str, list[str]], region: str) -> str | None:
    """Which of the families alike are the precincts, when the race has no other units: the
    family of the most units (none named as its region is, `HILLSBOROUGH02`, `CHESHIRE 14
    (1)FL`: a district's total); None when that does not tell."""
    most = max(len(members) for members in held.values())
    widest = [n for n, members in held.items() if len(members) == most]
    if len(widest) > 1:
        widest = [n for n in widest if not any(region_start(u, region) for u in held[n])]
    return widest[0] if len(widest) == 1 else None


def _nonzero(sums: Sums) -> Sums:
    return {k: v for k, v in sums.items() if v}


def _minus(whole: Sums, these: Sums, times: int) -> Sums | None:
    """`whole` less `times` times `these`, its options of no votes left out; None when an option
    would fall below 0."""
    out = dict(whole)
    for key, votes in these.items():
        out[key] = out.get(key, 0) - times * votes
    if any(v < 0 for v in out.values()):
        return None
    return _nonzero(out)


def _lines(units: list[str], by_unit: dict[str, list[Record]]) -> list[int]:
    return sorted(
        {line for u in units for r in by_unit[u] for line in (r.line, *r.same_cell_lines)}
    )


def _warn(
    race: _Race, these: Sums, aside: list[str], units: dict[str, list[Record]], families: int
) -> None:
    lines = _lines(aside, units)
    each = f"each of their {families} families" if families > 1 else "they"
    race.found.warn(
        Code.TOTAL_ROW,
        lines[0],
        f"{quoted_units(aside)} in column {race.column!r} {'are' if len(aside) > 1 else 'is'} "
        f"breakdowns of the race laid over its precincts, or its total (election {race.label!r}): "
        f"{rows_text(len(lines))} ({lines_text(lines)}) set aside, not added to their parts; "
        f"{each} (units of one name but for their numbers) hold{'s' if families > 1 else ''} "
        f"exactly the precincts' sum, option by option ({race.figures(these)}): they equal the "
        "sum of their parts",
        column=race.columns.header_of("unit"),
        # (Counted with the file's routine totals, each equal to its parts: `totals.set_aside`.)
        routine=len(lines),
    )


def _refuse(
    race: _Race,
    these: Sums,
    rest: Sums | None,
    alikes: list[str],
    families: dict[str, list[str]],
    units: dict[str, list[Record]],
) -> None:
    """The race refused: families hold the same sums, the other units others (not before the
    totals stage: its county row may say more)."""
    if race.first:
        return
    held = [u for n in alikes for u in families[n]]
    lines = _lines(held, units)
    # Counted from the breakdown of the fewest rows, the county's own where it stands among them.
    fewest = min(
        alikes, key=lambda n: (not named_like(families[n][0], race.region), len(families[n]))
    )
    where = " ".join(f"--where {shlex.quote(f'{race.column}={u}')}" for u in families[fewest])
    others = "do not hold those sums" if rest is None else f"hold {race.figures(rest)}"
    race.found.add(
        Code.TOTAL_MISMATCH,
        lines[0],
        f"{quoted_units(held)} ({lines_text(lines)}) hold, family by family (units of one name but for "
        f"their numbers), the same votes option by option ({race.figures(these)}): breakdowns of "
        f"the race (election {race.label!r}) laid over its precincts, each counting it again; but "
        f"the other units {others}, so which figures are the race's cannot be told; the race is "
        f"left out rather than counted {len(alikes) + 1} times or more: count it from one "
        f"breakdown alone: {where} (and --race for this race alone), or check the file",
        column=race.columns.header_of("unit"),
    )
