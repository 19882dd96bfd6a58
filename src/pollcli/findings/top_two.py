"""The findings of a top-two primary in words: who advances to the general election (no one wins
it). Prose only: the figures are the `tally.Tally`'s (`advance`, `advance_tie`)."""

from __future__ import annotations

from pollcli.findings.naming import apposed, describe, figures
from pollcli.formats import pct
from pollcli.tally import Ranked, Tally


def share(item: Ranked) -> str:
    return pct(item.share, missing="n/a")


def top_two_sentence(tally: Tally, *, official: bool) -> str:
    """A top-two primary: who advances to the general election (no one wins it)."""
    advance, tied = tally.advance or [], tally.advance_tie or []
    where = "to the general election"

    def named(item: Ranked) -> str:
        party = item.option.party
        if apposed(item) or (party or "").startswith("("):  # (brackets that would nest)
            return f"{describe(item)} with {share(item)}"
        return f"{item.option.candidate} ({f'{party}, ' if party else ''}{share(item)})"

    def listed(items: list[Ranked]) -> str:
        names = [named(r) if r in advance else r.option.candidate for r in items]
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]

    if not tied and not advance:
        return "Top-two primary: no candidate advances (none is on the ballot list)."
    if not tied:
        if len(advance) == 1:
            verb = "advances" if official else "would advance"
            return f"Top-two primary: {named(advance[0])} alone {verb} {where} (one candidate)."
        verb = "advance" if official else "would advance"
        return f"Top two {verb} {where}: {listed(advance)}."
    if advance:
        verb = "advances" if official else "would advance"
        return (
            f"Top two: {named(advance[0])} {verb} {where}; {listed(tied)} tie for second with "
            f"{figures(tied[0])}, and who else advances is undecided."
        )
    return (
        f"Top two: {listed(tied)} tie for first with {figures(tied[0])}; who advances {where} "
        "is undecided."
    )
