"""Which engine reads a file: the exact one below the streaming threshold, the streaming one above.

POLLCLI_ENGINE=exact|stream forces one (the tests run both on the same files to check they agree).
"""

from __future__ import annotations

import contextvars
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pollcli.read.header import ColumnMap
    from pollcli.read.racekeys import PartyRule

# Below this size the exact engine is faster: importing pyarrow costs about 0.2 s, which the exact
# engine spends on some 6,000 rows (about 250 KB). Measured on 2 cores, see README "Performance".
STREAM_THRESHOLD_BYTES: Final[int] = 1 << 20
ENGINE_ENV: Final[str] = "POLLCLI_ENGINE"
ENGINES: Final[tuple[str, ...]] = ("auto", "exact", "stream")

ProgressHook = Callable[[str, int, int], None]
# Set by the command line (a Rich bar on a terminal); the library itself never prints.
progress_hook: contextvars.ContextVar[ProgressHook | None] = contextvars.ContextVar(
    "progress_hook", default=None
)


def engine() -> str:
    """The engine forced by POLLCLI_ENGINE (exact, stream), or auto: chosen by file size."""
    value = os.environ.get(ENGINE_ENV, "auto").strip().lower() or "auto"
    return value if value in ENGINES else "auto"


def wants_stream(source: str | Path) -> bool:
    """Whether to try the streaming engine: a real file above the threshold, unless forced."""
    chosen = engine()
    if chosen == "exact" or str(source) == "-":
        return False
    if chosen == "stream":
        return True
    try:
        return Path(source).stat().st_size >= STREAM_THRESHOLD_BYTES
    except OSError:
        return False  # the exact engine reports a missing file


def streamable(columns: ColumnMap, party: PartyRule | None = None) -> bool:
    """Whether the streaming engine can read a file of these columns: it sums a votes column (or
    vote-mode columns) by a candidate column (or given and family name columns, joined); a total
    per row beside precincts is read as the precinct's count while it is one (`read.unittotals`),
    but for a party primary's. (Precinct counts in a file of races are each race's own:
    `read.raceunits`.)"""
    from pollcli.read.pollfiles import poll_columns
    from pollcli.read.roles import name_indexes
    from pollcli.read.undercols import read_aside
    from pollcli.read.unittotals import streams

    if columns.index("votes") is None and not columns.vote_parts:
        return False
    if columns.unit_parts or columns.unit_parts_unseen:
        return False  # a unit named by several columns (`read.unitparts`): its sums are by one
    if not name_indexes(columns) or "elected" in columns.present:
        return False  # no name column: the exact engine says so; `read.elected`: the exact engine
    if any(map(read_aside, columns.header)):
        return False  # a row's share of the count reported, under votes beside it: read whole
    if poll_columns(columns.header):
        return False  # a table of polls (`read.pollfiles`): refused, or read as a poll, whole
    return streams(columns, party)
