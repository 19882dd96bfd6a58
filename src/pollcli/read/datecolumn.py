"""An election's date in a column: `date`, Elections Canada's `Election Date`, DC's `ElectionDate`.

Read as the `date` fact, one date for each election: a race of two dates is two elections, refused
with the `--race-by` that makes each date's its own race (`advice`: the race's columns and the
date's). A column of another name than `date` whose cell is not year first (DC's `6/19/2018
12:00:00 AM`: month or day first, which pollcli never guesses) is left unread (`unread`), as such a
column was before it was read at all; a `date` column and the front matter must be ISO (or year
first with slashes), as always.

Races of several elections told apart by such a column (`--race-by 'Election Date,Riding'`) are
said to be counted together, from the first date to the last (`several_elections`), the dates in
their order as dates (`date_order`), not as text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import shlex
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from pydantic import ValidationError

from pollcli.columns import normalize_header
from pollcli.contract import Facts
from pollcli.problems import Code, Found

if TYPE_CHECKING:
    from pollcli.read.racekeys import KeyColumn
    from pollcli.read.racekeys import Race as Entry

_SEVERAL = ", or, if the rows are of several elections, tell them apart with --race-by {keys}"
_ALONE = " (and the column of each race: a district, constituency or office)"
_BY_ID = " (each election's id)"


# A column of each election's id (ParlGov's `election_id`): it alone tells the elections apart.
_ELECTION_ID: Final = re.compile(r"(?i)\W*election[\W_]*(?:id|code|key|nr|no|number)\W*")


def advice(
    race_columns: list[str],
    header: str,
    headers: Sequence[str] = (),
    country: tuple[str, Iterable[tuple[str, str]]] | None = None,
) -> str:
    """The end of the message for a date that differs within an election (New Zealand's 1946–2015
    file, trial 7; Canada's candidates since 1867, session 17). With no race column, a column of
    each election's id among `headers` (ParlGov's `election_id`) is the key; else, where the
    `country` column (its header, and the rows' (country, date) cells) holds two countries on
    one date, it keeps them apart before the date: by the date alone ParlGov's elections to the
    European Parliament of one day were one race of every country's parties."""
    ident = next((h for h in headers if _ELECTION_ID.fullmatch(h)), None)
    if ident is not None and not race_columns:
        return _SEVERAL.format(keys=shlex.quote(ident)) + _BY_ID
    keys = [*race_columns, header]
    if country is not None and header not in race_columns:
        seen: dict[str, str] = {}
        for place, date in country[1]:
            if place and seen.setdefault(date, place) != place:
                keys.insert(len(race_columns), country[0])
                break
    return _SEVERAL.format(keys=shlex.quote(",".join(keys))) + ("" if race_columns else _ALONE)


def unread(header: str | None, value: object) -> bool:
    """Whether a date cell of the column `header` is left unread (see the module's docstring)."""
    if header is None or normalize_header(header) == "date":
        return False
    try:
        Facts.model_validate({"election": "-", "date": value})
    except ValidationError:
        return True
    return False


def say_unread(
    header: str, value: object, said: set[str], found: Found, keyed: bool = False
) -> None:
    """A warning, once a file, that the column `header` is not read as the election's date. A
    column of the races' keys (`keyed`: `--race-by DATUM_ABSTIMMUNG,…`) names them as written:
    one --date for all would date every race alike, so none is offered."""
    if header in said:
        return
    said.add(header)
    found.warn(
        Code.UNKNOWN_COLUMN,
        None,
        f"{header!r} is not read as the election's date: {value!r} is not written year first "
        "(pollcli never guesses which of two numbers is the day); "
        + ("it names the races as written" if keyed else "give --date YYYY-MM-DD"),
        column=header,
    )


def several_elections(keys: list[KeyColumn], roles: list[str], races: Iterable[Entry]) -> str:
    """Where races of several elections (years, dates: MEDSL's House) add up their races won: the
    first and last of them (`date_order`), and the --where that keeps the last."""
    for key in keys:
        if key.role not in roles or key.role not in ("year", "date", "cycle"):
            continue
        values = date_order({race.values.get(key.role, "") for race in races} - {""})
        if len(values) > 1:
            return (
                f"; they are of {len(values)} elections by {key.header!r} ({values[0]} to "
                f"{values[-1]}), whose races won are counted together: --where "
                f"{shlex.quote(f'{key.header}={values[-1]}')} keeps one"
            )
    return ""


# A date written year first (`1867-08-07`, `2010/11/29`), or day and month before the year
# (`10/3/2020`), a time of day after it left aside (DC's `6/19/2018 12:00:00 AM`).
@functools.cache
def _year_first() -> re.Pattern[str]:
    """Compiled on first use, as `_year_last`: only a column of dates needs them."""
    return re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[\sT])")


@functools.cache
def _year_last() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?=$|\s)")


def date_order(values: Iterable[str]) -> list[str]:
    """The values in the order of the dates they are, where each is one; else as text. Year first
    is read so; day and month before the year are read month first or day first, whichever reads
    every value — where both do and give two orders, pollcli does not guess, and the values stay
    in text order. ("10/3/2020" came before "9/1/2020" as text; and "2010-12-01" before
    "2010/11/29".)"""
    texts = sorted(values)
    orders = []
    for month_first in (True, False):
        dates = [_date(text, month_first) for text in texts]
        if None not in dates:
            keyed = sorted(zip(dates, texts, strict=True))
            orders.append([text for _, text in keyed])
    return orders[0] if orders and all(o == orders[0] for o in orders) else texts


def _date(text: str, month_first: bool) -> dt.date | None:
    text = text.strip()
    if found := _year_first().match(text):
        year, month, day = map(int, found.groups())
    elif found := _year_last().match(text):
        first, second, year = map(int, found.groups())
        month, day = (first, second) if month_first else (second, first)
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
