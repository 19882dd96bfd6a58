"""`name_pairs.sibling_groups` (numpy, the engines' test over their many units) finds every group
`sibling_suspects` (Python, the totals stage's over a region's records) finds, whatever the units,
their names and votes, and a unit's votes split over several rows (a unit cut by a block's end):
otherwise the engines would sum by region a place the totals stage sets aside in the other engine.
The Python test is the oracle; the fixture's hand-made groups, both ways."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pollcli.read.name_pairs import expand, sibling_groups, sibling_suspects, stem_table

NAMES = [
    "Brunswick 07",
    "Brunswick 08",
    "Brunswick City",
    "Harpswell",
    "Hampton Falls",
    "Hampton W1",
    "Hampton W2",
    "Hampton City",
    "Bath",
    "Bath-1",
    "Bath-2",
]


def _numpy(units: list[tuple[int, str, int]], split: list[int]) -> set[int]:
    """The groups by `sibling_groups`, each unit's votes cut in two rows where `split` says."""
    counts, flat = stem_table(NAMES, {})
    keys, groups, cells, votes = [], [], [], []
    for number, (group, name, count) in enumerate(units):
        cut = min(split[number % len(split)], count) if split else 0
        for part in (cut, count - cut) if cut else (count,):
            keys.append(group * 1000 + NAMES.index(name))
            groups.append(group)
            cells.append(NAMES.index(name))
            votes.append(part)
    at, stems = expand(
        np, np.array(cells, np.int64), np.array(counts, np.int64), np.array(flat, np.int64)
    )
    found = sibling_groups(
        np,
        np.array(keys, np.int64)[at],
        np.array(groups, np.int64)[at],
        stems,
        np.array(votes, np.int64)[at],
    )
    return set(found.tolist())


UNITS = st.lists(
    st.tuples(st.integers(0, 2), st.sampled_from(NAMES), st.integers(0, 400)),
    max_size=25,
    unique_by=lambda u: (u[0], u[1]),
)


@given(UNITS, st.lists(st.integers(0, 400), max_size=3))
def test_numpy_finds_every_group_python_finds(units, split) -> None:
    assert sibling_suspects(units) <= _numpy(units, split)


def test_the_review_s_groups() -> None:
    city = [(0, "Brunswick 07", 510), (0, "Brunswick 08", 520), (0, "Brunswick City", 1030)]
    town = [(0, "Harpswell", 1930)]
    assert sibling_suspects(city + town) == {0} and _numpy(city + town, []) == {0}
    off = [*city[:2], (0, "Brunswick City", 1031)]
    assert sibling_suspects(off + town) == set() == _numpy(off + town, [])
    falls = [(1, "Hampton W1", 500), (1, "Hampton W2", 510), (1, "Hampton Falls", 250)]
    hampton = [*falls, (1, "Hampton City", 1010)]
    assert sibling_suspects(hampton) == {1} and _numpy(hampton, [100]) == {1}


@given(
    st.lists(st.integers(0, 900), min_size=2, max_size=2),
    st.integers(0, 300),
    st.integers(-2, 2),
    st.lists(st.integers(0, 400), max_size=3),
)
def test_a_city_row_of_its_wards_beside_a_town(wards, falls, off, split) -> None:
    """A city row of its wards' sum (give or take `off`), a town of a longer name beside them."""
    units = [
        (1, "Hampton W1", wards[0]),
        (1, "Hampton W2", wards[1]),
        (1, "Hampton Falls", falls),
        (1, "Hampton City", max(sum(wards) + off, 0)),
    ]
    python = sibling_suspects(units)
    assert python <= _numpy(units, split)
    if off == 0 and sum(wards) >= 100:
        assert python == {1}
