"""How figures are written in text — tables, findings and messages alike: the one place where rounding
happens. `None` is written as `missing` ("—" in tables; findings say "n/a")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


def pct(value: float | None, digits: int = 2, missing: str = "—") -> str:
    """81.31 %"""
    return missing if value is None else f"{value:.{digits}f} %"


def named_pcts(names: Iterable[str], values: Iterable[float]) -> str:
    """'Ann (2.66 %), Bo (2.34 %)': each name with its share as `pct` writes it (a race's
    candidates below the threshold: 95 of 100 in a race, 10,000 races in a file)."""
    return ", ".join(map("{} ({:.2f} %)".format, names, values))


def points(value: float | None, missing: str = "—") -> str:
    """+10.35, −2.40 (a change or an error, in percentage points): a true minus sign (U+2212), as
    the findings write it, beside a plus of the same width; CSV and JSON keep numbers."""
    return missing if value is None else f"{value:+.2f}".replace("-", "\u2212")


def votes(value: int | None, missing: str = "—") -> str:
    """6,456,392"""
    return missing if value is None else f"{value:,}"


def number(value: float | None, digits: int = 2, missing: str = "—") -> str:
    """1.50"""
    return missing if value is None else f"{value:.{digits}f}"


def counted(value: int, noun: str) -> str:
    """'1 vote', '2,000 votes'."""
    return f"{value:,} {noun}" if value == 1 else f"{value:,} {noun}s"


def with_party(name: str, party: str | None) -> str:
    """'Name (Party)'; the name alone when it has no party, is the party (a list named by its party
    column: 'MAIE', not 'MAIE (MAIE)'), or ends with it already (candidates of one name are named
    with their party: 'John Smith (DEM)')."""
    if not party or name == party or name.endswith(f"({party})"):
        return name
    return f"{name} ({party})"


def listed(
    items: Sequence[T],
    shown: int,
    text: Callable[[T], str] = str,
    sep: str = ", ",
    more: str = " and ",
    noun: str = "",
) -> str:
    """'a, b, c and 4 more': the first `shown` items, each written by `text` (only those), and how
    many more there are; `noun` is counted after the number ('and 2 more districts')."""
    said = sep.join(map(text, items[:shown]))
    rest = len(items) - shown
    if rest <= 0:
        return said
    plural = "" if rest == 1 else "s"
    return f"{said}{more}{rest:,} more" + (f" {noun}{plural}" if noun else "")
