"""An option repeated where one of its rows was refused for a cell: still a `duplicate-option`.

`validate` reports every problem, each check run whatever the others found. A row refused for one
of its cells (`-5` votes: `negative-votes`) is no record, so the assembly's check of an option
listed twice in one unit (`assemble.Assembly`) never saw it: `A,10` / `B,-5` / `B,3` reported the
negative votes and not that `B` is listed twice (session 19). The refused rows' cells are split as
the reader splits any row (`CellReader.split`) and their names set beside the records' and one
another's, in the same election, region, unit and race cells; a repeat is reported at the later
line, as the assembly reports one. Rows of one name on different party lines, write-ins and other
non-candidate lines, which the assembly adds up, are no repeat here either."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from pollcli.columns import RACE_PREFIX
from pollcli.kinds import kind_from_name
from pollcli.namekeys import option_key
from pollcli.problems import Code

if TYPE_CHECKING:
    from pollcli.read.records import CellReader, Record

# Facts that tell one race from another in a file (the rest, such as a row's total, may differ).
_RACE_FACTS = frozenset({"office", "stage", "round", "date", "district", "seat", "special"})

Place = tuple[str, str, str, tuple[tuple[str, str], ...]]
T = TypeVar("T")


def _place(election: str, region: str, unit: str, facts: dict[str, str]) -> Place:
    race = tuple(
        sorted(
            (k, v.strip())
            for k, v in facts.items()
            if k in _RACE_FACTS or k.startswith(RACE_PREFIX)
        )
    )
    return election, region.strip(), unit.strip(), race


def check(reader: CellReader, records: Sequence[Record]) -> set[int]:
    """Report, in the reader's `found`, each option listed again where one of its rows was refused
    for a cell (see the module's docstring); the lines of records so reported."""
    if not reader.rejected or "candidate" not in reader.columns.present:
        return set()
    refused: dict[tuple[Place, str], list[tuple[int, str, str]]] = {}
    width = len(reader.columns.header)
    for line, cells in sorted(reader.rejected.items()):
        if len(cells) != width:
            continue  # (a row too short or too long: which cell is whose is no longer told)
        values, facts = reader.split(list(cells))
        name = values.get("candidate", "").strip()
        if not name or kind_from_name(name) != "candidate":
            continue
        election = facts.pop("election", None) or reader.default_election
        place = _place(election, values.get("region", ""), values.get("unit", ""), facts)
        refused.setdefault((place, option_key(name)), []).append(
            (line, name, option_key(values.get("party", "") or ""))
        )
    if not refused:
        return set()
    seen: dict[tuple[Place, str], list[tuple[int, str, str]]] = {}
    for record in records:
        row = record.row
        if record.fusion or record.write_in or row.kind != "candidate":
            continue
        place = _place(record.election, row.region or "", row.unit or "", record.facts)
        key = (place, option_key(row.candidate))
        if key in refused:
            seen.setdefault(key, []).append(
                (record.line, row.candidate, option_key(row.party or ""))
            )
    column = reader.columns.header_of("candidate")
    reported = set()
    for key, rows in refused.items():
        every = sorted([*rows, *seen.get(key, [])])
        refused_lines = {line for line, _, _ in rows}
        for at, (line, name, party) in enumerate(every):
            earlier = [
                first for first, _, other in every[:at] if not party or not other or party == other
            ]
            if not earlier or (line not in refused_lines and earlier[0] not in refused_lines):
                continue  # (two records: the assembly's own check)
            election, region = key[0][0], key[0][1]
            where = (f" in election {election!r}" if election else "") + (
                f" in region {region!r}" if region else ""
            )
            reader.found.add(
                Code.DUPLICATE_OPTION,
                line,
                f"{name!r} is listed again (first on line {earlier[0]}){where}; remove one if it "
                "is repeated; if one candidate ran on several party lines, give each row its party",
                column=column,
            )
            reported.add(line)
    return reported


def races_at(lines: set[int], records: Sequence[Record], races: Sequence[T | None]) -> dict[int, T]:
    """The race of each record reported at one of `lines` (`races`: the records' races, in their
    order), so that its repeat goes with its race, as a refused row's problems do: a file of
    races refused whole for one race's repeat (Nevada 2010's precincts: `Kevinn Donovan,,22` then
    `Kevinn Donovan,0,22`) is read, that race refused."""
    if not lines:
        return {}
    return {
        r.line: race for r, race in zip(records, races, strict=True) if r.line in lines and race
    }
