"""A block's precincts and race cells grouped by numpy (`read.racecodes`,
`RaceUnits.agreeing_codes`) keep what the loop over each combination keeps (`RaceUnits.agreeing`,
the oracle): the same precinct numbers in the same order, the same pairs of race cells and region
with the same (precinct, line) pairs in the same order, the same precincts registered with the
same counts, and the same refusals (`HandOver`, `NoPrecinct`), block after block."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pollcli.read.raceunits import HandOver, RaceUnits
from pollcli.read.unitfacts import NoPrecinct

REGIONS = ["Adams", "Baker", ""]
UNITS = ["P1", "P2", "P3", "P10", ""]
OFFICES = ["Governor", "Senate", "Ballots Cast"]
DISTRICTS = ["", "1", "2"]
COUNTS = ["", "100", "250"]

combination = st.tuples(
    st.sampled_from(["", "General", "Primary"]),  # election (blank: the file's)
    st.sampled_from(REGIONS),
    st.sampled_from(UNITS),
    st.sampled_from(OFFICES),
    st.sampled_from(DISTRICTS),
    st.sampled_from(COUNTS),
)


def encoded(cells: list[str], spelt_twice: bool) -> tuple[np.ndarray, list[str]]:
    """A column as pyarrow hands it over (codes into distinct cells), cleaned: a cell may be
    there twice when its raw spellings were two (`spelt_twice`: each text given again, last)."""
    distinct = list(dict.fromkeys(cells))
    texts = distinct + (distinct if spelt_twice else [])
    at = {text: i for i, text in enumerate(distinct)}
    codes = [at[c] + (len(distinct) if spelt_twice and k % 2 else 0) for k, c in enumerate(cells)]
    return np.array(codes, dtype=np.int32), texts


def state(units: RaceUnits) -> tuple:
    return (
        dict(units.ids),
        list(units.precincts),
        list(units.counts),
        [(pair, list(numbers)) for pair, numbers in units.pairs.items()],
        [(unit, list(slots)) for unit, slots in units.units.items()],
    )


def take(units: RaceUnits, found: list) -> None:
    """What the streaming engine's merge does with a block's answer."""
    for unit, values, line in found:
        units.register(unit)
        for fact, text in values.items():
            units.keep(unit, fact, text, line)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    blocks=st.lists(
        st.lists(combination, min_size=0, max_size=25, unique=True), min_size=1, max_size=4
    ),
    election_column=st.booleans(),
    counted=st.booleans(),
    spelt_twice=st.booleans(),
    data=st.data(),
)
def test_codes_keep_what_the_loop_keeps(blocks, election_column, counted, spelt_twice, data):
    precinct_columns = [*(["election"] if election_column else []), "region", "unit"]
    precinct_columns += ["office", "district"]
    keys = ["registered"] if counted else []
    loop = RaceUnits(canonicals=("office", "district"), keys=tuple(keys))
    codes = RaceUnits(canonicals=("office", "district"), keys=tuple(keys))
    line = 2
    for block in blocks:
        rows = [
            (*([e] if election_column else []), r, u, o, d, *([c] if counted else []))
            for e, r, u, o, d, c in block
        ]
        lines = list(range(line, line + len(rows)))
        line += len(rows) + data.draw(st.integers(0, 3))
        columns = [list(column) for column in zip(*rows, strict=True)] or [
            [] for _ in precinct_columns + keys
        ]
        outcomes = []
        for units, call in ((loop, "lists"), (codes, "codes")):
            try:
                if call == "lists":
                    found = units.agreeing(columns, lines, precinct_columns, keys, "Election")
                else:
                    given_codes = [encoded(column, spelt_twice) for column in columns]
                    found = units.agreeing_codes(
                        given_codes,
                        np.array(lines, dtype=np.int64),
                        precinct_columns,
                        keys,
                        "Election",
                    )
            except (HandOver, NoPrecinct) as refused:
                outcomes.append(type(refused))
                continue
            take(units, found or [])
            outcomes.append(None)
        assert outcomes[0] == outcomes[1]
        if outcomes[0] is not None:
            return  # the file is the exact engine's
        assert state(loop) == state(codes)


def test_a_block_of_one_precinct_in_two_races():
    """By hand: one precinct of two races, a second precinct of one; the pairs and lines."""
    units = RaceUnits(canonicals=("office",), keys=())
    columns = [
        (np.array([0, 0, 0], dtype=np.int32), ["Adams"]),
        (np.array([0, 0, 1], dtype=np.int32), ["P1", "P2"]),
        (np.array([0, 1, 0], dtype=np.int32), ["Governor", "Senate"]),
    ]
    found = units.agreeing_codes(
        columns, np.array([5, 9, 7], dtype=np.int64), ["region", "unit", "office"], [], "E"
    )
    assert found == [(("E", "Adams", "P1"), {}, 5), (("E", "Adams", "P2"), {}, 7)]
    assert {pair: list(numbers) for pair, numbers in units.pairs.items()} == {
        (("E", "Governor"), "Adams"): [0, 5, 1, 7],
        (("E", "Senate"), "Adams"): [0, 9],
    }
