"""The findings' sentence on regions: who leads in how many."""

from __future__ import annotations

from collections import Counter

from pollcli.formats import pct
from pollcli.models import RegionSummary


def regions_led(regions: list[RegionSummary], split: bool = False) -> str | None:
    """The findings' sentence on regions: who leads in how many (most first), where candidates tie,
    where no vote was counted and where no candidate is listed, so that every region is counted;
    None without regions. `split`: the options split a candidate's votes (coalitions' columns,
    `Election.split_options`), so no region has a leader."""
    if not regions:
        return None
    if split:
        return (
            f"By region: no leader is named in any of the {len(regions)} "
            f"{'region' if len(regions) == 1 else 'regions'}, whose columns split a candidate's "
            "votes as the whole's do."
        )
    total = len(regions)
    led = Counter(r.leader.candidate for r in regions if r.leader is not None)
    ties = sum(1 for r in regions if r.leader is None and r.tied_for_first)
    empty = sum(1 for r in regions if r.no_votes)
    without = total - led.total() - ties - empty
    clauses = [
        f"{name} leads in {count}" if index == 0 else f"{name} in {count}"
        for index, (name, count) in enumerate(led.most_common())
    ]
    if ties:
        clauses.append(f"candidates tie for first in {ties}")
    if empty:
        clauses.append(f"no votes at all in {empty}")
    if without:
        clauses.append(f"no candidate is listed in {without}")
    clauses[0] += f" of {total} {'region' if total == 1 else 'regions'}"
    return "By region: " + "; ".join(clauses) + "."


def over_registered(regions: list[RegionSummary]) -> str | None:
    """The findings' sentence on regions whose ballots cast exceed their registered voters (their
    turnout over 100 %, marked "(!)" in the table), naming the first few; None where there is none."""
    over = [r for r in regions if r.over_registered and r.turnout.pct is not None]
    if not over:
        return None
    named = ", ".join(f"{r.region} {pct(r.turnout.pct)}" for r in over[:3] if r.turnout.pct)
    more = f" and {len(over) - 3:,} more" if len(over) > 3 else ""
    return (
        f"Turnout over 100 % in {len(over):,} of {len(regions):,} regions, marked (!) ({named}"
        f"{more}): more ballots than registered voters, which should not be (unless voters "
        "register on the day, or the register leaves some out): check both figures (swapped?) "
        "before reading a turnout from them."
    )
