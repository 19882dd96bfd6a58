"""Contests told apart by a note in brackets: one office (and district) holding two contests or
more, whose lines that are no candidate name their contest's candidates in brackets.

Arizona's county exports list a board or a recall of two contests under one office and district,
each contest's write-in, over- and undervote and total lines followed by the surnames of its
candidates: Coconino 2024's `COUNCILMEMBER CITY OF PAGE (RECALL)` holds `Under Votes
(AUGE/EKSTRAND)` and `Under Votes (FARROW)`, Pinal 2024's `Board Member` of the Superior Unified
School District `Total Votes Cast (CRUZ/VASQUEZ)` and `Total Votes Cast (VILLEGAS/NAVARRETTE)`.
Read as one race, the two contests were added up (FARROW led AUGE and EKSTRAND, who never stood
against him) or refused for two totals in a precinct.

In a group of rows alike in the race keys, where the lines that are no candidate carry two notes
or more, every part of each note (split at `/`) a word or words of the group's candidates' names,
each candidate's name holding the parts of exactly one note, and every row either a line of a note
or such a candidate's, and each note on a line that counts the contest (its under votes or total,
not its write-ins alone), each note is a race (`contest` key, the note as written). Anything less
leaves the group one race as before: a guess is never made.
"""

from __future__ import annotations

import re

from pollcli.columns import RACE_PREFIX
from pollcli.kinds import looks_like_no_candidate
from pollcli.namekeys import spacing_key
from pollcli.read.geography import raw
from pollcli.read.header import ColumnMap
from pollcli.read.keysums import writable
from pollcli.read.racekeys import KeyColumn
from pollcli.read.records import Record
from pollcli.read.total_words import bare_write_in, is_total_name, write_in_part

CONTEST: str = f"{RACE_PREFIX}contest"
_NOTE = re.compile(r"\(([^()]+)\)\s*$")
_WORD = re.compile(r"[^\W\d_]+")


def contests(records: list[Record], keys: list[KeyColumn], columns: ColumnMap) -> list[KeyColumn]:
    """The race keys, with a `contest` key where one race's lines name its contests in brackets
    (see the module's docstring); each such record is given its contest."""
    index = columns.index("candidate")
    if not keys or index is None:
        return keys
    names = {record.row.candidate for record in records}  # (a name ending in a note: few files)
    if not any(name.endswith(")") and _NOTE.search(name) for name in names):
        return keys
    groups: dict[tuple[str, ...], list[int]] = {}
    for at, record in enumerate(records):
        if record.row.all_races:
            continue
        groups.setdefault(tuple(raw(record, k) for k in keys), []).append(at)
    split: list[str] = []
    for members in groups.values():
        assigned = _assigned([records[at] for at in members])
        if assigned is None:
            continue
        for at, note in zip(members, assigned, strict=True):
            writable(records[at])[CONTEST] = note
        first = records[members[0]]
        label = " · ".join(v for k in keys if (v := first.facts.get(k.canonical, "")))
        split.append(f"{label!r} ({', '.join(sorted(set(assigned)))})")
    if not split:
        return keys
    columns.notes.append(
        f"{len(split):,} race(s) hold contests told apart by the notes in brackets of their "
        f"lines, each contest a race: {'; '.join(split[:3])}" + (" …" if len(split) > 3 else "")
    )
    # (Named "contest": no column of the file tells it, the notes of the candidate column do.)
    return [*keys, KeyColumn("contest", "contest", index, CONTEST)]


def _assigned(records: list[Record]) -> list[str] | None:
    """Each record's contest (its note as written), or None where the rows do not tell every
    record's contest by notes (fewer than two notes, a part naming no candidate, a candidate in
    no note or in two, a line of no note that is no candidate)."""
    notes: dict[str, tuple[tuple[str, ...], ...]] = {}  # note key -> its parts' words
    spelt: dict[str, str] = {}
    counted: set[str] = set()  # notes with a line of the contest's count (under votes, total…)
    of_record: list[str | None] = []
    for record in records:
        name = record.row.candidate
        match = _NOTE.search(name)
        if match and _no_candidate(record):
            parts = tuple(tuple(_WORD.findall(p.casefold())) for p in match.group(1).split("/"))
            if not all(parts):
                return None
            key = spacing_key(match.group(1))
            notes.setdefault(key, parts)
            if _counts(name[: match.start()]):
                counted.add(key)
            spelt.setdefault(key, " ".join(match.group(1).split()))
            of_record.append(key)
        elif _no_candidate(record):
            return None  # a line of no note: whose contest, it does not say
        else:
            of_record.append(None)
    if len(notes) < 2 or len(counted) < len(notes):
        return None  # (write-ins alone: `Write-in (Smith)` names a candidate, not a contest)
    named: set[tuple[str, ...]] = set()
    out = []
    for record, noted in zip(records, of_record, strict=True):
        key = noted or ""
        if noted is None:
            words = set(_WORD.findall(record.row.candidate.casefold()))
            hits = {(k, part) for k, parts in notes.items() for part in parts if set(part) <= words}
            if len({k for k, _ in hits}) != 1:
                return None
            named.update(part for _, part in hits)
            key = next(iter(hits))[0]
        out.append(spelt[key])
    if any(part not in named for parts in notes.values() for part in parts):
        return None  # a note's part naming no candidate: no list of its candidates
    return out


def _counts(name: str) -> bool:
    """Whether a line (its note aside) counts its contest (`Under Votes`, `Total Votes Cast`),
    not its write-ins (`Write-in`, `Not Assigned`): review, a mayor's `Write-in (Smith)` and
    `Write-in (Jones)` made two contests, each "won" by the candidate its write-ins named."""
    return bool(name.strip()) and not (bare_write_in(name) or write_in_part(name))


def _no_candidate(record: Record) -> bool:
    """A line that is no candidate's: an other kind, a total, a write-in or count line."""
    name = record.row.candidate
    return record.row.kind != "candidate" or is_total_name(name) or looks_like_no_candidate(name)
