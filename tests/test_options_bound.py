"""Issue 13 item 18: a file of more options in one race than any ballot is refused early, in
bounded time and memory, at the same line on both engines.

The bound is shrunk (`MAX_OPTIONS`) so that small files pass it. The streaming engine's workers cut
a block whose race is past the bound on its own at the first option past it (`OptionCount.cut`),
before its keys become Python objects; the merge counts the blocks before it too (`in_order`).
Each line asserted below is worked out by hand from how the file was generated; names that differ
only by case and spacing are one option (`option_key`), so raw names are only an upper bound.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import dump, each_engine, invoke, write
from pollcli.read import ReadOptions, assemble, blocks, engines, limits, load_file, stream

BOUND = 50


@pytest.fixture(autouse=True)
def small_bound(monkeypatch):
    monkeypatch.setattr(assemble, "MAX_OPTIONS", BOUND)
    monkeypatch.setattr(limits, "MAX_OPTIONS", BOUND)


def both(monkeypatch, path, **options):
    results = each_engine(monkeypatch, path, ReadOptions(**options))
    return results["exact"], results["stream"]


def codes(loaded):
    """The problems' codes and lines, but the `race-split` warning of a region column whose
    regions each hold names of their own (`read.race_hint`), as these files' regions do."""
    return [(p.code, p.line) for p in loaded[1] if p.code != "race-split"]


def distinct(rows: int) -> str:
    """`rows` rows over 3 regions, each a name of its own (N0, N1, ...): the 51st option of the
    one race is data row 51, line 52."""
    return "region,candidate,votes\n" + "".join(f"R{i % 3},N{i},{i % 97}\n" for i in range(rows))


class Spy:
    """What each block's worker handed the merge, and how many option keys were worked out."""

    def __init__(self, monkeypatch):
        self.blocks: list[blocks.BlockSums | None] = []
        self.keys = 0
        summarize, option_key = blocks.Layout.summarize, limits.option_key

        def summarized(layout, data):
            result = summarize(layout, data)
            if layout.options is not None:  # not the cut block summed again
                self.blocks.append(result)
            return result

        def keyed(name):
            self.keys += 1
            return option_key(name)

        monkeypatch.setattr(blocks.Layout, "summarize", summarized)
        monkeypatch.setattr(limits, "option_key", keyed)


def test_a_block_past_the_bound_is_cut_at_its_first_option_past_it(monkeypatch, tmp_path):
    """One block of 2,000 distinct names: its worker keeps the first 51 rows (the 51st is the
    first option past 50), so 51 keys, not 2,000, become Python objects; the merge works out the
    option keys of those only (it worked out one per group of the block: 2,000)."""
    path = write(tmp_path, distinct(2000))
    spy = Spy(monkeypatch)
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    streamed = load_file(path, ReadOptions())
    assert codes(streamed) == [("too-many-options", 52)]
    assert streamed[0] == []
    (summed,) = spy.blocks
    assert summed is not None and summed.cut
    assert summed.rows == 51 and len(summed.totals) == 51
    # The worker's walk, the merge's and the count of the options added: 51 names each.
    assert spy.keys <= 3 * (BOUND + 1)


def test_every_block_past_the_bound_is_cut_and_the_error_is_the_exact_engines(
    monkeypatch, tmp_path
):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 4096)  # some 390 rows a block
    path = write(tmp_path, distinct(5000))
    spy = Spy(monkeypatch)
    exact, streamed = both(monkeypatch, path)
    assert codes(exact) == codes(streamed) == [("too-many-options", 52)]
    assert dump(exact) == dump(streamed)
    assert spy.blocks and all(b is not None and b.cut and b.rows == 51 for b in spy.blocks)


def spellings(rows: int) -> tuple[str, dict[int, int]]:
    """Name k written twice, `Name k` then `NAME  k` (one option, two raw names), on data rows
    2k and 2k + 1: the 51st option (k = 50) first comes on data row 101, line 102. Also each
    option's votes, by k."""
    lines, votes = ["region,candidate,votes"], {}
    for i in range(rows):
        k = i // 2
        lines.append(f"R{i % 3},{'Name' if i % 2 == 0 else 'NAME '} {k},{i % 7}")
        votes[k] = votes.get(k, 0) + i % 7
    return "\n".join(lines) + "\n", votes


