"""The findings of a parliament of single-member races in words: how many were won by the most
votes, which name no winner and why, what `seats` leaves out as `summary`'s tally does.

Prose only, from the computed `ElectionSeats`; `findings.seats` puts these sentences among the
others of a seat allocation.
"""

from __future__ import annotations

from typing import Final

from pollcli.formats import counted, listed
from pollcli.seats_models import METHOD_NAMES, Allocation, DistrictSeats, ElectionSeats, Filed

SHOWN = 3


# Why a race names no winner (`pollcli.verdict`'s codes), as the findings say it.
NO_WINNER_WORDS: Final[dict[str, str]] = {
    "runoff": "no candidate above half of the valid votes (system: majority: a runoff to come)",
    "majority_unjudged": "published shares of a base larger than the votes listed, which put the "
    "leader under half of it: whether anyone has a majority of the votes cannot be told",
    "preferences": "first preferences only, and no candidate above half of the formal votes: "
    "the distribution of preferences, which the file does not hold, decides the seat",
    "seats_unknown": "nothing says how many members the race elects, and it looks like a race "
    "for several (several candidates of one party, other districts of its office electing "
    "several, or a race of delegates): give the number in a vote_for column, or as '(N)' after the district's name",
    "others_ahead": "options counted together ('other', write-ins) ahead of the leader (the "
    "winner may be among them, as the Speaker in a table of party columns)",
    "fused_lead": "a name listed under several parties would lead with its lines added up "
    "(--fusion)",
    "spelling": "one candidate seemingly spelt two ways (name-variant) would change who is "
    "elected with the spellings' votes added up (--alias merges them where they are one)",
    "no_winner": "the race cannot be told apart from others (a blank district, or one "
    "candidate in each of two regions)",
    "repeated_block": "a region's block of the race is listed twice under other names "
    "(repeated-block), and counted once it could give another result: leave one copy out of the "
    "file",
    "partial": "--where kept only some of the race's rows",
    "counting": "the count is under way (rows report under 100 %: partial-count)",
    "short": "fewer candidates than seats",
    "no_candidates": "no candidate",
    "no_votes": "no votes at all",
    "list": "a party-list vote",
    "tie": "a tie for first",
    "seat_tie": "a tie for the last seat",
}


def races(election: ElectionSeats, allocation: Allocation) -> list[str]:
    races = election.districts or []
    several = sum(1 for d in races if d.seats is not None and d.seats > 1)
    open_ = [d for d in races if d.no_winner is not None]
    what = counted(len(races), "single-member race")
    if several:
        what = f"{counted(len(races), 'race')} ({several} of them for several seats, won by the top candidates)"
    uncounted = sum(1 for d in races if d.uncounted)
    # Unopposed races whose count is not printed are won by no votes (`Tally.uncounted`).
    unopposed = f" ({uncounted:,} unopposed, with no count)" if uncounted else ""
    # Won by a majority of first preferences (`read.preferences`): no plurality's win.
    preferential = sum(1 for d in races if d.preferential)
    if not open_ and not preferential:
        won = "won" if len(races) == 1 else "each won"
        head = f"{what}, {won} by the candidate{'s' if several else ''} with the most votes"
        head += unopposed
    elif not open_ and preferential == len(races):
        won = "won" if len(races) == 1 else "each won"
        head = f"{what}, {won} by {FIRST_PREFERENCES}"
    else:
        one = len(open_) == 1
        won = _won_by(len(races) - len(open_), preferential) + unopposed
        head = f"{what}: {won}" + (
            f", {len(open_):,} {'names' if one else 'name'} no winner and count"
            f"{'s' if one else ''} no seat, as in summary"
            if open_
            else ""
        )
    notes = [f"{head}; seats are counted per party (a candidate without a party counts alone)."]
    return notes + _assumed([d for d in races if d.assumed]) + no_winner(open_)


# How a race of a file of first preferences is won (`read.preferences`): what the file shows.
FIRST_PREFERENCES: Final[str] = (
    "a majority of first preferences, which no distribution of preferences can overturn (the "
    "file holds no count of preferences)"
)


def _won_by(won: int, preferential: int) -> str:
    """'2 won by the most votes', or by a majority of first preferences, or some of each."""
    if not preferential:
        return f"{won:,} won by the most votes"
    if preferential == won:
        return f"{won:,} won by {FIRST_PREFERENCES}"
    return f"{won - preferential:,} won by the most votes, {preferential:,} by {FIRST_PREFERENCES}"


