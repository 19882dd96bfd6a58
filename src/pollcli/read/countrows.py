"""Rows that count a precinct for every race, on the streaming engine: kept by precinct, not summed.

An OpenElections precinct file may give a precinct's counts as rows of their own, an office of counts
with the other cells blank (`Adams,P1,Registered Voters,,,,1200`, `Adams,P1,Ballots Cast,,,,800`:
`Row.all_races`). The exact engine gives each race the counts of the precincts it has rows in
(`assemble.Assembly.elections`), none where another race of its office shares a precinct
(`unitcounts.shared`) or where some of its precincts have no count rows (`countnotes.count_note`).

The streaming engine sums a race's rows across precincts, so it keeps what the exact engine looks
at: the count rows by precinct (`CountUnits.keep_row`: a row with no name, grouped by precinct apart
from the others, `blocks.Layout.count_names`; or ES&S's, the count in the name cell under an office
of counts, `REGISTERED VOTERS - TOTAL,,,Registered Voters - Total`: the name cells the head shows,
`CountHead.named`), and which precincts each race has rows in
(`raceunits.RaceUnits.pairs`, the race cells' precincts, as for counts given as columns). Each race
is then judged as the exact engine judges it, and given its precincts' counts (`CountUnits.given`,
for `facts.region_counts`). A count that is no race's figure (ES&S's `Ballots Cast - Blank`) is kept
with its line, for the exact engine's note (`countnotes.without_unused_counts`).

What it cannot tell as the exact engine does hands the file to it (`raceunits.HandOver`): a count
row of a blank precinct or of a precinct that may be a total, one with fact cells, a precinct's
count given twice, a precinct whose only count is no race's figure, --where (rows left out, whose
precincts it does not keep), a record that no precinct's race cells gave, a race of several race
cells in one region (a district read as geography: the exact engine names its precincts by district,
which no count row counts), an election column (`counts_in_head`). A count named in the name column
(OH 2018: candidate `Registered Voters` of no race) is summed with the other rows, and its record
for every race hands the file over once it is read (`read.stream`). Rows of no name first met past
the head (Florida's, after every race) have the file read again, kept by precinct (`met_later`).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from pollcli.columns import REGIONAL_FACTS
from pollcli.kinds import counts_office
from pollcli.read.cellsplit import clean_cell
from pollcli.read.countnotes import at_large, count_note
from pollcli.read.countsums import PrecinctCounts, precinct_counts, tables
from pollcli.read.raceunits import HandOver, RaceUnits, Signature, race_columns
from pollcli.read.roles import name_indexes
from pollcli.read.unitcounts import Ground, named, office
from pollcli.read.unitfacts import Given, Tables

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from pollcli.contract import Row
    from pollcli.read.blocks import BlockSums
    from pollcli.read.header import ColumnMap
    from pollcli.read.keysums import Part
    from pollcli.read.options import ReadOptions
    from pollcli.read.racekeys import PartyRule, Race, RaceBook
    from pollcli.read.records import CellReader, Record
    from pollcli.read.unitcounts import Place, Primaries

Shared = dict[str, tuple[list[str], list[str]]]

# The column of a row of counts for every race's precinct, on the workers (`count_column`).
COUNT_UNIT: Final[str] = "count_unit"


@dataclass(frozen=True)
class CountHead:
    """The head's rows of counts for every race (`counts_in_head`): of no name, or named as
    ES&S names them (an office of counts and its count in the name cell: `named`, those name
    cells as bytes). True when there are some."""

    found: bool = False
    named: tuple[bytes, ...] = ()

    def __bool__(self) -> bool:
        return self.found


def count_layout(counts: CountHead, names: tuple[int, ...]) -> dict[str, Any]:
    """`blocks.Layout`'s fields for the rows of counts for every race: none without."""
    return {"count_names": names, "count_cells": counts.named} if counts else {}


