"""Race keys → races: which race each row belongs to, and the race's name.

The rule (README "Files with many races", docs/csv-format.md): every distinct combination of the
race key columns is one race. The key columns are `election`, `office`, the `race:*` columns of
`pollcli.columns.RACE_ALIASES` (year, district, constituency, seat, race, race id, special, runoff,
ranked-choice round), a `stage` column whose values are not pollcli's stages (MEDSL's gen/pri,
FiveThirtyEight's general/runoff), the state beside districts (`read.roles`), and the party of a
party primary (`PartyRule`: on the rows whose stage says primary, a general race being every
party's; the file's name decides only for rows of no stated stage; parties that share one total
votes figure are one primary of every party, `RaceBook.open_primaries`). Values are compared as
`namekeys.spacing_key` compares them, district numbers without their leading zeros ("05" is district 5),
and yes/no columns (special, runoff) as yes or no.

A race is named from the key columns whose values vary in the file, in a fixed order ("U.S. House ·
5", "President · Democratic primary", a primary's party in the place of the stage), and from its
office: another column with one value throughout names nothing. The state and a race id name a
race only where the other parts would give two races one name. Where a race id column is given
(`race_id`, `PANo`, "Electoral District Number"), it alone tells races apart and the other key
columns only name them (a constituency spelt two ways under one code is one race).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import field
from functools import cache, lru_cache
from typing import Final

from pollcli import namekeys
from pollcli.columns import RACE_PREFIX, YES_WORDS, normalize_header, stage_of
from pollcli.dataclass import dataclass
from pollcli.election import Option
from pollcli.kinds import is_answer
from pollcli.namekeys import PARTY_ADJECTIVES, option_key, party_key, spacing_key, written_in_party
from pollcli.read.header import ColumnMap
from pollcli.read.options import ReadOptions
from pollcli.read.unkeyed import NO_PRIMARY

# The order of a race name's parts; a --race-by column of another name comes after them.
ORDER: Final[tuple[str, ...]] = (
    "election",
    "year",
    "state",
    "office",
    "seat",
    "district",
    "constituency",
    "county",
    "race",
    "race_id",
    "stage",
    "runoff",
    "special",
    "rcv_round",
    "party",
)
# Shown in a name only where the other parts would give two races one name.
QUALIFIERS: Final[tuple[str, ...]] = ("state", "race_id")
# The key values as written that `RaceBook` remembers the race of (a file of many races has few).
KNOWN_VALUES: Final[int] = 1 << 16
_TRUE: Final[frozenset[str]] = YES_WORDS | {"special", "runoff"}
# A whole number written as a float (Mississippi 2023's districts `38.0`: "State House · 38.0").
_WHOLE: Final = re.compile(r"^(\d+)\.0+$")
# How MEDSL and FiveThirtyEight write the stage of a race, in words.
STAGE_WORDS: Final[dict[str, str]] = {
    "gen": "general",
    "general": "general",
    "g": "general",
    "pri": "primary",
    "pre": "primary",
    "primary": "primary",
    "p": "primary",
    "runoff": "runoff",
    "run_off": "runoff",
    "ro": "runoff",
}
# Words of a file's name that say it holds party primaries (OpenElections: 20200609__ga__primary…):
# heeded only for rows whose stage the file does not state.
PRIMARY_WORDS: Final[frozenset[str]] = frozenset({"primary", "primaries", "pri"})


@cache
def party_offices() -> re.Pattern[str]:
    """Offices that stay party primaries in a top-two primary (California's presidential primary
    and party committees; Washington's precinct committee officers): each party elects its own.
    Compiled on first use, as `primary_name`: a file of one race never needs them."""
    return re.compile(
        r"\bpresident(ial)?\b|\bcentral committee\b|\bprecinct committee\b"
        r"|\bcommittee ?(wo)?m[ae]n\b|\bparty committee\b|\bpco\b",
        re.IGNORECASE,
    )


# The states whose OpenElections files named `…__primary…` hold top-two primaries, and since when
# (Washington from 2008, California from 2012): the first year of the date in the file's name.
TOP_TWO_STATES: Final[dict[str, int]] = {"wa": 2008, "ca": 2012}
# Louisiana's primaries are open ("jungle") primaries: every party's candidates on one ballot, a
# majority elects, else the top two meet in a runoff; but for President and party committees
# (`party_offices`), and for Congress from 2008 to 2010, whose primaries were closed.
OPEN_PRIMARY_STATES: Final[frozenset[str]] = frozenset({"la"})
CLOSED_CONGRESS: Final = (2008, 2010)
CONGRESS: Final = re.compile(r"\bu\.? ?s\b|congress|united states", re.IGNORECASE)
_OPENELECTIONS = re.compile(r"(\d{4})\d{4}__([a-z]{2})__(?:[a-z0-9_]*?__)?primary(?![a-z])")


@dataclass(frozen=True)
class PartyRule:
    """When a row's party is one of its race keys: on every row (`--race-by` names the party
    column), or on the rows of a party primary — those whose stage says primary, and those of no
    stated stage when the file's name (or `--primary`) says primary (`unstated`). Elsewhere the key
    is blank: a general race, a runoff, a jungle primary is every party's. In a top-two primary
    (`top_two`: `--primary top-two`, or an OpenElections file of Washington or California) every
    office's primary is every party's, but for the offices each party elects its own of
    (`party_offices`); `detected` when the file's name said so, not a flag. `general_offices`:
    `--primary top-two` on a file whose name says general (Louisiana's November election, a
    jungle primary for Congress and the general election for President): those offices' races
    are general races, every party's, not party primaries."""

    every_row: bool = False
    unstated: bool = False
    top_two: bool = False
    detected: bool = False
    general_offices: bool = False
    # A Louisiana primary (`open_by_name`): every office's race is every party's, as in a
    # top-two primary, but a majority elects (no one advances); `closed_congress`: its
    # congressional races are party primaries (2008–2010).
    open_majority: bool = False
    closed_congress: bool = False
    flagged: bool = False  # (`--primary` said so, not the file's name: `primary_note`)

    def primary(self, stage: str) -> bool:
        """Whether a row of this stage (as written) is of a primary."""
        said = "" if is_pollcli_stage(stage) else normal("stage", stage)
        return said == "primary" or (not said and self.unstated)

    def value(self, party: str, stage: str, office: str | None = None) -> str:
        """The party as the race key of a row of this stage and office (as written): the party
        or "". With no office (the streaming engine's option count), a top-two primary's party
        is kept: each party's options counted apart, never past its race's."""
        if self.every_row or not party:
            return party
        if not self.primary(stage) or option_key(party) in NO_PRIMARY:
            return ""
        if (self.top_two or self.open_majority) and office is not None and not self.own(office):
            return ""
        return written_in_party(party)  # (a write-in's `Write-In (DEM)`: the DEM primary)

    def own(self, office: str) -> bool:
        """Whether each party elects its own of this office in a top-two or open primary."""
        if self.closed_congress and CONGRESS.search(office):
            return True
        return bool(party_offices().search(office)) and not self.general_offices

    def top_two_race(self, values: dict[str, str]) -> bool:
        """Whether a race (its key values by role) is a top-two primary: every party's."""
        return (
            self.top_two
            and self.primary(values.get("stage", ""))
            and not party_offices().search(values.get("office", ""))
        )

    def open_race(self, values: dict[str, str]) -> bool:
        """Whether a race (its key values by role) is of Louisiana's open primary: every party's
        race of an office, which a majority wins (`election.Race.majority`)."""
        office = values.get("office", "")
        return self.open_majority and self.primary(values.get("stage", "")) and not self.own(office)

    def label(self, party: str, stage: str, office: str | None = None) -> str:
        """The party key as the streaming engine counts a race's options by (`roles.race_labels`):
        cells as written or as read give one label."""
        return spacing_key(
            self.value(party.strip(), stage.strip(), None if office is None else office.strip())
        )


