"""Where the header is: title lines above it, and a header over several rows.

Election commissions put a copyright line, a licence, a title or a date above the table, and the
Bundeswahlleiterin's `kerg.csv` has five such lines and then a header over three rows (party;
Erststimmen or Zweitstimmen; Vorläufig or Vorperiode), each label written once over the columns it
spans. This stage finds the header among the first lines of the text: the first line as wide as most
lines below it and worded like a header (not numbers), below lines that are not (a line with one
cell, or far fewer than the table's). Rows under it that are worded like a header too and leave the
first cell empty continue it. `--header-line N` (or `N-M` for a header over rows N to M) says where it
is when this cannot tell; the error of a header pollcli cannot read names the line where one seems
to start (`hint`).

`#` front matter is read before all this, as it always was; a file whose first line is its header is
read exactly as before (`locate` returns None).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from pollcli.columns import canonical_column
from pollcli.dataclass import dataclass
from pollcli.read.total_words import is_total_name

# How many lines from the top are looked at for the header.
HEAD_LINES: Final[int] = 64
# How many rows under a header that cannot be read are searched for one (fewer than the streaming
# engine's head holds, so that both engines give the same hint).
HINT_ROWS: Final[int] = 48
# At most this many rows make one header.
MAX_HEADER_ROWS: Final[int] = 4
_NUMBER: Final[re.Pattern[str]] = re.compile(r"[-+(]?\d[\d\s.,'\u00a0\u202f]*%?\)?")


@dataclass(frozen=True)
class Span:
    """Where the header is in the lines looked at: after `skipped` lines, over `rows` rows."""

    skipped: int
    rows: int
    delimiter: str


def cells(line: str, delimiter: str, *, strict: bool = False) -> list[str]:
    """One physical line's cells (a title line is never quoted over several lines). `strict`: a
    line that this delimiter does not split as CSV is one cell (`locate`), unless a quoted cell
    runs on to the next line (an odd number of quotes: a header's `"Number of` / `Votes"`)."""
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=strict), [])
    except csv.Error:
        return cells(line, delimiter) if strict and line.count('"') % 2 else [line]


def _filled(row: Sequence[str]) -> list[str]:
    return [c.strip() for c in row if c.strip()]


def is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell.strip()) is not None


def _worded(row: Sequence[str]) -> bool:
    """A row worded like a header: two named cells at least, and fewer numbers than words."""
    filled = _filled(row)
    numbers = sum(1 for c in filled if is_number(c))
    return len(filled) >= 2 and numbers * 2 < len(filled)


def _like_data(rows: Sequence[tuple[int, Sequence[str]]]) -> bool:
    """A first row shaped like the rows below it (`R1,P4,Ann,Blue,120`): no cell pollcli reads as
    a column, and a figure in a column whose cells below are figures too; a header names its
    columns of figures with words (a wide table's year columns sit beside a `region`)."""
    header = rows[0][1]
    if any(canonical_column(c) for c in header if c.strip()):
        return False
    below = [cells for _, cells in rows[1 : HINT_ROWS + 1]]
    for index, cell in enumerate(header):
        column = [r[index] for r in below if index < len(r) and r[index].strip()]
        if is_number(cell) and column and all(map(is_number, column)):
            return True
    return False


def _continues(row: Sequence[str]) -> bool:
    """A header row under the first: the first cell empty (the columns that name a row have no
    sub-label), some labels, and no figure."""
    filled = _filled(row)
    return bool(row) and not row[0].strip() and bool(filled) and not any(map(is_number, filled))


def _names_at_foot(row: Sequence[str], above: Sequence[Sequence[str]]) -> bool:
    """A header row under the first whose first cells are names written at the foot of cells
    merged down (Spain's `Nombre de Comunidad`, `Población` … under nothing, then `Votos`,
    `Diputados` under each party): no figure; its labels under labels above, or under nothing
    above at all; one under a label above at least."""
    filled = _filled(row)
    if not filled or any(map(is_number, filled)):
        return False
    grid = _grid([*above, row], trim=False)
    over = [any(r[i] for r in grid[:-1]) for i in range(len(grid[-1]))]
    labels = [i for i, cell in enumerate(grid[-1]) if cell]
    return any(over[i] for i in labels) and bool(labels) and not over[labels[0]]


def _has_gaps(row: Sequence[str]) -> bool:
    """Labels written once over several columns leave empty cells between them."""
    seen = False
    gap = False
    for cell in row:
        if cell.strip():
            if gap:
                return True
            seen = True
        elif seen:
            gap = True
    return False


