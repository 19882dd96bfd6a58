"""Which races and regions `name_totals` looks at: where a unit is named after another, or where
one may hold the sum of the others named as it is; both engines read those row by row.

A unit is *named after* another when its name begins with the other's and a character that is no
letter or digit (`Auburn W5`, `Auburn City` after `Auburn`; not `Auburndale`, nor `AUBURN W5`):
`named_after`, over a region's names; the streaming engine keeps the beginnings of its units' names
as it reads (`NamesSeen`).

Where no unit is named after another, a city row may still total its wards (Maine 2020's `Brunswick
City` beside `Brunswick 07` … and no `Brunswick` row): `sibling_suspects`, a test of each unit's
votes in all (every row of it, as `sum_totals.suspected` counts them) against those of the units
that share a beginning of its name (three at least): the others' sum, or that less one unit's or
one longer name's. `name_totals` compares such a region's units option by option only where this
test holds, so that both engines (the exact one from its records, the streaming one from its
blocks' units) give one answer; a city row that leaves out a write-in line its wards list (votes
in all that differ) is then found only beside a town row.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from itertools import chain
from typing import Any, Final

from pollcli.read.cellsplit import clean_cell
from pollcli.read.total_places import SAME_SUM

# What ends the name a unit is named after: a character that is no letter or digit.
_SEPARATOR: Final[re.Pattern[str]] = re.compile(r"[\W_]")
# A unit whose sibling's sum it may hold shares a beginning of its name with this many units.
SIBLINGS: Final[int] = 3


def stems(name: str) -> list[str]:
    """The names `name` may be named after: its beginnings up to each character that is no letter
    or digit (`Auburn W1W2` → `Auburn`)."""
    name = name.strip()
    return [name[: m.start()] for m in _SEPARATOR.finditer(name) if m.start()]


def separated(name: str) -> bool:
    """Whether a name holds a character that is no letter or digit (it has beginnings: `stems`)."""
    return _SEPARATOR.search(name) is not None


def named_after(names: Iterable[str]) -> bool:
    """Whether one of `names` (distinct, cleaned) is named after another: a cheap test, in the
    usual file (`P66772`, no separator in any name) one test of the names joined."""
    listed = list(names)
    joined = "\n".join(listed)
    if joined.replace("\n", "").isalnum():
        return False  # no separator in any name
    beginnings = {s for n in listed if _SEPARATOR.search(n) for s in stems(n)}
    return not beginnings.isdisjoint(listed)


def sibling_suspects(units: Iterable[tuple[Hashable, str, int]]) -> set[Hashable]:
    """The groups (a race and region each) where a unit may hold the sum of units named as it is
    (`name_totals.sibling_totals`), from each unit's (group, name, votes in all), a unit once:
    it shares a beginning of its name with two units at least, holds `SAME_SUM` votes, and the
    units of that beginning hold twice its votes, or twice and the votes of one unit of the group
    or of all units of one beginning of a name (a town of a longer name, `Hampton Falls`, with its
    wards or not). Only names with a character that is no letter or digit are looked at."""
    stems_of: dict[str, list[str]] = {}
    by_stem: dict[tuple[Hashable, str], list[int]] = {}
    for group, name, votes in units:
        got = stems_of.get(name)
        if got is None:
            got = stems_of[name] = stems(name) if _SEPARATOR.search(name) else []
        for stem in got:
            by_stem.setdefault((group, stem), []).append(votes)
    dropped: dict[Hashable, set[int]] = {}  # per group, the votes one part may hold
    for (group, _), listed in by_stem.items():
        dropped.setdefault(group, set()).update((*listed, sum(listed)))
    found: set[Hashable] = set()
    for (group, _), listed in by_stem.items():
        if len(listed) < SIBLINGS or group in found:
            continue
        whole = sum(listed)
        held = dropped[group]
        for votes in listed:
            over = whole - 2 * votes
            if votes >= SAME_SUM and (over == 0 or (over > 0 and over in held)):
                found.add(group)
                break
    return found


def sibling_groups(np: Any, units: Any, groups: Any, stems: Any, votes: Any) -> Any:
    """`sibling_suspects` with numpy, for the engines' many units: a row per unit (its key, which
    holds its group's) and beginning of its name (`stems`: their numbers), a unit perhaps in
    several rows of one beginning (its rows in several blocks: their votes are added up). The
    groups it may find (never fewer than `sibling_suspects` over the same units: a group's
    figures are looked up by a hash of the group and the figure, which may only find more)."""
    if not units.size:
        return groups[:0]
    order = np.lexsort((stems, units))
    units, groups, stems, votes = units[order], groups[order], stems[order], votes[order]
    new = np.ones(units.size, dtype=bool)
    new[1:] = (units[1:] != units[:-1]) | (stems[1:] != stems[:-1])
    starts = np.flatnonzero(new)
    votes = np.add.reduceat(votes, starts)
    groups, stems = groups[starts], stems[starts]
    order = np.lexsort((stems, groups))
    groups, stems, votes = groups[order], stems[order], votes[order]
    new = np.ones(groups.size, dtype=bool)
    new[1:] = (groups[1:] != groups[:-1]) | (stems[1:] != stems[:-1])
    begins = np.flatnonzero(new)
    count = np.diff(np.append(begins, groups.size))
    whole = np.add.reduceat(votes, begins)
    over = np.repeat(whole, count) - 2 * votes
    chosen = (np.repeat(count, count) >= SIBLINGS) & (votes >= SAME_SUM) & (over >= 0)
    if not chosen.any():
        return groups[:0]
    # A figure of a group: a unit's votes (none above its group's largest) or a beginning's sum,
    # looked up by a hash of the group and the figure in sorted arrays (no `np.isin`: its hash
    # table of every unit cost 1.3 s over `florida`'s 665,000).
    firsts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    span = np.diff(np.append(firsts, groups.size))
    largest = np.repeat(np.maximum.reduceat(votes, firsts), span)
    sums = np.sort(_keyed(np, groups[begins], whole))
    near = chosen & (over > 0) & (over <= largest)
    # (Above its largest unit, a figure is another beginning's sum: none in a group of one.)
    several = np.repeat(np.add.reduceat(new.astype(np.int64), firsts) > 1, span)
    far = chosen & (over > largest) & several
    found = [
        groups[chosen & (over == 0)],
        groups[far][_among(np, _keyed(np, groups[far], over[far]), sums)],
    ]
    if near.any():
        held = np.sort(np.concatenate([_keyed(np, groups, votes), sums]))
        found.append(groups[near][_among(np, _keyed(np, groups[near], over[near]), held)])
    return np.unique(np.concatenate(found))


def _keyed(np: Any, groups: Any, figures: Any) -> Any:
    """A hash of each group and figure (64 bits: two pairs may share one, which finds more)."""
    return groups.astype(np.uint64) ^ (figures.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))


def _among(np: Any, keys: Any, held: Any) -> Any:
    """Whether each of `keys` is in `held` (sorted)."""
    if not held.size:
        return np.zeros(keys.size, dtype=bool)
    at = np.minimum(np.searchsorted(held, keys), held.size - 1)
    return held[at] == keys


def stem_table(names: Sequence[str | None], numbers: dict[str, int]) -> tuple[list[int], list[int]]:
    """Per name, how many beginnings it has (`stems`); and those beginnings' numbers, name after
    name (`numbers`: each beginning's, given as they are met)."""
    if "".join([n for n in names if n]).isalnum():  # (as `named_after`: no separator in any)
        return [0] * len(names), []
    counts: list[int] = []
    flat: list[int] = []
    for name in names:
        got = stems(name) if name and _SEPARATOR.search(name) else []
        counts.append(len(got))
        flat.extend(numbers.setdefault(stem, len(numbers)) for stem in got)
    return counts, flat


def expand(np: Any, cells: Any, counts: Any, flat: Any) -> tuple[Any, Any]:
    """For units named by `cells` (a name's number each), a row per beginning of its name: the
    unit's index and the beginning's number (`stem_table`'s `counts` and `flat`, as arrays)."""
    each = counts[cells]
    total = int(each.sum())
    rows = np.repeat(np.arange(cells.size), each)
    ends = np.cumsum(each)
    within = np.arange(total) - np.repeat(ends - each, each)
    starts = np.cumsum(counts) - counts
    return rows, flat[np.repeat(starts[cells], each) + within] if total else flat[:0]


class NamesSeen:
    """The streaming engine's units' names (their cells' bytes), block by block: which units are
    named after another (`held`, once the file is read). The beginnings of names are few
    (`Auburn`, `Precinct`) and kept as they are; the block's distinct names as 64-bit hashes, its
    units as `repeats.BlockUnits` (their cells: the number of each one's name). A collision of
    hashes reads a race and region again row by row, never sets a unit aside."""

    def __init__(self) -> None:
        self.stems: set[bytes] = set()
        self.blocks: list[tuple[Any, Any]] = []
        # Per block of `blocks`, its names' beginnings (`stems`: [] for a name without a
        # separator; None: no name has one), for `sibling_suspects`.
        self.texts: list[list[list[str]] | None] = []
        self.unmapped = False  # a block whose units name no cells: the exact engine reads it

    def add(self, names: list[bytes], cleaned: bool, units: Any) -> None:
        """A block's distinct unit cells as written (`cleaned`: cleaning changes one of them),
        and its units (`repeats.BlockUnits`, or None)."""
        import numpy as np

        if cleaned:
            names = [clean_cell(n.decode("utf-8", "replace")).encode("utf-8") for n in names]
        joined = b"\n".join(names)
        if _edge_space(joined):  # (`Auburn ` is the unit `Auburn`, as cleaned)
            names = [n.strip() for n in names]
            joined = b"\n".join(names)
        mapped = not (units is None or units.cells is None or units.groups is None)
        if mapped:
            self.blocks.append((np.fromiter(map(hash, names), np.int64, len(names)), units))
            self.texts.append(None)
        else:
            self.unmapped = self.unmapped or bool(names)
        if joined.replace(b"\n", b"").isalnum():
            return  # (ASCII letters and digits only: no separator)
        texts = joined.decode("utf-8", "replace").split("\n")
        if len(texts) != len(names):  # (a name over several lines)
            texts = [name.decode("utf-8", "replace") for name in names]
        # Each name's beginnings, found once: kept for `_siblings` (its `stem_table`).
        got = [stems(text) if _SEPARATOR.search(text) else [] for text in texts]
        self.stems.update(s.encode("utf-8") for s in set(chain.from_iterable(got)))
        if mapped:
            self.texts[-1] = got

    def held(self, np: Any) -> Any | None:
        """The hashes of the units of each race and region where a unit's name is a beginning of
        another's, or where a unit may hold its siblings' sum (`sibling_suspects`): read again
        row by row (beside `repeats.Repeats.sum_units`); None when a block's units cannot be told
        (the exact engine reads the file)."""
        none = np.zeros(0, dtype=np.uint64)
        if not self.stems:
            return none
        if self.unmapped:
            return None
        beginnings = np.fromiter(map(hash, self.stems), np.int64, len(self.stems))
        groups = [
            units.groups[np.isin(hashes, beginnings)[units.cells]] for hashes, units in self.blocks
        ]
        siblings = self._siblings()
        if siblings is None:
            return None
        if len(siblings):
            groups.append(siblings)
        chosen = np.unique(np.concatenate(groups)) if groups else none
        if not chosen.size:
            return none
        return np.unique(
            np.concatenate([u.hashes[np.isin(u.groups, chosen)] for _, u in self.blocks])
        )

    def _siblings(self) -> Any | None:
        """The groups where a unit may hold its siblings' sum (`sibling_groups`), each unit's
        votes summed over the blocks that hold its rows; None when a block kept no votes."""
        import numpy as np

        numbers: dict[str, int] = {}
        parts: list[tuple[Any, ...]] = []
        for (_, block), texts in zip(self.blocks, self.texts, strict=True):
            if texts is None:
                continue
            if block.votes is None:
                return None
            counts = list(map(len, texts))
            flat = [numbers.setdefault(stem, len(numbers)) for got in texts for stem in got]
            at, stem = expand(np, block.cells, np.array(counts, np.int64), np.array(flat, np.int64))
            parts.append((block.hashes[at], block.groups[at], stem, block.votes[at]))
        if not parts:
            return []
        units, groups, stems_, votes = (
            np.concatenate(column) for column in zip(*parts, strict=True)
        )
        return sibling_groups(np, units, groups, stems_, votes)


def _edge_space(joined: bytes) -> bool:
    """Whether a cell of `joined` (a block's names, one a line) has a space at either end, which
    cleaning strips (substring tests: a regular expression cost 17 ms more over 143k names, these
    2 ms)."""
    if joined[:1].isspace() or joined[-1:].isspace():
        return True
    return (
        b"\n " in joined
        or b" \n" in joined
        or any(c in joined for c in (b"\t", b"\r", b"\x0b", b"\x0c"))
    )
