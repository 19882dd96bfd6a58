"""Where a wide table's rows are: the naming columns that give each long row its region and unit.

The naming columns the header words call region give the region (a second one the unit); else the
naming column that tells the rows apart (words before codes: `constituency_name` rather than
`ons_id`); else all of them joined (`ENTIDAD · DISTRITO`). A region column empty in every row (Georgia's
CEC tables leave `region` blank) names nothing.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Final

from pollcli.columns import canonical_column, place_level, place_word
from pollcli.numbers import extra_cells, with_share
from pollcli.problems import Code, Found
from pollcli.read import choices, protocol, region_paths
from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan, level0
from pollcli.read.preamble import header_again
from pollcli.read.wide_hints import seats_only

Row = tuple[int, list[str]]
# Naming cells joined into one name when no single column tells the rows apart.
JOIN: Final[str] = " · "
PAIRED_ROWS: Final[int] = 50  # (the first rows looked at by `_paired`)
# Rows a column must rise over, a different whole number in each, to be read as their code.
CODE_ROWS_AT_LEAST: Final[int] = 5
SHOWN_AGAIN: Final[int] = 8  # (repeated header lines a warning names before "and N more")


@dataclass(frozen=True)
class Place:
    """Where a long row's region (or unit) comes from: one naming column, or several joined."""

    name: str
    indexes: tuple[int, ...]
    # A region of a name met under different parents (`read.region_paths`): those names, and the
    # parents' columns that name them by their whole path.
    apart: frozenset[str] = frozenset()
    parents: tuple[int, ...] = ()

    def of(self, cells: list[str], line: int) -> str:
        if len(self.indexes) == 1:
            name = cells[self.indexes[0]].strip()
            if self.apart and name in self.apart:
                return region_paths.path(cells, self.indexes[0], self.parents)
            return name
        if not self.indexes:
            return f"line {line}"
        return JOIN.join(p for p in (cells[i].strip() for i in self.indexes) if p)


def places(table: RawTable, plan: Plan, rows: list[Row]) -> tuple[Place | None, Place | None, str]:
    """The region and unit of the rows: the naming columns the header words call region (a second
    one is the unit), else the naming column that tells the rows apart (words before codes), else
    all of them joined. A note says which when it is not a region column."""
    header = table.header
    naming = [i for i in plan.ids if not protocol.names_a_parent(header[i])]
    # A place column empty in every row (Georgia's CEC tables leave `region` blank) names nothing.
    regions = [
        i
        for i in naming
        if canonical_column(header[i]) == "region"
        and any(i < len(c) and c[i].strip() for _, c in rows)
    ]
    if len(rows) <= 1 and not naming:
        return None, None, ""
    if not naming:
        hint = ""
        if plan.options:
            # A code under a header pollcli does not know reads as a candidate's votes.
            first = header[plan.options[0]]
            hint = f" (if {first!r} does, pass --id-columns {shlex.quote(first)})"
        return (
            Place("row", ()),
            None,
            f"Each row is named by its line: no column names the rows{hint}.",
        )
    if regions:
        # As the header stage ranks places: a `region` column, else the level above the finest.
        levels = {i: place_level(header[i]) for i in regions}
        named = [i for i in regions if place_word(header[i]) == "region"]
        ranked = sorted(set(levels.values()))
        level = ranked[-2] if len(ranked) > 1 else ranked[0]
        chosen = named[0] if named else min(i for i in regions if levels[i] == level)
        region, said = _apart(
            header, rows, chosen, [i for i in regions if levels[i] < levels[chosen]]
        )
        if _distinct(rows, (chosen,)):
            return region, None, said
        rest = [i for i in naming if i != chosen]
        rest.sort(key=lambda i: -levels.get(i, -1))  # the finest place first
        within = _telling(rows, header, rest, within=chosen) or tuple(rest)
        if not within:
            return region, Place("row", ()), said
        if len(within) == 1 and levels[chosen] > place_level(header[within[0]]):
            # Precincts numbered within districts (Georgia's CEC: `district id,…,precinct`): the
            # district is the region, the precinct its unit; not precinct 1 of every district.
            parent = within[0]
            return (
                Place(header[parent], (parent,)),
                region,
                f"The {header[chosen]!r} column is read as the unit within each "
                f"{header[parent]!r} (its numbers start again in each).",
            )
        return region, Place(JOIN.join(header[i] for i in within), within), said
    telling = _telling(rows, header, naming) or tuple(naming)
    if len(telling) == 1 and (names := _named_parent(rows, header, naming, telling[0])) is not None:
        # (Israel's CEC by ballot box: `ברזל`, each box's serial, was "the regions"; the
        # localities, `שם ישוב`, are.)
        return (
            Place(header[names], (names,)),
            Place(header[telling[0]], telling),
            f"The rows are the units named by {header[telling[0]]!r} (codes), within the regions "
            f"named by {header[names]!r}.",
        )
    name = JOIN.join(header[i] for i in telling)
    return (
        Place(name, telling),
        None,
        f"The rows are the regions, named by {name!r}.",
    )


