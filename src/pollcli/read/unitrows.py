"""A row's cells that count its unit, not a race's option (`read.records.CellReader.split`): a
straight-party ballot, a box that votes for one party's candidates in every race, and a part of
the unit under an office of its counts (Michigan's `Ballots Cast` with `DEM`, `REP`). Both are read
as counts of the unit for no race, left out with a note (`read.countnotes`)."""

from __future__ import annotations

import functools
import re
from functools import lru_cache
from typing import Final

from pollcli.kinds import counts_office, fact_from_name, unused_count
from pollcli.kinds import name_key as kind_key


# Offices of straight-party (straight-ticket) ballots: a box that votes for one party's candidates
# in every race, no race of its own (Michigan's `Straight Party`, South Carolina's `Straight Party
# 1`, Texas' `Straight Party VOTE`, West Virginia's `Straight Party Ticket`; Clarity's contest
# `Straight Party Ticket (Vote For 1)`).
@functools.cache
def _straight() -> re.Pattern[str]:
    """Compiled on first use: only for an office that starts `straight`."""
    return re.compile(
        r"straight ?(?:party|ticket)(?: ticket| vote| votes| voting)?(?: \d+)?(?: vote for \d+)?"
    )


# How such a row is named once read: a count of its unit that is no race's figure, left out with a
# note of its own (`read.countnotes.without_unused_counts`).
STRAIGHT_BALLOTS: Final[str] = "straight-party ballots: "


@lru_cache(maxsize=1024)
def straight_office(office: str) -> bool:
    """Whether an office cell names straight-party ballots (asked of every row: cached)."""
    return office[:8].lower() == "straight" and _straight().fullmatch(kind_key(office)) is not None


def straight_ballot(values: dict[str, str], facts: dict[str, str], races: list[str]) -> None:
    """A row's cells (`read.records.CellReader.split`) under an office of straight-party ballots
    (`straight_office`): named for its party (its candidate cell, or its party cell where that is
    blank: Utah's and Indiana's), a count of its unit for no race (`Row.all_races`), without its
    race cells. Asked of every row: one cached test of its office cell (of its race cells where
    there is no office column)."""
    if not races and "office" not in facts:
        return  # no office cell: none of straight-party ballots (a file of many races, 1M rows)
    office = facts.get("office") or " ".join(facts.get(c, "") for c in races)
    if straight_office(office):
        name = values.get("candidate") or values.get("party", "")
    elif straight_office(values.get("candidate", "")) and (
        counts_office(office) or not office.strip()
    ):
        # Named so under an office of counts (Indiana's Brown 2016: `Voters,,Straight Ticket,R`)
        # or of none (Texas' Schleicher 2016: `1,,,Straight Party,REP`, "(unnamed race)").
        name = values.get("party") or values["candidate"]
    else:
        return
    values["candidate"] = STRAIGHT_BALLOTS + name
    values["all_races"] = "true"
    for column in races:
        facts.pop(column, None)


def unit_counts(values: dict[str, str], facts: dict[str, str], races: list[str]) -> None:
    """A row's cells that count its unit, not a race's option, read as such: a straight-party
    ballot (`straight_ballot`), or a part of the unit under an office of its counts
    (`part_count`). Both rows are left out, with a note."""
    straight_ballot(values, facts, races)
    part_count(values, facts, races)


def part_count(values: dict[str, str], facts: dict[str, str], races: list[str]) -> None:
    """A row named under an office of ballots cast or registered voters for the part of the unit
    it counts (Michigan's 2020 primary: `Ballots Cast` with `DEM`, `REP`, `NON` as candidates, each
    party's ballots; "REP wins the seat with a majority"): that count, named as ES&S names it
    (`Ballots Cast - REP`: `kinds.unused_count`), for no race, left out with a note."""
    offices = [facts[c] for c in races if facts.get(c)]
    name = values.get("candidate")
    if not name or not offices or "all_races" in values:
        return
    if fact_from_name(name) is not None or unused_count(name):
        return  # a count named as one (ES&S's `Ballots Cast - Blank` under its office)
    counted = f"{offices[0]} - {name}"
    if all(counts_office(o) for o in offices) and unused_count(counted):
        values["candidate"], values["all_races"] = counted, "true"
        for column in races:
            facts.pop(column, None)
