"""Text → front matter, header and records, each record with its physical line number.

Everything here is about the file as a text file: `# key: value` lines before the header, the delimiter
(sniffed), quoting, and line numbers as a text editor shows them (a line ends at LF, CRLF or a lone CR).
What the cells mean is the business of the stages after this one.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import field
from typing import Final

from pollcli.dataclass import dataclass
from pollcli.problems import Code, Found, Problem
from pollcli.read import preamble
from pollcli.read.csvrecords import SEEN, csv_records
from pollcli.read.header_width import header_astray, short_header
from pollcli.read.plainrows import plain_cut, plain_records
from pollcli.read.preferences import said

DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t", "|")
DELIMITERS_TEXT: Final[str] = ",;\t| "
_FRONT_MATTER_KEY_RE: Final[re.Pattern[str]] = re.compile(r"[A-Za-z_][\w ]*")
SNIFF_ROWS: Final[int] = 50


@dataclass(frozen=True)
class FrontMatter:
    line: int
    key: str
    value: str


@dataclass
class RawTable:
    """A file split into cells: its name (as messages show it), front matter, header and records."""

    name: str
    stem: str
    delimiter: str = ","
    front_matter: list[FrontMatter] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    header_line: int = 0
    records: list[tuple[int, list[str]]] = field(default_factory=list)
    # A header over several rows (`preamble`): how many, and each column's labels, top to bottom.
    header_rows: int = 1
    levels: list[tuple[str, ...]] = field(default_factory=list)
    # What finding the header noticed (title lines skipped, rows joined), for each election's notes.
    notes: list[str] = field(default_factory=list)
    # A row of parties under the header (`preamble.party_row`): each option column's party.
    parties: dict[int, str] = field(default_factory=dict)
    # A row of groups over the columns' names (`preamble.grouped`): each column's group, or "".
    groups: list[str] = field(default_factory=list)
    broken: bool = False  # a label broken over lines in its quotes (`preamble.header_labels`)


def front_matter_item(stripped: str) -> tuple[str, str] | None:
    """`# key: value` as (key, value), or None for another comment. Split at the first colon
    rather than by one regular expression with lazy repetitions around optional spaces, which
    backtracked in time quadratic in a long run of spaces (160 KB took a minute)."""
    key, colon, value = stripped[1:].partition(":")
    key = key.strip()
    if not colon or not _FRONT_MATTER_KEY_RE.fullmatch(key):
        return None
    return key, value.strip()


def looks_like_header(text: str) -> bool:
    """`#,Candidate,Votes` is a header whose first column is called '#', not a comment."""
    return len(text) > 1 and text[1] in DELIMITERS


def sniff_delimiter(lines: list[str]) -> str:
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(lines, delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows if len(r) == width) / len(rows)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def split_top(
    text: str,
    table: RawTable,
    found: Found,
    delimiter: str | None,
    header_lines: tuple[int, int | None] | None = None,
    names: tuple[str, ...] = (),
) -> str | None:
    """Front matter, the header line's number and the delimiter; the text from the header on, or None
    (with an `empty-file` problem) when there is no header. The header is the first line that is not
    front matter, or the line `preamble.locate` finds below title lines, or `header_lines` (first
    and last line, the last None for "as many as `preamble` finds") as `--header-line` gives them.

    A file with no header has its columns' `names` given (`--columns`): they are the header, the
    first line that is not front matter is the first row of data, and `header_line` the line above
    it (0 on the first line), where a header would be; the text returned starts at that row."""
    line_number = 0
    header_at: int | None = None
    wanted = header_lines[0] if header_lines else 0
    skipped: list[tuple[int, str]] = []
    at = 0
    for physical in _lines(text):
        line_number += 1
        start, at = at, at + len(physical)
        stripped = physical.strip()
        if not stripped:
            continue
        if stripped.startswith("#") and not looks_like_header(stripped):
            pair = front_matter_item(stripped)
            if pair:
                table.front_matter.append(FrontMatter(line_number, *pair))
            continue
        if line_number < wanted and not names:
            skipped.append((line_number, stripped))
            continue
        header_at = start
        break
    if header_at is None:
        found.add(
            Code.EMPTY_FILE,
            None,
            "the file has no header row and no data; "
            "a results CSV starts with a header such as candidate,votes"
            if not wanted
            else f"the file has no line {wanted} to be the header (--header-line {wanted})",
        )
        return None
    # (A slice of the whole text from its start is the text itself: no copy.)
    rest = text[header_at:]
    table.header_line = line_number
    lines = list(itertools.islice(_lines(rest), preamble.HEAD_LINES))
    if names:
        # No header in the file: no title lines to look for above it, but a title of labels on
        # its first line (`Localidad:SUBA,Votacion:`), left out with a note.
        table.delimiter = delimiter or sniff_delimiter(lines[:SNIFF_ROWS])
        if len(lines) > 1 and preamble.label_line(preamble.cells(lines[0], table.delimiter)):
            table.notes.append(
                f"Line {line_number} ({lines[0].strip()[:60]!r}) is a title, not data: left out."
            )
            rest = rest[len(lines[0]) :]
            line_number += 1
        table.header_line = line_number - 1
        table.header = list(names)
        return rest
    if header_lines is None:
        span = preamble.locate(lines, [delimiter] if delimiter else DELIMITERS)
        if delimiter is None and span and span.skipped and header_astray(lines, span.delimiter):
            span = None  # (the first line is the header, split by another delimiter)
        if span is not None:
            skipped += [(line_number + i, lines[i].strip()) for i in range(span.skipped)]
            skipped = [(n, t) for n, t in skipped if t]
            rest = rest[sum(map(len, lines[: span.skipped])) :]
            lines = lines[span.skipped :]
            table.header_line += span.skipped
            table.header_rows = span.rows
            delimiter = span.delimiter
    if delimiter is None:
        delimiter = sniff_delimiter(lines[:SNIFF_ROWS])
    table.delimiter = delimiter
    if header_lines is not None:
        last = header_lines[1]
        table.header_rows = (
            last - table.header_line + 1
            if last is not None
            else preamble.header_rows([preamble.cells(line, delimiter) for line in lines])
        )
    if skipped:
        first, *_ = skipped
        table.notes.append(
            f"{len(skipped)} line(s) above the header (line {table.header_line}) were skipped: "
            f"{first[1].rstrip(DELIMITERS_TEXT)[:60]!r}{' …' if len(skipped) > 1 else ''}."
        )
    if firsts := said([t for _, t in skipped], lines[0] if lines else "", table.stem):
        table.notes.append(firsts)  # (first preferences: `read.preferences`)
    return rest


def split(
    text: str,
    table: RawTable,
    found: Found,
    delimiter: str | None,
    header_lines: tuple[int, int | None] | None = None,
    names: tuple[str, ...] = (),
) -> None:
    """Fill `table` with front matter, header and records; record problems instead of raising.
    `names` are the columns of a file with no header (`split_top`)."""
    rest = split_top(text, table, found, delimiter, header_lines, names)
    if rest is None:
        return
    if names:
        table.records = read_records(rest, table.header_line + 1, table.delimiter, found)
        check_names(table, found)
        return
    records = read_records(rest, table.header_line, table.delimiter, found, header=True)
    if records:
        take_header(table, records)
        _short_header(table, table.records, found)


def take_header(table: RawTable, records: list[tuple[int, list[str]]], word: str = "line") -> None:
    """The header (over `table.header_rows` of `records`, the first being its first row, or with
    a row of parties under it) and the records below it into `table`, with a note of what was
    joined; `word` is what the notes call a line (a sheet's `row`)."""
    rows = table.header_rows
    if rows > 1:  # a blank line within the header's lines is no row of it, nor the row below
        last = table.header_line + rows - 1
        rows = table.header_rows = max(1, sum(line <= last for line, _ in records[:rows]))
    if rows <= 2 and _parties_under(table, records, word):
        rows = table.header_rows = 1
        table.records = records[2:]
        return
    if rows > 1 and preamble.grouped([cells for _, cells in records[:rows]]):
        table.groups, below = preamble.split_groups([cells for _, cells in records[:rows]])
        if len(below) > 1:  # the names over their variants, as a header over several rows
            _, levels = preamble.combine(below)
            names = preamble.under_groups([level[0] for level in levels], table.groups)
            table.levels = [(name, *level[1:]) for name, level in zip(names, levels, strict=True)]
            table.header = [" / ".join(p for p in level if p) for level in table.levels]
        else:
            table.header = preamble.under_groups(below[0], table.groups)
        table.notes.append(
            f"The header spans {word}s {table.header_line}–{records[rows - 1][0]}: a row of "
            f"groups over the columns' names ({', '.join(_grouped_examples(table))} …), each "
            "name read under its group."
        )
    elif rows > 1:
        table.header, table.levels = preamble.combine([cells for _, cells in records[:rows]])
        table.notes.append(
            f"The header spans {word}s {table.header_line}–{records[rows - 1][0]}; its rows are "
            f"read as one: {', '.join(map(repr, _examples(table.header)))} …"
        )
    else:
        table.header, table.broken = preamble.header_labels(records[0][1])
        table.levels = preamble.vote_levels(table.header)
        if table.levels:
            votes = sorted({level[1] for level in table.levels if level[1]})
            table.notes.append(
                f"The columns' names end in the vote they count ({', '.join(map(repr, votes))}): "
                "each vote is read as an election of its own."
            )
    table.records = records[rows:]
    _trailing_delimiter(table, table.records)


def check_names(
    table: RawTable, found: Found, records: Sequence[tuple[int, list[str]]] | None = None
) -> None:
    """The columns `--columns` names (`table.header`) against the first row of data (of `records`,
    else the table's): a problem naming the flag, and no header (nothing read), when they differ
    in number, rather than an error on every row."""
    first = next(iter(records if records is not None else table.records), None)
    if first is None:
        return
    line, cells = first
    filled = len(cells)
    while filled and not cells[filled - 1].strip():
        filled -= 1
    named = len(table.header)
    if filled <= named <= len(cells):
        return
    found.add(
        Code.EXTRA_CELL if named < filled else Code.MISSING_CELL,
        line,
        f"--columns names {named} column(s) but this first row of data has {len(cells)} "
        f"cells; name every column in order (a name pollcli does not know, such as x, leaves "
        "its column unused)",
    )
    table.header = []


def _grouped_examples(table: RawTable) -> list[str]:
    """The first name under each of the first groups of a header of groups over names."""
    first = {g: i for i, g in reversed(list(enumerate(table.groups))) if g}
    shown = sorted(first.items(), key=lambda item: item[1])[:2]
    names = [level[0] for level in table.levels] or table.header
    return [f"{names[i].removeprefix(g + ' / ')!r} under {g!r}" for g, i in shown]


def _examples(header: list[str]) -> list[str]:
    """A few labels of a header over several rows, those joined from most rows first."""
    return sorted(header, key=lambda h: -h.count(" / "))[:2]


def read_records(
    text: str, first_line: int, delimiter: str, found: Found, *, header: bool = False
) -> list[tuple[int, list[str]]]:
    """Each non-blank CSV record of `text` with the physical line it starts on (`text` starts on line
    `first_line`), the first one kept even if blank when it is the `header`; a `malformed-csv` problem
    where the CSV cannot be split, and nothing after it; a `stray-quote` warning for each line
    read past its stray quotes (`read.csvrecords`). A long text's quote-free part is split a part
    at a time (`read.plainrows`) where that gives the same records."""
    cut = plain_cut(text)
    if cut is not None:
        records, consumed, error, strays = csv_records(text[:cut], first_line, delimiter, header)
        rest = (
            None if error else plain_records(text, cut, first_line + consumed, delimiter, {}, SEEN)
        )
        if rest is not None:
            records.extend(rest)
            _warn_strays(strays, found)
            return records
    records, consumed, error, strays = csv_records(text, first_line, delimiter, header)
    _warn_strays(strays, found)
    if error is not None:
        found.add(
            Code.MALFORMED_CSV,
            first_line + consumed,
            malformed_message(error, text, consumed + 1, delimiter),
        )
    return records


# A line as `io.StringIO(text, newline="")` reads it: up to and with its end (LF, CRLF or a lone CR).
_LINE: Final[re.Pattern[str]] = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` from its start, each with its line end, read one by one (for the few
    lines above the header and the head: the whole text is never copied)."""
    at, end = 0, len(text)
    while at < end:
        line = _LINE.match(text, at)
        assert line is not None  # the pattern matches at any position
        at = line.end()
        yield line.group()


def _warn_strays(strays: list[tuple[int, str]], found: Found) -> None:
    """A `stray-quote` warning for each line read past its stray quotes (stderr counts many)."""
    family = "lines read past a stray quote inside a quoted cell (stray-quote)"
    for line, message in strays:
        found.warn(Code.STRAY_QUOTE, line, message, family=family)


def malformed_message(exc: csv.Error, text: str, line: int, delimiter: str) -> str:
    """What a `malformed-csv` problem says; `line` is the record's first line within `text`. A
    cell past the csv module's field limit is named with its length, not as a quoting problem
    (unless it is one: a quote that never closes)."""
    lines = io.StringIO(text, newline="")
    for _ in range(line - 1):
        lines.readline()
    record = lines.readline().rstrip("\r\n")
    if '\\"' in record:  # MySQL's and PHP's exports: a quote inside a cell is escaped, \"
        return (
            f"the CSV cannot be split into cells here ({exc}): a quote inside a cell is written "
            '\\" (a backslash), and pollcli reads a doubled quote ("") only; write each \\" as '
            """"" (for instance sed 's/\\\\"/""/g' FILE > FIXED.csv)"""
        )
    if re.search(f'"[ \t]+(?:{re.escape(delimiter)}|$)', record):
        # Costa Rica's TSE: `"Juntas Procesadas","2.092" ` (spaces after a closing quote).
        return (
            f"the CSV cannot be split into cells here ({exc}): spaces follow a cell's closing "
            f'quote; delete them (for instance sed \'s/" *$/"/; s/" *{delimiter}/"{delimiter}/g\' '
            "FILE > FIXED.csv)"
        )
    if "field larger than field limit" not in str(exc):
        return (
            f"the CSV cannot be split into cells here ({exc}); "
            "look for an unterminated or stray quote character"
        )
    limit = csv.field_size_limit()
    if '"' in record:
        return (
            f"a quoted cell runs on for more than {limit:,} characters from here; look for an "
            "unterminated quote"
        )
    longest = max(len(cell) for cell in record.split(delimiter))
    return (
        f"a cell of {longest:,} characters, longer than the {limit:,} the CSV reader accepts; "
        "a results table has no such cell: check that the file is the table you meant"
    )


def top_records(
    text: str,
    table: RawTable,
    found: Found,
    delimiter: str | None,
    split_chars: int,
    names: tuple[str, ...] = (),
) -> list[tuple[int, list[str]]] | None:
    """Front matter, header and delimiter into `table`, and the head's data records (to tell a blank
    header's column and the decimal mark); None when the head holds no header or cannot be split.
    Only the top is split when it holds the header and enough rows to sniff the delimiter:
    splitting a whole megabyte in Python costs 50 ms (the streaming engine's head)."""
    top = text[: text.rfind("\n", 0, split_chars) + 1] or text
    for part in (top, text) if len(top) < len(text) else (text,):
        scratch = Found(found.file)
        table.front_matter.clear()
        rest = split_top(part, table, scratch, delimiter, names=names)
        if rest is None:
            continue
        first = table.header_line + 1 if names else table.header_line
        records = read_records(rest, first, table.delimiter, scratch, header=not names)
        if records and (len(records) > SNIFF_ROWS or part is text):
            # (A data line's stray quotes are said where the engine reads the line again.)
            found.extend([p for p in scratch.items if not _data_stray(p, table.header_line)])
            if names:
                check_names(table, found, records)
                return records
            if _parties_under(table, records):
                return records[2:]
            table.header, table.broken = preamble.header_labels(records[0][1])
            _trailing_delimiter(table, records[1:])
            _short_header(table, records[1:], found)
            return records[1:]
    return None


def _short_header(table: RawTable, records: Sequence[tuple[int, list[str]]], found: Found) -> None:
    """No header (nothing read) where a header of one row is a cell short of its rows, with one
    error on its line (`header_width.short_header`), rather than an error on every row."""
    if table.header_rows == 1 and (
        said := short_header(table.header, table.delimiter, table.header_line, records)
    ):
        found.add(Code.EXTRA_CELL, table.header_line, said)
        table.header = []


def _data_stray(problem: Problem, header_line: int) -> bool:
    return problem.code == Code.STRAY_QUOTE and (problem.line or 0) > header_line


def _trailing_delimiter(table: RawTable, records: Sequence[tuple[int, list[str]]]) -> None:
    """A header line that ends with a delimiter (`…;"Razem";`) names one column more than its rows
    hold: an empty last label over no cell in the first rows is left out, with a note, rather than
    an error on every row ("34 cells but the header has 35")."""
    header = table.header
    if len(header) < 3 or header[-1] or header[-2] == "" or not records:
        return
    first = records[:SNIFF_ROWS]
    if all(len(cells) == len(header) - 1 for _, cells in first):
        header.pop()
        table.notes.append(
            f"The header (line {table.header_line}) ends with a delimiter that no row has: its "
            "empty last column is left out."
        )


def _parties_under(
    table: RawTable, records: Sequence[tuple[int, list[str]]], word: str = "line"
) -> bool:
    """Whether the row under the header (`records[0]`) names the options' parties: if so, the header
    and the parties are `table`'s, with a note (`preamble.party_row`)."""
    header = records[0][1]
    parties = preamble.party_row(header, [cells for _, cells in records[1:]])
    if not parties:
        return False
    table.header, table.broken = preamble.header_labels(header)
    table.header_rows = 1
    table.parties = parties
    shown = ", ".join(f"{table.header[i]!r} ({p})" for i, p in list(parties.items())[:3])
    table.notes.append(
        f"{word.capitalize()} {records[1][0]}, under the header, names the options' parties: {shown}"
        f"{' …' if len(parties) > 3 else ''}."
    )
    return True
