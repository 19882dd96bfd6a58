"""A problem found in an input file: where it is, a stable code, and what to do about it.

Problems stay structured (code, severity, line, column) from the stage that finds them until a renderer
writes them: `validate` lists them, `summary` prints warnings and puts their codes in its JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from enum import StrEnum
from typing import Final, Literal, Protocol

from pollcli.dataclass import dataclass
from pollcli.document import NOT_IN_JSON, described

Severity = Literal["error", "warning"]


# The advice for a row of no name that a user can follow without editing the file.
NO_NAME_ADVICE: Final[str] = (
    "or, the file left as it is, --kind '=other' reads every row of no name as votes of no "
    "listed candidate, one option '(no name)'"
)
# The contract's error for a row of no name (`contract.name_cell`).
BLANK_NAME_SAID: Final[str] = (
    "the option has no name; fill in the candidate cell; " + NO_NAME_ADVICE
)


class Code(StrEnum):
    """Stable problem codes: scripts match on them, so a code is never renamed, only added."""

    ENCODING_ERROR = "encoding-error"
    ENCODING_MISMATCH = "encoding-mismatch"
    EMPTY_FILE = "empty-file"
    NO_ROWS = "no-rows"
    MALFORMED_CSV = "malformed-csv"
    MISSING_COLUMN = "missing-column"
    BLANK_LABEL = "blank-label"
    DUPLICATE_LABEL = "duplicate-label"
    EXTRA_CELL = "extra-cell"
    MISSING_CELL = "missing-cell"
    BLANK_NAME = "blank-name"
    MISSING_VALUE = "missing-value"
    TYPE_ERROR = "type-error"
    AMBIGUOUS_NUMBER = "ambiguous-number"
    NEGATIVE_VOTES = "negative-votes"
    VOTES_OUT_OF_RANGE = "votes-out-of-range"
    SHARE_OUT_OF_RANGE = "share-out-of-range"
    SHARES_SUM = "shares-sum"
    SHARE_MISMATCH = "share-mismatch"
    TOTAL_MISMATCH = "total-mismatch"
    DUPLICATE_OPTION = "duplicate-option"
    INCONSISTENT_METADATA = "inconsistent-metadata"
    INVALID_METADATA = "invalid-metadata"
    UNKNOWN_KIND = "unknown-kind"
    UNKNOWN_COLUMN = "unknown-column"
    UNKNOWN_KEY = "unknown-key"
    NO_REGION_COLUMN = "no-region-column"
    TOO_MANY_OPTIONS = "too-many-options"
    NOT_A_TABLE = "not-a-table"
    MODE_MISMATCH = "mode-mismatch"
    RACE_SPLIT = "race-split"
    NAME_VARIANT = "name-variant"
    TOTAL_ROW = "total-row"
    SHARED_NAME = "shared-name"
    REPEATED_BLOCK = "repeated-block"
    DISTRICT_REGIONS = "district-regions"
    TOO_MANY_REGIONS = "too-many-regions"
    COALITION_VOTES = "coalition-votes"
    TOTAL_COLUMN = "total-column"
    ELECTED_MARKS = "elected-marks"
    STRAY_QUOTE = "stray-quote"
    PARTIAL_COUNT = "partial-count"


CODES: dict[Code, str] = {
    Code.ENCODING_ERROR: "bytes that do not decode in the chosen encoding; or U+FFFD already in "
    "the file, letters lost before it was read (a warning)",
    Code.ENCODING_MISMATCH: "a UTF-8 file read with a one-byte --encoding (names would be garbled)",
    Code.EMPTY_FILE: "the file has no header and no rows",
    Code.NO_ROWS: "a header but no data rows",
    Code.MALFORMED_CSV: "the CSV cannot be split into cells (e.g. an unterminated quote)",
    Code.MISSING_COLUMN: "a required column is absent",
    Code.BLANK_LABEL: "a header cell is empty",
    Code.DUPLICATE_LABEL: "two header cells name the same column",
    Code.EXTRA_CELL: "a row has more cells than the header",
    Code.MISSING_CELL: "a row has fewer cells than the header",
    Code.BLANK_NAME: "an option has no name",
    Code.MISSING_VALUE: "a row has neither votes nor share",
    Code.TYPE_ERROR: "a cell is not of the column's type",
    Code.AMBIGUOUS_NUMBER: "a number reads two ways; --decimal decides",
    Code.NEGATIVE_VOTES: "a vote count below zero",
    Code.VOTES_OUT_OF_RANGE: "a vote count too large to be real",
    Code.SHARE_OUT_OF_RANGE: "a share outside 0–100",
    Code.SHARES_SUM: "shares that do not add up to 100",
    Code.SHARE_MISMATCH: "a published share disagrees with the votes",
    Code.TOTAL_MISMATCH: "the options' votes do not add up to the published total (MEDSL totalvotes), "
    "or a total row differs from the sum of its parts (an error when subtotals seem counted among them)",
    Code.DUPLICATE_OPTION: "the same option twice in one election (and region)",
    Code.INCONSISTENT_METADATA: "an election fact with different values within one election",
    Code.INVALID_METADATA: "an election fact that is not of its type",
    Code.UNKNOWN_KIND: "a kind that is not candidate, against_all, blank, invalid or other",
    Code.UNKNOWN_COLUMN: "a column pollcli does not use",
    Code.UNKNOWN_KEY: "a front-matter key that looks like a misspelt election fact",
    Code.NO_REGION_COLUMN: "--by region on a file without a region column",
    Code.TOO_MANY_OPTIONS: "an election with more options than any ballot has (10,000)",
    Code.TOO_MANY_REGIONS: "more than 50,000 regions: read as precincts summed into the whole, "
    "nothing given or checked per region",
    Code.NOT_A_TABLE: "a file that looks like a workbook, Parquet or ZIP but cannot be read as a table",
    Code.MODE_MISMATCH: "vote-mode parts (election day, absentee…) that do not add up to their total",
    Code.RACE_SPLIT: "a race that may be several: several candidates of one party in it (party "
    "primaries, or a seat for several members; --race-by says how to split), or candidates in "
    "groups that each poll an equal part of every region's votes (contests of one ballot), or a "
    "wide table whose blanks tell its rows apart as races",
    Code.NAME_VARIANT: "one candidate of a race seemingly spelt two ways in different regions "
    "(kept apart; --alias merges them)",
    Code.TOTAL_ROW: "a total or subtotal row (Total, Gesamt, Итого, a blank or county-named unit…), "
    "set aside and checked against its parts; or a blank or county-named unit that is no total, "
    "counted",
    Code.SHARED_NAME: "candidates of one race with one name and different parties, listed apart "
    "with their parties (--fusion adds up one candidate's party lines)",
    Code.REPEATED_BLOCK: "a region's block of a race seemingly listed twice: several options "
    "repeated under other names with the same party and votes (counted twice)",
    Code.COALITION_VOTES: "a wide table's columns that join other options' names (Mexico's "
    "`PT_MORENA`): a coalition's votes, read as options of their own, no candidate's total",
    Code.TOTAL_COLUMN: "a wide table's option column that holds the sum of the option columns "
    "right of it in every row (a party's total beside its parts, an alliance's beside its "
    "parties): refused, as its votes would count twice; --ignore-column says which to keep",
    Code.ELECTED_MARKS: "a column saying who was elected that the votes contradict in a race "
    "(marks not its top N, more marked than the file's other races elect): no winner named",
    Code.STRAY_QUOTE: "a quote inside a quoted cell that does not close it (CSV doubles such a "
    'quote, ""): read as part of the cell, the line read on (a warning)',
    Code.PARTIAL_COUNT: "rows whose share of the count reported (`pct_reported`) is under 100 %: "
    "the figures are those counted so far, not the result (a warning)",
    Code.DISTRICT_REGIONS: "a district's race whose candidates each stand in one region only, in "
    "different regions (a row of another district?): counted as one race",
}


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors first, then by line and column: the order every report lists problems in."""
    return sorted(problems, key=lambda p: (p.severity != "error", p.line or 0, p.column or ""))


