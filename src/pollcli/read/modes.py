"""Votes by mode: a long `mode` column (election day, absentee, early… and TOTAL) made one count.

MEDSL's precinct files give one row per precinct, candidate and way of voting. Within a race, when
there are TOTAL rows they are the count, and the other modes are checked against them, region by
region (a mismatch is a `mode-mismatch` warning: the TOTAL rows are used); without TOTAL rows the
modes are added up. Both engines end here with the same records: the exact engine's one per row, the
streaming engine's summed over the precincts of a region, so the check is made per region in both.
(Vote-mode *columns* — `election_day_votes`, `absentee`… — are read by `records.CellReader`.)
"""

from __future__ import annotations

import dataclasses
from typing import Final

from pollcli.columns import normalize_header
from pollcli.problems import Code, Problem
from pollcli.read.assemble import option_key
from pollcli.read.records import Record

# How a mode column names the count of all modes.
TOTAL_MODES: Final[frozenset[str]] = frozenset(
    {"total", "totals", "total_votes", "all", "all_modes", "combined"}
)

_Key = tuple[str, str, str, str, str, str, tuple[tuple[str, str], ...]]


def is_total(mode: str) -> bool:
    return normalize_header(mode) in TOTAL_MODES


def collapse(
    records: list[Record], file: str, notes: list[str]
) -> tuple[list[Record], dict[str, Problem]]:
    """One record per option (and region, and unit) from its records by mode; the warnings of
    modes that do not add up to their TOTAL rows, one per race (by its label)."""
    if not any("mode" in r.facts for r in records):
        return records, {}
    with_total = {r.election for r in records if is_total(r.facts.get("mode", ""))}
    groups: dict[_Key, list[tuple[str, Record]]] = {}
    for record in records:
        mode = record.facts.pop("mode", "")
        groups.setdefault(_key(record), []).append((mode, record))
    kept: list[Record] = []
    # Per race, region and option: [votes of TOTAL rows, votes of the other modes, first line,
    # rows of other modes].
    sums: dict[tuple[str, str, str, str], list[int]] = {}
    modes: dict[str, set[str]] = {}
    for group in groups.values():
        if len({normalize_header(m) for m, _ in group}) < len(group):
            kept.extend(r for _, r in group)  # a mode twice: the assembly names the repeated rows
            continue
        first = group[0][1]
        election = first.election
        totals = [r for m, r in group if is_total(m)]
        parts = [r for m, r in group if not is_total(m)]
        modes.setdefault(election, set()).update(m for m, _ in group if m and not is_total(m))
        chosen = totals if election in with_total else parts
        if election in with_total:
            key = (
                election,
                first.row.region or "",
                option_key(first.row.candidate),
                first.row.party or "",
            )
            check = sums.setdefault(key, [0, 0, first.line, 0])
            check[0] += sum(r.votes or 0 for r in totals)
            check[1] += sum(r.votes or 0 for r in parts)
            check[3] += len(parts)
        if not chosen:
            continue
        if len(chosen) == 1:
            kept.append(chosen[0])
            continue
        votes = None if any(r.votes is None for r in chosen) else sum(r.votes or 0 for r in chosen)
        kept.append(dataclasses.replace(chosen[0], line=min(r.line for r in chosen), votes=votes))
    kept.sort(key=lambda r: r.line)
    return kept, _notes_and_warnings(sums, modes, with_total, file, notes)


def _key(record: Record) -> _Key:
    row = record.row
    return (
        record.election,
        row.region or "",
        row.unit or "",
        row.candidate,
        row.party or "",
        row.kind,
        tuple(sorted(record.facts.items())),
    )


def _notes_and_warnings(
    sums: dict[tuple[str, str, str, str], list[int]],
    modes: dict[str, set[str]],
    with_total: set[str],
    file: str,
    notes: list[str],
) -> dict[str, Problem]:
    summed = sorted({m for e, ms in modes.items() if e not in with_total for m in ms})
    checked = sorted({m for e, ms in modes.items() if e in with_total for m in ms})
    if summed:
        notes.append(
            f"Votes by mode ({', '.join(summed)}) are added up: the mode column has no TOTAL rows "
            "for these races."
        )
    if with_total:
        also = (
            f"; the other modes ({', '.join(checked)}) are checked against them" if checked else ""
        )
        notes.append(f"Votes are the mode column's TOTAL rows{also}.")
    warnings: dict[str, Problem] = {}
    for (election, region, _, _), (total, parts, line, counted) in sums.items():
        if not counted or total == parts or election in warnings:
            continue
        where = f" in {region!r}" if region else ""
        warnings[election] = Problem(
            code=Code.MODE_MISMATCH,
            severity="warning",
            file=file,
            line=line,
            column=None,
            message=f"race {election!r}: the votes by mode{where} add up to {parts:,} but the TOTAL "
            f"rows say {total:,}; the TOTAL rows are used — check the file",
        )
    return warnings
