"""Loaded elections → seats: party lists with a legal threshold, per district, or races won.

Pure: `allocate` takes `Election`s and returns a `SeatsReport`; nothing here reads files or prints. The
arithmetic of each method is `pollcli.apportion`'s. This module decides who takes part (the legal
threshold; options that are not party lists never get seats), groups districts, finds what each party
needed for one more seat, and computes the indices. The sentences come from
`pollcli.findings.seats`.

Decisions, repeated for users in docs/seats.md:

- **One parliament per file.** A file with one election is one allocation. The elections of one file
  (told apart by an `election` column today, by race keys later) are the districts of one parliament
  when they share date and stage; seats are allocated in each and summed per party. A district with
  one seat, or with no seats given, is a single-member race won by the most votes (`system: majority`:
  only with more than half of the valid votes; otherwise it is left to a runoff).
- **One election with regions** and `district_seats` (`--seats-file`) is allocated per region.
- **The threshold gate**: a list qualifies when its votes are at or above `list_threshold` percent of
  the base: `valid` (every valid option, "Against all" included), `parties` (the options that are not
  "Against all"), or `cast` (ballots cast). Only qualifying party lists share the seats, on their own
  votes: the Hare quota is the qualifying lists' votes over the seats (Kazakhstan's law, and what
  reproduces its published seats). "Against all", "Others" and blank or invalid ballots never get seats.
- **Ties** (equal remainders or quotients for fewer seats than contenders; equal votes for first in a
  race) go to the list earlier in the file (`earlier`) or to a seeded lot (`lot`), and are always
  reported.
- **Votes for one more seat**: the fewest more votes that win a list one more seat outright (it loses
  every tie), every other option's votes unchanged; the threshold's base grows with them (ballots cast
  too, for the `cast` base), and the whole allocation is run again, so a quota that moves, a threshold
  to pass and lists that fall under it are all counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from pollcli import apportion
from pollcli.election import Election
from pollcli.findings.seats import findings, warnings_of
from pollcli.seats.contests import (
    SINGLE_MEMBER,
    Contest,
    Gate,
    check_cast_base,
    contests_of,
    gate_of,
    parliaments,
    threshold_of,
)
from pollcli.seats.options import (
    DEFAULT_METHOD,
    TIE_RULES,
    SeatOptions,
    district_key,
    parse_district_seats,
    parse_methods,
)
from pollcli.seats.outcome import Outcome, outcome_of, votes_for_next_seat
from pollcli.seats_models import (
    Allocation,
    DistrictSeats,
    ElectionSeats,
    PartySeats,
    SeatPick,
    SeatsReport,
    Threshold,
    Tie,
)

__all__ = [
    "DEFAULT_METHOD",
    "SINGLE_MEMBER",
    "TIE_RULES",
    "allocate",
    "parse_district_seats",
    "parse_methods",
]


def allocate(
    elections: Election | Sequence[Election],
    *,
    seats: int | None = None,
    methods: str | Sequence[str] | None = None,
    list_threshold: float | None = None,
    threshold_base: str | None = None,
    tie: str = "earlier",
    seed: int | None = None,
    district_seats: Mapping[str, int] | None = None,
) -> SeatsReport:
    """Seats for each parliament among `elections`, as `pollcli seats` shows them.

    Arguments override the elections' facts: `seats` (one election's total), `methods` (a name or
    several, comma-separated or a list: hare, droop, dhondt, sainte-lague, modified-sainte-lague,
    imperiali), `list_threshold` (percent) and `threshold_base` (valid, parties, cast).
    `district_seats` maps district (or region) names to their seats. `tie` is "earlier" or "lot"
    (with `seed`, 0 by default).
    """
    items = [elections] if isinstance(elections, Election) else list(elections)
    options = SeatOptions.checked(
        seats, methods, list_threshold, threshold_base, tie, seed, district_seats
    )
    report = SeatsReport(elections=[_parliament(group, options) for group in parliaments(items)])
    options.check_districts_used(report)
    return report


# --- contests: the units seats are allocated in ---------------------------------------------------


# --- from outcomes to results ------------------------------------------------------------------------


def _shares(votes: Sequence[int]) -> list[float | None]:
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


def allocation_of(
    contest: Contest, method: str, gate: Gate | None, rule: SeatOptions
) -> tuple[Allocation, Outcome]:
    outcome = outcome_of(contest, method, gate)
    result = outcome.result
    shares = _shares(contest.votes)
    awarded = sum(outcome.seats)
    by_votes, by_seats, gallagher, lh = _indices(contest.kinds, contest.votes, outcome.seats)
    position = {i: p for p, i in enumerate(outcome.index)}
    parties = []
    for i in _sorted_positions(contest.kinds, contest.votes):
        p = position.get(i)
        seat_share = outcome.seats[i] / awarded * 100 if awarded else None
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
    without = sum(v for v, s in zip(contest.votes, outcome.seats, strict=True) if s == 0)
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
    return allocation, outcome


def _divisors(method: str, outcome: Outcome) -> list[float] | None:
    if method not in apportion.DIVISOR_METHODS:
        return None
    most = max(outcome.seats, default=0)
    return [float(apportion.divisor(method, k)) for k in range(most + 1)]


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
            allocation.ties.append(
                Tie(
                    district=district,
                    method=SINGLE_MEMBER,
                    value=float(contest.votes[outcome.tied[0]]),
                    contenders=[contest.names[i] for i in outcome.tied],
                    winners=[] if outcome.winner is None else [contest.names[outcome.winner]],
                    seats=1,
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


# --- parliaments ----------------------------------------------------------------------------------


def _methods(election: Election, options: SeatOptions) -> tuple[list[str], bool]:
    """The methods asked for, and whether the default was taken for want of any."""
    if options.methods is not None:
        return options.methods, False
    if election.facts.method is not None:
        return [election.facts.method], False
    return [DEFAULT_METHOD], True


def _parliament(group: list[Election], options: SeatOptions) -> ElectionSeats:
    first = group[0]
    facts = first.facts
    source = first.source_file
    methods, defaulted = _methods(first, options)
    gate = gate_of(first, options)
    layout, contests = contests_of(group, options)
    check_cast_base(contests, gate, source)
    warnings = [w.render() for e in group for w in e.warnings]
    if layout == "single_member":
        if options.methods is not None:
            warnings.append(
                "--method does not apply to single-member races: each is won by the most votes"
            )
        methods = [SINGLE_MEMBER]

    per_contest: list[list[Allocation]] = []
    for contest in contests:
        row = [allocation_of(contest, method, gate, options)[0] for method in methods]
        _changes(row)
        per_contest.append(row)
    districts = None
    threshold = threshold_of(contests[0], gate)
    if layout == "national":
        allocations = per_contest[0]
    else:
        allocations = [
            sum_districts([row[k] for row in per_contest], method)
            for k, method in enumerate(methods)
        ]
        _changes(allocations)
        districts = [
            DistrictSeats(
                district=contest.name,
                seats=contest.seats,
                threshold=None if contest.single_member else threshold_of(contest, gate),
                allocations=row,
            )
            for contest, row in zip(contests, per_contest, strict=True)
        ]
        # Each district has its own base: the summed view keeps only the rule.
        threshold = (
            Threshold(pct=gate.pct_float, base=gate.base, base_votes=None, votes=None)  # type: ignore[arg-type]
            if gate is not None and layout == "districts"
            else None
        )
    seats = ElectionSeats(
        election=facts.election if len(group) == 1 else _file_label(source),
        date=facts.date,
        country=facts.country,
        office=facts.office,
        stage=facts.stage,
        source_file=source,
        layout=layout,
        seats=sum(c.seats for c in contests),
        methods=methods,
        threshold=threshold,
        tie_rule=options.tie,
        seed=options.seed,
        allocations=allocations,
        districts=districts,
        notes=[],
        warnings=warnings,
        source=facts.source,
    )
    seats.notes.extend(findings(seats, method_defaulted=defaulted, source=facts.source))
    seats.warnings.extend(warnings_of(seats))
    return seats


def _file_label(source: str) -> str:
    from pathlib import PurePath

    return PurePath(source).stem if source not in ("-", "<stdin>") else source


def _changes(allocations: list[Allocation]) -> None:
    """Each method's seats against the first method's, party by party."""
    if len(allocations) < 2:
        return
    first = {p.party: p.seats for p in allocations[0].parties}
    for allocation in allocations[1:]:
        for party in allocation.parties:
            party.seats_change = party.seats - first.get(party.party, 0)


def sum_districts(allocations: list[Allocation], method: str) -> Allocation:
    """Districts' allocations by one method, added up per party."""
    order: dict[str, PartySeats] = {}
    qualified: dict[str, bool] = {}
    cheapest: dict[str, int | None] = {}
    for allocation in allocations:
        for p in allocation.parties:
            key = f"{p.kind}\x00{district_key(p.party)}"
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
    by_votes, by_seats, gallagher, lh = _indices(kinds, votes, seats)
    parties = []
    for i in _sorted_positions(kinds, votes):
        party = order[keys[i]]
        party.share = shares[i]
        party.qualified = qualified[keys[i]]
        party.seat_share = party.seats / awarded * 100 if awarded else None
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
