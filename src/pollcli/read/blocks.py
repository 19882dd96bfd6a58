"""One block of a big file summed with pyarrow, on a worker thread: the streaming engine's fast path.

pyarrow parses the block (only the columns pollcli uses, the key cells as bytes, the votes as integers)
and groups its rows by key; `Layout.summarize` returns the sums, or None when anything in the block
could be a problem — the engine then reads the block with the exact stages, which name the lines.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from pollcli.numbers import MAX_VOTES
from pollcli.read.arrowcodes import encoded
from pollcli.read.countrows import COUNT_UNIT, count_column, count_groups, counts_apart
from pollcli.read.modeparts import with_parts
from pollcli.read.race_hint import RaceWatch
from pollcli.read.repeats import BlockUnits, apart_units, of_block
from pollcli.read.total_words import suspect_cells
from pollcli.read.unithash import without_units

if TYPE_CHECKING:
    from pollcli.read.limits import OptionCount, Pairs
    from pollcli.read.manyregions import RegionCount
    from pollcli.read.modegroups import ModeGroups

# Distinct (race, name) pairs made Python objects at a time while a block is cut at the first
# option past the bound (`OptionCount.cut`): it is met within the first 10,001 of a race.
PAIRS_AT_A_TIME: Final[int] = 4096

# The CSV module's default field limit: a line at least this long may hold a cell the exact stages
# refuse, so its block is read by them.
MAX_CELL_CHARS: Final[int] = csv.field_size_limit()


@dataclass(frozen=True)
class BlockSums:
    """One block summed by pyarrow: per key, the key cells (bytes), total votes, first row, rows."""

    rows: int
    keys: list[list[bytes]]
    totals: list[int]
    firsts: list[int]
    counts: list[int]
    # With per-precinct facts: the block's distinct (precinct cells..., fact cells...) and the first
    # row of each, by column: each column as its cells' indexes (numpy) into its distinct cells, not
    # a bytes object per cell (tens of thousands a block, several blocks in flight).
    unit_facts: list[tuple[Any, list[bytes]]] = field(default_factory=list)
    unit_firsts: Any = field(default_factory=list)  # numpy int64
    # With a unit column: the block's units and the options each lists (`repeats.of_block`).
    units: BlockUnits | None = None
    cleaned: bool = False  # an invisible character was cleaned from a unit's cells
    # With a unit column: the block's distinct unit cells, for total rows among the units.
    unit_names: list[bytes] = field(default_factory=list)
    # Per key, when some unit of the block may make its rows a total (`total_words.suspect_cells`):
    # that unit's cell, its rows kept apart from the sums of the other units (None for those).
    held: list[bytes | None] = field(default_factory=list)
    # The block was cut after the first option past the bound on options (`OptionCount.cut`): its
    # rows are those up to it, and the merge stops among them.
    cut: bool = False
    # With `Layout.count_names`: the rows of no name (counts for every race, `read.countrows`)
    # grouped by their key cells and precinct: those cells (by column, the precinct's last), each
    # group's votes, first row and rows.
    count_keys: list[list[bytes]] = field(default_factory=list)
    count_totals: list[int] = field(default_factory=list)
    count_firsts: list[int] = field(default_factory=list)
    count_counts: list[int] = field(default_factory=list)
    # In a file read again (`read.repeatlines`): the rows (from the block's first) of the units
    # that repeat an option, left out of the sums, for the exact stages to read one by one.
    alone: list[int] = field(default_factory=list)
    # Per column watched for races (`race_hint.RaceWatch`): its distinct (value, name) pairs.
    races: list[tuple[int, list[bytes], list[bytes]]] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    """What a worker needs to sum a block: the CSV dialect and which columns to read."""

    width: int
    delimiter: str
    key_indexes: tuple[int, ...]
    votes_index: int  # -1: no votes column, the vote-mode columns are summed
    # With per-precinct facts: the cells that name a precinct (election, region, unit) and the
    # fact columns, grouped apart from the votes.
    precinct_indexes: tuple[int, ...] = ()
    unit_fact_indexes: tuple[int, ...] = ()
    # With a unit column: the cells that identify a unit (election, region, unit), and the name and
    # party columns, for finding an option repeated within a unit.
    unit_indexes: tuple[int, ...] = ()
    # The precinct column itself among them, whose distinct cells are looked at for totals: not the
    # last of them, which in `county,precinct,office,district` is the district.
    unit_index: int | None = None
    # The region column, whose cells a unit may be named like (a total row of its county).
    region_index: int | None = None
    name_index: int | None = None
    family_index: int | None = None  # a name in two columns: the family name, joined after it
    party_index: int | None = None
    # Vote-mode columns: summed into the votes, or checked against them (`records.CellReader`).
    part_indexes: tuple[int, ...] = ()
    # Without a unit column: the regions counted so far, which a block's distinct regions are
    # checked against before its keys are made Python objects (`manyregions`).
    regions: RegionCount | None = None
    # A mode column of TOTAL rows beside other modes: each precinct option's modes kept per block.
    modes: ModeGroups | None = None
    # The options counted race by race, which a block past the bound on its own is cut at
    # (`OptionCount.cut`) before its keys are made Python objects.
    options: OptionCount | None = None
    # The name columns of a file whose rows of no name count their precinct for every race
    # (`read.countrows`): such rows are grouped by precinct, apart from the others.
    count_names: tuple[int, ...] = ()
    count_cells: tuple[bytes, ...] = ()  # and the names of ES&S's count rows (`CountHead`)
    # Read again: the hashes (uint64, sorted) of the units whose rows are read one by one.
    again: Any = None
    races: RaceWatch = field(default_factory=RaceWatch)  # columns that may split races

    def _quoting_is_strict(self, text: str) -> bool:
        """pyarrow reads `"5"00000` as 500000 and `"C0"x` as C0x; the exact stages' CSV reader calls
        both malformed. A block with quotes is trusted only when that reader agrees with it."""
        try:
            for _ in csv.reader(
                io.StringIO(text, newline=""), delimiter=self.delimiter, strict=True
            ):
                pass
        except csv.Error:
            return False
        return True

    def _units(
        self, parsed: Any, np: Any, pa: Any, votes: str
    ) -> tuple[BlockUnits, list[bytes], list[bytes], bool]:
        """The block's units and their lists (`repeats.of_block`, with their votes in all), the
        distinct cells of the unit (precinct) column and of the region column, and whether
        cleaning changed a unit's cell."""
        import pyarrow.compute as pc

        assert self.name_index is not None  # a unit column comes with a name column
        names = parsed.column(f"c{self.name_index}")
        if self.family_index is not None:
            names = pc.binary_join_element_wise(names, parsed.column(f"c{self.family_index}"), b" ")
        at = self.unit_indexes.index(self.unit_index) if self.unit_index is not None else -1
        units, distinct, cleaned = of_block(
            np,
            pa,
            pc,
            [parsed.column(f"c{i}") for i in self.unit_indexes],
            names,
            parsed.column(f"c{self.party_index}") if self.party_index is not None else None,
            _ints(parsed.column(votes), np),
            at,
        )
        regions = (
            distinct[self.unit_indexes.index(self.region_index)]
            if self.region_index in self.unit_indexes
            else []
        )
        return units, distinct[at], regions, cleaned

    def _unit_column(self, parsed: Any, np: Any) -> tuple[Any, list[bytes]]:
        """The unit (precinct) column as each row's index into its distinct cells, and those
        cells: for the rare block whose units may be totals (`_held`)."""
        index = self.unit_index if self.unit_index is not None else self.unit_indexes[-1]
        return encoded(parsed.column(f"c{index}"), np)

    def summarize(self, data: bytes) -> BlockSums | None:
        """Sum a UTF-8 block with pyarrow on this thread; None when it needs the exact stages.

        Runs on worker threads: pyarrow releases the GIL while it parses and groups, so two blocks
        are summed at once on two cores, each single-threaded (less overhead than splitting one).
        The memory pyarrow freed is then given back: its allocator (mimalloc) keeps a thread's
        freed pages for a while, and two workers' parsed blocks took a file of races with count
        rows from 300 to 340 MiB (count_rows 1M; races 230 → 250).
        """
        import pyarrow as pa

        summed = self._sums(data)  # (the block's tables freed on return)
        pa.default_memory_pool().release_unused()
        return summed

    def _sums(self, data: bytes) -> BlockSums | None:
        import numpy as np
        import pyarrow as pa
        import pyarrow.csv as pacsv

        # Without quotes or carriage returns every row is one line (checked by counting otherwise).
        # A blank line is a row of one cell, which pyarrow refuses since the header is wider.
        plain = b'"' not in data and b"\r" not in data
        names = [f"c{i}" for i in range(self.width)]
        key_names = [f"c{i}" for i in self.key_indexes]
        votes_name = f"c{self.votes_index}" if self.votes_index >= 0 else "votes"
        part_names = [f"c{i}" for i in self.part_indexes]
        counts = [*([votes_name] if self.votes_index >= 0 else []), *part_names]
        precinct_names = [f"c{i}" for i in self.precinct_indexes]
        fact_names = [f"c{i}" for i in self.unit_fact_indexes]
        unit_names = [f"c{i}" for i in self.unit_indexes]
        watched = [f"c{i}" for i in self.races.splits]
        binary = dict.fromkeys([*key_names, *precinct_names, *fact_names, *unit_names, *watched])
        try:
            parsed = pacsv.read_csv(
                pa.py_buffer(data),
                read_options=pacsv.ReadOptions(column_names=names, use_threads=False),
                parse_options=pacsv.ParseOptions(
                    delimiter=self.delimiter, newlines_in_values=False, ignore_empty_lines=False
                ),
                convert_options=pacsv.ConvertOptions(
                    include_columns=[*binary, *counts],
                    column_types={
                        **dict.fromkeys(counts, pa.int64()),
                        **{k: pa.binary() for k in binary},
                    },
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                    null_values=[""],  # a blank count: null (a string is never null)
                ),
            )
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
        if not plain and parsed.num_rows != data.count(b"\n") + (not data.endswith(b"\n")):
            return None  # a quoted newline or a lone carriage return: rows are not lines
        text = None
        if not data.isascii():
            try:
                text = codecs.decode(data, "utf-8")
            except UnicodeDecodeError:
                return None
        if b"\x00" in data:
            return None  # a NUL byte: the exact stages report it, as for the whole file
        if b'"' in data and not self._quoting_is_strict(text or data.decode("ascii")):
            return None
        if _longest_line(data, np) > MAX_CELL_CHARS:
            return None  # a cell may be over the CSV module's limit: the exact stages say so
        if self.votes_index >= 0 and parsed.column(votes_name).null_count:
            return None  # a blank votes cell: the exact stages read it (the modes' sum, or none)
        if part_names:
            has_votes = self.votes_index >= 0
            parsed = with_parts(parsed, votes_name, part_names, has_votes, np, pa)
            if parsed is None:
                return None
        # From a buffer: `pa.array(ndarray)` would import pandas (0.2 s) to rule out a DataFrame.
        positions = pa.py_buffer(np.arange(parsed.num_rows, dtype=np.int64))
        rows = parsed.append_column(
            "row", pa.Array.from_buffers(pa.int64(), parsed.num_rows, [None, positions])
        )
        lines, alone = parsed.num_rows, list[int]()
        if self.again is not None:  # the rows of units that repeat an option: read one by one
            parsed, rows, alone = without_units(parsed, rows, unit_names, self.again, np, pa)
        if self.regions is not None:
            region = f"c{self.regions.index}"
            distinct = _group(rows, [region], [("row", "hash_min", "first")])
            self.regions.look_ahead(distinct.column(region).to_pylist())
        # A block of more names in a race than the bound is cut at the first option past it.
        cut = self._options_cut(rows, np, pa) if self.options is not None else None
        if cut is not None:
            if alone or not _votes_within(parsed.column(votes_name), np):
                return None  # a count out of bounds past the cut: the exact stages name it
            parsed, rows, lines = parsed.slice(0, cut), rows.slice(0, cut), cut
        units: BlockUnits | None = None
        cleaned = False
        distinct_units: list[bytes] = []
        groups: Any = None
        held: list[bytes | None] = []
        grouping = key_names
        if self.count_names:  # a row of counts for every race: a key of its own precinct
            rows, grouping = (
                count_column(rows, self.count_names, self.unit_index, self.count_cells),
                [*key_names, COUNT_UNIT],
            )
        if unit_names:
            units, distinct_units, regions, cleaned = self._units(parsed, np, pa, votes_name)
            suspects = suspect_cells(distinct_units, regions)
            if suspects is None:
                return None
            units = apart_units(units, distinct_units, suspects, np)
            if suspects:
                unit_column = self._unit_column(rows, np)
                groups, held = _held(rows, grouping, votes_name, unit_column, suspects)
        if groups is None:
            groups = _group(rows, grouping, _vote_aggregates(votes_name))
        if self.regions is not None:
            self.regions.within()  # other workers may have looked at blocks meanwhile
        if not _within(groups):
            return None
        counted = None
        if self.count_names:
            groups, held, counted = counts_apart(groups, held)
        unit_facts: list[tuple[Any, list[bytes]]] = []
        unit_firsts: Any = []
        if precinct_names:
            apart = [COUNT_UNIT] if self.count_names else []  # (rows of counts: no race's)
            combos = _group(
                rows, [*precinct_names, *fact_names, *apart], [("row", "hash_min", "first")]
            )
            if apart:
                combos = counts_apart(combos, [])[0]
            unit_facts = [encoded(combos.column(k), np) for k in [*precinct_names, *fact_names]]
            unit_firsts = _ints(combos.column("first"), np)
        if self.modes is not None:  # last: a block refused before adds no groups
            self.modes.of_block(rows, votes_name, np)
        return BlockSums(
            held=held,
            unit_names=distinct_units,
            units=units,
            cleaned=cleaned,
            rows=lines,
            alone=alone,
            keys=[groups.column(k).to_pylist() for k in key_names],
            totals=groups.column("total").to_pylist(),
            firsts=groups.column("first").to_pylist(),
            counts=groups.column("count").to_pylist(),
            unit_facts=unit_facts,
            unit_firsts=unit_firsts,
            cut=cut is not None,
            races=self.races.of_block(rows, np),
            **({} if counted is None else count_groups(counted, [*key_names, COUNT_UNIT])),
        )

    def _options_cut(self, rows: Any, np: Any, pa: Any) -> int | None:
        """The rows up to the first option past the bound on options in this block alone
        (`OptionCount.cut`), or None: its distinct (race, name) pairs and each race's count are
        grouped by pyarrow, and made Python objects only where a race may pass the bound, a
        chunk at a time. Before the block's keys are grouped: a block of 170,000 names grouped
        whole first took 420 MiB and 2.7 times the time of the plain rows to be refused, against
        1.3 and 1.6 times cut first. The cost to other files is a grouping of the block by race
        and name (a few ms in a precinct file's 8 MiB block, 60 in one of 10,000 races)."""
        options = self.options
        assert options is not None and options.candidate_index is not None
        races = [f"c{i}" for i in options.race_indexes]
        name = f"c{options.candidate_index}"
        pairs = _group(rows, [*races, name], [("row", "hash_min", "first")])
        if options.within(pairs.num_rows):
            return None
        if races:
            per_race = _group(pairs, races, [(name, "hash_count", "names")])
            counts = per_race.column("names").to_pylist()
        else:
            per_race, counts = pairs.slice(0, 1), [pairs.num_rows]

        def race_cells(index: int) -> list[bytes]:
            cells: list[bytes] = per_race.column(f"c{index}").to_pylist()
            return cells

        def in_order() -> Iterator[Pairs]:
            firsts = pairs.column("first").combine_chunks()
            order = np.argsort(
                np.frombuffer(
                    firsts.buffers()[1], dtype=np.int64, count=len(firsts), offset=firsts.offset * 8
                ),
                kind="stable",
            )
            for start in range(0, len(order), PAIRS_AT_A_TIME):
                at = np.ascontiguousarray(order[start : start + PAIRS_AT_A_TIME])
                chunk = pairs.take(
                    pa.Array.from_buffers(pa.int64(), len(at), [None, pa.py_buffer(at)])
                )
                yield (
                    _columns(chunk),
                    chunk.column(name).to_pylist(),
                    chunk.column("first").to_pylist(),
                )

        return options.cut(race_cells, counts, in_order())


