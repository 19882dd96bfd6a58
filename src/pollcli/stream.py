"""Big regional files (precinct returns with millions of rows) aggregated as a stream, in bounded memory.

The exact path (`load.load_file`) holds every row as a Python object: about 30 µs and 2–3 KB per row, fine
for a national table, hopeless for ten million precinct rows. This path reads the file in blocks of
`BLOCK_BYTES` cut at a newline, parses each block with pyarrow's multithreaded CSV reader (only the
columns pollcli uses), sums votes per (election, region, option, party, kind, facts) and keeps only those
sums, so memory depends on the number of regions and options, never on the number of rows.

One validation contract for both paths: a block is trusted to the fast parser only when nothing in it
could be a problem (every vote a plain non-negative integer below the cap, every row as wide as the
header, no blank lines, no lone carriage returns, every key cell decodable and accepted by the exact
cell parser). Any doubt and the block is re-read with the exact parser (`_FileLoader._parse`), which
records the same problems with the same physical line numbers. The sums then go through the exact
loader's election pipeline (facts, regions, duplicates, totals) as one record per key, so both paths
build the same `Election` objects.

Per-precinct facts (`registered`, `ballots_cast`… beside a unit column) are grouped apart from the
votes and kept once per precinct, the one thing here whose memory grows with the file (with the number
of precincts, not of rows); they are summed into their region when the file is read. Whatever the exact
path would object to in them (two values in one precinct, a value that is not a count, a precinct with
no region named) hands the whole file over to it (`_ExactAfterAll`).

Known difference, for memory's sake: with a unit column beside the region (`region,precinct,…`), the
same option listed twice in one precinct is summed here but reported as `duplicate-option` by the exact
path; finding it needs memory that grows with the file. `pollcli validate` reads such files exactly
when asked to with POLLCLI_ENGINE=exact.
"""

from __future__ import annotations

import codecs
import contextvars
import csv
import dataclasses
import io
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from pollcli.columns import REGIONAL_FACTS
from pollcli.numbers import MAX_VOTES
from pollcli.problems import sort_problems
from pollcli.source import (
    SNIFF_ROWS,
    RawTable,
    decode,
    display_name,
    malformed_message,
    split,
)

if TYPE_CHECKING:
    from concurrent.futures import Future

    from pollcli.election import Election
    from pollcli.loader import ReadOptions, _FileLoader, _Parsed
    from pollcli.problems import Problem

# Below this size the exact path is faster: importing pyarrow costs about 0.2 s, which the exact
# parser spends on some 6,000 rows (about 250 KB); above it the exact path also needs 2–3 KB of memory
# per row. Measured on 2 cores, see README "Performance".
STREAM_THRESHOLD_BYTES: Final[int] = 1 << 20
# 16 MiB blocks: large enough for pyarrow to split across both cores, small enough to keep the peak flat.
BLOCK_BYTES: Final[int] = 16 << 20
# Blocks are split again into chunks that pyarrow parses in parallel.
PARSE_CHUNK_BYTES: Final[int] = 2 << 20
HEAD_BYTES: Final[int] = 1 << 20
SPLIT_CHARS: Final[int] = 64 << 10
ENGINE_ENV: Final[str] = "POLLCLI_ENGINE"
ENGINES: Final[tuple[str, ...]] = ("auto", "exact", "stream")

ProgressHook = Callable[[str, int, int], None]
# Set by the command line (a Rich bar on a terminal); the library itself never prints.
progress_hook: contextvars.ContextVar[ProgressHook | None] = contextvars.ContextVar(
    "progress_hook", default=None
)


def engine() -> str:
    """The path forced by POLLCLI_ENGINE (exact, stream), or auto: chosen by file size."""
    value = os.environ.get(ENGINE_ENV, "auto").strip().lower() or "auto"
    return value if value in ENGINES else "auto"