def _named_parent(rows: list[Row], header: list[str], naming: list[int], code: int) -> int | None:
    """The column of place names that groups the rows a column of codes (`code`, no letter in
    any cell) tells apart: the first naming column of names (a letter in every cell) with a name
    on several rows, none of its names on rows apart (each a run of rows); None where none is."""
    sample = [c for _, c in rows[:2000]]
    if any(any(ch.isalpha() for ch in c[code]) for c in sample if code < len(c)):
        return None
    for index in naming:
        names = [c[index].strip() if index < len(c) else "" for c in sample]
        if index == code or not all(any(ch.isalpha() for ch in n) for n in names):
            continue
        runs = [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]
        if len(runs) < len(names) and len(set(runs)) == len(runs):
            return index
    return None


def _apart(header: list[str], rows: list[Row], chosen: int, above: list[int]) -> tuple[Place, str]:
    """The region column's place, its names met under different parents (coarser place columns)
    named by their whole path (`read.region_paths`), and the note that says so ("" if none)."""
    again = region_paths.repeated((c for _, c in rows), chosen, above) if above else frozenset()
    if not again:
        return Place(header[chosen], (chosen,)), ""
    place = Place(header[chosen], (chosen,), again, tuple(above))
    example = next(place.of(c, n) for n, c in rows if c[chosen].strip() in again)
    return place, region_paths.note(again, header[chosen], [header[i] for i in above], example)


def _distinct(rows: list[Row], indexes: Sequence[int], within: int | None = None) -> bool:
    seen = set()
    for _, cells in rows:
        key = tuple(
            cells[i].strip() for i in ((within,) if within is not None else ()) + tuple(indexes)
        )
        if key in seen or not any(key):
            return False
        seen.add(key)
    return True


def _telling(
    rows: list[Row], header: list[str], indexes: list[int], within: int | None = None
) -> tuple[int, ...]:
    """The naming column that tells the rows apart (within the `within` column's groups), words
    before codes; () when none does alone."""

    def wordy(i: int) -> float:
        cells = [c[i] for _, c in rows[:200] if c[i].strip()]
        return sum(1 for c in cells if any(ch.isalpha() for ch in c)) / max(len(cells), 1)

    # Names before codes: `constituency_name` rather than `ons_id` (whose codes have letters too).
    for index in sorted(indexes, key=lambda i: (protocol.names_a_row(header[i]), -wordy(i))):
        if _distinct(rows, (index,), within):
            return (index,)
    return ()


