"""Per-precinct counts of the precincts that may be totals, on the streaming engine.

Rows whose precinct may make them a total (blank, `TOTALS`, named like its county:
`total_words.suspect_cells`) are kept apart as keys of their own, for the totals stage to judge once
the file is summed (`totals.set_aside`). Beside per-precinct counts (`registered_voters`), such a
precinct's counts are read with its rows, as the exact engine reads them: they count only where the
totals stage keeps the rows (a TOTALS row's registered voters are no precinct's, a precinct named
like its county is one). So they are kept apart too, and given to those rows' records once the file
is summed (`attach`), for the facts stage to read as it reads the exact engine's rows. A precinct
kept apart in one block and summed in another, or whose kept rows give two values of a count,
hands the file to the exact engine (`Mixed`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pollcli.read.cellsplit import clean_cell
from pollcli.read.keysums import writable
from pollcli.read.raceunits import note
from pollcli.read.records import CellReader, Record
from pollcli.read.unitfacts import UnitFacts, UnitKey


class Mixed(Exception):
    """A precinct's counts both kept apart and summed, or unlike between its kept rows."""


@dataclass
class ApartFacts:
    """The counts of the precincts kept apart, by precinct (election, region, precinct)."""

    keys: tuple[str, ...] = ()
    facts: dict[UnitKey, dict[str, str]] = field(default_factory=dict)

    def _keep(self, unit: UnitKey, values: dict[str, str], summed: UnitFacts) -> None:
        if unit in summed.units:
            raise Mixed
        if self.facts.setdefault(unit, values) != values:
            raise Mixed

    def idle(self, held: Sequence[bytes | None]) -> bool:
        """Whether `split` would hand a block's combinations back as they are: none of its rows
        kept apart, and no precinct kept apart so far."""
        return not self.facts and all(h is None for h in held)

    def split(
        self,
        columns: list[list[str]],
        lines: list[int],
        held: Sequence[bytes | None],
        precinct_columns: Sequence[str],
        default_election: str,
        summed: UnitFacts,
    ) -> tuple[list[list[str]], list[int]]:
        """A block's (precinct cells, counts) combinations, cleaned, without those of the
        precincts its rows kept apart (`held`), whose counts are kept here."""
        suspects = {clean_cell(h.decode("utf-8", "replace")) for h in held if h is not None}
        if not suspects and not self.facts:
            return columns, lines
        at = {c: i for i, c in enumerate(precinct_columns)}
        # (No region column where --race-by makes the county a race key: no region, as the
        # exact stages' records have none.)
        election_at, region_at, unit_at = at.get("election"), at.get("region"), at["unit"]
        width = len(precinct_columns)
        kept: list[int] = []
        for position, cells in enumerate(zip(*columns, strict=True)):
            election = (cells[election_at] if election_at is not None else "") or default_election
            region = cells[region_at] if region_at is not None else ""
            unit = (election, region, cells[unit_at])
            if cells[unit_at] in suspects:
                values = {k: v for k, v in zip(self.keys, cells[width:], strict=True) if v}
                if not cells[unit_at] or not region:
                    if values:
                        raise Mixed  # counts of no precinct (a blank one): the exact engine's
                    continue
                self._keep(unit, values, summed)
            elif unit in self.facts:
                raise Mixed
            else:
                kept.append(position)
        if len(kept) == len(lines):
            return columns, lines
        return [[column[i] for i in kept] for column in columns], [lines[i] for i in kept]

    def exact_row(
        self, record: Record, line: int, apart: bool, summed: UnitFacts, reader: CellReader
    ) -> None:
        """A row the exact stages read: kept apart, its counts stay in its facts; summed, they are
        its precinct's (`UnitFacts.add`, which names a conflict at this line). `Mixed` for a row
        of a precinct both kept apart and summed, or a count of a row that names no precinct."""
        unit = (record.election, record.row.region or "", record.row.unit or "")
        if apart:
            values = {k: record.facts[k] for k in self.keys if k in record.facts}
            if not unit[1] or not unit[2]:
                if values:
                    raise Mixed  # counts of no precinct (a blank one): the exact engine's
                return
            self._keep(unit, values, summed)
            return
        if unit in self.facts:
            raise Mixed
        note(summed, record, line)
        if unit[1] and unit[2]:
            summed.register(unit)
        for key in [k for k in record.facts if k in self.keys]:
            value = record.facts.pop(key)
            if not unit[1] or not unit[2]:
                raise Mixed  # a count of no precinct: the exact engine's to read
            header, mark = reader.columns.header_of(key), (reader.decimal, reader.decimal_given)
            summed.add(unit, key, value, line, reader.found, header, mark)

    def attach(self, records: list[Record]) -> None:
        """Give each kept-apart record its precinct's counts, as the exact engine's row holds them."""
        if not self.facts:
            return
        for record in records:
            if record.row.unit is not None and not record.summed:
                found = self.facts.get((record.election, record.row.region or "", record.row.unit))
                if found:
                    writable(record).update(found)
