"""Numbers as election commissions and spreadsheets print them.

`6,456,392`, `6 456 392` (space, no-break or narrow no-break space), `6'456'392`, `6.456.392` with a decimal
comma, `3.00E+03` in vote counts; `81,31`, `81.31 %` and fractions in shares. A number that reads two ways is
an error asking for `--decimal`, never a guess.

Digits are the ASCII digits 0-9 only. Python's `int()` and `float()` also read the digits of other
scripts (`١٢٣`, `１２３`, `१२३`) and underscores (`1_000`); a results table that has them was
garbled or typed by hand, so they are refused with the reason rather than read silently. A count is
read exactly, never through a float: `0.99999999999999999999` is not a whole number by itself (a
float rounds it to 1), and a count of thousands of digits is out of range without ever reaching
`int()`, whose limit of 4,300 digits would raise an error of Python's own. A row's vote cell may be
within 1e-6 of a whole number (`727712.9999999997`, float arithmetic in a spreadsheet or a pandas
export): it is read as that number, exactly (Decimal), and the reader notes it (`near_whole`); a row's count with a footnote mark after
it (Colorado's `0*`) is read as the count, and the reader notes the mark (`marked`). A
count with its share beside it in one cell (`872,127 (38.71)`, `43.5% (24,060)`) is read as the
count, the whole number; where both are whole (`12 (345)`) it is no number.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any, Final

from pollcli.errors import UsageError

# Far above any electorate on Earth: a count past this is a typo or an attack, not a result.
MAX_VOTES: Final[int] = 10_000_000_000

# How far from a whole number a vote count may be and still be read as one (with a note): float
# arithmetic in spreadsheets and pandas leaves sums like 727712.9999999997.
NEAR_WHOLE: Final[Decimal] = Decimal("1e-6")
_NEAR_WHOLE_CHARS: Final[int] = 64

# Digits of MAX_VOTES: a count with more significant digits than this is out of range unread.
_MAX_DIGITS: Final[int] = len(str(MAX_VOTES))
_SPACES: Final[str] = " \u00a0\u202f\u2009\u2007'’"
_SPACE_RE: Final[re.Pattern[str]] = re.compile(f"[{_SPACES}]")
# re.ASCII everywhere: without it `\d` matches the digits of every script.
# Thousands marks: `1,234,567`, `1.234.567`; and India's lakhs and crores, `12,34,567`.
_GROUPED = {sep: re.compile(rf"^\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+$", re.ASCII) for sep in ",."}
_GROUPED[","] = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})$", re.ASCII)
_INT_RE: Final[re.Pattern[str]] = re.compile(r"^[+-]?\d+$", re.ASCII)


@functools.cache
def _decimal() -> re.Pattern[str]:
    """Compiled on first use: a whole count never needs it."""
    return re.compile(r"([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?", re.ASCII)


_SHARE_COMMA_RE: Final[re.Pattern[str]] = re.compile(r"^[+-]?\d*,\d+$", re.ASCII)
_SHARE_DOT_RE: Final[re.Pattern[str]] = re.compile(r"^[+-]?\d*\.\d+$", re.ASCII)
# A count with its share beside it in one cell: `872,127\n(38.71)` (South Korea's NEC, 1997–2017),
# `43.5% (24,060)` (Malaysia's results by seat). The count is the whole number, outside the brackets
# (its share a number to 100 inside, a `%` or none) or inside them (after a share with its `%`).
_WHOLE: Final[str] = r"\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+"
_SHARE: Final[str] = r"(?:100(?:[.,]0+)?|\d{1,2}(?:[.,]\d+)?)"
# In brackets after the count, a share has decimals or its `%`: `120 (12)` may be a footnote's.
_FRACTION: Final[str] = r"(?:100[.,]0+|\d{1,2}[.,]\d+)"


@functools.cache
def _with_share() -> re.Pattern[str]:
    """Compiled on first use: few files write a share beside a count."""
    return re.compile(
        rf"\s*(?:(?P<count>{_WHOLE})\s*\(\s*(?P<after>{_FRACTION}\s*%?|{_SHARE}\s*%)\s*\)"
        rf"|(?P<before>{_SHARE}\s*%)\s*\(\s*(?P<inner>{_WHOLE})\s*\))\s*",
        re.ASCII,
    )


# A count with a footnote mark after it: Colorado's county results give Weld's `0*` votes in a race
# Weld has no voters in (its TOTAL rows add the 0).
@functools.cache
def _marked() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"(.*?\d)\s*([*†‡§]+)")


# Longer cells are quoted in messages by their two ends and their length.
_SHOWN_CHARS: Final[int] = 40


class NumberError(ValueError):
    """A cell that is not a number of the expected kind; `code` is a stable problem code."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def _compact(text: str) -> str:
    return _SPACE_RE.sub("", text.strip())


