"""Numbers as election commissions and spreadsheets print them.

`6,456,392`, `6 456 392` (space, no-break or narrow no-break space), `6'456'392`, `6.456.392` with a decimal
comma, `3.00E+03` in vote counts; `81,31`, `81.31 %` and fractions in shares. A number that reads two ways is
an error asking for `--decimal`, never a guess.
"""

from __future__ import annotations

import math
import re
from typing import Final

# Far above any electorate on Earth: a count past this is a typo or an attack, not a result.
MAX_VOTES: Final[int] = 10_000_000_000

_SPACES: Final[str] = " \u00a0\u202f\u2009\u2007'’"
_SPACE_RE: Final[re.Pattern[str]] = re.compile(f"[{_SPACES}]")
_GROUPED = {sep: re.compile(rf"^\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+$") for sep in ",."}
_INT_RE: Final[re.Pattern[str]] = re.compile(r"^[+-]?\d+$")
_SHARE_COMMA_RE: Final[re.Pattern[str]] = re.compile(r"^[+-]?\d*,\d+$")
_SHARE_DOT_RE: Final[re.Pattern[str]] = re.compile(r"^[+-]?\d*\.\d+$")


class NumberError(ValueError):
    """A cell that is not a number of the expected kind; `code` is a stable problem code."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def _compact(text: str) -> str:
    return _SPACE_RE.sub("", text.strip())


def parse_votes(text: str, decimal: str, *, decimal_given: bool, what: str = "votes") -> int:
    """A non-negative vote count. `decimal` is the file's decimal mark; `decimal_given` says the user set it."""
    raw = _compact(text)
    if _INT_RE.match(raw):
        value = int(raw)
    else:
        value = _grouped_or_float(raw, text, decimal, decimal_given=decimal_given, what=what)
    if value < 0:
        raise NumberError(
            "negative-votes", f"{what} {text.strip()!r}: a count cannot be negative; fix the cell"
        )
    if value > MAX_VOTES:
        raise NumberError(
            "votes-out-of-range",
            f"{what} {text.strip()!r}: more than {MAX_VOTES:,}, larger than any electorate; fix the cell",
        )
    return value


def _grouped_or_float(raw: str, text: str, decimal: str, *, decimal_given: bool, what: str) -> int:
    for sep, pattern in _GROUPED.items():
        if not pattern.match(raw):
            continue
        if sep != decimal or raw.count(sep) > 1:
            return int(raw.replace(sep, ""))
        if not decimal_given:
            other = "," if sep == "." else "."
            raise NumberError(
                "ambiguous-number",
                f"{what} {text.strip()!r} reads as {raw.replace(sep, '')} or as {raw.replace(sep, '.')}; "
                f"pass --decimal {other} if '{sep}' separates thousands",
            )
    number = _to_float(raw.replace(decimal, ".") if decimal == "," else raw, text, what)
    if not number.is_integer():
        raise NumberError(
            "type-error", f"{what} {text.strip()!r}: not a whole number; a count has no fraction"
        )
    return int(number)


def _to_float(raw: str, text: str, what: str) -> float:
    try:
        number = float(raw)
    except ValueError:
        raise NumberError(
            "type-error", f"{what} {text.strip()!r}: not a number; write digits only, like 12345"
        ) from None
    if not math.isfinite(number) or raw.strip().lstrip("+-").lower() in {"nan", "inf", "infinity"}:
        raise NumberError(
            "type-error", f"{what} {text.strip()!r}: not a finite number; give a real figure"
        )
    return number


def share_decimal_mark(text: str) -> str | None:
    """The decimal mark a share cell shows, if it shows one unambiguously."""
    raw = _compact(text).rstrip("%").strip()
    if _SHARE_COMMA_RE.match(raw):
        return ","
    if _SHARE_DOT_RE.match(raw):
        return "."
    return None


def parse_share(text: str, decimal: str, *, decimal_given: bool = False) -> tuple[float, int]:
    """A share in percent as published, and the number of decimals it was printed with."""
    raw = _compact(text)
    if raw.endswith("%"):
        raw = raw[:-1].strip()
    if "," in raw and "." in raw:
        thousands = "." if raw.rfind(",") > raw.rfind(".") else ","
        raw = raw.replace(thousands, "")
        raw = raw.replace(",", ".")
    elif "," in raw:
        if decimal_given and decimal != "," and raw.count(",") == 1 and _SHARE_COMMA_RE.match(raw):
            raise NumberError(
                "ambiguous-number",
                f"share {text.strip()!r} uses a decimal comma but --decimal . was given; "
                "pass --decimal , instead",
            )
        raw = raw.replace(",", ".")
    number = _to_float(raw, text, "share")
    decimals = len(raw.split(".", 1)[1]) if "." in raw and "e" not in raw.lower() else 0
    return number, decimals
