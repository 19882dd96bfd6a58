"""What to say of a wide table pollcli cannot read as one (`read.layout`): a second row of the
header among the data (`second_header_row`), and columns that count seats, not votes
(`seats_only`: India's `total,party,state,won,leading`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from pollcli.columns import canonical_column, normalize_header
from pollcli.read.preamble import is_number

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan

# Headers of columns that count seats (won, leading, elected) or their change, never votes.
SEAT_WORDS: Final[frozenset[str]] = frozenset(
    {"won", "win", "wins", "leading", "lead", "leads", "seats", "seat", "seats won", "won seats",
     "total seats", "elected", "gain", "gains", "loss", "losses", "lost", "net", "net change",
     "change", "+/-", "mandates", "mandate", "sitze", "mandate gesamt", "sièges", "escaños"}
)  # fmt: skip


def seats_only(labels: Sequence[str]) -> str | None:
    """Why a wide table whose every option column counts seats (`SEAT_WORDS`) is no table of
    votes, and what pollcli reads instead; None where one column is no such count."""
    if not labels or not all(normalize_header(label) in SEAT_WORDS for label in labels):
        return None
    shown = ", ".join(repr(label) for label in labels[:4])
    return (
        f"the columns {shown} count seats, not votes: this is a table of seats (won, leading), "
        "which pollcli does not read as votes; give it the votes (a row per party or candidate "
        "with a votes column, or a column of votes per party with --wide), and 'pollcli seats' "
        "allocates the seats from them"
    )


def second_header_row(
    table: RawTable, plan: Plan, rows: Sequence[tuple[int, Sequence[str]]]
) -> tuple[int, str] | None:
    """The first row, when it holds words and no figure under the columns of counts, each word under
    several of them (Germany's `Erststimmen;Zweitstimmen` under `SPD;SPD;CDU;CDU`): the line, and
    what to do if it is a second row of the header. Each of its cells is refused anyway."""
    if plan.blocks is not None or not rows:
        return None
    line, cells = rows[0]
    counts = [*plan.options, *(i for columns in plan.facts.values() for i in columns)]
    filled = [cells[i].strip() for i in counts if i < len(cells) and cells[i].strip()]
    if len(filled) < 2 or any(map(is_number, filled)):
        return None
    # Only variants of the labels above (a few words, each under several columns of a label
    # written in each): a row of names under a header of groups (India's booth files) is no
    # header row pollcli reads as such, and saying so would lead to a wrong reading.
    labelled = all(label.strip() for label in table.header[min(counts) :])
    if not labelled or len(set(filled)) * 2 > len(filled):
        return None
    shown = ", ".join(repr(c) for c in list(dict.fromkeys(filled))[:3])
    return line, (
        f"this row holds words, not counts, under the columns of counts ({shown} …): if it is a "
        f"second row of the header, pass --header-line {table.header_line}-{line}"
    )


def candidate_column(header: list[str]) -> str | None:
    """The first column whose header says candidate (`candidate`, `cand_name`, `candidato`,
    `Kandidat`): one candidate per row. (A bare `name` may be a wide table's places.)"""
    return next(
        (
            h
            for h in header
            if canonical_column(h) == "candidate"
            and "cand" in normalize_header(h).replace("k", "c")
        ),
        None,
    )
