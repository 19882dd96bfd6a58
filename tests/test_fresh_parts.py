"""A block's keys of races no part names yet are numbered in order without a look-up
(`KeySums.numbered`): a file of races one after another (10,000 races of their own candidates)
looked each of its million keys up in a dictionary of up to a million for nothing. They are put
in it once a later key names their race (`partnumbers.Unnumbered`), and number as the look-up numbers
them (an oracle: each distinct (race, name, party) numbered by its first appearance)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write
from pollcli.contract import Row
from pollcli.read import ReadOptions, engines, keysums, load_file, partnumbers, stream

RACES = ["Town A", "Town B", "Town C", "Town D", "Town E"]
NAMES = ["Ann", "Bo", "Cy Ray", "Dee"]
PARTIES = [None, "Union", "Front"]


def _key(sums: keysums.KeySums, race: str, name: str, party: str | None) -> int:
    row = Row.model_validate({"candidate": name})
    return sums.high(sums.row_number(row)[0], ()) | sums.label(party, 1) | sums.label(race)


def test_a_block_of_new_races_is_numbered_without_a_look_up():
    sums = keysums.KeySums(summed_units=False)
    block = [_key(sums, race, name, "Union") for race in RACES[:3] for name in NAMES]
    assert sums.numbered(block) == (list(range(12)), True)
    assert sums.numbers == {}  # (no race of it named again yet)
    # The block after: the race left unfinished (Town C), named again, then a new one.
    again = [_key(sums, "Town C", "Ann", "Union"), _key(sums, "Town C", "Eve", None)]
    again.append(_key(sums, "Town D", "Ann", None))
    assert sums.numbered(again) == ([8, 12, 13], False)
    assert sorted(sums.numbers.values()) == [8, 9, 10, 11, 12]  # (Town C's alone)
    # A part made key by key (`part`) of a race of the first block: its part, not a new one.
    assert sums.part("Town A", Row.model_validate({"candidate": "Bo", "party": "Union"}), ()) == 1
    assert sums.part("Town D", Row.model_validate({"candidate": "Ann"}), ()) == 13


blocks = st.lists(
    st.lists(
        st.tuples(
            st.booleans(),  # (the key made key by key, `part`, rather than in a block)
            st.sampled_from(RACES),
            st.sampled_from(NAMES),
            st.sampled_from(PARTIES),
        ),
        max_size=8,
    ),
    max_size=8,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blocks=blocks, searched=st.sampled_from([1, 2, 3]))
def test_parts_are_numbered_as_by_their_first_appearance(monkeypatch, blocks, searched):
    # Races one after another, met again blocks later, keys twice in a block, keys made one by
    # one between blocks, a block's parts searched for a race again before all are put in.
    monkeypatch.setattr(partnumbers, "SEARCHES", searched)  # (the same for every example)
    sums = keysums.KeySums(summed_units=False)
    oracle: dict[tuple[str, str, str | None], int] = {}
    for block in blocks:
        alone = [cells for by_part, *cells in block if by_part]
        for race, name, party in alone:
            row = Row.model_validate({"candidate": name, "party": party})
            assert sums.part(race, row, ()) == oracle.setdefault((race, name, party), len(oracle))
        cells = [tuple(cells) for by_part, *cells in block if not by_part]
        new = len(set(cells)) == len(cells) and not set(cells) & oracle.keys()
        expected = [oracle.setdefault(key, len(oracle)) for key in cells]
        keys = [_key(sums, *key) for key in cells]
        assert sums.numbered(keys) == (expected, new)
    assert len(sums.packed) == len(oracle)


def test_races_met_again_blocks_later_read_as_the_exact_engine(tmp_path, monkeypatch):
    # Races one after another in blocks of a few, then rows of the first races again: a new
    # candidate of Town 0 (its option), and a row of Town 1 written again (a repeat, its line).
    rows = [f"Town {t},Name {t}-{i},P{i % 3},{t * 5 + i}" for t in range(20) for i in range(4)]
    rows += ["Town 0,Name 0-9,P1,7", rows[5]]
    path = write(tmp_path, "election,candidate,party,votes\n" + "\n".join(rows) + "\n")
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    read = {}
    for engine in ("stream", "exact"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        read[engine] = load_file(path, ReadOptions())
    assert read["stream"] == read["exact"]
    problems = read["stream"][1]
    assert [p.line for p in problems if p.code == "duplicate-option"] == [83]
