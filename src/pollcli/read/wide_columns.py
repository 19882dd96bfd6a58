"""A wide table's columns of counts that are no options: a total of each row's options, and the
rows a naming column left out would tell apart.

A commission's table often ends with the row's total (`TOTAL_BOLETAS`, `TOTAL_VOTOS`, `Votos
totales`, `Gesamt`, `Итого`). Read as an option, it "leads" with half of all votes. A column is a
total when its header says so (a total word as the whole header, or as its first or last words;
not where every option's header does, the publisher's prefix: Peru's `total_fp`, `total_pl`), or
when it holds the sum of the other options of its row in every row (of its variant, in a header over
several rows) and the rows show it beyond chance: an option holds half of its row's votes by chance
about once in that many votes, so the column's cells in different rows (that sum two options or more
that are not 0) must multiply to 10,000 or more (one row of 10,000 votes, two of 100 each…). With less
to go on (`lab` with 2 of 4 votes in a row or two) it stays an option, with a note naming
`--ignore-column`. It is set aside with a note, never an option: its cells go on to the totals stage as
a total option of their row (`totals.set_aside`), which checks each against the other options and
warns where it differs. A header that names a fact (`Total votes`, `Total ballots cast`, `Total
registered`) is read as that fact by the layout stage (`protocol`), before any of this.

A wide table's rows are places: when the naming columns leave two rows named alike (`ENTIDAD` with
`AGUASCALIENTES` once per district), the options would be listed twice in one place. One error says
so, and which column would tell the rows apart (`--id-columns ENTIDAD,DISTRITO`).
"""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from pollcli.columns import normalize_header
from pollcli.kinds import name_key as kind_key
from pollcli.numbers import NumberError, parse_votes
from pollcli.problems import Code, Found
from pollcli.read.layout import Plan, level0, variant
from pollcli.read.roles import MODE_WORDS
from pollcli.read.total_words import name_key, says_total, subtotal_of
from pollcli.read.vest import groups_shown, ignore_flag
from pollcli.read.votes_words import VOTES_WORDS

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.options import ReadOptions
    from pollcli.read.wide_places import Place

Row = tuple[int, list[str]]
# A total by its figures sums at least this many other options (a column equal to the one other
# option is a copy, not a total).
PARTS_AT_LEAST: Final[int] = 2
# Words a subtotal's name holds beside what it adds up (`Total Write-In Votes`), with an s cut.
FILLER: Final[frozenset[str]] = frozenset({"vote", "voto", "of", "for", "all", "the"})
# A total by its figures only where its cells in different rows (that sum two options or more that
# are not 0) multiply to this much: the odds against an option at half of every row's votes.
BEYOND_CHANCE: Final[int] = 10_000
# Rows looked at first for a column of sums (all of them then for the one found).
SAMPLE_ROWS: Final[int] = 500
# How many lines an error names before "and N more".
SHOWN: Final[int] = 8


def total_columns(
    table: RawTable, plan: Plan, rows: Sequence[Row], options: ReadOptions
) -> tuple[dict[int, str], list[int]]:
    """The option columns that are totals of their row's options, each with why (for the note);
    none that `--kind` names (a party called so); and the columns that may be totals, read as
    options (too few rows show them as the sum of the others).

    A total by its header that holds the options and the invalid ballots (and blank ones) in
    every row, not the options alone, is the ballots cast (Mexico's `TOTAL_VOTOS` beside `VOTOS
    NULOS`): it becomes that fact of the plan, as a `ballots cast` header would."""
    if plan.blocks is not None:
        return {}, []
    given = frozenset(options.kind_keys())
    free = [i for i in plan.options if kind_key(level0(table, i)) not in given]
    found = {
        i: "by its header"
        for i in free
        if says_total(level0(table, i)) and not _subtotal(table, i, plan.options)
    }
    if len(found) == len(free) > 1 and _prefixed(table, plan, free):
        found = {}  # every option's header says so: the publisher's prefix (`total_fp`, `total_pl`)
    groups: dict[str, list[int]] = {}
    for i in plan.options:
        if i not in found:
            groups.setdefault(variant(table, i), []).append(i)
    for i in list(found):
        if _ballots_cast(table, plan, i, groups.get(variant(table, i), []), rows, options):
            del found[i]
            plan.options.remove(i)
            plan.facts[("ballots_cast", variant(table, i))] = [i]
    maybe: list[int] = []
    for columns in groups.values():
        index, sure = _sum_column(columns, rows, options)
        if index is not None and index in free:
            if sure:
                found[index] = "it holds the sum of the other options in every row"
            else:
                maybe.append(index)
    return found, maybe


