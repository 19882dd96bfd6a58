"""Checks of a file of races that no single row shows: vote-mode columns against the votes, one
candidate spelt two ways across a race's regions, races that look like several.

- **Vote-mode columns.** Summed into the votes (a note names them), or checked against a votes
  column: rows where they disagree are counted in one `mode-mismatch` warning; the votes are used.
- **Spellings.** Within one race, two options that never appear in the same region and whose names
  match as `compare` matches names (`pollcli.names`: "BIDEN/HARRIS" and "Biden and Harris",
  "James R Comer" and "James R. Comer") are one candidate spelt two ways, most likely: a
  `name-variant` warning names both and the `--alias` that merges them. Nothing is merged unasked.
- **Seats.** A race's district (or race, seat, constituency) whose name ends in "(N)", as New
  Hampshire writes its House districts ("BE 02 (4)", "CH 16 (2)F"), elects N members; so does a
  race whose name says "(Vote For N)" or "(ELECT N)" (`read.seatnames`).
- **Races that may be several.** A race where one party has several candidates (each with at least
  half an even share of the votes) beside another party's, no candidate has a majority, and that
  does not say how many members it elects, is either a race for several seats
  or party primaries (or an all-party vote) read as one race (a second spelling of one candidate,
  `name-variant`, is no second candidate): a `race-split` warning says so, and
  how to give the number of seats (and, unless the file says it is a general election, how to
  split primaries: `--race-by …,party`). So is a race where two parties have two candidates or
  more each, whatever their shares and though one has a majority: party primaries (or runoffs),
  or several seats; a majority of all their votes elects nobody. But for a special election (one vacancy, often filled by
  an all-party vote), the race is marked (`Election.crowded`): no winner is named and no margin
  measured, for naming one where several are elected would be worse than naming none.
  A race whose candidates fall into groups that each poll the same total in every region is
  several contests of one ballot read as one (`read.contests`: West Virginia's Supreme Court
  divisions under one office): a `race-split` warning names the groups.
- **Districts of a many-member office that say nothing.** Where some districts of an office (a
  race key beside the district's, such as `office`) state that they elect several members ("BE 02
  (4)"), a district of the same office that states no number, has three candidates or more (each
  with at least half an even share), not one of each of several parties (blank or independent:
  New Hampshire's Nashua wards; or running mates, two DEM) and none with a majority is a race
  for several seats, most likely: it is marked
  (`Election.office_seats`), no winner is named, and one `race-split` warning says how to give
  the number.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, Final

from pollcli.columns import is_party_list
from pollcli.election import Election, Option
from pollcli.problems import Code, Problem, race_split
from pollcli.read import crowded, unkeyed, winners_only
from pollcli.read.assemble import option_key
from pollcli.read.contests import MIN_REGIONS
from pollcli.read.delegates import delegates
from pollcli.read.district_regions import district_regions
from pollcli.read.lone_regions import lone_regions
from pollcli.read.perballot import mark as per_ballot
from pollcli.read.positions import mark as ballot_positions
from pollcli.read.primaries import one_party_runoffs
from pollcli.read.questions import mark as yes_no_questions
from pollcli.read.seatnames import SEAT_NAMING_ROLES, seats_named
from pollcli.read.spellings import spellings
from pollcli.read.unkeyed import NO_PARTY

if TYPE_CHECKING:
    from pollcli.read.header import ColumnMap

_VOTES, _PARTY = attrgetter("votes"), attrgetter("party")


def _listed(names: Sequence[str]) -> str:
    quoted = [repr(n) for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def check(
    elections: list[Election],
    problems: list[Problem],
    many: bool,
    keyed: bool,
    values: Mapping[str, Mapping[str, str]] | None = None,
    standing: Mapping[str, set[str]] | None = None,
    chosen_keys: bool = True,
    columns: ColumnMap | None = None,
) -> None:
    """Spellings within each race, the seats its name states (`values`: each race's key values by
    its name), and races that may be several: in a file of many races, or of one race told by its
    key columns (`keyed`: a file of party primaries whose name does not say primary reads as one
    race, and the warning is all that says so). `chosen_keys`: pollcli chose the race keys (no
    --race-by), so a race of two lone candidates in two regions may be two (`read.lone_regions`);
    `columns`: the file's, whose columns not read may hold a constituency's number, and whose
    party column the advice names."""
    unread = (
        [columns.header[i] for i in columns.unread if i < len(columns.header)] if columns else []
    )
    party = (columns.header_of("party") if columns else None) or "party"
    ballot_positions(elections)  # (party cells 1..N in the rows' order: no parties)
    # Per race, the options that look like another's second spelling: no second candidate.
    variants: dict[int, set[str]] = {}
    for election in elections:
        if values and election.facts.election in values:
            election.named_seats = seats_named(values[election.facts.election])
        for warning, spelt, lead in spellings(election):
            variants.setdefault(id(election), set()).update(spelt)
            election.spelt_lead = election.spelt_lead or lead
            tagged = replace(warning, race=election.facts.election) if many else warning
            problems.append(tagged)
            election.warnings.append(tagged)
    if (found := delegates(elections)) is not None:
        problems.append(found)  # first: a race of delegates is no race of one seat to test
    per_ballot(elections, problems)
    yes_no_questions(elections, problems)  # (`NAME - YES`, `NAME - NO` of several names)
    if many or keyed:
        one_party_runoffs(
            [e for e in elections if not crowded.general(e) and not crowded.said_special(e)]
        )
        winners_only.check(elections, problems, unread)  # (one candidate a race, every race)
        _several(elections, problems, variants, unread, party)
        _flat(elections, problems, variants)
    else:  # no race key read: races told apart by a column pollcli does not know, added up?
        unkeyed.check(elections, problems)
    if values:
        _office_seats(elections, problems, values, variants)
        _blank_districts(elections, problems, values, standing or {})
        district_regions(elections, problems, values, many)
        if chosen_keys:
            lone_regions(elections, problems, values)
    for election in elections:
        merged = _contests(election)
        if merged is not None:
            tagged = replace(merged, race=election.facts.election) if many else merged
            problems.append(tagged)
            election.warnings.append(tagged)


def _contests(election: Election) -> Problem | None:
    """A race whose candidates fall into groups that each poll the same total in every region:
    several contests on one ballot read as one race (`read.contests`)."""
    if len(election.regions) < MIN_REGIONS:
        return None  # the usual national table: nothing to look at, nothing imported
    from pollcli.read.contests import contests

    found = contests(election)
    if found is None:
        return None
    candidates = sum(len(g) for g in found.groups)
    listed = " / ".join(_names(group) for group in found.groups)
    return Problem(
        code=Code.RACE_SPLIT,
        severity="warning",
        file=election.source_file,
        line=None,
        column=None,
        message=f"{election.facts.election!r} looks like {len(found.groups)} contests read as "
        f"one race: its {candidates} candidates fall into {len(found.groups)} groups whose votes "
        f"add up to the same number in each of its {found.regions:,} regions (within "
        f"{found.gap * 100:.1f} % on average), as separate contests on one ballot do — "
        f"{listed}. {'Its leader is named as the winner of one race; ' if election.seats == 1 else ''}"
        "the file does not tell the contests apart: give their rows a district or seat column to "
        "split them",
    )


def _names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _field(election: Election, spelt: set[str]) -> tuple[list[Option], list[Option], bool]:
    """A race's candidates (one spelt two ways, `name-variant`, counted once), its contenders —
    those with at least half an even share of the votes: a write-in or a token candidacy (Arizona's
    8th district of 2022, Lesko and two Democratic write-ins) is no sign of a second seat, as the
    candidates of a race of several seats share its votes — and whether one has more than half of
    them, and so is elected however many seats there are."""
    candidates = [
        o
        for o in election.options
        if o.kind == "candidate" and not (spelt and option_key(o.candidate) in spelt)
    ]
    votes = list(map(_VOTES, candidates))  # (a pass in C: a million options in 10,000 races)
    if None in votes:
        votes = [v or 0 for v in votes]
    total = sum(votes)
    floor = total / (2 * len(candidates) or 1)
    contenders = [o for o, v in zip(candidates, votes, strict=True) if v >= floor]
    return candidates, contenders, 2 * max(votes, default=0) > total  # (one above half?)


def _open(election: Election) -> bool:
    """A race of every party's candidates, several a party: a top-two or Louisiana's open primary."""
    return election.top_two or (election.race is not None and election.race.majority)


def _several(
    elections: list[Election],
    problems: list[Problem],
    variants: dict[int, set[str]],
    unread: Sequence[str] = (),
    party: str = "party",
) -> None:
    suspects = []
    for election in elections:
        if election.seats != 1 or _open(election) or (election.race and election.race.primary):
            continue  # stated (several per party is then expected), or a primary, or open
        if election.seats_won is not None:
            continue  # the file gives each option's seats won
        if is_party_list(election.facts.system, election.facts.seats):
            continue  # a list vote: candidates on open lists, several a party (`openlists`)
        candidates, contenders, elected = _field(election, variants.get(id(election), set()))
        key_of = {p: option_key(p or "") for p in {o.party for o in candidates}}  # each once
        parties: dict[str, int] = dict.fromkeys(map(key_of.__getitem__, map(_PARTY, candidates)), 0)
        for option in contenders:
            parties[key_of[option.party]] += 1
        packed = [p for p, n in parties.items() if n > 1 and p not in NO_PARTY]
        several = packed and len([p for p in parties if p not in NO_PARTY]) > 1 and not elected
        # (Two parties' primaries: a majority elects none; likelier than several seats.)
        # (Named no winner already where `several`: then only which reading is said first.)
        election.crowded_primaries = crowded.primaries(election, candidates, people=not several)
        if several or election.crowded_primaries:
            suspects.append(election)
    # Running mates alone (two Democrats, one elected by a majority) in a district of an office
    # whose other districts elect several: Arizona's State House (trial 7).
    offices = {
        _office(e.race.roles) for e in suspects if e.race is not None and not crowded.special(e)
    }
    known = {id(e) for e in suspects}
    for election in elections:
        if id(election) in known or election.race is None or election.race.primary:
            continue
        if election.seats != 1 or _open(election) or _office(election.race.roles) not in offices:
            continue
        if is_party_list(election.facts.system, election.facts.seats):
            continue
        _, contenders, _ = _field(election, variants.get(id(election), set()))
        mates = [option_key(o.party or "") for o in contenders]
        if any(mates.count(p) > 1 for p in set(mates) - NO_PARTY):
            suspects.append(election)
    if not suspects:
        return
    for election in suspects:
        if not crowded.special(election):
            election.crowded = _crowding(election.options)
    first = next((e for e in suspects if e.crowded), suspects[0])
    specials = sum(1 for e in suspects if not e.crowded)
    if specials == len(suspects):
        called = f"; {'its' if specials == 1 else 'each'} leader is named, as of a special election"
    else:
        called = ": no winner is named and no margin measured in them" + (
            f" (but in {specials:,} special election(s), whose leader is named)" if specials else ""
        )
    general = all(crowded.general(e) for e in suspects)
    keys = shlex.quote(",".join([*(first.race.keys if first.race else ()), party]))
    split = f"add the party column to the race keys (--race-by {keys}; a file whose name says 'primary' is split so)"
    primaries = "" if general else f"; if they are party primaries read as one race, {split}"
    seats = (
        "one race of N seats: give N in a vote_for (or magnitude, number_elected) column, as "
        f"'(N)' at the end of the district's name ('BE 02 (4)'), or with --vote-for N"
        f"{_race_flag(first)} (--vote-for 1: one seat)"
    )
    # Two parties' several candidates each (Oklahoma's Governor: 2 REP, 2 LIB): primaries (or
    # runoffs) read as one race are the likelier reading, said first.
    likelier = (
        f"Two parties' candidates in one race are party primaries (or runoffs) read as one race, "
        f"most likely: {split}; a race for several seats is {seats}"
        if first.crowded_primaries
        else f"A race for several seats is {seats}{primaries}"
    )
    race_split(
        suspects,
        problems,
        f"{len(suspects):,} race(s) have several candidates of one party (e.g. "
        f"{first.facts.election!r}: {_crowding(first.options)}) and do not say how many members "
        f"they elect{called}. {likelier}" + _seat_numbers(first, unread),
    )


# Header words of a column that numbers a district's constituencies or seats (Nepal's election
# commission: `DistrictName` beside `SCConstID`, `CenterConstID`; the race keys read only the
# district, whose two or three constituencies were one race "of several candidates of one party").
_CONSTITUENCY_WORDS: Final = frozenset(
    {"const", "constituency", "seat", "ward", "division", "electorate"}
)


def _seat_numbers(first: Election, unread: Sequence[str]) -> str:
    """The advice to add an unread column that numbers the seats to the race keys, where one's
    header says so ('SCConstID'); nothing otherwise."""
    words = [(h, re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", h)) for h in unread]
    seats = [h for h, parts in words if _CONSTITUENCY_WORDS & {p.lower() for p in parts}]
    if not seats or first.race is None:
        return ""
    keys = ",".join([*first.race.keys, seats[0]])
    return (
        f"; if a column numbers the constituencies of a district (not read: {_listed(seats)}), "
        f"add it to the race keys: --race-by {shlex.quote(keys)}"
    )


# A field this large, of votes this even, is a race for several seats in every file seen: each
# voter's several votes spread over the candidates (San Juan County's charter review commission
# in Washington's 2020 file: 16 candidates for several seats, the "winner" at 9.02 %, trial 5). A
# race for one seat concentrates its votes: France's first round of 2002, 16 candidates, gave the
# leader 19.9 %, over three times an even share.
_FLAT_FIELD: Final = 8  # candidates at least
_FLAT_CONTENDERS: Final = 6  # with at least half an even share
_FLAT_LEAD: Final = 2.0  # the leader under this many even shares


def _flat(
    elections: list[Election], problems: list[Problem], variants: dict[int, set[str]]
) -> None:
    """Races that state no number of seats whose many candidates share the votes nearly evenly:
    a race for several seats, most likely — no winner is named (`Election.flat`) and one
    `race-split` warning says how to give the number."""
    suspects = []
    for election in elections:
        if election.seats != 1 or election.named_seats is not None or election.facts.vote_for:
            continue  # stated, or already unknown
        if election.seats_won is not None:
            continue  # the file gives each option's seats won (Belgium's 16 in West Flanders)
        if election.race is not None and election.race.primary:
            continue
        candidates, contenders, elected = _field(election, variants.get(id(election), set()))
        total = sum(o.votes or 0 for o in candidates)
        if elected or total <= 0 or len(candidates) < _FLAT_FIELD:
            continue
        if len(contenders) < _FLAT_CONTENDERS or any(o.votes is None for o in candidates):
            continue
        lead = max(o.votes or 0 for o in candidates)
        if lead * len(candidates) < _FLAT_LEAD * total:
            election.flat = (
                f"{len(candidates)} candidates, the leader with {lead:,} of their {total:,} votes"
            )
            suspects.append(election)
    if not suspects:
        return
    first = suspects[0]
    race_split(
        suspects,
        problems,
        f"{len(suspects):,} race(s) have many candidates sharing the votes nearly evenly (e.g. "
        f"{first.facts.election!r}: {first.flat}) and do not say how "
        "many members they elect: a race for several seats, most likely; no winner is named and "
        f"no margin measured in them. Give the number of seats {_seats_given(first)}",
    )


def _office_seats(
    elections: list[Election],
    problems: list[Problem],
    values: Mapping[str, Mapping[str, str]],
    variants: dict[int, set[str]],
) -> None:
    """Races that state no number of seats, of an office other districts of which state several
    (`values`: the key values of every race of the file, those --race left out too)."""
    several: dict[tuple[tuple[str, str], ...], str] = {}
    for name, keys in values.items():
        # A race told by its district alone (a `contest` column) has no office to share.
        if (seats_named(keys) or 0) > 1 and _office(keys):
            several.setdefault(_office(keys), name)
    suspects = []
    for election in elections:
        own = values.get(election.facts.election)
        example = several.get(_office(own)) if own is not None else None
        if example is None or election.seats != 1 or election.named_seats is not None:
            continue  # stated, or already unknown (several candidates of one party)
        if election.facts.vote_for or (election.race is not None and election.race.primary):
            continue
        _, contenders, elected = _field(election, variants.get(id(election), set()))
        # One contender of each of several parties (one REP, one DEM, one LIB) is a sign of one
        # seat; a party's running mates (two DEM), or parties that say nothing (blank,
        # independent), are none.
        parties = [p for o in contenders if (p := option_key(o.party or "")) not in NO_PARTY]
        one_each = len(parties) >= 2 and len(set(parties)) == len(parties)
        if len(contenders) >= 3 and not one_each and not elected:
            election.office_seats = repr(example)
            suspects.append(election)
    if not suspects:
        return
    first = suspects[0]
    race_split(
        suspects,
        problems,
        f"{len(suspects):,} race(s) (e.g. {_race_text(first)!r}) do not say how many "
        "members they elect, have no candidate with a majority, and are of an office other "
        f"districts of which elect several ({first.office_seats}): no winner is named and no "
        f"margin measured in them. Give the number of seats {_seats_given(first)}",
    )


def _seats_given(first: Election) -> str:
    """How to give a race's number of seats, `first` the race named in the example."""
    return (
        "in a vote_for (or magnitude, number_elected) column, as '(N)' at the end of the "
        f"district's name, or with --vote-for N{_race_flag(first)} (--vote-for 1: one seat)"
    )