def count_column(
    rows: Any, names: Sequence[int], unit_index: int | None, cells: Sequence[bytes] = ()
) -> Any:
    """A block's rows (pyarrow) with their precinct's cell in a column of their own where they
    have no name (the `names` columns blank: counts for every race) or a name among `cells`
    (ES&S's `Registered Voters - Total`), blank for the others: grouped on with the keys, it
    keeps each precinct's rows of counts apart (a column, not a copy of the block)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    # (No scalar: `pa.scalar` imports pandas, 0.2 s and 15 MiB.)
    named = None
    for index in names:
        cell = pc.cast(pc.binary_length(rows.column(f"c{index}")), pa.bool_())
        named = cell if named is None else pc.or_(named, cell)
    counts = pc.invert(named)
    if cells:
        value_set = pa.array(list(cells), pa.binary())
        counts = pc.or_(counts, pc.is_in(rows.column(f"c{names[0]}"), value_set=value_set))
    blank = pc.cast(counts, pa.int64())
    unit = rows.column(f"c{unit_index}")
    return rows.append_column(COUNT_UNIT, pc.binary_repeat(unit, blank))  # the cell, or b""


def counts_apart(groups: Any, held: list[bytes | None]) -> tuple[Any, list[bytes | None], Any]:
    """A block's groups (pyarrow) without those of the rows of counts for every race (a precinct
    in `COUNT_UNIT`): (the others, their units kept apart, the groups of counts or None)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    counts = pc.cast(pc.binary_length(groups.column(COUNT_UNIT)), pa.bool_())
    if not pc.any(counts).as_py():
        return groups, held, None
    if held:
        held = [h for h, count in zip(held, counts.to_pylist(), strict=True) if not count]
    return groups.filter(pc.invert(counts)), held, groups.filter(counts)


def count_groups(groups: Any, names: list[str]) -> dict[str, Any]:
    """`blocks.BlockSums`' fields of the groups of rows of counts (`counts_apart`)."""
    return {
        "count_keys": [groups.column(k).to_pylist() for k in names],
        "count_totals": groups.column("total").to_pylist(),
        "count_firsts": groups.column("first").to_pylist(),
        "count_counts": groups.column("count").to_pylist(),
    }


def met_later(rows: Iterable[Row], columns: ColumnMap) -> bool:
    """Whether rows of a count for every race were summed (`KeySums.rows`) in a file of precincts
    whose head showed none: Florida's `Registered Voters` and `Ballots Cast` rows come after every
    race. Such a file is read again with them kept by precinct (`counts_in_head`, `later`), not
    handed to the exact engine."""
    return "unit" in columns.present and any(row.all_races for row in rows)


def counts_in_head(
    records: Sequence[tuple[int, list[str]]],
    reader: CellReader,
    options: ReadOptions,
    party: PartyRule | None,
    later: bool = False,
) -> CountHead | None:
    """Whether the head's rows count their precinct for every race with no name (an office of
    counts), or with their count in the name cell under an office of counts (ES&S's `BALLOTS
    CAST - TOTAL` / `Ballots Cast - Total`): the streaming engine then keeps such rows by
    precinct. None where it would not read such rows as the exact engine does: counts beside
    count columns, an election column, no race column, --where."""
    columns = reader.columns
    width, names = len(columns.header), name_indexes(columns)
    if not names or "unit" not in columns.present:
        return CountHead()  # (summed as ever: a record for every race hands the file over)
    races = [columns.index(c) for c in race_columns(columns, party)]
    found, named = later, set()  # `later`: rows of no name met below the head (`met_later`)
    for _, cells in records:
        if len(cells) != width:
            continue
        # (Another named count, OH 2018's candidate `Registered Voters` of no race, is summed
        # with the others, and its record for every race hands the file over after all.)
        blank = not any(cells[i].strip() for i in names)
        if not blank and (
            len(names) != 1 or not _office_of_counts([cells[i] for i in races if i is not None])
        ):
            continue
        values, _ = reader.split(cells)
        if values.get("all_races"):
            found = True
            if not blank:
                named.add(cells[names[0]].encode("utf-8"))
    # (An election column: a precinct of two elections is one place to the exact engine.)
    if found and (
        columns.present & (REGIONAL_FACTS | {"election"})
        or options.where
        or not race_columns(columns, party)
    ):
        return None
    return CountHead(found, tuple(sorted(named)))