def top_two_by_name(source_file: str) -> bool:
    """An OpenElections file of a top-two primary by its name: `20200804__wa__primary…` (a
    Washington primary since 2008, a California one since 2012)."""
    if (match := _OPENELECTIONS.search(source_file.rsplit("/", 1)[-1].lower())) is None:
        return False
    since = TOP_TWO_STATES.get(match[2])
    return since is not None and int(match[1]) >= since


def open_by_name(source_file: str) -> tuple[bool, bool]:
    """An OpenElections file of Louisiana's open primaries by its name (`…__la__primary…`,
    `…__la__special__primary…`), and whether its congressional races are closed ones."""
    if (match := _OPENELECTIONS.search(source_file.rsplit("/", 1)[-1].lower())) is None:
        return False, False
    year = int(match[1])
    return match[2] in OPEN_PRIMARY_STATES, CLOSED_CONGRESS[0] <= year <= CLOSED_CONGRESS[1]


def party_rule(columns: ColumnMap, options: ReadOptions, source_file: str) -> PartyRule | None:
    """When the party tells races apart (see `PartyRule`); None when it never does: no party
    column, or `--race-by` leaves it out, or neither a stage column, the file's name nor
    `--primary` speaks of primaries."""
    if (index := columns.index("party")) is None:
        return None
    if options.race_by is not None:
        header = normalize_header(columns.header[index])
        named = any(normalize_header(name) == header for name in options.race_by)
        return PartyRule(every_row=True) if named else None
    words = set(normalize_header(source_file.rsplit("/", 1)[-1]).replace(".", "_").split("_"))
    by_name = bool(words & PRIMARY_WORDS) or options.primary is not None
    detected = options.primary is None and top_two_by_name(source_file)
    if by_name or "stage" in columns.present:
        top_two = options.primary == "top-two" or detected
        general = top_two and "general" in words and not words & PRIMARY_WORDS
        opened, closed = open_by_name(source_file) if options.primary is None else (False, False)
        return PartyRule(
            unstated=by_name,
            top_two=top_two,
            detected=detected or opened,
            general_offices=general,
            open_majority=opened,
            closed_congress=closed,
            flagged=options.primary is not None,
        )
    return None


