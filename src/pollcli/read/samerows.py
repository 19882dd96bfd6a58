"""The exact engine's rows read with each distinct option's cells validated once.

A precinct file repeats every option's cells (name, party, kind, race…) in every precinct: a million
rows hold a few thousand distinct options. The first row of an option is read by the whole row stage
(`records.CellReader.read`, the Pydantic row contract); a later row with the very same option cells,
a vote cell of plain digits and the header's width is that validated row placed in its own region and
unit with its own count (`contract.counted`), as the streaming engine places an option validated once
(`contract.placed`). Every other row (another width, a vote cell that is no plain count, an option
whose first row was refused or is not met yet) is read by the whole stage, which records its
problems at its line and column as before.

The rows are taken `CHUNK_ROWS` at a time. Where the file's rows are held as numbers (`columnar`,
`read.rowcolumns`) and every row of a chunk is of an option held, with a plain vote cell and the
header's width (as nearly every chunk of a precinct file past its first), the chunk is held a
column at a time (`_held_chunk`: `map` over its rows, each distinct vote or place cell read once),
not row by row: the same numbers in the same order, and no Python loop per row.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain, repeat
from operator import itemgetter
from typing import Final, cast

from pollcli.columns import INT_FACTS, REGIONAL_FACTS, is_fact_cell
from pollcli.contract import Row, counted
from pollcli.numbers import plain_votes
from pollcli.read.cellsplit import COUNT_DASHES
from pollcli.read.header import ColumnMap
from pollcli.read.records import CellReader, Record
from pollcli.read.rowcolumns import RowColumns

# How many distinct options (and vote cells) are kept, some 30 MB at most; past it, rows of
# options not kept are read by the whole row stage.
KEPT: Final[int] = 1 << 18
# Past this many options, a new one is kept only while the rows have met kept ones at least as
# often as options were kept: a file whose rows are each an option of their own keeps few.
TRIAL: Final[int] = 4096
# How many rows are read at a time (`_held_chunk`); the progress bar hears of the rows read as
# each chunk begins.
CHUNK_ROWS: Final[int] = 10_000


def read_rows(
    reader: CellReader,
    pending: list[tuple[int, list[str]]],
    delimiter: str,
    records: list[Record],
    report: Callable[[int], None],
    columnar: bool = False,
) -> None:
    """Each of `pending`'s rows (in reverse order: the last row first) read into `records`, in the
    file's order; each row's cells let go once read, so that the records take their place in
    memory rather than add to them. `report` hears of the rows read. `columnar`: the rows of an
    option met before are held as numbers (`read.rowcolumns`), and summed per region where that
    gives the same answer (`rowcolumns.eligible` says where it may)."""
    columns = reader.columns
    width = len(columns.header)
    votes = columns.index("votes")
    region, unit = columns.index("region"), columns.index("unit")
    named = list(columns.columns.values())
    # A precinct's counts (`registered`…) beside a named option are the row's own, as its place:
    # read cell by cell, not part of the option's cells (`_Counts`).
    name = columns.index("candidate")
    counts_of = _Counts(columns, reader) if name is not None else None
    if counts_of is not None and not counts_of.indexes:
        counts_of = None
    own = (votes, region, unit, *(counts_of.indexes if counts_of else ()))
    keyed = tuple(i for i in columns.columns if i not in own)
    key_of = _cells_at(keyed)
    # Without a votes column (or with vote-mode columns, or a column named twice), every row is
    # read by the whole stage.
    once = all(named.count(c) <= 1 for c in ("votes", "region", "unit", *REGIONAL_FACTS))
    same = votes is not None and not columns.vote_parts and once
    options: dict[tuple[str, ...], tuple[Row, str, dict[str, str]]] = {}
    held = RowColumns(reader.place, region is not None) if columnar and same else None
    numbered: dict[tuple[str, ...], int] = {}  # an option's number among those `held`
    counts: dict[str, int] = {}
    places: dict[str, str | None] = {}  # each place cell as `reader.place` reads it, once
    met = 0  # rows of an option kept
    count = len(pending)
    if held is not None:  # (bound once: a million rows)
        add_option, add_region, add_unit = held.option.append, held.region.append, held.unit.append
        add_votes, add_line, numbers, place_number = (
            held.votes.append,
            held.lines.append,
            held.numbers,
            held.number,
        )
        at_unit = -1 if unit is None else unit
        at_votes = -1 if votes is None else votes  # (not None where `held`: `same`)
    index = 0
    while index < count:
        # A chunk of rows at a time (the rows before it let go): held a column at a time where
        # `_held_chunk` may hold it, else row by row, as below.
        size = min(CHUNK_ROWS, count - index)
        chunk = pending[-size:]
        del pending[-size:]
        chunk.reverse()
        report(index)
        index += size
        if held is not None and _held_chunk(
            held, chunk, width, key_of, numbered, counts, at_votes, at_unit, region
        ):
            met += size
            continue
        for line, cells in chunk:
            if same and len(cells) == width:
                assert votes is not None
                text = cells[votes]
                number = counts.get(text)
                if number is None:
                    number = plain_votes(text)
                    if number is not None and len(counts) < KEPT:
                        counts[text] = number
                if number is not None:
                    key = key_of(cells)
                    if held is not None and key in numbered:  # a row as five numbers
                        met += 1
                        add_option(numbered[key])
                        text = cells[at_unit]
                        add_unit(place_number(text) if (at := numbers.get(text)) is None else at)
                        if region is None:
                            add_region(0)
                        else:
                            text = cells[region]
                            add_region(
                                place_number(text) if (at := numbers.get(text)) is None else at
                            )
                        add_votes(number)
                        add_line(line)
                        continue
                    known = options.get(key)
                    if known is not None:
                        met += 1
                        row, election, facts = known
                        where = within = None
                        if region is not None:
                            text = cells[region]
                            where = places[text] if text in places else _place(reader, places, text)
                        if unit is not None:
                            text = cells[unit]
                            within = (
                                places[text] if text in places else _place(reader, places, text)
                            )
                        row = counted(row, where, within, number)
                        facts = counts_of.facts(facts, cells) if counts_of else dict(facts)
                        records.append(Record(line, election, row, number, facts))
                        continue
                    record = reader.read(line, cells, delimiter)
                    if record is None:
                        continue
                    kept = len(options)
                    if record.votes == number and kept < KEPT and (kept < TRIAL or met >= kept):
                        if counts_of is None:
                            options[key] = (record.row, record.election, dict(record.facts))
                        elif name is not None and reader.place(cells[name]):
                            # (A row without a name of its own may be named by a count cell.)
                            options[key] = (
                                record.row,
                                record.election,
                                counts_of.apart(record.facts),
                            )
                        if held is not None and key in options:
                            assert unit is not None
                            where_at = 0 if region is None else held.number(cells[region])
                            numbered[key] = held.first(record, where_at, held.number(cells[unit]))
                            continue
                    if held is not None:
                        held.other(record)
                    else:
                        records.append(record)
                    continue
            record = reader.read(line, cells, delimiter)
            if record is not None:
                if held is not None:
                    held.other(record)
                else:
                    records.append(record)
    if held is not None:
        counts.clear()  # (the vote cells' strings: see `RowColumns.records`)
        # A row refused for a cell is compared with its unit's other rows (`refused_repeats`).
        held.refused = bool(reader.rejected)
        records.extend(held.records())


class _Counts:
    """A precinct's count cells (`columns.REGIONAL_FACTS`: registered, ballots_cast…) of each row,
    put among the facts of its option's first row as `CellReader.split` puts them: in the order of
    the columns, cleaned, left out when blank."""

    def __init__(self, columns: ColumnMap, reader: CellReader) -> None:
        self.order = [
            (column, index if column in REGIONAL_FACTS else None)
            for index, column in columns.columns.items()
            if is_fact_cell(column) and column != "election"
        ]
        self.indexes = tuple(i for _, i in self.order if i is not None)
        self.place = reader.place

    def apart(self, facts: dict[str, str]) -> dict[str, str]:
        """An option's first row's facts without its counts."""
        return {c: v for c, v in facts.items() if c not in REGIONAL_FACTS}

    def facts(self, option: dict[str, str], cells: list[str]) -> dict[str, str]:
        """A row's facts: its option's (`apart`) and its own counts, in the columns' order."""
        facts: dict[str, str] = {}
        for column, index in self.order:
            value = option.get(column) if index is None else self.place(cells[index])
            if value and not (index is not None and value in COUNT_DASHES and column in INT_FACTS):
                facts[column] = value
        return facts


