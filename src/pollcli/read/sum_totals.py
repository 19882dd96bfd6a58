"""A unit that holds the sum of its race's other units, under a name no rule knows: their total.

New Hampshire 2020 lists State House district HL41 as Amherst, Bedford and `ILLSBOROUGH 41` (the
district's total, its first letter lost): no total word, not named like its county nor as a
breakdown, so the other rules (`totals`, `breakdowns`) counted it as a town, every vote twice. A unit
whose every option holds exactly the sum of the other units of its race and region is their total
(`total_of`), set aside with a `total-row` warning naming it, whatever its name. Never by chance:
the other units are two at least, each with votes (a race of two units, one of no votes, would
otherwise have its other unit for a total); the unit holds two candidates with votes at least (one
town may hold the sum of two others in a race of one option, and its write-ins, a few votes, as
likely) and `total_places.SAME_SUM` votes (fewer may be equal by chance). At most one unit can hold
it: it holds half the region's votes. Nor is a unit a total that the region's own total row, set
aside by the other rules, counts among its parts (`before`).

The last step of the totals stage (`breakdowns.stage`), on what the other rules keep, in both
engines. The streaming engine sums a region's units (`total_places.SUMMED_UNITS`), as the exact
engine's sums per region do (`rowcolumns`): each keeps every unit's votes in all
(`repeats.BlockUnits.votes`) and reads row by row the units of each race and region where one may
hold the others' sums (`suspected`, `repeatlines`): a necessary condition, so both engines give one
answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from pollcli.columns import option_key
from pollcli.problems import Code, Found
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.total_checks import SHOWN_OPTIONS, lines_text, quoted_units, rows_text, unit_alone
from pollcli.read.total_places import SAME_SUM, SUMMED_UNITS, by_option, by_unit, place

Sums = dict[str, int]

# Two other units with votes at least, two candidates of the total with votes at least.
OTHER_UNITS: Final[int] = 2
OPTIONS: Final[int] = 2
# A region holding a unit of every unit of the race holds at most this many times the others' votes.
ALONGSIDE: Final[int] = 3


def set_aside(
    label: str,
    records: list[Record],
    columns: ColumnMap,
    found: Found,
    before: Iterable[Record] = (),
) -> list[Record]:
    """One election's records without the units that hold, option by option, the sum of the other
    units of their region (`total_of`), with their rows of a fact (a race's `Votes Cast`); a
    `total-row` warning for each. `before`: the records the other rules were given; a place they
    set aside that holds the sum of every unit of the region, such a unit's too, is the file's
    own total, which counts that unit a part: it is no total."""
    if "unit" not in columns.present:
        return records
    by_region, facts = by_unit(records)
    given: dict[str, list[Sums]] | None = None  # (only where a unit holds the others' sums)
    aside: set[int] = set()
    for region, units in by_region.items():
        if len(units) <= OTHER_UNITS or SUMMED_UNITS in units:
            continue  # (units summed by the streaming engine: none here held the sum, `suspected`)
        sums: dict[str, Sums] = {}
        for unit, group in units.items():
            got = by_option(group)
            if got is None:
                break  # a unit of no votes: nothing to tell
            sums[unit] = {k: v for k, v in got.items() if v}
        else:
            total = total_of(sums)
            if total is None or not _candidates(units[total]):
                continue
            given = _given(before, records) if given is None else given
            if _whole(sums) not in given.get(region, []):
                _warn(label, region, total, sums, units, columns, found)
                aside |= {id(r) for r in (*units[total], *facts.get((region, total), []))}
    kept = [r for r in records if id(r) not in aside] if aside else records
    return race_total(label, kept, columns, found, before)


def race_total(
    label: str, records: list[Record], columns: ColumnMap, found: Found, before: Iterable[Record]
) -> list[Record]:
    """The records without the unit that holds, option by option, the sum of every other unit of
    the race, in every region (Maine's 2016 file: each race's state figures as a unit `MAINE` of a
    region `ME`, beside the state's overseas ballots, counted twice), with a `total-row` warning;
    as `total_of` finds a unit's in a region, over the candidates' lines (in a race of one
    candidate, its blank and void lines too). Looked for only where the regions' sums allow it
    (`race_total_suspected`): the streaming engine, whose units are summed, then hands the file to
    the exact engine. Not where a place the other rules set aside holds the sum of every unit."""
    if "region" not in columns.present or "unit" not in columns.present:
        return records
    # Candidates only: a total may leave out the blank and void lines its parts list (Maine's).
    regions: dict[str, list[Record]] = {}
    for record in records:
        if record.row.fact is None and record.row.kind == "candidate":
            regions.setdefault(record.row.region or "", []).append(record)
    sums = {region: by_option(group) for region, group in regions.items()}
    if not race_total_suspected(sums):
        return records
    if any(r.summed for r in records):
        from pollcli.read.total_words import HandOver

        raise HandOver  # (units summed: the exact engine finds the unit)
    places, each = _units(r for group in regions.values() for r in group)
    total = total_of(each)
    if total is None and len(_whole(each)) == 1:
        # One candidate (unopposed): with the blank and void lines, where the total lists them
        # too, two options (Maine's State House 134: Walter Kumiega 9,046 for 4,523).
        places, each = _units(r for r in records if r.row.fact is None)
        total = total_of(each)
    elif total is not None and not _candidates(places[_place_of(total)]):
        return records
    if total is None:
        return records
    region, unit = _place_of(total)
    whole = _whole(each)
    if any(
        all(given.get(key) == count for key, count in whole.items())
        for listed in _given(before, records).values()
        for given in listed
    ):
        return (
            records  # the file's own total counts the unit among its parts (over `whole`'s lines)
        )
    _warn_race(label, (region, unit), each[total], places, columns, found)
    return [r for r in records if place(r) != (region, unit)]  # (its blank and count lines too)


def _units(
    records: Iterable[Record],
) -> tuple[dict[tuple[str, str], list[Record]], dict[str, Sums]]:
    """The records by place, and each place's votes by option (`total_of`'s units, keyed by
    region and unit), its options of no votes left out."""
    places: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        places.setdefault(place(record), []).append(record)
    each = {
        f"{at[0]}\x00{at[1]}": {k: v for k, v in (by_option(group) or {}).items() if v}
        for at, group in places.items()
    }
    return places, each


def _place_of(key: str) -> tuple[str, str]:
    """A place (region, unit) from its `_units` key."""
    region, unit = key.split("\x00", 1)
    return region, unit


def race_total_suspected(sums: Mapping[str, Mapping[str, int] | None]) -> bool:
    """Whether one region's votes (`sums`: by region, by option) may hold a unit that totals every
    other unit of the race: three regions at least with votes, and one whose votes, option by
    option, are at least the other regions' and differ from them by an even number (its own other
    units counted twice: once in the total, once as themselves), SAME_SUM votes or more, and at
    most `ALONGSIDE` times theirs (its other units a few: the state's overseas ballots beside the
    state's figures, not a county of most of the race's votes, New Hampshire's Carroll)."""
    if any(v is None for v in sums.values()):
        return False
    figures = {r: {k: v for k, v in got.items() if v} for r, got in sums.items() if got}
    figures = {r: got for r, got in figures.items() if got}
    if len(figures) <= OTHER_UNITS:
        return False
    whole: Sums = {}
    for got in figures.values():
        for key, count in got.items():
            whole[key] = whole.get(key, 0) + count
    for got in figures.values():
        if sum(got.values()) < SAME_SUM or len(got) != len(whole):
            continue
        if all(
            (others := count - (mine := got[key])) <= mine <= ALONGSIDE * others
            and (mine - others) % 2 == 0
            for key, count in whole.items()
        ):
            return True
    return False


def _candidates(records: list[Record]) -> bool:
    """Whether a unit's rows hold two candidates with votes at least (write-ins, blank and void
    votes, a few each, match the others' sums by chance as often as not)."""
    held = {option_key(r.row.candidate) for r in records if r.row.kind == "candidate" and r.votes}
    return len(held) >= OPTIONS


def _given(before: Iterable[Record], records: list[Record]) -> dict[str, list[Sums]]:
    """Per region, the votes of each place of it the other rules set aside (`before` but not in
    `records`), their options of no votes left out."""
    kept = {id(r) for r in records}
    places: dict[tuple[str, str], list[Record]] = {}
    for record in before:
        if id(record) not in kept and record.row.fact is None:
            places.setdefault(place(record), []).append(record)
    given: dict[str, list[Sums]] = {}
    for (region, _), group in places.items():
        got = by_option(group)
        if got is not None:
            given.setdefault(region, []).append({k: v for k, v in got.items() if v})
    return given


def _whole(sums: dict[str, Sums]) -> Sums:
    """The units' votes summed, option by option."""
    whole: Sums = {}
    for votes in sums.values():
        for key, count in votes.items():
            whole[key] = whole.get(key, 0) + count
    return whole


def total_of(sums: dict[str, Sums]) -> str | None:
    """The unit whose votes equal, option by option, the sum of the other units' (their options
    of no votes left out), when they are two at least with votes, it holds two options with votes
    at least and SAME_SUM votes; None when no unit does."""
    whole = _whole(sums)
    half, odd = divmod(sum(whole.values()), 2)
    if odd or half < SAME_SUM or sum(1 for v in sums.values() if v) <= OTHER_UNITS:
        return None
    for unit, votes in sums.items():
        if (
            len(votes) >= OPTIONS
            and sum(votes.values()) == half
            and len(votes) == len(whole)
            and all(2 * votes.get(key, 0) == count for key, count in whole.items())
        ):
            return unit
    return None


def suspected(np: Any, groups: Any, units: Any, votes: Any, apart: Any = None) -> Any:
    """The engines' cheap test (`repeats.Repeats.sum_units`, `rowcolumns`): per unit (its hash or
    number, that of its race and region, its votes in all, whether the engine keeps its rows apart
    as those of a total may be; a unit may come several times, its rows in several places), the
    units of each race and region of three units at least where the largest of those not kept
    apart holds as many votes as the others not kept apart, and at most the votes of those kept
    apart more (the totals stage judges those: each a total, or a unit the total may add up).
    Where `total_of` finds a total, it is so."""
    if not units.size:
        return units
    if apart is None:
        apart = np.zeros(units.size, dtype=bool)
    # (Each run of one unit's rows summed first: a unit's rows mostly follow each other. A unit's
    # hash holds its race and region's: sorted by unit, then the units by group; two sorts of one
    # key each, not one of two keys, three times slower.)
    run = np.ones(units.size, dtype=bool)
    run[1:] = units[1:] != units[:-1]
    runs = np.flatnonzero(run)
    if runs.size < units.size:
        units, groups, apart = units[runs], groups[runs], apart[runs]
        votes = np.add.reduceat(votes, runs)
    order = np.argsort(units)
    units, groups, votes, apart = units[order], groups[order], votes[order], apart[order]
    new = np.ones(units.size, dtype=bool)
    new[1:] = units[1:] != units[:-1]
    starts = np.flatnonzero(new)
    per_unit = np.add.reduceat(votes, starts)
    unit_groups, unit_hashes, unit_apart = groups[starts], units[starts], apart[starts]
    order = np.argsort(unit_groups)
    per_unit, unit_groups = per_unit[order], unit_groups[order]
    unit_hashes, unit_apart = unit_hashes[order], unit_apart[order]
    first = np.ones(unit_groups.size, dtype=bool)
    first[1:] = unit_groups[1:] != unit_groups[:-1]
    begins = np.flatnonzero(first)
    plain = np.where(unit_apart, 0, per_unit)
    whole = np.add.reduceat(plain, begins)
    largest = np.maximum.reduceat(plain, begins)
    held = np.add.reduceat(per_unit - plain, begins)
    count = np.diff(np.append(begins, unit_groups.size))
    over = 2 * largest - whole  # what the largest holds over the others
    chosen = (count > OTHER_UNITS) & (over >= 0) & (over <= held) & (largest >= SAME_SUM)
    if not chosen.any():
        return unit_hashes[:0]
    return np.unique(unit_hashes[np.repeat(chosen, count)])


def any_suspected(votes: Mapping[tuple[int, int], int]) -> bool:
    """`suspected` in Python for a few rows, none kept apart: `votes` by (race and region, unit),
    summed."""
    whole: dict[int, list[int]] = {}
    for (group, _), count in votes.items():
        entry = whole.setdefault(group, [0, 0, 0])
        entry[0] += count
        entry[1] = max(entry[1], count)
        entry[2] += 1
    return any(
        units > OTHER_UNITS and largest >= SAME_SUM and whole == 2 * largest
        for whole, largest, units in whole.values()
    )


def _warn_race(
    label: str,
    total: tuple[str, str],
    sums: Sums,
    places: dict[tuple[str, str], list[Record]],
    columns: ColumnMap,
    found: Found,
) -> None:
    records = places[total]
    lines = sorted({line for r in records for line in (r.line, *r.same_cell_lines)})
    region, unit = total
    names = {option_key(r.row.candidate): r.row.candidate for r in records}
    shown = sorted(sums.items(), key=lambda kv: -kv[1])[:SHOWN_OPTIONS]
    figures = ", ".join(f"{names.get(k, k)} {v:,}" for k, v in shown)
    regions = sorted({r for r, _ in places if r != region})
    alone = unit_alone(columns, region, unit)
    found.warn(
        Code.TOTAL_ROW,
        lines[0],
        f"{unit!r} ({columns.header_of('region') or 'region'} {region!r}) holds {figures}: "
        f"exactly, option by option, the sum of every other unit of the race, in "
        f"{quoted_units(regions)} too, whatever its name: their total, set aside, not added to its "
        f"parts (election {label!r}; {rows_text(len(lines))}: {lines_text(lines)}); the race is "
        f"counted from the other units. Its figures, its rows alone: {alone}",
        column=columns.header_of("unit"),
    )


def _warn(
    label: str,
    region: str,
    total: str,
    sums: dict[str, Sums],
    units: dict[str, list[Record]],
    columns: ColumnMap,
    found: Found,
) -> None:
    lines = sorted({line for r in units[total] for line in (r.line, *r.same_cell_lines)})
    column = columns.header_of("unit") or "unit"
    names = {option_key(r.row.candidate): r.row.candidate for r in units[total]}
    shown = sorted(sums[total].items(), key=lambda kv: -kv[1])[:SHOWN_OPTIONS]
    figures = ", ".join(f"{names.get(k, k)} {v:,}" for k, v in shown)
    others = [u for u in units if u != total and sums[u]]
    where = f" ({columns.header_of('region') or 'region'} {region!r})" if region else ""
    alone = unit_alone(columns, region, total)
    found.warn(
        Code.TOTAL_ROW,
        lines[0],
        f"{total!r} in column {column!r}{where} holds {figures}: exactly, option by option, the "
        f"sum of the race's other units there ({quoted_units(others)}), whatever its name: "
        f"their total, set aside, not added to its parts (election {label!r}; "
        f"{rows_text(len(lines))}: {lines_text(lines)}); the race is counted from the other "
        f"units. Its figures (the race's, if it is their total), its rows alone: {alone}",
        column=columns.header_of("unit"),
    )
