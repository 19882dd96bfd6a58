"""A candidate's row whose party is a total word, beside its party lines: its total over them.

New York's counties list a fusion candidate on each party line and then on a line of party `TOTAL`
(OpenElections' Cattaraugus 2014: `Rob Astorino,REP,198`, `…,CON,29`, `…,SCC,8`, `…,TOTAL,235`).
Read as a line of its own, the total was counted beside its parts: "Rob Astorino (TOTAL) leads with
31.83 %", and with `--fusion` every vote of his counted twice (23,770 for 11,885). Such a row is
set aside with a `total-row` warning where its candidate stands on another line of the race; where
it differs from the sum of the candidate's lines in its place (region and unit), a `total-mismatch`
warning names it, and the lines are counted as the file gives them. A candidate listed only on a
total line keeps it: it is the candidate's one figure. The streaming engine, whose rows of a
precinct file are summed over precincts, hands such a file to the exact engine (every line named).
"""

from __future__ import annotations

from pollcli.columns import option_key
from pollcli.problems import Code, Found
from pollcli.read.records import Record
from pollcli.read.total_words import HandOver, is_total_name

# Lines of rows set aside, and of those that differ from their lines, named in a warning.
SHOWN = 5


def set_aside(records: list[Record], found: Found, party_column: str | None) -> list[Record]:
    """The records without the candidates' total lines (see the module's docstring), warned."""
    parties = {r.row.party for r in records}
    total_parties = {p for p in parties if p and is_total_name(p)}
    if not total_parties or len(parties) < 2:
        return records  # (most races: no party cell is a total word)
    lines: dict[str, list[Record]] = {}
    totals: dict[str, list[Record]] = {}
    for record in records:
        row = record.row
        if row.kind != "candidate" or row.fact is not None:
            continue
        group = totals if row.party in total_parties else lines
        group.setdefault(option_key(row.candidate), []).append(record)
    aside = [r for name, rows in totals.items() if name in lines for r in rows]
    if not aside:
        return records
    if any(r.summed for r in aside):
        raise HandOver  # (summed over precincts by the streaming engine: the exact one names each)
    sums: dict[tuple[str, tuple[str, str]], int] = {}
    for name, rows in lines.items():
        for record in rows:
            key = (name, place(record))
            sums[key] = sums.get(key, 0) + (record.votes or 0)
    off = [
        (record, sums.get((option_key(record.row.candidate), place(record)), 0))
        for record in aside
        if (record.votes or 0) != sums.get((option_key(record.row.candidate), place(record)), 0)
    ]
    aside.sort(key=lambda r: r.line)
    word = sorted({r.row.party or "" for r in aside})[0]
    column = repr(party_column or "party")
    agree = (
        "they equal the sum of their lines"
        if not off
        else f"{len(off):,} of them differ from the sum of their lines (the total-mismatch "
        "warning says how)"
    )
    found.add(
        Code.TOTAL_ROW,
        aside[0].line,
        f"{word!r} in column {column} is a candidate's total over its party lines: "
        f"{len(aside):,} row(s) ({_lines(aside)}) set aside, not added to their lines; {agree}; "
        "the candidates' lines are counted (--fusion adds each candidate's lines up)",
        column=party_column,
        severity="warning",
    )
    if off:
        shown = "; ".join(
            f"{r.row.candidate!r} on line {r.line:,}: the total {r.votes or 0:,}, its lines {theirs:,}"
            for r, theirs in off[:SHOWN]
        ) + (f"; and {len(off) - SHOWN:,} more" if len(off) > SHOWN else "")
        found.add(
            Code.TOTAL_MISMATCH,
            off[0][0].line,
            f"{len(off):,} {word!r} line(s) differ from the sum of their candidate's party lines "
            f"in their place: {shown}. The lines are counted; check those rows against the source",
            column=party_column,
            severity="warning",
        )
    kept = {id(r) for r in aside}
    return [r for r in records if id(r) not in kept]


def place(record: Record) -> tuple[str, str]:
    """A record's region and unit, blank when not given (as `total_places.place`, for a record
    of rows not summed over units)."""
    return record.row.region or "", record.row.unit or ""


def _lines(records: list[Record]) -> str:
    shown = ", ".join(f"{r.line:,}" for r in records[:SHOWN])
    return f"line{'s' if len(records) > 1 else ''} {shown}" + (" …" if len(records) > SHOWN else "")