def _held_chunk(
    held: RowColumns,
    chunk: list[tuple[int, list[str]]],
    width: int,
    key_of: Callable[[list[str]], tuple[str, ...]],
    numbered: dict[tuple[str, ...], int],
    counts: dict[str, int],
    votes: int,
    unit: int,
    region: int | None,
) -> bool:
    """`chunk`'s rows held in `held` a column at a time, as the row loop of `read_rows` holds each
    (an option met before, a plain vote cell, the header's width), when every row is such a row;
    False, with nothing held, otherwise. Place cells met for the first time are numbered in the
    rows' order, each row's unit before its region, as the loop numbers them."""
    rows = list(map(itemgetter(1), chunk))
    if len(rows) != sum(map(width.__eq__, map(len, rows))):
        return False
    options = list(map(numbered.get, map(key_of, rows)))
    if None in options:
        return False
    texts = list(map(itemgetter(votes), rows))
    fresh: dict[str, int] = {}  # each vote cell not met before, read once
    for text in dict.fromkeys(texts):
        if text not in counts:
            number = plain_votes(text)
            if number is None:
                return False
            fresh[text] = number
            if len(counts) < KEPT:
                counts[text] = number
    figures = list(map(counts.get, texts))
    for at in _missing(figures):
        figures[at] = fresh[texts[at]]
    unit_cells = list(map(itemgetter(unit), rows))
    region_cells = None if region is None else list(map(itemgetter(region), rows))
    numbers = held.numbers
    regions = None if region_cells is None else list(map(numbers.get, region_cells))
    # Each place cell not numbered yet, numbered once, in the order the rows first name it (a
    # row's unit before its region; the units alone where every region is numbered already, as
    # past a file's first rows).
    new_regions = regions is not None and None in regions
    met = (
        chain.from_iterable(zip(unit_cells, region_cells, strict=True))
        if new_regions and region_cells is not None
        else unit_cells
    )
    for text in dict.fromkeys(met):
        if text not in numbers:
            held.number(text)
    units = list(map(numbers.__getitem__, unit_cells))
    if new_regions and region_cells is not None:
        regions = list(map(numbers.__getitem__, region_cells))
    # (No None is left in these lists: the misses are filled above.)
    held.option.extend(cast("list[int]", options))
    held.unit.extend(units)
    held.region.extend(repeat(0, len(rows)) if regions is None else cast("list[int]", regions))
    held.votes.extend(cast("list[int]", figures))
    held.lines.extend(map(itemgetter(0), chunk))
    return True


def _missing(values: list[int | None]) -> list[int]:
    """The places of None in `values`."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = values.index(None, at + 1)
            found.append(at)
    except ValueError:
        return found


def _cells_at(indexes: tuple[int, ...]) -> Callable[[list[str]], tuple[str, ...]]:
    """A row's cells at `indexes`, as a tuple (an itemgetter's, when it gives one: two or more)."""
    if len(indexes) > 1:
        return itemgetter(*indexes)
    return lambda cells: tuple([cells[i] for i in indexes])


def _place(reader: CellReader, places: dict[str, str | None], text: str) -> str | None:
    """A place cell as the reader reads it (`CellReader.place`), kept for its next rows: one string
    for each place, however many rows name it."""
    place = reader.place(text)
    if len(places) < KEPT:
        places[text] = place
    return place
