"""The streaming engine's sums per key, kept lean until the records are built.

A key is an election, an option's validated cells (`contract.Row`, without votes, region or unit),
its fact cells, its region and, for a row kept apart as a possible total, its unit. A file of many
regions (200,000 precincts) or many races (10,000 races of their own candidates) has hundreds of
thousands of keys, so a key keeps no Python object of its own beyond its sums: the option's row,
election and facts are numbered once (a "part") and each key is the part alone, or with its region
(and unit) → `(votes, first line)`. A part is itself small numbers: each distinct option row
(validated, without its party), election or party cell, and tuple of fact cells is numbered once,
and a part is those four numbers packed into one int, so no `Row` is hashed per key and none is
copied per key to carry its party (a file of 10,000 races lists 200,000 names under a million
(race, party) pairs): each key's row is made once, with its record. A key of the part alone (no
region, no unit: every key of a file of 10,000 races) keeps its votes and first line in two
arrays by part number, not a dictionary's entry and a tuple of two numbers. The `Record`s the
assembly takes, each with its row placed in its region (`contract.placed`), are built once, at
the end.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, NoReturn, overload

from pollcli.contract import Row
from pollcli.read.manyregions import counter
from pollcli.read.partnumbers import Unnumbered, numbered_each
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
# A part's numbers (its row's, fact cells', party's, election's) packed into one int, this many bits
# each: a key of a dictionary hashed at the cost of an int, not of a row of eleven fields.
_BITS: Final[int] = 40
_MASK: Final[int] = (1 << _BITS) - 1
# The rows of options listed by a party kept for the records built after them (`records`).
LISTED_KEPT: Final[int] = 1 << 16


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


def with_party(row: Row, party: str | None) -> Row:
    """The validated `row` listed by `party` (a cleaned party cell, or None), without validating
    it again: the contract takes a party cell as the text it is (`str`), as it takes a region
    (`contract.placed`). Copied field by field by the slots' own setters (a frozen row's
    `__setattr__` refuses), as `contract.counted` copies: ~1 µs (2.5 µs in a loop over the
    fields), against ~6 µs for the row's contract; a file of 10,000 races has 1M."""
    copy: Row = object.__new__(Row)
    _CANDIDATE(copy, row.candidate)
    _PARTY(copy, party)
    _KIND(copy, row.kind)
    _VOTES(copy, row.votes)
    _SHARE(copy, row.share)
    _SHARE_DECIMALS(copy, row.share_decimals)
    _REGION(copy, row.region)
    _UNIT(copy, row.unit)
    _COLOUR(copy, row.colour)
    _FACT(copy, row.fact)
    _ALL_RACES(copy, row.all_races)
    return copy


