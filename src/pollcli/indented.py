"""Indented JSON text, byte for byte what `json.dumps(data, indent=2, ensure_ascii=False,
allow_nan=False)` writes (what pollcli has always printed), without its cost.

The standard library writes indented JSON in pure Python, a generator call per value: a summary of
10,000 races of 100 candidates (330 MB of JSON) took about 27 s to print. Pydantic's serialiser
(pydantic_core, in Rust) writes the same text in about 2 s, except in three cases: a float under
1e-4 (`1e-05` is `0.00001` there, `1.5e-07` is `1.5e-7`), NaN or infinity (which pollcli's
documents hold as null, and the standard library refuses), and a lone surrogate (which it
refuses). Its text is used when none of them can be in it; otherwise a second writer gives the
standard library's text at the C encoder's speed: a container that holds only numbers, strings,
booleans and nulls (a candidate's row) lies at one depth, and with the item separator ",\\n" plus
that depth's indent the C encoder writes it exactly as the indenting one would, bar the line
breaks after its opening and before its closing bracket, added here. Containers of containers
are walked in Python, one call per container. tests/test_indented.py holds both writers equal to
the standard library's on random documents.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

import pydantic_core

if TYPE_CHECKING:
    import json

INDENT: Final[str] = "  "
_SCALARS: Final = (str, int, float, bool, type(None))
# Where Pydantic's text may differ from the standard library's: an exponent written without its
# leading zero (`1.5e-7`), a small float written out (`0.00001`), NaN or infinity. They may also
# be found inside a string (a name `NaN`): that only costs the slower writer. Searched as bytes
# (literal searches), some ten times quicker than one pattern of alternatives on 300 MB.
_EXPONENT: Final = re.compile(rb"e-\d")
_MAY_DIFFER: Final[tuple[bytes, ...]] = (b"0.0000", b"NaN", b"Infinity")
# Dashes looked at one by one (`_has_exponent`) before one search of the pattern instead.
_DASHES_LOOKED_AT: Final[int] = 64


def dumps(data: Any) -> str:
    """`json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)`, faster, for JSON data as
    Pydantic's `mode="json"` gives it (every key a string).

    Raises ValueError on NaN or infinity, as `allow_nan=False` does; other types are the standard
    library's (it raises TypeError on what JSON cannot hold)."""
    try:
        fast = pydantic_core.to_json(data, indent=len(INDENT), inf_nan_mode="constants")
    except pydantic_core.PydanticSerializationError:
        pass  # a lone surrogate, or what JSON cannot hold: the standard library's verdict below
    else:
        if as_written(fast):
            return fast.decode()
    return indented_text(data)


def as_written(fast: bytes) -> bool:
    """Whether Pydantic's indented JSON text (as UTF-8, NaN and infinity written as constants) is
    the standard library's too: it holds none of the numbers they write apart (`_MAY_DIFFER`, an
    exponent)."""
    return not any(word in fast for word in _MAY_DIFFER) and not _has_exponent(fast)


def numbers_as_written(fast: bytes) -> bool:
    """`as_written` of a text that writes NaN and infinity as null, as Pydantic's JSON of a result
    does (docs/json.md: never NaN): only a small float or an exponent is written apart."""
    return b"0.0000" not in fast and not _has_exponent(fast)


def _has_exponent(fast: bytes) -> bool:
    """Whether the text holds `_EXPONENT`, looked for at its dashes, each found by a C `memchr`
    (a JSON text has few), rather than by the pattern's pass over every byte: 8 µs, not 35, for
    a race's 33 KB of JSON, 10,000 of them in a file of many races. A text of many dashes is
    searched once by the pattern from the last looked at."""
    at = fast.find(b"-")
    looks = _DASHES_LOOKED_AT
    while at != -1:
        if at and fast[at - 1] == 0x65 and fast[at + 1 : at + 2].isdigit():  # 0x65: `e`
            return True
        looks -= 1
        if not looks:
            return _EXPONENT.search(fast, at) is not None
        at = fast.find(b"-", at + 1)
    return False


def indented_text(data: Any) -> str:
    """The standard library's indented text, its C encoder writing each container of scalars."""
    parts: list[str] = []
    _Writer(parts).write(data, 0)
    return "".join(parts)


class _Writer:
    def __init__(self, parts: list[str]) -> None:
        self.parts = parts
        self.encoders: list[json.JSONEncoder] = []

    def encoder(self, depth: int) -> json.JSONEncoder:
        """The C encoder whose item separator starts a line at this depth."""
        import json  # only here, where Pydantic's text is not the standard library's

        while len(self.encoders) <= depth:
            newline = ",\n" + INDENT * len(self.encoders)
            self.encoders.append(
                json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(newline, ": "))
            )
        return self.encoders[depth]

    def write(self, value: Any, depth: int) -> None:
        parts = self.parts
        if isinstance(value, dict):
            if not value:
                parts.append("{}")
                return
            inner = INDENT * (depth + 1)
            if all(isinstance(item, _SCALARS) for item in value.values()):
                text = self.encoder(depth + 1).encode(value)
                parts.extend(("{\n", inner, text[1:-1], "\n", INDENT * depth, "}"))
                return
            key_text = self.encoder(0).encode
            opening = "{\n"
            for key, item in value.items():
                if not isinstance(key, str):  # Pydantic's `mode="json"` data has none
                    raise TypeError(f"keys must be strings, not {type(key).__name__}")
                parts.extend((opening, inner, key_text(key), ": "))
                self.write(item, depth + 1)
                opening = ",\n"
            parts.extend(("\n", INDENT * depth, "}"))
        elif isinstance(value, list | tuple):
            if not value:
                parts.append("[]")
                return
            inner = INDENT * (depth + 1)
            if all(isinstance(item, _SCALARS) for item in value):
                text = self.encoder(depth + 1).encode(list(value))
                parts.extend(("[\n", inner, text[1:-1], "\n", INDENT * depth, "]"))
                return
            opening = "[\n"
            for item in value:
                parts.extend((opening, inner))
                self.write(item, depth + 1)
                opening = ",\n"
            parts.extend(("\n", INDENT * depth, "]"))
        else:
            parts.append(self.encoder(0).encode(value))
