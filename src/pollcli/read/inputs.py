"""Where a file's bytes come from: a path, or standard input (`-`), and how messages name it."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from pollcli.errors import InputError, UsageError
from pollcli.problems import Code, Found, Problem, sort_problems
from pollcli.read.decode import decode

if TYPE_CHECKING:
    from pollcli.read.options import ReadOptions

STDIN_NAME: Final[str] = "<stdin>"
# How much of a stream's head `probe` splits into records, as the streaming engine's head does.
PROBE_CHARS: Final[int] = 64 << 10
Source = str | Path


def display_name(source: Source) -> str:
    return STDIN_NAME if str(source) == "-" else str(source)


def sheet_name(name: str, sheet: str) -> str:
    """How messages name a workbook's sheet: `book.xlsx[Sheet1]`."""
    return f"{name}[{sheet}]"


def validate_args(files: Iterable[str]) -> tuple[list[str], str | None]:
    """The files that problems name, as `pollcli validate` is given them again: standard input as
    `-`, a sheet's `book.xlsx[Sheet1]` as `book.xlsx` (the name is no path); and the sheet for its
    `--sheet` (None when no sheet was read, or several of different names: each workbook's first,
    which validate reads again without the flag)."""
    names: dict[str, None] = {}
    sheets = set()
    for file in files:
        base, sheet = _sheet_of(file)
        names["-" if base == STDIN_NAME else base] = None
        if sheet is not None:
            sheets.add(sheet)
    return list(names), sheets.pop() if len(sheets) == 1 else None


def _sheet_of(file: str) -> tuple[str, str | None]:
    """`book.xlsx[Sheet1]` → (`book.xlsx`, `Sheet1`): split where what comes before is the file
    (a sheet's name may hold brackets, and so may a file's); (file, None) for a file's own name."""
    if not file.endswith("]") or Path(file).exists():
        return file, None
    start = file.find("[")
    while start > 0:
        base = file[:start]
        if base == STDIN_NAME or Path(base).is_file():
            return base, file[start + 1 : -1]
        start = file.find("[", start + 1)
    return file, None


# Where a shell's process substitution, `<(zcat 2020.csv.gz)`, puts its pipe.
PIPE_FOLDERS: Final[tuple[str, ...]] = ("/dev/fd/", "/proc/self/fd/")


def stem(name: str) -> str:
    """The default election label of a file: its name without folder and extension; standard
    input is "stdin", and a pipe of process substitution is named by its path ("/dev/fd/63"), not
    by a bare number that reads like a figure."""
    if name.startswith("<"):
        return "stdin"
    if name.startswith(PIPE_FOLDERS) and Path(name).name.isdigit():
        return name
    return Path(name).stem


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
    not text, no header pollcli reads), before the rest of it is read; [] when it may be one.

    The header is mapped as the engines map it (the column roles of `read.roles`: vote-mode columns,
    `--votes`, `--race-by`, `--where`; the hint of `layout.header_hint`), so a stream is refused
    only where the same bytes named as a file would be, and with the same problems."""
    from pollcli.read import layout
    from pollcli.read.dialect import RawTable, check_names, read_records, split_top
    from pollcli.read.header import map_header
    from pollcli.read.preamble import label
    from pollcli.read.roles import column_roles

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
    from pollcli.read.wholequoted import wholly_quoted

    if wholly_quoted(text):
        return []  # each line in one pair of quotes: read without them (`read.wholequoted`)
    table = RawTable(name=name, stem=stem(name))
    names = options.columns
    rest = split_top(text, table, found, options.delimiter, options.header_line, names)
    if rest is None:
        return found.items
    if options.wide or table.header_rows > 1:
        return []  # a layout the exact engine reads (a wide table, a header over several rows)
    # The top of the head is enough to sample (splitting a whole megabyte costs 50 ms).
    top = rest[: rest.rfind("\n", 0, PROBE_CHARS) + 1] or rest
    first = table.header_line + 1 if names else table.header_line
    records = read_records(top, first, table.delimiter, Found(name), header=not names)
    if not records:
        return []
    if names:
        check_names(table, found, records)
        if not table.header:
            return found.items
    else:
        table.header = [label(c) for c in records[0][1]]
    data = records if names else records[1:]
    if layout.detect(table, options, data) is not None:
        return []  # a wide table: reshaped, not refused
    mapped = map_header(
        table.header,
        table.header_line,
        found,
        lambda i: next((n for n, c in data if i < len(c) and c[i].strip()), 0),
        options.ignore_columns,
        column_roles(table.header, options),
        layout.hint_for(table, data, options),
        data,
    )
    return sort_problems(found.items) if mapped is None else []


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
