"""Race keys and geography: a district that is only where votes were counted, a county that names
races.

- A **district or constituency** column is a race key, unless it is geography: in a group of rows
  alike in the other keys, when most candidates stand in more than half of its districts (one race
  reported by district), the district is the region of that race (or its unit, or nothing when
  both are given; the region, and the region column its unit, when that column is of a precinct's
  level and there is no unit: `district,precinct`). A blank district is no district. The answers of a ballot measure (Yes/No,
  For/Against: `kinds.is_answer`) stand in every measure, so they are no evidence: a group of
  answers only keeps the district as a race key (a bond in each school district), unless the
  district is the file's only race key (one referendum reported by district). Where the options
  are parties (no candidate column), each constituency is a race, unless the vote is for party
  lists (system list).
- A **county** (the region column) is geography, unless it names races: in a file with race keys
  (an office column…), in a group of rows alike in the other keys whose candidates each stand in
  one county only, in two counties at least, one of them with two candidates or more (a sheriff per
  county), or in `UNOPPOSED_REGIONS` counties at least with one candidate each, each county is a
  race. Not where a district tells the group's race and only one county
  has two candidates or more: a district's race spans counties, so the lone candidates elsewhere
  are misfiled rows (Michigan's 2020 file lists one row of State House 101 under Isabella, the
  others under Manistee), which `read.racechecks` reports. A district contested in several
  counties may be numbered within each county (a county commission's): a race per county.

Lines that are no candidate (other kinds, totals, and names that only look like one, such as
"Write-in (misc.)": `kinds.looks_like_no_candidate`) stand wherever a race was counted and are no
evidence either way; nor are a unit's counts listed as candidates of every race (`Row.all_races`:
New York City's `Public Counter`, `Absentee/Military`…, which made Kings 2014's State Senate 18, 19
and 20 one race).

`--race-by` settles both (`read.roles`); both engines' records give the same answer, since only
which candidates appear where is counted, never how many rows.
"""

from __future__ import annotations

import shlex
from collections import Counter
from dataclasses import replace

from pollcli.columns import RACE_PREFIX, place_level
from pollcli.kinds import is_answer, looks_like_no_candidate
from pollcli.namekeys import option_key, spacing_key
from pollcli.read.header import ColumnMap
from pollcli.read.keysums import writable
from pollcli.read.racekeys import KeyColumn, is_pollcli_stage, normal
from pollcli.read.records import Record
from pollcli.read.selection import UNIT_END, UNIT_JOIN
from pollcli.read.total_words import is_total_name


