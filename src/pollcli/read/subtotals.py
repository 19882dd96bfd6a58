"""Subtotal options: a `Total Write-in` row beside the write-ins it adds up, for the totals stage.

OpenElections' Michigan 2020 county file gives, in some counties, a race's write-ins twice — their
subtotal and its parts (`Total Write-in 186` then `QW - Brian T. Carroll 11` … `Unqualified
Write-Ins 174`) — and in others the subtotal alone (`Total Write-in 9`, the write-in count). Counted
with its parts, a subtotal doubles them, silently (717 votes in U.S. House 6).

An option whose name says it is a subtotal (`total_words.subtotal_of`: `Total Write-in`, `Write-in
Totals`, `Scattering total`; not `--kind`'s names, nor a whole total word, the total of its unit) is
a subtotal when its votes equal the sum of a run of the rows next to it in the file (on the next
lines, or its own: a wide table's row) among its race's rows of its place (region, unit, vote mode).
After it (a subtotal before its parts): all such rows up to the end of the run, or fewer of them
when they hold a row that names what the subtotal does (`Unqualified Write-Ins`); before it (a
subtotal after its parts) only a run holding such a row, as the race's candidates come before it
and one of them may hold the same figure by chance. A run stops at a row that is no vote for an
option (a count, a blank or invalid vote, a row without votes) or another total; of the runs that
add up, the one with more rows naming what it totals is its parts, then the longer, then the one
after it. (Rows after a subtotal that add up to it are taken for its parts whatever their names:
a file listing a candidate after a subtotal of the same figure would have that subtotal set
aside, named in the `total-row` warning.)

The bare write-in word (`Write-ins`: `total_words.bare_write_in`) is a subtotal where the write-in
lines next to it (`Write-In: Bob Bell`, `Not Assigned`: `total_words.write_in_part`; Electionware's
exports, OpenElections' Pennsylvania, Kentucky, Texas and Michigan files of 2020 on), all of them up
to the first other row, after it or before it, add up to it; where they add up to less (PA
Montour: `Write-ins 79` over lines of 63, the part that was credited), it is counted as the rest
(`rests`: 16, the write-ins no line names), with a warning, where the lines come after it, as
Electionware writes them; lines before it that add up to less, or lines that add up to more, are
counted with it, with a warning, as below; alone, it is the write-in count.

A subtotal with rows next to it that may be its parts (any option row after it, a row naming the
same before it) but with no run that adds up is counted, with a warning: it may be a total the
file counts twice. One with no such rows (the subtotal alone) is an option like any other. Both
engines give this stage the same records: the streaming engine hands a file of precincts with such
a row to the exact engine (`total_words.check_block`), and keeps a file without precincts one
record per row.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import field, replace
from typing import Final

from pollcli.contract import counted
from pollcli.dataclass import dataclass
from pollcli.kinds import NOT_VALID_KINDS
from pollcli.kinds import name_key as kind_key
from pollcli.problems import Code, Found
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.total_places import place
from pollcli.read.total_words import (
    bare_write_in,
    is_total_name,
    may_hold_total,
    name_key,
    subtotal_of,
    write_in_part,
)

# Words a subtotal's name may hold beside what it totals, which its parts need not name
# (`Total Write-In Votes` over `Write-in: A`).
_FILLER: Final[frozenset[str]] = frozenset({"vote", "of", "for", "all", "the"})


@dataclass
class Subtotal:
    """A row named as a subtotal, and the rows it adds up (none: it adds up no run beside it)."""

    record: Record
    parts: list[Record]
    # Rows next to it that may be its parts (when it adds up none of them, it may be counted twice).
    beside: bool = False
    # A bare write-in count over write-in lines that add up to less (`rests`): those lines.
    within: list[Record] = field(default_factory=list)


def find(records: list[Record], skip: Container[int], given: Container[str]) -> list[Subtotal]:
    """The rows of one election named as subtotals that add up a run beside them (with `parts`),
    and those with rows beside them that they do not add up (`beside`, no parts). `skip`: lines
    of rows the layout stage marked as totals; `given`: the names `--kind` gives a kind."""
    names = [r.row.candidate for r in records]
    # (A bare write-in's name holds "rite" casefolded: one search over every name, then each.)
    bare = "rite" in "\n".join(names).casefold() and any(map(bare_write_in, names))
    if not bare and not may_hold_total(names):
        return []  # no name of a subtotal among them (one search over every name)
    named = [
        r
        for r in records
        if r.row.fact is None
        and r.line not in skip
        and (subtotal_of(r.row.candidate) is not None or bare_write_in(r.row.candidate))
        and kind_key(r.row.candidate) not in given
    ]
    if not named:
        return []
    wanted = {_where(r) for r in named}
    rows: dict[tuple[str, str, str], list[Record]] = {}
    for record in records:
        where = _where(record)
        if where in wanted:
            rows.setdefault(where, []).append(record)
    position: dict[int, int] = {}
    for listing in rows.values():
        listing.sort(key=lambda r: r.line)
        position.update((id(r), i) for i, r in enumerate(listing))
    found: list[Subtotal] = []
    unsure: list[tuple[int, bool]] = []  # (`_settled`) found apart where no option has a party
    missed = 0  # such subtotals with votes that add up nothing
    for subtotal in named:
        listing, at = rows[_where(subtotal)], position[id(subtotal)]
        what = _words(subtotal_of(subtotal.row.candidate) or "")
        after_all = list(_run(listing[at + 1 :]))
        before_all = list(_run(reversed(listing[:at])))
        after, before = _beside(subtotal, after_all), _beside(subtotal, before_all)
        if bare_write_in(subtotal.row.candidate):
            # The bare word adds up only write-in parts beside it, of any length (`Not Assigned`
            # alone names no write-in); with none beside it, it is the write-in count.
            after, before = _parts(after), _parts(before)
            runs = [
                (0, len(run), side, run)
                for side, run in (
                    (0, _adds_up(before, subtotal.votes, (), whole=True)),
                    (1, _adds_up(after, subtotal.votes, (), whole=True)),
                )
                if run
            ]
            named_total = not runs and is_total_name(subtotal.row.party or "")
            apart = _of_no_party(listing, subtotal, within=True) if named_total else []
            if runs:
                found.append(Subtotal(subtotal, sorted(max(runs)[3], key=lambda r: r.line)))
            elif apart:  # (York's `Write-In` of party `Total` over the write-ins it names)
                whole = sum(r.votes or 0 for r in apart) == subtotal.votes
                found.append(
                    Subtotal(subtotal, apart if whole else [], not whole, [] if whole else apart)
                )
            elif subtotal.votes is not None and (after or before):
                # The rest (`rests`) only under Electionware's order, the lines it credited after
                # the count; lines before it may be of the count or apart from it: both counted.
                under = bool(after) and sum(r.votes or 0 for r in after) < subtotal.votes
                found.append(Subtotal(subtotal, [], beside=True, within=after if under else []))
            continue
        # Rows after it: all of them up to the end of its unit's options (a subtotal before its
        # parts), or fewer that name what it totals. Rows before it: a run naming it.
        runs = [
            (sum(_names(r, what) for r in run), len(run), side, run)
            for side, run in (
                (0, _adds_up(before, subtotal.votes, what, whole=False)),
                (1, _adds_up(after, subtotal.votes, what, whole=True)),
            )
            if run
        ]
        apart = [] if runs else _of_no_party(listing, subtotal)
        beside = subtotal.votes is not None and bool(
            after_all or (before_all and _names(before_all[0], what))
        )
        partisan = any(r.row.party for r in listing if r is not subtotal)
        if runs:
            # The run of more rows naming what it totals, then the longer, then the one after it.
            run = max(runs, key=lambda x: x[:3])[3]
            found.append(Subtotal(subtotal, sorted(run, key=lambda r: r.line)))
        elif apart:
            if not partisan:  # (all of no party: told apart by every unit's figures, below)
                unsure.append((len(found), beside))
            found.append(Subtotal(subtotal, apart))
        else:
            missed += not partisan and bool(subtotal.votes)
            if beside:
                found.append(Subtotal(subtotal, [], beside=True))
    return _settled(found, unsure, missed)


def _settled(found: list[Subtotal], unsure: list[tuple[int, bool]], missed: int) -> list[Subtotal]:
    """`found` with the subtotals read apart in units of no party's options kept only where two
    at least of such subtotals of the race with votes add up, and twice as many as do not: in a
    nonpartisan race, one unit's write-in count may equal its candidates' sum by chance (`Write-In
    Totals 2` beside `Ann 0`, `Bob 2`, where the other units' do not) and would take their votes
    for its own; a file of write-ins listed apart (Fayette's) adds up in most units, a write-in or
    two aside. Those not kept are as before: counted, with the warning where rows beside them may
    be their parts."""
    held = sum(1 for at, _ in unsure if found[at].record.votes)
    sure = held >= 2 and held >= 2 * missed
    if not unsure or sure:
        return found
    undone = dict(unsure)
    return [
        replace(s, parts=[], beside=True) if undone.get(at) else s
        for at, s in enumerate(found)
        if at not in undone or undone[at]
    ]


def _where(record: Record) -> tuple[str, str, str]:
    """A row's place and vote mode: a subtotal adds up rows of its own."""
    region, unit = place(record)
    return region, unit, record.facts.get("mode", "")


def _run(rows: Iterable[Record]) -> Iterable[Record]:
    """The rows that may be parts, from the next one on, up to one that cannot be."""
    for record in rows:
        if not _may_be_part(record):
            return
        yield record


def _may_be_part(record: Record) -> bool:
    """Whether a row is a vote for an option that is no total: a subtotal's part, it may be."""
    name = record.row.candidate
    return not (
        record.row.fact is not None
        or record.votes is None
        or record.row.kind in NOT_VALID_KINDS
        or is_total_name(name)
        or subtotal_of(name) is not None
    )


def _of_no_party(listing: list[Record], subtotal: Record, within: bool = False) -> list[Record]:
    """Its unit's options of no party (all of them, or those beside others of a party), when they
    add up to it: its parts listed apart from it. Fayette County's 2026 primary file is sorted by name: each precinct's
    `Write-In Totals` first, then each write-in, of no party, precinct by precinct, after the
    ballot's candidates of a party (counted with them, the write-ins were counted twice: "Write-In
    Totals took 50.00 %"). `within`: or hold less (a write-in count said to be a total by its
    party cell, York County's `Write-In` of party `Total` over the write-ins it names)."""
    rows = [r for r in listing if r is not subtotal and _may_be_part(r)]
    parts = [r for r in rows if not r.row.party]
    if not parts or subtotal.votes is None:
        return []
    held = sum(r.votes or 0 for r in parts)
    return parts if held == subtotal.votes or (within and held < subtotal.votes) else []


def described(record: Record) -> str:
    """What a subtotal's row is, as its warning says it."""
    if bare_write_in(record.row.candidate):
        return "a write-in count beside write-in lines"
    return "named as a subtotal"


def _parts(rows: list[Record]) -> list[Record]:
    """The start of `rows` whose names are write-in parts (`Write-In: Bob Bell`, `Not Assigned`)."""
    for count, record in enumerate(rows):
        if not write_in_part(record.row.candidate):
            return rows[:count]
    return rows


def _beside(subtotal: Record, rows: list[Record]) -> list[Record]:
    """The start of `rows` (its unit's rows after or before a subtotal, nearest first) that is
    next to it in the file: on its line (a wide table's row) or the next, and so on. A listing
    interrupted by other races' rows ends there (Grand Traverse's State House 104 gives its
    write-ins again further down)."""
    line = subtotal.line
    for count, record in enumerate(rows):
        if abs(record.line - line) > 1:
            return rows[:count]
        line = record.line
    return rows


def _adds_up(
    run: list[Record], votes: int | None, what: tuple[str, ...], *, whole: bool
) -> list[Record]:
    """The longest start of `run` whose votes add up to `votes` and that holds a row naming
    `what` (or, with `whole`, is all of `run`); empty when none does."""
    if votes is None:
        return []
    total, longest, named = 0, 0, False
    for count, record in enumerate(run, 1):
        total += record.votes or 0
        named = named or _names(record, what)
        if total == votes and (named or (whole and count == len(run))):
            longest = count
    return run[:longest]


def _words(text: str) -> tuple[str, ...]:
    """A name's words as compared here: plurals folded (`write ins` → `write in`), fillers out."""
    folded = (w.removesuffix("s") if len(w) > 2 else w for w in name_key(text).split())
    return tuple(w for w in folded if w not in _FILLER)


def _names(record: Record, what: tuple[str, ...]) -> bool:
    """Whether a row's name holds `what`, word for word (`Unqualified Write-Ins` holds `write in`)."""
    if not what:
        return False
    words = _words(record.row.candidate)
    return any(words[i : i + len(what)] == what for i in range(len(words) - len(what) + 1))


def rests(
    label: str, subtotals: list[Subtotal], records: list[Record], columns: ColumnMap, found: Found
) -> list[Record]:
    """`records` with each bare write-in count over write-in lines that add up to less (PA
    Montour: `Write-ins 79` over lines of 63) counted as the rest (16), the write-ins no line
    names, the lines as they are; a `total-row` warning each. (Counted whole beside them, their
    votes were counted twice.)"""
    rest: dict[int, Record] = {}
    for subtotal in subtotals:
        record, lines = subtotal.record, subtotal.within
        if not lines or record.votes is None:
            continue
        held = sum(r.votes or 0 for r in lines)
        row = counted(record.row, record.row.region, record.row.unit, record.votes - held)
        rest[id(record)] = replace(record, row=row, votes=record.votes - held)
        region, unit = place(record)
        where = f" of {unit!r}" if unit else f" of {region!r}" if region else ""
        first, last = lines[0].line, lines[-1].line
        span = f"line {first:,}" if first == last else f"lines {first:,}–{last:,}"
        found.warn(
            Code.TOTAL_ROW,
            record.line,
            f"{record.row.candidate!r}{where} (election {label!r}) is a write-in count, "
            f"{record.votes:,}, over write-in lines that hold {held:,} of them ({span}): the "
            "lines are counted as they are, and "
            f"{record.row.candidate!r} as the {record.votes - held:,} write-ins they do not name",
            column=columns.header_of("candidate"),
            family="write-in counts over write-in lines that name part of them: the lines "
            "counted as they are, each count as the write-ins they do not name",
        )
    return [rest.get(id(r), r) for r in records] if rest else records


def warn_lone(label: str, lone: list[Subtotal], columns: ColumnMap, found: Found) -> None:
    """A `total-row` warning per row named as a subtotal that adds up none of the rows beside it:
    counted, as it may be an option of its own, but it may be counted twice."""
    for subtotal in lone:
        record = subtotal.record
        region, unit = place(record)
        where = f" of {unit!r}" if unit else f" of {region!r}" if region else ""
        found.warn(
            Code.TOTAL_ROW,
            record.line,
            f"{record.row.candidate!r}{where} (election {label!r}) is {described(record)} but its "
            f"{record.votes:,} votes are the sum of no run of the rows beside it: counted as an "
            "option; if it adds up rows of its unit, they are counted twice now: take it out of "
            "the file (no flag leaves out one option of a unit)",
            column=columns.header_of("candidate"),
        )
