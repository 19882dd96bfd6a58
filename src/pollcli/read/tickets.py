"""Cells that are no election fact, taken out of the records' facts before the race stage: MEDSL's
`fusion_ticket` and `writein` (`partylines.fusion_tickets`, `records.unnamed_write_ins`), and the
AEC's Senate groups (`Ticket`).

The AEC's Senate first preferences (`StateAb,Ticket,CandidateID,BallotPosition,CandidateDetails,
PartyName,OrdinaryVotes,…,TotalVotes`) list each group, by its letter on the ballot, as a row of
its above-the-line votes (`A Ticket Votes`) and a row per candidate of their below-the-line first
preferences; ungrouped candidates are `UG`, a group of no registered party has a blank party. The
figure the AEC publishes, and a Senate count starts from, is each group's first preferences: its
rows added up. So a group's rows are read as one option (named by its party, else `Group F`), and
each ungrouped candidate stands alone. No Senate count is made (the
quota, the preferences): the race is read as a vote for lists, which names no one elected, unless
--system says otherwise. A `Ticket` column without such rows is left as it was (no fact).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Final

from pollcli.read import partylines
from pollcli.read.facts import FactSources
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record, unnamed_write_ins


@functools.cache
def _ticket_votes() -> re.Pattern[str]:
    """Compiled on first use: only for tickets."""
    return re.compile(r"(\w+) ticket votes", re.IGNORECASE)


UNGROUPED: Final[str] = "UG"
SENATE_NOTE: Final[str] = (
    "An AEC Senate table of first preferences: each group's are its ticket votes (above the line) "
    "and its candidates' (below the line), added up; a group of no party is named by its letter "
    "(Group F), and each ungrouped candidate stands alone. No Senate count is made (the quota, "
    "the preferences): no one is named elected."
)


def take_cells(records: list[Record], columns: ColumnMap, sources: FactSources) -> None:
    """The cells of the columns above taken out of each record's facts, and what they say read."""
    if "fusion_ticket" in columns.present:
        partylines.fusion_tickets(records)
    if "write_in" in columns.present:
        unnamed_write_ins(records)
    if "ticket" in columns.present and senate_groups(records):
        if SENATE_NOTE not in columns.notes:
            columns.notes.append(SENATE_NOTE)
        if not sources.overrides.get("system"):
            sources.overrides = {**sources.overrides, "system": "list"}


def senate_groups(records: list[Record]) -> bool:
    """Each grouped row of an AEC Senate table read as its group (see the module's docstring);
    whether the records are such a table (a row named `X Ticket Votes` of ticket X)."""
    tickets = [record.facts.pop("ticket", "").strip() for record in records]
    if not any(
        (match := _ticket_votes().fullmatch(record.row.candidate)) and match[1] == ticket
        for record, ticket in zip(records, tickets, strict=True)
    ):
        return False
    groups: dict[tuple[object, ...], list[Record]] = {}
    for record, ticket in zip(records, tickets, strict=True):
        if ticket and record.row.kind == "candidate":
            record.facts.pop("candidate_id", None)  # (the row's: the group has none)
            alone = record.row.candidate if ticket.upper() == UNGROUPED else ""
            key = (record.election, record.row.region, ticket, alone, *sorted(record.facts.items()))
            groups.setdefault(key, []).append(record)
        else:
            groups[(id(record),)] = [record]
    records[:] = [_added_up(key[2], group) for key, group in groups.items()]
    return True


def _added_up(ticket: object, group: list[Record]) -> Record:
    """A group's rows as one record named by the group's party (its ticket votes row's, else the
    first row's: the AEC spells some differently on the candidates' rows, `Liberal Democratic
    Party` and `Liberal Democrats`), else `Group X`, with their votes added up. An ungrouped
    candidate's row, and a row of no ticket, as it is."""
    first = group[0]
    if not isinstance(ticket, str) or ticket.upper() == UNGROUPED:
        return first
    party = next((r.row.party for r in group if r.row.party), None)
    name = party or f"Group {ticket}"
    votes = None if any(r.votes is None for r in group) else sum(r.votes or 0 for r in group)
    row = first.row.model_copy(update={"candidate": name, "party": party, "votes": votes})
    return dataclasses.replace(first, row=row, votes=votes)
