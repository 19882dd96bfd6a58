"""Cells → records: each data row's cells validated by the input contract (`contract.Row`).

A `Record` is what both engines hand to the assembly stage: the validated cells of one row, or of
several rows with the same cells summed (the streaming engine sums rows per key and remembers the
lines of rows that repeat a key), with the fact cells still as text for the facts stage to read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from pollcli.columns import FACT_COLUMNS, INVISIBLE, INVISIBLE_NOTE
from pollcli.contract import Row, cells_context, problems_from
from pollcli.numbers import share_decimal_mark
from pollcli.problems import Code, Found
from pollcli.read.header import ColumnMap


@dataclass
class Record:
    """One row's validated cells (or several identical rows' summed), with its election and facts."""

    line: int
    election: str
    row: Row
    votes: int | None
    facts: dict[str, str]
    # Lines of further rows with the same cells, summed into this record: repeats unless a unit
    # column tells them apart.
    repeats: list[int] = field(default_factory=list)


@dataclass
class CellReader:
    """Reads one data row's cells into a `Record` by the column map, recording problems."""

    columns: ColumnMap
    decimal: str
    decimal_given: bool
    default_election: str
    found: Found
    invisible: bool = False  # some cell held invisible characters, now removed
    # Vote cells read as whole numbers from within 1e-6 of one: how many, and the first (line, text).
    near_whole: int = 0
    first_near_whole: tuple[int, str] | None = None

    def width_ok(self, line: int, cells: list[str], delimiter: str) -> bool:
        width = len(self.columns.header)
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            self.found.add(
                Code.EXTRA_CELL,
                line,
                f"{len(cells)} cells but the header has {width}; quote names that contain "
                f"the delimiter {delimiter!r} or remove the extra cells",
            )
            return False
        if len(cells) < width:
            self.found.add(
                Code.MISSING_CELL,
                line,
                f"{len(cells)} {'cell' if len(cells) == 1 else 'cells'} but the header has "
                f"{width}; add the missing cells (they may be empty)",
            )
            return False
        return True

    def split(self, cells: list[str]) -> tuple[dict[str, str], dict[str, str]]:
        """The row's non-blank cells by canonical column: (option cells, fact cells)."""
        values: dict[str, str] = {}
        facts: dict[str, str] = {}
        for index, column in self.columns.columns.items():
            raw = cells[index].strip()
            if raw and not raw.isascii():
                cleaned = raw.translate(INVISIBLE).strip()
                self.invisible = self.invisible or cleaned != raw
                raw = cleaned
            if raw:
                (facts if column in FACT_COLUMNS else values)[column] = raw
        return values, facts

    def row(self, line: int, values: dict[str, str]) -> Row | None:
        """The validated cells, or None after recording every problem of the row."""
        near: list[str] = []
        try:
            row = Row.model_validate(
                values, context=cells_context(self.decimal, self.decimal_given, near)
            )
        except ValidationError as error:
            problems_from(error, self.found, lambda _: line, self.columns.header_of)
            return None
        if near:
            self.near_whole += 1
            self.first_near_whole = self.first_near_whole or (line, near[0])
        return row

    def notes(self) -> list[str]:
        """What reading the cells changed, for every election of the file."""
        notes = [INVISIBLE_NOTE] if self.invisible else []
        if self.first_near_whole is not None:
            line, text = self.first_near_whole
            count = f"{self.near_whole:,} vote counts" if self.near_whole > 1 else "A vote count"
            notes.append(
                f"{count} within 1e-6 of a whole number (such as {text!r} on line {line}, as "
                "spreadsheets and pandas write sums) "
                + ("were" if self.near_whole > 1 else "was")
                + (
                    " read as whole numbers."
                    if self.near_whole > 1
                    else " read as the whole number."
                )
            )
        return notes

    def read(self, line: int, cells: list[str], delimiter: str) -> Record | None:
        if not self.width_ok(line, cells, delimiter):
            return None
        values, facts = self.split(cells)
        if "candidate" not in values:
            values["candidate"] = ""  # the contract names it blank
        row = self.row(line, values)
        if row is None:
            return None
        if row.votes is None and row.share is None:
            self.found.add(
                Code.MISSING_VALUE,
                line,
                f"{row.candidate!r} has neither votes nor a share; fill in one of them",
            )
            return None
        election = facts.pop("election", None) or self.default_election
        return Record(line, election, row, row.votes, facts)


def decimal_mark(
    columns: ColumnMap,
    records: list[tuple[int, list[str]]],
    given: str | None,
    found: Found,
) -> tuple[str, bool]:
    """The file's decimal mark, and whether the user gave it: `--decimal`, else what the shares
    show (a decimal comma only when every share that shows a mark shows a comma)."""
    if given:
        return given, True
    share_index = columns.index("share")
    if share_index is None:
        return ".", False
    first: dict[str, int] = {}
    for line, cells in records:
        if share_index < len(cells):
            mark = share_decimal_mark(cells[share_index])
            if mark and mark not in first:
                first[mark] = line
    if len(first) == 2:
        found.add(
            Code.AMBIGUOUS_NUMBER,
            max(first.values()),
            "shares use both a decimal comma and a decimal point; make them agree "
            "or pass --decimal",
            column=columns.header[share_index],
        )
    return (",", False) if "," in first and len(first) == 1 else (".", False)
