"""Files of many races → the overview of an election night: each race in one line, and the races
(or seats) won per party.

Pure arithmetic over the races' summaries (`summary.summarize_election`): no race's table is built
here, so 500 races cost little more than their summaries. The sentences are `findings.overview`'s.

- A race is **won** when its leader takes the seat: first past the post, or with the majority a
  two-round system needs; a tie for first, a runoff to come, a party-list vote, part of a race
  (`--where` left some of its rows out) and an exit poll are undecided. A race won with no majority
  under first past the post that nobody stated (the default for a split file) is counted, and said
  to be.
- **Tags**: `close` — a margin under 1 point or under 0.5 % of the race's votes; `tie` — a tie for
  first; `no_majority` — a two-round race where no one has the majority; `unopposed` — one candidate.
- A race where options counted together ("other", write-ins) have more votes than the leader is
  not won: its winner may be among them (the Speaker's seat, in a table of party columns).
- The **tally** counts the races won per party (a candidate on several party lines counts for
  their main line, the one with most votes); for a file of constituencies these are the seats won.
  Primaries are left out of it: their leaders win nominations, not seats.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import attrgetter
from typing import Final, Literal

from pollcli.columns import NOT_VALID_KINDS
from pollcli.kinds import is_answer
from pollcli.models import (
    ElectionSummary,
    Overview,
    PartyWins,
    RaceLine,
    RaceSplit,
    RaceTag,
    RaceTally,
    RefusedRace,
    ResultRow,
    Standing,
)
from pollcli.namekeys import party_key
from pollcli.problems import Code

# With more races than this, the table shows the overview rather than each race (unless --detail).
OVERVIEW_FROM: Final[int] = 3
CLOSE_POINTS: Final[float] = 1.0
CLOSE_SHARE_OF_VOTES: Final[float] = 0.5
SORTS: Final[tuple[str, ...]] = ("file", "margin")
# How many of the closest races the overview names (and `--chart` draws).
CLOSEST: Final[int] = 10
Sort = Literal["file", "margin"]
_KIND, _VOTES = attrgetter("kind"), attrgetter("votes")


def race_line(summary: ElectionSummary) -> RaceLine:
    """One race's line: its leader, runner-up, margin, turnout, whether it is won, and its tags."""
    results = summary.results
    # Every option a candidate (as in most races): no list of them to make, no other kind to look at.
    everyone = list(map(_KIND, results)).count("candidate") == len(results)
    candidates = results if everyone else [r for r in results if r.kind == "candidate"]
    reached = summary.majority.reached
    others_ahead = summary.undecided == "others_ahead"
    # The race's one verdict (`pollcli.verdict`), which `seats` reads too. An exit poll wins no
    # seat: its shares are of people asked (FiveThirtyEight's polls: "Seats won REP 7, DEM 1").
    won = summary.undecided is None and summary.stage != "exit_poll"
    runner_up = summary.runner_up
    # Lists that share a district's seats as the file gives them (its options parties: Belgium's),
    # where the first without a seat is a small list ("DierAnimal" runner-up in Antwerp): the second.
    lists = summary.seats_won is not None and all(r.party == r.candidate for r in candidates)
    if summary.seats != 1 and not lists:
        # Several seats: the runner-up of the line is the first not elected, whom the margin is
        # measured against (none where no one is elected: seats unknown, no winner named).
        runner_up = None if summary.elected is None else _first_out(summary, len(summary.elected))
    tags: list[RaceTag] = []
    margin = summary.margin
    if margin is not None and (
        (margin.pp is not None and margin.pp < CLOSE_POINTS)
        or (
            margin.votes is not None
            and (valid := _valid(results, everyone))
            and margin.votes < valid * CLOSE_SHARE_OF_VOTES / 100
        )
    ):
        tags.append("close")
    if summary.tied_for_first:
        tags.append("tie")
    unjudged = summary.majority_unjudged  # (no majority nor its lack told: `tally`)
    one = summary.seats == 1
    if summary.system == "majority" and candidates and not reached and not unjudged and one:
        tags.append("no_majority")
    # Another row with votes (write-ins, against all, a misread answer of a measure) is opposition
    # of a kind: only blank votes (no choice made in the race) leave a candidate unopposed.
    opposed = not everyone and any(r.votes for r in results if r.kind not in ("candidate", "blank"))
    few = len(candidates) <= (summary.seats or 1) and summary.seats_won is None  # (seats as given)
    if few and candidates and not others_ahead and not opposed:
        tags.append("unopposed")
    if summary.uncounted:
        tags.append("no_count")
    # One candidate seemingly spelt two ways splits their votes: the leader's share, and maybe who
    # leads, are wrong until --alias merges them, which only a warning on stderr said.
    if any(p.code == Code.NAME_VARIANT for p in summary.problems):
        tags.append("spelling")
    # The file's own total says otherwise (Mississippi's Total rows over 20 of its counties): the
    # figures are the parts', which only a warning on stderr said.
    if any(p.code == Code.TOTAL_MISMATCH for p in summary.problems):
        tags.append("total_mismatch")
    return RaceLine(
        race=summary.election,
        source_file=summary.source_file,
        leader=summary.leader,
        runner_up=runner_up,
        tied_for_first=summary.tied_for_first,
        tie_step=summary.tie_step,
        margin=margin,
        turnout_pct=summary.turnout.pct,
        won=won,
        tags=tags,
        partial=summary.partial,
        primary=summary.primary,
        top_two=summary.undecided == "top_two",
        measure=bool(candidates) and all(is_answer(r.candidate) for r in candidates),
        assumed_plurality=won
        and summary.seats == 1
        and summary.system == "plurality"
        and not summary.system_given
        and not reached
        and not unjudged
        and not summary.uncounted  # unopposed: elected under a majority rule too
        and summary.seats_won is None,  # (the file's own seats: no system assumed)
        majority_unjudged=unjudged,
        seats=summary.seats,
        elected=summary.elected,
        elected_parties=_parties(summary),
    )


