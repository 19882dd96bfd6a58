"""Candidates on open party lists: each party's candidates summed into its list.

A file of a list vote may give one row per candidate with the candidate's party (Finland's and
Brazil's councils, the Netherlands' preference votes): the seats go to the lists first, by their
candidates' votes summed, and only then to candidates within each list. Read as options, every
candidate would be a list of its own — a party of four candidates allocated four lists' seats.
`lists_of` tells such options apart (a party with two candidates or more) and pools them; options
without a party (an independent, "Against all") stay lists of their own. A row named as the party
that holds exactly its candidates' sum is the list's total, not added (the Kiesraad's files).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pollcli.election import Option
from pollcli.names import plain_key


@dataclass(frozen=True)
class PartyList:
    """A list: its name (the party, or the option's own name) and the options it sums."""

    name: str
    options: tuple[Option, ...]
    # A row named as the party that holds exactly its candidates' sum: the list's total (the
    # Kiesraad's `VVD,VVD,1000` above its candidates), not added.
    total: Option | None = None

    @property
    def votes(self) -> int | None:
        figures = [o.votes for o in self.options]
        return None if any(v is None for v in figures) else sum(v or 0 for v in figures)


def lists_of(options: Sequence[Option], *, every: bool = False) -> list[PartyList] | None:
    """The lists of candidates on open party lists, in the order each first appears; None where no
    party has two candidates (each option is then its own list, as a file of party lists gives),
    unless `every` (a district where each party fields one candidate, beside districts of open
    lists: its lists are the parties too, so that the seats add up by party)."""
    by_party: dict[str, list[Option]] = {}
    alone: list[Option] = []
    for option in options:
        if option.kind == "candidate" and option.party and option.party.strip():
            by_party.setdefault(plain_key(option.party), []).append(option)
        else:
            alone.append(option)
    if not every and not any(
        len({plain_key(o.candidate) for o in g}) > 1 for g in by_party.values()
    ):
        return None
    found: dict[int, PartyList] = {}
    for group in by_party.values():
        found[id(group[0])] = _list(group)
    for option in alone:
        found[id(option)] = PartyList(option.candidate, (option,))
    order = {id(o): i for i, o in enumerate(options)}
    return [found[key] for key in sorted(found, key=order.__getitem__)]


def _list(group: list[Option]) -> PartyList:
    """A party's list of its candidates, a row named as the party that holds their sum set apart
    as the list's total (a row named so that holds less is the list's own votes, added)."""
    party = group[0].party or ""
    named = [o for o in group if plain_key(o.candidate) == plain_key(party)]
    if len(named) == 1 and len(group) > 1:
        (total,) = named
        others = [o for o in group if o is not total]
        votes = [o.votes for o in others]
        if (
            total.votes is not None
            and None not in votes
            and total.votes == sum(v or 0 for v in votes)
        ):
            return PartyList(party, tuple(others), total)
    return PartyList(party, tuple(group))


def pooled_list(lists: list[PartyList] | None) -> PartyList | None:
    """The list of the most candidates, where one sums two candidates at least (a note names it)."""
    most = None if lists is None else max(lists, key=lambda entry: len(entry.options))
    return most if most is not None and len(most.options) > 1 else None


class Shared(Protocol):
    """An option with its share (`tally.Ranked`)."""

    @property
    def option(self) -> Option: ...

    @property
    def share(self) -> float | None: ...


S = TypeVar("S", bound=Shared)


def list_shares(
    ranked: Sequence[S], not_valid: Collection[str]
) -> list[tuple[str, float, list[S]]] | None:
    """Candidates on open party lists: each list's name, share (its candidates' shares summed) and
    candidates, of the valid options with a share (kinds not in `not_valid`); None where each
    option is a list of its own."""
    valid = [r for r in ranked if r.option.kind not in not_valid and r.share is not None]
    pooled = lists_of([r.option for r in valid])
    if pooled is None:
        return None
    of = {id(r.option): r for r in valid}
    found = []
    for entry in pooled:
        members = [of[id(o)] for o in entry.options]
        found.append((entry.name, sum(r.share or 0.0 for r in members), members))
    return found


def lists_under(
    lists: list[tuple[str, float, list[S]]], candidates: Sequence[S], threshold: float
) -> tuple[list[tuple[str, float]], list[S]]:
    """The lists below the threshold (name, share; largest first) and their candidates, in the
    order of `candidates`."""
    under = [(name, share) for name, share, _ in lists if share < threshold]
    held = {id(r) for _, share, members in lists if share < threshold for r in members}
    return sorted(under, key=lambda pair: -pair[1]), [r for r in candidates if id(r) in held]


def members_said(members: Sequence[Shared]) -> str:
    """A list's members in words: '3 candidates', or '2 candidates and its list votes' where a row
    of its own list votes is among them (`Option.list_votes`)."""
    listed = sum(1 for r in members if not r.option.list_votes)
    said = f"{listed:,} candidate{'' if listed == 1 else 's'}"
    return f"{said} and its list votes" if listed < len(members) else said
