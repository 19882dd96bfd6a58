"""The streaming engine's option cells through the row contract (`contract.Row`), once per option.

A key of the streaming engine is an option's cells (all but the region, which is plain text) with its
region. Files of many regions repeat each option's cells in every region, and files of many races
repeat a candidate's name (and kind, share…) under each party and race that names it: the election
and party cells are plain text too — the contract takes a party as it is, and an election cell is a
fact — so an option's other cells are validated once (its "shape", those two cells blank) and each
key is that row given its party and election. A shape whose candidate cell is blank is validated
with its every cell, as `records.CellReader.split` reads a race cell there.
"""

from __future__ import annotations

from pollcli.contract import Row, with_party
from pollcli.problems import Found
from pollcli.read.keysums import Facts, KeySums, option_of
from pollcli.read.limits import OPTIONS_KEPT, Kept
from pollcli.read.records import CellReader, clean_cell


class OptionCells:
    """Each option's cells validated once, as a `KeySums` part."""

    def __init__(self, reader: CellReader, sums: KeySums, kept: int = OPTIONS_KEPT) -> None:
        self.reader = reader
        self.sums = sums
        columns = reader.columns
        self.name_index = columns.index("candidate")
        self.party_index = columns.index("party")
        self.election_index = columns.index("election")
        # A shape (the cells with the election and party blank) → its validated row and fact
        # cells, or None when they have a problem.
        self.shapes: Kept[tuple[str, ...], tuple[Row, Facts] | None] = Kept(kept)

    def part(self, cells: list[str], line: int) -> int | None:
        """The part (`KeySums.part`) of an option's key cells (`cells`, the engine's own list, all
        but the region); None (nothing recorded) when they have a problem."""
        reader = self.reader
        if self.name_index is None or not clean_cell(cells[self.name_index]):
            validated = self._validated(cells, line)
            return None if validated is None else self.sums.part(*validated)
        party: str | None = None
        election: str | None = None
        if self.party_index is not None:
            party = reader.place(cells[self.party_index])
            cells[self.party_index] = ""
        if self.election_index is not None:
            election = reader.place(cells[self.election_index])
            cells[self.election_index] = ""
        shape = tuple(cells)
        if shape in self.shapes:
            known = self.shapes[shape]
        else:
            validated = self._validated(cells, line)
            known = self.shapes[shape] = None if validated is None else validated[1:]
        if known is None:
            return None
        row, facts = known
        return self.sums.part(election or reader.default_election, with_party(row, party), facts)

    def _validated(self, cells: list[str], line: int) -> tuple[str, Row, Facts] | None:
        """The cells' election, row and fact cells, by the exact engine's stages; None when they
        have a problem (the exact stages then read the block and name the lines)."""
        reader = self.reader
        values, facts = reader.split(cells)
        if "candidate" not in values:
            values["candidate"] = ""
        row = reader.row(line, values, Found(reader.found.file))
        if row is None:
            return None
        election = facts.pop("election", None) or reader.default_election
        return election, option_of(row), tuple(sorted(facts.items()))

    def bound(self) -> None:
        self.shapes.bound()

    def clear(self) -> None:
        self.shapes.clear()
