"""Who a race elects: one verdict per race, read by every command that counts races or seats won.

`summary`'s overview (each race won or not, races won per party) and `seats` (seats won in a file of
races) both take a race's winners — or why it names none — from `verdict`, so that a seat `seats`
counts is always a race `summary` calls won. Before, `seats` found its own winner by votes and gave
Alaska's 2022 seat (two Republicans, no number of seats stated: no winner named in `summary`) to the
plurality leader.

A race names no winner (`overview_models.NoWinner`, a stable code, also in `seats`' JSON) when:

- `partial`: `--where` kept some of its rows and left out others;
- `counting`: the count is under way, rows reporting under 100 % (`read.reporting`): the leader
  would win, were the count over;
- `no_winner`: it cannot be told apart from other races (`read.racechecks`: a blank district
  beside districts of the same office; `read.lone_regions`: one candidate in each of two regions;
  `read.unkeyed`: a column splits a file of one race's candidates into groups that share none);
- `fused_lead`: a name on several party lines would lead with its lines added up (`read.partylines`);
- `spelling`: spellings of one candidate, most likely (`name-variant`), would change who is elected
  were their votes added up (`read.spellings`);
- `repeated_block`: a region's block of the race is listed twice under other names
  (`read.partylines.repeated_blocks`), and counted once — either copy left out, in each such region
  — the verdict, the runner-up or whether the leader has a majority could be another; or that
  cannot be told (no votes, too many such regions);
- `top_two`: it is a top-two primary, whose top two advance to the general election (`tally.advance`);
- `list`: it is a party-list vote (seats by a method, not races won);
- `seats_unknown`: several candidates of one party and nothing says how many members it elects;
- `no_candidates`: no candidate to elect;
- `no_votes`: every option has votes and none has any, and there are more candidates than seats:
  nothing elects anyone here. Where there are as many candidates as seats (an unopposed race whose
  count is not printed: FL-24 2016, TX's county files list such races at 0), they are elected,
  unopposed with no count (`tally.Tally.uncounted`);
- `tie`: a tie for first (or for the last of several seats: `seat_tie`);
- `short`: fewer candidates than seats;
- `others_ahead`: options counted together ("other", write-ins) have more votes than the leader;
- `runoff`: a two-round system and no one above the majority;
- `majority_unjudged`: a two-round system whose published shares, of a base larger than the votes
  listed, put the leader at no majority (`tally.Tally.majority_unjudged`): a majority of the votes
  may be had all the same, so neither a winner nor a runoff is named;
- `preferences`: a file of first preferences (a preferential count's first count) whose leader has
  no more than half of the formal votes: the distribution of preferences, which the file does not
  hold, decides the seat (`read.preferences`).

Arithmetic only, over `tally.Tally`; the sentences are the findings'.
"""

from __future__ import annotations

from dataclasses import field, replace
from itertools import product
from typing import Final

from pollcli.columns import option_key
from pollcli.dataclass import dataclass
from pollcli.overview_models import NO_WINNER_REASONS, NoWinner
from pollcli.tally import Ranked, Tally, tally

# The reasons a rule for ties settles (`seats --tie`): the candidates tied are known, and votes
# alone decide everything else.
TIES: Final[frozenset[str]] = frozenset({"tie", "seat_tie"})


# Not frozen: it holds lists, so it is never hashed, and freezing costs start-up.
@dataclass
class Verdict:
    """A race's verdict: the members elected (strongest first), or why none is named."""

    elected: list[Ranked]
    why: NoWinner | None = None
    # For `tie` and `seat_tie`: the candidates tied for the first (last) seats; `elected` then
    # holds those ahead of them (none for `tie`), elected whatever the tie.
    tied: list[Ranked] = field(default_factory=list)

    @property
    def won(self) -> bool:
        return self.why is None


# Regions with a repeated block whose copies are tried each way (2 ** N tallies); beyond, none is
# named. Florida's 2020 file has one.
MAX_REPEATED_REGIONS: Final[int] = 6


def verdict(t: Tally) -> Verdict:
    """The race's verdict, as `summary` states it (its findings say the same in words)."""
    found = _verdict(t)
    if t.election.repeated and found.why not in _BEFORE_REPEATS and _repeat_matters(t, found):
        return Verdict([], "repeated_block")
    return found


# Reasons that name no one elected whatever the race's seats: its figures are shown as read, and
# in a race of several seats its top N are not its members (`summary`, `findings.summary`).
WITHHELD: Final[frozenset[str]] = frozenset(
    {"partial", "no_winner", "fused_lead", "spelling", "repeated_block"}
)
# Reasons whose race shows no lead: no margin is measured (JSON `margin` null), the overview leaves
# its Lead columns blank and never calls it close. Nothing says its leader takes the seat, so the
# gap to the runner-up is no winning margin (a first count of preferences, seats unknown, "Other"
# ahead…). A tie (no leader: the gap is nil), a runoff to come and a top-two primary (the first
# round's lead is its news: both advance) and a party-list vote (the lists' standing) keep theirs.
UNMEASURED: Final[frozenset[str]] = frozenset(NO_WINNER_REASONS) - {
    "counting",
    "tie",
    "seat_tie",
    "runoff",
    "majority_unjudged",
    "top_two",
    "list",
}
# Reasons that stand whatever a repeated block's votes (`verdict`).
_BEFORE_REPEATS: Final[frozenset[str]] = frozenset(
    {
        "partial",
        "counting",
        "no_winner",
        "fused_lead",
        "spelling",
        "preferences",
        "top_two",
        "list",
        "seats_unknown",
        "no_candidates",
    }
)


