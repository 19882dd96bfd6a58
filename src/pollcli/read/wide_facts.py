"""A wide table's protocol lines kept by column (`wide_sums`), not a list of slots per row and
election: 100,000 polling stations of two variants were 200,000 units, each a key, a list and a
dictionary of its counts, and `region_counts` walked them one by one (a third of the table's time).

Per election: each unit's region (a code) and line, and per count the code of each unit's text (-1
where blank) with the distinct texts. `region_counts` validates each distinct text once (`Counts`,
as for any unit) and sums the numbers per region with numpy (`by_region`), in the order a walk over
the units would meet them. Where a text is no count, or a sum could pass 64 bits, it walks them
after all (`given`), to name every line as it always did.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import field
from typing import Any, Final

from pydantic import ValidationError

from pollcli.dataclass import dataclass
from pollcli.numbers import NumberError, near_whole_note, parse_votes
from pollcli.problems import Code, Found
from pollcli.read.dialect import RawTable
from pollcli.read.offballot import DASHES
from pollcli.read.unitfacts import UNIT_FACTS, Given, Tables, UnitFacts, UnitKey

NO_FIGURE: Final[frozenset[str]] = DASHES - {"x", "X"}

# A count's text read (`Counts`), once a distinct (count, text): its number, or why it is none.
NumberOf = Callable[[str, str], "int | ValidationError"]
# Rows read at a time by `picked`.
_CHUNK = 1 << 14
# Sums of float64 weights are exact below this; larger ones are added as int64.
_EXACT_FLOAT = 2**53


def factorize(values: Iterable[Any]) -> tuple[Any, list[Any]]:
    """Each value's code, in the order the distinct values first appear, and those values (as
    `pandas.factorize` gives them, without importing pandas: some 80 MB and 0.2 s)."""
    import numpy as np

    seen: dict[Any, int] = {}
    codes = [seen.setdefault(value, len(seen)) for value in values]
    return np.array(codes, dtype=np.int64), list(seen)


def codes_of(texts: Sequence[str]) -> tuple[Any, list[str]]:
    """Each text's code among the distinct stripped texts (-1 for a blank one), and those texts:
    the texts hashed once, only the distinct ones stripped."""

    raw, uniques = factorize(texts)
    remap, names = factorize(u.strip() for u in uniques)
    if "" in names:
        remap[remap == names.index("")] = -1
    return remap[raw], names


def picked(rows: Sequence[tuple[int, list[str]]], wanted: list[list[int]]) -> list[list[str]]:
    """The cells of the columns in `wanted` (ascending, each once), column by column, read row by
    row some thousands at a time (a pass over every row per column went through memory once a
    column: at a million rows, seconds)."""
    from itertools import chain
    from operator import itemgetter

    columns = sorted({c for fact in wanted for c in fact})
    if not columns:
        return []
    width = len(columns)
    pick = itemgetter(*columns) if width > 1 else lambda cells: (cells[columns[0]],)
    out: list[list[str]] = [[] for _ in columns]
    for start in range(0, len(rows), _CHUNK):
        flat = list(chain.from_iterable(pick(cells) for _, cells in rows[start : start + _CHUNK]))
        for at, column in enumerate(out):
            column.extend(flat[at::width])
    return out


def added(parts: list[list[str]], rows: int) -> list[str] | None:
    """`fact_value` of every row, its parts given by column (none: blank), where every part is
    plain digits under MAX_VOTES (as `parse_votes` reads them); else None."""
    import numpy as np

    if not parts:
        return [""] * rows
    total = np.zeros(rows, dtype=np.int64)
    for part in parts:
        joined = "".join(part)
        if not (
            joined.isdigit()
            and joined.isascii()
            and 0 < min(map(len, part)) <= max(map(len, part)) <= 10
        ):
            return None
        total += np.fromstring(",".join(part), dtype=np.int64, sep=",")
    return list(map(str, total.tolist()))


@dataclass
class NearWhole:
    """A wide table's protocol cells within 1e-6 of a whole number (`920.0000000000001`: sums of
    floats, as its vote cells may be) read as that number, with a note in `notes` (kept up to
    date) naming the first. (Facts given otherwise, front matter or a long table's column, are
    read strictly.)"""

    notes: list[str]
    seen: list[tuple[int, str]] = field(default_factory=list)
    at: int = -1

    def text(self, line: int, text: str) -> str:
        """The cell, or the whole number it is within 1e-6 of."""
        if not text or text.isdigit():
            return text
        near: list[str] = []
        try:
            value = parse_votes(text, ".", decimal_given=False, near_whole=near)
        except NumberError:
            return text
        if not near:
            return text
        self.seen.append((line, near[0]))
        note = near_whole_note(len(self.seen), *self.seen[0]).replace(
            "vote count", "protocol count"
        )
        if self.at < 0:
            self.at = len(self.notes)
            self.notes.append(note)
        self.notes[self.at] = note
        return str(value)


def vote_cells(odd: Any, table: RawTable, decimal: str, given: bool, found: Found) -> list[str]:
    """A melted wide table's vote cells not in plain digits (`1 234`, `6,456,392`; a sum of floats,
    `198.00000000000006`, with the note a long table gives) read as counts; '' where no count."""
    out: list[str] = []
    near: list[str] = []
    first: tuple[int, str] | None = None
    advised: set[int] = set()  # columns whose first error says how to leave them out
    shares = share_lines(odd["line"], odd["votes"])
    if (line := percent_rows(odd["line"], odd["votes"])) is not None:
        # Every row's options in percent (a scrape of volby.cz's `%` column): one error, no
        # advice to leave each option out.
        found.add(
            Code.TYPE_ERROR,
            line,
            "the options' cells are percentages, not counts: each row's add up to 100 (a "
            "table of each place's shares, which add up to no whole: its places differ in "
            "size); read the table of votes the publisher gives beside it",
        )
        return [""] * len(odd["votes"])
    for line, column, value in zip(odd["line"], odd["column"], odd["votes"], strict=True):
        if not value.strip() or value.strip() in NO_FIGURE:
            # An option not on this row's ballot; a dash or `NA` says so too (R's exports: a
            # polling station of no result, `NA` in every column). An `x` stays a cell to check.
            out.append("")
            continue
        try:
            out.append(str(parse_votes(value, decimal, decimal_given=given, near_whole=near)))
            first = first or ((line, near[0]) if near else None)
        except NumberError as exc:
            named = table.header[column] if column < len(table.header) else ""  # ragged row
            advice = ""
            if line in shares:
                # Ohio's `Percentage of Votes` under its `Total` row: fractions in every column
                # (said on each: the problems are listed by column).
                advice = (
                    f"; line {line} is a row of shares, not of counts (its {shares[line]} cells "
                    "that are no whole number are all fractions): delete the line"
                )
            elif named and column not in advised and _figure(value):
                # A column of shares, ratios or differences (`per_gop`, `diff`) read as an option.
                advised.add(column)
                advice = (
                    f"; if {named!r} holds no option's votes (a share, a ratio, a difference), "
                    f"leave it out: --ignore-column {shlex.quote(named)}"
                )
            found.add(Code(exc.code), line, str(exc) + advice, column=named or None)
            out.append("")
    if first is not None:
        table.notes.append(near_whole_note(len(near), *first))
    return out


def share_lines(lines: Iterable[int], values: Iterable[str]) -> dict[int, int]:
    """The lines whose cells that are no plain digits (`vote_cells`' odd ones) are all fractions
    between 0 and 1 (`0.5066`), two or more: a row of shares, by the number of such cells; at
    most two such lines (a share row under a total row, or two), else none."""
    count: dict[int, int] = {}
    other: set[int] = set()
    for line, value in zip(lines, values, strict=True):
        text = value.strip()
        if not text or text in NO_FIGURE:
            continue
        try:
            fraction = 0 < float(text) < 1
        except ValueError:
            fraction = False
        if fraction:
            count[line] = count.get(line, 0) + 1
        else:
            other.add(line)
    found = {line: n for line, n in count.items() if n >= 2 and line not in other}
    return found if len(found) <= 2 else {}  # (a table of shares throughout is no such row)


# A percentage as tables of shares write it: `19,27`, `0.00`, `7 %` (a count has no fraction).
_PERCENT: Final[re.Pattern[str]] = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s*%?")


def percent_rows(lines: Iterable[int], values: Iterable[str]) -> int | None:
    """The first line of a table whose option cells that are no plain digits (`vote_cells`'
    odd ones) are all percentages, some with a fraction, each row's adding up to 100 (give or
    take rounding) in half the rows or more (two at least) and over it in none; None when some
    cell or row is no such share. (A whole share is plain digits, not among them: Lyon's `31` for
    a candidate with 31 % leaves its row short of 100.)"""
    sums: dict[int, float] = {}
    fraction = False
    for line, value in zip(lines, values, strict=True):
        text = value.strip()
        if not text or text in NO_FIGURE:
            continue
        if _PERCENT.fullmatch(text) is None:
            return None
        number = text.rstrip("% ").replace(",", ".")
        fraction = fraction or "." in number
        sums[line] = sums.get(line, 0.0) + float(number)
    whole = sum(1 for total in sums.values() if abs(total - 100) <= 1)
    if len(sums) < 2 or not fraction or whole < 2 or 2 * whole < len(sums):
        return None
    return min(sums) if all(total <= 101 for total in sums.values()) else None


def _figure(text: str) -> bool:
    """Whether a cell is a figure, if no count (`0.27`, `-2300`): not a word (`(D)`, `NA`)."""
    try:
        float(text.strip().replace(",", "."))
    except ValueError:
        return False
    return True


def fact_value(
    table: RawTable, columns: list[int], cells: list[str], line: int, found: Found
) -> str:
    """A row's protocol line for a fact given by `columns` (of the option's variant, else of none),
    the parts of a fact added up."""
    if not columns:
        return ""
    if len(columns) == 1:
        return cells[columns[0]]
    total = 0
    for index in columns:
        text = cells[index].strip()
        if not text:
            return ""
        if len(text) <= 10 and text.isascii() and text.isdigit():
            total += int(text)  # plain digits, under MAX_VOTES: as parse_votes reads them
            continue
        try:
            total += parse_votes(text, ".", decimal_given=False)
        except NumberError as exc:
            found.add(Code(exc.code), line, str(exc), column=table.header[index] or None)
            return ""
    return str(total)


@dataclass
class _Election:
    region: Any  # each unit's region, a code into `ColumnFacts.regions`, in line order
    lines: Any  # each unit's line
    counts: dict[str, tuple[Any, list[str]]]  # count → each unit's code and the distinct texts


@dataclass
class ColumnFacts(UnitFacts):
    """`UnitFacts` of a wide table's elections, by column (see the module's docstring)."""

    regions: list[str] = field(default_factory=list)
    by_election: dict[str, _Election] = field(default_factory=dict)

    def keep_columns(
        self, election: str, region: Any, lines: Any, counts: dict[str, tuple[Any, list[str]]]
    ) -> None:
        """An election's units: their regions (codes) and lines, in line order, and each count's
        codes (`codes_of`) and texts; one unit per row, none given twice."""
        self.by_election[election] = _Election(region, lines, counts)

    def register(self, unit: UnitKey) -> list[str | int | None]:
        if unit[0] in self.by_election:
            # Every unit of a column-wise election is known: one of its rows (its records name no
            # unit or its row's region).
            return [None] * (2 * len(UNIT_FACTS))
        return super().register(unit)

    def given(self, election: str) -> Iterator[tuple[str, dict[str, Given]]]:
        kept = self.by_election.get(election)
        if kept is None:
            yield from super().given(election)
            return
        keys = [key for key in UNIT_FACTS if key in kept.counts]
        codes = [kept.counts[key][0].tolist() for key in keys]
        texts = [kept.counts[key][1] for key in keys]
        for at, (region, line) in enumerate(
            zip(kept.region.tolist(), kept.lines.tolist(), strict=True)
        ):
            yield (
                self.regions[region],
                {
                    key: (texts[k][codes[k][at]], line)
                    for k, key in enumerate(keys)
                    if codes[k][at] >= 0
                },
            )

    def by_region(self, election: str, number_of: NumberOf) -> Tables | None:
        kept = self.by_election.get(election)
        if kept is None or not len(kept.region):
            return None
        import numpy as np

        region, lines = kept.region, kept.lines
        size = len(self.regions)
        present, first = np.unique(region, return_index=True)
        order = present[np.argsort(first)].tolist()
        per_region = np.bincount(region, minlength=size).tolist()
        totals: dict[str, dict[str, int]] = {self.regions[r]: {} for r in order}
        giving: dict[str, dict[str, list[int]]] = {self.regions[r]: {} for r in order}
        units = {self.regions[r]: per_region[r] for r in order}
        # (first unit giving it, count's place, region, count, units giving it, first line, sum)
        found: list[tuple[int, int, int, str, int, int, int]] = []
        for slot, key in enumerate(UNIT_FACTS):
            if key not in kept.counts:
                continue
            codes, texts = kept.counts[key]
            given = np.flatnonzero(codes >= 0)
            if not len(given):
                continue
            numbers = []
            for text in texts:
                number = number_of(key, text) if text else 0
                if isinstance(number, ValidationError) or type(number) is not int:
                    return None  # named line by line (`given`)
                numbers.append(number)
            if max(numbers, default=0) > (1 << 62) // len(given) or min(numbers, default=0) < 0:
                return None  # Python's integers, unit by unit
            values = np.asarray(numbers, dtype=np.int64)[codes[given]]
            where = region[given]
            if int(values.sum()) < _EXACT_FLOAT:
                sums = np.bincount(where, weights=values, minlength=size).astype(np.int64)
            else:
                sums = np.zeros(size, dtype=np.int64)
                np.add.at(sums, where, values)
            counted = np.bincount(where, minlength=size)
            giving_regions, at = np.unique(where, return_index=True)
            for r, unit in zip(giving_regions.tolist(), given[at].tolist(), strict=True):
                found.append((unit, slot, r, key, int(counted[r]), int(lines[unit]), int(sums[r])))
        found.sort(key=lambda item: (item[0], item[1]))
        met = []
        for _, _, r, key, count, line, total in found:
            name = self.regions[r]
            totals[name][key] = total
            giving[name][key] = [count, line]
            met.append((name, key))
        return totals, giving, units, met
