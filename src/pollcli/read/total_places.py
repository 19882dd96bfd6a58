"""Rows that may be totals by their place, told by their figures, for the totals stage (`totals`).

A blank precinct beside named ones may be its county's total (Georgia) or the county's absentee votes;
a precinct named like its county may be the county's total (`BELKNAP`, `COOS NH'`) or its seat (the
town of Grafton in Grafton County); a blank county beside named ones may be the state's total (West
Virginia) or its votes from abroad. Such rows are a total only when they hold the sum of what they
would total: about it (`ABOUT_SUM`), or exactly for a unit named like its region, as a county seat may
hold about half of its county; or its very votes in all, listed otherwise (`SAME_SUM`). The rows of one region are judged together (`judge`): a county's row
beside a town of its name is its total only with the town among its parts, and a county's two total
rows (New Hampshire's summary and its row among its towns) only without each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Final, Literal

from pollcli.dataclass import dataclass
from pollcli.numbers import parse_votes
from pollcli.problems import Code, Found
from pollcli.read.assemble import option_key
from pollcli.read.header import NAME_PARTS, ColumnMap
from pollcli.read.records import Record
from pollcli.read.total_words import is_total_name, name_key

# Rows that may be a total by their place (a blank unit or region, a total alone in its region) are
# one when they hold about the sum of what they would total: option by option, their figures differ
# from it by at most this part of its votes in all. (A unit named like its region must hold it
# exactly: a county seat may well hold about half of its county.)
ABOUT_SUM: Final[float] = 0.05
# Rows that may be totals in one region are judged together, every set of them, up to this many;
# beyond, each is judged with the others set aside.
JOINT: Final[int] = 6
# Rows that may be a total by their place that hold exactly the votes of what they would total in
# all, though not option by option (an option of the parts under another name in the total:
# Indiana's Howard County 2016), are that total too, with their mismatch, once it has this many votes: fewer
# may be equal by chance (absentee votes as many as the precincts'). Counted as a unit, every vote
# would be counted twice.
SAME_SUM: Final[int] = 100
# Regions named as the whole of what the file's regions divide (`total_words.name_key` of the
# cell): a state's row among its counties (`Statewide`), a country's among its provinces. A total
# when it holds about the others' sum; else votes of its own (a state's overseas ballots).
WHOLE_WORDS: Final[frozenset[str]] = frozenset(
    {"statewide", "state wide", "entire state", "whole state", "all counties", "all precincts"}
    | {"countywide", "county wide", "citywide", "city wide", "districtwide", "district wide"}
    | {"nationwide", "national", "all regions", "all districts", "all parishes", "all wards"}
    | {"provincewide", "province wide", "all provinces", "all constituencies"}
)

# "multiple": a unit named like its region whose region's other units hold its figures exactly k
# times (k of 2 or more), option by option: its total, beside breakdowns of it laid over the units
# (California's statements of the vote: `SAN FRANCISCO CA`, then `Congressional:12`,
# `Senatorial:11`… after the precincts), which the totals stage then refuses to count k times.
Agreement = Literal["exact", "close", "multiple"]


@dataclass(frozen=True)
class Marked:
    """A row the layout stage knows to be a total: why, and the lines of the rows it totals."""

    reason: str
    parts: frozenset[int]


@dataclass(eq=False)
class Maybe:
    """Rows that may be a total by their place, told by their figures: a blank unit ("blank"), a
    unit named like its region ("like"), a blank region ("blank region"), a unit named as a total
    alone in its region ("alone"), a region named as the whole (`WHOLE_WORDS`: "whole") or one of
    exactly half the race's votes ("half"; the last four would total the other regions)."""

    kind: Literal["blank", "like", "blank region", "alone", "whole", "half"]
    region: str
    unit: str
    records: list[Record]
    # How they agree with what they would total, and its votes, once judged.
    agreement: Agreement | None = None
    theirs: int = 0

    def __post_init__(self) -> None:
        self.sums = by_option(self.records)

    @property
    def wide(self) -> bool:
        """Whether the rows would total the other regions (not the units of their own)."""
        return self.kind in ("blank region", "alone", "whole", "half")

    @property
    def votes(self) -> int:
        return sum((self.sums or {}).values())


# The unit of a record that sums named units of its region (the streaming engine's, `Record.summed`):
# a place of its own, never blank, never a total's name nor named like a region. The engine keeps
# every row whose unit may be a total apart, so these hold no total.
SUMMED_UNITS: Final[str] = "\x00"


