"""Shares given as fractions of 1 (0.4473 for 44.73 %), read as percentages: a stage of the
assembly (`read.assemble`), for both engines."""

from __future__ import annotations

import dataclasses

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
