"""How files are read: the options of `load` and `validate`, checked once for every file."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import field
from typing import Any

from pollcli.columns import NO_NAME, canonical_column, normalize_header
from pollcli.contract import FACT_NAMES
from pollcli.dataclass import dataclass
from pollcli.errors import UsageError
from pollcli.kinds import KINDS, ROW_FACTS, name_key
from pollcli.problems import Code, Found
from pollcli.read.decode import check_encoding
from pollcli.read.dialect import DELIMITERS


# Not frozen: it holds dicts (`facts`, `kinds`), so it is never hashed; freezing costs start-up.
@dataclass
class ReadOptions:
    """How to read files; `facts` are overrides of election facts (flags, or the Python API)."""

    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)
    # `--kind NAME=KIND`: an option's kind (or the unit's count a row gives) by its name.
    kinds: Mapping[str, str] = field(default_factory=dict)
    # `--ignore-column COL`: columns to leave unused.
    ignore_columns: tuple[str, ...] = ()
    # `--sheet NAME`: the sheet of a workbook to read (default: the first).
    sheet: str | None = None
    # Files of many races (docs/csv-format.md "Files with many races"): the columns that tell races
    # apart (None: by the header's words), races kept by name, rows kept by a column's value.
    race_by: tuple[str, ...] | None = None
    races: tuple[str, ...] = ()
    where: tuple[tuple[str, str], ...] = ()
    # The one column to read votes from, where several vote-mode columns are given.
    votes: str | None = None
    # OLD=NEW: an option named OLD is read as NEW (one candidate spelt two ways).
    aliases: tuple[tuple[str, str], ...] = ()
    # Where the header is (`--header-line N` or `N-M`): its first line, and its last (None: as many
    # rows as `preamble` finds).
    header_line: tuple[int, int | None] | None = None
    # `--columns`: the names of the columns of a file with no header, in order; its first line
    # is data.
    columns: tuple[str, ...] = ()
    # A wide table (one column per option) whatever the header says (`--wide`), and the columns
    # that name a row rather than an option (`--id-columns`; implies --wide).
    wide: bool = False
    id_columns: tuple[str, ...] = ()
    # `--region COL` / `--unit COL`: the column of the area a row's votes are counted in, and of
    # the precinct or polling station within it, where the header's words do not tell them.
    region: str | None = None
    unit: str | None = None
    # `--fusion`: rows of one race with one candidate name and different parties are one
    # candidate's party lines (fusion voting), added up; by default they are two candidates.
    fusion: bool = False
    # `--blank-votes zero` (True): a row with a name and a blank vote cell (no share either)
    # counts 0 votes, listed in a warning; `error` (False): such a row is an error that names the
    # flag; by default (None) a line that is no candidate's (scatter, write-ins) counts 0, listed.
    blank_votes_zero: bool | None = None
    # `--primary party|top-two`: the file's primaries are party primaries (one race per party) or
    # top-two primaries (one race of every party per office); None: as its name says
    # (`read.racekeys.party_rule`).
    primary: str | None = None

    def kind_keys(self) -> dict[str, str]:
        """The `--kind` overrides by the key names are matched with (`kinds.name_key`)."""
        return {name_key(name or NO_NAME): kind for name, kind in self.kinds.items()}

    def check(self) -> None:
        """A usage error for an impossible option (an unknown encoding, delimiter or fact)."""
        if self.encoding:
            check_encoding(self.encoding)
        if self.delimiter is not None and self.delimiter not in DELIMITERS:
            raise UsageError(f"--delimiter {self.delimiter!r} is not one of ',' ';' '|' or 'tab'")
        if self.decimal not in (None, ",", "."):
            raise UsageError(f"--decimal must be ',' or '.', not {self.decimal!r}")
        for name, kind in self.kinds.items():
            if kind not in (*KINDS, *ROW_FACTS):
                raise UsageError(
                    f"--kind {name}={kind}: {kind!r} is not a kind; give one of "
                    f"{', '.join((*KINDS, *ROW_FACTS))}"
                )
            if name and not name_key(name):
                raise UsageError(f"--kind {name}={kind}: give the option's name before '='")
            if not name and kind not in KINDS:  # (the rows of no name: an option's kind)
                raise UsageError(
                    f"--kind ={kind}: the rows of no name are one of {', '.join(KINDS)}"
                )
        for column, value in self.where:
            if not column.strip() or not value.strip():
                raise UsageError(
                    f"--where {column}={value}: give a column and a value, e.g. --where office=Governor"
                )
        if self.columns and self.header_line is not None:
            raise UsageError(
                "--columns names the columns of a file with no header, and --header-line says "
                "where a file's header is: give one of them"
            )
        for flag, place in (("--region", self.region), ("--unit", self.unit)):
            if place is not None and not place.strip():
                raise UsageError(f"{flag} needs a column, e.g. {flag} precinct")
        if self.region and self.unit and self.region.strip() == self.unit.strip():
            raise UsageError(
                f"--region and --unit name one column ({self.region!r}): the unit is the "
                "precinct or polling station within the region"
            )
        if self.race_by is not None and not [c for c in self.race_by if c.strip()]:
            raise UsageError("--race-by needs at least one column, e.g. --race-by office,district")
        unknown = sorted(set(self.facts) - FACT_NAMES)
        if unknown:
            raise UsageError(
                f"unknown election fact(s) {', '.join(map(repr, unknown))}; "
                f"the facts are {', '.join(sorted(FACT_NAMES))}"
            )


def header_lines(value: int | str | Sequence[int] | None) -> tuple[int, int | None] | None:
    """`--header-line` as given (6, "6", "6-8", (6, 8)) → (first, last or None); a usage error
    for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise UsageError(f"--header-line {value!r}: give a line number")
    if isinstance(value, int):
        first, last = value, None
    elif isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s*(?:[-–:]\s*(\d+)\s*)?", value)
        if match is None:
            raise UsageError(
                f"--header-line {value!r}: give the header's line number, such as 6, or its "
                "first and last lines, such as 6-8"
            )
        first, last = int(match[1]), int(match[2]) if match[2] else None
    else:
        pair = list(value)
        if len(pair) != 2 or not all(isinstance(n, int) for n in pair):
            raise UsageError(f"--header-line {value!r}: give a line number or two")
        first, last = pair[0], pair[1]
    if first < 1 or (last is not None and not first <= last <= first + 9):
        raise UsageError(
            f"--header-line {value!r}: lines count from 1, and a header spans at most 10 lines "
            "(N-M with M at least N)"
        )
    return first, last


