"""A block's keys taken a column at a time (`read.keyblock`, `OptionCells.column_parts`): a file
of races of no region, each key its option alone, reads as the same keys taken one by one
(`OptionCells.part`, `KeySums.add`: the loop it replaces) and as the exact engine."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import write
from pollcli.read import ReadOptions, engines, keysums, limits, load_file, optioncells, stream

NAMES = ["Ann", "Ann ", "ann", "Bo", "Bo\u200b", "Registered Voters", "", "Write-in", "Cy Ray"]
PARTIES = ["Union", "union ", "", "Front", "-", "Write-in"]
ELECTIONS = ["Town A", "Town B", " Town A ", "", "Town C", "Ballots Cast"]
VOTES = ["0", "3", "12", "", "x1", "9223372036854775807"]


def read(path, monkeypatch, engine: str) -> tuple[list[dict], list[dict]]:
    monkeypatch.setenv(engines.ENGINE_ENV, engine)
    elections, problems = load_file(path, ReadOptions())
    return [asdict(e) for e in elections], [asdict(p) for p in problems]


def by_key(monkeypatch) -> None:
    """Every block's keys taken one by one, as before `column_parts`."""
    monkeypatch.setattr(optioncells.OptionCells, "by_column", property(lambda self: False))


@st.composite
def files(draw: st.DrawFn) -> str:
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(ELECTIONS),
                st.sampled_from(NAMES),
                st.sampled_from(PARTIES),
                st.sampled_from(VOTES),
            ),
            min_size=1,
            max_size=24,
        )
    )
    lines = ["election,candidate,party,votes", *(",".join(row) for row in rows)]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=files(),
    block=st.sampled_from([48, 96, 1 << 20]),
    bound=st.sampled_from([2, 3, 1000]),
)
# A write-in of a write-in party listed twice: rows of the same cells summed into one record by
# the streaming engine, added up as the exact stages add up its two rows.
@example(
    text="election,candidate,party,votes\nBallots Cast,Ann,Write-in,0\nBallots Cast,Ann,Write-in,0\n",
    block=48,
    bound=1000,
)
def test_keys_by_column_read_as_keys_one_by_one(tmp_path_factory, monkeypatch, text, block, bound):
    # Names spelt otherwise that validate alike (two keys, one part: not all new), a row written
    # again in the block or blocks later, counts and blank names (read with their party or
    # election), votes past 64 bits summed, races past a lowered bound on options.
    monkeypatch.setattr(stream, "BLOCK_BYTES", block)
    monkeypatch.setattr(limits, "MAX_OPTIONS", bound)
    path = write(tmp_path_factory.mktemp("columns"), text)
    columns = read(path, monkeypatch, "stream")
    with monkeypatch.context() as patched:
        by_key(patched)
        keys = read(path, patched, "stream")
    assert columns == keys
    if bound == 1000:
        assert columns == read(path, monkeypatch, "exact")


def test_a_file_of_races_takes_its_keys_by_column(tmp_path, monkeypatch):
    # 30 races of their own candidates in blocks of a few races: every block by column, all new
    # but the one that repeats a row of an earlier block (added key by key, its lines named).
    rows = [f"Town {t},Name {t}-{i},P{i % 3},{t * 5 + i}" for t in range(30) for i in range(4)]
    rows.insert(100, rows[3])
    path = write(tmp_path, "election,candidate,party,votes\n" + "\n".join(rows) + "\n")
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    seen: list[bool] = []
    column_parts = optioncells.OptionCells.column_parts

    def watched(self, *args):
        numbered = column_parts(self, *args)
        seen.append(numbered is not None and numbered[1])
        return numbered

    monkeypatch.setattr(optioncells.OptionCells, "column_parts", watched)
    columns = read(path, monkeypatch, "stream")
    assert len(seen) > 5 and seen.count(False) == 1
    with monkeypatch.context() as patched:
        by_key(patched)
        assert read(path, patched, "stream") == columns
    assert read(path, monkeypatch, "exact") == columns
    repeats = [p for p in columns[1] if p["code"] == "duplicate-option"]
    assert [p["line"] for p in repeats] == [102]


def _row(name: str, party: str | None = None):
    from pollcli.contract import Row

    return Row.model_validate({"candidate": name, "party": party})


