"""Ties for first in words: a tie of the votes, or shares equal only as the file rounded them.

ParlGov gives one decimal and no votes: SPD and CDU 38.2 % each in 1983, SPD some 8,000 votes
ahead. Equal rounded shares are equal at the file's precision, not a tie (`audit.rounded_tie`).
"""

from __future__ import annotations

from pollcli.audit import rounded_step, rounded_tie
from pollcli.findings.naming import described
from pollcli.formats import counted
from pollcli.formats import pct as _pct
from pollcli.tally import Tally


def rounded(tally: Tally) -> float | None:
    """The step of the file's rounded shares where only they tie the first, else None."""
    return None if tally.by_votes else rounded_tie([r.option for r in tally.tied])


def tie_sentence(tally: Tally) -> str:
    """The findings' sentence on the candidates tied for first (`tally.tied`, two or more)."""
    first = tally.tied[0]
    share = _pct(first.share, missing="n/a")
    step = rounded(tally)
    if step is not None:
        return (
            f"{described(tally.tied)} are equal at {rounded_step(step)} ({share} each), not "
            "necessarily tied: with no votes, the file cannot tell who is ahead, so no leader is "
            "named."
        )
    measure = counted(first.option.votes or 0, "vote") if tally.by_votes else share
    return f"Tie for first: {described(tally.tied)} each have {measure}; no leader is named."
