"""The findings of one election in words: the sentences of the summary's panel and of its JSON `notes`.

Prose only: every figure comes from the `tally.Tally` (and the election's audit) it is given; numbers
are written by `pollcli.formats`.
"""

from __future__ import annotations

from operator import attrgetter

from pollcli.audit import rounded_step
from pollcli.columns import NOT_VALID_KINDS
from pollcli.findings.checks import (
    check_sentences,
    term_sentences,
    turnout_sentences,
)
from pollcli.findings.measures import measure_sentence
from pollcli.findings.naming import describe, described, figures
from pollcli.findings.non_candidates import non_candidates
from pollcli.findings.novotes import no_votes_sentence
from pollcli.findings.own_lines import own_lines_sentence
from pollcli.findings.systems import (
    assumed_plurality,
    list_note,
    parties_as_options,
    unjudged_sentence,
)
from pollcli.findings.ties import rounded, tie_sentence
from pollcli.findings.top_two import top_two_sentence
from pollcli.formats import counted, listed, named_pcts
from pollcli.formats import pct as _pct
from pollcli.read.perballot import SHORT
from pollcli.tally import Ranked, Tally
from pollcli.verdict import UNMEASURED, WITHHELD, verdict

_SHARE = attrgetter("share")  # (`named_pcts`: a share below the threshold is never None)
STAGE_NOTES = {
    "exit_poll": "Exit poll: shares of respondents, not a count of votes.",
    "preliminary": "Preliminary results: the count may still change.",
}
# Said of a count whose rows report under 100 % (`Election.counted_so_far`).
COUNTED_SO_FAR = "the figures are those counted so far, and may still change."


def pct(value: float | None) -> str:
    """A share as the findings write it: 81.31 %, or n/a."""
    return _pct(value, missing="n/a")


def notes(tally: Tally) -> list[str]:
    """Every sentence of an election's findings, in the order the panel shows them."""
    election = tally.election
    facts = election.facts
    sentences = []
    if facts.stage in STAGE_NOTES and election.counted_so_far is None:  # (said by the next)
        sentences.append(STAGE_NOTES[facts.stage])
    if election.counted_so_far is not None:  # (`read.reporting`: no one wins a count under way)
        sentences.insert(0, f"Partial count: {election.counted_so_far}: {COUNTED_SO_FAR}")
    official = facts.stage == "official" and election.counted_so_far is None
    sentences += _leader(tally, official=official)
    sentences += non_candidates(tally)
    if tally.party_list:  # lists, not candidates, in the sentences above
        sentences = [
            s.replace("every candidate but the leader", "every list but the leader")
            for s in sentences
        ]
    # The display threshold beside a different legal one (which gates seats): say which is which.
    legal = facts.list_threshold
    which = (
        f" (--threshold; the legal threshold for seats is {legal:g} %)"
        if legal is not None and legal != tally.threshold
        # Seats won below it (the Netherlands' D66, 3 seats with 1.96 %): a display threshold.
        else " (--threshold; the file states no legal threshold for seats)"
        if legal is None and (tally.party_list or tally.election.seats_won is not None)
        else ""
    )
    if tally.lists_below is not None:  # candidates on open lists: the lists' threshold
        pooled = "the candidates' votes summed by party"
        if tally.lists_below:
            listed = named_pcts(*zip(*tally.lists_below, strict=True))
            sentences.append(
                f"Below the {tally.threshold:g} % threshold{which}: the lists of {listed} "
                f"({pooled})."
            )
        else:
            sentences.append(
                f"No list is below the {tally.threshold:g} % threshold{which} ({pooled})."
            )
    elif tally.below:
        names = [r.option.candidate for r in tally.below]  # (quicker than a dotted attrgetter)
        listed = named_pcts(names, map(_SHARE, tally.below))
        sentences.append(f"Below the {tally.threshold:g} % threshold{which}: {listed}.")
    elif tally.candidates and not tally.no_votes and not election.split_options:
        what = "list" if tally.party_list else "party" if tally.parties_as_options else "candidate"
        sentences.append(f"No {what} is below the {tally.threshold:g} % threshold{which}.")
    sentences += turnout_sentences(tally)
    if tally.effective_number is not None:
        what = "candidates"
        if tally.party_list or tally.parties_as_options:  # over all valid options, as candidates
            against = any(r.option.kind == "against_all" for r in tally.ranked)
            what = "parties" + (", “Against all” counted as one" if against else "")
        sentences.append(
            f"Effective number of {what} (Laakso–Taagepera): {tally.effective_number:.2f}."
        )
    sentences += term_sentences(tally)
    sentences += check_sentences(tally)
    sentences += election.notes
    if facts.source:
        sentences.append(f"Source: {facts.source}")
    return sentences


