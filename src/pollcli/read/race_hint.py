"""A column pollcli does not read whose values tell races apart: `Position,candidate,votes` with
`Mayor` and `Clerk` rows, read as one race, added the mayor's and the clerk's candidates together
("Ann leads with 31.25 %" of both races' votes), with only "Ignored column(s): 'Position'" said.

Header words name most race columns (`columns.RACE_ALIASES`); this looks at the others, in the
file's first rows (`preamble.HEAD_LINES`, what both engines have at the header), and in every row
on the exact engine (a file of under a megabyte, or one it reads whole): an ignored column
whose values split the candidates into groups that share none — two groups of two candidates or
more — is named in a `race-split` warning with what to do; so is a place column (region or unit)
that does, as a race's candidates stand in each of its places (a `Ward` column of each ward's
council race is no ward of one race). It is only a warning: a column of
yes/no, of sexes or of results (`Elected`, `Defeated`) splits candidates too, and those words are
left out here; others may be, so the file is read as asked — but its race names no winner and
measures no margin (`unkeyed`: "a runoff between Ann and Dee" was the mayor's leader and the
clerk's), until --race-by or --ignore-column says what the column is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from typing import Any, Final

from pollcli.columns import RACE_PREFIX
from pollcli.dataclass import dataclass
from pollcli.namekeys import option_key
from pollcli.problems import Code, Found
from pollcli.read.arrowcodes import encoded

# Values of columns that split a race's candidates without being races: yes/no flags, sexes,
# results, incumbency, kinds of list (as `option_key` writes them).
_NO_RACE_WORDS: Final[frozenset[str]] = frozenset(
    {"y", "n", "yes", "no", "true", "false", "t", "f", "0", "1", "x", "m", "w", "male", "female"}
    | {"elected", "defeated", "won", "lost", "winner", "loser", "incumbent", "challenger", "i"}
    | {"not elected", "re elected", "open", "d", "r"}
    # A round's outcome (review: `result` of `Runoff`/`Eliminated` withheld the runoff it names).
    | {"runoff", "run off", "second round", "advances", "advanced", "advance", "eliminated"}
    | {"out", "nominated", "not nominated", "lead", "leading", "trailing", "withdrawn"}
    # Ballot or write-in, a candidate's type (review: `cand_type` of one race, `Ballot` in its
    # first rows and `Write-In` after them, was named as races).
    | {"ballot", "write in", "writein", "write ins", "qualified", "certified", "official"}
    # The kind of a list (Público's Portuguese local results: `party_type` of `PoliticalParty`,
    # `Coalition` or `GroupCitizen`, each list of one kind only, was named as the races' column).
    | {"coalition", "politicalparty", "political party", "party", "groupcitizen", "citizen group"}
    | {"citizens group", "group of citizens", "independent", "alliance", "coligação", "partido"}
    | {"grupo de cidadãos", "gce", "coalición", "coalizione", "partito", "parti", "partei"}
)
# Candidates each of two groups at least must hold.
_GROUP: Final[int] = 2


@dataclass
class _Split:
    """One column's values against the candidates met under them, in file order."""

    keys: dict[str, str]  # each name's key, made once (shared by the columns)
    groups: dict[str, list[str]] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)
    mixed: bool = False  # a candidate under two values: no race's

    def see(self, value: str, candidate: str) -> bool:
        """Take one row's cells; False once the column is no race's."""
        value, candidate = value.strip(), candidate.strip()
        if self.mixed or not value or not candidate or (value, candidate) in self.seen:
            return not self.mixed
        self.seen.add((value, candidate))
        key = self.keys.get(candidate)
        if key is None:
            key = self.keys[candidate] = option_key(candidate)
        if self.where.setdefault(key, value) != value:
            self.mixed = True
            return False
        self.groups.setdefault(value, []).append(candidate)
        return True

    def splits(self) -> bool:
        """Whether its groups share no candidate, two of them of two candidates or more, and
        its values are no yes/no, sex or result words."""
        full = [g for g in self.groups.values() if len(g) >= _GROUP]
        words = any(option_key(v) in _NO_RACE_WORDS for v in self.groups)
        return not self.mixed and len(full) >= 2 and not words


def _splits(rows: Sequence[list[str]], indexes: Sequence[int], name: int) -> dict[int, _Split]:
    """Each column's split over `rows`, read up to its first candidate under two values."""
    keys: dict[str, str] = {}
    splits = {}
    for index in indexes:
        split = splits[index] = _Split(keys)
        for cells in rows:
            if max(index, name) < len(cells) and not split.see(cells[index], cells[name]):
                break
    return splits


def race_column(
    header: Sequence[str], rows: Sequence[list[str]], ignored: Sequence[int], name: int
) -> tuple[int, dict[str, list[str]]] | None:
    """The first ignored column whose values split the rows' candidates into groups that share
    none, and its groups (value → candidates, in file order); None when no column does."""
    for index, split in _splits(rows, ignored, name).items():
        if split.splits():
            return index, split.groups
    return None


