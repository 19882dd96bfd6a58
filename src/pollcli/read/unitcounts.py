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
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Final, TypeVar

from pollcli.election import Facts
from pollcli.kinds import name_key, unused_count
from pollcli.read.countnotes import at_large, count_note, party_counts_note
from pollcli.read.racekeys import Race, RaceBook, normal
from pollcli.read.records import Record

if TYPE_CHECKING:
    from pollcli.read.assemble import Assembly

Place = tuple[str | None, str | None]  # a row's (region, unit)
# Roles that tell apart races of one office over parts of the same ground: districts (and the
# party of a party primary, whose ballots a unit's count holds with the other parties').
_PART_ROLES: Final[frozenset[str]] = frozenset({"district", "constituency", "party", "race_id"})
_DISTRICT_ROLES: Final[frozenset[str]] = _PART_ROLES - {"party"}
# A count row's or a race's district cells, (role, normal form) each: () where it names none.
Part = tuple[tuple[str, str], ...]
_T = TypeVar("_T")
# A race's count rows of a unit it shares with other races of its office (`Districts.own`).
ITSELF: Final[Part] = (("", "itself"),)
# A race's own count rows that stand for the unit's rows for every race where it shares a unit.
_OWN_COUNTS: Final[frozenset[str]] = frozenset({"registered", "ballots_cast"})
# The name `shared` gives the one race of a file of one race (named as the file: "", as a race
# --where leaves out and the book does not hold), until `of_one` gives it its label.
_ONE_RACE: Final[str] = "\x00one race"


def district(values: Mapping[str, str]) -> Part:
    """The district cells of a race's or a count row's race keys (`Part`)."""
    return tuple(
        (role, normal(role, value))
        for role, value in sorted(values.items())
        if value and role in _DISTRICT_ROLES
    )


