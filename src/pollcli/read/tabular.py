"""Excel, OpenDocument and Parquet files → the same table of text cells a CSV gives.

Told apart by their first bytes, never by their name: a ZIP holding `xl/workbook.xml` is an Excel
workbook (.xlsx, .xlsm), one with an OpenDocument spreadsheet `mimetype` is .ods, an OLE2 compound
file is an old .xls, `PAR1` is Parquet. Workbooks are read by pandas with the python-calamine engine
and Parquet by pyarrow, both imported only here, so the everyday CSV path never loads them.

Every cell becomes the text a CSV export would hold (a whole float without its `.0`, a date in ISO
form, an empty cell empty), and the rows go through the very stages a CSV's rows do — header words,
kinds, facts, checks — so that the same election as CSV, XLSX and Parquet gives the same JSON.
Line numbers are the sheet's row numbers, and problems are located by cell: `file.xlsx[Sheet1]:B7`.
The header is found as a CSV's is (`preamble`: title rows above it, a header over several rows), and
`--header-line` counts the sheet's rows.

Front matter: in a sheet, leading rows whose first cell starts with `#` are read as a CSV's `# key:
value` lines (a line Excel split at its commas is joined again). A Parquet file has no rows to spare:
its key–value metadata whose keys are election facts (`date`, `registered`…) are its front matter.
Flags win over both, as for a CSV.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from pollcli.errors import UsageError
from pollcli.problems import Code, Found
from pollcli.read import preamble
from pollcli.read.dialect import FrontMatter, RawTable, front_matter_item, take_header

if TYPE_CHECKING:
    from pollcli.read.options import ReadOptions

OLE2: Final[bytes] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP: Final[bytes] = b"PK\x03\x04"
PARQUET: Final[bytes] = b"PAR1"
# What a Parquet file's metadata may give as front matter (pandas' own entry is not a fact).
NOT_FACTS: Final[frozenset[str]] = frozenset({"pandas", "ARROW:schema"})


def tabular_kind(head: bytes) -> str | None:
    """`parquet`, `xls` or `zip` (a workbook, or another ZIP) from a file's first bytes; None for
    text."""
    if head.startswith(PARQUET):
        return "parquet"
    if head.startswith(OLE2):
        return "xls"
    if head.startswith(ZIP):
        return "zip"
    return None


def read_tabular(
    data: bytes, kind: str, name: str, options: ReadOptions
) -> tuple[RawTable, Found, list[str]]:
    """The table of a workbook's sheet or a Parquet file, the problem list its messages go to
    (named `file.xlsx[Sheet1]` for a sheet, with the sheet's column letters), and notes."""
    if kind == "parquet":
        if options.columns:
            raise UsageError(
                f"{name}: --columns names the columns of a file with no header; a Parquet file "
                "names its own columns (--ignore-column, --votes and --race-by take those names)"
            )
        if options.header_line is not None:
            raise UsageError(
                f"{name}: --header-line says where a text file's or a sheet's header is; a "
                "Parquet file has no header rows, its columns are named in it"
            )
        found = Found(name)
        table = RawTable(name=name, stem=_stem(name))
        _parquet(data, table, found)
        return table, found, []
    workbook = _workbook_kind(data) if kind == "zip" else "xls"
    if workbook is None:
        found = Found(name)
        found.add(Code.NOT_A_TABLE, None, _not_a_workbook(data))
        return RawTable(name=name, stem=_stem(name)), found, []
    return _sheet(data, name, options)


def _stem(name: str) -> str:
    from pollcli.read.inputs import stem

    return stem(name)


def _sheet_name(name: str, sheet: str) -> str:
    from pollcli.read import inputs

    return inputs.sheet_name(name, sheet)


def _workbook_kind(data: bytes) -> str | None:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                return "xlsx"
            if "mimetype" in names and archive.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument.spreadsheet"
            ):
                return "ods"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _not_a_workbook(data: bytes) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inside = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return "the file starts like a ZIP archive but is not one pollcli can open; is it complete?"
    shown = ", ".join(repr(n) for n in inside[:3]) + (" …" if len(inside) > 3 else "")
    return (
        f"a ZIP archive ({shown}), not a results table nor a spreadsheet: unzip it and give "
        "pollcli the file inside"
    )