def shown(text: str) -> str:
    """A cell quoted for a message: whole when short, else its two ends and its length."""
    text = text.strip()
    if len(text) <= _SHOWN_CHARS:
        return _quoted(text)
    return f"{_quoted(text[:20])}…{_quoted(text[-8:])} ({len(text):,} characters)"


def _quoted(text: str) -> str:
    """`repr`, but a backslash as the file writes it: a database's `\\N` is shown `'\\N'`, not
    `'\\\\N'`, which the file does not hold."""
    if "\\" in text and "'" not in text and text.isprintable():
        return f"'{text}'"
    return repr(text)


def with_share(text: str) -> bool:
    """Whether a cell holds a count with its share beside it (`872,127 (38.71)`, `43.5% (24,060)`):
    `parse_votes` reads its count."""
    return "(" in text and _with_share().fullmatch(text) is not None


def percents(values: Sequence[str]) -> bool:
    """A column of shares by its cells: every filled cell a percentage (`43.78%`), none a count
    with its share beside it (`43,093 (83.8%)`: `with_share`)."""
    filled = [v.strip() for v in values if v.strip() and v.strip() not in NA_WORDS]
    return bool(filled) and all(v.endswith("%") and not with_share(v) for v in filled)


# Vote cells of at most this many ASCII digits are below MAX_VOTES: read by `int` at once.
_PLAIN_DIGITS: Final[int] = len(str(MAX_VOTES)) - 1


def plain_votes(text: str) -> int | None:
    """A vote cell of plain ASCII digits (the common cell, `551`) as the count the contract reads it
    as, sooner than `parse_votes`; None for any other cell, which wants the whole contract."""
    if text.isdigit() and text.isascii() and len(text) <= _PLAIN_DIGITS:
        return int(text)
    return None


# A whole count's digits in groups of three after the first one to three, one mark between them
# (`1.500`, `1,500`, `1 500`, `1'500`).
_THOUSANDS: Final[re.Pattern[str]] = re.compile(r"\d{1,3}(?:([.,' \u00a0\u202f])\d{3})(?:\1\d{3})*")


def whole_count(text: str) -> int | None:
    """A cell as a whole count, plain (`1500`) or its thousands marked (`1.500`, `1,500`, `1 500`):
    for checks of a table's figures against each other, before its decimal mark is known, never
    for a count read (`parse_votes`); 0 for a blank cell, None for any other."""
    text = text.strip()
    if not text:
        return 0
    if text.isascii() and text.isdigit():
        return int(text)
    if _THOUSANDS.fullmatch(text) is None:
        return None
    return int("".join(c for c in text if c.isdigit()))


def with_share_cell(cells: dict[str, Any]) -> None:
    """A votes cell of a count with its share beside it (`with_share`: Malaysia's `43.5% (24,060)`)
    made two cells where no share cell is given: the count the votes, the share published beside
    them (then checked against the votes as any published share is)."""
    votes = cells.get("votes")
    paired = _with_share().fullmatch(votes) if isinstance(votes, str) and "(" in votes else None
    if paired is not None and "share" not in cells:
        cells["votes"] = paired.group("count") or paired.group("inner")
        cells["share"] = paired.group("after") or paired.group("before")


