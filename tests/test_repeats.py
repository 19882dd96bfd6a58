"""The streaming engine's repeat finder (read/repeats.py) against a plain pandas oracle.

A file's rows are cut into blocks, each read as the engine reads it (`of_block` on pyarrow columns cut
into chunks, or row by row as the exact stages give a block they read), and `Repeats.check` must say
exactly what grouping all the rows by unit and name says: whether some unit lists a name twice with
no party to tell the rows apart (the same party twice, or a row without one).
"""

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pollcli.read import ReadOptions, engines, repeats, stream
from pollcli.read.assemble import option_key
from pollcli.read.cellsplit import clean_cell
from pollcli.read.repeats import Repeats, of_block

# Cells chosen to collide once cleaned or compared as names: a space or an invisible character
# around a precinct, a name in another case or with spaces, a party in another case.
REGIONS = ["R0", "R1", " R0"]
PRECINCTS = ["P0", "P1", "P2", "P1 ", "P\u200b1", "Pö"]
NAMES = ["Ana", "ana", "Ben", "Ben ", "Cy", "Zoë", "ZOË"]
PARTIES = ["", "Blue", "blue", "Red", " "]

Row = tuple[tuple[str, ...], str, str]
LIST_MIX = repeats.LIST_MIX


def oracle(rows: list[Row]) -> bool:
    """Whether some unit lists a name twice with nothing to tell the rows apart (pandas groupby on
    the cells as the exact engine compares them)."""
    if not rows:
        return False
    frame = pd.DataFrame(
        {
            "unit": ["\x00".join(clean_cell(c) for c in unit) for unit, _, _ in rows],
            "name": [option_key(name.strip()) for _, name, _ in rows],
            "party": [option_key(party) if party else "" for _, _, party in rows],
        }
    )
    for _, group in frame.groupby(["unit", "name"]):
        parties = list(group["party"])
        if len(parties) > 1 and ("" in parties or len(set(parties)) < len(parties)):
            return True
    return False


def column(cells: list[str], cuts: list[int]) -> pa.ChunkedArray:
    """Cells as pyarrow binary, in chunks cut at `cuts` (pyarrow's CSV reader gives chunks)."""
    data = [c.encode() for c in cells]
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(data)}), len(data)]
    return pa.chunked_array(
        [pa.array(data[a:b], type=pa.binary()) for a, b in itertools.pairwise(bounds)]
        or [pa.array([], type=pa.binary())],
        type=pa.binary(),
    )


def found(blocks: list[list[Row]], exact: list[bool], with_party: bool, cuts: list[int]) -> bool:
    repeats = Repeats()
    for rows, by_row in zip(blocks, exact, strict=False):
        if by_row:
            for unit, name, party in rows:
                repeats.add_row(unit, name, party if with_party else None)
            continue
        width = len(rows[0][0]) if rows else 1
        units = [column([u[i] for u, _, _ in rows], cuts) for i in range(width)]
        names = column([n for _, n, _ in rows], cuts)
        parties = column([p for _, _, p in rows], cuts) if with_party else None
        block, _, _ = of_block(np, pa, pc, units, names, parties)
        repeats.add_block(block)
    return repeats.check(np)


def ballot(width: int) -> st.SearchStrategy[Row]:
    cells = [st.sampled_from(REGIONS), st.sampled_from(PRECINCTS), st.sampled_from(["A", "B"])]
    return st.tuples(st.tuples(*cells[:width]), st.sampled_from(NAMES), st.sampled_from(PARTIES))


@st.composite
def files(draw: st.DrawFn) -> tuple[list[Row], bool]:
    """Rows as a precinct file gives them (every unit listing one ballot in order, now and then a
    row repeated, moved or dropped) or at random; with or without a party column."""
    width = draw(st.integers(1, 3))
    with_party = draw(st.booleans())
    if draw(st.booleans()):
        # A few units, each on several rows, in any order.
        units = draw(st.lists(ballot(width).map(lambda r: r[0]), min_size=1, max_size=4))
        names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
        parties = draw(st.lists(st.sampled_from(PARTIES), min_size=1, max_size=3, unique=True))
        rows = draw(
            st.lists(
                st.tuples(st.sampled_from(units), st.sampled_from(names), st.sampled_from(parties)),
                max_size=40,
            )
        )
    else:
        options = draw(
            st.lists(
                st.tuples(st.sampled_from(NAMES), st.sampled_from(PARTIES)), min_size=1, max_size=5
            )
        )
        units = draw(st.lists(ballot(width).map(lambda r: r[0]), min_size=1, max_size=15))
        rows = [(unit, name, party) for unit in units for name, party in options]
        for _ in range(draw(st.integers(0, 3))):
            if not rows:
                break
            at = draw(st.integers(0, len(rows) - 1))
            to = draw(st.integers(0, len(rows)))
            what = draw(st.sampled_from(["repeat", "move", "drop"]))
            row = rows[at]
            if what != "repeat":
                del rows[at]
            if what != "drop":
                rows.insert(min(to, len(rows)), row)
    if not with_party:
        rows = [(unit, name, "") for unit, name, _ in rows]
    return rows, with_party


