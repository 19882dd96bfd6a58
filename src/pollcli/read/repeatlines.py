"""The lines of a unit that lists an option twice (a precinct written twice), on the streaming engine.

Once a file is summed, `repeats.Repeats` may find a unit that lists an option twice with no party to
tell the rows apart. The exact engine names each such line (`duplicate-option`, an error of its
race) or adds up a unit's unnamed write-ins with a note (`assemble`); the streaming engine summed
the rows and cannot. Rather than hand the whole file over (11 s and 740 MiB a million rows), it
works out which units those are (`repeated_units`: their hashes, from the lists the blocks kept)
and reads the file a second time (`Again`), in the engine's own blocks: a block that holds rows of
one of them leaves those rows out of its sums (`blocks.BlockSums.alone`, `unithash.without_units`)
and they are read one by one by the exact stages at their lines, each a key of its own with its line
(`KeySums.add`, alone) — a record as the exact engine's, for the assembly to judge —, the other
rows summed as ever.
A file whose precincts carry counts (registered voters…) or with a `mode` column (a row per way of
voting) is still handed over; vote-mode columns beside the votes (Florida's) are not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pollcli.read.repeats import BlockUnits, Repeats, listed_rows, met_twice
from pollcli.read.unithash import unit_hash

if TYPE_CHECKING:
    from pollcli.election import Election
    from pollcli.problems import Problem
    from pollcli.read.blocks import Layout
    from pollcli.read.header import ColumnMap
    from pollcli.read.options import ReadOptions

Read = Callable[..., "tuple[list[Election], list[Problem]] | None"]


def repeated_units(np: Any, repeats: Repeats) -> Any:
    """The hashes (uint64, sorted, distinct) of the units that list an option twice with no party
    to tell the rows apart, as `Repeats.check` finds them: the rows of the blocks whose lists hold
    a repeat, and of the units met in two blocks (or read by the exact stages), looked at
    together."""
    rows = np.array(repeats.rows, dtype=np.uint64).reshape(-1, 3)
    twice = met_twice(np, repeats.blocks, rows)
    units, names, parties = [rows[:, 0]], [rows[:, 1]], [rows[:, 2].astype(np.uint32)]
    for block in repeats.blocks:
        found = (
            np.ones(block.hashes.size, dtype=bool)
            if block.repeat
            else np.isin(block.hashes, twice, assume_unique=True)
        )
        if not found.any():
            continue
        taken, sizes = listed_rows(np, block, found)
        units.append(np.repeat(block.hashes[found], sizes))
        names.append(block.names[taken])
        parties.append(block.parties[taken])
    unit, name, party = np.concatenate(units), np.concatenate(names), np.concatenate(parties)
    order = np.lexsort((party, name, unit))
    unit, name, party = unit[order], name[order], party[order]
    same = (unit[1:] == unit[:-1]) & (name[1:] == name[:-1])
    # Sorted by party within a name, a row without one (0) comes first, beside any other.
    clash = same & ((party[1:] == party[:-1]) | (party[:-1] == 0))
    return np.unique(unit[1:][clash])


@dataclass(frozen=True)
class Again:
    """The second reading of a file: the units whose rows are read one by one."""

    hashes: Any  # uint64, sorted
    unit_indexes: tuple[int, ...]
    # The second reading's blocks (None: the engine's own). A block holding a repeating unit is
    # summed but for that unit's rows, so it need not be small: 256 KiB blocks (when such a block
    # was read by the exact stages whole) took a file sorted by race 1.3 s of CPU against 0.7.
    block_bytes: int | None = None
    known: frozenset[int] = field(default=frozenset())

    def in_block(self, units: BlockUnits | None) -> bool:
        """Whether a block summed by pyarrow holds one of the units (then the exact stages read it)."""
        if units is None or not units.hashes.size:
            return False
        import numpy as np

        return bool(np.isin(units.hashes, self.hashes, assume_unique=True).any())

    def holds(self, cells: Sequence[str]) -> bool:
        """Whether a row (its cells, as the exact stages read them) is of one of the units."""
        return unit_hash([cells[i] for i in self.unit_indexes]) in self.known


def alone_row(again: Again | None, cells: Sequence[str]) -> bool:
    """Whether a row the exact stages read is a key of its own, with its line (`Again.holds`)."""
    return again is not None and again.holds(cells)


def read_again(
    read: Read,
    path: Path,
    name: str,
    options: ReadOptions,
    repeats: Repeats,
    layout: Layout,
    columns: ColumnMap,
    held: Any = None,
    twice: bool = True,
) -> tuple[list[Election], list[Problem]] | None:
    """The file read again by `read` (`stream.read_stream`) with the units that repeat an option
    (`twice`: some do), and the units `held` (hashes: of races where a unit may hold the others'
    sums, `sum_totals`), read row by row; None (the exact engine's) for precincts with counts or
    vote modes, whose rows apart would be read otherwise than the exact engine reads them."""
    if layout.unit_fact_indexes or not layout.unit_indexes or "mode" in columns.present:
        return None
    import numpy as np

    hashes = repeated_units(np, repeats) if twice else np.zeros(0, dtype=np.uint64)
    if held is not None and held.size:
        hashes = np.union1d(hashes, held)
    if not hashes.size:
        return None  # (never so: `Repeats.check` found one)
    again = Again(hashes, layout.unit_indexes, known=frozenset(int(h) for h in hashes.tolist()))
    return read(path, name, options, again=again)