def test_names_written_two_ways_are_one_option_when_the_block_is_cut(monkeypatch, tmp_path):
    """2,000 raw names pass the quick bound, 1,000 options the bound itself: the cut is at the
    51st option, not the 51st raw name (line 52)."""
    text, _ = spellings(2000)
    path = write(tmp_path, text)
    spy = Spy(monkeypatch)
    exact, streamed = both(monkeypatch, path)
    assert codes(exact) == codes(streamed) == [("too-many-options", 102)]
    assert [b.rows for b in spy.blocks if b is not None] == [101]


def test_raw_names_past_the_bound_are_no_refusal_when_their_options_are_not(monkeypatch, tmp_path):
    """40 options, written one way in even regions and another in odd ones: 80 raw names against
    a bound of 50. Nothing is cut, and both engines read the 40 options with their votes."""
    lines, votes = ["region,candidate,votes"], {}
    for region in range(4):
        for k in range(40):
            lines.append(f"R{region},{f'Name {k}' if region % 2 else f' name  {k}'},{k + region}")
            votes[k] = votes.get(k, 0) + k + region
    path = write(tmp_path, "\n".join(lines) + "\n")
    spy = Spy(monkeypatch)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert not any(b is not None and b.cut for b in spy.blocks)
    ((election,), _) = streamed
    assert sorted(o.votes for o in election.options) == sorted(votes.values())
    assert len(election.options) == 40


