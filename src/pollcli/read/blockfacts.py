"""A block's per-precinct counts on the streaming engine, read as the exact stages read them.

pyarrow groups a block's (precinct cells, count cells) combinations as bytes (`blocks.BlockSums`):
here each distinct cell is decoded and cleaned once, the precincts that may be totals are kept apart
with their rows (`apartfacts.ApartFacts.split`), and the others checked against what is known of
their precinct (`facts.UnitFacts.agreeing`, by race in a file of races: `raceunits.RaceUnits`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pollcli.read.cellsplit import clean_cell
from pollcli.read.raceunits import RaceUnits

if TYPE_CHECKING:
    from pollcli.read.apartfacts import ApartFacts
    from pollcli.read.blocks import BlockSums
    from pollcli.read.records import CellReader
    from pollcli.read.unitfacts import UnitFacts


def of_block(
    summed: BlockSums,
    line: int,
    reader: CellReader,
    apart: ApartFacts,
    unit_facts: UnitFacts,
    precinct_columns: Sequence[str],
) -> list[tuple[tuple[str, str, str], dict[str, str], int]] | None:
    """The block's precinct facts as the exact stages read them (decoded, stripped, a blank cell
    left out); None when a cell does not decode or disagrees with what is known of its precinct
    (the exact stages then name every row that disagrees). `facts.NoPrecinct` for a precinct with
    no region or no name (the exact engine reads such a file)."""
    if not summed.unit_facts:
        return []
    import numpy as np

    cells: dict[bytes, str] = {}  # each distinct cell read once (a file of races repeats them)
    decoded: list[tuple[Any, list[str]]] = []
    try:
        for codes, distinct in summed.unit_facts:
            texts: list[str] = []
            for raw in distinct:
                cell = cells.get(raw)
                if cell is None:
                    text = raw.decode("utf-8")
                    cells[raw] = cell = clean_cell(text)
                    if not text.isascii() and cell != text.strip():
                        reader.invisible = True
                texts.append(cell)
            decoded.append((codes, texts))
    except UnicodeDecodeError:
        return None
    election, keys = reader.default_election, list(apart.keys)
    if isinstance(unit_facts, RaceUnits) and apart.idle(summed.held):
        # A file of races: its combinations grouped by numpy (`racecodes`), not one by one.
        lines = summed.unit_firsts + line
        return unit_facts.agreeing_codes(decoded, lines, precinct_columns, keys, election)
    # Each row's cell: one text per distinct cell.
    columns = [np.array(texts, dtype=object)[codes].tolist() for codes, texts in decoded]
    rows = (summed.unit_firsts + line).tolist()
    columns, rows = apart.split(columns, rows, summed.held, precinct_columns, election, unit_facts)
    return unit_facts.agreeing(columns, rows, precinct_columns, keys, election)
