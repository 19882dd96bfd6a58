"""A bound on the regions a file may have: beyond `REGIONS_KEPT`, its places are read as precincts.

A region keeps figures of its own all the way to the summary (a key per option while the file is
summed, a `Record`, an `Option` per option in `Election.regions`): some 10 KB of Python objects a
region of 7 options, so a file whose only place column is the precinct (400,000 of them) took
gigabytes where the same rows with a county column beside the precinct take a few hundred
megabytes. Past `REGIONS_KEPT` distinct places, the file is read again with that column as the
unit (as `--unit COLUMN` reads it): rows summed into the whole as precincts are, a precinct
costing some bytes (`read.repeats`), not kilobytes. The figures are the same; what is lost is what
is per region (`--by region`, the checks of each region's shares, counts and turnout), and a
warning (`too-many-regions`) says so, with what to do.

Both engines count the places as the stages read them (cleaned cells): the exact one over its
records, before they are assembled; the streaming one as keys are summed (`keysums.KeySums.add`),
and before that in each block's worker (`RegionCount.look_ahead`), which stops the first reading
before a block's keys become Python objects, at about the memory of an ordinary file. Which block
the workers stop at depends on their timing, the verdict does not: every place looked at is a
row's. (A file that stops early for an error of its own, an election of more options than any
ballot, may or may not be found to have too many regions first: its errors are the same.) Files
that already have a unit column (a county beside the precinct: the county is the region) and wide
tables are not bounded here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from pollcli.problems import Code, Problem, sort_problems
from pollcli.read.cellsplit import clean_cell
from pollcli.read.limits import confirmed

if TYPE_CHECKING:
    from pollcli.election import Election
    from pollcli.read.header import ColumnMap
    from pollcli.read.options import ReadOptions
    from pollcli.read.records import Record

# About 600 MiB and 4 s of CPU at the bound for a region of 7 options (30 November 2026): more than
# a polling-station file of most countries holds, far fewer than a table of regions can show.
REGIONS_KEPT: Final[int] = 50_000

Result = tuple[list["Election"], list[Problem]]


class TooManyRegions(Exception):
    """Raised while a file is read, once it has more than `REGIONS_KEPT` distinct regions."""

    def __init__(self, column: str) -> None:
        super().__init__(column)
        self.column = column

    def as_units(self, options: ReadOptions) -> ReadOptions:
        """The options that read the region column as the unit (`--unit COLUMN`)."""
        return dataclasses.replace(options, region=None, unit=self.column)

    def warning(self, file: str) -> Problem:
        column = self.column
        return Problem(
            code=Code.TOO_MANY_REGIONS,
            severity="warning",
            file=file,
            line=None,
            column=column,
            message=f"more than {REGIONS_KEPT:,} places in column '{column}', more regions than "
            f"pollcli keeps figures for: read as precincts summed into the whole, as --unit "
            f"{column} reads them (the totals are the same), so nothing is given or checked per "
            "region (--by region, each region's shares, counts and turnout); for regions, give "
            "the file's coarser place column beside it (a county, a district) or sum the rows by "
            "region first",
        )


def bounded(
    read: Callable[[ReadOptions], Result | None], options: ReadOptions, file: str
) -> Result | None:
    """`read(options)`; when the file has too many regions, `read` again with its region column
    as the unit, each election warned (`too-many-regions`). None when `read` hands the file over
    (the streaming engine to the exact one, which bounds its own reading)."""
    try:
        return confirmed(lambda: read(options))  # (past the bound on options: `limits`)
    except TooManyRegions as raised:
        # Its traceback holds the first reading (its sums, its blocks), and in a cycle (a worker's
        # future holds the exception) that the paused collector (`collector.paused_gc`) would
        # leave for the second reading's peak: cut here.
        raised.__traceback__ = None
        many = TooManyRegions(raised.column)
    result = confirmed(lambda: read(many.as_units(options)))
    if result is None:
        return None
    elections, problems = result
    warning = many.warning(file)
    for election in elections:
        election.warnings.append(warning)
    return elections, sort_problems([*problems, warning])


def bounded_exact(read: Callable[[ReadOptions], Result], options: ReadOptions, file: str) -> Result:
    """`bounded` for the exact engine, which always gives a result."""
    result = bounded(read, options, file)
    assert result is not None  # `read` never gives None
    return result


class RegionCount:
    """The distinct regions met so far, to raise `TooManyRegions` past the bound."""

    def __init__(self, column: str, index: int) -> None:
        self.column = column
        self.index = index  # the region column's place in the header
        self.seen: set[str] = set()
        # The regions of the blocks workers have looked at (`look_ahead`), merged or not.
        self.looked: set[str] = set()

    def add(self, region: str) -> None:
        seen = self.seen
        if region not in seen:
            seen.add(region)
            if len(seen) > REGIONS_KEPT:
                raise TooManyRegions(self.column)

    def look_ahead(self, cells: list[bytes]) -> None:
        """A block's distinct region cells, looked at by its worker before the block's keys are
        made Python objects (a key per region and option): raises once the blocks looked at so
        far, in whatever order the workers took them, hold more than the bound. They are rows of
        the file, so the file has more, as its merge would find (`add`)."""
        regions = set()
        for cell in cells:
            try:
                region = clean_cell(cell.decode("utf-8"))
            except UnicodeDecodeError:
                continue  # the block is read by the exact stages, which count its regions
            if region:
                regions.add(region)
        looked = self.looked
        looked |= regions  # one step under the GIL, whichever worker comes first
        self.within()

    def within(self) -> None:
        """Raises when the blocks looked at so far hold more regions than the bound."""
        if len(self.looked) > REGIONS_KEPT:
            raise TooManyRegions(self.column)


def counter(columns: ColumnMap, summed_units: bool) -> RegionCount | None:
    """A count of the regions of a long table read by the streaming engine, or None when it is
    not bounded (no region column, or a unit column: the region is then the coarser place)."""
    column, index = columns.header_of("region"), columns.index("region")
    if column is None or index is None or summed_units or "votes" not in columns.present:
        return None
    return RegionCount(column, index)


def check(records: Sequence[Record], columns: ColumnMap) -> None:
    """The exact engine's count, over the records of a long table before they are assembled."""
    count = counter(columns, "unit" in columns.present)
    if count is None or len(records) <= REGIONS_KEPT:
        return
    for record in records:
        if record.row.region is not None:
            count.add(record.row.region)
