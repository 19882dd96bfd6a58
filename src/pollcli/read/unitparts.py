"""A precinct named by two columns or more together: Massachusetts' `town` and `precinct`
(precinct 1 of Belmont is not precinct 1 of Acton), `town,ward,precinct`, New York City's
`assembly_district` and `precinct` (an election district numbered within its assembly district).

Place columns of the unit's level under different words (`town`, `ward`, `precinct`: all of the
finest level, `columns.GEOGRAPHY`) that hold values name the unit together: its cell is theirs
joined, in the header's order (`Belmont · 1`), so that rows of two towns' precincts 1 are two
units, and a precinct's rows are one. Where the finest level is the only one (`town,ward,precinct`
with no county), the first is the region and the others name the unit within it. Joining never
merges two precincts: a pair names one precinct only if each of its cells does. A column empty in
every row names nothing and is left unused, with a note, as before.

New York City's `assembly_district` is no place word of its own (alone, its districts may be
races): beside a unit column it is part of the unit. `--unit COL,COL` names the columns of a
unit by hand, in the order given.

A unit of several columns is read by the exact engine (`engines.streamable`): the streaming
engine's sums are keyed by one unit column.
"""

from __future__ import annotations

import functools
import re
import shlex
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Final

from pollcli.columns import INVISIBLE, RACE_PREFIX, YIELDING_PLACES, normalize_header, place_word

# Header words that are part of a unit beside a unit column, and no place alone.
UNIT_PART_WORDS: Final[frozenset[str]] = frozenset({"assembly_district"})
SEPARATOR: Final[str] = " · "
# A part blank in a row whose other parts are not (a town of no wards): kept in its place, so that
# ward 1 of no precinct and precinct 1 of no ward stay two units.
BLANK_PART: Final[str] = "-"
# A precinct's name this short may be a number within another column's places (`1`, `12B`).
SHORT_CODE: Final[int] = 4


# Header words that may name the rows' precinct or polling station though pollcli does not read
# the column as one (Arizona's `precinct_designation`, `polling_place`, `booth_no`): the columns
# advice to name a unit with --unit suggests.
# (A district or community column a file of one race does not read as a race key: Alaska's 2016
# Democratic caucus file counts each of its rows in a `state_legislative_district`.) An area's
# word with a code's or a name's suffix, which pollcli does not read as a place (Nigeria's
# `state_code` and `lga_name`, a Local Government Area), may count the rows too; so may a
# territory's (Público's Portuguese local results: `territory_code`, `territory_name`), but not a
# column of the place's type (`territory_type`: `Concelho` on every row), which names no place.
@functools.cache
def _place_like() -> re.Pattern[str]:
    """Compiled on first use, as the patterns below: a file of one table of options needs none."""
    return re.compile(
        r"precinct|ward|station|polling|booth|uik|участ|district|community|town|municipal|borough"
        r"|state|province|county|region|lga|constituen|prefecture|canton|parish|commune|territor"
        r"|concelho|freguesia|municipio|gemeinde|comune"
        # A polling section or table: Bulgaria's CIK (`section_id`), Romania's (`secție`), Turkey's
        # ballot box (`sandık`), Spain's and Latin America's `mesa`, Mexico's `casilla`.
        r"|section|secți|secti|секци|sandık|sandik|mesa|casilla",
        re.IGNORECASE,
    )


@functools.cache
def _place_type() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"(?:^|[\s_])(?:type|kind|level|tipo)$", re.IGNORECASE)


def joined(cells: Sequence[str]) -> str | None:
    """A unit's cell from its columns' cleaned cells (parts first, the unit column last): None when
    every one is blank (a total's or a countywide row's blank precinct)."""
    if not any(cells):
        return None
    return SEPARATOR.join(cell or BLANK_PART for cell in cells)


def join_cells(
    records: Sequence[tuple[int, list[str]]], unit: int | None, parts: Sequence[int]
) -> None:
    """Each row's unit cell made the joined cell of its columns, in place, before the rows are read
    (by the whole row stage or placed as an option met before); a row too short is left to the
    row stage's missing-cell error."""
    if unit is None:
        return
    columns = (*parts, unit)
    last = max(columns)
    for _, cells in records:
        if len(cells) > last:
            cells[unit] = joined([_clean(cells[i]) for i in columns]) or ""


