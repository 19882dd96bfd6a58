"""Any result → standard JSON text: full precision, never NaN, deterministic."""

from __future__ import annotations

import json
from typing import Any

from pollcli.document import to_data
from pollcli.render.safe import json_text


def render(result: Any) -> str:
    """The JSON document of a result dataclass (see `pollcli.document`), as `--format json` prints it."""
    data = to_data(result)
    return json_text(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"
