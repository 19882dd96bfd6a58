"""Party cells that hold a place: one candidate of a race listed under several "parties" that are
precinct names, each a line of its own.

Montana's 2020 precinct file (OpenElections) gives Carbon County's rows of State House 58 as
`Carbon,P 11,State House,58,P 11,Seth Berglee,584`: the precinct again in the party cell. Read as
parties, Berglee's votes were 13 options of their own ("Seth Berglee (P 11)" 584, "(P 3)" 544…)
and the race "led" by Betsy Scanlin with 2,402 votes; so too State Senate 44 (Ravalli's `PCT 23`)
and State House 70 (Broadwater's `PRECINCT 13`).

In a group of rows alike in the race keys other than the party, a candidate listed under two
labels or more that hold a digit, each of them that candidate's alone in the group, is listed
under places, not parties: those rows are given no party (the candidate's other rows keep theirs,
and `read.partylines` reads a name with and without a party as one), with one warning naming the
labels and the first line. A party's name rarely holds a digit, and a list number (`List 3`) is
one list's, never one candidate's under several. The streaming engine's records are sums per
region, so no precinct cell is compared: both engines see the same labels.
"""

from __future__ import annotations

from dataclasses import replace

from pollcli.namekeys import option_key
from pollcli.problems import Code, Found
from pollcli.read.geography import raw
from pollcli.read.keysums import with_party
from pollcli.read.racekeys import KeyColumn
from pollcli.read.records import Record

SHOWN = 3


def without_place_parties(
    records: list[Record], keys: list[KeyColumn], found: Found, header: str
) -> list[Record]:
    """The records, those whose party cell is a place given no party (module docstring)."""
    parties = {record.row.party for record in records}  # (each label looked at once)
    numbered = {p for p in parties if p and any(c.isdigit() for c in p)}
    if not numbered:
        return records
    others = [k for k in keys if k.role != "party"]
    labels: dict[tuple[tuple[str, ...], str], set[str]] = {}  # (group, party) -> candidates
    for record in records:
        party = record.row.party
        if record.row.kind == "candidate" and party in numbered:
            group = tuple(raw(record, k) for k in others)
            labels.setdefault((group, party), set()).add(option_key(record.row.candidate))
    lone: dict[tuple[tuple[str, ...], str], set[str]] = {}  # (group, candidate) -> labels
    for (group, party), names in labels.items():
        if len(names) == 1:
            lone.setdefault((group, next(iter(names))), set()).add(party)
    places = {
        (group, name, party)
        for (group, name), parties in lone.items()
        if len(parties) > 1
        for party in parties
    }
    if not places:
        return records
    out, lines = [], []
    for record in records:
        party = record.row.party
        if party in numbered and record.row.kind == "candidate":
            group = tuple(raw(record, k) for k in others)
            if (group, option_key(record.row.candidate), party) in places:
                record = replace(record, row=with_party(record.row, None))
                lines.append((record.line, party))
        out.append(record)
    lines.sort()
    distinct = sorted({p for _, _, p in places})  # (a label of several races' candidates once)
    shown = ", ".join(f"{party!r}" for party in distinct[:SHOWN])
    more = f" and {len(distinct) - SHOWN:,} more" if len(distinct) > SHOWN else ""
    found.warn(
        Code.INCONSISTENT_METADATA,
        lines[0][0],
        f"{len(distinct):,} {header!r} value(s) hold places, not parties ({shown}{more}: each one "
        "candidate's in a race who is listed under several such): their rows are read as the "
        f"candidate's with no party, not as lines of their own; check the {header!r} column there",
        column=header,
    )
    return out
