"""VEST's precinct results (the Voting and Election Science Team, on Harvard Dataverse): a column
per candidate whose header codes its race and candidate — `G20PREDBID`: the 2020 general election
(`G20`), President (`PRE`), the Democrat (`D`) Biden (`BID`) — beside the precinct's ids (`STATEFP20`,
`COUNTYFP20`, `VTDST20`, `GEOID20`, `NAME20`).

Read as one wide race, every race of the file was added into one (`G20PREDBID` leading, `G20USSDKEL`,
a Senate candidate, runner-up) and the ids' digits were options' votes. Such a table is refused with
the command that reads one race: the other races' columns left out, the ids named as such. With one
race and no other column of figures, it is read as before.

Ohio's Secretary of State writes its precinct files alike, the office before each candidate's party
letter (`GOV_D_STRICKLAND`, `GOV_R_BLACKWELL`, `AG_D_DANN`, `US_SENATE_D_BROWN`): read as one race,
every office was added into one ("GOV_D_STRICKLAND leads with 5.15 %"). Where one party's letter
follows two offices or more (`party_coded_races`), the table is refused alike, naming the offices.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from pollcli.problems import Code, Found

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan

# A VEST column: election (General, Primary, Runoff, Special) and year, office, party, name.
CODE: Final = re.compile(r"[GPRS]\d{2}[A-Z]{3}[A-Z][A-Z]{3}")
# A party's code as a header's word after its office's words (Ohio's `GOV_D_STRICKLAND`).
PARTY_CODES: Final[frozenset[str]] = frozenset({"D", "R", "DEM", "REP", "L", "LIB", "G", "GRN"})
# How many columns of each race the message shows.
SHOWN: Final[int] = 3


def ignore_flag(header: Sequence[str], columns: Iterable[int]) -> str:
    """`--ignore-column` with the columns' headers, quoted as a shell takes them."""
    return "--ignore-column " + shlex.quote(",".join(header[i] for i in columns))


def groups_shown(header: list[str], groups: dict[str, list[int]], shown: int = SHOWN) -> str:
    """Groups of a wide table's columns as a refusal names them: `GOV: 'GOV_D_A', 'GOV_R_B'…`,
    the first `shown` columns of each group (by index in `header`), group by group."""
    return "; ".join(
        f"{name}: "
        + ", ".join(repr(header[i]) for i in cols[:shown])
        + ("…" if cols[shown:] else "")
        for name, cols in groups.items()
    )


def coded_races(table: RawTable, plan: Plan, found: Found) -> bool:
    """Whether a wide table's options are VEST-coded columns of several races, or beside columns of
    figures that are no candidates (ids): an error then, naming the commands that read each race."""
    header = table.header
    coded = [i for i in plan.options if CODE.fullmatch(header[i].strip())]
    if plan.blocks is not None:
        return False
    if len(coded) < 2:
        return party_coded_races(table, plan, found)  # (Ohio's offices before party codes)
    races: dict[str, list[int]] = {}
    for i in coded:
        races.setdefault(header[i].strip()[:6], []).append(i)
    others = [i for i in plan.options if i not in coded]
    if len(races) < 2 and not others:
        return False
    ids = ",".join(h for i, h in enumerate(header) if h.strip() and i not in coded)
    shown = groups_shown(header, races)
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


def party_coded_races(table: RawTable, plan: Plan, found: Found) -> bool:
    """Whether a wide table's option headers name an office before a party's code (`GOV_D_…`,
    `AG_D_…`) and one code follows two offices or more: several races, refused, naming them."""
    header = table.header
    words = {i: header[i].strip().upper().split("_") for i in plan.options}
    offices: set[str] = set()
    for said in words.values():
        # (The last code before the name: `US_REP_D_COUNT` is the House's, `REP` its office.)
        at = max((n for n, w in enumerate(said[:-1]) if n and w in PARTY_CODES), default=None)
        if at is not None:
            offices.add("_".join(said[:at]))
    races: dict[str, list[int]] = {}
    codes: dict[str, set[str]] = {}
    for i, said in words.items():  # each column under the longest office its header starts with
        text = "_".join(said)
        office = max((o for o in offices if text.startswith(o + "_")), key=len, default=None)
        if office is not None:
            races.setdefault(office, []).append(i)
            code = said[office.count("_") + 1]
            if code in PARTY_CODES:
                codes.setdefault(code, set()).add(office)
    if not any(len(held) >= 2 for held in codes.values()):
        return False
    shown = groups_shown(header, races)
    first, *_ = races
    others = [header[i] for i in plan.options if i not in races[first]]  # (of no office too)
    rest = len(plan.options) - sum(len(cols) for cols in races.values())
    shown += f"; and {rest:,} other column(s)" if rest else ""
    found.add(
        Code.RACE_SPLIT,
        table.header_line,
        f"the option columns name {len(races)} offices before their candidates' party codes "
        f"({shown}): counted as one race they would be added together; read one office at a "
        f"time, leaving out the others' columns, for {first}: --ignore-column "
        f"{shlex.quote(','.join(others))}",
    )
    return True