def _held(
    rows: Any,
    key_names: list[str],
    votes_name: str,
    unit_column: tuple[Any, list[bytes]],
    suspects: frozenset[bytes],
) -> tuple[Any, list[bytes | None]]:
    """The block grouped with the rows of units that may be totals apart, each such unit its own
    key (as the exact engine keeps every row), and per group the unit it keeps apart (None: the
    other units, summed). The few such rows are grouped on their own, the others as ever."""
    import numpy as np
    import pyarrow as pa

    codes, cells = unit_column
    wanted = np.fromiter((i for i, cell in enumerate(cells) if cell in suspects), dtype=np.int32)
    apart = np.isin(codes, wanted)

    def mask(values: Any) -> Any:
        bits = np.packbits(values, bitorder="little")
        return pa.Array.from_buffers(pa.bool_(), len(values), [None, pa.py_buffer(bits)])

    kept = np.ascontiguousarray(codes[apart], dtype=np.int32)
    column = pa.Array.from_buffers(pa.int32(), len(kept), [None, pa.py_buffer(kept)])
    aggregates = _vote_aggregates(votes_name)
    alone = _group(
        rows.filter(mask(apart)).append_column("held", column), [*key_names, "held"], aggregates
    )
    others = _group(rows.filter(mask(~apart)), key_names, aggregates)
    held = [None] * others.num_rows + [cells[i] for i in alone.column("held").to_pylist()]
    return pa.concat_tables([others, alone.drop_columns(["held"])]), held


