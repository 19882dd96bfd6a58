"""`pollcli.formats`: how figures and lists are written in text, one set of formatters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pollcli.formats import counted, listed, pct, with_party


def test_listed_shows_the_first_and_counts_the_rest() -> None:
    assert listed(["a", "b", "c", "d", "e"], 3) == "a, b, c and 2 more"
    assert listed(["a", "b", "c"], 3) == "a, b, c"
    assert listed([], 3) == ""
    assert listed(list(range(1_203)), 2, lambda n: f"#{n}") == "#0, #1 and 1,201 more"


def test_listed_writes_only_what_it_shows() -> None:
    written: list[int] = []

    def text(n: int) -> str:
        written.append(n)
        return str(n)

    listed(list(range(1_000)), 3, text)
    assert written == [0, 1, 2]


def test_listed_separators_and_noun() -> None:
    assert listed(["x", "y", "z"], 1, repr, sep="; ", more="; and ") == "'x'; and 2 more"
    assert listed(["A", "B"], 1, noun="district") == "A and 1 more district"
    assert listed(["A", "B", "C"], 1, noun="district") == "A and 2 more districts"
    assert listed(["A", "B"], 1, more=", and ") == "A, and 1 more"


@given(st.lists(st.text(alphabet="abc", min_size=1, max_size=3), max_size=30), st.integers(1, 10))
def test_listed_names_every_item_or_counts_it(items: list[str], shown: int) -> None:
    """Oracle: the items written, plus the number said, is the number of items."""
    text = listed(items, shown)
    head, _, tail = text.partition(" and ")
    said = len(head.split(", ")) if head else 0
    more = int(tail.removesuffix(" more").replace(",", "")) if tail else 0
    assert said + more == len(items)
    assert said == min(shown, len(items))


def test_the_other_formatters() -> None:
    assert pct(81.3149) == "81.31 %"
    assert pct(None) == "—"
    assert counted(1, "vote") == "1 vote"
    assert counted(2_000, "vote") == "2,000 votes"
    assert with_party("Ann", "DEM") == "Ann (DEM)"
    assert with_party("MAIE", "MAIE") == "MAIE"
