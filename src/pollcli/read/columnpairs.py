"""Two columns that make one: a name in two columns, and FiveThirtyEight's two party columns;
and the party column naming the options where no candidate column does (`party_options`).

A name in two columns (`Forename`, `Surname`; `Nom`, `Prénom`) is joined, given name first
(`joined_names`).

FiveThirtyEight's `party` beside its `ballot_party` (`race_party`): the race's party and the
candidate's.

FiveThirtyEight's election results (`election_results_presidential.csv`: `…,stage,special,party,
politician_id,candidate_id,candidate_name,ballot_party,…`) have two party columns, both filled in
its presidential file, which was refused whole ("columns 'party' and 'ballot_party' both mean
'party'"). Its README says what each is: `party` "indicates the party of the race. For primaries,
this should read DEM or REP; for non-primaries, this should be blank"; `ballot_party` is the
"party under which the candidate appears on the ballot for this race". A candidate on several
ballot lines has a row for each (New York 2024: Harris DEM and WFP, Trump REP and CRV), which the
races stage adds up once, credited to the main party.

So, where the file also has a `race_id` (which alone tells its races apart, `read.racekeys`: a
primary's write-ins, `W`, and its uncommitted rows, blank, stay in it), `ballot_party` is the
party column and `party` is left unused, with a note; a primary's party still names its race, from
its candidates' ballot party. Without a race id the two remain a `duplicate-label` error.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from typing import Final

from pollcli.columns import RACE_PREFIX, normalize_header
from pollcli.problems import Code, Found


def joined_names(header: list[str], columns: dict[int, str], notes: list[str]) -> dict[int, str]:
    """A name in two columns (`Forename`, `Surname`; `Nom`, `Prénom`) is joined, given name first;
    one of them alone is the candidate column; beside a candidate column they are unused."""
    parts = {c: i for i, c in columns.items() if c in ("given_name", "family_name")}
    present = set(columns.values())
    if "candidate" in present and parts:
        notes.append(
            f"{', '.join(repr(header[i]) for i in parts.values())} left unused: "
            f"{header[next(i for i, c in columns.items() if c == 'candidate')]!r} names the "
            "candidates."
        )
        return {i: c for i, c in columns.items() if c not in parts}
    if len(parts) == 1:
        return {i: "candidate" if c in parts else c for i, c in columns.items()}
    if len(parts) == 2:
        notes.append(
            f"Candidates' names are joined from {header[parts['given_name']]!r} and "
            f"{header[parts['family_name']]!r}, given name first."
        )
    if "alt_name" in present and "candidate" not in present and not parts:
        return {i: "candidate" if c == "alt_name" else c for i, c in columns.items()}
    return columns


def race_party(header: list[str], by_column: dict[str, list[int]], notes: list[str]) -> int | None:
    """The index of `ballot_party` where the `party` columns (`by_column["party"]`) are exactly
    FiveThirtyEight's `party` and `ballot_party` and a race id column is mapped (then `party` is
    set aside with a note, `by_column` updated); else None."""
    named = {normalize_header(header[i]): i for i in by_column.get("party", [])}
    if set(named) != {"party", "ballot_party"} or f"{RACE_PREFIX}race_id" not in by_column:
        return None
    kept, unused = header[named["ballot_party"]], header[named["party"]]
    notes.append(
        f"{unused!r} is left unused: in FiveThirtyEight's layout it is the party of the race (a "
        f"primary's; blank in a general election), which {kept!r} and the race id already give; "
        f"{kept!r} is each candidate's party, one row per ballot line (a candidate's lines are "
        "added up)."
    )
    by_column["party"] = [named["ballot_party"]]
    return named["ballot_party"]


def party_options(
    header: list[str],
    line: int,
    columns: dict[int, str],
    notes: list[str],
    head: Sequence[tuple[int, list[str]]],
    found: Found,
) -> dict[int, str] | None:
    """The columns with the party column naming the options where no candidate column does (a
    party-list result), or None after an error where the column that names the options is blank
    in every row of `head` beside an unused column of names: Boulder County's processed 2013
    results (`…,contest,contest_type,candidate_or_option,party,votes`) named each option by its
    blank `party`, 4,717 errors "the option has no name; fill in the candidate cell", the names
    in `candidate_or_option`, unused."""
    present = set(columns.values())
    if "candidate" not in present and "party" in present and not present & _NAME_PARTS:
        # A party-list result: the parties are the options on the ballot. A name in two columns
        # (`Forename`, `Surname`: `joined_names`) is the candidate's, and the party the party.
        columns = {i: "candidate" if c == "party" else c for i, c in columns.items()}
        notes.append(
            "The options are parties: with no candidate column, the party column names them."
        )
    named = next((i for i, c in columns.items() if c == "candidate"), None)
    if named is None or not head or any(_cell(cells, named) for _, cells in head):
        return columns
    others: dict[int, int] = {}
    for i, label in enumerate(header):
        cells = {_cell(c, i) for _, c in head} - {""}
        if i not in columns and label.strip() and any(any(map(str.isalpha, c)) for c in cells):
            others[i] = len(cells)
    if not others:
        return columns
    if varied := {i: n for i, n in others.items() if n > 1}:  # (names differ: no `coordinated`)
        others = varied
    shown = " or ".join(repr(header[i]) for i in sorted(others, key=lambda i: -others[i])[:3])
    found.add(
        Code.MISSING_COLUMN,
        line,
        f"the options' names are read from {header[named]!r}, blank in each of the first "
        f"{len(head)} rows; if another column names them (here perhaps {shown}), rename its "
        "header to 'candidate' (or give the whole header with --columns, the header line taken "
        "out of the file)",
        column="candidate",
    )
    return None


# The canonical columns of a name in parts (`header.NAME_PARTS`).
_NAME_PARTS = frozenset({"given_name", "family_name", "alt_name"})


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


# A column's round of a count, by its label (`Round 2 / Votes`, `Runde 2`, `Count 3`).
_ROUND: Final[re.Pattern[str]] = re.compile(
    r"\b(round|runde|ronda|rodada|tour|turno|count|stage|etapa)\s*(?:#|no\.?)?\s*(\d+)\b", re.I
)


def duplicate_advice(
    header: Sequence[str], indexes: Sequence[int], column: str
) -> list[tuple[str, str]]:
    """The `duplicate-label` errors of columns `indexes` that all mean `column` (each with the
    column it is about): keep one of each pair; or, where each is a round of its own (`Round 1 /
    Votes`, `Round 2 / Votes`), one error that says the rounds of a ranked-choice count are side by
    side. San Francisco's RCV short report was told to drop `Round 1 / Votes`, then `Round 2 /
    Votes`, until its footnote row was an option with no name."""
    # (One of them may name no round: the first round's `Percentage` under no `Round 1`, the
    # label carried over the columns up to a blank one only.)
    rounds = [m.group(2) for i in indexes if (m := _ROUND.search(header[i]))]
    if len(set(rounds)) > 1 and len(rounds) >= len(indexes) - 1:
        shown = ", ".join(repr(header[i]) for i in indexes[:4]) + ("…" if len(indexes) > 4 else "")
        return [
            (
                header[indexes[1]],
                f"{shown} are the rounds of one ranked-choice count side by side (each round's "
                f"{column}): pollcli reads such a count in long form only, a row per candidate "
                "and round with the round in a column named rcv_round, the final round deciding "
                "the race; write the count so, or give its final round alone (candidate,votes)",
            )
        ]
    said = []
    for index in indexes[1:]:
        first, other = (shlex.quote(header[i]) for i in (indexes[0], index))  # (advice)
        place = (  # a district or constituency twice may be the area each row counts
            f", or, if they name the area each row counts rather than races, --region "
            f"{other} (and --unit COL for the precinct or polling station)"
            if column.startswith(RACE_PREFIX)
            else ""
        )
        said.append(
            (
                header[index],
                f"columns {header[indexes[0]]!r} and {header[index]!r} both mean {column!r}; keep "
                f"one of them (--ignore-column {first}){place}",
            )
        )
    return said
