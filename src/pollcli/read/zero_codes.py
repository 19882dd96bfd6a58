"""Places named by several codes, a code of zeros standing for all: the levels of a table.

Taiwan's Central Election Commission names each row by `prvCode, cityCode, areaCode, liCode,
deptCode`: `00,000,00,0000,000` the nation, `63,000,00,0000,000` a county, `…,0000,001` its town,
`…,0102,001` a village of it. A place whose codes are another's with some of them zeros is above
it (`below`); a place above others that holds, option by option, the sum of the finest places
below it is their total (`totals`), one place below it too (a town of one village lists it again:
`09,007,00,0000,040` above `09,007,00,0003,040`); a place of zero codes above none is a place.

A wide table's rows are judged so by `wide_totals`. A long table's units named by such codes
together (`--unit prv,city,area,li,dept`, `read.unitparts`) are judged here (`units_aside`, in the
totals stage, `read.breakdowns`): the totals set aside with a `total-row` warning; where some are,
a place above others that does not hold their sum refuses the race, as counting both would count
twice (where none is, no level is evident: a county's `0000` precinct of its absentee votes
beside its precincts is a place).
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Final

from pollcli.columns import option_key
from pollcli.problems import Code, Found
from pollcli.read.total_checks import lines_text, rows_text
from pollcli.read.unitparts import SEPARATOR

if TYPE_CHECKING:
    from pollcli.read.header import ColumnMap
    from pollcli.read.records import Record

# The most code columns whose zeros are looked at as "all" (a row's ancestors: 2**N keys each).
ZERO_CODES_AT_MOST: Final[int] = 6
# The fewest places of a table read for its levels (as `wide_totals.SUM_ROW_PARTS`).
PLACES_MORE_THAN: Final[int] = 4


def unless_zeros(code: str) -> str:
    """A code, or "" for a code of zeros padded to two digits or more (`00`, `0000`): all. A lone
    `0` may be a place's own number (an at-large district)."""
    return "" if len(code) >= 2 and not code.strip("0") else code


def below(keys: list[tuple[str, ...]]) -> list[list[int]] | None:
    """For each place's key (its codes, `unless_zeros`), the places whose keys are its own with
    some codes filled; None where no key has a zero or two places have one key (no level told)."""
    if not any("" in k for k in keys):
        return None
    at = {k: n for n, k in enumerate(keys)}
    if len(at) < len(keys):
        return None  # two rows of one code: no level is told
    under: list[list[int]] = [[] for _ in keys]
    for n, k in enumerate(keys):
        filled = [p for p, cell in enumerate(k) if cell]
        for mask in range(1, 1 << len(filled)):
            up = list(k)
            for bit, p in enumerate(filled):
                if mask >> bit & 1:
                    up[p] = ""
            above = at.get(tuple(up))
            if above is not None:
                under[above].append(n)
    return under


def totals(
    under: list[list[int]], figures: list[list[int]]
) -> tuple[dict[int, list[int]], list[int]]:
    """The places above others that hold the sum of the finest of them (those above none), option
    by option, each with those parts; and those above two or more that do not (`partial`). A
    place above one place that holds its figures is its total too (that part again) where some
    place holds the sum of two or more: alone it makes no level evident (a county's absentee
    `0000` of the few votes of its one precinct, by chance); one that does not is a place of its
    own (a town's votes at no village's station, `0000`)."""
    marked: dict[int, list[int]] = {}
    partial: list[int] = []
    options = range(len(figures[0])) if figures else range(0)
    for n, parts in enumerate(under):
        leaves = [j for j in parts if not under[j]]
        if not leaves:
            continue
        sums = [sum(figures[j][k] for j in leaves) for k in options]
        if not any(sums):
            continue
        if sums != figures[n]:
            if len(parts) >= 2:
                partial.append(n)
        else:
            marked[n] = leaves
    if not any(len(leaves) >= 2 for leaves in marked.values()):
        marked = {}
    return marked, partial


