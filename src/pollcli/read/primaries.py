"""The split note's words on primaries (`read.races`): how the party keys a file's races — party
primaries, a top-two primary, Louisiana's open primary — and how to read them the other way (a
file's name cannot tell a top-two primary from party primaries); and the races of Louisiana's
November elections that a majority wins (`open_general`); the advice of `--primary party` where
the party keys no race but a count given twice may be each party ballot's (`party_advice`)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Final

from pollcli.columns import option_key
from pollcli.election import Election
from pollcli.read.primary_totals import NO_PARTIES
from pollcli.read.racekeys import (
    CLOSED_CONGRESS,
    CONGRESS,
    OPEN_PRIMARY_STATES,
    KeyColumn,
    PartyRule,
    party_offices,
)
from pollcli.read.records import Record
from pollcli.read.unitfacts import Advice, UnitKey
from pollcli.read.unkeyed import NO_PARTY, NONPARTISAN


@functools.cache
def _general() -> re.Pattern[str]:
    """Compiled on first use: only OpenElections' file names need it."""
    return re.compile(r"(\d{4})\d{4}__([a-z]{2})__(?:[a-z0-9_]*?__)?general(?![a-z])")


OPEN_GENERAL_NOTE: Final = (
    "Louisiana's November election, as the file's name says: a majority wins this race, else the "
    "top two meet in a runoff (Congress's open primary, a state office's runoff)."
)


def open_general(source_file: str, values: dict[str, str]) -> bool:
    """Whether a race (its key values by role) of an OpenElections file of Louisiana's November
    election (`20161108__la__general__county.csv`) is one a majority wins, else a runoff: its
    open primary for Congress (but the general elections of 2008–2010, after closed primaries)
    and the runoffs of its state offices; not the presidential race, won by the most votes."""
    match = _general().search(source_file.rsplit("/", 1)[-1].lower())
    if match is None or match[2] not in OPEN_PRIMARY_STATES or "primary" in match[0]:
        return False
    office = values.get("office", "")
    if party_offices().search(office):
        return False
    closed = CLOSED_CONGRESS[0] <= int(match[1]) <= CLOSED_CONGRESS[1]
    return not (closed and CONGRESS.search(office))


def primary_note(rule: PartyRule | None, split_by_party: bool, keys: list[KeyColumn]) -> str:
    """The split note's words on primaries: how the party keys them, and how to read them the
    other way (a file's name cannot tell a top-two primary from party primaries)."""
    if rule is None or rule.every_row:
        return ""
    if rule.open_majority:
        closed = ", and Congress's from 2008 to 2010," if rule.closed_congress else ""
        return (
            " (Louisiana's open primary, as the file's name says: one race of every party per "
            "office, which a majority wins, else the top two meet in a runoff; presidential "
            f"primaries and party committees{closed} stay party primaries; --primary party reads "
            "party primaries)"
        )
    if rule.top_two:
        how = "as the file's name says" if rule.detected else "by --primary top-two"
        other = "; --primary party reads party primaries" if rule.detected else ""
        offices = (
            "the presidential race and party committees are general races, as the file's name "
            "says general"
            if rule.general_offices
            else "presidential primaries and party committees stay party primaries"
        )
        return (
            f" (a top-two primary {how}: one race of every party per office, whose top two "
            f"advance; {offices}{other})"
        )
    if not split_by_party:
        return ""
    if any(k.role == "stage" for k in keys):
        return " (the party in primaries only)"
    said = (
        "--primary party says so"
        if rule is not None and rule.flagged
        else "the file's name says so"
    )
    return (
        f" (party primaries: {said}; a top-two primary, one race of every party per office, is "
        "read with --primary top-two)"
    )


# Said after a unit's count given twice with two figures in a race of candidates of several parties
# where the party keys no race (`facts.UnitFacts.advice`): Alaska's primary file under another name
# lists `Times Counted` once above each party's ballot (171, then 199) under one office.
PARTY_ADVICE: Final = (
    ", or, if the file holds party primaries (its candidates stand for several parties; a count "
    "per party's ballot), read one race per party with --primary party"
)