def parse_votes(
    text: str,
    decimal: str,
    *,
    decimal_given: bool,
    what: str = "votes",
    near_whole: list[str] | None = None,
    marked: list[str] | None = None,
) -> int:
    """A non-negative vote count. `decimal` is the file's decimal mark; `decimal_given` says the user set it.

    With a `near_whole` list, a number within NEAR_WHOLE of a whole one (`727712.9999999997`, as
    spreadsheets and pandas write sums of floats) is read as that whole number and its text is
    appended to the list, for a note; without it such a number is not a count. With a `marked`
    list, so is a count with a footnote mark after it (`0*`), read without its mark."""
    mark = _marked().fullmatch(text.strip()) if text[-1:] in "*†‡§ " else None
    if mark is not None and marked is not None:
        value = parse_votes(mark[1], decimal, decimal_given=decimal_given, what=what)
        marked.append(text.strip())
        return value
    paired = _with_share().fullmatch(text) if "(" in text else None
    if paired is not None:
        text = paired.group("count") or paired.group("inner")
    raw = _compact(text)
    if _INT_RE.match(raw):
        value = _whole(raw)
    else:
        try:
            value = _grouped_or_exact(raw, text, decimal, decimal_given=decimal_given, what=what)
        except NumberError as exc:
            if near_whole is None or exc.code != "type-error":
                raise
            nearest = _nearest_whole(raw, decimal)
            if nearest is None:
                raise
            near_whole.append(text.strip())
            value = nearest
    if value < 0:
        raise NumberError(
            "negative-votes", f"{what} {shown(text)}: a count cannot be negative; fix the cell"
        )
    if value > MAX_VOTES:
        raise NumberError(
            "votes-out-of-range",
            f"{what} {shown(text)}: more than {MAX_VOTES:,}, larger than any electorate; fix the cell",
        )
    return value


def near_whole_note(count: int, line: int, text: str) -> str:
    """The note on vote counts read as the whole number they are within NEAR_WHOLE of: how many,
    and the first (its line and text)."""
    many = count > 1
    return (
        f"{f'{count:,} vote counts' if many else 'A vote count'} within 1e-6 of a whole number "
        f"(such as {text!r} on line {line}, as spreadsheets and pandas write sums) "
        + ("were read as whole numbers." if many else "was read as the whole number.")
    )


def marked_note(marked: Sequence[tuple[int, str]]) -> str:
    """The note on vote counts read without the footnote mark after them: the marks, how many,
    and the first few (line and text)."""
    marks = "".join(sorted({ch for _, text in marked for ch in text if ch in "*†‡§"}))
    shown = ", ".join(f"{text!r} on line {line:,}" for line, text in marked[:3])
    more = f" and {len(marked) - 3:,} more" if len(marked) > 3 else ""
    count = f"{len(marked):,} vote counts carry" if len(marked) > 1 else "A vote count carries"
    return (
        f"{count} a footnote mark ({' '.join(marks)}) after the number ({shown}{more}): read as "
        "the number without it; the footnote it points to is not in the rows, check it at the "
        "source."
    )


def _nearest_whole(raw: str, decimal: str) -> int | None:
    """The whole number within NEAR_WHOLE of `raw` (a plain or scientific decimal), or None. Read
    with Decimal, never a float, and only for numbers of a sane length."""
    plain = raw.replace(",", ".") if decimal == "," else raw
    if len(plain) > _NEAR_WHOLE_CHARS or not _decimal().fullmatch(plain):
        return None
    with localcontext() as context:
        context.prec = 2 * _NEAR_WHOLE_CHARS
        try:
            number = Decimal(plain)
        except InvalidOperation:
            return None
        if not number.is_finite() or abs(number) > MAX_VOTES + 1:
            return None
        whole = number.to_integral_value()
        return int(whole) if abs(number - whole) <= NEAR_WHOLE else None


def _whole(digits: str, sign: str = "") -> int:
    """`int()` of ASCII digits, or MAX_VOTES + 1 (with the sign) when there are too many of them to
    be a count, before `int()` could refuse a string of more than 4,300 digits."""
    if digits[:1] in ("+", "-"):
        sign, digits = digits[0], digits[1:]
    significant = digits.lstrip("0")
    value = MAX_VOTES + 1 if len(significant) > _MAX_DIGITS else int(significant or "0")
    return -value if sign == "-" else value


def _grouped_or_exact(raw: str, text: str, decimal: str, *, decimal_given: bool, what: str) -> int:
    for sep, pattern in _GROUPED.items():
        if not pattern.match(raw):
            continue
        if sep != decimal or raw.count(sep) > 1:
            return _whole(raw.replace(sep, ""))
        if not decimal_given:
            other = "," if sep == "." else "."
            raise NumberError(
                "ambiguous-number",
                f"{what} {shown(text)} reads as {raw.replace(sep, '')} or as {raw.replace(sep, '.')}; "
                f"pass --decimal {other} if '{sep}' separates thousands",
            )
    # Thousands separated, then a fraction (Setagaya's `9,617.756`): read as its digits are.
    head, point, tail = raw.rpartition(decimal)
    if point and tail.isdigit() and _GROUPED["," if decimal == "." else "."].match(head):
        return _exact_whole(
            f"{head.replace(',', '').replace('.', '')}.{tail}", text, what, grouped=True
        )
    return _exact_whole(raw.replace(decimal, ".") if decimal == "," else raw, text, what)


