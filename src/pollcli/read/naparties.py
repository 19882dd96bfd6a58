"""A party cell of `NA` or `N/A`: R's and a spreadsheet's missing value, or a party's name.

Tennessee's 2022 precinct files give every option of a constitutional amendment the party `NA`,
and the write-in lines of its races of candidates (`Write-In - Hannah Parton`): no party. Latvia's
National Alliance is `NA`: a party, which read as none made 'party not given 2 of 3' of its 2
seats won. So `NA` is no party on a write-in line, and where every option on the ballot has it;
where some have it and others another party, it stays a party's name, with a note naming the word
and the options' lines, so that a reader who meant no party can tell. (`NULL`, `\\N`, `None` are
no party always: `numbers.NO_VALUES`.)
"""

from __future__ import annotations

from collections.abc import Iterable

from pollcli.election import Election, Option
from pollcli.numbers import NA_WORDS
from pollcli.read.total_words import bare_write_in, write_in_part


def settle(elections: Iterable[Election]) -> None:
    """Each race's `NA` parties made none on write-in lines and where every option on the ballot
    has one, else noted (in place)."""
    for election in elections:
        if not any(o.party in NA_WORDS for o in election.options):
            continue
        whole = all(o.party in NA_WORDS for o in election.options if not _written_in(o))
        for option in [*election.options, *(o for r in election.regions for o in r.options)]:
            if option.party in NA_WORDS and (whole or _written_in(option)):
                option.party = None
        named = [o for o in election.options if o.party in NA_WORDS]
        if not named:
            continue
        words = "/".join(sorted({o.party for o in named if o.party}))
        listed = ", ".join(f"{o.candidate} (line {o.line})" for o in named[:5])
        more = f" and {len(named) - 5} more" if len(named) > 5 else ""
        election.notes.append(
            f"Party '{words}' is read as a party's name, as other options of the race have "
            f"other parties: {listed}{more}; where it means no party, leave the cells blank."
        )


def _written_in(option: Option) -> bool:
    """Whether an option is a write-in line (`Write-In - Hannah Parton`, `Write-ins`, `other`)."""
    return option.kind != "candidate" or written_in_name(option.candidate)


def written_in_name(name: str) -> bool:
    """Whether a candidate's name is a write-in line's, whose `NA` party is no party (also to
    `read.partylines`, which meets it before `settle`: Tennessee 2016's `Write-In - Evan
    McMullin`, `NA` in most counties and `Independent` in a few, is one candidate)."""
    return bare_write_in(name) or write_in_part(name)
