"""A wide table summed per region with pandas, without a record per option and row: the way big ones
are read (100,000 precincts × 10 candidates would be a million records for the exact stages).

The assembly stage sums a region's units anyway; here the melted options are grouped by election,
region and option (`groupby` on integer codes), each group a record with its votes summed and the
line of its first row, as the streaming engine's records are, and each row's protocol lines are kept
as the counts of its unit (`facts.UnitFacts`), as the facts stage would keep them from the records.
`wide_rows` takes this way only where it gives the very answer the record per option would
(`sum_if_same`): no total row, no row named twice, no unit or region that could be a total, no
party, no name the row contract refuses, no cell with invisible characters, no option twice in a
row (tests/test_wide_sums.py holds both ways to each other).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pollcli.columns import INVISIBLE
from pollcli.contract import Row, cells_context
from pollcli.read.facts import UnitFacts
from pollcli.read.records import Record
from pollcli.read.total_words import is_total_name, may_hold_total, name_key, suspect_unit

if TYPE_CHECKING:
    from pollcli.read.options import ReadOptions


def clean(text: str) -> bool:
    """A cell the row stage would keep as it is (no invisible character to remove)."""
    return text.isascii() or text.translate(INVISIBLE).strip() == text.strip()


def _starts_alike(unit: str, region: str) -> bool:
    """A unit named like its region starts with its first letters (cheap to tell first)."""
    return unit.lstrip()[:3].casefold() == region.lstrip()[:3].casefold()


def sum_if_same(
    frame: Any,
    *,
    region_of: Sequence[str],
    unit_of: Sequence[str] | None,
    lines: Sequence[int],
    variant_of: Mapping[int, str],
    base: str,
    facts_of: Callable[[int, str], list[str]] | None,
    facts: list[str],
    party: bool,
    names_of: Mapping[int, str] | None,
    options: ReadOptions,
) -> tuple[list[Record], UnitFacts] | None:
    """The options summed per region (`summed`) when that gives the answer of a record per option;
    else None. `region_of`, `unit_of` and `lines` are per row of the table (`frame.row`);
    `names_of` is the option of each column (None for candidate blocks)."""
    if party:
        return None
    keys = {name: frozenset({name_key(name)}) for name in set(region_of)}
    if any(not n or is_total_name(n, place=True) or not clean(n) for n in keys):
        return None
    places = set(zip(region_of, unit_of or [""] * len(region_of), strict=True))
    if len(places) < len(region_of):
        return None  # a place named twice: the records per option name the repeated lines
    if unit_of:
        units = set(unit_of)
        if not all(map(clean, units)):
            return None
        maybe = may_hold_total(units) or any(not u.strip() for u in units)
        if any(suspect_unit(u, keys[r]) for r, u in places if maybe or _starts_alike(u, r)):
            return None  # a unit that may be a total: the totals stage judges it, row by row
    if not all(clean(name) for name in set(frame["candidate"].tolist())):
        return None
    election_of = {c: " · ".join(p for p in (base, v) if p) for c, v in variant_of.items()}
    frame = frame.assign(election=frame["column"].map(election_of))
    if names_of is not None:  # a column per option: a name given to two columns of one election
        named = [(names_of[c].strip(), election_of[c]) for c in variant_of]
        twice = len(set(named)) < len(named)
    else:  # blocks: a name in two blocks of one row
        twice = bool(frame.duplicated(["row", "candidate", "election"]).any())
    if twice:
        return None  # an option twice in a row: as a place named twice

    def given(line: int, own: str) -> dict[str, str]:
        assert facts_of is not None
        return {f: v.strip() for f, v in zip(facts, facts_of(line, own), strict=True) if v.strip()}

    return summed(
        frame,
        region_of=region_of,
        unit_of=unit_of,
        lines=lines,
        facts_of=given if facts_of else None,
        variant_of=variant_of,
        default_election=str(options.facts.get("election") or ""),
        decimal=options.decimal or ".",
    )


def summed(
    frame: Any,
    *,
    region_of: Sequence[str],
    unit_of: Sequence[str] | None,
    lines: Sequence[int],
    facts_of: Callable[[int, str], dict[str, str]] | None,
    variant_of: Mapping[int, str],
    default_election: str,
    decimal: str,
) -> tuple[list[Record], UnitFacts] | None:
    """One record per election, region and option, and the counts of each row as a unit; None
    when a name is one the row contract refuses (the records per option then name its lines).

    `frame` holds the melted options (row, line, column, candidate, votes as digits, election) in
    file order; `facts_of(line, variant)` gives a row's protocol lines (None: there are none)."""
    import numpy as np
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    region_code, regions = pd.factorize(pd.Series(region_of, dtype=object))
    frame = frame.assign(
        region=region_code[frame["row"].to_numpy()],
        name=pd.factorize(frame["candidate"])[0],
        votes=frame["votes"].astype(np.int64),
        vote=pd.factorize(frame["election"])[0],
    )
    groups = (
        frame.groupby(["vote", "region", "name"], sort=False)
        .agg(
            line=("line", "min"),
            column=("column", "first"),
            votes=("votes", "sum"),
            election=("election", "first"),
            candidate=("candidate", "first"),
        )
        .reset_index()
        .sort_values(["line", "column"], kind="stable")
    )
    context = cells_context(decimal, False)
    rows: dict[tuple[int, str], Row] = {}
    records = []
    for election, region, candidate, line, votes in zip(
        groups["election"].tolist(),
        groups["region"].tolist(),
        groups["candidate"].tolist(),
        groups["line"].tolist(),
        groups["votes"].tolist(),
        strict=True,
    ):
        row = rows.get((region, candidate))
        if row is None:
            values = {"candidate": candidate.strip(), "region": regions[region]}
            try:
                row = rows[region, candidate] = Row.model_validate(values, context=context)
            except ValidationError:
                return None
        records.append(Record(int(line), election or default_election, row, int(votes), {}))
    unit_facts = UnitFacts()
    if facts_of is not None:
        seen = frame.drop_duplicates(["row", "election"])
        for position, column, election in zip(
            seen["row"].tolist(), seen["column"].tolist(), seen["election"].tolist(), strict=True
        ):
            line = lines[position]
            unit = (
                election or default_election,
                region_of[position],
                unit_of[position] if unit_of else "",
            )
            unit_facts.register(unit)
            for key, value in facts_of(line, variant_of[column]).items():
                unit_facts.keep(unit, key, value, line)
    return records, unit_facts
