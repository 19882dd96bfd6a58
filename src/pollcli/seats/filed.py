"""The seats a file gives each option won (`Election.seats_won`: Belgium's `Nombre de sièges`),
beside a method's: each race's seats to fill are the seats its options won, and the method's seats
are compared with the file's, district by district.

`seats` allocates from the votes; a file of seats won says what was allocated. With no seats given
(`--seats`, `--seats-file`, a seats column), a race's seats won added up are the seats it filled —
a figure of the file, said in a note — so that `pollcli seats FILE --method dhondt` tells whether the
method, the threshold and the scope asked reproduce the published seats (and where not).
"""

from __future__ import annotations

from dataclasses import replace

from pollcli.election import Election
from pollcli.seats_models import ElectionSeats, Filed


def seats_filled(elections: list[Election]) -> list[Election]:
    """Each race that gives its options' seats won and states no seats of its own, with its seats
    won added up as its seats to fill (`Election.seats_summed`)."""
    out = []
    for election in elections:
        won = election.seats_won
        if won and election.facts.seats is None and sum(won.values()) > 0:
            facts = election.facts.model_copy(update={"seats": sum(won.values())})
            election = replace(election, facts=facts, seats_summed=True)
        out.append(election)
    return out


def without_seats(elections: list[Election]) -> tuple[list[Election], list[Election]]:
    """The races to allocate, and those left out: a race that states no seats and gives none won,
    in a file whose other races give their options' seats won (Belgium's 2000 councils: Jurbise's
    2001 re-run, every list's `Nombre de sièges` blank). Its seats are not known, so it is not
    taken for a single-member race won by the most votes (1 seat added to the council's)."""
    files = {e.source_file for e in elections if e.seats_won}
    kept: list[Election] = []
    left: list[Election] = []
    for election in elections:
        blank = election.facts.seats is None and not sum((election.seats_won or {}).values())
        (left if blank and election.source_file in files else kept).append(election)
    return kept, left


def compared(report: ElectionSeats, group: list[Election]) -> list[Filed] | None:
    """The first method's seats against the file's, district by district (a national allocation
    as one district); None where no race of the parliament gives its seats won."""
    by_name = {e.facts.election: e for e in group if e.seats_won}
    if not by_name:
        return None
    if report.districts is None:
        rows = [("", report.allocations[0])] if len(group) == 1 else []
    else:
        rows = [(d.district, d.allocations[0]) for d in report.districts]
    out = []
    for name, allocation in rows:
        election = by_name.get(name) if name else group[0]
        if election is None or not election.seats_won:
            continue
        options = {o.candidate: o for o in election.options}
        differ = []
        for party in allocation.parties:
            option = options.get(party.party)
            filed = election.seats_of(option) if option is not None else 0
            if filed != party.seats:
                differ.append((party.party, party.seats, filed))
        # (an option the file gives seats that the method does not allocate to: none by it)
        allocated = {party.party for party in allocation.parties}
        differ += [
            (o.candidate, 0, election.seats_of(o))
            for o in election.options
            if o.candidate not in allocated and election.seats_of(o)
        ]
        won = sum((election.seats_won or {}).values())
        out.append(
            Filed(name or report.election, allocation.seats, won, election.seats_summed, differ)
        )
    return out