def sub_units(
    records: list[Record],
    keys: list[KeyColumn],
    columns: ColumnMap,
    region: str | None = None,
    *,
    list_vote: bool,
) -> list[KeyColumn]:
    """The race keys without the district or constituency columns that are geography: in a group
    of rows alike in the other keys, when most candidates stand in more than half of its districts
    (one race reported by district), the district is the region (or the unit, or nothing when
    both are given) of that group's race. Answers (Yes/No…) are left out of the evidence unless
    the district is the only key. Where the options are parties, the same parties stand
    everywhere either way: each constituency is a race (first past the post, seats won per
    party) unless the vote is one for party lists (`list_vote`: system list, or seats). `region`:
    the column `--region` named, if any."""
    if columns.parties_are_options and not list_vote:
        return keys
    kept = []
    for key in keys:
        if key.role not in ("district", "constituency"):
            kept.append(key)
            continue
        others = [k for k in keys if k is not key]
        geography, values, apart = _geography(records, key, others)
        if not geography:
            kept.append(key)
            continue
        target = next((c for c in ("region", "unit") if c not in columns.present), None)
        # A district holds precincts: beside a region column of a precinct's level and no unit
        # (`district,precinct,…`), the district is the region and the precinct its unit, not the
        # other way round (which made precinct 1 of every district one region).
        # (Not where `--region` named the region column: the user's word wins.)
        precincts = columns.index("region") if target == "unit" and region is None else None
        finer = precincts is not None and place_level(columns.header[precincts]) > 1
        if finer and precincts is not None:
            target = "region"  # the columns remapped: messages and --where name them so
            columns.columns[precincts] = "unit"
            columns.columns[key.index] = "region"
        within: dict[str, str] = {}  # each precinct's first district
        again = False  # a precinct's number found in two districts
        if target is not None:
            columns.moved[key.canonical] = target
        everywhere = len(geography) == len(values)
        for index, record in enumerate(records):
            value = record.facts.pop(key.canonical, "")
            if value and tuple(raw(record, k) for k in others) in geography:
                if finer:
                    again = again or within.setdefault(record.row.region or "", value) != value
                    update = {"region": value, "unit": record.row.region}
                    records[index] = replace(record, row=record.row.model_copy(update=update))
                elif target is not None:
                    row = record.row.model_copy(update={target: value})
                    records[index] = replace(record, row=row)
                elif record.row.unit:
                    # A precinct named in two districts is split between them: its parts are
                    # two units, added up, as the streaming engine (whose units the district
                    # still told apart) adds them; a repeat within one district stays one.
                    unit = f"{record.row.unit}{UNIT_JOIN}{value}"
                    records[index] = replace(
                        record, row=record.row.model_copy(update={"unit": unit})
                    )
                    columns.moved[key.canonical] = UNIT_END  # (--where reads it there)
                else:
                    # A row of no unit (a district's absentee votes, no precinct named): no name
                    # to end, so --where reads its district by its line (`selection.moved_cell`).
                    columns.unit_ends[record.line] = value
            elif not everywhere:
                writable(record)[key.canonical] = value
            if records[index] is record and UNIT_JOIN in (record.row.unit or ""):
                # A publisher's name that holds the join ('Ash · 21') and nothing added to it:
                # said by line, not read off its last ' · ' (`selection.unit_cell`); one that
                # had a district added ends with it, read off its last ' · ' as any other.
                columns.unit_ends[record.line] = ""
            if finer and records[index] is record and record.row.region and not record.row.unit:
                # The precinct is the unit, as the column now reads (`--where precinct=2`), also
                # in a race the district names (its precinct stays its region: its `--by
                # region`); beside a blank district it is no region (not district 1's region).
                update = {"unit": record.row.region, **({} if value else {"region": ""})}
                records[index] = replace(record, row=record.row.model_copy(update=update))
        if finer and precincts is not None:
            columns.notes.append(
                f"The {columns.header[precincts]!r} column is read as the unit within each "
                f"{key.header!r}" + (" (its numbers start again in each)." if again else ".")
            )
        if everywhere and apart:
            name, standing, count = apart
            columns.notes.append(
                f"The {key.header!r} column is read as geography ({target or 'summed'}): most "
                f"candidates stand in most {key.header!r} cells, but {name} in {standing} of "
                f"{count}; if each {key.header!r} is a race of its own, --race-by "
                f"{shlex.quote(key.header)} makes each a race."
            )
        elif everywhere:
            columns.notes.append(
                f"The {key.header!r} column is read as geography ({target or 'summed'}): every "
                f"{key.header!r} has the same candidates; --race-by {shlex.quote(key.header)} "
                "makes each a race."
            )
        else:
            columns.notes.append(
                f"The {key.header!r} column is read as geography ({target or 'summed'}) in the "
                f"races whose candidates stand in each {key.header!r}, and as a race key in the others."
            )
            kept.append(key)
    return kept


def _geography(
    records: list[Record], key: KeyColumn, others: list[KeyColumn]
) -> tuple[set[tuple[str, ...]], dict[tuple[str, ...], set[str]], tuple[str, int, int] | None]:
    """The groups of rows alike in the `others` keys where the district `key` is geography (most
    candidates stand in more than half of the group's districts), each group's districts, and one
    candidate of such a group standing in fewer of its districts than the others (its name, how
    many districts it stands in, and the group's), for the note to say so."""
    groups: dict[tuple[str, ...], dict[str, set[str]]] = {}
    spelt: dict[str, str] = {}
    values: dict[tuple[str, ...], set[str]] = {}
    for record in records:
        if record.row.kind != "candidate" or _total(record) or record.row.all_races:
            continue
        group = tuple(raw(record, k) for k in others)
        value = normal(key.role, record.facts.get(key.canonical, ""))
        if not value:
            continue  # a blank district is no district: its rows are a race of their own
        values.setdefault(group, set()).add(value)
        if others and is_answer(record.row.candidate):
            continue  # Yes and No stand in every measure: no sign of one race
        name = option_key(record.row.candidate)
        spelt.setdefault(name, record.row.candidate)
        groups.setdefault(group, {}).setdefault(name, set()).add(value)
    geography = set()
    apart: tuple[str, int, int] | None = None
    for group, names in groups.items():  # groups with two districts at least
        count = len(values[group])
        pairs = sum(len(v) for v in names.values())
        widespread = sum(len(v) for v in names.values() if 2 * len(v) > count)
        # More than half the pairs (a tie is no majority): in an office of two districts, one
        # candidate standing in both (or two namesakes) beside a rival of their own in each is two
        # races, not one (`State House,1,Ann Vell` and `State House,2,Ann Vell`).
        if count > 1 and 2 * widespread > pairs:
            geography.add(group)
            fewest = min(names, key=lambda n: (len(names[n]), n))
            if apart is None and len(names[fewest]) < count:
                apart = (repr(spelt[fewest]), len(names[fewest]), count)
    return geography, values, apart


