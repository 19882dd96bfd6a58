"""A votes cell that says its candidate was acclaimed: elected unopposed, with no vote held.

The Library of Parliament's history of federal ridings since 1867 (`History_Federal_Electoral_
Ridings.csv`, one row per candidate: `…,Party,Votes,Votes (%),Elected`) writes `accl.` in the votes
cell of the 622 candidates elected by acclamation — nobody stood against them, so no poll was held —
with the share blank and `Elected` 1. Read as a count, the cell refused 637 races ("not a number;
write digits only", session 17's world trial).

A votes cell that is an acclamation word (`accl.`, `acclaimed`, `by acclamation`, `acclamation`,
French `par acclamation`, `élu par acclamation`, `acclamé`) is read as no votes: 0, and no share
(`taken`), its line kept (`CellReader.acclaimed`) and listed in one note for the file (`note`). In
its race (`races`, over the records, as `read.elected` reads an `Elected` column):

- every candidate acclaimed: the race is won by acclamation, each elected unopposed with no count
  (`tally.Tally.uncounted`: as many candidates as seats, no votes). Two acclaimed in a riding of two
  members (Ottawa 1872) elect two: where no number of seats is stated, their number is the race's;
- an acclaimed candidate beside candidates with votes contradicts itself (an acclaimed candidate
  had no rival): no winner is named, with a note naming the line (`ColumnMap.elected_apart`).

FiveThirtyEight's election results (`election_results_senate.csv`: `…,votes,percent,unopposed,
winner,…`) say it in a column: `unopposed` true on a candidate who ran unopposed, whose votes cell
is blank where the state did not count the race (1976: West Virginia's Byrd, Mississippi's
Stennis). Such a row, its votes and share cells blank, is read as acclaimed too (`unopposed`), with
a note of its own (`unopposed_note`); an `unopposed` row with votes is counted as ever.

No vote is invented: an acclaimed candidate's 0 is the count of a vote not held, and no share,
margin or threshold is given for their race. The streaming engine hands such a file to the exact
engine (`read.stream`), which keeps each row's record.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from pollcli.columns import YES_WORDS
from pollcli.formats import counted, listed

if TYPE_CHECKING:
    from pollcli.read.header import ColumnMap
    from pollcli.read.records import Record


@functools.cache
def _word() -> re.Pattern[str]:
    """Compiled on first use: few files mark a race won by acclamation."""
    return re.compile(
        r"(?:(?:elected|élue?)\s+)?(?:(?:by|par)\s+)?(?:accl\.?|acclaimed|acclamation|acclamée?)",
        re.IGNORECASE,
    )


# How many acclaimed lines the note names before it says "and N more".
SHOWN: Final[int] = 3


def taken(values: dict[str, str]) -> bool:
    """Whether the row's votes cell is an acclamation word; if so, it is read as 0 votes."""
    text = values.get("votes")
    if text is None or text[0].isdigit() or not _word().fullmatch(text):
        return False
    values["votes"] = "0"
    return True


def unopposed(values: dict[str, str], facts: dict[str, str], votes: bool) -> bool:
    """Whether the row is of a candidate the `unopposed` column says ran unopposed, its votes and
    share cells blank: if so, read as 0 votes (a vote not held). `votes`: the file has a votes
    column. The cell is taken out of the facts (it is no election fact)."""
    said = facts.pop("unopposed", "").strip().lower() in YES_WORDS
    if not said or not votes or "votes" in values or "share" in values:
        return False
    values["votes"] = "0"
    return True


def unopposed_note(lines: list[tuple[int, str]], header: str | None) -> list[str]:
    """The file's note on its candidates the `unopposed` column says ran unopposed, uncounted."""
    if not lines:
        return []
    return [
        f"{counted(len(lines), 'candidate')} ran unopposed with no count (the {header!r} column "
        f"says true, the votes cell is blank: no vote was held): {_listed(lines)}. Read with no votes "
        "and no share; a race of such candidates only elects them, unopposed with no count."
    ]


def note(lines: list[tuple[int, str]]) -> list[str]:
    """The file's note on its acclaimed candidates: how many, and the first lines."""
    if not lines:
        return []
    return [
        f"{counted(len(lines), 'candidate')} elected by acclamation (unopposed: no vote was held; "
        f"the votes cell says so): {_listed(lines)}. Read with no votes and no share; a race of "
        "acclaimed candidates only elects them, unopposed with no count."
    ]


def _listed(lines: list[tuple[int, str]]) -> str:
    """The first lines of a note's candidates: `line 12 ('Ann Ash'), … and 3 more`."""
    return listed(lines, SHOWN, lambda line: f"line {line[0]} ({line[1]!r})")


def races(
    records: list[Record], columns: ColumnMap, label: Callable[[Record], str] | None = None
) -> None:
    """Each race of acclaimed candidates: its seats (their number, where none is stated), or no
    winner where an acclaimed candidate stands beside candidates with votes (see the module)."""
    name = (lambda r: r.election) if label is None else label
    acclaimed: dict[str, list[Record]] = {}
    for record in records:
        if record.acclaimed:
            acclaimed.setdefault(name(record), []).append(record)
    if not acclaimed:
        return
    rivals: dict[str, list[Record]] = {}
    for record in records:
        row = record.row
        if (
            record.votes
            and row.kind == "candidate"
            and row.fact is None
            and not record.acclaimed
            and (race := name(record)) in acclaimed
        ):
            rivals.setdefault(race, []).append(record)
    seats: dict[str, int] = {}
    for race, rows in acclaimed.items():
        if race in rivals:
            first, other = rows[0], rivals[race][0]
            # (In place of an `Elected` column's note: its marks are not the top N here.)
            columns.elected_apart[race] = (
                f"{first.row.candidate!r} is said to be acclaimed (line {first.line}: elected "
                f"unopposed, with no vote held) beside candidates with votes ({other.row.candidate!r}"
                f", {other.votes:,} on line {other.line}): the file contradicts itself, so no "
                "winner is named; check those rows."
            )
        elif len(members := {r.row.candidate for r in rows}) > 1:
            seats[race] = len(members)
    if seats:
        for record in records:
            count = seats.get(name(record))
            if count is not None and "vote_for" not in record.facts:
                record.facts["vote_for"] = str(count)
