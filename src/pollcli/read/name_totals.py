"""Units that are other units' totals by their names, or the same place listed twice.

Maine 2020 (OpenElections) lists a city whole (`Auburn`), as its wards (`Auburn W1W2`, `Auburn
W3W4`, `Auburn W5`, `Auburn ABS`) and as `Auburn City` (the wards' sum) in one county: no total
word, and no unit holds half its county (`sum_totals`), so every city was counted three times.

A unit is *named after* another when its name begins with the other's and a character that is no
letter or digit (`Auburn W5`, `Auburn City` after `Auburn`; not `Auburndale`, nor `AUBURN W5`).

Their candidates' votes are compared (blank and write-in lines aside: a total may leave them out).

- A unit that holds the figures of one named after it or that it is named after, option by option
  (either may list a write-in candidate the other counts among its other lines), is the same
  place listed twice (`same_places`): the later one is set aside, or the one named after the
  other where that one comes first (`Auburn City` before `Auburn`: `Auburn` is left to be judged
  its wards' total). Never by chance: it holds two candidates with votes and
  `total_places.SAME_SUM` votes at least.
- A unit whose figures equal, option by option, the sum of the units named after it (two at least,
  with votes; a write-in candidate of theirs it may count among its other lines, no more votes
  than those hold: `holds`), or of all of them but those of one longer name (a town named after
  it, `Livermore Falls` and its wards, beside `Livermore`'s wards), is their total
  (`named_totals`), set aside; longer names first, so that a ward's total is set aside before
  the city's.
- A unit that holds the sum of the other units named as it is (`Portland City` beside `Portland
  1-1` … `Portland CP`), or of all of them but those of one longer name (a town named after it,
  `Livermore Falls` and its wards, beside `Livermore City`; `Hampton Falls` alone, beside
  `Hampton City` and `Hampton W1`, `Hampton W2`), is their total (`sibling_totals`), set aside.

Each with a `total-row` warning, in the totals stage (`breakdowns.stage`), before a county's total
row is checked against its parts and before `sum_totals`. Which regions are looked at is
`name_pairs`': where units' names hold such a pair (`named_after`), or where a unit's votes in all
are those of the others named as it is, all or all but one unit or longer name
(`sibling_suspects`: Maine 2020's `Brunswick City` beside `Brunswick 07` … with no `Brunswick`
row, in a county of no pair of names; there a unit named as a total, `Auburn · Total`, or that holds
every other unit's sum, `Falmouth · -`, is left to the totals stage and `sum_totals`, as before).
There the rows are read one by one: the exact engine's are not summed by region (`rowcolumns`),
and the streaming engine reads again, row by row, the units of each race and region that holds
one (`NamesSeen`, across its blocks, beside `sum_totals.suspected`). In a region of no pair of names, a city row whose votes in all differ
from its wards' (a write-in line it leaves out) is not looked at: counted.
"""

from __future__ import annotations

from collections.abc import Iterable

from pollcli.columns import option_key
from pollcli.dataclass import dataclass
from pollcli.problems import Code, Found
from pollcli.read.header import ColumnMap
from pollcli.read.name_pairs import named_after, separated, sibling_suspects, stems
from pollcli.read.records import Record
from pollcli.read.sum_totals import total_of
from pollcli.read.total_checks import lines_text, quoted_units, rows_text, unit_alone
from pollcli.read.total_places import SAME_SUM, SUMMED_UNITS, by_option, by_unit
from pollcli.read.total_words import suspect_record

Sums = dict[str, int]


