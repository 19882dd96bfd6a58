"""Votes by mode: a long `mode` column (election day, absentee, early… and TOTAL) made one count.

MEDSL's precinct files give one row per precinct, candidate and way of voting, and some counties
publish TOTAL rows while others give only the modes. So the count is settled per precinct (its
region when there is no unit column) and option: its TOTAL row when it has one, else its modes added
up.
Where a precinct has both, its modes are checked against its TOTAL row; those that do not add up are
one `mode-mismatch` warning per race, naming the regions where they are (the TOTAL rows are used).
A race whose precincts differ (TOTAL rows in some, modes added up in others) says so in a note.

The exact engine gives this stage one record per row. The streaming engine sums a region's precincts
before it, which settles the same count when the file does not mix TOTAL rows with other modes (nor
spell one mode two ways), or when every precinct's option has both and they add up
(`read.modegroups`): another file is read by the exact engine (`by_precinct`).
(Vote-mode *columns* — `election_day_votes`, `absentee`… — are read by `records.CellReader`.)
"""

from __future__ import annotations

import dataclasses
import shlex
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from pollcli.columns import normalize_header
from pollcli.formats import listed
from pollcli.problems import Code, Found, Problem
from pollcli.read.header import ColumnMap
from pollcli.read.preamble import VOTE_WORDS
from pollcli.read.records import Record

# How a mode column names the count of all modes.
TOTAL_MODES: Final[frozenset[str]] = frozenset(
    {"total", "totals", "total_votes", "all", "all_modes", "combined"}
)
# Modes that are ballots of their own, not ways of casting one (Baden-Württemberg's `vote_type` of
# `Erststimmen` and `Zweitstimmen`: a constituency's vote and a party list's): never added up.
BALLOT_MODES: Final[frozenset[str]] = frozenset(
    VOTE_WORDS  # (Germany's, as a wide header's last word writes them)
    | {"landesstimme", "landesstimmen"}
    | {
        f"{which}_vote{s}"
        for which in (
            "first",
            "second",
            "list",
            "party",
            "constituency",
            "electorate",
            "candidate",
            "district",
        )
        for s in ("", "s")
    }
)
# Regions named in one warning; the others are counted.
SHOWN_REGIONS: Final[int] = 5

_Key = tuple[str, str, str, str, str, str, tuple[tuple[str, str], ...]]


@lru_cache(maxsize=4096)
def _normal(mode: str) -> str:
    """A mode as compared (a file writes a few modes on every row: each normalised once)."""
    return normalize_header(mode)


def is_total(mode: str) -> bool:
    return _normal(mode) in TOTAL_MODES


def spelt_apart(modes: Collection[str]) -> bool:
    """Whether one of these modes (as written) is spelt two ways."""
    return len(set(map(_normal, modes))) < len(modes)


def mixes(modes: Collection[str]) -> bool:
    """Whether these modes (as written) are TOTAL beside other modes, or one mode spelt two ways."""
    totals = {m for m in modes if is_total(m)}
    return (bool(totals) and len(totals) < len(modes)) or spelt_apart(modes)


def mixed_in_head(records: Iterable[tuple[int, list[str]]], index: int | None) -> bool:
    """Whether the first rows of a file (its head's records, as cells), by their mode column
    (`index`), already show the modes mixed (`mixes`): the streaming engine then keeps each
    precinct's modes (`read.modegroups`), to tell whether its sums settle them alike."""
    if index is None:
        return False
    modes = {cells[index].strip() for _, cells in records if index < len(cells)}
    return mixes(modes - {""})


@dataclass
class Mismatch:
    """A region's precincts whose modes do not add up to their TOTAL rows, summed."""

    total: int = 0  # their TOTAL rows
    parts: int = 0  # their other modes
    line: int = 0  # the first row of the first of them
    units: set[str] = field(default_factory=set)


