"""The streaming engine's options: a key's cells (all but the region) validated once, by the row
contract, into a part (`keysums.KeySums.part`: an election, a validated row and its fact cells).

A key is an option's cells and its region; a region is plain text, read key by key, so an option
met in many regions is validated once (`OptionCells.part`). Its election is no cell of the row
either: the contract pops it as a fact (`records.CellReader.split`), so the rest of the cells are
validated once for every election (race) that lists them alike — a file of every municipality's
council lists the same parties in each (`OptionCells.validated`). Its party cell is set apart as
well, plain text the contract takes as it is (`with_party`): a file of 10,000 races of their own
candidates draws them from 200,000 names, each in some five races under any party, and a name is
validated once (198,833 validations, not 817,558 of a name with its party) and numbered once
(`KeySums.row_number`): a key's part is the name's number with its party's and election's, no row
copied or hashed per key. Only cells whose
meaning may depend on the election cell (or the party's) are validated with it, option by
option: a row with no name, whose candidate may be a count named in a race or election cell, or
its party cell (`CellReader.split`), and a row the contract refuses (its block is then read by
the exact stages, which name the lines).
"""

from __future__ import annotations

from itertools import compress, count, repeat
from operator import is_, itemgetter, or_
from typing import TYPE_CHECKING, Any, Final

from pollcli.contract import Row
from pollcli.problems import Found
from pollcli.read.keysums import KeySums, option_of
from pollcli.read.limits import NAMES_KEPT, OPTIONS_KEPT, Kept
from pollcli.read.namecells import name_rows, plain

if TYPE_CHECKING:
    from collections.abc import Callable

    from pollcli.numbers import ShareMarks
    from pollcli.read.records import CellReader


class BlankLabel(Exception):
    """A value under a blank header: the file's blank-label error, for the exact engine."""


# A cell tuple whose validation may depend on its election cell: validated option by option.
_BY_OPTION: Final = ()
_UNREAD: Final = object()  # (a cell not read yet: `OptionCells._place`)
# What a tuple of an option's cells validated to: (its row's and fact cells' numbers, packed as
# `KeySums.high` packs them; its party), or `_BY_OPTION`.
Known = tuple[int, str | None] | tuple[()]
# The options of a block whose cells are looked up before the block decides whether to share.
_PROBED: Final[int] = 2048


def _cells_at(places: list[int]) -> Callable[[tuple[bytes, ...]], tuple[bytes, ...]]:
    """The cells of a key at these places, as a tuple (one cell or none as well)."""
    if len(places) == 1:
        (place,) = places
        return lambda key: (key[place],)
    getter: Any = itemgetter(*places) if places else (lambda _: ())
    return getter  # type: ignore[no-any-return]