def _clean(text: str) -> str:
    """A cell as `cellsplit.clean_cell` cleans it (which imports this module's caller)."""
    text = text.strip()
    return text if text.isascii() else text.translate(INVISIBLE).strip()


def same_level(
    header: Sequence[str],
    indexes: Sequence[int],
    levels: dict[int, int],
    region: int | None,
    unit: int | None,
    holds_values: Callable[[int], int],
) -> tuple[int | None, tuple[int, ...], tuple[int, ...]]:
    """The unit and its other parts (in header order) among place columns of the unit's level
    (or of the region's, when that is the only level) under words apart from the chosen ones',
    that hold values: (unit, parts, columns that would be parts but hold no value); the unit as
    it was and no parts when there are none."""
    level_of = unit if unit is not None else region
    if level_of is None:
        return unit, (), ()
    chosen_words = {place_word(header[i]) for i in (region, unit) if i is not None}
    others = [
        i
        for i in indexes
        if i not in (region, unit)
        and levels[i] == levels[level_of]
        and place_word(header[i]) not in YIELDING_PLACES
        and place_word(header[i]) not in chosen_words
    ]
    empty = tuple(i for i in others if not holds_values(i))
    others = [i for i in others if i not in empty]
    # (One column per word: a word twice is a duplicate label, settled before.)
    by_word: dict[str, int] = {}
    for index in others:
        by_word.setdefault(place_word(header[index]), index)
    others = sorted(by_word.values())
    if not others:
        return unit, (), empty
    together = sorted([*others, *((unit,) if unit is not None else ())])
    return together[-1], tuple(together[:-1]), empty


def settle(
    header: Sequence[str],
    holds_values: Callable[[int], int],
    notes: list[str],
    ignored_at: list[int],
    places: tuple[int | None, int | None],
    found: tuple[tuple[int, ...], tuple[int, ...]],
    named: Sequence[int] | None,
) -> tuple[tuple[int, ...], tuple[int, ...], list[int]]:
    """The unit's parts, those that held no value, and the columns still unused among those no
    word names (`ignored_at`): the parts the words found (`found`: parts, unseen), with New York
    City's `assembly_district` beside a unit; or, where `--unit` (or `--region`) settled the unit,
    those `--unit` names (`named`), the found ones left unused with a note. No parts without a
    unit (the unseen ones still hand the streaming engine's file over)."""
    region, unit = places
    parts, unseen = found
    if named is not None:
        dropped = [repr(header[i]) for i in parts if i not in (region, unit, *named)]
        if dropped:
            notes.append(f"{', '.join(dropped)} left unused: --unit names the unit.")
        parts, unseen = tuple(named), ()
    elif unit is not None:
        extra = [i for i in ignored_at if normalize_header(header[i]) in UNIT_PART_WORDS]
        parts = tuple(sorted({*parts, *(i for i in extra if holds_values(i))}))
        unseen = (*unseen, *(i for i in extra if not holds_values(i)))
        ignored_at = [i for i in ignored_at if i not in extra]
    if unit is None:
        return (), unseen, ignored_at
    if parts:
        notes.append(note(header, parts, unit))
    return parts, unseen, ignored_at


def numbered_within(unit: str, column: str) -> str:
    """The repeat advice's word on a precinct numbered within another column (`1`, `A`, `12B`:
    a short code, no name such as `Lisbon`), where the unit is of one column."""
    if len(unit) > SHORT_CODE or SEPARATOR in unit:
        return ""
    return f", or name the column it is numbered within too (a town, ward…): --unit COL,{column}"


def note(header: Sequence[str], parts: Sequence[int], unit: int) -> str:
    """What the notes say of a unit of several columns."""
    names = " and ".join(repr(header[i]) for i in (*parts, unit))
    return (
        f"{names} name the unit together (a {header[unit]!r} may repeat under another "
        f"{header[parts[-1]]!r}): each combination is one unit, written "
        f"'{SEPARATOR.join(header[i] for i in (*parts, unit))}'."
    )


