"""Rows that count a precinct for every race, on the streaming engine: kept by precinct, not summed.

An OpenElections precinct file may give a precinct's counts as rows of their own, an office of counts
with the other cells blank (`Adams,P1,Registered Voters,,,,1200`, `Adams,P1,Ballots Cast,,,,800`:
`Row.all_races`). The exact engine gives each race the counts of the precincts it has rows in
(`assemble.Assembly.elections`), none where another race of its office shares a precinct
(`unitcounts.shared`) or where some of its precincts have no count rows (`countnotes.count_note`).

The streaming engine sums a race's rows across precincts, so it keeps what the exact engine looks
at: the count rows by precinct (`CountUnits.keep_row`: a row with no name, grouped by precinct apart
from the others, `blocks.Layout.count_names`), and which precincts each race has rows in
(`raceunits.RaceUnits.pairs`, the race cells' precincts, as for counts given as columns). Each race
is then judged as the exact engine judges it, and given its precincts' counts (`CountUnits.given`,
for `facts.region_counts`).

What it cannot tell as the exact engine does hands the file to it (`raceunits.HandOver`): a count
row of a blank precinct or of a precinct that may be a total, one with fact cells, a precinct's
count given twice, --where (rows left out, whose precincts it does not keep), a record that no
precinct's race cells gave; or counts in the head that it does not keep apart (a count named in
the candidate column: `counts_in_head`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pollcli.columns import REGIONAL_FACTS
from pollcli.read.countnotes import count_note
from pollcli.read.facts import Given
from pollcli.read.raceunits import HandOver, RaceUnits, Signature, race_columns
from pollcli.read.records import clean_cell
from pollcli.read.roles import name_indexes
from pollcli.read.unitcounts import Ground, named, office

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pollcli.contract import Row
    from pollcli.read.blocks import BlockSums
    from pollcli.read.keysums import Part
    from pollcli.read.options import ReadOptions
    from pollcli.read.racekeys import PartyRule, Race, RaceBook
    from pollcli.read.records import CellReader, Record
    from pollcli.read.unitcounts import Place

Shared = dict[str, tuple[list[str], list[str]]]


def counts_in_head(
    records: Sequence[tuple[int, list[str]]],
    reader: CellReader,
    options: ReadOptions,
    party: PartyRule | None,
) -> bool | None:
    """Whether the head's rows count their precinct for every race with no name (an office of
    counts): the streaming engine then keeps such rows by precinct. None where it would not read
    such rows as the exact engine does: one that names its count in a name column (summed with
    the others), counts beside count columns, no race or precinct column, --where."""
    columns = reader.columns
    width, names = len(columns.header), name_indexes(columns)
    found = False
    for _, cells in records:
        if len(cells) != width:
            continue
        values, _ = reader.split(cells)
        if values.get("all_races"):
            if any(cells[i].strip() for i in names):
                return None
            found = True
    if found and (
        columns.present & REGIONAL_FACTS or options.where or not race_columns(columns, party)
    ):
        return None
    return found


@dataclass
class CountUnits(RaceUnits):
    """`RaceUnits` (each race's precincts) and the rows of counts for every race, by precinct:
    (region, precinct) → {fact: (value, line)}."""

    by_place: dict[Place, dict[str, Given]] = field(default_factory=dict)
    # The races given their precincts' counts, with their records; the race of each race cells
    # and region.
    counted: dict[str, list[Record]] = field(default_factory=dict)
    labels: dict[tuple[Signature, str], str] = field(default_factory=dict)
    # What a block's rows of counts are read with: the streaming engine's parts (`KeySums.parts`),
    # the region's place among a key's cells, the file's cell reader.
    reading: tuple[list[Part], int | None, CellReader] | None = None

    def keep_row(
        self, row: Row, facts: object, region: str | None, unit: str, votes: int | None, line: int
    ) -> bool:
        """A row of a count for every race of its precinct, kept by precinct; False for a row of
        another kind (summed with the others). `HandOver` where the exact engine's answer may
        differ (see the module's docstring)."""
        if not row.all_races or row.fact is None:
            return False
        if facts or not region or not unit or votes is None:
            raise HandOver  # fact cells beside a count, a count of no precinct or no votes
        given = self.by_place.setdefault((region, unit), {})
        if row.fact in given:
            raise HandOver  # a precinct's count twice: the exact engine names both lines
        given[row.fact] = (str(votes), line)
        return True

    def keep_record(self, record: Record, line: int) -> bool:
        """A row the exact stages read: kept by precinct if a count for every race (`keep_row`)."""
        row = record.row
        return self.keep_row(row, record.facts, row.region, row.unit or "", record.votes, line)

    def of_block(
        self,
        summed: BlockSums,
        line: int,
        part_of: Callable[[tuple[bytes, ...], int, dict[bytes, str]], int | None],
        texts: dict[bytes, str],
    ) -> list[tuple[Part, str | None, str, int, int]] | None:
        """A block's rows of no name, grouped by key and precinct (`blocks.Layout.count_names`):
        (part, region, precinct, votes, line) of each, to `keep_row` once the block is taken; None
        when one is no count for every race, given twice in a precinct, or has a problem (the
        exact stages read the block). `part_of` is a key's part (`KeySums.part`) from its cells
        but the region (`texts`: the block's cells decoded so far)."""
        if not summed.count_keys:
            return []
        assert self.reading is not None
        parts, region_at, reader = self.reading
        place = reader.place
        found = []
        keys = zip(*summed.count_keys, strict=True)
        for key, first, votes, count in zip(
            keys, summed.count_firsts, summed.count_totals, summed.count_counts, strict=True
        ):
            number = part_of(key[:-1], line + first, texts)
            if number is None or count > 1:
                return None
            part = parts[number]
            if not part[1].all_races or part[1].fact is None:
                return None  # a row of no name of another kind: read by the exact stages
            try:
                region = place(key[region_at].decode("utf-8")) if region_at is not None else None
                unit = clean_cell(key[-1].decode("utf-8"))
            except UnicodeDecodeError:
                return None
            found.append((part, region, unit, votes, line + first))
        return found

    def keep_all(self, found: list[tuple[Part, str | None, str, int, int]]) -> None:
        """`of_block`'s rows, kept (the block taken)."""
        for (_, row, facts), region, unit, votes, line in found:
            self.keep_row(row, facts, region, unit, votes, line)

    def shared(
        self,
        book: RaceBook,
        records: list[Record],
        races: list[Race | None],
        left_out: list[tuple[dict[str, str], set[int], Place | None]],
    ) -> Shared:
        """`unitcounts.shared` from each race's precincts: the races with a precinct counted for
        every race that another race of their office has rows in too. The units met in the order
        of their first rows of each race, as the exact engine meets them row by row."""
        if left_out:
            raise HandOver  # rows --where left out: their precincts are not kept
        if not self.by_place:
            return {}
        counted = self.by_place
        # Each office's races, with their records' race cells and regions (or a record's own
        # place, kept apart): an office of one race (a statewide race) shares no unit.
        offices: dict[tuple[tuple[str, str], ...], dict[int, tuple[Race, list[Record]]]] = {}
        claimed: dict[tuple[Signature, str], tuple[str, ...]] = {}
        for record, race in zip(records, races, strict=True):
            if race is not None:
                pair = self.pair_of(record)
                if pair is not None and claimed.setdefault(pair, race.identity) != race.identity:
                    raise HandOver  # one race's cells in one region, named into two races
                what = office(race.values)
                offices.setdefault(what, {}).setdefault(id(race), (race, []))[1].append(record)
        ground: Ground = {}
        for what, of_office in offices.items():
            if len({race.identity for race, _ in of_office.values()}) < 2:
                continue
            met: list[tuple[int, Place, Race]] = []
            for race, found in of_office.values():
                met.extend((line, place, race) for line, place in self._met(found, counted))
            met.sort(key=lambda item: item[0])
            here: dict[Place, dict[tuple[str, ...], str]] = {}
            for _, place, race in met:
                here.setdefault(place, {})[race.identity] = race.name
            for place, names in here.items():
                if len(names) > 1:
                    ground[what, place] = names
        return named(ground)

    def _met(
        self, records: list[Record], counted: Mapping[Place, object]
    ) -> Iterator[tuple[int, Place]]:
        """The (line, place) of each row of a race's records in a place counted for every race:
        a precinct's first line of the race's cells there, a record kept apart its own."""
        seen: set[tuple[Signature, str]] = set()
        for record in records:
            pair = self.pair_of(record)
            if pair is None:
                place = (record.row.region, record.row.unit)
                if place in counted:
                    yield record.line, place
                continue
            if pair in seen:
                continue
            seen.add(pair)
            numbers = iter(self.pairs.get(pair, ()))
            for number, line in zip(numbers, numbers, strict=True):
                place = self.precincts[number][1:]
                if place in counted:
                    yield line, place

    def decide(
        self, by_election: Mapping[str, list[Record]], shared: Shared
    ) -> tuple[dict[str, str], set[str]]:
        """Each race judged as the exact engine judges it (`countnotes.count_note`): the notes of
        those given no counts, and the races given some (whose counts `given` then yields)."""
        notes: dict[str, str] = {}
        given: set[str] = set()
        for label, group in by_election.items():
            if any(not r.summed and (r.row.region, r.row.unit) in self.by_place for r in group):
                raise HandOver  # counts of a precinct that may be a total: the totals stage's
            for record in group:
                pair = self.pair_of(record)
                if pair is not None and self.labels.setdefault(pair, label) != label:
                    raise HandOver  # one race's cells in one region, named into two races
            places = self.places(group)
            note = count_note(label, places, self.by_place, shared)
            if note is not None:
                notes[label] = note
            elif any(place in self.by_place for place in places):
                given.add(label)
                self.counted[label] = group
        return notes, given

    def given(self, election: str) -> Iterator[tuple[str, dict[str, Given]]]:
        """The count rows of each precinct of a race given its precincts' counts, in line order."""
        records = self.counted.get(election)
        if not records:
            return
        places = self.places(records)
        found = [(place, self.by_place[place]) for place in places if place in self.by_place]
        found.sort(key=lambda item: min(line for _, line in item[1].values()))
        for (region, _), values in found:
            yield region or "", values
