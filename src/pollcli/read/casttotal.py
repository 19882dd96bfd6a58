"""A results box's rows of counts: a race's total of votes given twice (its valid votes, and the
votes cast with the invalid ones), and counts given as a percentage alone.

Wikipedia's results boxes, and the many tables copied from them, end a race with `Valid votes`,
`Invalid/blank votes`, `Total votes` and `Registered voters/turnout`. `Total votes` there is the
valid and the invalid together — the ballots cast — where pollcli's word tables read a `Total votes`
row as the race's total (Maine's `Votes Cast`, a race's candidates and blanks). The two totals
disagreed ("total_votes is '2718000' here but '2650000'") and the race was refused. Of a race's two
rows of total votes, the larger is its ballots cast when it is the smaller plus the race's blank and
invalid options exactly, as the arithmetic says, whatever the words: no ballots cast given besides.

Copied with its `%` column alone, the same box gives its rows of counts a percentage and no count
(`Registered voters/turnout` the turnout, 67.95; `Valid votes` 97.50 of the ballots): those rows
were options, their percentages added to the parties' ("shares add up to 365.45 %"). A row named
as a count that gives a percentage and no count is left out of the options, with a note
(`share_counts`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pollcli.kinds import NOT_VALID_KINDS

if TYPE_CHECKING:
    from pollcli.read.records import Record


def cast_total(records: list[Record], notes: list[str]) -> list[Record]:
    """The records, the larger of two rows of total votes of a race of no regions read as its
    ballots cast (`ballots_cast`) where it is the smaller plus the blank and invalid options, with
    a note; else the records as they are."""
    totals = [r for r in records if r.row.fact == "total_votes" and r.votes is not None]
    if len(totals) != 2 or any(r.row.region or r.row.fact == "ballots_cast" for r in records):
        return records
    valid, cast = sorted(totals, key=lambda r: r.votes or 0)
    spoilt = sum(r.votes or 0 for r in records if r.row.kind in NOT_VALID_KINDS and not r.row.fact)
    if not spoilt or cast.votes != (valid.votes or 0) + spoilt:
        return records
    as_cast = replace(
        cast,
        row=cast.row.model_copy(update={"fact": "ballots_cast"}),
        facts={**{k: v for k, v in cast.facts.items() if k != "total_votes"},
               "ballots_cast": cast.facts.get("total_votes", str(cast.votes))},
    )  # fmt: skip
    notes.append(
        f"{cast.row.candidate!r} (line {cast.line}) is read as the ballots cast: the valid votes "
        f"({valid.row.candidate!r}, line {valid.line}) and the blank and invalid ones ({spoilt:,}) "
        "together."
    )
    return [as_cast if r is cast else r for r in records]


def share_counts(records: list[Record], notes: list[str]) -> list[Record]:
    """The records without the rows named as counts (`Row.fact`) that give a percentage and no
    count, beside options of their own, with a note naming them; else the records as they are."""
    shares = [r for r in records if r.row.fact and r.votes is None and r.row.share is not None]
    if not shares or len(shares) == len(records):
        return records
    shown = ", ".join(f"{r.row.candidate!r} (line {r.line})" for r in shares[:4])
    more = f" and {len(shares) - 4} more" if len(shares) > 4 else ""
    notes.append(
        f"Rows of counts given as a percentage alone are no options and are left out: "
        f"{shown}{more} (a turnout, or a share of another base)."
    )
    return [r for r in records if r not in shares]
