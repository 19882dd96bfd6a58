"""An option listed twice in one precinct of a big file, found without keeping the rows.

The streaming engine sums a precinct's rows into its region, so a repeated row (the same option twice
in one unit: an export that doubled a precinct) would be summed silently. The worker that parses a
block (`of_block`) gives each of its units a 64-bit hash (election, race, region and unit cells,
cleaned as the exact engine cleans them) and each row its option's name (as the exact engine compares
names) and party as numbers. The rows of a unit, in their order, are its *list*; the units of a
precinct file list one race's options alike, so a block keeps each distinct list once, and per unit
only its hash and the number of its list: memory follows the precincts, not the rows (9–12 bytes a
unit). A list that holds a name twice with no party to tell the rows apart (two candidates of one
name, or one candidate's party lines: the assembly tells which, for both engines) is a repeat within
the block; a unit found in two blocks (a precinct cut by a block's end, or spread through an unsorted
file) has its lists looked at together at the end (`Repeats.check`). A repeat has the file read
again, the rows of the units that repeat one by one, for the assembly to name every line
(`read.repeatlines`).

Lists are told apart by a hash of their rows, then compared row by row, so a collision never hides a
repeat; units, names or parties whose hashes collide would at worst send the file to the exact engine
too, never merge anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pollcli.read.assemble import option_key
from pollcli.read.cellsplit import clean_cell
from pollcli.read.records import Record
from pollcli.read.unithash import MASK, MIX, among, encoded, unit_hash, unit_runs

if TYPE_CHECKING:
    from pollcli.read.header import ColumnMap
    from pollcli.read.racekeys import PartyRule

# Spreads a row's place in its unit over a list's hash (tests set it to 0: every list then hashes
# alike, and only the comparison row by row tells them apart).
LIST_MIX: int = MIX


def name_code(name: str) -> int:
    """A name's number, as the assembly compares names."""
    return hash(option_key(name.strip())) & MASK


def party_code(party: str | None) -> int:
    """A party's number: 0 for none; parties compared as the assembly compares them ("DEM" twice
    is a repeat, "dem" too)."""
    key = option_key(party) if party else ""
    return (hash(key) & 0xFFFFFFFF) | 1 if key else 0


def cleaned_any(columns: Sequence[tuple[Any, list[bytes]]]) -> bool:
    """Whether cleaning changed a cell of these columns (an invisible character in a unit's name:
    the findings say so, as for the cells the exact stages clean)."""
    return any(
        not cell.isascii() and clean_cell(text := cell.decode("utf-8", "replace")) != text.strip()
        for _, dictionary in columns
        for cell in dictionary
    )


@dataclass(frozen=True)
class BlockUnits:
    """A block's units: their hashes (sorted), each one's list, and the distinct lists (names and
    parties, list after list, `starts` where each begins)."""

    hashes: Any  # uint64 per unit
    lists: Any  # per unit, its list's number (the smallest unsigned type that holds them)
    starts: Any  # int64 per list, and the end
    names: Any  # uint64 per row of the lists
    parties: Any  # uint32 per row of the lists
    repeat: bool  # a list holds a repeat
    # Per unit, the hash of its race and region (its cells but the unit's) and its votes in all,
    # for a unit that holds its race's other units' sums (`sum_totals.suspected`); its unit cell's
    # number among the block's distinct ones, until `apart` says whether the engine keeps its rows
    # apart as those of a total (`blocks`; None: none is).
    groups: Any = None
    votes: Any = None
    cells: Any = None
    apart: Any = None


def apart_units(
    units: BlockUnits, cells: list[bytes], suspects: frozenset[bytes], np: Any
) -> BlockUnits:
    """A block's units, each marked when the engine keeps its rows apart as a total's may be
    (`cells`: the block's distinct unit cells; `sum_totals.suspected` judges the others, the
    totals stage those)."""
    if not suspects or units.cells is None:
        return units  # (its cells kept: `name_pairs.NamesSeen` names its units by them)
    wanted = [i for i, cell in enumerate(cells) if cell in suspects]
    return replace(units, apart=np.isin(units.cells, wanted))


def conflict(np: Any, keys: Any, names: Any, parties: Any) -> bool:
    """Whether two rows of one key (a unit or a list) have one name and no party to tell them
    apart: the same party twice, or a row without one."""
    if keys.size < 2:
        return False
    order = np.lexsort((parties, names, keys))
    keys, names, parties = keys[order], names[order], parties[order]
    same = (keys[1:] == keys[:-1]) & (names[1:] == names[:-1])
    # Sorted by party within a name, a row without one (0) comes first, beside any other.
    return bool((same & ((parties[1:] == parties[:-1]) | (parties[:-1] == 0))).any())


