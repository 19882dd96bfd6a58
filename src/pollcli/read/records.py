"""Cells → records: each data row's cells validated by the input contract (`contract.Row`).

A `Record` is what both engines hand to the assembly stage: the validated cells of one row, or of
several rows with the same cells summed (the streaming engine sums rows per key and remembers the
lines of rows that repeat a key), with the fact cells still as text for the facts stage to read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import ValidationError

from pollcli.columns import INVISIBLE_NOTE, UNNAMED_WRITE_IN, YES_WORDS, is_write_in
from pollcli.contract import Row, cells_context, problems_from
from pollcli.formats import listed
from pollcli.numbers import NumberError, extra_cells, marked_note, parse_votes
from pollcli.problems import NO_NAME_ADVICE, Code, Found
from pollcli.read import acclaimed
from pollcli.read.cellsplit import NO_NAMES, RACE_CELLS, CellSplit, SplitPlan, clean_cell
from pollcli.read.header import ColumnMap
from pollcli.read.offballot import DASHES, OffBallot
from pollcli.read.options import BLANK_AS_ZERO, ReadOptions
from pollcli.read.preamble import header_again, header_again_message


@dataclass(slots=True)
class Record:
    """One row's validated cells (or several identical rows' summed), with its election and facts."""

    line: int
    election: str
    row: Row
    votes: int | None
    facts: dict[str, str]
    # Lines of further rows of the same cells summed into it (without units: each a repeated row);
    # read only: by default one shared empty tuple, not a list per record (1M records).
    same_cell_lines: Sequence[int] = ()
    # Rows of several units (precincts) summed by the streaming engine (read/repeats checked that
    # no unit repeats an option): the assembly looks for no repeat among them.
    summed: bool = False
    # The file says the row is one of its candidate's several party lines (a `fusion_ticket` cell,
    # or a candidate id that the candidate's other lines share): the assembly adds the lines up.
    fusion: bool = False
    # The file's write-in cell says the named row counts write-ins (MEDSL's 2016 Maryland: Trump's
    # ballot line and his write-in line): the assembly adds it to the candidate's ballot line.
    write_in: bool = False
    # The votes cell says the candidate was acclaimed, read as 0 votes (`read.acclaimed`).
    acclaimed: bool = False
    # The party such a candidate is credited with: their main line, the one with most votes in the
    # election (`read.partylines`), so that no tally by party counts a minor line or a "A / B".
    credit: str | None = None


_NO_WORDS: Final[frozenset[str]] = frozenset({"false", "f", "no", "n", "0"})  # (`YES_WORDS`)


def unsaid_write_in(facts: dict[str, str]) -> bool:
    """Whether the row's write-in cell is there but says neither yes nor no (MEDSL's `NA`)."""
    cell = facts.get("write_in")
    return cell is not None and cell.strip().lower() not in YES_WORDS | _NO_WORDS


def unnamed_write_ins(records: list[Record]) -> None:
    """The write-in cells taken out of the facts (they are no election fact); a write-in row named
    `NA` (R's missing value, as MEDSL exports a write-in without a name) is an unnamed write-in;
    a named one is marked (`Record.write_in`)."""
    for record in records:
        if is_write_in(record.facts):
            if record.row.candidate.strip().lower() in NO_NAMES:
                record.row = record.row.model_copy(
                    update={"candidate": UNNAMED_WRITE_IN, "kind": "other", "fact": None}
                )
            else:
                record.write_in = True
        record.facts.pop("write_in", None)


@dataclass
class CellReader(CellSplit):
    """Reads one data row's cells into a `Record` by the column map, recording problems."""

    columns: ColumnMap
    decimal: str
    decimal_given: bool
    default_election: str
    found: Found
    # `--kind NAME=KIND` (or =FACT), by `kinds.name_key` of the name.
    kinds: Mapping[str, str] = field(default_factory=dict)
    invisible: bool = False  # some cell held invisible characters, now removed
    # Vote cells read as whole numbers from within 1e-6 of one: how many, and the first (line, text).
    near_whole: int = 0
    first_near_whole: tuple[int, str] | None = None
    # Vote cells read as the count before their footnote mark (`0*`): (line, text) of each.
    marked: list[tuple[int, str]] = field(default_factory=list)
    # Rows refused with a problem, by line: their cells, for the race stage to tell whose they are.
    rejected: dict[int, list[str]] = field(default_factory=dict)
    # Lines where a votes column and its vote-mode columns disagree (the votes are used).
    part_mismatches: list[int] = field(default_factory=list)
    # `--blank-votes zero`, error or neither (`ReadOptions`), and the rows read as 0: (line, name).
    blank_zero: bool | None = None
    blank_lines: list[tuple[int, str]] = field(default_factory=list)
    blank_counts: list[tuple[int, str]] = field(default_factory=list)  # counts left blank
    mode_sums: list[tuple[int, str]] = field(default_factory=list)  # blank votes, counted modes
    nameless: list[tuple[int, str]] = field(default_factory=list)  # no name, no votes: no option
    # Race cells of counts of votes read as the unit's ballots (`kinds.office_fact`), for a note.
    votes_as_ballots: set[str] = field(default_factory=set)
    # Parties whose rows name no candidate, read as the party's line (`_party_line`; `checks`).
    party_named: set[str] = field(default_factory=set)
    # Lines that repeat their name in the votes cell: headings within the data, skipped.
    headings: list[tuple[int, list[str]]] = field(default_factory=list)
    acclaimed: list[tuple[int, str]] = field(default_factory=list)  # `read.acclaimed`: (line, name)
    unopposed: list[tuple[int, str]] = field(default_factory=list)  # `acclaimed.unopposed`: same
    off_ballot: OffBallot = field(default_factory=OffBallot)  # `X`: not on the ballot there
    _heading_cells: tuple[int | None, int | None] | None = field(default=None, repr=False)
    _plan: SplitPlan | None = field(default=None, repr=False)
    # The rows' validation context, made once (`contract.cells_context`).
    _context: dict[str, Any] | None = field(default=None, repr=False)

    @classmethod
    def of(
        cls, columns: ColumnMap, decimal: str, given: bool, options: ReadOptions, found: Found
    ) -> CellReader:
        """The reader of a file's rows under the reading options (default election, --kind)."""
        election = options.facts.get("election") or ""
        return cls(
            columns,
            decimal,
            given,
            election,
            found,
            kinds=options.kind_keys(),
            blank_zero=options.blank_votes_zero,
        )

    def width_ok(self, line: int, cells: list[str], delimiter: str) -> bool:
        width = len(self.columns.header)
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            self.found.add(Code.EXTRA_CELL, line, extra_cells(cells, width, delimiter))
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

    def _unsaid_write_in(self, line: int, cell: str) -> None:
        """A row of no name whose write-in cell says neither yes nor no (MEDSL's 2020 Maryland:
        `"","",NA,18045`): what that cell, or the name, can tell."""
        self.found.add(
            Code.BLANK_NAME,
            line,
            f"the option has no name and the {self.columns.header_of('write_in')!r} cell says "
            f"neither TRUE nor FALSE ({cell!r}): if the row counts write-ins, write TRUE there; "
            "if votes of no listed candidate, write OTHER in the candidate cell; if a "
            f"candidate's, fill in the name; {NO_NAME_ADVICE}",
            column=self.columns.header_of("candidate"),
        )

    def row(self, line: int, values: dict[str, str], found: Found | None = None) -> Row | None:
        """The validated cells, or None after recording every problem of the row (in `found`, the
        file's problems by default)."""
        context = self._context
        if context is None:
            # One context for every row: the near-whole cells it collects are emptied after each
            # row, the cache of what each name implies (`contract.cells_context`) kept.
            context = self._context = cells_context(
                self.decimal, self.decimal_given, [], self.kinds, {}
            )
            context["marked"] = []
        near: list[str] = context["near_whole"]
        marked: list[str] = context["marked"]
        try:
            row = Row.model_validate(values, context=context)
        except ValidationError as error:
            near.clear()
            marked.clear()
            problems_from(error, found or self.found, lambda _: line, self.columns.header_of)
            return None
        if near:
            self.near_whole += 1
            self.first_near_whole = self.first_near_whole or (line, near[0])
            near.clear()
        if marked:
            self.marked.append((line, marked[0]))
            marked.clear()
        return row

    def notes(self) -> list[str]:
        """What reading the cells changed, for every election of the file."""
        notes = ([INVISIBLE_NOTE] if self.invisible else []) + acclaimed.note(self.acclaimed)
        notes += acclaimed.unopposed_note(self.unopposed, self.columns.header_of("unopposed"))
        for line, cells in self.headings[:3]:
            shown = ",".join(c.strip() for c in cells)
            notes.append(
                f"Line {line} ({shown!r}) holds its candidate's name in the votes column: a "
                "heading within the data, skipped."
            )
        if len(self.headings) > 3:
            notes.append(f"{len(self.headings) - 3:,} more such heading lines were skipped.")
        if self.votes_as_ballots:
            notes.append(
                f"Rows of {', '.join(map(repr, sorted(self.votes_as_ballots)))} as an office count "
                "the votes of every race of their place (precinct) together, one a voter: read as "
                "its ballots cast, for each race held there, and no race's total of votes."
            )
        if self.first_near_whole is not None:
            line, text = self.first_near_whole
            many = self.near_whole > 1
            count = f"{self.near_whole:,} vote counts" if many else "A vote count"
            notes.append(
                f"{count} within 1e-6 of a whole number (such as {text!r} on line {line}, as "
                "spreadsheets and pandas write sums) "
                + ("were read as whole numbers." if many else "was read as the whole number.")
            )
        if self.marked:
            notes.append(marked_note(self.marked))
        return notes

    def warn_blank_votes(self) -> None:
        """One warning each for the file's blank vote cells read as 0 (`--blank-votes zero`) or as
        their vote modes' sum, rows of a unit's count left blank (a count not given) and rows of
        no name and no votes (no option): their lines, and names or races."""
        cell, blank = "blank vote cell", "of a unit's count left blank: a count not given, never 0"
        nameless = "with no name and no votes left out: no option (no one on the ballot there?)"
        for rows, noun, what, column in (
            (self.blank_lines, cell, BLANK_AS_ZERO[self.blank_zero is None], "votes"),
            (self.mode_sums, cell, "read as the sum of the row's vote-mode cells", "votes"),
            (self.blank_counts, "row", blank, "votes"),
            (self.nameless, "row", nameless, "candidate"),
        ):
            if rows:
                shown = listed(rows, 10, lambda row: f"line {row[0]} ({row[1]!r})")
                self.found.warn(
                    Code.MISSING_VALUE if column == "votes" else Code.BLANK_NAME,
                    rows[0][0],
                    f"{len(rows):,} {noun}{'' if len(rows) == 1 else 's'} {what}: {shown}",
                    column=self.columns.header_of(column),
                )

    def parts(self, line: int, cells: list[str]) -> int | bool | None:
        """The sum of the row's vote-mode cells (a blank one is 0); None when all are blank; False
        after recording a cell that is not a count."""
        total: int | None = None
        for index in self.columns.vote_parts:
            text = cells[index].strip()
            if not text or text in DASHES:
                continue
            try:
                total = (total or 0) + parse_votes(
                    text, self.decimal, decimal_given=self.decimal_given
                )
            except NumberError as exc:
                self.found.add(Code(exc.code), line, str(exc), column=self.columns.header[index])
                return False
        return total

    def _counts_nothing(self, values: dict[str, str], parts: int | bool | None) -> bool:
        """Whether a row's figures are a vote count of 0 and nothing else (no share, no mode
        that counts a vote)."""
        text = values.get("votes")
        if text is None or "share" in values or parts not in (None, 0):
            return False
        try:
            return parse_votes(text, self.decimal, decimal_given=self.decimal_given) == 0
        except NumberError:
            return False

    def heading(self, line: int, cells: list[str]) -> bool:
        """A line whose votes cell holds its candidate's name, and no digit: a heading within the
        data (NH 2020's county totals), no result. Skipped with a note, its race not refused."""
        if self._heading_cells is None:  # looked up once: the columns are read row by row
            self._heading_cells = (self.columns.index("votes"), self.columns.index("candidate"))
        votes, name = self._heading_cells
        if votes is None or name is None or max(votes, name) >= len(cells):
            return False
        if cells[votes].isdigit():
            return False  # the common cell, a count: told at once
        text = clean_cell(cells[votes])
        if not text or text.isdigit() or any(c.isdigit() for c in text):
            return False
        if header_again(self.columns.header, cells):  # no heading: a second table (an error)
            self.found.add(Code.TYPE_ERROR, line, header_again_message(self.columns.line))
            return True
        if clean_cell(cells[name]) != text:
            return False
        self.headings.append((line, cells))
        return True

    def read(self, line: int, cells: list[str], delimiter: str) -> Record | None:
        if self.heading(line, cells):
            return None
        record = self._read(line, cells, delimiter)
        left = (self.blank_counts, self.nameless, self.off_ballot.rows)  # (not refused)
        if record is None and not any(rows and rows[-1][0] == line for rows in left):
            self.rejected[line] = cells
        return record

    def _read(self, line: int, cells: list[str], delimiter: str) -> Record | None:
        if not self.width_ok(line, cells, delimiter):
            return None
        values, facts = self.split(cells)
        if "candidate" not in values:
            values["candidate"] = ""  # the contract names it blank
        parts: int | bool | None = None
        summed = False  # a blank votes cell read as the modes' sum
        if self.columns.vote_parts:
            parts = self.parts(line, cells)
            if parts is False:
                return None
            if "votes" not in values and parts is not None:
                values["votes"] = str(parts)  # no votes column, or a blank cell: the modes' sum
                summed = "votes" in self.columns.present
        if not values["candidate"] and self._counts_nothing(values, parts):
            # No one on the ballot there (KY's unfilled CONSTABLE): no option, listed in a warning.
            race = " · ".join(v for k, v in facts.items() if k.startswith(RACE_CELLS))
            self.nameless.append((line, race))
            return None
        if not values["candidate"] and unsaid_write_in(facts):
            self._unsaid_write_in(line, facts["write_in"])
            return None
        said = acclaimed.taken(values)  # "accl.": 0 votes
        alone = acclaimed.unopposed(values, facts, "votes" in self.columns.present)
        row = self.row(line, values)
        if row is None:
            return None
        if said:
            self.acclaimed.append((line, row.candidate))
        elif alone:
            self.unopposed.append((line, row.candidate))
        if summed and row.votes == 0 and row.all_races and row.fact is not None:
            row = row.model_copy(update={"votes": None})  # a unit's count: not given, never 0
        elif summed:
            self.mode_sums.append((line, values["candidate"]))
        if (
            parts is not None
            and "votes" in self.columns.present
            and row.votes is not None
            and all(cells[i].strip() for i in self.columns.vote_parts)
            and (parts > row.votes if len(self.columns.vote_parts) == 1 else parts != row.votes)
        ):  # (a lone mode column is a part of the votes: Rhode Island's `absentee_votes`)
            self.part_mismatches.append(line)
        if row.votes is None and row.share is None:
            if row.fact is not None and (row.all_races or row.fact == "total_votes"):
                # A unit's count, or a race's total of votes (only checked), not given: no cell.
                self.blank_counts.append((line, row.candidate))
                return None
            named = row.kind in ("candidate", "against_all")  # (else no one's: 0 by default)
            if not self.blank_zero and (self.blank_zero is False or named):
                if self.blank_zero is None and self.off_ballot.take(line, cells, self.columns):
                    return None  # (`read.offballot`: Mississippi's `X`, not on the ballot there)
                self.found.add(
                    Code.MISSING_VALUE,
                    line,
                    f"{row.candidate!r} has neither votes nor a share; fill in one of them, or "
                    "pass --blank-votes zero to count a blank vote cell as 0 votes",
                )
                return None
            row = row.model_copy(update={"votes": 0})
            self.blank_lines.append((line, row.candidate))
        election = facts.pop("election", None) or self.default_election
        return Record(line, election, row, row.votes, facts, acclaimed=said or alone)
