"""A pyarrow column as numbers: each cell's index into the column's distinct cells, for the
streaming engine's workers to group a block's cells with numpy (`blocks`, `modegroups`,
`race_hint`), without `to_numpy`, which imports pandas (0.15 s)."""

from __future__ import annotations

from typing import Any


def encoded(column: Any, np: Any) -> tuple[Any, list[Any]]:
    """A column (pyarrow, no nulls) as each cell's index into its distinct cells (numpy int32,
    a view of Arrow's buffer), and those cells."""
    import pyarrow.compute as pc

    dictionary = pc.dictionary_encode(column.combine_chunks())
    indices = dictionary.indices
    codes = np.frombuffer(
        indices.buffers()[1], dtype=np.int32, count=len(indices), offset=indices.offset * 4
    )
    return codes, dictionary.dictionary.to_pylist()
