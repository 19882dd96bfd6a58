"""Regions of one name under different parents: Poland's PKW tables name a gmina's `Powiat` and its
`Województwo`, and ten powiat names (`świdnicki`, `średzki`, `bielski`…) are each the name of two
powiaty of different voivodeships; a US file by `state,county,precinct` has a `Washington` county
in many states. Keyed by its own column alone, each pair was one region of `--by region`, its
figures the two summed.

A place column of a coarser level than the region column (`columns.place_level`: a voivodeship, a
state above a powiat, a county) that is not read as anything else is the region's parent. A region
name met under two parents or more is named by its whole path, parents first, joined as other
naming cells are (`dolnośląskie · świdnicki`), in every row of it; a name met under one parent only
keeps its own name, so a file without such names reads as before. A blank parent tells nothing.
One note says which names were told apart.

Both layouts: the long one's region cells are rewritten before the rows are read (the streaming
engine, whose sums are keyed by the region column's cells, hands such a file to the exact engine:
`read.stream`), the wide one's through its `Place` (`read.wide_places`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Final

from pollcli.columns import canonical_column, normalize_header, place_level
from pollcli.read.dialect import RawTable
from pollcli.read.header import ColumnMap
from pollcli.read.options import ReadOptions

JOIN: Final[str] = " · "
# Names given in the note.
_SHOWN: Final[int] = 5


def parents(columns: ColumnMap, ignored: Collection[str] = ()) -> tuple[int, ...]:
    """The place columns of a long table that are coarser than its region column and read as
    nothing else (nor left out with --ignore-column), in header order."""
    region = columns.index("region")
    if region is None:
        return ()
    header, level = columns.header, place_level(columns.header[region])
    told = {normalize_header(name) for name in ignored}
    return tuple(
        i
        for i, label in enumerate(header)
        if i not in columns.columns
        and i not in columns.unit_parts
        and normalize_header(label) not in told
        and canonical_column(label) == "region"
        and place_level(label) < level
    )


def path(cells: Sequence[str], region: int, above: Sequence[int]) -> str:
    """A row's region named by its whole path, its blank parts left out."""
    parts = (cells[i].strip() if i < len(cells) else "" for i in (*above, region))
    return JOIN.join(p for p in parts if p)


def repeated(rows: Iterable[Sequence[str]], region: int, above: Sequence[int]) -> frozenset[str]:
    """The region names met under two parents or more (rows too short, or of no parent, aside)."""
    first: dict[str, tuple[str, ...]] = {}
    again: set[str] = set()
    last = max(region, *above)
    for cells in rows:
        if len(cells) <= last:
            continue
        parent = tuple(cells[i].strip() for i in above)
        if not any(parent):
            continue
        name = cells[region].strip()
        if first.setdefault(name, parent) != parent:
            again.add(name)
    again.discard("")
    return frozenset(again)


def streamed_apart(
    path: Path, columns: ColumnMap, table: RawTable, offset: int, utf8: bool, options: ReadOptions
) -> bool:
    """Whether a file the streaming engine would read must be read by the exact engine for its
    regions: a region name met under two parents (the exact engine names them by their path), or
    a file this look cannot read (not UTF-8, a cell pyarrow refuses). Its region and parent columns
    alone are read with pyarrow, their distinct pairs a batch at a time (`read.stream`)."""
    above = parents(columns, options.ignore_columns)
    region = columns.index("region")
    if not above or region is None:
        return False
    if not utf8:
        return True  # (a file in another encoding: its bytes are not the text's)
    import pyarrow as pa
    import pyarrow.csv as pacsv

    names = [f"c{i}" for i in range(len(columns.header))]
    wanted = [f"c{i}" for i in (*above, region)]
    first: dict[str, tuple[str, ...]] = {}
    try:
        with pa.OSFile(str(path)) as handle:
            handle.seek(offset)
            batches = pacsv.open_csv(
                handle,
                # (One thread, no line end in a cell: a quarter of the time; a cell with one is
                # refused, and the exact engine reads the file.)
                read_options=pacsv.ReadOptions(
                    column_names=names, block_size=1 << 20, use_threads=False
                ),
                parse_options=pacsv.ParseOptions(delimiter=table.delimiter),
                convert_options=pacsv.ConvertOptions(
                    include_columns=wanted,
                    column_types=dict.fromkeys(wanted, pa.string()),
                    strings_can_be_null=False,
                ),
            )
            for batch in batches:
                pairs = pa.Table.from_batches([batch]).group_by(wanted).aggregate([])
                cells = [pairs.column(name).to_pylist() for name in wanted]
                for *parent, name in zip(*cells, strict=True):
                    cell, above_cells = name.strip(), tuple(p.strip() for p in parent)
                    if (
                        cell
                        and any(above_cells)
                        and first.setdefault(cell, above_cells) != above_cells
                    ):
                        return True
    except (pa.ArrowInvalid, OSError):
        return True
    finally:
        pa.default_memory_pool().release_unused()  # (as `blocks.Layout.summarize` does)
    return False


def note(names: Collection[str], region: str, above: Sequence[str], example: str) -> str:
    """What the table says of the names told apart by their parents."""
    shown = sorted(names)
    more = f" and {len(shown) - _SHOWN} more" if len(shown) > _SHOWN else ""
    return (
        f"{len(shown)} {region!r} name(s) stand for different regions under different "
        f"{' · '.join(map(repr, above))} ({', '.join(shown[:_SHOWN])}{more}): each such region is "
        f"named by its whole path, as {example!r}."
    )


def name_apart(
    columns: ColumnMap, records: Sequence[tuple[int, list[str]]], ignored: Collection[str] = ()
) -> None:
    """A long table's region cells of a name met under different parents made their whole path,
    in place, before the rows are read; a note on the columns says which (module docstring)."""
    above = parents(columns, ignored)
    region = columns.index("region")
    if not above or region is None:
        return
    again = repeated((cells for _, cells in records), region, above)
    if not again:
        return
    example = ""
    for _, cells in records:
        if len(cells) > max(region, *above) and cells[region].strip() in again:
            whole = path(cells, region, above)
            columns.region_paths[whole] = cells[region].strip()  # (--where reads the cell)
            cells[region] = whole
            example = example or whole
    header = columns.header
    columns.notes.append(note(again, header[region], [header[i] for i in above], example))
