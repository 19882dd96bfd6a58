"""The findings of a seat allocation in words: how seats were shared, the last seat, ties, votes
that elected no one, indices.

Prose only, from the computed `ElectionSeats` (`pollcli.seats` makes the figures); the findings panel
and the JSON's `notes` are these sentences. Kept apart from the arithmetic, beside the summary's and
the comparison's findings, so that the wording of all three moves together.
"""

from __future__ import annotations

from pollcli.findings.seat_quotients import how, last_seat
from pollcli.findings.seat_races import no_winner, races
from pollcli.findings.summary import pct
from pollcli.findings.threshold_scope import exempt_words, national_words
from pollcli.formats import counted, listed
from pollcli.openlists import PartyList
from pollcli.seats_models import (
    METHOD_NAMES,
    Allocation,
    ElectionSeats,
    PartySeats,
    Threshold,
    method_phrase,
)
from pollcli.verdict import UNMEASURED

CLOSEST_SHOWN = 3


def _label(method: str) -> str:
    return method_phrase(method)


def _name(method: str) -> str:
    return METHOD_NAMES.get(method, method)


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}"


def _base_words(threshold: Threshold, against_all: bool) -> str:
    if threshold.base == "parties":
        return "the parties' votes (“Against all” left out)"
    if threshold.base == "cast":
        return "ballots cast"
    return "valid votes (“Against all” included)" if against_all else "valid votes"


def _lists(allocation: Allocation) -> list[PartySeats]:
    return [p for p in allocation.parties if p.kind == "candidate"]


def findings(
    election: ElectionSeats,
    *,
    method_defaulted: bool,
    source: str | None,
    scope: str | None = None,
    pooled: PartyList | None = None,
    list_totals: list[str] | None = None,
    regions: list[str] | None = None,
    councils: str | None = None,
) -> list[str]:
    """The findings of one parliament, first method in detail, the others by what they change;
    `scope`, the note of a threshold taken in each district where a national one would differ;
    `pooled`, a list whose candidates were summed into it (candidates on open lists), and
    `list_totals` the rows named as their party that hold their list's sum, not added; `regions`,
    those of one election, whose votes a national allocation pools (`_pooled_regions`); `councils`,
    the race key of municipalities whose councils the races are (no majority of them all)."""
    if not election.allocations:
        return []
    first = election.allocations[0]
    unknown = sum(1 for d in election.districts or [] if d.seats is None)
    notes = [] if election.partial is None else [_partial(election.partial.filter)]
    if councils is not None:
        notes.append(
            f"Each race is the council of one {councils!r}, not a district of one parliament: no "
            f"majority of the {election.seats:,} seats added up is claimed (it would mean "
            "nothing); each council's majority is its own (its district's row)."
        )
    else:
        notes += _majority(first, election.seats, unknown)
    if election.layout == "national":
        if regions and len(regions) > 1:
            notes.append(_pooled_regions(regions, election.seats))
        notes += _national(election, first)
    elif election.layout == "districts":
        notes += _districts(election, first)
        notes += [scope] if scope else []
    else:
        notes += races(election, first)
    if method_defaulted and election.layout != "single_member":
        notes.append(
            "No method was given (method in the file, or --method), so D'Hondt, the most widely "
            "used, was applied."
        )
    if pooled is not None:
        notes.append(_pooled(pooled, list_totals or []))
    for other in election.allocations[1:]:
        notes.append(_method_change(first, other))
    notes += _ties(election, first)
    if election.layout != "national":
        notes += _closest(election)
    notes += _without_seat(first, election)
    notes += _indices(first)
    if source:
        notes.append(f"Source: {source}")
    return notes


def _pooled_regions(names: list[str], seats: int) -> str:
    """The note of one allocation of a file of regions (PKW's Sejm table, a row per constituency,
    given `--seats 460`): their votes were pooled, which a chamber of districts does not do."""
    shown = ", ".join(map(repr, names[:2])) + (", …" if len(names) > 2 else "")
    return (
        f"The votes of the file's {len(names):,} regions ({shown}) are pooled into one allocation "
        f"of {counted(seats, 'seat')}; where each region is a district that elects members of its "
        "own, give their seats with --seats-file FILE (a CSV of district,seats), and each is "
        "allocated apart."
    )


def _partial(rows: str) -> str:
    return (
        f"Part of the vote only (the rows with {rows}, kept by --where): the seats are allocated "
        "from these rows' votes as if they were the whole election's, a what-if, not the "
        "election's result."
    )


def _pooled(pooled: PartyList, totals: list[str]) -> str:
    votes = "" if pooled.votes is None else f", {pooled.votes:,} votes"
    members = sum(1 for o in pooled.options if not o.list_votes)  # (`read.listvotes`)
    own = " and its list votes" if members < len(pooled.options) else ""
    shown = listed(totals, 3, repr)
    apart = (
        f" The rows named as their party that hold their candidates' sum ({shown}) are the lists' "
        "totals, not added."
        if totals
        else ""
    )
    return (
        "The file lists candidates with their parties: each party's candidates are summed into its "
        f"list ({pooled.name}: {members} candidates{own}{votes}), and the seats go to the "
        "lists. Which candidates take a list's seats is the law's rule (on open lists, those with "
        f"the most votes) and is not shown.{apart}"
    )


