"""Pedersen volatility, ½ Σ |Δpᵢ| between consecutive elections: of the rows compared, and of parties.

Pedersen's index measures a party system: presidential files that name each candidate's party
(Nigeria's 2015 and 2019 tables: Buhari of APC twice, Jonathan then Atiku for PDP) give 45.51
points by candidate, each of PDP's candidates "gone" or "new", and 3.3 by party. `compare`'s
`volatility` is of its rows (candidates, or parties with `--by party`); `volatility_by_party` is of
the parties where both elections of a pair name a party for every candidate and one of them names
two parties or more (not a primary of one party), so that a reader is told both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pollcli import names
from pollcli.compare_models import CompareRow
from pollcli.models import ElectionSummary


def pedersen(
    rows: Sequence[CompareRow], same: Sequence[bool], withheld: Sequence[str | None] | None = None
) -> list[float | None]:
    """Per consecutive pair, half the sum of every row's change in share (a row absent from one
    election counts as 0 there); None between two stages of one election, and where `withheld`
    gives a reason (a figure known to be wrong)."""
    return [
        None
        if one_election or (withheld and withheld[p])
        else round(sum(abs((r.shares[p + 1] or 0.0) - (r.shares[p] or 0.0)) for r in rows) / 2, 10)
        for p, one_election in enumerate(same)
    ]


def options_are_parties(summary: ElectionSummary) -> bool:
    """A party-list vote, or a file whose options are its parties (a party column, no candidate
    column: each option named as its party): its volatility by option is the parties'."""
    candidates = [r for r in summary.results if r.kind == "candidate"]
    return (
        summary.party_list
        or summary.parties_as_options
        or all(r.party == r.candidate for r in candidates)
    )


def names_parties(summary: ElectionSummary) -> bool:
    """Every candidate has a party, and the options are not the parties themselves."""
    candidates = [r for r in summary.results if r.kind == "candidate"]
    return (
        bool(candidates) and not options_are_parties(summary) and all(r.party for r in candidates)
    )


def party_pairs(summaries: Sequence[ElectionSummary], same: Sequence[bool]) -> list[bool]:
    """The pairs whose volatility by party is told: both elections name parties, one two or more."""
    named = [names_parties(s) for s in summaries]
    several = [
        len({(r.party or "").casefold() for r in s.results if r.kind == "candidate"}) > 1
        for s in summaries
    ]
    return [
        not one_election and named[p] and named[p + 1] and (several[p] or several[p + 1])
        for p, one_election in enumerate(same)
    ]


def by_party(
    party_rows: Sequence[CompareRow], same: Sequence[bool], told: Sequence[bool]
) -> list[float | None] | None:
    """The volatility of the parties for the pairs `told` (None elsewhere); None when no pair is."""
    if not any(told):
        return None
    figures = pedersen(party_rows, same)
    return [figure if t else None for figure, t in zip(figures, told, strict=True)]


Mixed = tuple[str, str, str]  # (party in the first election, party in the second, the candidate)


def unmatched_parties(
    people: Sequence[Mapping[int, tuple[str, str | None]]],
    party_rows: Sequence[Mapping[str, int]],
    same: Sequence[bool],
) -> list[list[Mixed]]:
    """Per consecutive pair, the candidates found in both elections whose parties fell in different
    party rows (West Virginia's 2016 file writes 'Republican', its 2020 file 'REP', Trump both
    times): a party's two spellings, a new name or a change of party, which pollcli cannot tell
    apart; not where both parties stand in both elections (Specter, Republican then Democratic: a
    change of party). `people`: per candidate row, election → (name, party); `party_rows`: per
    election, a party's key → its party row. One entry per pair of party names, its first
    candidate."""
    mixed: list[list[Mixed]] = []
    stands = [set(rows.values()) for rows in party_rows]
    for p, one_election in enumerate(same):
        seen: dict[tuple[str, str], Mixed] = {}
        for units in people if not one_election else ():
            if p not in units or p + 1 not in units:
                continue
            (name, before), (_, after) = units[p], units[p + 1]
            if not before or not after:
                continue
            row_a = party_rows[p].get(names.party_key(before))
            row_b = party_rows[p + 1].get(names.party_key(after))
            if row_a == row_b and row_a is not None:
                continue
            if row_a in stands[p + 1] and row_b in stands[p]:
                continue  # (both parties in both elections: a change of party, no other spelling)
            seen.setdefault((before, after), (before, after, name))
        mixed.append(list(seen.values()))
    return mixed
