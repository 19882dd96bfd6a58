"""A race whose candidates are never listed in one precinct: several races under one name?

A county's precinct file may list every town's mayor, or every district's commissioner, under one
office and no district (Newberry County, South Carolina, 2024: the `Town Council`s of Whitmire,
Little Mountain and Pomaria, one race to pollcli). Read as one race, the candidates of different
towns were ranked together and the one with the most votes named the winner: a confident wrong
answer. In one race every precinct lists the race's candidates (or those with votes); here they
fall into groups never listed in one precinct, each group a race of its own, most likely.

`split_groups` joins a race's candidates by the precincts that list them together, race by race
and region by region; a race whose candidates make two groups or more is marked (`mark`): no
winner is named, its figures are shown as read, and a `race-split` warning names the groups and
how to read one (--where on the unit column, repeated for each of its precincts). A unit that
lists every candidate of its race (a county's provisional or absentee count, its total row) joins
every group: such units are left out, where they are half the race's units or fewer (a race of
two candidates in a file that leaves out rows of no votes may list them one by one in a few
precincts, but both in most). Lines that are no candidates (write-ins, over and under votes:
`kinds.looks_like_no_candidate`) join nothing. A group counts where two precincts list it, or its
candidates hold 2 % of the race's votes in the region (a write-in candidate listed in the one
precinct where he had a few votes, Missouri's declared write-ins in a precinct `WRITE-IN`, a
county's overseas ballots listing one candidate, are no race), and 10 votes a precinct (a minor
party's primary lists its few voters' choices where they voted). Two such groups, one of two
candidates at least, or three such groups, make several races, where the regions so split hold
most of the race's votes (one county of a statewide race whose rows name its precincts two ways is
a defect of its rows: North Dakota 2020's Morton). Two groups of one candidate each are no sign: a
file that leaves out rows of no votes may list one race so (`Al` in one precinct, `Bea` in two
others), as two counties' lone candidates may be one race (`lone_regions`).

Both engines decide it here: the exact one race by race, its total rows set aside (`of_race`, from
the assembly), after `rowcolumns` has kept the rows of a file where a race may split;
the streaming one from the units it keeps to find repeats (`repeats.Repeats.split_races`), which
hands such a file to the exact engine, so that the warning names the precincts and candidates.
Not in a file of one race without race keys, nor with a `mode` column (rows of vote modes, each
precinct's listed once a mode: the assembly's units are not the rows').
"""

from __future__ import annotations

import shlex
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Final, TypeVar

from pollcli.election import Election
from pollcli.formats import counted
from pollcli.kinds import looks_like_no_candidate
from pollcli.namekeys import option_key
from pollcli.problems import Problem, race_split
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record

# Groups, and places of a group, listed in a message before "…".
SHOWN: Final[int] = 3
# The share of a race's votes in a region that a group listed in one unit must hold to count: a
# write-in candidate listed in the one precinct where he had a few votes is no race of its own.
FLOOR: Final[float] = 0.02
# The votes a unit a group must hold on average to count.
UNIT_VOTES: Final[int] = 10
_MIX: Final[int] = 0x100000001B3

G = TypeVar("G", bound=Hashable)
U = TypeVar("U", bound=Hashable)
N = TypeVar("N", bound=Hashable)


def joins_nothing(record: Record) -> bool:
    """Whether a record's line joins no group: no candidate's (a write-in, a count, a fact)."""
    row = record.row
    return (
        row.kind != "candidate"
        or row.fact is not None
        or row.all_races
        or looks_like_no_candidate(row.candidate)
    )


def split_groups(
    rows: Iterable[tuple[G, U, N]], votes: Mapping[tuple[G, N], int] | None = None
) -> dict[G, list[tuple[set[N], set[U]]]]:
    """The groups (a race in a region) whose names fall into sets never listed in one unit: two
    sets or more (a set counts listed in two units, or with `FLOOR` of the group's votes), one
    of two names at least, or three such sets (three unopposed races, as `geography` reads three counties' lone candidates). Per
    such group, each set's names and units. `rows`: (group, unit, name); `votes` by (group, name)
    (without them, every set counts: the streaming engine's first look)."""
    by_group: dict[G, dict[U, set[N]]] = {}
    for group, unit, name in rows:
        by_group.setdefault(group, {}).setdefault(unit, set()).add(name)
    found: dict[G, list[tuple[set[N], set[U]]]] = {}
    for group, units in by_group.items():
        names = set().union(*units.values())
        partial = {u: listed for u, listed in units.items() if len(listed) < len(names)}
        if not partial or (len(units) - len(partial)) * 2 > len(units):
            continue  # every unit lists them all, or most do (a race of one name or a sparse one)
        sets = _joined(partial)
        if votes is not None:
            total = sum(votes.get((group, n), 0) for n in names) * FLOOR
            sets = [s for s in sets if _counts(s, [votes.get((group, n), 0) for n in s[0]], total)]
        if len(sets) >= 3 or (len(sets) == 2 and any(len(names) >= 2 for names, _ in sets)):
            found[group] = sets
    return found


def _counts(found: tuple[set[N], set[U]], votes: list[int], floor: float) -> bool:
    """Whether a set of names counts as a race: listed in two units, or `floor` votes; and
    `UNIT_VOTES` votes a unit (a minor party's primary, a few voters a precinct, is listed where
    they voted: its candidates by chance in different precincts)."""
    _, units = found
    held = sum(votes)
    return held >= UNIT_VOTES * len(units) and (len(units) >= 2 or held >= floor)