def place(record: Record) -> tuple[str, str]:
    """A record's region and unit, blank when not given."""
    return record.row.region or "", record.row.unit or (SUMMED_UNITS if record.summed else "")


Places = dict[str, dict[str, list[Record]]]


def by_unit(records: list[Record]) -> tuple[Places, dict[tuple[str, str], list[Record]]]:
    """A race's records of options by region and unit, and its rows of a fact (a race's `Votes
    Cast`) by place (`place`): what `sum_totals` and `name_totals` judge units by."""
    by_region: Places = {}
    facts: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        if record.row.fact is None:
            region, unit = place(record)
            by_region.setdefault(region, {}).setdefault(unit, []).append(record)
        else:
            facts.setdefault(place(record), []).append(record)
    return by_region, facts


def judge(records: list[Record], definite: set[int], maybes: list[Maybe]) -> list[Maybe]:
    """The rows among `maybes` that are totals: first those of the units of each region, then
    those that would total the other regions, with the units found to be no totals counted among
    their regions."""
    taken = definite | {id(r) for m in maybes for r in m.records}
    plain: dict[str, list[Record]] = {}
    for record in records:
        if id(record) not in taken:
            plain.setdefault(place(record)[0], []).append(record)
    local: dict[str, list[Maybe]] = {}
    for maybe in maybes:
        if not maybe.wide:
            local.setdefault(maybe.region, []).append(maybe)
    given: dict[str, list[Record]] = {}  # each region's own total rows (`TOTAL` among its units)
    for record in records:
        if (
            id(record) in definite
            and is_total_name(place(record)[1], place=True)
            and not is_total_name(record.row.candidate)  # (its `TOTALS` of the options)
        ):
            given.setdefault(place(record)[0], []).append(record)
    totals: list[Maybe] = []
    for region, group in local.items():
        if region in given and parts_of_total(plain.get(region, []), group, given[region]):
            plain.setdefault(region, []).extend(r for m in group for r in m.records)
            continue
        found = _settle(group, {region: by_option(plain.get(region, []))})
        totals += found
        units = plain.setdefault(region, [])
        units += [r for m in group if m not in found for r in m.records]
    wide = [m for m in maybes if m.wide]
    if wide:
        totals += _settle(wide, {region: by_option(rs) for region, rs in plain.items()})
    return totals


def parts_of_total(units: list[Record], group: list[Maybe], total: list[Record]) -> bool:
    """Whether a region's own total row holds, option by option, exactly the sums of its units with
    the rows that may be totals among them: then none is (North Dakota's `Rolette #5` in Rolette,
    whose 1 vote its other precincts held by chance, counted by the county's `TOTAL`)."""
    sums = by_option([*units, *(r for m in group for r in m.records)])
    held = by_option(total)
    if sums is None or not held or not any(held.values()):
        return False
    return {k: v for k, v in held.items() if v} == {k: v for k, v in sums.items() if v}