def units_aside(
    label: str, records: list[Record], columns: ColumnMap, found: Found
) -> list[Record]:
    """A race's records without the units of zero codes that total other units (module doc), with
    a `total-row` warning; where one does not hold their sum, the race is refused (a
    `total-mismatch` error) and its records returned as they are."""
    if not columns.unit_parts or len(columns.unit_parts) + 1 > ZERO_CODES_AT_MOST:
        return records
    units: dict[tuple[str, str], dict[str, int]] = {}
    lines: dict[tuple[str, str], list[int]] = {}
    for record in records:
        at = (record.row.region or "", record.row.unit or "")
        lines.setdefault(at, []).append(record.line)
        if record.row.fact is None:
            by_option = units.setdefault(at, {})
            key = option_key(record.row.candidate)
            by_option[key] = by_option.get(key, 0) + (record.votes or 0)
    places = list(units)
    keys = [k for region, unit in places if (k := _key(region, unit)) is not None]
    names = sorted({key for votes in units.values() for key in votes})
    if len(places) <= PLACES_MORE_THAN or len(keys) < len(places) or len(names) < 2:
        return records
    under = below(keys) if any("" in k[1:] for k in keys) else None  # (k[0]: the region)
    if under is None:
        return records
    figures = [[units[p].get(name, 0) for name in names] for p in places]
    marked, partial = totals(under, figures)
    headers = [columns.header[i] for i in columns.unit_parts]
    said = SEPARATOR.join([*headers, columns.header_of("unit") or "unit"])
    if partial and not marked:
        # No unit holds the sum of those below it: no level is evident (a town's `0000` units
        # of its absentee votes beside its precincts), the units are places as they are.
        return records
    if partial:
        n = min(partial, key=lambda m: len(under[m]))
        found.add(
            Code.TOTAL_MISMATCH,
            lines[places[n]][0],
            f"the codes of {said!r} tell levels of units, zeros standing for all: "
            f"{places[n][1]!r} is above {len(under[n])} units but does not hold the sum of those "
            "of them at the finest level, option by option: a breakdown of part of it, or rows "
            f"missing (election {label!r}). Counted with its parts, its votes would count twice "
            f"or more; {_advice(places, keys, columns.header_of('unit') or 'unit')}",
            column=columns.header_of("unit"),
        )
        return records
    if not marked:
        return records
    aside = {places[n] for n in marked}
    shown = sorted(line for at in aside for line in lines[at])
    found.warn(
        Code.TOTAL_ROW,
        shown[0],
        f"{len(aside):,} units whose codes ({said!r}) are other units' with zeros for all "
        f"({', '.join(repr(places[n][1]) for n in sorted(marked)[:3])}"
        f"{' …' if len(marked) > 3 else ''}) each hold the sum of the units below them, option "
        f"by option: totals, set aside, not added to their parts (election {label!r}; "
        f"{rows_text(len(shown))}: {lines_text(shown)}); the race is counted from the "
        f"{len(places) - len(aside):,} others.",
        column=columns.header_of("unit"),
    )
    return [r for r in records if (r.row.region or "", r.row.unit or "") not in aside]


def _advice(places: list[tuple[str, str]], keys: list[tuple[str, ...]], unit: str) -> str:
    """How to count a race whose levels do not add up: from its unit of all zeros alone, by the
    unit column, which holds the joined codes (`--where` reads no column of them alone)."""
    top = [places[n][1] for n, k in enumerate(keys) if not any(k[1:])]
    if len(top) == 1:
        return (
            "count the race from the unit of all zeros alone: "
            f"--where {shlex.quote(f'{unit}={top[0]}')}"
        )
    return "leave out the units of all levels but one (--where)"


def _key(region: str, unit: str) -> tuple[str, ...] | None:
    """A unit's codes (its region first, as a code that is never all), zeros made ""; None when
    a part is no code (a blank part, a name)."""
    parts = unit.split(SEPARATOR)
    if len(parts) < 2 or not all(map(_code, parts)):
        return None
    return (region, *(unless_zeros(p) for p in parts))


def _code(part: str) -> bool:
    """Whether a unit's part is a code: digits, or letters and digits (the CEC's villages of
    indigenous townships, `A005`), no blank part (`BLANK_PART`) nor a name."""
    return part.isascii() and part.isalnum() and any(c.isdigit() for c in part)
