"""Results → CSV text: one row per option (or problem), cells guarded against formula injection."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from pollcli.models import (
    OVERVIEW_COLUMNS,
    SUMMARY_COLUMNS,
    VALIDATION_COLUMNS,
    Summary,
    ValidationReport,
)
from pollcli.render.safe import spreadsheet_cell


def _cell(value: Any) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):  # as in the JSON, not Python's True/False
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # full precision, as in the JSON
    if isinstance(value, dt.date):
        return value.isoformat()
    return spreadsheet_cell(value) if isinstance(value, str) else int(value)


Cell = Any


def write_rows(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """CSV text of a header and rows of cells, each cell made safe for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _write(records: Iterable[dict[str, Any]], header: Sequence[str]) -> str:
    return write_rows(header, ([record[column] for column in header] for record in records))


def render_summary(summary: Summary) -> str:
    """One row per option per election (race), however many races: a script reading it does not
    break when a fourth race appears; with --overview, one row per race (OVERVIEW_COLUMNS)."""
    if summary.one_line_per_race and summary.overview is not None:
        return _write(summary.overview.flat_rows(), OVERVIEW_COLUMNS)
    return _write(summary.iter_flat_rows(), SUMMARY_COLUMNS)


def render_validation(report: ValidationReport) -> str:
    return _write(report.flat_rows(), VALIDATION_COLUMNS)