@dataclass
class RaceModes:
    """How one race's mode column was made one count."""

    with_total: bool = False  # some precinct of the race has TOTAL rows
    # Precincts (region, unit) with an option whose modes were added up for want of a TOTAL row.
    added_in: set[tuple[str, str]] = field(default_factory=set)
    added: set[str] = field(default_factory=set)  # the modes added up
    checked: set[str] = field(default_factory=set)  # the modes checked against TOTAL rows
    mismatches: dict[str, Mismatch] = field(default_factory=dict)  # by region
    # Its own notes of how its votes were counted, where the races of the file differ in that.
    own: list[str] = field(default_factory=list)


def by_precinct(records: list[Record]) -> bool:
    """Whether records summed over precincts (the streaming engine's) need their precincts: when
    they mix TOTAL rows with other modes, the count depends on which precincts have TOTAL rows,
    which the sums no longer tell; when one mode is spelt two ways, a region's sums hold it twice
    though no precinct does. Such a file is the exact engine's."""
    return mixes({r.facts["mode"] for r in records if r.summed and "mode" in r.facts})


def collapse(
    records: list[Record], columns: ColumnMap, found: Found, race_keys: Sequence[str] = ()
) -> tuple[list[Record], dict[str, RaceModes]]:
    """One record per option (and region, and unit) from its records by mode, and what was done in
    each race (by its records' label): see `report`. Adds the file's notes to the columns', and
    refuses in `found` a race whose modes are two ballots (`BALLOT_MODES`), advising `--race-by`
    of the file's race keys (`race_keys`: a district's, kept apart) and the mode column."""
    if not any("mode" in r.facts for r in records):
        return records, {}
    _refuse_ballots(records, found, columns.header_of("mode") or "mode", race_keys)
    notes = columns.notes
    races: dict[str, RaceModes] = {}
    for record in records:
        race = races.setdefault(record.election, RaceModes())
        # A count row's modes ("Registered Voters" given as a Total) say nothing of the votes'.
        if not record.row.all_races and is_total(record.facts.get("mode", "")):
            race.with_total = True
    groups: dict[_Key, list[tuple[str, Record]]] = {}
    for record in records:
        mode = record.facts.pop("mode", "")
        groups.setdefault(_key(record), []).append((mode, record))
    kept: list[Record] = []
    for group in groups.values():
        if len({_normal(m) for m, _ in group}) < len(group):
            kept.extend(r for _, r in group)  # a mode twice: the assembly names the repeated rows
            continue
        first = group[0][1]
        race = races[first.election]
        of_votes = not first.row.all_races  # a count row's modes are checked, no more
        totals = [r for m, r in group if is_total(m)]
        parts = [r for m, r in group if not is_total(m)]
        part_modes = {m for m, _ in group if m and not is_total(m)}
        if totals and parts:
            if of_votes:
                race.checked |= part_modes
            total = sum(r.votes or 0 for r in totals)
            added = sum(r.votes or 0 for r in parts)
            if total != added:
                line = min(r.line for _, r in group)
                region = first.row.region or ""
                mismatch = race.mismatches.setdefault(region, Mismatch(line=line))
                mismatch.total += total
                mismatch.parts += added
                mismatch.line = min(mismatch.line, line)
                if first.row.unit:
                    mismatch.units.add(first.row.unit)
        elif parts and of_votes:
            race.added |= part_modes
            if race.with_total:
                race.added_in.add((first.row.region or "", first.row.unit or ""))
        chosen = totals or parts
        if len(chosen) == 1:
            kept.append(chosen[0])
            continue
        votes = None if any(r.votes is None for r in chosen) else sum(r.votes or 0 for r in chosen)
        kept.append(dataclasses.replace(chosen[0], line=min(r.line for r in chosen), votes=votes))
    kept.sort(key=lambda r: r.line)
    _file_notes(races, notes)
    return kept, races


