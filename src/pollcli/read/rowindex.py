"""A first column of no header that numbers the rows: the row index pandas' `to_csv` writes by
default (0, 1, 2…) and R's `write.csv` writes as row names ("1", "2"…). Files re-published from
notebooks carry it (Malaysia's results compiled from undi.info and The Star: `,party_code,name,
votes,…` with 0, 1, 2… down column 1); it says nothing of the count, so it is left unused, with a
note, where a value under a blank header is otherwise refused (`header.map_header`).

It is told from the first rows (`preamble.HEAD_LINES`), which both engines have at the header, so
they read a file alike: every one of them numbers its row, one more than the row before, from 0,
or from 1 over three rows at least (two rows of 1 and 2 may be figures).
"""

from __future__ import annotations

from collections.abc import Sequence


def row_index(header: Sequence[str], head: Sequence[tuple[int, list[str]]]) -> int | None:
    """The index (0) of a first column of no header whose cells in `head` (the first rows, as
    (line, cells)) number the rows, or None."""
    if len(header) < 2 or header[0].strip() or not head:
        return None
    cells = [c[0].strip() if c else "" for _, c in head]
    if not all(cell.isascii() and cell.isdigit() for cell in cells):
        return None
    start = int(cells[0])
    if start not in (0, 1) or (start == 1 and len(cells) < 3):
        return None
    if any(int(cell) != start + k or cell != str(start + k) for k, cell in enumerate(cells)):
        return None
    return 0


def index_note(head: Sequence[tuple[int, list[str]]]) -> str:
    """The note for the row index left unused."""
    first = ", ".join(c[0].strip() for _, c in head[:3])
    return (
        f"Column 1 has no header and numbers the rows ({first}…), as pandas and R write a row "
        "index: left unused."
    )
