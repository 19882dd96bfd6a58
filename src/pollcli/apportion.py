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

# Each divisor series in whole numbers, D(k) = (first if k == 0 else a + b·k) / scale, the divisor
# of a list's (k+1)-th seat: quotients then compare by cross-multiplying integers, which is exact and
# much faster than fractions. D(0) lies between a and a + b (over the scale), which the bulk step
# below relies on.
_SERIES: Final[dict[str, tuple[int, int, int, int]]] = {
    "dhondt": (1, 1, 1, 1),  # 1, 2, 3, …
    "sainte-lague": (1, 1, 2, 1),  # 1, 3, 5, …
    "modified-sainte-lague": (7, 5, 10, 5),  # 1.4, 3, 5, …
    "imperiali": (2, 2, 1, 1),  # 2, 3, 4, …
}


def _scaled(method: str, k: int) -> int:
    first, a, b, _ = _SERIES[method]
    return first if k == 0 else a + b * k


def divisor(method: str, k: int) -> Fraction:
    """The divisor of a list's (k+1)-th seat under a divisor method (k = seats it holds already)."""
    return Fraction(_scaled(method, k), _SERIES[method][3])


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
    remainder_numerators: tuple[int, ...] | None = None
    votes: tuple[int, ...] = ()
    last: int | None = None
    last_value: Fraction | None = None
    next: int | None = None
    next_value: Fraction | None = None
    tie: Tie | None = None

    @property
    def remainders(self) -> tuple[Fraction, ...] | None:
        """Largest remainder: each list's votes / quota minus its whole quotas, in [0, 1)."""
        if self.remainder_numerators is None or self.quota is None:
            return None
        return tuple(Fraction(r, self.quota.numerator) for r in self.remainder_numerators)

    @property
    def quotients(self) -> tuple[Fraction, ...] | None:
        """Divisor methods: each list's votes over the divisor of its next seat."""
        if self.method not in DIVISOR_METHODS:
            return None
        return tuple(
            Fraction(v) / divisor(self.method, n)
            for v, n in zip(self.votes, self.seats, strict=True)
        )

    @property
    def last_quotients(self) -> tuple[Fraction | None, ...] | None:
        """Divisor methods: the quotient that won each list its last seat (None: no seat)."""
        if self.method not in DIVISOR_METHODS:
            return None
        return tuple(
            Fraction(v) / divisor(self.method, n - 1) if n else None
            for v, n in zip(self.votes, self.seats, strict=True)
        )


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
    # In whole numbers, for speed (the search for votes needed runs this often): votes / quota is
    # v·d/n, and its remainder is (v·d mod n) / n, so remainders compare as their numerators.
    n, d = q.numerator, q.denominator
    whole = [v * d // n for v in votes]
    numerators = [v * d - w * n for v, w in zip(votes, whole, strict=True)]
    left = seats - sum(whole)
    # Hare and Droop never give more whole quotas than seats; with Droop and fewer votes than
    # seats², more seats can be left than there are lists: the remainder order is then repeated.
    rounds, left_over = divmod(left, len(votes))
    ranked = sorted(range(len(votes)), key=lambda i: (-numerators[i], priority[i]))
    result = [w + rounds for w in whole]
    for i in ranked[:left_over]:
        result[i] += 1
    last = nxt = None
    if left_over:
        last = ranked[left_over - 1]
    elif rounds:
        last = ranked[-1]
    if left_over < len(ranked):
        nxt = ranked[left_over]
    tie = None
    if left_over and nxt is not None and last is not None and numerators[last] == numerators[nxt]:
        contenders = tuple(i for i in ranked if numerators[i] == numerators[last])
        tie = Tie(
            value=Fraction(numerators[last], n),
            contenders=contenders,
            winners=tuple(i for i in contenders if ranked.index(i) < left_over),
        )
    return Apportionment(
        method=method,
        seats=tuple(result),
        quota=q,
        whole_quotas=tuple(whole),
        remainder_numerators=tuple(numerators),
        last=last,
        last_value=None if last is None else Fraction(numerators[last], n),
        next=nxt,
        next_value=None if nxt is None else Fraction(numerators[nxt], n),
        tie=tie,
    )


def _seats_above(v: int, room: int, total: int, method: str) -> int:
    """How many of a list's quotients v/D(k) lie strictly above the price total/room."""
    first, a, b, scale = _SERIES[method]
    # v / (D_k / scale) > total / room  ⇔  D_k · total < v · room · scale
    reach = v * room * scale
    if first * total >= reach:
        return 0
    span, over = divmod(reach - a * total, b * total)  # k = 0 … ⌈span⌉ − 1
    return span + (over > 0)


def _highest_averages(
    votes: Sequence[int], seats: int, method: str, priority: list[int]
) -> Apportionment:
    _, a, b, scale = _SERIES[method]
    count = len(votes)
    held = [0] * count
    # Bulk step: every quotient above a price at which at most `seats` quotients lie above it is
    # surely among the winners, whatever the ties below. With divisors (a + b·k)/scale, a list has
    # at most max(0, v·scale/(b·price) + 1 − a/b) quotients above the price, so N(price) ≤
    # V·scale/(b·price) + P·max(0, 1 − a/b), and price = V·scale/room keeps N ≤ seats; the few
    # seats left then go one by one to the highest next quotient.
    room = b * seats - count * max(0, b - a)
    if room > 0:
        total = sum(votes) * scale
        held = [_seats_above(v, room, total, method) for v in votes]
    nexts = [_scaled(method, n) for n in held]

    def beats(i: int, j: int) -> bool:  # list i's next quotient outranks list j's
        left, right = votes[i] * nexts[j], votes[j] * nexts[i]
        return left > right or (left == right and priority[i] < priority[j])

    for _ in range(seats - sum(held)):
        best = 0
        for i in range(1, count):
            if beats(i, best):
                best = i
        held[best] += 1
        nexts[best] = _scaled(method, held[best])
    lasts = [_scaled(method, n - 1) if n else 0 for n in held]
    winners = [i for i in range(count) if held[i]]
    # The last seat: the lowest winning quotient; among equal ones, the list the priority puts last.
    last = winners[0]
    for i in winners[1:]:
        left, right = votes[i] * lasts[last], votes[last] * lasts[i]
        if left < right or (left == right and priority[i] > priority[last]):
            last = i
    nxt = 0
    for i in range(1, count):
        if beats(i, nxt):
            nxt = i
    last_value = Fraction(votes[last] * scale, lasts[last])
    next_value = Fraction(votes[nxt] * scale, nexts[nxt])
    tie = None
    if votes[last] * nexts[nxt] == votes[nxt] * lasts[last]:
        at_winners = [i for i in winners if votes[i] * lasts[last] == votes[last] * lasts[i]]
        at_losers = [i for i in range(count) if votes[i] * lasts[last] == votes[last] * nexts[i]]
        contenders = tuple(sorted(at_winners + at_losers, key=lambda i: priority[i]))
        tie = Tie(value=last_value, contenders=contenders, winners=tuple(sorted(at_winners)))
    return Apportionment(
        method=method,
        seats=tuple(held),
        votes=tuple(votes),
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