# An unused column of place codes, by its header (MEDSL's `FIPS`, `GEOID`, a `precinct_code`):
# the units two rows of one name (Virginia's Bedford county and city) may be told apart by. Not a
# row's own number (`id` alone: Missouri 2014's), a candidate's, party's or race's code, nor a year.
@functools.cache
def _place_code() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(
        r"\w*fips\w*|geoid\d*|gss( code)?|insee|ags|gkz|teryt|\w*kennziffer|.+\b(code|id)",
        re.IGNORECASE,
    )


@functools.cache
def _no_place() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"cand|part[iy]|race|office|contest|elect|year|ballot", re.I)


def code_columns(header: Sequence[str], used: Collection[int]) -> list[str]:
    """The unused columns whose headers name place codes (`_place_code`)."""
    return [
        h
        for i, h in enumerate(header)
        if i not in used
        and _place_code().fullmatch(h.strip().replace("_", " "))
        and not _no_place().search(h)
    ]


def unit_advice(header: Sequence[str], used: Collection[int]) -> str:
    """How to name the rows' unit column: --unit COL, with the unused columns whose names say a
    place (at most three) as the likely ones."""
    named = [
        repr(h)
        for i, h in enumerate(header)
        if i not in used
        and _place_like().search(h)
        and "vote" not in h.lower()
        and not _place_type().search(h.strip())
    ]
    maybe = ""
    if named:
        shown = named[:3]
        listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
        maybe = f"here perhaps {listed}; "
    return f"name its column with --unit COL ({maybe}two columns together: --unit COL,COL)"


# An unused column numbering the counts of a transferable vote (`Count_Number`, `Count`, `Stage No`).
@functools.cache
def _count() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(r"(count|stage)(\s*(number|no\.?|nr|num|#))?", re.IGNORECASE)


def rows_advice(
    header: Sequence[str],
    used: Collection[int],
    parties: bool = False,
    roles: Mapping[int, str] | None = None,
) -> str:
    """How to read rows that list an option several times in one place of no unit column: the
    counts of a transferable vote where an unused column numbers them (an STV count sheet lists
    every candidate again at each count, the first preferences on each row: `--unit` on that
    column added the counts up), or precincts (`unit_advice`). Where the options are parties
    (`parties`: no candidate column), each place may as well elect its own: Público's Portuguese
    local results list each municipality's council race, party by party, under `territory_code`,
    and the advice said only `--unit`, which, followed, added 308 councils up into one race
    ("PS leads with 29.41 %"); it names `--race-by` too. Where a column of place names tells
    the races apart (`roles`: `--race-by territory_name`) beside an unused column of place codes,
    two places may share a name: Lagoa (Azores) and Lagoa (Algarve) were one race, refused with
    "'PS' is listed again" and told to pass `--unit territory_code`, which would add the two
    councils up; it names the code column to tell the races apart by first."""
    for i, h in enumerate(header):
        if i not in used and _count().fullmatch(h.strip().replace("_", " ")):
            return (
                f"if the rows are the counts of a transferable vote ({h!r} numbers them), the "
                f"first preferences are the first count's: --where {shlex.quote(h.strip() + '=1')}"
            )
    if parties and (shared := _shared_name(header, used, roles or {})):
        # (Its codes name the races' places, no precinct: `--unit` on them would add two up.)
        codes = {i for i, h in enumerate(header) if h in code_columns(header, used)}
        return (
            shared
            + "if each row counts a precinct or polling station, "
            + unit_advice(header, {*used, *codes})
        )
    advice = "if each row counts a precinct or polling station, " + unit_advice(header, used)
    if not parties:
        advice += _places_named(header, used, roles or {})
    elif named := _candidates_unread(header, used, roles or {}):
        advice += named  # (the races told apart already: no --race-by again)
    elif parties:
        advice += (
            "; if each place elects its own (a council per municipality, a list per "
            "constituency), name that column with --race-by COL instead"
        )
    return advice


