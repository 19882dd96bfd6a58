"""Where the legal threshold is taken, in words: nationally or in each district, and what the other
reading would change (`pollcli.seats.scope` finds the lists and seats; this writes them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pollcli.findings.summary import pct
from pollcli.formats import listed

DISTRICTS_SHOWN = 3


def _places(districts: Sequence[str]) -> str:
    return listed(districts, DISTRICTS_SHOWN, noun="district")


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}"


def national_words(threshold_pct: float, base: str, votes: int, base_votes: int) -> str:
    """The district sentence's rule under a national threshold."""
    return (
        f"a list needs {threshold_pct:g} % of {base} over all the districts "
        f"({votes:,} of {base_votes:,} votes) to take part in any"
    )


def exempt_words(exempt: Sequence[str]) -> str:
    return f" ({', '.join(exempt)} exempt)" if exempt else ""


def scope_note(
    threshold_pct: float,
    shut_out: Mapping[str, tuple[float, list[str]]],
    let_in: Mapping[str, tuple[float, list[str]]],
    changes: Mapping[str, tuple[int, int]],
) -> str:
    """The note of a threshold taken in each district by default where a national one would
    treat some list otherwise: which, where, and the seats the other reading gives."""
    parts = [
        f"{name} clears it nationally ({pct(share)}) but not in {_places(places)}"
        for name, (share, places) in shut_out.items()
    ] + [
        f"{name} clears it in {_places(places)} but not nationally ({pct(share)})"
        for name, (share, places) in let_in.items()
    ]
    if changes:
        order = sorted(changes.items(), key=lambda item: -item[1][0])
        seats = ", ".join(
            f"{name} {after} ({_signed(after - before)})" for name, (before, after) in order
        )
        outcome = f"with it, {seats}"
    else:
        outcome = "with it, the seats are the same"
    return (
        f"The {threshold_pct:g} % threshold was taken in each district (a file of districts does "
        f"not say where its law takes it): {'; '.join(parts)}. Where the law takes it over the "
        f"country's votes (Poland's Sejm), give --threshold-scope national; {outcome} "
        "(--threshold-exempt NAME keeps in a list the law exempts, such as a national minority's)."
    )
