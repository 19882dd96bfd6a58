"""A column saying who was elected (Sutton Coldfield's town council: `…,Number of Votes,Elected`,
Yes/No, wards of 2–4 seats) is the answer the file gives, never contradicted.

Where the candidates it marks in each race are that race's top N by votes, its Yes count is the
members the race elects (`vote_for`), with a note: a race of two members, both of one party, is no
runoff between them. Where a race's marks are not its top N (a count by another rule, a single
transferable vote's), no winner is named in it (`ColumnMap.elected_apart`, read by `read.races`),
the note naming who the file elects. Where a race's marks are all on the rows of one place that
lists its every candidate, the other places' cells blank (West Virginia's `Totals` rows), those
rows are its marks (`_marking_places`). Cells that are no yes or no, or one candidate marked both
ways, leave the column unused with a note; so do columns beside it that name routes of election
(`ElectedList`, `ElectedElectorate`: New Zealand's MMP table, trial 16), for then it marks members
elected by any route, a list's beside the district's, and its count is no race's seats. Both engines: the streaming engine hands such a file
to the exact engine (`engines.streamable`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from pollcli.columns import YES_WORDS, option_key
from pollcli.problems import Code, Problem
from pollcli.read import coalitions
from pollcli.read.code_options import mark as sum_lines
from pollcli.read.header import ColumnMap
from pollcli.read.listvotes import mark as list_votes
from pollcli.read.preferences import mark as first_preferences
from pollcli.read.records import Record

if TYPE_CHECKING:
    from pollcli.election import Election

NO_WORDS: Final[frozenset[str]] = frozenset({"false", "f", "no", "n", "0", ""})


# `ElectedList`, `Elected_Electorate`, `elected by list`: a header that begins with "elected" and
# names more (a route of election), split at its case changes.
@functools.cache
def _route() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"elected[\W_]*[a-z]{3,}")


def _routes(columns: ColumnMap, header: str) -> list[str]:
    """The other columns whose headers name a route of election beside the `elected` column's."""
    return [
        label
        for label in columns.header
        if label != header
        and _route().fullmatch(re.sub(r"(?<=[a-z])(?=[A-Z])", "_", label.strip()).lower())
    ]


def elected_column(
    records: list[Record], columns: ColumnMap, label: Callable[[Record], str] | None = None
) -> None:
    """Read an `elected` column as the members each race elects (see the module's docstring);
    its cells are taken out of the records' facts either way."""
    if columns.index("elected") is None:
        return
    header = columns.header_of("elected")
    name = (lambda r: r.election) if label is None else label
    marked: dict[str, dict[str, bool]] = {}
    votes: dict[str, dict[str, int]] = {}
    shown: dict[str, str] = {}
    odd: str | None = None
    rows = [(r, r.facts.pop("elected", "").strip().lower()) for r in records]
    # (A count of the unit, registered or ballots cast, is no candidate.)
    rows = [(record, cell) for record, cell in rows if record.row.fact is None]
    places = _marking_places(rows, name)
    for record, cell in rows:
        if record.row.region != places.get(name(record), record.row.region):
            continue  # a part of the place whose rows mark the race (its total): no mark
        race, key = name(record), option_key(record.row.candidate)
        yes = cell in YES_WORDS
        if not yes and cell not in NO_WORDS:
            odd = odd or f"{cell!r} is no yes or no"
        was = marked.setdefault(race, {}).get(key)
        if was is not None and was != yes:
            odd = odd or f"{record.row.candidate!r} is marked both elected and not"
        marked[race][key] = yes
        shown.setdefault(key, record.row.candidate)
        tally = votes.setdefault(race, {})
        tally[key] = tally.get(key, 0) + (record.votes or 0)
    routes = _routes(columns, header or "")
    if odd is not None or routes or columns.present & {"vote_for", "system"}:
        why = odd or "a vote_for or system column says how the race is counted"
        if routes and odd is None:
            why = (
                f"{', '.join(map(repr, routes))} beside it name routes of election (a list's "
                "seats beside a district's), so it marks members elected by any route: no count "
                "of the members a race elects"
            )
        columns.unuse("elected", f"The {header!r} column is left unused: {why}.")
        return
    seats: dict[str, int] = {}
    # A file of single-member races (9 in 10 mark one): a race that marks more is told apart
    # (Malaysia's 2018 BATU, 2 marked where the other 221 mark 1: the winner and a candidate of
    # 383 votes). Not where races elect different numbers (Scotland's wards of 3 and 4 members).
    counts = Counter(sum(m.values()) for m in marked.values() if any(m.values()))
    single = counts[1] * 10 >= 9 * sum(counts.values())
    for race, marks in marked.items():
        count = sum(marks.values())
        if not count:
            continue  # nobody marked: the race says nothing of its members
        apart = _not_top(marks, votes[race], count)
        if apart:
            most = 1 if single else count
            names = ", ".join(repr(shown[k]) for k in apart)
            said = f"marks {names} elected, not among the top {count} by these votes"
            if count > most:
                every = ", ".join(repr(shown[k]) for k, yes in marks.items() if yes)
                said = (
                    f"marks {count} candidates elected ({every}) where {counts[1]:,} of the "
                    f"file's {counts.total():,} races mark 1; {names} {'is' if len(apart) == 1 else 'are'} not among the "
                    f"top {count} by these votes"
                )
            columns.elected_apart[race] = (
                f"The {header!r} column {said}: the race was counted by another rule (an "
                "electoral college, a transferable vote, a tie drawn by lot?)"
                + (", or a mark is wrong" if count > most else "")
                + ", so no winner is named against the file."
            )
        else:
            seats[race] = count
    if not seats:
        return
    for record in records:
        count = seats.get(name(record), 0)
        if count and "vote_for" not in record.facts:
            record.facts["vote_for"] = str(count)
        if count:  # decided by the most votes, no runoff to name (there is no system column)
            record.facts.setdefault("system", "plurality")
    race, count = next(iter(seats.items()))
    where = f" ({count} in {race!r})" if race else f" ({count})"
    given = sorted({places[r] for r in seats if r in places})
    at = f" on the {', '.join(map(repr, given))} rows (their parts' cells blank)" if given else ""
    columns.notes.append(
        f"The {header!r} column is read as the members each race elects: the candidates it "
        f"marks{at}{where}, the top N by votes in each race: elected by the most votes (first "
        "past the post), unless --system says otherwise."
    )


