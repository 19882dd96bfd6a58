"""The streaming engine's keys of a block made parts (`keysums.KeySums.part`), for the merge.

Two ways. A file of no region and no unit whose party is set apart (10,000 races of their own
candidates, `election,candidate,party,votes`: each key its option alone) takes its parts a column
at a time: each distinct election, party and name cell of the block read once, each key's part
looked up by those numbers packed (`OptionCells.column_parts`), no Python object made per key,
and the keys added at once where all are new (`KeySums.add_new`; their options counted a race at
a time, `OptionCount.add_all`). Any other file, key by key: its cells validated once
(`OptionCells.part`), its region read once a block, a unit that may be a total kept apart with
its rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pollcli.read.cellsplit import clean_cell

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from pollcli.read.blocks import BlockSums
    from pollcli.read.keysums import KeySums
    from pollcli.read.limits import OptionCount
    from pollcli.read.optioncells import OptionCells

# A key to add: (part, region, unit kept apart, whether kept apart, first line, votes).
Pending = tuple[int, str | None, str | None, bool, int, int]
# A block's keys by column: their parts, and whether each is new.
Numbered = tuple[list[int], bool]


@dataclass
class BlockKeys:
    """A block's keys made parts, by column or key by key, and added to the sums."""

    options: OptionCells
    sums: KeySums
    options_met: OptionCount
    region_at: int | None
    place: Callable[[str], str | None]  # (a region cell read: `CellReader.place`)
    summed_units: bool

    def parts(
        self, summed: BlockSums, groups: Iterable[int], line: int, texts: dict[bytes, str]
    ) -> tuple[Numbered | None, list[Pending]] | None:
        """The block's keys by column (where it has all of them: `groups` is the block cut at
        the bound on options, or whole), or else one by one; None when the block needs the
        exact stages (a repeated row, a cell with a problem). `texts`: cells decoded so far."""
        if self.options.by_column and groups == range(len(summed.firsts)):
            if max(summed.counts, default=1) > 1:
                return None  # a repeated row: the exact stages name every line
            numbered = self.options.column_parts(summed.keys, summed.firsts, line, texts)
            return None if numbered is None else (numbered, [])
        pending = self._by_key(summed, groups, line, texts)
        return None if pending is None else (None, pending)

    def add(self, numbered: Numbered, summed: BlockSums, line: int) -> tuple[bool, list[Pending]]:
        """The keys by column added at once where all are new: whether a race is now past the
        bound on options; else the keys, to add one by one (`add` names a repeat's lines)."""
        parts, new = numbered
        lines = list(map(line.__add__, summed.firsts))
        if not new:
            return False, [
                (part, None, None, False, first, votes)
                for part, first, votes in zip(parts, lines, summed.totals, strict=True)
            ]
        self.sums.add_new(parts, lines, summed.totals)
        past = False
        for (election, facts, party), names in self.sums.races_of(parts).items():
            past |= self.options_met.add_all(election, dict(facts), names, party)
        return past, []

    def _by_key(
        self, summed: BlockSums, groups: Iterable[int], line: int, texts: dict[bytes, str]
    ) -> list[Pending] | None:
        pending: list[Pending] = []
        keys = list(zip(*summed.keys, strict=True))
        at, place = self.region_at, self.place
        # Each cell read once a block: a party, an election or a region is one text in its keys.
        regions: dict[bytes, str | None] = {}
        for index in groups:
            first = summed.firsts[index]
            if summed.counts[index] > 1 and not self.summed_units:
                return None  # a repeated row: the exact stages name every line
            key = keys[index]
            part = self.options.part(key, line + first, texts)
            if part is None:
                return None
            held = summed.held[index] if summed.held else None
            try:
                region = None
                if at is not None:
                    if key[at] not in regions:
                        regions[key[at]] = place(key[at].decode("utf-8"))
                    region = regions[key[at]]
                # A unit that may be a total: its rows kept apart.
                aside = None if held is None else clean_cell(held.decode("utf-8")) or None
            except UnicodeDecodeError:
                return None
            pending.append(
                (part, region, aside, held is not None, line + first, summed.totals[index])
            )
        return pending
