"""Election facts from their three sources — front matter, constant columns, flags — into `Facts`.

Flags win over the file; front matter and columns must agree. With a region column, the counts
(`registered`, `ballots_cast`, …) may differ from region to region and from precinct to precinct of a
region: they are read per unit here and summed into their region, each unit giving one value.
"""

from __future__ import annotations

import difflib
import shlex
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field, replace
from typing import Any

from pydantic import ValidationError

from pollcli.columns import (
    FACT_ALIASES,
    RACE_PREFIX,
    REGIONAL_FACTS,
    fact_noun,
    normalize_header,
    option_key,
    spacing_key,
    stage_of,
)
from pollcli.contract import COUNT_FACTS, Counts, Facts, cells_context, problems_from
from pollcli.dataclass import dataclass
from pollcli.namekeys import stops_key
from pollcli.problems import Code, Found
from pollcli.read import datecolumn
from pollcli.read.countnotes import whole_race_counts
from pollcli.read.dialect import FrontMatter
from pollcli.read.fact_values import same_fact
from pollcli.read.header import ColumnMap
from pollcli.read.records import Record
from pollcli.read.unitfacts import Advice, Given, UnitFacts
from pollcli.read.unitparts import unit_advice

# Facts that name the race: races are told apart by them with case, spacing and a number's
# leading zeros aside (read/racekeys.py's `normal`), so one race's rows may write them so
# ('CORPORATION COMMISSIONER' in one county's rows, 'Corporation Commissioner' in another's: AZ
# 2016). Two spellings are one value only where their rows share a candidate: Washington's 2020
# primary writes two counties' commissioner races 'COMMISSIONER DISTRICT 2' and 'Commissioner
# District 2', whose candidates never meet — two races, which the spelling alone tells apart.
# The first spelling names the race.
_NAMING_FACTS = frozenset({"office", "district", "constituency"})


def _naming(text: str) -> str:
    text = stops_key(spacing_key(text))  # (as `racekeys.normal`: `A/B` and `A / B` are one)
    return str(int(text)) if text.isdigit() else text


# Two rounds in one election's `round` column: what they may be, and the way out of each.
_ROUNDS = (
    ", or keep one with --where {where} (the rounds of a two-round vote are two elections; "
    "the rounds of a ranked-choice count are read as one race from a column named rcv_round)"
)

# A total column that differs within some races only (MEDSL's House 2018, Georgia: the write-in
# row's `totalvotes` is another figure): the race's total, or each option's, the user can tell.
# Seats differing in an office: two races of it (Pennsylvania's 4- and 2-year school directors).
_VOTE_FOR = (
    ", or, if the rows are of two races of one office (seats of different terms), tell them apart "
    "with --race-by {keys}"
)


def _race_columns(columns: ColumnMap) -> list[str]:
    """The headers of the columns that name a row's race."""
    cells = [(h, columns.columns.get(i, "")) for i, h in enumerate(columns.header)]
    return [h for h, c in cells if c in ("election", "office") or c.startswith(RACE_PREFIX)]


def _date_advice(
    columns: ColumnMap, records: list[Record], header: str, said: dict[str, str]
) -> str:
    """`datecolumn.advice`, with the file's headers and its rows' country and date cells; once
    an election (`said`: a file of 900 elections as one has thousands of lines to say it of)."""
    if header not in said:
        country = columns.header_of("country")
        pairs = ((r.facts.get("country", ""), r.facts.get("date", "")) for r in records)
        race = _race_columns(columns)
        given = None if country is None else (country, pairs)
        said[header] = datecolumn.advice(race, header, columns.header, given)
    return said[header]


# Seats that differ within an election of many places: each place's own race (a council or a
# constituency of its own), its seats to fill or each list's seats won there (Belgium's council
# files: `Nombre de sièges` of each list, 589 communes, one `election` cell).
_SEATS = (
    ", or, if each {place} elects its own (its seats to fill, or the seats each option won there), "
    "read a race per {place} with --race-by {keys}"
)


def _place_header(columns: ColumnMap) -> str | None:
    """The header of the file's place column (its region's, else its unit's), if any."""
    return columns.header_of("region") or columns.header_of("unit")


def _seats_advice(columns: ColumnMap) -> str:
    place = _place_header(columns) or ""
    keys = shlex.quote(",".join([*_race_columns(columns), place]))
    return _SEATS.format(place=repr(place), keys=keys)


# A stage of the count that differs within a race: a riding listed once per stage (Elections
# Canada's download, `preliminary` and `validated` rows, trial 16): one stage's rows are the race.
_STAGES = ", or keep one stage of the count with --where {where} (each stage lists the whole race)"


