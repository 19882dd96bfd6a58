"""Which picture format a chart file asks for, told by its suffix, before anything is loaded or drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Final, Literal

from pollcli.errors import UsageError

ChartFormat = Literal["svg", "png", "pdf"]
CHART_FORMATS: Final[tuple[ChartFormat, ...]] = ("svg", "png", "pdf")


def chart_format(path: str, flag: str = "--chart") -> ChartFormat:
    """`svg`, `png` or `pdf` from the file name's suffix (any case); anything else is a usage error."""
    if path == "-":
        raise UsageError(f"{flag} needs a file name; standard output carries the data")
    suffix = Path(path).suffix.lower().lstrip(".")
    for known in CHART_FORMATS:
        if suffix == known:
            return known
    shown = f"'.{suffix}'" if suffix else "no suffix"
    raise UsageError(
        f"{flag} {path}: {shown} is not a chart format; end the name in .svg, .png or .pdf"
    )
