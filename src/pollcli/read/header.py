"""The header row → the column contract: which column is the candidate, the votes, the region…

Headers are matched by their words (`pollcli.columns`), case and spacing aside. Columns pollcli does not
use are named in a note, never dropped silently; a missing required column is a problem with a
suggestion when a header looks like a misspelling of it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

from pollcli.columns import ROW_ALIASES, canonical_column, normalize_header
from pollcli.problems import Code, Found


@dataclass(frozen=True)
class ColumnMap:
    """Which canonical column each header cell is (by index), and the header as written."""

    header: list[str]
    line: int
    columns: dict[int, str]
    notes: list[str] = field(default_factory=list)

    def index(self, column: str) -> int | None:
        return next((i for i, c in self.columns.items() if c == column), None)

    def header_of(self, column: str) -> str | None:
        """The header cell as written for a canonical column (for a problem's `column`)."""
        index = self.index(column)
        return None if index is None else self.header[index]

    @property
    def present(self) -> set[str]:
        return set(self.columns.values())

    @property
    def blank(self) -> list[int]:
        """Indexes of columns with no header (their cells must be empty)."""
        return [i for i, label in enumerate(self.header) if not label]


def map_header(
    header: list[str], line: int, found: Found, holds_values: Callable[[int], bool]
) -> ColumnMap | None:
    """The column map of a header row, or None (with problems) when required columns are missing.

    `holds_values(index)` tells whether any row has a value in a column: an empty column under an empty
    header (a trailing delimiter) loses nothing, a filled one is a `blank-label` error.
    """
    columns: dict[int, str] = {}
    notes: list[str] = []
    seen: dict[str, str] = {}
    ignored = []
    for index, raw in enumerate(header):
        if not raw:
            if holds_values(index):
                found.add(
                    Code.BLANK_LABEL,
                    line,
                    f"column {index + 1} has no header but holds values; name it "
                    "(candidate, votes, share, party, kind, region…) or delete it",
                )
            continue
        canonical = canonical_column(raw)
        if canonical is None:
            ignored.append(raw)
            continue
        twice = normalize_header(raw) in {normalize_header(h) for h in seen.values()}
        if canonical == "region" and "region" in seen and "unit" not in seen and not twice:
            # region,precinct: the precinct is a unit within the region, summed into it; the
            # column named `region` is the region whichever comes first.
            if normalize_header(raw) == "region":
                columns = {i: "unit" if c == "region" else c for i, c in columns.items()}
                seen["unit"] = seen.pop("region")
            else:
                canonical = "unit"
        if canonical in seen:
            found.add(
                Code.DUPLICATE_LABEL,
                line,
                f"columns {seen[canonical]!r} and {raw!r} both mean {canonical!r}; keep one of them",
                column=raw,
            )
            continue
        seen[canonical] = raw
        columns[index] = canonical
    if ignored:
        # Expected in wide exports: a note on each election, and a warning in `validate`.
        notes.append(f"Ignored column(s): {', '.join(map(repr, ignored))}.")
        found.warn(
            Code.UNKNOWN_COLUMN,
            line,
            f"column(s) {', '.join(map(repr, ignored))} are not used by pollcli and are ignored",
        )
    present = set(columns.values())
    if "candidate" not in present and "party" in present:
        # A party-list result: the parties are the options on the ballot.
        columns = {i: "candidate" if c == "party" else c for i, c in columns.items()}
        present = set(columns.values())
        notes.append(
            "The options are parties: with no candidate column, the party column names them."
        )
    if {"unit", "share", "votes"} <= present:
        # A precinct's share says nothing the votes do not, and checking it would need every
        # precinct's rows at hand: both engines leave it, and say so.
        share = next(i for i, c in columns.items() if c == "share")
        del columns[share]
        notes.append(
            f"The {header[share]!r} column is left unused: beside a unit column "
            f"({header[next(i for i, c in columns.items() if c == 'unit')]!r}), shares are "
            "computed from the votes of each region and of the election."
        )
    ok = True
    if "candidate" not in present:
        found.add(
            Code.MISSING_COLUMN,
            line,
            "no candidate column (also accepted: name, option, candidate_name); "
            + misspelt(ignored, ("candidate",), "check the header row and the delimiter"),
            column="candidate",
        )
        ok = False
    if "votes" not in present and "share" not in present:
        found.add(
            Code.MISSING_COLUMN,
            line,
            "neither a votes nor a share column (aliases: candidatevotes, vote_count, count / "
            "percent, pct, vote_share); " + misspelt(ignored, ("votes", "share"), "add one"),
            column="votes",
        )
        ok = False
    return ColumnMap(header=header, line=line, columns=columns, notes=notes) if ok else None


def misspelt(headers: list[str], wanted: tuple[str, ...], otherwise: str) -> str:
    """'is … meant to be …' for an unrecognised header close to a name of a missing column."""
    names = {alias: column for column in wanted for alias in ROW_ALIASES[column]}
    for header in headers:
        close = difflib.get_close_matches(normalize_header(header), list(names), n=1, cutoff=0.75)
        if close:
            return f"is {header!r} meant to be {names[close[0]]!r}? rename it"
    return otherwise
