"""A record's race-key and --where cells, and its race, as `races.assemble` reads them row by row.

Where the race keys are cells a record only reads (its election, party, office) and no --where is
given, records of one race read alike: the cells (a dict by column index) and the key values (a
dict by role) of each distinct (election, party, office) are made once and shared, and its race
looked up in the book once (a million rows of 10,000 races: a dict of each and a lookup per row
were 0.8 s). Otherwise each record's are read as they are, some taken out of its facts.
"""

from __future__ import annotations

from itertools import groupby, repeat
from operator import attrgetter
from typing import Final

from pollcli.columns import WHERE_PREFIX
from pollcli.namekeys import spacing_key
from pollcli.read.racekeys import KeyColumn, RaceBook, is_pollcli_stage
from pollcli.read.racekeys import Race as Entry
from pollcli.read.records import Record
from pollcli.read.roles import RACE_FACT_KEYS
from pollcli.read.selection import Where, moved_cell, unit_cell, unit_part

# Race keys whose cells `record_values` reads from a record without taking them out of its facts.
READ_ONLY: Final[frozenset[str]] = frozenset({"election", "party", "office"})

Cells = tuple[dict[int, str], dict[str, str]]
_ELECTION, _ALL_RACES = attrgetter("election"), attrgetter("row.all_races")


class RowCells:
    """Each record's cells by column index and key values by role (`of`), and its race (`race`)."""

    def __init__(self, keys: list[KeyColumn], where: Where) -> None:
        self.keys, self.where = keys, where
        # Shared by records of the same cells: only where no cell is taken out of a record.
        self.shared = not where.canonical and all(k.role in READ_ONLY for k in keys)
        roles = {k.role for k in keys}
        self.by_party, self.by_office = "party" in roles, "office" in roles  # (else not read)
        self.met: dict[tuple[str, str | None, str | None], Cells] = {}
        self.races: dict[int, Entry] = {}  # by the id of a shared `values` (kept in `met`)

    def of(self, record: Record) -> Cells:
        """The record's cells by column index (`record_values`) and its key values by role. Shared
        values are read only (a stage that changes one makes its own: `RaceBook.keyed`)."""
        if not self.shared:
            return self._read(record)
        seen = (
            record.election,
            record.row.party if self.by_party else None,
            record.facts.get("office") if self.by_office else None,
        )
        cells = self.met.get(seen)
        if cells is None:
            cells = self.met[seen] = self._read(record)
        return cells

    def race(self, book: RaceBook, values: dict[str, str]) -> Entry:
        """`book.add(values)`, once for values shared by many records (`of`)."""
        if not self.shared:
            return book.add(values)
        race = self.races.get(id(values))
        if race is None:
            race = self.races[id(values)] = book.add(values)
        return race

    def by_runs(self, book: RaceBook, records: list[Record]) -> list[Entry | None] | None:
        """Each record's race (`race`), told once for each run of records of one election, where
        the election is the only race key a record reads and none counts every race (a file of
        10,000 races of 100 candidates each: 10,000 look-ups, not a million); None otherwise,
        for the caller's loop record by record. The races are added to the book in the order
        the loop adds them (each run's first record)."""
        if not self.shared or self.by_party or self.by_office or any(map(_ALL_RACES, records)):
            return None
        races: list[Entry | None] = []
        for _, run in groupby(records, _ELECTION):
            group = list(run)
            races.extend(repeat(self.race(book, self.of(group[0])[1]), len(group)))
        return races

    def _read(self, record: Record) -> Cells:
        value_of = record_values(record, self.keys, self.where)
        values = {k.role: value_of.get(k.index, "") for k in self.keys}
        for key in self.keys:
            # A district read as geography in this race (`geography.sub_units`): its cell was
            # moved to the row's region or unit (or the end of the unit's name), where `--where
            # district=1` reads it (not as no district, which left the race's rows out), the
            # race's values unchanged.
            if key.index in self.where.wanted and not value_of.get(key.index):
                canonical = self.where.canonical.get(key.index, "")
                moved = canonical if canonical in ("region", "unit") else None
                moved = moved or self.where.moved.get(key.index)
                if moved:
                    value_of[key.index] = moved_cell(record.row, moved, record.line, self.where)
        return value_of, values


def record_values(record: Record, keys: list[KeyColumn], where: Where) -> dict[int, str]:
    """The record's race-key and --where cells by column index, taken out of its facts (except
    `office`, which is also a fact, and a `stage` that is pollcli's)."""
    value_of: dict[int, str] = {}
    facts = record.facts
    for key in keys:
        if key.role == "election":
            value_of[key.index] = record.election
        elif key.role == "party":
            value_of[key.index] = record.row.party or ""
        elif key.role == "office":
            value_of[key.index] = facts.get("office", "")
        elif key.role == "stage":
            stage = facts.get("stage", "")
            if stage and not is_pollcli_stage(stage):
                value_of[key.index] = facts.pop("stage")
        else:
            value_of[key.index] = value = facts.pop(key.canonical, "")
            if value and key.role in RACE_FACT_KEYS:  # (--race-by vote_for: still its seats)
                facts[key.role] = value
    for index, canonical in where.canonical.items():
        if index in value_of:
            continue
        if canonical.startswith(WHERE_PREFIX):
            value_of[index] = facts.pop(canonical, "")
        elif canonical == "unit":
            value_of[index] = unit_cell(record.row, record.line, where)
            if index in where.unit_parts:  # (one column of a unit of several: its part)
                value_of[index] = unit_part(value_of[index], where.unit_parts[index])
        elif canonical == "region":  # (a region named by its path: the cell it was, or the path)
            region = record.row.region or ""
            named = spacing_key(region) in where.wanted[index]
            value_of[index] = region if named else where.region_paths.get(region, region)
        elif canonical in ("party", "candidate", "kind"):
            value_of[index] = str(getattr(record.row, canonical) or "")
        else:
            moved = where.moved.get(index)
            value_of[index] = facts.get(canonical, "") or (
                moved_cell(record.row, moved, record.line, where) if moved else ""
            )
    return value_of