# A message's advice follows its first "; ": what is wrong, then what to do about it.
ADVICE_MARK: Final[str] = "; "


def shared_advice(problems: Sequence[Problem]) -> dict[Code, str]:
    """The advice that every problem of a code ends with, by code: the text after the first
    `ADVICE_MARK` of each of its messages, where two or more problems have it and all alike (a
    file of precincts without `--unit` gives one `duplicate-option` a row, each with the same way
    out). A code whose messages differ after their mark, or lack one, has none."""
    advice: dict[Code, str | None] = {}
    counts: dict[Code, int] = {}
    for problem in problems:
        _, mark, tail = problem.message.partition(ADVICE_MARK)
        known = advice.get(problem.code, tail if mark else None)
        advice[problem.code] = known if mark and known == tail else None
        counts[problem.code] = counts.get(problem.code, 0) + 1
    return {code: tail for code, tail in advice.items() if tail and counts[code] > 1}


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One finding of validation. `line` is the 1-based physical line a text editor shows."""

    code: Code
    severity: Severity
    file: str = field(metadata=NOT_IN_JSON)  # the FileReport names the file once
    line: int | None
    column: str | None
    message: str
    # In a spreadsheet, the cell (`B7`) that messages name instead of the line: `file.xlsx[Sheet1]:B7`.
    cell: str | None = field(default=None, metadata=NOT_IN_JSON)
    # In a file of many races, the race the problem belongs to (None: the file as a whole).
    race: str | None = field(
        default=None,
        metadata={
            "exclude_if": lambda race: race is None,
            **described("in a file of many races, the race it belongs to; absent otherwise"),
        },
    )
    # A notice that needs no action: the rows a `total-row` warning set aside when every total equals
    # the sum of its parts (0: any other problem). Stderr counts such rows in one line per file
    # (`findings.warnings.digest`); validate and JSON list each of them.
    routine: int = field(default=0, metadata=NOT_IN_JSON)
    # Notices of one kind said race by race (a write-in count over lines naming part of it, in
    # each of a county's 290 races): what stderr's one line per file for them says they are.
    family: str = field(default="", metadata=NOT_IN_JSON)

    def render(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.cell or self.line}"
        return f"{where}: {self.message}"


class Carrier(Protocol):
    """What a shared warning is carried by: an election (`race_split`)."""

    source_file: str
    warnings: list[Problem]


def race_split(carriers: Sequence[Carrier], problems: list[Problem], message: str) -> None:
    """One `race-split` warning for these races: listed once among the file's problems, and
    carried by each of them (races that may be several, or one listed as several)."""
    warning = Problem(
        code=Code.RACE_SPLIT,
        severity="warning",
        file=carriers[0].source_file,
        line=None,
        column=None,
        message=message,
    )
    problems.append(warning)
    for carrier in carriers:
        carrier.warnings.append(warning)


@dataclass
class Found:
    """The problems of one file as the stages find them: each stage adds, none removes (but
    `drop_after`)."""

    file: str
    items: list[Problem] = field(default_factory=list)
    # A spreadsheet's column letters by header cell (`votes` → `C`), so that a problem of a cell is
    # located as `B7`.
    letters: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._errors = sum(1 for p in self.items if p.severity == "error")

    def drop_after(self, line: int) -> None:
        """Forget the problems of the lines past `line`: the exact engine read on past where
        reading stops (the first option past the bound: `read.limits`)."""
        self.items[:] = [p for p in self.items if p.line is None or p.line <= line]
        self.__post_init__()

    def extend(self, problems: list[Problem]) -> None:
        """Problems found elsewhere (a scratch list, a block read apart) join this file's."""
        self.items.extend(problems)
        self._errors += sum(1 for p in problems if p.severity == "error")

    def add(
        self,
        code: Code,
        line: int | None,
        message: str,
        *,
        column: str | None = None,
        severity: Severity = "error",
        routine: int = 0,
        family: str = "",
    ) -> None:
        # Line 0 is where the header of a file that has none would be (`--columns`): no line.
        line = line or None
        self.items.append(
            Problem(
                code=code,
                severity=severity,
                file=self.file,
                line=line,
                column=column,
                message=message,
                cell=f"{self.letters[column]}{line}"
                if line is not None and column in self.letters
                else None,
                routine=routine,
                family=family,
            )
        )
        self._errors += severity == "error"

    def warn(
        self,
        code: Code,
        line: int | None,
        message: str,
        *,
        column: str | None = None,
        routine: int = 0,
        family: str = "",
    ) -> None:
        self.add(
            code, line, message, column=column, severity="warning", routine=routine, family=family
        )

    def withdraw(self, lines: set[int]) -> None:
        """The errors found on `lines` are no errors after all (a row read later as the file's
        total: `total_places.file_total`): dropped."""
        kept = [p for p in self.items if not (p.severity == "error" and p.line in lines)]
        self._errors -= len(self.items) - len(kept)
        self.items[:] = kept

    @property
    def errors(self) -> int:
        """How many errors so far (counted as they are added: asked once per election)."""
        return self._errors
