"""Issue 10 item 3: `kinds.implied_by_name` tells most names a candidate without the tables' look-ups
(`kinds.plainly_candidate`: a word that no key implying a kind or a fact holds). The pre-test must
give exactly what the full path (`_kind_of` and the fact table) gives: checked on every key of the
tables, on names built from them (footnote marks, ballot numbers, doubled halves, `Total `
prefixes, numbered write-ins, another word), and on generated names."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pollcli import kinds, namekeys

# The tables' own keys, and every word the pre-test allows (the rules' words among them).
TABLE_KEYS = sorted({*kinds._KIND_BY_NAME, *kinds._FACT_BY_NAME})
WORDS = sorted(kinds._KEY_WORDS)


def full(name: str) -> tuple[str, str | None]:
    """What a name implies by the tables and rules alone, with no pre-test."""
    key = kinds._unmarked(kinds.name_key(name))
    kind = kinds._kind_of(key)
    return kind, kinds._FACT_BY_NAME.get(key) if kind == "candidate" else None


def check(name: str) -> None:
    key = kinds._unmarked(kinds.name_key(name))
    expected = full(name)
    assert kinds.implied_by_name.__wrapped__(name) == expected, name
    if kinds.plainly_candidate(key):
        assert expected == ("candidate", None), name


def variants(key: str) -> list[str]:
    """Names built from a table's key as files write such lines."""
    title = key.title()
    return [
        key,
        title,
        key.upper(),
        f"{title}**",
        f"*{key}†",
        f"Total {title}",
        f"TOTAL {key.upper()} *",
        f"{title} {title}",
        f"15 - {title}",
        f"1234 {title}",
        f"{title} 133",
        f"{title} Smith",
        f"Smith {title}",
        f"({title})",
        f"{title}-{title}",
        f"Total Total {title}",
        f"7 {title} {title}",
    ]


@pytest.mark.parametrize("key", TABLE_KEYS)
def test_every_table_key_and_the_names_built_from_it(key):
    for name in variants(key):
        check(name)


@pytest.mark.parametrize(
    "name",
    [
        "WRITE-IN 133",
        "Write-In: Scattered",
        "Not Assigned",
        "Write-ins Unassigned",
        "Misc Write In",
        "Write in ١٣٣",
        "Write in １３３",
        "Informal Informal",
        "Total Under Votes",
        "Total Registered Voters",
        "Jane Doe",
        "Nils Jinfelwix",
        "",
        "   ",
        "**",
        "²",
        "Ballots Cast",
        "REGISTERED VOTERS - TOTAL",
    ],
)
def test_hand_picked_names(name):
    check(name)


_PIECES = st.sampled_from(
    [*WORDS, *TABLE_KEYS, "total", "15", "133", "1234", "²", "Smith", "ann", "**", "†", "-", ":"]
)


@settings(max_examples=500)
@given(st.lists(_PIECES, min_size=1, max_size=5), st.sampled_from([" ", "-", "  ", ", ", "*"]))
def test_names_made_of_the_tables_words(pieces, joiner):
    check(joiner.join(pieces))
    check(joiner.join(pieces).upper())


@settings(max_examples=500)
@given(st.text(alphabet="abinotwrslcv 0123*†-:.,²١ÉéＡ１İ\u00a0", max_size=24))
def test_generated_names(name):
    check(name)


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=24))
def test_an_ascii_name_s_key_read_as_bytes_is_the_text_s(name):
    # `name_key` reads an ASCII name as bytes: the key NFKC, casefold and `_APART` give.
    import unicodedata

    text = unicodedata.normalize("NFKC", name).casefold().translate(namekeys._APART)
    assert kinds.name_key.__wrapped__(name) == " ".join(text.split())