# The race keys that name a race beside its id (`numbered_within`).
_NAMING_ROLES = ("office", "district", "constituency", "race", "seat")


def numbered_within(records: list[Record], keys: list[KeyColumn]) -> bool:
    """Whether a race id column is numbered within each state: one id stands in two states (of
    one election) under names that differ in each (India's ECI tables: `Constituency-code` 1 is
    Adilabad in Andhra Pradesh and Valmiki Nagar in Bihar). An id under one name in several
    states is one contest counted in each."""
    roles = {k.role: k for k in keys}
    if "race_id" not in roles or "state" not in roles:
        return False
    naming = [roles[r] for r in _NAMING_ROLES if r in roles]
    if not naming:
        return False
    election, race_id, state = roles.get("election"), roles["race_id"], roles["state"]
    seen: dict[tuple[str, str], dict[str, set[tuple[str, ...]]]] = {}
    for record in records:
        if record.row.all_races:
            continue
        at = (raw(record, election) if election else "", raw(record, race_id))
        names = tuple(raw(record, k) for k in naming)
        seen.setdefault(at, {}).setdefault(raw(record, state), set()).add(names)
    for states in seen.values():
        if len(states) > 1:
            named = list(states.values())
            if any(a.isdisjoint(b) for i, a in enumerate(named) for b in named[i + 1 :]):
                return True
    return False


def joins_units(records: list[Record], keys: list[KeyColumn]) -> bool:
    """Whether `sub_units` may add a district's cells to the unit's name (a region and a unit
    column both given): the precincts a race-split screen grouped by district before the
    assembly (`rowcolumns`, the streaming engine's `repeats`) are then one region's, for the
    assembly's screen (`unit_groups.of_race`) to judge together, row by row. `records`: a row of
    each distinct option and race cells will do."""
    return any(
        _geography(records, key, [k for k in keys if k is not key])[0]
        for key in keys
        if key.role in ("district", "constituency")
    )


# Regions, each with one candidate who stands nowhere else, that are races of their own where none
# is contested (Minnesota 2018's surveyors of Le Sueur, Martin and Steele, each unopposed): one
# race's candidates have votes wherever it was counted. Two such regions may still be one race
# whose rows each list one candidate only (a tiny file: "A,Mayor,X" and "B,Mayor,Y").
UNOPPOSED_REGIONS = 3
# Names standing in several counties are namesakes (`_namesakes`) only when one name in this many
# at most does.
NAMESAKE_SHARE = 5


def local_races(
    records: list[Record], keys: list[KeyColumn], columns: ColumnMap
) -> tuple[list[KeyColumn], set[tuple[str, ...]]]:
    """The race keys, with the region (county) among them where it names races: in a group of
    rows alike in the other keys whose candidates each stand in one region only, in two regions at
    least, one of them with two candidates or more (a sheriff per county), each region is a race.
    Returns the keys and those groups."""
    index = columns.index("region")
    if index is None or not keys:  # a file of one race: its regions are where it was counted
        return keys, set()
    names: dict[tuple[str, ...], dict[str, set[str]]] = {}
    parties: dict[tuple[str, ...], dict[str, set[str]]] = {}
    spelt: dict[str, tuple[str, str]] = {}  # each name's key: its first spelling and party
    for record in records:
        if (
            record.row.kind == "candidate"
            and record.row.region
            and not _total(record)
            and not record.row.all_races
        ):
            group = tuple(raw(record, k) for k in keys)
            region = spacing_key(record.row.region)
            name = option_key(record.row.candidate)
            names.setdefault(group, {}).setdefault(name, set()).add(region)
            spelt.setdefault(name, (record.row.candidate, option_key(record.row.party or "")))
            if record.row.party:
                parties.setdefault(group, {}).setdefault(region, set()).add(
                    option_key(record.row.party)
                )
    districts = [i for i, k in enumerate(keys) if k.role in ("district", "constituency")]
    local = set()
    for group, places in names.items():
        if any(len(p) > 1 for p in places.values()) and not _namesakes(places):
            continue
        standing = Counter(region for p in places.values() for region in p)
        contested = sum(n > 1 for n in standing.values())
        if len(standing) < (2 if contested else UNOPPOSED_REGIONS):
            continue
        if any(group[i] for i in districts) and not contested:
            continue  # a district's race over counties, each candidate's rows under one
        if (
            any(group[i] for i in districts)
            and contested < 2
            and not _party_again(parties.get(group, {}), standing)
        ):
            # A district's race spans counties: a district's one contested county beside lone
            # candidates elsewhere is a race with misfiled rows (`racechecks` reports them),
            # not races per county. (Contested in several counties, it may be districts
            # numbered within each county, as a county commission's: a race each, as before;
            # so too where a lone candidate's party already stands in the contested county —
            # Delaware 2022's New Castle and Sussex council districts 4, DEM in each.)
            continue
        if any(group[i] for i in districts) and _spelt_apart(places, spelt):
            continue  # one district's candidates, each county spelling them its own way
        local.add(group)
    if not local:
        return keys, set()
    for record in records:
        if record.row.region and tuple(raw(record, k) for k in keys) in local:
            writable(record)[f"{RACE_PREFIX}county"] = record.row.region
    header = columns.header[index]
    columns.notes.append(
        f"The {header!r} column names races where an office's candidates each stand in one "
        f"{header!r} only ({len(local):,} office(s), such as a sheriff per county)."
    )
    return [*keys, KeyColumn("county", header, index, f"{RACE_PREFIX}county")], local


