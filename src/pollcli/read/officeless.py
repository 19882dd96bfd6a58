"""Rows of a blank office given to the one race of an office counted in exactly their places.

New Hampshire's 2018 precinct file lists each U.S. House district's `Scattering` under a blank
office (`Belknap,Alton,,1,,Scattering,1`): 114 rows of district 1 and 187 of district 2, one per
precinct where each House race was counted, while State Senate district 2 was counted in 22 of
district 2's precincts only. Read as races of their own they were left out with a warning
(`primary_totals.without_officeless_lines`), the House races losing their scattering.

Rows of a blank office, alike in the other race keys, that hold no candidate are given the office
of the one race alike in those keys whose regions (two at least) are exactly theirs; where no race,
or several, are counted in exactly those regions, they are left as before (the warning says so). A
note says which rows were given which office. Regions, not precincts: the streaming engine's
records are a race's sums per region, and both engines must agree (NH 2018's House districts and
State Senate 2 are counted in different counties too).
"""

from __future__ import annotations

from pollcli.read.geography import raw
from pollcli.read.header import ColumnMap
from pollcli.read.keysums import writable
from pollcli.read.racekeys import KeyColumn
from pollcli.read.records import Record


def give_offices(records: list[Record], keys: list[KeyColumn], columns: ColumnMap) -> None:
    """Each group of rows of a blank office (and no candidate) given the office of the one race
    of an office counted in exactly the same regions, alike in the other keys (module docstring)."""
    office = next((k for k in keys if k.role == "office"), None)
    if office is None or not any(k.role != "office" for k in keys):
        return
    if all(record.facts.get(office.canonical) or record.row.all_races for record in records):
        return  # (every row names its office: the everyday file)
    others = [k for k in keys if k is not office]
    places: dict[tuple[tuple[str, ...], str], set[str]] = {}
    spelt: dict[str, str] = {}
    lone: dict[tuple[str, ...], list[int]] = {}
    candidates: set[tuple[str, ...]] = set()
    for at, record in enumerate(records):
        if record.row.all_races:
            continue
        rest = tuple(raw(record, k) for k in others)
        name = raw(record, office)
        if not name:
            lone.setdefault(rest, []).append(at)
            if record.row.kind == "candidate":
                candidates.add(rest)
        spelt.setdefault(name, record.facts.get(office.canonical, ""))
        places.setdefault((rest, name), set()).add(record.row.region or "")
    given: list[str] = []
    for rest, members in lone.items():
        theirs = places[rest, ""]
        if rest in candidates or not any(rest) or "" in theirs or len(theirs) < 2:
            continue  # (a candidate's rows, no other key, or no regions to tell by)
        matches = [n for (r, n), p in places.items() if r == rest and n and p == theirs]
        if len(matches) != 1:
            continue
        for at in members:
            writable(records[at])[office.canonical] = spelt[matches[0]]
        said = ", ".join(v for v in rest if v)
        given.append(f"to {spelt[matches[0]]!r} ({said}), its {len(theirs):,} regions")
    if given:
        columns.notes.append(
            f"Rows of a blank {office.header!r} that hold no candidate are given the race counted "
            f"in exactly their regions: {'; '.join(given)}."
        )
