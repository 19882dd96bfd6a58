"""Total rows of a file of party primaries: each goes with the primary it totals (and rows of no
party that make no race: `without_lone_lines`).

OpenElections' Texas primaries give each race's `Total` as a row of no party after the party's
candidates (`U.S. Senate,,Total,,1549573`). Races there are told apart by the party too
(`racekeys.PartyRule`), and a row of no party is every party's: left alone, the `Total` rows of an
office made a race of their own, whose one option and leader was `Total` (and where two parties'
`Total` rows met, a race refused for an option listed twice). The totals stage judges one race's
rows (`totals.set_aside`), so a total must first be in the race it totals.

A row of no party named as a total (`total_words.is_total_name`; not one `--kind` names) beside
the party primaries of its office is given to one of them: the primary whose options in the same
place (region and unit) add up to its figure; where none or several do, the primary of the nearest
row of its office and place, the one before it first (a total follows what it totals). There the
totals stage sets it aside, or counts its parts with a `total-mismatch` warning when it totals
something else (both primaries together, say). Only a total of nothing (no primary of its office
has a row in its place) is left as read. Both engines give this stage the same records.
"""

from __future__ import annotations

from collections.abc import Mapping

from pollcli.columns import option_key
from pollcli.election import Election
from pollcli.kinds import name_key as kind_key
from pollcli.problems import Code, Found
from pollcli.read.options import ReadOptions
from pollcli.read.racekeys import Race, RaceBook
from pollcli.read.records import Record
from pollcli.read.total_places import place
from pollcli.read.total_words import is_total_name
from pollcli.read.unkeyed import NO_PARTY

SHOWN = 3
# A write-in's party as FiveThirtyEight writes it (`W`), beside the labels of no party.
NO_PARTIES = NO_PARTY | {option_key("w")}


def to_primaries(
    book: RaceBook,
    records: list[Record],
    races: list[Race | None],
    options: ReadOptions,
    refused: Mapping[int, Race | None],
) -> list[Race | None]:
    """Each record's race, with the totals of no party moved into their party's primary (see the
    module's docstring). Races left with no row are dropped from `book`, unless a refused row's
    (`refused`, by line) is."""
    rule = book.rule
    if rule is None or rule.every_row:
        return races
    given = frozenset(options.kind_keys())
    keep = {id(race) for race in refused.values() if race is not None}
    primaries: dict[tuple[str, ...], list[Race]] = {}
    for race in book.races.values():
        if race.values.get("party"):
            primaries.setdefault(book.group(race), []).append(race)
    if not primaries:
        return races
    # The races of no party beside some primary of their office, by id (each looked up once).
    beside = {
        id(race)
        for race in book.races.values()
        if not race.values.get("party") and book.group(race) in primaries
    }
    moving = [
        i
        for i, (record, entry) in enumerate(zip(records, races, strict=True))
        if entry is not None and id(entry) in beside and _is_total(record, given)
    ]
    if not moving:
        return races
    # Each primary's option rows by place (line, votes), totals aside.
    rows: dict[tuple[int, tuple[str, str]], list[tuple[int, int | None]]] = {}
    for record, entry in zip(records, races, strict=True):
        if entry is not None and entry.values.get("party") and not _is_total(record, given):
            rows.setdefault((id(entry), place(record)), []).append((record.line, record.votes))
    moved = list(races)
    left: set[int] = set()
    for i in moving:
        total, alone = records[i], races[i]
        assert alone is not None  # (as `moving` chose)
        where = place(total)
        members = [m for m in primaries[book.group(alone)] if (id(m), where) in rows]
        if not members:
            continue  # no primary of its office counted there: a total of nothing, left as read
        summing = [
            m
            for m in members
            if total.votes is not None
            and sum(v or 0 for _, v in rows.get((id(m), where), ())) == total.votes
        ]
        moved[i] = _nearest(summing or members, rows, where, total.line)
        left.add(id(alone))
    # A race of no party that held only totals is no race.
    still = {id(race) for race in moved if race is not None}
    book.races = {
        identity: race
        for identity, race in book.races.items()
        if id(race) not in left or id(race) in still or id(race) in keep
    }
    return moved


