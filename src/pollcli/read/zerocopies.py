"""All-zero copies of a precinct: a unit listed again with every figure 0, left out.

Wisconsin's 2020 spring ward file lists Burnett's "Town Of Meenon Wards 1-3" three times in the
Supreme Court race: once with its votes, twice with 0 for every candidate and a total of 0. Read
as repeats (`duplicate-option`, and a total of 0 against 218) they refused the race, yet such a
copy adds nothing to any figure, whichever copy is right. So a place's rows are cut into copies
(a row starts a new copy where every copy so far lists its option), and a copy that is all zeros —
every row 0 votes, every count cell (total votes, ballots cast…) 0 or blank, at least two rows and
a candidate among them — is left out, with a note naming the place and the lines. Of copies that
are all zeros, the first is kept (a precinct of no votes). A copy with any other figure is left
as it is, and is still a repeat; so is a lone row listed again with 0 (namesakes come one row at
a time, copies of a place whole).

Of a file with a unit column, only rows of a unit (a precinct, a ward) are looked at, so that both
engines hand this stage a place's rows alike: the streaming engine reads a file with a repeated
precinct through the exact stages (`read.repeats`), and its rows summed over several precincts
(`Record.summed`) are never looked at here. Without a unit column each region is a place, and only
a copy after its first is left out; the streaming engine sums rows of the same cells before the
assembly sees them (`Record.same_cell_lines`), so where two candidates of one region were summed so
it hands the file to the exact engine, which tells which copy held the zeros (Alaska's 2018 primary
lists its `HD99 Fed Overseas Absentee` block of the U.S. House twice, all zeros: the U.S. House
primaries were refused). A count row of a copy that gives the first copy's figure again (that
block's `Registered Voters` 526) is the place's one count given twice, no figure of the copy's.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from pollcli.columns import REGIONAL_FACTS, option_key
from pollcli.read.records import Record

# A precinct: its race (as `label` names it), region and unit.
Place = tuple[str, str | None, str | None]
# Examples the note names; the others are counted.
_NAMED = 3


def without_zero_copies(
    records: list[Record], notes: list[str], present: Collection[str]
) -> list[Record]:
    """One election's records without the all-zero copies of its precincts, noted once; `present`:
    the file's columns. With a unit column, each unit is a place, else each region; without a
    region column either, no row has a place to be copied in."""
    units = "unit" in present
    if not units:
        if "region" not in present:
            return records  # (a file of 10,000 races and no region: no pass over its rows)
        _summed_copies(records)
    said = zero_copies(records, lambda r: r.election, units=units)
    if not said:
        return records
    notes.append(_note([(place[1:], lines) for place, lines in said]))
    dropped = {line for _, lines in said for line in lines}
    return [r for r in records if r.summed or r.line not in dropped]


def _summed_copies(records: list[Record]) -> None:
    """`HandOver` where the streaming engine summed a region's copy into its first rows (two
    candidates or more of one region given again: `same_cell_lines`): whether the copy was all
    zeros, only the exact engine can tell, which reads each row apart."""
    seen: set[tuple[str | None, str | None]] = set()
    for record in records:
        if record.same_cell_lines and record.row.kind == "candidate" and record.row.fact is None:
            if (record.row.region, record.row.unit) in seen:
                from pollcli.read.raceunits import HandOver

                raise HandOver
            seen.add((record.row.region, record.row.unit))


def zero_copies(
    records: list[Record], label: Callable[[Record], str], *, units: bool = True
) -> list[tuple[tuple[str, str | None, str | None], list[int]]]:
    """Each precinct (race, region, unit: `label` names a record's race) listed again with every
    figure 0, with the lines of those copies (`unfit` leaves their totals of 0 out too). Where
    the file has no unit column (not `units`), each region is a place: Alaska's 2018 primary lists
    its `HD99 Fed Overseas Absentee` block of the U.S. House twice, every vote 0."""

    def place_of(record: Record) -> Place | None:
        finest = record.row.unit if units else record.row.unit or record.row.region
        return None if record.summed or not finest else (label(record), record.row.region, finest)

    # A copy left out holds two rows of 0 votes or more: only places with two such rows are cut
    # into copies (a file of a million rows has few, and each place's rows cost a sort).
    zeros: dict[Place, int] = {}
    for record in records:
        if record.votes == 0 and (place := place_of(record)) is not None:
            zeros[place] = zeros.get(place, 0) + 1
    suspects = {place for place, count in zeros.items() if count >= 2}
    places: dict[tuple[str, str | None, str | None], list[Record]] = {}
    for record in records if suspects else ():
        if (place := place_of(record)) in suspects:
            places.setdefault(place, []).append(record)
    said: list[tuple[tuple[str, str | None, str | None], list[int]]] = []
    for place, rows in places.items():
        copies = _copies(rows)
        if len(copies) < 2:
            continue
        counts = {r.row.fact: r.votes for r in copies[0] if r.row.fact is not None}
        # (Of a place of no unit, the first copy stays: the streaming engine's first rows.)
        zero = [copy for copy in copies[0 if units else 1 :] if _all_zero(copy, counts)]
        if len(zero) == len(copies):
            zero = zero[1:]  # a place of no votes: one copy of it stays
        if zero:
            said.append((place, sorted(r.line for copy in zero for r in copy)))
    return said


def _copies(rows: list[Record]) -> list[list[Record]]:
    """A place's rows cut into copies, in the file's order: each row goes to the first copy that
    does not yet list its option (its name and party, or the count it gives)."""
    copies: list[list[Record]] = []
    listed: list[set[tuple[str, str]]] = []
    for record in sorted(rows, key=lambda r: r.line):
        key = (
            (f"\x00{record.row.fact}", "")
            if record.row.fact is not None
            else (option_key(record.row.candidate), option_key(record.row.party or ""))
        )
        for copy, keys in zip(copies, listed, strict=True):
            if key not in keys:
                copy.append(record)
                keys.add(key)
                break
        else:
            copies.append([record])
            listed.append({key})
    return copies


def _all_zero(copy: list[Record], counts: dict[str, int | None]) -> bool:
    """Whether a copy is all zeros: two rows or more, a candidate among them, every vote 0 and
    every count cell 0 or blank — but a count row that repeats the place's first copy's figure
    (`counts`: Alaska's `Registered Voters` 526 above each copy's zeros), one count given again."""

    def again(record: Record) -> bool:  # (a count row's figure: its votes, and its fact cell)
        return record.row.fact is not None and counts.get(record.row.fact) == record.votes

    return (
        len(copy) >= 2
        and any(r.row.kind == "candidate" and r.row.fact is None for r in copy)
        and all((r.votes == 0 or again(r)) and not r.same_cell_lines for r in copy)
        and all(
            _zero(value) or (key == r.row.fact and again(r))
            for r in copy
            for key, value in r.facts.items()
            if key in REGIONAL_FACTS
        )
    )


def _zero(cell: str) -> bool:
    text = cell.strip().replace(",", "")
    if not text:
        return True
    try:
        return float(text) == 0
    except ValueError:
        return False


def _note(said: list[tuple[tuple[str | None, str | None], list[int]]]) -> str:
    """One note for an election's places listed again with every figure 0."""
    named = "; ".join(
        f"{_place(region, unit)} on lines {_ranges(lines)}"
        for (region, unit), lines in said[:_NAMED]
    )
    more = f"; and {len(said) - _NAMED} more" if len(said) > _NAMED else ""
    which = "A precinct is" if len(said) == 1 else f"{len(said)} precincts are"
    return (
        f"{which} listed again with every figure 0 ({named}{more}): such copies add nothing, "
        "and are left out."
    )


def _place(region: str | None, unit: str | None) -> str:
    return f"{unit!r} of {region!r}" if region and region != unit else repr(unit)


def _ranges(lines: list[int]) -> str:
    """Lines as ranges: 8–13, 20."""
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1][1] = line
        else:
            spans.append([line, line])
    return ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in spans)
