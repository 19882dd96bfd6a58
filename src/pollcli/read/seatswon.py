"""Each option's seats won, as the file gives them: a `seats` column that differs from option to
option within a race (Belgium's `Nombre de sièges` beside each list's `Nombre de voix`; ParlGov's
`seats`), read by `read.unfit` into `ColumnMap.seats_won` and given here to each race.

Such a race's members are those the file says won seats: no method allocates them, no system is
assumed, no runoff is talked of (`tally`, `verdict`). Before, the column was either a wall of "make
them agree" errors (headed `seats`) or left unread, and a constituency of 24 seats was one seat won
by the leading list ("Seats won: N-VA 4 of 10" for Belgium's 150).
"""

from __future__ import annotations

from pollcli.election import Election
from pollcli.read.header import ColumnMap


def mark_seats_won(elections: list[Election], columns: ColumnMap) -> None:
    """Give each election the seats its options won, where the file gives them. The records of a
    file of one race are keyed by its label, as the election is."""
    if not columns.seats_won:
        return
    for election in elections:
        won = columns.seats_won.get(election.facts.election)
        if won is None and len(elections) == 1 and len(columns.seats_won) == 1:
            won = next(iter(columns.seats_won.values()))
        if won is not None and election.seats_won is None:
            for option in election.give_seats_won(won):
                election.notes.append(
                    f"{option.candidate!r} is read as a list, not as blank or invalid ballots (as "
                    f"the word is elsewhere): the file gives it {election.seats_of(option):,} "
                    "seat(s)."
                )
        elif won is None and election.seats_won is None and election.facts.seats is None:
            # Every seats cell of the race blank (Belgium's 2000 councils: Jurbise's 2001 re-run):
            # no single-member race won by the leader, as a race of no seats column would be.
            election.seats_blank = True
            election.no_winner = election.no_winner or (
                f"Its {columns.header_of('seats') or 'seats'!r} cells are blank, where the file "
                "gives the seats each option won in its other races: how many seats the race "
                "fills, and who won them, is not known, so no winner is named."
            )
