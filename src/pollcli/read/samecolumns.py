"""`samerows.read_rows`'s rows held as numbers (`read.rowcolumns`), told apart column by column.

Where `read_rows` holds the rows of an option met before as numbers (`RowColumns`), a million rows
took some 2 s of a loop that looked up each row's option, votes and places in dictionaries. Here the
same is done a column at a time: each column's cells numbered by their distinct values, an option's
cells as one number, and each row's vote cell read once per distinct cell (`contract.plain_votes`).
The rows the whole row stage reads (`CellReader.read`) are read one by one, in the file's order, as
`read_rows` reads them: each option's first row (and its next one, where the first was not kept),
and every row of another width or of a vote cell that is no plain count; the others are its option's
row placed and counted, as `read_rows` holds them, with the same place numbers given in the same
order (`RowColumns.number`).

Only where `read_rows` would keep every option it meets (fewer than `samerows.TRIAL`: past it,
whether an option is kept depends on the rows met before, counted row by row) and every row has the
header's width; None otherwise, and `read_rows` reads the rows one by one.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Final

from pollcli.contract import plain_votes
from pollcli.read.plainrows import PlainColumns
from pollcli.read.records import CellReader, Record
from pollcli.read.rowcolumns import RowColumns

if TYPE_CHECKING:
    import numpy as np

Key = Callable[[list[str]], tuple[str, ...]]
# A column's codes and distinct cells, by the column's index.
Column = Callable[[int], "tuple[np.ndarray, list[str]]"]
# From this many rows (fewer are read one by one, quicker than numpy's start).
COLUMN_ROWS: Final[int] = 1 << 16


def hold_rows(
    reader: CellReader,
    pending: list[tuple[int, list[str]]],
    delimiter: str,
    held: RowColumns,
    key_of: Key,
    keyed: Sequence[int],
    at: tuple[int, int | None, int],
    limits: tuple[int, int],
    report: Callable[[int], None],
    plain: PlainColumns | None = None,
) -> bool:
    """`pending`'s rows (the last first) into `held`, as `read_rows` holds them; `at`: the votes,
    region and unit columns; `keyed`: the option's; `limits`: (`TRIAL`, `PROGRESS_ROWS`); `plain`:
    the rows' columns as pyarrow split them, if it did. False, with nothing done, where that could
    differ (see the module's docstring)."""
    import numpy as np

    votes, region, unit = at
    trial, progress = limits
    width = len(reader.columns.header)
    count = len(pending)
    rows = list(map(itemgetter(1), pending))
    if not rows or set(map(len, rows)) != {width}:
        return False
    rows.reverse()
    pending.reverse()  # (the file's order)
    column = _columns(rows, plain)
    vote_codes, vote_cells = column(votes)
    figures = [plain_votes(text) for text in vote_cells]
    is_plain = np.array([f is not None for f in figures], dtype=bool)[vote_codes]
    number = np.array([f or 0 for f in figures], dtype=np.int64)[vote_codes]
    option = _option_codes(column, len(rows), keyed)
    if option is None or np.unique(option[is_plain]).size >= trial:
        pending.reverse()
        return False
    # Each option's first plain row, and each plain row's next of the same option.
    index = np.arange(count, dtype=np.int64)
    at_plain = np.flatnonzero(is_plain)
    order = at_plain[np.argsort(option[at_plain], kind="stable")]
    same = option[order[1:]] == option[order[:-1]]
    after = np.full(count, -1, dtype=np.int64)
    after[order[:-1][same]] = order[1:][same]
    first = np.ones(order.size, dtype=bool)
    first[1:] = ~same
    events = np.sort(np.concatenate([np.flatnonzero(~is_plain), order[first]])).tolist()
    # The rows the whole stage reads, in the file's order.
    kept_at = np.full(int(option.max(initial=0)) + 1, count, dtype=np.int64)
    number_of = np.zeros(kept_at.size, dtype=np.int64)
    firsts: list[Record] = []
    first_rows: list[int] = []
    others: list[tuple[int, Record]] = []
    options: dict[tuple[str, ...], int] = {}
    mark = 0
    while events:
        row = heapq.heappop(events)
        while mark <= row:
            report(mark)
            mark += progress
        line, cells = pending[row]
        record = reader.read(line, cells, delimiter)
        if not is_plain[row]:
            if record is not None:
                others.append((row, record))
            continue
        if record is not None and record.votes == int(number[row]):
            key = key_of(cells)
            assert key not in options  # (a kept option's rows are held)
            options[key] = number_of[option[row]] = len(firsts)
            kept_at[option[row]] = row
            firsts.append(record)
            first_rows.append(row)
            continue
        if record is not None:
            others.append((row, record))
        if after[row] >= 0:
            heapq.heappush(events, int(after[row]))
    while mark < count:
        report(mark)
        mark += progress
    lines = np.fromiter(map(itemgetter(0), pending), dtype=np.int64, count=count)
    held_rows = is_plain & (index > kept_at[option])
    held_rows[first_rows] = True
    at_held = np.flatnonzero(held_rows)
    del held_rows, index
    regions, units = _places(held, column, (region, unit), at_held, first_rows)
    pending.clear()  # (the cells let go: the rows are numbers now)
    del rows
    held.firsts = firsts
    _fill(held.option, number_of[option[at_held]], "i")
    _fill(held.region, regions, "i")
    _fill(held.unit, units, "i")
    _fill(held.votes, number[at_held], "q")
    _fill(held.lines, lines[at_held], "q")
    placed = np.searchsorted(at_held, [row for row, _ in others]).tolist()
    held.others = [(p, r) for p, (_, r) in zip(placed, others, strict=True)]
    return True


def _codes(cells: list[str]) -> tuple[np.ndarray, list[str]]:
    """Each cell's number among the column's distinct cells, and those cells (pyarrow's dictionary
    encoding; a dictionary's, for a cell that does not turn into UTF-8: a lone surrogate)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        encoded = pc.dictionary_encode(pa.array(cells, pa.string()))
    except (pa.ArrowException, UnicodeError):
        distinct: dict[str, int] = dict.fromkeys(cells, 0)
        for number, text in enumerate(distinct):
            distinct[text] = number
        codes = np.fromiter(map(distinct.__getitem__, cells), dtype=np.int64, count=len(cells))
        return codes, list(distinct)
    codes = encoded.indices.to_numpy().astype(np.int64)
    return codes, encoded.dictionary.to_pylist()


def _option_codes(column: Column, count: int, keyed: Sequence[int]) -> np.ndarray | None:
    """Each row's option (its cells at `keyed`) as a number, the same for the same cells; None
    past 64 bits."""
    import numpy as np

    option = np.zeros(count, dtype=np.int64)
    span = 1
    for index in keyed:
        codes, distinct = column(index)
        span *= max(len(distinct), 1)
        if span >= 1 << 62:
            return None
        option *= max(len(distinct), 1)
        option += codes
    _, inverse = np.unique(option, return_inverse=True)
    numbered: np.ndarray = inverse.reshape(-1).astype(np.int64)
    return numbered


def _columns(rows: list[list[str]], plain: PlainColumns | None) -> Column:
    """A column's codes and distinct cells (`_codes`): pyarrow's where it split these very rows
    (`plain`: the same cells lists, one by one), else numbered here."""
    import numpy as np

    count = len(rows)
    if plain is not None and plain.rows.size == count:
        ids = np.fromiter(map(id, rows), dtype=np.int64, count=count)
        if np.array_equal(ids, plain.rows):
            return lambda index: (plain.codes[index].astype(np.int64), plain.values[index])
    return lambda index: _codes(list(map(itemgetter(index), rows)))


def _places(
    held: RowColumns,
    column: Column,
    at: tuple[int | None, int],
    at_held: np.ndarray,
    first_rows: list[int],
) -> tuple[np.ndarray, np.ndarray]:
    """The held rows' region and unit place numbers (`RowColumns.number`), given in the order
    `read_rows` gives them: a first row's region, then its unit; a later row's unit, then its
    region."""
    import numpy as np

    region, unit = at
    unit_codes, unit_cells = column(unit)
    region_codes, region_cells = column(region) if region is not None else (None, [])
    joint: dict[str, int] = dict.fromkeys(unit_cells + region_cells, 0)
    for number, text in enumerate(joint):
        joint[text] = number
    distinct = list(joint)
    unit_code = np.array([joint[t] for t in unit_cells], dtype=np.int64)[unit_codes[at_held]]
    if region_codes is None:
        order = unit_code
    else:
        region_code = np.array([joint[t] for t in region_cells], dtype=np.int64)
        region_code = region_code[region_codes[at_held]]
        is_first = np.zeros(unit_codes.size, dtype=bool)
        is_first[first_rows] = True
        firsts = is_first[at_held]
        order = np.empty(2 * at_held.size, dtype=np.int64)
        order[0::2] = np.where(firsts, region_code, unit_code)
        order[1::2] = np.where(firsts, unit_code, region_code)
    met, start = np.unique(order, return_index=True)
    number_of = np.zeros(len(distinct), dtype=np.int64)
    met = met[np.argsort(start)]
    number_of[met] = [held.number(distinct[code]) for code in met.tolist()]
    units = number_of[unit_code]
    if region_codes is None:
        return np.zeros(at_held.size, dtype=np.int64), units
    return number_of[region_code], units


def _fill(column: array[int], values: np.ndarray, code: str) -> None:
    """An empty array column filled with `values`."""
    assert not len(column)
    column.frombytes(values.astype("int32" if code == "i" else "int64").tobytes())