def by_race_id(book: RaceBook) -> dict[int, Race]:
    """Where a race id column tells races apart (`RaceBook.by_id`), the rows of no party (blank,
    a write-in's `W`, `Independent`: `unkeyed.NO_PARTY`) of a race id whose primary is one
    party's go to that primary: FiveThirtyEight's primaries list `Uncommitted`, `No Preference`
    and write-ins with no ballot party or `W` under the race id of the party's primary, and read
    apart they were races of their own (`Write-in` leading with 100 %) beside a primary short of
    them. Where a race id holds two parties' primaries, such rows are left as read. Returns the race each race merged away went into, by id (as
    `RaceBook.open_primaries` does)."""
    rule = book.rule
    if rule is None or rule.every_row or not book.by_id:
        return {}
    groups: dict[tuple[str, ...], list[Race]] = {}
    for race in book.races.values():
        groups.setdefault(book.group(race), []).append(race)
    merged: dict[int, Race] = {}
    for members in groups.values():
        parties = [r for r in members if option_key(r.values.get("party", "")) not in NO_PARTIES]
        if len(parties) == 1 and len(members) > 1:
            merged.update((id(race), parties[0]) for race in members if race is not parties[0])
    if merged:
        book.races = {i: race for i, race in book.races.items() if id(race) not in merged}
        book.known.clear()
    return merged


def _is_total(record: Record, given: frozenset[str]) -> bool:
    name = record.row.candidate
    return record.row.fact is None and is_total_name(name) and kind_key(name) not in given


def _nearest(
    members: list[Race],
    rows: dict[tuple[int, tuple[str, str]], list[tuple[int, int | None]]],
    where: tuple[str, str],
    line: int,
) -> Race:
    """The primary of the row nearest `line` in the same place, a row before it first."""

    def distance(race: Race) -> tuple[int, int]:
        lines = [at for at, _ in rows[id(race), where]]
        before = [line - at for at in lines if at < line]
        return (0, min(before)) if before else (1, min(at - line for at in lines))

    return min(members, key=distance)


def without_lone_lines(elections: list[Election], book: RaceBook, found: Found) -> list[Election]:
    """The elections but the races of no party beside their office's party primaries that hold
    no candidate (write-ins, blank votes: `Write-in` rows of no party after one party's
    candidates, Iowa's 2018 primary in Benton County): which primary's rows they are, the file
    does not say, and summarised apart each was a race of its own whose only option was
    `Write-in`. One warning names them and their votes, left out."""
    rule = book.rule
    if rule is None or rule.every_row:
        return elections
    groups = {book.group(race) for race in book.races.values() if race.values.get("party")}
    lone = {
        race.name
        for race in book.races.values()
        if not race.values.get("party") and book.group(race) in groups
    }
    elections = _left_out(
        elections, lone, found, "of no party beside their office's party primaries",
        "which primary's rows they are, the file does not say; left out, not summarised — give "
        "each row its party to count it in its primary",
    )  # fmt: skip
    return _left_out(
        elections, _strays(elections, book, lone), found,
        "of no party beside their office's party primaries", "which primary's rows they are, "
        "the file does not say (a party cell left blank?); left out, not summarised, as no "
        "primary's — give each row its party to count it in its primary",
        what="name only candidates of those primaries",
    )  # fmt: skip


def _strays(elections: list[Election], book: RaceBook, lone: set[str]) -> set[str]:
    """The races of `lone` (of no party, beside their office's primaries) whose every candidate
    stands in one of those primaries: NJ's 2014 primary county file leaves JUDE ANTHONY
    TISCORNIA's party blank in three of his four counties (Republican in Bergen), and read apart
    they were a race of their own that he "wins with a majority". Races that state a stage (a
    general, a runoff: every party's, beside the primaries in MEDSL's and FiveThirtyEight's files)
    are none of them."""
    by_name = {race.name: race for race in book.races.values()}
    standing: dict[tuple[str, ...], set[str]] = {}
    for election in elections:
        race = by_name.get(election.facts.election)
        if race is not None and race.values.get("party"):
            standing.setdefault(book.group(race), set()).update(
                option_key(o.candidate) for o in election.options if o.kind == "candidate"
            )
    strays: set[str] = set()
    for election in elections:
        race = by_name.get(election.facts.election)
        if race is None or race.name not in lone or race.values.get("stage"):
            continue  # (a general or runoff beside the primaries is every party's)
        names = [option_key(o.candidate) for o in election.options if o.kind == "candidate"]
        if names and all(name in standing.get(book.group(race), ()) for name in names):
            strays.add(race.name)
    return strays


def without_officeless_lines(
    elections: list[Election], book: RaceBook, found: Found
) -> list[Election]:
    """The elections but the races of a blank office beside races of an office alike in their
    other keys that hold no candidate (New Hampshire's 2018 precincts: `Scattering` rows of blank
    office and district `1` made races "1" and "2", counted as undecided races, and the U.S. House
    races lost their scattering). Whose rows they are, the file does not say: one warning names
    them and their votes, left out."""

    def rest(race: Race) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((k, v) for k, v in race.values.items() if k != "office"))

    races = list(book.races.values())
    if not any("office" in race.values for race in races):
        return elections
    beside = {rest(race) for race in races if race.values.get("office")}
    lone = {race.name for race in races if not race.values.get("office") and rest(race) in beside}
    return _left_out(
        elections, lone, found, "of a blank office beside races of an office",
        "which race's rows they are, the file does not say; left out, not summarised — fill in "
        "their office to count them in its race",
    )  # fmt: skip


