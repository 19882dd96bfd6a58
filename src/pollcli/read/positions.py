"""Party cells that number a race's candidates in ballot order: places on the ballot, no parties.

Colorado's statewide Clarity `summary.csv` (2024) fills its `party name` column, in nonpartisan
contests (the RTD's directors, a town's mayor and council), with each candidate's place on the
ballot: 1, 2, 3… in the order its rows list them. Read as parties, "1" won eight seats, "2" two and
"3" one (session 17's world trial). A race whose candidates' party cells are the whole numbers 1 to
N in the order of its rows has candidates of no party: the cells are left out, and a note says so —
where some race of the file runs to 2 or more so, and no race uses such numbers otherwise (then
they are the file's own party numbers: a list's number, Brazil's 13 and 45, as written).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from pollcli.election import Election, Option

_PARTY = attrgetter("party")


def _numbers(election: Election) -> list[str] | None:
    """The party cells of the race's candidates in the order of their rows, where one is a whole
    number; else None."""
    if not any((p or "").strip().isdigit() for p in set(map(_PARTY, election.options))):
        return None  # (no party cell of the race a number: its distinct cells, not its rows)
    parties = [
        (o.party or "").strip()
        for o in sorted(election.options, key=lambda o: o.line)
        if o.kind == "candidate"
    ]
    return parties if any(p.isdigit() for p in parties) else None


def _in_order(parties: Sequence[str]) -> bool:
    return list(parties) == [str(i) for i in range(1, len(parties) + 1)]


def _unnumber(options: list[Option]) -> None:
    for option in options:
        if option.kind == "candidate":
            option.party = None


def mark(elections: list[Election]) -> None:
    """Leave out the party cells of races numbered in ballot order (see the module), with a note."""
    numbered = []
    for election in elections:
        parties = _numbers(election)
        if parties is None:
            continue
        if not _in_order(parties):
            return  # numbers the file uses as parties: none is a place on the ballot
        numbered.append((election, len(parties)))
    if not any(count >= 2 for _, count in numbered):
        return
    for election, count in numbered:
        _unnumber(election.options)
        for region in election.regions:
            _unnumber(region.options)
        election.notes.append(
            f"Its candidates' party cells are 1 to {count} in the order of its rows: their places "
            "on the ballot, not parties (left out)."
            if count > 1
            else "Its candidate's party cell is 1, as other races number their candidates' "
            "places on the ballot: no party (left out)."
        )
