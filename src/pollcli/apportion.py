"""Seats from votes: largest-remainder and divisor methods, in exact rational arithmetic.

Pure arithmetic over vote vectors — no elections, thresholds or names (`pollcli.seats` adds those). Every
quota, remainder and quotient is a `Fraction`, so two equal remainders are equal and a tie is a real tie,
never a float rounding one way or the other. Ties are settled by a priority order the caller gives (lower
wins) and are returned, so the caller can always report them.

Definitions (docs/seats.md repeats them for users):

- hare: quota = votes / seats; each list gets its whole quotas, and the seats left go one each to the
  largest remainders (Hamilton, Hare–Niemeyer).
- droop: the same with the Droop quota ⌊votes / (seats + 1)⌋ + 1.
- dhondt, sainte-lague, modified-sainte-lague, imperiali: a list's k-th seat is won by its votes
  divided by the k-th divisor; the `seats` highest quotients win. Divisors: D'Hondt 1, 2, 3…;
  Sainte-Laguë 1, 3, 5…; modified Sainte-Laguë 1.4, 3, 5… (Norway, Sweden); Imperiali 2, 3, 4….
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Final

from pollcli.columns import Method

LARGEST_REMAINDER: Final[tuple[str, ...]] = ("hare", "droop")
DIVISOR_METHODS: Final[tuple[str, ...]] = (
    "dhondt",
    "sainte-lague",
    "modified-sainte-lague",
    "imperiali",
)

# Each divisor series as D(0) and then a + b·k for k ≥ 1 (the divisor of a list's (k+1)-th seat):
# (first, a, b). D(0) lies between a and a + b, which the bulk step below relies on.
_SERIES: Final[dict[str, tuple[Fraction, int, int]]] = {
    "dhondt": (Fraction(1), 1, 1),
    "sainte-lague": (Fraction(1), 1, 2),
    "modified-sainte-lague": (Fraction(7, 5), 1, 2),
    "imperiali": (Fraction(2), 2, 1),
}


def divisor(method: str, k: int) -> Fraction:
    """The divisor of a list's (k+1)-th seat under a divisor method (k = seats it holds already)."""
    first, a, b = _SERIES[method]
    return first if k == 0 else Fraction(a + b * k)


