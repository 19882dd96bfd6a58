"""A column of each row's share of the count reported (`pct_reported`): a count still under way.

An election-night file says how far each row's count has got: New York City's 2025 primary
(`AD,election_district,pct_reported,<a column per candidate>`) gives `99`, `85.71`, `50` in every
row. Its figures are those counted so far, not the result: where any row reports under 100 %, a
`partial-count` warning says how many (of the rows that give a share), and the findings open with
it (`Election.counted_so_far`). Where the file states no stage (no front matter, column or
`--stage`), such a file is `preliminary` (SPEC's stage of a count that may still change), every
race of it; a stage stated (`official`) is kept, the warning with it.

Read from the table's cells before its layout is settled, so long and wide tables alike (the
streaming engine hands such a file to the exact engine: `engines.streamable`). A cell is a
percentage, 0–100 (`85.71`, `50 %`; plain numbers none above 1 are fractions of 1, `0.85`), or
precincts counted of all (`12/40`, `12 of 40`: the only cells a `precincts_reporting` column is
read by, a bare `12` there being a count); a blank cell (or `NA`) says nothing. A column with any
other cell is left unused, with a note naming its line. In a file of many races, a race is counted
in part where some of its own rows report under 100 % (its race keys' cells, `Race.keys`, those of
a row); one whose rows all report 100 % is no count under way, a note saying how many of the
file's races are. Where a row under 100 % is no race's by its cells (a key read otherwise than
written, a wide table's races across columns), every race is told of the file's rows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from pollcli.columns import normalize_header
from pollcli.numbers import NA_WORDS
from pollcli.problems import Code, Found

if TYPE_CHECKING:
    from pollcli.election import Election

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


@dataclass(frozen=True, slots=True)
class Reported:
    """What `check` found: what it said of the file's rows, and the cells of those under 100 %."""

    said: str
    under: list[tuple[str, ...]]


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
) -> Reported | None:
    """What a reporting column says of the rows: "N of M rows report under 100 % ('COL')" where
    any does (a `partial-count` warning among `found`), with those rows' cells; else None. A column `--ignore-column`
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
    rows: list[Sequence[str]] = []
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
        rows.append(cells)
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
    return Reported(said, [tuple(rows[n]) for n in below])  # (copies: cells are joined later)


def of_races(said: str) -> str:
    """What `check` said, for one race of a file of many: the rows are the file's, every race's
    together (its own may all report 100 %)."""
    return f"{said} in the file, all its races together"


def tell(elections: Sequence[Election], reported: Reported | None, header: Sequence[str]) -> None:
    """Each election told of a count under way (`counted_so_far`): a race of a file of many only
    where some of its own rows report under 100 % (`own_rows`), else every race of the rows of the
    file (`of_races`). The file's stage is `preliminary` where it states none, in every race (a
    race counted in full on election night is no official count yet; `seats` reads the races of
    one stage as one chamber)."""
    if reported is None:
        return
    own = own_rows([e for e in elections if e.race is not None], reported, header)
    partial = sum(1 for n in own.values() if n) if own is not None else 0
    races = f"{partial:,} of the file's {len(own or ()):,} races {'is' if partial == 1 else 'are'}"
    for election in elections:
        if "stage" not in election.facts.model_fields_set:  # (no stage stated: SPEC's preliminary)
            election.facts = election.facts.model_copy(update={"stage": "preliminary"})
        if election.race is None:
            election.counted_so_far = reported.said
        elif own is None:
            election.counted_so_far = of_races(reported.said)
        elif own[id(election)]:
            column = reported.said.rsplit("(", 1)[1]
            election.counted_so_far = (
                f"{own[id(election)]:,} of its rows report under 100 % ({column}"
            )
        else:  # (its own rows all report 100 %: the warning is the file's)
            election.notes.append(
                f"Its rows all report 100 % of their count: {races} counted in part "
                "(partial-count)."
            )


def _key(cell: str) -> str:
    return " ".join(cell.split()).casefold()


def own_rows(
    elections: Sequence[Election], reported: Reported, header: Sequence[str]
) -> dict[int, int] | None:
    """Of each race (by `id`), how many of the rows under 100 % are its own: those whose cells
    in its race keys' columns hold its values (a key blank in all of them, a stage's, is not
    read). None where that cannot be told: a race of no keys or of a column not in the header,
    or a row under 100 % that is no race's."""
    at = {h: i for i, h in reversed(list(enumerate(header)))}
    groups: dict[tuple[str, ...], list[Election]] = {}
    for election in elections:
        keys = election.race.keys if election.race is not None else {}
        if not keys or not keys.keys() <= at.keys():
            return None
        groups.setdefault(tuple(keys), []).append(election)
    counts: dict[int, int] = {}
    placed = [False] * len(reported.under)
    for keyed, races in groups.items():
        # (A key blank in every race of them, a stage column of one stage, tells none apart.)
        headers = tuple(h for h in keyed if any(r.race and r.race.keys[h] for r in races))
        if not headers:
            return None
        index = [at[h] for h in headers]
        cells = [tuple(_key(r[i]) if i < len(r) else "" for i in index) for r in reported.under]
        rows = Counter(cells)
        names = {id(race): _race_cells(race, headers) for race in races}
        counts.update((key, rows.get(name, 0)) for key, name in names.items())
        named = set(names.values())
        placed = [done or row in named for done, row in zip(placed, cells, strict=True)]
    return counts if all(placed) else None


def _race_cells(election: Election, headers: tuple[str, ...]) -> tuple[str, ...]:
    keys = election.race.keys if election.race is not None else {}
    return tuple(_key(keys[h]) for h in headers)
