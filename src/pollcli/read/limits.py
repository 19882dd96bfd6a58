"""The streaming engine's bounds: on options — an election (a race) of more than `MAX_OPTIONS`
options is no ballot, and reading stops at the first option past it — and on what it keeps of the
options it has validated (`Kept`).

Options are counted race by race as the exact engine's assembly counts them (`assemble.option_key`),
a race told by its election and race cells (`roles.race_cells`) and, in a file of party primaries,
the party as the row's race key (`racekeys.PartyRule`), so that the assembly refuses the
election at the same line (`too-many-options`) whichever engine read the file.

Twice: a block's worker, before the block's keys become Python objects, cuts a block whose race is
past the bound on its own at its first option past it (`OptionCount.cut`: 10,001 rows of a block
of 170,000 names kept), and the merge, which counts the blocks before it too, stops at the first
option past the bound in line order (`OptionCount.in_order`). Both count raw names first, a quick
upper bound (names that differ only by case, spacing or invisible characters are one option), and
work out option keys only for a race that may pass the bound, in line order, up to the first option
past it: a file of a million names was refused only after 170,000 keys (1.8 s, 540 MiB).

Past the bound, both engines give what the file's lines up to that first option past it give
(`first_past`, `given`): their problems, the assembly's `too-many-options` at that line among
them, and no election. The exact engine reads every row first, so it drops the rows and problems of
the lines past it; the streaming engine stops there. (Before, the streaming engine listed the
problems of the rest of the block it stopped in, so a block's size decided how many it listed, and
the exact engine listed every line's and summarised the other races.) Where the assembly splits the
rows read into races within the bound (each region's own candidates a race of its own:
`geography.local_races`), the count by election and race cells was no race's: the file is read
again whole, without stopping (`Unconfirmed`, `confirmed`), as a file within the bound.
"""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final, TypeVar

from pollcli.problems import Code, Found, Problem, sort_problems
from pollcli.read.assemble import MAX_OPTIONS, option_key
from pollcli.read.roles import PartyCells, joined_names, name_indexes, race_cells, race_labels

if TYPE_CHECKING:
    from pollcli.election import Election
    from pollcli.read.blocks import BlockSums, Layout
    from pollcli.read.header import ColumnMap
    from pollcli.read.racekeys import PartyRule
    from pollcli.read.records import CellReader, Record

# Validated option cells kept for the keys to come: a precinct file names its few options again in
# every block; a file of a million names would keep a row per name for nothing.
OPTIONS_KEPT: Final[int] = 1 << 16
# Validated names kept for the races to come (`read.optioncells`, a party set apart): a file of
# 10,000 races draws its million candidates from some 200,000 names, each met in about five races
# anywhere in the file (some 50 MB while the file is read; none kept after).
NAMES_KEPT: Final[int] = 1 << 18

Label = tuple[str, ...]
# A chunk of a block's distinct (race, name) pairs in line order (`OptionCount.cut`): the cells of
# a column by its place in the header, the name cells, the first row of each pair.
Pairs = tuple[Callable[[int], list[bytes]], list[bytes], list[int]]

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")

# Set while a file is read again whole (`confirmed`): reading does not stop at the bound.
_unbounded: ContextVar[bool] = ContextVar("unbounded", default=False)


def bound() -> int:
    """The most options a race may have before reading stops: `MAX_OPTIONS`, or none while a
    file is read again whole (`confirmed`)."""
    return sys.maxsize if _unbounded.get() else MAX_OPTIONS


class Unconfirmed(Exception):
    """Reading stopped at a race past the bound as its election and race cells tell races, and
    the assembly split the rows read into races within it (`geography.local_races`)."""


def confirmed(read: Callable[[], R]) -> R:
    """`read()`; when it stopped at the bound for a race the assembly does not confirm
    (`Unconfirmed`), `read()` again without stopping: the assembly judges each race it splits."""
    try:
        return read()
    except Unconfirmed as raised:
        raised.__traceback__ = None  # (the first reading's frames: not held by the second)
    token = _unbounded.set(True)
    try:
        return read()
    finally:
        _unbounded.reset(token)


