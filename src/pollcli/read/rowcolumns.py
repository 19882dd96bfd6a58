"""The exact engine's rows of an option met before, held as numbers in columns rather than a record each.

`read.samerows` validates each distinct option's cells once (its first row, by the whole row stage);
a later row of the same option cells is no Python object of its own here but five numbers in arrays:
its option (the number of that first row), its region and unit (each distinct place cell numbered
once), its votes and its line. Once the file is read the rows become what the assembly takes:

- **summed** (`RowColumns.records`): where that gives the answer of a record per row, one record per
  election, region and option, its votes summed over the region's units and its line its first row's,
  marked `Record.summed`, as the streaming engine's records are (`read.keysums`). That is where the
  file has a unit column and nothing the assembly judges row by row within a unit: every row of the
  file was such a row (no row refused, skipped, or of a vote cell that is no plain count), no count
  or fact cell, no blank place, no region, unit or option that may be a total or a subtotal's part
  (`read.total_words`: `Total`, `Write-In: Bob Bell` beside a bare `Write-ins`, judged by the rows
  beside it; the streaming engine keeps such rows apart or hands the file over), no unit named as a
  breakdown laid over the precincts (`Congressional:12`, `read.breakdowns`), and no option
  listed twice in one unit (`assemble.Assembly._merge`: its party lines, repeats and all-zero copies);
- **one record per row** otherwise, in the file's order among the rows the row stage read, as before.

Only for files of a unit column and a few other columns (`eligible`): candidate, party, votes,
region and the cells that name a row's race (office, district, constituency: an OpenElections
file's), with no option of the race stage that looks at rows one by one (`--where`, `--race`,
`--race-by`, `--alias`) and no party that tells races apart (primaries). A row's race cells are its
option's facts, so they are part of what is summed, as the streaming engine's parts hold them
(`read.keysums`); an option listed twice in one unit is one name twice in one race there, the race
told by its cells as races are told apart (`racekeys.normal`: case, spacing and a number's leading
zeros aside; a district read as geography splits a unit by its cells as written, which tell no
more rows apart). Where the assembly will add a district's cells to the units' names (a county and
a precinct column given: `geography.joins_units`), one record per row, for its race-split screen.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from pollcli.columns import RACE_PREFIX, option_key
from pollcli.contract import Row, counted, placed
from pollcli.read import name_pairs, sum_totals
from pollcli.read.keysums import Facts, option_of
from pollcli.read.racekeys import KeyColumn, normal
from pollcli.read.records import Record
from pollcli.read.total_words import (
    breakdown_names,
    is_total_name,
    suspect_cells,
    total_option,
)
from pollcli.read.unit_groups import joins_nothing, split_groups

if TYPE_CHECKING:
    from pollcli.read.header import ColumnMap
    from pollcli.read.options import ReadOptions

# The columns of a file whose rows may be summed per region (`eligible`).
SUMMED_COLUMNS: Final[frozenset[str]] = frozenset({"candidate", "party", "votes", "region", "unit"})
# The columns that name a row's race beside them (its facts), by role (`racekeys.normal`'s).
RACE_ROLES: Final[dict[str, str]] = {
    "office": "office",
    f"{RACE_PREFIX}district": "district",
    f"{RACE_PREFIX}constituency": "constituency",
}
# The same as the race keys of the assembly (`racekeys.key_columns`), for `geography.joins_units`.
RACE_KEYS: Final[list[KeyColumn]] = [KeyColumn(r, c, -1, c) for c, r in RACE_ROLES.items()]
# From this many rows, the sums and the test for an option twice in a unit are numpy's (a
# million rows: some 0.1 s, against some 1 s and a set of a million tuples in Python).
NUMPY_ROWS: Final[int] = 1 << 16


def eligible(columns: ColumnMap, options: ReadOptions, party_keys: bool) -> bool:
    """Whether a file's rows may be summed per region and option (see the module's docstring);
    `party_keys`: the party tells races apart (`racekeys.party_rule`)."""
    return (
        "unit" in columns.present
        and columns.present <= SUMMED_COLUMNS | RACE_ROLES.keys()
        and not (columns.vote_parts or party_keys)
        and not (options.where or options.races or options.race_by or options.aliases)
    )


class RowColumns:
    """The rows of options met before, as numbers; each option's first row as its record."""

    def __init__(self, place: Callable[[str], str | None], regional: bool) -> None:
        self.place = place  # a place cell as the row stage reads it (`CellReader.place`)
        self.regional = regional  # the file has a region column
        self.firsts: list[Record] = []  # each option's first row, read by the whole row stage
        self.option = array("i")
        self.region = array("i")
        self.unit = array("i")
        self.votes = array("q")
        self.lines = array("q")
        # Each distinct place cell as read, by its number (0: no place, in a file of no regions).
        self.places: list[str | None] = [None]
        self.numbers: dict[str, int] = {}  # by the cell as written
        self.numbered: dict[str | None, int] = {None: 0}  # by the place as read
        # The rows the whole stage read (not held here): each with the number of rows held
        # before it, to put them back among the others in the file's order.
        self.others: list[tuple[int, Record]] = []
        # Some row was refused for a cell: one record per row, for `read.refused_repeats` to
        # compare it with its unit's other rows.
        self.refused = False

    def number(self, text: str) -> int:
        """A place cell's number: the place's as the row stage reads it (` P1` is `P1`), read once
        per distinct cell."""
        number = self.numbers.get(text)
        if number is None:
            place = self.place(text)
            number = self.numbered.get(place)
            if number is None:
                number = self.numbered[place] = len(self.places)
                self.places.append(place)
            self.numbers[text] = number
        return number

    def add(self, option: int, region: int, unit: int, votes: int, line: int) -> None:
        self.option.append(option)
        self.region.append(region)
        self.unit.append(unit)
        self.votes.append(votes)
        self.lines.append(line)

    def first(self, record: Record, region: int, unit: int) -> int:
        """An option's first row (its record as the row stage read it): its option's number."""
        option = len(self.firsts)
        self.firsts.append(record)
        assert record.votes is not None
        self.add(option, region, unit, record.votes, record.line)
        return option

    def other(self, record: Record) -> None:
        """A row the whole row stage read, of no option held here."""
        self.others.append((len(self.lines), record))

    def records(self) -> list[Record]:
        """The rows as the assembly takes them, summed where that gives the same answer (see the
        module's docstring); the columns are emptied."""
        # The cells' own strings let go: scattered through the memory the rows' cells held, a
        # place each keeps all of it from the system (some 200 MiB for a million rows). Each
        # place is copied (new strings, side by side) before the sums take their memory.
        self.numbers.clear()
        self.numbered.clear()
        self.places = [None if p is None else (p + " ")[:-1] for p in self.places]
        summed = self._summed() if not self.others and not self.refused and self.lines else None
        if summed is None:
            summed = self._each()
        self.option, self.region, self.unit = array("i"), array("i"), array("i")
        self.votes, self.lines = array("q"), array("q")
        self.others, self.firsts = [], []
        return summed

    def _each(self) -> list[Record]:
        """One record per row, in the file's order: an option's first row as the row stage read
        it, a later one its validated row placed and counted (`contract.counted`)."""
        records: list[Record] = []
        firsts, places = self.firsts, self.places
        others = iter(self.others)
        pending = next(others, None)
        for index, (option, region, unit, votes, line) in enumerate(
            zip(self.option, self.region, self.unit, self.votes, self.lines, strict=True)
        ):
            while pending is not None and pending[0] == index:
                records.append(pending[1])
                pending = next(others, None)
            first = firsts[option]
            if first.line == line:
                records.append(first)
                continue
            row = counted(first.row, places[region], places[unit], votes)
            records.append(Record(line, first.election, row, votes, dict(first.facts)))
        while pending is not None:
            records.append(pending[1])
            pending = next(others, None)
        return records

    def _summed(self) -> list[Record] | None:
        """One record per election, region and option, or None where that could differ from a
        record per row."""
        firsts, places = self.firsts, self.places
        if any(
            r.row.fact is not None or r.row.all_races or not r.facts.keys() <= RACE_ROLES.keys()
            for r in firsts
        ):
            return None  # counts and facts: the facts stage reads them unit by unit
        if any(total_option(r.row.candidate) for r in firsts):
            # An option named as a total (a `Total` line per precinct), a subtotal or a part of
            # one (`Write-In: Bob Bell` beside `Write-ins`): judged by the rows beside it.
            return None
        regions = {places[i] for i in _distinct(self.region)} if self.regional else set()
        units = {places[i] for i in _distinct(self.unit)}
        if None in regions or None in units:
            return None  # a blank place: a total, or the rows of no precinct
        if any(is_total_name(r, place=True) for r in regions if r is not None):
            return None
        held = [u.encode("utf-8") for u in units if u is not None]
        shown = [r.encode("utf-8") for r in regions if r is not None]
        if suspect_cells(held, shown) != frozenset() or breakdown_names(held):
            return None  # a unit that may be a total (TOTALS, named like its region) or breakdown
        if name_pairs.named_after(u for u in units if u is not None):
            return None  # a unit named after another (`Auburn W5`, `Auburn`): maybe their total
        # Each option's name as the assembly keys it in its race (its race cells as races are
        # told apart), and its part: its election, row without place or votes, and facts (its
        # race cells as written, in the columns' order: options whose cells validate alike are
        # one, as summed).
        keys: dict[tuple[str, tuple[str, ...]], int] = {}
        parts: dict[tuple[object, ...], int] = {}
        key_of, part_of = array("q"), array("q")
        races: dict[tuple[str, ...], int] = {}
        race_of, race_of_part = array("q"), array("q")
        rows: list[tuple[str, Row, Facts]] = []
        for record in firsts:
            cells = record.facts
            race = tuple([normal(role, cells.get(c, "")) for c, role in RACE_ROLES.items()])
            race_of.append(races.setdefault(race, len(races)))
            key_of.append(keys.setdefault((option_key(record.row.candidate), race), len(keys)))
            option = (record.election, option_of(record.row), tuple(cells.items()))
            part = parts.setdefault(option, len(parts))
            if part == len(rows):
                rows.append(option)
                race_of_part.append(race_of[-1])
            part_of.append(part)
        count = len(self.lines)
        if any(any(cells) for cells in races) and _split_races(self, race_of):
            return None  # a race whose candidates no unit lists together: row by row
        from pollcli.read.geography import joins_units  # (not on a national table's path)

        if self.regional and joins_units(firsts, RACE_KEYS):
            return None  # a district the assembly adds to the units' names: judged row by row
        if count >= NUMPY_ROWS:
            if _sum_held(self, race_of):
                return None  # a unit that may hold its race's other units' sums: row by row
            sums = _numpy_sums(self, key_of, part_of, len(keys), len(parts))
        else:
            sums = _python_sums(self, key_of, part_of, race_of)
        if sums is None or (self.regional and _race_totals(sums, rows, race_of_part)):
            return None  # (or a unit that may total every other unit of its race: row by row)
        records = []
        for part, region, votes, line in sums:
            election, row, facts = rows[part]
            where = places[region] if self.regional else None
            record = Record(
                line, election, placed(row, where, None), votes, dict(facts), summed=True
            )
            records.append(record)
        records.sort(key=lambda r: r.line)
        return records