def test_many_races_each_within_the_bound_are_all_read(monkeypatch, tmp_path):
    """30 elections of 40 names each, the same names in every one: 1,200 (race, name) pairs a
    block, no race past the bound. Nothing is cut; every election is read on both engines."""
    lines = ["election,region,candidate,votes"]
    lines += [f"E{e},R{r},N{n},{e + n + r}" for e in range(30) for r in range(2) for n in range(40)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    spy = Spy(monkeypatch)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert len(streamed[0]) == 30
    assert not [p for p in streamed[1] if p.severity == "error"]
    assert not any(b is not None and b.cut for b in spy.blocks)
    for election in streamed[0]:
        e = int(election.facts.election.removeprefix("E"))
        assert {o.candidate: o.votes for o in election.options} == {
            f"N{n}": (e + n) * 2 + 1 for n in range(40)
        }


def test_races_of_fewer_names_than_the_bound_work_out_no_option_key(monkeypatch, tmp_path):
    """Many races of their own names, each of fewer names than the bound, over many blocks: the
    raw names are the upper bound, and no name is made an option key (a file of 10,000 races of
    100 candidates made each of its million names one). Both engines read every race alike."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)
    lines = ["election,candidate,votes"]
    lines += [f"E{e},Name {e}-{n},{e + n}" for e in range(40) for n in range(BOUND)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    spy = Spy(monkeypatch)
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    streamed = load_file(path, ReadOptions())
    assert spy.keys == 0
    assert len([b for b in spy.blocks if b is not None]) > 10
    exact, again = both(monkeypatch, path)
    assert dump(exact) == dump(again) == dump(streamed)
    assert len(streamed[0]) == 40


def test_a_race_of_more_names_than_the_bound_counts_its_options_by_key(monkeypatch, tmp_path):
    """A race whose names pass the bound only as written two ways (Name K, name  K) across
    blocks: counted by option key once its names pass the bound, it is read whole; one more
    option past the bound, and it is refused at that line, on both engines."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    names = [f"Name {k}" if k % 2 else f"name  {k}" for k in range(BOUND)]
    rows = [f"{name},{k + 1}" for k, name in enumerate(names)]
    rows += [f"{name.upper()},{k + 2}" for k, name in enumerate(names)]
    path = write(tmp_path, "candidate,votes\n" + "\n".join(rows) + "\n")
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert not [p for p in streamed[1] if p.code == "too-many-options"]
    path = write(tmp_path, "candidate,votes\n" + "\n".join([*rows, "Someone Else,1"]) + "\n")
    exact, streamed = both(monkeypatch, path)
    assert codes(exact) == codes(streamed) == [("too-many-options", 2 * BOUND + 2)]


def test_a_race_past_the_bound_only_across_blocks_stops_at_the_same_line(monkeypatch, tmp_path):
    """Some 25 rows a block, each block within the bound on its own: no block is cut, the merge
    counts the blocks before it and stops at line 52 as the exact engine does."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    path = write(tmp_path, distinct(400))
    spy = Spy(monkeypatch)
    exact, streamed = both(monkeypatch, path)
    assert codes(exact) == codes(streamed) == [("too-many-options", 52)]
    assert not any(b is not None and b.cut for b in spy.blocks)


def test_a_count_out_of_bounds_past_the_first_option_past_the_bound_is_named_by_neither(
    monkeypatch, tmp_path
):
    """The block is read by the exact stages: a negative count on line 1502, past the 51st option
    on line 52, where reading stops. The exact engine, which reads every row, named it, and the
    streaming one did as its block was read whole; neither does now (`limits.given`: what the
    lines up to the first option past the bound give, whatever the block's size)."""
    text = distinct(2000).replace("\nR0,N1500,", "\nR0,N1500,-")
    assert "R0,N1500,-" in text
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert codes(streamed) == [("too-many-options", 52)]


def test_primaries_are_cut_party_by_party(monkeypatch, tmp_path):
    """A Democratic primary of 30 names and a Republican one of 60 in one office: the Republican
    primary passes the bound at its 51st name, data row 30 + 51 = 81 (line 82); 90 names in all
    would have been past it at the 51st name of the file."""
    lines = ["county,precinct,office,party,candidate,votes"]
    lines += [f"C,P0,President,DEM,D{c},{c + 1}" for c in range(30)]
    lines += [f"C,P0,President,REP,R{c},{c + 1}" for c in range(60)]
    path = write(tmp_path, "\n".join(lines) + "\n", "20200609__aa__primary.csv")
    exact, streamed = both(monkeypatch, path)
    assert codes(exact) == codes(streamed)
    assert ("too-many-options", 82) in codes(streamed)


def test_the_cli_refuses_with_the_same_message_on_both_engines(monkeypatch, tmp_path):
    path = write(tmp_path, distinct(2000))
    outputs = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        result = invoke("summary", str(path))
        assert result.code == 1
        outputs[engine] = result.stdout + result.stderr
    assert outputs["exact"] == outputs["stream"]
    assert (
        f"results.csv:52: election 'results' has more than {BOUND:,} options" in outputs["stream"]
    )


NAMES = ["Ana", "ANA", " ana", "Ben", "ben  ", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal"]


@settings(deadline=None, max_examples=60)  # each example reads a file on both engines
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(["E1", "E2"]), st.sampled_from(NAMES), st.integers(1, 9)),
        min_size=1,
        max_size=60,
    ),
    bound=st.integers(1, 8),
    block=st.sampled_from([64, 128, 4096]),
    blank=st.booleans(),
)
def test_both_engines_refuse_at_the_same_line_whatever_the_blocks(rows, bound, block, blank):
    """Elections of names spelled several ways, any bound, any block size: the streaming engine's
    answer is the exact engine's. Past the bound, both give what the lines up to the first
    option past it give: its refusal, no election. (The exact engine refused every race past
    it, and gave the others.) With `blank`, no row names its election."""
    # No place column: places of options of their own may read as races of their own.
    text = "election,candidate,votes\n" + "".join(
        f"{'' if blank else e},{n} {i % 3},{v}\n" for i, (e, n, v) in enumerate(rows)
    )
    with pytest.MonkeyPatch.context() as patch, tempfile.TemporaryDirectory() as folder:
        patch.setattr(assemble, "MAX_OPTIONS", bound)
        patch.setattr(limits, "MAX_OPTIONS", bound)
        patch.setattr(stream, "BLOCK_BYTES", block)
        path = write(Path(folder), text)
        exact, streamed = both(patch, path)
    assert dump(exact) == dump(streamed)
    refused = [p for p in exact[1] if p.code == "too-many-options"]
    assert len(refused) <= 1
    if refused:
        assert exact[0] == []