@dataclass
class Districts:
    """Rows of counts for every race that name a district (Mississippi's Pike 2015: a precinct
    split between State House 96 and 98 has `Registered Voters,96` and `Registered Voters,98`
    beside its own `Registered Voters` of no district). `lines`: each such row's district, by
    line (the race stage, `note`). `kept`: the units whose count rows are told apart by their
    district (`by_place`: those whose district rows are parts of the unit's own rows).
    `own`: the races given a district's counts in such a unit, by label: unit → district (the
    race shares the unit with other races of its office, and no other race there is of that
    district), or `ITSELF` where the race counts a unit it shares by count rows of its own (Pike's
    `State House,96,,Registered,87`: it is given none of the unit's). Elsewhere a unit's count
    rows are the unit's, whatever district they name (New Jersey's `Registered Voters,5`, the
    precinct's congressional district)."""

    lines: dict[int, Part] = field(default_factory=dict)
    kept: set[Place] = field(default_factory=set)
    own: dict[str, dict[Place, Part]] = field(default_factory=dict)

    def note(self, record: Record, values: Mapping[str, str]) -> None:
        """A count row's district, from its race keys' cells (`values`), where it names one; not
        a count that is no race's figure (Electionware's `Contest Totals` inside each race, left
        out: `countnotes.without_unused_counts`)."""
        if record.row.fact is not None and (part := district(values)):
            self.lines[record.line] = part

    def of(self, record: Record) -> Part:
        """The district a count row is given by (`give`): its own in a unit `kept`, else ()."""
        if not self.kept or (record.row.region, record.row.unit) not in self.kept:
            return ()
        return self.lines.get(record.line, ())

    def by_place(self, records: list[Record]) -> dict[Place, set[Part]]:
        """The districts each unit's count rows name (and (), the unit's own), for the units
        whose district rows are parts of the unit's: for each count they give, the unit's own row
        gives it too, each district's is below it and together they are no more (Pike's `423`
        and `902` of `1325`). Not New Jersey's Bergen 2022, whose mail ballots are given once per
        congressional district, each the unit's 517, and no row of no district: such rows stay
        the unit's, as before."""
        whole: dict[Place, dict[str, int]] = {}
        parts: dict[Place, dict[Part, dict[str, int]]] = {}
        for record in records:
            row = record.row
            if row.all_races and row.fact is not None and record.votes is not None:
                place, part = (row.region, row.unit), self.lines.get(record.line, ())
                if part:
                    parts.setdefault(place, {}).setdefault(part, {})[row.fact] = record.votes
                else:
                    whole.setdefault(place, {})[row.fact] = record.votes
        found: dict[Place, set[Part]] = {}
        for place, by_part in parts.items():
            own = whole.get(place, {})
            given = {fact for counts in by_part.values() for fact in counts}
            if given and all(
                fact in own
                and sum(counts.get(fact, 0) for counts in by_part.values()) <= own[fact]
                and all(
                    counts.get(fact, 0) < own[fact] or not own[fact] for counts in by_part.values()
                )
                for fact in given
            ):
                found[place] = {(), *by_part}
        return found


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
    if assembly.count_rows is None:
        assembly.shared_counts = shared(book, records, races, left_out, found, assembly.districts)
        return
    if assembly.districts.lines:
        from pollcli.read.raceunits import HandOver

        raise HandOver  # count rows that name a district: the exact engine tells them apart
    assembly.shared_counts = assembly.count_rows.shared(book, records, races, left_out, found)


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
    by_election: dict[str, list[Record]], every_race: list[Record], assembly: Assembly
) -> tuple[dict[str, str], set[str]]:
    """Each race (its records by label) given the counts of its units (`every_race`: records of
    counts for every race), added to its records, as `countnotes.count_note` judges from the race
    stage's word (`judge`, in `assembly`): (notes by label, the races given some). Where count
    rows name their party (`Assembly.count_parties`: each race's party by label), a race's are
    those of its party, and a note names those of its units it is not given (every party's, or,
    for a race of no party, the parties'). Where a unit's count rows are told apart by their
    district (`Assembly.districts`), a race is given those of its district there
    (`Districts.own`), or those that name none."""
    shared, primaries = assembly.shared_counts, assembly.primaries
    parties, districts = assembly.count_parties, assembly.districts
    by_place: dict[tuple[str | None, str | None, str, Part], list[Record]] = {}
    # Each unit's counts by the party their rows name: which (`parties` only).
    labels: dict[Place, dict[str, set[str]]] = {}
    for record in every_race:
        label = normal("party", record.row.party or "") if parties is not None else ""
        key = (record.row.region, record.row.unit, label, districts.of(record))
        by_place.setdefault(key, []).append(record)
        if parties is not None and record.row.fact is not None:
            place = (record.row.region, record.row.unit)
            labels.setdefault(place, {}).setdefault(label, set()).add(record.row.fact)
    notes: dict[str, str] = {}
    counted: set[str] = set()
    for label, group in by_election.items():
        party = parties.get(label, "") if parties is not None else ""
        places = {(r.row.region, r.row.unit) for r in group}
        part = districts.own.get(label, {})  # its district's, where a unit's are told apart
        looked = [p for p in places if part.get(p) != ITSELF]  # (not those it counts itself)
        uncounted = [p for p in looked if (*p, party, part.get(p, ())) not in by_place]
        note = count_note(label, uncounted, len(places), shared, primaries.by_party)
        if note is not None:
            notes[label] = note
            continue
        if len(uncounted) < len(looked):
            counted.add(label)
        # A unit's count the race gives itself there (Alaska's `Times Counted` of each race beside
        # the precinct's `Ballots Cast`: a ballot counted in one race and not another) is its own.
        itself = {
            (r.row.region, r.row.unit, r.row.fact) for r in group if r.row.fact in _OWN_COUNTS
        }
        own = [
            dataclasses.replace(r, election=label)
            for place in looked
            for r in by_place.get((*place, party, part.get(place, ())), [])
            if (*place, r.row.fact) not in itself
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
    districts: Districts | None = None,
) -> dict[str, tuple[list[str], list[str]]]:
    """The races whose units' counts (rows for every race: "Ballots Cast" as an office) are no
    race's own, by name: (those units, the other races there). A unit's counts are a race's only
    where the race covers the whole unit; where another race of the same office has rows in it (a
    county split among districts), neither does. Over every race of the file, those --race or
    --where leave out too (`left_out`: their values, columns and units), so that neither changes
    a race's turnout. A statewide race is the only
    race of its office in every unit and keeps its counts. Where count rows name their party
    (`Primaries.labelled`), a race's units are those counted for its party. Where a unit's count
    rows name districts (`districts`), a race that shares the unit is given its district's
    (`Districts.own`), if no other race there is of its district."""
    labels = primaries is not None and primaries.labelled
    by_party = primaries is not None and primaries.by_party
    counted = {
        (r.row.region, r.row.unit, normal("party", r.row.party or "") if labels else "")
        for r in records
        if r.row.all_races
    }
    if not counted:
        return {}
    parts = districts.by_place(records) if districts is not None and districts.lines else {}
    if districts is not None:
        districts.kept.update(parts)  # (their rows given by district, whoever has rows there)
    # In the units whose count rows name a district: each race's name and district, by identity.
    who: dict[Place, dict[tuple[str, ...], tuple[str, Part]]] = {}
    itself: set[tuple[tuple[str, ...], Place]] = set()  # races with count rows of their own
    ground: Ground = {}
    for record, race in zip(records, races, strict=True):
        if race is None or at_large(race.values):
            continue  # (an at-large race covers its units: it shares none)
        place = (record.row.region, record.row.unit)
        if (*place, party_of(race.values) if labels else "") in counted:
            name = race.name or _ONE_RACE
            ground.setdefault((office(race.values, by_party), place), {})[race.identity] = name
            if place in parts:
                who.setdefault(place, {})[race.identity] = (name, district(race.values))
            if record.row.fact in _OWN_COUNTS and districts is not None:
                itself.add((race.identity, place))
    for values, _, out in left_out:
        if out is None:
            continue
        keyed = book.keyed(values)
        if (*out, party_of(keyed) if labels else "") in counted and not at_large(keyed):
            found = book.races.get(book.identity(values))
            name = (found.name or _ONE_RACE) if found else ""
            ground.setdefault((office(keyed, by_party), out), {}).setdefault(
                book.identity(values), name
            )
            if out in parts:
                who.setdefault(out, {}).setdefault(book.identity(values), (name, district(keyed)))
    if not who and not itself:
        return named(ground)
    assert districts is not None
    own = _own_districts(ground, who, parts, districts)
    for (_, place), here in ground.items():
        for identity, name in here.items() if len(here) > 1 else ():
            if (identity, place) in itself and name:
                own.add((name, place))
                districts.own.setdefault(name, {})[place] = ITSELF
    return named(ground, own)


