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
from typing import TYPE_CHECKING, Any, TypeVar

from pollcli.columns import RACE_PREFIX
from pollcli.kinds import kind_from_name
from pollcli.namekeys import option_key
from pollcli.problems import Code

if TYPE_CHECKING:
    from pollcli.read.blocks import Layout
    from pollcli.read.records import CellReader, Record
    from pollcli.read.repeats import Repeats

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


def option_of(reader: CellReader, cells: list[str]) -> tuple[str, str]:
    """A refused row's name and party cells, as `check` reads them ("" where it has none, or is
    too short or too long to tell whose cell is which)."""
    if len(cells) != len(reader.columns.header):
        return "", ""
    values, _ = reader.split(list(cells))
    return values.get("candidate", "").strip(), values.get("party", "") or ""


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
        if record.fusion or record.write_in or row.kind != "candidate" or record.summed:
            # (A record that sums named units is none of a refused row's: the streaming engine
            # read the units that list a refused row's option again row by row, `units_again`.)
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
            if not earlier or (
                line not in refused_lines and any(e not in refused_lines for e in earlier)
            ):
                continue  # (a record after another: the assembly's own check)
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


def note(repeats: Repeats, reader: CellReader, line: int, cells: list[str], layout: Layout) -> None:
    """On the streaming engine, a row the exact stages read: if `reader` refused it for a cell,
    kept in `repeats.refused` by its unit's cells (`layout.unit_indexes`, as `Repeats.add_row`
    keeps a row), name and party. Summed per region, the other rows of its unit are no unit's:
    `units_again`."""
    units = layout.unit_indexes
    if not units or line not in reader.rejected:
        return
    from pollcli.read.repeats import name_code, party_code
    from pollcli.read.unithash import unit_hash

    name, party = option_of(reader, cells)
    if name:
        unit = unit_hash([cells[i] for i in units])
        repeats.refused.append((unit, name_code(name), party_code(party)))


def units_again(np: Any, repeats: Repeats, held: Any) -> Any:
    """The units `held` (hashes, sorted) and those that list a refused row's option again (its
    party, where both rows give one, the same): read again row by row, for `check` to compare
    them (issue 10: only the exact engine reported such a repeat)."""
    if not repeats.refused:
        return held
    from pollcli.read.repeats import listed_rows

    wanted: dict[int, list[tuple[int, int]]] = {}
    for unit, name, party in repeats.refused:
        wanted.setdefault(unit, []).append((name, party))
    met: dict[int, list[tuple[int, int]]] = {}
    for unit, name, party in repeats.rows:
        if unit in wanted:
            met.setdefault(unit, []).append((name, party))
    units = np.array(sorted(wanted), dtype=np.uint64)
    for block in repeats.blocks:
        found = np.isin(block.hashes, units)
        if found.any():
            taken, sizes = listed_rows(np, block, found)
            for unit, name, party in zip(
                np.repeat(block.hashes[found], sizes).tolist(),
                block.names[taken].tolist(),
                block.parties[taken].tolist(),
                strict=True,
            ):
                met.setdefault(unit, []).append((name, party))
    again = [
        unit
        for unit, refused in wanted.items()
        if any(
            name == other and (not party or not by or party == by)
            for name, party in refused
            for other, by in met.get(unit, ())
        )
    ]
    return np.union1d(held, np.array(again, dtype=np.uint64)) if again else held