def _prefixed(table: RawTable, plan: Plan, columns: Sequence[int]) -> bool:
    """Whether the total word every option's header begins with is the publisher's prefix: a
    column of the valid votes has it too (`total_validos`), or what follows it in each header is
    no votes word, year or way of voting (`total_fp`, `total_frente_azul`). Columns of totals
    alone are no options: `Total Votes 2016,Total Votes 2020` was read as a race between them
    ("Total Votes 2020 leads … wins outright"), as `Total Early,Total Election Day` was."""
    if any(fact == "total_votes" for fact, _ in plan.facts):
        return True
    for index in columns:
        words = name_key(level0(table, index)).split()
        rest = words[1:] if words and words[0] in ("total", "totals") else []
        if not rest or "_".join(rest) in MODE_WORDS:
            return False
        if any(w in VOTES_WORDS or w in MODE_WORDS or w in _MODE_PARTS or _year(w) for w in rest):
            return False
    return True


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


# Words of ways of voting beside `roles.MODE_WORDS`' whole names (`Total Mail`, `Total In Person`).
_MODE_PARTS: Final[frozenset[str]] = frozenset({"mail", "day", "person", "postal", "evm"})


def differs(frame: Any, table: RawTable, totals: dict[int, str]) -> bool:
    """Whether a total column differs from its row's other options (of its variant) in some row
    where it has a figure, told from the melted options (`frame`: row, column, votes in plain
    digits): the rows are then read one by one, not summed per region, for the totals stage to
    name each line where it differs."""
    if not totals or frame.empty:
        return False
    import numpy as np
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    row = np.asarray(frame["row"])
    column = np.asarray(frame["column"])
    votes = np.asarray(pd.to_numeric(frame["votes"]), dtype=np.int64)
    size = int(row.max()) + 1
    present = sorted(set(column.tolist()))
    for index in totals:
        others = [
            c for c in present if c not in totals and variant(table, c) == variant(table, index)
        ]
        parts = np.isin(column, others)
        # (Float sums: exact below 2**53 votes.)
        sums = np.bincount(row[parts], weights=votes[parts], minlength=size)
        mine = column == index
        if bool((sums[row[mine]] != votes[mine]).any()):
            return True
    return False


def _subtotal(table: RawTable, index: int, columns: list[int]) -> bool:
    """Whether a header that says total names what other options name (`Total Write-ins` beside
    `Write-in A`): a subtotal of those (`read/subtotals`), not the total of its row."""
    what = subtotal_of(level0(table, index))
    if what is None:
        return False
    words = {w.rstrip("s") for w in what.split()} - FILLER
    return any(
        words & {w.rstrip("s") for w in name_key(level0(table, i)).split()}
        for i in columns
        if i != index
    )


def _ballots_cast(
    table: RawTable,
    plan: Plan,
    index: int,
    group: list[int],
    rows: Sequence[Row],
    options: ReadOptions,
) -> bool:
    """Whether the total column `index` holds its row's options (`group`) and invalid (and
    blank) ballots in every row, where its variant has invalid ballots and no ballots cast of its
    own; the first rows are looked at first."""
    own = variant(table, index)
    if ("ballots_cast", own) in plan.facts or ("ballots_cast", "") in plan.facts:
        return False
    extra = [
        plan.facts.get((fact, own)) or plan.facts.get((fact, "")) or []
        for fact in ("invalid", "blank")
    ]
    if not extra[0] or any(len(columns) > 1 for columns in extra):
        return False  # (a fact of two lines added up: not looked at here)
    columns = [index, *group, *(c[0] for c in extra if c)]
    for some in (rows[:SAMPLE_ROWS], rows):
        figures = _figures(columns, some, options)
        if figures is None or not bool((figures[:, 0] * 2 == figures.sum(axis=1)).all()):
            return False
        if len(rows) <= SAMPLE_ROWS:
            break
    return True


