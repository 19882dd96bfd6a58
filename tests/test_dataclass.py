"""`pollcli.dataclass.dataclass` makes classes that compare, print and hash as the standard library's
dataclasses do, without compiling their methods."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pollcli import dataclass as quick

SHAPES = [
    {},
    {"frozen": True},
    {"kw_only": True},
    {"slots": True},
    {"frozen": True, "slots": True},
    {"eq": False},
]


def twins(body: str, **options: bool) -> tuple[type, type]:
    """The same class body made by the standard library and by pollcli's decorator."""
    made = []
    for decorate in (dataclasses.dataclass, quick.dataclass):
        space: dict = {"field": dataclasses.field}
        exec(f"class C:\n{body}", space)  # the test's own class bodies
        made.append(decorate(**options)(space["C"]))
    return made[0], made[1]


PLAIN = "    a: int\n    b: object = None\n    c: list = field(default_factory=list)\n"


@pytest.mark.parametrize("options", SHAPES)
def test_equal_printed_and_hashed_as_the_standard_library_s(options):
    standard, ours = twins(PLAIN, **options)
    kw = options.get("kw_only", False)

    def make(cls, *args):
        return cls(**dict(zip("abc", args, strict=False))) if kw else cls(*args)

    for left, right in [((1,), (1,)), ((1, 2), (1, 3)), ((1, "x", [1]), (1, "x", [1]))]:
        assert (make(standard, *left) == make(standard, *right)) == (
            make(ours, *left) == make(ours, *right)
        )
        assert repr(make(ours, *left)) == repr(make(standard, *left))
    assert (make(ours, 1) == make(standard, 1)) is False  # another class: NotImplemented both ways
    assert ours.__eq__(make(ours, 1), 1) is NotImplemented
    assert (standard.__hash__ is None) == (ours.__hash__ is None)
    assert (standard.__hash__ is object.__hash__) == (ours.__hash__ is object.__hash__)
    if standard.__hash__ not in (None, object.__hash__):
        assert hash(make(ours, 1, "x", ())) == hash(make(standard, 1, "x", ()))
        with pytest.raises(TypeError):  # a list field: no hash, as the standard library's
            hash(make(ours, 1, "x", []))
    assert ours.__match_args__ == standard.__match_args__
    assert [f.name for f in dataclasses.fields(ours)] == ["a", "b", "c"]


def test_a_nan_field_compares_as_in_a_tuple():
    # `(nan,) == (nan,)` holds for the same object (identity first), as the standard library's does.
    standard, ours = twins("    a: float\n")
    nan = math.nan
    assert (ours(nan) == ours(nan)) == (standard(nan) == standard(nan)) is True
    assert (ours(nan) == ours(float("nan"))) == (standard(nan) == standard(float("nan"))) is False


def test_fields_left_out_of_comparison_print_and_hash():
    body = (
        "    a: int\n"
        "    b: int = field(default=0, compare=False)\n"
        "    c: int = field(default=0, repr=False)\n"
        "    d: int = field(default=0, hash=False)\n"
    )
    standard, ours = twins(body, frozen=True)
    for args in [(1, 2, 3, 4), (1, 5, 3, 4), (1, 2, 6, 4), (1, 2, 3, 7)]:
        assert repr(ours(*args)) == repr(standard(*args))
        assert hash(ours(*args)) == hash(standard(*args))
        assert (ours(1, 2, 3, 4) == ours(*args)) == (standard(1, 2, 3, 4) == standard(*args))


def test_a_class_s_own_methods_are_kept():
    body = (
        "    a: int\n"
        "    def __eq__(self, other):\n        return 'own eq'\n"
        "    def __repr__(self):\n        return 'own repr'\n"
    )
    for options in ({}, {"frozen": True}):
        standard, ours = twins(body, **options)
        assert ours(1) == ours(2) == "own eq"
        assert repr(ours(1)) == "own repr"
        assert (standard.__hash__ is None) == (ours.__hash__ is None)
    standard, ours = twins("    a: int\n    def __hash__(self):\n        return 7\n")
    assert hash(ours(1)) == hash(standard(1)) == 7
    standard, ours = twins("    a: int\n    __hash__ = None\n", frozen=True)
    assert ours.__hash__ is None and standard.__hash__ is None


def test_a_class_that_holds_itself_prints_dots():
    standard, ours = twins("    a: object = None\n")
    loop_standard, loop_ours = standard(), ours()
    loop_standard.a, loop_ours.a = loop_standard, loop_ours
    assert repr(loop_ours) == repr(loop_standard) == "C(a=...)"


def test_a_subclass_compares_its_own_fields():
    base_standard, base_ours = twins("    a: int\n")
    sub_standard = dataclasses.dataclass(
        type("D", (base_standard,), {"__annotations__": {"b": int}})
    )
    sub_ours = quick.dataclass(type("D", (base_ours,), {"__annotations__": {"b": int}}))
    assert repr(sub_ours(1, 2)) == repr(sub_standard(1, 2))
    assert (sub_ours(1, 2) == sub_ours(1, 3)) == (sub_standard(1, 2) == sub_standard(1, 3))
    assert (sub_ours(1, 2) == base_ours(1)) == (sub_standard(1, 2) == base_standard(1))


@given(
    st.tuples(st.integers(0, 2), st.none() | st.text(max_size=2), st.lists(st.integers(0, 1))),
    st.tuples(st.integers(0, 2), st.none() | st.text(max_size=2), st.lists(st.integers(0, 1))),
)
def test_any_two_values_compare_alike(left, right):
    standard, ours = twins(PLAIN)
    assert (ours(*left) == ours(*right)) == (standard(*left) == standard(*right))
    assert (ours(*left) != ours(*right)) == (standard(*left) != standard(*right))
    assert repr(ours(*left)) == repr(standard(*left))