def _leader(tally: Tally, *, official: bool) -> list[str]:
    sentences = []
    if not tally.candidates:
        return ["No candidate is on the ballot list; only non-candidate options were given."]
    said = no_votes_sentence(tally)
    if said is not None:
        return [said]
    if tally.seats_won is not None:
        return _seats_given(tally, official=official)
    if tally.seats != 1:
        return _several_seats(tally, official=official)
    leader, runner_up, margin = tally.leader, tally.runner_up, tally.margin
    if tally.tied:
        sentences.append(tie_sentence(tally))
    elif leader is not None and tally.lists_below is not None:
        sentences.append(_open_lists(tally, leader))
    elif leader is not None:
        # A name's party lines that may be one candidate's (`fused_lead`): the order is only the
        # file's listing, never a confident leader.
        e = tally.election
        listed = e.fused_lead is not None or e.spelt_lead is not None or _repeat_withholds(tally)
        verb = "leads as listed" if listed else "leads"
        sentences.append(f"{describe(leader)} {verb} with {figures(leader)}.")
        # Several races read as one, or no winner named (`verdict.UNMEASURED`): no margin.
        if runner_up is not None and (lines := own_lines_sentence(tally)) is not None:
            sentences.append(lines)
        elif runner_up is not None and (e.several or verdict(tally).why in UNMEASURED):
            sentences.append(f"Runner-up: {describe(runner_up)} with {figures(runner_up)}.")
        elif runner_up is not None and margin is not None:
            sentences.append(
                f"Runner-up: {describe(runner_up)} with {figures(runner_up)}; margin "
                f"{_gap(tally, leader, runner_up)}."
            )
        if len(tally.candidates) > 2 and runner_up is not None:
            third = tally.candidates[2]
            if tally.strength(third) == tally.strength(runner_up):
                sentences.append(
                    f"{runner_up.option.candidate} and {third.option.candidate} tie for second place."
                )
    sentences.append(_majority(tally, official=official))
    return sentences


def _open_lists(tally: Tally, leader: Ranked) -> str:
    """Candidates on open lists: the lists' standing (each party's candidates summed), which the
    seats follow, and the candidate of the most votes, who leads no race of their own."""
    from pollcli.openlists import list_shares, members_said

    lists = sorted(list_shares(tally.ranked, NOT_VALID_KINDS) or [], key=lambda entry: -entry[1])
    votes = [sum(r.option.votes or 0 for r in members) for *_, members in lists]
    said = [
        f"{n} {pct(s)} ({counted(v, 'vote')}, {members_said(m)})"
        for (n, s, m), v in zip(lists, votes, strict=True)
    ]
    shown = listed(said, 4)
    return (
        f"Lists, each party's candidates' votes summed: {shown}; the seats go "
        f"to the lists ('pollcli seats' allocates them). Most votes of a candidate: "
        f"{describe(leader, goes_on=False)}, {figures(leader)}."
    )


def _repeat_withholds(tally: Tally) -> bool:
    """A region's block listed twice, which counted once could change the verdict (`verdict`)."""
    return bool(tally.election.repeated) and verdict(tally).why == "repeated_block"