def _office_of_counts(cells: list[str]) -> bool:
    """Whether a row's race cells name an office of counts (ES&S's `REGISTERED VOTERS - TOTAL`,
    the district and party blank): its named count is every race's, as the exact engine reads it."""
    given = [cell for cell in cells if cell.strip()]
    return bool(given) and all(counts_office(cell) for cell in given)


@dataclass
class CountUnits(RaceUnits):
    """`RaceUnits` (each race's precincts) and the rows of counts for every race, by precinct:
    (region, precinct) → {fact: (value, line)}."""

    # Each row of counts kept: its precinct's number (`RaceUnits.ids`), its fact (by its place
    # in `facts`), votes and line — 32 bytes a row while the file is read.
    rows: array[int] = field(default_factory=lambda: array("q"))
    facts: list[str] = field(default_factory=list)
    # Each row of a count that is no race's figure (ES&S's `Ballots Cast - Blank`: left out with
    # a note, `countnotes.without_unused_counts`): its precinct's number, name (by its place in
    # `names`) and line.
    unused: array[int] = field(default_factory=lambda: array("q"))
    names: list[str] = field(default_factory=list)
    # The races given their precincts' counts, with the numbers of those precincts (numpy); the
    # race of each race cells and region; each precinct's place and whether it is counted
    # (`_index`).
    counted: dict[str, Any] = field(default_factory=dict)
    labels: dict[tuple[Signature, str], str] = field(default_factory=dict)
    # Once the file is read (`_index`): each precinct's place by number, whether rows count it
    # (numpy bools) and its counts.
    indexed: tuple[list[tuple[str, str]], Any, dict[int, dict[str, Given]]] | None = None
    arrays: PrecinctCounts | None = None  # (the counts as arrays, for `by_region`)
    # What a block's rows of counts are read with: the streaming engine's parts (`KeySums.parts`),
    # the region's place among a key's cells, the file's cell reader.
    reading: tuple[Sequence[Part], int | None, CellReader] | None = None
    # Whether a row of counts names a party (a party primary's counts: `unitcounts.primaries`).
    labelled: bool = False

    def keep_row(
        self, row: Row, facts: object, region: str | None, unit: str, votes: int | None, line: int
    ) -> bool:
        """A row of a count for every race of its precinct, kept by precinct; False for a row of
        another kind (summed with the others). `HandOver` where the exact engine's answer may
        differ (see the module's docstring)."""
        if not row.all_races:
            return False
        if facts or not region or not unit or votes is None or self.reading is None:
            raise HandOver  # fact cells beside a count, a count of no precinct or no votes
        number = self._number((self.reading[2].default_election, region, unit), ())
        self.labelled = self.labelled or bool(row.party)
        if row.fact is None:  # no race's figure: left out, its line named
            if row.candidate not in self.names:
                self.names.append(row.candidate)
            self.unused.extend((number, self.names.index(row.candidate), line))
            return True
        if row.fact not in self.facts:
            self.facts.append(row.fact)
        self.rows.extend((number, self.facts.index(row.fact), votes, line))
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
        # Each region and precinct cell read once a block (a precinct's rows of counts share it).
        regions: dict[bytes, str | None] = {}
        units: dict[bytes, str] = {}
        keys = zip(*summed.count_keys, strict=True)
        for key, first, votes, count in zip(
            keys, summed.count_firsts, summed.count_totals, summed.count_counts, strict=True
        ):
            number = part_of(key[:-1], line + first, texts)
            if number is None or count > 1:
                return None
            part = parts[number]
            if not part[1].all_races:
                return None  # a row of no name of another kind: read by the exact stages
            try:
                region = None
                if region_at is not None:
                    raw = key[region_at]
                    if raw not in regions:
                        regions[raw] = place(raw.decode("utf-8"))
                    region = regions[raw]
                unit = units.get(key[-1]) or units.setdefault(
                    key[-1], clean_cell(key[-1].decode("utf-8"))
                )
            except UnicodeDecodeError:
                return None
            found.append((part, region, unit, votes, line + first))
        return found

    def keep_all(self, found: list[tuple[Part, str | None, str, int, int]]) -> None:
        """`of_block`'s rows, kept (the block taken)."""
        for (_, row, facts), region, unit, votes, line in found:
            self.keep_row(row, facts, region, unit, votes, line)

    def _index(self) -> tuple[list[tuple[str, str]], Any, dict[int, dict[str, Given]]]:
        """Each precinct's place (region, precinct) by its number, whether rows count it for
        every race (a numpy array of bools) and its counts: worked out once the file is read.
        `HandOver` for a precinct's count given twice (the exact engine names both lines)."""
        if self.indexed is None:
            import numpy as np

            counts: dict[int, dict[str, Given]] = {}
            rows = iter(self.rows)
            for number, fact, votes, line in zip(rows, rows, rows, rows, strict=True):
                given = counts.setdefault(number, {})
                if self.facts[fact] in given:
                    raise HandOver
                given[self.facts[fact]] = (str(votes), line)
            counted = np.zeros(len(self.precincts), dtype=bool)
            counted[list(counts)] = True
            if not counted[np.frombuffer(self.unused, dtype=np.int64)[::3]].all():
                # A precinct of unused counts alone: counted for every race to the exact engine
                # (`unitcounts.shared`), though it gives no race a count.
                raise HandOver
            self.indexed = ([precinct[1:] for precinct in self.precincts], counted, counts)
        return self.indexed

    def unused_rows(self) -> list[tuple[str, int]]:
        """The rows of counts that are no race's figure, kept: (name, line) each."""
        rows = iter(self.unused)
        return [(self.names[name], line) for _, name, line in zip(rows, rows, rows, strict=True)]

    def _counted(self, record: Record) -> bool:
        """Whether rows count the place of a record kept apart (a precinct that may be a total,
        whose rows the totals stage judges: the exact engine's file)."""
        assert self.reading is not None
        key = (self.reading[2].default_election, record.row.region or "", record.row.unit or "")
        number = self.ids.get(key)
        return number is not None and bool(self._index()[1][number])

    def _numbers(self, records: list[Record]) -> Any:
        """The numbers of the precincts the records have rows in (sorted, each once: numpy), for
        the records summed across precincts; `HandOver` where one kept apart (a precinct that
        may be a total) is counted for every race: the totals stage judges its rows."""
        import numpy as np

        pairs: set[tuple[Signature, str]] = set()
        for record in records:
            pair = self.pair_of(record)
            if pair is not None:
                pairs.add(pair)
            elif self._counted(record):
                raise HandOver
        found = []
        for pair in pairs:
            place = self.pairs.get(pair)
            if not place:
                raise HandOver  # race cells that no precinct gave as the records read them
            found.append(np.frombuffer(place, dtype=np.int64)[::2])
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)

    def shared(
        self,
        book: RaceBook,
        records: list[Record],
        races: list[Race | None],
        left_out: list[tuple[dict[str, str], set[int], Place | None]],
        primaries: Primaries,
    ) -> Shared:
        """`unitcounts.shared` from each race's precincts: the races with a precinct counted for
        every race that another race of their office has rows in too. The precincts met in the
        order of their first rows of each race, as the exact engine meets them row by row."""
        if left_out or ((self.labelled or self.unused) and primaries.parties):
            # Rows --where left out; counts that name a primary's party, or that are no race's
            # in a file of primaries (a count of part of a precinct: whose the others are).
            raise HandOver
        if not self.rows:
            return {}
        import numpy as np

        places, counted, _ = self._index()
        # Each office's races, with their race cells and regions: an office of one race (a
        # statewide race) shares no precinct with another.
        offices: dict[tuple[tuple[str, str], ...], dict[int, tuple[Race, set[Any]]]] = {}
        claimed: dict[tuple[Signature, str], tuple[str, ...]] = {}
        for record, race in zip(records, races, strict=True):
            if race is None:
                continue
            pair = self.pair_of(record)
            if pair is None:
                if self._counted(record):
                    raise HandOver  # counts of a precinct that may be a total
                continue
            if claimed.setdefault(pair, race.identity) != race.identity:
                raise HandOver  # one race's cells in one region, named into two races
            if at_large(race.values):
                continue  # (it covers its precincts: it shares none, `unitcounts.shared`)
            what = office(race.values, primaries.by_party)
            offices.setdefault(what, {}).setdefault(id(race), (race, set()))[1].add(pair)
        ground: Ground = {}
        for what, of_office in offices.items():
            if len(of_office) < 2:
                continue
            entrants = list(of_office.values())
            numbers, lines, which = [], [], []
            for k, (_, pairs) in enumerate(entrants):
                for pair in pairs:
                    both = np.frombuffer(self.pairs.get(pair, b""), dtype=np.int64)
                    numbers.append(both[::2])
                    lines.append(both[1::2])
                    which.append(np.full(len(both) // 2, k, dtype=np.int64))
            number, line, race_at = (np.concatenate(a) for a in (numbers, lines, which))
            kept = counted[number]
            number, line, race_at = number[kept], line[kept], race_at[kept]
            # Precincts that two races of the office or more have rows in.
            distinct = np.unique(number * len(entrants) + race_at) // len(entrants)
            at, times = np.unique(distinct, return_counts=True)
            chosen = np.isin(number, at[times > 1])
            met = sorted(
                zip(
                    line[chosen].tolist(),
                    number[chosen].tolist(),
                    race_at[chosen].tolist(),
                    strict=True,
                )
            )
            here: dict[int, dict[tuple[str, ...], str]] = {}
            for _, precinct, k in met:
                race = entrants[k][0]
                here.setdefault(precinct, {})[race.identity] = race.name
            for precinct, names in here.items():
                ground[what, places[precinct]] = names
        return named(ground)

    def decide(
        self, by_election: Mapping[str, list[Record]], shared: Shared, by_party: bool = False
    ) -> tuple[dict[str, str], set[str]]:
        """Each race judged as the exact engine judges it (`countnotes.count_note`; `by_party`:
        a primary's counts are its party's): the notes of those given no counts, and the races
        given some (whose counts `given` then yields)."""
        places, counted, _ = self._index()
        notes: dict[str, str] = {}
        given: set[str] = set()
        for label, group in by_election.items():
            regions: dict[str, Signature] = {}
            for record in group:
                pair = self.pair_of(record)
                if pair is not None and self.labels.setdefault(pair, label) != label:
                    raise HandOver  # one race's cells in one region, named into two races
                if pair is not None and regions.setdefault(pair[1], pair[0]) != pair[0]:
                    # One race of two race cells in a region (a district read as geography):
                    # the exact engine names its precincts by district (`geography.sub_units`),
                    # which the count rows of a precinct do not count.
                    raise HandOver
            numbers = self._numbers(group)
            # A record kept apart (its own place) is counted for no race (`_numbers`).
            own = {(r.row.region, r.row.unit) for r in group if not r.summed}
            has = counted[numbers]
            uncounted = [places[n] for n in numbers[~has].tolist()] + list(own)
            note = count_note(label, uncounted, len(numbers) + len(own), shared, by_party)
            if note is not None:
                notes[label] = note
            elif has.any():
                given.add(label)
                self.counted[label] = numbers[has]
        return notes, given

    def by_region(self, election: str, number_of: Callable[[str, str], Any]) -> Tables | None:
        """`facts.region_counts`' tables of a race given its precincts' counts, at once
        (`countsums.tables`); None for `given`, one precinct at a time."""
        numbers = self.counted.get(election)
        if numbers is None or not numbers.size:
            return None
        if self.arrays is None:
            self.arrays = precinct_counts(self.rows, self.facts, self._index()[0])
        return tables(self.arrays, numbers, number_of)

    def given(self, election: str) -> Iterator[tuple[str, dict[str, Given]]]:
        """The count rows of each precinct of a race given its precincts' counts, in the order
        of the precincts' first rows."""
        numbers = self.counted.get(election)
        if numbers is None:
            return
        places, _, counts = self._index()
        for number in numbers.tolist():
            yield places[number][0], counts[number]
