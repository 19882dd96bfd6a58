"""U+FFFD already in a file: letters lost before pollcli read it.

A file that decodes cleanly may still hold U+FFFD (�), the mark a program leaves where it could not
decode a letter: the publisher (or someone on the way) read the file with a wrong encoding once and
saved the damage. `Jos� Silva` may be José or Josè; two such names may read as one, or one name
spelt with and without the damage as two. Nothing can restore the letters, so pollcli reads the
file and says so: one `encoding-error` warning naming the first line and column, how many cells
hold the mark, and what to do.

Both engines find the same cells: each physical line that holds the mark is split alone at the
delimiter (a quoted cell over several lines is counted as its lines' pieces, alike in both). The
exact engine looks through the file's text, the streaming engine through its header lines and
each block; the search is a C-level `find` (a few milliseconds a block), lines are split only
where the mark is. In text read with a one-byte code page (`--encoding cp1252`) the mark's UTF-8
bytes read as three letters (`ï¿½`), sought and warned of alike (`misread`). Stray bytes of the file itself (`decode`: U+FFFD put there by pollcli, each
line already an error) are not counted again.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Sequence
from typing import Final

from pollcli.problems import Code, Found
from pollcli.read.decode import garbled_lines
from pollcli.read.dialect import RawTable

MARK: Final[str] = "\ufffd"
MARK_UTF8: Final[bytes] = MARK.encode("utf-8")
_LONE_CR: Final[re.Pattern[str]] = re.compile("\r(?!\n)")


def misread(codec: str | None) -> str | None:
    """U+FFFD's UTF-8 bytes as a one-byte code page reads them (`ï¿½` in cp1252 and latin-1,
    `пїЅ` in cp1251); None for any other codec (UTF-8, -16, a multibyte one) or none given."""
    if codec is None:
        return None
    shown = MARK_UTF8.decode(codec, "replace")
    return shown if len(shown) == 3 and MARK not in shown else None


class Replaced:
    """The cells that hold U+FFFD, found a text or a block at a time; `report` warns once."""

    def __init__(
        self,
        delimiter: str,
        header: Sequence[str],
        header_line: int,
        skip: Collection[int] = (),
        header_rows: int = 1,
        codec: str | None = None,
    ) -> None:
        self.delimiter = delimiter if len(delimiter) == 1 else ","
        self.header, self.header_line = list(header), header_line
        self.header_end = header_line + header_rows - 1  # (a header over several rows)
        self.skip = skip  # lines whose U+FFFD is pollcli's own (stray bytes, each an error)
        self.cells = 0
        self.lines = 0
        self.first: tuple[int, int, str] | None = None  # line, 0-based column, the cell
        # The mark and, in text of a one-byte `codec`, its bytes as that code page reads them.
        self.codec, shown = codec, misread(codec)
        self.marks = (MARK,) if shown is None else (MARK, shown)
        self.shown_utf8 = None if shown is None else shown.encode("utf-8")

    @classmethod
    def of(cls, table: RawTable, skip: Collection[int] = (), codec: str | None = None) -> Replaced:
        """The search of a text table's cells, read with `codec` (`skip`: as `__init__`)."""
        return cls(table.delimiter, table.header, table.header_line, skip, table.header_rows, codec)

    def block(self, data: bytes, first_line: int) -> None:
        """A block of UTF-8 bytes of whole lines, the first of them `first_line`."""
        if found_in(data) or (self.shown_utf8 is not None and self.shown_utf8 in data):
            self.text(data.decode("utf-8", "replace"), first_line)

    def text(self, text: str, first_line: int) -> None:
        """Text of whole lines, the first of them `first_line` (a lone carriage return ends a
        line, as the engines count lines)."""
        ahead = [text.find(mark) for mark in self.marks]
        if max(ahead) < 0:
            return
        if "\r" in text:
            text = _LONE_CR.sub("\n", text)
            ahead = [text.find(mark) for mark in self.marks]
        at = _next(text, self.marks, ahead, 0)
        line, counted = first_line, 0
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line += text.count("\n", counted, start)
            counted = start
            if line not in self.skip:
                self._line(text[start:end].removesuffix("\r"), line)
            at = _next(text, self.marks, ahead, end)

    def _line(self, row: str, line: int) -> None:
        try:
            cells = next(csv.reader([row], delimiter=self.delimiter), [row])
        except csv.Error:
            cells = [row]
        self.row(cells, line)

    def row(self, cells: Sequence[str], line: int) -> None:
        """A row's cells (a sheet's, or a line's split at the delimiter)."""
        marked = [(i, c) for i, c in enumerate(cells) if any(m in c for m in self.marks)]
        self.cells += len(marked)
        self.lines += bool(marked)
        if marked and self.first is None:
            self.first = (line, *marked[0])

    def report(self, found: Found) -> None:
        """One warning for every cell found, at the first of them."""
        if self.first is None:
            return
        line, index, cell = self.first
        column = self.header[index] if index < len(self.header) else None
        where = f"column {column!r}" if column else f"cell {index + 1} of its line"
        if line <= self.header_end:
            column = None
            where = "above the header" if line < self.header_line else "in the header"
        more = (
            f"{self.cells:,} cells on {self.lines:,} lines hold it"
            if self.cells > 1
            else "the only cell"
        )
        shown = next(m for m in self.marks if m in cell)
        mark = (
            "U+FFFD (�)"
            if shown == MARK
            else f"{shown!r} (U+FFFD, �, its UTF-8 bytes read as {self.codec})"
        )
        found.warn(
            Code.ENCODING_ERROR,
            line,
            f"{cell.strip()!r} ({where}) holds {mark}, the mark a program leaves where it "
            f"could not decode a letter: the file was damaged before pollcli read it ({more}). "
            "The letters are lost: names with it may stand for other names, two of them may be "
            "read as one; get the original file from its publisher (pollcli cannot restore them)",
            column=column,
        )