def set_aside(label: str, records: list[Record], columns: ColumnMap, found: Found) -> list[Record]:
    """One election's records without the units that repeat another (`same_places`) or total
    those named after them (`named_totals`), with their rows of a fact; a warning for each."""
    if "unit" not in columns.present:
        return records
    by_region, facts = by_unit(records)
    aside: set[int] = set()
    for region, units in by_region.items():
        if len(units) < 2 or SUMMED_UNITS in units:
            continue
        sums: dict[str, Sums] = {}
        rest = {
            u: sum(r.votes or 0 for r in g if r.row.kind != "candidate") for u, g in units.items()
        }
        for unit, group in units.items():
            # Its candidates' votes: a total may leave out the blank and write-in lines its parts
            # list (Maine's `Auburn` gives `others`, its `Auburn City` `Write-ins`).
            got = by_option(r for r in group if r.row.kind == "candidate")
            if got is not None:
                sums[unit] = {k: v for k, v in got.items() if v}
        judged: frozenset[str] = frozenset()  # (units the totals stage judges: no siblings')
        if not named_after(sums):
            if not sibling_suspects(
                (region, u, _in_all(sums.get(u), rest[u], g))
                for u, g in units.items()
                if separated(u)
            ):
                continue  # (no unit named after another, nor one of its siblings' sum: the usual)
            judged = frozenset(u for u, g in units.items() if suspect_record(g[0])) | _whole(units)
        names = Names.of(sums)
        said: list[tuple[str, str]] = []
        for unit, twin in same_places(sums, rest, units, names):
            said.append(
                (
                    unit,
                    f"exactly the figures of {twin!r}{_at(units[twin])}, option by "
                    "option: the same place listed twice, the "
                    + (
                        "later"
                        if _line(units[unit]) > _line(units[twin])
                        else "one named after the other"
                    )
                    + " set aside",
                )
            )
            del sums[unit]
        for unit, parts in named_totals(sums, rest, units, names):
            said.append((unit, f"the sum of the units named after it ({quoted_units(parts)})"))
            del sums[unit]
        for unit, parts in sibling_totals(sums, rest, units, names, judged):
            said.append(
                (unit, f"the sum of the other units named as it is ({quoted_units(parts)})")
            )
            del sums[unit]
        for unit, why in said:
            if not why.startswith("exactly"):
                why = f"exactly, option by option, {why}: their total, set aside, not added to its parts"
            _warn(label, region, unit, units[unit], why, columns, found)
            aside |= {id(r) for r in (*units[unit], *facts.get((region, unit), []))}
    return [r for r in records if id(r) not in aside] if aside else records


@dataclass
class Names:
    """Which units of a region are named after which: per unit, the units it is named after
    (`after`), those named after it (`named`); per beginning of a name, the units that begin
    with it (`by_stem`)."""

    after: dict[str, list[str]]
    named: dict[str, list[str]]
    by_stem: dict[str, list[str]]

    @classmethod
    def of(cls, units: Iterable[str]) -> Names:
        listed = list(units)
        present = set(listed)
        after: dict[str, list[str]] = {}
        named: dict[str, list[str]] = {}
        by_stem: dict[str, list[str]] = {}
        for unit in listed:
            for stem in stems(unit):
                by_stem.setdefault(stem, []).append(unit)
                if stem in present:
                    after.setdefault(unit, []).append(stem)
                    named.setdefault(stem, []).append(unit)
        return cls(after, named, by_stem)


def same_places(
    sums: dict[str, Sums], rest: dict[str, int], units: dict[str, list[Record]], names: Names
) -> list[tuple[str, str]]:
    """(unit, the unit it repeats) for each unit that holds the figures of an earlier one it is
    named after or that is named after it (`holds`, one way or the other), two candidates with
    votes and SAME_SUM votes at least: the later one, or the one named after the other."""
    earlier: set[str] = set()
    found: list[tuple[str, str]] = []
    for unit in sorted(sums, key=lambda u: _line(units[u])):
        votes = sums[unit]
        if sum(votes.values()) < SAME_SUM or not _candidates(units[unit]):
            continue
        related = [*names.after.get(unit, ()), *names.named.get(unit, ())]
        twin = min(
            (
                u
                for u in related
                if u in earlier
                and (holds(votes, rest[unit], sums[u]) or holds(sums[u], rest[u], votes))
            ),
            key=lambda u: _line(units[u]),
            default=None,
        )
        if twin is None:
            earlier.add(unit)
        elif twin in names.named.get(unit, ()):
            # The earlier one is named after this one (`Auburn City` before `Auburn`): it is set
            # aside, this one kept, as in the usual order, for `named_totals` to judge (the
            # city's row, compared with every unit named as it is, holds no sum of them where a
            # town of a longer name lists its own wards: `Livermore Falls W1` …).
            found.append((twin, unit))
            earlier.discard(twin)
            earlier.add(unit)
        else:
            found.append((unit, twin))
    return found