def check(
    header: Sequence[str], line: int, rows: Sequence[list[str]], unread: Sequence[int],
    columns: dict[int, str], found: Found,
) -> None:  # fmt: skip
    """A `race-split` warning for an unread column (or a place column) whose values in `rows` tell
    races apart, in a file of no race key; none where one was said already. The header's stage
    reads the head; the exact engine then reads every row, for a file whose first races fill its
    head (the mayor's 64 rows before the clerk's)."""
    targets = _targets(unread, columns, found)
    if targets is not None:
        hinted = race_column(header, rows, targets[1], targets[0])
        _warn(header, line, hinted, columns, found)


def _targets(
    unread: Sequence[int], columns: dict[int, str], found: Found
) -> tuple[int, list[int]] | None:
    """The candidate column and the columns to look at (unread, then place columns), in a file
    of no race key whose races no column was said to split yet; None otherwise."""
    name = next((i for i, c in columns.items() if c == "candidate"), None)
    keyed = any(c in ("election", "office") or c.startswith(RACE_PREFIX) for c in columns.values())
    if name is None or keyed or any(p.code == Code.RACE_SPLIT for p in found.items):
        return None
    return name, [*unread, *(i for i, c in columns.items() if c in ("region", "unit"))]


def _warn(
    header: Sequence[str], line: int, hinted: tuple[int, dict[str, list[str]]] | None,
    columns: dict[int, str], found: Found,
) -> None:  # fmt: skip
    if hinted is not None:
        said = warning(header, *hinted, place=columns.get(hinted[0]) in ("region", "unit"))
        found.warn(Code.RACE_SPLIT, line, said, column=header[hinted[0]])


@dataclass
class RaceWatch:
    """The streaming engine's look at every row (the exact engine has them at hand): the columns
    the head leaves open — no candidate under two of their values, none split yet (a `Position`
    column of the mayor's rows only) — read by the workers with the names (`blocks.Layout.races`),
    each block's distinct (value, name) pairs in row order (`of_block`), taken in file order on
    the main thread (`add`; a block read by the exact stages row by row: `add_row`), and judged
    once the file is summed (`check`), as `check` judges the exact engine's rows."""

    name: int = -1
    splits: dict[int, _Split] = field(default_factory=dict)  # none: nothing is watched

    def of_block(self, rows: Any, np: Any) -> list[tuple[int, list[bytes], list[bytes]]]:
        """Per open column, the block's distinct (value, name) pairs in row order (on a worker;
        `rows` its pyarrow table, the cells as bytes)."""
        if not self.splits:
            return []
        name_codes, texts = encoded(rows.column(f"c{self.name}"), np)
        width = max(len(texts), 1)
        pairs = []
        for index, split in list(self.splits.items()):
            if split.mixed:  # (set on the main thread: a column given up reads no more)
                continue
            codes, cells = encoded(rows.column(f"c{index}"), np)
            joint = codes.astype(np.int64) * width + name_codes
            # Each pair's first row: written from the last row back, the first write stays.
            first = np.full(max(len(cells), 1) * width, len(joint), dtype=np.int64)
            first[joint[::-1]] = np.arange(len(joint) - 1, -1, -1, dtype=np.int64)
            distinct = np.flatnonzero(first < len(joint))
            distinct = distinct[np.argsort(first[distinct], kind="stable")]
            pairs.append(
                (index, [cells[v] for v in distinct // width], [texts[n] for n in distinct % width])
            )
        return pairs

    def add(self, pairs: list[tuple[int, list[bytes], list[bytes]]]) -> None:
        """A block's pairs, in file order."""
        for index, values, names in pairs:
            split = self.splits[index]
            for value, name in zip(values, names, strict=True):
                if not split.see(value.decode("utf-8", "replace"), name.decode("utf-8", "replace")):
                    break

    def add_row(self, cells: list[str]) -> None:
        """A row of a block read by the exact stages."""
        for index, split in self.splits.items():
            if max(index, self.name) < len(cells):
                split.see(cells[index], cells[self.name])

    def check(
        self, header: Sequence[str], line: int, columns: dict[int, str], found: Found
    ) -> None:
        """The `race-split` warning of the first open column that splits the file's candidates."""
        hinted = next(((i, s.groups) for i, s in self.splits.items() if s.splits()), None)
        _warn(header, line, hinted, columns, found)


def watch(
    head: Sequence[list[str]], unread: Sequence[int], columns: dict[int, str], found: Found
) -> RaceWatch:
    """What the streaming engine's workers watch for races under a column (`RaceWatch`): the
    columns the head leaves open, from the file's start; none when none is (or a race key is
    read, or a column was said to split already)."""
    targets = _targets(unread, columns, found)
    if targets is None:
        return RaceWatch()
    name, indexes = targets
    opened = [i for i, split in _splits(head, indexes, name).items() if not split.mixed]
    keys: dict[str, str] = {}
    return RaceWatch(name, {i: _Split(keys) for i in opened})


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
