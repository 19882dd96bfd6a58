"""A block's vote-mode columns (provisional, absentee, early voting, election day…) read by numpy as
the exact stages read them (`records.CellReader.parts`), on the streaming engine's worker threads.

A blank mode cell counts nothing: Florida's precinct files leave all four blank where a precinct's
modes are not broken out and give the votes alone. Beside a votes column, the modes are checked
against it only on a row that gives every one of them; without one, a row's votes are the sum of the
modes it gives. pyarrow reads a blank count cell as null (`null_values=[""]`): the block is summed
here rather than read row by row by the exact stages, which it was (slower than the exact engine on
such a file: every block, and again for its repeated units). A lone mode column beside a votes
column is a part of them (Rhode Island's `absentee_votes`), checked to be no more than them.

`vote_parts` is the exact stages' note on the mode columns and their warning where they disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pollcli.numbers import MAX_VOTES
from pollcli.problems import Code, Found

if TYPE_CHECKING:
    from pollcli.read.records import CellReader


def with_parts(
    parsed: Any, votes_name: str, part_names: list[str], has_votes: bool, np: Any, pa: Any
) -> Any | None:
    """The block with its vote-mode columns summed into `votes_name` (no votes column), or as it
    is when they agree with the votes column wherever a row gives every mode; None when a mode is
    out of bounds, the two disagree, or a row without a votes column gives no mode (the exact
    stages report it)."""
    total = np.zeros(parsed.num_rows, dtype=np.int64)
    every = np.ones(parsed.num_rows, dtype=bool)  # the row gives every mode
    some = np.zeros(parsed.num_rows, dtype=bool)  # the row gives a mode
    for name in part_names:
        values, given = _values(parsed.column(name).combine_chunks(), np)
        counted = values[given]
        if counted.size and (counted.min() < 0 or counted.max() > MAX_VOTES):
            return None
        total += np.where(given, values, 0)
        every &= given
        some |= given
    if has_votes:
        votes, _ = _values(parsed.column(votes_name).combine_chunks(), np)  # (no nulls: checked)
        if len(part_names) == 1:  # a lone mode column: a part of the votes, at most them
            return parsed if bool((total[every] <= votes[every]).all()) else None
        return parsed if np.array_equal(votes[every], total[every]) else None
    if not some.all():
        return None
    summed = pa.Array.from_buffers(pa.int64(), parsed.num_rows, [None, pa.py_buffer(total)])
    return parsed.append_column(votes_name, summed)


def _values(array: Any, np: Any) -> tuple[Any, Any]:
    """An int64 array's values (numpy, a view of its buffer; a null's slot holds anything) and
    which are given (its validity bitmap unpacked; all, without nulls)."""
    count, offset = len(array), array.offset
    validity, data = array.buffers()[:2]
    values = np.frombuffer(data, dtype=np.int64, count=count, offset=offset * 8)
    if not array.null_count or validity is None:
        return values, np.ones(count, dtype=bool)
    bits = np.unpackbits(np.frombuffer(validity, dtype=np.uint8), bitorder="little")
    return values, bits[offset : offset + count].astype(bool)


def _and(names: Sequence[str]) -> str:
    quoted = [repr(n) for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def vote_parts(reader: CellReader, found: Found) -> None:
    """The note on vote-mode columns, and a warning where they disagree with the votes column."""
    columns = reader.columns
    if not columns.vote_parts:
        return
    parts = [columns.header[i] for i in columns.vote_parts]
    votes = columns.header_of("votes")
    if votes is None:
        columns.notes.append(f"Votes are the sum of {_and(parts)} (there is no votes column).")
        return
    # A lone mode column is a part of the votes (Rhode Island's `absentee_votes`), no more.
    lone = len(parts) == 1
    columns.notes.append(
        f"The {votes!r} column is the votes; "
        + (
            f"the vote-mode column {parts[0]!r} is a part of them, checked to be no more than "
            "them where it is filled in."
            if lone
            else f"the vote-mode columns {_and(parts)} are checked against it where they are "
            "all filled in."
        )
    )
    if reader.part_mismatches:
        lines = sorted(reader.part_mismatches)
        off = (
            f"the vote-mode column {parts[0]!r} is more than {votes!r}"
            if lone
            else f"the vote-mode columns {_and(parts)} do not add up to {votes!r}"
        )
        found.warn(
            Code.MODE_MISMATCH,
            lines[0],
            f"in {len(lines):,} row(s) {off} (first here); {votes!r} is used — check those rows, "
            "or read one column with --votes COL",
        )