def of_block(
    np: Any,
    pa: Any,
    pc: Any,
    units: Sequence[Any],
    names: Any,
    parties: Any | None,
    votes: Any = None,
    unit_at: int = -1,
) -> tuple[BlockUnits, list[list[bytes]], bool]:
    """A block's units (`BlockUnits`), from its unit columns and its name and party columns
    (pyarrow binary); also the distinct cells of each unit column, and whether cleaning changed a
    unit's cell. Runs on the worker thread that parsed the block. `votes` (numpy int64 per row):
    each unit's votes in all kept, with the hash of its cells but the `unit_at`-th's."""
    rows = len(names)
    if not rows:
        none = np.zeros(0, dtype=np.uint64)
        empty = BlockUnits(
            none, none.astype(np.uint8), np.zeros(1, np.int64), none, none, False, none, none, none
        )
        return empty, [[] for _ in units], False
    spans = unit_runs(np, pa, pc, units, rows, unit_at)
    runs, value, group, columns = spans.starts, spans.value, spans.group, spans.columns
    cleaned = cleaned_any([(None, spans.wide)])
    distinct = [values for _, values in columns]
    lengths = np.diff(np.append(runs, rows))
    in_runs = np.add.reduceat(votes, runs) if votes is not None else np.zeros(runs.size, np.int64)
    cells = columns[unit_at][0] if unit_at >= 0 else np.zeros(runs.size, np.int32)
    order = np.argsort(value)
    ordered = value[order]
    if (ordered[1:] != ordered[:-1]).all():  # each unit one run: its rows are in place
        found = _periodic(np, pc, runs, lengths, names, parties)
        if found is None:
            name_of, party_of = _name_and_party(np, pc, names, parties)
            found = _lists(np, lengths, name_of, party_of)
        lists, table = found
        sums = (group[order], in_runs[order], cells[order])
        return BlockUnits(ordered, lists[order], *table, *sums), distinct, cleaned
    # A unit in several runs: its rows brought together.
    hashes, inverse = np.unique(value, return_inverse=True)
    unit_of_row = np.repeat(inverse, lengths)
    in_units = np.argsort(unit_of_row, kind="stable")
    name_of, party_of = _name_and_party(np, pc, names, parties)
    lengths = np.bincount(unit_of_row, minlength=hashes.size)
    lists, table = _lists(np, lengths, name_of[in_units], party_of[in_units])
    unit_votes = np.zeros(hashes.size, dtype=np.int64)
    np.add.at(unit_votes, inverse, in_runs)
    unit_groups = np.zeros(hashes.size, dtype=np.uint64)
    unit_groups[inverse] = group
    unit_cells = np.zeros(hashes.size, dtype=np.int32)
    unit_cells[inverse] = cells
    sums = (unit_groups, unit_votes, unit_cells)
    return BlockUnits(hashes, lists, *table, *sums), distinct, cleaned


# What a block's lists come to: per unit its list, and the lists (starts, names, parties, repeat).
_Lists = tuple[Any, tuple[Any, Any, Any, bool]]


def _table(np: Any, sizes: Any, names: Any, parties: Any) -> tuple[Any, Any, Any, bool]:
    """Lists (their sizes, and their rows one list after another) as `BlockUnits` keeps them."""
    keys = np.repeat(np.arange(sizes.size), sizes)
    starts = np.concatenate(([0], np.cumsum(sizes)))
    return starts, names, parties, conflict(np, keys, names, parties)


