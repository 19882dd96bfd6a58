"""A race's counts per region from the rows of counts kept by precinct, with numpy (`read.countrows`).

`facts.region_counts` sums each race's precincts' counts into its regions and notes a count given by
some precincts only: given one precinct at a time (`CountUnits.given`), a file of 293 races of 1,500
precincts each walked 440,000 precincts' dictionaries in Python, a third of its reading. Here the
rows of counts are arrays by precinct number (`PrecinctCounts`, made once a file) and a race's
precincts an array of those numbers, so its tables (`facts.Tables`) are a few numpy operations a
count: the same sums, the same numbers of precincts giving each count, the same first lines, and the
regions and counts in the order the one-at-a-time walk meets them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pollcli.read.unitfacts import Tables


@dataclass(frozen=True)
class PrecinctCounts:
    """Every precinct's counts, by its number: per count (`facts`, in order), its value (-1 where
    the precinct gives none), line and place among the precinct's counts as its rows came; and
    each precinct's region, as a number into `regions`."""

    facts: list[str]
    values: Any  # int64, counts × precincts
    lines: Any  # int64, counts × precincts
    ranks: Any  # int64, counts × precincts
    region_of: Any  # int64 per precinct
    regions: list[str]
    # Per count, the values read as counts so far (sorted, numpy): each validated once a file,
    # not once a race (a file of 293 races validated 323,000 values one by one, 550 a race).
    counted: dict[int, Any] = field(default_factory=dict)

    def all_counts(
        self, slot: int, distinct: Any, number_of: Callable[[str, str], Any], np: Any
    ) -> bool:
        """Whether each of `distinct` (sorted values of the count `slot`, numpy) reads as itself:
        those not met before validated (`number_of`), the others known."""
        known = self.counted.get(slot)
        new = distinct if known is None else distinct[~np.isin(distinct, known)]
        key = self.facts[slot]
        if any(number_of(key, str(v)) != v for v in new.tolist()):
            return False
        self.counted[slot] = new if known is None else np.union1d(known, new)
        return True


def precinct_counts(
    rows: Sequence[int], facts: list[str], places: list[tuple[str, str]]
) -> PrecinctCounts:
    """The arrays of `rows` (precinct number, count's place in `facts`, votes, line: four numbers a
    row, each precinct's count once)."""
    import numpy as np

    table = np.asarray(rows, dtype=np.int64).reshape(-1, 4)
    number, fact, votes, line = table.T
    shape = (len(facts), len(places))
    values = np.full(shape, -1, dtype=np.int64)
    lines = np.zeros(shape, dtype=np.int64)
    ranks = np.zeros(shape, dtype=np.int64)
    values[fact, number] = votes
    lines[fact, number] = line
    # Each count's place among its precinct's, in the order of the rows (the rows are in order).
    order = np.lexsort((np.arange(number.size), number))
    starts = np.flatnonzero(np.diff(number[order], prepend=-1))
    place = np.arange(number.size) - np.repeat(starts, np.diff(np.append(starts, number.size)))
    ranks[fact[order], number[order]] = place
    names: dict[str, int] = {}
    region_of = np.fromiter(
        (names.setdefault(region, len(names)) for region, _ in places),
        dtype=np.int64,
        count=len(places),
    )
    return PrecinctCounts(facts, values, lines, ranks, region_of, list(names))


def tables(
    counts: PrecinctCounts, numbers: Any, number_of: Callable[[str, str], Any]
) -> Tables | None:
    """`facts.region_counts`' tables for a race of these precincts (numbers, in the order of their
    first rows in it; each gives a count); None where a value is no count (`region_counts` then
    names its line)."""
    import numpy as np

    region = counts.region_of[numbers]
    regions, first_at, per_region = np.unique(region, return_index=True, return_counts=True)
    order = np.argsort(first_at, kind="stable")
    names = [counts.regions[r] for r in regions[order].tolist()]
    units = dict(zip(names, per_region[order].tolist(), strict=True))
    # Each (region, count) as the walk meets it: its first precinct's place, its place there.
    found: list[tuple[int, int, str, str, int, int, int]] = []
    for slot, key in enumerate(counts.facts):
        values = counts.values[slot][numbers]
        given = np.flatnonzero(values >= 0)
        if not given.size:
            continue
        if not counts.all_counts(slot, np.unique(values[given]), number_of, np):
            return None  # (a ValidationError, or another number: named line by line)
        where = region[given]
        sums = np.zeros(counts.region_of.max(initial=0) + 1, dtype=np.int64)
        np.add.at(sums, where, values[given])
        giving = np.bincount(where, minlength=sums.size)
        first_line = np.full(sums.size, np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(first_line, where, counts.lines[slot][numbers][given])
        met, first = np.unique(where, return_index=True)
        ranks = counts.ranks[slot][numbers][given[first]]
        for r, at, rank in zip(met.tolist(), given[first].tolist(), ranks.tolist(), strict=True):
            name = counts.regions[r]
            found.append((at, rank, name, key, int(giving[r]), int(first_line[r]), int(sums[r])))
    found.sort(key=lambda item: (item[0], item[1]))
    totals: dict[str, dict[str, int]] = {name: {} for name in names}
    given_by: dict[str, dict[str, list[int]]] = {name: {} for name in names}
    met_order = []
    for _, _, name, key, count, line, total in found:
        totals[name][key] = total
        given_by[name][key] = [count, line]
        met_order.append((name, key))
    return totals, given_by, units, met_order