def _places_named(header: Sequence[str], used: Collection[int], roles: Mapping[int, str]) -> str:
    """The advice where the candidate column may name places: a name over three rows or more of
    one place (Italy's 2018 results, `name,descr_lista,perc`: `name` the constituency,
    `descr_lista` the list) is no candidate's; the unused columns may name the options."""
    named = next((header[i] for i, role in roles.items() if role == "candidate"), None)
    unused = [repr(h.strip()) for i, h in enumerate(header) if i not in used and h.strip()]
    if named is None or not unused:
        return ""
    return (
        f"; or, if {named!r} names places (races or regions) rather than the options, rename its "
        "header (constituency, region…) and give the options' column the header candidate or "
        f"party (not used: {', '.join(unused[:6])}{', …' if len(unused) > 6 else ''})"
    )


def _candidates_unread(
    header: Sequence[str], used: Collection[int], roles: Mapping[int, str]
) -> str:
    """The advice where the options are parties (no candidate column) in races a column already
    tells apart (`--race-by`): a party listed twice in one race may be two of its candidates, in a
    column pollcli does not read as theirs. Poland's elected members (`okreg;nrlisty;numer;komitet;
    kto;glosy`: `kto`, "who") were told to pass --race-by okreg before and after it was passed."""
    if not any(role.startswith(RACE_PREFIX) for role in roles.values()):
        return ""
    # (The party column is the options', read as a candidate column is.)
    party = next((header[i] for i, role in roles.items() if role == "candidate"), None)
    unused = [repr(h.strip()) for i, h in enumerate(header) if i not in used and h.strip()]
    if party is None or not unused:
        return ""
    return (
        f"; no column is read as the candidates: the options are read from {party!r}, the "
        f"parties; if one of the columns not used ({', '.join(unused[:6])}"
        f"{', …' if len(unused) > 6 else ''}) names the candidates, rename its header candidate"
    )


def _shared_name(header: Sequence[str], used: Collection[int], roles: Mapping[int, str]) -> str:
    """The advice where a column of names keys the races beside an unused column of place codes:
    two places may share a name, and the codes tell them apart (`rows_advice`)."""
    names = [header[i] for i, role in roles.items() if role.startswith(RACE_PREFIX)]
    codes = code_columns(header, used)
    if len(names) != 1 or not codes or _place_code().fullmatch(names[0].strip().replace("_", " ")):
        return ""
    return (
        f"if two places share a name (the races are told apart by {names[0]!r}), read the "
        f"races by the column of codes that tells them apart: --race-by {codes[0]} (or "
        f"--race-by {codes[0]},{names[0]}, to show the names too); "
    )


def count_stages(
    header: Sequence[str],
    line: int,
    columns: Mapping[int, str],
    head: Sequence[tuple[int, Sequence[str]]],
) -> tuple[int, str] | None:
    """An STV count sheet read as one race (the line, what to do), where an unused column numbers
    the counts (`_count`) and a name in the first rows (`head`) comes again under another count:
    Edinburgh 2012's Forth ward (`Count_Number` 1 to 7, the `Total_Votes` of later counts with
    fractions of transferred votes) was refused over "votes '1407.36294': not a whole number"
    and "'Cammy DAY' is listed again", row by row, before the way to read it."""
    order = ("candidate", "given_name", "family_name")  # (shown given name first)
    names = sorted(
        (i for i, c in columns.items() if c in order), key=lambda i: order.index(columns[i])
    )
    for at, label in enumerate(header):
        if at in columns or not names or not _count().fullmatch(label.strip().replace("_", " ")):
            continue
        seen: dict[tuple[str, ...], str] = {}
        for number, cells in head:
            count = cells[at].strip() if at < len(cells) else ""
            key = tuple(cells[i].strip() for i in names if i < len(cells))
            if not count.isdigit() or not any(key):
                continue
            if seen.setdefault(key, count) != count:
                first = min(seen.values(), key=int)
                shown = " ".join(k for k in key if k)
                where = shlex.quote(f"{label.strip()}={first}")
                return number, (
                    f"{label!r} numbers the counts of a transferable vote: each count lists "
                    f"every candidate again ({shown!r} at count {seen[key]} and {count}), later "
                    "counts with the votes transferred (and their fractions); read the first "
                    f"preferences, the first count's: --where {where} (another count: "
                    f"--where {label.strip()}=N)"
                )
    return None
