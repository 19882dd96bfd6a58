"""Under and over votes given as columns beside each option's row: Boulder County's statements of
votes (Clear Ballot: `Precinct Code,…,Contest Title,Choice Name,Active Voters,Total Ballots,Total
Votes,Total Undervotes,Total Overvotes`) give each race's under and over votes in each precinct on
every one of its options' rows. They are no option's figures and no one's votes, but a long file
lists them as lines of their own, `Under Votes` (kind `blank`) and `Over Votes` (`invalid`):
read so here, one line per race and precinct after its last row (the first row's cell, the
others repeating it), so that the column form and the long form agree (their share of the
ballots, a race of N votes a ballot told by them: docs/csv-format.md). Before, the columns were
ignored with a note.

The rows of one race and precinct are those of the same cells in the columns that name a race or
a place, or give its counts (`_KEYS`); where the file lists under or over votes as lines already,
or gives no votes column, the columns are left unused, with a note. Read by the exact engine
(`engines.streamable`): the streaming engine sums options, not lines of a race and precinct.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from pollcli.columns import RACE_PREFIX, WHERE_PREFIX, normalize_header
from pollcli.read.reporting import is_reporting

if TYPE_CHECKING:
    from pollcli.read.header import ColumnMap

# Header words of the columns, as `columns.normalize_header` writes them, and the line each is.
LINES: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("total_under_votes", "total_undervotes", "under_votes", "undervotes"), "Under Votes"
    ),
    **dict.fromkeys(
        ("total_over_votes", "total_overvotes", "over_votes", "overvotes"), "Over Votes"
    ),
}
# Names of such lines in a file that lists them (then the columns are not read again).
_LISTED: Final[frozenset[str]] = frozenset(
    f"{word}{gap}{vote}"
    for word in ("under", "over")
    for gap in (" ", "")
    for vote in ("votes", "vote")
)
# Roles whose cells name a race or a place, or give a count of one: equal in the rows of one race
# and precinct (an option's own cells, its name, party or share, differ).
_KEYS: Final[frozenset[str]] = frozenset(
    {"region", "unit", "office", "district", "election", "stage", "round", "date", "seat",
     "special", "mode", "country", "registered", "ballots_cast", "vote_for", "total_votes"}
)  # fmt: skip


def is_line_column(label: str) -> bool:
    """Whether a header cell names a race's under or over votes given beside its options."""
    return normalize_header(label) in LINES


def read_aside(label: str) -> bool:
    """Whether a header cell names a column read aside from the roles of the header, whatever the
    layout: a share of the count reported (`read.reporting`), or under or over votes beside the
    options (`is_line_column`)."""
    return is_reporting(label) or is_line_column(label)


def add_lines(
    records: list[tuple[int, list[str]]], columns: ColumnMap, notes: list[str]
) -> list[tuple[int, list[str]]]:
    """The rows with an `Under Votes` and an `Over Votes` row after the first row of each race and
    precinct (its line's), from the columns `LINES` names; the rows as they are, with a note,
    where none is read (see the module's docstring)."""
    header = columns.header
    given = [(i, LINES[normalize_header(h)]) for i, h in enumerate(header) if is_line_column(h)]
    if not given:
        return records
    said = " and ".join(repr(header[i]) for i, _ in given)
    name, votes = columns.index("candidate"), columns.index("votes")
    if name is None or votes is None:
        notes.append(f"{said} left unused: no candidate and votes columns to list them beside.")
        return records
    if any(_cell(c, name).casefold() in _LISTED for _, c in records):
        notes.append(f"{said} left unused: the file lists its under and over votes as lines.")
        return records
    keys = [
        i
        for i, role in columns.columns.items()
        if role in _KEYS or role.startswith((RACE_PREFIX, WHERE_PREFIX))
    ]
    blank = [i for i in columns.columns if i not in keys and i not in (name, votes)]
    keyed = [tuple(_cell(cells, i) for i in keys) for _, cells in records]
    last = {key: n for n, key in enumerate(keyed)}  # (the lines follow a race's last row there)
    first: dict[tuple[str, ...], list[str]] = {}
    for (_, cells), key in zip(records, keyed, strict=True):
        first.setdefault(key, cells)
    if (differs := _differs(records, keyed, first, given)) is not None:
        notes.append(f"{said} left unused: {differs}")
        return records
    out: list[tuple[int, list[str]]] = []
    for n, ((line, cells), key) in enumerate(zip(records, keyed, strict=True)):
        out.append((line, cells))
        if last[key] != n or not cells:
            continue
        for index, line_name in given:
            figure = _cell(first[key], index)  # (the first row's cell: the others repeat it)
            if not figure:
                continue
            row = list(cells)
            row[name], row[votes] = line_name, figure
            for i in blank:
                if i < len(row):
                    row[i] = ""
            out.append((line, row))
    kinds = " and ".join(
        "a blank line" if n == "Under Votes" else "an invalid line" for _, n in given
    )
    notes.append(
        f"{said} are read as each race's {' and '.join(n for _, n in given)} lines in each place "
        f"({kinds}, as a long file lists them), one per race and place."
    )
    return out


def _differs(
    records: list[tuple[int, list[str]]],
    keyed: list[tuple[str, ...]],
    first: dict[tuple[str, ...], list[str]],
    given: list[tuple[int, str]],
) -> str | None:
    """Where a column's cell differs from the one of the first row of its race and place, what
    says so (its line): such a column is no race's figure repeated on each option's row."""
    for (line, cells), key in zip(records, keyed, strict=True):
        for index, _ in given:
            cell, once = _cell(cells, index), _cell(first[key], index)
            if cell and once and cell != once:
                return (
                    f"line {line} gives {cell!r} where the first row of its race and place gives "
                    f"{once!r}: a race's under or over votes are the same on each of its rows "
                    "there, so these are no race's (list them as rows named Under Votes and Over "
                    "Votes to read them)."
                )
    return None


def _cell(cells: Sequence[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""
