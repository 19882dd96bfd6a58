"""Seat columns among a wide table's variants: each option's seats beside its votes.

Spain's Ministry of the Interior writes its results by constituency (`PROV_02_201911_1.xlsx`) with a
header over three rows: each party's name, its acronym, and under it two columns, `Votos` and
`Diputados` (votes, seats won). Read as labels over variants, each variant is an election: the
seats would be a second election whose "votes" are seats (PSOE "leading with 120 votes"). A variant
named by a seat word counts seats, not votes: its columns are no option's, set aside with a note
(`pollcli seats` allocates seats from the votes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pollcli.columns import normalize_header
from pollcli.read.fact_words import SEAT_VARIANT_HEADERS

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan


def _variant(table: RawTable, index: int) -> str:
    if not table.levels or index >= len(table.levels):
        return ""
    return " · ".join(part for part in table.levels[index][1:] if part)


def set_aside(table: RawTable, plan: Plan) -> None:
    """Drop from the plan's options the columns whose variant is a seat word, and say so in the
    table's notes; unless every option is such a column (a table of seats: refused elsewhere)."""
    seats = [
        i for i in plan.options if normalize_header(_variant(table, i)) in SEAT_VARIANT_HEADERS
    ]
    if not seats or len(seats) == len(plan.options):
        return
    plan.options = [i for i in plan.options if i not in set(seats)]
    words = ", ".join(repr(w) for w in dict.fromkeys(_variant(table, i) for i in seats))
    table.notes.append(
        f"The columns under {words} ({len(seats)}, beside each option's votes) count seats won, "
        "not votes: not used ('pollcli seats' allocates seats from the votes)."
    )
