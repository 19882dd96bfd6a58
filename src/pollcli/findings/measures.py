"""The findings of a ballot measure in words: which answer leads, never that it wins a seat, nor
whether it carries (a measure's own rule). Prose only: the figures are the `tally.Tally`'s."""

from __future__ import annotations

from pollcli.tally import Tally


def measure_sentence(tally: Tally, name: str) -> str:
    """A ballot measure: an answer leads, no seat is won, and whether it carries is its own rule."""
    how = (
        f"{name} has more than {tally.majority:g} % of the votes"
        if tally.reached
        else f"{name} leads, with no more than {tally.majority:g} % of the votes"
    )
    return (
        f"Ballot measure (its options are answers; no seat is won): {how}. Some measures need "
        "more than a majority: pollcli does not know this one's rule."
    )