class OptionCells:
    """Each key's part, its cells validated once (with the election's cell set apart)."""

    def __init__(
        self,
        reader: CellReader,
        sums: KeySums,
        marks: ShareMarks,
        key_indexes: tuple[int, ...],
        region_at: int | None,
        has_unit: bool,
    ) -> None:
        self.reader = reader
        self.sums = sums
        self.marks = marks
        self.width = len(reader.columns.header)
        self.blank_indexes = reader.columns.blank
        # An option's cells: each key cell's place in the key (without the region) and column.
        positions = [i for p, i in enumerate(key_indexes) if p != region_at]
        self.cells_at = list(enumerate(positions))
        self.option_of: Callable[[tuple[bytes, ...]], tuple[bytes, ...]] | None = (
            None
            if region_at is None
            else _cells_at([p for p in range(len(key_indexes)) if p != region_at])
        )
        election = reader.columns.index("election")
        self.election_at = positions.index(election) if election in positions else None
        # The cells but the election's: their places in the option's key, and each one's place
        # there and column.
        others = [p for p in range(len(positions)) if p != self.election_at]
        self.others_of = _cells_at(others)
        self.others_at = [p for p in self.cells_at if p[0] != self.election_at]
        # The party cell's place, set apart from a name's other cells: plain text the contract
        # takes as it is (cleaned), so a name is validated once whatever party lists it in each
        # race (a file of 10,000 races draws its million candidates from 200,000 names, each
        # under any party); and the name's cells (all but the election's and the party's).
        party = reader.columns.index("party")
        self.party_at = (
            positions.index(party) if party in positions and self.election_at is not None else None
        )
        name = [p for p in others if p != self.party_at]
        # (A name of one cell is looked up by its bytes: 56 bytes a name less than a 1-tuple.)
        self.name_of: Callable[[tuple[bytes, ...]], object] = (
            itemgetter(name[0]) if len(name) == 1 else _cells_at(name)
        )
        self.name_at = [p for p in self.others_at if p[0] != self.party_at]
        self.name_places = name
        # Whether a block's new names are validated as columns (`namecells.plain`), and the
        # names of the last such block that held characters printing as nothing.
        self.name_column = (
            len(name) == 1
            and self.party_at is not None
            and plain(reader, marks, self.name_at[0][1])
        )
        self.invisible: set[bytes] = set()
        # Each option's part (None: a problem), where an option is met in several keys (a
        # region's, a block's rows of precincts summed); each tuple of its cells but the
        # election's validated: (row, fact cells), or `_BY_OPTION`; and, the party set apart,
        # each name's cells so. All bounded: emptied once a block when full (a file of a million
        # names would keep a row per name for nothing).
        self.options: Kept[tuple[bytes, ...], int | None] | None = (
            Kept(OPTIONS_KEPT) if region_at is not None or has_unit else None
        )
        self.validated: Kept[tuple[bytes, ...], Known] = Kept(OPTIONS_KEPT)
        self.names: Kept[object, int | tuple[()]] = Kept(NAMES_KEPT)  # (`KeySums.high`)
        self.scratch = Found(reader.found.file)  # an option's problems: dropped
        # The block's election and party cells as read (`_place`), by their bytes.
        self.cleaned: dict[bytes, str | None] = {}
        # Whether the block's options look their cells up in `validated`: the first `_PROBED`
        # of a block do, and the rest while a quarter of those were met before. A file of races
        # of their own candidates (a million names) would keep each for nothing, at ~1 µs a name.
        # Its names are kept whatever the probe (`names`): drawn from one pool, a name is met
        # again only blocks later, and validated without its party it costs no more than with it.
        self.sharing = self.election_at is not None
        self.probed = self.met = 0

    def bound(self) -> None:
        """Once a block: the kept options let go when too many, and the sharing probed again."""
        if self.options is not None:
            self.options.bound()
        self.validated.bound()
        self.names.bound()
        self.cleaned.clear()
        self.sharing = self.election_at is not None
        self.probed = self.met = 0

    def clear(self) -> None:
        if self.options is not None:
            self.options.clear()
        self.validated.clear()
        self.names.clear()
        self.cleaned.clear()

    def part(self, key: tuple[bytes, ...], line: int, texts: dict[bytes, str]) -> int | None:
        """The part of a key's cells (all but the region), validated once; None when they have a
        problem or do not decode. `texts`: the block's cells decoded so far."""
        option = key if self.option_of is None else self.option_of(key)
        options = self.options
        if options is None:
            return self._part(option, line, texts)  # each key an option of its own
        part = options.get(option, -1)
        if part != -1:
            return part
        part = options[option] = self._part(option, line, texts)
        return part

    @property
    def keyed(self) -> bool:
        """Whether each key is an option of its own (no region, no unit), its party set apart: a
        file of many races, a key a row (read in smaller blocks: `stream.BLOCK_BYTES`)."""
        return self.options is None and self.party_at is not None

    @property
    def by_column(self) -> bool:
        """Whether a block's keys take their parts a column at a time (`column_parts`): `keyed`."""
        return self.keyed

    def column_parts(
        self, keys: list[list[bytes]], firsts: list[int], line: int, texts: dict[bytes, str]
    ) -> tuple[list[int], bool] | None:
        """`part` of each of a block's keys, given by column (`BlockSums.keys`; `by_column`): each
        distinct election, party and name cell of the block read once (a name validated once
        while it is kept: `names`), each key's part looked up by its numbers packed
        (`KeySums.numbered`), no row made or hashed per key; and whether each part is new. None
        where a cell has a problem."""
        at, party_at, sums = self.election_at, self.party_at, self.sums
        assert at is not None and party_at is not None
        try:
            elections = self._labels(keys[at], self.reader.default_election, 0)
            parties = self._labels(keys[party_at], None, 1)
        except UnicodeDecodeError:
            return None
        places = self.name_places
        if not places:
            return self._each_part(keys, firsts, line, texts)
        names: list[Any] = (
            keys[places[0]]
            if len(places) == 1
            else list(zip(*(keys[p] for p in places), strict=True))
        )
        # Each distinct name once, in the keys' order, and its numbers kept from the blocks before
        # (`KeySums.high`): only the new ones are worked out.
        distinct = list(dict.fromkeys(names))
        known: list[Any] = list(map(self.names.get, distinct))
        new = [name for name, kept in zip(distinct, known, strict=True) if kept is None]
        rows = self._name_rows(new) if self.name_column and new else {}
        if rows:  # (validated with the block's names, `namecells`: numbered at once)
            if not self.invisible.isdisjoint(rows):
                self.reader.invisible = True
            numbered = dict(zip(rows, sums.name_highs(list(rows.values())), strict=True))
            self.names.update(numbered)
            known = [
                numbered.get(name) if kept is None else kept
                for name, kept in zip(distinct, known, strict=True)
            ]
        first_at: dict[object, int] | None = None  # (each name's first key, where one is needed)
        todo = (  # (the names to work out: new ones, and one read with its party or election)
            [i for i, kept in enumerate(known) if kept.__class__ is not int]
            if () in known
            else list(compress(count(), map(is_, known, repeat(None))))
        )
        for index in todo:
            name, kept = distinct[index], known[index]
            if kept is None:  # (a name the columns left to the row's contract)
                if first_at is None:
                    first_at = {}
                    for at_key, cells in enumerate(names):
                        first_at.setdefault(cells, at_key)
                at_key = first_at[name]
                option = tuple(column[at_key] for column in keys)
                found = self._validated(option, self.name_at, line + firsts[at_key], texts)
                kept = found[0] if found else found
                known[index] = self.names[name] = kept
            if not isinstance(kept, int):  # a name read with its party or election: each key
                return self._each_part(keys, firsts, line, texts)  # as `part` reads it
        numbers = dict(zip(distinct, known, strict=True))
        # Each key's numbers packed: its name's | its party's | its election's.
        return sums.numbered(
            list(map(or_, map(numbers.__getitem__, names), map(or_, parties, elections))),
            elections,
        )

    def _name_rows(self, new: list[Any]) -> dict[object, Row]:
        """The rows of the block's names not kept yet (`new`, distinct), validated as columns
        (`namecells`), by their cells; a name the columns leave to the row's contract is not
        among them."""
        cells = new
        try:
            texts = b"\n".join(cells).decode().split("\n")  # (all at once: a block's 100,000)
        except UnicodeDecodeError:
            texts = []
        if len(texts) != len(cells):  # (a cell that does not decode, or holds a line end)
            texts, cells = self._decoded(cells)
        rows, invisible = name_rows(self.reader, texts)
        self.invisible = {cell for cell, flag in zip(cells, invisible, strict=True) if flag}
        return {cell: row for cell, row in zip(cells, rows, strict=True) if row is not None}

    @staticmethod
    def _decoded(cells: list[bytes]) -> tuple[list[str], list[bytes]]:
        """The cells that decode, as text, and those cells."""
        texts: list[str] = []
        kept: list[bytes] = []
        for cell in cells:
            try:
                texts.append(cell.decode())
            except UnicodeDecodeError:
                continue  # (left to the row's contract, which says so)
            kept.append(cell)
        return texts, kept

    def _labels(self, column: list[bytes], blank: str | None, shift: int) -> list[int]:
        """Each election (or party) cell's number (`KeySums.label`), each distinct one read once."""
        numbers = {
            raw: self.sums.label(self._place(raw) or blank, shift) for raw in dict.fromkeys(column)
        }
        return list(map(numbers.__getitem__, column))

    def _each_part(
        self, keys: list[list[bytes]], firsts: list[int], line: int, texts: dict[bytes, str]
    ) -> tuple[list[int], bool] | None:
        parts = []
        for key, first in zip(zip(*keys, strict=True), firsts, strict=True):
            part = self.part(key, line + first, texts)
            if part is None:
                return None
            parts.append(part)
        return parts, False

    def _part(self, option: tuple[bytes, ...], line: int, texts: dict[bytes, str]) -> int | None:
        at = self.election_at
        if at is None or not (self.sharing or self.party_at is not None):
            return self._validate(option, self.cells_at, line, texts)
        known: Known | None = None
        if self.sharing:
            others = self.others_of(option)
            known = self.validated.get(others)
            if self.probed < _PROBED:
                self.probed += 1
                self.met += known is not None
                if self.probed == _PROBED:
                    self.sharing = self.met * 4 >= _PROBED
            if known is None:
                known = self.validated[others] = self._shared(option, line, texts)
        else:  # (the party set apart: the name's cells looked up)
            known = self._shared(option, line, texts)
        if not known:
            return self._validate(option, self.cells_at, line, texts)
        high, party = known
        try:
            election = self._place(option[at]) or self.reader.default_election
        except UnicodeDecodeError:
            return None
        return self.sums.option_part(election, high, party)

    def _place(self, raw: bytes) -> str | None:
        """An election or party cell as the contract reads it (`CellReader.place`: cleaned, None
        when blank), once a block: a race's cell is met in each of its options' keys, a party's
        in most of the block's. UnicodeDecodeError when it does not decode."""
        cleaned = self.cleaned.get(raw, _UNREAD)
        if cleaned is _UNREAD:
            cleaned = self.cleaned[raw] = self.reader.place(raw.decode())
        return cleaned  # type: ignore[return-value]

    def _shared(self, option: tuple[bytes, ...], line: int, texts: dict[bytes, str]) -> Known:
        """The option's cells but the election's, validated for every election that lists them:
        (row number, party, fact cells); `_BY_OPTION` when the election cell may change what
        they say. With the party set apart, its name's cells validated once (`names`) and its
        party placed: the name's number, with the party's cell as the contract reads it."""
        at = self.party_at
        if at is None:
            return self._validated(option, self.others_at, line, texts)
        name = self.name_of(option)
        kept = self.names.get(name)
        if kept is None:
            known = self._validated(option, self.name_at, line, texts)
            # A name kept as its numbers alone (200,000 names), the party read key by key.
            kept = self.names[name] = known[0] if known else known
        if not isinstance(kept, int):
            return _BY_OPTION
        try:
            party = self._place(option[at])
        except UnicodeDecodeError:
            return _BY_OPTION  # (read with the rest, which says so)
        return kept, party

    def _validated(
        self,
        option: tuple[bytes, ...],
        places: list[tuple[int, int]],
        line: int,
        texts: dict[bytes, str],
    ) -> Known:
        """The option's cells at `places` (not its election's) validated: (row number, party,
        fact cells: `KeySums.row_number`), or `_BY_OPTION` when they do not validate, name no
        option, or their party came from another cell."""
        cells = self._cells(option, places, texts)
        if cells is None:
            return _BY_OPTION
        found = self._row(cells, line)
        if (
            found is None
            or found[0].all_races
            or (places is self.name_at and found[0].party is not None)
        ):
            # No name or a count: the election's cell (or the party's) may be read as one.
            return _BY_OPTION
        row, facts = found
        number, party = self.sums.row_number(row)
        return self.sums.high(number, tuple(sorted(facts.items()))), party

    def _validate(
        self,
        option: tuple[bytes, ...],
        places: list[tuple[int, int]],
        line: int,
        texts: dict[bytes, str],
    ) -> int | None:
        """The part of one option's cells (with its election's), validated; None on a problem."""
        cells = self._cells(option, places, texts)
        found = None if cells is None else self._row(cells, line)
        if found is None:
            return None
        row, facts = found
        election = facts.pop("election", None) or self.reader.default_election
        return self.sums.part(election, row, tuple(sorted(facts.items())))

    def _cells(
        self, option: tuple[bytes, ...], places: list[tuple[int, int]], texts: dict[bytes, str]
    ) -> list[str] | None:
        """A row's cells from the option's key (each cell decoded once a block); None when one
        does not decode."""
        cells = [""] * self.width
        try:
            for position, column in places:
                raw = option[position]
                text = texts.get(raw)
                cells[column] = texts.setdefault(raw, raw.decode()) if text is None else text
        except UnicodeDecodeError:
            return None
        if self.blank_indexes and any(cells[i].strip() for i in self.blank_indexes):
            raise BlankLabel
        return cells

    def _row(self, cells: list[str], line: int) -> tuple[Row, dict[str, str]] | None:
        """The cells through the row contract: the option's row (without votes, region or unit)
        and its fact cells; None (nothing recorded) when they have a problem."""
        self.marks.see(cells, line)
        values, facts = self.reader.split(cells)
        if "candidate" not in values:
            values["candidate"] = ""
        row = self.reader.row(line, values, self.scratch)
        if row is None:
            self.scratch = Found(self.reader.found.file)
            return None
        return option_of(row), facts
