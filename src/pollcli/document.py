"""What every printed result shares: field metadata for its JSON, and Pydantic's serialisation of it.

pollcli's results are standard-library dataclasses (cheap to build, no validation needed: the analysis
made them); Pydantic serialises them to JSON data and generates their JSON Schemas (`pollcli.schema`)
from the same classes. Field metadata uses Pydantic's names:

- `{"description": ...}` documents a field in the schema;
- `{"exclude": True}` marks a field the renderers use but JSON never prints;
- `{"exclude_if": predicate}` leaves a key out when the predicate holds for its value
  (`optional`: a key printed only where it applies).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import sys
import typing
from collections.abc import Callable, Iterator
from types import MappingProxyType, SimpleNamespace, UnionType
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from pydantic import TypeAdapter

INDENT: Final[str] = "  "  # as `indented.INDENT`, not imported at start-up
# Field metadata for a field that feeds the renderers and is never printed as JSON.
NOT_IN_JSON: Final = MappingProxyType({"exclude": True})


def described(text: str) -> dict[str, Any]:
    """Field metadata that documents the field in the JSON Schema."""
    return {"description": text}


def _none(value: object) -> bool:
    return value is None


def _false(value: object) -> bool:
    return not value


def optional(text: str, *, flag: bool = False) -> dict[str, Any]:
    """Field metadata for a key printed only where it applies, documented in the JSON Schema:
    left out where the value is None, or (`flag`, a boolean) where it is false."""
    absent: Callable[[Any], bool] = _false if flag else _none
    return {"exclude_if": absent, **described(text)}


def empty_list() -> list[Any]:
    """The `default_factory` of a result's list field. A Python function, not `list`: building the
    serialiser, Pydantic reads each factory's signature, and a builtin's is parsed from text by the
    tokenizer, whose first use compiles its patterns (a few milliseconds of every JSON run)."""
    return []


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def adapter(kind: Any) -> TypeAdapter[Any]:
    """Pydantic's adapter for a result class (or a field's type), built once per process."""
    if kind not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[kind] = TypeAdapter(kind)
    return _ADAPTERS[kind]


def to_data(value: Any) -> Any:
    """A result as JSON-ready data, as Pydantic serialises it: dicts in field order, ISO dates, and
    null for NaN or infinity (JSON has neither; docs/json.md promises null)."""
    return adapter(type(value)).dump_python(value, mode="json")


def printed_fields(value: Any) -> Iterator[tuple[str, Any]]:
    """A result's fields as its JSON holds them, in order: without those marked `exclude`, and
    those marked `exclude_if` whose predicate holds for their value (as Pydantic leaves them out)."""
    for item in dataclasses.fields(value):
        field_value = getattr(value, item.name)
        if item.metadata.get("exclude"):
            continue
        absent = item.metadata.get("exclude_if")
        if absent is not None and absent(field_value):
            continue
        yield item.name, field_value


_FIELD_TYPES: dict[tuple[type, str], Any] = {}


def _field_type(kind: type, name: str) -> Any:
    """One field's type, as `typing.get_type_hints` reads it: field by field, each hint being
    compiled from its text (all of the everyday JSON run's classes', some 80, were)."""
    if (kind, name) not in _FIELD_TYPES:
        owner = next(c for c in kind.__mro__ if name in vars(c).get("__annotations__", {}))
        one = SimpleNamespace(__annotations__={name: owner.__annotations__[name]})
        hints = typing.get_type_hints(one, vars(sys.modules[owner.__module__]))
        _FIELD_TYPES[kind, name] = hints[name]
    return _FIELD_TYPES[kind, name]


def json_text(data: Any) -> str:
    """JSON text as pollcli prints it: two-space indents, UTF-8, no NaN, unsafe characters escaped
    (`render.safe.json_text`)."""
    from pollcli.indented import dumps
    from pollcli.render.safe import json_text as escaped

    return escaped(dumps(data)) + "\n"


class Document:
    """A command's printed result (summary, compare, validate): the same document as its JSON output."""

    def to_dict(self) -> dict[str, Any]:
        """The document `--format json` prints, as Python data: `to_data(self)`, key for key.

        Pydantic's serialiser of the whole class would be built for every section the document can
        hold (a file of races' overview, tally, splits and refused races), though most documents
        hold few of them, and its building is the costliest step of the everyday JSON run. Each
        section present is serialised by the adapter of its own type instead, so a summary of one
        election builds the serialiser of its elections only."""
        return {
            name: adapter(_field_type(type(self), name)).dump_python(value, mode="json")
            for name, value in printed_fields(self)
        }

    def to_json(self) -> str:
        """The exact text `--format json` prints."""
        return json_text(self.to_dict())

    def write_json(self, write: Callable[[str], object]) -> None:
        """`to_json`'s text, written piece by piece: each item of a list section (an election of
        a summary) serialised and written alone, so a summary of 10,000 races of 100 candidates
        (330 MB of JSON) never holds its whole text, nor its data, at once (it held both, and
        their copies: some 1.3 GB).

        Indented JSON holds no line break within a string (JSON escapes it), so an item's own
        indented text, each line break followed by its depth's indent, is the item as the whole
        document's text writes it."""
        for piece in self._json_pieces():
            write(piece.decode())

    def write_json_utf8(self, write: Callable[[bytes], object]) -> None:
        """`write_json`'s pieces as UTF-8 bytes, for a UTF-8 stream: Pydantic's text is written as
        it comes, never decoded and encoded again (some 0.7 s of a 330 MB summary)."""
        for piece in self._json_pieces():
            write(piece)

    def json_utf8_pieces(self) -> Iterator[bytes]:
        """`write_json_utf8`'s pieces, one at a time: for a file written as they come."""
        return self._json_pieces()

    def _json_pieces(self) -> Iterator[bytes]:
        yield from _object_pieces(self, 1)
        yield b"\n"


