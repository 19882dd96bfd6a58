"""Any result model → standard JSON text: full precision, never NaN, deterministic."""

from __future__ import annotations

import json

from pydantic import BaseModel

from pollcli.render.safe import json_text


def render(model: BaseModel) -> str:
    data = model.model_dump(mode="json")
    return json_text(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"
