"""A problem found in an input file: where it is, a stable code, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pollcli.document import NOT_IN_JSON

Severity = Literal["error", "warning"]

# Stable codes: scripts match on them, so a code is never renamed, only added.
CODES: dict[str, str] = {
    "encoding-error": "bytes that do not decode in the chosen encoding",
    "encoding-mismatch": "a UTF-8 file read with a one-byte --encoding (names would be garbled)",
    "empty-file": "the file has no header and no rows",
    "no-rows": "a header but no data rows",
    "malformed-csv": "the CSV cannot be split into cells (e.g. an unterminated quote)",
    "missing-column": "a required column is absent",
    "blank-label": "a header cell is empty",
    "duplicate-label": "two header cells name the same column",
    "extra-cell": "a row has more cells than the header",
    "missing-cell": "a row has fewer cells than the header",
    "blank-name": "an option has no name",
    "missing-value": "a row has neither votes nor share",
    "type-error": "a cell is not of the column's type",
    "ambiguous-number": "a number reads two ways; --decimal decides",
    "negative-votes": "a vote count below zero",
    "votes-out-of-range": "a vote count too large to be real",
    "share-out-of-range": "a share outside 0–100",
    "shares-sum": "shares that do not add up to 100",
    "share-mismatch": "a published share disagrees with the votes",
    "total-mismatch": "the options' votes do not add up to the published total (MEDSL totalvotes)",
    "duplicate-option": "the same option twice in one election (and region)",
    "inconsistent-metadata": "an election fact with different values within one election",
    "invalid-metadata": "an election fact that is not of its type",
    "unknown-kind": "a kind that is not candidate, against_all, blank, invalid or other",
    "unknown-column": "a column pollcli does not use",
    "unknown-key": "a front-matter key that looks like a misspelt election fact",
}


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors first, then by line and column: the order every report lists problems in."""
    return sorted(problems, key=lambda p: (p.severity != "error", p.line or 0, p.column or ""))


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One finding of validation. `line` is the 1-based physical line a text editor shows."""

    code: str
    severity: Severity
    file: str = field(metadata=NOT_IN_JSON)  # the FileReport names the file once
    line: int | None
    column: str | None
    message: str

    def render(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"