def coded_rows(table: RawTable, plan: Plan, found: Found) -> bool:
    """Whether a wide table whose rows no column names has, as its first option, a column of codes,
    an error then: a different whole number in every row, rising line by line, names the rows and
    counts no votes. Taiwan's seats by party (`partyUni,victorCount`: party codes 1, 15, 16, 74…)
    was read as two options, the codes "leading" with 99 %."""
    header = table.header
    if plan.blocks is not None or not plan.options:
        return False
    if any(not protocol.names_a_parent(header[i]) for i in plan.ids):
        return False
    first = plan.options[0]
    cells = [c[first].strip() for _, c in table.records if first < len(c) and c[first].strip()]
    if len(cells) < CODE_ROWS_AT_LEAST or not all(c.isdigit() and c.isascii() for c in cells):
        return False
    numbers = [int(c) for c in cells]
    if all(b > a for a, b in pairwise(numbers)):
        shown = ", ".join(cells[:4])
        # The other columns all seats (`victorCount`, the members each party elected): the rows
        # are parties by number and the table their seats, which no --id-columns makes votes.
        seats = seats_only([header[i] for i in plan.options[1:]])
        how = (
            f" (each row's party, by number?), and {seats}"
            if seats
            else ", which would be added up as an option's votes; if it names the rows, pass "
            f"--id-columns {header[first]!r}"
        )
        found.add(
            Code.MISSING_COLUMN,
            table.header_line,
            f"no column names the rows, and {header[first]!r} holds a different whole number in "
            f"every row, rising line by line ({shown}…): a code that names the rows{how}",
            column="candidate",
        )
        return True
    if not _grouping(numbers):
        return False
    run = next(i for i, n in enumerate(numbers) if n != numbers[0])
    shown = ", ".join(cells[: min(run, 3)]) + f"…, then {cells[run]}"
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"no column names the rows, and {header[first]!r} holds one whole number over runs of rows "
        f"({shown}): a code grouping the rows (a place's, a race's), which would be added up as an "
        f"option's votes. If each row is an option's (its name and its votes in columns of their "
        f"own), name those columns in the header (candidate or party, votes, and the race's); if "
        f"{header[first]!r} names the rows, pass --id-columns {shlex.quote(header[first])}",
        column="candidate",
    )
    return True


def _grouping(numbers: list[int]) -> bool:
    """Whether whole numbers are a code over runs of rows (a district's, a municipality's, over its
    parties' rows): no 0 (a party's votes are 0 in row after row where it did not stand), two
    values at least, and half the rows or more the one above's (votes hardly ever are)."""
    if 0 in numbers or len(set(numbers)) < 2:
        return False
    again = sum(a == b for a, b in pairwise(numbers))
    return 2 * again >= len(numbers)


# Plural words over the column that names a wide table's rows that say what its COLUMNS are, or
# that its rows are the options: the corner of a crosstab (Belgium's results by canton head the
# parties' names `Cantons / Kantons`, its columns being the cantons).
_CORNER: Final[frozenset[str]] = frozenset(
    {
        "cantons", "kantons", "communes", "gemeenten", "gemeinden", "municipalities", "counties",
        "districts", "precincts", "wards", "regions", "provinces", "départements", "departements",
        "circonscriptions", "constituencies", "kieskringen", "wahlkreise", "bezirke", "parishes",
        "candidates", "candidats", "kandidaten", "parties", "partis", "partijen", "parteien",
        "lists", "listes", "lijsten", "listen",
    }
)  # fmt: skip


_OPTION_PLURALS: Final[frozenset[str]] = frozenset(
    {"candidates", "candidats", "kandidaten", "parties", "partis", "partijen", "parteien", "lists",
     "listes", "lijsten", "listen"}
)  # fmt: skip