def _repeated(tally: Tally) -> str:
    """'No winner is named: the block in 'Suwannee' from line 1632 ('Donald J Trump', …) repeats
    that of line 62 ('Trump / Pence', …); …'."""
    blocks = "; ".join(
        f"the block {'in ' + repr(r.region) + ' ' if r.region else ''}from line {r.again_line} "
        f"({_names(r.again)}) repeats that of line {r.first_line} ({_names(r.first)})"
        for r in tally.election.repeated
    )
    return (
        f"No winner is named: {blocks}, the same parties and votes under other names, so its "
        "votes are counted twice, and counted once (either copy left out) the winner, the "
        "runner-up or the majority could be another; leave one of the two copies out of the "
        "file to have a winner named."
    )


def _names(options: tuple[tuple[str, int], ...]) -> str:
    shown = [repr(name) for name, _ in options[:2]]
    return ", ".join(shown) + (", …" if len(options) > 2 else "")


def _gap(tally: Tally, first: Ranked, second: Ranked) -> str:
    """'3.46 points (from the votes) and 1,259 votes': the margin between the two shares printed
    beside it, said to come from the votes where those shares are published, rounded, and a reader
    subtracting them as printed gets another number (Canada 2011: 44.00 and 40.50 %)."""
    margin, gap = tally.margin, []
    if margin is not None and margin.pp is not None:
        points = f"{margin.pp:.2f}"
        if margin.from_votes and points != _printed_difference(first, second):
            points += " points (from the votes)"
        else:
            points += " points"
        gap.append(points)
    if margin is not None and margin.votes is not None:
        gap.append(counted(margin.votes, "vote"))
    return " and ".join(gap) or "unknown"


def _printed_difference(first: Ranked, second: Ranked) -> str | None:
    """The two shares' difference as a reader gets it from the shares printed (two decimals)."""
    from decimal import Decimal

    if first.share is None or second.share is None:
        return None
    return f"{Decimal(f'{first.share:.2f}') - Decimal(f'{second.share:.2f}'):.2f}"


def _several_seats(tally: Tally, *, official: bool) -> list[str]:
    """A race for several seats: the top N are elected, and the last seat's margin is over the
    first not elected; no majority, runoff or single winner. N unknown: no winner is named."""
    leader = tally.leader
    assert leader is not None
    if verdict(tally).why in WITHHELD:  # (part of a race, a race split…): no one elected
        return [
            f"{describe(leader)} leads with {figures(leader)}.",
            _majority(tally, official=official),
        ]
    if tally.seats is None:
        election = tally.election
        if election.delegates:
            why = "The race elects delegates, several to a race, and does not say how many."
        elif election.office_seats:
            why = (
                "No candidate has a majority, the race does not say how many members it elects, "
                f"and other districts of its office elect several ({election.office_seats}): a "
                "race for several seats, most likely."
            )
        elif election.per_ballot and election.per_ballot[1].endswith(("seat", "seats")):
            why = (
                f"The race adds up to more votes a ballot than the seats it states "
                f"({election.per_ballot[1]}): the number stated is wrong, most likely, and "
                "pollcli does not know how many members the race elects."
            )
        elif election.per_ballot and election.per_ballot[1].endswith(SHORT):
            why = (
                f"The race holds more valid votes than ballots cast ({election.per_ballot[1]}) "
                "and does not say how many members it elects: pollcli cannot tell which."
            )
        elif election.per_ballot:
            why = (
                f"The race adds up to several votes a ballot ({election.per_ballot[1]}) and does "
                "not say how many members it elects: a race for several seats, most likely."
            )
        elif election.flat:
            why = (
                f"Many candidates share the votes nearly evenly ({election.flat}) and the race "
                "does not say how many members it elects: a race for several seats, most likely."
            )
        elif election.crowded_primaries:
            # (Two parties' several candidates each, in a file not said to be of a general one.)
            return [
                f"{describe(leader)} leads with {figures(leader)}.",
                f"Several candidates of each of two parties ({election.crowded}) and no number "
                "of seats given: party primaries (or runoffs) read as one race, most likely (or "
                "a race for several seats). No winner is named and no margin measured; split "
                "them by party with --race-by (the race keys and the party column), or give the "
                "number of seats in a vote_for column or with --vote-for N.",
            ]
        else:
            why = (
                f"Several candidates of one party ({election.crowded or 'several'}) and no number "
                "of seats given: a race for several seats, most likely (or party primaries read "
                "as one race)."
            )
        return [
            f"{describe(leader)} leads with {figures(leader)}.",
            f"{why} No winner is named and no margin measured; give the number of seats in a "
            "vote_for column, as '(N)' at the end of the district's name, or with --vote-for N.",
        ]
    elected, seats = tally.elected or [], tally.seats
    verb = "Elects" if tally.election.facts.stage == "official" else "Would elect"
    names = described(elected)
    if tally.seat_tie:
        tied = described(tally.seat_tie)
        open_seats = seats - len(elected)
        sentences = [f"{verb} {seats}" + (f": {names}." if elected else ".")]
        sentences.append(
            f"Tie for the last {counted(open_seats, 'seat')}: {tied} each have "
            f"{figures(tally.seat_tie[0])}; {'it is' if open_seats == 1 else 'they are'} "
            "undecided."
        )
        return sentences
    if len(elected) <= seats and len(tally.candidates) <= seats:
        return [f"{verb} {seats}: {names} — no more candidates than seats."]
    last, first_out = elected[-1], tally.candidates[seats]
    return [
        f"{verb} {seats} (the top {seats} by votes): {names}.",
        f"Last seat: {describe(last)} with {figures(last)}; first not elected: "
        f"{describe(first_out)} with {figures(first_out)}; margin {_gap(tally, last, first_out)}.",
    ]