def _exact_whole(raw: str, text: str, what: str, *, grouped: bool = False) -> int:
    """A count in decimal or scientific notation (`3.00E+03`), read digit by digit: whole only when
    every digit after the point is 0, however many there are."""
    match = _decimal().fullmatch(raw)
    if match is None or not (match[2] or match[3]):
        _to_float(raw, text, what)  # raises, saying why it is not a number
        raise NumberError("type-error", f"{what} {shown(text)}: not a number")
    sign, integer, fraction, exponent = match[1], match[2], match[3] or "", match[4] or "0"
    digits = (integer + fraction).lstrip("0")
    if not digits:
        return 0
    # Where the point falls among `digits` once the exponent has moved it.
    shift = len(integer) - (len(integer + fraction) - len(digits))
    if len(exponent.lstrip("+-").lstrip("0")) > 6:  # 1e-1000000 or 1e1000000: no count either way
        point = -1 if exponent.startswith("-") else len(digits) + _MAX_DIGITS + 1
    else:
        point = shift + int(exponent)
    if point < len(digits) and digits[max(point, 0) :].strip("0"):
        # A grouped count with a fraction (`9,617.756`) is no share: Japan's divided ballots.
        divided = (
            " (Japan's ballots divided among candidates of one name, 按分票, give fractions: "
            "round such counts in the file to read it)"
            if grouped
            else ""
        )
        raise NumberError(
            "type-error",
            f"{what} {shown(text)}: not a whole number; a count has no fraction{divided}",
        )
    if point > _MAX_DIGITS:
        return -(MAX_VOTES + 1) if sign == "-" else MAX_VOTES + 1
    return _whole(digits[:point] + "0" * (point - len(digits)), sign)


# A database's missing value exported as text (the Library of Parliament's riding history writes
# `NULL` in the votes cell of 35 candidates whose count it does not have; MySQL dumps `\N`).
_NULLS: Final[frozenset[str]] = frozenset({"NULL", "(NULL)", "\\N"})
# Such a value, or `None`, in a party or district cell: no party, no district, as a blank cell
# (`records.CellReader.split`: Montana 2016's party `NULL` on 33 measures read "LEVY · NULL
# primary").
NO_VALUES: Final[frozenset[str]] = _NULLS | frozenset(("null", "Null", "None", "NONE", "none"))
# `NA`, `N/A`: no district too (Tennessee 2022's district `NA` named races "Amendment # 1 · NA"),
# but a party's name may be NA (Latvia's National Alliance): no party only where every option of
# the race has it (Tennessee's measures; `read.naparties`).
NA_WORDS: Final[frozenset[str]] = frozenset(("NA", "N/A", "n/a"))
# A small count hidden as the bound it is below: Colorado's counties' `(< 25)`, `<10`, `<= 10`.
_BELOW: Final = re.compile(r"\(?\s*<=?\s*\d+\s*\)?")