def _object_pieces(value: Any, depth: int) -> Iterator[bytes]:
    """The indented JSON of a result `depth` levels deep, in pieces: each item of a list field
    serialised alone, and a field that is itself a result (a summary's overview: a line for each
    of 10,000 races, 4 MB of text serialised at once and copied twice) taken field by field."""
    indent = INDENT.encode()
    inner = b"\n" + indent * depth
    opening = first = b"{" + inner
    for name, field_value in printed_fields(value):
        yield opening + json_text(name)[:-1].encode() + b": "
        opening = b"," + inner
        kind = _field_type(type(value), name)
        if isinstance(field_value, list) and field_value and typing.get_origin(kind) is list:
            item_kind = typing.get_args(kind)[0]
            deeper = inner + indent
            start = b"[" + deeper
            for item in field_value:
                yield start + _json_of(item_kind, item).replace(b"\n", deeper)
                start = b"," + deeper
            yield inner + b"]"
        elif _result_of(field_value, kind):
            yield from _object_pieces(field_value, depth + 1)
        else:
            yield _json_of(kind, field_value).replace(b"\n", inner)
    yield b"{}" if opening is first else b"\n" + indent * (depth - 1) + b"}"


def _result_of(value: Any, kind: Any) -> bool:
    """Whether a field's value is a result of the very class its type names (alone or in a union),
    which Pydantic writes as its printed fields."""
    return (
        dataclasses.is_dataclass(value)
        and not isinstance(value, type)
        and (type(value) is kind or type(value) in typing.get_args(kind))
    )


# The values a process's JSON may take from their fields (`plain_data`) before Pydantic's
# serialisers are built instead: a few hundred options, some milliseconds, as long as a build.
PLAIN_VALUES: Final[int] = 5_000
_PLAIN_LEFT: Final[list[int]] = [PLAIN_VALUES]


class _TooLong(Exception):
    """More values than `PLAIN_VALUES`: Pydantic's serialiser writes them quicker."""


def _json_of(kind: Any, value: Any) -> bytes:
    """`_json_utf8` of a value of this type. Building Pydantic's serialiser of a result class is the
    costliest step of the everyday JSON run (some 5 ms for `ElectionSummary`, most of the output
    schema, whose sections the run mostly lacks): a value of few fields is written from its data
    as `plain_data` reads it, until the process has written `PLAIN_VALUES` so (a file of many
    races: their first few) or its type's serialiser has been built."""
    if kind not in _ADAPTERS and _PLAIN_LEFT[0] > 0:
        try:
            data = plain_data(kind, value, _PLAIN_LEFT)
        except (_TooLong, TypeError):  # (a type it does not read: a library caller's numpy int)
            pass
        else:
            return json_text(data)[:-1].encode()
    return _json_utf8(adapter(kind), value)


def plain_data(kind: Any, value: Any, left: list[int]) -> Any:
    """`to_data(value)` for a value of this type, read from its fields as Pydantic's serialiser
    reads them (`tests/test_document.py` holds the two equal): a result's printed fields, in order
    (`printed_fields`); an int as a float in a float field, NaN or infinity as None; a date in ISO
    form, an enum as its value, a tuple as a list. `left` counts down the values still allowed:
    `_TooLong` past them; a TypeError for a type it does not read (Pydantic's serialiser then)."""
    left[0] -= 1
    if left[0] < 0:
        raise _TooLong
    kind = _without_none(kind)
    if isinstance(value, int) and kind is float:  # (a bool too, as Pydantic writes it)
        return float(value)
    if isinstance(value, bool) and kind is int:
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, list | tuple):
        args = typing.get_args(kind)
        item = args[0] if args else Any
        return [plain_data(item, one, left) for one in value]
    if isinstance(value, dict):
        args = typing.get_args(kind)
        item = args[1] if len(args) == 2 else Any
        return {str(key): plain_data(item, one, left) for key, one in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        made = type(value)
        return {
            name: plain_data(_field_type(made, name) if _holds_int(one) else Any, one, left)
            for name, one in printed_fields(value)
        }
    raise TypeError(f"no JSON data for {type(value).__name__}")


def _holds_int(value: Any) -> bool:
    """Whether a value is an int (a bool too) or a list or dict holding one: the only value whose
    JSON data its field's type decides (in a float field it is a float), so the only field whose
    type is read."""
    if isinstance(value, int):
        return True
    if isinstance(value, list | tuple):
        return any(_holds_int(one) for one in value)
    if isinstance(value, dict):
        return any(_holds_int(one) for one in value.values())
    return False


def _without_none(kind: Any) -> Any:
    """A field's type without its `| None`: `float | None` is `float`."""
    if isinstance(kind, UnionType) or typing.get_origin(kind) is typing.Union:
        args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return args[0] if len(args) == 1 else Any
    return kind


def _json_utf8(kind: TypeAdapter[Any], value: Any) -> bytes:
    """`json_text` of a value's JSON data (`to_data`), without its last line break, as UTF-8:
    Pydantic's JSON of the value itself where that is the text (`indented.numbers_as_written`: it
    writes a NaN as null, as docs/json.md promises) and holds nothing `render.safe` escapes;
    otherwise the text of its data, as `json_text` writes it."""
    from pollcli.indented import numbers_as_written
    from pollcli.render.safe import utf8_may_be_unsafe

    try:
        fast = kind.dump_json(value, indent=len(INDENT))
    except ValueError:  # (a lone surrogate: Pydantic's serialisation error is a ValueError)
        pass
    else:
        if numbers_as_written(fast) and not utf8_may_be_unsafe(fast):
            return fast
    return json_text(kind.dump_python(value, mode="json"))[:-1].encode()
