"""The streaming engine: big files (precinct returns with millions of rows) summed block by block.

The exact engine holds every row as Python objects: fine for a national table, hopeless for ten million
precinct rows. This engine reads the file in blocks cut at a line end, turns each into UTF-8 (any
encoding, so the CSV parser never splits a multibyte character at a delimiter), parses two blocks at
once with pyarrow's CSV reader (only the columns pollcli uses), sums votes per key — election, region,
option, party, kind and fact cells — and keeps only the sums, so memory follows the number of keys,
not of rows.

One contract for both engines: a block is trusted to pyarrow only when nothing in it could be a problem
(every vote a plain integer within bounds, every row as wide as the header, no blank lines, rows equal
to lines). Each distinct option's cells (all but the region, a plain text; and but the election, once
for every race that lists them: `read.optioncells`) are validated once by the same stage as the exact
engine's (`records.CellReader`, the Pydantic row contract); a key keeps no
row of its own until the file is summed (`read.keysums`). Any doubt and the block is read by the
exact stages instead, which record the same problems at the same physical lines. The records then go
through the same assembly (`assemble.Assembly`) as the exact engine's.

Per-precinct counts (`registered`, `ballots_cast`… beside a unit column) are kept once per precinct
(`facts.UnitFacts`), and each precinct leaves 9–12 bytes in `repeats.Repeats` (and each distinct list
of options a precinct gives, once a block), which finds an option listed twice in one precinct (whose
rows a second reading keeps one by one: `repeatlines`): memory grows with the number of precincts.
Whatever this engine cannot read as the exact engine would (a decimal mark the head did not show,
bytes that are not text…) hands the file, or the block, to the exact stages.

Rows whose precinct may make them a total (blank, `TOTALS`, named like a county:
`total_words.suspect_cells`) are not summed into their region: each is a key of its own with its
precinct and line, a record as the exact engine's, for the totals stage to judge after the file is
summed (`totals.set_aside`; the other precincts' sums are a unit of their own there,
`total_places.SUMMED_UNITS`).
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Final

from pollcli.columns import REGIONAL_FACTS
from pollcli.numbers import ShareMarks
from pollcli.problems import Code, Found, sort_problems
from pollcli.read import (
    countrows,
    footnotes,
    keyblock,
    layout,
    name_pairs,
    race_hint,
    raceunits,
    refused_repeats,
    total_words,
    totals,
    unittotals,
)
from pollcli.read.apartfacts import ApartFacts, Mixed
from pollcli.read.assemble import assembly_for
from pollcli.read.blockfacts import of_block
from pollcli.read.blocks import BlockSums, Layout
from pollcli.read.chunks import Blocks, offset_after_line
from pollcli.read.counttail import at_end
from pollcli.read.decode import Transcoder, codec_for, codec_is_unicode, decode
from pollcli.read.dialect import RawTable, read_records, top_records
from pollcli.read.engines import progress_hook, streamable
from pollcli.read.header import map_header
from pollcli.read.inputs import stem
from pollcli.read.keysums import KeySums
from pollcli.read.limits import OptionCount, given
from pollcli.read.modegroups import unsettled, watching
from pollcli.read.optioncells import BlankLabel, OptionCells
from pollcli.read.options import ReadOptions, unknown_ignored
from pollcli.read.racekeys import PartyRule, party_rule
from pollcli.read.races import assemble as assemble_races
from pollcli.read.records import CellReader
from pollcli.read.region_paths import streamed_apart
from pollcli.read.repeatlines import Again, alone_row, read_again
from pollcli.read.repeats import Repeats, stream_splits
from pollcli.read.replaced import Replaced, found_in
from pollcli.read.roles import column_roles, name_indexes, unit_identity
from pollcli.read.shares import ShareAlone, decimal_mark, votes_of
from pollcli.read.summedapart import counts_apart, races_spelt_apart
from pollcli.read.unfit import unfit_facts
from pollcli.read.unitfacts import NoPrecinct

if TYPE_CHECKING:
    from concurrent.futures import Future

    from pollcli.election import Election
    from pollcli.problems import Problem

# 8 MiB blocks: quick for pyarrow, a flat peak. Up to three in flight (workers + 1), each parsed at
# several times its size; cp1251 or UTF-16 text doubles in UTF-8: 16 MiB blocks took a 1M-row cp1251
# file to 490 MiB, 8 MiB ones to 330, at the same speed (a 10M-row file too, 360 → 255 MiB). Half
# that where each row is a key (`keyed`; party_lists_1M's stream: 417-433 → 347-352 MiB).
BLOCK_BYTES: Final[int] = 8 << 20
HEAD_BYTES: Final[int] = 1 << 20
# A longer line is no row of a results table: reading stops (a 200 MB line took gigabytes).
MAX_LINE_BYTES: Final[int] = 8 << 20
SPLIT_CHARS: Final[int] = 64 << 10


class _ExactAfterAll(Exception):
    """Raised mid-file when the file turns out to need the exact engine as a whole."""


def read_stream(
    path: Path, name: str, options: ReadOptions, again: Again | None = None, counts: bool = False
) -> tuple[list[Election], list[Problem]] | None:
    """The elections in one file and its problems, as `exact.read_exact` gives them; None when the
    file is not one this engine reads (no votes column, an odd head), for the exact engine to read."""
    found = Found(name)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            raw_head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    transcoder = Transcoder(codec_for(raw_head, options.encoding))
    head = transcoder.feed(raw_head, final=len(raw_head) >= size)
    if head is None:
        return None  # undecodable bytes in a transcoded file: the exact engine names the line
    if head.count(b"\r") != head.count(b"\r\n"):
        # Lone carriage returns end lines: read again, each turned into a line feed.
        transcoder = Transcoder(transcoder.codec, lone_cr=True)
        head = transcoder.feed(raw_head, final=len(raw_head) >= size)
        if head is None:
            return None
    cut = head.rfind(b"\n") + 1 if len(raw_head) < size else len(head)
    text = decode(head[:cut], found, options.encoding if transcoder.passthrough else "utf-8")
    if text is None:
        return [], sort_problems(found.items)
    table = RawTable(name=name, stem=stem(name))
    records_in_head = top_records(
        text, table, found, options.delimiter, SPLIT_CHARS, options.columns
    )
    if found.errors or not layout.streams(records_in_head, table, options):
        return None
    data_start = offset_after_line(head, table.header_line)
    if data_start is None or table.broken or not records_in_head:
        return None  # a header cell holding a line end; a header alone: the exact engine's words
    mapped = map_header(
        table.header,
        table.header_line,
        found,
        lambda i: next((n for n, c in records_in_head if i < len(c) and c[i].strip()), 0),
        unknown_ignored(table.header, table.header_line, options.ignore_columns, found),
        column_roles(table.header, options),
        layout.hint_for(table, records_in_head, options),
        records_in_head,
    )
    if mapped is None:  # (U+FFFD in the header: the exact engine finds every cell holding it)
        return None if found_in(head[:data_start]) else ([], sort_problems(found.items))
    if not streamable(mapped, party := party_rule(mapped, options, name)):
        return None
    apart = streamed_apart(path, mapped, table, data_start, transcoder.passthrough, options)
    if apart or footnotes.at_end(path, size, transcoder.codec, table.delimiter):
        return None  # names under two parents (`region_paths`), footnotes below: exact's
    decimal, decimal_given = decimal_mark(mapped, records_in_head, options.decimal, found)
    reader = CellReader.of(mapped, decimal, decimal_given, options, found)
    counts = counts or at_end(path, size, transcoder, table, reader, options, party, again)
    head_counts = countrows.counts_in_head(records_in_head, reader, options, party, counts)
    if head_counts is None:
        return None  # rows of counts for every race that this engine would not read alike
    summer = _Summer(reader, table.delimiter, party, head_counts)
    summer.again, summer.layout = again, watching(summer.layout, mapped, records_in_head)
    races = race_hint.watch([c for _, c in records_in_head], mapped.unread, mapped.columns, found)
    summer.layout = dataclasses.replace(summer.layout, again=again and again.hashes, races=races)
    try:
        blocks = Blocks(
            path,
            transcoder,
            head[data_start:],
            len(raw_head),
            size,
            block_bytes=(again and again.block_bytes) or BLOCK_BYTES // (1 + summer.options.keyed),
            max_line=MAX_LINE_BYTES,
            marks=Replaced.of(table, codec=None if transcoder.passthrough else transcoder.codec),
        )
        blocks.marks.block(head[:data_start], 1)  # (the header and the lines above it)
        summer.run(blocks, table.header_line + 1, name, size)
    except (
        _ExactAfterAll,
        BlankLabel,
        total_words.HandOver,
        raceunits.HandOver,
        Mixed,
        unittotals.HandOver,
        NoPrecinct,
        ShareAlone,
    ):
        return None
    import numpy as np

    if not transcoder.passthrough and transcoder.sample and not codec_is_unicode(transcoder.codec):
        from pollcli.read.detect import utf8_misread

        utf8_misread(transcoder.sample, transcoder.codec, found, transcoder.cells)
    if summer.undecodable or summer.marks.differ(reader.decimal, reader.decimal_given):
        return None  # bytes that are no text; both marks, or a comma only after the head
    if reader.acclaimed or reader.unopposed or reader.off_ballot.seen:  # (`X`: `offballot`)
        return None  # acclaimed candidates (`read.acclaimed`): their races read record by record
    if summer.counts is None and not counts and countrows.met_later(summer.sums.rows, mapped):
        # Rows of counts below the head, not at the end (`at_end`): read again, kept by precinct.
        del summer, blocks
        return read_stream(path, name, options, again, counts=True)
    if again is None and summer.layout.unit_indexes:
        # An option twice in one precinct, or a precinct that may hold its race's other ones'
        # sums (`sum_totals`): their rows read again, one by one.
        twice, held = summer.repeats.check(np), summer.repeats.sum_units(np)
        named = summer.named.held(np)  # (`name_totals`: a unit named after another)
        if named is None:
            return None
        held = refused_repeats.units_again(np, summer.repeats, np.union1d(held, named))
        if twice or held.size:
            read = functools.partial(read_stream, counts=counts)
            return read_again(
                read, path, name, options, summer.repeats, summer.layout, mapped, held, twice
            )
    summer.options.clear()  # the validated cells (200,000 names) let go before the records
    records = summer.sums.records()
    if stream_splits(summer.layout.unit_indexes, summer.repeats, mapped, party, records, np):
        return None  # a race whose candidates no unit lists together: the exact engine's
    summer.apart.attach(records)  # the counts of precincts kept apart, with their rows
    summer.release()
    apart = counts_apart(records, bool(summer.unit_fact_columns)) or races_spelt_apart(records)
    if unfit_facts(records, mapped) or apart:
        # Unused fact columns, a precinct's count rows, a race spelt two ways (`keysums`): exact's.
        return None
    if "level" in mapped.present or unsettled(records, summer.layout, summer.repeats):
        return None  # reporting levels (`read.levels`), TOTAL rows beside modes: row by row
    races.check(table.header, table.header_line, mapped.columns, found)  # (`race_hint`)
    assembly = assembly_for(table, reader, options.facts, found, summer.unit_facts)
    assembly.totals = totals.stage(mapped, found, given=frozenset(options.kind_keys()))
    assembly.count_rows = summer.counts
    read_before = len(found.items)  # (the front matter's problems, say)
    try:
        raceunits.hold(summer.unit_facts, records)  # each race's precincts, once races are named
        elections = assemble_races(assembly, records, table.header_line, reader, options)
    except (raceunits.HandOver, total_words.HandOver):
        return None
    if any(p.code == Code.INCONSISTENT_METADATA for p in found.items[read_before:]):
        return None  # a fact that differs within a race: the exact engine names each such line
    return given(elections, found, summer.limited, summer.options_met.past)  # (`limits`)


class _Summer:
    """Sums the data rows block by block into one record per key."""

    def __init__(
        self, reader: CellReader, delimiter: str, party: PartyRule | None, head: countrows.CountHead
    ) -> None:
        self.reader = reader
        self.again: Again | None = None  # (`read_stream`)
        self.named = name_pairs.NamesSeen()  # the units' names: one named after another?
        self.found = reader.found
        self.delimiter = delimiter
        columns = reader.columns
        self.width = len(columns.header)
        self.has_unit = "unit" in columns.present
        self.blank_indexes = columns.blank
        by_name = {c: i for i, c in columns.columns.items()}
        # Registered voters and ballots cast: kept per precinct (summed into the region once).
        self.unit_fact_columns = (
            {i: c for i, c in columns.columns.items() if c in REGIONAL_FACTS}
            if self.has_unit
            else {}
        )
        # In a file of races, a precinct's counts are each race's: its race cells too.
        # (And in a file of rows of counts for every race, each race's precincts: `countrows`.)
        by_unit = bool(self.unit_fact_columns) or bool(head)
        race_columns = raceunits.race_columns(columns, party) if by_unit else []
        self.precinct_columns: list[str] = [
            *(c for c in ("election", "region", "unit") if c in by_name),
            *race_columns,
        ]
        names = name_indexes(columns)  # a name in two columns: given and family names
        self.layout = Layout(
            width=self.width,
            delimiter=delimiter,
            # Units are summed away, so they are neither read nor grouped on. Columns without a
            # header are grouped on (they are empty, so they add no groups) to catch a value in one.
            key_indexes=tuple(
                sorted(
                    [
                        i
                        for i, c in columns.columns.items()
                        if c not in ("votes", "unit") and i not in self.unit_fact_columns
                    ]
                    + self.blank_indexes
                )
            ),
            votes_index=by_name.get("votes", -1),
            part_indexes=columns.vote_parts,
            precinct_indexes=tuple(by_name[c] for c in self.precinct_columns) if by_unit else (),
            unit_fact_indexes=tuple(self.unit_fact_columns),
            unit_indexes=unit_identity(columns) if self.has_unit else (),
            unit_index=by_name.get("unit") if self.has_unit else None,
            region_index=by_name.get("region") if self.has_unit else None,
            name_index=names[0] if self.has_unit else None,
            family_index=names[1] if self.has_unit and len(names) > 1 else None,
            party_index=by_name.get("party") if self.has_unit else None,
            **countrows.count_layout(head, names),
        )
        self.repeats = Repeats()
        unit_at = self.layout.unit_index
        self.unit_at = self.layout.unit_indexes.index(unit_at) if unit_at is not None else -1
        # Votes per key: election, validated cells (but votes, region, unit), facts, region (and a
        # unit kept apart). Rows that validate alike sum alike, however their cells were written.
        self.sums = KeySums(self.has_unit, columns)
        region_index = by_name.get("region")
        self.region_at = (
            self.layout.key_indexes.index(region_index)
            if region_index in self.layout.key_indexes
            else None
        )
        self.marks = ShareMarks(columns.index("share"))
        # Each option's key cells (as bytes, all but the region) validated once: their part
        # (`KeySums.part`), or None when a row with them has a problem (its block is then read by
        # the exact stages, which name the lines). A region is plain text, read key by key.
        self.options = OptionCells(
            reader, self.sums, self.marks, self.layout.key_indexes, self.region_at, self.has_unit
        )
        reading, cells = (self.sums.parts, self.region_at, reader), tuple(race_columns)
        # Rows of counts for every race, kept by precinct.
        self.counts = countrows.CountUnits(canonicals=cells, reading=reading) if head else None
        facts = self.unit_fact_columns.values()
        self.unit_facts = self.counts or raceunits.unit_facts(race_columns, facts)
        # Each election's (race's) options, to stop at MAX_OPTIONS; each primary's apart.
        self.options_met = OptionCount(
            columns, self.layout.key_indexes, reader.default_election, party
        )
        self.layout = self.options_met.watching(self.sums.watching(self.layout))
        self.keys = keyblock.BlockKeys(
            self.options, self.sums, self.options_met, self.region_at, reader.place, self.has_unit
        )
        # Reading stopped early (more options than any ballot, bytes that are no text): no election.
        self.limited = False
        self.undecodable = False
        self.stopped = False
        # Rows of units that may be totals are kept apart for the totals stage (with their
        # counts: `apartfacts`), except beside vote modes, which the engine sums by precinct.
        self.keeps_apart = "mode" not in columns.present
        self.apart = ApartFacts(keys=tuple(self.unit_fact_columns.values()))

    def run(self, blocks: Blocks, first_line: int, name: str, size: int) -> None:
        hook = progress_hook.get()
        line = first_line
        workers = max(1, min(2, os.cpu_count() or 1))
        in_flight: deque[tuple[bytes, Future[BlockSums | None]]] = deque()
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            source = iter(blocks)
            read = 0
            while True:
                # One block more than workers is queued, so a core never waits for the merge.
                while len(in_flight) <= workers:
                    item = next(source, None)
                    if item is None:
                        break
                    data, read = item
                    in_flight.append((data, pool.submit(self.layout.summarize, data)))
                if not in_flight:
                    break
                data, future = in_flight.popleft()
                blocks.marks.block(data, line)  # (U+FFFD: `read.replaced`)
                summed = future.result()
                lines = self._merge(summed, line) if summed is not None else None
                if lines is None:
                    lines = self._exact(data, line)
                elif summed is not None and summed.alone:  # rows the sums left out, one by one
                    split = data.split(b"\n")  # (the block's rows are its lines)
                    for row in summed.alone:
                        self._exact(split[row] + b"\n", line + row)
                line += lines
                if hook is not None:
                    hook(name, min(read, size), size)
                if self.stopped:
                    for _, pending in in_flight:
                        pending.cancel()
                    break
        self.undecodable = blocks.undecodable
        blocks.report(self.found, line, self.stopped)  # (a line too long, U+FFFD in cells)

    def release(self) -> None:
        """Drop what only the summing needed (a key per region and option), before assembly."""
        self.sums.release()
        self.options.clear()
        self.options_met.release()

    def _merge(self, summed: BlockSums, line: int) -> int | None:
        """Add a block's sums, each key's cells validated once; None (and nothing kept) when the
        block needs the exact stages after all."""
        self.options.bound()
        groups, over = self.options_met.in_order(summed)
        if (summed.cut and not over) or (self.again and self.again.in_block(summed.units)):
            return None  # past the bound on its own; a unit that repeats (the block left it out)
        self.stopped = self.limited = over
        texts: dict[bytes, str] = {}  # (each cell decoded once a block)
        found = self.keys.parts(summed, groups, line, texts)  # (`keyblock`)
        if found is None:
            return None
        numbered, pending = found
        counted = (
            self.counts.of_block(summed, line, self.options.part, texts) if self.counts else []
        )
        if counted is None:
            return None
        total_words.check_block(summed, self.layout, self.reader.columns)
        self.named.add(summed.unit_names, summed.cleaned, summed.units)  # (`name_totals`)
        facts = of_block(
            summed, line, self.reader, self.apart, self.unit_facts, self.precinct_columns
        )
        if facts is None:
            return None
        if numbered is not None:  # (keys by column: added at once where all are new)
            past, pending = self.keys.add(numbered, summed, line)
            self.stopped |= past
        for part, region, aside, apart, first_line, total in pending:
            self._add(part, region, aside, apart, first_line, total)
        if self.counts is not None:
            self.counts.keep_all(counted)
        if summed.units is not None:
            self.repeats.add_block(summed.units)
            self.reader.invisible = self.reader.invisible or summed.cleaned
        for unit, values, fact_line in facts:
            self.unit_facts.register(unit)
            for fact, text in values.items():
                self.unit_facts.keep(unit, fact, text, fact_line)  # agreement was checked above
        self.layout.races.add(summed.races)  # (columns that may split races: `race_hint`)
        return summed.rows

    def _exact(self, block: bytes, line: int) -> int:
        """The exact stages on one block: same problems, same line numbers. Returns the block's
        number of lines."""
        scratch = Found(self.found.file)
        text = decode(block, scratch, "utf-8")
        if text is not None and scratch.items:
            raise _ExactAfterAll  # stray bytes: the exact engine lists every line that has them
        if text is None:
            self.found.extend(
                [dataclasses.replace(p, line=(p.line or 1) + line - 1) for p in scratch.items]
            )
            # The exact engine reads nothing past undecodable bytes either, and gives no election.
            self.stopped = self.limited = True
            return 0
        mark = len(self.found.items)
        for start, cells in read_records(text, line, self.delimiter, self.found):
            self.marks.see(cells, start)
            self.layout.races.add_row(cells)
            if any(i < len(cells) and cells[i].strip() for i in self.blank_indexes):
                raise _ExactAfterAll  # as in `OptionCells`, in a block read by the exact stages too
            if (record := self.reader.read(start, cells, self.delimiter)) is None:
                refused_repeats.note(self.repeats, self.reader, start, cells, self.layout)
                continue
            apart = self.has_unit and total_words.suspect_record(record)
            total_words.check_record(record, self.has_unit, apart)
            if self.layout.unit_indexes:
                self.repeats.add_row(
                    [cells[i] for i in self.layout.unit_indexes],
                    record.row.candidate,
                    record.row.party,
                    record.votes or 0,
                    self.unit_at,
                    apart,
                )
            if self.counts is not None and self.counts.keep_record(record, start):
                continue  # a count for every race of its precinct, kept by precinct
            if self.unit_fact_columns or self.counts is not None:
                # Its precinct's counts (or its race's precincts): kept, or with it when apart.
                self.apart.exact_row(record, start, apart, self.unit_facts, self.reader)
            row, part, alone = record.row, self.sums.part_of(record), alone_row(self.again, cells)
            unit = row.unit if apart or alone else None
            self._add(part, row.region, unit, apart or alone, start, votes_of(record), alone)
            if self.options_met.past:
                break  # the first option past the bound: no line past it is read (`limits`)
        unittotals.check(self.found.items[mark:], self.reader.columns)  # options' totals?
        self.stopped |= any(p.code == Code.MALFORMED_CSV for p in self.found.items[mark:])
        # Lines as the exact engine counts them: a lone carriage return ends one too.
        return block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")

    def _add(
        self, part: int, region: str | None, unit: str | None, apart: bool, line: int, votes: int,
        alone: bool = False,
    ) -> None:  # fmt: skip
        if not self.sums.add(part, region, unit, apart, line, votes, alone):
            if not self.has_unit:
                total_words.check_repeat(self.sums.parts[part][1])
            return
        if apart and not self.keeps_apart:
            raise _ExactAfterAll
        # A row kept apart is one row of its unit, as the exact engine's: not summed across units.
        if self.sums.counted[part]:
            return  # its option is counted in its race: a region adds no option
        self.sums.counted[part] = 1
        election, row, party, facts = self.sums.option(part)
        if self.options_met.add(election, dict(facts), row.candidate, party):
            self.stopped = True  # the assembly says which line; nothing past it is needed
