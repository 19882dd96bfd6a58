"""How a seat allocation went, in words: the method's divisors or quota, and the last seat — who
took it with what quotient, who was next in line and how far off (`findings.seats` says the rest)."""

from __future__ import annotations

from pollcli.seats_models import Allocation, PartySeats

SERIES_SHOWN = 4


def _number(value: float) -> str:
    """1.4 as 1.4, 3.0 as 3: divisors as people write them."""
    return f"{value:g}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def how(allocation: Allocation, seats: int) -> list[str]:
    """The quota and the remainders, or the divisor series."""
    if allocation.quota is not None and allocation.allocated_votes is not None:
        quota = allocation.quota
        if allocation.method == "droop":
            formula = f"⌊{allocation.allocated_votes:,} ÷ {seats + 1}⌋ + 1 = {quota:,.0f}"
        else:
            formula = f"{allocation.allocated_votes:,} ÷ {seats} = {quota:,.2f}"
        by_remainder = [p for p in allocation.parties if p.remainder_seat]
        whole = allocation.seats - len(by_remainder)
        sentence = (
            f"Quota: the qualifying lists' votes over the seats, {formula} votes a seat. Whole "
            f"quotas filled {whole} seats"
        )
        if by_remainder:
            ranked = sorted(by_remainder, key=lambda p: -_remainder(p))
            sentence += (
                f"; the {len(by_remainder)} left went to the largest remainders, in quotas: "
                + ", ".join(f"{p.party} {_remainder(p):.4f}" for p in ranked)
            )
        return [sentence + "."]
    if allocation.divisors:
        series = ", ".join(_number(d) for d in allocation.divisors[:SERIES_SHOWN])
        return [
            f"Divisors: each list's votes are divided by {series}, …; the {seats} highest "
            "quotients win the seats."
        ]
    return []


def _remainder(party: PartySeats) -> float:
    quotas = party.quotas or 0.0
    return quotas - int(quotas)


def last_seat(allocation: Allocation, seats: int) -> list[str]:
    last, nxt = allocation.last_seat, allocation.next_in_line
    by_name = {p.party: p for p in allocation.parties}
    if allocation.quota is not None:
        if last is None:
            opening = "Whole quotas filled every seat; none was decided by a remainder"
        else:
            opening = (
                f"The last seat went to {last.party} on a remainder of {last.value:.4f} of a quota"
            )
        if nxt is None:
            return [opening + "."]
        return [
            opening
            + f"; next in line was {nxt.party} ({nxt.value:.4f})"
            + (
                f", which needed {nxt.votes_short:,} more vote{'' if nxt.votes_short == 1 else 's'} to take it"
                if nxt.votes_short
                else ""
            )
            + "."
        ]
    if last is None or allocation.divisors is None:
        return []

    def quotient(party: PartySeats, value: float, held: int) -> str:
        divisor = (
            allocation.divisors[held]
            if allocation.divisors and held < len(allocation.divisors)
            else None
        )
        shown = f"{value:,.2f}"
        if divisor is None:
            return shown
        return f"{shown} ({party.votes:,} ÷ {_number(divisor)})"

    winner = by_name[last.party]
    sentence = (
        f"The last seat, the {_ordinal(seats)}, went to {last.party} with a quotient of "
        f"{quotient(winner, last.value, winner.seats - 1)}"
    )
    if nxt is not None and nxt.party == last.party:
        # Its own next quotient (a big list's): no votes "to take" a seat it holds; how many more
        # it needed for one more is said with the others'.
        sentence += (
            f"; next in line was {nxt.party} again, with "
            f"{quotient(winner, nxt.value, winner.seats)}: its {_ordinal(winner.seats + 1)} "
            f"seat, had there been {seats + 1}"
        )
    elif nxt is not None and nxt.party in by_name:
        runner = by_name[nxt.party]
        sentence += (
            f"; next in line was {nxt.party} with {quotient(runner, nxt.value, runner.seats)}"
            + (
                f", which needed {nxt.votes_short:,} more vote{'' if nxt.votes_short == 1 else 's'} to take it"
                if nxt.votes_short
                else ""
            )
        )
    level = [  # other lists whose next quotient equals it: the tie rule put it first
        p
        for p in allocation.parties
        if nxt is not None and p.party != nxt.party and p.qualified and p.next_quotient == nxt.value
    ]
    if nxt is not None and level:
        rivals = ", ".join(f"{p.party}'s {quotient(p, nxt.value, p.seats)}" for p in level)
        sentence += f" (level with {rivals}: the tie rule put {nxt.party} first)"
    return [sentence + "."]