def _keep_stage(header: str, *values: str) -> str:
    """The --where that keeps the official stage's rows of these values (else the first's)."""
    kept = next((v for v in values if stage_of(v) == "official"), values[0])
    return shlex.quote(f"{header}={kept}")


_TOTALS = (
    ", or leave the column unused with --ignore-column {header} where it is not the race's "
    "total (each option's, or another count)"
)


def front_matter(items: Iterable[FrontMatter], found: Found) -> dict[str, Given]:
    """The facts of the front matter by name; a key that looks misspelt is a warning."""
    known = {alias: fact for fact, aliases in FACT_ALIASES.items() for alias in aliases}
    front: dict[str, Given] = {}
    for item in items:
        key = normalize_header(item.key)
        fact = known.get(key)
        if fact is None:
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.8)
            if close:
                found.warn(
                    Code.UNKNOWN_KEY,
                    item.line,
                    f"front-matter key {item.key!r} is not an election fact and is "
                    f"ignored; did you mean {close[0]!r}?",
                )
            continue
        if fact in front and front[fact][0] != item.value:
            found.add(
                Code.INCONSISTENT_METADATA,
                item.line,
                f"{fact} is given twice in the front matter ({front[fact][0]!r} on line "
                f"{front[fact][1]}, {item.value!r} here); keep one",
            )
            continue
        front[fact] = (item.value, item.line)
    return front


# Not frozen: it holds dicts, so it is never hashed, and freezing costs start-up.
@dataclass
class FactSources:
    """What the facts stage reads for one file: its front matter, flags, columns and decimal mark."""

    front: dict[str, Given]
    overrides: Mapping[str, Any]
    columns: ColumnMap
    decimal: str
    decimal_given: bool
    default_label: str
    # Parties whose rows name no candidate, read as the party's line (`records.CellReader`).
    party_named: frozenset[str] = frozenset()
    dates_unread: set[str] = field(default_factory=set)  # (`datecolumn.say_unread`: said once)
    # The races --where keeps part of, by label (`read.races`), and the counts given for each as a
    # whole (front matter, a flag, one cell on every row) that are left out of it as none of the
    # part's (`whole_race_counts`; a part's turnout comes from its places' own counts, or none).
    part_of_race: set[str] = field(default_factory=set)
    whole_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    # Where the party keys no race: what a unit's count given twice may be, worked out from one
    # election's rows at a time (`primaries.party_advice`, set by `read.races`).
    party_advice: Callable[[Sequence[Record]], Advice] | None = None


