"""The streaming engine's sums per key, kept lean until the records are built.

A key is an election, an option's validated cells (`contract.Row`, without votes, region or unit),
its fact cells, its region and, for a row kept apart as a possible total, its unit. A file of many
regions (200,000 precincts) or many races (10,000 races of their own candidates) has hundreds of
thousands of keys, so a key keeps no Python object of its own beyond its sums: the option's row,
election and facts are numbered once (a "part") and each key is the part alone, or with its region
(and unit) → `(votes, first line)`; a key of the part alone (no region, no unit: every key of a
file of 10,000 races) keeps its votes and first line in two arrays by part number, not a
dictionary's entry and a tuple of two numbers. The `Record`s the assembly takes, each
with its row placed in its region (`contract.placed`), are built once, at the end.
"""

from __future__ import annotations

import dataclasses
from array import array
from typing import TYPE_CHECKING, Any, Final, NoReturn

from pollcli.columns import RACE_PREFIX, option_key
from pollcli.contract import Row, placed
from pollcli.read.manyregions import counter
from pollcli.read.racekeys import normal
from pollcli.read.records import Record

if TYPE_CHECKING:
    from pollcli.read.blocks import Layout
    from pollcli.read.header import ColumnMap

# What rows sum under, as small as it can be (a million keys in a file of 10,000 races): the part
# number alone, (part, region), or (part, region, unit, whether the row is kept apart with its unit)
# and, for a row of a unit that lists an option twice, its line: a row alone (`read.repeatlines`).
Placed = (
    tuple[int, str | None]
    | tuple[int, str | None, str | None, bool]
    | tuple[int, str | None, str | None, bool, int]
)
Key = int | Placed
Facts = tuple[tuple[str, str], ...]
# An option's election, validated row (without votes, region and unit) and fact cells.
Part = tuple[str, Row, Facts]


class _NoFacts(dict[str, str]):
    """The fact cells of a record that has none: one shared empty mapping, not an empty dict per
    record (a file of 10,000 races has a million records: 64 MB of empty dicts). Read only: a
    stage that gives such a record a fact gives it a dict of its own (`writable`)."""

    __slots__ = ()

    def _refuse(self, *_: Any, **__: Any) -> NoReturn:
        raise TypeError("a record's shared empty facts are read only (keysums.writable)")

    __setitem__ = __delitem__ = setdefault = update = clear = popitem = __ior__ = _refuse

    def pop(self, key: str, *default: Any) -> Any:
        if default:
            return default[0]  # (nothing to pop)
        raise KeyError(key)


NO_FACTS: Final[dict[str, str]] = _NoFacts()


def writable(record: Record) -> dict[str, str]:
    """A record's fact cells, for a stage to add to: its own dict, never the shared empty one."""
    if record.facts is NO_FACTS:
        record.facts = {}
    return record.facts


def option_of(row: Row) -> Row:
    """A row's option: its cells without votes, region and unit (which a key holds apart)."""
    if row.votes is None and row.region is None and row.unit is None:
        return row
    return row.model_copy(update={"votes": None, "region": None, "unit": None})