def quota(method: str, votes: int, seats: int) -> Fraction:
    """The quota of a largest-remainder method: Hare votes/seats, Droop ⌊votes/(seats+1)⌋ + 1."""
    if method == "hare":
        return Fraction(votes, seats)
    return Fraction(votes // (seats + 1) + 1)


@dataclass(frozen=True)
class Tie:
    """Lists with equal remainders (or quotients) competing for fewer seats than there are lists."""

    value: Fraction = field(metadata={"doc": "the equal remainder (of a quota) or quotient"})
    contenders: tuple[int, ...]
    winners: tuple[int, ...]


@dataclass(frozen=True)
class Apportionment:
    """How `seats` were shared among lists by one method.

    Indices refer to positions in the vote vector. `last` is the list that won the last seat (by
    remainder or quotient) and `last_value` what it won it with; `next` is the list that came
    closest to it, with `next_value`. For largest remainder, `last` is None when whole quotas filled
    every seat; for divisor methods, `quotients[i]` is list i's next quotient (votes / divisor of
    its next seat) and `last_quotients[i]` the quotient that won its last seat.
    """

    method: str
    seats: tuple[int, ...]
    quota: Fraction | None = None
    whole_quotas: tuple[int, ...] | None = None
    remainders: tuple[Fraction, ...] | None = None
    last_quotients: tuple[Fraction | None, ...] | None = None
    quotients: tuple[Fraction, ...] | None = None
    last: int | None = None
    last_value: Fraction | None = None
    next: int | None = None
    next_value: Fraction | None = None
    tie: Tie | None = None


def apportion(
    votes: Sequence[int],
    seats: int,
    method: Method | str,
    priority: Sequence[int] | None = None,
) -> Apportionment:
    """Share `seats` among lists with `votes` (all > 0) by `method`.

    `priority[i]` ranks list i for ties (lower wins; default: list order). Raises ValueError on an
    empty vote vector, a non-positive vote or seat count, or an unknown method.
    """
    if not votes:
        raise ValueError("no lists to share seats among")
    if any(v <= 0 for v in votes):
        raise ValueError("every list in an apportionment needs at least one vote")
    if seats < 1:
        raise ValueError("seats must be at least 1")
    order = list(range(len(votes))) if priority is None else list(priority)
    if method in LARGEST_REMAINDER:
        return _largest_remainder(votes, seats, method, order)
    if method in DIVISOR_METHODS:
        return _highest_averages(votes, seats, method, order)
    raise ValueError(f"unknown method {method!r}")


def _largest_remainder(
    votes: Sequence[int], seats: int, method: str, priority: list[int]
) -> Apportionment:
    q = quota(method, sum(votes), seats)
    whole = [v * q.denominator // q.numerator for v in votes]
    remainders = [Fraction(v) / q - w for v, w in zip(votes, whole, strict=True)]
    left = seats - sum(whole)
    # Hare and Droop never give more whole quotas than seats; with Droop and fewer votes than
    # seats², more seats can be left than there are lists: the remainder order is then repeated.
    rounds, left_over = divmod(left, len(votes))
    ranked = sorted(range(len(votes)), key=lambda i: (-remainders[i], priority[i]))
    result = [w + rounds for w in whole]
    for i in ranked[:left_over]:
        result[i] += 1
    last = last_value = nxt = next_value = None
    tie = None
    if left_over:
        last = ranked[left_over - 1]
        last_value = remainders[last]
    elif rounds:
        last = ranked[-1]
        last_value = remainders[last]
    if left_over < len(ranked):
        nxt = ranked[left_over]
        next_value = remainders[nxt]
    if left_over and next_value is not None and last_value == next_value:
        contenders = tuple(i for i in ranked if remainders[i] == last_value)
        tie = Tie(
            value=last_value,
            contenders=contenders,
            winners=tuple(i for i in contenders if ranked.index(i) < left_over),
        )
    return Apportionment(
        method=method,
        seats=tuple(result),
        quota=q,
        whole_quotas=tuple(whole),
        remainders=tuple(remainders),
        last=last,
        last_value=last_value,
        next=nxt,
        next_value=next_value,
        tie=tie,
    )


def _seats_above(v: int, price: Fraction, method: str) -> int:
    """How many of a list's quotients v/D(k) are strictly above `price`."""
    first, a, b = _SERIES[method]
    reach = Fraction(v) / price  # quotients above the price have D(k) < reach
    if reach <= first:
        return 0
    span = (reach - a) / b
    return -(-span.numerator // span.denominator)  # ⌈span⌉: k = 0 … ⌈span⌉ − 1


def _highest_averages(
    votes: Sequence[int], seats: int, method: str, priority: list[int]
) -> Apportionment:
    _, a, b = _SERIES[method]
    held = [0] * len(votes)
    # Bulk step: every quotient above a price at which at most `seats` quotients lie above it is
    # surely among the winners, whatever the ties below. A list has at most max(0, v/(b·price) + 1 −
    # a/b) quotients above the price, so N(price) ≤ V/(b·price) + P·max(0, 1 − a/b), and this price
    # keeps N ≤ seats; the heap then hands out the few seats left, one by one.
    room = b * seats - len(votes) * max(0, b - a)
    if room > 0:
        price = Fraction(sum(votes), room)
        held = [_seats_above(v, price, method) for v in votes]
    heap = [(-Fraction(v) / divisor(method, held[i]), priority[i], i) for i, v in enumerate(votes)]
    heapq.heapify(heap)
    for _ in range(seats - sum(held)):
        _, rank, i = heapq.heappop(heap)
        held[i] += 1
        heapq.heappush(heap, (-Fraction(votes[i]) / divisor(method, held[i]), rank, i))
    last_quotients = tuple(
        Fraction(v) / divisor(method, n - 1) if n else None
        for v, n in zip(votes, held, strict=True)
    )
    quotients = tuple(Fraction(v) / divisor(method, n) for v, n in zip(votes, held, strict=True))
    winners = [i for i, q in enumerate(last_quotients) if q is not None]
    # The last seat: the lowest winning quotient; among equal ones, the list the priority puts last.
    last = max(winners, key=lambda i: (-(last_quotients[i] or 0), priority[i]))
    nxt = min(range(len(votes)), key=lambda i: (-quotients[i], priority[i]))
    last_value, next_value = last_quotients[last], quotients[nxt]
    tie = None
    if last_value == next_value:
        at_winners = [i for i in winners if last_quotients[i] == last_value]
        at_losers = [i for i, q in enumerate(quotients) if q == last_value]
        contenders = tuple(sorted(at_winners + at_losers, key=lambda i: priority[i]))
        tie = Tie(value=last_value, contenders=contenders, winners=tuple(sorted(at_winners)))
    return Apportionment(
        method=method,
        seats=tuple(held),
        last_quotients=last_quotients,
        quotients=quotients,
        last=last,
        last_value=last_value,
        next=nxt,
        next_value=next_value,
        tie=tie,
    )


def fewest(wins: Callable[[int], bool], guess: int, limit: int = 2**62) -> int | None:
    """The smallest x ≥ 1 with `wins(x)`, for a `wins` that is false at 0 and stays true once true.

    `guess` is where to look first (an estimate that is often exact: then two calls settle it).
    None when even `limit` does not win.
    """
    low, high = 0, max(1, guess)  # wins(low) is false; wins(high) is not known yet
    while not wins(high):
        if high >= limit:
            return None
        low, high = high, min(limit, high * 2)
    if high - 1 > low:
        if not wins(high - 1):
            return high
        high -= 1
    while high - low > 1:
        middle = (low + high) // 2
        if wins(middle):
            high = middle
        else:
            low = middle
    return high


def effective_number(fractions: Sequence[Fraction | float]) -> float | None:
    """Laakso–Taagepera: 1 / Σ pᵢ² over fractions that add up to 1; None when they are all zero."""
    squares = sum(Fraction(p) ** 2 for p in fractions)
    return float(1 / squares) if squares else None


def gallagher(vote_pct: Sequence[float], seat_pct: Sequence[float]) -> float:
    """Gallagher's least-squares index, in points: √(½ Σ (vᵢ − sᵢ)²)."""
    return float((sum((v - s) ** 2 for v, s in zip(vote_pct, seat_pct, strict=True)) / 2) ** 0.5)


def loosemore_hanby(vote_pct: Sequence[float], seat_pct: Sequence[float]) -> float:
    """The Loosemore–Hanby index, in points: ½ Σ |vᵢ − sᵢ|."""
    return float(sum(abs(v - s) for v, s in zip(vote_pct, seat_pct, strict=True)) / 2)
