"""A precinct's hash from its cells, the same whether a row is read in Python or a block by numpy.

The streaming engine tells units (a precinct of a race and region) apart by a 64-bit hash of their
cells, cleaned as the exact engine cleans them (`cell_hash`, `unit_hash` row by row; `unit_runs` for
a block's columns on a worker thread). `read.repeats` keeps each unit's list of options by it, and
`read.repeatlines` reads the rows of the units that repeat an option again, one by one
(`rows_of`: which rows of a block are theirs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from pollcli.read.cellsplit import clean_cell

# Mixing constant (the golden ratio in 64 bits): a number spread over the hash.
MIX: Final[int] = 0x9E3779B97F4A7C15
MASK: Final[int] = (1 << 64) - 1
# Spreads a row's place in its unit over a list's hash (tests set it to 0: every list then hashes
# alike, and only the comparison row by row tells them apart).
LISTMIX: int = MIX
# The bytes str.strip() takes from an ASCII cell (`clean_cell` does no more to one).
SPACES: Final[bytes] = bytes([9, 10, 11, 12, 13, 28, 29, 30, 31, 32])


def cell_hash(cell: str) -> int:
    """One cell's hash, cleaned: that of its UTF-8 bytes (so that a worker hashes a clean ASCII
    cell from its bytes as they are)."""
    return hash(clean_cell(cell).encode("utf-8")) & MASK


def unit_hash(cells: Sequence[str]) -> int:
    """One unit's hash from its identifying cells as written, as `of_block` combines them."""
    value = 0
    for cell in cells:
        value = (value * MIX + cell_hash(cell)) & MASK
    return value


def numbers(np: Any, array: Any) -> Any:
    """A dictionary-encoded column's indices as numpy int32 (`to_numpy` would import pandas)."""
    indices = array.indices
    return np.frombuffer(
        indices.buffers()[1], dtype=np.int32, count=len(indices), offset=indices.offset * 4
    )


def cell_hashes(np: Any, dictionary: Any, values: list[bytes]) -> tuple[Any, list[bytes]]:
    """`cell_hash` of each distinct cell, and the cells beyond ASCII: a clean ASCII cell (most of
    them) is hashed from its bytes as they are, the others one by one."""
    count = len(values)
    hashes = np.fromiter(map(hash, values), dtype=np.int64, count=count).view(np.uint64)
    buffers = dictionary.buffers()
    offsets = np.frombuffer(
        buffers[1], dtype=np.int32, count=count + 1, offset=dictionary.offset * 4
    )
    data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] else np.zeros(0, np.uint8)
    if data.size and data.max() >= 128:
        high = np.concatenate(([0], np.cumsum(data >= 128)))
        wide = high[offsets[1:]] != high[offsets[:-1]]
    else:
        wide = np.zeros(count, dtype=bool)
    spaces = np.zeros(256, dtype=bool)
    spaces[list(SPACES)] = True
    ends = np.flatnonzero(offsets[1:] > offsets[:-1])
    odd = wide.copy()
    odd[ends] |= spaces[data[offsets[:-1][ends]]] | spaces[data[offsets[1:][ends] - 1]]
    for at in np.flatnonzero(odd).tolist():
        hashes[at] = cell_hash(values[at].decode("utf-8", "replace"))
    return hashes, [values[at] for at in np.flatnonzero(wide).tolist()]


def encoded(pc: Any, np: Any, column: Any) -> tuple[Any, Any, list[bytes]]:
    encoded = pc.dictionary_encode(column).combine_chunks()
    return numbers(np, encoded), encoded.dictionary, encoded.dictionary.to_pylist()


def runs(np: Any, pc: Any, columns: Sequence[Any], rows: int) -> Any:
    """Where each run of rows of one unit starts (rows of a unit usually follow each other)."""
    change = np.zeros(rows, dtype=bool)
    change[:1] = True
    for column in columns if rows > 1 else ():
        differ = pc.not_equal(column.slice(1), column.slice(0, rows - 1)).combine_chunks()
        bits = np.unpackbits(np.frombuffer(differ.buffers()[1], dtype=np.uint8), bitorder="little")
        change[1:] |= bits[differ.offset : differ.offset + rows - 1].astype(bool)
    return np.flatnonzero(change)


@dataclass(frozen=True)
class UnitRuns:
    """A block's runs of rows of one unit: where each starts, its unit's hash and that of its race
    and region (every cell but the unit's own), each unit column's cells (indices per run and the
    distinct cells), and the distinct cells beyond ASCII."""

    starts: Any  # int64 per run
    value: Any  # uint64 per run
    group: Any  # uint64 per run
    columns: list[tuple[Any, list[bytes]]]
    wide: list[bytes]


def unit_runs(
    np: Any, pa: Any, pc: Any, units: Sequence[Any], rows: int, unit_at: int = -1
) -> UnitRuns:
    """The runs of a block's unit columns (pyarrow binary) and their hashes (`UnitRuns`)."""
    starts = runs(np, pc, units, rows)
    firsts = pa.Array.from_buffers(pa.int64(), starts.size, [None, pa.py_buffer(starts)])
    value = np.zeros(starts.size, dtype=np.uint64)  # each run's unit hash
    group = np.zeros(starts.size, dtype=np.uint64)  # and its race and region's
    columns = []
    wide: list[bytes] = []
    for at, column in enumerate(units):
        indices, dictionary, values = encoded(pc, np, column.take(firsts))
        columns.append((indices, values))
        hashes, beyond = cell_hashes(np, dictionary, values)
        wide += beyond
        value = value * np.uint64(MIX) + hashes[indices]
        if at != unit_at:
            group = group * np.uint64(MIX) + hashes[indices]
    return UnitRuns(starts, value, group, columns, wide)


def rows_of(np: Any, pa: Any, pc: Any, units: Sequence[Any], rows: int, hashes: Any) -> Any:
    """Which rows of a block (numpy bool) are of the units of these hashes (uint64, sorted)."""
    found = unit_runs(np, pa, pc, units, rows)
    lengths = np.diff(np.append(found.starts, rows))
    return np.repeat(np.isin(found.value, hashes), lengths)


def without_units(
    parsed: Any, rows: Any, unit_names: list[str], again: Any, np: Any, pa: Any
) -> tuple[Any, Any, list[int]]:
    """The block without the rows of the units `again` holds (`rows_of`), and where
    those rows are: the others are summed, these read by the exact stages (their lines kept
    apart), rather than the whole block by them, which read every block of a file sorted by race
    with one such precinct."""
    import pyarrow.compute as pc

    mask = rows_of(np, pa, pc, [parsed.column(n) for n in unit_names], parsed.num_rows, again)
    if not mask.any():
        return parsed, rows, []
    bits = pa.py_buffer(np.packbits(~mask, bitorder="little"))
    keep = pa.Array.from_buffers(pa.bool_(), parsed.num_rows, [None, bits])
    return parsed.filter(keep), rows.filter(keep), np.flatnonzero(mask).tolist()


def among(np: Any, values: Any, table: Any) -> Any:
    """Which `values` are in `table` (sorted, distinct), by binary search: `numpy.isin` sorts (or
    hashes) both every time, 0.8 s for the blocks of a file of 300,000 units met in pieces."""
    if not table.size:
        return np.zeros(values.size, dtype=bool)
    at = np.searchsorted(table, values).clip(max=table.size - 1)
    return table[at] == values
