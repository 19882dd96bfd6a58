"""Loaded elections → the figures of an election night: leader, margin, majority, thresholds, turnout, term.

Pure functions: `summarize` takes `Election`s and returns a `Summary`; nothing here reads files or
prints. The sentences in `notes` are the findings panel and the JSON's notes alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pollcli import checks
from pollcli.columns import NOT_VALID_KINDS, is_party_list
from pollcli.election import Election, Option
from pollcli.errors import UsageError
from pollcli.models import (
    ElectionSummary,
    Majority,
    Margin,
    ResultRow,
    Standing,
    Summary,
    Term,
    Turnout,
)

DEFAULT_THRESHOLD = 3.0
DEFAULT_MAJORITY = 50.0


def summarize(
    elections: Election | Sequence[Election],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    majority: float = DEFAULT_MAJORITY,
    by_region: bool = False,
) -> Summary:
    """Summarise each election: ranked results and findings, as the `summary` command shows them.

    With `by_region`, each election also gets `regions`: every region's leader, margin, shares and
    turnout (an empty list, and a warning, when the file has no region column).
    """
    items = [elections] if isinstance(elections, Election) else list(elections)
    summaries = [summarize_election(e, threshold=threshold, majority=majority) for e in items]
    if by_region:
        from pollcli.regions import regions_led, summarize_regions

        for election, summary in zip(items, summaries, strict=True):
            summary.regions = summarize_regions(election, threshold=threshold, majority=majority)
            sentence = regions_led(summary.regions)
            summary.regions_led = sentence
            if sentence is not None:
                summary.notes.append(sentence)
            if not election.regions:
                summary.warnings.append(
                    f"{election.source_file}: --by region needs a region column "
                    "(region, precinct, district or county); none was found"
                )
    return Summary(elections=summaries)


@dataclass(frozen=True)
class _Ranked:
    option: Option
    share: float | None
    rank: int


def pct(value: float | None) -> str:
    """A share as the findings print it (comparison's notes too): 81.31 %, or n/a."""
    return "n/a" if value is None else f"{value:.2f} %"


def _percent(name: str, value: float) -> float:
    """A threshold from Python as the CLI's flags have it: a float from 0 to 100 (5 prints as 5.0)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not 0 <= number <= 100:
        raise UsageError(f"{name} must be a number from 0 to 100, not {value!r}")
    return number


def count(value: int) -> str:
    return f"{value:,}"


def counted(value: int, noun: str) -> str:
    """'1 vote', '2,000 votes'."""
    return f"{value:,} {noun}" if value == 1 else f"{value:,} {noun}s"


def _standing(item: _Ranked) -> Standing:
    o = item.option
    return Standing(candidate=o.candidate, party=o.party, votes=o.votes, share=item.share)


def _describe(item: _Ranked) -> str:
    party = item.option.party
    if not party:
        return item.option.candidate
    # "Tokayev (People's Coalition (non-party))" nests brackets; commas read better then.
    return (
        f"{item.option.candidate}, {party},"
        if "(" in party
        else f"{item.option.candidate} ({party})"
    )


def _figures(item: _Ranked) -> str:
    parts = []
    if item.share is not None:
        parts.append(pct(item.share))
    if item.option.votes is not None:
        parts.append(counted(item.option.votes, "vote"))
    return parts[0] + (f" ({parts[1]})" if len(parts) > 1 else "") if parts else "no figures"


def _shares(election: Election) -> dict[int, float | None]:
    """Share of each option (by position): the published figure, else votes / base × 100."""
    facts = election.facts
    base_total = checks.base_votes(election.options, facts.share_base, facts.ballots_cast)
    shares: dict[int, float | None] = {}
    for index, option in enumerate(election.options):
        if option.share is not None:
            shares[index] = option.share
        elif option.votes is not None and base_total and checks.in_base(option, facts.share_base):
            shares[index] = option.votes / base_total * 100
        else:
            shares[index] = None
    return shares


def _rank(election: Election) -> list[_Ranked]:
    shares = _shares(election)

    def key(index: int) -> tuple[bool, float, float]:
        option = election.options[index]
        share, votes = shares[index], option.votes
        # Blank and invalid ballots are not choices between options: they come last.
        return (
            option.kind in NOT_VALID_KINDS,
            -(share if share is not None else -1.0),
            -(votes if votes is not None else -1),
        )

    order = sorted(range(len(election.options)), key=lambda i: (key(i), i))
    ranked: list[_Ranked] = []
    for position, index in enumerate(order):
        tied_with_previous = position > 0 and key(order[position - 1]) == key(index)
        rank = ranked[-1].rank if tied_with_previous else position + 1
        ranked.append(_Ranked(election.options[index], shares[index], rank))
    return ranked


def _strength(item: _Ranked, by_votes: bool) -> float:
    value = item.option.votes if by_votes else item.share
    return float(value) if value is not None else -1.0


def summarize_election(
    election: Election, *, threshold: float = DEFAULT_THRESHOLD, majority: float = DEFAULT_MAJORITY
) -> ElectionSummary:
    threshold, majority = _percent("threshold", threshold), _percent("majority", majority)
    facts = election.facts
    ranked = _rank(election)
    candidates = [r for r in ranked if r.option.kind == "candidate"]
    # Votes decide who leads when every candidate has them; rounded published shares could tie falsely.
    by_votes = bool(candidates) and all(r.option.votes is not None for r in candidates)
    candidates.sort(key=lambda r: -_strength(r, by_votes))
    notes: list[str] = []
    warnings = list(election.warnings)

    top = _strength(candidates[0], by_votes) if candidates else None
    tied = [r for r in candidates if _strength(r, by_votes) == top] if candidates else []
    leader = tied[0] if len(tied) == 1 else None
    runner_up = candidates[1] if leader is not None and len(candidates) > 1 else None

    if facts.stage != "official":
        notes.append(
            {
                "exit_poll": "Exit poll: shares of respondents, not a count of votes.",
                "preliminary": "Preliminary results: the count may still change.",
            }[facts.stage]
        )
    margin = _margin(leader, runner_up, tied)
    party_list = is_party_list(facts.system, facts.seats)
    system = "list" if party_list else facts.system or "majority"
    reached = leader is not None and leader.share is not None and leader.share > majority
    # Only a two-round system has a runoff: first past the post elects the leader, lists get seats.
    runoff = _runoff(leader, runner_up, tied, reached) if system == "majority" else None
    notes.extend(
        _leader_notes(
            leader,
            runner_up,
            tied,
            candidates,
            margin,
            reached,
            runoff,
            majority,
            by_votes,
            official=facts.stage == "official",
            system=system,
            list_note=_list_note(election),
        )
    )
    notes.extend(_non_candidate_notes(ranked, leader, runner_up, by_votes, facts.ballots_cast))
    if party_list:  # lists, not candidates, in the sentences above
        notes = [
            n.replace("every candidate but the leader", "every list but the leader") for n in notes
        ]

    below = [r for r in candidates if r.share is not None and r.share < threshold]
    below_names = [r.option.candidate for r in sorted(below, key=lambda r: r.rank)]
    if below:
        listed = ", ".join(
            f"{r.option.candidate} ({pct(r.share)})" for r in sorted(below, key=lambda r: r.rank)
        )
        notes.append(f"Below the {threshold:g} % threshold: {listed}.")
    elif candidates:
        notes.append(
            f"No {'list' if party_list else 'candidate'} is below the {threshold:g} % threshold."
        )

    turnout = _turnout(election, notes, warnings)
    effective = _effective_number(ranked)
    if effective is not None:
        what = "candidates"
        if party_list:  # the figure is over all valid options, as for candidates
            against = any(r.option.kind == "against_all" for r in ranked)
            what = "parties" + (", “Against all” counted as one" if against else "")
        notes.append(f"Effective number of {what} (Laakso–Taagepera): {effective:.2f}.")
    term = _term(election, notes)
    notes.extend(_check_notes(election))
    notes.extend(election.notes)
    if facts.source:
        notes.append(f"Source: {facts.source}")

    return ElectionSummary(
        election=facts.election,
        date=facts.date,
        country=facts.country,
        office=facts.office,
        round=facts.round,
        stage=facts.stage,
        source_file=election.source_file,
        threshold=threshold,
        results=[
            ResultRow(
                rank=r.rank,
                candidate=r.option.candidate,
                party=r.option.party,
                kind=r.option.kind,
                votes=r.option.votes,
                share=r.share,
                below_threshold=r.option.kind == "candidate"
                and r.share is not None
                and r.share < threshold,
                colour=r.option.colour,
            )
            for r in ranked
        ],
        leader=_standing(leader) if leader else None,
        runner_up=_standing(runner_up) if runner_up else None,
        tied_for_first=[r.option.candidate for r in tied] if len(tied) > 1 else [],
        margin=margin,
        majority=Majority(threshold=majority, reached=reached, runoff=runoff),
        below_threshold=below_names,
        turnout=turnout,
        effective_number=effective,
        term=term,
        notes=notes,
        warnings=warnings,
        party_list=party_list,
        source=facts.source,
        system=system,
    )


def _list_note(election: Election) -> str:
    """What a party-list vote is decided by: the seats, the method and the legal threshold."""
    from pollcli.seats_models import method_phrase

    facts = election.facts
    how = []
    if facts.method is not None:
        how.append(f"by {method_phrase(facts.method)}")
    if facts.list_threshold:
        base = {"valid": "valid votes", "parties": "party votes", "cast": "ballots cast"}[
            facts.threshold_base or "valid"
        ]
        how.append(f"among lists with at least {facts.list_threshold:g} % of {base}")
    seats = f"{facts.seats:,} seats" if facts.seats else "seats"
    return (
        f"Party-list vote: {seats} go to the lists{' ' + ' '.join(how) if how else ''}, not to a "
        "runoff; pollcli seats allocates them."
    )


def _margin(
    leader: _Ranked | None, runner_up: _Ranked | None, tied: list[_Ranked]
) -> Margin | None:
    if len(tied) > 1:
        first, second = tied[0], tied[1]
    elif leader is not None and runner_up is not None:
        first, second = leader, runner_up
    else:
        return None
    pp = (
        first.share - second.share if first.share is not None and second.share is not None else None
    )
    votes = (
        first.option.votes - second.option.votes
        if first.option.votes is not None and second.option.votes is not None
        else None
    )
    return Margin(pp=pp, votes=votes)


def _runoff(
    leader: _Ranked | None, runner_up: _Ranked | None, tied: list[_Ranked], reached: bool
) -> list[str] | None:
    if reached:
        return None
    if len(tied) == 2:
        return [tied[0].option.candidate, tied[1].option.candidate]
    if leader is not None and runner_up is not None:
        return [leader.option.candidate, runner_up.option.candidate]
    return None


def _leader_notes(
    leader: _Ranked | None,
    runner_up: _Ranked | None,
    tied: list[_Ranked],
    candidates: list[_Ranked],
    margin: Margin | None,
    reached: bool,
    runoff: list[str] | None,
    majority: float,
    by_votes: bool,
    *,
    official: bool,
    system: str = "majority",
    list_note: str = "",
) -> list[str]:
    notes = []
    if not candidates:
        return ["No candidate is on the ballot list; only non-candidate options were given."]
    if len(tied) > 1:
        measure = counted(tied[0].option.votes or 0, "vote") if by_votes else pct(tied[0].share)
        notes.append(
            f"Tie for first: {', '.join(_describe(r) for r in tied)} each have {measure}; "
            "no leader is named."
        )
    elif leader is not None:
        notes.append(f"{_describe(leader)} leads with {_figures(leader)}.")
        if runner_up is not None and margin is not None:
            gap = []
            if margin.pp is not None:
                gap.append(f"{margin.pp:.2f} points")
            if margin.votes is not None:
                gap.append(counted(margin.votes, "vote"))
            notes.append(
                f"Runner-up: {_describe(runner_up)} with {_figures(runner_up)}; "
                f"margin {' and '.join(gap) or 'unknown'}."
            )
        if len(candidates) > 2 and runner_up is not None:
            third = candidates[2]
            if _strength(third, by_votes) == _strength(runner_up, by_votes):
                notes.append(
                    f"{runner_up.option.candidate} and {third.option.candidate} tie for second place."
                )
    if system == "plurality":
        if leader is not None:
            how = (
                f"with a majority (more than {majority:g} %)"
                if reached
                else f"with a plurality (no one has more than {majority:g} %)"
            )
            verb = "wins" if official else "would win"
            notes.append(f"First past the post: {leader.option.candidate} {verb} the seat {how}.")
        else:
            notes.append("First past the post: the tie for first leaves the seat undecided.")
    elif system == "list":
        notes.append(list_note)
    elif reached:
        notes.append(
            f"Majority: yes — {leader.option.candidate if leader else ''} has more than "
            f"{majority:g} % and {'wins' if official else 'would win'} outright."
        )
    elif runoff:
        notes.append(
            f"Majority: no — nobody has more than {majority:g} %; a runoff would be between "
            f"{runoff[0]} and {runoff[1]}."
        )
    else:
        notes.append(f"Majority: no — nobody has more than {majority:g} %.")
    return notes


def _non_candidate_notes(
    ranked: list[_Ranked],
    leader: _Ranked | None,
    runner_up: _Ranked | None,
    by_votes: bool,
    ballots_cast: int | None,
) -> list[str]:
    notes = []
    for item in ranked:
        option = item.option
        if option.kind == "candidate":
            continue
        label = f"“{option.candidate}”"
        if option.kind in NOT_VALID_KINDS:
            if option.votes is not None and ballots_cast:
                notes.append(
                    f"{label}: {counted(option.votes, 'ballot')}, "
                    f"{pct(option.votes / ballots_cast * 100)} of ballots cast (not in the share base)."
                )
            continue
        sentence = f"{label} took {_figures(item)}, ranking {item.rank} of {len(ranked)} options"
        strength = _strength(item, by_votes)
        if leader is not None and strength > _strength(leader, by_votes):
            sentence += f" — more than the leader, {leader.option.candidate}"
        elif runner_up is not None and strength > _strength(runner_up, by_votes):
            sentence += (
                f" — ahead of the runner-up, {runner_up.option.candidate} "
                f"({pct(runner_up.share)}), "
                "and so ahead of every candidate but the leader"
            )
        notes.append(sentence + ".")
    return notes


def _turnout(election: Election, notes: list[str], warnings: list[str]) -> Turnout:
    facts = election.facts
    registered, cast = facts.registered, facts.ballots_cast
    turnout_pct = cast / registered * 100 if registered and cast is not None else None
    if turnout_pct is not None:
        notes.append(
            f"Turnout: {pct(turnout_pct)} ({counted(cast or 0, 'ballot')} cast of "
            f"{counted(registered or 0, 'registered voter')})."
        )
    elif facts.stage == "official":
        missing = [
            k.replace("_", " ") for k in ("registered", "ballots_cast") if getattr(facts, k) is None
        ]
        notes.append(f"Turnout: not computed ({' and '.join(missing)} not given).")
    return Turnout(registered=registered, ballots_cast=cast, pct=turnout_pct)


def _effective_number(ranked: list[_Ranked]) -> float | None:
    fractions = [
        r.share / 100
        for r in ranked
        if r.option.kind not in NOT_VALID_KINDS and r.share is not None
    ]
    squares = sum(p * p for p in fractions)
    # A share so small that its square is denormal would give an infinite number.
    effective = 1 / squares if squares > 0 else math.inf
    return effective if math.isfinite(effective) else None


def _term(election: Election, notes: list[str]) -> Term:
    facts = election.facts
    due = facts.date.year + facts.term_years if facts.date and facts.term_years else None
    if facts.term_years:
        sentence = f"Term of office: {facts.term_years} years"
        previous = facts.previous_term_years
        if previous and previous != facts.term_years:
            change = "lengthened" if facts.term_years > previous else "shortened"
            sentence += f" ({change} from {previous})"
        if facts.term_limit:
            sentence += f"; {facts.term_limit}"
        sentence += f"; next regular election due in {due}." if due else "."
        notes.append(sentence)
    elif facts.term_limit:
        notes.append(f"Term limit: {facts.term_limit}.")
    return Term(
        years=facts.term_years,
        previous_years=facts.previous_term_years,
        limit=facts.term_limit,
        next_election_due=due,
    )


def _check_notes(election: Election) -> list[str]:
    facts = election.facts
    notes = []
    fit = checks.inferred_base(election.options, facts.ballots_cast)
    summed = checks.published_share_sum(election.options, fit or facts.share_base)
    if summed is not None:
        sentence = f"Check: published shares add up to {summed[0]:.2f} %"
        if fit is not None:
            base_name = "valid votes" if fit == "valid" else "ballots cast"
            sentence += f" and agree with the votes on the base of {base_name}"
        notes.append(sentence + ".")
    elif any(o.votes is not None for o in election.options):
        base_total = checks.base_votes(election.options, facts.share_base, facts.ballots_cast)
        if base_total:
            noun = "valid vote" if facts.share_base == "valid" else "ballot"
            counted_base = counted(base_total, noun) + ("" if noun == "valid vote" else " cast")
            notes.append(f"Shares are computed from the votes, of {counted_base}.")
    notes.extend(_ballot_notes(election))
    return notes


def _ballot_notes(election: Election) -> list[str]:
    """Do valid votes and spoilt ballots (as facts or as listed rows) add up to ballots cast?"""
    facts = election.facts
    valid = checks.valid_votes(election.options)
    if valid is None or facts.ballots_cast is None:
        return []
    if any(o.kind in NOT_VALID_KINDS and o.votes is None for o in election.options):
        return []
    found = checks.spoilt_ballots(election.options, facts.invalid, facts.blank)
    if found is None:
        rest = facts.ballots_cast - valid
        if rest < 0:
            return []
        return [
            f"Ballots cast minus valid votes: {count(rest)} (invalid or blank ballots, derived)."
        ]
    spoilt, what = found
    verdict = "equal" if valid + spoilt == facts.ballots_cast else "do NOT equal"
    return [
        f"Check: valid votes ({count(valid)}) plus {what} ({count(spoilt)}) {verdict} "
        f"ballots cast ({count(facts.ballots_cast)})."
    ]
