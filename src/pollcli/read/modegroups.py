"""A mode column of TOTAL rows beside other modes, streamed where every precinct settles alike.

`modes.collapse` settles a precinct's option by its TOTAL row when it has one, its modes added up
when it has none, and checks the modes against the TOTAL row where it has both. The streaming
engine sums a region's precincts first, which settles the same count and says the same (no
warning, the modes checked against the TOTAL rows) when every precinct's option has a TOTAL row and
other modes, and they add up to it: the usual export of a county that gives both. So where the
head's rows mix TOTAL rows with other modes (`modes.mixed_in_head`), the workers keep, per block,
each precinct option's TOTAL rows and other modes summed (`ModeGroups.of_block`: a hash of its
cells without the mode, 32 bytes), and once the file is summed the groups of all blocks are added
up by hash (a precinct cut by a block's end, or spread through the file, is one group again):
where one lacks a TOTAL row or other modes, or they differ, or a block was read by the exact
stages, the file is the exact engine's (`unsettled`), as it was before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pollcli.read.arrowcodes import encoded
from pollcli.read.modes import by_precinct, is_total, mixed_in_head, spelt_apart

if TYPE_CHECKING:
    from pollcli.read.blocks import Layout
    from pollcli.read.header import ColumnMap
    from pollcli.read.records import Record
    from pollcli.read.repeats import Repeats


@dataclass
class ModeGroups:
    """Per block (as the workers append them): each group's hash, TOTAL votes, other votes and
    the numbers of its TOTAL and other rows."""

    mode_index: int
    group_indexes: tuple[int, ...]  # the cells that name a precinct's option, but the mode
    blocks: list[tuple[Any, Any, Any, Any, Any]] = field(default_factory=list)
    modes: set[bytes] = field(default_factory=set)

    def of_block(self, rows: Any, votes: str, np: Any) -> None:
        """A block's groups (run on the worker, `rows` its pyarrow table), appended."""
        count = rows.num_rows
        if not count:
            return
        value = np.zeros(count, dtype=np.uint64)
        for index in self.group_indexes:
            codes, cells = encoded(rows.column(f"c{index}"), np)
            hashes = np.fromiter(map(hash, cells), dtype=np.int64, count=len(cells))
            value = value * np.uint64(0x9E3779B97F4A7C15) + hashes.view(np.uint64)[codes]
        modes, distinct = encoded(rows.column(f"c{self.mode_index}"), np)
        self.modes.update(distinct)
        totals = np.array([is_total(m.decode("utf-8", "replace")) for m in distinct], dtype=bool)
        total = totals[modes]
        array = rows.column(votes).combine_chunks()
        counts = np.frombuffer(
            array.buffers()[1], dtype=np.int64, count=len(array), offset=array.offset * 8
        )
        order = np.argsort(value, kind="stable")
        value, total, counts = value[order], total[order], counts[order]
        starts = np.flatnonzero(np.concatenate(([True], value[1:] != value[:-1])))
        self.blocks.append(
            (
                value[starts],
                np.add.reduceat(np.where(total, counts, 0), starts),
                np.add.reduceat(np.where(total, 0, counts), starts),
                np.add.reduceat(total.astype(np.int64), starts),
                np.add.reduceat((~total).astype(np.int64), starts),
            )
        )

    def settled(self, np: Any) -> bool:
        """Whether every group of the file has a TOTAL row and other modes that add up to it."""
        if not self.blocks:
            return False
        value, *sums = (np.concatenate(column) for column in zip(*self.blocks, strict=True))
        order = np.argsort(value, kind="stable")
        value = value[order]
        starts = np.flatnonzero(np.concatenate(([True], value[1:] != value[:-1])))
        total, parts, with_total, with_parts = (np.add.reduceat(s[order], starts) for s in sums)
        return bool((with_total > 0).all() and (with_parts > 0).all() and (total == parts).all())


def watching(layout: Layout, columns: ColumnMap, head: Sequence[tuple[int, list[str]]]) -> Layout:
    """The layout whose workers keep each block's groups, when the head mixes TOTAL rows with
    other modes; else as it is."""
    index = columns.index("mode")
    if index is None or not mixed_in_head(head, index):
        return layout
    groups = tuple(sorted((set(layout.key_indexes) | set(layout.unit_indexes)) - {index}))
    return dataclasses.replace(layout, modes=ModeGroups(index, groups))


def unsettled(records: list[Record], layout: Layout, repeats: Repeats) -> bool:
    """Whether the summed records need their precincts (`modes.by_precinct`) and the groups do not
    show them all settled alike: a block read by the exact stages (whose rows the groups lack),
    a mode spelt two ways, a precinct's option without a TOTAL row or other modes, or modes that
    do not add up to their TOTAL row."""
    if not by_precinct(records):
        return False
    groups = layout.modes
    if groups is None or repeats.rows:
        return True
    import numpy as np

    spelt = {m.decode("utf-8", "replace").strip() for m in groups.modes}
    return spelt_apart(spelt - {""}) or not groups.settled(np)