def _repeat_matters(t: Tally, found: Verdict) -> bool:
    """Whether the verdict as listed (every repeated block counted twice) could be another with
    each block counted once: each combination of one copy left out per region is tallied again,
    and must give the same verdict, runner-up and majority. True where it cannot be told."""
    election = t.election
    # Published shares would stay as printed whatever votes are left out: only votes are tried.
    if len(election.repeated) > MAX_REPEATED_REGIONS or any(
        o.share is not None or (o.votes is None and o.kind == "candidate") for o in election.options
    ):
        return True
    listed = _outcome(t, found)
    for dropped in product((False, True), repeat=len(election.repeated)):
        less: dict[str, int] = {}
        for repeat, again in zip(election.repeated, dropped, strict=True):
            for name, votes in repeat.again if again else repeat.first:
                less[option_key(name)] = less.get(option_key(name), 0) + votes
        options = []
        for option in election.options:
            cut = less.pop(option_key(option.candidate), 0)
            if cut and option.votes is not None:
                if option.votes < cut:
                    return True  # not the options the block was found in: nothing sure
                if option.votes == cut:
                    continue  # the option stands in the left-out copy only
                option = replace(option, votes=option.votes - cut)
            options.append(option)
        if less:
            return True
        once = tally(
            replace(election, options=options, repeated=[]),
            threshold=t.threshold,
            majority=t.majority,
        )
        if _outcome(once, _verdict(once)) != listed:
            return True
    return False


def _outcome(t: Tally, found: Verdict) -> tuple[object, ...]:
    """What a repeated block must not change: the verdict (who is elected, or why none is, and who
    ties), and in a race of one seat the runner-up, the runoff pair and whether the leader has a
    majority."""
    names = tuple(r.option.candidate for r in found.elected)
    tied = tuple(r.option.candidate for r in found.tied)
    if t.seats != 1:
        return found.why, names, tied
    second = t.runner_up.option.candidate if t.runner_up is not None else None
    return found.why, names, tied, second, t.reached, tuple(t.runoff or ())


def _verdict(t: Tally) -> Verdict:
    """The verdict as listed (a repeated block counted as often as it is listed)."""
    election = t.election
    why: NoWinner | None = None
    if t.partial is not None:
        why = "partial"
    elif election.counted_so_far is not None:
        why = "counting"
    elif election.no_winner is not None:
        why = "no_winner"
    elif election.fused_lead is not None:
        why = "fused_lead"
    elif election.spelt_lead is not None:
        why = "spelling"
    elif election.preferences is not None:
        why = "preferences"
    elif t.top_two:
        why = "top_two"
    elif t.seats_won:  # the file says who won seats (`Election.seats_won`)
        return Verdict([r for r, _ in t.seats_won])
    elif t.seats_won is not None:
        why = "no_winner"  # (the file gives no option a seat)
    elif t.system == "list":
        why = "list"
    elif t.seats is None:
        why = "seats_unknown"
    elif not t.candidates:
        why = "no_candidates"
    elif t.no_votes and not t.uncounted:
        why = "no_votes"
    if why is not None:
        return Verdict([], why)
    if t.uncounted:
        # Unopposed, with no count: every candidate is elected, and no vote says more.
        return Verdict(list(t.candidates))
    seats = t.seats
    assert seats is not None  # `seats_unknown` above
    if seats != 1:
        # Several seats: the top N, whatever the majority (`tally` counts them as plurality).
        elected = t.elected or []
        if t.seat_tie:
            # Options counted together ahead of the strongest candidate (elected, or tied for
            # the seats) come first: a tie rule settles only among candidates.
            if _others_ahead(t, (elected or t.seat_tie)[0]):
                return Verdict([], "others_ahead")
            return Verdict(elected, "seat_tie", tied=list(t.seat_tie))
        if len(elected) < seats:
            return Verdict([], "short")
        return Verdict([], "others_ahead") if _others_ahead(t, elected[0]) else Verdict(elected)
    # The leader, or the first of those tied for first (all have its votes).
    first = t.leader if t.leader is not None else (t.tied[0] if t.tied else None)
    if first is not None and _others_ahead(t, first):
        return Verdict([], "others_ahead")
    if t.system == "majority" and t.majority_unjudged:
        return Verdict([], "majority_unjudged")
    if t.system == "majority" and not t.reached:
        return Verdict([], "runoff", tied=list(t.tied))
    if t.leader is None:
        return Verdict([], "tie", tied=list(t.tied))
    return Verdict([t.leader])


def _others_ahead(t: Tally, leader: Ranked) -> bool:
    """Options counted together ("other", write-ins) ahead of the leader: the seat's winner may be
    among them (the Speaker's seat in a table of party columns), so none is named."""
    by_votes = leader.option.votes is not None
    mine = leader.option.votes if by_votes else leader.share
    if mine is None:
        return False
    for r in t.ranked:
        theirs = r.option.votes if by_votes else r.share
        if r.option.kind == "other" and theirs is not None and theirs > mine:
            return True
    return False
