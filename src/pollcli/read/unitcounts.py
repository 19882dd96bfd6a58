"""Which races a unit's counts are not the own of: rows that count their unit for every race
("Registered Voters", "Ballots Cast" as an office, or as the candidate of a row of no race) are a
race's only where the race covers the whole unit. A unit where another race of the same office has
rows too (a county split among State House districts) is no one race's: those races get no counts
from it (`give`), and say why (`read.countnotes`).

In a file of party primaries a unit's counts hold every party's voters: no primary race's own
(Texas 2014's ballots of both primaries were a Democratic-only measure's), unless they say whose
(`primaries`): count rows that name their party (Texas 2020's `Ballots Cast,,REP`, the District of
Columbia's `REGISTERED VOTERS - TOTAL` per party) are that party's primary races', where the
labels agree with the races; in a file of one party's races whose count rows name no party, they
are that party's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

from pollcli.election import Facts
from pollcli.kinds import name_key, unused_count
from pollcli.read.countnotes import count_note, party_counts_note
from pollcli.read.racekeys import Race, RaceBook, normal
from pollcli.read.records import Record

if TYPE_CHECKING:
    from pollcli.read.assemble import Assembly

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


def with_row_facts(records: list[Record]) -> tuple[list[Record], list[Record]]:
    """Rows that are counts of their unit ("Registered Voters", "Ballots Cast", "Total Votes") as
    fact records: (the records of their own race, those for every race of their unit)."""
    own: list[Record] = []
    every: list[Record] = []
    for record in records:
        fact = record.row.fact
        if fact is None or record.votes is None:
            own.append(record)
            continue
        counted = dataclasses.replace(record, facts={**record.facts, fact: str(record.votes)})
        (every if record.row.all_races else own).append(counted)
    return own, every


@dataclass(frozen=True)
class Primaries:
    """Whose a file's counts for every race are, where races are party primaries: the parties of
    its primary races (normal form); whether its count rows that name a party are that party's
    primary races' (`labelled`), or its count rows, naming none, are the one party's (`one_party`).
    Neither: a unit's counts are no primary race's."""

    parties: frozenset[str] = frozenset()
    labelled: bool = False
    one_party: bool = False

    @property
    def by_party(self) -> bool:
        """Whether a primary race's counts are its party's (its office is then its own)."""
        return self.labelled or self.one_party


def party_of(values: Mapping[str, str]) -> str:
    """A race's party as a key (normal form): "" for a race of no party (every party's)."""
    return normal("party", values.get("party", ""))


def judge(
    assembly: Assembly,
    book: RaceBook,
    records: list[Record],
    races: list[Race | None],
    left: tuple[list[tuple[dict[str, str], set[int], Place | None]], list[Record]],
) -> None:
    """The race stage's word on the counts for every race, in `assembly`: whose they are in a file
    of party primaries (`primaries`; and each race's party by label where count rows name theirs),
    and the races that share a unit's with others of their office (`shared`, or the streaming
    engine's `CountUnits.shared`). `left`: what --where left out, rows of races and of counts."""
    left_out, dropped = left
    found = assembly.primaries = primaries(book, records, races, left_out, dropped)
    if found.labelled and len(book.races) > 1:
        assembly.count_parties = {race.name: party_of(race.values) for race in book.races.values()}
    elif found.labelled:  # a file of one race keeps the file's label: its records'
        pairs = zip(records, races, strict=True)
        assembly.count_parties = {r.election: party_of(race.values) for r, race in pairs if race}
    of = shared if assembly.count_rows is None else assembly.count_rows.shared
    assembly.shared_counts = of(book, records, races, left_out, found)


def office(values: Mapping[str, str], by_party: bool = False) -> tuple[tuple[str, str], ...]:
    """What a race is a race for, without the part of the ground it is over (its district). Every
    race of a party primary is one: a unit's counts hold every party's voters (Texas 2014: the
    ballots of both primaries were a Democratic-only measure's), so no primary race's own; where
    counts are a party's (`Primaries.by_party`), its office within that party's primary."""
    party = values.get("party")
    if party and not by_party:
        return (("party", "primary"),)
    office = [("party", normal("party", party))] if party else []
    for role, value in sorted(values.items()):
        if role in _PART_ROLES:
            continue
        text = normal(role, value)
        if role in ("office", "race"):
            text = _district_in_name().sub("", text)
        office.append((role, text))
    return tuple(office)


def primaries(
    book: RaceBook,
    records: list[Record],
    races: list[Race | None],
    left_out: list[tuple[dict[str, str], set[int], Place | None]],
    left_counts: list[Record],
) -> Primaries:
    """Whose the file's counts for every race are (`Primaries`), over every race of the file
    (those --race or --where leave out too, so that neither changes a race's turnout). Count rows
    that name a party are its primary's only where, in each unit and count they name a party for,
    every party with races there has its own, and they add up to no more than the count of the
    unit that names none (Missouri's Callaway 2018 file names REP on each precinct's whole count,
    beside Democratic races); one party's file, only where no count row names a party, no race is
    of no party and no count is of a part of the unit (`BALLOTS CAST - NONPARTISAN`)."""
    if book.rule is None:
        return Primaries()  # the party tells no races apart
    parties = {party_of(race.values) for race in book.races.values()}
    for values, _, out in left_out:
        if out is not None:  # (None: a count row --where left out)
            parties.add(party_of(book.keyed(values)))
    plain = "" in parties
    parties.discard("")
    if not parties:
        return Primaries()
    counts = [r for r in records if r.row.all_races] + left_counts
    if not any(r.row.party for r in counts):
        parts = any(
            r.row.fact is None
            and unused_count(r.row.candidate)
            and name_key(r.row.candidate) != "ballots cast blank"
            for r in counts
        )
        return Primaries(
            frozenset(parties), one_party=len(parties) == 1 and not plain and not parts
        )
    given: dict[tuple[Place, str], dict[str, int]] = {}
    for record in counts:
        if record.row.fact is not None and record.votes is not None:
            place = (record.row.region, record.row.unit)
            given.setdefault((place, record.row.fact), {})[
                normal("party", record.row.party or "")
            ] = record.votes
    # The parties with races in each unit.
    entrants: dict[Place, set[str]] = {}
    for record, race in zip(records, races, strict=True):
        if race is not None and race.values.get("party"):
            entrants.setdefault((record.row.region, record.row.unit), set()).add(
                party_of(race.values)
            )
    for values, _, out in left_out:
        if out is not None and (party := party_of(book.keyed(values))):
            entrants.setdefault(out, set()).add(party)
    labelled = False
    for (place, _), by_label in given.items():
        named = {party: votes for party, votes in by_label.items() if party}
        if not named:
            continue
        whole = by_label.get("")
        if not entrants.get(place, set()) <= named.keys() or (
            whole is not None and sum(named.values()) > whole
        ):
            return Primaries(frozenset(parties))  # labels the races contradict: no party's
        labelled = True
    return Primaries(frozenset(parties), labelled=labelled)


def give(
    by_election: dict[str, list[Record]],
    every_race: list[Record],
    shared: Mapping[str, tuple[list[str], list[str]]],
    primaries: Primaries,
    parties: Mapping[str, str] | None,
) -> tuple[dict[str, str], set[str]]:
    """Each race (its records by label) given the counts of its units (`every_race`: records of
    counts for every race), added to its records, as `countnotes.count_note` judges: (notes by
    label, the races given some). Where count rows name their party (`parties`: each race's party
    by label), a race's are those of its party, and a note names those of its units it is not
    given (every party's, or, for a race of no party, the parties')."""
    by_place: dict[tuple[str | None, str | None, str], list[Record]] = {}
    # Each unit's counts by the party their rows name: which (`parties` only).
    labels: dict[Place, dict[str, set[str]]] = {}
    for record in every_race:
        label = normal("party", record.row.party or "") if parties is not None else ""
        by_place.setdefault((record.row.region, record.row.unit, label), []).append(record)
        if parties is not None and record.row.fact is not None:
            place = (record.row.region, record.row.unit)
            labels.setdefault(place, {}).setdefault(label, set()).add(record.row.fact)
    notes: dict[str, str] = {}
    counted: set[str] = set()
    for label, group in by_election.items():
        party = parties.get(label, "") if parties is not None else ""
        places = {(r.row.region, r.row.unit) for r in group}
        uncounted = [p for p in places if (*p, party) not in by_place]
        note = count_note(label, uncounted, len(places), shared, primaries.by_party)
        if note is not None:
            notes[label] = note
            continue
        if len(uncounted) < len(places):
            counted.add(label)
        own = [
            dataclasses.replace(r, election=label)
            for place in places
            for r in by_place.get((*place, party), [])
        ]
        group.extend(own)
        if parties is not None:
            # Counts of its units it is not given: every party's (rows that name none), or for a
            # race of no party, the parties'.
            others: dict[str, set[str]] = {}
            for place in places:
                for name, facts in labels.get(place, {}).items():
                    if name != party and (not party or not name):
                        others.setdefault(name, set()).update(facts)
            missing = set().union(*others.values()) - {r.row.fact for r in own}
            if missing:
                notes[label] = party_counts_note(missing, party, sorted(others))
    return notes, counted


def shared(
    book: RaceBook,
    records: list[Record],
    races: list[Race | None],
    left_out: list[tuple[dict[str, str], set[int], Place | None]],
    primaries: Primaries | None = None,
) -> dict[str, tuple[list[str], list[str]]]:
    """The races whose units' counts (rows for every race: "Ballots Cast" as an office) are no
    race's own, by name: (those units, the other races there). A unit's counts are a race's only
    where the race covers the whole unit; where another race of the same office has rows in it (a
    county split among districts), neither does. Over every race of the file, those --race or
    --where leave out too (`left_out`: their values, columns and units), so that neither changes
    a race's turnout. A statewide race is the only
    race of its office in every unit and keeps its counts. Where count rows name their party
    (`Primaries.labelled`), a race's units are those counted for its party."""
    labels = primaries is not None and primaries.labelled
    by_party = primaries is not None and primaries.by_party
    counted = {
        (r.row.region, r.row.unit, normal("party", r.row.party or "") if labels else "")
        for r in records
        if r.row.all_races
    }
    if not counted:
        return {}
    ground: Ground = {}
    for record, race in zip(records, races, strict=True):
        if race is None:
            continue
        place = (record.row.region, record.row.unit)
        if (*place, party_of(race.values) if labels else "") in counted:
            ground.setdefault((office(race.values, by_party), place), {})[race.identity] = race.name
    for values, _, out in left_out:
        if out is None:
            continue
        keyed = book.keyed(values)
        if (*out, party_of(keyed) if labels else "") in counted:
            found = book.races.get(book.identity(values))
            ground.setdefault((office(keyed, by_party), out), {}).setdefault(
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


def place(record: Record, counts: list[Record]) -> Place | None:
    """The unit of a row that is no count of its unit for every race (those that are: None, the
    row kept in `counts`)."""
    if record.row.all_races:
        counts.append(record)
        return None
    return (record.row.region, record.row.unit)


def counts_of_one_place(
    facts: Facts,
    counts: Mapping[str, Mapping[str, int]],
    given: Iterable[tuple[str, Mapping[str, tuple[str, int]]]],
) -> tuple[Facts, int | None]:
    """A race read with no region whose units' counts were kept for one place (precincts of no
    region column, `--unit COL`; the one region `records.one_place` reads as a whole, a wide table
    of one row): those counts the race's own where not given for it, and the first line giving its
    ballots cast (for problems about them, as where each row holds them)."""
    (alone,) = counts.values()
    facts = facts.model_copy(update={k: v for k, v in alone.items() if getattr(facts, k) is None})
    lines = [unit["ballots_cast"][1] for _, unit in given if "ballots_cast" in unit]
    return facts, min(lines, default=None)