def _settle(maybes: list[Maybe], plain: Mapping[str, dict[str, int] | None]) -> list[Maybe]:
    """Which of `maybes` are totals: the most of them of which each holds the sum of the units it
    would total, the others counted among those units (exact agreements first among as many).
    Judged together, as a county's row beside a town of its name is a total only with the town
    among its units, and a county's two total rows (a summary and its row among its towns) only
    without each other. `plain`: the sums of the other units, by region; None where a row has no
    votes: a blank unit or region is then a total, as it cannot be told."""
    if any(m.sums is None for m in maybes) or any(s is None for s in plain.values()):
        return [m for m in maybes if m.kind in ("blank", "blank region")]

    # What each row would total, without the rows taken for totals: the units of its region, or
    # the other regions. Summed once per set of totals and taken apart per row (a file of
    # thousands of counties given only as `TOTALS` is thousands of rows here).
    whole: dict[str, int] = {}
    for sums in plain.values():
        add_sums(whole, sums or {})
    filled = sum(1 for sums in plain.values() if sums)
    free: dict[
        tuple[int, ...], tuple[dict[str, dict[str, int]], dict[str, int], int, dict[str, int]]
    ] = {}

    def units(i: int, totals: tuple[int, ...]) -> tuple[dict[str, int], bool]:
        """The sums of what row `i` would total, and whether there is any of it."""
        if totals not in free:
            taken = set(totals)
            by_region: dict[str, dict[str, int]] = {}
            rows: dict[str, int] = {}
            for j, m in enumerate(maybes):
                if j not in taken:
                    add_sums(by_region.setdefault(m.region, {}), m.sums or {})
                    rows[m.region] = rows.get(m.region, 0) + 1
            every: dict[str, int] = {}  # (all of them: each row's own region taken out below)
            for bucket in by_region.values():
                add_sums(every, bucket)
            free[totals] = by_region, rows, len(maybes) - len(taken), every
        by_region, rows, left, every = free[totals]
        me = maybes[i]
        own = plain.get(me.region) or {}
        mine = by_region.get(me.region, {})
        sums: dict[str, int] = {}
        if me.wide:
            # Every other region: all of them but its own (where it stands itself, if not taken).
            add_sums(sums, whole)
            add_sums(sums, own, -1)
            add_sums(sums, every)
            add_sums(sums, mine, -1)
            anything = filled - bool(own) + left - rows.get(me.region, 0) > 0
        else:
            add_sums(sums, own)
            add_sums(sums, mine)
            alone = i not in totals
            if alone:
                add_sums(sums, me.sums or {}, -1)
            anything = bool(own) or rows.get(me.region, 0) - alone > 0
        return sums, anything

    def level(i: int, totals: tuple[int, ...]) -> Agreement | None:
        theirs, anything = units(i, totals)
        got = judged(maybes[i], theirs) if anything else None
        exact = maybes[i].kind in ("like", "half")  # (held by their figures alone: exactly)
        return got if got in ("exact", "multiple") or not exact else None

    count = len(maybes)
    chosen: tuple[int, ...] = ()
    if count > JOINT:
        everyone = tuple(range(count))
        chosen = tuple(i for i in everyone if level(i, everyone))
    else:
        for size in range(count, 0, -1):
            fits = [t for t in combinations(range(count), size) if all(level(i, t) for i in t)]
            if fits:
                chosen = max(fits, key=lambda t: sum(level(i, t) == "exact" for i in t))
                break
    for i, maybe in enumerate(maybes):
        theirs, anything = units(i, chosen)
        maybe.agreement = judged(maybe, theirs) if anything else None
        maybe.theirs = sum(theirs.values())
    return [maybes[i] for i in chosen]


def whole_regions(places: Mapping[tuple[str, str], list[Record]], taken: set[int]) -> list[Maybe]:
    """Regions (of no named unit) that may total the other regions whatever their place's words:
    a region named as the whole (`WHOLE_WORDS`), or one that holds exactly half the votes of the
    regions (the others' sum), SAME_SUM at least, among three regions or more: a state's total
    named as the state (`Idaho` among its counties), judged option by option (`judge`)."""
    regions: dict[str, list[Record]] = {}
    named = set()
    for (region, unit), group in places.items():
        if unit:
            named.add(region)
        if region and not any(id(r) in taken for r in group):
            regions.setdefault(region, []).extend(group)
    regions = {region: rs for region, rs in regions.items() if region not in named}
    if len(regions) < 3 or any(r.votes is None for rs in regions.values() for r in rs):
        return []
    votes = {region: sum(r.votes or 0 for r in rs) for region, rs in regions.items()}
    whole = sum(votes.values())
    # (Half of one option's votes is no sign: an unopposed candidate's region may hold it.)
    return [
        Maybe("whole" if name_key(region) in WHOLE_WORDS else "half", region, "", rs)
        for region, rs in regions.items()
        if name_key(region) in WHOLE_WORDS
        or (votes[region] >= SAME_SUM and 2 * votes[region] == whole and _options(rs) > 1)
    ]


def _options(records: list[Record]) -> int:
    return len({option_key(r.row.candidate) for r in records if r.votes})


def add_sums(into: dict[str, int], sums: Mapping[str, int], sign: int = 1) -> None:
    for key, votes in sums.items():
        into[key] = into.get(key, 0) + sign * votes


def listings(group: list[Record]) -> list[list[Record]]:
    """A place's records split where an option comes again: its first listing, its second…"""
    out: list[list[Record]] = []
    seen: dict[str, int] = {}
    for record in group:
        key = option_key(record.row.candidate)
        index = seen.get(key, 0)
        seen[key] = index + 1
        if index == len(out):
            out.append([])
        out[index].append(record)
    return out