def _valid(results: list[ResultRow], everyone: bool) -> int:
    """The valid votes of a race's results (those with votes); every option a candidate: all."""
    if everyone:  # (their votes added up in C: 0 and None add nothing)
        return sum(filter(None, map(_VOTES, results)))
    return sum(r.votes or 0 for r in results if r.kind not in NOT_VALID_KINDS)


def _parties(summary: ElectionSummary) -> list[str | None]:
    """The parties of the members elected, in their order."""
    names = set(summary.elected or [])
    if not names:
        return []
    if summary.seats_won is not None:  # the file's seats won (any option's): a party a seat
        rows = [r for r in summary.results if r.candidate in names]
        return [r.party for r, n in zip(rows, summary.seats_won, strict=False) for _ in range(n)]
    rows = [r for r in summary.results if r.kind == "candidate" and r.candidate in names]
    return [r.party for r in rows[: len(names)]]


def _first_out(summary: ElectionSummary, elected: int) -> Standing | None:
    """The strongest candidate not elected in a race of several seats."""
    if summary.seats is None:
        return None
    candidates = [r for r in summary.results if r.kind == "candidate"]
    if summary.seats_won is not None:  # the file's seats: a stronger list may have won none
        won = set(summary.elected or ())
        candidates, elected = [r for r in candidates if r.candidate not in won], 0
    if elected >= len(candidates):
        return None
    row = candidates[elected]
    return Standing(candidate=row.candidate, party=row.party, votes=row.votes, share=row.share)


def closeness(line: RaceLine) -> float:
    """How close a race is, for `--sort margin`: the margin in points (a tie is 0); a race with no
    runner-up last."""
    if line.tied_for_first:
        return 0.0
    if line.margin is None or line.margin.pp is None:
        return math.inf
    return line.margin.pp


def overview(
    summaries: Sequence[ElectionSummary],
    *,
    sort: Sort = "file",
    splits: Sequence[RaceSplit] = (),
    refused: Sequence[RefusedRace] = (),
) -> Overview:
    """Every race in one line, in file order or the closest first; with the notes that say how the
    files were split and which races were refused."""
    from pollcli.findings.overview import overview_notes

    if sort not in SORTS:
        from pollcli.errors import UsageError

        raise UsageError(f"--sort {sort!r}: choose {' or '.join(SORTS)}")
    lines = [race_line(s) for s in summaries]
    ordered = sorted(lines, key=closeness)  # stable: races equally close stay in file order
    if sort == "margin":
        lines = ordered
    closest = [line.race for line in ordered if closeness(line) != math.inf][:CLOSEST]
    return Overview(
        sort=sort, races=lines, closest=closest, notes=overview_notes(lines, splits, refused)
    )


def race_tally(lines: Sequence[RaceLine], *, seats: bool) -> RaceTally:
    """Races won per party, most first (then by name); unwon races counted apart, primaries and
    ballot measures left out (a primary wins a nomination, a measure's answer no seat)."""
    counted = [line for line in lines if not line.primary and not line.measure]
    counts: dict[str | None, int] = {}
    # A party spelt in two cases ("Labour", "labour") or two ways ("D", "Dem": `party_key`) is one,
    # shown as first met among the races' leaders and runners-up, race by race.
    spelling: dict[str, str] = {}
    for line in counted:
        standing = [line.leader, line.runner_up]
        for party in [s.party for s in standing if s is not None] + list(line.elected_parties):
            if party and party.strip():
                spelling.setdefault(party_key(party), party.strip())
    several = any(line.seats != 1 for line in counted)
    for line in counted:
        if line.won and line.leader is not None:
            # A candidate on several party lines has their main line as party (`read.partylines`):
            # the party as read, never split, so that a party named "A / B" stays one. In a race
            # of several seats, each member elected counts (their party as the results give it).
            for party in line.elected_parties if line.elected is not None else [line.leader.party]:
                if party and party.strip():
                    party = spelling[party_key(party)]
                counts[party or None] = counts.get(party or None, 0) + 1
    parties = sorted(counts.items(), key=lambda item: (-item[1], item[0] is None, item[0] or ""))
    won = sum(1 for line in counted if line.won)
    return RaceTally(
        unit="seats" if seats or several else "races",
        races=len(counted),
        won=sum(counts.values()) if several else won,
        undecided=len(counted) - won,
        parties=[PartyWins(party=party, won=count) for party, count in parties],
        partial=sum(1 for line in counted if line.partial is not None),
        primaries=sum(1 for line in lines if line.primary),
        measures=sum(1 for line in lines if line.measure and not line.primary) or None,
        assumed_plurality=sum(1 for line in counted if line.assumed_plurality),
        majority_unjudged=sum(1 for line in counted if line.majority_unjudged),
        seats=sum(line.seats or 0 for line in counted) if several else None,
        seats_unknown=sum(1 for line in counted if line.seats is None),
    )
