"""A precinct that gives more ballots cast than registered voters: a warning, with its line.

The election's own figures are checked (`checks`: "ballots_cast exceed registered"), but a unit's
were only summed into its region's: Indiana's Brown County file of 2016 gives `Voters,,Ballots
Cast,,1191` above `Voters,,Registered,,712` in each precinct (the figures swapped?), and a
precinct over 100 % in a county under it was said nowhere. Each unit that gives both counts is
looked at once (a count for every race of its precinct is each race's: the same unit is not said
again per race), after every election is built, from the counts as the facts stage read them
(`UnitFacts.read`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from pollcli.problems import Code, Found
from pollcli.read.unitfacts import UNIT_FACTS, UnitFacts

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pollcli.election import Election
    from pollcli.read.header import ColumnMap

SHOWN: Final[int] = 3
# Where a unit's (value, line) of a count is among its slots (`UnitFacts`' layout).
_CAST: Final[int] = 2 * UNIT_FACTS.index("ballots_cast")
_REGISTERED: Final[int] = 2 * UNIT_FACTS.index("registered")


def check(
    unit_facts: UnitFacts, columns: ColumnMap, found: Found, elections: Sequence[Election] = ()
) -> None:
    """One warning for the units whose ballots cast exceed their registered voters, at the
    first such unit's line; `raceunits.HandOver` where the streaming engine kept such a unit's
    counts by number (`beyond_units`)."""
    if beyond_units(unit_facts):
        from pollcli.read.raceunits import HandOver

        raise HandOver
    read = unit_facts.read
    over: dict[tuple[str, str], tuple[int, int, int]] = {}
    # A region's own counts are looked at where the file has no unit of that region and two
    # regions at least (a county's counts in a county file, or a precinct's in a file with no
    # county column): one region's alone are the election's (`checks`).
    with_units = {region for (_, region, unit) in unit_facts.units if unit}
    regions = {region for (_, region, unit) in unit_facts.units if not unit and region}
    for (_, region, unit), slots in unit_facts.units.items():
        cast, registered = slots[_CAST], slots[_REGISTERED]
        if not isinstance(cast, str) or not isinstance(registered, str):
            continue
        if not unit and (region in with_units or len(regions) < 2 or not region):
            continue
        ballots, voters = read.get(("ballots_cast", cast)), read.get(("registered", registered))
        if isinstance(ballots, int) and isinstance(voters, int) and voters and ballots > voters:
            line = min(int(slots[_CAST + 1] or 0), int(slots[_REGISTERED + 1] or 0))
            if (region, unit) not in over or line < over[region, unit][2]:
                over[region, unit] = (ballots, voters, line)
    if not over:
        return
    units = sorted(over.items(), key=lambda item: item[1][2])
    shown = ", ".join(
        (f"{unit!r}" + (f" of {region!r}" if region else "") if unit else f"{region!r}")
        + f" ({ballots:,} of {voters:,}, line {line})"
        for (region, unit), (ballots, voters, line) in units[:SHOWN]
    )
    more = f" and {len(units) - SHOWN:,} more" if len(units) > SHOWN else ""
    if any(unit for (_, unit) in over):
        unit_word = columns.header_of("unit") or "unit"
    else:
        unit_word = columns.header_of("region") or "region"
    many = f"{len(units):,} {unit_word}s" if len(units) > 1 else f"1 {unit_word}"
    found.warn(
        Code.INCONSISTENT_METADATA,
        units[0][1][2],
        f"ballots cast exceed registered voters in {many}: {shown}{more}; a {unit_word} "
        "should not cast more ballots than it has voters (but where voters register on the day, "
        "or the register leaves some out): check both figures (swapped?) before reading its "
        "turnout",
    )
    for election in elections:  # (found once every election is built: each carries it)
        election.warnings.append(found.items[-1])


def beyond_units(unit_facts: UnitFacts) -> bool:
    """Whether the streaming engine's precinct counts, kept by precinct number rather than as
    `UnitFacts.units` (`raceunits.RaceUnits`, `countrows.CountUnits`), hold a precinct over its
    registered voters: the exact engine then reads the file, to name each one as `check` does."""
    if type(unit_facts) is UnitFacts:
        return False  # (the exact engine's, read by `check`; nothing more imported for it)
    from pollcli.read.countrows import CountUnits
    from pollcli.read.raceunits import RaceUnits

    pairs: dict[int, dict[str, int]] = {}
    if isinstance(unit_facts, CountUnits) and {"ballots_cast", "registered"} <= set(
        unit_facts.facts
    ):
        rows, facts = unit_facts.rows, unit_facts.facts
        for at in range(0, len(rows), 4):
            pairs.setdefault(rows[at], {})[facts[rows[at + 1]]] = rows[at + 2]
    if isinstance(unit_facts, RaceUnits) and {"ballots_cast", "registered"} <= set(unit_facts.keys):
        cast, registered = (
            unit_facts.keys.index("ballots_cast"),
            unit_facts.keys.index("registered"),
        )
        read = unit_facts.read
        for number, values in enumerate(unit_facts.counts):
            if values:
                ballots = read.get(("ballots_cast", values[cast]))
                voters = read.get(("registered", values[registered]))
                if isinstance(ballots, int) and isinstance(voters, int):
                    pairs.setdefault(-1 - number, {}).update(
                        ballots_cast=ballots, registered=voters
                    )
    return any(
        0 < given.get("registered", 0) < given.get("ballots_cast", 0) for given in pairs.values()
    )
