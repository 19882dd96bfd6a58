"""Two parties' primaries read as one race: whether a race says it is of a general or a special
election (its keys, its file's name), and whether two parties each list several people in it
(`racechecks`: such a race names no winner; primaries are then likelier than several seats)."""

from __future__ import annotations

import functools
import re
from pathlib import PurePath
from typing import Final

from pollcli.election import Election, Option
from pollcli.read.assemble import option_key
from pollcli.read.unkeyed import NO_PARTY

_GENERAL: Final[re.Pattern[str]] = re.compile(r"(?<![a-z])gen(?:eral)?(?![a-z])")
# The race keys whose words may say general (an office's may not: `Attorney General`).
_STAGE_ROLES: Final = frozenset({"stage", "election"})
# (Pennsylvania's `General Primary` is a primary.)
_PRIMARY: Final[re.Pattern[str]] = re.compile(r"(?<![a-z])primary(?![a-z])")
_SPECIAL: Final[re.Pattern[str]] = re.compile(r"(?<![a-z])special(?![a-z])")


def primaries(election: Election, candidates: list[Option], *, people: bool = True) -> bool:
    """Two parties with two candidates or more each (with votes, whatever their share), in a file
    that does not say it is of a general election: party primaries read as one race, or a race of
    several seats — a majority of their votes elects nobody (Oklahoma's 2018 runoff: two REP, two
    LIB of a few hundred votes, "Stitt wins"). One person written two ways ("Joseph R. Biden",
    "Joseph R Biden / Kamala D Harris": Oregon's 2020 file) is one candidate, and so is a region's
    block listed again under other names (`Election.repeated`: Florida's "Donald J Trump"). Nor
    is a special election's (its race's or its file's name says so: one vacancy, in a vote of all
    parties that a majority wins, as Georgia's `20180109__ga__special.csv`, 2 DEM and 2 REP).
    `people`: names told apart as people (`_not_one`); else as written, where the answer only says
    which reading comes first, of a race named no winner already (a party's lists, 'List 1 X'
    and 'List 13 X', are one person by `names.person_score`: every name of it was compared)."""
    if general(election) or said_special(election):
        return False
    again = {option_key(name) for r in election.repeated for name, _ in r.again}
    names: dict[str, list[str]] = {}
    keys: dict[str | None, str] = {}  # (each party's key once: a race lists few parties)
    for o in candidates:
        if (party := keys.get(o.party)) is None:
            party = keys[o.party] = option_key(o.party or "")
        if o.votes and party not in NO_PARTY and not (again and option_key(o.candidate) in again):
            names.setdefault(party, []).append(o.candidate)
    apart = _not_one if people else (lambda listed: len(set(listed)) > 1)
    several = (listed for listed in names.values() if len(listed) > 1 and apart(listed))
    return next(several, None) is not None and next(several, None) is not None  # (two parties)


def _not_one(names: list[str]) -> bool:
    """Whether the names are more than one person (`names.person_score`: a ticket counts as its
    head): whether any is not the first's. Each name against the first alone, and no further than
    the first that is not: run for every race of a file, a pass over every pair of a party's names
    took a file of 10,000 races of 100 candidates from 10 s to 70."""
    from pollcli.names import CUTOFF, person_score

    return any(person_score(name, names[0]) < CUTOFF for name in names[1:])


def special(election: Election) -> bool:
    """A special election (its name says so, as a `special` key names it): it fills one vacancy,
    often in an all-party vote where a party has several candidates (Georgia's 2020 Senate)."""
    return "special" in election.facts.election.casefold()


def said_special(election: Election) -> bool:
    """Whether the race's or its file's name says special: a special election's file is no file
    of primaries (nor its one party's runoff a primary runoff: it fills the vacancy)."""
    return special(election) or bool(_SPECIAL.search(_file_name(election)))


def general(election: Election) -> bool:
    """Whether the race says it is of a general election: a key's value `gen` or `general`, a
    stage or election that says general among other words (`General Runoff`, Louisiana's `Open
    General`, `2022 General Election`: not an office's `Attorney General`, nor Pennsylvania's
    `General Primary`), or the file's name."""
    race = election.race
    if race is not None:
        for role, value in race.roles.items() if race.roles else ():
            said = value.casefold()
            if role in _STAGE_ROLES and _GENERAL.search(said) and not _PRIMARY.search(said):
                return True
        if any(v.casefold() in ("gen", "general") for v in race.keys.values()):
            return True
    return bool(_GENERAL.search(_file_name(election)))


def _file_name(election: Election) -> str:
    return _name_of(election.source_file)


@functools.cache
def _name_of(source_file: str) -> str:  # (once a file, not once each of its 10,000 races)
    return PurePath(source_file).name.casefold()