def crosstab(table: RawTable, plan: Plan, found: Found, named: bool) -> bool:
    """Whether the column that names a wide table's rows is headed by a plural of places or of
    options (`_CORNER`): the rows are then the options and the columns the places, which pollcli
    would read the other way round (each canton an option "leading", the parties its regions): an
    error. Not where `--id-columns` names the columns that name the rows (`named`). Ballots by
    first and second choice are refused whatever names the rows (`read.choices`)."""
    if plan.blocks is None and choices.refused(table, found):
        return True
    if named or plan.blocks is not None or not plan.options:
        return False
    for i in plan.ids:
        words = [w for w in re.split(r"[\s/\-–·|]+", table.header[i].casefold()) if w]
        plural = next((w for w in words if w in _CORNER), None)
        if plural is None or canonical_column(table.header[i]) is not None:
            continue
        found.add(
            Code.MISSING_COLUMN,
            table.header_line,
            f"{table.header[i]!r} heads the rows' names: "
            + (
                f"the rows look like the {plural}, the options, and the columns like places"
                if plural in _OPTION_PLURALS
                else f"the columns look like the {plural} and the rows like the options"
            )
            + " (a crosstab), but a wide table is read with an option per "
            f"column, so each of {header_names(table, plan)} would be an option; write the table "
            f"with one row per place (transposed) or one row per place and option "
            f"(place,option,votes); if the rows are the places, pass --id-columns "
            f"{shlex.quote(table.header[i])}",
            column="candidate",
        )
        return True
    return False


def header_names(table: RawTable, plan: Plan) -> str:
    """The first option columns' headers, as an error shows them."""
    shown = ", ".join(repr(table.header[i]) for i in plan.options[:3])
    return shown + (" …" if len(plan.options) > 3 else "")


def headers_again(table: RawTable, plan: Plan, found: Found) -> RawTable:
    """The table without the rows that repeat its header cell for cell (one table's parts exported
    one after another, each under its header: HS-Datadesk's Finnish candidate table repeats it 19
    times, once per area, and each figure column's header was refused as "not a number"), named
    by line in one warning. Each row is a place of its own, named in its cells, so the parts are
    one table's; places named twice are refused as ever (`wide_columns.repeated_rows`)."""
    named = [(i, label.strip().casefold()) for i, label in enumerate(table.header) if label.strip()]
    if plan.blocks is not None or len(named) < 2 or not table.records:
        return table
    # One cell first, as the header writes it or in another case (a figure, mostly: one look-up a
    # row, 0.02 s in 100,000), the whole row only where it matches.
    at, _ = named[-1]
    written = table.header[at].strip()
    probes = {table.header[at], written, written.casefold(), written.upper(), written.lower()}
    again = [
        line
        for line, cells in table.records
        if at < len(cells) and cells[at] in probes and header_again(table.header, cells)
    ]
    if not again:
        return table
    numbers = [f"{n:,}" for n in again]
    if len(numbers) > SHOWN_AGAIN:
        numbers = [*numbers[:SHOWN_AGAIN], f"{len(numbers) - SHOWN_AGAIN} more"]
    shown = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    found.warn(
        Code.TYPE_ERROR,
        again[0],
        f"{'line' if len(again) == 1 else 'lines'} {shown} "
        f"{'repeats' if len(again) == 1 else 'repeat'} the header (as on line "
        f"{table.header_line:,}), a table's parts joined each under its header: left out, the "
        "rows under them read as the table's. If the parts are different elections, save each "
        "as a file of its own",
    )
    lines = set(again)
    return replace(table, records=[(n, c) for n, c in table.records if n not in lines])


def rows_of(table: RawTable, plan: Plan, found: Found) -> list[Row]:
    """The rows as wide as the header (a block table's may be ragged: padded), others reported as
    the long stages report them; rows of shares (`_shares`) left out, with a note."""
    width = len(table.header)
    _paired(table, plan)
    if plan.blocks is None and all(len(cells) == width for _, cells in table.records):
        return _shares(table, plan, table.records)
    rows: list[Row] = []
    for line, cells in table.records:
        if plan.blocks is not None:
            need = plan.blocks.start + plan.blocks.size
            rows.append((line, cells + [""] * (need - len(cells)) if len(cells) < need else cells))
            continue
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            found.add(Code.EXTRA_CELL, line, extra_cells(cells, width, table.delimiter))
        elif len(cells) < width and not any(
            level0(table, i).strip() for i in range(len(cells), width)
        ):
            # Short only of columns with no header (the header's trailing delimiters; under a row of
            # groups, with none): nothing lost.
            rows.append((line, cells + [""] * (width - len(cells))))
        elif len(cells) < width:
            found.add(
                Code.MISSING_CELL,
                line,
                f"{len(cells)} {'cell' if len(cells) == 1 else 'cells'} but the header has "
                f"{width}; add the missing cells (they may be empty)",
            )
        else:
            rows.append((line, cells))
    return _shares(table, plan, rows)