@dataclass(frozen=True)
class KeyColumn:
    """One race key: its role (year, office, district… or a --race-by column's name), its header
    as written, its index, the canonical column it is read from, and for the party when it is a
    key (`PartyRule`)."""

    role: str
    header: str
    index: int
    canonical: str
    rule: PartyRule | None = None


def key_columns(columns: ColumnMap, party: PartyRule | None) -> list[KeyColumn]:
    """The race keys of a file: every race column, `election` and `office`, a `stage` column
    (its cells that are not pollcli stages), and the party when it may be a key (`party`)."""
    keys = []
    for index, canonical in sorted(columns.columns.items()):
        rule = None
        if canonical.startswith(RACE_PREFIX):
            role = canonical.removeprefix(RACE_PREFIX)
        elif canonical in ("election", "office", "stage"):
            role = canonical
        elif canonical == "party" and party is not None:
            role, rule = canonical, party
        else:
            continue
        keys.append(KeyColumn(role, columns.header[index], index, canonical, rule))
    return keys


def is_pollcli_stage(value: str) -> bool:
    return stage_of(value) is not None


@lru_cache(maxsize=1 << 16)
def normal(role: str, value: str) -> str:
    """A key value as races are told apart: case, spacing and a number's leading zeros aside;
    yes/no columns as yes or no; the stage in words."""
    text = spacing_key(value)
    if role in ("special", "runoff"):
        return "yes" if text in _TRUE else ""
    if role == "stage":
        return STAGE_WORDS.get(normalize_header(text), text)
    if role == "party":
        return party_key(text)  # (`DEM` and `DEMOCRAT`: one party's primary)
    text = namekeys.stops_key(_WHOLE.sub(r"\1", text) if "." in text else text)  # (`5th-X`)
    return str(int(text)) if text.isdigit() else text


def shown(role: str, value: str) -> str:
    """A key value as a race's name writes it ("" for nothing)."""
    text = _WHOLE.sub(r"\1", " ".join(value.split()))
    if not text:
        return ""
    if role in ("special", "runoff"):
        return role if normal(role, text) else ""
    if role == "stage":
        return normal(role, text).replace("_", " ")
    if role == "rcv_round":
        return f"round {text}"
    if role == "party":
        return PARTY_ADJECTIVES.get(spacing_key(text), text)
    if role == "race_id":
        return f"#{text}"
    if text.isdigit() and role == "district":  # (`District 01` is district 1; a code keeps its 0s)
        return str(int(text))
    return text


@dataclass
class Race:
    """One race of a file as its rows are read: the values of its keys as first written."""

    identity: tuple[str, ...]
    values: dict[str, str]
    name: str = ""


