"""A party cell whose one bracket is never closed (`(REP`): the party inside it, noted.

Georgia's Newton County runoff of 2018 gives Chuck Eaton's party as `(REP` on every line of the
Public Service Commission race (`REP` on the Secretary of State's): shown as it was, the findings
read "CHUCK EATON, (REP, leads" and the table's party `(REP`, while the races won by party counted
him as REP. A party cell whose only bracket opens it with nothing to close it (or closes it with
nothing opened) is read as the party without that bracket, with a note naming the cell and its
options, for both engines alike (after reading, as `read.naparties`). A cell of other brackets,
balanced or not (`Green (G`), stays as the file gives it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final

from pollcli.columns import option_key
from pollcli.election import Election

# The opening bracket of each closing one.
_PAIRS: Final[dict[str, str]] = {")": "(", "]": "[", "}": "{"}
_BRACKETS: Final[frozenset[str]] = frozenset("()[]{}")


def unbracketed(party: str) -> str | None:
    """The party a cell with one unclosed (or unopened) bracket at an end names, or None."""
    if _BRACKETS.isdisjoint(party):  # (most cells: no bracket at all, told in C)
        return None
    inside = [ch for ch in party if ch in _BRACKETS]
    if len(inside) != 1:
        return None
    mark = inside[0]
    if mark in _PAIRS.values() and party.startswith(mark):
        named = party[1:].strip()
    elif mark in _PAIRS and party.endswith(mark):
        named = party[:-1].strip()
    else:
        return None
    return named if any(ch.isalnum() for ch in named) else None


def settle(elections: Iterable[Election]) -> None:
    """Each election's parties of one unclosed bracket read as the party inside it, noted (in
    place; the seats the file gives them kept under the party so read)."""
    for election in elections:
        if election.parties_as_options:
            _parties_named(election)
            continue
        # (Each party once: a file of 10,000 races lists a million options of few parties.)
        parties = dict.fromkeys(o.party for o in election.options if o.party)
        read = {party: named for party in parties if (named := unbracketed(party)) is not None}
        if not read:
            continue
        cells = {cell: [o for o in election.options if o.party == cell] for cell in read}
        for option in [*election.options, *(o for r in election.regions for o in r.options)]:
            if option.party in read:
                option.party = read[option.party]
        if election.seats_won is not None:
            election.seats_won = {
                (key, read.get(party, party) if party else party): seats
                for (key, party), seats in election.seats_won.items()
            }
        for cell, named in read.items():
            options = cells[cell]
            listed = ", ".join(f"{o.candidate} (line {o.line})" for o in options[:5])
            more = f" and {len(options) - 5} more" if len(options) > 5 else ""
            how = (
                "opens a bracket it never closes" if cell[0] in "([{" else "closes one never opened"
            )
            election.notes.append(
                f"Party {cell!r} {how}: read as the party {named!r} ({listed}{more}); if the cell "
                "is another party's, correct it."
            )


def _parties_named(election: Election) -> None:
    """The same in a file of parties as options (no candidate column): the option is the party
    cell (`(Blue,5000`), read as the party inside it (its key, and so its seats won, the same:
    `columns.option_key` leaves brackets out), where no other option has that key."""
    if not any(unbracketed(o.candidate) is not None for o in election.options):
        return  # (none of one bracket: no key counted)
    keys = Counter(option_key(o.candidate) for o in election.options)
    read = {
        o.candidate: named
        for o in election.options
        if (named := unbracketed(o.candidate)) is not None and keys[option_key(named)] == 1
    }
    for option in [*election.options, *(o for r in election.regions for o in r.options)]:
        option.candidate = read.get(option.candidate, option.candidate)
    for cell, named in read.items():
        how = "opens a bracket it never closes" if cell[0] in "([{" else "closes one never opened"
        election.notes.append(
            f"Party {cell!r} {how}: read as the party {named!r}; if the cell is another "
            "party's, correct it."
        )
