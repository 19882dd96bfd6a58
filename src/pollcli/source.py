"""Bytes → text → front matter, header and records, each record with its physical line number.

Everything here is about the file as a file: encodings, byte-order marks, delimiters, quoting and line
numbers as a text editor shows them. What the cells mean is `load`'s business.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from pollcli.errors import InputError, UsageError
from pollcli.problems import Problem, Severity

DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t", "|")
_FRONT_MATTER_KEY_RE: Final[re.Pattern[str]] = re.compile(r"[A-Za-z_][\w ]*")
SNIFF_ROWS: Final[int] = 50
STDIN_NAME: Final[str] = "<stdin>"


@dataclass(frozen=True)
class FrontMatter:
    line: int
    key: str
    value: str


@dataclass
class RawTable:
    """A file split into cells; `problems` holds what stopped or troubled the split."""

    name: str
    stem: str
    delimiter: str = ","
    front_matter: list[FrontMatter] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    header_line: int = 0
    records: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(
        self,
        code: str,
        line: int | None,
        message: str,
        *,
        column: str | None = None,
        severity: Severity = "error",
    ) -> None:
        self.problems.append(
            Problem(
                code=code,
                severity=severity,
                file=self.name,
                line=line,
                column=column,
                message=message,
            )
        )


def display_name(source: str | Path) -> str:
    return STDIN_NAME if str(source) == "-" else str(source)


def read_bytes(source: str | Path) -> bytes:
    """The raw bytes of a file, or of standard input for `-`. A missing file is a usage error."""
    if str(source) == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a CSV file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(
            f"{path}: cannot be read ({exc.strerror or exc}); check the path"
        ) from None


def check_encoding(encoding: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(
            f"unknown encoding {encoding!r}; try utf-8, cp1251, cp1252, latin-1 or utf-16"
        ) from None
    # Python's codecs also hold transforms (rot13, base64, zlib…) and 'undefined', which decodes
    # nothing; `bytes.decode` refuses the first and the second raises on any byte.
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        raise UsageError(
            f"--encoding {encoding!r} is not a text encoding; "
            "try utf-8, cp1251, cp1252, latin-1 or utf-16"
        )
    return info.name


def _guess_encoding(data: bytes) -> tuple[str | None, str]:
    """A likely encoding and why, from the bytes that are not ASCII. A suggestion, never applied."""
    nuls = data.count(b"\x00")
    if nuls > len(data) // 4 and nuls * 3 < len(data) * 2:
        return "utf-16", "many NUL bytes, as in UTF-16 without a byte-order mark"
    if nuls:
        return None, "it holds NUL bytes, so it is probably not a CSV text file"
    # Cyrillic words in cp1251 are runs of high bytes; Western accents sit alone between ASCII letters.
    runs = re.findall(rb"[\x80-\xff]+", data)
    high = sum(len(r) for r in runs)
    in_long_runs = sum(len(r) for r in runs if len(r) >= 3)
    if high and in_long_runs / high > 0.5:
        return "cp1251", "Cyrillic text from Windows"
    return "cp1252", "Western European text from Windows; latin-1 is similar"


def decode(data: bytes, table: RawTable, encoding: str | None) -> str | None:
    """Text of the file, or None after recording an `encoding-error`. Never mojibake."""
    if encoding is None:
        if data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        else:
            encoding = "utf-8"
    elif codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"  # a BOM is never part of the first header
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 4]
        name, why = _guess_encoding(data)
        table.problem(
            "encoding-error",
            line,
            f"bytes {bad.hex(' ')} do not decode as {encoding.removesuffix('-sig')}; "
            + (f"the file looks like {name} ({why}): pass --encoding {name}" if name else why),
        )
        return None
    if "\x00" in text:
        # NUL is valid UTF-8 but never part of a results table: UTF-16 without a BOM, or not text.
        name, why = _guess_encoding(data)
        table.problem(
            "encoding-error",
            text[: text.index("\x00")].count("\n") + 1,
            "the file holds NUL bytes; "
            + (f"it looks like {name} ({why}): pass --encoding {name}" if name else why),
        )
        return None
    if not codecs.lookup(encoding).name.startswith("utf") and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:  # valid UTF-8 read as a one-byte encoding turns "Токаев" into "Ð¢Ð¾ÐºÐ°ÐµÐ²"
            table.problem(
                "encoding-mismatch",
                None,
                f"the file is valid UTF-8 but was read as {encoding}, which garbles non-ASCII names; "
                "drop --encoding unless you are sure",
                severity="warning",
            )
    return text


def _front_matter(stripped: str) -> tuple[str, str] | None:
    """`# key: value` as (key, value), or None for another comment. Split at the first colon
    rather than by one regular expression with lazy repetitions around optional spaces, which
    backtracked in time quadratic in a long run of spaces (160 KB took a minute)."""
    key, colon, value = stripped[1:].partition(":")
    key = key.strip()
    if not colon or not _FRONT_MATTER_KEY_RE.fullmatch(key):
        return None
    return key, value.strip()


def _looks_like_header(text: str) -> bool:
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


def split(text: str, table: RawTable, delimiter: str | None) -> None:
    """Fill `table` with front matter, header and records; record problems instead of raising."""
    buffer = io.StringIO(text, newline="")
    line_number = 0
    header_text: str | None = None
    for physical in iter(buffer.readline, ""):
        line_number += 1
        stripped = physical.strip()
        if not stripped:
            continue
        if stripped.startswith("#") and not _looks_like_header(stripped):
            pair = _front_matter(stripped)
            if pair:
                table.front_matter.append(FrontMatter(line_number, *pair))
            continue
        header_text = physical
        break
    if header_text is None:
        table.problem(
            "empty-file",
            None,
            "the file has no header row and no data; "
            "a results CSV starts with a header such as candidate,votes",
        )
        return
    rest = header_text + buffer.read()
    table.header_line = line_number
    if delimiter is None:
        sample = io.StringIO(rest, newline="")
        head = [sample.readline() for _ in range(SNIFF_ROWS)]
        delimiter = sniff_delimiter([h for h in head if h])
    table.delimiter = delimiter
    reader = csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter, strict=True)
    offset = line_number - 1
    consumed = 0
    try:
        for cells in reader:
            start = offset + consumed + 1
            consumed = reader.line_num
            if start == table.header_line:
                table.header = [c.strip() for c in cells]
                continue
            if not cells or all(not c.strip() for c in cells):
                continue
            table.records.append((start, cells))
    except csv.Error as exc:
        table.problem(
            "malformed-csv",
            offset + consumed + 1,
            malformed_message(exc, rest, consumed + 1, delimiter),
        )


def malformed_message(exc: csv.Error, text: str, line: int, delimiter: str) -> str:
    """What a `malformed-csv` problem says; `line` is the record's first line within `text`. A
    cell past the csv module's field limit is named with its length, not as a quoting problem
    (unless it is one: a quote that never closes)."""
    if "field larger than field limit" not in str(exc):
        return (
            f"the CSV cannot be split into cells here ({exc}); "
            "look for an unterminated or stray quote character"
        )
    limit = csv.field_size_limit()
    lines = io.StringIO(text, newline="")
    for _ in range(line - 1):
        lines.readline()
    record = lines.readline().rstrip("\r\n")
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