def warnings_of(election: ElectionSeats) -> list[str]:
    """Allocations that could not fill their seats, or rest on one list only."""
    warnings = []
    for allocation in election.allocations[:1]:
        qualified = [p for p in _lists(allocation) if p.qualified and p.votes > 0]
        if election.layout == "national" and not qualified:
            warnings.append(
                f"{election.election}: no list reached the legal threshold; no seat was allocated"
            )
        elif election.layout == "national" and len(qualified) == 1 and election.threshold:
            warnings.append(
                f"{election.election}: only {qualified[0].party} reached the legal threshold and "
                "takes every seat; some laws (Kazakhstan's, for one) then admit the runner-up too "
                "— pollcli does not apply such rules"
            )
    return warnings


def _national(election: ElectionSeats, allocation: Allocation) -> list[str]:
    notes = []
    lists = _lists(allocation)
    qualified = [p for p in lists if p.qualified]
    label = _label(allocation.method)
    against_all = any(p.kind == "against_all" for p in allocation.parties)
    threshold = election.threshold
    if threshold is not None and threshold.votes is not None and threshold.base_votes is not None:
        notes.append(
            f"{counted(election.seats, 'seat')} by {label}, shared among the {len(qualified)} of "
            f"{len(lists)} lists at or above the legal threshold of {threshold.pct:g} % of "
            f"{_base_words(threshold, against_all)}: {threshold.votes:,} of "
            f"{threshold.base_votes:,} votes{exempt_words(threshold.exempt)}."
        )
    else:
        notes.append(
            f"{counted(election.seats, 'seat')} by {label}; no legal threshold was given (list_threshold in "
            "the file, or --list-threshold), so every list takes part."
        )
    notes += how(allocation, election.seats)
    notes += last_seat(allocation, election.seats)
    needed = [
        f"{p.party} {p.votes_for_next_seat:,}"
        + (" (passing the threshold included)" if not p.qualified else "")
        for p in lists
        if p.votes_for_next_seat is not None
    ]
    if needed:
        notes.append(
            "More votes each list needed for one more seat, every other list's unchanged: "
            + "; ".join(needed)
            + "."
        )
    return notes


def _districts(election: ElectionSeats, allocation: Allocation) -> list[str]:
    districts = election.districts or []
    races = sum(
        1 for d in districts if d.allocations and d.allocations[0].method == "single-member"
    )
    sentence = (
        f"{counted(election.seats, 'seat')} in {len(districts)} districts, allocated in each by "
        f"{_label(allocation.method)} and added up"
    )
    if races:
        what = "a single-member race" if races == 1 else "single-member races"
        sentence += f" ({races} of them {what}, won by the most votes)"
    threshold = election.threshold
    if threshold is not None:
        against_all = any(p.kind == "against_all" for p in allocation.parties)
        words = _base_words(threshold, against_all)
        if threshold.scope == "national" and threshold.votes is not None:
            sentence += "; " + national_words(
                threshold.pct, words, threshold.votes, threshold.base_votes or 0
            )
        else:
            sentence += (
                f"; a list needs {threshold.pct:g} % of {words} in a district to take part there"
            )
        sentence += exempt_words(threshold.exempt)
    else:
        sentence += "; no legal threshold was given"
    return [sentence + ".", *no_winner([d for d in districts if d.no_winner is not None])]


def _majority(allocation: Allocation, seats: int, unknown: int = 0) -> list[str]:
    """Who has a majority of the seats. Where `unknown` races do not say how many members they
    elect, the chamber's size is not known, so no majority of it is claimed: only of the seats
    known."""
    lists = sorted(_lists(allocation), key=lambda p: -p.seats)
    if not lists or allocation.seats == 0:
        return []
    needed = seats // 2 + 1
    top = lists[0]
    if unknown:
        left_out = (
            f"{counted(unknown, 'race')} that {'does' if unknown == 1 else 'do'} not say how many "
            f"members {'it elects is' if unknown == 1 else 'they elect are'} not counted"
        )
        if top.seats >= needed:
            return [
                f"{top.party} holds {top.seats} of the {counted(seats, 'seat')} known ({needed} "
                f"would be a majority of them), on {pct(top.share)} of the votes; {left_out}."
            ]
        leaders = ", ".join(f"{p.party} {p.seats}" for p in lists[:3] if p.seats)
        return [
            f"No party has a majority of the {counted(seats, 'seat')} known ({needed} needed): "
            f"{leaders}; {left_out}."
        ]
    if top.seats >= needed:
        return [
            f"{top.party} has a majority: {top.seats} of {counted(seats, 'seat')} ({needed} needed), on "
            f"{pct(top.share)} of the votes."
        ]
    leaders = ", ".join(f"{p.party} {p.seats}" for p in lists[:3] if p.seats)
    return [f"No party has a majority of the {seats} seats ({needed} needed): {leaders}."]


