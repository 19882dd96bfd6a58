"""Fact columns whose cells cannot be that fact, left unused with a note that says why.

A `stage` column of general/primary/runoff (a race's stage, not the count's), a `source` that
differs from row to row, a `total_votes` that differs from option to option within a race (each
option's total): such a column is left unused, never a wall of "make them agree" errors. Both
engines decide it over the records of a file (`read.races`, `read.assemble`); the streaming engine
hands a file with such a column to the exact engine, whose rows were not summed apart by its cells.

A `seats` column in a file of candidates is no party list's seats: where a race of the file lists two
candidates of one party under a `seats` cell above 1 (Arizona's 2024 primaries: `State House,30,2,
REP,John GILLETTE` and `…,REP,Leo BIASIUCCI`), the column is read as the members each race elects,
the top N by votes (`vote_for`), with a note (`members_elected`). A list vote never has two options
of one party.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Callable
from typing import Final

from pollcli.columns import INT_FACTS, STAGES, option_key, stage_of
from pollcli.read import acclaimed
from pollcli.read.elected import elected_column
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.zerocopies import zero_copies

# Free-text facts of an election: a column of them that differs within an election is something else
# (FiveThirtyEight's `source`, a URL per row).
_ONE_PER_ELECTION: Final[tuple[str, ...]] = ("source", "term_limit")
# Distinct cells of words, no digit in them, that make a count column one of names (an `x` or two
# is a count mistyped: an error at its line), unless every cell is a name (`_named`): a file of
# one New Zealand electorate, or two.
_NAMES: Final[int] = 3
# A count of seats won: digits, or a whole number as pandas writes a column of floats (`4.0`).
_WHOLE: Final = re.compile(r"\d+(?:\.0+)?")


def unfit_facts(
    records: list[Record], columns: ColumnMap, label: Callable[[Record], str] | None = None
) -> dict[str, str]:
    """Fact columns whose cells cannot be that fact, each with the note that says why: a `stage` of
    general/primary/runoff (a race's stage, not the count's), a `source` that differs from row to
    row, a `total_votes` that differs from option to option within a race (each option's total,
    not the race's). Such a column is left unused, never a wall of "make them agree" errors.
    `label` names each record's race where its `election` does not yet (`read.races`)."""
    seen: dict[str, dict[tuple[str, ...], set[str]]] = {}
    for record in records:
        if not record.facts:
            continue  # (most records of a file of many races: its race cells are no facts)
        election = record.election if label is None else label(record)
        for key, value in record.facts.items():
            group: tuple[str, ...] = (election,)
            if key == "total_votes":
                group = (election, record.row.region or "", record.row.unit or "")
            seen.setdefault(key, {}).setdefault(group, set()).add(value)
    unfit: dict[str, str] = {}
    stages = {value for values in seen.get("stage", {}).values() for value in values}
    if stages and not any(stage_of(v) for v in stages):
        shown = ", ".join(repr(v) for v in sorted(stages)[:3])
        unfit["stage"] = (
            f"The {columns.header_of('stage')!r} column is left unused: its values ({shown}"
            f"{'…' if len(stages) > 3 else ''}) are not stages of the count ("
            f"{', '.join(STAGES)})."
        )
    for key in _ONE_PER_ELECTION:
        if any(len(values) > 1 for values in seen.get(key, {}).values()):
            unfit[key] = (
                f"The {columns.header_of(key)!r} column is left unused: it differs from row to "
                f"row within an election, so it is not the election's {key}."
            )
    for key in INT_FACTS:
        # New Zealand's `Electorate` is the constituency's name, not a count of voters.
        cells = {v for values in seen.get(key, {}).values() for v in values}
        words = sorted(v for v in cells if not any(c.isdigit() for c in v))
        named = bool(words) and len(words) == len(cells) and all(_named(v) for v in words)
        if named or (len(words) >= _NAMES and len(words) * 2 > len(cells)):
            header = columns.header_of(key)
            said = shlex.quote(header or key)  # (advice to copy)
            unfit[key] = (
                f"The {header!r} column is left unused: its values ({', '.join(map(repr, words[:3]))}"
                f"{'…' if len(words) > 3 else ''}) are no counts ({key}); if they name the races "
                f"(a constituency), add --race-by {said}; if they name the places each row counts, "
                f"--region {said}."
            )
    years = {value for values in seen.get("date", {}).values() for value in values}
    if years and all(re.fullmatch(r"\d{4}", v.strip()) for v in years):
        unfit["date"] = (
            f"The {columns.header_of('date')!r} column is left unused: its values "
            f"({', '.join(repr(v) for v in sorted(years)[:3])}) are years, not the day of the vote "
            "(YYYY-MM-DD)."
        )
    totals = [values for values in seen.get("total_votes", {}).values()]
    varying = sum(1 for values in totals if len(values) > 1)
    if varying and "unit" in columns.present:
        # A place listed again with every figure 0 gives a total of 0 beside its own: no sign of
        # each option's total (`zerocopies`, which leaves such copies out).
        totals = _without_zero_copies(records, label)
        varying = sum(1 for values in totals if len(values) > 1)
    if totals and varying * 2 > len(totals):
        unfit["total_votes"] = (
            f"The {columns.header_of('total_votes')!r} column is left unused: it differs from "
            "option to option within a race, so it is each option's total, not the race's."
        )
    return unfit


def _seats_won_races(
    records: list[Record], columns: ColumnMap, label: Callable[[Record], str] | None
) -> tuple[set[str], int, bool, set[str]]:
    """The races whose `seats` cells count each option's seats won, not the race's seats to fill,
    how many races give the column at all, and whether one of them lists two options a place
    (`_pair`: its seats may be a race's typed two ways), and those of them whose lists each won as
    many (`_equal`). In every place of such a race that lists two
    options at least: three whole numbers, or two, one of them 0 and the other on no more than
    half of the options; in a file of candidates (not parties' lists), 0 or 1 each — a candidate
    wins one seat at most. Decided race by race and place by place, where more than half of the
    races so read (a race of one cell a place then too): Indiana's 2024 precinct files give each
    race's seats on every row, 1 in one precinct and 4 in another, and a race's seats typed
    wrong once (`4, 4, 0`) keep their "make them agree"; neither is seats won."""
    if columns.index("seats") is None:
        return set(), 0, False, set()  # (no pass over a file's rows without the column: 1M of them)
    name = (lambda r: r.election) if label is None else label
    places: dict[str, dict[tuple[str | None, str | None], list[str]]] = {}
    for record in records:
        cell, row = record.facts.get("seats"), record.row
        if cell is not None and row.kind == "candidate" and row.fact is None:
            place = places.setdefault(name(record), {}).setdefault((row.region, row.unit), [])
            place.append(cell.strip())
    most = 1 if not columns.parties_are_options else None
    listed = {race: [c for c in cells.values() if len(c) > 1] for race, cells in places.items()}
    won = {
        race
        for race, cells in listed.items()
        if cells and all(_won_in_place(c, most) for c in cells)
    }
    if len(won) * 2 <= sum(1 for cells in listed.values() if cells):
        return set(), len(places), False, set()  # (a race in two at most: no column of seats won)
    # The file's column is of seats won: so is any race's whose numbers differ in each place (two
    # lists of 10 and 5 seats, the others' cells blank) or that lists one number a place
    # (Burdinne's one list of 11 seats); and, of party lists, one whose lists each won as many
    # (Portugal's parish of Alvão, 3, 3 and 3 of 9 seats: not a race of 3), with a note (`EQUAL`).
    races = {
        race
        for race, cells in listed.items()
        if all(_won_in_place(c, most, loose=True) for c in cells)
        or (most is None and cells and all(_equal(c) for c in cells))
    }
    pairs = any(all(len(c) == 2 for c in listed[race]) for race in races)
    equal = {race for race in races if listed[race] and all(_equal(c) for c in listed[race])}
    return races, len(places), pairs, equal


def _equal(cells: list[str]) -> bool:
    """Whether a place's cells are one whole number above 0, each list's seats won alike."""
    if len(cells) < 2 or not all(_WHOLE.fullmatch(c) for c in cells):
        return False
    counts = {int(float(c)) for c in cells}
    return len(counts) == 1 and min(counts) > 0


def _won_in_place(cells: list[str], most: int | None, *, loose: bool = False) -> bool:
    if not all(_WHOLE.fullmatch(c) for c in cells):
        return False
    counts = [int(float(c)) for c in cells]
    if loose:
        return len(set(counts)) > 1 and (most is None or max(counts) <= most)
    top, times = Counter(counts).most_common(1)[0]
    # Two numbers, one of them 0, the other on no more than half the options (a race's 4 seats
    # typed 0 once, `4, 4, 0`, is none); or three numbers (Beja's councillors: 2, 2, 2, 1, 0); or
    # two parties' differing counts (`Democratic,5000,213` and `Republican,4000,222`: no third
    # list to say which is mistyped, read as won, and the note says so: `PAIR_NOTE`).
    two = (0 in counts and (top == 0 or times * 2 <= len(counts))) or _pair(counts, most)
    return (len(set(counts)) > 2 or (len(set(counts)) == 2 and two)) and (
        most is None or max(counts) <= most
    )


def _pair(counts: list[int], most: int | None) -> bool:
    """Two parties' counts that differ, neither 0 (the seats each won, or a race's typed two ways)."""
    return most is None and len(counts) == 2 and counts[0] != counts[1] and 0 not in counts


# Said where a race was read as seats won from two parties' counts alone (`_pair`).
PAIR_NOTE: Final[str] = (
    " Where a race lists two options only, their two counts are read so; if it holds the race's "
    "seats to fill, make them agree."
)


def _equal_note(races: list[str]) -> str:
    """Said of the races read as seats won whose lists each won as many (`_equal`)."""
    if not races:
        return ""
    shown = ", ".join(map(repr, races[:3])) + (" …" if len(races) > 3 else "")
    return (
        f" In {len(races):,} {'race' if len(races) == 1 else 'races'} ({shown}) every list won as "
        "many seats as the others: read so too, as in the other races, never as the race's seats "
        "to fill; if such a race's cells are its seats to fill instead, write each list's seats "
        "won there."
    )


def _named(cell: str) -> bool:
    """Whether a count's cell is a name: two letters at least (`Aoraki`; not an `x`, `-` or
    `n/a` left where a count is missing)."""
    return sum(c.isalpha() for c in cell) >= 2 and cell.casefold() not in ("n/a", "na", "nil")


def _without_zero_copies(
    records: list[Record], label: Callable[[Record], str] | None
) -> list[set[str]]:
    """The `total_votes` cells of each place, those of its all-zero copies left out."""
    name = (lambda r: r.election) if label is None else label
    copies = {line for _, lines in zero_copies(records, name) for line in lines}
    seen: dict[tuple[str, str, str], set[str]] = {}
    for record in records:
        value = record.facts.get("total_votes")
        if value is not None and record.line not in copies:
            group = (name(record), record.row.region or "", record.row.unit or "")
            seen.setdefault(group, set()).add(value)
    return list(seen.values())


def set_aside_unfit_facts(
    records: list[Record], columns: ColumnMap, label: Callable[[Record], str] | None = None
) -> None:
    """Leave the `unfit_facts` columns unused, with their notes."""
    won, given, pairs, equal = _seats_won_races(records, columns, label)
    if won:
        at = len(columns.notes)
        # (Not of the races whose cells are left unread, each with its note: Belgium's provinces
        # of 1961 under one election said both of the one column.)
        if read := _take_seats_won(records, columns, label, won):
            within = "a race" if len(read) == given else f"{len(read):,} of the {given:,} races"
            columns.notes.insert(
                at,
                f"The {columns.header_of('seats')!r} column differs from option to option "
                f"within {within}: there it counts the seats each option won, read as the file "
                "gives them (no method allocates them, no system is assumed)."
                + (PAIR_NOTE if pairs else "")
                + _equal_note(sorted(equal & read)),
            )
    unfit = unfit_facts(records, columns, label)
    for key, note in unfit.items():
        columns.unuse(key, note)
        for record in records:
            record.facts.pop(key, None)
    elected_column(records, columns, label)
    acclaimed.races(records, columns, label)
    members_elected(records, columns, label)


def _take_seats_won(
    records: list[Record],
    columns: ColumnMap,
    label: Callable[[Record], str] | None,
    races: set[str],
) -> set[str]:
    """Each option's seats won, as the file gives them, taken out of the records' facts into
    `ColumnMap.seats_won` (read by `read.seatswon`): Belgium's `Nombre de sièges` beside each
    list's `Nombre de voix`, 8 for N-VA and 5 for Vlaams Belang in Antwerp; `4.0` in its council
    files. Read as the race's seats row by row, each race was a wall of "make them agree" errors,
    or, under a header not read as seats, one seat, won by the leader alone. No method allocates
    them and no system is assumed: they are the file's result. A race that lists an option twice
    in one place is no race yet (ParlGov's elections of every country, before --race-by): its
    repeated options' errors say how to tell its races apart; an option's seats given again on
    each of its places' rows count once; seats that differ from place to place are no race's, and
    such a race gets none, with a note. The races whose seats are read."""
    name = (lambda r: r.election) if label is None else label
    places: dict[str, set[tuple[str, str | None, str | None, str | None]]] = {}
    won: dict[str, dict[tuple[str, str | None], int]] = {}
    unsplit: dict[str, str] = {}
    for record in records:
        race = name(record)
        cell = record.facts.pop("seats", None) if race in races else None
        if cell is not None and record.row.fact is None:  # ("Other" too: 23 seats of others)
            row = record.row
            option = (option_key(row.candidate), row.party or None)
            if (*option, row.region, row.unit) in places.setdefault(race, set()):
                unsplit.setdefault(race, "an option is listed twice in one place")
            places[race].add((*option, row.region, row.unit))
            # An option's seats once, on each of its places' rows alike (a constituency's lists
            # by municipality): seats that differ from place to place are no race's either.
            seats = int(float(cell))
            if won.setdefault(race, {}).setdefault(option, seats) != seats:
                place = columns.header_of("region")
                unsplit.setdefault(
                    race,
                    f"{row.candidate!r} won other seats in another place: each place elects its "
                    "own, most likely" + (f" (--race-by {shlex.quote(place)})" if place else ""),
                )
    for race, why in sorted(unsplit.items()):
        del won[race]
        columns.notes.append(
            f"{race}: its {columns.header_of('seats')!r} cells are left unread: {why}."
        )
    columns.seats_won.update(won)
    return set(won)


def members_elected(
    records: list[Record], columns: ColumnMap, label: Callable[[Record], str] | None = None
) -> None:
    """Read a `seats` column as `vote_for` (the members each race elects, the top N), with a note,
    where a race lists two candidates of one party under a `seats` cell above 1: its options are
    candidates, not party lists. Not where a `vote_for` or `system` column says otherwise."""
    if columns.index("seats") is None or columns.present & {"vote_for", "system"}:
        return
    name = (lambda r: r.election) if label is None else label
    standing: dict[tuple[str, str], dict[str, str]] = {}
    seats: dict[str, int] = {}
    example = None
    for record in records:
        cell, row = record.facts.get("seats"), record.row
        if not cell or not cell.strip().isdigit() or int(cell) < 2 or not row.party:
            continue
        if row.kind != "candidate" or row.fact is not None:
            continue
        race = name(record)
        seats[race] = int(cell)
        names = standing.setdefault((race, row.party), {})
        names.setdefault(option_key(row.candidate), row.candidate)
        if example is None and len(names) == 2:
            example = (race, row.party, *names.values())
    if example is None or _open_lists(standing, seats, columns):
        return
    for index in [i for i, c in columns.columns.items() if c == "seats"]:
        columns.columns[index] = "vote_for"
    for record in records:
        if "seats" in record.facts:
            record.facts["vote_for"] = record.facts.pop("seats")
    race, party, one, other = example
    columns.notes.append(
        f"The {columns.header_of('vote_for')!r} column is read as the members each race elects, "
        f"the top N by votes: its options are candidates, not party lists ({one!r} and "
        f"{other!r} stand for {party!r}{_in(race)}, and a list vote has one list a party)."
    )


def _open_lists(
    standing: dict[tuple[str, str], dict[str, str]], seats: dict[str, int], columns: ColumnMap
) -> bool:
    """Whether a race of several parties lists more candidates of one party than it has seats:
    no vote for N (a party fields at most N), but candidates on open party lists (Finland's,
    Brazil's councils), whose seats go to the lists first. The `seats` column stays the lists'
    seats, with a note; `pollcli seats` sums each party's candidates into its list."""
    parties: dict[str, int] = {}
    for race, _party in standing:
        parties[race] = parties.get(race, 0) + 1
    for (race, party), names in standing.items():
        if parties[race] > 1 and len(names) > seats[race]:
            columns.notes.append(
                f"The {columns.header_of('seats')!r} column is read as the seats of party lists: "
                f"{party!r} has {len(names)} candidates for {seats[race]} seats{_in(race)}, so "
                "the race is no vote for the top N but a vote for candidates on open lists, whose "
                "seats go to the parties first ('pollcli seats' sums each party's candidates); "
                "give --vote-for N if each voter chose N candidates."
            )
            return True
    return False


def _in(race: str) -> str:
    """Where, in a note: the race's name, or none in a file of one race."""
    return f" in {race!r}" if race else ""
