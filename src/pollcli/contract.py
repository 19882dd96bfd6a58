"""The input contract, validated by Pydantic: one row's cells (`Row`) and one election's facts (`Facts`).

A cell arrives as text from a file (numbers as election commissions print them, see `pollcli.numbers`)
or, for facts, as a typed value from a flag or the Python API; the validators below read both. Every
refusal is a `PydanticCustomError` whose type is a pollcli problem code, so `problems_from` turns
Pydantic's errors into problems with code, line and column in one place.
"""

# No `from __future__ import annotations`: Pydantic compiled each annotation kept as text, each run.

import contextlib
import dataclasses
import datetime as dt
import numbers
import re
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Final, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticCustomError

from pollcli.columns import (
    JOINERS,
    KINDS,
    METHODS,
    SHARE_BASES,
    STAGES,
    SYSTEMS,
    THRESHOLD_BASES,
    THRESHOLD_SCOPES,
    Kind,
    Method,
    System,
    ThresholdBase,
    ThresholdScope,
    method_name,
    normalize_header,
    stage_of,
)
from pollcli.kinds import ROW_FACTS, implied_by_name, name_key
from pollcli.numbers import (
    MAX_VOTES,
    NumberError,
    parse_share,
    parse_votes,
    plain_votes,
    with_share_cell,
)
from pollcli.problems import BLANK_NAME_SAID, Code, Found

MAX_SEATS: Final[int] = 100_000
# Facts that count people or ballots, and facts in whole numbers from 1 to 99.
COUNT_FACTS: Final[tuple[str, ...]] = (
    "registered",
    "ballots_cast",
    "invalid",
    "blank",
    "total_votes",
)
YEAR_FACTS: Final[tuple[str, ...]] = ("round", "term_years", "previous_term_years")
# Facts whose value is one word of a fixed list.
CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "stage": STAGES,
    "share_base": SHARE_BASES,
    "system": SYSTEMS,
    "threshold_base": THRESHOLD_BASES,
    "threshold_scope": THRESHOLD_SCOPES,
    "method": METHODS,
}


def _decimal(info: ValidationInfo) -> tuple[str, bool]:
    """The file's decimal mark and whether the user gave it (`--decimal`), from the validation context."""
    context = info.context or {}
    return context.get("decimal", "."), context.get("decimal_given", False)


def _refuse(code: Code, message: str) -> PydanticCustomError:
    return PydanticCustomError(str(code), message)


def cells_context(
    decimal: str,
    decimal_given: bool,
    near_whole: list[str] | None = None,
    kinds: Mapping[str, str] | None = None,
    names: dict[str, tuple[Kind, str | None]] | None = None,
) -> dict[str, Any]:
    """The validation context of a file's cells: its decimal mark, whether the user gave it, and
    for rows a list that collects vote cells read as whole numbers from within 1e-6 of one, the
    `--kind` overrides (by `kinds.name_key`), and `names`, a file's own cache of what each name
    implies (`kinds.implied_by_name`: the names of a file repeat in every precinct)."""
    context: dict[str, Any] = {"decimal": decimal, "decimal_given": decimal_given}
    if near_whole is not None:
        context["near_whole"] = near_whole
    if kinds:
        context["kinds"] = kinds
    if names is not None:
        context["names"] = names
    return context


# A file's own cache of what its names imply holds at most this many names (some 30 MB): a file of
# more distinct names reads the others through `implied_by_name`'s own, smaller cache.
NAMES_CACHED: Final[int] = 1 << 18


# --- one row's cells -------------------------------------------------------------------------------


def _votes_cell(value: Any, info: ValidationInfo) -> Any:
    if not isinstance(value, str):
        return value
    plain = plain_votes(value)
    if plain is not None:
        return plain
    decimal, given = _decimal(info)
    try:
        # Counts within 1e-6 of a whole number are read as whole, `0*` as 0: the reader notes them.
        near, marked = ((info.context or {}).get(k) for k in ("near_whole", "marked"))
        return parse_votes(value, decimal, decimal_given=given, near_whole=near, marked=marked)
    except NumberError as exc:
        raise _refuse(Code(exc.code), str(exc)) from None


def _share_cell(value: Any, info: ValidationInfo) -> Any:
    if not isinstance(value, str):
        return value
    decimal, given = _decimal(info)
    try:
        return parse_share(value, decimal, decimal_given=given)[0]
    except NumberError as exc:
        raise _refuse(Code(exc.code), str(exc)) from None


def kind_cell(value: Any) -> Any:
    if value in KINDS:  # as written, or implied by the name
        return value
    if isinstance(value, str):
        kind = normalize_header(value)
        if kind not in KINDS:
            raise _refuse(Code.UNKNOWN_KIND, f"kind {value!r} is not one of {', '.join(KINDS)}")
        return kind
    return value


