"""A row named as its party that holds exactly its candidates' votes: the party list's total.

The Kiesraad (the Netherlands' electoral council) lists each party's list votes on a row named as the
party (`VVD,VVD,1000`), then its candidates' preference votes (`VVD,Ann Ash,600`, `VVD,Bob Bell,400`):
read as an option, the list's total was counted beside its parts, and `summary` named it the leader
with a third of every vote counted twice. Such a row is set aside with a `total-row` warning where it
holds exactly the votes of two or more other candidates of its party, 100 votes at
least (fewer may be equal by chance); one candidate's exact votes, or a few, stay a warning only
(`checks`: a party's line beside a lone candidate of it may hold as many), unless the row holds them
in each of three regions or more (no chance: the list's total above its one candidate).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, TypeVar

from pollcli.problems import Code, Found
from pollcli.read.records import Record

# Other candidates of the party, at least, whose votes the row must hold exactly; and its votes, at
# least (as `total_places.SAME_SUM`, which this module cannot import: fewer may be equal by chance).
OTHERS: Final[int] = 2
SAME_SUM: Final[int] = 100
T = TypeVar("T")
# Regions, at least, where a party's row must hold its lone candidate's exact votes in each.
REGIONS: Final[int] = 3


def _key(name: str) -> str:
    """A party's name as `openlists` compares it (case and runs of spaces aside)."""
    return " ".join(name.casefold().split())


def by_party(items: Iterable[tuple[T, str, str]]) -> dict[str, tuple[list[T], list[T]]]:
    """Items grouped by their party (`_key`), each group split into those named as their party and
    the others; `items`: (item, party cell, name cell). Each distinct cell keyed once (a race of
    100 names: 100 keys, not one a row)."""
    keys: dict[str, str] = {}
    groups: dict[str, tuple[list[T], list[T]]] = {}
    for item, party_cell, name_cell in items:
        party = keys.get(party_cell)
        if party is None:
            party = keys[party_cell] = _key(party_cell)
        name = keys.get(name_cell)
        if name is None:
            name = keys[name_cell] = _key(name_cell)
        named, others = groups.setdefault(party, ([], []))
        (named if name == party else others).append(item)
    return groups


def set_aside(records: list[Record], found: Found) -> list[Record]:
    """The records without a party's total row (see the module's docstring), each warned."""
    grouped = by_party(
        (record, row.party, row.candidate)
        for record in records
        if (row := record.row).kind == "candidate"
        and row.party
        and row.fact is None
        and record.votes is not None
    )
    aside: set[int] = set()
    for named, others in grouped.values():
        total = sum(r.votes or 0 for r in named)
        if not named or total < SAME_SUM:
            continue
        names = {_key(r.row.candidate) for r in others}
        if not names:
            continue
        if total != sum(r.votes or 0 for r in others):
            continue
        regions = _same_by_region(named, others) if len(names) < OTHERS else 0
        if len(names) < OTHERS and not regions:
            continue  # (one candidate's votes in one place: a party's line may hold as many)
        aside |= {id(r) for r in named}
        lines = sorted(r.line for r in named)
        shown = ", ".join(f"{line:,}" for line in lines[:5]) + (" …" if len(lines) > 5 else "")
        found.add(
            Code.TOTAL_ROW,
            lines[0],
            f"{named[0].row.candidate!r} names its party and holds exactly the votes of its "
            + (
                f"one other candidate, {others[0].row.candidate!r}, in each of its {regions:,} "
                f"regions ({total:,} in all)"
                if regions
                else f"{len(names):,} other candidates ({total:,})"
            )
            + ": the party's total (its list's votes "
            f"above its candidates', as the Kiesraad lists them), set aside, not added to them "
            f"({len(lines):,} row{'' if len(lines) == 1 else 's'}: line{'' if len(lines) == 1 else 's'} "
            f"{shown}); if it is an option of its own, give it a name of its own",
            severity="warning",
        )
    return [r for r in records if id(r) not in aside] if aside else records


def _same_by_region(named: list[Record], others: list[Record]) -> int:
    """How many regions a party's row and its one other candidate hold the same votes in, where
    they do in each of `REGIONS` or more (0 otherwise): two options never tie in every region by
    chance, a list's total above its lone candidate does. By region, as both engines hand them
    (the streaming engine's records are a region's sums)."""
    sums: dict[str | None, list[int]] = {}
    for side, group in enumerate((named, others)):
        for record in group:
            sums.setdefault(record.row.region, [0, 0])[side] += record.votes or 0
    if None in sums or len(sums) < REGIONS:
        return 0
    return len(sums) if all(a == b for a, b in sums.values()) else 0
