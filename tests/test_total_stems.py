"""`total_words.may_hold_total`: one search over many cells (a race's names) says what the stem
pattern says of each cell, so a race whose names hold no total word skips the per-name look-ups."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pollcli.read.total_words import _STEM_TEXT, _stems_pattern, may_hold_total

# Letters of the stems (Latin, Cyrillic, Kazakh, Polish), a space, and what casefolds into them.
_LETTERS = "totsumgeaznilrcpkTOSUMİıẞß ИТОГВСЕГСУММитогвсегсуммразомпідсумусягбарлжиынқорытółÓŁ\n-"


@given(st.lists(st.text(alphabet=_LETTERS, max_size=12), max_size=8))
def test_one_search_over_the_cells_says_what_each_cell_says(cells: list[str]) -> None:
    assert may_hold_total(cells) == any(_stems_pattern().search(c.casefold()) for c in cells)


def test_each_stem_is_found_among_many_names() -> None:
    names = [f"Candidate {i:03d} Lee" for i in range(100)]
    assert not may_hold_total(names)
    for stem in _STEM_TEXT.split("|"):
        assert may_hold_total([*names, f"X {stem.upper()} Y"]), stem
        assert may_hold_total([f"X {stem}", *names]), stem
