"""The option key (`namekeys.option_key`): names equal but for case, spacing and punctuation are one
option (Georgia's 2012 'E. CULVER KIDD' and 'E.CULVER KIDD'); digits stay apart; the ASCII fast
path and the Unicode path agree. Race keys and regions keep case-and-spacing keys (`spacing_key`)."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from pollcli.columns import option_key, spacing_key

MARKS = "!\"#%&'()*,-./:;?@[\\]^_`{} \t"
LETTERS = st.text(alphabet=string.ascii_letters, min_size=1, max_size=12)


def test_examples_by_hand():
    assert option_key("E. CULVER KIDD") == option_key("E.CULVER KIDD") == "eculverkidd"
    assert option_key("O'Brien") == option_key("O’Brien") == option_key("OBRIEN")
    assert option_key("Иванов И.И.") == option_key("иванов  ии")
    assert option_key("1-2") != option_key("12")
    assert option_key("Question 1-2") == option_key("Question 1 2")
    assert option_key("-") != option_key("*")
    assert option_key("a+b") != option_key("ab")
    assert spacing_key("jungle  Primary") == "jungle primary"
    assert spacing_key("1-2") != spacing_key("1 2")


@given(st.lists(LETTERS, min_size=1, max_size=5), st.lists(st.sampled_from(MARKS), max_size=5))
def test_marks_and_case_between_letters_change_nothing(words, marks):
    plain = "".join(words)
    marked = "".join(
        w + (marks[i % len(marks)] if marks and i < len(words) - 1 else "")
        for i, w in enumerate(words)
    )
    assert option_key(marked) == option_key(plain.upper()) == plain.casefold()


@given(st.text(alphabet=string.ascii_letters + string.digits + MARKS, max_size=20))
def test_the_ascii_fast_path_agrees_with_the_unicode_path(name):
    if not any(c.isalnum() for c in name):
        return  # a name of marks alone keeps them: another rule
    # A letter outside ASCII sends the name down the Unicode path; its key ends with that letter.
    assert option_key(name + " é") == option_key(name) + "é"


@given(st.integers(0, 999), st.integers(0, 999), st.sampled_from(MARKS))
def test_digits_either_side_of_a_mark_stay_apart(left, right, mark):
    assert option_key(f"{left}{mark}{right}") != option_key(f"{left}{right}")
    assert option_key(f"{left}{mark}{right}") == option_key(f"{left} {right}")


def test_an_option_listed_again_in_another_spelling_is_named_as_written(tmp_path, monkeypatch):
    """Two rows of one place whose names are one key ("A. Bell", "Abell"): the error names the
    second as written and the spelling it was read as, not 'A. Bell' twice (both engines)."""
    from conftest import engines_agree, write

    text = "county,office,candidate,votes\nA,Mayor,A. Bell,10\nA,Mayor,Abell,20\nA,Mayor,Cy,25\n"
    _, problems = engines_agree(monkeypatch, write(tmp_path, text))
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.line == 3
    assert error.message.startswith("'Abell' (read as 'A. Bell': case, spacing and punctuation")


@given(st.lists(st.text(alphabet=string.ascii_letters + "ÉéИи\u200b" + MARKS, max_size=8)))
def test_a_race_s_keys_are_each_name_s_key(names):
    from pollcli.namekeys import option_keys

    option_key.cache_clear()
    assert option_keys(names) == [option_key.__wrapped__(n) for n in names]
    assert option_keys(names) == [option_key(n) for n in names]


def test_a_race_of_new_names_leaves_the_shared_cache_to_names_that_come_back():
    # 10,000 races of 200,000 names met only in other races evicted, name by name, those of a
    # precinct file that come back in every race: a race whose first names are new is keyed
    # beside the cache; one whose first names were met before, through it.
    from pollcli.namekeys import option_keys

    option_key.cache_clear()
    names = [f"Name {i:03d}" for i in range(100)]
    assert option_keys(names) == [option_key.__wrapped__(n) for n in names]
    assert option_key.cache_info().currsize == 16  # the first names only, looked up
    assert option_keys(names) == [option_key.__wrapped__(n) for n in names]
    assert option_key.cache_info().currsize == 100  # met before: through the cache
