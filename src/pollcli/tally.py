"""One election's figures: ranks and shares, leader and runner-up, margin, majority or runoff
(judged by `majority`), who is below the threshold, turnout, the effective number and the term
(`race_figures`). Arithmetic only — the sentences that tell these figures are `findings.summary`'s,
the result models `summary`'s.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from pollcli import audit
from pollcli.columns import NOT_VALID_KINDS, System, is_party_list
from pollcli.dataclass import dataclass
from pollcli.election import Election, Option, one_name
from pollcli.kinds import is_answer
from pollcli.majority import default_system, listed_share, reached, runoff
from pollcli.models import Margin, Partial, Standing, Term, Turnout
from pollcli.numbers import percent
from pollcli.race_figures import effective_number, term, turnout

DEFAULT_THRESHOLD = 3.0
DEFAULT_MAJORITY = 50.0
_KIND, _VOTES, _SHARE = attrgetter("kind"), attrgetter("votes"), attrgetter("share")


# Not frozen: it holds an option, which has no hash, so freezing buys no hash and costs start-up.
@dataclass(slots=True)
class Ranked:
    """An option with its share (published, or computed on the base) and its competition rank."""

    option: Option
    share: float | None
    rank: int


# Not frozen: it holds lists, so it is never hashed, and freezing costs start-up.
@dataclass
class Tally:
    """Everything an election's summary states, as figures."""

    election: Election
    threshold: float
    majority: float
    system: System
    system_given: bool  # by a flag or a fact (system, seats); else assumed (`default_system`)
    party_list: bool  # the options are party lists (system: list, or seats to fill)
    parties_as_options: bool  # no candidate column: the options are parties
    primary: bool  # a primary: its leader wins a nomination, not a seat
    partial: Partial | None  # --where kept part of the race's rows: no winner is named
    ranked: list[Ranked]  # every option, in rank order
    candidates: list[Ranked]  # candidates only, strongest first
    by_votes: bool  # votes decide the order (every candidate has them), not rounded shares
    tied: list[Ranked]  # the candidates tied for first, when more than one
    leader: Ranked | None
    runner_up: Ranked | None
    margin: Margin | None
    reached: bool  # the leader's share is above `majority` (`majority.reached`)
    runoff: list[str] | None  # the pair a two-round system would send to a runoff
    below: list[Ranked]  # candidates strictly below the threshold, in rank order
    turnout: Turnout
    effective_number: float | None
    term: Term
    # Members the race elects (1; N for a race of several seats; None when unknown: several
    # candidates of one party and nothing says how many), and for N > 1 the top N elected (fewer
    # when candidates tie for the last seat: `seat_tie`).
    seats: int | None = 1
    elected: list[Ranked] | None = None
    # A ballot measure: every candidate is an answer (Yes/No, Approved/Rejected…), which wins no seat.
    measure: bool = False
    seat_tie: list[Ranked] | None = None
    # Candidates on open lists: the lists below the threshold (name, share), or None (`openlists`).
    lists_below: list[tuple[str, float]] | None = None
    # Every valid option has votes and none has any (TX 2018: an unopposed race a county reports
    # as 0): nobody leads, ties, wins or falls under the threshold, and no share is checked.
    no_votes: bool = False
    # Of such races, one of as many candidates as seats: they are elected unopposed, with no count
    # (FL-24 2016, TX's county files): the leader (or those elected) named, no share or margin.
    uncounted: bool = False
    # A top-two primary (`election.Race.top_two`): the candidates who advance to the general
    # election, strongest first (one when candidates tie for second, none when three or more tie
    # for first), and those tied for the place left undecided.
    top_two: bool = False
    advance: list[Ranked] | None = None
    # A race of one seat whose second place is tied: those tied (the runner-up first, as listed).
    # Under a two-round system with no majority the leader's opponent in the runoff cannot be
    # told: `runoff` is None.
    second_tie: list[Ranked] | None = None
    advance_tie: list[Ranked] | None = None
    # The candidates the file says won seats, with their seats (`Election.seats_won`), strongest first.
    seats_won: list[tuple[Ranked, int]] | None = None
    # The leader's share of the votes listed where the published shares, of a larger base, put
    # them at no majority (`majority.listed_share`: Malaysia's shares of the registered voters):
    # whether anyone has a majority is not judged, and no runoff is named.
    listed_share: float | None = None

    @property
    def majority_unjudged(self) -> bool:
        """Whether a majority is had cannot be told from the published shares (`listed_share`)."""
        return self.listed_share is not None

    def strength(self, item: Ranked) -> float:
        return strength(item, self.by_votes)


def strength(item: Ranked, by_votes: bool) -> float:
    value = item.option.votes if by_votes else item.share
    return float(value) if value is not None else -1.0


