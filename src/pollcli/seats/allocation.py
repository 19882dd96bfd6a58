"""From outcomes to what users read: each party's figures, the indices, and how the seats were won.

An `Allocation` is one method's seats in one contest (or summed over districts): votes, shares,
seats and their difference for every valid option; the quota or divisors; the last seat, who was next
in line and what it needed; the ties the rule settled; the votes that elected no one; the effective
number of parties and the Gallagher and Loosemore–Hanby indices. Districts are summed party by party
and the indices computed again on the sums, so that they are the parliament's.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from pollcli import apportion
from pollcli.namekeys import party_key
from pollcli.seats.contests import SINGLE_MEMBER, Contest, Gate
from pollcli.seats.options import SeatOptions
from pollcli.seats.outcome import Outcome, outcome_of, votes_for_next_seat
from pollcli.seats_models import Allocation, PartySeats, SeatPick, Tie


def allocation_of(
    contest: Contest, method: str, gate: Gate | None, rule: SeatOptions
) -> Allocation:
    """One contest's seats by one method, with every figure the output explains them by."""
    outcome = outcome_of(contest, method, gate)
    result = outcome.result
    shares = _shares(contest.votes)
    awarded = sum(outcome.seats)
    base = _seat_base(contest.seats, awarded)
    by_votes, by_seats, gallagher, lh = _indices(contest.kinds, contest.votes, outcome.seats)
    position = {i: p for p, i in enumerate(outcome.index)}
    parties = []
    for i in _sorted_positions(contest.kinds, contest.votes):
        p = position.get(i)
        seat_share = outcome.seats[i] / base * 100 if base else None
        share = shares[i]
        quotas = remainder_seat = next_quotient = None
        if result is not None and p is not None:
            if result.quota is not None and result.whole_quotas is not None:
                quotas = float(Fraction(contest.votes[i]) / result.quota)
                remainder_seat = outcome.seats[i] > result.whole_quotas[p]
            if result.quotients is not None:
                next_quotient = float(result.quotients[p])
        parties.append(
            PartySeats(
                party=contest.names[i],
                kind=contest.kinds[i],
                votes=contest.votes[i],
                share=share,
                qualified=outcome.qualified[i],
                seats=outcome.seats[i],
                seat_share=seat_share,
                difference=seat_share - share
                if seat_share is not None and share is not None
                else None,
                quotas=quotas,
                remainder_seat=bool(remainder_seat),
                next_quotient=next_quotient,
                votes_for_next_seat=votes_for_next_seat(contest, method, gate, outcome, i),
                seats_change=None,
                colour=contest.colours[i],
            )
        )
    # A race that names no winner: its votes may have elected someone, the file does not say.
    without = sum(
        v
        for v, s in zip(contest.votes, outcome.seats, strict=True)
        if s == 0 and not outcome.undecided
    )
    total = sum(contest.votes)
    allocation = Allocation(
        method=SINGLE_MEMBER if contest.single_member else method,
        seats=awarded,
        valid_votes=total,
        allocated_votes=sum(contest.votes[i] for i in outcome.index) if result else None,
        quota=float(result.quota) if result is not None and result.quota is not None else None,
        divisors=_divisors(method, outcome) if result is not None else None,
        parties=parties,
        last_seat=None,
        next_in_line=None,
        ties=[],
        votes_without_seat=without,
        votes_without_seat_pct=without / total * 100 if total else None,
        effective_parties_votes=by_votes,
        effective_parties_seats=by_seats,
        gallagher=gallagher,
        loosemore_hanby=lh,
        undecided=1 if outcome.undecided else 0,
    )
    _decisive(allocation, contest, outcome, rule, parties)
    return allocation


def _decisive(
    allocation: Allocation,
    contest: Contest,
    outcome: Outcome,
    rule: SeatOptions,
    parties: list[PartySeats],
) -> None:
    """The last seat, who was next in line, and the ties the rule settled."""
    by_name = {p.party: p for p in parties}
    district = None if contest.name == "" else contest.name
    if contest.single_member:
        if len(outcome.tied) > 1:
            winners = [contest.names[i] for i in outcome.tied if outcome.seats[i]]
            allocation.ties.append(
                Tie(
                    district=district,
                    method=SINGLE_MEMBER,
                    value=float(contest.votes[outcome.tied[0]]),
                    contenders=[contest.names[i] for i in outcome.tied],
                    winners=winners,
                    seats=max(1, len(winners)),
                    rule=rule.tie,
                    seed=rule.seed,
                )
            )
        return
    result = outcome.result
    if result is None:
        return
    name = [contest.names[i] for i in outcome.index]
    if result.last is not None and result.last_value is not None:
        allocation.last_seat = SeatPick(
            party=name[result.last],
            value=float(result.last_value),
            seat_number=contest.seats,
        )
    if result.next is not None and result.next_value is not None:
        nxt = name[result.next]
        allocation.next_in_line = SeatPick(
            party=nxt,
            value=float(result.next_value),
            votes_short=by_name[nxt].votes_for_next_seat if nxt in by_name else None,
        )
    if result.tie is not None:
        allocation.ties.append(
            Tie(
                district=district,
                method=result.method,
                value=float(result.tie.value),
                contenders=[name[i] for i in result.tie.contenders],
                winners=[name[i] for i in result.tie.winners],
                seats=len(result.tie.winners),
                rule=rule.tie,
                seed=rule.seed,
            )
        )


