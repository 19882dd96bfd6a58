"""An election's date in a column: `date`, Elections Canada's `Election Date`, DC's `ElectionDate`.

Read as the `date` fact, one date for each election: a race of two dates is two elections, refused
with the `--race-by` that makes each date's its own race (`advice`: the race's columns and the
date's). A column of another name than `date` whose cell is not year first (DC's `6/19/2018
12:00:00 AM`: month or day first, which pollcli never guesses) is left unread (`unread`), as such a
column was before it was read at all; a `date` column and the front matter must be ISO (or year
first with slashes), as always.
"""

from __future__ import annotations

import shlex

from pydantic import ValidationError

from pollcli.columns import normalize_header
from pollcli.contract import Facts
from pollcli.problems import Code, Found

_SEVERAL = ", or, if the rows are of several elections, tell them apart with --race-by {keys}"
_ALONE = " (and the column of each race: a district, constituency or office)"


def advice(race_columns: list[str], header: str) -> str:
    """The end of the message for a date that differs within an election (New Zealand's 1946–2015
    file, trial 7; Canada's candidates since 1867, session 17)."""
    keys = shlex.quote(",".join([*race_columns, header]))
    return _SEVERAL.format(keys=keys) + ("" if race_columns else _ALONE)


def unread(header: str | None, value: object) -> bool:
    """Whether a date cell of the column `header` is left unread (see the module's docstring)."""
    if header is None or normalize_header(header) == "date":
        return False
    try:
        Facts.model_validate({"election": "-", "date": value})
    except ValidationError:
        return True
    return False


def say_unread(header: str, value: object, said: set[str], found: Found) -> None:
    """A warning, once a file, that the column `header` is not read as the election's date."""
    if header in said:
        return
    said.add(header)
    found.warn(
        Code.UNKNOWN_COLUMN,
        None,
        f"{header!r} is not read as the election's date: {value!r} is not written year first "
        "(pollcli never guesses which of two numbers is the day); give --date YYYY-MM-DD",
        column=header,
    )
