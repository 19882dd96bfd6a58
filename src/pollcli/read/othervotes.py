"""The votes column of a header that names none by a votes word (`read.header`'s fallbacks).

- **A total per row**: with no other votes column, a `total_votes` column is each option's votes
  (Georgia's and India's `total_votes`: the sum of the vote modes), not the race's.
- **First preferences**: a column headed by first-preference words (`first_prefs`, `First
  Preferences`, `1st Pref Votes`), where the header has no votes, total, share or vote-mode column:
  the votes of a preferential count's first count, which are the figures a result of first
  preferences shows (Scotland's 2017 council count sheets, `first_prefs` beside `transfers02`,
  `total_votes02`… and an `elected` column; `read.preferences` then says the file counts first
  preferences, from its header). It was left unread, and the error offered `electorate` (the
  registered voters) and `elected` as the votes instead. Two such columns are none: `--votes`
  names one.
- **Seats alone**: a header of a `seats` column and no votes (a party's seats won, `party,seats`)
  is a table of seats, and the error says so (`no_votes_advice`), never only "add one".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from pollcli.columns import normalize_header


# `first_prefs`, `First Preferences`, `First Preference Votes`, `1st Pref`, `1st_prefs`,
# `FirstPrefs` (not `preferred`: a two-party-preferred count is the last count, not the first).
@functools.cache
def _first() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"(?:first|1st)_?pref(?:erence)?s?(?:_votes?)?", re.IGNORECASE)


def first_preferences(header: Sequence[str]) -> list[int]:
    """The columns headed by first-preference words."""
    return [i for i, name in enumerate(header) if _first().fullmatch(normalize_header(name))]


def votes_of(
    header: Sequence[str],
    columns: dict[int, str],
    ignored_at: Sequence[int],
    notes: list[str],
    parts: bool,
) -> dict[int, str]:
    """`columns` with the votes column of a header that names none by a votes word, said in a
    note: its one first-preferences column among the unread ones (`ignored_at`; none where vote
    modes are `parts`), else its total per row."""
    present = set(columns.values())
    if "votes" in present:
        return columns
    firsts = [i for i in first_preferences(header) if i in ignored_at]
    if len(firsts) == 1 and not parts and not present & {"total_votes", "share"}:
        notes.append(
            f"The {header[firsts[0]]!r} column holds each option's votes: its first preferences "
            "(the first count of a preferential vote, no votes column beside it)."
        )
        return dict(sorted({**columns, firsts[0]: "votes"}.items()))
    total = next((i for i, c in columns.items() if c == "total_votes"), None)
    if total is None:
        return columns
    notes.append(f"The {header[total]!r} column holds each option's votes.")
    return {**columns, total: "votes"}


def no_votes_advice(header: Sequence[str], columns: Mapping[int, str]) -> str:
    """What to do about a header of no votes and no share column: where it has a `seats` column,
    that the file is a table of seats, which pollcli does not read as votes; else add one."""
    seats = [header[i] for i, canonical in columns.items() if canonical == "seats"]
    if not seats:
        return "add one"
    return (
        f"its {seats[0]!r} column counts seats: a table of seats won, which pollcli does not read "
        "as votes; add each option's votes ('pollcli seats' allocates the seats from them)"
    )
