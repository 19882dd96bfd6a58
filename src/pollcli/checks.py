"""Arithmetic checks shared by validation and the summary: do published shares add up and match the votes?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pollcli.columns import NOT_VALID_KINDS
from pollcli.election import Option

Base = Literal["valid", "cast"]


def in_base(option: Option, base: Base) -> bool:
    return base == "cast" or option.kind not in NOT_VALID_KINDS


def rounding_tolerance(decimals: int | None) -> float:
    """Half a unit in the last printed place: 81.31 may be anything from 81.305 to 81.315."""
    return 0.5 * 10.0 ** -(decimals if decimals is not None else 2) + 1e-9


def valid_votes(options: Sequence[Option]) -> int | None:
    """Sum of the votes of options counted as valid, or None when any of them lacks votes."""
    total = 0
    for option in options:
        if option.kind in NOT_VALID_KINDS:
            continue
        if option.votes is None:
            return None
        total += option.votes
    return total


def spoilt_ballots(
    options: Sequence[Option], invalid: int | None, blank: int | None
) -> tuple[int, str] | None:
    """Ballots that are not valid votes, and what they are called: the blank and invalid options
    listed as rows, with the invalid and blank facts for a kind not listed; None when none is known."""
    if any(o.kind in NOT_VALID_KINDS and o.votes is None for o in options):
        return None
    listed = {kind: 0 for o in options if (kind := o.kind) in NOT_VALID_KINDS}
    for option in options:
        if option.kind in listed:
            listed[option.kind] += option.votes or 0
    given = {
        kind: n
        for kind, n in (("invalid", invalid), ("blank", blank))
        if kind not in listed and n is not None
    }
    if not listed and not given:
        return None
    names = [f"{' and '.join(kinds)} ballots" for kinds in (listed, given) if kinds]
    if listed:
        names[0] += " listed"
    return sum(listed.values()) + sum(given.values()), " and ".join(names)


def base_votes(options: Sequence[Option], base: Base, ballots_cast: int | None) -> int | None:
    return valid_votes(options) if base == "valid" else ballots_cast


def published_share_sum(options: Sequence[Option], base: Base) -> tuple[float, float] | None:
    """Sum of published shares over the base's options and the rounding slack it may carry."""
    shares = [o for o in options if in_base(o, base) and o.share is not None]
    if not shares:
        return None
    total = sum(o.share for o in shares if o.share is not None)
    slack = sum(rounding_tolerance(o.share_decimals) for o in shares)
    return total, slack


def mismatches(
    options: Sequence[Option], base: Base, base_total: int | None
) -> list[tuple[Option, float]]:
    """Options whose published share differs from votes / base beyond rounding, with the computed share."""
    if not base_total:
        return []
    out = []
    for option in options:
        if option.share is None or option.votes is None or not in_base(option, base):
            continue
        computed = option.votes / base_total * 100
        if abs(computed - option.share) > rounding_tolerance(option.share_decimals):
            out.append((option, computed))
    return out


def inferred_base(options: Sequence[Option], ballots_cast: int | None) -> Base | None:
    """The base that published shares were computed on, when the figures tell it unambiguously."""
    if not any(o.share is not None and o.votes is not None for o in options):
        return None
    fits = [
        base
        for base, total in (("valid", valid_votes(options)), ("cast", ballots_cast))
        if total and not mismatches(options, base, total)  # type: ignore[arg-type]
    ]
    return fits[0] if len(fits) == 1 else None  # type: ignore[return-value]