def agreement(mine: dict[str, int] | None, theirs: dict[str, int]) -> Agreement | None:
    """How rows that may be a total agree with what they would total: "exact" when each option
    they list holds its sum there (they may list only some options: a total split over two rows),
    "close" when, option by option, they differ from it by at most ABOUT_SUM of its votes in all
    (a state's total that differs by a few write-ins is still no county); None otherwise."""
    if mine is None:
        return None
    if all(votes == theirs.get(key, 0) for key, votes in mine.items()):
        return "exact"
    off = sum(abs(mine.get(key, 0) - theirs.get(key, 0)) for key in {*mine, *theirs})
    return "close" if off <= ABOUT_SUM * sum(theirs.values()) else None


def judged(maybe: Maybe, theirs: dict[str, int]) -> Agreement | None:
    """How rows that may be a total agree with what they would total (`agreement`), and "close"
    also when they hold exactly its votes in all, at least SAME_SUM of them, though not option by
    option (never for a unit named like its region, which must hold its total option by option)."""
    got = agreement(maybe.sums, theirs)
    if got is None and maybe.kind not in ("like", "half") and maybe.sums is not None:
        whole = sum(theirs.values())
        if whole >= SAME_SUM and sum(maybe.sums.values()) == whole:
            return "close"
    if got is None and maybe.kind == "like" and held_again(maybe.sums, theirs):
        return "multiple"
    if got is None and maybe.kind == "whole" and covers(maybe.sums, theirs):
        return "close"  # (a total of all the regions, of which the file lists some)
    return got


def covers(mine: dict[str, int] | None, theirs: Mapping[str, int]) -> bool:
    """Whether rows hold at least what they would total, option by option, and more in all: the
    state's total in a file of some of its counties (checked against them: `total-mismatch`)."""
    if not mine or not any(theirs.values()):
        return False
    return all(mine.get(key, 0) >= votes for key, votes in theirs.items())


def held_again(mine: dict[str, int] | None, theirs: Mapping[str, int]) -> int | None:
    """How many times (2 or more) `theirs` holds `mine` exactly, on each option `mine` lists, once
    `mine` has SAME_SUM votes at least (fewer may be held so by chance); None when it does not."""
    whole = sum((mine or {}).values())
    if not mine or whole < SAME_SUM:
        return None
    times, rest = divmod(sum(theirs.get(key, 0) for key in mine), whole)
    if rest or times < 2:
        return None
    return times if all(theirs.get(key, 0) == times * v for key, v in mine.items()) else None


def by_option(records: Iterable[Record]) -> dict[str, int] | None:
    """The records' votes summed by option (`assemble.option_key`); None when one has no votes."""
    sums: dict[str, int] = {}
    for record in records:
        if record.votes is None:
            return None
        key = option_key(record.row.candidate)
        sums[key] = sums.get(key, 0) + record.votes
    return sums


def file_total(
    rejected: Mapping[int, list[str]],
    keys: Iterable[int],
    columns: ColumnMap,
    records: list[Record],
    found: Found,
) -> set[int]:
    """The line of a file of races' last word: one row with no race (every race key blank) and no
    name, whose votes are those of every race (the Electoral Commission's `,,,,,30697845,`). Read,
    it is an option with no name in a race with no name, refused; it is the file's total: set
    aside with a `total-row` warning (and a `total-mismatch` one when it is only about the sum),
    its errors withdrawn. A row that holds neither is left to be refused."""
    votes_at = columns.index("votes")
    names = [i for i, c in columns.columns.items() if c in ("candidate", *NAME_PARTS)]
    keys = list(keys)
    if votes_at is None or not keys or not records:
        return set()
    lone = [
        (line, cells)
        for line, cells in rejected.items()
        if all(i >= len(cells) or not cells[i].strip() for i in (*keys, *names))
    ]
    if len(lone) != 1 or len(lone[0][1]) <= votes_at:
        return set()
    line, cells = lone[0]
    try:
        theirs = parse_votes(cells[votes_at], ".", decimal_given=False)
    except ValueError:
        return set()
    parts = sum(r.votes or 0 for r in records)
    if not parts or abs(theirs - parts) > ABOUT_SUM * parts:
        return set()
    column = columns.header[votes_at]
    found.withdraw({line})
    found.warn(
        Code.TOTAL_ROW,
        line,
        f"a row with no race and no name holding {theirs:,} votes, "
        + ("the sum of every race's" if theirs == parts else f"about the races' {parts:,}")
        + ": the file's total, set aside, not added to its parts",
        column=column,
    )
    if theirs != parts:
        found.warn(
            Code.TOTAL_MISMATCH,
            line,
            f"the file's total ({theirs:,} votes) differs from the sum of its races ({parts:,}, "
            f"by {theirs - parts:+,}); the races are counted: check the file",
            column=column,
        )
    return {line}