def _namesakes(places: dict[str, set[str]]) -> bool:
    """Whether the few names standing in several counties are namesakes, people of one name in
    different counties' races: in each of its counties such a name stands beside two candidates
    or more who stand there only, and no other candidate stands in two of its counties (one race
    over several counties has its candidates in each of them). A name or two among many, and
    never half the names: Scotland's 2017 council file names two David Rosses in Fife's wards
    (Conservative in Dunfermline South, Labour in Kirkcaldy North), which had made Fife's 22
    wards one race ('David Ross' with both men's votes)."""
    many = [p for p in places.values() if len(p) > 1]
    if len(many) * NAMESAKE_SHARE > len(places):
        return False
    standing = {region for p in places.values() for region in p}
    if any(len(p) == len(standing) for p in many):
        # A name in every one of them stands in one race over the counties, beside however
        # many one-county names (Vermont's 2018 write-ins, a few to each county, had its
        # Governor's candidates read as namesakes and a governor elected per county, its
        # senate district `CAL` a race in each of its two counties).
        return False
    alone = Counter(next(iter(p)) for p in places.values() if len(p) == 1)
    return all(alone[region] >= 2 for p in many for region in p)


def _spelt_apart(places: dict[str, set[str]], spelt: dict[str, tuple[str, str]]) -> bool:
    """Whether each county's candidates are the other counties' spelt another way: each name has
    a spelling of it (`names.name_score`, the party the same where both give one) in every other
    county. Massachusetts 2016's 5th Middlesex Senate district: `Jason Lewis` and `Vincent Dixon`
    in Melrose, `Jason M. Lewis` and `Vincent Lawrence Dixon` in Malden, read as a race per town
    and the seat won twice; one race, whose `name-variant` warnings say how to merge them."""
    from pollcli.names import CUTOFF, name_score

    by_region: dict[str, list[tuple[str, str]]] = {}
    for name, regions in places.items():
        for region in regions:
            by_region.setdefault(region, []).append(spelt[name])
    if len(by_region) < 2:
        return False
    return all(
        any(
            name_score(name, other) >= CUTOFF and (not party or not by or party == by)
            for other, by in others
        )
        for region, here in by_region.items()
        for name, party in here
        for elsewhere, others in by_region.items()
        if elsewhere != region
    )


def _party_again(parties: dict[str, set[str]], standing: Counter[str]) -> bool:
    """Whether a party of the candidates outside the contested region also stands in it: a party
    fields one candidate in a race, so such candidates stand in another region's race."""
    contested = max(standing, key=standing.__getitem__)
    here = parties.get(contested, set())
    return any(parties.get(region, set()) & here for region in standing if region != contested)


def _total(record: Record) -> bool:
    """A `Total` row stands wherever its race was counted: no sign of one race or of many (the
    totals stage judges it in its race). So does a line that looks like no candidate in a spelling
    no table holds ("Write-in (misc.)", `kinds.looks_like_no_candidate`): were it read as one
    candidate standing in every county, it would glue the counties' races into one (trial 6:
    Minnesota's "WRITE-IN**" merged 87 counties' sheriffs). So does a race's own count line
    (`Total Ballots Cast` in each district: Maine's 2016 primary, whose CG1 and CG2 it glued)."""
    name = record.row.candidate
    return record.row.fact is not None or is_total_name(name) or looks_like_no_candidate(name)


def raw(record: Record, key: KeyColumn) -> str:
    """A record's value of a race key, compared as races compare it (before it is set apart)."""
    if key.role == "election":
        value = record.election
    elif key.role == "party":
        value = record.row.party or ""
        if key.rule is not None:  # the party of a primary's rows only
            # (A primary of every party, `RaceBook.open_primaries`, is found on the races: here
            # its parties group apart, which only asks more of a district or county test.)
            facts = record.facts
            value = key.rule.value(value, facts.get("stage", ""), facts.get("office", ""))
    else:
        value = record.facts.get(key.canonical, "")
        if key.role == "stage" and is_pollcli_stage(value):
            value = ""
    return normal(key.role, value)
