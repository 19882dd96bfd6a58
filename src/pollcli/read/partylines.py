"""Party lines → candidates: one candidate name under several parties in one race (issue 12 item 7).

The file cannot always tell which of two things it holds:

- **two candidates of one name** ("John Smith" DEM and "John Smith" REP). This is the default: each
  is named with its party ("John Smith (DEM)"), so that nothing downstream that keys options by name
  (ranks, regions, compare, charts, seats) merges them, and a `shared-name` warning names them, their
  parties and votes, and `--fusion`;
- **one candidate on several party lines** (fusion voting, as in New York: "Andrew Cuomo" Democratic
  and Working Families). The lines are added up by the assembly, with a note, when `--fusion` says
  so, or the file does: a `fusion_ticket` cell that is TRUE on one of the lines (MEDSL marks every
  line in some years, only the minor party's in others), or one candidate id on every line
  (FiveThirtyEight: `read.races`).

A row without a party beside rows of one party is that candidate's, as before (Kentucky's 2018 file
leaves some counties' parties blank). Options that are no candidates (Scatter, Blank) are never split
by party (New Hampshire's file writes the town in the party cell of its Scatter rows). Both engines
hand this stage the same records (the streaming engine's are summed per party), so they agree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial

from pollcli.columns import YES_WORDS
from pollcli.formats import counted
from pollcli.problems import Code, Found
from pollcli.read.assemble import option_key
from pollcli.read.records import Record


def fusion_tickets(records: list[Record]) -> None:
    """MEDSL's `fusion_ticket` cells taken out of the facts (they are no election fact): a TRUE
    one marks the row as one of its candidate's party lines."""
    for record in records:
        cell = record.facts.pop("fusion_ticket", None)
        if cell is not None and option_key(cell) in YES_WORDS:
            record.fusion = True


def stage(
    fusion: bool, found: Found, column: str | None
) -> Callable[[str, list[Record], list[str]], list[Record]]:
    """`party_lines` for the assembly stage of one file (`Assembly.party_lines`): `fusion` is
    `--fusion`, `column` the party column's header (which the warnings name)."""
    return partial(party_lines, fusion=fusion, found=found, column=column)


def party_lines(
    label: str,
    records: list[Record],
    notes: list[str],
    *,
    fusion: bool,
    found: Found,
    column: str | None,
) -> list[Record]:
    """One election's records, each candidate name under several parties either one candidate's
    party lines (left for the assembly to add up, noted once) or candidates of one name (renamed
    with their party, and a `shared-name` warning)."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        if record.row.kind == "candidate":
            groups.setdefault(option_key(record.row.candidate), []).append(record)
    renamed: dict[int, str] = {}
    for group in groups.values():
        parties: dict[str, str] = {}  # by `option_key`: the first spelling
        for record in group:
            if record.row.party:
                parties.setdefault(option_key(record.row.party), record.row.party)
        if len(parties) < 2:
            continue
        group.sort(key=lambda r: r.line)
        name = group[0].row.candidate
        if fusion or any(r.fusion for r in group):
            note = (
                f"{name} ran on {len(parties)} party lines ({', '.join(parties.values())}); "
                "their votes are added up."
            )
            if note not in notes:
                notes.append(note)
            continue
        shown = {id(r): parties[option_key(r.row.party)] if r.row.party else "" for r in group}
        found.warn(Code.SHARED_NAME, *_shared_name(label, name, group, shown), column=column)
        for record in group:
            renamed[id(record)] = f"{record.row.candidate} ({shown[id(record)] or 'no party'})"
    if not renamed:
        return records
    return [
        dataclasses.replace(r, row=r.row.model_copy(update={"candidate": renamed[id(r)]}))
        if id(r) in renamed
        else r
        for r in records
    ]


def _shared_name(
    label: str, name: str, group: list[Record], shown: dict[int, str]
) -> tuple[int, str]:
    """The `shared-name` warning's line (the second party's first row) and message: each party
    with its votes, the names they are listed under, `--fusion`; and, where the parties never meet
    in one region, that the party may be written two ways."""
    votes: dict[str, int | None] = {}
    regions: dict[str, set[str | None]] = {}
    first: dict[str, int] = {}
    for record in group:
        party = shown[id(record)]
        known = votes.get(party, 0)
        votes[party] = None if known is None or record.votes is None else known + record.votes
        regions.setdefault(party, set()).add(record.row.region)
        first.setdefault(party, record.line)
    figures = _and(
        [
            (party or "no party") + ("" if count is None else f" ({counted(count, 'vote')})")
            for party, count in votes.items()
        ]
    )
    listed = _and([repr(f"{name} ({party or 'no party'})") for party in votes])
    sets = list(regions.values())
    if any(r.row.region for r in group) and not any(
        a & b for i, a in enumerate(sets) for b in sets[i + 1 :]
    ):
        message = (
            f"{name!r} of {label!r} stands for {figures}, which never appear in the same region: "
            "one candidate whose party is written two ways? They are listed apart, as "
            f"{listed}; --fusion adds their votes up"
        )
    else:
        message = (
            f"{name!r} of {label!r} stands for {figures}: {len(votes)} candidates of one name, "
            f"listed as {listed}; if one candidate ran on several party lines (fusion voting), "
            "--fusion adds their votes up"
        )
    return sorted(first.values())[1], message


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
