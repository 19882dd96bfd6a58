"""One contest's seats by one method, and the fewest more votes that would win a list one more seat.

`outcome_of` applies the legal threshold (whole-number arithmetic, so 5 % of the base is in at
exactly 5 %), hands the qualifying lists to `pollcli.apportion`, or finds a single-member race's
winner. The result is an `Outcome` in the contest's own positions; `allocation` turns it into what
users read.

**Votes for one more seat** (the rule is among `pollcli.seats`'s decisions) are found by running
the contest's allocation again with more votes, which is what counts a quota that moves, a threshold
to pass and lists that fall under it; `apportion.fewest` searches from `_guess`, which is exact in
the usual case, so two runs settle it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pollcli import apportion
from pollcli.seats.contests import Contest, Gate, clears, standing
from pollcli.verdict import TIES


@dataclass
class Outcome:
    """One contest's allocation by one method, before it becomes an `Allocation`."""

    seats: list[int]
    qualified: list[bool]
    result: apportion.Apportionment | None
    index: list[int]  # position in the contest of each apportioned list
    base_votes: int | None
    winner: int | None = None  # a single-member race's winner
    tied: list[int] = field(default_factory=list)  # a race's candidates tied for first
    undecided: bool = False


def outcome_of(
    contest: Contest,
    method: str,
    gate: Gate | None,
    votes: list[int] | None = None,
    priority: list[int] | None = None,
) -> Outcome:
    """The allocation of one contest, with `votes` in place of the contest's (for what-ifs)."""
    if contest.single_member and contest.judged and votes is None:
        return _judged(contest)
    votes = contest.votes if votes is None else votes
    priority = contest.priority if priority is None else priority
    extra = sum(votes) - sum(contest.votes)
    if contest.single_member:
        return _race(contest, votes, priority)
    base = None
    qualified = [kind == "candidate" for kind in contest.kinds]
    if gate is not None:
        for i, key in enumerate(contest.keys):
            if qualified[i] and key not in gate.exempt:
                held, base = standing(contest, gate, i, votes, extra)
                qualified[i] = clears(gate, held, base)
    index = [i for i, ok in enumerate(qualified) if ok and votes[i] > 0]
    seats = [0] * len(votes)
    if not index:
        return Outcome(seats, qualified, None, index, base)
    result = apportion.apportion(
        [votes[i] for i in index], contest.seats, method, [priority[i] for i in index]
    )
    for position, i in enumerate(index):
        seats[i] = result.seats[position]
    return Outcome(seats, qualified, result, index, base)


def _judged(contest: Contest) -> Outcome:
    """A race as `summary` names it (`Contest.elected`, from `pollcli.verdict`); a tie for first
    (or for the last seats) is settled by the tie rule, and reported."""
    seats = [0] * len(contest.votes)
    qualified = [k == "candidate" for k in contest.kinds]
    elected = list(contest.elected)
    if contest.why in TIES:
        order = sorted(contest.tied, key=lambda i: contest.priority[i])
        elected += order[: contest.seats - len(elected)]
    elif contest.why is not None:
        return Outcome(seats, qualified, None, [], None, tied=contest.tied, undecided=True)
    for i in elected:
        seats[i] = 1
    winner = elected[0] if len(elected) == 1 else None
    tied = contest.tied if contest.why in TIES else []
    return Outcome(seats, qualified, None, [], None, winner=winner, tied=tied)


def _race(contest: Contest, votes: list[int], priority: list[int]) -> Outcome:
    """A race recounted with other votes (a what-if): the most votes win its seats (one, under
    `system: majority`, only with more than half), as `pollcli.verdict` decides; no winner
    whatever the votes where the race's figures or seats are not known (`Contest.fixed`)."""
    candidates = [i for i, k in enumerate(contest.kinds) if k == "candidate"]
    seats = [0] * len(votes)
    qualified = [k == "candidate" for k in contest.kinds]
    if not candidates or contest.fixed or len(candidates) < contest.seats:
        return Outcome(seats, qualified, None, [], None, undecided=True)
    ranked = sorted(candidates, key=lambda i: (-votes[i], priority[i]))
    elected = ranked[: contest.seats]
    top = votes[ranked[0]]
    # Options counted together ("other", write-ins) ahead of the leader: the winner may be
    # among them (the Speaker's seat in a table of party columns), as `summary` says.
    if any(k == "other" and votes[i] > top for i, k in enumerate(contest.kinds)):
        return Outcome(seats, qualified, None, [], None, undecided=True)
    if contest.majority and contest.seats == 1 and top * 2 <= sum(votes):
        return Outcome(seats, qualified, None, [], None, undecided=True)
    for i in elected:
        seats[i] = 1
    return Outcome(seats, qualified, None, [], None, winner=elected[0])


def votes_for_next_seat(
    contest: Contest, method: str, gate: Gate | None, outcome: Outcome, i: int
) -> int | None:
    """The fewest more votes that win option i one more seat outright, others' unchanged."""
    if contest.kinds[i] != "candidate":
        return None
    held = outcome.seats[i]
    # A race's candidate holds one seat at most.
    if held >= (1 if contest.single_member else contest.seats):
        return None
    last = dict(enumerate(contest.priority))
    last[i] = len(contest.votes)  # it loses every tie
    priority = [last[j] for j in range(len(contest.votes))]

    def wins(extra: int) -> bool:
        votes = list(contest.votes)
        votes[i] += extra
        return outcome_of(contest, method, gate, votes, priority).seats[i] > held

    return apportion.fewest(wins, _guess(contest, method, gate, outcome, i))


def _guess(contest: Contest, method: str, gate: Gate | None, outcome: Outcome, i: int) -> int:
    """Where the search for `votes_for_next_seat` starts: exact in the usual case."""
    v = contest.votes[i]
    if contest.single_member:
        others = [
            contest.votes[j] for j, k in enumerate(contest.kinds) if k == "candidate" and j != i
        ]
        return max(1, max(others, default=0) - v + 1)
    guess = 1
    if gate is not None and not outcome.qualified[i] and gate.pct < 100:
        held, base = standing(contest, gate, i, contest.votes, 0)
        needed = (gate.pct * base - 100 * held) / (100 - gate.pct)
        guess = max(guess, math.ceil(needed))
    result = outcome.result
    if result is None or i not in outcome.index:
        return guess
    position = outcome.index.index(i)
    if result.quota is not None:
        return max(guess, math.ceil((outcome.seats[i] + 1) * result.quota - v))
    rivals = [
        q for p, q in enumerate(result.last_quotients or ()) if p != position and q is not None
    ]
    if not rivals:
        return guess
    target = min(rivals) * apportion.divisor(method, outcome.seats[i])
    return max(guess, math.floor(target) + 1 - v)
