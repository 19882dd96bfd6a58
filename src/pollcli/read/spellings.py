"""One candidate spelt several ways across a race's regions (`name-variant`).

Within one race, options that never appear in the same region and whose names match as `compare`
matches names (`pollcli.names`: "BIDEN/HARRIS" and "Biden and Harris", "James R Comer" and "James
R. Comer") are one candidate spelt two ways, most likely. Nothing is merged unasked: a warning names
the spellings and the `--alias` flags that merge them into the one with the most votes.

Spellings linked through a shared one make one warning when no two of them ever meet in a region:
Arizona's 2016 file writes one ticket 'TRUMP PENCE', 'TRUMP, PENCE', 'TRUMP-PENCE' and 'TRUMP /
PENCE' in different counties — one warning with three aliases, not six pairs (trial 5). Where two
of a linked group do meet in a region they may be two candidates: each pair is its own warning.

Never a confident wrong answer: where a group's votes added up would change who is elected (Georgia's
2012 State House 144: 'MARY WHIPPLE-LUE' and 'M.A. WHIPPLE-LUE', a county each), the race names no
winner (`Election.spelt_lead` says why and gives the aliases). Spellings that differ only in case,
spacing or punctuation are one option before any of this (`namekeys.option_key`).

`--alias OLD=NEW` merges spellings on asking: each record of OLD is read as NEW (`aliased`)."""

from __future__ import annotations

import shlex
from dataclasses import replace
from typing import TYPE_CHECKING

from pollcli.election import Election, Option
from pollcli.problems import Code, Problem
from pollcli.read.assemble import option_key

if TYPE_CHECKING:
    from pollcli.read.records import Record


def spellings(election: Election) -> list[tuple[Problem, set[str], str | None]]:
    """`name-variant` warnings, each with the option keys of the spellings with fewer votes (one
    candidate's second spellings: no second candidate), and why no winner is named where their
    votes added up would change who is elected (else None)."""
    if len(election.regions) < 2:
        return []
    where: dict[str, set[str]] = {}
    for region in election.regions:
        for option in region.options:
            if option.kind == "candidate":
                where.setdefault(option_key(option.candidate), set()).add(region.name)
    options = [o for o in election.options if o.kind == "candidate"]
    apart = [
        (a, b)
        for i, a in enumerate(options)
        for b in options[i + 1 :]
        if not where.get(option_key(a.candidate), set()) & where.get(option_key(b.candidate), set())
    ]
    if not apart:
        return []
    from pollcli.names import CUTOFF, key, name_score

    pairs = [
        (a, b)
        for a, b in apart
        if key(a.candidate) == key(b.candidate) or name_score(a.candidate, b.candidate) >= CUTOFF
    ]
    never_met = {frozenset((id(a), id(b))) for a, b in apart}
    return [
        _warning(election, sorted(group, key=lambda o: -(o.votes or 0)))
        for group in _groups(pairs, never_met)
    ]


def _groups(
    pairs: list[tuple[Option, Option]], never_met: set[frozenset[int]]
) -> list[list[Option]]:
    """The pairs linked through a shared spelling, as groups, in the order of their first pair: a
    group of three or more whose members never meet in a region, else its pairs one by one."""
    parent: dict[int, int] = {}

    def root(option_id: int) -> int:
        while parent.setdefault(option_id, option_id) != option_id:
            option_id = parent[option_id]
        return option_id

    for a, b in pairs:
        parent[root(id(a))] = root(id(b))
    members: dict[int, list[Option]] = {}
    linked: dict[int, list[tuple[Option, Option]]] = {}
    for a, b in pairs:
        group = members.setdefault(root(id(a)), [])
        group += [o for o in (a, b) if all(o is not m for m in group)]
        linked.setdefault(root(id(a)), []).append((a, b))
    groups: list[list[Option]] = []
    for top, group in members.items():
        whole = len(group) > 2 and all(
            frozenset((id(x), id(y))) in never_met
            for i, x in enumerate(group)
            for y in group[i + 1 :]
        )
        groups += [group] if whole else [[a, b] for a, b in linked[top]]
    return groups


def _warning(election: Election, ranked: list[Option]) -> tuple[Problem, set[str], str | None]:
    """The warning for spellings of one candidate, most votes first: the aliases merge them into
    that one."""
    first, others = ranked[0], ranked[1:]
    said = ", ".join(repr(o.candidate) for o in others) + f" and {first.candidate!r}"
    ways = "two ways" if len(ranked) == 2 else f"{len(ranked)} ways"
    aliases = " ".join(f"--alias {shlex.quote(f'{o.candidate}={first.candidate}')}" for o in others)
    problem = Problem(
        code=Code.NAME_VARIANT,
        severity="warning",
        file=election.source_file,
        line=min(o.line for o in others),
        column=None,
        message=f"{said} of {election.facts.election!r} never appear in the same region: one "
        f"candidate spelt {ways}? They are kept apart; {aliases} merges them",
    )
    return problem, {option_key(o.candidate) for o in others}, _lead(election, ranked, aliases)


def _lead(election: Election, group: list[Option], aliases: str) -> str | None:
    """Why no winner is named where the votes of `group` (one candidate's spellings, most likely)
    added up would change who is elected — the top N candidates by votes, N the race's seats (1
    when unknown: `seats_unknown` names none anyway) — a tie with the last elected included; None
    where they would not, where a candidate has no votes to add, or where the spellings stand for
    different parties (two candidates, more likely than one)."""
    candidates = [o for o in election.options if o.kind == "candidate"]
    if any(o.votes is None for o in candidates):
        return None
    if len({option_key(o.party) for o in group if o.party}) > 1:
        return None
    seats = election.seats or 1
    ranked = sorted(candidates, key=lambda o: -(o.votes or 0))  # stable: file order for ties
    elected = ranked[:seats]
    inside = [o for o in group if any(o is e for e in elected)]
    added = sum(o.votes or 0 for o in group)
    if len(inside) == 1 or len(elected) < seats:
        return None  # already elected (its votes only grow), or every candidate is
    if not inside and added < (elected[-1].votes or 0):
        return None
    first = group[0].candidate
    said = ", ".join(repr(o.candidate) for o in group[1:]) + f" and {first!r}"
    if inside:
        change = (
            f"{len(inside)} of them are elected as listed, one candidate with their votes added up"
        )
    else:
        last = elected[-1]
        change = (
            f"their {added:,} votes added up would {'tie' if added == last.votes else 'beat'} "
            f"{last.candidate}'s {last.votes:,}"
        )
    return (
        f"{said} never appear in the same region and may be one candidate spelt "
        f"{len(group) if len(group) > 2 else 'two'} ways: {change}. No winner is named; "
        f"{aliases} merges them where they are one candidate."
    )


def aliased(records: list[Record], aliases: tuple[tuple[str, str], ...]) -> list[Record]:
    """`--alias OLD=NEW`: an option named OLD is read as NEW (names compared by `names.key`)."""
    from pollcli.names import Alias, alias_map, key

    mapping = alias_map(Alias(old, new) for old, new in aliases)
    renamed = []
    for record in records:
        new = mapping.get(key(record.row.candidate))
        if new is not None:
            record = replace(record, row=record.row.model_copy(update={"candidate": new}))
        renamed.append(record)
    return renamed
