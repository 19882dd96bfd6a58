"""What decides a race whose system pollcli assumed or was told: first past the post assumed, parties
as options with no system given, and a vote for party lists (the findings' majority sentence)."""

from __future__ import annotations

import shlex

from pollcli.tally import Tally


def assumed_plurality(tally: Tally, prize: str) -> str:
    """First past the post that nobody stated (a race of a split file) and no majority: the leader
    leads; which rule decides is the reader's to say."""
    leader, runner_up = tally.leader, tally.runner_up
    assert leader is not None
    name = leader.option.candidate
    pair = f" between {name} and {runner_up.option.candidate}" if runner_up is not None else ""
    elects = "nominates" if prize == "the primary" else "elects"
    return (
        f"{name} leads with a plurality (no one has more than {tally.majority:g} %). No system is "
        f"given: first past the post, assumed here, {elects} the leader; a majority system would "
        f"need a runoff{pair} (--system majority)."
    )


def parties_as_options(tally: Tally) -> str:
    """The options are parties and no system is given: a runoff between parties is no reading to
    offer; a party-list vote is `--system list`, and parties summed over regions that may each
    elect a member (wards) may be races of their own, `--race-by` the regions' column."""
    leader = tally.leader
    first = (
        f"{leader.option.candidate} has more than {tally.majority:g} %"
        if tally.reached and leader is not None
        else f"No party has more than {tally.majority:g} %"
    )
    lists = "a party-list vote is read with --system list (pollcli seats allocates its seats)"
    election = tally.election
    column = election.region_column
    if column is None or len(election.regions) < 2 or election.race is not None:
        return f"{first}. The options are parties: {lists}."
    # Parties summed over wards or constituencies that each elect their own member (Nigeria's
    # ward councillors): the sum elects no one, and --system list would allocate seats to it.
    return (
        f"{first}. The options are parties, summed over the {len(election.regions):,} regions of "
        f"{column!r}: if each region elects its own members (a ward's councillor, a province's "
        f"council), each is a race of its own: --race-by {shlex.quote(column)}; if the whole is "
        "one vote for party lists, it is read with --system list (pollcli seats allocates its "
        "seats)."
    )


def list_note(tally: Tally) -> str:
    """What a party-list vote is decided by: the seats, the method and the legal threshold."""
    from pollcli.seats_models import method_phrase

    facts = tally.election.facts
    how = []
    if facts.method is not None:
        how.append(f"by {method_phrase(facts.method)}")
    if facts.list_threshold:
        base = {"valid": "valid votes", "parties": "party votes", "cast": "ballots cast"}[
            facts.threshold_base or "valid"
        ]
        how.append(f"among lists with at least {facts.list_threshold:g} % of {base}")
    seats = f"{facts.seats:,} seats" if facts.seats else "seats"
    if not tally.system_given:  # (every option named as a list: `majority.default_system`)
        given = "--seats N" if tally.election.race is None else "each district's: --seats-file"
        return (
            f"Party-list vote, as the options' names say (“{tally.candidates[0].option.candidate}”"
            f"…): {seats} go to the lists, not to the leader, and no system is given; pollcli "
            f"seats allocates them ({given}). If the race elects one member by the most votes: "
            "--system plurality."
        )
    return (
        f"Party-list vote: {seats} go to the lists{' ' + ' '.join(how) if how else ''}, not to a "
        "runoff; pollcli seats allocates them."
    )


def lists_sentence(count: int) -> str:
    """The overview's word on races read as party-list votes from their options' names alone."""
    races = "1 race is" if count == 1 else f"{count:,} races are"
    return (
        f"{races} read as party-list votes, every option named as a list (an electoral "
        "committee's, 'KOMITET WYBORCZY …', 'Lista 3 …'), no system being given: no seat is "
        "counted won by the most votes; pollcli seats allocates their seats (each district's "
        "with --seats-file). If each race elects one member by the most votes: --system plurality."
    )


def unjudged_sentence(tally: Tally) -> str:
    """What the leader leads with where the published shares, of a base larger than the votes
    listed, judge no majority (`Tally.majority_unjudged`): no plurality or runoff claimed."""
    leader, listed = tally.leader, tally.listed_share
    assert leader is not None and listed is not None
    return (
        f"Majority: whether anyone has more than {tally.majority:g} % of the votes cannot be told "
        f"from the published shares, of a base larger than the votes listed "
        f"({leader.option.candidate} has {leader.share:.2f} % of it, {listed:.2f} % of the votes "
        "listed); no plurality or runoff is said from them."
    )