def _divisors(method: str, outcome: Outcome) -> list[float] | None:
    """The divisor series up to the biggest winner's next seat, for the explanation."""
    if method not in apportion.DIVISOR_METHODS:
        return None
    most = max(outcome.seats, default=0)
    return [float(apportion.divisor(method, k)) for k in range(most + 1)]


def _seat_base(seats: int, awarded: int) -> int:
    """The base of `seat_share`: the seats to fill, as the table's header and `seats` give them,
    awarded or not (a race left to a runoff keeps its seat in the base: trial 4 saw one seat won of
    five printed as 100 %); the seats awarded only where none is known to fill."""
    return seats or awarded


def sum_districts(allocations: list[Allocation], method: str, to_fill: int) -> Allocation:
    """Districts' allocations by one method, added up per party (a party is its kind and name);
    `to_fill` are the districts' seats to fill, the base of each party's `seat_share`."""
    order: dict[str, PartySeats] = {}
    qualified: dict[str, bool] = {}
    cheapest: dict[str, int | None] = {}
    for allocation in allocations:
        for p in allocation.parties:
            key = f"{p.kind}\x00{party_key(p.party)}"
            if key not in order:
                order[key] = PartySeats(
                    party=p.party,
                    kind=p.kind,
                    votes=0,
                    share=None,
                    qualified=False,
                    seats=0,
                    seat_share=None,
                    difference=None,
                    quotas=None,
                    remainder_seat=False,
                    next_quotient=None,
                    votes_for_next_seat=None,
                    seats_change=None,
                    colour=p.colour,
                )
                cheapest[key] = None
            summed = order[key]
            summed.votes += p.votes
            summed.seats += p.seats
            summed.remainder_seat = summed.remainder_seat or p.remainder_seat
            summed.colour = summed.colour or p.colour
            qualified[key] = qualified.get(key, False) or p.qualified
            if p.votes_for_next_seat is not None:
                known = cheapest[key]
                cheapest[key] = (
                    p.votes_for_next_seat if known is None else min(known, p.votes_for_next_seat)
                )
    keys = list(order)
    votes = [order[k].votes for k in keys]
    seats = [order[k].seats for k in keys]
    kinds = [order[k].kind for k in keys]
    shares = _shares(votes)
    awarded = sum(seats)
    base = _seat_base(to_fill, awarded)
    by_votes, by_seats, gallagher, lh = _indices(kinds, votes, seats)
    parties = []
    for i in _sorted_positions(kinds, votes):
        party = order[keys[i]]
        party.share = shares[i]
        party.qualified = qualified[keys[i]]
        party.seat_share = party.seats / base * 100 if base else None
        party.difference = (
            party.seat_share - party.share
            if party.seat_share is not None and party.share is not None
            else None
        )
        party.votes_for_next_seat = cheapest[keys[i]]
        parties.append(party)
    without = sum(a.votes_without_seat for a in allocations)
    total = sum(votes)
    allocated = [a.allocated_votes for a in allocations if a.allocated_votes is not None]
    return Allocation(
        method=method,
        seats=awarded,
        valid_votes=total,
        allocated_votes=sum(allocated) if allocated else None,
        quota=None,
        divisors=None,
        parties=parties,
        last_seat=None,
        next_in_line=None,
        ties=[t for a in allocations for t in a.ties],
        votes_without_seat=without,
        votes_without_seat_pct=without / total * 100 if total else None,
        effective_parties_votes=by_votes,
        effective_parties_seats=by_seats,
        gallagher=gallagher,
        loosemore_hanby=lh,
        undecided=sum(a.undecided for a in allocations),
    )


def _shares(votes: Sequence[int]) -> list[float | None]:
    """Percent of the votes given (valid votes: every option but blank and invalid)."""
    total = sum(votes)
    return [v / total * 100 if total else None for v in votes]


def _indices(
    kinds: Sequence[str], votes: Sequence[int], seats: Sequence[int]
) -> tuple[float | None, float | None, float | None, float | None]:
    """Effective number of parties by votes and by seats; Gallagher and Loosemore–Hanby."""
    party_votes = [v for v, k in zip(votes, kinds, strict=True) if k != "against_all"]
    total_party = sum(party_votes)
    by_votes = (
        apportion.effective_number([Fraction(v, total_party) for v in party_votes])
        if total_party
        else None
    )
    awarded = sum(seats)
    by_seats = (
        apportion.effective_number([Fraction(s, awarded) for s in seats]) if awarded else None
    )
    if not awarded or not sum(votes):
        return by_votes, by_seats, None, None
    vote_pct = [float(Fraction(v * 100, sum(votes))) for v in votes]
    seat_pct = [float(Fraction(s * 100, awarded)) for s in seats]
    return (
        by_votes,
        by_seats,
        apportion.gallagher(vote_pct, seat_pct),
        apportion.loosemore_hanby(vote_pct, seat_pct),
    )


def _sorted_positions(kinds: Sequence[str], votes: Sequence[int]) -> list[int]:
    """Party lists by votes (then file order), then the options that are not lists."""
    return sorted(range(len(votes)), key=lambda i: (kinds[i] != "candidate", -votes[i], i))
