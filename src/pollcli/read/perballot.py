"""Races whose votes, with their under and over votes, are N times the ballots cast: N seats.

A ballot of a race for N seats (vote for N) holds N votes; where a file counts the votes not cast
as under votes, a race's options with its under and over votes add up to N times its ballots
cast. The District of Columbia's 2018 primary states no number of seats: its at-large
committeewoman (vote for seven) added up to 569,835 votes, 7 × 81,405 ballots (the party's
`BALLOTS CAST - TOTAL` rows count 81,424: a few ballots of another contest), and each ward's
committeeman and committeewoman to twice the ward's ballots. Read as races of one seat, each named
one winner and a margin over a runner-up elected too (trial 16).

A race that states no number of seats, has two candidates or more, lists under (blank) votes,
and whose options with the under and over votes come within `TOLERANCE` of N times its ballots
cast, N of 2 or more, is marked (`Election.per_ballot`): no winner is named, no margin measured,
and one `race-split` warning says how to give the number (--vote-for N). Without under votes the
sum says no N (a ballot may leave seats blank uncounted), and a race of one seat adds up to its
ballots cast once (`tally.Tally.seats`: 1) — but valid votes above the ballots cast (beyond
`TOLERANCE`) in a race that states no seats say that a ballot held several at least: Boulder
County's 2024 statement of votes gave a council race 16,417 votes of 8,254 ballots (2.0 a
ballot), and its 2013 Lafayette council 2.4 a ballot, each read as one seat with a leader
elected "first past the post, assumed here". They are marked too, N the nearest whole number
(2 at the least); below 1.5 times the ballots (10,000 votes of 9,800) no N is told — several
votes a ballot, or a ballots cast figure short of the race's — and the warning says either. So
too where the race lists under votes whose sum tells no N (a trustee race's 5,159 votes of 2,518
ballots, its under votes not making a multiple): its valid votes alone say several.

A race that states its seats (a vote_for or magnitude column, plurality seats, "(N)" in its name)
and whose sum is N times its ballots cast, N more than it states, contradicts itself: MEDSL's DC
2018 at-large council (vote for two) states `magnitude` 1.0, and its options with the under and
over votes are 462,964, 2 × 231,700 ballots cast. It is marked the same way (the seats it states
set aside: `Election.seats` None), and the warning names both figures."""

from __future__ import annotations

import shlex
from typing import Final

from pollcli.election import Election
from pollcli.problems import Problem, race_split

# How far from N times the ballots cast the race's votes may be: DC's ballots cast count a few
# ballots that did not reach every contest (81,424 beside 81,405).
TOLERANCE: Final[float] = 0.005


def per_ballot(election: Election) -> int | None:
    """The votes a ballot held in the race, where its sum tells it (see the module); else None."""
    facts = election.facts
    if not facts.ballots_cast:
        return None
    stated = stated_seats(election)
    if sum(o.kind == "candidate" for o in election.options) < 2:
        return None
    audit = election.audit
    if not any(o.kind == "blank" and o.votes for o in election.options):
        return _over(audit.valid, facts.ballots_cast, stated)
    if audit.valid is None or audit.spoilt is None:
        return None
    times = multiple(audit.valid + audit.spoilt[0], facts.ballots_cast)
    if times is None:
        return _over(audit.valid, facts.ballots_cast, stated)  # (valid votes alone say several)
    return times if stated is None or times > stated else None


def multiple(total: int, ballots: int) -> int | None:
    """N, where a race's votes with its under and over votes are N times its ballots cast (N of 2
    or more, within `TOLERANCE`); else None."""
    times = round(total / ballots) if ballots else 0
    return times if times >= 2 and abs(total - times * ballots) <= TOLERANCE * total else None


def _over(valid: int | None, ballots: int, stated: int | None) -> int | None:
    """With no under votes (or under votes that tell no N), valid votes above the ballots cast (beyond `TOLERANCE`) in a race that
    states no seats: several votes a ballot at least, the nearest whole number (2 at the least)."""
    if stated is not None or valid is None or valid <= ballots * (1 + TOLERANCE):
        return None
    return max(2, round(valid / ballots))