def election_facts(
    label: str,
    records: list[Record],
    regional: bool,
    sources: FactSources,
    unit_facts: UnitFacts,
    found: Found,
    simple: bool = False,
) -> Facts | None:
    """The facts of one election. After recording why some cannot be read, the facts that can (for
    the election's other checks; the caller leaves an election with errors out), or None.

    The per-unit counts of a regional file go into `unit_facts` (for `region_counts`); the other fact
    cells must be constant within the election."""
    raw: dict[str, Given] = {k: v for k, v in sources.front.items() if k != "election"}
    ok = True
    # Every unit of a region is known, so that a count given for some of them only is not taken
    # for the region's.
    # (The streaming engine sums units away before this stage and knows its units itself.)
    has_units = "unit" in sources.columns.present
    # Precincts of no region column (`--unit COL` alone): each precinct's counts are its own too.
    alone = not regional and has_units and "region" not in sources.columns.present
    counted = (regional or alone) and bool(sources.columns.present & REGIONAL_FACTS)
    # A naming fact written several ways: each spelling's first line and candidates.
    spellings: dict[str, dict[str, tuple[int, set[str]]]] = {}
    rows_count = False  # a count given as a row of a unit (Maine's `Votes Cast` of each race)
    advice = sources.party_advice(records) if sources.party_advice is not None else None
    dates_said: dict[str, str] = {}  # (`_date_advice`, worked out once)
    # (`simple`: no record of the race has a place or fact cells, `plainraces.simple_race`.)
    for record in () if simple else records:
        place = record.row.unit if alone else record.row.region
        if counted and place and (record.row.unit or not has_units):
            unit_facts.register((record.election, record.row.region or "", record.row.unit or ""))
        for key, value in record.facts.items():
            if (regional or alone) and place and key in REGIONAL_FACTS:
                unit = (record.election, record.row.region or "", record.row.unit or "")
                rows_count |= record.row.fact is not None
                # Each line of the cells (and those summed into it: `same_cell_lines`) is said.
                for line in (record.line, *record.same_cell_lines):
                    header = sources.columns.header_of(key)
                    mark = (sources.decimal, sources.decimal_given)
                    unit_facts.add(unit, key, value, line, found, header, mark, advice)
                continue
            if record.row.all_races and (key == "vote_for" or key in _NAMING_FACTS):
                continue  # a count row of every race (MEDSL's `BALLOTS CAST`; NJ's under President)
            seen = raw.setdefault(key, (value, record.line))
            if seen[0] != value and key in _NAMING_FACTS and _naming(seen[0]) == _naming(value):
                spelt = spellings.setdefault(key, {})
                spelt.setdefault(seen[0], (seen[1], set()))
                spelt.setdefault(value, (record.line, set()))
                continue
            if not same_fact(key, seen[0], value, sources.decimal, sources.decimal_given):
                header = sources.columns.header_of(key) or sources.columns.header_of(
                    RACE_PREFIX + key
                )
                for line in (record.line, *record.same_cell_lines):  # as for a unit's counts
                    found.add(
                        Code.INCONSISTENT_METADATA,
                        line,
                        f"{key} is {value!r} here but {seen[0]!r} on line {seen[1]}; election "
                        f"{label or sources.default_label!r} has one {fact_noun(key)}: make them "
                        "agree"
                        + (
                            _ROUNDS.format(where=shlex.quote(f"{header or key}=N"))
                            if key == "round"
                            else _TOTALS.format(header=shlex.quote(header or key))
                            if key == "total_votes"
                            else _date_advice(sources.columns, records, header or key, dates_said)
                            if key == "date"
                            else _STAGES.format(where=_keep_stage(header, value, seen[0]))
                            if key == "stage" and header and stage_of(seen[0]) and stage_of(value)
                            else _VOTE_FOR.format(
                                keys=shlex.quote(
                                    ",".join([*_race_columns(sources.columns), header or key])
                                )
                            )
                            if key == "vote_for"
                            else _seats_advice(sources.columns)
                            if key == "seats" and _place_header(sources.columns)
                            else ", or, if each row counts a precinct or polling station, "
                            + unit_advice(sources.columns.header, sources.columns.columns)
                            if key in REGIONAL_FACTS and not has_units
                            else ""
                        ),
                        column=header,
                    )
                ok = False
    for record in records if rows_count and not counted else ():
        # Every unit known, as for a count column: one given for some units only is no race's.
        if (record.row.unit if alone else record.row.region) and (record.row.unit or not has_units):
            unit_facts.register((record.election, record.row.region or "", record.row.unit or ""))
    for key, spelt in spellings.items():
        for record in records:
            cell = record.facts.get(key)
            if cell is not None and cell in spelt:
                spelt[cell][1].add(option_key(record.row.candidate))
        first, (_, shared) = next(iter(spelt.items()))
        for value, (line, candidates) in list(spelt.items())[1:]:
            if not candidates & shared:
                found.add(
                    Code.INCONSISTENT_METADATA,
                    line,
                    f"{key} is {value!r} here but {first!r} on line {spelt[first][0]}, and no "
                    "candidate stands under both: two races written alike? Give them apart names, "
                    f"or write one {key} the same way in every row",
                    column=sources.columns.header_of(key),
                )
                ok = False
    values: dict[str, Any] = {key: value for key, (value, _) in raw.items()}
    values["election"] = label or sources.default_label
    given = {k: v for k, v in sources.overrides.items() if v is not None}
    values.update(given)

    def line_of(key: str) -> int | None:
        return None if key in given or key not in raw else raw[key][1]

    def column_of(key: str) -> str | None:
        return None if key in given else sources.columns.header_of(key)

    # (A date that --race-by names is read from its key: `--race-by DATUM_ABSTIMMUNG` of the BFS's
    # `24.09.2017`, left unread as it is without the flag, not refused.)
    keyed = column_of("date") is None
    dated = column_of(RACE_PREFIX + "date") if keyed else column_of("date")
    if "date" not in sources.front and datecolumn.unread(header := dated, values.get("date")):
        said = sources.dates_unread
        datecolumn.say_unread(str(header), values.pop("date"), said, found, keyed)

    ok &= label not in unit_facts.conflicting
    try:
        facts = Facts.model_validate(
            values, context=cells_context(sources.decimal, sources.decimal_given)
        )
    except ValidationError as error:
        start = len(found.items)
        problems_from(error, found, line_of, column_of)
        _name_columns(found, start)
        # The facts that are fine, so that the election's other checks still run (validate lists
        # every problem at once: a bad date must not hide a share of 150).
        failed = {str(item["loc"][0]) for item in error.errors() if item["loc"]}
        try:
            return Facts.model_validate(
                {k: v for k, v in values.items() if k not in failed},
                context=cells_context(sources.decimal, sources.decimal_given),
            )
        except ValidationError:
            return None
    if not ok:
        return facts  # the errors are recorded; the election is checked, then left out
    if facts.share_base == "cast" and facts.ballots_cast is None and not regional:
        found.add(
            Code.INVALID_METADATA,
            line_of("share_base"),
            "share_base is 'cast' but ballots_cast is not given; add it or use share_base: valid",
        )
        return None
    return whole_race_counts(facts, label, sources.part_of_race, sources.whole_counts)


