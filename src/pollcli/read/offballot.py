"""Vote cells that say a candidate was not on the ballot in a place, not a count left out.

Mississippi's primary files (OpenElections) write `X` (or `x`) in the vote cell of every candidate of
a race in a precinct or county outside the race's district: some 9,000 cells a file. A blank vote
cell is a count not given (an error, or 0 by `--blank-votes zero`), but such a marker, where every
row of its race (and party, in a party primary) in that place holds one and the place has a count
of another race (it reported), is no vote there: the rows are left out (no option in that place)
and a warning names the word and how many cells. A dash or `NA` is no such marker: a county's `-`
beside the others' counts may be a count not reported yet, and is an error as a blank cell is. Where another
option of the same race has a count in that place, the marker may be a count lost or mistyped (Attala
County's `X` beside two counts in the 2023 primary for House district 27): an error, as a blank
cell is. The exact engine decides over the raw rows before reading them (`off_ballot`); the
streaming engine hands a file with such cells to it (`OffBallot.seen`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Final

from pollcli.columns import RACE_PREFIX
from pollcli.read.header import ColumnMap

# A dash, `NA` or `x` in a vote or share cell is blank (India's `-`; Idaho's `NA`, Mississippi's
# `x`: another district's precinct; a count's `x` is a typo): a blank part counts 0, a blank votes
# cell is an error (or 0 by --blank-votes zero), but where it is not on the ballot (`off_ballot`).
DASHES: Final[frozenset[str]] = frozenset({"-", "–", "—", "‒", "−", "NA", "N/A", "x", "X"})
# What marks a candidate not on a place's ballot: Mississippi's `X`. A dash or `NA` may be a count
# not reported yet (a county's `-` beside the others' counts): never read as no race there.
MARKERS: Final[frozenset[str]] = frozenset({"x", "X"})
# The columns that tell a race and its place apart (with `race:` ones, and the party in a primary).
_PLACE_COLUMNS = frozenset({"region", "unit"})
_GROUP_COLUMNS = frozenset({"election", "office", "district", "mode", "level", *_PLACE_COLUMNS})


@dataclass
class OffBallot:
    """The lines whose marker vote cell is read as not on the ballot there (decided before the
    rows are read), the rows so read (line, word), and whether a marker was met on another line."""

    lines: frozenset[int] = frozenset()
    rows: list[tuple[int, str]] = field(default_factory=list)
    seen: bool = False

    def take(self, line: int, cells: list[str], columns: ColumnMap) -> bool:
        """Whether the row at `line` (its `cells`), of neither votes nor a share, is left out as
        not on the ballot there."""
        votes = columns.index("votes")
        text = cells[votes].strip() if votes is not None and votes < len(cells) else ""
        if line in self.lines:
            self.rows.append((line, text))
            return True
        self.seen = self.seen or text in MARKERS
        return False

    def note(self) -> str | None:
        if not self.rows:
            return None
        words = Counter(word for _, word in self.rows)
        said = " and ".join(f"{w!r} ({n:,})" for w, n in words.most_common())
        count = len(self.rows)
        return (
            f"{count:,} vote {'cell' if count == 1 else 'cells'} of {said} read as not on the "
            "ballot there: every option of their race (and party) holds such a cell in that place, "
            "so the rows are left out, no votes there (such a cell beside another option's count "
            f"is an error); first on line {self.rows[0][0]}."
        )


def off_ballot(
    rows: Sequence[tuple[int, list[str]]],
    columns: ColumnMap,
    party_splits: bool,
) -> frozenset[int]:
    """The lines of `rows` whose vote cell is a marker (`MARKERS`) where every row of their race (and
    party, when `party_splits`) in the same place holds one, the race has a count elsewhere and the
    place a count of another race (it reported: Mississippi's precincts outside a district)."""
    votes = columns.index("votes")
    if votes is None or not rows:
        return frozenset()
    try:
        cells = set(map(itemgetter(votes), map(itemgetter(1), rows)))
    except IndexError:  # (a short row: an error of its own)
        cells = {c[votes] for _, c in rows if len(c) > votes}
    if not any(c.strip() in MARKERS for c in cells):
        return frozenset()
    keyed = [
        index
        for index, column in columns.columns.items()
        if column in _GROUP_COLUMNS
        or column.startswith(RACE_PREFIX)
        or (party_splits and column == "party")
    ]
    places = [n for n, i in enumerate(keyed) if columns.columns[i] in _PLACE_COLUMNS]
    marked: dict[tuple[str, ...], list[int]] = {}
    counted: set[tuple[str, ...]] = set()
    voted: set[tuple[str, ...]] = set()  # places with a count of some race
    for line, row in rows:
        if len(row) <= votes:
            continue
        key = tuple(row[i].strip() if i < len(row) else "" for i in keyed)
        cell = row[votes].strip()
        if cell in MARKERS:
            marked.setdefault(key, []).append(line)
        else:
            counted.add(key)  # (a count, or a blank: the race has a row there that is no marker)
            if cell and cell not in DASHES:
                voted.add(tuple(key[n] for n in places))
    # A race of no count anywhere is not left out whole (Surat's uncontested seat, all dashes), nor
    # a place of no count in any race (a county not reported: its `x` may be no count yet).
    held = {tuple(v for n, v in enumerate(key) if n not in places) for key in counted}
    return frozenset(
        line
        for key, lines in marked.items()
        if key not in counted
        and tuple(v for n, v in enumerate(key) if n not in places) in held
        and tuple(key[n] for n in places) in voted
        for line in lines
    )