def stated_seats(election: Election) -> int | None:
    """The seats a race states (a vote_for fact, a plurality race's seats, its name's "(N)")."""
    facts = election.facts
    plurality = facts.seats if facts.system == "plurality" else None
    return facts.vote_for or plurality or election.named_seats


def mark(elections: list[Election], problems: list[Problem]) -> None:
    """Mark the races whose votes a ballot held are several (`per_ballot`): no winner named, one
    `race-split` warning for them all."""
    marked: list[Election] = []
    contradicted: list[Election] = []
    unsure: list[Election] = []  # (valid votes less than 1.5 times the ballots: no N told)
    for election in elections:
        if election.seats is None:
            continue  # already unknown
        times = per_ballot(election)
        if times is None:
            continue
        audit, ballots = election.audit, election.facts.ballots_cast or 0
        total = (audit.valid or 0) + (audit.spoilt[0] if audit.spoilt else 0)
        stated = stated_seats(election)
        says = "" if stated is None else f"; it states {stated} seat{'s' if stated > 1 else ''}"
        blank = any(o.kind == "blank" and o.votes for o in election.options)
        # (N told by the valid votes alone: no under votes, or a sum that is no multiple)
        over = not blank or multiple(total, ballots) != times
        ratio = (audit.valid or 0) / max(ballots, 1)
        election.per_ballot = (
            times,
            f"its options' valid votes ({audit.valid or 0:,}) exceed the ballots cast "
            + (
                f"({ballots:,}) by {100 * (ratio - 1):.1f} %: {SHORT}"
                if over and ratio < 1.5
                else f"({ballots:,}): {ratio:.1f} votes a ballot"
            )
            if over
            else f"its options with the under and over votes ({total:,}) are {times} times the "
            f"ballots cast ({ballots:,}): {times} votes a ballot{says}",
        )
        if election.per_ballot[1].endswith(SHORT):
            unsure.append(election)
        else:
            (marked if stated is None else contradicted).append(election)
    for group, said in ((marked, _UNSTATED), (contradicted, _STATED), (unsure, _UNSURE)):
        if group:
            times, why = group[0].per_ballot or (0, "")
            name = group[0].facts.election
            # (copied to the shell: `races` quotes its --where so; a file of one race has no
            # --race to give, `--race NAME` a usage error there)
            race = f" and --race {shlex.quote(name)}" if group[0].race is not None else ""
            race_split(
                group, problems, said.format(n=len(group), e=name, why=why, times=times, race=race)
            )


_UNSTATED = (
    "{n:,} race(s) add up to several votes a ballot (e.g. {e!r}: {why}) and do not say how many "
    "members they elect: a race for several seats, most likely; no winner is named and no margin "
    "measured in them. Give the number in a vote_for (or magnitude, number_elected) column, or "
    "with --vote-for {times}{race}"
)
# The end of the why of a race whose valid votes exceed its ballots cast by less than half: no
# second vote a ballot told (`_UNSURE`, and the summary's note).
SHORT: Final[str] = "several votes a ballot, or a ballots cast figure short of the race's"
_UNSURE = (
    "{n:,} race(s) hold more valid votes than ballots cast (e.g. {e!r}: {why}) and do not say "
    "how many members they elect; pollcli cannot tell which, so no winner is named and no margin "
    "measured in them. Check the ballots cast; if the race elects several, give the number in a "
    "vote_for (or magnitude, number_elected) column, or with --vote-for N{race}"
)
_STATED = (
    "{n:,} race(s) add up to more votes a ballot than the seats they state (e.g. {e!r}: {why}): "
    "the number of seats stated is wrong, most likely; no winner is named and no margin measured "
    "in them. Check the file's number, and give the right one with --vote-for {times}{race}"
)
