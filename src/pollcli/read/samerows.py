"""The exact engine's rows read with each distinct option's cells validated once.

A precinct file repeats every option's cells (name, party, kind, race…) in every precinct: a million
rows hold a few thousand distinct options. The first row of an option is read by the whole row stage
(`records.CellReader.read`, the Pydantic row contract); a later row with the very same option cells,
a vote cell of plain digits and the header's width is that validated row placed in its own region and
unit with its own count (`contract.counted`), as the streaming engine places an option validated once
(`contract.placed`). Every other row (another width, a vote cell that is no plain count, an option
whose first row was refused or is not met yet) is read by the whole stage, which records its
problems at its line and column as before.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Final

from pollcli.columns import INT_FACTS, REGIONAL_FACTS, is_fact_cell
from pollcli.contract import Row, counted, plain_votes
from pollcli.read.header import ColumnMap
from pollcli.read.records import COUNT_DASHES, CellReader, Record
from pollcli.read.rowcolumns import RowColumns

# How many distinct options (and vote cells) are kept, some 30 MB at most; past it, rows of
# options not kept are read by the whole row stage.
KEPT: Final[int] = 1 << 18
# Past this many options, a new one is kept only while the rows have met kept ones at least as
# often as options were kept: a file whose rows are each an option of their own keeps few.
TRIAL: Final[int] = 4096
# How often the progress bar hears of the rows read.
PROGRESS_ROWS: Final[int] = 10_000


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
    for index in range(count):
        line, cells = pending.pop()
        if index % PROGRESS_ROWS == 0:
            report(index)
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
                        add_region(place_number(text) if (at := numbers.get(text)) is None else at)
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
                        within = places[text] if text in places else _place(reader, places, text)
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
                        options[key] = (record.row, record.election, counts_of.apart(record.facts))
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