def _sum_column(
    columns: list[int], rows: Sequence[Row], options: ReadOptions
) -> tuple[int | None, bool]:
    """The one column that holds the sum of the others in every row (blank cells are 0), or None;
    and whether enough different rows show it to call it a total. The first rows are looked at
    first: in nearly every table they show there is none."""
    if len(columns) <= PARTS_AT_LEAST or not rows:
        return None, False
    figures = _figures(columns, rows[:SAMPLE_ROWS], options)
    head = _summing(figures)
    if len(head) == 1 and len(rows) > SAMPLE_ROWS:
        figures = _figures(columns, rows, options)
        head = _summing(figures)
    if len(head) != 1:
        return None, False
    return columns[head[0]], _beyond_chance(figures, head[0])


def _beyond_chance(figures: Any, column: int) -> bool:
    """Whether `column`'s cells in different rows that sum two options or more that are not 0
    multiply to `BEYOND_CHANCE` or more."""
    import numpy as np

    parts = (figures > 0).sum(axis=1) - (figures[:, column] > 0)
    odds = 1
    for row in np.unique(figures[parts >= PARTS_AT_LEAST], axis=0):
        odds *= int(row[column])
        if odds >= BEYOND_CHANCE:
            return True
    return False


def _figures(columns: list[int], rows: Sequence[Row], options: ReadOptions) -> Any:
    """The columns' counts as a matrix of a row per row (blank cells 0), or None when a cell is no
    count (the layout's reading reports it)."""
    import numpy as np

    out = np.zeros((len(rows), len(columns)), dtype=np.int64)
    if not rows:
        return out
    # The rows' cells by column, at once (every row is as wide as the header, or wider).
    by_column = list(zip(*(cells for _, cells in rows), strict=False))
    decimal = options.decimal or "."
    for c, index in enumerate(columns):
        cells = by_column[index] if index < len(by_column) else ("",) * len(rows)
        joined = "".join(cells)
        if all(cells) and joined.isdigit() and joined.isascii() and max(map(len, cells)) < 16:
            # Every cell plain digits, as in nearly every file: converted at C speed.
            out[:, c] = np.fromiter(map(int, cells), dtype=np.int64, count=len(cells))
            continue
        for r, cell in enumerate(cells):
            text = cell.strip()
            if not text:
                continue
            try:
                out[r, c] = parse_votes(text, decimal, decimal_given=options.decimal is not None)
            except NumberError:
                return None
    return out


def _summing(figures: Any) -> list[int]:
    """The columns of `figures` that hold the sum of the others in every row (twice such a cell is
    its row's sum), and somewhere sum at least two options that are not 0 (else it may copy one)."""
    if figures is None:
        return []
    whole = figures.sum(axis=1)
    filled = (figures > 0).sum(axis=1)
    return [
        c
        for c in range(figures.shape[1])
        if bool((figures[:, c] * 2 == whole).all())
        and bool(((filled - (figures[:, c] > 0)) >= PARTS_AT_LEAST).any())
    ]


def maybe_note(table: RawTable, maybe: list[int]) -> str:
    """The note that says which columns hold the sum of the others in too few rows to be sure."""
    said = ", ".join(repr(level0(table, i)) for i in maybe)
    written = ",".join(table.header[i] for i in maybe)  # (as --ignore-column takes them)
    return (
        f"{said} holds the sum of the other options in every row, but of too few votes to tell "
        f"a total from an option with half of them: read as an option. If it is each row's "
        f"total, give --ignore-column {shlex.quote(written)}."
    )


def totals_note(table: RawTable, totals: dict[int, str]) -> str:
    """The note that says which columns are totals, and why."""
    said = "; ".join(f"{level0(table, i)!r} ({why})" for i, why in totals.items())
    many = len(totals) > 1
    return (
        f"Read as the total of each row's options, not as {'options' if many else 'an option'}: "
        f"{said}; set aside and checked against the options."
    )