@dataclass
class RaceBook:
    """The races of one file, by identity, in order of first appearance; names them at the end."""

    keys: list[KeyColumn]
    # The race id is numbered within each state (`geography.numbered_within`): the state counts.
    within_state: bool = False
    races: dict[tuple[str, ...], Race] = field(default_factory=dict)
    # Primaries of every party on one ballot (`open_primaries`), by their identity as one race.
    open: set[tuple[str, ...]] = field(default_factory=set)
    rule: PartyRule | None = field(init=False)
    roles: list[str] = field(init=False)  # `identity_roles`, worked out once (a call per row)
    # A row's key values as written → its race, for the next row of them (a million rows of
    # 10,000 races): up to `KNOWN_VALUES` of them; used while the race is still the book's
    # (primaries merged, totals' races or rounds left out: `races` is made anew).
    known: dict[tuple[tuple[str, str], ...], Race] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.rule = next((k.rule for k in self.keys if k.rule is not None), None)
        roles = [k.role for k in self.keys]
        if self.by_id:
            identity = {"election", "race_id", "rcv_round", "party"}
            if self.within_state:
                identity.add("state")
            roles = [r for r in roles if r in identity]
        self.roles = roles

    @property
    def by_id(self) -> bool:
        """A race id column tells races apart on its own; the other keys only name them."""
        return any(k.role == "race_id" for k in self.keys)

    def identity(self, values: dict[str, str]) -> tuple[str, ...]:
        return self._identity(self.keyed(values))

    @property
    def identity_roles(self) -> list[str]:
        """The roles whose values make a race's identity, in its order."""
        return self.roles

    def _identity(self, values: dict[str, str]) -> tuple[str, ...]:
        return tuple([normal(role, values.get(role, "")) for role in self.roles])

    def add(self, values: dict[str, str]) -> Race:
        given = tuple(values.items())
        race = self.known.get(given)
        if race is not None and self.races.get(race.identity) is race:
            return race
        values = self.keyed(values)
        identity = self._identity(values)
        race = self.races.get(identity)
        if race is None:
            race = self.races[identity] = Race(identity, values)
        if len(self.known) < KNOWN_VALUES:
            self.known[given] = race
        return race

    def keyed(self, values: dict[str, str]) -> dict[str, str]:
        """A row's key values (by role) with its party as its race's key (`PartyRule`): blank
        where the party tells no races apart, and in a primary of every party."""
        party = values.get("party", "")
        if self.rule is None or not party:
            return values
        keyed = self.rule.value(party, values.get("stage", ""), values.get("office", ""))
        if keyed and self.open and self._identity({**values, "party": ""}) in self.open:
            keyed = ""
        return values if keyed == party else {**values, "party": keyed}

    def group(self, race: Race) -> tuple[str, ...]:
        """The identity of a race with its party aside: the party primaries of one office (and
        district…) share it."""
        return self._identity({**race.values, "party": ""})

    def open_primaries(self, totals: dict[tuple[str, ...], set[str]]) -> dict[int, Race]:
        """Merge the primaries of every party on one ballot: the races alike in every key but the
        party, of two parties or more, whose total votes cells (`totals`, by race identity) hold
        one figure. A party's primary has its own total; one total for all is one race of all
        parties (MEDSL writes Texas's open special elections of 1996 as `PRI`). Returns the race
        each race merged away went into, by id."""
        if self.rule is None or self.rule.every_row or not totals:
            return {}
        groups: dict[tuple[str, ...], list[Race]] = {}
        for race in self.races.values():
            groups.setdefault(self._identity({**race.values, "party": ""}), []).append(race)
        for group, members in groups.items():
            primaries = [r.identity for r in members if r.values.get("party")]
            figures = set().union(*(totals.get(identity, set()) for identity in primaries))
            if len(primaries) > 1 and len(figures) == 1:
                self.open.add(group)
        merged: dict[int, Race] = {}
        races: dict[tuple[str, ...], Race] = {}
        for identity, race in self.races.items():
            group = self._identity({**race.values, "party": ""})
            if group not in self.open:
                races[identity] = race
                continue
            if group not in races:
                races[group] = Race(group, {**race.values, "party": ""})
            if races[group] is not race:
                merged[id(race)] = races[group]
        self.races = races
        self.known.clear()  # (a primary's rows now go to the race of every party)
        return merged

    def name(self, default: Callable[[Race], str]) -> list[str]:
        """Name every race; returns the roles that tell them apart (for the split note). A file of
        one race keeps `default`'s name for it (the election column, front matter or file name)."""
        races = list(self.races.values())
        if len(races) == 1:
            races[0].name = default(races[0])
            return []
        roles = ordered_roles({k.role for k in self.keys})
        varying = [
            r for r in roles if len({normal(r, race.values.get(r, "")) for race in races}) > 1
        ]
        # The office always names a race ("U.S. House · 5", not "5"); other keys where they vary.
        always = [r for r in ("office",) if r in roles and r not in varying]
        shown_roles = ordered_roles({*always, *(r for r in varying if r not in QUALIFIERS)})
        for qualifier in (None, *QUALIFIERS):
            if qualifier is not None and qualifier in varying:
                shown_roles = ordered_roles({*shown_roles, qualifier})
            names = [race_name(race, shown_roles) for race in races]
            if len(set(names)) == len(names):
                break
        seen: dict[str, int] = {}
        for race, name in zip(races, names, strict=True):
            seen[name] = seen.get(name, 0) + 1
            race.name = name if seen[name] == 1 else f"{name} ({seen[name]})"
        if self.by_id:
            told = ["race_id", *(r for r in varying if r in ("election", "rcv_round", "party"))]
            return ordered_roles([*told, "state"]) if self.within_state else told
        return varying