def _to_float(raw: str, text: str, what: str) -> float:
    if not raw.isascii() and any(c.isdigit() and not c.isascii() for c in raw):
        raise NumberError(
            "type-error",
            f"{what} {shown(text)}: digits of another script; write the digits 0-9, like 12345",
        )
    if "_" in raw:
        raise NumberError(
            "type-error",
            f"{what} {shown(text)}: an underscore is not a thousands separator here; "
            "write 1000 or 1,000",
        )
    if raw and (set(raw) == {"*"} or _BELOW.fullmatch(raw)):
        raise NumberError(
            "type-error",
            f"{what} {shown(text)}: a masked figure (publishers hide small counts so): the file "
            "does not give it, and pollcli counts no guess; a file of larger places (county "
            "totals) gives every figure",
        )
    if raw.upper() in _NULLS:
        raise NumberError(
            "type-error",
            f"{what} {shown(text)}: the file gives no figure here (a database's empty value), and "
            "pollcli counts no guess, not even 0; fill it in from the source",
        )
    try:
        number = float(raw)
    except ValueError:
        raise NumberError(
            "type-error", f"{what} {shown(text)}: not a number; write digits only, like 12345"
        ) from None
    if not math.isfinite(number) or raw.strip().lstrip("+-").lower() in {"nan", "inf", "infinity"}:
        raise NumberError(
            "type-error", f"{what} {shown(text)}: not a finite number; give a real figure"
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


class ShareMarks:
    """The decimal marks a file's share cells show, each with its first line: the streaming
    engine's head decided the mark, and a file whose later shares would decide otherwise is the
    exact engine's to read."""

    def __init__(self, index: int | None) -> None:
        self.index = index  # the share column's place in a row, if any
        self.marks: dict[str, int] = {}

    def see(self, cells: list[str], line: int) -> None:
        if self.index is not None and self.index < len(cells):
            mark = share_decimal_mark(cells[self.index])
            if mark is not None:
                self.marks[mark] = min(line, self.marks.get(mark, line))

    def differ(self, decimal: str, given: bool) -> bool:
        """Whether the shares seen call for another decimal mark than `decimal` (the head's):
        never when the mark was given."""
        if given:
            return False
        whole = "," if set(self.marks) == {","} else "."
        return len(self.marks) > 1 or whole != decimal


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


# A number an unquoted CSV split at its thousands separator: its head (1–3 digits), then groups of
# three digits, the last with decimals maybe (`9`, `617.756` of `9,617.756`).
_HEAD: Final[re.Pattern[str]] = re.compile(r"\d{1,3}", re.ASCII)
_GROUP: Final[re.Pattern[str]] = re.compile(r"\d{3}", re.ASCII)
_LAST_GROUP: Final[re.Pattern[str]] = re.compile(r"\d{3}(?:\.\d+)?", re.ASCII)


def extra_cells(cells: list[str], width: int, delimiter: str) -> str:
    """The message of a row with more cells than the header: where the extra cells are numbers
    split at their thousands separator, the delimiter (Setagaya's council results, `…,自由民主党,
    9,617.756` under `order,elected,name,party,votes`), it says so and names the first."""
    said = f"{len(cells)} cells but the header has {width}"
    if delimiter == ",":
        for start in range(len(cells) - 1):
            end = start + 1
            while end < len(cells) and _GROUP.fullmatch(cells[end].strip()):
                end += 1
            if end < len(cells) and _LAST_GROUP.fullmatch(cells[end].strip()):
                end += 1
            split = end - start - 1
            if split and _HEAD.fullmatch(cells[start].strip()) and len(cells) - split == width:
                number = delimiter.join(c.strip() for c in cells[start:end])
                return (
                    f"{said}: {', '.join(repr(c.strip()) for c in cells[start:end])} look like "
                    f"one number, {number!r}, split at its thousands separator {delimiter!r}; "
                    f'quote such numbers ("{number}") or write them without the separator'
                )
    return f"{said}; quote names that contain the delimiter {delimiter!r} or remove the extra cells"


def percent(name: str, value: float) -> float:
    """A threshold from Python as the CLI's flags have it: a float from 0 to 100 (5 prints as 5.0)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not 0 <= number <= 100:
        raise UsageError(f"{name} must be a number from 0 to 100, not {value!r}")
    return number


def padded_codes(columns: Sequence[Sequence[str]]) -> set[int]:
    """The columns (by index) of codes written to one width with leading zeros (`001`, `014`: a
    polling station's number, Hungary's `szavazokor`): a cell of two digits or more begins with a
    zero, and every cell of digits has that width. A count is not written so: of some sixty
    published files' columns of zero-padded digits, each was a code (`no_tps`, `territory_code`,
    `district`, `parliament_code_digits`). Where every column with figures is so (a file of fixed
    width, its counts padded too), none is told apart: an empty set; so too where the padded
    columns are more than the others with figures (a code is one column or a few beside the
    counts): a file of fixed width whose leading candidate always has four digits (`1345` beside
    `0012`), or whose registered voters are not padded (`1520` beside `0412`)."""
    found, filled = set(), 0
    for index, values in enumerate(columns):
        digits = [v.strip() for v in values if v.strip().isascii() and v.strip().isdigit()]
        filled += bool(digits)
        widths = {len(v) for v in digits}
        if len(widths) == 1 and any(len(v) > 1 and v[0] == "0" for v in digits):
            found.add(index)
    return found if len(found) <= filled - len(found) else set()