def _ties(election: ElectionSeats, allocation: Allocation) -> list[str]:
    lot = election.tie_rule == "lot"
    who = "candidate" if election.layout == "single_member" else "list"
    if not allocation.ties:
        rule = (
            f"a lot drawn with seed {election.seed}, --tie lot"
            if lot
            else f"the {who} earlier in the file wins, --tie earlier"
        )
        return [f"No tie decided a seat (tie rule: {rule})."]
    how = (
        f"by lot (--tie lot, seed {election.seed})"
        if lot
        else "as earlier in the file (--tie earlier)"
    )
    notes = []
    for tie in allocation.ties:
        where = f" in {tie.district}" if tie.district else ""
        if tie.method == "single-member":
            what = f"{tie.value:,.0f} votes each"
        elif election.allocations[0].quota is not None:
            what = f"equal remainders of {tie.value:.4f} of a quota"
        else:
            what = f"equal quotients of {tie.value:,.2f}"
        seats = "a seat" if tie.seats == 1 else f"{tie.seats} seats"
        won = ", ".join(tie.winners) or "nobody"
        notes.append(
            f"Tie{where}: {', '.join(tie.contenders)} had {what} for {seats}; {won} took "
            f"{'it' if tie.seats == 1 else 'them'} {how}."
        )
    return notes


def _closest(election: ElectionSeats) -> list[str]:
    found: list[tuple[int, str, str]] = []
    # A race that names no winner (but a tie or a runoff) is no close race: nothing was won by it.
    # Nor is one won by a majority of first preferences: what a rival needed depends on the
    # preferences the file does not hold.
    measured = [
        d for d in election.districts or [] if d.no_winner not in UNMEASURED and not d.preferential
    ]
    for district in measured:
        for party in district.allocations[0].parties:
            if party.votes_for_next_seat is not None:
                found.append((party.votes_for_next_seat, party.party, district.district))
    found.sort()
    if not found:
        return []
    shown = "; ".join(
        f"{party} needed {votes:,} more vote{'' if votes == 1 else 's'} in {district}"
        for votes, party, district in found[:CLOSEST_SHOWN]
    )
    if election.layout == "single_member":
        return [f"The closest races: {shown}."]
    return [f"The cheapest seats to gain: {shown}."]


def _without_seat(allocation: Allocation, election: ElectionSeats) -> list[str]:
    # The votes of races that name no winner may have elected someone: the file does not say, so
    # they are neither among those that elected no one nor said to have elected anyone.
    open_ = [d for d in election.districts or [] if d.no_winner is not None]
    unsaid = ""
    if open_:
        votes = sum(d.allocations[0].valid_votes for d in open_ if d.allocations)
        unsaid = (
            f"; the {votes:,} votes of {counted(len(open_), 'race')} that name no winner are "
            "not counted"
        )
    if not allocation.votes_without_seat:
        if open_:
            return [
                "Every vote of the districts that name their winners went to a list or "
                f"candidate that won a seat{unsaid}."
            ]
        return ["Every vote went to a list that won a seat."]
    if election.layout != "national":
        return [
            f"{allocation.votes_without_seat:,} votes ({pct(allocation.votes_without_seat_pct)} "
            f"of valid votes) elected no one in their district{unsaid}."
        ]
    parts = []
    for party in allocation.parties:
        if party.seats or not party.votes:
            continue
        if party.kind != "candidate":
            why = "not a list"
        elif not party.qualified:
            why = "below the threshold"
        else:
            why = "too few votes for a seat"
        parts.append(f"{party.party} {party.votes:,} ({why})")
    return [
        f"{allocation.votes_without_seat:,} votes ({pct(allocation.votes_without_seat_pct)} of "
        f"valid votes) elected no one: {'; '.join(parts)}."
    ]


def _indices(allocation: Allocation) -> list[str]:
    notes = []
    by_votes, by_seats = allocation.effective_parties_votes, allocation.effective_parties_seats
    if by_votes is not None and by_seats is not None:
        notes.append(
            f"Effective number of parties: {by_votes:.2f} by votes, {by_seats:.2f} by seats."
        )
    if allocation.gallagher is not None and allocation.loosemore_hanby is not None:
        notes.append(
            f"Disproportionality: Gallagher {allocation.gallagher:.2f}, Loosemore–Hanby "
            f"{allocation.loosemore_hanby:.2f} (points of the vote; 0 is exactly proportional)."
        )
    return notes


def _method_change(first: Allocation, other: Allocation) -> str:
    changed = [p for p in other.parties if p.seats_change]
    tail = ""
    if other.gallagher is not None and first.gallagher is not None:
        tail = f"; Gallagher {other.gallagher:.2f} against {first.gallagher:.2f}"
    if not changed:
        return f"{_name(other.method)}: the same seats as {_name(first.method)}{tail}."
    listed = ", ".join(f"{p.party} {p.seats} ({_signed(p.seats_change or 0)})" for p in changed)
    return f"{_name(other.method)} instead of {_name(first.method)}: {listed}{tail}."
