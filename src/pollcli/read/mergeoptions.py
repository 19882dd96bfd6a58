"""An election's options made from its records (`read/assemble` groups them): one option per name
in a region, its records' votes added up, the party a fused candidate is credited with; and no
region where the place column holds one value (`one_place`)."""

from __future__ import annotations

from dataclasses import replace

from pollcli.columns import normalize_header, option_key
from pollcli.election import Option, Region
from pollcli.problems import Code, Found
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.repeatadvice import shown_party

_NEW = object.__new__


def merge_records(group: list[Record]) -> Option:
    """One option from its records (an option's rows in one region, in any unit): the first row's
    name and kind, the party a fused candidate is credited with (else every party once, in the
    order they first appear), the votes added up."""
    if len(group) == 1:
        return options_of(group)[0]
    group = sorted(group, key=lambda r: r.line)
    first = group[0]
    decimals = [r.row.share_decimals for r in group if r.row.share_decimals is not None]
    credit = next((r.credit for r in group if r.credit), None)
    return Option(
        candidate=first.row.candidate,
        party=credit or shown_party(first.row.kind, [r.row.party or None for r in group]),
        kind=first.row.kind,
        votes=None if any(r.votes is None for r in group) else sum(r.votes or 0 for r in group),
        share=None
        if any(r.row.share is None for r in group)
        else sum(r.row.share or 0 for r in group),
        share_decimals=min(decimals) if decimals else None,
        colour=next((r.row.colour for r in group if r.row.colour), None),
        line=first.line,
        acclaimed=all(r.acclaimed for r in group),
    )


def options_of(records: list[Record]) -> list[Option]:
    """An option of each record, alone of its name (a fused candidate's one line in a region: the
    party it is credited with). Each made field by field, as `Option(candidate=…, …)` makes it but
    without the call of its `__init__` by keywords: the million options of 10,000 races took 0.45
    s, now 0.2 (tests/test_options_of.py holds them equal, every field set)."""
    options: list[Option] = []
    append = options.append
    for r in records:
        row = r.row
        option = _NEW(Option)
        option.candidate = row.candidate
        option.party = r.credit or row.party or None
        option.kind = row.kind
        option.votes = r.votes
        option.share = row.share
        option.share_decimals = row.share_decimals
        option.colour = row.colour or None
        option.line = r.line
        option.acclaimed = r.acclaimed
        option.list_votes = False
        append(option)
    return options


def one_place(
    records: list[Record], columns: ColumnMap, notes: list[str]
) -> tuple[list[Record], str | None]:
    """An election's records read as a whole when its place column (other than one named
    `region`) holds one value and there is no unit column: MEDSL's `state` in a file of one state is
    a fact about the file, not a breakdown into one region. With that place, or None."""
    header = columns.header_of("region")
    if header is None or "unit" in columns.present or normalize_header(header) == "region":
        return records, None
    places = {r.row.region for r in records}
    if len(places) != 1 or None in places:
        return records, None
    place = places.pop()
    note = f"The {header!r} column is {place!r} in every row: the election is read as a whole."
    if note not in notes:
        notes.append(note)
    return [replace(r, row=r.row.model_copy(update={"region": None})) for r in records], place


def sum_regions(
    regions: list[Region], found: Found, votes_column: str | None
) -> list[Option] | None:
    """The election's options: each option's votes added up over its regions (its parties
    across them joined, `shown_party`); None, with a `missing-value` error, where an option of a
    region has a share but no votes (`votes_column`: the header the error names)."""
    totals: dict[str, Option] = {}
    # An option's parties across regions, each pair of (so far, this region's) joined once.
    joined: dict[tuple[str | None, str | None], str | None] = {}
    for region in regions:
        for option in region.options:
            if option.votes is None:
                found.add(
                    Code.MISSING_VALUE,
                    option.line,
                    f"{option.candidate!r} has a share but no votes; regional rows need "
                    "votes to be added up across regions",
                    column=votes_column,
                )
                return None
            key = option_key(option.candidate)
            if key in totals:
                total = totals[key]
                total.votes = (total.votes or 0) + option.votes
                total.acclaimed = total.acclaimed and option.acclaimed
                pair = (total.party, option.party)
                if pair not in joined:
                    joined[pair] = shown_party(total.kind, pair)
                total.party = joined[pair]
            else:
                totals[key] = replace(option, share=None, share_decimals=None)
    return list(totals.values())