def ordered_roles(roles: Iterable[str]) -> list[str]:
    known = [r for r in ORDER if r in roles]
    return known + sorted(set(roles) - set(ORDER))


def race_name(race: Race, roles: list[str]) -> str:
    """The race's name from the shown roles' values. The party of a primary is named as its
    primary ("Democratic primary"), in the place of the stage when the stage is shown; a party
    that splits races of another stated stage (`--race-by`) is named as itself."""
    values = race.values
    stage = values.get("stage", "")
    said = "" if is_pollcli_stage(stage) else normal("stage", stage)
    party = shown("party", values.get("party", "")) if "party" in roles else ""
    if party and said in ("", "primary"):
        party += " primary"
    in_stage = bool(party) and said == "primary" and "stage" in roles
    parts = []
    for role in roles:
        if role == "party":
            parts.append("" if in_stage else party)
        elif role == "stage" and in_stage:
            parts.append(party)
        else:
            parts.append(shown(role, values.get(role, "")))
    return " · ".join(p for p in parts if p) or "(unnamed race)"


@cache
def primary_name() -> re.Pattern[str]:
    """A stage or a race's name that says it is a primary ("Republican primary", "jungle primary")."""
    return re.compile(r"\bprimary\b", re.IGNORECASE)


def is_primary(race: Race, party: PartyRule | None, options: Iterable[Option] = ()) -> bool:
    """A primary: the stage says so (MEDSL's `pri`, a "jungle primary"), the party is its key as
    a party primary's (`PartyRule`; not a --race-by party, which may split a general election) or
    its candidates' is `NP` or `NA` there (a measure's answers' none), a party committee's race in
    a top-two primary (a party's own: Washington's precinct committee officers, the party in the
    office's name, none in the party column), or its name says so. (A top-two primary: `top_two`.)"""
    said = race.values.get("stage", "")
    rule = party if party is not None and not party.every_row else None
    if primary_name().search(normal("stage", said)) or primary_name().search(race.name):
        return True
    if rule is None:
        return False  # (the options are looked at only under a party rule: 10,000 races of
        # 100 candidates and no party key spent 0.7 s of their load on them)
    if race.values.get("party", "").strip():
        return True
    if not rule.primary(said):
        return False
    office = race.values.get("office", "")
    if rule.top_two and not rule.general_offices and party_offices().search(office) is not None:
        return True  # a party committee's race in a top-two primary
    named = [o for o in options if o.kind == "candidate" and not is_answer(o.candidate)]
    parties = {option_key(o.party or "") for o in named}
    return bool(parties) and parties <= NO_PRIMARY


def top_two(race: Race | None, party: PartyRule | None, options: Iterable[Option]) -> bool:
    """A top-two primary (`PartyRule.top_two_race`) — but a ballot measure of the primary's
    ballot (every candidate an answer: Yes, No), which is no one's primary."""
    if race is None or party is None or not party.top_two_race(race.values):
        return False
    return not all(is_answer(o.candidate) for o in options if o.kind == "candidate")
