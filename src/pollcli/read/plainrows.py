"""The records of a long text's quote-free part, split by pyarrow's CSV reader into columns.

`dialect.read_records` splits a text with Python's csv module, a record at a time: a million rows took
some 2.7 s, most of it the loop around the reader. Below its last quote, a text is split by the
delimiter and the line ends alone, and pyarrow's reader splits it so in C++, each column dictionary
encoded: each distinct cell of a column becomes one Python string, shared by every row that holds it
(as `read_records` shares them), and the rows are lists of those strings, each with its physical line.

Only where that gives the very records the csv module gives, else None (and the csv module reads the
whole text as before): no quote, no NUL and no lone CR (a line ends at LF or CRLF) in the part, no
empty line within it (pyarrow skips them, and a line's number would be lost: empty lines at the
text's end are skipped by both), every line of the part with the same number of cells (pyarrow's
rule), no cell past the csv module's field limit (its error), text that turns into UTF-8 (no lone
surrogate). A row whose cells are all blank (spaces, delimiters) is left out, as `read_records` leaves
it out, its line counted.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np

# From this many characters below the last quote, the part is split by pyarrow (a smaller text
# costs more to hand over, and pyarrow's import, than it saves).
PLAIN_CHARS: Final[int] = 1 << 22


@dataclass(frozen=True)
class PlainColumns:
    """The rows pyarrow split, as columns: each row's cells list (its `id`, to tell that the rows
    are still these), and each column's codes and distinct cells, for `read.samecolumns`."""

    rows: np.ndarray
    codes: list[np.ndarray]
    values: list[list[str]]


def plain_cut(text: str) -> int | None:
    """Where `text`'s quote-free part starts: the start of the line after its last quote (after
    its first line, without one: the header's, which the csv module reads as it does); None when
    that part is shorter than `PLAIN_CHARS`."""
    if len(text) < PLAIN_CHARS:
        return None
    cut = text.find("\n", max(text.rfind('"'), 0)) + 1
    if cut <= 0 or len(text) - cut < PLAIN_CHARS:
        return None
    return cut


def plain_records(
    text: str, cut: int, first_line: int, delimiter: str
) -> tuple[list[tuple[int, list[str]]], PlainColumns | None] | None:
    """The non-blank records of `text` from `cut` (the start of a line, numbered `first_line`), each
    with its physical line, as `dialect.read_records` gives them; None where pyarrow might split
    them otherwise (see the module's docstring)."""
    if len(delimiter.encode("utf-8")) != 1:
        return None  # (pyarrow's delimiter is one byte)
    end = len(text)
    while end > cut and text[end - 1] in "\r\n":
        end -= 1  # (empty lines at the end: skipped by both readers)
    if end == cut:
        return [], None
    if (
        text.find("\x00", cut, end) >= 0
        or text.startswith(("\n", "\r"), cut)
        or text.find("\n\n", cut, end) >= 0
        or (
            text.find("\r", cut, end) >= 0
            and (
                text.find("\n\r\n", cut, end) >= 0
                or text.count("\r", cut, end) != text.count("\r\n", cut, end)
            )
        )
    ):
        return None
    line_end = text.find("\n", cut, end)
    width = text.count(delimiter, cut, end if line_end < 0 else line_end) + 1
    try:
        data = text[cut:end].encode("utf-8")
    except UnicodeEncodeError:
        return None  # (a lone surrogate: a byte that did not decode, escaped)
    return _split(data, first_line, delimiter, width)


def _split(
    data: bytes, first_line: int, delimiter: str, width: int
) -> tuple[list[tuple[int, list[str]]], PlainColumns] | None:
    """The records of `data` (UTF-8, no quote, no empty line), by pyarrow; None where a row has
    another width than `width` or a cell is longer than the csv module's field limit."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as arrow_csv

    names = [f"c{i}" for i in range(width)]
    cell = pa.dictionary(pa.int32(), pa.string())
    try:
        table = arrow_csv.read_csv(
            pa.py_buffer(data),
            read_options=arrow_csv.ReadOptions(column_names=names, block_size=8 << 20),
            parse_options=arrow_csv.ParseOptions(
                delimiter=delimiter,
                quote_char=False,
                escape_char=False,
                newlines_in_values=False,
                ignore_empty_lines=True,
            ),
            convert_options=arrow_csv.ConvertOptions(
                column_types=dict.fromkeys(names, cell),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=False,
            ),
        )
    except pa.ArrowException:
        return None  # (a row of another width)
    del data
    count = table.num_rows
    table = table.unify_dictionaries()
    limit = csv.field_size_limit()
    cells: list[np.ndarray] = []  # each column's codes
    values: list[np.ndarray] = []  # each column's distinct cells
    blank = np.ones(count, dtype=bool)
    for column in table.columns:
        if column.num_chunks == 0:
            return None
        words = column.chunk(0).dictionary
        if len(words) and pc.max(pc.utf8_length(words)).as_py() > limit:
            return None  # the csv module's error: `read_records` says what it says
        codes = np.concatenate([chunk.indices.to_numpy() for chunk in column.chunks])
        distinct = words.to_numpy(zero_copy_only=False)
        blank &= np.array([not w.strip() for w in distinct.tolist()], dtype=bool)[codes]
        cells.append(codes)
        values.append(distinct)
    del table
    lines: range | list[int] = range(first_line, first_line + count)
    if blank.any():
        kept = np.flatnonzero(~blank)
        lines = (kept + first_line).tolist()
        cells = [codes[kept] for codes in cells]
    columns = [distinct[codes].tolist() for distinct, codes in zip(values, cells, strict=True)]
    rows = list(map(list, zip(*columns, strict=True)))
    del columns
    ids = np.fromiter(map(id, rows), dtype=np.int64, count=len(rows))
    plain = PlainColumns(ids, cells, [distinct.tolist() for distinct in values])
    return list(zip(lines, rows, strict=True)), plain