def id_columns(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """`--id-columns` as given ("Nr,Gebiet" or a list) → the column names, stripped."""
    if value is None:
        return ()
    names = value.split(",") if isinstance(value, str) else list(value)
    cleaned = tuple(n.strip() for n in names if n.strip())
    if not cleaned:
        raise UsageError(
            "--id-columns: name at least one column, e.g. --id-columns region,precinct"
        )
    return cleaned


def column_names(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """`--columns` as given ("candidate,party,votes" or a list) → the names, stripped, in order;
    a usage error for an empty name, or a name pollcli reads repeated (a name it does not know, such
    as x, may leave several columns unused)."""
    if value is None:
        return ()
    names = value.split(",") if isinstance(value, str) else list(value)
    cleaned = tuple(n.strip() for n in names)
    if not all(cleaned):
        raise UsageError(
            f"--columns {','.join(cleaned)!r}: name every column of the file in order, e.g. "
            "--columns candidate,party,votes (a name pollcli does not know, such as x, leaves "
            "its column unused)"
        )
    repeated = sorted(
        {n for n in cleaned if cleaned.count(n) > 1 and canonical_column(n) is not None}
    )
    if repeated:
        raise UsageError(
            f"--columns: {', '.join(map(repr, repeated))} is named twice; give each column "
            "its own name"
        )
    return cleaned


def unknown_ignored(
    header: Sequence[str], line: int, ignore: Sequence[str], found: Found
) -> Sequence[str]:
    """`--ignore-column`'s names (`ignore`), after a warning for each the file's header does not
    have (case and spacing aside): it leaves nothing out, and `--ignore-column nosuchcol` was
    accepted without a word. A warning, not an error: one option may be given for several files
    whose headers differ (a column of some of them only), and each file that lacks it says so,
    naming its columns."""
    have = {normalize_header(cell) for cell in header if cell.strip()}
    missing = [name for name in dict.fromkeys(ignore) if normalize_header(name) not in have]
    if not missing:
        return ignore
    shown = ", ".join(repr(cell) for cell in header if cell.strip())
    names = ", ".join(map(repr, missing))
    found.add(
        Code.UNKNOWN_COLUMN,
        line,
        f"--ignore-column {names}: the file has no such column, so nothing was left out for "
        f"{'it' if len(missing) == 1 else 'them'}; its columns are {shown} (name a column as "
        "its header is written)",
        column=missing[0],
        severity="warning",
    )
    return ignore


# `--blank-votes`: what a named row's blank vote cell is.
BLANK_VOTES: tuple[str, ...] = ("error", "zero")
# What the warning on blank vote cells read as 0 says of them: by --blank-votes zero, or by
# default where each is on a line that is no candidate's (NH 2020's blank `scatter` cells).
BLANK_AS_ZERO: tuple[str, str] = (
    "counted as 0 votes (--blank-votes zero)",
    "of a line that is no candidate's (scatter, write-ins, under votes) counted as 0 votes, the "
    "candidates' untouched (--blank-votes error refuses their races)",
)


def blank_votes_choice(value: str | None) -> bool | None:
    """`--blank-votes` as given → whether blank vote cells count 0 (None: those of lines that are
    no candidate's only); a usage error for a value other than `zero` or `error`."""
    if value is None:
        return None
    chosen = value.strip().lower()
    if chosen not in BLANK_VOTES:
        raise UsageError(
            f"--blank-votes {value!r}: give zero (a blank vote cell counts 0, listed in a "
            "warning) or error (a candidate's refuses its race, as by default)"
        )
    return chosen == "zero"


# `--primary`: how a file's primaries are read (`read.racekeys.PartyRule`).
PRIMARY_READINGS: tuple[str, ...] = ("party", "top-two")


def primary_choice(value: str | None) -> str | None:
    """`--primary` as given → `party` or `top-two` (None: not given); a usage error otherwise."""
    if value is None:
        return None
    chosen = value.strip().lower().replace("_", "-")
    if chosen in ("top2", "toptwo", "jungle"):
        chosen = "top-two"
    if chosen not in PRIMARY_READINGS:
        raise UsageError(
            f"--primary {value!r}: give party (one primary per party, the default for a file "
            "named primary) or top-two (one race of every party per office, the top two "
            "advancing: Washington, California)"
        )
    return chosen
