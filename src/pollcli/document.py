"""Result dataclasses → JSON-ready data, as Pydantic would serialise them, without importing Pydantic.

pollcli's results are standard-library dataclasses, not Pydantic models, for start-up's sake: the first
Pydantic model of a process costs more (about 70–100 ms) than the whole of an everyday `pollcli summary`
may (README "Performance"). Pydantic still reads these same classes wherever it pays for itself: it
generates the JSON Schemas (`pollcli.schema`), and the tests check that its serialisation of every result
equals `to_data`'s. Field metadata uses Pydantic's names, so both read it alike:

- `{"description": ...}` documents a field in the schema;
- `{"exclude": True}` marks a field the renderers use but JSON never prints;
- `{"exclude_if": predicate}` leaves a key out when the predicate holds for its value.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import fields, is_dataclass
from types import MappingProxyType
from typing import Any, Final

# Field metadata for a field that feeds the renderers and is never printed as JSON.
NOT_IN_JSON: Final = MappingProxyType({"exclude": True})


def described(text: str) -> dict[str, Any]:
    """Field metadata that documents the field in the JSON Schema."""
    return {"description": text}


def to_data(value: Any) -> Any:
    """`value` as JSON-ready data: dataclasses become dicts in field order, dates ISO strings."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {}
        for item in fields(value):
            if item.metadata.get("exclude"):
                continue
            field_value = getattr(value, item.name)
            exclude_if = item.metadata.get("exclude_if")
            if exclude_if is not None and exclude_if(field_value):
                continue
            data[item.name] = to_data(field_value)
        return data
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or infinity; docs/json.md promises null
    return value


class Document:
    """A command's printed result (summary, compare, validate): the same document as its JSON output."""

    def to_dict(self) -> dict[str, Any]:
        """The document `--format json` prints, as Python data."""
        data: dict[str, Any] = to_data(self)
        return data

    def to_json(self) -> str:
        """The exact text `--format json` prints."""
        from pollcli.render.json import render

        return render(self)