def _name_columns(found: Found, start: int) -> None:
    """The problems from `start` on that name a fact read from a column of another header name
    that column too (Malaysia's `voter_turnout`, read as the ballots cast: "ballots_cast '65.2':
    not a whole number" said nothing of where 65.2 was); a fraction of 100 or less in a column of
    counts is a percentage, most likely (a turnout in %): how to leave the column out is said."""
    for at, problem in enumerate(found.items[start:], start):
        column, message = problem.column, problem.message
        fact, _, rest = message.partition(" ")
        if not column or column == fact or not rest.startswith("'") or fact not in COUNT_FACTS:
            continue
        cell, _, why = rest.partition(": ")
        named = f"{fact} {cell} (the {column!r} column): {why}"
        if "not a whole number" in why and _percent(cell.strip("'")):
            named += (
                f"; if {column!r} holds percentages (a turnout in %), it is no count: leave it "
                f"out with --ignore-column {shlex.quote(column)}"
            )
        found.items[at] = replace(problem, message=named)


def _percent(text: str) -> bool:
    """Whether a cell reads as a percentage: a number from 0 to 100 with a fraction."""
    try:
        return 0 <= float(text.rstrip("% ").replace(",", ".")) <= 100
    except ValueError:
        return False


def _at(line: int) -> Callable[[str], int | None]:
    """Every field's problem on one line."""
    return lambda _: line


def region_counts(
    election: str, unit_facts: UnitFacts, sources: FactSources, found: Found, notes: list[str]
) -> dict[str, dict[str, int]] | None:
    """Each region's counts in one election, summed over its units; None after recording a value
    that is not a count. A count that some units of a region give and others do not is unknown
    for the region (a note says so): a part is not the whole."""
    # Precincts repeat the same figures: each distinct text is validated once (in the file).
    context, read = cells_context(sources.decimal, sources.decimal_given), unit_facts.read

    def number_of(key: str, value: str) -> int | ValidationError:
        if (key, value) not in read:
            try:
                counted = Counts.model_validate({key: value}, context=context)
                read[key, value] = getattr(counted, key)
            except ValidationError as error:
                read[key, value] = error
        return read[key, value]

    ok, at_once = True, unit_facts.by_region(election, number_of)
    totals, giving, units, met = at_once or ({}, {}, {}, [])
    # Each region's counts: how many units give it, where it is first given (the notes in that
    # order, on either engine: the precincts kept apart come last); `met` as first met, for ties.
    for region, given in () if at_once is not None else unit_facts.given(election):
        region_totals = totals.get(region)
        if region_totals is None:
            region_totals, region_giving = totals[region], giving[region] = {}, {}
            units[region] = 0
        else:
            region_giving = giving[region]
        units[region] += 1
        for key, (value, line) in given.items():
            seen = region_giving.get(key)
            if seen is None:
                region_giving[key] = [1, line]
                met.append((region, key))
            else:
                seen[0] += 1
                if line < seen[1]:
                    seen[1] = line
            number = number_of(key, value)
            if isinstance(number, ValidationError):
                start = len(found.items)
                problems_from(number, found, _at(line), sources.columns.header_of)
                _name_columns(found, start)
                ok = False
                continue
            region_totals[key] = region_totals.get(key, 0) + number
    for region, key in sorted(met, key=lambda pair: giving[pair[0]][pair[1]][1]):
        count = giving[region][key][0]
        if count < units[region]:
            totals[region].pop(key, None)  # (not there when a unit's value was no count)
            of = f" of region {region!r}" if region else ""
            notes.append(
                f"{key} is given for {count} of {units[region]} precincts{of} only, so the "
                f"{'region' if region else 'election'}'s figure is not computed."
            )
    return totals if ok else None
