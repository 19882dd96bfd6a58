"""`--race TEXT` and `--where COL=VALUE`: which races of a file, and which rows, are kept.

A race is kept by `--race` when the text is its whole name (case and spacing aside), else when its
name holds the text as whole parts between "·", else when its name contains the text; a row by `--where` when each named column holds one of the values given
for it (compared as option names are, `07` as `7`).
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Final

from pollcli.columns import RACE_PREFIX, normalize_header
from pollcli.contract import Row
from pollcli.dataclass import dataclass
from pollcli.errors import NoSuchRace, UsageError
from pollcli.models import Partial
from pollcli.namekeys import spacing_key
from pollcli.read.header import ColumnMap
from pollcli.read.options import ReadOptions
from pollcli.read.racekeys import Race as Entry
from pollcli.read.racekeys import RaceBook
from pollcli.read.roles import MODE_WORDS, RACE_FACT_KEYS, find_column
from pollcli.read.seatnames import SEAT_NAMING_ROLES
from pollcli.read.unitparts import BLANK_PART

if TYPE_CHECKING:
    from pollcli.election import Election
    from pollcli.problems import Problem
    from pollcli.read.records import Record

# Where a district read as geography beside a region and a unit column went (`ColumnMap.moved`):
# to the end of the unit's name, `A11 · 1` (`geography.sub_units`).
UNIT_END: Final[str] = "unit end"
UNIT_JOIN: Final[str] = " · "
# Columns each of whose values holds a race whole: a row --where leaves out of one is no part of
# the race kept (`Where.failing`).
_WHOLE: Final[frozenset[str]] = frozenset({"level", "round", "stage"})


def way_of_voting(cell: str) -> bool:
    """Whether a stage column's cell names a way of voting (`absentee`, `election day`): a part
    of the count, not a stage of it that lists the race whole."""
    return normalize_header(cell) in MODE_WORDS


def moved_cell(row: Row, moved: str, line: int, where: Where) -> str:
    """The cell of a column read as geography, where `moved` says it went (`Where.moved`): of a
    row whose unit holds no ' · ' but the one added, after it; else as its `line` says
    (`Where.unit_ends`: a row of no unit, a publisher's name holding ' · ')."""
    if moved == UNIT_END:
        unit = row.unit or ""
        if line in where.unit_ends or UNIT_JOIN not in unit:
            return where.unit_ends.get(line, "")
        return unit.rpartition(UNIT_JOIN)[2]
    return str(getattr(row, moved) or "")


def unit_part(unit: str, at: tuple[int, int]) -> str:
    """Of a unit named by several columns (`read.unitparts`: `63 · 000 · 0002`), one column's
    cell, `at` its place among them and their number; a name that holds more ' · ' than its
    columns joined (a publisher's name holding one) is left whole, as no part can be told."""
    place, count = at
    parts = unit.split(UNIT_JOIN)
    if len(parts) != count:
        return unit
    return "" if parts[place] == BLANK_PART else parts[place]


def unit_cell(row: Row, line: int, where: Where) -> str:
    """The row's unit as its column holds it: without the district a race read as geography
    added to its name (`UNIT_END`: 'A11 · 1' is precinct A11's part in district 1); a name of the
    publisher's holding ' · ' ('Ash · 21') that nothing was added to stays whole, as its `line`
    says (`Where.unit_ends`)."""
    unit = row.unit or ""
    if not where.unit_end or UNIT_JOIN not in unit or line in where.unit_ends:
        return unit
    return unit.rpartition(UNIT_JOIN)[0]


@dataclass
class Where:
    """`--where COL=VALUE` conditions, by column index: a row is kept when each column holds one
    of its values."""

    wanted: dict[int, set[str]] = field(default_factory=dict)
    canonical: dict[int, str] = field(default_factory=dict)
    # A column read as geography: where its cells went ("region", "unit" or `UNIT_END`;
    # `ColumnMap.moved`).
    moved: dict[int, str] = field(default_factory=dict)
    # Some units end with a district's cell (`UNIT_END`): --where on the unit reads them without it.
    unit_end: bool = False
    # By line, rows whose unit's name tells nothing of the district (`ColumnMap.unit_ends`).
    unit_ends: dict[int, str] = field(default_factory=dict)
    # A column of a unit named by several (`read.unitparts`): its place among them and their
    # number, by column index; --where on it reads its part of the unit's joined name.
    unit_parts: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Regions named by their whole path (`read.region_paths`): the cell each path was.
    region_paths: dict[str, str] = field(default_factory=dict)
    # The values as given and the header as written, by column index: how a filter is named.
    given: dict[int, list[str]] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)

    def keeps(self, value_of: dict[int, str]) -> bool:
        return not self.wanted or all(
            _same(value_of.get(i, ""), values) for i, values in self.wanted.items()
        )

    def failing(self, value_of: dict[int, str]) -> set[int]:
        """The columns whose condition a row fails that make its race counted in part: not a
        reporting level's, each of whose levels holds the whole race (`read.levels`), nor a
        round's or a stage's, each of which lists it whole (`--where round=2`, as advised)."""
        return {
            i
            for i, values in self.wanted.items()
            if not _same(value_of.get(i, ""), values)
            and (self.canonical.get(i) not in _WHOLE or self._parts(i, value_of.get(i, "")))
        }

    def _parts(self, index: int, cell: str) -> bool:
        """Whether a stage's rows are parts of the race: ways of voting (`way_of_voting`)."""
        told = (cell, *self.wanted[index])
        return self.canonical.get(index) == "stage" and any(way_of_voting(v) for v in told)

    def races_only(self, value_of: dict[int, str]) -> bool:
        """Whether every condition a row fails is on a race's column (its office, a race key, a
        race's fact such as vote_for): a row that counts its precinct for every race ("Ballots
        Cast" as an office) is then kept, as `--race` keeps it, for the races kept there; one on a
        place's column (county, precinct) leaves it out with its place."""
        return all(
            (role == "office" or role.startswith(RACE_PREFIX) or role in RACE_FACT_KEYS)
            and not self.moved.get(i)
            for i in self.failing(value_of)
            for role in [self.canonical.get(i, "")]
        )

    def partial(self, columns: set[int]) -> Partial:
        """The conditions on `columns` in words: 'county = Cherokee or Fulton, precinct = 1'."""
        shown = sorted(columns)
        return Partial(
            filter=", ".join(f"{self.headers[i]} = {' or '.join(self.given[i])}" for i in shown),
            columns=[self.headers[i] for i in shown],
        )