def shares(election: Election) -> list[float | None]:
    """Each option's share: the published figure, else votes / base × 100."""
    base_total = election.audit.base_total
    if not base_total:
        return [option.share for option in election.options]
    everyone = election.facts.share_base == "cast"  # every option is in the base (`audit.in_base`)
    return [
        option.share
        if option.share is not None
        else None
        if option.votes is None or not (everyone or option.kind not in NOT_VALID_KINDS)
        else option.votes / base_total * 100
        for option in election.options
    ]


def rank(election: Election) -> list[Ranked]:
    """Options in rank order, with competition ranks over (share, votes) — over the votes alone
    where shares are published for some options only — equal options share a rank (1, 1, 3);
    blank and invalid ballots are not choices between options, so they come last."""
    options = election.options
    votes = list(map(_VOTES, options))
    if _by_votes_alone(election, votes):
        # Every share computed from the votes (`shares`), on one base (positive: a share grows
        # with the votes): most votes first, equal votes as listed (a sort in reverse is stable).
        base = election.audit.base_total
        figures: list[float | None] = (
            [count / base * 100 for count in votes] if base else [None] * len(votes)
        )
        order = sorted(range(len(options)), key=votes.__getitem__, reverse=True)
        return _ranks(options, figures, order, votes)
    figures = shares(election)
    invalid = [option.kind in NOT_VALID_KINDS for option in options]
    by_votes = [-(count if count is not None else -1) for count in votes]
    if audit.partly_published(options, election.facts.share_base):
        # Published shares beside computed ones, of another base or rounded (33.3 beside 33.31 on
        # more votes): ranked by the votes every option has, not by shares no one base measures.
        paired = list(zip(invalid, by_votes, strict=True))
        return _ranks(options, figures, sorted(range(len(options)), key=paired.__getitem__), paired)
    by_share = [-(share if share is not None else -1.0) for share in figures]
    keys = list(zip(invalid, by_share, by_votes, strict=True))
    total = sum(by_share)
    if total != total:  # a NaN share (from Python, never read): no order to sort by keys apart
        order = sorted(range(len(options)), key=keys.__getitem__)
    else:
        # Sorted by votes, then (stably) by share, then by validity: the order of the keys
        # (validity, share, votes), each pass over keys of one type, which Python sorts fastest.
        order = sorted(range(len(options)), key=by_votes.__getitem__)
        order.sort(key=by_share.__getitem__)
        if True in invalid:
            order.sort(key=invalid.__getitem__)
    return _ranks(options, figures, order, keys)


def _by_votes_alone(election: Election, votes: list[int | None]) -> bool:
    """Whether the options' keys (validity, share, votes) are in the order of their votes: every
    option valid, with votes and no published share, on a base not below 0 (from Python)."""
    base = election.audit.base_total
    return (
        None not in votes
        and (base is None or base >= 0)
        and list(map(_SHARE, election.options)).count(None) == len(votes)
        and NOT_VALID_KINDS.isdisjoint(map(_KIND, election.options))
    )


def _ranks(
    options: list[Option], figures: list[float | None], order: list[int], keys: list[Any]
) -> list[Ranked]:
    """The options in `order`, ranked: equal `keys` share the first one's place (1, 1, 3)."""
    ranked: list[Ranked] = []
    previous: Any = None
    place = 0
    for position, index in enumerate(order, 1):
        key = keys[index]
        if key != previous:  # a new rank; equal options share the first one's
            place, previous = position, key
        option = options[index]  # acclaimed (`read.acclaimed`): its 0 votes no count, no share
        share = None if option.acclaimed and option.share is None else figures[index]
        ranked.append(Ranked(option, share, place))
    return ranked