def _refuse_ballots(
    records: list[Record], found: Found, column: str, race_keys: Sequence[str]
) -> None:
    """An error for each race whose mode column holds two ballots (`BALLOT_MODES`), at the first row
    of its second: their votes are two elections' and are not added up."""
    first: dict[str, tuple[str, str]] = {}  # each race's first ballot: as compared, as written
    refused: set[str] = set()
    race_by = shlex.quote(",".join([*(k for k in race_keys if k != column), column]))
    for record in records:
        mode = record.facts.get("mode", "")
        if record.election in refused or _normal(mode) not in BALLOT_MODES:
            continue
        seen = first.setdefault(record.election, (_normal(mode), mode))
        if seen[0] != _normal(mode):
            refused.add(record.election)
            found.add(
                Code.RACE_SPLIT,
                record.line,
                f"the {column!r} column counts two ballots ({seen[1]!r}, {mode!r}), not ways of "
                "casting one: their votes are two elections' and are not added up; read each "
                f"apart with --race-by {race_by}",
                column=column,
            )


def _key(record: Record) -> _Key:
    row = record.row
    return (
        record.election,
        row.region or "",
        row.unit or "",
        row.candidate,
        row.party or "",
        row.kind,
        tuple(sorted(record.facts.items())),
    )


def _file_notes(races: dict[str, RaceModes], notes: list[str]) -> None:
    """How the votes were counted: the file's notes when its races were counted alike, else each
    race's own (a file with TOTAL rows in one race and modes alone in another said both of both)."""
    if len({r.with_total for r in races.values() if r.added or r.with_total}) > 1:
        for race in races.values():
            race.own = _counted([race], "this race")
        return
    notes.extend(_counted(list(races.values()), "these races"))


def _counted(races: list[RaceModes], which: str) -> list[str]:
    summed = sorted({m for r in races if not r.with_total for m in r.added})
    checked = sorted({m for r in races for m in r.checked})
    found = []
    if summed:
        found.append(
            f"Votes by mode ({', '.join(summed)}) are added up: the mode column has no TOTAL rows "
            f"for {which}."
        )
    if any(r.with_total for r in races):
        also = (
            f"; the other modes ({', '.join(checked)}) are checked against them" if checked else ""
        )
        found.append(f"Votes are the mode column's TOTAL rows{also}.")
    return found


def report(race: RaceModes, label: str, file: str) -> tuple[str | None, Problem | None]:
    """One race's note (when some of its precincts add their modes up for want of a TOTAL row
    while others have one) and its warning (when modes do not add up to their TOTAL rows), the race
    named by its label as assembled."""
    note = None
    if race.with_total and race.added_in:
        count = len(race.added_in)
        if any(unit for _, unit in race.added_in):
            where = f"in {count:,} precinct{'s' * (count > 1)}"
        elif any(region for region, _ in race.added_in):
            where = f"in {count:,} region{'s' * (count > 1)}"
        else:
            where = "for the options"
        note = (
            f"The votes by mode ({', '.join(sorted(race.added))}) are added up {where} without a "
            "TOTAL row; elsewhere the TOTAL rows are used."
        )
    regions = race.mismatches
    if not regions:
        return note, None
    if len(regions) == 1:
        ((region, mismatch),) = regions.items()
        where = f" in {region!r}" if region else ""
        told = (
            f"the votes by mode{_of(mismatch.units)}{where} add up to {mismatch.parts:,} but the "
            f"TOTAL rows say {mismatch.total:,}"
        )
    else:
        named = listed(
            sorted(regions.items()),
            SHOWN_REGIONS,
            lambda r: (
                f"{r[0]!r} ({_precincts(r[1].units)}modes {r[1].parts:,}, TOTAL rows {r[1].total:,})"
            ),
            more=", and ",
        )
        units = sum(len(m.units) for m in regions.values())
        of = f"{units:,} precincts of " if units else ""
        told = (
            f"the votes by mode do not add up to the TOTAL rows in {of}{len(regions):,} regions: "
            f"{named}"
        )
    warning = Problem(
        code=Code.MODE_MISMATCH,
        severity="warning",
        file=file,
        line=min(m.line for m in regions.values()),
        column=None,
        message=f"race {label!r}: {told}; the TOTAL rows are used — check the file",
    )
    return note, warning


def _of(units: set[str]) -> str:
    count = len(units)
    return f" of {count:,} precinct{'s' * (count > 1)}" if count else ""


def _precincts(units: set[str]) -> str:
    count = len(units)
    return f"{count:,} precinct{'s' * (count > 1)}: " if count else ""
