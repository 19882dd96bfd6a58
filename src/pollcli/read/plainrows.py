"""The records of a long text's quote-free part, split a part of the text at a time, a column at a time.

`dialect.read_records` splits a text with Python's csv module, a record at a time: a million rows took
some 2.7 s, most of it the loop around the reader (a record's blank test, its cells each looked up to
share one string per distinct cell, its tuple). Below its last quote, a record is a line and its
cells what lies between the delimiters (the csv module's own reading of a line without a quote):
here the text is cut into lines and cells by `str.split`, some 20,000 lines at a time, and the cells
shared a column at a time (`map` over a column, not a loop over the rows), as `read_records` shares
them; the rows are lists of those strings, each with its physical line.

Only where that gives the very records the csv module gives, else None (and the csv module reads the
whole text as before): no quote, no NUL and no lone CR (a line ends at LF or CRLF) in the part, and
no line longer than the csv module's field limit (its error). A row whose cells are all blank
(spaces, delimiters, an empty line) is left out, as `read_records` leaves it out, its line counted.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from itertools import repeat
from operator import itemgetter
from typing import Final

# From this many characters below the last quote, the part is split here (a shorter text is read
# by the csv module: the difference is a few milliseconds).
PLAIN_CHARS: Final[int] = 1 << 22
# How many characters of the text are split at a time (cut after a line feed): a part's strings
# stay in the processor's caches (a million rows: 64 Ki, 1.55 s; 1 Mi, 2.0 s; 4 Mi, 2.3 s).
PART_CHARS: Final[int] = 1 << 16


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
    text: str, cut: int, first_line: int, delimiter: str, seen: dict[str, str], shared: int
) -> list[tuple[int, list[str]]] | None:
    """The non-blank records of `text` from `cut` (the start of a line, numbered `first_line`), each
    with its physical line, as `dialect.read_records` gives them; None where the csv module might
    split them otherwise (see the module's docstring). `seen`: the one string of each distinct
    cell, kept up to `shared` cells (past it, the cells met before are still shared)."""
    end = len(text)
    if (
        text.find("\x00", cut) >= 0
        or text.find('"', cut) >= 0
        or (text.find("\r", cut) >= 0 and text.count("\r", cut) != text.count("\r\n", cut))
    ):
        return None
    limit = csv.field_size_limit()
    records: list[tuple[int, list[str]]] = []
    line = first_line
    at = cut
    while at < end:
        stop = text.find("\n", at + PART_CHARS) if at + PART_CHARS < end else -1
        if stop < 0:
            stop = end
        part = text[at:stop]
        if "\r" in part:
            part = part.replace("\r\n", "\n")
        lines = part.split("\n")
        del part
        if lines[-1][-1:] == "\r":  # (the CR of a CRLF cut from its LF between two parts)
            lines[-1] = lines[-1][:-1]
        if max(map(len, lines)) > limit:
            return None  # (a cell that may pass the csv module's limit: its error, as before)
        rows, firsts = _rows(lines, delimiter, seen, shared)
        numbers = range(line, line + len(lines))
        line += len(lines)
        at = stop + 1
        if any(not first.strip() for first in firsts):  # (a row that may be blank)
            records.extend(
                (number, cells)
                for number, cells in zip(numbers, rows, strict=True)
                if cells[0].strip() or "".join(cells).strip()
            )
        else:
            records.extend(zip(numbers, rows, strict=True))
    return records


def _rows(
    lines: list[str], delimiter: str, seen: dict[str, str], shared: int
) -> tuple[Iterable[list[str]], set[str]]:
    """Each line's cells, one string each for each distinct cell (`seen`), a column at a time where
    every line has as many cells; and the distinct first cells."""
    rows = list(map(str.split, lines, repeat(delimiter)))
    share = seen.setdefault if len(seen) < shared else seen.get
    if len(set(map(len, rows))) != 1:
        rows = [list(map(share, cells, cells)) for cells in rows]
        return rows, set(map(itemgetter(0), rows))
    columns = [list(map(share, column, column)) for column in zip(*rows, strict=True)]
    return map(list, zip(*columns, strict=True)), set(columns[0])
