"""A text's CSV records by Python's csv module, a line of stray quotes read as its cells say.

`dialect.read_records` splits a text with the csv module (strictly: a quote that closes a quoted
cell must be followed by the delimiter or the line's end). OpenElections' Jefferson County,
Illinois file of 2016 writes a nickname in quotes inside a quoted cell, undoubled:
`"JEFFERSON","BALD HILL","U.S. House","41","DEMOCRATIC","CHARLES "C.J." BARICEVIC","118"`. The
csv module stops there, and reading stopped with it: one `malformed-csv` error for the whole file,
its 33 such lines and the 300 lines after the first never read nor checked. A line whose quotes
split it into cells one way only — each quote inside a quoted cell that is followed by neither
the delimiter nor the line's end (nor a second quote) read as a quote of the cell's text — is now
read so, with a `stray-quote` warning naming the line and the cell, and the lines after it read
on. A line this cannot settle (a quoted cell left open, spaces after a closing quote, a quote
escaped by a backslash) still stops reading, with the advice `dialect.malformed_message` gives.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterator
from typing import Final

# How many distinct cells `csv_records` keeps one string of (some 30 MB at most).
SEEN: Final[int] = 1 << 18
# A line as `io.StringIO(text, newline="")` reads it: up to and with its end (LF, CRLF or a lone CR).
_LINE: Final[re.Pattern[str]] = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")

# (line, what the warning says) for each line read past its stray quotes.
Strays = list[tuple[int, str]]


def csv_records(
    text: str, first_line: int, delimiter: str, header: bool
) -> tuple[list[tuple[int, list[str]]], int, csv.Error | None, Strays]:
    """`dialect.read_records` by the csv module: the records, the lines read, the error that
    stopped the reader (at the record after those lines), if any, and the lines of stray quotes
    read past (`mend`)."""
    reader = csv.reader(text_lines(text), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    seen: dict[str, str] = {}
    one, known = seen.setdefault, seen.get
    consumed = 0
    strays: Strays = []
    lines = _Lines(text)
    while True:
        try:
            for cells in reader:
                start = first_line + consumed
                consumed = reader.line_num
                # (Blank: no cell holds more than spaces; a first cell that does tells at once.)
                blank = not (cells and cells[0].strip()) and not "".join(cells).strip()
                if blank and not (header and not records):
                    continue
                if len(seen) < SEEN:
                    # One string for each name, party and place, however many rows repeat it.
                    cells = list(map(one, cells, cells))
                else:
                    # Full (a table of a million polling stations, each named once): the cells
                    # met before (figures, regions) still shared, not a string of their own per
                    # cell.
                    cells = list(map(known, cells, cells))
                records.append((start, cells))
        except csv.Error as exc:
            # A record of one line, which the reader left at its error: read on past it if its
            # quotes can be settled.
            mended = mend(lines.line(consumed + 1), delimiter)
            if reader.line_num != consumed + 1 or mended is None:
                return records, consumed, exc, strays
            records.append((first_line + consumed, mended[0]))
            strays.append((first_line + consumed, mended[1]))
            consumed = reader.line_num
            continue
        return records, consumed, None, strays


def mend(line: str, delimiter: str) -> tuple[list[str], str] | None:
    """The cells of a line whose quoted cells hold quotes that do not close them (followed by
    neither the delimiter, nor the line's end, nor a quote that doubles them): each such quote
    read as part of the cell's text; with the warning's words. None where the line's quotes
    cannot be settled so: a quoted cell never closed, a quote after a delimiter within a quoted
    cell (the cell's before it left open), spaces between a closing quote and the delimiter
    (Costa Rica's TSE), a quote escaped by a backslash (MySQL's `\\"`)."""
    line = line.rstrip("\r\n")
    if '\\"' in line:
        return None
    cells: list[str] = []
    stray: list[str] = []
    at, end = 0, len(line)
    while True:
        if line.startswith('"', at):
            parts, strays, at = [], 0, at + 1
            while True:
                close = line.find('"', at)
                if close < 0:
                    return None  # never closed
                parts.append(line[at:close])
                after = line[close + 1 : close + 2]
                if after == '"':
                    parts.append('"')
                    at = close + 2
                elif after in ("", delimiter):
                    at = close + 1
                    break
                else:
                    rest = line[close + 1 :].lstrip(" \t")
                    if not rest or rest.startswith(delimiter):
                        return None  # spaces after a closing quote: `malformed_message` says so
                    if line[close - 1] == delimiter:
                        return None  # a cell's opening quote, the one before it left open
                    parts.append('"')
                    strays, at = strays + 1, close + 1
            cells.append("".join(parts))
            if strays:
                stray.append(cells[-1])
            if at >= end:
                return (cells, _said(stray)) if stray else None
            at += 1  # (the delimiter)
            if at == end:
                cells.append("")
                return (cells, _said(stray)) if stray else None
        else:
            cut = line.find(delimiter, at)
            if cut < 0:
                cells.append(line[at:])
                return (cells, _said(stray)) if stray else None
            cells.append(line[at:cut])
            at = cut + 1


def _said(cells: list[str]) -> str:
    shown = ", ".join(repr(cell) for cell in cells[:3])
    return (
        f"a quote inside the quoted cell {shown} does not close it (a stray quote: CSV writes a "
        "quote inside a cell doubled, \"\"): read as part of the cell's text, the line's other "
        "cells as its quotes and delimiters split them; check the line if its cells look wrong"
    )


class _Lines:
    """The physical lines of a text by number, read forward from the last one asked for (so a
    text of many stray quotes is gone through once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0  # where line `self.number` starts
        self.number = 1

    def line(self, number: int) -> str:
        """Line `number` (1-based, at or after the last asked for), with its line end."""
        while self.number < number and self.at < len(self.text):
            found = _LINE.match(self.text, self.at)
            assert found is not None  # the pattern matches at any position
            self.at, self.number = found.end(), self.number + 1
        found = _LINE.match(self.text, self.at)
        return found.group() if found is not None else ""


def text_lines(text: str) -> Iterator[str]:
    """The lines of `text` as `io.StringIO(text, newline="")` gives them (LF, CRLF or a lone CR
    ends a line, kept as it is), for the CSV reader: from the text's UTF-8 bytes, decoded a block
    at a time: a StringIO holds the whole text at four bytes a character, ASCII or not. The text
    is turned into bytes a part of about `TEXT_PART` characters at a time, each cut after a line
    feed (which always ends a line), rather than whole (a copy of the file's size beside its
    text and cells). A lone surrogate (a byte that did not decode, escaped) goes through as it is."""
    return itertools.chain.from_iterable(_text_parts(text))


# How many characters of a text are turned into UTF-8 at a time for the CSV reader.
TEXT_PART: Final[int] = 1 << 20


def _text_parts(text: str) -> Iterator[io.TextIOWrapper]:
    """`text` in parts of at least `TEXT_PART` characters, each ending with a line feed (the last
    with the text), each as the lines of its UTF-8 bytes."""
    at, end = 0, len(text)
    while at < end:
        cut = text.find("\n", at + TEXT_PART - 1) if at + TEXT_PART < end else -1
        stop = end if cut < 0 else cut + 1
        data = io.BytesIO(text[at:stop].encode("utf-8", "surrogatepass"))
        yield io.TextIOWrapper(data, encoding="utf-8", errors="surrogatepass", newline="")
        at = stop
