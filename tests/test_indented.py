"""The fast indented JSON writer against its oracle, the standard library's indenting encoder."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pollcli import indented
from pollcli.indented import dumps
from pollcli.render import safe


def oracle(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e-05, 5e-324, 1e16, 1e22, -0.0, 0.1, 123456.789])
    | st.text()
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=40,
)


@given(documents)
@settings(max_examples=400)
def test_same_text_as_the_standard_library(data: Any) -> None:
    assert dumps(data) == oracle(data)


@given(documents)
@settings(max_examples=200)
def test_the_second_writer_alone_gives_the_same_text(data: Any) -> None:
    """The writer used where Pydantic's text may differ, tried on every document."""
    assert indented.indented_text(data) == oracle(data)


@pytest.mark.parametrize(
    "value", [1e-05, 1.5e-07, 2.5e-09, "a\udcffb", [0.1, {"x": 3e-06}], 9.9e-05]
)
def test_where_pydantic_writes_otherwise_the_standard_library_text_is_kept(value: Any) -> None:
    data = {"results": [{"share": value, "votes": 1}]}
    assert dumps(data) == oracle(data)


def test_tuples_are_lists_and_empty_containers_stay_on_their_line() -> None:
    data = {"a": (1, "x"), "b": [], "c": {}, "d": [[], {}, [{"e": ()}]]}
    assert dumps(data) == oracle(data)
    assert dumps(data).count("\n") == oracle(data).count("\n") > 5


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_refused_as_allow_nan_false_refuses_them(bad: float) -> None:
    with pytest.raises(ValueError):
        dumps({"rows": [{"share": bad}]})
    with pytest.raises(ValueError):
        dumps({"rows": [[1, {"x": [bad]}]]})


def test_what_json_cannot_hold_is_a_type_error_as_in_the_standard_library() -> None:
    with pytest.raises(TypeError):
        dumps({"a": [{"b": object()}]})


# JSON's escaping of what `ensure_ascii=False` lets through (render.safe.json_text), against the
# plain substitutions it makes, written here without its quick check.
_TRICKY = (
    "\x7f\x80\x9f\xa0\u00e9\u2019\u202a\u202e\u2066\u2069\u2070\ud7ff\ud800\udcff\ue000\U0001f600"
)


def _escaped_plainly(text: str) -> str:
    def hexed(char: str) -> str:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    out = []
    for char in text:
        code = ord(char)
        if (
            code == 0x7F
            or 0x80 <= code <= 0x9F
            or 0x202A <= code <= 0x202E
            or 0x2066 <= code <= 0x2069
        ):
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\" + hexed(char))
        else:
            out.append(char)
    return "".join(out)


@given(st.text(alphabet=st.sampled_from(_TRICKY) | st.characters(), max_size=30))
@settings(max_examples=400)
def test_json_escaping_is_the_plain_substitution(text: str) -> None:
    assert safe.json_text(text) == _escaped_plainly(text)


@pytest.mark.parametrize("char", list(_TRICKY))
def test_each_character_alone_in_ascii_text(char: str) -> None:
    text = f'{{"name": "a{char}b"}}'
    assert safe.json_text(text) == _escaped_plainly(text)


@pytest.mark.parametrize("count", [99_999, 100_000, 100_001, 250_000])
def test_a_text_full_of_dashes_is_still_searched_to_its_end(count: int) -> None:
    """Past so many harmless characters of an unsafe character's lead byte, one pattern search."""
    for tail in ("\u202e", "\x85", "\udcff", "ok"):
        text = "\u2013" * count + tail
        assert safe.json_text(text) == _escaped_plainly(text)


def test_a_key_that_is_not_a_string_is_refused_by_the_second_writer() -> None:
    with pytest.raises(TypeError):
        indented.indented_text({1: {"a": [1e-05]}})


@pytest.mark.parametrize("dashes", [0, 1, 63, 64, 65, 200])
@pytest.mark.parametrize("tail", [b"1.5e-7", b"e-x", b"e-", b"-e-1", b"1e+16", b"the e-mail"])
def test_an_exponent_is_found_among_any_number_of_dashes(dashes: int, tail: bytes) -> None:
    """`numbers_as_written` looks for `e-` and a digit at each dash, then (past a few) with one
    search of the pattern: the same answer as the pattern's search over the whole text."""
    text = b'{"a": "x-y' + b" -" * dashes + b'", "b": ' + tail + b"}"
    assert indented.numbers_as_written(text) == (re.search(rb"e-\d", text) is None)
    assert indented.as_written(text) == (re.search(rb"e-\d", text) is None)