def _same(value: str, wanted: set[str]) -> bool:
    key = spacing_key(value)
    return key in wanted or (key.isdigit() and str(int(key)) in wanted)


def where_of(columns: ColumnMap, options: ReadOptions) -> Where:
    where = header_where(columns.header, options)
    for index in where.wanted:
        where.canonical[index] = columns.columns.get(index, "")
        where.moved[index] = columns.moved.get(where.canonical[index], "")
    where.unit_end = UNIT_END in columns.moved.values()
    where.unit_ends = columns.unit_ends
    unit = columns.index("unit")
    joined = (*columns.unit_parts, unit) if columns.unit_parts and unit is not None else ()
    for index in where.wanted.keys() & set(joined):  # (`prv` of `--unit prv,city,li`)
        where.canonical[index], where.moved[index] = "unit", ""
        if index != unit or not any(UNIT_JOIN.strip() in v for v in where.wanted[index]):
            where.unit_parts[index] = (joined.index(index), len(joined))  # (else the whole name)
    where.region_paths = columns.region_paths
    return where


def header_where(header: list[str], options: ReadOptions) -> Where:
    """`--where` by the columns of `header` as written, none read as a role (a wide table's,
    before it is read long: `read.whole_kept`)."""
    where = Where()
    for column, value in options.where:
        index = find_column(header, column, "--where")
        if value.strip() not in where.given.setdefault(index, []):
            where.given[index].append(value.strip())
        where.headers[index] = header[index]
        where.wanted.setdefault(index, set()).add(spacing_key(value))
        if value.strip().isdigit():
            where.wanted[index].add(str(int(value.strip())))
    return where


def selected_races(book: RaceBook, options: ReadOptions) -> dict[int, Entry]:
    """The races kept by --race (all without it), by id."""
    races = list(book.races.values())
    if options.races:
        kept_ids: set[int] = set()
        for text in options.races:
            kept_ids |= {id(r) for r in _matching(races, text)}
        kept = [r for r in races if id(r) in kept_ids]
        if not kept and len(races) == 1:
            named = f" ({races[0].name!r})" if races[0].name else ""
            raise NoSuchRace(
                f"--race {', '.join(map(repr, options.races))} matches nothing: the file is one "
                f"race{named}; to split it into races, name the column that tells them apart "
                "with --race-by COL"
            )
        if not kept:
            raise NoSuchRace(
                f"--race {', '.join(map(repr, options.races))} matches none of the "
                f"{len(races)} races ({examples({id(r): r for r in races})}); a race is kept "
                "when its name contains the text, in any case"
            )
        races = kept
    if not races and options.where:
        raise UsageError("--where keeps no row of the file; check the column and the value")
    return {id(r): r for r in races}


