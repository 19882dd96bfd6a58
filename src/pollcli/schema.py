"""JSON Schemas of pollcli's JSON outputs, generated from the Pydantic models that produce them.

The schemas are never written by hand: each one is the `model_json_schema` of the model the command
prints, so a field added to a model shows up in its schema by construction.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from pollcli.errors import UsageError

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic.json_schema import GenerateJsonSchema

JSON_SCHEMA_DIALECT: Final[str] = "https://json-schema.org/draft/2020-12/schema"

# command → (module, model class). Adding a command's JSON output is one line here.
MODELS: Final[dict[str, tuple[str, str]]] = {
    "summary": ("pollcli.models", "Summary"),
    "compare": ("pollcli.compare_models", "Comparison"),
    "validate": ("pollcli.models", "ValidationReport"),
}


class UnknownSchemaError(UsageError):
    """The name is not a command with a JSON output."""


def names() -> list[str]:
    """Commands whose JSON output has a schema, in a stable order (no model is imported)."""
    return list(MODELS)


def model(name: str) -> type[BaseModel]:
    """The Pydantic model of command `name`'s JSON output; `UnknownSchemaError` if there is none."""
    if name not in MODELS:
        raise UnknownSchemaError(f"no schema named {name!r}; choose one of {', '.join(names())}")
    module_name, class_name = MODELS[name]
    found: type[BaseModel] = getattr(importlib.import_module(module_name), class_name)
    return found


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every `pollcli NAME --format json` output validates against."""
    found = model(name)
    schema = found.model_json_schema(mode="serialization", schema_generator=_generator())
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


def _generator() -> type[GenerateJsonSchema]:
    from pydantic.json_schema import GenerateJsonSchema
    from pydantic_core import core_schema

    class OutputSchema(GenerateJsonSchema):
        """Every field the output prints is required: JSON output always carries each key."""

        def field_is_required(
            self,
            field: core_schema.ModelField | core_schema.DataclassField | core_schema.TypedDictField,
            total: bool,
        ) -> bool:
            if self.mode == "serialization" and field["type"] != "typed-dict-field":
                return field.get("serialization_exclude_if") is None
            return super().field_is_required(field, total)

    return OutputSchema
