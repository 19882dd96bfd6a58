"""A big Parquet file streamed: its columns written as the CSV text the exact engine reads them as,
a record batch at a time, to a temporary file the streaming engine reads (`read.stream`).

The exact engine reads a Parquet file whole (`read.tabular`): every cell made the text a CSV export
holds (`tabular.cell_text`), the header on line 1 and row N on line N + 1, then row by row in Python:
some 20 s and 2 GB a million rows. pyarrow writes the same text for the columns results files hold
(text, integers, whole floats, booleans, dates), and the streaming engine then reads it as it reads
any CSV, with the same problems at the same lines. Anything whose text or lines could differ is left
to the exact engine (None): another column type, a float that is not a whole number, a cell holding
a line end or a NUL, a row of blank cells (the exact engine skips it), front matter in the file's
metadata, a header the CSV stages would not read on line 1, or an option the exact engine reads
otherwise for Parquet (`--encoding`, `--delimiter`, `--columns`, `--header-line`, `--wide`).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from pollcli.errors import UsageError
from pollcli.problems import Found
from pollcli.read.dialect import RawTable, top_records
from pollcli.read.inputs import stem
from pollcli.read.options import ReadOptions
from pollcli.read.tabular import NOT_FACTS

if TYPE_CHECKING:
    from pollcli.election import Election
    from pollcli.problems import Problem

BATCH_ROWS: Final[int] = 65_536
# Characters the CSV stages would take for a line's end (`str.splitlines`), or refuse (NUL).
_LINE_BREAKS: Final[str] = "[\x00\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
# The rows the header is looked at with, as the streaming engine's head.
_HEAD_ROWS: Final[int] = 200


class _NotText(Exception):
    """A batch whose CSV text would not be what the exact engine reads."""


def stream_parquet(
    path: Path, name: str, options: ReadOptions
) -> tuple[list[Election], list[Problem]] | None:
    """The elections of a Parquet file and its problems, as the exact engine gives them; None when
    its text could differ (see the module's docstring): the exact engine reads it."""
    if options.encoding or options.delimiter or options.columns or options.wide:
        return None
    if options.header_line is not None:
        return None  # a usage error, which the exact engine says
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        schema = parquet.schema_arrow
    except (pa.ArrowException, OSError):
        return None  # the exact engine says what is wrong with it
    metadata = schema.metadata or {}
    if any(key.decode("utf-8", "replace") not in NOT_FACTS for key in metadata):
        return None
    names = [str(n) for n in schema.names]
    if not names or any(not n.strip() or _has_break(n) for n in names):
        return None
    from pollcli import spool
    from pollcli.read.stream import read_stream

    batches = parquet.iter_batches(batch_size=BATCH_ROWS, use_threads=False)
    feed = io.BufferedReader(_CsvFeed(_csv_chunks(batches, names)), buffer_size=1 << 20)
    try:
        with spool.spooled(b"", feed) as spooled:
            parquet.close()  # its reader and the row groups it read: not kept at the peak
            del parquet, batches, feed
            pa.default_memory_pool().release_unused()
            if not _header_on_line_one(spooled, name, names):
                return None
            return read_stream(spooled, name, dataclasses.replace(options, delimiter=","))
    except (_NotText, UsageError, pa.ArrowException):
        return None  # (a full disk too: the exact engine reads the file in memory)


def _has_break(text: str) -> bool:
    import re

    return re.search(_LINE_BREAKS, text) is not None


def _csv_chunks(batches: Iterator[Any], names: list[str]) -> Iterator[bytes]:
    """The CSV text of each record batch, the header first; `_NotText` for a batch it cannot be."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    header = True
    for batch in batches:
        table = pa.Table.from_arrays(_texts(batch, pa), names=[f"c{i}" for i in range(len(names))])
        sink = io.BytesIO()
        if header:
            sink.write((",".join(_quoted(n) for n in names) + "\n").encode("utf-8"))
            header = False
        pacsv.write_csv(table, sink, pacsv.WriteOptions(include_header=False))
        yield sink.getvalue()
    if header:
        yield (",".join(_quoted(n) for n in names) + "\n").encode("utf-8")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _texts(batch: Any, pa: Any) -> list[Any]:
    """The batch's columns in types pyarrow writes as `tabular.cell_text` does; `_NotText` when one
    cannot be, or when a row is blank in every cell (the exact engine skips such rows)."""
    import pyarrow.compute as pc

    types = pa.types
    columns = []
    blank = None
    for column in batch.columns:
        kind = column.type
        if types.is_dictionary(kind):
            column = column.dictionary_decode()
            kind = column.type
        if types.is_string(kind) or types.is_large_string(kind):
            if pc.any(pc.match_substring_regex(column, _LINE_BREAKS)).as_py():
                raise _NotText
            empty = pc.equal(pc.utf8_length(pc.utf8_trim_whitespace(column)), 0)
        elif types.is_floating(kind):
            column = pc.if_else(pc.is_nan(column), pa.scalar(None, kind), column)
            whole = pc.equal(pc.floor(column), column)
            small = pc.less(pc.abs(column), 1e15)
            if not pc.all(pc.and_(whole, small)).as_py():
                raise _NotText  # written otherwise than `repr`, or as 1e+15 where pollcli writes digits
            column = column.cast(pa.int64())
            empty = None
        elif (
            types.is_integer(kind)
            or types.is_boolean(kind)
            or types.is_null(kind)
            or types.is_date32(kind)
        ):
            empty = None
        else:
            raise _NotText
        empty = pc.is_null(column) if empty is None else pc.or_kleene(empty, pc.is_null(column))
        blank = empty if blank is None else pc.and_kleene(blank, empty)
        columns.append(column)
    if blank is not None and pc.any(blank).as_py():
        raise _NotText
    return columns


class _CsvFeed(io.RawIOBase):
    """The CSV chunks as a binary stream, for the spool to copy."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            chunk = next(self.chunks, None)
            if chunk is None:
                self.chunks = iter(())
                return 0
            self.pending = memoryview(chunk)
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def _header_on_line_one(path: Path, name: str, names: list[str]) -> bool:
    """Whether the CSV stages read the header on line 1 as the column names, one row, no front
    matter: as the exact engine reads a Parquet file."""
    with path.open("rb") as handle:
        head = b"".join(handle.readline() for _ in range(_HEAD_ROWS)).decode("utf-8")
    table = RawTable(name=name, stem=stem(name))
    top_records(head, table, Found(name), ",", 64 << 10, ())
    return (
        table.header_line == 1
        and table.header == names
        and table.header_rows == 1
        and not table.front_matter
    )
