"""Which elections are one race: what `compare` needs before it puts elections side by side.

`compare` compares one race across elections (years, rounds, stages, sources). A file of many races
gives one election per race (`read.races`); two of them are one race's elections only when their race
keys say so. The rule, repeated for users in docs/compare.md:

- A race's identity is the values of its race keys (`Race.roles`) less those that name an election
  rather than a race: `election`, the year, the race id (FiveThirtyEight gives each contest of each
  cycle its own), the ranked-choice round, and a stage that is a general election or a runoff (two
  rounds of one race), or a yes/no `runoff` column that says so. A primary's stage, the party of a party primary, `special`, the office, seat,
  district, constituency, state and county stay: each names another race.
- Within a file, elections of equal identity are one race's elections; elections of unequal identity
  are different races. Where two elections of one identity are also of one election (the same
  election, year and stage), the identity misses what tells them apart: the race id is part of that
  file's identity, or failing that the election's name.
- A file gives one race when all its elections are of one identity (a file that is one race, with no
  race keys, always does). `compare` refuses files that give several races (`several_races`): it
  cannot tell which race of one file is which of another without guessing.
- Files that give one race each are the user's choice and are compared, but where a key both races
  have differs ("Class II" and "Class III", special or not, two districts), `unlike_races` says so.

Values are compared as the reader compares them (`racekeys.normal`), with punctuation and spacing
folded ("U.S. Senate" = "US SENATE"), since two publishers seldom write an office alike.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from pollcli.columns import YES_WORDS
from pollcli.election import Election
from pollcli.read.racekeys import PRIMARY_WORDS, normal

# Keys that name an election, not a race: a yes/no `runoff` column (MEDSL's) says what a runoff
# stage says, the second round of one race.
ELECTION_ROLES: Final[frozenset[str]] = frozenset(
    {"election", "year", "rcv_round", "stage", "runoff"}
)
# Yes/no keys: blank means no, so a blank and a yes differ.
YES_NO_ROLES: Final[frozenset[str]] = frozenset({"special"})
_PUNCTUATION = re.compile(r"[\W_]+")
# How many races of a file an error lists before it counts the rest.
SHOWN: Final[int] = 5

Identity = tuple[tuple[str, str], ...]


def fold(role: str, value: str) -> str:
    """A key's value as races are compared across files: as the reader compares it, then without
    punctuation or spaces."""
    return _PUNCTUATION.sub("", normal(role, value))


def _stage(value: str) -> str:
    """A primary is a race of its own; a general election and its runoff are two rounds of one."""
    words = set(_PUNCTUATION.sub(" ", normal("stage", value)).split())
    return "primary" if words & PRIMARY_WORDS else ""


def identity(election: Election, with_id: bool = False) -> Identity | None:
    """The race's identity (see the module's docstring); None for an election that is not one race
    of a file of many, which is whatever race its file is."""
    if election.race is None:
        return None
    parts = []
    for role, value in sorted(election.race.roles.items()):
        if role == "stage":
            parts.append((role, _stage(value)))
        elif role == "race_id" and not with_id:
            continue
        elif role not in ELECTION_ROLES:
            parts.append((role, fold(role, value)))
    return tuple(parts)


def _occasion(election: Election) -> tuple[str, ...]:
    """What names the election of a race: its label's parts other than the race's own."""
    roles = election.race.roles if election.race is not None else {}
    return tuple(normal(role, roles.get(role, "")) for role in sorted(ELECTION_ROLES))


def occasion(election: Election) -> tuple[int, bool] | None:
    """When an undated election of a race was held, as far as its race keys tell: its year (a year
    or cycle key) and whether it is a runoff (second round) of that year's race; None without a
    year. `compare` orders undated elections by it (FiveThirtyEight lists its newest cycle first)."""
    roles = election.race.roles if election.race is not None else {}
    year = roles.get("year", "").strip()
    if not (len(year) == 4 and year.isascii() and year.isdigit()):
        return None
    runoff = "runoff" in normal("stage", roles.get("stage", "")).split() or (
        roles.get("runoff", "").strip().casefold() in YES_WORDS
    )
    return int(year), runoff


def undated_key(items: list[Election]) -> Callable[[int], tuple[int, int, bool, int]]:
    """Elections none of which has a date: files in the order given, and within a file whose every
    election's race keys give its year, by year, a general before its runoff
    (`occasion`: FiveThirtyEight lists its newest cycle first); else as given."""
    files = list(dict.fromkeys(e.source_file for e in items))
    occasions = [occasion(e) for e in items]
    yearly = {
        file: all(o for o, e in zip(occasions, items, strict=True) if e.source_file == file)
        for file in files
    }

    def key(i: int) -> tuple[int, int, bool, int]:
        file = items[i].source_file
        when = occasions[i] if yearly[file] else None
        return (files.index(file), when[0] if when else 0, when[1] if when else False, i)

    return key


def yearly_files(items: Sequence[Election]) -> bool:
    """Whether some file's undated elections were ordered by year (`undated_key`)."""
    return all(e.facts.date is None for e in items) and any(
        all(occasion(e) for e in items if e.source_file == file)
        and sum(e.source_file == file for e in items) > 1
        for file in {e.source_file for e in items}
    )


