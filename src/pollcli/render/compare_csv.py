"""A Comparison → CSV, long form: one line per option per election, with its change and poll error.

Long form because the number of elections varies; a spreadsheet pivots it back into the side-by-side view.
"""

from __future__ import annotations

from pollcli.compare_models import Comparison
from pollcli.render.csv import Cell, write_rows

HEADER = (
    "candidate",
    "party",
    "kind",
    "election",
    "date",
    "stage",
    "share",
    "change_pp",
    "poll_error_pp",
    "names",
)


def render_comparison(comparison: Comparison) -> str:
    # By the poll's position among the elections: two polls may share a label.
    errors = {
        (poll.position, error.candidate): error.error
        for poll in comparison.poll_accuracy or []
        for error in poll.errors
    }
    rows: list[tuple[Cell, ...]] = []
    for row in comparison.rows:
        for index, election in enumerate(comparison.elections):
            share = row.shares[index]
            change = row.changes[index - 1] if index > 0 else None
            error = errors.get((index, row.candidate))
            rows.append(
                (
                    row.candidate,
                    row.party,
                    row.kind,
                    election.election,
                    election.date.isoformat() if election.date else None,
                    election.stage,
                    repr(share) if share is not None else None,
                    repr(change) if change is not None else None,
                    repr(error) if error is not None else None,
                    " | ".join(row.names),
                )
            )
    return write_rows(HEADER, rows)