def tally(
    election: Election,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    majority: float = DEFAULT_MAJORITY,
    region: bool = False,
) -> Tally:
    """The election's figures; `region`: it is one region of a race (`regions`), which elects no
    one, so that a lone candidate listed there with 0 votes leads nothing."""
    threshold, majority = percent("threshold", threshold), percent("majority", majority)
    facts = election.facts
    ranked = rank(election)
    # In rank order; a party's list votes are no candidate's (`read.listvotes`).
    listed = [r for r in ranked if r.option.kind == "candidate" and not r.option.list_votes]
    # Acclaimed beside counted candidates (no winner named): no lead, place or threshold of theirs.
    listed = [r for r in listed if not r.option.acclaimed] or listed
    # Votes decide who leads when every candidate has them; rounded published shares could tie falsely.
    votes = [r.option.votes for r in listed]
    by_votes = bool(listed) and None not in votes
    candidates, power, ordered = _strongest_first(listed, votes if by_votes else None)
    # Every valid option has votes, and they are all 0: a race (or a region) with no votes.
    no_votes = by_votes and power[0] == 0 and audit.no_votes(election.options)
    party_list = is_party_list(facts.system, facts.seats)
    system: System = "list" if party_list else facts.system or default_system(election)
    seats = 1 if party_list else election.seats
    measure = bool(candidates) and all(is_answer(r.option.candidate) for r in candidates)
    # As many candidates as seats and no vote counted (FL-24 2016: Florida prints no count for an
    # unopposed race; Texas' county files list one at 0): elected unopposed, with no count.
    uncounted = (
        no_votes and not region and not party_list and not measure and seats is not None
        and len(candidates) == seats
    )  # fmt: skip
    tied = _alike(candidates, power, power[0], ordered) if candidates else []
    if no_votes and not uncounted:
        tied = []
    leader = tied[0] if len(tied) == 1 else None
    runner_up = candidates[1] if leader is not None and len(candidates) > 1 else None
    has_majority = reached(leader, majority)
    # Only a two-round system has a runoff: first past the post elects the leader, lists get seats;
    # nor does a race whose candidates were elected unopposed.
    pair = (
        runoff(leader, runner_up, tied, has_majority)
        if system == "majority" and not uncounted
        else None
    )
    base = margin_base(election)
    own = leader and runner_up and one_name(leader.option, runner_up.option)  # (no rivals)
    margin = None if own else _margin(leader, runner_up, tied, base)
    elected = seat_tie = None
    if seats != 1:
        # Several seats: the top N are elected, whatever the majority; the margin is the last
        # elected's over the first not elected (none is measured when N is unknown).
        system, pair, tied = "plurality", None, [candidates[0]] if candidates else []
        leader = candidates[0] if candidates else None
        runner_up = candidates[1] if len(candidates) > 1 else None
        margin = None
        if seats is not None:
            elected, seat_tie, margin = _elected(candidates, seats, by_votes, base)
    if (no_votes and not uncounted) or election.split_options:
        leader = runner_up = margin = pair = elected = seat_tie = None
        tied = [] if election.split_options else tied  # (no column ties a candidate)
    won = None
    if election.seats_won is not None:  # the file's own seats won: no method, no runoff
        won = [(r, n) for r in ranked if (n := election.seats_of(r.option))]  # ("Other" too)
        seats, elected = sum(n for _, n in won), [r for r, _ in won]
        seat_tie = margin = pair = None
        system = facts.system or ("list" if election.parties_as_options else "plurality")
    second_tie = None
    if seats == 1 and leader is not None and runner_up is not None:
        second = _alike(candidates, power, strength(runner_up, by_votes), ordered)
        if len(second) > 1:
            pair, second_tie = None, second
    # In rank order: the candidates as ranked (equal ranks are equally strong, so that sorting
    # the strongest first by rank gives them back) — but where a NaN share leaves no order.
    # (Coalitions' columns: a party's votes are in its coalitions' columns too, and a column is
    # no candidate, so no column is below a threshold: `Election.split_options`.)
    below = (
        []
        if no_votes or election.split_options
        else [r for r in listed if r.share is not None and r.share < threshold]
        if ordered
        else sorted((r for r in candidates if r.share is not None and r.share < threshold),
                    key=lambda r: r.rank)
    )  # fmt: skip
    lists, lists_below = None, None
    if party_list and not no_votes:  # candidates on open lists: the lists' threshold
        from pollcli.openlists import list_shares, lists_under  # (names: everyday start-up)

        lists = list_shares(ranked, NOT_VALID_KINDS)
        if lists is not None:
            lists_below, below = lists_under(lists, candidates, threshold)
    top_two = election.top_two
    # (after the seats and system are settled: a race of one seat, by plurality or majority)
    unjudged = listed_share(election, leader, reached=has_majority, seats=seats, system=system)
    advance, advance_tie = _advance(candidates, by_votes) if top_two else (None, None)
    return Tally(
        election=election,
        threshold=threshold,
        majority=majority,
        system=system,
        system_given=facts.system is not None or party_list,
        party_list=party_list,
        parties_as_options=election.parties_as_options,
        primary=election.race is not None and election.race.primary,
        partial=election.partial,
        ranked=ranked,
        candidates=candidates,
        by_votes=by_votes,
        tied=tied if len(tied) > 1 else [],
        leader=leader,
        runner_up=runner_up,
        margin=margin,
        reached=has_majority,
        runoff=None if unjudged is not None else pair,
        below=below,
        lists_below=lists_below,
        turnout=turnout(election),
        effective_number=None if election.split_options else effective_number(ranked, lists),
        term=term(election),
        seats=seats,
        no_votes=no_votes,
        uncounted=uncounted,
        elected=elected,
        seat_tie=seat_tie,
        top_two=top_two,
        advance=advance,
        advance_tie=advance_tie,
        measure=measure,
        second_tie=second_tie,
        seats_won=won,
        listed_share=unjudged,
    )