def _next(text: str, marks: Sequence[str], ahead: list[int], start: int) -> int:
    """The first of the `marks` at or after `start`; `ahead` holds each one's next place, sought
    again only once passed (a mark not found is not sought again: looking for the other one from
    each one found read the text once a line, 100,000 lines of `ï¿½` in 3 s)."""
    for k, mark in enumerate(marks):
        if 0 <= ahead[k] < start:
            ahead[k] = text.find(mark, start)
    return min((at for at in ahead if at >= 0), default=-1)


def found_in(data: bytes) -> bool:
    """Whether UTF-8 bytes hold U+FFFD. Its first byte, 0xEF, begins only the characters from
    U+F000 on (no other byte of UTF-8 is 0xEF), so most blocks are passed by a `memchr` for it: 1-3
    ms over a 1M-row file, against 28-70 ms for a search for the three bytes."""
    at = data.find(MARK_UTF8[0])
    return at >= 0 and data.find(MARK_UTF8, at) >= 0


def in_text(text: str, table: RawTable, found: Found, codec: str | None = None) -> None:
    """The exact engine's look: the whole text of a file (its first line line 1), split into
    `table`, read with `codec`."""
    shown = misread(codec)
    if MARK in text or (shown is not None and shown in text):
        skip = garbled_lines(found.items)
        marks = Replaced.of(table, skip, codec)
        marks.text(text, 1)
        marks.report(found)


def in_sheet(sheet: RawTable, found: Found) -> None:
    """A workbook's or Parquet file's look: its header and rows of cells, each with its line."""
    marks = Replaced(",", sheet.header, sheet.header_line, header_rows=sheet.header_rows)
    for line, cells in [(sheet.header_line, sheet.header), *sheet.records]:
        if any(MARK in cell for cell in cells):
            marks.row(cells, line)
    marks.report(found)