def name_cell(value: Any) -> Any:
    if isinstance(value, str) and not (
        value.strip() if value.isascii() else value.translate(JOINERS).strip()
    ):
        raise _refuse(Code.BLANK_NAME, BLANK_NAME_SAID)
    return value


@dataclass(frozen=True, slots=True, config=ConfigDict(extra="forbid"))
class Row:
    """One row's validated cells: an option's result in one election (and region, and unit).

    Validated from the non-blank cells of one CSV row (canonical column → stripped text) with the
    file's decimal mark in the context (`cells_context`); `share` text (or a votes cell's share:
    `numbers.with_share_cell`) becomes the percentage and `share_decimals` the decimals it was
    printed with, which set the rounding slack of the checks.

    A Pydantic dataclass with slots rather than a model: a file of a million rows holds a million
    of them, and a model's field dictionary and set of the fields given took 1.2 KB each (120
    bytes now). `model_validate` and `model_copy` are a model's, for the stages and the Python API.
    """

    candidate: Annotated[str, BeforeValidator(name_cell)]
    party: str | None = None
    kind: Annotated[Kind, BeforeValidator(kind_cell)] = "candidate"
    votes: Annotated[int, BeforeValidator(_votes_cell)] | None = None
    share: Annotated[float, BeforeValidator(_share_cell)] | None = None
    share_decimals: int | None = None
    region: str | None = None
    # A finer unit within the region (a precinct beside a region column): rows are unique per unit.
    unit: str | None = None
    colour: str | None = None
    # A row that is no option but a count of its unit ("Registered Voters", "Ballots Cast"): the
    # fact its votes give (`kinds.ROW_FACTS`), from the name or `--kind NAME=FACT`.
    fact: str | None = None
    # Such a row named in a race column (an office "Ballots Cast" with no candidate): a count of
    # its unit for every race of the file.
    all_races: bool = False

    @model_validator(mode="before")
    @classmethod
    def _implied(cls, data: Any, info: ValidationInfo) -> Any:
        """What the cells imply: the decimals a share was printed with, and a missing `kind` (or
        the fact a row gives instead) from the name ("Against all" is against_all, "Ballots Cast"
        a count), `--kind NAME=KIND` winning over both the name and a kind cell."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        context = info.context or {}
        with_share_cell(data)
        share = data.get("share")
        if isinstance(share, str) and "share_decimals" not in data:
            decimal, given = _decimal(info)
            # The share's own validator says what is wrong with it when it cannot be read.
            with contextlib.suppress(NumberError):
                data["share_decimals"] = parse_share(share, decimal, decimal_given=given)[1]
        name = data.get("candidate")
        if not isinstance(name, str):
            return data
        kinds = context.get("kinds")
        override = kinds.get(name_key(name)) if kinds else None
        if override in ROW_FACTS:
            data["fact"] = override
        elif override is not None:
            data["kind"] = override
        elif "kind" not in data:
            kind, fact = implied_by(name, context.get("names"))
            data["kind"] = kind
            if "fact" not in data and kind == "candidate":
                data["fact"] = fact
        return data

    @classmethod
    def model_validate(cls, obj: Any, *, context: dict[str, Any] | None = None) -> "Row":
        """A row validated from its cells (a mapping of column to text), as a model's: by the
        adapter's validator itself (its Python wrapper cost 0.3 µs a row, a file has a million)."""
        return _ROWS.validator.validate_python(obj, context=context)  # type: ignore[no-any-return]

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> "Row":
        """The row with some fields changed by a stage (a region read as a whole, a name made
        apart), not validated again: as a model's `model_copy`, which copies what was validated."""
        copy = object.__new__(Row)
        for name in _ROW_FIELDS:
            object.__setattr__(copy, name, getattr(self, name))
        for name, value in (update or {}).items():
            if name not in _ROW_FIELDS:
                raise AttributeError(f"a row has no field {name!r}")
            object.__setattr__(copy, name, value)
        return copy


_ROWS: Final[TypeAdapter[Row]] = TypeAdapter(Row)
_ROW_FIELDS: Final[tuple[str, ...]] = tuple(field.name for field in dataclasses.fields(Row))


def implied_by(
    name: str, names: dict[str, tuple[Kind, str | None]] | None
) -> tuple[Kind, str | None]:
    """`implied_by_name`, through the file's own cache of its names when it has one."""
    if names is None:
        return implied_by_name(name)
    found = names.get(name)
    if found is None:
        found = implied_by_name(name)
        if len(names) < NAMES_CACHED:
            names[name] = found
    return found