def _sheet(data: bytes, name: str, options: ReadOptions) -> tuple[RawTable, Found, list[str]]:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    try:
        book = pd.ExcelFile(io.BytesIO(data), engine="calamine")
    except Exception as exc:  # calamine's errors are of its own types; any means "cannot open"
        found = Found(name)
        found.add(
            Code.NOT_A_TABLE,
            None,
            f"the file looks like a workbook but cannot be opened ({_short(exc)}); is it "
            "complete, or protected by a password?",
        )
        return RawTable(name=name, stem=_stem(name)), found, []
    sheets = [str(s) for s in book.sheet_names]
    sheet = options.sheet
    if sheet is None:
        sheet = sheets[0]
    elif sheet not in sheets:
        raise UsageError(
            f"{name}: no sheet named {sheet!r}; its sheets are {', '.join(map(repr, sheets))}"
        )
    frame = pd.read_excel(book, sheet_name=sheet, header=None, dtype=object)
    found = Found(_sheet_name(name, sheet))
    table = RawTable(name=found.file, stem=_stem(name))
    rows = [[_sheet_text(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    _rows_to_table(rows, table, found, options.columns, options.header_line)
    notes = []
    if len(sheets) > 1 and options.sheet is None:
        notes.append(
            f"The workbook has {len(sheets)} sheets ({', '.join(map(repr, sheets))}); the first, "
            f"{sheet!r}, was read (--sheet NAME reads another)."
        )
    return table, found, notes


def _rows_to_table(
    rows: list[list[str]],
    table: RawTable,
    found: Found,
    names: tuple[str, ...] = (),
    header_lines: tuple[int, int | None] | None = None,
) -> None:
    """Front matter, header and records of a sheet's rows (row 1 is line 1); `names` are the
    columns of a sheet with no header (`--columns`), whose first row is data. The header is found
    as a CSV's is (`preamble`): below title rows, over several rows, or where `header_lines`
    (`--header-line`, counted in the sheet's rows) says."""
    position = 0
    while position < len(rows):
        row = rows[position]
        cells = _trimmed(row)
        if not cells:
            position += 1
            continue
        if not cells[0].startswith("#"):
            break
        pair = front_matter_item(",".join(cells).strip())
        if pair is None and len(cells) == 2:
            pair = front_matter_item(f"{cells[0].rstrip(':')}: {cells[1]}")
        if pair:
            table.front_matter.append(FrontMatter(position + 1, *pair))
        position += 1
    wanted = header_lines[0] if header_lines else 0
    # The sheet's non-empty rows from the first that is no front matter, numbered as it shows them.
    filled = [
        (n + 1, row) for n, row in enumerate(rows[position:], start=position) if _trimmed(row)
    ]
    skipped = [(n, row) for n, row in filled if n < wanted]
    filled = filled[len(skipped) :]
    if not filled:
        found.add(
            Code.EMPTY_FILE,
            None,
            f"the sheet has no row {wanted} to be the header (--header-line {wanted})"
            if wanted
            else "the sheet has no header row and no data; a results table starts with a header "
            "such as candidate,votes",
        )
        return
    if names:
        table.header_line = filled[0][0] - 1  # where a header would be, above the first data
        table.header = list(names)
        table.records = filled
        return
    if header_lines is None:
        span = preamble.locate_rows([row for _, row in filled[: preamble.HEAD_LINES]])
        if span is not None:
            skipped, filled = filled[: span[0]], filled[span[0] :]
            table.header_rows = span[1]
    else:
        last = header_lines[1]
        table.header_rows = (
            last - filled[0][0] + 1
            if last is not None
            else preamble.header_rows([row for _, row in filled[: preamble.MAX_HEADER_ROWS]])
        )
    table.header_line = filled[0][0]
    if skipped:
        title = ", ".join(c.strip() for c in skipped[0][1] if c.strip())
        table.notes.append(
            f"{len(skipped)} row(s) above the header (row {table.header_line}) were skipped: "
            f"{title[:60]!r}{' …' if len(skipped) > 1 else ''}."
        )
    take_header(table, filled, "row")
    found.letters.update({label: column_letter(i) for i, label in enumerate(table.header) if label})


def _trimmed(row: list[str]) -> list[str]:
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return row[:end]


def _parquet(data: bytes, table: RawTable, found: Found) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.read_table(pa.BufferReader(data))
    except (pa.ArrowException, OSError) as exc:
        found.add(
            Code.NOT_A_TABLE,
            None,
            f"the file starts like Parquet but cannot be read ({_short(exc)}); is it complete?",
        )
        return
    metadata = parquet.schema.metadata or {}
    for key, value in metadata.items():
        text = key.decode("utf-8", "replace")
        if text not in NOT_FACTS:
            table.front_matter.append(FrontMatter(1, text, value.decode("utf-8", "replace")))
    table.header = [str(n) for n in parquet.column_names]
    table.header_line = 1
    columns = [[cell_text(v) for v in column.to_pylist()] for column in parquet.columns]
    table.records = [
        (number, list(row))
        for number, row in enumerate(zip(*columns, strict=True), start=2)
        if any(c.strip() for c in row)
    ]


def cell_text(value: Any) -> str:
    """A cell as a CSV export writes it: `16008` for 16008.0, `81.31`, `2022-11-20`, '' for empty."""
    if value is None or value is _missing():
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) or type(value).__module__ == "numpy":
        try:
            number = float(value)
        except (TypeError, ValueError):
            return str(value)
        if math.isnan(number):
            return ""
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        # Digits, never an exponent (`1.79e-07`: Ohio's shares of a write-in), as a CSV holds them.
        text = repr(number)
        return format(Decimal(text), "f") if "e" in text and math.isfinite(number) else text
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        if _is_missing_time(value):
            return ""
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _sheet_text(value: Any) -> str:
    """A workbook's cell as `cell_text` gives it, on one line: a line break in a cell is the sheet's
    wrapping (Hamburg's party `Hamburg` over `Offensiv` in its header cell), read as a space; a NUL
    is no character of a name (an old .xls exporter's UTF-16 text as bytes: `FdI` with a NUL after
    each letter)."""
    text = cell_text(value)
    text = text.replace("\x00", "") if "\x00" in text else text
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def _missing() -> object:
    """pandas' NA and NaT, without importing pandas where it is not loaded."""
    import sys

    pandas = sys.modules.get("pandas")
    return pandas.NA if pandas is not None else object()


def _is_missing_time(value: dt.datetime) -> bool:
    import sys

    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NaT


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: a sheet's column name."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