def _strongest_first(
    listed: list[Ranked], votes: list[int | None] | None
) -> tuple[list[Ranked], list[float], bool]:
    """The candidates strongest first (equally strong in rank order), their strengths (`votes`
    where given: `by_votes`), and whether they are ordered (no NaN share, from Python, which
    orders nothing): then those equally strong are neighbours (`_alike`)."""
    if votes is not None:
        power = list(map(float, votes))  # type: ignore[arg-type]  # (no None: by_votes)
    else:
        power = [float(r.share) if r.share is not None else -1.0 for r in listed]
    total = sum(power)
    if total != total:  # a NaN
        by_votes = votes is not None
        candidates = sorted(listed, key=lambda r: -strength(r, by_votes))
        return candidates, [strength(r, by_votes) for r in candidates], False
    # Stable as the key's negation is: equally strong candidates keep their order.
    order = sorted(range(len(listed)), key=power.__getitem__, reverse=True)
    return list(map(listed.__getitem__, order)), list(map(power.__getitem__, order)), True


def _alike(
    candidates: list[Ranked], power: list[float], value: float, ordered: bool
) -> list[Ranked]:
    """The candidates as strong as `value`: neighbours in `candidates` (strongest first) when
    `ordered`, found by a C search rather than a comparison each in Python."""
    if not ordered:
        return [r for r, p in zip(candidates, power, strict=True) if p == value]
    if value not in power:
        return []
    start = power.index(value)
    return candidates[start : start + power.count(value)]


def _advance(candidates: list[Ranked], by_votes: bool) -> tuple[list[Ranked], list[Ranked] | None]:
    """A top-two primary's two strongest candidates (`candidates` strongest first), and those
    tied where a tie leaves a place undecided: at second (the first advances alone), or for
    first among three or more (no one is named)."""
    if len(candidates) <= 2:
        return list(candidates), None
    second = strength(candidates[1], by_votes)
    if strength(candidates[2], by_votes) != second:
        return candidates[:2], None
    tied = [r for r in candidates if strength(r, by_votes) == second]
    if strength(candidates[0], by_votes) > second:
        return candidates[:1], tied
    return [], tied


def _elected(
    candidates: list[Ranked], seats: int, by_votes: bool, base: int | None
) -> tuple[list[Ranked], list[Ranked] | None, Margin | None]:
    """The top `seats` candidates (strongest first), those tied for the last seat when a tie leaves
    it undecided, and the margin of the last elected over the first not elected."""
    if len(candidates) <= seats:
        return candidates, None, None
    last, first_out = candidates[seats - 1], candidates[seats]
    line = strength(last, by_votes)
    if line == strength(first_out, by_votes):
        tie = [r for r in candidates if strength(r, by_votes) == line]
        ahead = [r for r in candidates if strength(r, by_votes) > line]
        return ahead, tie, _margin(last, first_out, [], base)
    return candidates[:seats], None, _margin(last, first_out, [], base)


def margin_base(election: Election) -> int | None:
    """The votes a margin in points is a share of, where published shares are rounded: the base
    the shares fit (valid votes or ballots cast), else the declared one; None when the shares fit
    neither (the votes cannot say what the points are of)."""
    found = election.audit
    if found.mismatches:
        return None
    base = found.fit or election.facts.share_base
    # `audit.base_votes`, the valid votes the audit added up already
    total = found.valid if base == "valid" else election.facts.ballots_cast
    return total or None


def _margin(
    leader: Ranked | None, runner_up: Ranked | None, tied: list[Ranked], base: int | None
) -> Margin | None:
    """Leader minus runner-up, in points and votes. The points come from the votes (over `base`)
    where either share is published and both have votes: published shares are rounded (Canada's
    2011 ridings to one decimal: 41.2 and 41.2 for a 26-vote margin), so their difference could
    say 0.0 points beside a non-zero margin in votes. Otherwise (computed shares, or no votes) the
    shares' difference."""
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
    published = first.option.share is not None or second.option.share is not None
    from_votes = bool(votes is not None and base and published)
    if from_votes and votes is not None and base:
        pp = votes / base * 100
    return Margin(pp=pp, votes=votes, from_votes=from_votes)


def standing(item: Ranked | None) -> Standing | None:
    """A ranked option as the results name it (leader, runner-up)."""
    if item is None:
        return None
    o = item.option
    return Standing(candidate=o.candidate, party=o.party, votes=o.votes, share=item.share)