def counted(row: Row, region: str | None, unit: str | None, votes: int) -> Row:
    """The validated `row` in another region and unit with another count of votes, without
    validating it again: `model_copy` written out field by field by the slots' own setters (a row
    of a million, no loop over the fields), for the exact engine's rows of an option met before
    (`read.samerows`); the votes are a count the contract read (`plain_votes`)."""
    copy: Row = object.__new__(Row)
    _CANDIDATE(copy, row.candidate)
    _PARTY(copy, row.party)
    _KIND(copy, row.kind)
    _VOTES(copy, votes)
    _SHARE(copy, row.share)
    _SHARE_DECIMALS(copy, row.share_decimals)
    _REGION(copy, region)
    _UNIT(copy, unit)
    _COLOUR(copy, row.colour)
    _FACT(copy, row.fact)
    _ALL_RACES(copy, row.all_races)
    return copy


# Each field's slot setter, by name (a frozen row's own `__setattr__` refuses), for `counted`.
_SETTERS: Final[dict[str, Any]] = {name: vars(Row)[name].__set__ for name in _ROW_FIELDS}
_CANDIDATE, _PARTY, _KIND = _SETTERS["candidate"], _SETTERS["party"], _SETTERS["kind"]
_VOTES, _SHARE, _SHARE_DECIMALS = _SETTERS["votes"], _SETTERS["share"], _SETTERS["share_decimals"]
_REGION, _UNIT, _COLOUR = _SETTERS["region"], _SETTERS["unit"], _SETTERS["colour"]
_FACT, _ALL_RACES = _SETTERS["fact"], _SETTERS["all_races"]


def placed(row: Row, region: str | None, unit: str | None = None) -> Row:
    """The validated `row` in another region and unit, without validating it again: a region and a
    unit are plain text the contract takes as it is. The streaming engine validates an option's
    cells once and places it in each of its regions (a model copy per key cost ~5 µs, and a file of
    200,000 precincts has 600,000 keys)."""
    return row.model_copy(update={"region": region, "unit": unit})


# --- an election's facts -----------------------------------------------------------------------------


def parse_fact(key: str, value: str, decimal: str = ".", decimal_given: bool = False) -> Any:
    """A front-matter or column value as the fact's type; ValueError with a hint otherwise."""
    text = value.strip()
    if key in COUNT_FACTS:
        try:
            return parse_votes(text, decimal, decimal_given=decimal_given, what=key)
        except NumberError as exc:
            raise ValueError(str(exc)) from None
    if key in YEAR_FACTS:
        example = "1 or 2" if key == "round" else "whole years, such as 7"
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise ValueError(f"{key} {text!r} is not a number; give {example}") from None
        if not number.is_integer() or not 1 <= number <= 99:
            raise ValueError(f"{key} {text!r} must be a whole number from 1 to 99; give {example}")
        return int(number)
    if key == "date":  # ISO, or year first with slashes (`1993/10/25`), or a sheet's midnight
        iso = re.fullmatch(r"(\d{4})([-/])(\d{2})\2(\d{2})(?:[ T]00:00(?::00)?)?", text)
        if iso is None:
            raise ValueError(f"date {text!r} is not in ISO form; write YYYY-MM-DD, e.g. 2022-11-20")
        try:
            return dt.date(int(iso[1]), int(iso[3]), int(iso[4]))
        except ValueError:
            wrong = f"date {text!r} is not a real calendar date; check day and month"
            raise ValueError(wrong) from None
    if key == "method":
        method = method_name(text)
        if method is None:
            raise ValueError(f"method {text!r} is not one of {', '.join(METHODS)}")
        return method
    if key in CHOICES:
        choice = (key == "stage" and stage_of(text)) or normalize_header(text)
        if choice not in CHOICES[key]:
            raise ValueError(f"{key} {text!r} is not one of {', '.join(CHOICES[key])}")
        return choice
    if key in ("seats", "vote_for"):
        try:
            seats = parse_votes(text, decimal, decimal_given=decimal_given, what=key)
        except NumberError as exc:
            raise ValueError(str(exc)) from None
        if not 1 <= seats <= MAX_SEATS:
            raise ValueError(f"{key} {text!r} must be a whole number from 1 to {MAX_SEATS:,}")
        return seats
    if key == "list_threshold":
        try:
            percent, _ = parse_share(text, decimal, decimal_given=decimal_given)
        except NumberError:
            raise ValueError(
                f"list_threshold {text!r} is not a number; give a percentage such as 5"
            ) from None
        if not 0 <= percent <= 100:
            raise ValueError(f"list_threshold {text!r} must be a percentage from 0 to 100")
        return percent
    return text


