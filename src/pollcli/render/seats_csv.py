"""Seats → CSV: one row per party per method, the national (or summed) rows first, then districts'."""

from __future__ import annotations

from pollcli.render.csv import write_rows
from pollcli.seats_models import SEATS_COLUMNS, SeatsReport


def render_seats(report: SeatsReport) -> str:
    return write_rows(
        SEATS_COLUMNS, ([row[c] for c in SEATS_COLUMNS] for row in report.flat_rows())
    )
