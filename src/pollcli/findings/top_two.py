"""The findings of a top-two primary in words: who advances to the general election (no one wins
it). Prose only: the figures are the `tally.Tally`'s (`advance`, `advance_tie`)."""

from __future__ import annotations

from pollcli.formats import counted, pct
from pollcli.tally import Ranked, Tally


def share(item: Ranked) -> str:
    return pct(item.share, missing="n/a")


def figures(item: Ranked) -> str:
    """'25.00 % (30 votes)', as much of it as is known (as `findings.summary.figures`)."""
    parts = [share(item)] if item.share is not None else []
    if item.option.votes is not None:
        parts.append(counted(item.option.votes, "vote"))
    return parts[0] + (f" ({parts[1]})" if len(parts) > 1 else "") if parts else "no figures"


def top_two_sentence(tally: Tally, *, official: bool) -> str:
    """A top-two primary: who advances to the general election (no one wins it)."""
    advance, tied = tally.advance or [], tally.advance_tie or []
    where = "to the general election"

    def named(item: Ranked) -> str:
        party = item.option.party
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