class KeySums:
    """Votes summed per key; the keys' options, elections and facts numbered once each."""

    def __init__(self, summed_units: bool, columns: ColumnMap | None = None) -> None:
        # Rows of several units summed (a file with a unit column): each record says so, and the
        # assembly does not look for repeats among them (`Record.summed`).
        self.summed_units = summed_units
        # The regions met, to stop past `manyregions.REGIONS_KEPT` (a key per region and option).
        self.regions = None if columns is None else counter(columns, summed_units)
        # Each distinct part, numbered: rows that validate alike are one part, however their
        # cells were written (a `Row` is hashed once per part, never per key).
        self.numbers: dict[Part, int] = {}
        self.parts: list[Part] = []
        # Per part, whether its option was counted in its race (`limits.OptionCount`): 1 byte.
        self.counted = bytearray()
        # Per key: (votes, first line); and the lines of further rows of the same cells. A key
        # of the part alone: its votes and first line by part number (-1: no such key yet).
        self.sums: dict[Placed, tuple[int, int]] = {}
        self.votes: array[int] | list[int] = array("q")
        self.firsts: array[int] = array("q")
        self.repeated: dict[Key, list[int]] = {}

    def watching(self, layout: Layout) -> Layout:
        """The layout whose workers look at each block's regions before making its keys Python
        objects, to stop at the bound on regions early (`manyregions.RegionCount.look_ahead`)."""
        return layout if self.regions is None else dataclasses.replace(layout, regions=self.regions)

    def part(self, election: str, row: Row, facts: Facts) -> int:
        """The number of an (election, option row, fact cells): rows that validate alike are one,
        however their cells were written."""
        part = (election, row, facts)
        known = len(self.parts)
        number = self.numbers.setdefault(part, known)  # the row hashed once, not twice
        if number == known:
            self.parts.append(part)
            self.counted.append(0)
            self.votes.append(0)
            self.firsts.append(-1)
        return number

    def part_of(self, record: Record) -> int:
        """The part of a record the exact stages read (its row with its region and unit)."""
        facts = tuple(sorted(record.facts.items()))
        return self.part(record.election, option_of(record.row), facts)

    def add(
        self,
        part: int,
        region: str | None,
        unit: str | None,
        apart: bool,
        line: int,
        votes: int,
        alone: bool = False,
    ) -> bool:
        """Add a row's (or a block's summed rows') votes under its key; whether the key is new.
        `alone`: the row is a key of its own, its line in it (a unit that repeats an option)."""
        if region is None and unit is None and not apart and not alone:
            return self._add_part(part, line, votes)
        key: Placed = (
            (part, region, unit, apart, line)
            if alone
            else (part, region, unit, apart)
            if unit is not None or apart
            else (part, region)
        )
        sums = self.sums.get(key)
        if sums is None:
            if region is not None and self.regions is not None:
                self.regions.add(region)
            self.sums[key] = (votes, line)
            return True
        first = sums[1]
        self.sums[key] = (sums[0] + votes, min(first, line))
        if not self.summed_units:
            # Without units, a key met again is a row repeated: the assembly names its lines (the
            # later one: keys of one option written otherwise are met out of line order).
            self.repeated.setdefault(key, []).append(max(first, line))
        return False

    def _add_part(self, part: int, line: int, votes: int) -> bool:
        """`add` for a key of the part alone, kept in the arrays by part number."""
        first = self.firsts[part]
        if first < 0:
            self.firsts[part] = line
            self._set_votes(part, votes)
            return True
        self._set_votes(part, self.votes[part] + votes)
        self.firsts[part] = min(first, line)
        if not self.summed_units:
            self.repeated.setdefault(part, []).append(max(first, line))
        return False

    def _set_votes(self, part: int, votes: int) -> None:
        try:
            self.votes[part] = votes
        except OverflowError:  # past 64 bits: Python's own numbers from now on
            self.votes = list(self.votes)
            self.votes[part] = votes

    def records(self) -> list[Record]:
        """One record per key, in the order of their first lines; the sums and parts are emptied."""
        self.numbers.clear()  # no part is numbered after the sums: not held beside the records
        records = []
        parts = self.parts
        summed = self.summed_units
        sums = self.sums
        while sums:  # each key's sums freed as its record is built: not both at the peak
            key, (votes, line) = sums.popitem()
            lines = self.repeated.pop(key, None)
            if len(key) == 2:
                part, region, unit, apart = *key, None, False
            else:
                part, region, unit, apart = key[:4]
            election, row, facts = parts[part]
            if region is not None or unit is not None:
                row = placed(row, region, unit)
            cells = dict(facts) if facts else NO_FACTS
            record = Record(line, election, row, votes, cells, summed=summed and not apart)
            if lines is not None:
                record.same_cell_lines = sorted(lines)
            records.append(record)
        records.reverse()  # in the order the keys were met, for a sort as stable as ever
        totals, firsts = self.votes, self.firsts
        self.votes, self.firsts = array("q"), array("q")
        # Each part let go as its key's record is made (the keys with a region are made): the
        # records take the place of the parts in memory rather than add to them.
        for part in range(len(parts) - 1, -1, -1):
            election, row, facts = parts.pop()
            line = firsts[part]
            if line < 0:
                continue
            lines = self.repeated.pop(part, None)
            cells = dict(facts) if facts else NO_FACTS
            record = Record(line, election, row, totals[part], cells, summed=summed)
            if lines is not None:
                record.same_cell_lines = sorted(lines)
            records.append(record)
        # (Each key's first line is a row of its own: no two keys share one, whatever the order.)
        records.sort(key=lambda r: r.line)
        return records

    def release(self) -> None:
        self.sums.clear()
        self.votes, self.firsts = array("q"), array("q")
        self.repeated.clear()
        self.numbers.clear()
        self.parts.clear()
        self.counted.clear()


def counts_apart(records: list[Record], count_columns: bool) -> bool:
    """Whether a precinct's counts given as rows were summed here where the exact engine reads
    them by precinct: rows of a count for every race (`Row.all_races`), count rows beside count
    columns (each precinct's figure twice), or a race's count rows summed over its precincts
    (Maine's `Votes Cast`): whether every precinct of the race gave one, the sums cannot tell, and
    one given by some precincts only is no count of the race (`facts.election_facts`). The exact
    engine reads such a file."""
    for record in records:
        row = record.row
        if row.all_races or (row.fact is not None and (count_columns or record.summed)):
            return True
    return False


def races_spelt_apart(records: list[Record]) -> bool:
    """Whether an option is summed in one region under two spellings of its race cells that are
    one race (`GOVERNOR`, `Governor`; district `01`, `1`: `racekeys.normal`). Its precincts were
    compared by the cells as written (`read.repeats`), so a row repeated under the other spelling
    would be added up: the exact engine, which compares them as one race, reads the file. Each
    distinct spelling is read once; only a file with two spellings of one race looks further."""
    Race = tuple[tuple[str, str], ...]
    spelt: dict[Race, tuple[Race, tuple[str, ...]]] = {}  # by the facts: race cells, as one
    for record in records:
        cells = tuple(record.facts.items())
        if cells not in spelt:
            race = tuple((k, v) for k, v in cells if k == "office" or k.startswith(RACE_PREFIX))
            spelt[cells] = (race, tuple(normal(k.removeprefix(RACE_PREFIX), v) for k, v in race))
    if len({one for _, one in spelt.values()}) == len({race for race, _ in spelt.values()}):
        return False  # each race written one way
    seen: dict[tuple[object, ...], Race] = {}
    for record in records:
        race, one = spelt[tuple(record.facts.items())]
        if not race:
            continue
        key = (record.election, record.row.region, option_key(record.row.candidate), one)
        if seen.setdefault(key, race) != race:
            return True
    return False
