"""Races for convention delegates: several elected, and the file seldom says how many.

Illinois' 2016 primary file has 54 of them ('5TH REPUBLICAN DELEGATE', '15TH REPUBLICAN ALTERNATE
DELEGATE'): each elects a district's delegates to the national convention, the top N by votes, N
stated nowhere in the file (trial 6). Read as races of one seat, each named its leader — 11.26 % of
the votes in the 5th's — the nominee and, the field being close, tagged CLOSE. The rules that find
a race of several seats do not fire here: every candidate is of the primary's one party, and a
primary is no place for an even field's rule (a primary for one nomination may be crowded).

A race whose name calls it a delegate's (DELEGATE, ALTERNATE DELEGATE, DELEGATES TO THE NATIONAL
CONVENTION) — never a chamber's ("House of Delegates", West Virginia's legislature) — that states
no number of seats and has two candidates or more is a race of an unknown number of seats
(`Election.delegates`): no winner is named, no margin measured, and one `race-split` warning says
how to give the number (--vote-for N). Precinct committeemen are left alone: one per precinct in
the files seen. Nor is the District of Columbia's delegate to the House of Representatives (one
member, as a territory's delegate to Congress)."""

from __future__ import annotations

import re
import shlex
from typing import Final

from pollcli.election import Election
from pollcli.problems import Code, Problem

# "DELEGATE", "Alternate Delegates", "Delegates to the National Convention"; not "House of
# Delegates" (a chamber whose members are elected one or several to a district like any other).
# Nor "Delegate to the House of Representatives", "Delegate to Congress": the District of
# Columbia's (or a territory's) one member of the U.S. House (DC's 2018 primary, trial 16).
DELEGATE: Final[re.Pattern[str]] = re.compile(
    r"(?<!house of )\bdelegates?\b(?! to (?:the )?(?:u\.? ?s\.? )?(?:house\b|congress\b))",
    re.IGNORECASE,
)


def is_delegates(name: str) -> bool:
    """Whether a race's name calls it an election of delegates."""
    return DELEGATE.search(" ".join(name.split())) is not None


def delegates(elections: list[Election]) -> Problem | None:
    """Mark the races of delegates that state no number of seats (`Election.delegates`); one
    `race-split` warning for all of them, carried by each, or None when there are none."""
    marked = []
    for election in elections:
        if election.named_seats is not None or election.facts.vote_for:
            continue  # stated
        if election.facts.system == "plurality" and election.facts.seats:
            continue
        name = election.race.name if election.race is not None else election.facts.election
        candidates = [o for o in election.options if o.kind == "candidate"]
        if len(candidates) < 2 or not is_delegates(name):
            continue
        election.delegates = name
        marked.append(election)
    if not marked:
        return None
    first = marked[0]
    warning = Problem(
        code=Code.RACE_SPLIT,
        severity="warning",
        file=first.source_file,
        line=None,
        column=None,
        message=f"{len(marked):,} race(s) elect delegates (e.g. {first.delegates!r}), several to "
        "a race, and do not say how many: no winner is named and no margin measured in them. "
        "Give the number in a vote_for (or magnitude, number_elected) column, or with "
        f"--vote-for N and --race {shlex.quote(str(first.delegates))}",
    )
    for election in marked:
        election.warnings.append(warning)
    return warning
