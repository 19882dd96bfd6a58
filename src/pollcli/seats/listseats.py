"""Districts of a party-list vote whose seats are not known: refused, not read as single-member races.

A district that gives no number of seats is a single-member race (`contests`), won by the most votes:
right for a file of constituencies of one member each (the Commons' parties by constituency). But a
caller who gives a legal threshold for lists (`--list-threshold`, its scope or exempt lists; the
front matter's `list_threshold`), or options all named as lists (`KOMITET WYBORCZY …`:
`list_names`), say the districts are party-list votes, whose seats each district shares out by a
method: one seat a district is no reading of it. Poland's Sejm of 2023 by
gmina, split into its 41 okręgi by `--race-by 'Nr okręgu'`, gave "PiS has a majority: 22 of 41
seats" (460 seats by D'Hondt; PiS 194, no majority).
"""

from __future__ import annotations

import shlex

from pollcli.election import Election
from pollcli.errors import UsageError
from pollcli.majority import lists_named
from pollcli.seats.contests import gate_of
from pollcli.seats.options import SeatOptions

# How many districts the refusal names before it counts the rest.
SHOWN = 5


def check_list_seats(group: list[Election], options: SeatOptions) -> None:
    """Refuse a parliament of several districts told to be a list vote (a list threshold, its scope
    or exempt lists, or options all named as lists) where some district's seats are not known (no
    `seats` fact, no --seats-file row; `system: list` is refused per district already, and a
    `system` of plurality or majority says the districts are races)."""
    if len(group) < 2 or options.seats is not None:
        return
    first = group[0]
    said = _list_said(first, options)
    if said is None:
        return
    unknown = [
        e.facts.election
        for e in group
        if e.facts.seats is None and e.facts.system is None and _given(e, options) is None
    ]
    if not unknown:
        return
    shown = ", ".join(repr(n) for n in unknown[:SHOWN]) + (
        f" and {len(unknown) - SHOWN} more" if len(unknown) > SHOWN else ""
    )
    source = first.source_file
    raise UsageError(
        f"{said} the {len(group):,} districts (races) of {source} are party-list votes, "
        f"whose seats each district shares out by a method, but {len(unknown):,} of them give no "
        f"number of seats ({shown}): pollcli cannot tell them, and one seat a district would be "
        "first past the post. Give each district's seats with --seats-file FILE (a CSV with a "
        f"header 'district,seats' and a row per district: {shlex.quote(unknown[0])},N), or in a "
        "'seats' column of a table of one row per list; if each district elects one member by "
        "the most votes, say so with --system plurality (and no list threshold)"
    )


def _given(election: Election, options: SeatOptions) -> int | None:
    """The seats --seats-file gives the election's district, if any."""
    return options.district(election.facts.election)


def _list_said(election: Election, options: SeatOptions) -> str | None:
    """What says the vote is for party lists: the threshold flag or fact, its scope, exemptions, or
    the options' names."""
    if gate_of(election, options) is not None:
        pct = (
            options.list_threshold
            if options.list_threshold is not None
            else election.facts.list_threshold
        )
        flag = options.list_threshold is not None
        return f"a list threshold of {pct:g} %" + (" (--list-threshold)" if flag else "") + " says"
    if options.threshold_scope is not None or election.facts.threshold_scope is not None:
        return "a threshold scope (--threshold-scope) says"
    if options.threshold_exempt:
        return "a list exempt from the threshold (--threshold-exempt) says"
    if (name := lists_named(election)) is not None:  # (`summary` reads them so too)
        return f"the options' names, each a list's or an electoral committee's ({name!r} …), say"
    return None