def _ints(column: Any, np: Any) -> Any:
    """An int64 column of no nulls (pyarrow) as numpy, without pandas."""
    array = column.combine_chunks()
    return np.frombuffer(
        array.buffers()[1], dtype=np.int64, count=len(array), offset=array.offset * 8
    )


def _within(groups: Any) -> bool:
    """Whether every group's votes are within bounds (the exact stages name a count out of them).
    Bounds per group rather than `pyarrow.compute.min_max`: that module costs 35 ms to import."""
    low, high = groups.column("low").to_pylist(), groups.column("high").to_pylist()
    return not low or (min(low) >= 0 and max(high) <= MAX_VOTES)


def _columns(table: Any) -> Callable[[int], list[bytes]]:
    """The cells of a column of `table` by the column's place in the header."""

    def cells(index: int) -> list[bytes]:
        column: list[bytes] = table.column(f"c{index}").to_pylist()
        return column

    return cells


def _votes_within(votes: Any, np: Any) -> bool:
    """Whether every count of the block is within bounds (int64, no nulls: checked)."""
    values = _ints(votes, np)
    return not values.size or (values.min() >= 0 and values.max() <= MAX_VOTES)


def _longest_line(data: bytes, np: Any) -> int:
    """The length in bytes of the block's longest line (numpy: no Python object per line)."""
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    if not ends.size:
        return len(data)
    return int(max(np.diff(ends, prepend=-1).max(), len(data) - 1 - ends[-1]))


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
