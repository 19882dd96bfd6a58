"""A data row's cells by canonical column: which are the option's, which are facts.

`CellSplit` is the part of `records.CellReader` that splits a row's cells (both engines: the
streaming engine splits an option's cells once and reads its place cell by cell): the words that
blank a cell, a name in two columns, a row of no name named by its write-in, race or party cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from pollcli.answer_words import is_answer
from pollcli.columns import (
    INT_FACTS,
    INVISIBLE,
    NO_NAME,
    RACE_PREFIX,
    UNNAMED_WRITE_IN,
    is_fact_cell,
    is_write_in,
    option_in_party_cell,
)
from pollcli.kinds import (
    count_beside,
    counts_office,
    derived_figure,
    fact_from_name,
    name_key,
    office_fact,
    unit_count,
    unused_count,
)
from pollcli.numbers import NA_WORDS, NO_VALUES
from pollcli.read.header import NAME_PARTS, ColumnMap
from pollcli.read.offballot import DASHES
from pollcli.read.total_words import is_total_name
from pollcli.read.unitrows import unit_counts


def clean_cell(text: str) -> str:
    """A cell as every stage compares it: stripped, and without the characters that print as
    nothing (`columns.INVISIBLE`). The one place cells are cleaned, for both engines."""
    text = text.strip()
    return text if text.isascii() else text.translate(INVISIBLE).strip()


COUNT_DASHES: Final[frozenset[str]] = DASHES - {"x", "X"}
# Figures of a race that are no counts: R's `NA` or a dash where the file gives none is none, as a
# blank cell is (Portugal's municipal assemblies, `mandates` `NA` on every row, refused each row:
# "seats 'NA': not a number").
_FIGURES: Final[tuple[str, ...]] = (
    "seats", "vote_for", "round", "term_years", "previous_term_years", "list_threshold"
)  # fmt: skip
_BLANK: Final = (
    {"votes": DASHES, "share": DASHES}
    | dict.fromkeys((*INT_FACTS, *_FIGURES), COUNT_DASHES)
    | dict.fromkeys(("district", f"{RACE_PREFIX}district"), NO_VALUES | NA_WORDS)
    | {"party": NO_VALUES}  # (`NA`: `read.naparties`)
)
NO_NAMES, _NONE = frozenset({"", "na", "n/a"}), frozenset[str]()
RACE_CELLS: Final[tuple[str, ...]] = ("office", RACE_PREFIX)  # a race's cells, by prefix
# The `--kind` key of the rows of no name (`--kind '=other'`), and the cells that name them too.
_NO_NAME_KEY: Final[str] = name_key(NO_NAME)
_NAMED: Final[frozenset[str]] = frozenset(NAME_PARTS)
SplitPlan = tuple[tuple[int, int], tuple[tuple[int, str, bool, frozenset[str]], ...], list[str]]


class CellSplit:
    """Splits a row's cells by the column map (the fields are `records.CellReader`'s)."""

    columns: ColumnMap
    kinds: Mapping[str, str]
    invisible: bool
    votes_as_ballots: set[str]
    party_named: set[str]
    _plan: SplitPlan | None

    def split(self, cells: list[str]) -> tuple[dict[str, str], dict[str, str]]:
        """The row's non-blank cells by canonical column: (option cells, fact cells)."""
        values: dict[str, str] = {}
        facts: dict[str, str] = {}
        plan, races = self._split_plan()
        for index, column, fact, blank in plan:
            text = cells[index]
            if text.isascii():
                raw = text.strip()  # `clean_cell` of an ASCII cell
            else:
                raw = clean_cell(text)
                if not self.invisible:
                    self.invisible = raw != text.strip()
            if raw and raw not in blank:
                (facts if fact else values)[column] = raw
        unit_counts(values, facts, races)  # a straight ticket, `Ballots Cast` of `DEM`: left out
        if "candidate" not in values and is_write_in(facts):
            values["candidate"] = UNNAMED_WRITE_IN
        if "candidate" not in values and _NO_NAME_KEY in self.kinds and not _NAMED & values.keys():
            values["candidate"] = NO_NAME  # (`--kind '=other'`: the rows of no name, their kind)
        if "candidate" not in values:
            # A name in two columns, given name first; a blank candidate cell named elsewhere.
            name = " ".join(values.pop(p) for p in ("given_name", "family_name") if p in values)
            alternative = values.pop("alt_name", "")
            if name or alternative:
                values["candidate"] = name or alternative
            elif not option_in_party_cell(values):  # Michigan's `Write-in` as a party
                self._fact_in_a_race_column(values, facts)
                if "candidate" not in values and any(facts.get(c) for c in races):
                    self._party_line(values)  # (a race's: not Missouri's ballots by party)
                if "candidate" not in values and "party" not in values:
                    race_total(values)  # NJ's `Total,General Assembly,5,,,68111`
        elif (
            races
            and all(counts_office(facts[c]) for c in races if c in facts)
            and (unit_count(values["candidate"], self.kinds) or unused_count(values["candidate"]))
        ):
            # A count under no race or an office of counts (OH, WA, ES&S): every race's, or left out.
            values["all_races"] = "true"
            for column in races:
                facts.pop(column, None)
        elif count_beside(values["candidate"]) and name_key(values["candidate"]) not in self.kinds:
            # NYC's `Public Counter`, Electionware's `Contest Totals`: no option, left out (notes).
            values["all_races"] = "true"
            if derived_figure(values["candidate"]) and "votes" in values:
                # A turnout of `68.5` is no count: left out all the same, never refused for it.
                values["votes"] = "0"
        elif values["candidate"] in facts.values() and any(
            facts.get(c) == values["candidate"] for c in races
        ):  # the count a race cell names, named again as its candidate (`Votes Cast,Votes Cast`)
            name = values.pop("candidate")
            self._fact_in_a_race_column(values, facts)
            values.setdefault("candidate", name)
        for part in NAME_PARTS:
            values.pop(part, None)
        return values, facts

    def _split_plan(self) -> tuple[tuple[tuple[int, str, bool, frozenset[str]], ...], list[str]]:
        """Each column's index, name, whether it is a fact and the words that blank it; and the race
        columns: worked out once, not row by row (anew if a column is left unused since)."""
        columns = self.columns.columns
        known = self._plan
        if known is None or known[0] != (id(columns), len(columns)):
            plan = tuple((i, c, is_fact_cell(c), _BLANK.get(c, _NONE)) for i, c in columns.items())
            races = [c for c in columns.values() if c.startswith(RACE_CELLS)]
            known = self._plan = ((id(columns), len(columns)), plan, races)
        return known[1], known[2]

    def place(self, text: str) -> str | None:
        """A region (or unit) cell as `split` reads it: cleaned, None when blank. The streaming
        engine validates an option's other cells once and reads its place cell by cell."""
        raw = clean_cell(text)
        if not self.invisible and not text.isascii():
            self.invisible = raw != text.strip()
        return raw or None

    def _fact_in_a_race_column(self, values: dict[str, str], facts: dict[str, str]) -> None:
        """No candidate, and a race cell that names a count ("Ballots Cast" as an office, as in
        OpenElections' Kentucky files; `Votes Cast`: `kinds.office_fact`): the row is that count,
        for every race of its unit."""
        for key, text in facts.items():
            fact = office_fact(text, self.kinds)
            if fact or (name_key(text) not in self.kinds and unused_count(text)):
                values["candidate"] = facts.pop(key)
                values["all_races"] = "true"
                if fact:
                    values["fact"] = fact
                if fact and fact != fact_from_name(text) and name_key(text) not in self.kinds:
                    self.votes_as_ballots.add(text)
                return

    def _party_line(self, values: dict[str, str]) -> None:
        """No candidate, no count, and a party cell that names a party beside votes (MEDSL's
        `"US PRESIDENT","","SOCIALIST LABOR",FALSE,86`): an unnamed candidate or ballot line of
        that party, named by the party (a note names those parties)."""
        party = values.get("party", "")
        if (
            party.lower() in NO_NAMES
            or not ("votes" in values or "share" in values)
            or fact_from_name(party) is not None
        ):
            return
        if is_answer(party):  # a measure's answer in the party cell (Bucks 2018's `,,Yes,401`)
            values["candidate"] = values.pop("party")
            return
        values["candidate"] = party
        self.party_named.add(party)


def race_total(values: dict[str, str]) -> None:
    """A row of blank option cells (no name, no party) whose place (its unit, else its region) is
    a total word alone (`Total`, `TOTALS`), beside its votes: its race's total of every option
    (New Jersey's county files close each race with `Total,General Assembly,5,,,68111`), named by
    that total word, so that the totals stage sets it aside and checks it
    (`total_classes.race_total`), never an option of no name."""
    text = values.get("unit") or values.get("region")
    if text and "votes" in values and is_total_name(text):  # (`Total NYC` totals only some)
        values["candidate"] = text