def _as_given(key: str, value: Any) -> Any:
    """A fact given from Python as the fact's type: any whole number (numpy's and Decimal's too) as
    an int, a datetime at midnight (a pandas Timestamp) as its date; anything else as it is."""
    if key in (*COUNT_FACTS, *YEAR_FACTS, "seats", "vote_for") and not isinstance(value, bool):
        if isinstance(value, numbers.Integral):
            return int(value)
        try:  # floats, numpy's, Decimal; not a complex or a non-number
            number = float(value)
        except (TypeError, ValueError):
            return value
        if number.is_integer():
            return int(number)
    if key == "date" and isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _expectation(key: str, value: Any) -> str | None:
    """What a typed fact's value must be, when it is not; None when it is fine."""
    whole = isinstance(value, int) and not isinstance(value, bool)
    if key in COUNT_FACTS:
        return (
            None if whole and 0 <= value <= MAX_VOTES else f"a whole number from 0 to {MAX_VOTES:,}"
        )
    if key in YEAR_FACTS:
        return None if whole and 1 <= value <= 99 else "a whole number from 1 to 99"
    if key in ("seats", "vote_for"):
        fine = whole and 1 <= value <= MAX_SEATS
        return None if fine else f"a whole number from 1 to {MAX_SEATS:,}"
    if key == "list_threshold":
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return None if number and 0 <= value <= 100 else "a percentage from 0 to 100"
    if key == "date":
        # A datetime is a date too, but one with a time of day is not an election's date.
        fine = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        return None if fine else "a date, YYYY-MM-DD"
    if key in CHOICES:
        return None if value in CHOICES[key] else f"one of {', '.join(CHOICES[key])}"
    return None if isinstance(value, str) else "text"


def _read_fact(cls: type, value: Any, info: ValidationInfo) -> Any:
    """A fact's value: text is read as the file's front matter would be; a typed value (a flag, the
    Python API) is checked against the fact's bounds."""
    key = info.field_name or ""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return parse_fact(key, value, *_decimal(info))
        except ValueError as exc:
            raise _refuse(Code.INVALID_METADATA, str(exc)) from None
    value = _as_given(key, value)
    wanted = _expectation(key, value)
    if wanted is not None:
        raise _refuse(Code.INVALID_METADATA, f"{key} {value!r}: must be {wanted}")
    return value


class Facts(BaseModel):
    """Election-level facts from front matter, constant columns, CLI flags or the Python API."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    election: str
    date: dt.date | None = None
    country: str | None = None
    office: str | None = None
    round: int | None = None
    stage: Literal["official", "preliminary", "exit_poll"] = "official"
    source: str | None = None
    registered: int | None = None
    ballots_cast: int | None = None
    invalid: int | None = None
    blank: int | None = None
    total_votes: int | None = None
    share_base: Literal["valid", "cast"] = "valid"
    term_years: int | None = None
    previous_term_years: int | None = None
    term_limit: str | None = None
    # None: the default of the file's shape (a single race is a two-round majority vote).
    system: System | None = None
    seats: int | None = None
    # Members a race elects by plurality, the top N (a `vote_for` or `magnitude` column).
    vote_for: int | None = None
    method: Method | None = None
    list_threshold: float | None = None
    threshold_base: ThresholdBase | None = None
    threshold_scope: ThresholdScope | None = None

    _read = field_validator("*", mode="before")(_read_fact)


class Counts(BaseModel):
    """The facts a region or a precinct may give for itself; summed into its region."""

    # Built on first use: a national table never needs it, and start-up is counted in milliseconds.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    registered: int | None = None
    ballots_cast: int | None = None
    invalid: int | None = None
    blank: int | None = None
    total_votes: int | None = None

    _read = field_validator("*", mode="before")(_read_fact)


FACT_NAMES: Final[frozenset[str]] = frozenset(Facts.model_fields)


def problems_from(
    error: ValidationError,
    found: Found,
    line: Callable[[str], int | None],
    column: Callable[[str], str | None],
) -> None:
    """Pydantic's errors as pollcli problems: the error type is the code (Pydantic's own types are
    mapped), the field names the line and the column through the callbacks."""
    for item in error.errors(include_url=False):
        field = str(item["loc"][0]) if item["loc"] else ""
        kind = item["type"]
        code = Code(kind) if kind in _CODES else _PYDANTIC_CODES.get(kind)
        said = _SAID.get(kind, item["msg"])
        message = said if code is not None else f"{field}: {said}"
        found.add(code or Code.TYPE_ERROR, line(field), message, column=column(field))


_CODES: Final[frozenset[str]] = frozenset(Code)
# Pydantic's own error types, where a value got past pollcli's validators (the Python API).
_PYDANTIC_CODES: Final[dict[str, Code]] = {
    "missing": Code.MISSING_VALUE,
    "extra_forbidden": Code.INVALID_METADATA,
    # (A cell of no row field, as the row's dataclass names it.)
    "unexpected_keyword_argument": Code.INVALID_METADATA,
}
# What such an error says, in the words of the model the row contract was before.
_SAID: Final[dict[str, str]] = {"unexpected_keyword_argument": "Extra inputs are not permitted"}