def header_rows(rows: Sequence[Sequence[str]], width: int | None = None) -> int:
    """How many of `rows` (the first being a header row) make the header: the rows under it that
    continue it, or the rows of a header under a row of groups (`grouped`) over a row of figures."""
    if not rows or not _has_gaps(rows[0]):
        return 1
    width = width or len(rows[0])
    count = 1
    while count < min(len(rows), MAX_HEADER_ROWS):
        row = rows[count]
        if len(row) != width or not (_continues(row) or _names_at_foot(row, rows[:count])):
            break
        count += 1
    if count == 1 and len(rows) > 2 and len(rows[1]) == width and grouped(rows[:2]):
        # The names (and the rows that continue them), every column named in some row.
        count = min(1 + header_rows(rows[1:], width), MAX_HEADER_ROWS)
        named = all(any(column) for column in zip(*_grid(rows[:count]), strict=True))
        return count if named and count < len(rows) and any(map(is_number, rows[count])) else 1
    return count


def _grid(rows: Sequence[Sequence[str]], *, trim: bool = True) -> list[list[str]]:
    """A header's rows stripped, as wide as each other; `trim`: without the last columns empty
    in every row."""
    width = max(len(r) for r in rows)
    grid = [[(label(r[i]) if i < len(r) else "") for i in range(width)] for r in rows]
    while trim and width and not any(row[width - 1] for row in grid):
        width -= 1
    return [row[:width] for row in grid]


