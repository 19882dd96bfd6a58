"""The findings of a race with no votes at all: every option listed with 0 (`tally.Tally.no_votes`).

Such a race names no one — unless it has as many candidates as seats: an unopposed race whose count
is not printed (Florida prints none for an unopposed race, FL-24 2016; Texas' county files list one
at 0), whose candidates are elected, unopposed with no count (`tally.Tally.uncounted`).
"""

from __future__ import annotations

from pollcli.tally import Tally


def no_votes_sentence(tally: Tally) -> str | None:
    """The one sentence of the leader's place for a race with no votes; None for any other."""
    if not tally.uncounted and not tally.no_votes:
        return None
    names = [r.option.candidate + (f" ({r.option.party})" if r.option.party else "")
             for r in tally.candidates]  # fmt: skip
    n = len(names)
    if tally.uncounted:
        who = (
            f"{names[0]}, the only candidate, is elected"
            if n == 1
            else f"its {n:,} candidates for {n:,} seats are elected: " + ", ".join(names)
        )
        return (
            f"Unopposed, no count: {who}. Every option is listed with 0 votes (a count not "
            "printed for an unopposed race, as Florida and Texas do, or no vote held: a race won "
            "by acclamation), so no share, margin or threshold is given."
        )
    if tally.no_votes:
        who = "its one candidate has 0" if n == 1 else f"its {n:,} candidates have 0 each"
        return (
            f"No votes at all in this race ({who}): no leader or winner is named, and no share "
            "or threshold is checked."
        )
    return None
