"""The exact engine: every row of a file parsed and checked in Python, one stage after another.

Used for files under the streaming threshold (a national table, a regional file of some thousand rows)
and for whatever the streaming engine hands over; it imports neither pandas nor pyarrow.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from pollcli.columns import canonical_column
from pollcli.election import Election
from pollcli.errors import UsageError
from pollcli.problems import Code, Found, Problem, sort_problems
from pollcli.read import footnotes, layout, pollfiles, preamble, race_hint, reporting, undercols
from pollcli.read.assemble import assembly_for
from pollcli.read.decode import decode
from pollcli.read.dialect import RawTable, split
from pollcli.read.engines import progress_hook
from pollcli.read.header import map_header
from pollcli.read.inputs import stem
from pollcli.read.limits import first_past, given, stop_at
from pollcli.read.manyregions import check as check_regions
from pollcli.read.offballot import off_ballot
from pollcli.read.options import ReadOptions, unknown_ignored
from pollcli.read.options_down import options_down
from pollcli.read.racekeys import party_rule
from pollcli.read.races import assemble as assemble_races
from pollcli.read.records import CellReader, Record
from pollcli.read.region_paths import name_apart
from pollcli.read.replaced import in_sheet, in_text
from pollcli.read.roles import column_roles
from pollcli.read.rowcolumns import eligible
from pollcli.read.samerows import read_rows
from pollcli.read.selection import Where, header_where
from pollcli.read.shares import decimal_mark
from pollcli.read.tabular import tabular_kind
from pollcli.read.total_places import Marked
from pollcli.read.totals import stage
from pollcli.read.unitfacts import UnitFacts
from pollcli.read.unitparts import join_cells
from pollcli.read.wholequoted import unwrap

_FIGURE: Final[re.Pattern[str]] = re.compile(r"\d[\d\s.,]*")


def header_only(header: list[str]) -> str:
    """The error of a file of a header and no data rows; of one line that may be a row (a cell of
    figures: `Ana,Blue,10`), that it was read as the header."""
    if not any(_FIGURE.fullmatch(cell.strip()) for cell in header):
        return (
            "the file has a header and no data rows under it, so it holds no result (an export "
            "cut short, or a blank template?); add one row per ballot option"
        )
    shown = ", ".join(repr(cell) for cell in header[:4]) + (", …" if len(header) > 4 else "")
    return (
        f"the file's only row is read as its header ({shown}), with no data rows under it; if "
        "that line is a result, put a header line above it (candidate,party,votes) or name the "
        "columns with --columns"
    )


def read_exact(
    data: bytes, name: str, options: ReadOptions
) -> tuple[list[Election], list[Problem]]:
    """The elections in one file's bytes and every problem found in it (errors first): a text
    table, or a workbook or Parquet file told by its first bytes (`read.tabular`)."""
    kind = tabular_kind(data[:8])
    if kind is not None:
        from pollcli.read.tabular import read_tabular

        sheet, found, notes = read_tabular(data, kind, name, options)
        in_sheet(sheet, found)  # (U+FFFD)
        return read_table(sheet, found, options, len(data), name, notes)
    found = Found(name)
    table = RawTable(name=name, stem=stem(name))
    size = len(data)
    text = decode(data, found, options.encoding)
    # The bytes let go once they are text, where the caller holds them no more (a file's are read
    # in the call): not held beside the text and its cells at the split's end, the peak.
    del data
    if text is not None:
        text, quoted = unwrap(text)  # (`"01;001;13587"`: each line in one pair of quotes)
        split(text, table, found, options.delimiter, options.header_line, options.columns)
        in_text(text, table, found, options.encoding)  # (U+FFFD)
        table.notes.extend([quoted] if quoted else [])
    del text  # split into cells: the file's text is not held while they are read
    return read_table(table, found, options, size, name)


def read_table(
    table: RawTable,
    found: Found,
    options: ReadOptions,
    size: int,
    source_file: str,
    notes: list[str] | None = None,
) -> tuple[list[Election], list[Problem]]:
    """The elections of a file split into cells (a text file's, a sheet's), by the stages after
    the dialect: layout (a wide table reshaped), header, records, facts, totals, assembly and
    checks. The table's records (its cells) are emptied as they are read."""
    name = table.name
    if not table.header:
        return [], sort_problems(found.items)

    footnotes.trim(table)  # (`* Active Voters are …`, `Source: …` below the table: notes)
    if not table.records:  # a header alone: said so, before its columns are judged by no values
        found.add(Code.NO_ROWS, table.header_line, header_only(table.header))
        return [], sort_problems(found.items)
    unknown_ignored(table.header, table.header_line, options.ignore_columns, found)
    # (Rows counted in part, `pct_reported` under 100: said of every race, before any layout.)
    header = list(table.header)  # (the file's: a race's key cells are read from its rows < 100 %)
    shared = _stage_kept(header, table.records, options)  # (`--where stage=official`, advised)
    so_far = reporting.check(header, shared, found, table.notes, options.ignore_columns)
    # (A table of opinion polls is no count: refused unless its stage says it is a poll.)
    if pollfiles.check(table, options, found):
        return [], sort_problems(found.items)
    told, errors = options.wide or bool(options.id_columns), found.errors
    if (down := options_down(table, found, told)) is not None:
        table = down  # options down, places across: read long (`read.options_down`)
    elif found.errors > errors:  # (refused: no way to tell which way it runs)
        return [], sort_problems(found.items)

    def holds_values(index: int) -> int:  # (the line of the first value: `map_header`)
        return next((n for n, c in table.records if index < len(c) and c[index].strip()), 0)

    plan = layout.detect(table, options)
    marked: dict[int, Marked] = {}
    total_options: frozenset[str] = frozenset()
    summed: list[Record] | None = None
    unit_facts = UnitFacts()
    if plan is not None:
        from pollcli.read.abstained import ballots_from_abstentions
        from pollcli.read.votes_words import named_options
        from pollcli.read.wide_hints import votes_flag
        from pollcli.read.wide_places import headers_again
        from pollcli.read.wide_rows import reshape

        votes_flag(table, plan, options)  # (--votes on a wide table: refused, never ignored)
        table = headers_again(table, plan, found)  # (the header repeated down the file: left out)
        table, plan = ballots_from_abstentions(table, plan)  # (`Registered − Abstentions`)
        table = named_options(table, plan.options)  # (`AUR-voturi`: the option `AUR`)
        reshaped = reshape(table, plan, options, found)
        table, columns, marked = reshaped.table, reshaped.columns, reshaped.marked
        summed, unit_facts = reshaped.records, reshaped.unit_facts or unit_facts
        total_options = reshaped.total_options
    else:
        rows = [(table.header_line, table.header), *table.records[: preamble.HEAD_LINES]]
        roles = column_roles(table.header, options)
        mapped = map_header(
            table.header,
            table.header_line,
            found,
            holds_values,
            options.ignore_columns,
            roles,
            lambda: layout.header_hint(table, rows, options),
            rows[1:],
        )
        if mapped is None:
            return [], sort_problems(found.items)
        columns = mapped
        if columns.unit_parts:  # a unit named by several columns (`read.unitparts`)
            join_cells(table.records, columns.index("unit"), columns.unit_parts)
        # A region name under two parents (two powiaty `świdnicki`): its whole path (`region_paths`).
        name_apart(columns, table.records, options.ignore_columns)
        # (Under and over votes beside each option's row: a line of each race and place.)
        table.records = undercols.add_lines(table.records, columns, columns.notes)
        # Races under an unread column, in every row: the head may hold the first race only.
        cells = [c for _, c in table.records]
        race_hint.check(
            table.header, table.header_line, cells, columns.unread, columns.columns, found
        )
        del cells
    decimal, decimal_given = decimal_mark(columns, table.records, options.decimal, found)
    reader = CellReader.of(columns, decimal, decimal_given, options, found)
    records = summed or []
    count = len(table.records)
    report = _progress(name, size, count)
    pending, table.records = table.records, []
    pending.reverse()
    # Rows of many precincts summed per region, where that gives the same answer (`rowcolumns`).
    rule = party_rule(columns, options, source_file or name)
    columnar = plan is None and eligible(columns, options, bool(rule))
    if plan is None and reader.blank_zero is None:  # `X`: not on the ballot there (Mississippi)
        splits = rule is not None and not rule.top_two
        reader.off_ballot.lines = off_ballot(pending, columns, splits)
    read_rows(reader, pending, table.delimiter, records, report, columnar)
    if plan is None:
        check_regions(records, columns)  # too many: read again by the caller (`manyregions`)
    # Past the bound on options, what the lines up to the first option past it give, as the
    # streaming engine, which stops there, gives it (`limits`).
    past = first_past(records, columns, reader.default_election, rule)
    if past is not None:
        records = [r for r in records if r.line <= past]
        stop_at(past, reader)
    columns.notes.extend(notes or [])
    if (said := reader.off_ballot.note()) is not None:  # (a warning: `validate` lists it too)
        first, votes = reader.off_ballot.rows[0][0], columns.header_of("votes")
        found.warn(Code.MISSING_VALUE, first, said, column=votes)
    assembly = assembly_for(table, reader, options.facts, found, unit_facts, source_file)
    assembly.totals = stage(columns, found, marked, frozenset(options.kind_keys()), total_options)
    elections = assemble_races(assembly, records, table.header_line, reader, options)
    reporting.tell(elections, so_far, header)  # (a race of many: of its own rows, or the file's)
    report(count)
    return given(elections, found, False, past is not None)


def _stage_kept(
    header: list[str], records: list[tuple[int, list[str]]], options: ReadOptions
) -> list[tuple[int, list[str]]]:
    """The rows read for the share of the count reported: those `--where` keeps of a column of
    stages or rounds, each of which lists the race whole (the election night's rows left out by
    `--where stage=official` count no partial count). All the rows where it names none."""
    if not options.where:
        return records
    try:
        where = header_where(header, options)
    except UsageError:
        return records  # (said where --where is read)
    whole = {i: v for i, v in where.wanted.items() if canonical_column(header[i]) in _WHOLE}
    if not whole:
        return records
    one = Where(wanted=whole)
    return [
        (n, c)
        for n, c in records
        if one.keeps({i: c[i].strip() if i < len(c) else "" for i in whole})
    ]


# Columns each of whose values lists the race whole (`_stage_kept`).
_WHOLE: Final[frozenset[str]] = frozenset({"stage", "round"})


def _progress(name: str, size: int, rows: int) -> Callable[[int], None]:
    """Report rows read as a share of the file's bytes to the progress hook, if one is set."""
    hook = progress_hook.get()

    def report(done: int) -> None:
        if hook is not None:
            hook(name, size * done // max(rows, 1), size)

    return report