def _sum_held(columns: RowColumns, race_of: array[int]) -> bool:
    """Whether a race's unit may hold the sum of its other units in its region, whatever its name
    (`sum_totals.suspected`: the largest holds half their votes, or a third), with numpy."""
    import numpy as np

    places = max(len(columns.places), 1)
    if (max(race_of, default=0) + 1) * places * places > 1 << 62:
        return True  # (numbers past 64 bits: row by row, which costs time, never a figure)
    group = np.frombuffer(race_of, dtype=np.int64)[np.frombuffer(columns.option, dtype=np.int32)]
    group *= places
    group += np.frombuffer(columns.region, dtype=np.int32)
    unit = group * places  # a unit's number holds its race and region's
    unit += np.frombuffer(columns.unit, dtype=np.int32)
    votes_of = np.frombuffer(columns.votes, dtype=np.int64)
    if sum_totals.suspected(np, group, unit, votes_of).size:
        return True
    # A unit that may hold the sum of the units named as it is (`name_pairs.sibling_groups`).
    counts, flat = name_pairs.stem_table(columns.places, {})
    if not flat:
        return False
    at, stems = name_pairs.expand(
        np, unit % places, np.array(counts, np.int64), np.array(flat, np.int64)
    )
    return bool(
        name_pairs.sibling_groups(np, unit[at], unit[at] // places, stems, votes_of[at]).size
    )


def _siblings(columns: RowColumns, units: Mapping[tuple[int, int], int]) -> bool:
    """Whether a unit may hold the sum of units named as it is in its race and region
    (`name_pairs.sibling_suspects`): `units`, votes by (race and region, unit's place number)."""
    places = columns.places
    return bool(
        name_pairs.sibling_suspects(
            (group, name, votes)
            for (group, unit), votes in units.items()
            if (name := places[unit]) is not None
        )
    )


def _race_totals(sums: Sums, rows: list[tuple[str, Row, Facts]], race_of: array[int]) -> bool:
    """Whether a race's regions' sums (`sums`: per part and region) allow a unit that totals every
    other unit of the race (`sum_totals.race_total_suspected`), over its candidates' rows."""
    by_race: dict[int, dict[int, dict[str, int]]] = {}
    for part, region, votes, _ in sums:
        row = rows[part][1]
        if row.kind == "candidate":
            held = by_race.setdefault(race_of[part], {}).setdefault(region, {})
            key = option_key(row.candidate)
            held[key] = held.get(key, 0) + votes
    return any(
        sum_totals.race_total_suspected({str(k): v for k, v in regions.items()})
        for regions in by_race.values()
    )


def _split_races(columns: RowColumns, race_of: array[int]) -> bool:
    """Whether a race's candidates fall into groups no unit of its region lists together
    (`unit_groups`: several races under one name), with numpy from `NUMPY_ROWS` rows."""
    skipped = {option_key(r.row.candidate) for r in columns.firsts if joins_nothing(r)}
    names: dict[str, int] = {}
    name_of = array("q")
    for record in columns.firsts:
        key = option_key(record.row.candidate)
        name_of.append(-1 if key in skipped else names.setdefault(key, len(names)))
    places = max(len(columns.places), 1)
    if len(columns.lines) < NUMPY_ROWS:
        rows = (
            ((race_of[option], region), unit, name_of[option])
            for option, region, unit in zip(
                columns.option, columns.region, columns.unit, strict=True
            )
            if name_of[option] >= 0
        )
        return bool(split_groups(rows))
    import numpy as np

    if (max(race_of, default=0) + 1) * places * places > 1 << 62:
        return True  # (numbers past 64 bits: row by row, which costs time, never a figure)
    option = np.frombuffer(columns.option, dtype=np.int32)
    unit = np.frombuffer(race_of, dtype=np.int64)[option]
    unit *= places
    unit += np.frombuffer(columns.region, dtype=np.int32)
    unit *= places
    unit += np.frombuffer(columns.unit, dtype=np.int32)  # (a unit's number holds its group's)
    units, inverse = np.unique(unit, return_inverse=True)
    del unit
    name = np.frombuffer(name_of, dtype=np.int64)[option]
    kept = name >= 0
    # Each unit's list of names as two sums of its names' codes (a row per unit and name): units
    # of one group with one list each leave nothing to look at, as in most files.
    code = np.arange(len(names) + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    code ^= code >> np.uint64(29)
    signature = np.zeros(units.size, dtype=np.uint64)
    np.add.at(signature, inverse[kept], code[name[kept]])
    group = units // places
    pairs = np.unique(np.stack([group, signature.view(np.int64)], axis=1), axis=0)
    del signature
    several = np.flatnonzero(np.diff(pairs[:, 0]) == 0)
    if not several.size:
        return False
    opened = np.unique(pairs[several, 0])
    chosen = np.isin(group[inverse], opened) & kept
    return bool(
        split_groups(
            zip(
                group[inverse[chosen]].tolist(),
                units[inverse[chosen]].tolist(),
                name[chosen].tolist(),
                strict=True,
            )
        )
    )


def _distinct(numbers: array[int]) -> set[int]:
    """The distinct numbers of a column."""
    if len(numbers) < NUMPY_ROWS:
        return set(numbers)
    import numpy as np

    return set(np.unique(np.frombuffer(numbers, dtype=np.int32)).tolist())


# A group's (part, region's place number, votes, first line).
Sums = list[tuple[int, int, int, int]]


def _python_sums(
    columns: RowColumns, key_of: Sequence[int], part_of: Sequence[int], race_of: Sequence[int]
) -> Sums | None:
    """The sums per part and region; None when an option is listed twice in one unit, or a unit
    may hold its race's other units' sums in its region (`sum_totals.any_suspected`)."""
    seen: set[tuple[int, int, int]] = set()
    sums: dict[tuple[int, int], list[int]] = {}
    units: dict[tuple[int, int], int] = {}  # votes by (race and region, unit)
    for option, region, unit, votes, line in zip(
        columns.option, columns.region, columns.unit, columns.votes, columns.lines, strict=True
    ):
        listed = (region, unit, key_of[option])
        if listed in seen:
            return None
        seen.add(listed)
        at = ((race_of[option] << 32) | region, unit)
        units[at] = units.get(at, 0) + votes
        group = (part_of[option], region)
        entry = sums.get(group)
        if entry is None:
            sums[group] = [votes, line]
        else:
            entry[0] += votes
            entry[1] = min(entry[1], line)
    if sum_totals.any_suspected(units) or _siblings(columns, units):
        return None
    return [(part, region, votes, line) for (part, region), (votes, line) in sums.items()]


def _numpy_sums(
    columns: RowColumns, key_of: array[int], part_of: array[int], keys: int, parts: int
) -> Sums | None:
    """`_python_sums` with numpy, on integer codes."""
    import numpy as np

    places = max(len(columns.places), 1)
    count = len(columns.lines)
    limit = 1 << 62
    if places * places > limit or places * max(keys, parts, 1) > limit:
        return None
    votes = np.frombuffer(columns.votes, dtype=np.int64)
    if int(votes.max(initial=0)) > limit // max(count, 1):
        return None  # sums that might pass 64 bits: a record per row, in Python's numbers
    # (Views of the columns, and each step's array let go before the next is made: a million
    # rows' temporaries, 8 MB each, come on top of what the cells left behind.)
    option = np.frombuffer(columns.option, dtype=np.int32)
    region = np.frombuffer(columns.region, dtype=np.int32)
    unit = np.frombuffer(columns.unit, dtype=np.int32)
    # An option twice in one unit: the same (region, unit) place and name key on two rows.
    named = max(keys, 1)
    listed = region.astype(np.int64)
    listed *= places
    listed += unit
    if places * places > limit // named:  # (place numbers past 64 bits: numbered again)
        _, place = np.unique(listed, return_inverse=True)
        listed = place.astype(np.int64)
        del place
    listed *= named
    listed += np.frombuffer(key_of, dtype=np.int64)[option]
    listed.sort()
    if bool((listed[1:] == listed[:-1]).any()):
        return None
    del listed
    group = np.frombuffer(part_of, dtype=np.int64)[option]
    group *= places
    group += region
    order = np.argsort(group, kind="stable")
    ordered = group[order]
    del group
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    heads = ordered[starts]
    del ordered
    totals = np.add.reduceat(votes[order], starts)
    firsts = np.minimum.reduceat(np.frombuffer(columns.lines, dtype=np.int64)[order], starts)
    return list(
        zip(
            (heads // places).tolist(),
            (heads % places).tolist(),
            totals.tolist(),
            firsts.tolist(),
            strict=True,
        )
    )
