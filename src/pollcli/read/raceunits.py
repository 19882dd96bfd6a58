"""Per-precinct counts in a file of races, on the streaming engine: each race gets the counts of its
own precincts, as the exact engine gives them.

An OpenElections precinct file (`county,precinct,office,district,party,candidate,votes,
registered_voters`) repeats a precinct's registered voters on the rows of every race it votes in.
The exact engine keeps a precinct's counts by race (`facts.election_facts`): a race's registered
voters are the sum over the precincts that have a row of it, a district's over its own precincts.
The streaming engine sums rows across precincts, so besides each precinct's counts (kept once a
precinct, `facts.UnitFacts`) it keeps which races each precinct has rows of: per race cells and
region, its precincts' numbers and first lines (16 bytes a precinct and race). A race's name is
known only once the race stage has named the records (`read.races`), so an election's precincts
are worked out when the assembly asks for its counts (`RaceUnits.given`), from the records so
named. Precincts kept apart as possible totals bring their counts with their rows
(`read.apartfacts`), registered by the facts stage, and are given to their race too.

What this cannot tell as the exact engine does hands the file to it (`HandOver`): a precinct whose
counts differ between rows (the exact engine keeps each race's own, and names a conflict within
one), a record whose race cells no precinct gave (cells the contract reads otherwise), race cells
and a region named into two races, a precinct under two race cells of one race (a district read
as geography, whose parts the exact engine counts apart), a record the race stage makes anew (a measure's answers), a
count given as a row ("Registered Voters").
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pollcli.kinds import measure_answers, name_key
from pollcli.problems import Found
from pollcli.read import racecodes
from pollcli.read.header import ColumnMap
from pollcli.read.racekeys import PartyRule, key_columns
from pollcli.read.records import Record
from pollcli.read.roles import race_keyed
from pollcli.read.unitfacts import UNIT_FACTS, Advice, Given, NoPrecinct, UnitFacts, UnitKey

# A row's election and race cells (cleaned), as its records and its precinct's counts give them.
Signature = tuple[str, ...]


class HandOver(Exception):
    """The file's per-precinct counts are not the same in every race of a precinct, or its races
    cannot be told from the records: the exact engine reads it."""


def race_columns(columns: ColumnMap, party: PartyRule | None) -> list[str]:
    """The race columns besides `election` (canonical names) of a file of races with precincts;
    none for any other file."""
    if not race_keyed(columns) or "unit" not in columns.present:
        return []
    return [k.canonical for k in key_columns(columns, party) if k.canonical != "election"]


def unit_facts(race_columns: Sequence[str], keys: Iterable[str]) -> UnitFacts:
    """Where the streaming engine keeps counts per precinct: by race in a file of races."""
    if not race_columns:
        return UnitFacts()
    return RaceUnits(canonicals=tuple(race_columns), keys=tuple(keys))


def note(unit_facts: UnitFacts, record: Record, line: int) -> None:
    """A row the exact stages read, in a file of races with counts per precinct: `RaceUnits.note`."""
    if isinstance(unit_facts, RaceUnits):
        unit_facts.note(record, line)


def hold(unit_facts: UnitFacts, records: list[Record]) -> None:
    """The summed records before the race stage: `RaceUnits.hold`."""
    if isinstance(unit_facts, RaceUnits):
        unit_facts.hold(records)


@dataclass
class RaceUnits(UnitFacts):
    """`UnitFacts` kept by precinct, and the races each precinct has rows of; an election's units
    are its races' precincts, worked out from the named records (`hold`, then `given`)."""

    # The race columns' canonical names (after election, region and unit among the precinct
    # cells) and the count columns', in the order the streaming engine groups them.
    canonicals: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    # Each precinct numbered, with its count cells as first met (blank ""): every row of it
    # must give the same.
    ids: dict[UnitKey, int] = field(default_factory=dict)
    precincts: list[UnitKey] = field(default_factory=list)
    counts: list[tuple[str, ...]] = field(default_factory=list)
    # (signature, region) → its precincts' numbers and lines, in turn: (precinct, line of a row of
    # that race there)… — 16 bytes a pair, not a dictionary entry and an int (some 90).
    pairs: dict[tuple[Signature, str], array[int]] = field(default_factory=dict)
    _held: dict[int, tuple[Signature, str] | None] = field(default_factory=dict)
    _records: list[Record] = field(default_factory=list)
    _by_label: dict[str, list[Record]] | None = None
    _claimed: dict[tuple[Signature, str], str] = field(default_factory=dict)
    # Precincts registered by the facts stage (rows kept apart, `read.apartfacts`), by race.
    _late: dict[str, list[UnitKey]] | None = None
    # The precincts numbered, as numbers (`agreeing_codes`).
    _known: racecodes.PrecinctIndex = field(default_factory=racecodes.PrecinctIndex)

    def register(self, unit: UnitKey) -> list[str | int | None]:
        if self._late is not None and unit not in self.units:
            self._late.setdefault(unit[0], []).append(unit)
        return super().register(unit)

    def _pair(self, signature: Signature, region: str, number: int, line: int) -> None:
        place = self.pairs.get((signature, region))
        if place is None:
            place = self.pairs[signature, region] = array("q")
        place.append(number)
        place.append(line)

    def _number(self, unit: UnitKey, values: tuple[str, ...]) -> int:
        """The precinct's number; `HandOver` when its counts are not those it gave before."""
        number = self.ids.get(unit)
        if number is None:
            number = self.ids[unit] = len(self.precincts)
            self.precincts.append(unit)
            self.counts.append(values)
        elif self.counts[number] != values:
            raise HandOver
        return number

    def agreeing(
        self,
        columns: list[list[str]],
        lines: list[int],
        precinct_columns: Sequence[str],
        keys: Sequence[str],
        default_election: str,
    ) -> list[tuple[UnitKey, dict[str, str], int]] | None:
        """As `UnitFacts.agreeing`, the block's (precinct, counts, line) once a precinct; the
        precinct cells hold its race cells too, whose pairs are kept. `HandOver` where a
        precinct's counts differ from row to row."""
        width = len(precinct_columns)
        at = {c: i for i, c in enumerate(precinct_columns)}
        election_at = at.get("election")
        if "region" not in at:
            raise NoPrecinct  # precincts of no region (`--unit COL` alone): the exact engine's
        region_at, unit_at = at["region"], at["unit"]
        race_at = [at[c] for c in self.canonicals]
        found: list[tuple[UnitKey, dict[str, str], int]] = []
        ids, counts, pairs = self.ids, self.counts, self.pairs
        seen: set[int] = set()
        for cells, line in zip(zip(*columns, strict=True), lines, strict=True):
            election = (cells[election_at] if election_at is not None else "") or default_election
            region = cells[region_at]
            unit = (election, region, cells[unit_at])
            if not region or not unit[2]:
                raise NoPrecinct
            values = cells[width:]
            number = ids.get(unit)
            if number is None or counts[number] != values:
                number = self._number(unit, values)
            if number not in seen:
                seen.add(number)
                found.append((unit, {k: v for k, v in zip(keys, values, strict=True) if v}, line))
            pair = ((election, *[cells[i] for i in race_at]), region)
            place = pairs.get(pair)
            if place is None:
                place = pairs[pair] = array("q")
            place.append(number)
            place.append(line)
        found.sort(key=lambda item: item[2])
        return found

    def agreeing_codes(
        self,
        columns: list[tuple[Any, list[str]]],
        lines: Any,
        precinct_columns: Sequence[str],
        keys: Sequence[str],
        default_election: str,
    ) -> list[tuple[UnitKey, dict[str, str], int]]:
        """`agreeing` of a block's combinations given by column as numpy codes into the column's
        distinct cells (cleaned), and their first lines (numpy): each distinct precinct and pair
        of race cells and region looked at once a block, not each combination (`racecodes`).
        The same precincts, numbers, pairs and lines as `agreeing`, in the same order; a
        precinct already registered that brings no count is left out of the answer (registering
        it again does nothing)."""
        block = racecodes.of_block(
            columns, lines, precinct_columns, self.canonicals, default_election
        )
        if block is None:
            return []
        ids, counts, units = self.ids, self.counts, self.units
        found: list[tuple[UnitKey, dict[str, str], int]] = []
        known = None if keys else self._known.look_up(block)  # (no counts: one group a precinct)
        if known is not None:
            np = block.np
            joined, looked_up = known
            new = np.flatnonzero(looked_up < 0)
            for at, (unit, _, line) in zip(new.tolist(), block.precincts(new), strict=True):
                number = ids.get(unit)
                looked_up[at] = self._number(unit, ()) if number is None else number
                if unit not in units:
                    found.append((unit, {}, line))
            self._known.add(np, joined[new], looked_up[new])
            return self._paired(block, looked_up, found)
        numbers: list[int] = []
        for unit, values, line in block.precincts():
            number = ids.get(unit)
            if number is None or counts[number] != values:
                number = self._number(unit, values)
            numbers.append(number)
            if values or unit not in units:
                found.append((unit, {k: v for k, v in zip(keys, values, strict=True) if v}, line))
        return self._paired(block, numbers, found)

    def _paired(
        self,
        block: racecodes.BlockCodes,
        numbers: Any,
        found: list[tuple[UnitKey, dict[str, str], int]],
    ) -> list[tuple[UnitKey, dict[str, str], int]]:
        """The block's pairs of race cells and region kept, with their precincts' `numbers`
        (each group's); `found` in line order."""
        pairs = self.pairs
        for pair, both in block.pairs(numbers):
            place = pairs.get(pair)
            if place is None:
                place = pairs[pair] = array("q")
            place.frombytes(both)
        found.sort(key=lambda item: item[2])
        return found

    def note(self, record: Record, line: int) -> None:
        """A row the exact stages read (its count cells still in its facts): its precinct's counts
        and race. `HandOver` for a row of no precinct, or counts unlike its precinct's others."""
        region, name = record.row.region or "", record.row.unit or ""
        if not region or not name:
            raise HandOver
        unit = (record.election, region, name)
        number = self._number(unit, tuple(record.facts.get(k, "") for k in self.keys))
        self._pair(self._signature(record), region, number, line)

    def add(
        self,
        unit: UnitKey,
        key: str,
        value: str,
        line: int,
        found: Found,
        column: str | None,
        decimal: tuple[str, bool] = (".", False),
        advice: Advice | None = None,
    ) -> bool:
        before = self.value(unit, key)
        if before is not None and before != value:
            raise HandOver  # (`note` has seen it first: a precinct's counts are one)
        return super().add(unit, key, value, line, found, column, decimal, advice)

    def _signature(self, record: Record) -> Signature:
        return (
            record.election,
            *(
                (record.row.party or "") if c == "party" else record.facts.get(c, "")
                for c in self.canonicals
            ),
        )

    def hold(self, records: list[Record]) -> None:
        """The records as the race stage receives them: each one's race cells, before that stage
        takes them out of its facts and names its race. `HandOver` where the race stage would
        make some of a race's records anew before naming them (a measure's answers read as its
        options, `read.answers`): the others alone would not tell its precincts."""
        self._records = list(records)  # (the race stage empties the list it is handed)
        self._late = {}
        pairs = [(self._signature(r), r.row.region or "") for r in records]
        # A record of a precinct kept apart (`read.apartfacts`) brings its counts itself.
        self._held = {
            id(r): pair if r.summed else None for r, pair in zip(records, pairs, strict=True)
        }
        names: dict[Signature, set[str]] = {}
        for record, (signature, _) in zip(records, pairs, strict=True):
            names.setdefault(signature, set()).add(record.row.candidate)
        answers = {signature: measure_answers(found) for signature, found in names.items()}
        for record, (signature, _) in zip(records, pairs, strict=True):
            if (
                record.row.kind != "candidate"
                and name_key(record.row.candidate) in answers[signature]
            ):
                raise HandOver  # made an option by the race stage, as a copy (`read.answers`)

    def pair_of(self, record: Record) -> tuple[Signature, str] | None:
        """The race cells and region a held record's rows were summed under; None for a record
        kept apart (a precinct that may be a total). `HandOver` for a record not held."""
        if id(record) not in self._held:
            raise HandOver  # made anew by a stage after `hold`: its precincts are not known
        return self._held[id(record)]

    def given(self, election: str) -> Iterator[tuple[str, dict[str, Given]]]:
        """Each precinct of the races named `election` as (region, {count: (value, line)}), in the
        order of their first rows in it, as the exact engine registers them."""
        if self._by_label is None:
            self._by_label = {}
            for record in self._records:
                self._by_label.setdefault(record.election, []).append(record)
        records = self._by_label.get(election)
        if not records:
            raise HandOver  # records the race stage made anew: not those held
        held: set[tuple[Signature, str]] = set()
        for record in records:
            if id(record) not in self._held or record.row.all_races:
                raise HandOver
            pair = self._held[id(record)]
            if pair is not None:
                held.add(pair)
        first: dict[int, int] = {}
        owner: dict[int, tuple[Signature, str]] = {}
        for pair in held:
            if self._claimed.setdefault(pair, election) != election:
                raise HandOver  # one race's cells in one region, named into two races
            place = self.pairs.get(pair)
            if not place:
                raise HandOver  # race cells that no precinct gave as the records read them
            numbers = iter(place)
            for number, line in zip(numbers, numbers, strict=True):
                if owner.setdefault(number, pair) != pair:
                    # A precinct under two race cells of one race (a district read as geography:
                    # a unit per district on the exact engine, `geography.sub_units`).
                    raise HandOver
                if first.setdefault(number, line) > line:
                    first[number] = line
        counts, precincts = self.counts, self.precincts
        # The counts in `UNIT_FACTS` order, as `UnitFacts.given` gives them (notes follow it).
        order = sorted(range(len(self.keys)), key=lambda i: self.keys[i])
        given: list[tuple[int, str, dict[str, Given]]] = [
            (
                line,
                precincts[number][1],
                {self.keys[i]: (counts[number][i], line) for i in order if counts[number][i]},
            )
            for number, line in first.items()
        ]
        for unit in (self._late or {}).get(election, ()):
            slots = self.units[unit]
            found: dict[str, Given] = {}
            for i, key in enumerate(UNIT_FACTS):
                value, at = slots[2 * i], slots[2 * i + 1]
                if isinstance(value, str) and isinstance(at, int):
                    found[key] = (value, at)
            given.append((min((at for _, at in found.values()), default=1 << 62), unit[1], found))
        given.sort(key=lambda item: item[0])
        for _, region, values in given:
            yield region, values