def repeated_rows(
    table: RawTable,
    plan: Plan,
    rows: Sequence[Row],
    region: Place | None,
    found: Found,
    skip: frozenset[int] = frozenset(),
) -> set[int]:
    """The lines of rows named as an earlier row is (the naming columns do not tell them apart):
    one error naming them, and the column that would tell them apart (`--id-columns`). `skip`: the
    lines of total rows."""
    if region is None or not region.indexes:
        return set()
    by_line = dict(rows)

    def filled(line: int) -> set[int]:
        cells = by_line[line]
        return {i for i in plan.options if i < len(cells) and cells[i].strip()}

    first: dict[str, int] = {}
    again: list[tuple[int, int]] = []
    for line, cells in rows:
        name = region.of(cells, line)
        if line in skip or not name:
            continue
        if name not in first:
            first[name] = line
        elif filled(line) & filled(first[name]):
            # (Rows of one name with no option in common are apart races of one place.)
            again.append((line, first[name]))
    if not again:
        return set()
    line, earlier = again[0]
    named = [table.header[i] for i in plan.ids]
    telling = _telling_column(table, plan, rows, region)
    if telling is not None:
        flag = "--id-columns " + shlex.quote(",".join([*named, table.header[telling]]))
        advice = (
            f"if {table.header[telling]!r} tells them apart (read now as "
            f"{'an option' if telling in plan.options else 'no option'}), name the rows with it: "
            f"{flag}"
        )
    else:
        advice = (
            "name the columns that tell them apart with --id-columns COL,…, or remove the "
            "repeated rows"
        )
    lines = [at for at, _ in again]
    shown = ", ".join(f"{n:,}" for n in lines[:SHOWN]) + (
        f" and {len(lines) - SHOWN} more" if len(lines) > SHOWN else ""
    )
    found.add(
        Code.DUPLICATE_OPTION,
        line,
        f"{len(lines):,} row(s) (line{'s' if len(lines) > 1 else ''} {shown}) are named as an "
        f"earlier row is ({region.of(by_line[line], line)!r} on line {earlier:,}, named by "
        f"{', '.join(map(repr, named))}): each row of a wide table is a place of its own, so "
        f"their options would be counted twice there; {advice}",
        column=named[0] if named else None,
    )
    return set(lines)


def _telling_column(table: RawTable, plan: Plan, rows: Sequence[Row], region: Place) -> int | None:
    """The first option column of whole numbers of 3 or more (or unused column: `wide_fit` may leave
    a polling station's number so) that, with the naming columns, names each row once (a district's
    number read as a party; one option left would win every vote: `Vertailuluku`, trial 28)."""
    movable = plan.options if len(plan.options) > 2 else []  # (one option left would win all)
    for index in sorted({*movable, *plan.ignored}):
        seen: set[tuple[str, str]] = set()
        for line, cells in rows:
            cell = cells[index].strip() if index < len(cells) else ""
            key = (region.of(cells, line), cell)
            if not cell.isdigit() or key in seen:
                break
            seen.add(key)
        else:
            return index
    return None


# A round's or an election's suffix on an option column's header (`boric_pv`, `boric_sv`; `_1t`,
# `_2t`; `_2019`): this long at most, so that `partido_socialista` is no suffix.
SUFFIX_AT_MOST: Final[int] = 4
# A column that holds at least the sum of the others of its suffix in this share of the rows
# (with votes) is named in the advice as registered voters or ballots, not an option.
AT_LEAST_SUM: Final[float] = 0.99


def suffixed_rounds(table: RawTable, plan: Plan, found: Found) -> bool:
    """Whether a wide table's options are of several rounds or elections told by their headers'
    suffixes, an error then: Chile's scraped file (`elect_pv`, `boric_pv`… round 1; `boric_sv`,
    `kast_sv`… round 2) was one race of both rounds, `elect_pv` (the registered voters) "leading".
    Groups of two options or more, with two stems or more in common, tell it."""
    if plan.blocks is not None:
        return False
    groups: dict[str, list[int]] = {}
    for i in plan.options:
        stem, _, suffix = normalize_header(table.header[i]).rpartition("_")
        if stem and 0 < len(suffix) <= SUFFIX_AT_MOST:
            groups.setdefault(suffix, []).append(i)
    groups = {s: cols for s, cols in groups.items() if len(cols) >= PARTS_AT_LEAST}
    stems = Counter(
        normalize_header(table.header[i]).rpartition("_")[0]
        for cols in groups.values()
        for i in cols
    )
    shared = sum(1 for n in stems.values() if n >= 2)
    if len(groups) < 2 or shared < 2 or shared < len(groups):
        return False  # (fewer stems than suffixes: `p-fdp`, `w-fdp`… name parties by a measure)
    if _apart(table, list(groups.values())):
        return False
    header = table.header
    shown = groups_shown(header, {f"'_{s}'": cols for s, cols in groups.items()}, SHOWN)
    advice = " or ".join(
        ignore_flag(header, (i for s2, c2 in groups.items() if s2 != s for i in c2)) for s in groups
    )
    found_above = (_at_least_sum(table, cols) for cols in groups.values())
    above = [header[at] for at in found_above if at is not None]
    registered = (
        f"; {', '.join(repr(h) for h in above)} holds at least the sum of the other columns of "
        "its suffix in nearly every row: probably registered voters or ballots cast, not an "
        "option — leave it out too, or rename its header (`registered`, `ballots_cast`)"
        if above
        else ""
    )
    found.add(
        Code.RACE_SPLIT,
        table.header_line,
        f"the option columns are of {len(groups)} rounds or elections, told by their headers' "
        f"suffixes ({shown}), counted as one race they would be added together; read one at a "
        f"time, leaving out the others' columns: {advice}{registered}",
    )
    return True