def _paired(table: RawTable, plan: Plan) -> None:
    """A note where option cells hold a count and its share (`872,127\n(38.71)`: `parse_votes`)."""
    for line, cells in table.records[:PAIRED_ROWS]:
        at = next((i for i in plan.options if i < len(cells) and with_share(cells[i])), None)
        if at is not None:
            table.notes.append(
                f"Cells hold a count with its share beside it ({' '.join(cells[at].split())!r} "
                f"on line {line:,}, {level0(table, at)!r}): the count is read as votes, the "
                "share left aside (shares are computed from the votes)."
            )
            return


# A row named as the options' shares (a protocol's `%` line under its counts: Belgium's lists'
# `Chiffre électoral` then `%`): no place's counts.
_SHARE_WORDS: Final[frozenset[str]] = frozenset(
    {"percent", "percentage", "percentages", "pct", "share", "shares", "vote share", "pourcentage",
     "pourcentages", "porcentaje", "prozent", "anteil", "procent", "percentuale", "процент",
     "доля"}
)  # fmt: skip


def _shares(table: RawTable, plan: Plan, rows: list[Row]) -> list[Row]:
    """The rows without those named as shares (`%`, `Percent`, `% des voix`…), with a note: summed
    as a place's counts, whole percents (57, 38) were added to the options' votes, and fractions
    were refused with advice to leave an option's column out."""
    if plan.blocks is not None or not plan.ids:
        return rows
    kept, shares, under = [], [], []
    above = False  # whether the row right above was kept, and named
    for line, cells in rows:
        text = " ".join(cells[i].strip() for i in plan.ids if i < len(cells) and cells[i].strip())
        key = text.casefold()
        if key and (key in _SHARE_WORDS or key.startswith("%") or key.endswith("%")):
            shares.append((line, text))
        elif not key and above and _percents(cells, plan.options):
            under.append(line)  # South Korea's NEC: each place's percentages under its counts
        else:
            kept.append((line, cells))
            above = bool(key)
            continue
        above = False
    if shares:
        listed = ", ".join(f"{line:,} ({text!r})" for line, text in shares[:3])
        table.notes.append(
            f"Row(s) on line(s) {listed}{' …' if len(shares) > 3 else ''} hold the options' "
            "shares, not a place's counts: left out."
        )
    if under:
        listed = ", ".join(f"{line:,}" for line in under[:3])
        table.notes.append(
            f"Row(s) on line(s) {listed}{' …' if len(under) > 3 else ''} ({len(under):,} in all) "
            "name no place and hold percentages, the shares of the row above each: left out."
        )
    return kept


# A percentage as a row of them writes it under its place's counts (`51.91`, `0.02`, `44,1`, `7 %`).
_PERCENT: Final[re.Pattern[str]] = re.compile(r"(\d{1,3})(?:[.,](\d{1,2}))?\s*(%?)")


def _percents(cells: Sequence[str], options: Sequence[int]) -> bool:
    """Whether a row's option cells are percentages: two or more, each from 0 to 100, some with
    a fraction or a `%` (a count has none), adding up to at most 100 (and rounding)."""
    total, fraction, seen = 0.0, False, 0
    for i in options:
        text = cells[i].strip() if i < len(cells) else ""
        if not text:
            continue
        match = _PERCENT.fullmatch(text)
        if match is None:
            return False
        whole, part, sign = match.groups()
        total += float(f"{whole}.{part or 0}")
        fraction = fraction or bool(part or sign)
        seen += 1
    return seen >= 2 and fraction and total <= 100.5