def _race_flag(first: Election) -> str:
    """` and --race NAME` for a race of a file of several; nothing in a file of one race, where
    `--race` is a usage error ("the file is one race")."""
    return f" and --race {shlex.quote(_race_text(first))}" if first.race is not None else ""


def _office(keys: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """A race's keys but its district's (or seat's…): the office its districts share."""
    return tuple(sorted((r, v) for r, v in keys.items() if r not in SEAT_NAMING_ROLES))


def names_seats(values: Iterable[Mapping[str, str]]) -> bool:
    """Whether some race names its district (or seat…): only then does `check` look at who
    stands in each race (`_blank_districts`), which a file of 10,000 races need not work out."""
    return any(any(keys.get(role) for role in SEAT_NAMING_ROLES) for keys in values)


def _blank_districts(
    elections: list[Election],
    problems: list[Problem],
    values: Mapping[str, Mapping[str, str]],
    standing: Mapping[str, set[str]],
) -> None:
    """Races of an office whose other races name their district, that name none and whose
    candidates all stand in one of those: their rows are that district's (Franklin County's U.S.
    House rows in Kentucky's 2018 file, which are district 6's), not a race of their own, and no
    winner is named in them. (An at-large seat of the office has candidates of its own.)"""
    named: dict[tuple[tuple[str, str], ...], list[str]] = {}
    for name, keys in values.items():
        if any(keys.get(role) for role in SEAT_NAMING_ROLES) and _office(keys):
            named.setdefault(_office(keys), []).append(name)
    suspects = []
    by_name = {e.facts.election: e for e in elections}
    for election in elections:
        own = values.get(election.facts.election)
        if own is None or any(own.get(role) for role in SEAT_NAMING_ROLES):
            continue
        blank = [role for role in SEAT_NAMING_ROLES if role in own]
        others = named.get(_office(own)) if blank else None
        if not others:
            continue
        mine = standing.get(election.facts.election, set())
        alike = [name for name in others if mine and mine <= standing.get(name, set())]
        whose = "its candidates are those of"
        if not alike and (alike := _holding_unlisted(election, others, by_name)):
            whose = "its votes are those held beyond its options by the total of"
        if not alike:
            continue  # candidates of their own: an at-large seat of the office, a race
        whose = f"{whose} {_listed(alike)}"
        election.no_winner = (
            f"Its rows name no {blank[0]}, while {len(others):,} other race(s) of its office do, "
            f"and {whose}: they are that race's rows, most likely, not a race of their own. No "
            f"winner is named; give the rows their {blank[0]}."
        )
        suspects.append(election)
    if not suspects:
        return
    first = suspects[0]
    race_split(
        suspects,
        problems,
        f"{len(suspects):,} race(s) (e.g. {_race_text(first)!r}) have rows with a blank "
        "district beside races of the same office that name theirs, and the candidates of one "
        "of them: they are read as a race of their own, in which no winner is named; give the "
        "rows their district",
    )


def _holding_unlisted(
    election: Election, others: list[str], by_name: Mapping[str, Election]
) -> list[str]:
    """The one race of `others` whose total given holds, beyond its options' votes, exactly this
    race's votes: Arizona's 2024 Pima County file gives an independent's rows (68,197 votes) no
    district, and State House 18's Total Votes that many above its two candidates; read as a race
    of his own, he "won the seat with a majority". [] where none or several do."""
    votes = sum(o.votes or 0 for o in election.options if o.kind == "candidate")
    found = [
        name
        for name in others
        if (race := by_name.get(name)) is not None
        and race.facts.total_votes is not None
        and race.audit.votes is not None
        and votes > 0
        and race.facts.total_votes - race.audit.votes == votes
    ]
    return found if len(found) == 1 else []


def _crowding(options: list[Option]) -> str:
    counts: dict[str, int] = {}
    for option in options:
        if option.kind == "candidate" and option.party:
            counts[option.party] = counts.get(option.party, 0) + 1
    return ", ".join(f"{n} {p}" for p, n in sorted(counts.items(), key=lambda i: -i[1]) if n > 1)


def _race_text(election: Election) -> str:
    return election.race.name if election.race is not None else election.facts.election