def wants_stream(source: str | Path) -> bool:
    """Whether to try the streaming path: a real file above the threshold, unless forced."""
    chosen = engine()
    if chosen == "exact" or str(source) == "-":
        return False
    if chosen == "stream":
        return True
    try:
        return Path(source).stat().st_size >= STREAM_THRESHOLD_BYTES
    except OSError:
        return False  # the exact path reports a missing file


@dataclass
class _Sum:
    line: int
    votes: int
    parsed: _Parsed
    duplicates: list[int] = field(default_factory=list)


Key = tuple[Any, ...]


def load_file_streaming(
    source: str | Path, options: ReadOptions, name: str | None = None
) -> tuple[list[Election], list[Problem]] | None:
    """The elections in one file and its problems, as `load.load_file`; None when the file is not
    one this path reads (no region column, a share column, UTF-16, an odd first megabyte), in which
    case the caller reads it exactly."""
    path = Path(source)
    name = name or display_name(source)
    table = RawTable(name=name, stem="stdin" if name.startswith("<") else path.stem)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if options.encoding and codecs.lookup(options.encoding).name.startswith(("utf-16", "utf-32")):
        return None
    if len(head) < size:
        head = head[: head.rfind(b"\n") + 1]
    if head.count(b"\r") != head.count(b"\r\n"):
        return None
    text = decode(head, table, options.encoding)
    if text is None:
        return [], list(table.problems)
    # Only the top is split here (front matter, header, delimiter): splitting the whole first
    # megabyte in Python cost 50 ms, and its rows are read again block by block anyway. The whole
    # head after all when the top holds no header (long front matter) or too few rows after it
    # to tell the delimiter.
    top = text[: text.rfind("\n", 0, SPLIT_CHARS) + 1] or text
    mark = len(table.problems)
    split(top, table, options.delimiter)
    if len(top) < len(text) and (not table.header or len(table.records) < SNIFF_ROWS):
        del table.problems[mark:]
        table.front_matter.clear()
        table.records.clear()
        table.header = []
        split(text, table, options.delimiter)
    if table.problems or not table.header:
        return None
    data_start = _offset_after_line(head, table.header_line)
    if data_start is None or b'"' in head[:data_start]:
        return None
    from pollcli.loader import _FileLoader

    loader = _FileLoader(table, options)
    if not loader._map_header():
        return [], sort_problems(table.problems)
    present = set(loader.columns.values())
    if "region" not in present or "share" in present:
        return None
    reader = _BlockReader(loader, path, encoding=options.encoding)
    try:
        sums = reader.run(data_start, table.header_line + 1, size)
        totals = _region_totals(loader, reader.unit_fact_keys, reader.unit_facts)
        elections = _elections(loader, sums, "unit" in present, totals)
    except _ExactAfterAll:
        return None
    return elections, sort_problems(table.problems)


class _ExactAfterAll(Exception):
    """Raised mid-file when the file turns out to need the exact path as a whole."""


def _offset_after_line(data: bytes, line: int) -> int | None:
    position = -1
    for _ in range(line):
        position = data.find(b"\n", position + 1)
        if position < 0:
            return None
    return position + 1


