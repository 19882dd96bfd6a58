"""The day of the vote in an OpenElections file's name (`20201103__ga__general__county.csv`), the
date of an election whose file gives none (`facts`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from pollcli.read.header import ColumnMap

Given = tuple[str, int]  # (value, line), as `facts.Given`


@cache
def _dated_name() -> re.Pattern[str]:
    """OpenElections names every file by the day of the vote: `20201103__ga__general__county.csv`.
    Compiled on first use: a file whose date is given never needs it."""
    return re.compile(r"(\d{4})(\d{2})(\d{2})__[a-z]{2}__", re.IGNORECASE)


def date_in_name(stem: str) -> str | None:
    """The day of the vote an OpenElections file name begins with (`20201103__ga__…` →
    `2020-11-03`), or None: a name of another form, or eight digits that are no day."""
    match = _dated_name().match(stem)
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def date_from_name(
    front: dict[str, Given], columns: ColumnMap, overrides: Mapping[str, Any], stem: str
) -> str | None:
    """Where neither the front matter, a column nor `--date` gives the date, the day an
    OpenElections file name begins with, put into `front` as given on line 0; the note that
    says so, or None."""
    if "date" in front or "date" in columns.present or overrides.get("date") is not None:
        return None
    day = date_in_name(stem)
    if day is None:
        return None
    front["date"] = (day, 0)
    return (
        f"Date {day} read from the file name ({stem!r}, as OpenElections names its files); "
        "--date YYYY-MM-DD gives another."
    )
