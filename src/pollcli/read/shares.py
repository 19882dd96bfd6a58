"""Shares: the file's decimal mark, as its shares show it (`decimal_mark`, before the rows are read),
and shares given as fractions of 1 (0.4473 for 44.73 %) read as percentages (`fractions`, a stage of
the assembly, `read.assemble`), for both engines; shares outside 0-100 (`out_of_range`)."""

from __future__ import annotations

import dataclasses

from pollcli.numbers import share_decimal_mark
from pollcli.problems import Code, Found
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record


def fractions(records: list[Record], notes: list[str]) -> list[Record]:
    """Shares given as fractions of 1 (they add up to about 1) are read as percentages."""
    shares = [r.row.share for r in records if r.row.share is not None]
    if len(shares) < 2 or max(shares) > 1.0 or not 0.98 <= sum(shares) <= 1.02:
        return records
    notes.append(
        "Shares were given as fractions of 1 (they add up to about 1); they are read as percentages."
    )
    return [
        dataclasses.replace(
            r,
            row=r.row.model_copy(
                update={
                    "share": r.row.share * 100,
                    "share_decimals": max(0, (r.row.share_decimals or 0) - 2),
                }
            ),
        )
        if r.row.share is not None
        else r
        for r in records
    ]


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


class ShareAlone(Exception):
    """A row of a share and no votes, met by the streaming engine, whose sums would count it as 0
    votes (the exact engine keeps its votes unknown: a `shares-sum` or `share-mismatch` of the
    share as given): the file is the exact engine's."""


def votes_of(record: Record) -> int:
    """A record's votes for the streaming engine's sums; `ShareAlone` for a share alone."""
    if record.votes is None:
        raise ShareAlone
    return record.votes


def out_of_range(records: list[Record], found: Found, column: str | None) -> None:
    """Shares outside 0–100 are errors; the rows stay, so that the sum is checked too."""
    for record in records:
        share = record.row.share
        if share is not None and not 0 <= share <= 100:
            found.add(
                Code.SHARE_OUT_OF_RANGE,
                record.line,
                f"share {share!r}: a share is a percent, from 0 to 100; fix the cell",
                column=column,
            )