# Each field's slot setter, by name (`with_party` sets every one: a test holds it to the fields).
SETTERS: Final[dict[str, Any]] = {
    field.name: vars(Row)[field.name].__set__ for field in dataclasses.fields(Row)
}
_CANDIDATE, _PARTY, _KIND = SETTERS["candidate"], SETTERS["party"], SETTERS["kind"]
_VOTES, _SHARE, _SHARE_DECIMALS = SETTERS["votes"], SETTERS["share"], SETTERS["share_decimals"]
_REGION, _UNIT, _COLOUR = SETTERS["region"], SETTERS["unit"], SETTERS["colour"]
_FACT, _ALL_RACES = SETTERS["fact"], SETTERS["all_races"]


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
        # Each distinct option row (without its party: `row_number`), election or party cell
        # (a label) and tuple of fact cells, numbered; a row is hashed once per validation, never
        # per key. A part is their numbers packed (`option_part`), itself numbered: rows that
        # validate alike are one part, however their cells were written.
        self.rows: list[Row] = []
        self.row_numbers: dict[Row, int] = {}
        self.labels: list[str | None] = []
        self.label_numbers: dict[str | None, int] = {}
        self.fact_cells: list[Facts] = [()]
        self.fact_numbers: dict[Facts, int] = {(): 0}
        self.numbers: dict[int, int] = {}
        # A block's parts of races no part named before it, numbered in order, are put in
        # `numbers` only once a later key names their race (`numbered`, `partnumbers`).
        self.unnumbered = Unnumbered(_MASK)
        self.last_election = -1  # the highest election label of any part
        self.packed: list[int] = []  # per part, its numbers packed
        self.fresh = (0, 0)  # the parts the last `numbered` made, from the first to past the last
        self.parts = Parts(self)
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
        number, party = self.row_number(row)
        return self.option_part(election, self.high(number, facts), party)

    def row_number(self, row: Row) -> tuple[int, str | None]:
        """A validated option row's number (the row without its party, numbered once: one name
        listed by many parties is one row) and its party, for `option_part`."""
        party = row.party
        if party is not None:
            row = with_party(row, None)
        known = len(self.rows)
        number = self.row_numbers.setdefault(row, known)
        if number == known:
            self.rows.append(row)
        return number, party

    def name_highs(self, rows: list[Row]) -> list[int]:
        """`high(row_number(row)[0], ())` of each row of no party (a block's names validated as
        columns), at once."""
        shift = 3 * _BITS
        return [number << shift for number in numbered_each(rows, self.row_numbers, self.rows)]

    def option_part(self, election: str, high: int, party: str | None) -> int:
        """The number of an (election, option row and fact cells by their numbers (`high`),
        party)."""
        labels = self.label_numbers
        at = labels.get(election)
        if at is None:
            at = self._label(election)
        by = labels.get(party)
        if by is None:
            by = self._label(party)
        key = high | by << _BITS | at
        if at > self.last_election:
            self.last_election = at
        elif self.unnumbered and at in self.unnumbered:
            self.unnumbered.number((at,), self.packed, self.numbers)
        known = len(self.packed)
        number = self.numbers.setdefault(key, known)
        if number == known:
            self.packed.append(key)
            self.counted.append(0)
            self.votes.append(0)
            self.firsts.append(-1)
        return number

    def _label(self, text: str | None) -> int:
        number = self.label_numbers[text] = len(self.labels)
        self.labels.append(text)
        return number

    def label(self, text: str | None, shift: int = 0) -> int:
        """An election's (`shift` 0) or party's (`shift` 1) number, placed as `packed` holds it."""
        number = self.label_numbers.get(text)
        return (self._label(text) if number is None else number) << shift * _BITS

    def high(self, row: int, facts: Facts) -> int:
        """A row's number (`row_number`) and its fact cells', placed as `packed` holds them: a
        part's packed key is this | `label(party, 1)` | `label(election)`."""
        cells = self.fact_numbers.get(facts) if facts else 0
        if cells is None:
            cells = self.fact_numbers[facts] = len(self.fact_cells)
            self.fact_cells.append(facts)
        return (row << _BITS | cells) << 2 * _BITS

    def numbered(
        self, keys: list[int], elections: list[int] | None = None
    ) -> tuple[list[int], bool]:
        """The part of each packed key (`high`, `label`), as `option_part` numbers one; and
        whether each is a part new here (numbered in order: `add_new`). `elections`: each key's
        election label (`key & _MASK`).

        The keys after the first whose election is numbered after those of all parts so far
        (a block of races one after another: the race the block before left unfinished, then
        new ones), where no two of them are alike, are each a part of their own, numbered in
        order without a look-up: no part names their races yet. The million keys of 10,000 such
        races were each looked up in a dictionary of up to a million, 0.5 s; they are put in it
        only once a later key names their race (`partnumbers`)."""
        packed = self.packed
        before = len(packed)
        if elections is None:
            elections = [key & _MASK for key in keys]
        last = self.last_election
        fresh = []
        if keys:
            self.last_election = max(last, max(elections))
            known = sum(map(last.__ge__, elections))  # (races of parts so far: first, if at all)
            fresh = keys[known:]
            if not fresh or min(elections[known:]) <= last or len(set(fresh)) < len(fresh):
                fresh, known = [], len(keys)
        else:
            known = 0
        if self.unnumbered and known:
            self.unnumbered.number(set(elections[:known]), packed, self.numbers)
        parts = numbered_each(keys[:known] if fresh else keys, self.numbers, packed)
        if fresh:
            span = (len(packed), len(packed) + len(fresh))
            packed.extend(fresh)
            self.unnumbered.add(span, elections[known:])
            parts += range(*span)
        added = len(packed) - before
        self.fresh = (before, len(packed))
        if added:
            self.counted.extend(bytes(added))
            self.votes.extend([0] * added)
            self.firsts.extend([-1] * added)
        return parts, added == len(keys)

    def add_new(self, parts: list[int], lines: list[int], votes: list[int]) -> None:
        """`add` of keys of the part alone at once, whose parts are new (`numbered`: the last
        parts, in order), their votes and first lines set as one slice."""
        if not parts:
            return
        start, end = parts[0], parts[-1] + 1
        assert (start, end) == self.fresh and end - start == len(parts) == len(lines) == len(votes)
        if isinstance(self.votes, array):
            try:
                self.votes[start:end] = array("q", votes)
            except OverflowError:  # past 64 bits: Python's own numbers from now on
                self.votes = list(self.votes)
        if isinstance(self.votes, list):
            self.votes[start:end] = votes
        self.firsts[start:end] = array("q", lines)

    def races_of(self, parts: list[int]) -> dict[tuple[str, Facts, str | None], list[str]]:
        """The options of newly added parts not counted yet, counted now: their names by
        (election, fact cells, party), for `limits.OptionCount.add_all`."""
        races: dict[int, list[str]] = {}
        counted, packed, rows = self.counted, self.packed, self.rows
        race = (1 << 3 * _BITS) - 1  # (the key but its row)
        for part in parts:
            if counted[part]:
                continue
            counted[part] = 1
            key = packed[part]
            names = races.get(key & race)
            if names is None:
                names = races[key & race] = []
            names.append(rows[key >> 3 * _BITS].candidate)
        labels, fact_cells = self.labels, self.fact_cells
        return {
            (
                labels[at & _MASK] or "",
                fact_cells[at >> 2 * _BITS],
                labels[at >> _BITS & _MASK],
            ): names
            for at, names in races.items()
        }

    def option(self, part: int) -> tuple[str, Row, str | None, Facts]:
        """A part's election, row (without its party), party and fact cells."""
        key = self.packed[part]
        labels = self.labels
        election = labels[key & _MASK]
        assert election is not None  # (an election is always named: `reader.default_election`)
        return (
            election,
            self.rows[key >> 3 * _BITS],
            labels[key >> _BITS & _MASK],
            self.fact_cells[key >> 2 * _BITS & _MASK],
        )

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
        self.unnumbered = Unnumbered(_MASK)
        records = []
        summed = self.summed_units
        sums = self.sums
        while sums:  # each key's sums freed as its record is built: not both at the peak
            key, (votes, line) = sums.popitem()
            lines = self.repeated.pop(key, None)
            if len(key) == 2:
                part, region, unit, apart = *key, None, False
            else:
                part, region, unit, apart = key[:4]
            election, row, party, facts = self.option(part)
            if region is not None or unit is not None or party is not None:
                # One copy, of the row listed by its party and placed (`contract.placed`).
                row = with_party(row, party)
                _REGION(row, region)
                _UNIT(row, unit)
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
        packed, rows, labels, fact_cells = self.packed, self.rows, self.labels, self.fact_cells
        # An option listed by its party in many races (a party list in every council) is one row
        # for all its records, not a copy per race (a row is never changed, only copied).
        # Kept while they are met again (a quarter of the parts at least since the last clear):
        # in a file of races of their own candidates 1 % are, and each lookup cost 0.3 µs a part.
        listed: dict[int, Row] = {}
        listing, since = True, len(packed)
        repeated, mask, row_at = self.repeated, _MASK, 3 * _BITS  # (locals: a million parts)
        for part in range(len(packed) - 1, -1, -1):
            numbers = packed.pop()
            line = firsts[part]
            if line < 0:
                continue
            race = labels[numbers & mask]
            assert race is not None
            row, party = rows[numbers >> row_at], labels[numbers >> _BITS & mask]
            if party is not None:
                option = numbers >> _BITS  # (its row, fact cells and party)
                made = listed.get(option) if listing else None
                if made is None:
                    made = with_party(row, party)
                    if listing and len(listed) >= LISTED_KEPT:
                        listing, since = 3 * (since - part) >= 4 * LISTED_KEPT, part
                        listed.clear()
                    if listing:
                        listed[option] = made
                row = made
            facts = fact_cells[numbers >> 2 * _BITS & mask]
            lines = repeated.pop(part, None) if repeated else None
            cells = dict(facts) if facts else NO_FACTS
            # (By position: a keyword's call took 0.06 s more a million.)
            record = Record(line, race, row, totals[part], cells, (), summed)
            if lines is not None:
                record.same_cell_lines = sorted(lines)
            records.append(record)
        self._forget()
        # (Each key's first line is a row of its own: no two keys share one, whatever the order.)
        records.sort(key=attrgetter("line"))
        return records

    def _forget(self) -> None:
        """The numbered rows, labels and fact cells let go (the parts are, or are built)."""
        self.rows, self.labels, self.fact_cells = [], [], [()]
        self.row_numbers, self.label_numbers, self.fact_numbers = {}, {}, {(): 0}

    def release(self) -> None:
        self.sums.clear()
        self.votes, self.firsts = array("q"), array("q")
        self.repeated.clear()
        self.numbers.clear()
        self.unnumbered = Unnumbered(_MASK)
        self.packed.clear()
        self._forget()
        self.counted.clear()


class Parts(Sequence[Part]):
    """The parts of a `KeySums` as (election, row with its party, fact cells), each made when
    asked for (a stage that looks at a part: the rows of counts, a repeated row)."""

    def __init__(self, sums: KeySums) -> None:
        self.sums = sums

    def __len__(self) -> int:
        return len(self.sums.packed)

    @overload
    def __getitem__(self, part: int) -> Part: ...
    @overload
    def __getitem__(self, part: slice) -> Sequence[Part]: ...
    def __getitem__(self, part: int | slice) -> Part | Sequence[Part]:
        if isinstance(part, slice):
            return [self[p] for p in range(len(self))[part]]
        election, row, party, facts = self.sums.option(part)
        return election, row if party is None else with_party(row, party), facts

    def __iter__(self) -> Iterator[Part]:
        return (self[p] for p in range(len(self)))