def _seats_given(tally: Tally, *, official: bool) -> list[str]:
    """The leader, and the seats the file says each option won (`Election.seats_won`), as given:
    no method allocates them, and no system is assumed."""
    leader, won = tally.leader, tally.seats_won or []
    lead = [f"{describe(leader)} leads with {figures(leader)}."] if leader is not None else []
    if not won:
        return [*lead, "The file gives no option a seat."]
    most = sorted(won, key=lambda item: -item[1])  # (most seats first; then as ranked)
    listed = ", ".join(f"{r.option.candidate} {n:,}" for r, n in most)
    said = [
        *lead,
        f"Seats {'won' if official else 'to be won'}, as the file gives them: {listed} "
        f"({counted(sum(n for _, n in won), 'seat')}; no method allocates them here).",
    ]
    # Seats go with votes under any method of one count: a stronger option with fewer seats is a
    # count by another rule (preferences, a threshold over the country) or rows of another race.
    seats = {id(r): n for r, n in won}
    for stronger, weaker in zip(tally.candidates, tally.candidates[1:], strict=False):
        if seats.get(id(stronger), 0) < seats.get(id(weaker), 0):
            said.append(
                f"The seats are not in the order of the votes: {stronger.option.candidate} has "
                f"more votes than {weaker.option.candidate} and fewer seats — a count by another "
                "rule (preferences, a threshold across districts), or rows of another race?"
            )
            break
    return said