@settings(max_examples=200, deadline=None)
@given(
    files(),
    st.lists(st.integers(0, 60), max_size=6),
    st.lists(st.booleans(), min_size=8, max_size=8),
    st.lists(st.integers(0, 20), max_size=3),
    st.booleans(),
)
def test_the_finder_says_what_grouping_every_row_says(file, cuts, exact, chunk_cuts, collide):
    """However the rows fall into blocks (a unit cut by a block's end, or spread over blocks far
    apart), read by pyarrow or row by row, in pyarrow chunks or not; and with every list of a
    block hashing alike (`collide`), as the row-by-row comparison must then tell them apart."""
    rows, with_party = file
    if collide:
        repeats.LIST_MIX = 0
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(rows)}), len(rows)]
    blocks = [rows[a:b] for a, b in itertools.pairwise(bounds)]
    try:
        assert found(blocks, exact, with_party, chunk_cuts) == oracle(rows)
    finally:
        repeats.LIST_MIX = LIST_MIX


def test_units_spread_over_blocks_far_apart():
    """Precinct P1's rows in the first and the third block, each block periodic on its own: the
    repeat is seen only with both blocks' lists together."""
    ballot_rows = [("Ana", "Blue"), ("Ben", "Red"), ("Cy", "")]

    def units(*names: str) -> list[Row]:
        return [((u,), n, p) for u in names for n, p in ballot_rows]

    first, second = units("P0", "P1", "P2", "P3"), units("P4", "P5", "P6")
    third = [*units("P7", "P8", "P9"), (("P1",), "ana", "blue")]
    assert found([first, second, third], [False] * 3, True, [])
    assert oracle(first + second + third)
    assert not found([first, second, units("P7", "P8", "P9")], [False] * 3, True, [])


def test_lists_that_hash_alike_are_told_apart_row_by_row():
    """P1 lists Ana twice; with every list hashing alike it would pass for P0's list."""
    rows = [(("P0",), "Ana", ""), (("P0",), "Ben", ""), (("P1",), "Ana", ""), (("P1",), "Ana", "")]
    try:
        repeats.LIST_MIX = 0
        assert found([rows], [False], False, [])
        assert not found([[*rows[:3], (("P1",), "Ben", "")]], [False], False, [])
    finally:
        repeats.LIST_MIX = LIST_MIX


def test_a_block_whose_units_all_list_one_ballot_keeps_three_lists():
    """The usual block: first and last unit (perhaps cut by the block's ends) and one list for all
    the others, whatever their number."""
    rows = [((f"P{u}",), n, "") for u in range(1000) for n in ("Ana", "Ben", "Cy")]
    block, distinct, _ = of_block(
        np,
        pa,
        pc,
        [column([u[0] for u, _, _ in rows], [])],
        column([n for _, n, _ in rows], []),
        None,
    )
    assert block.hashes.size == 1000 and len(distinct[0]) == 1000
    assert list(block.starts) == [0, 3, 6, 9]
    assert not block.repeat


@pytest.mark.parametrize("shape", ["sorted", "interleaved"])
def test_the_streaming_engine_finds_a_repeat_blocks_apart(tmp_path, monkeypatch, shape):
    """End to end: a precinct's option listed again many blocks later; both engines say
    duplicate-option at the same line."""
    from conftest import engines_agree, write

    monkeypatch.setattr(stream, "BLOCK_BYTES", 300)
    lines = ["region,precinct,candidate,party,votes"]
    units = list(range(120))
    order = units if shape == "sorted" else units[::2] + units[1::2]
    for p in order:
        for name, party in (("Ana", "Blue"), ("Ben", "Red"), ("Cy", "")):
            lines.append(f"R{p % 3},P{p},{name},{party},{p % 17}")
    lines.append("R0,P3,ana,BLUE,5")
    path = write(tmp_path, "\n".join(lines) + "\n")
    _, problems = engines_agree(monkeypatch, path)
    assert [(p.code, p.line) for p in problems if p.severity == "error"] == [
        ("duplicate-option", len(lines))
    ]
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    # Read again with P3's rows one by one, not handed over (tests/test_repeat_lines.py).
    assert stream.read_stream(path, str(path), ReadOptions()) is not None


def test_a_block_of_hundreds_of_lists_looked_at_with_the_next():
    """Every unit its own list (300 of them, beyond a byte's numbers): a unit's option repeated in
    the next block is found, and a new option there is none."""
    first = [((f"P{u}",), name, "") for u in range(300) for name in (f"N{u}", "Both")]
    assert len(of_block(np, pa, pc, *block_columns(first))[0].starts) == 301
    assert found([first, [(("P299",), "n299", "")]], [False, False], False, [])
    assert not found([first, [(("P299",), "N300", "")]], [False, False], False, [])


def block_columns(rows: list[Row]) -> tuple[list[pa.ChunkedArray], pa.ChunkedArray, None]:
    return [column([u[0] for u, _, _ in rows], [])], column([n for _, n, _ in rows], []), None