def _left_out(
    elections: list[Election],
    lone: set[str],
    found: Found,
    rows: str,
    advice: str,
    what: str = "",
) -> list[Election]:
    """The elections but those of `lone` (races' names) that hold no candidate (or, given `what`
    they hold, all of them), with one `race-split` warning naming them and their votes (`rows`:
    what their rows are; `advice`), carried by each election kept: found once they were built, it
    is no race's, and `summary` says it with theirs, as `validate` does."""
    left = [
        e
        for e in elections
        if e.facts.election in lone and (what or all(o.kind != "candidate" for o in e.options))
    ]
    if not left:
        return elections
    shown = "; ".join(
        f"{e.facts.election!r}: "
        + ", ".join(f"{o.candidate!r} {o.votes or 0:,}" for o in e.options[:SHOWN])
        for e in left[:SHOWN]
    )
    more = f"; and {len(left) - SHOWN:,} more" if len(left) > SHOWN else ""
    found.warn(
        Code.RACE_SPLIT,
        min(o.line for e in left for o in e.options),
        f"{len(left):,} race(s) of rows {rows} {what or 'hold no candidate'} ({shown}{more}): "
        f"{advice}",
    )
    kept = [e for e in elections if all(e is not gone for gone in left)]
    for election in kept:
        election.warnings.append(found.items[-1])
    return kept


# The counts a row of no party may give twice over in a precinct of party primaries.
_BALLOT_COUNTS = frozenset({"registered", "ballots_cast"})


def without_ballot_counts(
    book: RaceBook,
    records: list[Record],
    races: list[Race | None],
    found: Found,
    refused: Mapping[int, Race | None],
) -> tuple[list[Record], list[Race | None]]:
    """The records and their races but the count rows of no party beside party primaries that
    give one place two figures of one count (Alaska's 2018 and 2020 primaries: `Times Counted`
    171 above the Democratic and Libertarian candidates and 199 above the Republican ones, both
    under `U.S. House` in each precinct: a count per ballot). Whose each is the file does not say
    (a party's ballot, or several parties' on one); read as the race's, they were two figures of
    one count, an error in every precinct refusing 44 races, and `--race GOVERNOR` gave nothing.
    They are left out with one warning, with the other count rows of their races (such counts
    are no primary's anyway: `unitcounts`); a race of no party left with no row is no race."""
    rule = book.rule
    if rule is None or rule.every_row:
        return records, races
    figures: dict[tuple[int, str | None, str | None, str], dict[int, int]] = {}
    said: dict[tuple[int, str | None, str | None, str], tuple[str, Race]] = {}
    for record, race in zip(records, races, strict=True):
        fact = record.row.fact
        if race is None or race.values.get("party") or fact not in _BALLOT_COUNTS:
            continue
        key = (id(race), record.row.region, record.row.unit, fact)
        figures.setdefault(key, {}).setdefault(record.row.votes or 0, record.line)
        said.setdefault(key, (record.row.candidate, race))
    twice = {key for key, seen in figures.items() if len(seen) > 1}
    if not twice:
        return records, races
    first = min(twice, key=lambda key: min(figures[key].values()))
    (a, at), (b, bt) = sorted(figures[first].items(), key=lambda item: item[1])[:2]
    count, race = said[first]
    name = " · ".join(v for v in race.values.values() if v)
    place = first[2] or first[1] or ""
    gone = {key[0] for key in twice}
    out = [
        (record, race)
        for record, race in zip(records, races, strict=True)
        if race is None or id(race) not in gone or record.row.fact not in _BALLOT_COUNTS
    ]
    still = {id(race) for _, race in out if race is not None}
    keep = still | {id(race) for race in refused.values() if race is not None}
    book.races = {k: race for k, race in book.races.items() if id(race) not in gone - keep}
    found.warn(
        Code.INCONSISTENT_METADATA,
        at,
        f"{len(twice):,} count(s) of rows of no party beside party primaries are given twice in "
        f"one place with two figures (e.g. {count!r} {a:,} on line {at} and {b:,} on line {bt} "
        f"in {place!r}, {name!r}): a count per ballot (each of one party, or of several), most "
        "likely; whose each is, the file does not say: left out, so no primary's turnout is "
        "computed from them — give each count row its party to count it in its primary",
    )
    return [record for record, _ in out], [race for _, race in out]