def _marking_places(
    rows: list[tuple[Record, str]], name: Callable[[Record], str]
) -> dict[str, str]:
    """The races whose marks are all on the rows of one place that lists every candidate of the
    race, the cells of its other places blank (West Virginia's OpenElections files since 1950: `TRUE`
    on the `Totals` county's row, blank on the counties'): that place, by race. A place's winner
    marked in each place (marks in several places) is no such race."""
    marking: dict[str, set[str | None]] = {}  # the places of the race's cells that say something
    keys: dict[str, dict[str | None, set[str]]] = {}
    for record, cell in rows:
        race, region = name(record), record.row.region
        keys.setdefault(race, {}).setdefault(region, set()).add(option_key(record.row.candidate))
        if cell:
            marking.setdefault(race, set()).add(region)
    places: dict[str, str] = {}
    for race, said in marking.items():
        (place, *more) = said
        every = set().union(*keys[race].values())
        if not more and place is not None and len(keys[race]) > 1 and keys[race][place] == every:
            places[race] = place
    return places


def _not_top(marks: dict[str, bool], votes: dict[str, int], count: int) -> list[str]:
    """The candidates marked elected with fewer votes than one who is not."""
    best_unmarked = max((votes[k] for k, yes in marks.items() if not yes), default=-1)
    return [k for k, yes in marks.items() if yes and votes[k] < best_unmarked]


def mark(elections: list[Election], columns: ColumnMap, problems: list[Problem]) -> None:
    """No winner named in a race whose marks are not its top N (`elected_column`), with an
    `elected-marks` warning among the file's `problems` (validate said "valid — 0 errors" of
    Malaysia's 2018 file, whose BATU marks two winners). The records of a file of one race name
    no race: theirs is the one election's. Then, in a file of first preferences, none in a race
    whose leader has no majority (`read.preferences`); and a party's list-votes rows beside its
    candidates marked no candidate's (`read.listvotes`)."""
    apart = columns.elected_apart.get("")  # (of the file's one race, or of each: coalitions)
    for election in elections:
        note = columns.elected_apart.get(election.facts.election)
        if note is None and (len(elections) == 1 or apart == coalitions.NOTE):
            note = apart  # (coalitions' columns split every race's candidates' votes)
        if note is not None and election.no_winner is None:
            election.no_winner = note
            election.split_options = note == coalitions.NOTE  # (no column leads a candidate)
        if note is not None and election.no_winner == note and columns.index("elected") is not None:
            problems.append(
                Problem(
                    code=Code.ELECTED_MARKS,
                    severity="warning",
                    file=election.source_file,
                    line=None,
                    column=columns.header_of("elected"),
                    message=note,
                    race=election.race.name if election.race is not None else None,
                )
            )
    first_preferences(elections, columns)
    list_votes(elections)
    options = columns.header_of("candidate") or columns.header_of("party")
    sum_lines(elections, options)  # (a code the others' sum: no leader named from codes)