@dataclass
class FileRaces:
    """The elections one file gives, grouped into races (by identity, in order of first election)."""

    file: str
    races: list[list[Election]]


def by_file(elections: Sequence[Election]) -> list[FileRaces]:
    """Each file's elections (in order of first appearance) grouped into races."""
    files: dict[str, list[Election]] = {}
    for election in elections:
        files.setdefault(election.source_file, []).append(election)
    return [FileRaces(file, _grouped(items)) for file, items in files.items()]


def _grouped(items: list[Election]) -> list[list[Election]]:
    """One file's elections by race. Two elections of one identity and one occasion that the file
    names apart are two races the identity misses: told apart by the race id, else by name."""
    for level in range(3):
        keys = [_keyed(e, level) for e in items]
        named: dict[tuple[Identity | None, tuple[str, ...]], str] = {}
        clash = False
        for e, key in zip(items, keys, strict=True):
            clash = clash or named.setdefault((key, _occasion(e)), e.facts.election) != (
                e.facts.election
            )
        if not clash:
            break
    races: dict[Identity | None, list[Election]] = {}
    for e, key in zip(items, keys, strict=True):
        races.setdefault(key, []).append(e)
    return list(races.values())


def _keyed(election: Election, level: int) -> Identity | None:
    key = identity(election, with_id=level > 0)
    if key is None or level < 2:
        return key
    return (*key, ("name", election.facts.election))


def several_races(elections: Sequence[Election]) -> str | None:
    """Why these elections cannot be compared as one race: the races each file gives, when a file
    gives more than one; None when every file gives one race."""
    files = by_file(elections)
    if all(len(f.races) <= 1 for f in files):
        return None
    listed = "; ".join(f"{f.file} gives {_races(f.races)}" for f in files)
    if len(files) == 1:
        return (
            f"compare compares one race across elections, but {listed}: compared in a row, they "
            "would read as one race's changes. Keep one race (and its elections over the years): "
            "--race TEXT keeps the races named like TEXT, --where COL=VALUE the rows with that value "
            "(e.g. --where district=5)"
        )
    return (
        f"compare compares one race across elections, but {listed}. It cannot tell which race of "
        "one file is which of another; keep one race of each file: --race TEXT keeps the races "
        "named like TEXT in every file, --race-of FILE=TEXT in one file (FILE as given, its name "
        "or its number: --race-of 2=TEXT), and --where COL=VALUE the rows with that value"
    )


