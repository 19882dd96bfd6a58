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
from pollcli.seats.contests import Contest, Gate, base_votes


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
    votes = contest.votes if votes is None else votes
    priority = contest.priority if priority is None else priority
    extra = sum(votes) - sum(contest.votes)
    if contest.single_member:
        return _race(contest, votes, priority)
    base = base_votes(contest, gate, extra) if gate else None
    # v / base ≥ pct / 100, in whole numbers: v · 100 · den ≥ num · base.
    scale, bar = (100 * gate.pct.denominator, gate.pct.numerator * (base or 0)) if gate else (0, 0)
    qualified = [
        kind == "candidate" and v * scale >= bar
        for v, kind in zip(votes, contest.kinds, strict=True)
    ]
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


def _race(contest: Contest, votes: list[int], priority: list[int]) -> Outcome:
    """A single-member race: the most votes wins (with a majority, under `system: majority`)."""
    candidates = [i for i, k in enumerate(contest.kinds) if k == "candidate"]
    seats = [0] * len(votes)
    qualified = [k == "candidate" for k in contest.kinds]
    if not candidates or contest.unsure:
        return Outcome(seats, qualified, None, [], None, undecided=True)
    top = max(votes[i] for i in candidates)
    tied = [i for i in candidates if votes[i] == top]
    winner = min(tied, key=lambda i: priority[i])
    # Options counted together ("other", write-ins) ahead of every candidate: the winner may be
    # among them (the Speaker's seat in a table of party columns), as `summary` says.
    if any(k == "other" and votes[i] > top for i, k in enumerate(contest.kinds)):
        return Outcome(seats, qualified, None, [], None, undecided=True)
    if contest.majority and top * 2 <= sum(votes):
        return Outcome(seats, qualified, None, [], None, tied=tied, undecided=True)
    seats[winner] = 1
    return Outcome(seats, qualified, None, [], None, winner=winner, tied=tied)


def votes_for_next_seat(
    contest: Contest, method: str, gate: Gate | None, outcome: Outcome, i: int
) -> int | None:
    """The fewest more votes that win option i one more seat outright, others' unchanged."""
    if contest.kinds[i] != "candidate":
        return None
    held = outcome.seats[i]
    if held >= contest.seats:
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
        base = base_votes(contest, gate, 0)
        needed = (gate.pct * base - 100 * v) / (100 - gate.pct)
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
