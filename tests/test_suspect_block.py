"""The streaming engine's look for units that may be totals, over a whole block of unit names at
once (`total_words.suspect_cells`: which of them, kept apart), against the same test made unit by
unit (`suspect_unit`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pollcli.read.total_words import name_key, suspect_cells, suspect_unit

REGIONS = ["Hillsborough", "Coos", "Region 01", "Ab", "Grafton County", "Merrimack"]
UNITS = [
    "P0", "P12", "Ward 3", "Nashua Ward 1", "Concord", "Coos NH'", "HILLSBOROUGH NH", "Hillsborough",
    "Grafton", "TOTALS", "Total", "Fulton County Total", "Summit", "Totten", "", " ", "\t", "  P7 ",
    "a\nb", "Ab", "abc", "Région 01", "Итого", "Магнитогорск", "COOS", "reg 1", "Region 01", "Ab 2",
    "MARRIMACK NH", "Merrimac", "Concord NH", "Hillsboro NH", "Merrimack County", "Alton co.",
    "Belknap Parish", "Ebersberg Landkreis", "Томская область", "Coos County Totals", "co", "x-nh",
    "Hillsborough, NH", "Grafton Co", "ab cd", "Region 01 (total)",
]  # fmt: skip


def suspect(units: list[str], regions: list[str]) -> bool:
    cells = suspect_cells([u.encode() for u in units], [r.encode() for r in regions])
    return cells is None or bool(cells)


def test_the_usual_block_of_ascii_precincts_is_not_suspect():
    units = [f"P{i}" for i in range(5000)] + ["Concord Ward 5"]
    assert not suspect(units, ["Region 01"])
    assert suspect([*units, "  "], ["Region 01"])
    assert suspect([*units, "REGION 01 TOTAL"], ["Region 01"])
    assert suspect([*units, "Region 01"], ["Region 01"])
    assert suspect([*units, "Hillsborough NH"], ["Hillsborough"])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(UNITS), min_size=1, max_size=12, unique=True),
    st.lists(st.sampled_from(REGIONS), max_size=3, unique=True),
)
def test_the_cells_kept_apart_are_exactly_the_suspect_units(units, regions):
    keys = frozenset(name_key(r) for r in regions)
    expected = {u.encode() for u in units if suspect_unit(u, keys)}
    assert suspect_cells([u.encode() for u in units], {r.encode() for r in regions}) == expected


def test_a_block_of_precincts_keeps_only_its_totals_apart():
    units = [f"P{i}" for i in range(5000)] + ["Concord Ward 5", "", " ", "REGION 01 TOTAL"]
    cells = suspect_cells([u.encode() for u in [*units, "Region 01 NH"]], [b"Region 01"])
    assert cells == {b"", b" ", b"REGION 01 TOTAL", b"Region 01 NH"}
    assert suspect_cells([b"P1", b"\xff"], [b"Region 01"]) is None
    # A cell of characters that print as nothing is blank, as the exact stages read it.
    assert suspect_cells(["\u200b".encode(), b"P1"], [b"Region 01"]) == {"\u200b".encode()}


def test_a_suffix_search_does_not_run_from_one_name_into_the_next():
    """Hypothesis found it: written backwards, "co" then "MARRIMACK NH" read as one match across
    the line end, which hid the misspelt county total after it."""
    assert suspect_cells([b"MARRIMACK NH", b"co"], [b"Merrimack"]) == {b"MARRIMACK NH"}
