"""A column pollcli does not read whose values tell races apart: `Position,candidate,votes` with
`Mayor` and `Clerk` rows, read as one race, added the mayor's and the clerk's candidates together
("Ann leads with 31.25 %" of both races' votes), with only "Ignored column(s): 'Position'" said.

Header words name most race columns (`columns.RACE_ALIASES`); this looks at the others, in the
file's first rows (`preamble.HEAD_LINES`, what both engines have at the header): an ignored column
whose values split the candidates into groups that share none — two groups of two candidates or
more — is named in a `race-split` warning with what to do; so is a place column (region or unit)
that does, as a race's candidates stand in each of its places (a `Ward` column of each ward's
council race is no ward of one race). It is only a warning: a column of
yes/no, of sexes or of results (`Elected`, `Defeated`) splits candidates too, and those words are
left out here; others may be, so the file is read as asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from pollcli.namekeys import option_key

# Values of columns that split a race's candidates without being races: yes/no flags, sexes,
# results, incumbency (as `option_key` writes them).
_NO_RACE_WORDS: Final[frozenset[str]] = frozenset(
    {"y", "n", "yes", "no", "true", "false", "t", "f", "0", "1", "x", "m", "w", "male", "female"}
    | {"elected", "defeated", "won", "lost", "winner", "loser", "incumbent", "challenger", "i"}
    | {"not elected", "re elected", "open", "d", "r"}
)
# Candidates each of two groups at least must hold.
_GROUP: Final[int] = 2


def race_column(
    header: Sequence[str], head: Sequence[list[str]], ignored: Sequence[int], name: int
) -> tuple[int, dict[str, list[str]]] | None:
    """The first ignored column whose values split the head's candidates into groups that share
    none, and its groups (value → candidates, in file order); None when no column does."""
    for index in ignored:
        groups: dict[str, list[str]] = {}
        where: dict[str, str] = {}
        for cells in head:
            if max(index, name) >= len(cells):
                continue
            value, candidate = cells[index].strip(), cells[name].strip()
            if not value or not candidate:
                continue
            key = option_key(candidate)
            if where.setdefault(key, value) != value:
                break  # a candidate under two values: no race's
            if candidate not in groups.setdefault(value, []):
                groups[value].append(candidate)
        else:
            full = [g for g in groups.values() if len(g) >= _GROUP]
            if len(full) >= 2 and not any(option_key(v) in _NO_RACE_WORDS for v in groups):
                return index, groups
    return None


def warning(header: Sequence[str], index: int, groups: dict[str, list[str]], place: bool) -> str:
    """The `race-split` warning of such a column (`place`: read as the rows' places)."""
    column = header[index]
    read = "is read as places" if place else "is not read"
    shown = "; ".join(
        f"{value!r}: " + ", ".join(map(repr, names[:3])) + (", …" if len(names) > 3 else "")
        for value, names in list(groups.items())[:3]
    )
    return (
        f"column {column!r} {read}, yet its values split the candidates into groups that "
        f"share none ({shown}{'; …' if len(groups) > 3 else ''}): if they are races, they are "
        f"added up as one here. Read them apart with --race-by {column!r}"
        + ("" if place else f"; if they are one race, --ignore-column {column!r} says so")
    )
