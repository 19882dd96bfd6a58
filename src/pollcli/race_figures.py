"""A race's figures beside its standing (`tally`): the turnout, the ballots counted where the file
gives none, the effective number of candidates and the term. Arithmetic only.
"""

from __future__ import annotations

import math
from operator import mul
from typing import TYPE_CHECKING

from pollcli.columns import NOT_VALID_KINDS
from pollcli.election import Election
from pollcli.models import Term, Turnout

if TYPE_CHECKING:  # (`tally` imports this module: its types only, for the annotations)
    from pollcli.tally import Ranked


def turnout(election: Election) -> Turnout:
    registered, cast = election.facts.registered, election.facts.ballots_cast
    if cast is None and registered:  # (derived for the turnout only: none without registered)
        cast = counted_ballots(election)
    zero = cast == 0 and bool(election.audit.valid)  # (0 cast beside votes: a column of zeros)
    turnout_pct = cast / registered * 100 if registered and cast is not None and not zero else None
    return Turnout(registered=registered, ballots_cast=cast, pct=turnout_pct)


def counted_ballots(election: Election) -> int | None:
    """Where the file gives no ballots cast but its invalid ballots (and its blank ones apart) as
    figures, as the UK's and Greece's tables do: the ballots counted, its valid votes plus those.
    None where the options list invalid or blank lines themselves (they may be the same ballots)
    or a ballot holds several votes (valid votes are then no ballots)."""
    facts = election.facts
    if facts.invalid is None or election.seats != 1:
        return None
    valid = election.audit.valid
    if valid is None or any(o.kind in NOT_VALID_KINDS for o in election.options):
        return None
    return valid + facts.invalid + (facts.blank or 0)


def effective_number(
    ranked: list[Ranked], lists: list[tuple[str, float, list[Ranked]]] | None = None
) -> float | None:
    """Laakso–Taagepera: 1 / Σ p² over valid options, p as fractions; over `lists` where given
    (candidates on open lists, their shares summed by party: `list_shares`)."""
    shares = (
        [
            r.share / 100
            for r in ranked
            if r.option.kind not in NOT_VALID_KINDS and r.share is not None
        ]
        if lists is None
        else [share / 100 for _, share, _ in lists]
    )
    squares = sum(map(mul, shares, shares))  # (as `sum(p * p for p in shares)`, in C)
    # A share so small that its square is denormal would give an infinite number.
    effective = 1 / squares if squares > 0 else math.inf
    return effective if math.isfinite(effective) else None


def term(election: Election) -> Term:
    facts = election.facts
    due = facts.date.year + facts.term_years if facts.date and facts.term_years else None
    return Term(
        years=facts.term_years,
        previous_years=facts.previous_term_years,
        limit=facts.term_limit,
        next_election_due=due,
    )
