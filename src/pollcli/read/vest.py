"""VEST's precinct results (the Voting and Election Science Team, on Harvard Dataverse): a column
per candidate whose header codes its race and candidate — `G20PREDBID`: the 2020 general election
(`G20`), President (`PRE`), the Democrat (`D`) Biden (`BID`) — beside the precinct's ids (`STATEFP20`,
`COUNTYFP20`, `VTDST20`, `GEOID20`, `NAME20`).

Read as one wide race, every race of the file was added into one (`G20PREDBID` leading, `G20USSDKEL`,
a Senate candidate, runner-up) and the ids' digits were options' votes. Such a table is refused with
the command that reads one race: the other races' columns left out, the ids named as such. With one
race and no other column of figures, it is read as before.
"""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING, Final

from pollcli.problems import Code, Found

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan

# A VEST column: election (General, Primary, Runoff, Special) and year, office, party, name.
CODE: Final = re.compile(r"[GPRS]\d{2}[A-Z]{3}[A-Z][A-Z]{3}")
# How many columns of each race the message shows.
SHOWN: Final[int] = 3


def coded_races(table: RawTable, plan: Plan, found: Found) -> bool:
    """Whether a wide table's options are VEST-coded columns of several races, or beside columns of
    figures that are no candidates (ids): an error then, naming the commands that read each race."""
    header = table.header
    coded = [i for i in plan.options if CODE.fullmatch(header[i].strip())]
    if len(coded) < 2 or plan.blocks is not None:
        return False
    races: dict[str, list[int]] = {}
    for i in coded:
        races.setdefault(header[i].strip()[:6], []).append(i)
    others = [i for i in plan.options if i not in coded]
    if len(races) < 2 and not others:
        return False
    ids = ",".join(h for i, h in enumerate(header) if h.strip() and i not in coded)
    shown = "; ".join(
        f"{race}: "
        + ", ".join(repr(header[i]) for i in cols[:SHOWN])
        + ("…" if cols[SHOWN:] else "")
        for race, cols in races.items()
    )
    advice = " or ".join(
        (
            f"--ignore-column {shlex.quote(','.join(header[i] for r, c in races.items() if r != race for i in c))} "
            if len(races) > 1
            else ""
        )
        + f"--id-columns {shlex.quote(ids)}"
        for race in races
    )
    ignored = f" and {', '.join(repr(header[i]) for i in others)}, no candidates," if others else ""
    found.add(
        Code.RACE_SPLIT,
        table.header_line,
        f"the option columns are VEST's codes of {len(races)} race(s) ({shown}){ignored} counted "
        "as one race they would be added together; read one race at a time, its ids named: "
        f"{advice}",
    )
    return True
