"""How figures look in text: the one place where rounding happens."""

from __future__ import annotations


def pct(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f} %"


def points(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def votes(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def number(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def bar(share: float | None, width: int) -> str:
    """A share of 100 % as a bar of `width` cells, in eighths of a cell."""
    if share is None or width <= 0:
        return ""
    eighths = round(max(0.0, min(share, 100.0)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[part]
