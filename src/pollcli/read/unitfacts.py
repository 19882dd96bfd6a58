"""Counts given per unit — a region, or a precinct of a region — in one file, as the facts stage
reads them from the rows (`facts.election_facts`) and the streaming engine from its blocks
(`agreeing`): one value per unit and count, a second that says another an error (with the advice
of `--primary party` where the unit's two counts head two parties' ballots:
`primaries.party_advice`); summed into their regions by `facts.region_counts`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import field
from typing import Any

from pydantic import ValidationError

from pollcli.columns import REGIONAL_FACTS, fact_noun
from pollcli.dataclass import dataclass
from pollcli.problems import Code, Found
from pollcli.read.fact_values import same_fact

# Where a text value was read: (value, line).
Given = tuple[str, int]
# A unit of an election: (election, region, unit); the unit is "" for a region's own facts.
UnitKey = tuple[str, str, str]
# What to add to the error of a unit's count given on two lines (`primaries.party_advice`).
Advice = Callable[[UnitKey, int, int], str]
Met = list[tuple[str, str]]  # `region_counts`' tables: sums, giving, units, (region, count) met
Tables = tuple[dict[str, dict[str, int]], dict[str, dict[str, list[int]]], dict[str, int], Met]

# The counts a unit may give, in the order `UnitFacts` keeps them.
UNIT_FACTS: tuple[str, ...] = tuple(sorted(REGIONAL_FACTS))
_SLOT: dict[str, int] = {key: 2 * index for index, key in enumerate(UNIT_FACTS)}
_SLOTS: tuple[tuple[str, int], ...] = tuple(_SLOT.items())


class NoPrecinct(Exception):
    """A precinct row that names no region or no precinct: the exact engine reads such a file."""


@dataclass
class UnitFacts:
    """Counts given per region or per precinct, as text with the line they were first read on.

    Kept compactly (a precinct file has one entry per precinct): per unit a list of (value, line)
    slots in the order of `UNIT_FACTS`, None where not given, the texts shared between units.
    """

    units: dict[UnitKey, list[str | int | None]] = field(default_factory=dict)
    # Elections with a unit that gave two values of one fact: their facts cannot be read.
    conflicting: set[str] = field(default_factory=set)
    # Each distinct (count, text) validated, for every election of the file (`region_counts`).
    read: dict[tuple[str, str], int | ValidationError] = field(default_factory=dict)
    _strings: dict[str, str] = field(default_factory=dict)
    # Each election's (region, slots) in `units`' order: `given` without a pass over all of them.
    _of_election: dict[str, list[tuple[str, list[str | int | None]]]] = field(default_factory=dict)

    def register(self, unit: UnitKey) -> list[str | int | None]:
        """The unit's slots, a new unit known to exist even if it gives no count."""
        slots = self.units.get(unit)
        if slots is None:
            strings = self._strings
            unit = (
                strings.setdefault(unit[0], unit[0]),
                strings.setdefault(unit[1], unit[1]),
                unit[2],
            )
            slots = self.units[unit] = [None] * (2 * len(UNIT_FACTS))
            self._of_election.setdefault(unit[0], []).append((unit[1], slots))
        return slots

    def value(self, unit: UnitKey, key: str) -> str | None:
        slots = self.units.get(unit)
        return None if slots is None else slots[_SLOT[key]]  # type: ignore[return-value]

    def keep(self, unit: UnitKey, key: str, value: str, line: int) -> None:
        """The unit's value of a fact, unless it has one already (agreement checked elsewhere)."""
        slots = self.register(unit)
        slot = _SLOT[key]
        if slots[slot] is None:
            slots[slot] = self._strings.setdefault(value, value)
            slots[slot + 1] = line

    def keep_given(self, unit: UnitKey, values: dict[str, str], line: int) -> None:
        """`keep` of each of `values`, the unit registered once."""
        slots = self.register(unit)
        strings = self._strings
        for key, value in values.items():
            slot = _SLOT[key]
            if slots[slot] is None:
                slots[slot] = strings.setdefault(value, value)
                slots[slot + 1] = line

    def add(
        self,
        unit: UnitKey,
        key: str,
        value: str,
        line: int,
        found: Found,
        column: str | None,
        decimal: tuple[str, bool] = (".", False),
        advice: Advice | None = None,
    ) -> bool:
        """Keep one unit's value of a fact; a second value that says another (`1,000` and `1000`
        are one: `fact_values.same_fact`, by the file's decimal mark) is an error (False), with
        the `advice` (`primaries.party_advice`) of its two lines where one is given."""
        slots = self.register(unit)
        slot = _SLOT[key]
        if slots[slot] is None:
            slots[slot] = self._strings.setdefault(value, value)
            slots[slot + 1] = line
            return True
        if slots[slot] == value or same_fact(key, str(slots[slot]), value, *decimal):
            return True
        election, region, name = unit
        self.conflicting.add(election)
        where = f"precinct {name!r} of region {region!r}" if name else f"region {region!r}"
        first = slots[slot + 1]
        said = advice(unit, first, line) if advice and isinstance(first, int) else ""
        found.add(
            Code.INCONSISTENT_METADATA,
            line,
            f"{key} is {value!r} here but {slots[slot]!r} on line {first}; "
            f"{where} has one {fact_noun(key)}: make them agree{said}",
            column=column,
        )
        return False

    def agreeing(
        self,
        columns: list[list[str]],
        lines: list[int],
        precinct_columns: Sequence[str],
        keys: Sequence[str],
        default_election: str,
    ) -> list[tuple[UnitKey, dict[str, str], int]] | None:
        """A block of the streaming engine's precinct facts (the cells that name a precinct, then
        the facts, by column; the first line of each combination), as (unit, facts, line) in line
        order; None when one disagrees with what is known of its precinct (the exact stages then
        name every row that disagrees). `NoPrecinct` for a row that names no precinct."""
        width = len(precinct_columns)
        found: list[tuple[UnitKey, dict[str, str], int]] = []
        seen: dict[UnitKey, dict[str, str]] = {}
        election_at = precinct_columns.index("election") if "election" in precinct_columns else None
        if "region" not in precinct_columns:
            raise NoPrecinct  # precincts of no region (`--unit COL` alone): the exact engine's
        region_at = precinct_columns.index("region")
        unit_at = precinct_columns.index("unit")
        for position, cells in enumerate(zip(*columns, strict=True)):
            unit = (
                (cells[election_at] if election_at is not None else "") or default_election,
                cells[region_at],
                cells[unit_at],
            )
            if not unit[1] or not unit[2]:
                raise NoPrecinct
            values = {k: v for k, v in zip(keys, cells[width:], strict=True) if v}
            block = seen.get(unit)
            for k, v in values.items():
                before = self.value(unit, k)
                if (before is not None and before != v) or (block and block.get(k, v) != v):
                    return None
            if block is None:
                seen[unit] = dict(values)
            else:
                block.update(values)
            found.append((unit, values, lines[position]))
        found.sort(key=lambda item: item[2])
        return found

    def by_region(self, election: str, number_of: Callable[[str, str], Any]) -> Tables | None:
        """`region_counts`' tables at once (`wide_facts.ColumnFacts`), or None: from `given`."""

    def given(self, election: str) -> Iterator[tuple[str, dict[str, Given]]]:
        """Each unit of an election as (region, {fact: (value, line)}), the facts it gives."""
        for region, slots in self._of_election.get(election, ()):
            given = {key: (slots[i], slots[i + 1]) for key, i in _SLOTS if slots[i] is not None}
            yield region, given  # type: ignore[misc]
