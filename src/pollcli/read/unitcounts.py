"""Which races a unit's counts are not the own of: rows that count their unit for every race
("Registered Voters", "Ballots Cast" as an office, or as the candidate of a row of no race) are a
race's only where the race covers the whole unit. A unit where another race of the same office has
rows too (a county split among State House districts) is no one race's: those races get no counts
from it (`read.assemble`), and say why (`read.countnotes`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Final

from pollcli.read.racekeys import Race, RaceBook, normal
from pollcli.read.records import Record

Place = tuple[str | None, str | None]  # a row's (region, unit)
# Roles that tell apart races of one office over parts of the same ground: districts (and the
# party of a party primary, whose ballots a unit's count holds with the other parties').
_PART_ROLES: Final[frozenset[str]] = frozenset({"district", "constituency", "party", "race_id"})


@cache
def _district_in_name() -> re.Pattern[str]:
    """A district written into the office ("U.S. House District 5", "State Senate, Dist. 27",
    "5th Congressional District"); compiled on first use, as a file of one race never needs it."""
    return re.compile(
        r"(?:[\s,;:–-]*\b(?:district|dist\.?)\s*(?:no\.?\s*|#\s*)?[\w-]+"
        r"|[\s,;:–-]*\b\d+(?:st|nd|rd|th)\s+(?:\w+\s+)?district)\s*$",
        re.IGNORECASE,
    )


def office(values: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """What a race is a race for, without the part of the ground it is over (its district). Every
    race of a party primary is one: a unit's counts hold every party's voters (Texas 2014: the
    ballots of both primaries were a Democratic-only measure's), so no primary race's own."""
    if values.get("party"):
        return (("party", "primary"),)
    office = []
    for role, value in sorted(values.items()):
        if role in _PART_ROLES:
            continue
        text = normal(role, value)
        if role in ("office", "race"):
            text = _district_in_name().sub("", text)
        office.append((role, text))
    return tuple(office)


def shared(
    book: RaceBook,
    records: list[Record],
    races: list[Race | None],
    left_out: list[tuple[dict[str, str], set[int], Place | None]],
) -> dict[str, tuple[list[str], list[str]]]:
    """The races whose units' counts (rows for every race: "Ballots Cast" as an office) are no
    race's own, by name: (those units, the other races there). A unit's counts are a race's only
    where the race covers the whole unit; where another race of the same office has rows in it (a
    county split among districts), neither does. Over every race of the file, those --race or
    --where leave out too (`left_out`: their values, columns and units), so that neither changes
    a race's turnout. A statewide race is the only
    race of its office in every unit and keeps its counts."""
    counted = {(r.row.region, r.row.unit) for r in records if r.row.all_races}
    if not counted:
        return {}
    ground: Ground = {}
    for record, race in zip(records, races, strict=True):
        place = (record.row.region, record.row.unit)
        if race is not None and place in counted:
            ground.setdefault((office(race.values), place), {})[race.identity] = race.name
    for values, _, out in left_out:
        if out is not None and out in counted:
            keyed = book.keyed(values)
            found = book.races.get(book.identity(values))
            ground.setdefault((office(keyed), out), {}).setdefault(
                book.identity(values), found.name if found else ""
            )
    return named(ground)


# What a race is for in a unit (its office, the unit) → the races of that office there, by
# identity: their names.
Ground = dict[tuple[tuple[tuple[str, str], ...], Place], dict[tuple[str, ...], str]]


def named(ground: Ground) -> dict[str, tuple[list[str], list[str]]]:
    """`shared` from the races of each office in each unit counted for every race: those that
    share a unit with another race of their office, by name: (those units, the other races)."""
    shared: dict[str, tuple[list[str], list[str]]] = {}
    for (_, place), here in ground.items():
        if len(here) < 2:
            continue
        where = " / ".join(p for p in place if p) or "the file"
        for name in here.values():
            if not name:
                continue
            places, others = shared.setdefault(name, ([], []))
            if where not in places:
                places.append(where)
            others.extend(o for o in here.values() if o and o != name and o not in others)
    return shared


def of_one(
    shared: dict[str, tuple[list[str], list[str]]],
    chosen: dict[int, Race],
    records: list[Record],
) -> dict[str, tuple[list[str], list[str]]]:
    """`shared` for the one race --where left, whose rows keep the file's label, not its name."""
    if len(chosen) != 1 or not shared:
        return {}
    (only,) = chosen.values()
    if only.name not in shared:
        return {}
    return {r.election: shared[only.name] for r in records if not r.row.all_races}


def place(record: Record) -> Place | None:
    """The unit of a row that is no count of its unit for every race (those that are: None)."""
    return None if record.row.all_races else (record.row.region, record.row.unit)