def _races(races: list[list[Election]]) -> str:
    def named(race: list[Election]) -> str:
        first = repr(race[0].facts.election)
        more = len(race) - 1
        return first + (f" (and {more} more of its elections)" if more else "")

    shown = ", ".join(named(race) for race in races[:SHOWN])
    rest = f", … ({len(races) - SHOWN} more)" if len(races) > SHOWN else ""
    return f"{len(races)} race{'s' if len(races) != 1 else ''}: {shown}{rest}"


def unlike_races(a: Election, b: Election) -> list[str]:
    """The keys both races have whose values differ ("seat 'Class II' and 'Class III'"), when each
    is a race of a file of many; [] when nothing says they are different races."""
    if a.race is None or b.race is None:
        return []
    found = []
    for role in sorted(a.race.roles.keys() & b.race.roles.keys()):
        if role in ELECTION_ROLES or role == "race_id":
            continue
        x, y = a.race.roles[role], b.race.roles[role]
        if role not in YES_NO_ROLES and not (x.strip() and y.strip()):
            continue  # a key left blank says nothing of the race
        if fold(role, x) != fold(role, y):
            found.append(f"{role} {x.strip() or '(blank)'!r} and {y.strip() or '(blank)'!r}")
    return found


def unlike_pairs(ordered: Sequence[Election], in_common: Sequence[bool]) -> list[str]:
    """Warnings for consecutive races of two files that nothing says are one race: the user picked
    each file's race, but a race key differs (`unlike_races`; the office is said by `compare`'s
    own warning), or, where `in_common[p]` is False, elections p and p + 1 share no candidate."""
    found = []
    for p, (a, b) in enumerate(itertools.pairwise(ordered)):
        if a.source_file == b.source_file or (a.race is None and b.race is None):
            continue
        differ = [d for d in unlike_races(a, b) if not d.startswith("office ")]
        if not differ and not in_common[p]:
            differ = ["no candidate in common"]
        if differ:
            found.append(
                f"“{a.facts.election}” and “{b.facts.election}” may be different races "
                f"({', '.join(differ)}): their changes and volatility would compare unlike "
                "races; pick each file's race with --race-of FILE=TEXT"
            )
    return list(dict.fromkeys(found))


# A number in an office's name ("State Representative 12th District"): the office names its seat,
# and the races of one chamber differ only there.
_SEAT_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")


@dataclass
class Office:
    """The races of one office: its name as written (the part its races share, where the office
    names each seat), and its elections in file order."""

    name: str
    elections: list[Election]


def offices(elections: Sequence[Election]) -> list[Office]:
    """The offices of races of a file of many (their `office` race key), in order of first race:
    compared as races are across files, and with the seat numbers an office may name aside;
    elections with no office are left out."""
    found: dict[str, tuple[list[str], list[Election]]] = {}
    for election in elections:
        value = election.race.roles.get("office", "").strip() if election.race else ""
        if value:
            key = _SEAT_NUMBER.sub("#", fold("office", value))
            names, members = found.setdefault(key, ([], []))
            names.append(value)
            members.append(election)
    return [Office(_shared(names), members) for names, members in found.values()]


def _shared(names: list[str]) -> str:
    """One office's name: as written, or the start its seats' names share ("State Representative"
    for "State Representative 1st District" and "… 2nd District"). Names that differ elsewhere
    than in seat numbers are spellings ("U.S House", "U.S. House"): the most used is the name,
    never the start they share ("U.S")."""
    spellings: dict[str, list[str]] = {}
    for name in names:
        spellings.setdefault(_SEAT_NUMBER.sub("#", name), []).append(name)
    names = max(spellings.values(), key=len)
    distinct = list(dict.fromkeys(names))
    if len(distinct) == 1:
        return distinct[0]
    length = 0
    while all(len(n) > length and n[length] == distinct[0][length] for n in distinct):
        length += 1
    start = distinct[0][:length].rstrip(" ,-–·#(0123456789")
    return start if len(start) >= 3 else distinct[0]