def party_advice(records: Sequence[Record]) -> Advice:
    """`PARTY_ADVICE` for a unit's count given twice (on lines `first` and `again`) where each count
    row is followed by a block of candidates and no party stands in both blocks (no party,
    nonpartisan and write-in labels aside): Alaska's ballot of DEM and LIB candidates under
    `Times Counted` 171, the REP ballot under 199. A general election's count typed twice (120, then
    121 after the candidates) gives none: read as primaries it would be two races of one party each.
    For the elections whose party keys no race (no `PartyRule`); worked out at the first count given
    twice (`facts.UnitFacts.advice`), never for an election with none."""
    rows: dict[tuple[str, str], tuple[list[int], list[str | None]]] = {}
    labels: dict[int, str] = {}  # a count row's party cell, by line (`_labelled`)

    def block(unit: UnitKey, line: int) -> set[str]:
        lines, parties = rows.get(unit[1:], ([], []))
        at, seen = bisect_right(lines, line), set[str]()
        while at < len(lines) and parties[at] == _COUNT:  # (the unit's other count rows)
            at += 1
        while at < len(lines) and parties[at] != _COUNT:
            seen.add(parties[at] or "")
            at += 1
        return seen - NO_PARTIES - NONPARTISAN - {""}

    def advice(unit: UnitKey, first: int, again: int) -> str:
        if not rows:
            for record in sorted(records, key=lambda r: r.line):
                lines, parties = rows.setdefault(
                    (record.row.region or "", record.row.unit or ""), ([], [])
                )
                lines.append(record.line)
                parties.append(_party(record))
                if record.row.fact is not None and record.row.party:
                    labels[record.line] = option_key(record.row.party)
        if _labelled(labels.get(first), labels.get(again), rows.values()):
            return PARTY_ADVICE
        one, other = block(unit, first), block(unit, again)
        return PARTY_ADVICE if one and other and not one & other else ""

    return advice


_COUNT: Final = "\0count"  # (a count row, which ends a block of candidates)


def _labelled(
    one: str | None, other: str | None, rows: Iterable[tuple[list[int], list[str | None]]]
) -> bool:
    """Whether two count rows are two parties' ballots' (the District of Columbia's results saved
    as dc_2018.csv: `REGISTERED VOTERS - TOTAL` of `CITYWIDE`, then of `DEM`, in each precinct):
    they name two parties, one of them the party of the race's candidates, all of one party."""
    if one is None or other is None or one == other:
        return False
    parties = {p for _, row in rows for p in row if p is not None and p != _COUNT}
    parties -= NO_PARTIES | NONPARTISAN
    return len(parties) == 1 and bool(parties & {one, other})


def _party(record: Record) -> str | None:
    """A row's party key in a block of candidates, `_COUNT` for a count row, None for another."""
    if record.row.fact is not None:
        return _COUNT
    party = record.row.party
    return option_key(party) if party and record.row.kind == "candidate" else None


# A runoff said by the file's name (OpenElections' `…__runoff__…`, a trial's `us_ok_2018_runoff`)
# or by a race key's value (a stage `runoff`).
@functools.cache
def _runoff_word() -> re.Pattern[str]:
    """Compiled on first use: only for a race of primaries."""
    return re.compile(r"(?<![a-z])run[-_ ]?offs?(?![a-z])")


def one_party_runoffs(elections: Sequence[Election]) -> None:
    """A runoff of two candidates of one party, in a file not said to be of a general or a special
    election (the caller keeps those out: a special election's runoff fills the vacancy): a party's primary runoff, most likely, whose winner is its
    nominee — read as a primary (no seat won, `Race.primary`) with a note saying why and what a
    general election's runoff would be. Oklahoma's 2018 primary runoff file saved as
    us_ok_2018_runoff.csv said "Matt Pinnell wins the seat" (Lieutenant Governor, two REP) and
    counted it among REP's seats won, and read State House 61's two Republicans as two seats
    (other districts of the office had several candidates of one party)."""
    for election in elections:
        race = election.race
        if race is None or race.primary or race.majority or election.top_two:
            continue
        if election.seats != 1 or not _runoff(election):
            continue
        pair = [o for o in election.options if o.kind == "candidate" and o.votes]
        parties = {option_key(o.party or "") for o in pair}
        if len(pair) != 2 or len(parties) != 1 or parties <= NO_PARTY:
            continue
        race.primary = race.primary_guessed = True
        party = pair[0].party
        election.notes.append(
            f"A runoff of two candidates of one party ({party}) in a file not said to be of a "
            f"general election: a {party} primary runoff, most likely, whose winner is the "
            "party's nominee, not a seat's holder; it is counted as a primary. (A general "
            f"election's runoff of two of one party, as Louisiana's, elects the seat: {READ_AS_GENERAL}.)"
        )


# How to read a runoff of one party's two as a general election's (`one_party_runoffs`): what
# `crowded.general` heeds.
READ_AS_GENERAL: Final = (
    "a file whose name says general (`…_general_runoff.csv`), or whose stage or election column "
    "says general (`General Runoff`), is read so"
)


def _runoff(election: Election) -> bool:
    words = [v.casefold() for v in (election.race.keys.values() if election.race else ())]
    return "runoff" in words or _runoff_file(election.source_file)


@functools.cache
def _runoff_file(source_file: str) -> bool:  # (once a file, not once each of its 10,000 races)
    return bool(_runoff_word().search(PurePath(source_file).name.casefold()))
