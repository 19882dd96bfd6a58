"""`dataclasses.dataclass` for the classes every run defines, with `__eq__`, `__repr__` and a frozen
class's `__hash__` made without compiling them.

Python 3.11 writes each method of a dataclass as source text and compiles it (3.13 compiles them
at once): three to six compilations a class, and the everyday run defines some sixty classes, most
of whose methods it never calls. `__init__` stays the standard library's (it is called once
an object), compiled when the class is first called where the class has a docstring of its own
(most of the run's classes are never called; one without gets it at once, the standard library
writing its docstring from the signature), and such a class, frozen, refuses assignment without a
compiled `__setattr__`. `__eq__`, `__repr__` and `__hash__` are made here from the class's fields,
doing what the standard library's do: equal when of the same class and the tuples of compared
fields are equal (`NotImplemented` otherwise), `Name(field=value, …)` of the fields shown (`...`
for an object met again within its own repr), the hash of the tuple of hashed fields for a frozen
class, and no hash for a class that compares by value and can change. `tests/test_dataclass.py`
holds them equal to the standard library's.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
def dataclass(cls: type[T], /) -> type[T]: ...


@overload
def dataclass(
    *, eq: bool = True, frozen: bool = False, kw_only: bool = False, slots: bool = False
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(
    cls: type[T] | None = None,
    /,
    *,
    eq: bool = True,
    frozen: bool = False,
    kw_only: bool = False,
    slots: bool = False,
) -> type[T] | Callable[[type[T]], type[T]]:
    """`dataclasses.dataclass(cls, eq=…, frozen=…, kw_only=…, slots=…)`, its `__eq__`, `__repr__`
    and `__hash__` as the standard library's, made without compiling them (see the module's
    docstring)."""

    def wrap(cls: type[T]) -> type[T]:
        return _define(cls, eq=eq, frozen=frozen, kw_only=kw_only, slots=slots)

    return wrap if cls is None else wrap(cls)


def _define(cls: type[T], *, eq: bool, frozen: bool, kw_only: bool, slots: bool) -> type[T]:
    own = cls.__dict__
    # As the standard library decides: an `__eq__`, `__repr__` or `__hash__` of the class's own is
    # kept, but for the `__hash__ = None` Python gives a class that writes its own `__eq__`.
    has_eq, has_repr = "__eq__" in own, "__repr__" in own
    explicit_hash = "__hash__" in own and not (own["__hash__"] is None and has_eq)
    # A class of its own docstring gets its `__init__` when first called (`_first_init`); one
    # without gets it now, the standard library writing the docstring from its signature.
    later = "__init__" not in own and bool(cls.__doc__)
    # Such a class, frozen, is refused assignment by `_frozen` (the standard library's compiled
    # `__init__` of a frozen class sets its fields past it); one of slots keeps the standard
    # library's, which also gives it the state a copy of it is made from.
    refused = frozen and later and not slots
    made: Any = dataclasses.dataclass(
        cls,
        init=not later,
        eq=False,
        repr=False,
        frozen=frozen and not refused,
        kw_only=kw_only,
        slots=slots,
    )
    fields = dataclasses.fields(made)
    if refused:
        made.__dataclass_params__.frozen = True  # (as a subclass or `dataclasses` reads it)
        made.__setattr__, made.__delattr__ = _frozen(made, {f.name for f in fields})
    if later:
        made.__init__ = _first_init(made, frozen)
    if not has_repr:
        made.__repr__ = _repr([f.name for f in fields if f.repr])
    if not eq:  # compared as any object is, by identity, and hashed so
        return made  # type: ignore[no-any-return]
    if not has_eq:
        made.__eq__ = _eq([f.name for f in fields if f.compare])
    if not explicit_hash:
        hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
        made.__hash__ = _hash(hashed) if frozen else None
    return made  # type: ignore[no-any-return]


def _first_init(cls: Any, frozen: bool) -> Callable[..., None]:
    """An `__init__` that, first called, gives the class the standard library's and calls it.
    Most classes an everyday run defines are never made by their `__init__` (the file's shape
    needs other stages), and compiling each class's was a tenth of the run. The standard
    library's `__init__` is that of a dataclass made of the class itself, adding no field."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if cls.__init__ is __init__:  # (not already given by another first call)
            names = {"__qualname__": cls.__qualname__, "__module__": cls.__module__}
            own: Any = dataclasses.dataclass(
                type(cls.__name__, (cls,), names), eq=False, repr=False, frozen=frozen
            )
            cls.__init__ = own.__init__
        cls.__init__(self, *args, **kwargs)

    return __init__


def _frozen(cls: Any, names: set[str]) -> tuple[Callable[..., None], Callable[..., None]]:
    """A frozen class's `__setattr__` and `__delattr__`, as the standard library's: a field, or any
    attribute of the class's own objects, is neither assigned nor deleted (FrozenInstanceError)."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = f"{cls.__qualname__}.__setattr__"
    __delattr__.__qualname__ = f"{cls.__qualname__}.__delattr__"
    return __setattr__, __delattr__


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an object's values of these fields, as `(self.a, self.b)` gives it."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _eq(names: list[str]) -> Callable[[Any, Any], Any]:
    values = _values(names)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _repr(names: list[str]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _hash(names: list[str]) -> Callable[[Any], int]:
    values = _values(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__
