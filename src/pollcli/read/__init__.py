"""Results files → validated elections, or every problem found with its file, line and column.

`load` returns elections or raises `DataError`; `validate` returns a report of every problem. Both read
each file through one pipeline of stages, one module each:

    decode (bytes → text) · dialect (front matter, header, delimiter, records) · roles and header
    (column map) · records (cells → `contract.Row`) · races (race keys, selection, vote modes) ·
    facts (→ `contract.Facts`) · assemble (→ `Election`) · checks

In a file of many races, a race with errors is refused and the others are read: `load` returns them
(`Elections.refused` lists the refused races with their problems) and raises only when the file as a
whole cannot be read, or no race can.

composed by two engines: `exact` (every row in Python, for small files) and `stream` (blocks summed
with pyarrow, for big ones; whatever it cannot trust it hands to the exact stages, block by block).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from pollcli.collector import paused_gc
from pollcli.election import Election, Elections
from pollcli.errors import DataError, NoSuchColumn, NoSuchRace, UsageError
from pollcli.models import FileReport, RefusedRace, ValidationReport
from pollcli.problems import Code, Problem
from pollcli.read import engines, naparties, partybrackets
from pollcli.read.exact import read_exact
from pollcli.read.inputs import (
    Source,
    display_name,
    is_regular,
    open_binary,
    probe,
    read_bytes,
)
from pollcli.read.manyregions import bounded, bounded_exact
from pollcli.read.options import (
    ReadOptions,
    blank_votes_choice,
    column_names,
    header_lines,
    id_columns,
    primary_choice,
)
from pollcli.read.tabular import tabular_kind

__all__ = ["Elections", "ReadOptions", "load", "load_file", "validate"]

# Where pairs may be given as a mapping or as a sequence of (key, value).
Pairs = Mapping[str, str] | Sequence[tuple[str, str]]


def load(
    sources: Source | Sequence[Source],
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str | None = None,
    facts: Mapping[str, Any] | None = None,
    kinds: Mapping[str, str] | None = None,
    ignore_columns: Sequence[str] = (),
    sheet: str | None = None,
    race_by: Sequence[str] | None = None,
    race: Sequence[str] = (),
    where: Pairs = (),
    votes: str | None = None,
    aliases: Pairs = (),
    header_line: int | str | Sequence[int] | None = None,
    wide: bool = False,
    id_columns: str | Sequence[str] | None = None,
    fusion: bool = False,
    columns: str | Sequence[str] | None = None,
    region: str | None = None,
    unit: str | None = None,
    blank_votes: str | None = None,
    race_of: Mapping[int, Sequence[str]] | None = None,
    encoding_of: Mapping[int, str] | None = None,
    primary: str | None = None,
) -> Elections:
    """Load one or more results files (CSV, Excel, OpenDocument or Parquet; `-` is standard input)
    into elections, in file order.

    A file of many races (offices, districts, constituencies, primaries) gives one election per race;
    `race_by` names the columns that tell races apart (by default: the header's words), `race` keeps
    the races whose name contains one of the texts, `where` the rows whose column holds the value.
    `votes` names the one column to read votes from, `aliases` (OLD → NEW) rename options.
    `header_line` says where the header is (6, or "6-8" for a header over three rows); `wide` reads
    a table with one column per option, `id_columns` names the columns that name its rows.
    `fusion` adds up the rows of one race with one candidate name and different parties (one
    candidate on several party lines); by default they are two candidates of one name.
    `columns` names the columns of a file with no header, in order (its first line is data).
    `region` and `unit` name the columns of the area and of the precinct or polling station a row
    counts, where the header's words do not tell them.
    `blank_votes="zero"` counts a named row's blank vote cell as 0 (listed in a warning), "error"
    refuses its race; by default a candidate's refuses, a scatter's counts 0. `primary` says how a file's primaries are read: `party` (one primary
    per party) or `top-two` (one race of every party per office); by default as its name says.
    `race_of` gives, by the position of a file in `sources` (from 0), the
    races to keep of that file in place of `race` (`compare --race-of`); `encoding_of`, by position
    too, a file's encoding in place of `encoding` (`compare --encoding-of`).

    Raises `DataError` carrying every error found (warnings become each election's `warnings`) — but
    in a file of many races, a race with errors is left out (listed with its problems in the
    result's `refused`) and the others are returned; `DataError` then only when the file as a whole
    cannot be read, or none of its races. `UsageError` for a missing file or an impossible option.
    """
    options = _options(
        encoding, delimiter, decimal, facts, kinds, ignore_columns, sheet,
        race_by, race, where, votes, aliases, header_line, wide, id_columns, fusion, columns,
        region, unit,
        blank_votes, primary,
    )  # fmt: skip
    elections = Elections()
    for position, source in enumerate(_as_list(sources)):
        chosen = (race_of or {}).get(position)
        own = options
        if chosen is not None:
            picked = (chosen,) if isinstance(chosen, str) else tuple(chosen)
            own = dataclasses.replace(own, races=picked)
        if encoding_of and position in encoding_of:
            own = dataclasses.replace(own, encoding=encoding_of[position])
        try:
            loaded, problems = load_file(source, own)
        except NoSuchRace as exc:
            if chosen is None:  # --race's text, not --race-of's: compare's advice names the file
                exc.position = position
            raise
        errors = [p for p in problems if p.severity == "error"]
        whole = [p for p in errors if p.race is None]
        if whole or (errors and not loaded):
            # The file's own errors first: they stop it, whatever its races' errors say.
            # A column read as no race's that splits the candidates may be why (`race_hint`).
            hints = [
                p
                for p in problems
                if p.code == Code.RACE_SPLIT and p.severity == "warning" and p.race is None
            ]
            raise DataError(whole + [p for p in errors if p.race is not None], hints)
        elections.extend(loaded)
        elections.refused += refused_races(errors)
        # The warnings of races that gave no election and no error (a race of `Total` lines alone).
        told = {e.facts.election for e in loaded} | {p.race for p in errors}
        elections.unsummarised += [p for p in problems if p.race is not None and p.race not in told]
        for split in {id(e.race.split): e.race.split for e in loaded if e.race}.values():
            elections.splits.append(split)
    return elections


def refused_races(problems: Sequence[Problem]) -> list[RefusedRace]:
    """The races of files of many races that have errors, each with its problems (errors first),
    in the order of their first problem's line."""
    by_race: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        if problem.race is not None:
            by_race.setdefault((problem.file, problem.race), []).append(problem)
    return [
        RefusedRace(race=race, file=file, problems=found)
        for (file, race), found in by_race.items()
        if any(p.severity == "error" for p in found)
    ]


def _options(
    encoding: str | None,
    delimiter: str | None,
    decimal: str | None,
    facts: Mapping[str, Any] | None,
    kinds: Mapping[str, str] | None,
    ignore_columns: Sequence[str],
    sheet: str | None,
    race_by: Sequence[str] | None,
    race: Sequence[str],
    where: Pairs,
    votes: str | None,
    aliases: Pairs,
    header_line: int | str | Sequence[int] | None = None,
    wide: bool = False,
    columns: str | Sequence[str] | None = None,
    fusion: bool = False,
    names: str | Sequence[str] | None = None,
    region: str | None = None,
    unit: str | None = None,
    blank_votes: str | None = None,
    primary: str | None = None,
) -> ReadOptions:
    if isinstance(race, str):
        race = [race]
    if isinstance(race_by, str):
        race_by = race_by.split(",")
    pairs = list(where.items()) if isinstance(where, Mapping) else list(where)
    renames = list(aliases.items()) if isinstance(aliases, Mapping) else list(aliases)
    ids = id_columns(columns)
    return ReadOptions(
        encoding,
        delimiter,
        decimal,
        facts or {},
        kinds or {},
        tuple(ignore_columns),
        sheet,
        race_by=None if race_by is None else tuple(c.strip() for c in race_by),
        races=tuple(race),
        where=tuple((str(c), str(v)) for c, v in pairs),
        votes=votes,
        aliases=tuple((str(o), str(n)) for o, n in renames),
        header_line=header_lines(header_line),
        wide=wide or bool(ids),
        id_columns=ids,
        fusion=fusion,
        columns=column_names(names),
        region=region,
        unit=unit,
        blank_votes_zero=blank_votes_choice(blank_votes),
        primary=primary_choice(primary),
    )


def validate(
    sources: Source | Sequence[Source],
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str | None = None,
    facts: Mapping[str, Any] | None = None,
    kinds: Mapping[str, str] | None = None,
    ignore_columns: Sequence[str] = (),
    sheet: str | None = None,
    race_by: Sequence[str] | None = None,
    race: Sequence[str] = (),
    where: Pairs = (),
    votes: str | None = None,
    header_line: int | str | Sequence[int] | None = None,
    wide: bool = False,
    id_columns: str | Sequence[str] | None = None,
    fusion: bool = False,
    columns: str | Sequence[str] | None = None,
    region: str | None = None,
    unit: str | None = None,
    blank_votes: str | None = None,
    primary: str | None = None,
) -> ValidationReport:
    """Every problem in each file, not just the first; never raises for bad data. In a file of many
    races each problem names its race (`Problem.race`)."""
    options = _options(
        encoding, delimiter, decimal, facts, kinds, ignore_columns, sheet,
        race_by, race, where, votes, (), header_line, wide, id_columns, fusion, columns,
        region, unit,
        blank_votes, primary,
    )  # fmt: skip
    files = []
    for source in _as_list(sources):
        loaded, problems = load_file(source, options)
        split = next((e.race.split for e in loaded if e.race is not None), None)
        files.append(
            FileReport(
                file=display_name(source),
                valid=not any(p.severity == "error" for p in problems),
                problems=problems,
                races=split,
            )
        )
    return ValidationReport(files=files)


def _as_list(sources: Source | Sequence[Source]) -> list[Source]:
    listed = [sources] if isinstance(sources, str | Path) else list(sources)
    if sum(1 for s in listed if str(s) == "-") > 1:
        raise UsageError("'-' (standard input) can be read only once; give it one time")
    return listed


def load_file(source: Source, options: ReadOptions) -> tuple[list[Election], list[Problem]]:
    """The elections in one file and every problem found in it (errors first), by the engine its
    size calls for (or POLLCLI_ENGINE)."""
    options.check()
    with paused_gc():
        try:
            elections, problems = _load_file(source, options)
            naparties.settle(elections)
            partybrackets.settle(elections)
        except NoSuchRace as exc:
            raise NoSuchRace(f"{display_name(source)}: {exc}") from None
        except NoSuchColumn as exc:
            raise UsageError(f"{display_name(source)}: {exc}") from None
    if not elections and not any(p.severity == "error" for p in problems):
        problems = [_nothing_read(display_name(source), problems), *problems]
    return elections, problems


def _nothing_read(name: str, problems: list[Problem]) -> Problem:
    """The error of a file that gave no election and no error: every row set aside (totals,
    counts, shares) or every column left out, which must not read as an empty result, exit 0
    (South Korea's NEC sheets of 2017 with --wide, before a count and its share in one cell was
    read: the candidates' columns no counts, the other columns protocol lines and totals)."""
    return Problem(
        code=Code.NO_ROWS,
        severity="error",
        file=problems[0].file if problems else name,
        line=None,
        column=None,
        message="no option's votes were read: every row or column that might hold them was set "
        "aside or left out (as a total, a count, a share, or cells that are no counts, such as "
        "`3,600 / 52.17`); say which columns hold the options' votes (--votes COL; --wide with "
        "--id-columns COL,…), or run 'pollcli validate' to list the rows set aside",
    )


def _load_file(source: Source, options: ReadOptions) -> tuple[list[Election], list[Problem]]:
    name = display_name(source)
    if str(source) == "-":
        from pollcli import spool

        return _read_unsized(spool.standard_input(), name, options)
    path = Path(source)
    if not is_regular(path):
        # A FIFO (`<(zcat big.csv)`) or a device has no size to choose an engine by: read like
        # standard input. A missing file or a directory is reported by `read_bytes`.
        with open_binary(path) as handle:
            return _read_unsized(handle, name, options)
    kind = _tabular(path) if engines.wants_stream(source) else "small"
    if kind is None:
        from pollcli.read.stream import read_stream

        streamed = bounded(lambda o: read_stream(path, name, o), options, name)
        if streamed is not None:
            return streamed
    elif kind == "parquet":
        from pollcli.read.columnar import stream_parquet

        streamed = bounded(lambda o: stream_parquet(path, name, o), options, name)
        if streamed is not None:
            return streamed
    # Read in the call, not held here: `read_exact` lets the bytes go once they are text, and a
    # second reading (too many regions: `manyregions.bounded`) reads the file again.
    return bounded_exact(lambda o: read_exact(read_bytes(source), name, o), options, name)


def _tabular(path: Path) -> str | None:
    """A workbook's kind (read whole, never streamed) or `parquet` (streamed as CSV text,
    `read.columnar`), told by its first bytes; None for text."""
    try:
        with path.open("rb") as handle:
            return tabular_kind(handle.read(8))
    except OSError:
        return None  # the exact engine reports what is wrong with the path


def _read_unsized(
    stream: BinaryIO, name: str, options: ReadOptions
) -> tuple[list[Election], list[Problem]]:
    """A stream of unknown size (standard input, a FIFO): kept in memory when small; a big one is
    first looked at (a header pollcli reads, text, lines), then spooled to a temporary file and
    streamed like a big file, so piping a precinct file costs no more memory than naming it, and
    `/dev/zero` or `yes` are refused after one megabyte rather than read on for ever."""
    from pollcli import spool  # imported here: its `secrets` costs start-up the everyday run saves

    head = spool.read(stream, engines.STREAM_THRESHOLD_BYTES)
    small = len(head) < engines.STREAM_THRESHOLD_BYTES
    chosen = engines.engine()
    # As a file of the same bytes: the exact engine below the threshold, unless the streaming
    # one is forced (POLLCLI_ENGINE=stream), which then reads standard input too.
    if chosen == "exact" or tabular_kind(head[:8]) or (small and chosen != "stream"):
        data = head + spool.read(stream)
        return bounded_exact(lambda o: read_exact(data, name, o), options, name)
    if not small:
        refused = probe(head, name, options)
        if refused:
            return [], refused
    with spool.spooled(head, stream) as path:
        from pollcli.read.stream import read_stream

        streamed = bounded(lambda o: read_stream(path, name, o), options, name)
        if streamed is not None:
            return streamed
        # (Read in the call, as a named file's: `_load_file`.)
        return bounded_exact(lambda o: read_exact(path.read_bytes(), name, o), options, name)