def whole_name_note(races: list[Entry], texts: tuple[str, ...] | list[str]) -> str:
    """Where a --race TEXT is a race's whole name and so keeps it alone, the races that hold TEXT
    in their names and are left out, and the --race that keeps them: NH 2020's blank-district
    "State House" (13 scatter votes) hid its 172 "State House · N" districts. '' when none is."""
    notes = []
    for text in texts:
        exact = _exact(races, text)
        if not exact:
            continue
        ids = {id(r) for r in exact}
        wanted, part = _parts(text), text.strip().casefold()
        hidden = [
            r
            for r in races
            if id(r) not in ids and (_holds(_parts(r.name), wanted) or part in r.name.casefold())
        ]
        if not hidden:
            continue
        wider = f"{text.strip()} ·"
        keeps = {id(r) for r in _matching(races, wider)} == {id(r) for r in hidden}
        how = (
            f"--race {shlex.quote(wider)} keeps those, and with --race "
            f"{shlex.quote(text.strip())} beside it all {len(hidden) + len(exact):,}"
            if keeps
            else "give more of a name to keep those"
        )
        one = len(exact) == 1
        notes.append(
            f"--race {shlex.quote(text.strip())} is the whole name of "
            f"{'one race' if one else f'{len(exact)} races'}"
            f" and keeps {'it' if one else 'them'} alone; {len(hidden):,} other "
            f"race{'' if len(hidden) == 1 else 's'} hold{'s' if len(hidden) == 1 else ''} it "
            f"in {'its name' if len(hidden) == 1 else 'their names'} "
            f"({examples({id(r): r for r in hidden})}): {how}."
        )
    return " ".join(notes)


def _exact(races: list[Entry], text: str) -> list[Entry]:
    """The races whose whole name `text` is, case and spacing aside."""
    whole = "".join(text.split()).casefold()
    return [r for r in races if "".join(r.name.split()).casefold() == whole]


def _matching(races: list[Entry], text: str) -> list[Entry]:
    """The races one --race TEXT keeps: the race whose whole name it is (case and spacing aside:
    "U.S. House · 1" is not "U.S. House · 10"), else those whose name holds it as whole parts
    between "·" ("Class II" keeps "U.S. Senate · Class II", not "… · Class III"), else every race
    whose name contains it, else the race whose whole name it is without its "·"."""
    exact = _exact(races, text)
    if exact:
        return exact
    wanted = _parts(text)
    in_parts = [r for r in races if _holds(_parts(r.name), wanted)]
    if in_parts:
        return in_parts
    part = text.strip().casefold()
    held = [r for r in races if part in r.name.casefold()]
    if held:
        return held
    # The whole name written without its " · " (`--race 'State House 18'`): that race alone.
    whole = "".join(text.split()).casefold()
    return [r for r in races if "".join(r.name.replace("·", " ").split()).casefold() == whole]


def _parts(name: str) -> list[str]:
    return ["".join(p.split()).casefold() for p in name.split("·")]


def _holds(parts: list[str], wanted: list[str]) -> bool:
    """Whether `wanted` is a run of whole parts of `parts`."""
    size = len(wanted)
    return any(parts[i : i + size] == wanted for i in range(len(parts) - size + 1))


def examples(races: dict[int, Entry]) -> str:
    names = [repr(r.name) for r in races.values()]
    return ", ".join(names[:5]) + (f", … ({len(names) - 5} more)" if len(names) > 5 else "")


def beside_kept(
    book: RaceBook, chosen: dict[int, Entry], records: Sequence[Record] = ()
) -> dict[str, Entry]:
    """The races --race leaves out that the checks of a kept race compare it with, by name: where
    a kept race names no district (or seat…) while races of its office do, those races. Arizona's
    2024 Pima County file gives Mathis's rows no district (a race `State House` of his alone),
    and State House 18's total holds their votes beyond its candidates
    (`racechecks._blank_districts`); --race 'State House' left the districts out, and said he
    "wins the seat with a majority". They are assembled and checked as in the whole file's read,
    then let go (`let_go`). Where every row's option is a code (`records`: Bulgaria's parties by
    number beside the ballot account's codes, a polling station a race), every race: a code that
    other races tell a line of the account is one in the kept too (`code_options`), and a small
    station read alone was "led" by '104', the registered voters."""
    if records and all(r.row.candidate.strip().isdigit() for r in records):
        return {race.name: race for race in book.races.values() if id(race) not in chosen}
    blank = {
        _office(race.values)
        for race in chosen.values()
        if any(role in race.values for role in SEAT_NAMING_ROLES) and not _seat(race.values)
    } - {()}
    if not blank:
        return {}
    return {
        race.name: race
        for race in book.races.values()
        if id(race) not in chosen and _seat(race.values) and _office(race.values) in blank
    }


def let_go(
    elections: list[Election], problems: list[Problem], beside: dict[str, Entry]
) -> list[Election]:
    """The elections but those assembled only for the checks of the races kept (`beside_kept`),
    and the problems but theirs."""
    if not beside:
        return elections
    problems[:] = [p for p in problems if p.race not in beside]
    return [e for e in elections if e.facts.election not in beside]


def _seat(values: dict[str, str]) -> bool:
    return any(values.get(role) for role in SEAT_NAMING_ROLES)


def _office(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """A race's keys but its district's (or seat's…): the office its districts share."""
    return tuple(sorted((r, v) for r, v in values.items() if r not in SEAT_NAMING_ROLES))
