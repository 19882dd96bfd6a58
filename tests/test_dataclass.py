"""`pollcli.dataclass.dataclass` makes classes that compare, print and hash as the standard library's
dataclasses do, without compiling their methods."""

from __future__ import annotations

import dataclasses
import inspect
import math
from dataclasses import InitVar

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


DOCUMENTED = (
    '    """A class of its own docstring."""\n'
    "    a: int\n"
    "    b: object = None\n"
    "    c: list = field(default_factory=list)\n"
    "    d: InitVar[int] = 0\n"
    "    def __post_init__(self, d):\n"
    "        object.__setattr__(self, 'seen', d)\n"
)


def _documented_twins(**options: bool) -> tuple[type, type]:
    made = []
    for decorate in (dataclasses.dataclass, quick.dataclass):
        # (Of this module, whose names its string annotations are read in: `InitVar`.)
        space: dict = {"field": dataclasses.field, "InitVar": InitVar, "__name__": __name__}
        exec(f"class C:\n{DOCUMENTED}", space)
        made.append(decorate(**options)(space["C"]))
    return made[0], made[1]


@pytest.mark.parametrize("options", [o for o in SHAPES if "slots" not in o])
def test_a_documented_class_s_init_is_the_standard_library_s_once_called(options):
    """Given when first called (`_first_init`): the same fields set, defaults, factories,
    `__post_init__` with its InitVar, errors and signature as the standard library's."""
    standard, ours = _documented_twins(**options)
    kw = options.get("kw_only", False)
    for args in [(1,), (1, "x"), (1, "x", [2]), (1, "x", [2], 5)]:
        kwargs = dict(zip("abcd", args, strict=False))
        made_ours = ours(**kwargs) if kw else ours(*args)
        made_standard = standard(**kwargs) if kw else standard(*args)
        assert repr(made_ours) == repr(made_standard)
        assert made_ours.seen == made_standard.seen
    with pytest.raises(TypeError):
        ours()
    assert str(inspect.signature(ours)) == str(inspect.signature(standard))
    assert ours.__init__.__qualname__ == standard.__init__.__qualname__ == "C.__init__"
    assert ours.__doc__ == standard.__doc__


@pytest.mark.parametrize("options", [{"slots": True}, {"frozen": True, "slots": True}])
def test_a_documented_class_of_slots_is_made_as_the_standard_library_s(options):
    body = '    """Documented."""\n    a: int\n    b: list = field(default_factory=list)\n'
    standard, ours = twins(body, **options)
    assert repr(ours(1)) == repr(standard(1)) == "C(a=1, b=[])"
    assert not hasattr(ours(1), "__dict__")
    if options.get("frozen"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            ours(1).a = 2  # type: ignore[misc]


def test_a_documented_class_compiles_its_init_only_when_first_made(monkeypatch):
    """Compiling each class's `__init__` as it was defined cost a tenth of the everyday run,
    though most of its classes are never made."""
    compiled: list[str] = []

    def seen_exec(text, *args):
        compiled.append(text)
        return exec(text, *args)

    monkeypatch.setattr(dataclasses, "exec", seen_exec, raising=False)
    space: dict = {}
    exec('class C:\n    """Documented."""\n    a: int\n', space)
    made = quick.dataclass(space["C"])
    assert compiled == []
    assert made(1).a == 1 and made(2).a == 2
    assert len(compiled) == 1 and "def __init__" in compiled[0]


def test_a_subclass_of_a_documented_class_is_made_with_its_own_fields():
    space: dict = {}
    exec('class A:\n    """Base."""\n    a: int\n', space)
    base = quick.dataclass(space["A"])
    sub = quick.dataclass(type("B", (base,), {"__doc__": "Sub.", "__annotations__": {"b": int}}))
    plain = type("P", (base,), {})  # not a dataclass: the base's __init__
    assert repr(sub(1, 2)) == "B(a=1, b=2)"
    assert plain(3).a == 3
    assert repr(base(4)) == "A(a=4)"


def test_a_documented_frozen_class_refuses_assignment_as_the_standard_library_s(monkeypatch):
    """Its `__setattr__` and `__delattr__` are made without compiling them (`_frozen`); an object
    of a subclass that is no dataclass may still get attributes of its own."""
    compiled: list[str] = []

    def seen_exec(text, *args):
        compiled.append(text)
        return exec(text, *args)

    monkeypatch.setattr(dataclasses, "exec", seen_exec, raising=False)
    body = '    """Documented."""\n    a: int\n    b: int = 0\n'
    standard, ours = twins(body, frozen=True)
    compiled.clear()
    space: dict = {}
    exec(f"class C:\n{body}", space)
    quick.dataclass(frozen=True)(space["C"])
    assert compiled == []
    for made in (ours(1), standard(1)):
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'a'"):
            made.a = 2
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'z'"):
            made.z = 2
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'b'"):
            del made.b
    assert ours.__dataclass_params__.frozen and dataclasses.replace(ours(1), b=5).b == 5
    assert hash(ours(1, 2)) == hash(standard(1, 2))
    loose = type("Loose", (ours,), {})(3)
    loose.extra = 4  # not a field, on an object of another class: as the standard library allows
    assert loose.extra == 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        loose.a = 5
    with pytest.raises(TypeError, match="non-frozen"):
        dataclasses.dataclass(type("Thawed", (ours,), {"__annotations__": {"c": int}}))
