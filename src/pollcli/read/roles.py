"""Column roles the header's words alone do not settle: vote-mode columns, the state of a file of
districts, and the columns the user names (`--race-by`, `--where`, `--votes`).

`header.map_header` maps each header cell by its words (`pollcli.columns`); this stage decides first
what it must not guess:

- **Vote-mode columns.** `election_day_votes`, `advanced_votes`, `absentee_by_mail_votes`,
  `provisional_votes`, `absentee`, `early_voting`, `eslate`… are parts of one count: summed into the
  votes when there is no votes column, checked against it when there is (`records.CellReader`).
  `--votes COL` reads one column instead and leaves the others unused.
- **The state of a file of districts.** District 1 of Alabama is not district 1 of Alaska: beside a
  district, constituency, seat or race column, a `state` (or province) column is part of the race.
  Without one, it is left to the header's words (geography).
- **`--race-by COL,…`** sets the race keys: each named column is one, the key columns it leaves out
  are not used (a district or constituency column becomes the region when there is none).
- **`--where COL=VALUE`** keeps the rows whose column holds the value; a column pollcli does not
  otherwise use is read for that only.
- **`--region COL` / `--unit COL`** name the area and the precinct or polling station a row
  counts, whatever the columns' words say (`header.map_header` puts them over the places its words
  give); a column whose words mean the same as a named one's is left unused.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from pollcli.columns import (
    RACE_PREFIX,
    REGIONAL_FACTS,
    WHERE_PREFIX,
    canonical_column,
    normalize_header,
)
from pollcli.contract import FACT_NAMES
from pollcli.errors import NoSuchColumn, UsageError
from pollcli.read.header import (
    NAMED_REGION,
    NAMED_UNIT,
    NAMED_UNIT_PART,
    SAME_PLACE,
    VOTE_PART,
    ColumnMap,
)
from pollcli.read.options import ReadOptions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pollcli.read.racekeys import PartyRule

# A file of party primaries' party cells for `race_labels`: the rule, the party and stage cells.
PartyCells = tuple["PartyRule", list[bytes], list[bytes] | None, list[bytes] | None]

# Ways of voting, as vote-mode columns name them (US counties, OpenElections, India's EVM/postal).
MODE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "election_day",
        "absentee",
        "absentee_mail",
        "absentee_by_mail",
        "absentee_eslate",
        "absentee_escan",
        "in_person_absentee",
        "early",
        "early_voting",
        "early_vote",
        "one_stop",
        "advance",
        "advanced",
        "advance_voting",
        "provisional",
        "failsafe",
        "failsafe_provisional",
        "mail",
        "mail_in",
        "by_mail",
        "vote_by_mail",
        "in_person",
        "eslate",
        "escan",
        "postal",
        "evm",
    }
)
_VOTES_WORD = re.compile(r"^(?:(.+)_votes?|votes?_(.+))$")
# A header's words that name a way of voting however they are put together (Georgia's
# `advance_in_person`, `absentee_in_person`; Oklahoma's `elec_day_votes`), and the words around
# them; pairs that name one only together (`in_person`, `election_day`).
_MODE_PARTS: Final[frozenset[str]] = frozenset(
    {
        "advance",
        "advanced",
        "early",
        "absentee",
        "mail",
        "mailed",
        "provisional",
        "failsafe",
        "postal",
        "evm",
        "eslate",
        "escan",
        "eday",
        "uocava",
    }
)
_MODE_PAIRS: Final[frozenset[tuple[str, str]]] = frozenset(
    {("in", "person"), ("election", "day"), ("elec", "day"), ("one", "stop")}
)
_MODE_FILLER: Final[frozenset[str]] = frozenset(
    {"in", "by", "person", "election", "elec", "day", "one", "stop", "vote", "votes", "voting"}
    | {"voted", "ballot", "ballots"}
    | {"north", "south", "east", "west", "central"}  # a site's (Arkansas: `early_vote_south`)
)
# Connecticut's mode columns (OpenElections' 2014 town files: `poll`, `abs`, `edr` for election-day
# registration, `prov`, `unknown`; `machine` in Middletown's; Florida's 2020 precincts' `other`):
# ways of voting only together, two at least, one of them a telling word or another mode column (a
# `poll` alone may be a poll's).
_TOGETHER_MODES: Final[frozenset[str]] = frozenset(
    {"poll", "polls", "abs", "edr", "prov", "unknown", "unkown", "machine", "other"}
    | {"regular", "regular_votes"}  # Kansas' `regular_votes` beside `provisional` (Kiowa 2017)
    | {"polling"}  # Iowa's 2018 primaries: `absentee`, `polling`
)
_TELLING_MODES: Final[frozenset[str]] = frozenset({"poll", "polls", "abs", "edr"})
# An election's date, or beside other vote-mode columns the election day's votes.
_DAY: Final[str] = "election_date"
# A state (or province) column: part of the race beside districts, geography otherwise.
STATE_WORDS: Final[tuple[str, ...]] = (
    "state",
    "state_name",
    "province",
    "land",
    "bundesland",
    "state_abbrev",
    "state_po",
    "stateab",  # the AEC's
)
# Race roles that make a state column part of the race (districts are numbered within a state;
# the AEC's Senate groups, `Ticket`, are lettered within a state: `read.tickets`).
_NUMBERED_WITHIN: Final[frozenset[str]] = frozenset(
    f"{RACE_PREFIX}{role}" for role in ("district", "constituency", "seat", "race", "race_id")
) | {"ticket"}
# Race keys that fall back to geography when --race-by leaves them out.
_GEOGRAPHY_ROLES: Final[frozenset[str]] = frozenset(
    {f"{RACE_PREFIX}district", f"{RACE_PREFIX}constituency"}
)


def is_vote_part(header: str) -> bool:
    """`election_day_votes`, `advanced_votes`, `absentee`, `early_voting1`, `advance_in_person_1`,
    `elec_day_votes`: a part of the votes."""
    key = re.sub(r"\d+$", "", normalize_header(header)).strip("_")
    if key in MODE_WORDS:
        return True
    match = _VOTES_WORD.match(key)
    if match is not None and (match.group(1) or match.group(2) or "") in MODE_WORDS:
        return True
    # Word by word: every word a mode's or one around it, and a mode named.
    words = [w for w in key.split("_") if w]
    return all(w in _MODE_PARTS or w in _MODE_FILLER for w in words) and (
        any(w in _MODE_PARTS for w in words) or any(p in _MODE_PAIRS for p in pairwise(words))
    )


def together_modes(header: list[str]) -> list[int]:
    """The columns of Connecticut's mode words (`poll`, `abs`, `edr`…) that are ways of voting
    here: two or more of them (or one beside another vote-mode column), one a telling word."""
    keys = {i: normalize_header(cell) for i, cell in enumerate(header) if cell}
    found = [i for i, key in keys.items() if key in _TOGETHER_MODES]
    others = [i for i, cell in enumerate(header) if cell and is_vote_part(cell)]
    telling = others or {keys[i] for i in found} & _TELLING_MODES
    return found if telling and len(found) + len(others) >= 2 else []


def ordinary_special(header: list[str]) -> list[int]:
    """New Zealand's `ordinary` and `special` columns (votes cast on the day in the voter's own
    electorate, and the special votes: the overseas, the enrolled elsewhere, the late-enrolled):
    ways of voting when both are there. A `special` column alone is MEDSL's TRUE/FALSE race key
    (a special election); one of counts beside `ordinary` is no such flag (a count of 1 is no yes)."""
    keys = {normalize_header(cell).removesuffix("_votes"): i for i, cell in enumerate(header)}
    if "ordinary" in keys and "special" in keys:
        return [keys["ordinary"], keys["special"]]
    return []


def _senate_ticket(header: list[str]) -> int | None:
    """The AEC's Senate `Ticket` column, beside its `CandidateDetails` (`read.tickets`); a `Ticket`
    elsewhere is left to its words."""
    keys = {normalize_header(cell): i for i, cell in enumerate(header)}
    return keys.get("ticket") if "candidatedetails" in keys else None


def find_column(header: list[str], name: str, flag: str) -> int:
    """The index of a column named as written (case and spacing aside); a usage error otherwise."""
    wanted = normalize_header(name)
    for index, cell in enumerate(header):
        if normalize_header(cell) == wanted:
            return index
    shown = ", ".join(repr(h) for h in header if h)
    raise NoSuchColumn(f"{flag} {name!r}: the file has no such column; its columns are {shown}")


def column_roles(header: list[str], options: ReadOptions) -> dict[int, str | None]:
    """The role of each column whose role is not its header's words' (see the module's docstring):
    a canonical column name, `header.VOTE_PART`, or None for a column left unused on purpose."""
    words = {index: canonical_column(cell) for index, cell in enumerate(header) if cell}
    roles: dict[int, str | None] = {}
    if (ticket := _senate_ticket(header)) is not None:
        words[ticket] = roles[ticket] = "ticket"
    parts = [i for i, cell in enumerate(header) if cell and words[i] is None and is_vote_part(cell)]
    parts += [i for i in together_modes(header) if words[i] is None]
    if parts:
        # OpenElections' Iowa files: `absentee,election_date,votes`, the election day's votes.
        parts += [
            i for i, w in words.items() if w == "date" and normalize_header(header[i]) == _DAY
        ]
    parts += [i for i in ordinary_special(header) if i not in parts]
    if options.votes is not None:
        chosen = find_column(header, options.votes, "--votes")
        for index in [*parts, *(i for i, c in words.items() if c == "votes")]:
            roles[index] = None
        roles[chosen] = "votes"
    else:
        for index in parts:
            roles[index] = VOTE_PART
        if parts and not {"votes", "total_votes"} & set(words.values()):
            # A `total` beside them (West Hartford's `total,polls,abs`): each option's total, as a
            # `total_votes` column with no votes column is; the modes are checked against it.
            for index in (i for i, c in words.items() if c is None and i not in parts):
                if normalize_header(header[index]) in ("total", "totals", "all"):
                    roles[index] = "total_votes"
    if options.race_by is not None:
        _race_by(header, words, options.race_by, roles)
    elif _NUMBERED_WITHIN & set(words.values()):
        state = next(
            (
                i
                for word in STATE_WORDS
                for i, cell in enumerate(header)
                if normalize_header(cell) == word
            ),
            None,
        )
        if state is not None:
            roles[state] = f"{RACE_PREFIX}state"
    _named_places(header, words, options, roles)
    for column, _ in options.where:
        index = find_column(header, column, "--where")
        current = roles[index] if index in roles else words.get(index)
        if current is None or current == VOTE_PART:
            roles[index] = WHERE_PREFIX + normalize_header(header[index])
    return roles


def _named_places(
    header: list[str],
    words: dict[int, str | None],
    options: ReadOptions,
    roles: dict[int, str | None],
) -> None:
    """`--region COL` and `--unit COL`: the named columns are the region and the unit, whatever
    their words say (`division_alias`, or a `district` that is an area, not a race); a column
    whose words mean the same as a named one's (`district_number` beside `district_name`) says
    the same thing again and is left unused."""
    named: list[tuple[str, str, str]] = []
    if options.region is not None:
        named.append(("--region", options.region, NAMED_REGION))
    if options.unit is not None:
        # `--unit town,precinct`: the columns that name the unit together (`read.unitparts`), the
        # last the unit column; a header that holds a comma is one column.
        names = unit_names(header, options.unit)
        named += [("--unit", name, NAMED_UNIT_PART) for name in names[:-1]]
        named.append(("--unit", names[-1], NAMED_UNIT))
    for flag, name, role in named:
        index = find_column(header, name, flag)
        if index in roles and roles[index] in (NAMED_REGION, NAMED_UNIT, NAMED_UNIT_PART):
            raise UsageError(
                f"{flag} {header[index]!r}: that column is named twice (--region, --unit); "
                "name each column once"
            )
        word = words.get(index)
        # A fact's words over places (New Zealand's `electorate`, a constituency's name, not the
        # voters on its roll) are the user's to name as the area; an option's columns never are.
        if word in ("candidate", "party", "votes", "share"):
            raise UsageError(
                f"{flag} {header[index]!r}: that is the {word} column; name the column of the "
                f"{'area' if role == NAMED_REGION else 'precinct or polling station'} each row "
                "counts"
            )
        if options.race_by is not None and (roles.get(index) or "").startswith(RACE_PREFIX):
            raise UsageError(
                f"{flag} {header[index]!r}: --race-by names it too; a column tells races apart "
                "or places within a race, not both"
            )
        roles[index] = role
        if word is not None and word != "region":
            for other, same in words.items():
                if same == word and other != index and other not in roles:
                    roles[other] = SAME_PLACE


def unit_names(header: list[str], unit: str) -> list[str]:
    """The columns `--unit` names: one, or several apart by commas (`town,precinct`)."""
    whole = normalize_header(unit)
    if "," not in unit or any(normalize_header(cell) == whole for cell in header):
        return [unit]
    names = [name for name in unit.split(",") if name.strip()]
    return names or [unit]


# Facts of a race that --race-by may name: each race's own, kept as its fact too. (Not counts of
# the voters, which are a place's, nor the office and stage, which are keys of their own.)
RACE_FACT_KEYS: Final[frozenset[str]] = (
    FACT_NAMES - REGIONAL_FACTS - {"office", "stage", "election"}
)


def _race_by(
    header: list[str],
    words: dict[int, str | None],
    race_by: tuple[str, ...],
    roles: dict[int, str | None],
) -> None:
    """`--race-by`: the named columns are the race keys, the other key columns are not."""
    named = {find_column(header, name, "--race-by") for name in race_by if name.strip()}
    for index in named:
        word = words.get(index)
        if word in ("candidate", "votes", "share"):
            raise UsageError(
                f"--race-by {header[index]!r}: the {word} column cannot tell races apart; "
                "name the columns that do (office, district…)"
            )
        if word in ("party", "election", "office", "stage") or (word or "").startswith(RACE_PREFIX):
            roles[index] = word
        elif word in RACE_FACT_KEYS:
            # A fact of the race (its seats, its date): a key that is still read as the fact
            # (`races.assemble`), so races told apart by their seats still fill them.
            roles[index] = RACE_PREFIX + word
        else:
            roles[index] = RACE_PREFIX + normalize_header(header[index])
    region_taken = "region" in words.values() and not any(words.get(i) == "region" for i in named)
    for index, word in words.items():
        if index in named or word is None or roles.get(index) == VOTE_PART:
            continue  # (a way of voting by its place beside others: `special` beside `ordinary`)
        if word in ("office", "stage") or word.startswith(RACE_PREFIX):
            if word in _GEOGRAPHY_ROLES and not region_taken:
                roles[index] = "region"
                region_taken = True
            else:
                roles[index] = None


def wide_roles(header: list[str], ids: list[int], options: ReadOptions) -> dict[int, str]:
    """`--race-by` and `--where` on a wide table (one column per option): the roles of the columns
    that name its rows, by index. A race-by column makes each of its values a race (the UK's
    `constituency_name`: a race per constituency); a --where column is read to keep rows. A column
    the file lacks is a usage error, as in a long file, and so is one that holds figures (an
    option's votes, a protocol line): it names no row."""
    roles: dict[int, str] = {}
    for flag, name in (("--region", options.region), ("--unit", options.unit)):
        if name is not None:
            # Not ignored without a word: the wide reshaping tells places by their words.
            raise UsageError(
                f"{flag} {name!r}: this is a table of one column per option, whose region and "
                "unit are told among the columns that name its rows by their words; name those "
                "columns with --id-columns COL,… (--region and --unit are for a table of one row "
                "per option)"
            )

    def naming(name: str, flag: str) -> int:
        index = find_column(header, name, flag)
        if index not in ids:
            named = ", ".join(repr(header[i]) for i in ids) or "none"
            raise UsageError(
                f"{flag} {header[index]!r}: in this table of one column per option, that column "
                f"holds figures, not the rows' names; name a column that names the rows ({named})"
            )
        return index

    for name in options.race_by or ():
        if name.strip():
            index = naming(name, "--race-by")
            word = canonical_column(header[index]) or ""
            keeps = word in ("election", "office", "stage") or word.startswith(RACE_PREFIX)
            if word in RACE_FACT_KEYS:  # a race's fact, still read as it (`_race_by`)
                roles[index] = RACE_PREFIX + word
            else:
                roles[index] = word if keeps else RACE_PREFIX + normalize_header(header[index])
    for column, _ in options.where:
        index = naming(column, "--where")
        roles.setdefault(index, WHERE_PREFIX + normalize_header(header[index]))
    return roles


# Columns that tell rows apart beside the region and unit: a race's keys, a vote mode, an id.
_RACE_CELLS: Final[tuple[str, ...]] = ("office", "stage", "mode", "candidate_id")


def race_cells(columns: ColumnMap) -> list[tuple[int, str]]:
    """The columns besides `election` whose cells may tell races apart (race keys, office, stage,
    --where columns), as (index, canonical): an election's options are counted race by race."""
    return [
        (i, c)
        for i, c in sorted(columns.columns.items())
        if c.startswith((RACE_PREFIX, WHERE_PREFIX)) or c in ("office", "stage")
    ]


def race_labels(
    elections: list[str], cells: list[list[bytes]], party: PartyCells | None = None
) -> list[tuple[str, ...]]:
    """Each row's race as the streaming engine counts options by: its election, the cells of
    `race_cells` (as written, stripped) and, in a file of party primaries, the party as the race
    key of the row (`party`: the rule, the party cells, the stage and office cells, if any). A primary of
    every party (`racekeys.RaceBook.open_primaries`, known once every row is read) is counted
    party by party here, never past its race's options; the assembly counts it as one race."""
    labels = [
        (election, *(column[n].decode("utf-8", "replace").strip() for column in cells))
        for n, election in enumerate(elections)
    ]
    if party is None:
        return labels
    rule, parties, stages, offices = party
    blank = [b""] * len(labels)

    def text(cell: bytes) -> str:
        return cell.decode("utf-8", "replace")

    return [
        (*label, rule.label(text(p), text(s), text(o)))
        for label, p, s, o in zip(labels, parties, stages or blank, offices or blank, strict=True)
    ]


def race_keyed(columns: ColumnMap) -> bool:
    """Whether rows of one precinct may belong to different races (or modes)."""
    return any(
        c.startswith((RACE_PREFIX, WHERE_PREFIX)) or c in _RACE_CELLS
        for c in columns.columns.values()
    )


def name_indexes(columns: ColumnMap) -> tuple[int, ...]:
    """The column of an option's name, or its given and family name columns (a name in two
    columns, joined by a space as `records.CellReader.split` joins them); () for neither."""
    index = columns.index("candidate")
    if index is not None:
        return (index,)
    given, family = columns.index("given_name"), columns.index("family_name")
    return (given, family) if given is not None and family is not None else ()


def joined_names(cells: Sequence[list[bytes]]) -> list[bytes]:
    """Each row's (or key's) name from the cells of `name_indexes`' columns, as bytes: a name in
    two columns joined by a space (blank parts and spacing are `option_key`'s to ignore)."""
    if len(cells) == 1:
        return cells[0]
    return [b" ".join(pair) for pair in zip(*cells, strict=True)]


def unit_identity(columns: ColumnMap) -> tuple[int, ...]:
    """The columns that identify where an option's row is — election, race keys, mode, region and
    unit: two rows of one option with all of them equal repeat each other."""
    return tuple(
        i
        for i, c in sorted(columns.columns.items())
        if c in ("election", *_RACE_CELLS, "region", "unit")
        or c.startswith((RACE_PREFIX, WHERE_PREFIX))
    )


def race_role(role: str) -> bool:
    """Whether a column's role keys races (`--race-by`'s, an election or office column)."""
    return role.startswith(RACE_PREFIX) or role in ("election", "office")


def wide_years(
    header: list[str], ids: list[int], roles: dict[int, str], rows: list[tuple[int, list[str]]]
) -> dict[int, str]:
    """`roles` with a year column that names a wide table's rows as a race key, where it holds two
    years or more and neither --race-by nor --where names it: a row per state and year
    (`year,state,D,R`) is of several elections, whose votes were added up as one race's (every
    year's together), and `--race-by state` added each state's years up."""
    for i in ids:
        if i in roles or canonical_column(header[i]) != RACE_PREFIX + "year":
            continue
        if len({cells[i].strip() for _, cells in rows if i < len(cells)} - {""}) >= 2:
            return {**roles, i: RACE_PREFIX + "year"}
    return roles
