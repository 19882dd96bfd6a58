"""Coalition columns of a wide table: a column whose header joins other option columns' headers.

Mexico's INE gives each polling station's votes a column per party and one per combination of a
coalition's parties (`PT_MORENA_PES`: ballots marked for several of them), which count for the
coalition's candidate and for no one party. Read as options of their own, a presidential race's
candidate polls only under the names of columns, split across them: the leader named was a party
column, and no one had a majority (2018: the winner's 53 % under MORENA, PT, PES and four
combinations). The file does not say which candidate a coalition ran, so pollcli cannot add them
up: the columns are read as they are, with a warning that names them and says what the figures are,
and no leader, runner-up nor winner is named (`Election.split_options`): not in the whole, nor in
its regions, nor in each race where the file is split into races.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from pollcli.problems import Code, Found


# The marks between parties' names in a combination's header (`PT_MORENA`, `PAN-PRD`, `PRI+PVEM`).
@functools.cache
def _join() -> re.Pattern[str]:
    """Compiled on first use: only for a combination of parties."""
    return re.compile(r"\s*[_+\-/]\s*")


def combined(names: Sequence[str]) -> dict[str, list[str]]:
    """The option names that join two or more other options' names, with those names."""
    known = {name.strip().casefold(): name for name in names}
    out: dict[str, list[str]] = {}
    for name in names:
        parts = [p.casefold() for p in _join().split(name.strip())]
        if len(parts) > 1 and all(p in known and p != name.strip().casefold() for p in parts):
            out[name] = [known[p] for p in parts]
    return out


def warn(names: Sequence[str], line: int, found: Found) -> str | None:
    """A `coalition-votes` warning naming the combination columns among a wide table's options,
    and the note that names no winner then (None without such columns): the candidates' votes
    are split across columns the file does not add up, so whoever leads, the runner-up, the
    majority and the runoff would be those of columns, and none is named. Mexico's 2012 table by
    state said "a runoff would be between PRI and PAN" (29.67 %, 26.03 %), then "Runner-up: PAN"
    with LEADER and RUNNER-UP tags: PAN's Vázquez Mota came third, behind the candidate of PRD,
    PT, MC and their combinations."""
    joined = combined(names)
    if not joined:
        return None
    shown = ", ".join(f"{n!r} ({' + '.join(parts)})" for n, parts in list(joined.items())[:3])
    more = f" and {len(joined) - 3} more" if len(joined) > 3 else ""
    found.warn(
        Code.COALITION_VOTES,
        line,
        f"{len(joined)} option column(s) join other options' names: {shown}{more}: votes for a "
        "coalition, marked for several of its parties, which count for its candidate and no one "
        "party; each column is read as an option of its own, and a column's lead, margin or "
        "majority is no candidate's, so none is named (the file does not say which candidate each "
        "coalition ran: add a candidate's columns up to get its votes)",
    )
    return NOTE


# Why no leader, runner-up nor winner is named (`Election.no_winner`), and the mark that says the
# options are split (`read.elected.mark` sets `Election.split_options` where it is the note).
NOTE: Final[str] = (
    "The options include coalitions' columns (the coalition-votes warning names them): a "
    "candidate's votes are split across columns the file does not add up, so no leader, "
    "runner-up, winner, majority, runoff, threshold verdict or effective number is named; the "
    "table ranks the columns as read."
)