def _without_share_rows(rows: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """A header's rows without the second when its labels all say percentages, each under a label
    of the first: South Korea's NEC writes `후보자별 득표율 (%)` (shares by candidate) under
    `후보자별 득표수` (votes by candidate), the label of the row of shares under each place's row of
    counts (`wide_places`), not of the columns."""
    if len(rows) < 3:
        return rows
    top, second = _grid(rows[:2], trim=False)
    labels = [(i, label) for i, label in enumerate(second) if label]
    if labels and all("%" in label and top[i] for i, label in labels):
        return [rows[0], *rows[2:]]
    return rows


def grouped(rows: Sequence[Sequence[str]]) -> bool:
    """Whether the first of a header's rows is a row of groups over the columns' own names in the
    second (India's booth files: `Total No of Electors` over `Male, Female, Other, Total No. of
    electors`; a protocol's `Строки протокола` over its lines): the top row's labels written once
    over the columns they span, one of them over two names or more; no figure in either row; the
    names more than the groups, and mostly one column's each (a label under several columns,
    `Erststimmen`, is a variant: the top row then labels the options, over their variants)."""
    rows = _without_share_rows(rows)
    if len(rows) < 2:
        return False
    top, lower = _grid(rows[:2])
    if any(is_number(c) for c in (*top, *lower) if c):
        return False
    starts = [i for i, c in enumerate(top) if c]
    ends = [*starts[1:], len(top)]
    under = [sum(1 for c in lower[s:e] if c) for s, e in zip(starts, ends, strict=True)]
    named = Counter(c for c in lower if c)
    if max(under, default=0) < 2 or sum(named.values()) <= sum(1 for n in under if n):
        return False
    spans = {
        tuple(c for c in lower[s:e] if c)
        for s, e, n in zip(starts, ends, under, strict=True)
        if n > 1
    }
    if len(spans) == 1 and sum(1 for n in under if n > 1) > 1:
        return False  # each label over the same names (`Votos`, `Diputados`): variants
    # Mostly one column's each, counted by columns: Spain's `Votos`, `Diputados` under each of 67
    # parties beside 16 protocol lines of their own are variants, not names under groups.
    return sum(1 for n in named.values() if n == 1) * 2 > sum(named.values())


def split_groups(rows: Sequence[Sequence[str]]) -> tuple[list[str], list[list[str]]]:
    """Each column's group in a header whose first row `grouped` says is a row of groups (its
    top label, carried over the columns it spans; "" for none), and the header's other rows,
    a top label over nothing below (a column's name merged down: `Регион`) moved into them."""
    top, *below = _grid(_without_share_rows(rows), trim=False)
    groups: list[str] = []
    group = ""
    for i, label in enumerate(top):
        if label and not any(row[i] for row in below):
            below[0][i], group = label, ""
            groups.append("")
            continue
        group = label or group
        groups.append(group if any(row[i] for row in below) else "")
    return groups, below


def under_groups(names: Sequence[str], groups: Sequence[str]) -> list[str]:
    """The columns' names, a name that says nothing alone given its group: one under two groups
    (`Male` of the electors and of the voters), or a bare total word: `Voters Turnout / Total`."""
    seen: dict[str, set[str]] = {}
    for name, group in zip(names, groups, strict=True):
        seen.setdefault(name, set()).add(group)
    return [
        f"{group} / {name}"
        if group and name and (len(seen[name]) > 1 or _bare_total(name))
        else name
        for name, group in zip(names, groups, strict=True)
    ]


def _bare_total(name: str) -> bool:
    """A name of one word that names a total (`Total`, `Итого`)."""
    return len(name.split()) == 1 and is_total_name(name)


def party_row(header: Sequence[str], rows: Sequence[Sequence[str]]) -> dict[int, str]:
    """The options' parties, when the first of `rows` (the rows under a one-row header) names them:
    Vermont's `,,,Democratic,Republican,Libertarian,Independent…` under the candidates' names. Its
    first cell is empty, it holds two labels or more and no figure, not all alike (one word under
    every column is a variant, `Erststimmen`), each under a column of its own name (a name over
    several labels is read in variants) that pollcli does not read as a column of its own, over
    figures in the rows below. Empty when not."""
    if not rows or not _continues(rows[0]):
        return {}
    labels = {i: c.strip() for i, c in enumerate(rows[0]) if c.strip()}
    if len(labels) < 2 or len(set(labels.values())) < 2 or len(rows[0]) > len(header):
        return {}
    names = [header[i].strip() for i in labels if i < len(header)]
    if len(set(names)) < len(labels):
        return {}  # a name over two labels (`A` under `Erststimmen` and `Zweitstimmen`): variants
    below = rows[1 : HINT_ROWS + 1]
    for i in labels:
        name = header[i].strip()
        figures = [r[i] for r in below if i < len(r) and r[i].strip()]
        if not name or canonical_column(name) or not figures or not all(map(is_number, figures)):
            return {}
    return labels


def _above(row: Sequence[str], width: int) -> bool:
    """A line above the header: one cell filled (a title, even padded to the table's width by a
    spreadsheet), or a few, fewer than half the table's."""
    filled = len(_filled(row))
    return filled <= 1 or (len(row) < width and filled <= width // 2)


def locate(lines: Sequence[str], delimiters: Sequence[str]) -> Span | None:
    """Where the header is among the first lines of a table (the first is the first line that is no
    front matter), or None when the first line is the header, alone, as in a plain results CSV."""
    best: tuple[tuple[int, int], Span] | None = None
    for delimiter in delimiters:
        # Strictly: a `;` inside quoted cells split by commas (`"Barrow &amp; Furness"`, a 2010
        # UK table with no header) splits no line, and makes no header of two cells.
        rows = [cells(line, delimiter, strict=True) for line in lines if line.strip()]
        blank_before = _blank_positions(lines)
        found = _find(rows)
        if found is None:
            continue
        first, count, score = found
        span = Span(blank_before[first] + first, count, delimiter)
        if best is None or score > best[0]:
            best = (score, span)
    if best is None or (best[1].skipped == 0 and best[1].rows == 1):
        return None
    return best[1]


def locate_rows(rows: Sequence[Sequence[str]]) -> tuple[int, int] | None:
    """`locate` for rows already split into cells (a sheet's non-empty rows, the first being the
    first that is no front matter): how many rows come above the header and how many it spans, or
    None when the first row is the header, alone."""
    found = _find(rows)
    if found is None or (found[0] == 0 and found[1] == 1):
        return None
    return found[0], found[1]


def _find(rows: Sequence[Sequence[str]]) -> tuple[int, int, tuple[int, int]] | None:
    """The header's index among non-blank `rows`, the rows it spans, and how sure (the count and
    width of the rows as wide as most); None when no row is worded like a header below title
    lines."""
    widths = Counter(len(r) for r in rows if len(r) >= 2)
    if not widths:
        return None
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
    first = next((i for i, r in enumerate(rows) if len(r) == width and _worded(r)), None)
    if first is None or count < 2:
        return None
    if not all(_above(r, width) for r in rows[:first]):
        return None
    return first, header_rows(rows[first:], width), (count, width)


def _blank_positions(lines: Sequence[str]) -> list[int]:
    """For each non-blank line, how many blank lines come before it (to count physical lines)."""
    blanks = 0
    out = []
    for line in lines:
        if line.strip():
            out.append(blanks)
        else:
            blanks += 1
    return out


def combine(rows: Sequence[Sequence[str]]) -> tuple[list[str], list[tuple[str, ...]]]:
    """A header over several rows as one: each label carried over the empty cells to its right
    that have a label below them (within the label above it), the levels joined by ' / '; and
    each column's levels."""
    width = max(len(r) for r in rows)
    grid = [[(label(r[i]) if i < len(r) else "") for i in range(width)] for r in rows]
    filled = [row[:] for row in grid]
    for level in range(len(grid)):
        for column in range(1, width):
            below = any(grid[lower][column] for lower in range(level + 1, len(grid)))
            same_parent = level == 0 or all(
                filled[upper][column] == filled[upper][column - 1] for upper in range(level)
            )
            if not filled[level][column] and below and same_parent:
                filled[level][column] = filled[level][column - 1]
    levels = [tuple(filled[level][c] for level in range(len(grid))) for c in range(width)]
    # A label in the lowest row alone, nothing above it, is its column's own name written at the
    # foot of cells merged down (Spain's `Población`, `Total votantes` beside parties over `Votos`,
    # `Diputados`), no variant of an unnamed column.
    levels = [
        (column[-1], *[""] * (len(column) - 1))
        if len(column) > 1 and column[-1] and not any(column[:-1])
        else column
        for column in levels
    ]
    return [" / ".join(part for part in column if part) for column in levels], levels


# The last word of a wide header's columns that tells two votes of one table apart (Germany's
# Landesämter: `CDU_Erststimmen`, `CDU_Zweitstimmen`, `Ungültige_Erststimmen`): each vote is an
# election, as the lower label of a header over two rows is (the Bundeswahlleiterin's).
VOTE_WORDS: Final[frozenset[str]] = frozenset(
    {"erststimmen", "zweitstimmen", "erststimme", "zweitstimme"}
)
_VOTE_SUFFIX: Final[re.Pattern[str]] = re.compile(r"(.+)[\s_]+([^\W_]+)")


def vote_levels(header: Sequence[str]) -> list[tuple[str, ...]]:
    """Each column's levels (its name, then the vote it counts) where a header of one row ends its
    columns in two votes' words at least (`VOTE_WORDS`), each under two columns or more; none
    otherwise."""
    levels: list[tuple[str, ...]] = []
    for cell in header:
        match = _VOTE_SUFFIX.fullmatch(cell.strip())
        if match and match.group(2).casefold() in VOTE_WORDS:
            levels.append((match.group(1), match.group(2)))
        else:
            levels.append((cell.strip(), ""))
    votes = Counter(vote for _, vote in levels if vote)
    return levels if len(votes) >= 2 and min(votes.values()) >= 2 else []


# A title's cell of a label and a colon, its value after it or none (Bogotá's tables by locality:
# `Localidad:SUBA,Votacion:` above rows of a name and a figure, with no header).
_LABEL: Final[re.Pattern[str]] = re.compile(r"[^\W\d_][^:\d]{0,40}:[^:]*")


def label_line(row: Sequence[str]) -> bool:
    """Whether a line is a title of labels (`Localidad:SUBA,Votacion:`): every filled cell a label
    and a colon, one of them ending in its colon (no header's cell does)."""
    filled = _filled(row)
    return (
        bool(filled)
        and all(_LABEL.fullmatch(c.strip()) for c in filled)
        and any(c.strip().endswith(":") for c in filled)
    )


def hint(rows: Sequence[tuple[int, Sequence[str]]]) -> str | None:
    """Where a header seems to start, for the error of a header pollcli cannot read: the first row
    below the header (rows are (line, cells), the header first) worded like a header, with a cell
    pollcli reads as a column (`columns.canonical_column`); or that the header line is figures, not
    a header."""
    # Columns of figures in the first row below the header: a row with figures in each of them
    # is a data row, however worded (Connecticut's `…,write-in,write-in,1,0`), not a header.
    below = rows[1][1] if len(rows) > 1 else []
    figures = [i for i, cell in enumerate(below) if is_number(cell)]
    for line, row in rows[1 : HINT_ROWS + 1]:
        if len(figures) >= 2 and all(i < len(row) and is_number(row[i]) for i in figures):
            continue
        # (A label has a letter: `67.9％`, a turnout's cell, reads as a share column's `%`.)
        named = [i for i, c in enumerate(row) if any(map(str.isalpha, c)) and canonical_column(c)]
        if _worded(row) and named and not _values_again(rows[1:], line, row, named):
            return f"the header seems to start on line {line}: pass --header-line {line}" + (
                " (or N-M for a header over several rows)" if _has_gaps(row) else ""
            )
    if rows and label_line(rows[0][1]) and len(rows) > 1 and any(map(is_number, rows[1][1])):
        shown = ", ".join(repr(c.strip()) for c in _filled(rows[0][1]))
        return (
            f"line {rows[0][0]} ({shown}) is a title, not a header, and the rows below have "
            f"none: name their {len(rows[1][1])} columns in order with --columns (e.g. "
            "--columns candidate,votes), which leaves such a title line out, or add a header line"
        )
    first = _filled(rows[0][1]) if rows else []
    if first and (sum(map(is_number, first)) * 2 >= len(first) or _like_data(rows)):
        return (
            f"line {rows[0][0]} holds figures, not a header: name its {len(rows[0][1])} columns "
            "in order with --columns (e.g. --columns x,region,candidate,party,votes; a name "
            "pollcli does not know, such as x, leaves its column unused), or add a header line"
        )
    return None


def _values_again(
    rows: Sequence[tuple[int, Sequence[str]]], line: int, row: Sequence[str], named: list[int]
) -> bool:
    """Whether each cell of `row` read as a column's name is its column's value on another row:
    a data row's (Nepal's 2022 House results: `Elected` in the `Remarks` column of each winner's
    row was taken for a header's word, "the header seems to start on line 13")."""
    return all(
        any(
            n != line and i < len(cells) and cells[i].strip() == row[i].strip() for n, cells in rows
        )
        for i in named
    )


def header_labels(cells: Sequence[str]) -> tuple[list[str], bool]:
    """A header line's labels, stripped, and whether one is broken over lines in its quotes (Clear
    Ballot's `"Contest \nTitle"`): then each is joined by spaces, as users type it (`--unit
    'Precinct Code'`), and the data does not start on the line after the header's first."""
    broken = any("\n" in c or "\r" in c for c in cells)
    return [" ".join(c.split()) if broken else label(c) for c in cells], broken


def label(cell: str) -> str:
    """A header cell stripped; holding a tab or a line break, each run of its whitespace one space
    (Korea's `"Lee Hoi-chang<TAB>(Grand National)"`); runs of plain spaces stay as written."""
    if "\t" in cell or "\n" in cell or "\r" in cell:
        return " ".join(cell.split())
    return cell.strip()


def header_again(header: Sequence[str], cells: Sequence[str]) -> bool:
    """Whether a data row repeats the header, cell for cell (case and spaces aside): a second table
    starts there (files joined one after another; a results page's contests one under another, each
    under its title and its header, as the Philippines' COMELEC shows them)."""
    named = [(i, label.strip().casefold()) for i, label in enumerate(header) if label.strip()]
    return len(named) > 1 and all(
        i < len(cells) and cells[i].strip().casefold() == label for i, label in named
    )


def header_again_message(header_line: int) -> str:
    """The error of a row that repeats the header (`header_again`) on line `header_line`."""
    return (
        f"the header again (as on line {header_line}): a second table starts here (files joined "
        "one after another, or a page of contests one under another), and pollcli cannot tell "
        "whether its rows are the same race's; save each table as a file of its own (or give "
        "them a race column), or delete the repeated header if the rows are one table's"
    )


def stacked_contests(
    header: Sequence[str], header_line: int, head: Sequence[tuple[int, Sequence[str]]]
) -> tuple[int, str] | None:
    """The first row of `head` that repeats the header under a title (a lone cell of words, the
    nearest line above with a cell): a page of contests one under another, each under its title
    and its header, and what to do (the line, the message). The Philippines' COMELEC results by
    municipality give each contest so, its over- and under-votes in a header and row of their own
    below it: the rows were read as one table, and the first error said "shares add up to
    21268990.12 %: 212690 races read as one?", the repeated header's in the midst of 90 others."""
    above: Sequence[str] = ()
    for line, cells in head:
        if header_again(header, cells):
            title = [c.strip() for c in above if c.strip()]
            if len(title) == 1 and not is_number(title[0]):
                return line, (
                    f"{header_again_message(header_line).split(':')[0]}, under the title "
                    f"{title[0]!r}: a page of contests one under another, each under its title "
                    "and its header, which pollcli does not read as one table; save each contest "
                    "as a file of its own, or write its title in a column (contest) on each of its "
                    "rows, the titles and the repeated headers taken out"
                )
        if any(c.strip() for c in cells):
            above = cells
    return None
