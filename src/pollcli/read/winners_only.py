"""A table of winners only: one candidate a race, every race, read as that many unopposed races.

Nepal's table of constituencies (`Province,District,Constituency,Winner,Candidate,Votes,Margin,
Wikipedia`: a row per constituency, its winner's party, name and votes, and the margin) read as 165
races, each "won" with 100 % and tagged UNOPPOSED, when every one of them was contested: the file
lists the winners alone. A file whose every race lists one candidate, ten races or more, or two or
more beside a column the file does not read whose header says winner or margin, is refused: its
shares, margins and runners-up cannot be told, and calling its races unopposed would be a confident
wrong answer. Races counted place by place (half of them or more, in several regions or by unit:
a county's offices, all unopposed, precinct by precinct) are results, not winners: a table of
winners lists a race once. A race of one candidate among contested ones, a race acclaimed or with no count
(`read.acclaimed`, `tally`), and party primaries (a general election split by party: each
party's nominee) read as before: unopposed.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import Final

from pollcli.columns import header_words
from pollcli.election import Election
from pollcli.problems import Code, Problem

# Races of one candidate each, the file's every race, that make a table of winners whatever its
# header says (a county's dozen races all unopposed is no results file).
RACES_AT_LEAST: Final[int] = 10
# Words of a header the file does not read that say it lists winners (its races were contested).
_WINNER_WORDS: Final[frozenset[str]] = frozenset(
    {"winner", "winners", "won", "margin", "majority", "runner", "runnerup", "elected", "mov"}
)


def check(elections: Sequence[Election], problems: list[Problem], unread: Sequence[str]) -> None:
    """An error where every race of the file lists one candidate, with votes (see the module's
    docstring): what the file holds and what to give pollcli instead."""
    if len(elections) < 2 or not all(_lone(election) for election in elections):
        return
    if any(e.race is not None and e.race.primary for e in elections):
        return  # (party primaries, each of one candidate: a party's nominee, maybe unopposed)
    if 2 * sum(e.placed for e in elections) >= len(elections):
        return  # (races counted place by place, half at least: results, each race unopposed)
    said = [h for h in unread if _WINNER_WORDS & {w.casefold() for w in header_words(h)}]
    if len(elections) < RACES_AT_LEAST and not said:
        return
    first = elections[0]
    (winner,) = [o for o in first.options if o.kind == "candidate"]
    beside = f", beside {', '.join(map(repr, said[:3]))}" if said else ""
    only = shlex.quote(first.facts.election)
    problems.append(
        Problem(
            code=Code.MISSING_VALUE,
            severity="error",
            file=first.source_file,
            line=winner.line,
            column=None,
            message=(
                f"each of the {len(elections):,} races lists one candidate ({winner.candidate!r} "
                f"in {first.facts.election!r}…){beside}: a table of winners only, most likely, "
                "not of results — no share, margin or runner-up can be told from it, and pollcli "
                "does not call every race unopposed; give it every candidate's votes (a row per "
                f"candidate), or, for one race that was unopposed, keep it with --race {only}"
            ),
        )
    )


def _lone(election: Election) -> bool:
    """Whether a race lists one candidate, with votes, and no other option with any (write-ins,
    blank or invalid ballots: a count of more than the winner's); not one acclaimed."""
    candidates = [o for o in election.options if o.kind == "candidate"]
    others = [o for o in election.options if o.kind != "candidate" and o.votes]
    return len(candidates) == 1 and not others and bool(candidates[0].votes)