@dataclass(frozen=True)
class _BlockSums:
    """One block summed by pyarrow: per key, the key cells (bytes), total votes, first row, rows."""

    rows: int
    keys: list[list[bytes]]
    totals: list[int]
    firsts: list[int]
    counts: list[int]
    # With per-precinct facts: the block's distinct (precinct cells..., fact cells...), by column.
    unit_facts: list[list[bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class _Layout:
    """What a worker needs to sum a block: the CSV dialect and which columns to read."""

    width: int
    delimiter: str
    encoding: str
    key_indexes: tuple[int, ...]
    votes_index: int
    # With per-precinct facts: the cells that name a precinct (election, region, unit) and the
    # fact columns, grouped apart from the votes.
    precinct_indexes: tuple[int, ...] = ()
    unit_fact_indexes: tuple[int, ...] = ()

    def summarize(self, data: bytes, cut: int) -> _BlockSums | None:
        """Sum `data[:cut]` with pyarrow on this thread; None when the block needs the exact parser.

        Runs on worker threads: pyarrow releases the GIL while it parses and groups, so two blocks
        are summed at once on two cores, each single-threaded (less overhead than splitting one block).
        """
        import numpy as np
        import pyarrow as pa
        import pyarrow.csv as pacsv

        block = memoryview(data)[:cut]
        # Without quotes or carriage returns every row is one line (checked by counting otherwise).
        # A blank line is a row of one cell, which pyarrow refuses since the header is wider.
        plain = b'"' not in data and b"\r" not in data
        names = [f"c{i}" for i in range(self.width)]
        key_names = [f"c{i}" for i in self.key_indexes]
        votes_name = f"c{self.votes_index}"
        precinct_names = [f"c{i}" for i in self.precinct_indexes]
        fact_names = [f"c{i}" for i in self.unit_fact_indexes]
        binary = dict.fromkeys([*key_names, *precinct_names, *fact_names])
        try:
            parsed = pacsv.read_csv(
                pa.py_buffer(block),
                read_options=pacsv.ReadOptions(column_names=names, use_threads=False),
                parse_options=pacsv.ParseOptions(
                    delimiter=self.delimiter, newlines_in_values=False, ignore_empty_lines=False
                ),
                convert_options=pacsv.ConvertOptions(
                    include_columns=[*binary, votes_name],
                    column_types={votes_name: pa.int64(), **{k: pa.binary() for k in binary}},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                    null_values=[],
                ),
            )
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
        if not plain and parsed.num_rows != data.count(b"\n", 0, cut):
            return None  # a quoted newline or a lone carriage return: rows are not lines
        if not data.isascii():
            try:
                codecs.decode(block, self.encoding)
            except UnicodeDecodeError:
                return None
        if parsed.column(votes_name).null_count:
            return None
        # From a buffer: `pa.array(ndarray)` would import pandas (0.2 s) to rule out a DataFrame.
        positions = pa.py_buffer(np.arange(parsed.num_rows, dtype=np.int64))
        rows = parsed.append_column(
            "row", pa.Array.from_buffers(pa.int64(), parsed.num_rows, [None, positions])
        )
        groups = _group(rows, key_names, _vote_aggregates(votes_name))
        # Bounds per group rather than `pyarrow.compute.min_max`: that module costs 35 ms to import.
        low, high = groups.column("low").to_pylist(), groups.column("high").to_pylist()
        if low and (min(low) < 0 or max(high) > MAX_VOTES):
            return None
        unit_facts = []
        if fact_names:
            combos = _group(rows, [*precinct_names, *fact_names], [])  # distinct combinations
            unit_facts = [combos.column(k).to_pylist() for k in [*precinct_names, *fact_names]]
        return _BlockSums(
            rows=parsed.num_rows,
            keys=[groups.column(k).to_pylist() for k in key_names],
            totals=groups.column("total").to_pylist(),
            firsts=groups.column("first").to_pylist(),
            counts=groups.column("count").to_pylist(),
            unit_facts=unit_facts,
        )


def _vote_aggregates(votes: str) -> list[tuple[str, str, str]]:
    return [
        (votes, "hash_sum", "total"),
        ("row", "hash_min", "first"),
        (votes, "hash_count", "count"),
        (votes, "hash_min", "low"),
        (votes, "hash_max", "high"),
    ]


def _group(rows: Any, keys: list[str], aggregates: list[tuple[str, str, str]]) -> Any:
    """`aggregates` (column, hash function, output name) per distinct `keys`, on this thread.

    The same plan as `Table.group_by`, built from `pyarrow._acero` because the public
    `pyarrow.acero` imports pyarrow.dataset and with it pandas: 0.2 s of start-up for nothing.
    """
    try:
        from pyarrow._acero import AggregateNodeOptions, Declaration, TableSourceNodeOptions
    except ImportError:  # pragma: no cover - a pyarrow that moved its internals
        grouped = rows.group_by(keys, use_threads=False).aggregate(
            [(column, function.removeprefix("hash_")) for column, function, _ in aggregates]
        )
        return grouped.rename_columns(
            {
                f"{column}_{function.removeprefix('hash_')}": name
                for column, function, name in aggregates
            }
        )
    plan = Declaration.from_sequence(
        [
            Declaration("table_source", TableSourceNodeOptions(rows)),
            Declaration(
                "aggregate",
                AggregateNodeOptions(
                    [(column, function, None, name) for column, function, name in aggregates],
                    keys=keys,
                ),
            ),
        ]
    )
    return plan.to_table(use_threads=False)


class _BlockReader:
    """Reads the data rows block by block and keeps one running sum per key."""

    def __init__(self, loader: _FileLoader, path: Path, encoding: str | None) -> None:
        self.loader = loader
        self.table = loader.table
        self.path = path
        self.encoding = encoding or "utf-8"
        self.width = len(self.table.header)
        loader._decimal_mark()
        columns = loader.columns
        self.has_unit = "unit" in columns.values()
        self.blank_indexes = [i for i, label in enumerate(self.table.header) if not label]
        votes_index = next(i for i, c in columns.items() if c == "votes")
        # Registered voters and ballots cast per precinct are summed into the region once per
        # precinct, so they are kept per precinct (about 280 bytes each), apart from the votes.
        self.unit_fact_columns = (
            {i: c for i, c in columns.items() if c in REGIONAL_FACTS} if self.has_unit else {}
        )
        by_name = {c: i for i, c in columns.items()}
        self.precinct_columns = [c for c in ("election", "region", "unit") if c in by_name]
        self.layout = _Layout(
            width=self.width,
            delimiter=self.table.delimiter,
            encoding=self.encoding,
            # Units are summed away, so they are neither read nor grouped on. Columns without a
            # header are grouped on (they are empty, so they add no groups) to catch a value in one.
            key_indexes=tuple(
                sorted(
                    [
                        i
                        for i, c in columns.items()
                        if c not in ("votes", "unit") and i not in self.unit_fact_columns
                    ]
                    + self.blank_indexes
                )
            ),
            votes_index=votes_index,
            precinct_indexes=tuple(by_name[c] for c in self.precinct_columns)
            if self.unit_fact_columns
            else (),
            unit_fact_indexes=tuple(self.unit_fact_columns),
        )
        self.sums: dict[Key, _Sum] = {}
        self.unit_fact_keys = list(self.unit_fact_columns.values())
        # (election, region, unit) → each fact's value (None where its cells are blank), as the
        # exact path's `_facts` has them.
        self.unit_facts: dict[tuple[str, str, str], tuple[str | None, ...]] = {}
        self._names: dict[str, str] = {}  # one str object per repeated name or value
        self.stopped = False

    def run(self, start: int, first_line: int, size: int) -> dict[Key, _Sum]:
        hook = progress_hook.get()
        line = first_line
        done = start
        workers = max(1, min(2, os.cpu_count() or 1))
        in_flight: deque[tuple[bytes, int, Future[_BlockSums | None]]] = deque()
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            blocks = _blocks(self.path, start)
            while True:
                # One block more than workers is queued, so a core never waits for the merge.
                while len(in_flight) <= workers:
                    item = next(blocks, None)
                    if item is None:
                        break
                    data, cut = item
                    in_flight.append((data, cut, pool.submit(self.layout.summarize, data, cut)))
                if not in_flight:
                    break
                data, cut, future = in_flight.popleft()
                summed = future.result()
                lines = self._merge(summed, line) if summed is not None else None
                if lines is None:
                    lines = self._exact(data[:cut], line)
                line += lines
                done += cut
                if hook is not None:
                    hook(self.table.name, min(done, size), size)
                if self.stopped:
                    for _, _, pending in in_flight:
                        pending.cancel()
                    break
        return self.sums

    def _merge(self, summed: _BlockSums, line: int) -> int | None:
        """Add a block's sums, its key cells checked by the exact cell parser; None (and nothing
        kept) when the block needs the exact parser after all."""
        pending: list[tuple[_Parsed, int, int]] = []
        mark = len(self.table.problems)
        votes_index = self.layout.votes_index
        for index, first in enumerate(summed.firsts):
            if summed.counts[index] > 1 and not self.has_unit:
                return None  # a duplicate: the exact parser names every line
            cells = [""] * self.width
            try:
                for position, column in enumerate(self.layout.key_indexes):
                    cells[column] = summed.keys[position][index].decode(self.encoding)
            except UnicodeDecodeError:
                return None
            if any(cells[i].strip() for i in self.blank_indexes):
                # A value under a blank header is an error of the header, which the exact path
                # reports for the file as a whole (blank-label) from all of its rows.
                raise _ExactAfterAll
            cells[votes_index] = "0"
            record = self.loader._parse(line + first, cells)
            if record is None or len(self.table.problems) > mark:
                del self.table.problems[mark:]
                return None
            pending.append((record, line + first, summed.totals[index]))
        facts = self._decoded_unit_facts(summed)
        if facts is None:
            return None
        for record, first_line, total in pending:
            self._add(record, first_line, total)
        for precinct, values in facts:
            self._unit_fact(precinct, values)
        return summed.rows

    def _decoded_unit_facts(
        self, summed: _BlockSums
    ) -> list[tuple[tuple[str, str, str], tuple[str | None, ...]]] | None:
        """The block's precinct facts as the exact parser reads them (decoded, stripped, a blank
        cell left out); None when a cell does not decode."""
        if not summed.unit_facts:
            return []
        try:
            columns = [[raw.decode(self.encoding).strip() for raw in c] for c in summed.unit_facts]
        except UnicodeDecodeError:
            return None
        width = len(self.precinct_columns)
        default_election = self.loader.options.facts.get("election") or ""
        found = []
        for cells in zip(*columns, strict=True):
            named = dict(zip(self.precinct_columns, cells[:width], strict=True))
            precinct = (
                named.get("election") or default_election,
                named.get("region", ""),
                named.get("unit", ""),
            )
            found.append((precinct, tuple(v or None for v in cells[width:])))
        return found

    def _unit_fact(self, precinct: tuple[str, str, str], values: tuple[str | None, ...]) -> None:
        """Keep one precinct's facts. A precinct the exact path would read otherwise (no region or
        unit named) or with two values of one fact (an error it reports row by row) hands the
        file over to it."""
        election, region, unit = precinct
        if not region or not unit:
            raise _ExactAfterAll
        names = self._names
        key = (names.setdefault(election, election), names.setdefault(region, region), unit)
        values = tuple(None if v is None else names.setdefault(v, v) for v in values)
        seen = self.unit_facts.get(key)
        if seen is None:
            self.unit_facts[key] = values
            return
        merged = []
        for old, new in zip(seen, values, strict=True):
            if old is not None and new is not None and old != new:
                raise _ExactAfterAll
            merged.append(old if new is None else new)
        self.unit_facts[key] = tuple(merged)

    def _exact(self, block: bytes, line: int) -> int:
        """The exact path's cell parser on one block: same problems, same line numbers. Returns the
        block's number of lines."""
        scratch = RawTable(name=self.table.name, stem=self.table.stem)
        text = decode(block, scratch, self.encoding)
        if text is None:
            for problem in scratch.problems:
                self.table.problems.append(
                    dataclasses.replace(problem, line=(problem.line or 1) + line - 1)
                )
            self.stopped = True  # the exact path reads nothing past undecodable bytes either
            return 0
        reader = csv.reader(
            io.StringIO(text, newline=""), delimiter=self.table.delimiter, strict=True
        )
        consumed = 0
        try:
            for cells in reader:
                start = line + consumed
                consumed = reader.line_num
                if not cells or all(not c.strip() for c in cells):
                    continue
                record = self.loader._parse(start, cells)
                if record is not None:
                    if self.unit_fact_keys:
                        values = tuple(record.facts.pop(k, None) for k in self.unit_fact_keys)
                        if any(v is not None for v in values):
                            precinct = (
                                record.election,
                                record.values.get("region", ""),
                                record.values.get("unit", ""),
                            )
                            self._unit_fact(precinct, values)
                    self._add(record, start, record.values.get("votes", 0))
        except csv.Error as exc:
            self.table.problem(
                "malformed-csv",
                line + consumed,
                malformed_message(exc, text, consumed + 1, self.table.delimiter),
            )
            self.stopped = True
        return block.count(b"\n")

    def _add(self, record: _Parsed, line: int, votes: int) -> None:
        values = record.values
        key = (
            record.election,
            values.get("region"),
            values["candidate"],
            values.get("party"),
            values["kind"],
            tuple(sorted(record.facts.items())),
        )
        seen = self.sums.get(key)
        if seen is None:
            self.sums[key] = _Sum(line, votes, record)
        else:
            seen.votes += votes
            if not self.has_unit:
                seen.duplicates.append(line)


def _blocks(path: Path, start: int) -> Iterator[tuple[bytes, int]]:
    """Blocks of whole lines from byte `start`: (data, cut) where `data[:cut]` is the block; the
    partial line after `cut` is read again with the next block rather than copied."""
    with path.open("rb") as handle:
        descriptor = handle.fileno()
        while True:
            data = os.pread(descriptor, BLOCK_BYTES, start)
            if not data:
                return
            cut = data.rfind(b"\n") + 1
            if len(data) < BLOCK_BYTES:
                cut = len(data)  # the last block, with or without a final newline
            else:
                while cut == 0:  # a line longer than a block: read on to its end
                    more = os.pread(descriptor, BLOCK_BYTES, start + len(data))
                    data += more
                    cut = data.rfind(b"\n") + 1 if more else len(data)
            start += cut
            yield data, cut


def _elections(
    loader: _FileLoader,
    sums: dict[Key, _Sum],
    has_unit: bool,
    region_facts: dict[tuple[str, str], dict[str, int]],
) -> list[Election]:
    """Each sum as one record through the exact loader's election pipeline; the precincts' facts,
    summed per region, ride on the region's first record (the pipeline sums them per unit)."""
    from pollcli.loader import _Parsed

    records: list[_Parsed] = []
    for item in sorted(sums.values(), key=lambda s: s.line):
        values = {**item.parsed.values, "votes": item.votes}
        if has_unit:
            # Distinct units: each sum is summed into its region, never taken for a duplicate.
            values["unit"] = f"#{item.line}"
        records.append(_Parsed(item.line, item.parsed.election, values, dict(item.parsed.facts)))
        for line in item.duplicates:
            records.append(
                _Parsed(
                    line, item.parsed.election, dict(item.parsed.values), dict(item.parsed.facts)
                )
            )
    records.sort(key=lambda r: r.line)
    if region_facts:
        totals = dict(region_facts)
        for record in records:
            region_totals = totals.pop((record.election, record.values.get("region", "")), None)
            if region_totals:
                record.facts.update({key: str(total) for key, total in region_totals.items()})
        if totals:  # facts of a region that has no vote row: the exact path says what is wrong
            raise _ExactAfterAll
    return loader.elections(records)


def _region_totals(
    loader: _FileLoader,
    keys: list[str],
    unit_facts: dict[tuple[str, str, str], tuple[str | None, ...]],
) -> dict[tuple[str, str], dict[str, int]]:
    """Each (election, region)'s facts summed over its precincts; a value that is not a count hands
    the file to the exact path, which names its line."""
    from pollcli.loader import parse_fact

    parsed: dict[tuple[str, str], int] = {}
    totals: dict[tuple[str, str], dict[str, int]] = {}
    for (election, region, _unit), values in unit_facts.items():
        region_totals = totals.setdefault((election, region), {})
        for key, value in zip(keys, values, strict=True):
            if value is None:
                continue
            number = parsed.get((key, value))
            if number is None:
                try:
                    number = parsed[key, value] = parse_fact(key, value, *loader.decimal)
                except ValueError:
                    raise _ExactAfterAll from None
            region_totals[key] = region_totals.get(key, 0) + number
    return {where: facts for where, facts in totals.items() if facts}