def first_past(
    records: list[Record], columns: ColumnMap, default_election: str, party: PartyRule | None
) -> int | None:
    """The line of the first option past the bound, records (the exact engine's) counted in
    line order race by race as the streaming engine counts its rows (`OptionCount.add`); None
    when no race passes it."""
    most = bound()
    if len(records) <= most:
        return None  # fewer rows than the bound: fewer options in every race too
    # A race's options are among its election's names: no election of more names than the
    # bound (10,000 elections of 100 candidates each), no race past it, and no walk.
    named = Counter(election for election, _ in {(r.election, r.row.candidate) for r in records})
    if max(named.values(), default=0) <= most:
        return None
    count = OptionCount(columns, (), default_election, party)
    for record in sorted(records, key=lambda r: r.line):
        if record.row.all_races:
            continue  # a count of its unit for every race, as the streaming engine keeps it
        if count.add(record.election, record.facts, record.row.candidate, record.row.party):
            return record.line
    return None


def stop_at(line: int, reader: CellReader) -> None:
    """Forget what the exact engine, which read on, found and kept of the rows past `line`, where
    the streaming engine stops reading: their problems and what the reader keeps by line for the
    assembly's notes and warnings (refused rows, blank vote cells…)."""
    reader.found.drop_after(line)
    for kept in (
        reader.blank_lines,
        reader.blank_counts,
        reader.mode_sums,
        reader.nameless,
        reader.acclaimed,
        reader.unopposed,
    ):
        kept[:] = [item for item in kept if item[0] <= line]
    reader.headings[:] = [item for item in reader.headings if item[0] <= line]
    reader.part_mismatches[:] = [n for n in reader.part_mismatches if n <= line]
    for n in [n for n in reader.rejected if n > line]:
        del reader.rejected[n]


def given(
    elections: list[Election], found: Found, stopped: bool, past: bool
) -> tuple[list[Election], list[Problem]]:
    """What an engine gives for a file: its elections and problems; none of its elections where
    reading `stopped` early (at bytes that are no text) or at the first option past the bound
    (`past`), and then only the problems of the lines up to the assembly's first
    `too-many-options` (and of no line). Raises `Unconfirmed` when the assembly found no race
    past the bound among the rows read."""
    if not past:
        return (
            ([], sort_problems(found.items)) if stopped else (elections, sort_problems(found.items))
        )
    lines = [p.line for p in found.items if p.code == Code.TOO_MANY_OPTIONS and p.line]
    if not lines:
        raise Unconfirmed
    last = min(lines)
    return [], sort_problems([p for p in found.items if p.line is None or p.line <= last])


class Kept(dict[K, V]):
    """What was worked out once for a key (its cells validated), emptied once a block when it
    holds `most` (`bound`): a key met again is worked out again, to the same result. A plain dict
    otherwise: a `__setitem__` of its own cost ~1 µs a key, in a file of a million keys."""

    def __init__(self, most: int) -> None:
        super().__init__()
        self.most = most

    def bound(self) -> None:
        if len(self) >= self.most:
            self.clear()


