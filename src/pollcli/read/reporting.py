"""A column of each row's share of the count reported (`pct_reported`): a count still under way.

An election-night file says how far each row's count has got: New York City's 2025 primary
(`AD,election_district,pct_reported,<a column per candidate>`) gives `99`, `85.71`, `50` in every
row. Its figures are those counted so far, not the result: where any row reports under 100 %, a
`partial-count` warning says how many (of the rows that give a share), and the findings open with
it (`Election.counted_so_far`). The stage stays what the file or the flags say (`official` by
default): a partial count is no stage of its own in the contract.

Read from the table's cells before its layout is settled, so long and wide tables alike (the
streaming engine hands such a file to the exact engine: `engines.streamable`). A cell is a
percentage, 0–100 (`85.71`, `50 %`; plain numbers none above 1 are fractions of 1, `0.85`), or
precincts counted of all (`12/40`, `12 of 40`: the only cells a `precincts_reporting` column is
read by, a bare `12` there being a count); a blank cell (or `NA`) says nothing. A column with any
other cell is left unused, with a note naming its line. In a file of many races the rows are the
file's: each race is told of them all (its own rows may all report 100 %).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from pollcli.columns import normalize_header
from pollcli.numbers import NA_WORDS
from pollcli.problems import Code, Found

# Header words of a share of the count reported, as `columns.normalize_header` writes them.
WORDS: Final[frozenset[str]] = frozenset(
    {"pct_reported", "percent_reported", "pct_reporting", "percent_reporting", "reporting_pct",
     "reporting_percent", "precincts_reporting_pct", "precincts_reporting_percent",
     "pct_precincts_reporting", "percent_precincts_reporting", "%_reporting", "%_reported"}
)  # fmt: skip
# Header words of precincts reporting, whose cells are read only as counted of all (`12/40`): a
# bare `12` there is a count of precincts, no percentage.
COUNTED: Final[frozenset[str]] = frozenset({"precincts_reporting", "precincts_reported"})
_SHARE: Final[re.Pattern[str]] = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%?)")
_FRACTION: Final[re.Pattern[str]] = re.compile(r"(\d+)\s*(?:/|of)\s*(\d+)", re.IGNORECASE)


def is_reporting(label: str) -> bool:
    """Whether a header cell names a share of the count reported (see `WORDS`, `COUNTED`)."""
    key = normalize_header(label)
    return key in WORDS or key in COUNTED


def _share(cell: str, counted: bool) -> tuple[float, bool] | None:
    """The percentage a cell reports (`85.71`, `50 %`, `12/40`), and whether it is a plain
    number (no `%`, no fraction: `0.85` may be a fraction of 1); None if it is none."""
    if (fraction := _FRACTION.fullmatch(cell)) is not None:
        done, of = int(fraction[1]), int(fraction[2])
        return (done / of * 100, False) if of > 0 and done <= of else None
    if counted or (share := _SHARE.fullmatch(cell)) is None:
        return None
    value = float(share[1].replace(",", "."))
    return (value, not share[2]) if value <= 100 else None


def check(
    header: Sequence[str],
    records: Sequence[tuple[int, list[str]]],
    found: Found,
    notes: list[str],
    ignored: Sequence[str] = (),
) -> str | None:
    """What a reporting column says of the rows: "N of M rows report under 100 % ('COL')" where
    any does (a `partial-count` warning among `found`), else None. A column `--ignore-column`
    names is not read; one with a cell that is no share is left unused, with a note. Plain
    numbers none of which is above 1 are fractions of 1 (`0.85`; `1`, all counted)."""
    unused = {normalize_header(c) for c in ignored}
    at = next(
        (i for i, h in enumerate(header) if is_reporting(h) and normalize_header(h) not in unused),
        None,
    )
    if at is None:
        return None
    label = header[at]
    counted = normalize_header(label) in COUNTED
    shares: list[tuple[float, bool]] = []
    lines: list[int] = []
    for line, cells in records:
        cell = cells[at].strip() if at < len(cells) else ""
        if not cell or cell in NA_WORDS:
            continue  # (a blank cell, or `NA`, says nothing)
        share = _share(cell, counted)
        if share is None:
            what = "precincts counted of all (12/40)" if counted else "a percentage, or 12/40"
            notes.append(
                f"The {label!r} column is left unused: line {line}'s {cell!r} is no share of the "
                f"count reported ({what})."
            )
            return None
        shares.append(share)
        lines.append(line)
    scale = 100 if all(plain and value <= 1 for value, plain in shares) else 1
    below = [n for n, (value, plain) in enumerate(shares) if value * (scale if plain else 1) < 100]
    if not below:
        return None
    under = len(below)
    said = f"{under:,} of {len(shares):,} rows report under 100 % ({label!r})"
    found.warn(
        Code.PARTIAL_COUNT,
        lines[below[0]],  # (the first row under 100 %)
        f"{said}: the figures are those counted so far, not the result; check again when "
        "every row reports 100 %",
        column=label,
    )
    return said


def of_races(said: str) -> str:
    """What `check` said, for one race of a file of many: the rows are the file's, every race's
    together (its own may all report 100 %)."""
    return f"{said} in the file, all its races together"
