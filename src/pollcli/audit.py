"""The arithmetic checks of an election, computed once: do published shares add up and match the votes,
on which base, and do valid votes and spoilt ballots make the ballots cast?

`audit` returns the figures; `pollcli validate` turns them into problems (`read.checks`) and `summary`
into sentences (`findings`), so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Literal, Protocol, cast

from pollcli.columns import NOT_VALID_KINDS
from pollcli.contract import Facts
from pollcli.dataclass import dataclass

Base = Literal["valid", "cast"]
_KIND = attrgetter("kind")


class Option(Protocol):
    """What the checks read of an option (`election.Option`)."""

    @property
    def candidate(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def votes(self) -> int | None: ...
    @property
    def share(self) -> float | None: ...
    @property
    def share_decimals(self) -> int | None: ...
    @property
    def line(self) -> int: ...


def in_base(option: Option, base: Base) -> bool:
    return base == "cast" or option.kind not in NOT_VALID_KINDS


def rounding_tolerance(decimals: int | None) -> float:
    """Half a unit in the last printed place: 81.31 may be anything from 81.305 to 81.315."""
    return 0.5 * 10.0 ** -(decimals if decimals is not None else 2) + 1e-9


def rounded_tie(options: Sequence[Option]) -> float | None:
    """Where options tied for first are equal only in the shares the file rounded, the step of
    that rounding in points (0.1): ParlGov gives SPD and CDU 38.2 each in 1983, SPD some 8,000
    votes ahead. None for fewer than two options, or where a share is not the file's own."""
    if len(options) < 2 or any(o.share is None or o.share_decimals is None for o in options):
        return None
    return 10.0 ** -max(o.share_decimals or 0 for o in options)


def rounded_step(step: float) -> str:
    """The step of `rounded_tie` in words: "the file's 0.1-point precision"."""
    return f"the file's {step:g}-point precision"


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
    listed: dict[str, int] = {}
    if not NOT_VALID_KINDS.isdisjoint(map(_KIND, options)):  # (none listed: no pass of their own)
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


def no_votes(options: Sequence[Option]) -> bool:
    """Every valid option has votes and none has any: nothing was counted (a county's 0 for an
    unopposed race), so published shares of 0 are no shares to add up or check."""
    valid = [o for o in options if o.kind not in NOT_VALID_KINDS]
    return bool(valid) and all(o.votes == 0 for o in valid)


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


def implied_total(options: Sequence[Option], base: Base) -> int | None:
    """The one total every option's votes over its published share give, within rounding: the
    base the shares were computed on, where the file does not give it (Público's Portuguese local
    results: shares of the ballots cast, whose blank and null ballots are in another file); None
    where the options' shares give no one total, or fewer than two options give one (but for a
    list that stood alone: Público's parish of one list, 71.6 % of its ballots cast)."""
    low, high, given, listed = 0.0, float("inf"), 0, 0
    for option in options:
        listed += in_base(option, base)
        if option.share is None or option.votes is None or not in_base(option, base):
            continue
        slack = rounding_tolerance(option.share_decimals)
        if option.share <= slack:
            continue  # (a share rounded to 0 bounds no total)
        given += 1
        low = max(low, option.votes * 100 / (option.share + slack))
        high = min(high, option.votes * 100 / (option.share - slack))
    first = -(-low // 1)  # the least whole total in range
    return int(first) if (given >= 2 or given == listed == 1) and first <= high else None


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


@dataclass(frozen=True)
class ShareSum:
    """Published shares summed over a base's options, with the rounding slack they may carry."""

    base: Base
    total: float
    slack: float
    complete: bool  # every option of the base has a published share


# Not frozen: it holds a list, so it is never hashed, and freezing costs start-up.
@dataclass
class Audit:
    """What the checks found in one election's figures."""

    fit: Base | None  # the base the published shares fit, when the figures tell it
    share_sum: ShareSum | None  # over the base they fit, else the declared one
    votes: int | None  # every option's votes added up, when every option has votes
    valid: int | None  # valid votes, when every valid option has votes
    spoilt: tuple[int, str] | None  # invalid and blank ballots known, and what they are
    base_total: int | None  # the declared base's votes (valid votes, or ballots cast)
    # Options whose published share differs from their votes on the declared base, with the share
    # the votes give; empty when the shares fit the other base.
    mismatches: list[tuple[Option, float]]
    # The larger base every published share gives alike, where they are no shares of the valid
    # votes and no ballots cast are given (`implied_total`): of the ballots cast with blank and
    # invalid ones unlisted, or of the registered voters (Malaysia's Perak, 36.9 % of 35,889).
    larger_base: int | None = None


def partly_published(options: Sequence[Option], base: Base) -> bool:
    """Published shares on some of the base's options only, every one of them with votes: the
    shares are all computed from the votes, one base and one rounding. Shown side by side, a
    published share of another base (40 % of the ballots cast above 30 % of the valid votes) or a
    rounded one (Ann's 33.3 below Bob's computed 33.31, on fewer votes) would rank against the votes."""
    listed = [o for o in options if in_base(o, base)]
    given = [o.share is not None for o in listed]
    return True in given and False in given and all(o.votes is not None for o in listed)


def audit(options: Sequence[Option], facts: Facts) -> Audit:
    """The checks of one election's options against its facts. Options none of which has a
    published share (most files) have no base to infer, no share to sum and none to mismatch:
    their votes alone are added up, in two passes rather than eight (10,000 races of 100
    candidates: 0.31 -> 0.13 s)."""
    if not any(o.share is not None for o in options):
        counted = [o.votes for o in options]
        votes = None if None in counted else sum(cast("list[int]", counted))
        # (Every option valid: the valid votes are all their votes.)
        valid = votes if NOT_VALID_KINDS.isdisjoint(map(_KIND, options)) else valid_votes(options)
        return Audit(
            fit=None,
            share_sum=None,
            votes=votes,
            valid=valid,
            spoilt=spoilt_ballots(options, facts.invalid, facts.blank),
            base_total=valid if facts.share_base == "valid" else facts.ballots_cast,
            mismatches=[],
        )
    fit = inferred_base(options, facts.ballots_cast)
    base = fit or facts.share_base
    summed = published_share_sum(options, base)
    share_sum = None
    if summed is not None:
        complete = all(o.share is not None for o in options if in_base(o, base))
        share_sum = ShareSum(base, summed[0], summed[1], complete)
    counted = [o.votes for o in options]
    base_total = base_votes(options, facts.share_base, facts.ballots_cast)
    shares_and_votes = any(o.share is not None and o.votes is not None for o in options)
    wrong = (
        mismatches(options, facts.share_base, base_total)
        if shares_and_votes and (fit is None or fit == facts.share_base)
        else []
    )
    return Audit(
        fit=fit,
        share_sum=share_sum,
        votes=None if None in counted else sum(v or 0 for v in counted),
        valid=valid_votes(options),
        spoilt=spoilt_ballots(options, facts.invalid, facts.blank),
        base_total=base_total,
        mismatches=wrong,
        larger_base=_larger_base(options, facts, base_total) if wrong else None,
    )


def _larger_base(options: Sequence[Option], facts: Facts, base_total: int | None) -> int | None:
    """The base the published shares give alike, where it is larger than the valid votes and the
    file gives no ballots cast (`Audit.larger_base`)."""
    if facts.share_base != "valid" or facts.ballots_cast is not None or not base_total:
        return None
    implied = implied_total(options, facts.share_base)
    return implied if implied is not None and implied > base_total else None
