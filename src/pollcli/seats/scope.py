"""Where the threshold is taken, when the file cannot say: the lists a national threshold would
treat otherwise than the per-district one, and the seats that would change.

A file of districts does not tell whether its law takes the threshold in each district (Spain's
provinces) or over the country's votes (Poland's Sejm), so `seats` keeps the per-district default
and, where the two disagree about some list in some district, says so with the figures of the
other reading and the flag that asks for it (trial 6: PSL, 8.55 % nationally, was shut out of
Warsaw by a 5 % taken there; the official result has it in).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pollcli.seats.contests import Contest, Gate, clears, nationwide, standing
from pollcli.seats.outcome import outcome_of


@dataclass
class ScopeContrast:
    """Lists the two readings of the threshold treat differently, and the seats that differ."""

    # name → (national share in percent, districts where it is shut out locally)
    shut_out: dict[str, tuple[float, list[str]]] = field(default_factory=dict)
    # name → (national share in percent, districts where it takes part locally)
    let_in: dict[str, tuple[float, list[str]]] = field(default_factory=dict)
    # name → (seats per district, seats nationwide), for the lists whose seats differ
    changes: dict[str, tuple[int, int]] = field(default_factory=dict)


def contrast(contests: list[Contest], gate: Gate, method: str) -> ScopeContrast | None:
    """What a national threshold would change in an allocation made district by district by
    `method`; None where nothing would."""
    lists = [c for c in contests if not c.single_member]
    if len(lists) < 2:
        return None
    national = nationwide(gate, lists)
    local = replace(gate, scope="district", national=None, national_base=None)
    found = ScopeContrast()
    names: dict[str, str] = {}
    for contest in lists:
        for i, key in enumerate(contest.keys):
            if contest.kinds[i] != "candidate":
                continue
            names.setdefault(key, contest.names[i])
            if contest.votes[i] == 0 or key in gate.exempt:
                continue
            here = clears(local, *standing(contest, local, i, contest.votes, 0))
            there = clears(national, *standing(contest, national, i, contest.votes, 0))
            if here == there:
                continue
            votes, base = standing(contest, national, i, contest.votes, 0)
            share = votes / base * 100 if base else 0.0
            into = found.shut_out if there else found.let_in
            into.setdefault(names[key], (share, []))[1].append(contest.name)
    if not found.shut_out and not found.let_in:
        return None
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for contest in lists:
        for tally, which in ((before, local), (after, national)):
            seats = outcome_of(contest, method, which).seats
            for key, won in zip(contest.keys, seats, strict=True):
                tally[key] = tally.get(key, 0) + won
    for key, name in names.items():
        if before.get(key, 0) != after.get(key, 0):
            found.changes[name] = (before.get(key, 0), after.get(key, 0))
    return found