def _majority(tally: Tally, *, official: bool) -> str:
    if tally.partial is not None:
        return _partial(tally)
    e = tally.election
    said = e.no_winner or e.spelt_lead or e.preferences or e.preferential
    if said is not None and (tally.leader is not None or e.split_options):
        return said
    if _repeat_withholds(tally):
        return _repeated(tally)
    if tally.election.fused_lead is not None and tally.leader is not None:
        name = tally.election.fused_lead
        listed = tally.leader.option.candidate
        if listed.startswith(f"{name} ("):
            # One of the name's own lines leads (`partylines`: a blank party, or parties that
            # never meet in one region): the person is sure, the figures and verdict are not.
            return (
                f"{listed} leads as listed, one of {name}'s lines under several parties (one "
                "with no party, or parties that never meet in one region): one candidate's lines, "
                "whose votes added up give other figures, or namesakes; the file does not say. No "
                "winner is named; --fusion adds the lines up where they are one candidate's."
            )
        return (
            f"{listed} leads as listed, but {name} is listed under several "
            f"parties and, their lines added up, would lead: one candidate's fusion lines or "
            "namesakes, the file does not say. No winner is named; --fusion adds the lines up "
            "where they are one candidate's."
        )
    if tally.top_two:
        return top_two_sentence(tally, official=official)
    majority, leader, runoff = tally.majority, tally.leader, tally.runoff
    if tally.measure and leader is not None and tally.seats == 1:
        return measure_sentence(tally, leader.option.candidate)
    if tally.majority_unjudged:
        return unjudged_sentence(tally)
    verb = "wins" if official else "would win"
    prize = "the primary" if tally.primary else "the seat"
    if tally.system == "plurality":
        if leader is None and (step := rounded(tally)) is not None:
            return (
                f"First past the post: {prize} is undecided here: the first are equal at "
                f"{rounded_step(step)}."
            )
        if leader is None:
            return f"First past the post: the tie for first leaves {prize} undecided."
        # (no option but candidates: none to look for among 100 candidates of 10,000 races)
        others = len(tally.candidates) < len(tally.ranked)
        ahead = (
            next(
                (
                    r
                    for r in tally.ranked
                    if r.option.kind == "other" and tally.strength(r) > tally.strength(leader)
                ),
                None,
            )
            if others
            else None
        )
        if ahead is not None:
            # "Other" counts several options together (other candidates, write-ins): the seat's
            # winner may be among them (the Speaker's seat in a table of party columns).
            return (
                f"First past the post: the seat is undecided here: “{ahead.option.candidate}”, "
                f"options counted together, has more votes than the leader, "
                f"{leader.option.candidate}, and the winner may be among them."
            )
        if not tally.reached and not tally.system_given:
            return assumed_plurality(tally, prize)
        how = (
            f"with a majority (more than {majority:g} %)"
            if tally.reached
            else f"with a plurality (no one has more than {majority:g} %)"
        )
        return f"First past the post: {leader.option.candidate} {verb} {prize} {how}."
    if tally.system == "list":
        return list_note(tally)
    if tally.parties_as_options and not tally.system_given:
        return parties_as_options(tally)
    if tally.reached:
        return (
            f"Majority: yes — {leader.option.candidate if leader else ''} has more than "
            f"{majority:g} % and {verb} outright."
        )
    if tally.second_tie and leader is not None and tally.system == "majority":
        *first, last = [r.option.candidate for r in tally.second_tie]
        plurality = f"{leader.option.candidate} {verb}: --system plurality"
        return (
            f"Majority: no — nobody has more than {majority:g} %; {', '.join(first)} and {last} "
            f"tie for second: who would face {leader.option.candidate} in a runoff cannot be told"
            + ("." if tally.system_given else f" (under first past the post {plurality}).")
        )
    if runoff and not tally.system_given:
        # The two-round system is pollcli's assumption (`majority.default_system`): say so, and
        # what first past the post would give (a Bundestag's party vote has no runoff).
        plurality = (
            f"{runoff[0]} {verb}"
            if leader
            else "the first, equal at the file's precision, leave it undecided"
            if rounded(tally) is not None
            else "the tie for first leaves it undecided"
        )
        return (
            f"Majority: no — nobody has more than {majority:g} %; a runoff would be between "
            f"{runoff[0]} and {runoff[1]} under a two-round system, assumed here as no system is "
            f"given (under first past the post {plurality}: --system plurality)."
        )
    if runoff:
        return (
            f"Majority: no — nobody has more than {majority:g} %; a runoff would be between "
            f"{runoff[0]} and {runoff[1]}."
        )
    return f"Majority: no — nobody has more than {majority:g} %."


def _partial(tally: Tally) -> str:
    """Part of a race (`--where` kept some of its rows): who leads in them, and no winner."""
    assert tally.partial is not None
    scope = f"Part of the race only (the rows with {tally.partial.filter}, kept by --where)"
    outcome = (
        "seats are allocated from the whole vote, not from part of it"
        if tally.system == "list"
        else "no winner is named from part of a race"
    )
    leader = tally.leader
    if leader is None:
        return f"{scope}: no one leads alone in these rows; {outcome}."
    how = (
        f"with more than {tally.majority:g} %"
        if tally.reached
        else f"with a plurality (no one has more than {tally.majority:g} %)"
    )
    return f"{scope}: {leader.option.candidate} leads in these rows {how}; {outcome}."