def _periodic(
    np: Any, pc: Any, runs: Any, lengths: Any, names: Any, parties: Any | None
) -> _Lists | None:
    """The usual block of a precinct file: every unit but the first and the last (which the
    block's ends may cut) lists the same cells in the same order, found by comparing each row
    with the row a unit earlier. Three lists then (first, any other, last); None otherwise."""
    count = runs.size
    if count < 3 or not (lengths[1:-1] == lengths[1]).all():
        return None
    size, begin, end = int(lengths[1]), int(runs[1]), int(runs[-1])
    span = end - begin - size
    for column in (names,) if parties is None else (names, parties):
        if (
            span
            and not pc.all(
                pc.equal(column.slice(begin + size, span), column.slice(begin, span))
            ).as_py()
        ):
            return None
    parts = [(0, begin), (begin, size), (end, int(lengths[-1]))]
    name_list = [
        name_code(v.decode("utf-8", "replace"))
        for a, n in parts
        for v in names.slice(a, n).to_pylist()
    ]
    party_list = (
        [0] * len(name_list)
        if parties is None
        else [
            party_code(v.decode("utf-8", "replace"))
            for a, n in parts
            for v in parties.slice(a, n).to_pylist()
        ]
    )
    lists = np.ones(count, dtype=np.uint8)
    lists[0], lists[-1] = 0, 2
    sizes = np.array([n for _, n in parts], dtype=np.int64)
    return lists, _table(
        np, sizes, np.array(name_list, dtype=np.uint64), np.array(party_list, dtype=np.uint32)
    )


def _name_and_party(np: Any, pc: Any, names: Any, parties: Any | None) -> tuple[Any, Any]:
    """Each row's name and party numbers (`name_code`, `party_code`)."""
    indices, _, values = encoded(pc, np, names)
    codes = np.fromiter(
        (name_code(v.decode("utf-8", "replace")) for v in values),
        dtype=np.uint64,
        count=len(values),
    )
    name_of = codes[indices]
    if parties is None:
        return name_of, np.zeros(len(name_of), dtype=np.uint32)
    indices, _, values = encoded(pc, np, parties)
    numbers = np.fromiter(
        (party_code(v.decode("utf-8", "replace")) for v in values),
        dtype=np.uint32,
        count=len(values),
    )
    return name_of, numbers[indices]


def _lists(np: Any, lengths: Any, names: Any, parties: Any) -> _Lists:
    """Units (their rows one unit after another, `lengths` each) to their distinct lists: units
    whose rows hash alike share one list once they are found alike row by row."""
    count = lengths.size
    offsets = np.cumsum(lengths) - lengths
    within = np.arange(names.size) - np.repeat(offsets, lengths)  # a row's place in its unit
    unit_of_row = np.repeat(np.arange(count), lengths)
    powers = np.cumprod(np.full(int(lengths.max()), LIST_MIX, dtype=np.uint64), dtype=np.uint64)
    pair = names + parties.astype(np.uint64) * np.uint64(MIX)
    sums = np.add.reduceat(pair * powers[within], offsets)
    signature = sums + lengths.astype(np.uint64) * np.uint64(LIST_MIX >> 1)
    _, first, group = np.unique(signature, return_index=True, return_inverse=True)
    model = first[group]  # per unit, the first unit that hashes alike
    # Alike row by row (same length, same name and party at each place), or a list of its own.
    alike = lengths == lengths[model]
    source = np.where(
        alike[unit_of_row], offsets[model][unit_of_row] + within, np.arange(names.size)
    )
    differs = (names != names[source]) | (parties != parties[source])
    alike[unit_of_row[differs]] = False
    model = np.where(alike, model, np.arange(count))
    models = np.unique(model)
    sizes = lengths[models]
    starts = np.cumsum(sizes) - sizes
    taken = np.repeat(offsets[models] - starts, sizes) + np.arange(int(sizes.sum()))
    lists = np.searchsorted(models, model).astype(np.min_scalar_type(models.size))
    return lists, _table(np, sizes, names[taken], parties[taken])


def met_twice(np: Any, blocks: Sequence[BlockUnits], rows: Any) -> Any:
    """The hashes (sorted, distinct) of the units met more than once: in two blocks' lists, or
    among `rows` (unit, name, party) read one by one."""
    everywhere = np.concatenate([b.hashes for b in blocks] + [rows[:, 0]])
    everywhere.sort(kind="stable")  # the blocks' sorted runs merged
    return np.unique(everywhere[1:][everywhere[1:] == everywhere[:-1]])


def listed_rows(np: Any, block: BlockUnits, found: Any) -> tuple[Any, Any]:
    """The rows of a block's units marked in `found`: each row's place in the block's lists (for
    its name and party) and how many rows each unit has (to repeat its hash)."""
    lists = block.lists[found].astype(np.int64)
    sizes = block.starts[lists + 1] - block.starts[lists]
    taken = np.repeat(block.starts[lists] - np.cumsum(sizes) + sizes, sizes) + np.arange(
        sizes.sum()
    )
    return taken, sizes


