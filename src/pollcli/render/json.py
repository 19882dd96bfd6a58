"""Any result → standard JSON text: full precision, never NaN, deterministic."""

from __future__ import annotations

from pollcli.document import Document


def render(result: Document) -> str:
    """The JSON document of a result, as `--format json` prints it."""
    return result.to_json()