def named_totals(
    sums: dict[str, Sums], rest: dict[str, int], units: dict[str, list[Record]], names: Names
) -> list[tuple[str, list[str]]]:
    """(unit, its parts) for each unit that holds (`holds`) the sum of the units named after it
    (two at least, with votes); longer names first, a total found leaving the units it is a part
    of."""
    left = dict(sums)
    found: list[tuple[str, list[str]]] = []
    for unit in sorted((u for u in sums if u in names.named), key=len, reverse=True):
        votes = left[unit]
        if sum(votes.values()) < SAME_SUM or not _candidates(units[unit]):
            continue
        parts = [u for u in names.named[unit] if left.get(u)]
        if len(parts) < 2:
            continue
        held = _parts_held(unit, votes, rest[unit], parts, left)
        if held is not None:
            found.append((unit, sorted(held, key=lambda u: _line(units[u]))))
            del left[unit]
    return found


def _parts_held(
    unit: str, votes: Sums, rest: int, parts: list[str], left: dict[str, Sums]
) -> list[str] | None:
    """The `parts` whose sum `unit` holds (`holds`): all of them, or all but those of one longer
    name (a town named after it, `Livermore Falls`, with its wards `Livermore Falls W1` …, listed
    or not, beside `Livermore` and its wards); None if neither."""
    whole = _summed(left[u] for u in parts)
    if holds(votes, rest, whole):
        return parts
    groups: dict[str, list[str]] = {}
    for part in parts:
        longer = next((s for s in stems(part) if len(s) > len(unit)), part)
        groups.setdefault(longer, []).append(part)
    for group in groups.values():
        if len(parts) - len(group) < 2:
            continue
        if holds(votes, rest, _nonzero(_less(whole, (left[part] for part in group)))):
            return [u for u in parts if u not in group]
    return None


def _less(whole: Sums, taken: Iterable[Sums]) -> Sums:
    """`whole` less each of `taken`, option by option."""
    less = dict(whole)
    for sums in taken:
        for key, count in sums.items():
            less[key] = less.get(key, 0) - count
    return less


def _nonzero(sums: Sums) -> Sums:
    return {key: count for key, count in sums.items() if count}


def sibling_totals(
    sums: dict[str, Sums],
    rest: dict[str, int],
    units: dict[str, list[Record]],
    names: Names,
    judged: frozenset[str] = frozenset(),
) -> list[tuple[str, list[str]]]:
    """(unit, its parts) for each unit named after a name that holds (`holds`) the sum of the
    other units named after it (two at least, those named after the unit aside): Maine's
    `Portland City` beside `Portland 1-1` … `Portland CP`, whose town row `Portland` differs.
    Each unit against the sum of its group less its own (and its parts'), so a group of many
    units costs no more than its units. `judged`: units not judged here (a `Total` row in a region
    of no pair of names, which the totals stage sets aside as it always has)."""
    left = dict(sums)
    found: list[tuple[str, list[str]]] = []
    for stem in sorted(names.by_stem, key=len, reverse=True):
        group = [u for u in names.by_stem[stem] if u in left]
        if len(group) < 3 or not all(left[u] for u in group):
            continue
        whole = _summed(left[u] for u in group)
        families = _families(stem, group)
        alike: dict[frozenset[tuple[str, int]], list[str]] = {}  # (units by their figures)
        for unit in group:
            alike.setdefault(frozenset(left[unit].items()), []).append(unit)
        for unit in group:
            votes = left.get(unit)
            if (
                votes is None
                or unit in judged
                or sum(votes.values()) < SAME_SUM
                or not _candidates(units[unit])
            ):
                continue
            inside = [u for u in names.named.get(unit, ()) if u in left and u in group]
            parts = [u for u in group if u in left and u != unit and u not in inside]
            if len(parts) < 2:
                continue
            others = _less(whole, (votes, *(left[u] for u in inside)))
            kept = _kept(votes, rest[unit], others, parts, families, left) or _but_one(
                votes, rest[unit], others, parts, alike
            )
            if kept is not None:
                found.append((unit, sorted(kept, key=lambda u: _line(units[u]))))
                del left[unit]
                whole = _summed(left[u] for u in group if u in left)
    return found


def _families(stem: str, group: list[str]) -> list[set[str]]:
    """The units of `group` (all named after `stem`) of each longer name two or more share: a town
    named as they are and its wards (`Livermore Falls`, `Livermore Falls W1` beside `Livermore
    City`), a ward's precincts (`Portland 1-1`, `Portland 1-2`)."""
    by_name: dict[str, set[str]] = {}
    for unit in group:
        longer = next((s for s in stems(unit) if len(s) > len(stem)), unit)
        by_name.setdefault(longer, set()).add(unit)
    return [family for family in by_name.values() if len(family) > 1]