@dataclass
class Repeats:
    """The units of a file and their lists, to find an option repeated within a unit."""

    blocks: list[BlockUnits] = field(default_factory=list)
    # Rows read by the exact stages (a block pyarrow could not be trusted with): unit, name, party.
    rows: list[tuple[int, int, int]] = field(default_factory=list)
    repeat: bool = False
    # And each such row's race and region (its unit's cells but the unit), votes and whether apart.
    sums: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Rows refused for a cell (`-5` votes), as `rows` (`refused_repeats.note`).
    refused: list[tuple[int, int, int]] = field(default_factory=list)

    def add_block(self, units: BlockUnits) -> None:
        """A block's units as `of_block` gave them."""
        self.repeat = self.repeat or units.repeat
        self.blocks.append(units)

    def add_row(
        self,
        unit: Sequence[str],
        name: str,
        party: str | None,
        votes: int = 0,
        unit_at: int = -1,
        apart: bool = False,
    ) -> None:
        """One row read by the exact stages (`unit_at`: the unit's cell among `unit`; `apart`: its
        rows are kept apart as those of a total may be)."""
        code = unit_hash(unit)
        self.rows.append((code, name_code(name), party_code(party)))
        group = unit_hash([c for at, c in enumerate(unit) if at != unit_at])
        self.sums.append((code, group, votes, int(apart)))

    def sum_units(self, np: Any) -> Any:
        """The hashes (sorted, distinct) of the units of each race and region where one unit may
        hold the sum of the others (`sum_totals.suspected`)."""
        from pollcli.read.sum_totals import suspected

        kept = [b for b in self.blocks if b.votes is not None]
        rows = np.array(self.sums, dtype=np.uint64).reshape(-1, 4)
        units = np.concatenate([b.hashes for b in kept] + [rows[:, 0]])
        groups = np.concatenate([b.groups for b in kept] + [rows[:, 1]])
        votes = np.concatenate([b.votes for b in kept] + [rows[:, 2].astype(np.int64)])
        apart = np.concatenate(
            [np.zeros(b.hashes.size, bool) if b.apart is None else b.apart for b in kept]
            + [rows[:, 3].astype(bool)]
        )
        return suspected(np, groups, units, votes, apart)

    def split_races(self, np: Any, skipped_names: set[int]) -> bool:
        """Whether a race of the file may be several under one name (`unit_groups.split_groups`),
        from each unit's list of names (few distinct lists a block; a unit's code holds its race and
        region), `skipped_names` (codes of lines that join nothing) and units kept apart as totals
        left out. The lists, not the rows, are looked at first (`unit_groups.open_units`); the rows
        of the races that may split only."""
        from pollcli.read.unit_groups import open_units, splits_in

        skipped = np.array(sorted(skipped_names), dtype=np.uint64)
        blocks = [b for b in self.blocks if b.groups is not None and b.hashes.size]
        present = [np.ones(b.hashes.size, bool) if b.apart is None else ~b.apart for b in blocks]
        rows = np.array(self.rows, dtype=np.uint64).reshape(-1, 3)
        sums = np.array(self.sums, dtype=np.uint64).reshape(-1, 4)
        row_groups = sums[:, 1]
        chosen = ~np.isin(rows[:, 1], skipped) & (sums[:, 3] == 0)
        # A unit met in pieces (in two blocks, or read row by row: every unit of a file sorted
        # by race) is judged by its pieces' names together, not each piece as a unit short of
        # its race's names (which had every race of such a file looked at row by row).
        twice = met_twice(np, blocks, rows)
        named_group, named_name, unit_group, listed = [], [], [], []
        pieces = [[row_groups[chosen]], [rows[chosen, 0]], [rows[chosen, 1]]]
        kept_names = []
        for block, here in zip(blocks, present, strict=True):
            kept = ~np.isin(block.names, skipped)
            kept_names.append(kept)
            split = here & among(np, block.hashes, twice)
            running = np.concatenate(([0], np.cumsum(kept, dtype=np.int64)))
            per_unit = (running[block.starts[1:]] - running[block.starts[:-1]])[block.lists]
            counted = (per_unit > 0) & here & ~split
            unit_group.append(block.groups[counted])
            listed.append(per_unit[counted])
            # Each distinct (group, list) once, with its kept names.
            pair = block.groups * np.uint64(MIX) + block.lists.astype(np.uint64)
            first = np.zeros(block.hashes.size, dtype=bool)
            first[np.flatnonzero(here)[np.unique(pair[here], return_index=True)[1]]] = True
            taken, sizes = listed_rows(np, block, first)
            named_group.append(np.repeat(block.groups[first], sizes)[kept[taken]])
            named_name.append(block.names[taken][kept[taken]])
            if split.any():
                taken, sizes = listed_rows(np, block, split)
                mask = kept[taken]
                pieces[0].append(np.repeat(block.groups[split], sizes)[mask])
                pieces[1].append(np.repeat(block.hashes[split], sizes)[mask])
                pieces[2].append(block.names[taken][mask])
        group, unit, name = (np.concatenate(a).astype(np.uint64) for a in pieces)
        if unit.size:
            _, first_of = np.unique(unit * np.uint64(MIX) + name, return_index=True)
            _, at, count = np.unique(unit[first_of], return_index=True, return_counts=True)
            named_group.append(group)
            named_name.append(name)
            unit_group.append(group[first_of][at])
            listed.append(count)
        if not unit_group:
            return False
        parts = [np.concatenate(a) for a in (named_group, named_name, unit_group, listed)]
        if not parts[2].size:
            return False
        named, names_of, owners = (a.astype(np.uint64) for a in parts[:3])
        opened = open_units(np, named, names_of, owners, parts[3])
        if not opened.size:
            return False
        groups, units, names = [], [], []
        for block, kept, here in zip(blocks, kept_names, present, strict=True):
            wanted = np.isin(block.groups, opened) & here
            if wanted.any():
                taken, sizes = listed_rows(np, block, wanted)
                mask = kept[taken]
                groups.append(np.repeat(block.groups[wanted], sizes)[mask])
                units.append(np.repeat(block.hashes[wanted], sizes)[mask])
                names.append(block.names[taken][mask])
        groups.append(row_groups[chosen])
        units.append(rows[chosen, 0])
        names.append(rows[chosen, 1])
        group, unit, name = (np.concatenate(a).astype(np.uint64) for a in (groups, units, names))
        return splits_in(np, opened, group, unit, name)

    def check(self, np: Any) -> bool:
        """Whether some unit lists an option twice with no party to tell the rows apart."""
        if self.repeat:
            return True
        rows = np.array(self.rows, dtype=np.uint64).reshape(-1, 3)
        twice = met_twice(np, self.blocks, rows)
        if not twice.size:
            return False  # no unit in two blocks: the blocks' own lists said it all
        # Only units found more than once are looked at, with all their lists' rows together: each
        # row as one code of unit and name (a file ordered by candidate has every precinct in
        # several blocks, so these are then all its rows: one sort of 8 bytes a row, as ever).
        codes = [rows[:, 0] + rows[:, 1] * np.uint64(MIX)]
        parties = [rows[:, 2].astype(np.uint32)]
        for block in self.blocks:
            found = np.isin(block.hashes, twice, assume_unique=True)
            if not found.any():
                continue
            taken, sizes = listed_rows(np, block, found)
            codes.append(
                np.repeat(block.hashes[found], sizes) + block.names[taken] * np.uint64(MIX)
            )
            parties.append(block.parties[taken])
        code = np.concatenate(codes)
        del codes
        ordered = np.sort(code)
        again = ordered[1:][ordered[1:] == ordered[:-1]]
        del ordered
        if not again.size:
            return False  # no unit lists a name twice
        chosen = np.isin(code, again)
        chosen_codes = code[chosen]
        return conflict(np, chosen_codes, chosen_codes, np.concatenate(parties)[chosen])


def stream_splits(
    unit_indexes: tuple[int, ...],
    repeats: Repeats,
    columns: ColumnMap,
    party: PartyRule | None,
    records: list[Record],
    np: Any,
) -> bool:
    """Whether a race of a file the streaming engine read may be several races under one name: for
    the exact engine to decide, with the file's races' own units and total rows set aside. So too
    where the assembly adds a district's cells to the units' names (`geography.joins_units`):
    the units grouped here by district are then one county's."""
    from pollcli.read.geography import joins_units
    from pollcli.read.racekeys import key_columns
    from pollcli.read.unit_groups import joins_nothing

    if not unit_indexes or "mode" in columns.present:
        return False
    if not (keys := key_columns(columns, party)):
        return False  # a file of one race without race keys: never looked at
    if "region" in columns.present and joins_units(records, keys):
        return True  # a district the assembly adds to the units' names: its screen judges them
    skipped = {name_code(r.row.candidate) for r in records if joins_nothing(r)}
    return repeats.split_races(np, skipped)