def open_units(np: Any, group: Any, name: Any, unit_group: Any, listed: Any) -> Any:
    """The groups (sorted, distinct) where `split_groups` has something to look at: a unit short of
    the group's names, and units listing them all half of them or fewer; from each group's names
    (`group`, `name`: rows, repeats allowed) and each unit's group and count of names (a unit read
    in pieces, each short: a group looked at). Arrays of uint64."""
    _, first = np.unique(group * np.uint64(_MIX) + name, return_index=True)
    groups, names_in = np.unique(group[first], return_counts=True)
    place = np.searchsorted(groups, unit_group)
    complete = listed == names_in[place]
    total = np.bincount(place, minlength=groups.size)
    full = np.bincount(place[complete], minlength=groups.size)
    return groups[(full < total) & (full * 2 <= total)]


def splits_in(np: Any, opened: Any, group: Any, unit: Any, name: Any) -> bool:
    """Whether a group among `opened` of these rows (arrays of uint64) splits (`split_groups`)."""
    mask = np.isin(group, opened)
    rows = zip(group[mask].tolist(), unit[mask].tolist(), name[mask].tolist(), strict=True)
    return bool(split_groups(rows))


def _joined(units: dict[U, set[N]]) -> list[tuple[set[N], set[U]]]:
    """The names joined by the units that list them together, with those units."""
    parent: dict[N, N] = {}

    def root(name: N) -> N:
        while parent.setdefault(name, name) != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for listed in units.values():
        first, *rest = listed
        for other in rest:
            parent[root(other)] = root(first)
    sets: dict[N, tuple[set[N], set[U]]] = {}
    for unit, listed in units.items():
        names, places = sets.setdefault(root(next(iter(listed))), (set(), set()))
        names |= listed
        places.add(unit)
    return list(sets.values())


# A race's groups (their names' keys and units) and each name as first written.
Split = tuple[list[tuple[set[str], set[str]]], dict[str, str]]


def of_race(records: list[Record]) -> Split | None:
    """A race's groups never listed in one unit, from its records (its total rows set aside: a
    region's total under two names would list some candidates each); None where it makes one, or
    its units were summed (where no race splits: `rowcolumns`, `repeats.Repeats.split_races`)."""
    if not records or records[0].row.unit is None or any(r.summed for r in records):
        return None
    skipped = {option_key(r.row.candidate) for r in records if joins_nothing(r)}
    shown: dict[str, str] = {}
    rows = []
    votes: dict[tuple[str, str], int] = {}
    for record in records:
        row = record.row
        key = option_key(row.candidate)
        if row.unit is None or key in skipped:
            continue
        rows.append((row.region or "", row.unit, key))
        shown.setdefault(key, row.candidate)
        at = (row.region or "", key)
        votes[at] = votes.get(at, 0) + (record.votes or 0)
    found = split_groups(rows, votes)
    if not found:
        return None
    # Regions of most of the race's votes: one county of a statewide race whose rows name its
    # precincts two ways (North Dakota 2020's Morton) is a defect of its rows, no race of several.
    split = sum(v for (region, _), v in votes.items() if region in found)
    if split * 2 <= sum(votes.values()):
        return None
    return [s for sets in found.values() for s in sets], shown


def mark(
    splits: dict[str, Split], elections: list[Election], problems: list[Problem], columns: ColumnMap
) -> None:
    """Mark each election whose candidates fall into groups never listed in one unit (`splits`, by
    label, as `of_race` found them): no winner named, one `race-split` warning for them all."""
    if not splits or "mode" in columns.present:
        return
    unit = columns.header_of("unit") or "unit"
    region = columns.header_of("region") if "region" in columns.present else None
    # A precinct's name may stand in several counties: the advice names the county too.
    where = (f"--where {shlex.quote(f'{region}=COUNTY')} " if region else "") + (
        f"--where {shlex.quote(f'{unit}=VALUE')}"
    )
    suspects = []
    for election in elections:
        # (A file of one race: its records' election is blank until assembled and labelled.)
        own = splits.get(election.facts.election, splits.get("") if len(elections) == 1 else None)
        if own is None:
            continue
        described = _groups(*own)
        election.several = True
        election.no_winner = (
            f"Its candidates fall into groups never listed in one {unit}: {described}. Several "
            f"races under one name (a mayor per town, a commissioner per district)? No winner is "
            f"named, and its figures add them up; {where}, the latter repeated for each of a "
            f"group's {unit}s, shows one group's figures."
        )
        suspects.append((election, described))
    if not suspects:
        return
    first, example = suspects[0]
    single = len(suspects) == 1
    race_split(
        [election for election, _ in suspects],
        problems,
        f"{counted(len(suspects), 'race')} ({'' if single else 'e.g. '}"
        f"{first.facts.election!r}: {example}) {'has' if single else 'have'} candidates never "
        f"listed in one {unit}: several races under one name, most likely (a mayor per town). "
        f"No winner is named in {'it' if single else 'them'}; give the races apart names (a "
        f"district column), or read one with {where}",
    )


def _groups(sets: list[tuple[set[str], set[str]]], shown: dict[str, str]) -> str:
    """The groups as a message lists them: names, then where ("A, B in 'X' and 'Y'")."""
    parts = []
    ordered = sorted(sets, key=lambda s: (-len(s[1]), sorted(s[1])))
    for names, places in ordered[:SHOWN]:
        who = ", ".join(sorted(shown[n] for n in names))
        where = sorted(places)
        places_text = ", ".join(repr(p) for p in where[:SHOWN])
        more = f" and {len(where) - SHOWN} more" if len(where) > SHOWN else ""
        parts.append(f"{who} in {places_text}{more}")
    extra = f"; and {len(sets) - SHOWN} more group(s)" if len(sets) > SHOWN else ""
    return "; ".join(parts) + extra
