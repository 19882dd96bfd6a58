"""Columns of a wide table that count seats, not votes (`read.wide_unlike` asks): a header with a
seat word (`Sitze SPD`, `Mandatos`, `seats_s`) where every option has one, or where its other
words are short, figures, what seats count or other options' names (`Seats 2019`, `Total
seats`); a party whose name holds a seat word (Spain's `Escaños en Blanco`) is a party. Beside the
options' votes they are an error that names each column to leave out."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING, Final

from pollcli.problems import Code, Found
from pollcli.read.fact_words import SEAT_QUALIFIERS, SEAT_WORDS_IN_OPTIONS

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable


def labels_shown(labels: list[str]) -> str:
    """Labels as an error names them: the first four, quoted."""
    shown = ", ".join(repr(label) for label in labels[:4])
    return shown + (" …" if len(labels) > 4 else "")


# What to do with a table of seats, as the errors say it.
SEATS_ADVICE: Final[str] = (
    "pollcli reads votes, not seats: give it each option's votes, and 'pollcli seats' allocates "
    "the seats from them"
)


def seats_beside(table: RawTable, seats: list[str], votes: list[str], found: Found) -> None:
    """The error for columns of seats beside the options' votes (`Sitze SPD` beside `SPD`): an
    election's result, its seats' columns to leave out, each named with its flag."""
    flags = " ".join(f"--ignore-column {shlex.quote(label)}" for label in seats)
    held, them = ("holds", "it") if len(seats) == 1 else ("hold", "them")
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"{labels_shown(seats)} {held} seats, not votes, beside the votes of {labels_shown(votes)}: "
        f"leave {them} out, {flags}, and the votes are read ('pollcli seats' allocates the "
        "seats from them)",
        column="votes",
    )


def seat_columns(table: RawTable, options: list[int]) -> list[str]:
    """The options whose header has a seat word (`seats_s`, `Mandatos`): all where each has one;
    else those whose other words are short, figures, what seats count or other options' (`Sitze
    SPD`, `Seats 2019`, `Total seats`): Spain's `Escaños en Blanco` is a party beside PSOE."""
    said = [i for i in options if SEAT_WORDS_IN_OPTIONS.intersection(_seat_split(table.header[i]))]
    if len(said) == len(options):
        return [table.header[i] for i in said]
    known = {w for i in options if i not in said for w in _seat_split(table.header[i])}
    known |= SEAT_WORDS_IN_OPTIONS | SEAT_QUALIFIERS
    return [
        table.header[i]
        for i in said
        if all(len(w) <= 2 or w.isdigit() or w in known for w in _seat_split(table.header[i]))
    ]


def _seat_split(label: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+|_", label.casefold()) if w]