def _apart(table: RawTable, groups: list[list[int]]) -> bool:
    """Whether each suffix's columns hold votes in rows of their own, not half of another's: a
    district's (Sri Lanka's `IND17-10`), not a round's, counted where the other round is."""
    rows: list[set[int]] = [set() for _ in groups]
    for n, (_, cells) in enumerate(table.records):
        for at, columns in enumerate(groups):
            if any(_some(cells, i) for i in columns):
                rows[at].add(n)
    pairs = [(a, b) for n, a in enumerate(rows) for b in rows[n + 1 :] if a and b]
    return bool(pairs) and all(2 * len(a & b) < min(len(a), len(b)) for a, b in pairs)


def _some(cells: list[str], index: int) -> bool:
    text = cells[index].strip() if index < len(cells) else ""  # (`788636.0`: a float's sum)
    return text.strip("0.") != "" and text.replace(".", "", 1).isdigit()


def _at_least_sum(table: RawTable, columns: list[int]) -> int | None:
    """The column of `columns` that holds at least the sum of the others in nearly every row with
    votes (the registered voters of a round), if one does."""
    counts = dict.fromkeys(columns, 0)
    rows = 0
    for _, cells in table.records:
        values = [_count(cells, i) for i in columns]
        if not any(values):
            continue
        rows += 1
        whole = sum(values)
        for i, value in zip(columns, values, strict=True):
            if 2 * value >= whole:
                counts[i] += 1
    best = max(columns, key=lambda i: counts[i])
    return best if rows and counts[best] >= AT_LEAST_SUM * rows else None


def _count(cells: list[str], index: int) -> int:
    text = cells[index].strip() if index < len(cells) else ""
    return int(text) if text.isdigit() else 0


def lone_variants(table: RawTable, plan: Plan, found: Found) -> bool:
    """Whether a header over several rows reads as labels over variants of one column each, an
    error then: India's booth files read with `--header-line 1-2` (a row of groups, `Total No of
    Electors`, over the columns' own names, `Male`, `1 - IMRAN MASOOD`) made each name an election
    of one or two "options", the groups. Variants label several options each (`Erststimmen`)."""
    if plan.blocks is not None:
        return False
    columns = Counter(variant(table, i) for i in plan.options)
    if "" in columns or len(columns) < 2:
        return False
    lone = [v for v, n in columns.items() if n == 1]
    if len(lone) * 2 <= len(columns):
        return False
    last = table.header_line + table.header_rows - 1
    # Without its top row (Spain's parties' full names over their acronyms over `Votos`), the
    # lowest labels may repeat: the rows under the top one are the header (`Votos` the variant).
    lowest = Counter(table.levels[i][-1] for i in plan.options if len(table.levels[i]) > 2)
    rows = f"{table.header_line + 1}-{last}" if min(lowest.values(), default=1) > 1 else last
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"the header's rows are read as labels over variants, but {len(lone)} of its "
        f"{len(columns)} variants ({', '.join(map(repr, lone[:3]))}…) label one column each: the "
        f"lower row names the columns themselves, under a row of groups; pass --header-line {rows} "
        "to read it as the header",
        column="votes",
    )
    return True
