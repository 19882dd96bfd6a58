"""A place named like a total that may be one of the race's places (`Total Bay`, a region of its
own), not a total: as a total it holds less than its parts on every option, and counted as a place
it would change the leader. Set aside with a mismatch warning, it left the parts' leader "winning
outright" where the file's count, the place included, gives another; pollcli cannot tell which
reading is right, so the race is refused with what to do. A name that is a total word alone
(`Total`, `TOTALS`) is a total however far off, and a stale total whose parts hold a late precinct
more keeps the leader either way: both are set aside with their warning (`read.totals`)."""

from __future__ import annotations

from pollcli.columns import option_key
from pollcli.read.records import Record
from pollcli.read.total_places import by_option
from pollcli.read.total_words import TOTAL_WORDS, name_key, twice

# Said in the refusal: `read.totals` says such a place by the refusal alone, never "set aside".
PLACE_OR_TOTAL = "holds less than its parts on every option, and counted as a place of its own"


def place_or_total(
    name: str, lines: str, records: list[Record], parts: list[Record], region: bool
) -> str | None:
    """Why the race is refused where its total (`name`, on `lines`) may be a place of its own (see
    the module's docstring); None where it is a total word alone, holds as much as its parts on
    some option, or counted as a place would leave the leader as it is (a tie, with it or without
    it, is no leader: Ann Archer "won outright" where counted the race is tied)."""
    own = (records[0].row.region if region else records[0].row.unit) or ""
    key = name_key(own)
    if not key or key in TOTAL_WORDS or twice(key):
        return None
    mine, theirs = by_option(records), by_option(parts)
    if not mine or not theirs or any(votes >= theirs.get(k, 0) for k, votes in mine.items()):
        return None
    counted = {k: theirs.get(k, 0) + mine.get(k, 0) for k in {*mine, *theirs}}
    before, after = _leader(theirs), _leader(counted)
    if before == after:
        return None  # (a tie either way, too)
    names = {option_key(r.row.candidate): r.row.candidate for r in (*parts, *records)}
    without = "no leader" if before is None else names[before]
    within = "no leader" if after is None else names[after]
    column = "region" if region else "unit"
    return (
        f"the total {name} ({lines}) {PLACE_OR_TOTAL} it would change the leader ({without} "
        f"without it, {within} with it): a {column} named like a total, or a total of some "
        f"of its parts? pollcli cannot tell, so the race is left out rather than led by either. If "
        f"it is a {column} of its own, give it another name in the file; if it is a total, remove "
        "its rows"
    )


def _leader(votes: dict[str, int]) -> str | None:
    """The option of the most votes; None where two share them."""
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
