"""A party cell of `NA` or `N/A`: R's and a spreadsheet's missing value, or a party's name.

Tennessee's 2022 precinct files give every option of a constitutional amendment the party `NA`:
no party. Latvia's National Alliance is `NA`: a party, which read as none made 'party not given
2 of 3' of its 2 seats won. So `NA` is no party only where every option of the race has it; where
some have it and others another party, it stays a party's name, with a note naming the word and
the options' lines, so that a reader who meant no party can tell. (`NULL`, `\\N`, `None` are no
party always: `numbers.NO_VALUES`.)
"""

from __future__ import annotations

from collections.abc import Iterable

from pollcli.election import Election
from pollcli.numbers import NA_WORDS


def settle(elections: Iterable[Election]) -> None:
    """Each race's `NA` parties made none where every option has one, else noted (in place)."""
    for election in elections:
        named = [o for o in election.options if o.party in NA_WORDS]
        if not named:
            continue
        if len(named) == len(election.options):
            for option in [*election.options, *(o for r in election.regions for o in r.options)]:
                if option.party in NA_WORDS:
                    option.party = None
            continue
        words = "/".join(sorted({o.party for o in named if o.party}))
        listed = ", ".join(f"{o.candidate} (line {o.line})" for o in named[:5])
        more = f" and {len(named) - 5} more" if len(named) > 5 else ""
        election.notes.append(
            f"Party '{words}' is read as a party's name, as other options of the race have "
            f"other parties: {listed}{more}; where it means no party, leave the cells blank."
        )