def _own_districts(
    ground: Ground,
    who: dict[Place, dict[tuple[str, ...], tuple[str, Part]]],
    parts: dict[Place, set[Part]],
    districts: Districts,
) -> set[tuple[str, Place]]:
    """The races (by name, with the unit) given their district's counts in a unit they share
    with other races of their office, in `districts` (`Districts.own`): in a unit whose count
    rows are told apart by district (`Districts.by_place`), where no other race of the unit is of
    the race's district."""
    own: set[tuple[str, Place]] = set()
    for (_, place), here in ground.items() if who else ():
        if len(here) < 2 or place not in who:
            continue
        of_unit = who[place].values()
        for identity, name in here.items():
            part = who[place][identity][1]
            if not part or part not in parts[place]:
                continue
            if name and sum(1 for _, other in of_unit if other == part) == 1:
                own.add((name, place))
                districts.own.setdefault(name, {})[place] = part
    return own


# What a race is for in a unit (its office, the unit) → the races of that office there, by
# identity: their names.
Ground = dict[tuple[tuple[tuple[str, str], ...], Place], dict[tuple[str, ...], str]]


def named(
    ground: Ground, own: Collection[tuple[str, Place]] = ()
) -> dict[str, tuple[list[str], list[str]]]:
    """`shared` from the races of each office in each unit counted for every race: those that
    share a unit with another race of their office, by name: (those units, the other races);
    not where a race is given its district's counts there (`own`: name and unit)."""
    shared: dict[str, tuple[list[str], list[str]]] = {}
    for (_, place), here in ground.items():
        if len(here) < 2:
            continue
        where = " / ".join(p for p in place if p) or "the file"
        for name in here.values():
            if not name or (name, place) in own:
                continue
            places, others = shared.setdefault(name, ([], []))
            if where not in places:
                places.append(where)
            others.extend(o for o in here.values() if o and o != name and o not in others)
    return shared


def of_one(shared: dict[str, _T], chosen: dict[int, Race], records: list[Record]) -> dict[str, _T]:
    """`shared` (or `Districts.own`) for the one race --where left, whose rows keep the file's
    label, not its name."""
    if len(chosen) != 1 or not shared:
        return {}
    (only,) = chosen.values()
    name = only.name or _ONE_RACE
    if name not in shared:
        return {}
    return {r.election: shared[name] for r in records if not r.row.all_races}


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