def _kept(
    votes: Sums,
    rest: int,
    others: Sums,
    parts: list[str],
    families: list[set[str]],
    left: dict[str, Sums],
) -> list[str] | None:
    """The `parts` whose sum (`others`) the unit holds: all of them, or all but one family of a
    longer name (`_families`) none of whose units is the unit's own; None if neither."""
    if holds(votes, rest, _nonzero(others)):
        return parts
    inside = set(parts)
    for family in families:
        dropped = family & inside
        if len(dropped) != len(family) or len(parts) - len(dropped) < 2:
            continue  # (the unit's own family, or one of its parts': no town of its own)
        if holds(votes, rest, _nonzero(_less(others, (left[unit] for unit in dropped)))):
            return [u for u in parts if u not in dropped]
    return None


def _but_one(
    votes: Sums,
    rest: int,
    others: Sums,
    parts: list[str],
    alike: dict[frozenset[tuple[str, int]], list[str]],
) -> list[str] | None:
    """The `parts` but one whose sum the unit holds: a town of a longer name listed whole, no
    wards of its own (`Hampton Falls` beside `Hampton City` and `Hampton W1`, `Hampton W2`), the
    one unit of `parts` whose figures (`alike`: the group's units by their figures) are what
    `others` holds over the unit's; None if none is, or fewer than two parts would be left."""
    if len(parts) < 3:
        return None
    over = {k: v - votes.get(k, 0) for k, v in others.items()}
    if any(v < 0 for v in over.values()):
        return None
    held = frozenset((k, v) for k, v in over.items() if v)
    inside = set(parts)
    for unit in alike.get(held, ()):
        if unit in inside:
            less = {k: v - dict(held).get(k, 0) for k, v in others.items()}
            if holds(votes, rest, {k: v for k, v in less.items() if v}):
                return [u for u in parts if u != unit]
    return None


def _summed(all_sums: Iterable[Sums]) -> Sums:
    whole: Sums = {}
    for votes in all_sums:
        for key, count in votes.items():
            whole[key] = whole.get(key, 0) + count
    return whole


def _line(records: list[Record]) -> int:
    return min(r.line for r in records)


def holds(votes: Sums, rest: int, other: Sums) -> bool:
    """Whether a unit's candidates' `votes` are `other`'s, each as many: a candidate of `other`
    it does not list (a write-in: Maine's `Westbrook` gives `others` 2, its wards `Mark Charles`
    1) counted among its other lines, which hold `rest` votes, and no more than those."""
    extra = sum(count for key, count in other.items() if key not in votes)
    return extra <= rest and all(other.get(key) == count for key, count in votes.items())


def _whole(units: dict[str, list[Record]]) -> frozenset[str]:
    """The unit that holds the sum of every other unit of its region (`sum_totals.total_of`,
    every line of them), which `sum_totals` sets aside with its figures: none judged here."""
    every = {u: {k: v for k, v in (by_option(g) or {}).items() if v} for u, g in units.items()}
    total = total_of(every)
    return frozenset() if total is None else frozenset({total})


def _in_all(votes: Sums | None, rest: int, records: list[Record]) -> int:
    """A unit's votes in all, every row of it (`name_pairs.sibling_suspects`): its candidates'
    (`votes`, where they add up) and its other lines' (`rest`)."""
    if votes is None:
        return sum(r.votes or 0 for r in records)
    return sum(votes.values()) + rest


def _candidates(records: list[Record]) -> bool:
    """Two candidates with votes at least (write-ins, blank and void, a few each, alike by chance)."""
    held = {option_key(r.row.candidate) for r in records if r.row.kind == "candidate" and r.votes}
    return len(held) >= 2


def _at(records: list[Record]) -> str:
    return f" (line {min(r.line for r in records)})"


def _warn(
    label: str,
    region: str,
    unit: str,
    records: list[Record],
    why: str,
    columns: ColumnMap,
    found: Found,
) -> None:
    lines = sorted({line for r in records for line in (r.line, *r.same_cell_lines)})
    column = columns.header_of("unit") or "unit"
    where = f" ({columns.header_of('region') or 'region'} {region!r})" if region else ""
    alone = unit_alone(columns, region, unit)
    found.warn(
        Code.TOTAL_ROW,
        lines[0],
        f"{unit!r} in column {column!r}{where} holds {why} (election {label!r}; "
        f"{rows_text(len(lines))}: {lines_text(lines)}). Its figures, its rows alone: {alone}",
        column=columns.header_of("unit"),
    )