class OptionCount:
    """The options met so far in each race, to stop at MAX_OPTIONS."""

    def __init__(
        self,
        columns: ColumnMap,
        key_indexes: Sequence[int],
        default_election: str,
        party: PartyRule | None = None,
    ):
        # Each race's options counted so far: their names as validated while a race has no more
        # than MAX_OPTIONS of them (an upper bound on its options: no key needed), their option
        # keys once it has more (`_keys`). A file of 10,000 races of their own candidates works
        # out no key for its million names.
        self.names: dict[Label, list[str] | set[str]] = {}
        self.race_columns = race_cells(columns)
        # A candidate cell as written → its option key (a few per precinct file, a million in a
        # file of 10,000 races of their own candidates: bounded, forgotten beyond).
        self.raw_names: Kept[bytes, str] = Kept(OPTIONS_KEPT)
        # A validated name → its option key: `option_key`'s cache is smaller than the names of a
        # file of many races, so it would compute each key anew.
        self.name_keys: Kept[str, str] = Kept(OPTIONS_KEPT)
        self.key_indexes = list(key_indexes)
        self.candidate_index = columns.index("candidate")
        self.name_indexes = name_indexes(columns)  # a name in two columns: joined
        self.election_index = columns.index("election")
        self.default_election = default_election
        # In a file of party primaries, each primary's options are counted apart (as its race).
        self.party_index = columns.index("party") if party is not None else None
        self.party = party if self.party_index is not None else None
        self.stage_index = columns.index("stage")
        # A race went past the bound (`add`, `in_order`): reading stops (`given`).
        self.past = False
        self.office_index = columns.index("office")
        # The columns whose cells tell a row's race (`labels`), for a block's worker to group on.
        self.race_indexes = tuple(
            dict.fromkeys(
                i
                for i in (
                    self.election_index,
                    *(i for i, _ in self.race_columns),
                    *(
                        (self.party_index, self.stage_index, self.office_index)
                        if self.party is not None
                        else ()
                    ),
                )
                if i is not None
            )
        )

    def in_order(self, summed: BlockSums) -> tuple[Iterable[int], bool]:
        """The block's groups to add, and whether the file goes past the bound: all of them when
        it does not; else those up to the first option past it in line order."""
        self.raw_names.bound()
        self.name_keys.bound()

        def cells(index: int) -> list[bytes]:
            return summed.keys[self.key_indexes.index(index)]

        # The groups of each race as written (its raw cells), each such race labelled once.
        races_of = [cells(i) for i in self.race_indexes]
        written = Counter(zip(*races_of, strict=True) if races_of else [()] * len(summed.firsts))
        distinct = list(written)
        at = {index: position for position, index in enumerate(self.race_indexes)}
        races = self.labels(lambda i: [race[at[i]] for race in distinct], len(distinct))
        # No race can pass the bound, even were each of its groups a new option: a file of many
        # races of their own candidates is spared an option key (and a label) per group.
        suspects = self._suspects(zip(races, written.values(), strict=True), self.names)
        if not suspects:
            return range(len(summed.firsts)), False
        names = joined_names([cells(i) for i in self._indexes(self.name_indexes)])
        labels = self.labels(cells, len(names))
        # Keys only for the races that may pass, in line order, up to the first option past it.
        order = sorted(range(len(names)), key=summed.firsts.__getitem__)
        seen = {label: set(self._keys(label)) for label in suspects}
        most = bound()
        for position, index in enumerate(order):
            known = seen.get(labels[index])
            if known is not None:
                known.add(self._option_key(names[index]))
                if len(known) > most:
                    self.past = True
                    return order[: position + 1], True
        return range(len(names)), False

    def labels(self, cells: Callable[[int], list[bytes]], count: int) -> list[tuple[str, ...]]:
        """The race (`roles.race_labels`) of `count` rows or groups, given the cells of a column
        (by its place in the header) among `race_indexes`."""
        elections = (
            [
                raw.decode("utf-8", "replace").strip() or self.default_election
                for raw in cells(self.election_index)
            ]
            if self.election_index is not None
            else [self.default_election] * count
        )
        parties: PartyCells | None = None
        if self.party is not None and self.party_index is not None:
            stages = None if self.stage_index is None else cells(self.stage_index)
            offices = None if self.office_index is None else cells(self.office_index)
            parties = self.party, cells(self.party_index), stages, offices
        return race_labels(elections, [cells(i) for i, _ in self.race_columns], parties)

    def cut(
        self, races: Callable[[int], list[bytes]], counts: list[int], pairs: Iterable[Pairs]
    ) -> int | None:
        """For a block's worker, before its keys are made Python objects: the rows of the block
        that hold the first option past the bound, or None when it holds no race past it.

        `races` gives the cells of the block's distinct races (as written, by column), `counts`
        each one's distinct names, `pairs` its distinct (race, name) cells in line order, a chunk
        at a time: the cells by column, the names, the first row of each. The block alone is
        counted, not what the blocks before it hold: when it is past the bound on its own, the
        file is past it by its last row kept, so the merge, which counts the blocks before it
        too, stops among them (`in_order`) and needs no more of the block. Raw names are the
        quick upper bound; keys (`option_key`) are worked out for the races it leaves only, in
        line order, up to the first option past the bound."""
        suspects = self._suspects(zip(self.labels(races, len(counts)), counts, strict=True), {})
        if not suspects:
            return None
        seen: dict[Label, set[str]] = {label: set() for label in suspects}
        keys: dict[bytes, str] = {}
        most = bound()
        for cells, names, firsts in pairs:
            labels = self.labels(cells, len(names))
            for label, raw, first in zip(labels, names, firsts, strict=True):
                known = seen.get(label)
                if known is None:
                    continue
                key = keys.get(raw)
                if key is None:
                    key = keys[raw] = option_key(raw.decode("utf-8", "replace"))
                known.add(key)
                if len(known) > most:
                    return first + 1
        return None

    @staticmethod
    def _suspects(
        counts: Iterable[tuple[Label, int]], known: Mapping[Label, Collection[str]]
    ) -> set[Label]:
        """The races that may pass the bound: those whose options known (or names, an upper bound
        on them) and groups (each a new option at most) add up to more than it."""
        totals: Counter[Label] = Counter()
        for label, count in counts:
            totals[label] += count
        most = bound()
        return {
            label for label, count in totals.items() if len(known.get(label, ())) + count > most
        }

    def add(
        self, election: str, facts: dict[str, str], candidate: str, party: str | None = None
    ) -> bool:
        """Count a new record's option in its race; whether the race is now past the bound."""
        return self.add_all(election, facts, [candidate], party)

    def add_all(
        self, election: str, facts: dict[str, str], candidates: list[str], party: str | None
    ) -> bool:
        """`add` of new records' options of one race at once (`KeySums.races_of`); whether the
        race is now past the bound (as it would be after adding them one by one)."""
        races = self.race_columns
        label = (election, *(facts.get(c, "") for _, c in races)) if races else (election,)
        if self.party is not None:
            stage, office = facts.get("stage", ""), facts.get("office", "")
            label = (*label, self.party.label(party or "", stage, office))
        names = self.names.get(label)
        if names is None:
            names = self.names[label] = []
        most = bound()
        if isinstance(names, list):
            names.extend(candidates)
            if len(names) <= most:
                return False  # no more names than the bound: no more options either
            past = len(self._keys(label)) > most
        else:
            names.update(self._name_key(candidate) for candidate in candidates)
            past = len(names) > most
        self.past |= past
        return past

    def _keys(self, label: Label) -> set[str]:
        """The option keys of a race's options counted so far (kept as keys from now on)."""
        names = self.names.get(label)
        if names is None:
            return set()
        if isinstance(names, list):
            names = self.names[label] = {self._name_key(name) for name in names}
        return names

    def _name_key(self, candidate: str) -> str:
        key = self.name_keys.get(candidate)
        if key is None:
            key = self.name_keys[candidate] = option_key(candidate)
        return key

    @staticmethod
    def within(pairs: int) -> bool:
        """Whether a block of so many distinct (race, name) pairs is within the bound, whatever
        its races."""
        return pairs <= bound()

    def watching(self, layout: Layout) -> Layout:
        """The layout whose workers cut a block at the first option past the bound (`cut`)."""
        if self.candidate_index is None or _unbounded.get():
            return layout  # not streamed (`_index`); read whole (`confirmed`)
        return dataclasses.replace(layout, options=self)

    def release(self) -> None:
        self.raw_names.clear()
        self.name_keys.clear()

    @staticmethod
    def _indexes(indexes: tuple[int, ...]) -> tuple[int, ...]:
        if not indexes:
            raise ValueError("a file without a candidate column is not streamed")
        return indexes

    def _option_key(self, raw: bytes) -> str:
        key = self.raw_names.get(raw)
        if key is None:
            key = self.raw_names[raw] = option_key(raw.decode("utf-8", "replace"))
        return key
