"""A `total_votes` column beside precincts, on the streaming engine: each precinct's valid votes
(one figure on every row of a precinct, read as its count, as `registered` is), or each option's?

The exact engine tells over the records of the whole file (`unfit.unfit_facts`): a figure that
differs from option to option within more than half of the precincts is each option's total, and
the column is left unused with a note; within fewer, each row that differs is an error. The
streaming engine reads the column as a precinct's count (`facts.UnitFacts`) and hands the file to
the exact engine at the first precinct whose rows give two figures (the exact stages read that
block and name the conflict, `check`): in a file of each option's totals that is the first block,
so the hand-over costs little. A party primary's total votes tell which primaries are one ballot of
every party (`RaceBook.open_primaries`, over the rows): such a file is the exact engine's from its
header (`streams`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pollcli.problems import Code

if TYPE_CHECKING:
    from pollcli.problems import Problem
    from pollcli.read.header import ColumnMap
    from pollcli.read.racekeys import PartyRule


class HandOver(Exception):
    """A precinct whose rows give two `total_votes` figures: the exact engine's file."""


def streams(columns: ColumnMap, party: PartyRule | None) -> bool:
    """Whether the streaming engine reads a file of these columns as their `total_votes` go: not
    beside precincts in a file of party primaries (see the module's doc)."""
    present = columns.present
    if not {"total_votes", "unit"} <= present:
        return True
    return party is None or party.every_row


def check(problems: Sequence[Problem], columns: ColumnMap) -> None:
    """Raise HandOver when a block's problems (as the exact stages found them) hold a precinct's
    `total_votes` given twice unlike."""
    header = columns.header_of("total_votes")
    if header is not None and any(
        p.code == Code.INCONSISTENT_METADATA and p.column == header for p in problems
    ):
        raise HandOver
