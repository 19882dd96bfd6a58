"""Result models → CSV text: one row per option (or problem), cells guarded against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from pollcli.models import Summary, ValidationReport
from pollcli.render.safe import spreadsheet_cell

Cell = str | int | float | bool | None


def _cell(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):  # as in the JSON, not Python's True/False
        return "true" if value else "false"
    return spreadsheet_cell(value) if isinstance(value, str) else value


def _write(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def render_summary(summary: Summary) -> str:
    header = (
        "election",
        "date",
        "stage",
        "rank",
        "candidate",
        "party",
        "kind",
        "votes",
        "share",
        "below_threshold",
        "leader",
        "runner_up",
    )
    rows = []
    for e in summary.elections:
        leader = e.leader.candidate if e.leader else None
        runner_up = e.runner_up.candidate if e.runner_up else None
        for r in e.results:
            rows.append(
                (
                    e.election,
                    e.date.isoformat() if e.date else None,
                    e.stage,
                    r.rank,
                    r.candidate,
                    r.party,
                    r.kind,
                    r.votes,
                    repr(r.share) if r.share is not None else None,
                    r.below_threshold,
                    r.candidate == leader,
                    r.candidate == runner_up,
                )
            )
    return _write(header, rows)


def render_validation(report: ValidationReport) -> str:
    header = ("file", "line", "column", "severity", "code", "message")
    rows = [
        (f.file, p.line, p.column, p.severity, p.code, p.message)
        for f in report.files
        for p in f.problems
    ]
    return _write(header, rows)
