"""A block's precincts and race cells as numbers, for `raceunits.RaceUnits.agreeing_codes`.

pyarrow hands a block's distinct (precinct cells, race cells, count cells) combinations over as, per
column, each combination's code into the column's distinct cells (`blocks.BlockSums.unit_facts`).
A file of races sorted by race (Florida's) has some 90,000 combinations a block (a precinct once
for each of its races), which a Python loop took one at a time: about a second of CPU in a file of
a million rows. Here numpy groups them: each distinct precinct with its counts (some 40,000 a
block) and each distinct pair of race cells and region (a few hundred) is made Python objects once,
and each pair's (precinct number, line) pairs are handed over as one buffer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from pollcli.read.unitfacts import NoPrecinct, UnitKey

# Codes joined into one number stay below this (int64), or are numbered again first.
_JOINED_LIMIT = 1 << 40
# A precinct's election, region and precinct texts' numbers, 21 bits each, joined in one int64.
_TEXT_BITS = 21
_TEXT_LIMIT = (1 << _TEXT_BITS) - 1


@dataclass(frozen=True)
class BlockCodes:
    """A block's combinations grouped: by precinct and counts (`precincts`), and by race cells
    and region (`pairs`)."""

    np: Any
    texts: list[list[str]]  # each column's distinct texts (cleaned; the election defaulted)
    codes: list[Any]  # each column's codes into them, one a combination (numpy int64)
    lines: Any  # each combination's first line (numpy int64)
    election_at: int
    region_at: int
    unit_at: int
    race_at: list[int]
    counts: list[int]  # the count columns
    group: Any  # each combination's precinct-and-counts group, numbered by first combination
    firsts: Any  # each group's first combination

    def _cells(self, columns: list[int], rows: Any) -> list[list[str]]:
        """The texts of `columns` at the combinations `rows` (numpy), by column."""
        return [
            [texts[code] for code in self.codes[c][rows].tolist()]
            for c, texts in ((c, self.texts[c]) for c in columns)
        ]

    def precincts(self, groups: Any = None) -> Iterator[tuple[UnitKey, tuple[str, ...], int]]:
        """Each distinct precinct and counts as (election, region, precinct), counts (blank ""),
        line of its first combination: in the order of the combinations, as a loop meets them
        (`groups`: only those groups, numpy, in their order)."""
        firsts = self.firsts if groups is None else self.firsts[groups]
        election, region, unit, *counts = self._cells(
            [self.election_at, self.region_at, self.unit_at, *self.counts], firsts
        )
        lines = self.lines[firsts].tolist()
        values = zip(*counts, strict=True) if counts else repeat((), len(lines))
        units = zip(election, region, unit, strict=True)
        for key, value, line in zip(units, values, lines, strict=True):
            yield key, tuple(value), line

    def pairs(self, numbers: Sequence[int]) -> Iterator[tuple[tuple[tuple[str, ...], str], bytes]]:
        """Each distinct (race cells with the election first, region) in the order of the
        combinations, with its combinations' (precinct number, line) pairs as int64 bytes, in
        their order; `numbers`: each group's precinct number (`precincts`' order)."""
        np = self.np
        columns = [self.election_at, *self.race_at, self.region_at]
        pair, firsts = _numbered(np, [self.codes[c] for c in columns], self.lines)
        number = np.asarray(numbers, dtype=np.int64)[self.group]
        order = np.argsort(pair, kind="stable")
        ends = np.cumsum(np.bincount(pair, minlength=len(firsts))).tolist()
        both = np.empty((len(order), 2), dtype=np.int64)
        both[:, 0], both[:, 1] = number[order], self.lines[order]
        start = 0
        for cells, end in zip(zip(*self._cells(columns, firsts), strict=True), ends, strict=True):
            yield (cells[:-1], cells[-1]), both[start:end].tobytes()
            start = end


@dataclass
class PrecinctIndex:
    """The precincts numbered so far, as numbers: each by its election, region and precinct
    texts' numbers (`texts`, in turn) joined into one int64, sorted (`keys`), with its number.
    A block's precincts are then looked up by numpy (`look_up`), Python objects made only for
    the texts and precincts it has not seen (a precinct is in some 10 blocks of Florida's file)."""

    texts: tuple[dict[str, int], ...] = field(default_factory=lambda: ({}, {}, {}))
    keys: Any = None
    numbers: Any = None

    def look_up(self, block: BlockCodes) -> tuple[Any, Any] | None:
        """Each precinct group's joined key and number (-1: not known): numpy; None when a
        column has more distinct texts than a key holds (the caller looks each up itself)."""
        np = block.np
        key = np.zeros(len(block.firsts), dtype=np.int64)
        for column, known in zip(
            (block.election_at, block.region_at, block.unit_at), self.texts, strict=True
        ):
            texts = block.texts[column]
            ids = np.fromiter(
                (known.setdefault(t, len(known)) for t in texts), dtype=np.int64, count=len(texts)
            )
            if len(known) > _TEXT_LIMIT:
                return None
            key = (key << _TEXT_BITS) | ids[block.codes[column][block.firsts]]
        numbers = np.full(len(key), -1, dtype=np.int64)
        if self.keys is not None and len(self.keys):
            at = np.minimum(np.searchsorted(self.keys, key), len(self.keys) - 1)
            hit = self.keys[at] == key
            numbers[hit] = self.numbers[at[hit]]
        return key, numbers

    def add(self, np: Any, keys: Any, numbers: Any) -> None:
        """Precincts newly numbered (their joined keys, numpy, each once and not known)."""
        order = np.argsort(keys)
        keys, numbers = keys[order], numbers[order]
        if self.keys is None:
            self.keys, self.numbers = keys, numbers
            return
        at = np.searchsorted(self.keys, keys)
        self.keys, self.numbers = (
            np.insert(self.keys, at, keys),
            np.insert(self.numbers, at, numbers),
        )


def of_block(
    columns: list[tuple[Any, list[str]]],
    lines: Any,
    precinct_columns: Sequence[str],
    race_columns: Sequence[str],
    default_election: str,
) -> BlockCodes | None:
    """The block's combinations grouped; None for a block of none. `NoPrecinct` for one that
    names no region or no precinct."""
    if not len(lines):
        return None
    import numpy as np

    at = {c: i for i, c in enumerate(precinct_columns)}
    election_at = at.get("election")
    if "region" not in at:
        raise NoPrecinct  # precincts of no region (`--unit COL` alone): the exact engine's
    region_at, unit_at = at["region"], at["unit"]
    texts: list[list[str]] = []
    codes: list[Any] = []
    for index, (column, cells) in enumerate(columns):
        if index == election_at:
            cells = [cell or default_election for cell in cells]
        # Cells that clean to one text are one code (` P1` and `P1`).
        known: dict[str, int] = {}
        canonical = np.fromiter(
            (known.setdefault(cell, len(known)) for cell in cells), dtype=np.int64, count=len(cells)
        )
        texts.append(list(known))
        codes.append(canonical[column])
    for index in (region_at, unit_at):
        blank = texts[index].index("") if "" in texts[index] else -1
        if blank >= 0 and bool((codes[index] == blank).any()):
            raise NoPrecinct
    counts = list(range(len(precinct_columns), len(columns)))
    if election_at is None:  # every row the file's election
        texts.append([default_election])
        codes.append(np.zeros(len(lines), dtype=np.int64))
        election_at = len(texts) - 1
    grouped = [election_at, region_at, unit_at, *counts]
    group, firsts = _numbered(np, [codes[c] for c in grouped], lines)
    return BlockCodes(
        np=np,
        texts=texts,
        codes=codes,
        lines=lines,
        election_at=election_at,
        region_at=region_at,
        unit_at=unit_at,
        race_at=[at[c] for c in race_columns],
        counts=counts,
        group=group,
        firsts=firsts,
    )


def _numbered(np: Any, columns: list[Any], lines: Any) -> tuple[Any, Any]:
    """Each combination's group by `columns` (numpy codes), the groups numbered in the order of
    their first combinations, and each group's first combination."""
    joined = np.zeros(len(lines), dtype=np.int64)
    size = 1
    for column in columns:
        width = int(column.max()) + 1 if len(column) else 1
        if size * width >= _JOINED_LIMIT:
            distinct, joined = np.unique(joined, return_inverse=True)
            size = len(distinct)
        joined = joined * width + column
        size *= width
    _, firsts, inverse = np.unique(joined, return_index=True, return_inverse=True)
    order = np.argsort(firsts, kind="stable")  # groups by their first combination
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return rank[inverse.reshape(-1)], firsts[order]