def _assumed(districts: list[DistrictSeats]) -> list[str]:
    """'2 of them (‘Div A’, ‘Div C’) won without a majority: …', where pollcli assumed the rule."""
    if not districts:
        return []
    shown = listed(districts, SHOWN, lambda d: f"‘{d.district}’")
    one = len(districts) == 1
    return [
        f"{'One' if one else f'{len(districts):,}'} of them ({shown}) won without "
        "a majority, and the file gives no system: first past the post is assumed and "
        f"{'its leader is' if one else 'their leaders are'} counted as elected. Under a two-round "
        "or preferential system another count may decide: --system majority counts no seat for "
        f"{'it' if one else 'them'}."
    ]


def left_out_note(primaries: int, measures: int) -> str:
    """'Left out, as in summary's tally of races won: 12 primaries (…).'"""
    parts = []
    if primaries:
        noun = "primary" if primaries == 1 else "primaries"
        parts.append(f"{primaries:,} {noun} (their leaders win nominations)")
    if measures:
        parts.append(f"{counted(measures, 'ballot measure')} (their answers win no seat)")
    return f"Left out, as in summary's tally of races won: {' and '.join(parts)}."


def unknown_seats_note(names: list[str]) -> str:
    """'Left out: 'Jurbise2001', whose seats are blank …' (`seats.filed.without_seats`)."""
    one = len(names) == 1
    which = repr(names[0]) if one else f"{len(names):,} races, " + listed(names, SHOWN, repr)
    return (
        f"Left out: {which}, {'whose seats are' if one else 'each of whose seats are'} blank where "
        f"the file gives the seats each option won: how many seats {'it fills' if one else 'each fills'} "
        "is not known, so none is taken for a single-member race won by the most votes; fill in "
        f"{'its' if one else 'their'} options' seats won to count {'it' if one else 'them'}."
    )


def no_winner(districts: list[DistrictSeats]) -> list[str]:
    """'No winner in ‘ALASKA · US HOUSE · 0’: …', one sentence per reason."""
    notes = []
    by_why: dict[str, list[str]] = {}
    for d in districts:
        by_why.setdefault(str(d.no_winner), []).append(d.district)
    for why, names in by_why.items():
        shown = listed(names, SHOWN, "‘{}’".format)
        notes.append(f"No winner in {shown}: {NO_WINNER_WORDS.get(why, why)}.")
    return notes


def filed_note(method: str, filed: list[Filed], districts: int) -> str:
    """The first method's seats against those the file gives each party won (`seats.filed`), in
    the `filed` districts of `districts` (a national allocation is one)."""
    name = METHOD_NAMES.get(method, method)
    seats = sum(f.seats for f in filed)
    many = districts > 1
    summed = [f for f in filed if f.summed]
    given = ""
    if summed and not many:
        given = "the seats to fill are the parties' seats won added up; "
    elif summed and len(summed) == districts:
        given = "each district's seats to fill are its parties' seats won added up; "
    elif summed:
        given = (
            f"the seats to fill of the {len(summed)} districts that give seats won and state no "
            "seats are their parties' seats won added up; "
        )
    stated = [
        (f"{f.district} " if many else "") + f"{f.seats} to fill, {f.won} won in the file"
        for f in filed
        if f.won != f.seats
    ]
    off = [f for f in filed if f.differ]
    among = (
        "in every district"
        if len(filed) == districts and many
        else f"in the {len(filed)} districts of {districts} that give seats won"
        if many
        else ""
    )
    size = counted(seats, "seat") + (f" in {len(filed)} districts" if len(filed) > 1 else "")
    if not off:
        return (
            f"The file gives the seats each party won: {given}{name} gives the same seats"
            f"{' ' + among if among else ''} ({size})."
        )
    shown = "; ".join(
        (f"{f.district}: " if many else "")
        + ", ".join(
            f"{party} {mine} by {name}, {theirs} in the file" for party, mine, theirs in f.differ
        )
        for f in off[:SHOWN]
    )
    more = f"; and {len(off) - SHOWN} more" if len(off) > SHOWN else ""
    where = f" in {len(off)} of {len(filed)} districts" if len(filed) > 1 else ""
    seats_off = f" Seats to fill other than the seats won: {'; '.join(stated)}." if stated else ""
    return (
        f"The file gives the seats each party won: {given}{name} gives other seats{where} — "
        f"{shown}{more}.{seats_off} Where they differ, the law's method, threshold "
        "(--list-threshold, --threshold-scope) or seats may be others, or its seats are not the "
        "votes' alone (lists grouped, seats kept for a language group)."
    )


def filed_warning(method: str, filed: list[Filed]) -> str:
    """The warning that the method's seats, the table's, are not those the file gives."""
    off = sum(1 for f in filed if f.differ)
    where = f" in {off} of {len(filed)} districts" if len(filed) > 1 else ""
    return (
        f"{METHOD_NAMES.get(method, method)}'s seats, which the table shows, differ from those the "
        f"file gives each party won{where}: the findings name them"
    )
