"""Where a file's bytes come from: a path, or standard input (`-`), and how messages name it."""

from __future__ import annotations

import csv
import io
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from pollcli.errors import InputError, UsageError
from pollcli.problems import Code, Found, Problem
from pollcli.read.decode import decode

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.options import ReadOptions

STDIN_NAME: Final[str] = "<stdin>"
Source = str | Path


def display_name(source: Source) -> str:
    return STDIN_NAME if str(source) == "-" else str(source)


def stem(name: str) -> str:
    """The default election label of a file: its name without folder and extension."""
    return "stdin" if name.startswith("<") else Path(name).stem


def is_regular(path: Path) -> bool:
    """A regular file (or a link to one); False for a FIFO, a device, or a path that is not there
    (which `read_bytes` reports)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def open_binary(path: Path) -> BinaryIO:
    """A FIFO or a device opened for reading; a usage error when it cannot be."""
    try:
        return path.open("rb")
    except OSError as exc:
        raise UsageError(
            f"{path}: cannot be read ({exc.strerror or exc}); check the path"
        ) from None


def probe(head: bytes, name: str, options: ReadOptions) -> list[Problem]:
    """Why the first megabyte of a stream shows it is no results table (no line end, bytes that are
    not text, no header pollcli reads), before the rest of it is read; [] when it may be one."""
    from pollcli.read.dialect import RawTable, split_top
    from pollcli.read.header import map_header

    found = Found(name)
    if b"\n" not in head and b"\r" not in head:
        found.add(
            Code.MALFORMED_CSV,
            1,
            f"no line ends in the first {len(head) // 1024:,} KiB: a results table has a header "
            "line and a line per option; is this a text file?",
        )
        return found.items
    cut = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    text = decode(head[:cut], found, options.encoding)
    if text is None:
        return found.items
    table = RawTable(name=name, stem=stem(name))
    rest = split_top(text, table, found, options.delimiter, options.header_line)
    if rest is None:
        return found.items
    if options.wide or table.header_rows > 1:
        return []  # a layout the exact engine reads (a wide table, a header over several rows)
    first = io.StringIO(rest, newline="").readline()
    cells = next(csv.reader([first], delimiter=table.delimiter), [])
    header = [c.strip() for c in cells]
    if (
        map_header(header, table.header_line, found, lambda _: False, options.ignore_columns)
        is None
    ):
        wide = _wide(rest, table, options)
        return [] if wide else [p for p in found.items if p.severity == "error"]
    return []


def _wide(rest: str, table: RawTable, options: ReadOptions) -> bool:
    """Whether the head of a stream is a wide table (`layout.detect`): read, not refused."""
    from pollcli.read.dialect import read_records
    from pollcli.read.layout import detect

    records = read_records(rest, table.header_line, table.delimiter, Found(table.name), header=True)
    if not records:
        return False
    table.header = [c.strip() for c in records[0][1]]
    return detect(table, options, records[1:]) is not None


def read_bytes(source: Source) -> bytes:
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
