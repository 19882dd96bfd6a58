"""The header row → the column contract: which column is the candidate, the votes, the region…

Headers are matched by their words (`pollcli.columns`: aliases in the languages results are published
in, either half of a bilingual header, `county_name`-like affixes), case and spacing aside. Columns
pollcli does not use are named in a note, never dropped silently; a missing required column is a
problem with a suggestion when a header is a near-certain misspelling of it.

Geography columns are ranked (`columns.GEOGRAPHY`): the finest is the unit, the next coarser the
region. Two columns that mean the same thing are an error, unless one of them is empty in every row
(FiveThirtyEight's empty `party` beside `ballot_party`): the empty one is left unused, with a note;
or FiveThirtyEight's race's `party` beside `ballot_party`, where a race id is given (`columnpairs`).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import field
from typing import Final

from pollcli.columns import (
    PARTY_CODES,
    ROW_ALIASES,
    YIELDING_PLACES,
    canonical_column,
    normalize_header,
    party_code,
    place_level,
    place_word,
)
from pollcli.dataclass import dataclass
from pollcli.problems import Code, Found
from pollcli.read import race_hint
from pollcli.read.columnpairs import duplicate_advice, joined_names, party_options, race_party
from pollcli.read.othervotes import no_votes_advice, votes_of
from pollcli.read.preamble import HEAD_LINES, stacked_contests
from pollcli.read.rowindex import index_note, row_index
from pollcli.read.undercols import read_aside
from pollcli.read.unitparts import count_stages, same_level, settle

# Columns whose cells make the candidate's name (`CellReader.split` joins them).
NAME_PARTS: tuple[str, ...] = ("given_name", "family_name", "alt_name")


# Not frozen: it holds lists or dicts, so it is never hashed, and freezing costs start-up.
@dataclass
class ColumnMap:
    """Which canonical column each header cell is (by index), and the header as written."""

    header: list[str]
    line: int
    columns: dict[int, str]
    notes: list[str] = field(default_factory=list)
    # Vote-mode columns (`election_day_votes`, `absentee`…): summed into the votes when there is no
    # votes column, checked against it otherwise (`records.CellReader`).
    vote_parts: tuple[int, ...] = ()
    # A district column read as geography (`geography.sub_units`): its cells moved to the rows'
    # region or unit, by the canonical name they had; --where on it reads them there.
    moved: dict[str, str] = field(default_factory=dict)
    # By line, rows `UNIT_END` cannot read off the unit's name: of no unit (the district's cell),
    # or whose own name holds ' · ' with nothing added ('').
    unit_ends: dict[int, str] = field(default_factory=dict)
    region_paths: dict[str, str] = field(default_factory=dict)  # whole → cell (`region_paths`)
    # Columns naming the unit with the unit column (`read.unitparts`: a town beside its precinct),
    # and those that would but held no value where mapped (the streaming engine then hands over).
    unit_parts: tuple[int, ...] = ()
    unit_parts_unseen: tuple[int, ...] = ()
    # Races whose `elected` marks are not their top N by votes, each with its note (`read.elected`).
    elected_apart: dict[str, str] = field(default_factory=dict)
    # Each race's seats won by option (name key, party), as the file gives them (`read.unfit`).
    seats_won: dict[str, dict[tuple[str, str | None], int]] = field(default_factory=dict)
    # The columns read as nothing (a race under one is looked for in the rows: `read.race_hint`).
    unread: tuple[int, ...] = ()
    row_index: int | None = None  # a first column of no header numbering the rows (`rowindex`)

    def index(self, column: str) -> int | None:
        return next((i for i, c in self.columns.items() if c == column), None)

    def header_of(self, column: str) -> str | None:
        """The header cell as written for a canonical column (for a problem's `column`)."""
        index = self.index(column)
        if index is None and column == "candidate":
            index = next((i for i, c in self.columns.items() if c in NAME_PARTS), None)
        return None if index is None else self.header[index]

    @property
    def present(self) -> set[str]:
        return set(self.columns.values())

    @property
    def parties_are_options(self) -> bool:
        """No candidate column: the party column names the options (`map_header`), or a party
        code column taken for it (`columns.party_code`: Nigeria's `party_code`, the AEC's `PartyAb`)."""
        index = self.index("candidate")
        label = "" if index is None else self.header[index]
        return canonical_column(label) == "party" or normalize_header(label) in PARTY_CODES

    @property
    def blank(self) -> list[int]:
        """Indexes of columns with no header (their cells must be empty)."""
        return [i for i, label in enumerate(self.header) if not label and i != self.row_index]

    def unuse(self, column: str, note: str) -> None:
        """Leave a column unused from now on, saying why (a fact column that holds no such fact)."""
        for index in [i for i, c in self.columns.items() if c == column]:
            del self.columns[index]
        self.notes.append(note)


def _named_places(
    mapping: _Mapping, named: dict[str, int], region: int | None, unit: int | None
) -> tuple[int | None, int | None]:
    """The region and unit with `--region` / `--unit` (`named`) over those the geography words
    gave: a named one wins; a column the words gave is kept where the flags leave its place
    open (the finer one as the unit under a named region, the coarser as the region over a named
    unit), and left unused, with a note, where not."""
    given = [i for i in (region, unit) if i is not None]
    chosen_region = named.get(NAMED_REGION, region)
    chosen_unit = named.get(NAMED_UNIT)
    if chosen_unit is None and NAMED_REGION in named:
        chosen_unit = given[-1] if given else None
    kept = {chosen_region, chosen_unit}
    unused = [mapping.named(i) for i in given if i not in kept]
    if unused:
        mapping.notes.append(
            f"{', '.join(unused)} left unused: "
            + " and ".join(
                f"{mapping.named(i)} is the {place}"
                for place, i in (("region", chosen_region), ("unit", chosen_unit))
                if i is not None
            )
            + " (--region, --unit)."
        )
    return chosen_region, chosen_unit


@dataclass
class _Mapping:
    """The header being mapped: canonical → indexes (in header order), and what was set aside."""

    header: list[str]
    line: int
    found: Found
    holds_values: Callable[[int], int]  # (`map_header`'s)
    by_column: dict[str, list[int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unit_parts: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())  # by `places`: found, unseen

    def named(self, index: int) -> str:
        return repr(self.header[index])

    def keep_one(self, column: str) -> int | None:
        """The one column meaning `column`: the first, or the only one holding values; the others
        are a `duplicate-label` error (or left unused when they are empty)."""
        indexes = self.by_column.get(column, [])
        if len(indexes) <= 1:
            return indexes[0] if indexes else None
        pair = race_party(self.header, self.by_column, self.notes) if column == "party" else None
        if pair is not None:
            return pair
        filled = [i for i in indexes if self.holds_values(i)]
        if len(filled) == 1:
            empty = [self.named(i) for i in indexes if i != filled[0]]
            self.notes.append(
                f"{', '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty in every row and "
                f"left unused: {self.named(filled[0])} is the {column} column."
            )
            self.by_column[column] = filled
            return filled[0]
        for label, said in duplicate_advice(self.header, indexes, column):
            self.found.add(Code.DUPLICATE_LABEL, self.line, said, column=label)
        self.by_column[column] = indexes[:1]
        return indexes[0]

    def places(self) -> tuple[int | None, int | None]:
        """The region and unit columns among the geography ones (see the module's docstring)."""
        indexes = self.by_column.pop("region", [])
        if not indexes:
            return None, None
        words = {i: place_word(self.header[i]) for i in indexes}
        named = [i for i in indexes if words[i] == "region"]
        if len(named) > 1 or (len(indexes) > 1 and len(set(words.values())) == 1 and not named):
            # The same word twice: one column named twice, whatever its level.
            self.by_column["region"] = indexes
            return self.keep_one("region"), None
        levels = {i: place_level(self.header[i]) for i in indexes}
        region: int | None
        unit: int | None
        if named:
            region = named[0]
            others = [i for i in indexes if i != region]
            unit = max(others, key=lambda i: (levels[i], -i)) if others else None
        else:
            region, unit = self._ranked(indexes, levels)
        unit, *found = same_level(self.header, indexes, levels, region, unit, self.holds_values)
        self.unit_parts = (found[0], found[1])
        unused = [i for i in indexes if i not in (region, unit, *found[0])]
        if unused and region is not None:
            within = f" and {self.named(unit)} the unit within it" if unit is not None else ""
            self.notes.append(
                f"{', '.join(map(self.named, unused))} left unused: {self.named(region)} is the "
                f"region{within}."
            )
        return region, unit

    def _ranked(self, indexes: list[int], levels: dict[int, int]) -> tuple[int | None, int | None]:
        # A yielding word (`district`) gives way to another column of its level.
        kept = [
            i
            for i in indexes
            if place_word(self.header[i]) not in YIELDING_PLACES
            or not any(levels[j] == levels[i] and j != i for j in indexes)
        ]
        by_level: dict[int, list[int]] = {}
        for index in kept:
            by_level.setdefault(levels[index], []).append(index)
        for level, same in by_level.items():
            words = [place_word(self.header[i]) for i in same]
            if len(set(words)) < len(words):
                # One place named twice (`county`, `County`): which one is meant?
                self.by_column["region"] = same
                first = self.keep_one("region")
                by_level[level] = [same[0] if first is None else first]
            # Places of one level under different words (`constituency_name`, `county_name`):
            # the first is used, the others are left unused with the note below.
            by_level[level] = by_level[level][:1]
        ranked = sorted(by_level)
        if len(ranked) == 1:
            return by_level[ranked[0]][0], None
        return by_level[ranked[-2]][0], by_level[ranked[-1]][0]


# The role `roles` gives a vote-mode column (`pollcli.read.roles`).
VOTE_PART = "vote_part"
# The roles of the columns `--region` and `--unit` name: whatever the geography words say.
NAMED_REGION = "named_region"
NAMED_UNIT = "named_unit"
# The columns before the last that `--unit COL,COL` names: parts of the unit (`read.unitparts`).
NAMED_UNIT_PART = "named_unit_part"
# A column that means what a column --region or --unit names means (`district_number` beside a
# named `district_name`): left unused, with a note.
SAME_PLACE = "same_place"


def map_header(
    header: list[str],
    line: int,
    found: Found,
    holds_values: Callable[[int], int],
    ignore: Collection[str] = (),
    roles: Mapping[int, str | None] | None = None,
    hint: Callable[[], str | None] | None = None,
    head: Sequence[tuple[int, list[str]]] = (),
) -> ColumnMap | None:
    """The column map of a header row, or None (with problems) when required columns are missing.

    `holds_values(index)` is the line of a column's first value (0: none): an empty column under an
    empty header (a trailing delimiter) loses nothing, a filled one is a `blank-label` error there. `ignore` names
    columns to leave unused (`--ignore-column`). `roles` settles columns the header's words alone do
    not (race keys, vote modes, `--votes`: `read.roles`); a role of None leaves the column unused,
    without a warning (it was named on purpose); `hint()` says where the header seems to be instead
    (`preamble.hint`), for the missing-column errors. `head`: the first records at hand (line,
    cells), of which the first `preamble.HEAD_LINES` (both engines') are read for `unread_modes`.
    """
    roles = roles or {}
    named_places: dict[str, int] = {}
    named_parts: list[int] = []
    told_place: list[str] = []
    parts: list[int] = []
    mapping = _Mapping(header, line, found, holds_values)
    ignored: list[str] = []
    ignored_at: list[int] = []
    told: list[str] = []
    set_aside = {normalize_header(name) for name in ignore}
    numbered = row_index(header, head[:HEAD_LINES])
    for index, raw in enumerate(header):
        if not raw:
            if index == numbered:
                mapping.notes.append(index_note(head[:HEAD_LINES]))
            elif at := holds_values(index):  # (Alaska's 2020 primary: a row shifted, line 1821)
                found.add(
                    Code.BLANK_LABEL,
                    at,
                    f"column {index + 1} has no header but holds values (header: line {line}); "
                    "name it (candidate, votes, share, party, kind, region…) or delete it, or, if "
                    "this row's cells run one column too far, fix the row",
                )
            continue
        if normalize_header(raw) in set_aside:
            told.append(raw)
            continue
        if index in roles:
            canonical = roles[index]
            if canonical is None:
                continue
            if canonical == VOTE_PART:
                parts.append(index)
                continue
            if canonical in (NAMED_REGION, NAMED_UNIT):
                named_places[canonical] = index
                continue
            if canonical == NAMED_UNIT_PART:
                named_parts.append(index)
                continue
            if canonical == SAME_PLACE:
                told_place.append(raw)
                continue
        else:
            canonical = canonical_column(raw)
        if canonical is None:
            ignored.append(raw)
            ignored_at.append(index)
            continue
        mapping.by_column.setdefault(canonical, []).append(index)
    region, unit = found_unit = mapping.places()
    if named_places:
        region, unit = _named_places(mapping, named_places, region, unit)
    by_hand = NAMED_UNIT in named_places or unit != found_unit[1]
    unit_parts, unseen, ignored_at = settle(
        header, holds_values, mapping.notes, ignored_at, (region, unit),
        mapping.unit_parts, named_parts if by_hand else None,
    )  # fmt: skip
    ignored = party_code(header, ignored_at, mapping.by_column, mapping.notes)
    columns = {i: "region" for i in (region,) if i is not None}
    columns.update({i: "unit" for i in (unit,) if i is not None})
    for canonical in list(mapping.by_column):
        kept = mapping.keep_one(canonical)
        if kept is not None:
            columns[kept] = canonical
    columns = dict(sorted(columns.items()))
    notes = mapping.notes
    if told:
        notes.append(f"Column(s) {', '.join(map(repr, told))} left unused (--ignore-column).")
    if told_place:
        notes.append(
            f"{', '.join(map(repr, told_place))} left unused: the column named by --region or "
            "--unit means the same."
        )
    if parts and "votes" not in mapping.by_column and "total_votes" not in mapping.by_column:
        cells = [c for _, c in head[:HEAD_LINES]]
        unread = unread_modes(header, line, found, ignored_at, parts, cells)
        ignored = [raw for raw in ignored if raw not in unread]
    columns = votes_of(header, columns, ignored_at, notes, bool(parts))
    # (A share of the count reported, under and over votes beside options: `undercols.read_aside`.)
    ignored = [r for r in ignored if r not in {header[i] for i in columns} and not read_aside(r)]
    if ignored:
        # Expected in wide exports: a note on each election, and a warning in `validate`.
        notes.append(f"Ignored column(s): {', '.join(map(repr, ignored))}.")
        found.warn(
            Code.UNKNOWN_COLUMN,
            line,
            f"column(s) {', '.join(map(repr, ignored))} are not used by pollcli and are ignored",
        )
    columns = joined_names(header, columns, notes)
    said = party_options(header, line, columns, notes, head[:HEAD_LINES], found)
    if said is None:
        return None  # (the column naming the options is blank: another one names them)
    columns, present = said, set(said.values())
    if {"unit", "share", "votes"} <= present:
        # A precinct's share says nothing the votes do not, and checking it would need every
        # precinct's rows at hand: both engines leave it, and say so.
        share = next(i for i, c in columns.items() if c == "share")
        del columns[share]
        notes.append(
            f"The {header[share]!r} column is left unused: beside a unit column "
            f"({header[next(i for i, c in columns.items() if c == 'unit')]!r}), shares are "
            "computed from the votes of each region and of the election."
        )
    if (stacked := stacked_contests(header, line, head[:HEAD_LINES])) is not None:
        found.add(Code.TYPE_ERROR, *stacked)  # (every row of them would be refused)
        return None
    ok = True
    named = "candidate" in present or bool(present & {"given_name", "family_name"})
    missing = not named or not (present & {"votes", "share"} or parts)
    where = hint() if hint is not None and missing else None
    if not named:
        found.add(
            Code.MISSING_COLUMN,
            line,
            "no candidate column (also accepted: name, option, candidate_name); "
            + misspelt(ignored, ("candidate",), where or "check the header row and the delimiter"),
            column="candidate",
        )
        ok = False
    if "votes" not in present and "share" not in present and not parts:
        found.add(
            Code.MISSING_COLUMN,
            line,
            "neither a votes nor a share column (aliases: candidatevotes, vote_count, count / "
            "percent, pct, vote_share); "
            + misspelt(ignored, ("votes", "share"), where or no_votes_advice(header, columns)),
            column="votes",
        )
        ok = False
    if not ok:
        return None
    if (stages := count_stages(header, line, columns, head[:HEAD_LINES])) is not None:
        found.add(Code.TYPE_ERROR, *stages)  # (an STV count sheet: its counts list them again)
        return None
    left = tuple(i for i in ignored_at if columns.get(i) != "votes")
    race_hint.check(header, line, [c for _, c in head[:HEAD_LINES]], left, columns, found)
    return ColumnMap(
        header, line, columns, notes, tuple(parts), unit_parts=unit_parts, unit_parts_unseen=unseen,
        unread=left, row_index=numbered,
    )  # fmt: skip


# Words of a column of numbers that are no votes: codes, ids, years, shares.
_NO_VOTES_WORDS: Final[frozenset[str]] = frozenset(
    {"id", "code", "codes", "fips", "geoid", "number", "num", "no", "nr", "key", "zip", "year"}
    | {"seq", "order", "index", "rank", "pct", "percent", "percentage", "rate", "ratio"}
)
_WHOLE_NUMBER: Final[re.Pattern[str]] = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def unread_modes(
    header: list[str],
    line: int,
    found: Found,
    ignored: list[int],
    parts: list[int],
    head: Sequence[list[str]],
) -> list[str]:
    """The unused columns of whole numbers (in the head's rows) beside vote-mode columns, in a file
    with no votes column, each an error: a way of voting no word names (`roles.is_vote_part`)
    would be left out of the votes, and pollcli cannot tell it from a count of something else, so
    it neither sums nor drops it unasked. A column named as a code, id or share is none."""
    modes = ", ".join(repr(header[i]) for i in parts)
    refused = []
    for index in ignored:
        raw = header[index]
        if set(normalize_header(raw).split("_")) & _NO_VOTES_WORDS:
            continue
        cells = [c[index].strip() for c in head if index < len(c) and c[index].strip()]
        if not cells or not all(_WHOLE_NUMBER.fullmatch(c) for c in cells):
            continue
        refused.append(raw)
        found.add(
            Code.UNKNOWN_COLUMN,
            line,
            f"column {raw!r} holds numbers beside the vote-mode columns {modes}, and there is no "
            "votes column: if it is a way of voting too, the votes would miss it, and pollcli "
            f"cannot tell. --ignore-column {shlex.quote(raw)} leaves it out (the votes are the "
            "modes' sum); --votes COL reads one column alone; or name it as a way of voting "
            "(early, election_day, absentee, mail, provisional, in_person…) to sum it in",
            column=raw,
        )
    return refused


def misspelt(headers: list[str], wanted: tuple[str, ...], otherwise: str) -> str:
    """'is … meant to be …' for an unrecognised header that is a near-certain misspelling of a name
    of a missing column: one edit away (two for long words), both at least four letters long, and
    the header not a word of its own (`PC` is Plaid Cymru, not `pct`; `voters` are a turnout)."""
    names = {alias: column for column in wanted for alias in ROW_ALIASES[column]}
    for header in headers:
        key = normalize_header(header)
        if len(key) < 4 or key in ("voters", "voter"):
            continue
        for alias, column in names.items():
            if len(alias) < 4:
                continue
            allowed = 1 if min(len(key), len(alias)) < 8 else 2
            if _edits(key, alias, allowed) <= allowed:
                return f"is {header!r} meant to be {column!r}? rename it"
    return otherwise


def _edits(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance of two short words (limit + 1 once it exceeds `limit`)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
