"""Issue 10 item 3: a block's new names keyed and read a column at a time (`namekeys.name_keys`,
`beside_counts.keys_beside`, `namecells.implied_by_keys`), in one translation of the ASCII names
joined and each distinct word looked at once, give exactly what each name gives alone
(`name_key`, `count_beside`, `kinds.implied_by_name`): checked on the tables' own keys and the
names built from them (footnote marks, numbers, doubled halves), on hostile names (line ends,
control and invisible characters, non-ASCII words, blanks) and on generated columns of them."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pollcli import kinds
from pollcli.beside_counts import count_beside, keys_beside
from pollcli.namekeys import name_key, name_keys
from pollcli.read.namecells import implied_by_keys
from test_kind_pretest import TABLE_KEYS, variants

HOSTILE = [
    "",
    " ",
    "Ann\nBo",
    "\n",
    "Ann\x1cBo",
    "A\u200bnn",
    "Ёлкин Иван",
    "Write-in 133",
    "WRITE-IN**",
    "*Over Votes",
    "Registered Voters",
    "Public Counter",
    "Contest Totals",
    "Turnout",
    "15 - None of the Above",
    "Informal Informal",
    "Total",
    "133",
    "Nils Jinfelwix",
    "de la Cruz",
    "Blank ¹",
    "Votes²",
    "(Ann)",
    "Ann-Bo",
]
WORDS = [*HOSTILE, *(name for key in TABLE_KEYS[:60] for name in variants(key))]
NAMES = st.one_of(
    st.sampled_from(WORDS),
    st.lists(
        st.sampled_from([*"Ab 1-.'*#\u200b\u00a0\x01\x1c\n\té¹", "Total", "Votes", "Blank"]),
        max_size=8,
    ).map("".join),
)


def check(names: list[str]) -> None:
    keys = name_keys(names)
    assert keys == [name_key(name) for name in names]
    assert keys_beside(keys) == [count_beside(name) for name in names]
    implied = implied_by_keys(names, keys, None)
    assert implied == [kinds.implied_by_name.__wrapped__(name) for name in names]
    assert implied_by_keys(names, keys, {}) == implied  # (through a file's own cache)


def test_the_tables_keys_and_hostile_names_as_one_column():
    check(WORDS)
    check([name for name in WORDS if name.isascii() and "\n" not in name])  # (all at once)


def test_a_column_of_plain_names_is_told_candidates_at_once():
    names = [f"Name{k} Smith" for k in range(50)]
    assert implied_by_keys(names, name_keys(names), None) == [("candidate", None)] * 50


@settings(max_examples=300, deadline=None)
@given(names=st.lists(NAMES, max_size=20))
def test_generated_columns_of_names(names):
    check(names)