def test_new_keys_added_at_once_sum_past_64_bits_as_one_by_one():
    sums = keysums.KeySums(summed_units=False)
    ann_key = sums.high(sums.row_number(_row("Ann"))[0], ()) | sums.label(None, 1) | sums.label("E")
    first, new = sums.numbered([ann_key])
    assert new and first == [0]
    sums.add_new(first, [2], [2**62])
    ann, bob = sums.part("E", _row("Ann"), ()), sums.part("E", _row("Bob", "U"), ())
    assert ann == 0 and bob == 1
    more, new = sums.numbered(
        [sums.high(sums.row_number(_row("Cy"))[0], ()) | sums.label("U", 1) | sums.label("E")]
    )
    assert new and more == [2]
    with pytest.raises(AssertionError):
        sums.add_new([1, 2], [3, 4], [1, 1])  # (part 1 is not the block's: not new there)
    sums.add_new(more, [5], [2**63 - 1])
    assert sums.add(bob, None, None, False, 4, 1)
    assert not sums.add(ann, None, None, False, 3, 2**62 + 2**62)
    records = sums.records()
    assert [
        (r.line, r.row.candidate, r.row.party, r.votes, r.same_cell_lines) for r in records
    ] == [
        (2, "Ann", None, 3 * 2**62, [3]),
        (4, "Bob", "U", 1, ()),
        (5, "Cy", "U", 2**63 - 1, ()),
    ]


@pytest.mark.parametrize("kept", [1, 2, 1 << 16])
def test_records_of_one_option_in_many_races_share_its_row_listed_by_its_party(monkeypatch, kept):
    # A party list in every race: one row for all its records (however often the kept rows are
    # let go), each the row the contract reads with its party (the oracle), its race its own.
    monkeypatch.setattr(keysums, "LISTED_KEPT", kept)
    sums = keysums.KeySums(summed_units=False)
    cells = [("Union List", "Union"), ("Front List", "Front"), ("Union List", None)]
    for town in range(4):
        for index, (name, party) in enumerate(cells):
            part = sums.part(f"Town {town}", _row(name, party), ())
            sums.add(part, None, None, False, 2 + town * 3 + index, town + index)
    records = sums.records()
    assert [(r.election, r.row, r.votes) for r in records] == [
        (f"Town {town}", _row(name, party), town + index)
        for town in range(4)
        for index, (name, party) in enumerate(cells)
    ]
    if kept > 2:
        assert len({id(r.row) for r in records}) == 3


def test_rows_of_races_of_their_own_candidates_are_not_looked_up_once_few_are_met_again(
    monkeypatch,
):
    # 10,000 races of their own candidates: 1 % of their (name, party) pairs come back, so the
    # kept rows are given up after the first LISTED_KEPT (a lookup a part cost 0.3 s a million).
    # Built from the last part: the 40 of their own first, then the two towns of one list.
    monkeypatch.setattr(keysums, "LISTED_KEPT", 4)
    sums = keysums.KeySums(summed_units=False)
    cells = [(f"Town {t}", "Union List", "Union") for t in range(2)]
    cells += [(f"Town {t}", "Front List", "Front") for t in range(2)]
    cells += [(f"Ward {w}", f"Cand {w}", f"Party {w}") for w in range(40)]
    for line, (town, name, party) in enumerate(cells, start=2):
        sums.add(sums.part(town, _row(name, party), ()), None, None, False, line, line)
    records = sums.records()
    assert [(r.election, r.row, r.votes) for r in records] == [
        (town, _row(name, party), line) for line, (town, name, party) in enumerate(cells, start=2)
    ]
    # Each record its own copy: no row looked up once the misses outnumbered the hits.
    assert len({id(r.row) for r in records}) == len(cells)


@settings(max_examples=60, deadline=None)
@given(
    before=st.lists(st.sampled_from(["Ann", "Bo", "Cy Ray", "Dee"]), max_size=4),
    names=st.lists(st.sampled_from(["Ann", "Bo", "Cy Ray", "Eve", "Fay"]), max_size=8),
)
def test_a_blocks_names_numbered_at_once_as_one_by_one(before, names):
    # `name_highs` (a block's names validated as columns, numbered in one call) against the loop
    # it replaced (`row_number`, then `high`), after rows numbered before it, equal rows included.
    at_once, one_by_one = keysums.KeySums(summed_units=False), keysums.KeySums(summed_units=False)
    for sums in (at_once, one_by_one):
        for name in before:
            sums.row_number(_row(name, "Union"))
    rows = [_row(name) for name in names]
    expected = [one_by_one.high(one_by_one.row_number(row)[0], ()) for row in rows]
    assert at_once.name_highs(rows) == expected
    assert at_once.rows == one_by_one.rows
