"""Files of many races: records → races, each assembled into an election; a race with errors is
refused and the others are kept.

Both engines end here (`assemble`), with the records of one file. In order:

1. vote-mode columns are noted (summed, or checked against the votes: `records.CellReader`);
   `--alias` renames options; a party written inside the candidate cell is read out of it
   (`read.ballot`); a candidate name under several parties is told apart or added up in each race
   (`read.partylines`, handed to the assembly);
2. every record is given its race from the race keys (`read.racekeys`), and so is every row refused
   with a problem, so that the problem is the race's;
3. `--race` and `--where` keep some races (and rows); `--election` on more than one race is a usage
   error (it would give them all one label);
4. a `mode` column is made one count (`read.modes`); candidates of one name with different
   candidate ids are told apart, and one id on several party lines is one candidate's;
5. the races are assembled into elections (`read.assemble`), each problem tagged with its race; a race
   with an error is left out, the others are checked (`read.racechecks`) and told how the file was
   split.

A file of one race goes through unchanged: its label, its problems and its output are those of a
file without race keys.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING

from pollcli.columns import RACE_PREFIX
from pollcli.election import Election, Race
from pollcli.errors import UsageError
from pollcli.models import RaceSplit
from pollcli.numbers import NA_WORDS, NO_VALUES
from pollcli.problems import Found, Problem
from pollcli.read import answers, elected, partylines, tickets, unit_groups, unitcounts, unkeyed
from pollcli.read.assemble import Assembly, option_key
from pollcli.read.datecolumn import several_elections
from pollcli.read.decode import garbled_lines
from pollcli.read.header import ColumnMap
from pollcli.read.onerace import race_title
from pollcli.read.options import ReadOptions
from pollcli.read.perballot import mark as mark_per_ballot
from pollcli.read.primaries import OPEN_GENERAL_NOTE, open_general, party_advice, primary_note
from pollcli.read.primary_totals import (
    by_race_id,
    to_primaries,
    without_ballot_counts,
    without_lone_lines,
    without_officeless_lines,
)
from pollcli.read.racekeys import (
    KeyColumn,
    RaceBook,
    is_primary,
    key_columns,
    normal,
    party_rule,
    top_two,
)
from pollcli.read.racekeys import Race as Entry
from pollcli.read.records import CellReader, Record
from pollcli.read.refused_repeats import check as repeated_refused
from pollcli.read.refused_repeats import races_at
from pollcli.read.rowraces import RowCells
from pollcli.read.seatswon import mark_seats_won
from pollcli.read.selection import (
    beside_kept,
    examples,
    let_go,
    selected_races,
    where_of,
    whole_name_note,
)
from pollcli.read.spellings import aliased
from pollcli.read.unfit import set_aside_unfit_facts
from pollcli.read.unitcounts import Place

if TYPE_CHECKING:
    from pollcli.read.modes import RaceModes

# Races told apart only by these are seats: the tally counts seats won.
SEAT_ROLES = frozenset({"constituency", "district", "race_id", "state"})
# Key columns' null words (`numbers.NO_VALUES`, a district's `NA` too): a refused row's race.
_NO_VALUE_KEYS = {"party": NO_VALUES} | dict.fromkeys(
    ("district", f"{RACE_PREFIX}district"), NO_VALUES | NA_WORDS
)


def assemble(
    assembly: Assembly,
    records: list[Record],
    header_line: int,
    reader: CellReader,
    options: ReadOptions,
) -> list[Election]:
    """The elections of one file's records: one per race (see the module's docstring). The list
    is emptied: each race's records are freed once its election is built (`Assembly.elections`)."""
    columns = reader.columns
    found = assembly.found
    repeats = repeated_refused(reader, records)  # (a repeat of a row refused for a cell: lines)
    tickets.take_cells(records, columns, assembly.sources)  # (writein, fusion_ticket, Ticket)
    assembly.party_lines = partylines.stage(options.fusion, found, columns.header_of("party"))
    if columns.vote_parts:
        from pollcli.read import modeparts

        modeparts.vote_parts(reader, found)
    if options.aliases:
        records = aliased(records, options.aliases)
    if "party" not in columns.present:
        from pollcli.read import ballot

        records = ballot.parties_from_names(records, columns)
    party = party_rule(columns, options, assembly.source_file)
    keys = key_columns(columns, party)
    local: set[tuple[str, ...]] = set()
    if keys and options.race_by is None:
        # Imported here: a file of one race (the everyday national table) never needs it.
        from pollcli.read import contestnotes, geography, officeless, placeparties

        officeless.give_offices(records, keys, columns)  # (a blank office's scatter: NH 2018)
        if "party" in columns.present:
            header = columns.header_of("party") or "party"
            records = placeparties.without_place_parties(records, keys, found, header)
        list_vote = _list_vote(assembly, options)
        keys = geography.sub_units(records, keys, columns, options.region, list_vote=list_vote)
        keys, local = geography.local_races(records, keys, columns)
        keys = contestnotes.contests(records, keys, columns)
    where = where_of(columns, options)
    has_mode = "mode" in columns.present
    has_ids = "candidate_id" in columns.present
    has_level = "level" in columns.present
    measured = "kind" in columns.present, reader.kinds  # a race's answers are options (`answers`)
    if not (keys or where.wanted or options.races or has_mode or has_ids or has_level):
        records = answers.as_options(records, [assembly] * len(records), *measured)
        elections = assembly.elections(records, header_line)
        unkeyed.check(elections, found.items)  # (no race key read: many added up?)
        mark_per_ballot(elections, found.items)  # (votes over the ballots: several seats?)
        return _options_named(elections, columns, found)
    from pollcli.read import geography, levels, modes, racechecks

    book = RaceBook(keys, options.race_by is None and geography.numbered_within(records, keys))
    races: list[Entry | None] = []
    kept, dropped = list[Record](), list[Record]()  # (count rows --where leaves out)
    # Each primary's total votes cells, to tell a primary of every party (`open_primaries`).
    totals: dict[tuple[str, ...], set[str]] = {}
    track = party is not None and not party.every_row and "total_votes" in columns.present
    # Rows read with stray bytes (U+FFFD): refused with their race, or left out with --where's.
    garbled = garbled_lines(found.items)
    refused_rows: dict[int, Entry | None] = {}
    # Races --where left rows out of, and the columns that did: counted in part, and saying so.
    cut: dict[tuple[str, ...], set[int]] = {}
    left_out: list[tuple[dict[str, str], set[int], Place | None]] = []  # named once merged
    key_cells = RowCells(keys, where)  # (each distinct one read once where the keys are only read)
    # Every record kept, none garbled nor tracked: their races a run of one election at a time.
    runs = None if where.wanted or garbled or track else key_cells.by_runs(book, records)
    if runs is not None:
        races, kept = runs, list(records)
    for record in records if runs is None else ():
        value_of, values = key_cells.of(record)
        if not where.keeps(value_of) and not (record.row.all_races and where.races_only(value_of)):
            if record.line in garbled:
                refused_rows[record.line] = None
            left_out.append((values, where.failing(value_of), unitcounts.place(record, dropped)))
            continue
        if record.row.all_races and record.line not in garbled:
            # A count of its unit for every race ("Ballots Cast" as an office, KY): no race of
            # its own, and kept whatever races --race keeps (their turnout is over it).
            races.append(None)
            assembly.districts.note(record, values)  # (Mississippi's `Registered Voters,96`)
        else:
            entry = key_cells.race(book, values)
            if track and entry.values.get("party"):
                totals.setdefault(entry.identity, set()).add(
                    record.facts.get("total_votes", "").strip()
                )
            races.append(entry)
        kept.append(record)
        if record.line in garbled:
            refused_rows[record.line] = races[-1]
    records.clear()  # (the caller's: kept, or left out by --where)
    records, kept = kept, []
    merged = book.open_primaries({i: t - {""} for i, t in totals.items()})
    merged |= by_race_id(book)  # (rows of no party under a party primary's race id)
    if merged:
        races = [merged.get(id(race), race) for race in races]
        refused_rows = {
            line: None if race is None else merged.get(id(race), race)
            for line, race in refused_rows.items()
        }
    races = to_primaries(book, records, races, options, refused_rows)  # `Total`s of no party
    records, races = without_ballot_counts(book, records, races, found, refused_rows)
    records = answers.as_options(records, races, *measured)
    for values, failing, _ in left_out:
        if failing:  # (a reporting level kept by --where is a whole race: `Where.failing`)
            cut.setdefault(book.identity(values), set()).update(failing)
    width = len(columns.header)
    total = _file_total(reader, keys, records, found) if keys and reader.rejected else set()
    for line, cells in reader.rejected.items():
        if line in total:
            continue
        value_of = {i: cells[i].strip() for i in range(min(len(cells), width))}
        for key in keys:  # (a party or district `NA` is none, as `CellReader.split` reads it)
            if value_of.get(key.index) in _NO_VALUE_KEYS.get(key.canonical, ()):
                value_of[key.index] = ""
        if "election" in (k.role for k in keys):
            index = next(k.index for k in keys if k.role == "election")
            value_of[index] = value_of.get(index, "") or reader.default_election
        values = {k.role: value_of.get(k.index, "") for k in keys}
        if party is not None and "party" in values:  # as `geography.raw` groups rows
            values["party"] = party.value(values["party"], values.get("stage", ""))
        if local and tuple(normal(k.role, values[k.role]) for k in keys[:-1]) not in local:
            values["county"] = ""  # a region that names no race of its group
        if not where.keeps(value_of):
            refused_rows[line] = None  # not selected: its problems go with it
            if failing := where.failing(value_of):
                cut.setdefault(book.identity(values), set()).update(failing)
        elif len(cells) == width or book.identity(values) in book.races:
            refused_rows[line] = book.add(values)
    rounds_notes: dict[int, str] = {}
    if options.race_by is None and any(k.role == "rcv_round" for k in keys):
        # --race-by that names the round column keeps the rounds apart, as asked.
        from pollcli.read import rounds

        header = next(k.header for k in keys if k.role == "rcv_round")
        counted = rounds.final_rounds(
            book, records, races, refused_rows, cut, header, figures=not has_mode
        )
        records, races, rounds_notes = counted.records, counted.races, counted.notes
        del counted
    split_roles = book.name(lambda race: race.values.get("election", ""))
    unitcounts.judge(assembly, book, records, races, (left_out, dropped))  # whose counts are whose
    # A column's meaning (totalvotes) is decided over the races --where keeps, not --race's few
    # (by the facts of the records that have some: all `unfit_facts` looks at). Acclaimed
    # candidates are told from their counted rivals race by race: then every record's race.
    every = bool(reader.acclaimed or reader.unopposed)
    name_of: dict[int, str] = {}  # (none where no record has fact cells: a pass in C)
    if every or any(map(attrgetter("facts"), records)):
        name_of = {
            id(r): e.name for r, e in zip(records, races, strict=True) if e and (every or r.facts)
        }
    set_aside_unfit_facts(records, columns, lambda r: name_of.get(id(r), r.election))
    assembly.facts_decided = True
    chosen = selected_races(book, options)
    many = len(book.races) > 1
    beside = beside_kept(book, chosen, records) if options.races and many else {}  # (checks)
    if options.facts.get("election") and len(chosen) > 1:
        raise UsageError(
            f"--election sets one election's label, but {assembly.source_file} holds "
            f"{len(chosen)} races ({examples(chosen)}); keep one with --race TEXT (or --where "
            "COL=VALUE), or leave the label to the file"
        )
    _tag_rows(found.items, refused_rows | races_at(repeats, records, races), chosen, many)
    # Who stands in each race, those --race leaves out or errors refuse too (`racechecks`).
    standing: dict[str, set[str]] = {}
    seats = many and racechecks.names_seats(race.values for race in book.races.values())
    for record, race in zip(records, races, strict=True) if seats else ():
        if race is not None and record.row.kind == "candidate":
            standing.setdefault(race.name, set()).add(option_key(record.row.candidate))
    bad = {id(race) for race in refused_rows.values() if race is not None and id(race) in chosen}
    kept_race = [race is None or id(race) in chosen or race.name in beside for race in races]
    records, races = list(compress(records, kept_race)), list(compress(races, kept_race))
    if not many:  # one race left by --where: its rows keep the file's label, not its name
        assembly.shared_counts = unitcounts.of_one(assembly.shared_counts, chosen, records)
        assembly.districts.own = unitcounts.of_one(assembly.districts.own, chosen, records)
    for record, race in zip(records, races, strict=True) if many else ():
        if race is not None:
            record.election = race.name
    del races, kept_race, runs  # (a million entries each: not held through the assembly)
    if party is None and "party" in columns.present:  # (a count twice: party primaries?)
        assembly.sources.party_advice = party_advice
    if has_ids:
        records = _namesakes(records)
    if many and columns.parties_are_options:
        # Each race's options are parties: the winner's party is the option itself.
        records = [
            replace(r, row=r.row.model_copy(update={"party": r.row.candidate})) for r in records
        ]
    records, by_level = levels.settle(records, found, columns.header_of("level"))
    split_keys = [k.header for role in split_roles for k in keys if k.role == role]
    records, by_mode = modes.collapse(records, columns, found, split_keys)
    partly = {race.name for race in chosen.values() if race.identity in cut}  # (`facts`: counts)
    assembly.sources.part_of_race = partly if many else {r.election for r in records if partly}
    elections = without_lone_lines(assembly.elections(records, header_line), book, found)
    elections = without_officeless_lines(elections, book, found)
    levels.attach(by_level, elections, found, many)
    if many:
        _tag_spans(found.items, assembly.spans)
    names = {chosen[i].name for i in bad}
    elections = [e for e in elections if e.facts.election not in names or not many]
    unit_groups.mark(assembly.apart, elections, found.items, columns)
    _add_mode_reports(elections, by_mode, found.items, many, assembly)
    if not many and len(chosen) == 1:
        (only,) = chosen.values()
        for election in elections:
            election.top_two = top_two(only, party, election.options)
            election.title = race_title(only) if not options.races else None
        if id(only) in rounds_notes:
            for election in elections:
                election.notes.insert(0, rounds_notes[id(only)])
        if only.identity in cut:
            for election in elections:
                election.partial = where.partial(cut[only.identity])
    if many:
        # Refused: listed with errors (`read.refused_races`); not a race of facts only, no error.
        failed = {p.race for p in found.items if p.severity == "error" and p.race is not None}
        refused = len({race.name for race in chosen.values()} & failed)
        split = RaceSplit(
            file=assembly.source_file,
            keys=split_keys,
            races=len(book.races),
            selected=len(chosen),
            summarised=sum(e.facts.election not in beside for e in elections),
            refused=refused,
            note="",
        )
        split.note = _note(split, options, primary_note(party, "party" in split_roles, keys))
        split.note = split.note[:-1] + several_elections(keys, split_roles, chosen.values()) + "."
        split.whole_name = whole_name_note(list(book.races.values()), options.races)
        split.note += f" {split.whole_name}" if split.whole_name else ""
        by_name = {race.name: race for race in chosen.values()}
        # The party is a key of the file's races only where it is one of some race.
        with_party = any(race.values.get("party") for race in book.races.values())
        shown_keys = [k for k in keys if k.rule is None or with_party]
        opened = options.primary is None  # (Louisiana's November races: `open_general`)
        for election in elections:
            found_race = by_name.get(election.facts.election)
            race_keys = (
                {k.header: found_race.values.get(k.role, "") for k in shown_keys}
                if found_race
                else {}
            )
            election.top_two = top_two(found_race, party, election.options)
            election.race = Race(
                name=election.facts.election,
                keys=race_keys,
                split=split,
                constituency=any(r != "election" for r in split_roles),
                # Seats where a district or constituency tells the races apart, not an election
                # column alone (Chile's two rounds of one presidency are no seats).
                seats=bool(set(split_roles) - {"election"})
                and set(split_roles) - {"election"} <= SEAT_ROLES,
                primary=election.top_two
                or (found_race is not None and is_primary(found_race, party, election.options)),
                majority=found_race is not None
                and (
                    (party is not None and party.open_race(found_race.values))
                    or (opened and open_general(assembly.source_file, found_race.values))
                ),
                roles=dict(found_race.values) if found_race is not None else {},
            )
            if found_race is not None and found_race.identity in cut:
                election.partial = where.partial(cut[found_race.identity])
            election.notes.insert(0, split.note)
            if opened and found_race and open_general(assembly.source_file, found_race.values):
                election.notes.insert(1, OPEN_GENERAL_NOTE)
            if found_race is not None and id(found_race) in rounds_notes:
                election.notes.insert(1, rounds_notes[id(found_race)])
    # After the races are named and told apart: whether a race is a primary decides the checks.
    named: dict[str, dict[str, str]] = {}
    if many:
        # Every race's, those --race leaves out too: a district's neighbours tell its office.
        named = {race.name: race.values for race in book.races.values()}
    elif len(chosen) == 1:
        named = {e.facts.election: next(iter(chosen.values())).values for e in elections}
    mark_seats_won(elections, columns)  # (a race whose seats the file gives is checked for none)
    racechecks.check(
        elections, found.items, many, bool(keys), named, standing, not options.race_by, columns
    )
    return let_go(_options_named(elections, columns, found), found.items, beside)


def _options_named(elections: list[Election], columns: ColumnMap, found: Found) -> list[Election]:
    """The elections, told whether their options are parties and the column of their regions."""
    for election in elections:
        election.parties_as_options = columns.parties_are_options
        election.region_column = columns.header_of("region")
    elected.mark(elections, columns, found.items)
    mark_seats_won(elections, columns)
    return elections


def _list_vote(assembly: Assembly, options: ReadOptions) -> bool:
    """A vote for party lists, as the flags or the front matter say (system list, or seats)."""
    given = {k: v for k, (v, _) in assembly.sources.front.items()} | dict(options.facts)
    system = str(given.get("system") or "").strip().lower()
    return system == "list" or (not system and bool(given.get("seats")))


def _file_total(
    reader: CellReader, keys: list[KeyColumn], records: list[Record], found: Found
) -> set[int]:
    """The line of a row that is the file's total (`total_places.file_total`), if one is."""
    from pollcli.read.total_places import file_total

    return file_total(reader.rejected, [k.index for k in keys], reader.columns, records, found)


def _tag_rows(
    problems: list[Problem], rows: dict[int, Entry | None], chosen: dict[int, Entry], many: bool
) -> None:
    """Each problem of a refused row goes with its race: tagged with it (in a file of many races),
    or dropped with a race that was not selected."""
    if not rows:
        return
    kept = []
    for problem in problems:
        if problem.line is not None and problem.line in rows:
            race = rows[problem.line]
            if race is None or id(race) not in chosen:
                continue
            if many:
                problem = replace(problem, race=race.name)
        kept.append(problem)
    problems[:] = kept


def _tag_spans(problems: list[Problem], spans: dict[str, tuple[int, int]]) -> None:
    for label, (start, end) in spans.items():
        for index in range(start, end):
            problems[index] = replace(problems[index], race=label)


def _add_mode_reports(
    elections: list[Election],
    by_mode: dict[str, RaceModes],
    problems: list[Problem],
    many: bool,
    assembly: Assembly,
) -> None:
    """Each race's note and warning of its mode column (`modes.report`), added where the assembly
    would have put them. The race is named as assembled: in a file of one race its records carry
    no label, the election's is the file's."""
    from pollcli.read import modes

    by_name = {e.facts.election: e for e in elections}
    alone = elections[0] if len(elections) == 1 else None
    for key, race in by_mode.items():
        election = by_name.get(key) if many else alone
        label = election.facts.election if election else key or assembly.sources.default_label
        note, warning = modes.report(race, label, assembly.source_file)
        if election is not None:
            election.notes.extend(race.own)
        if note is not None and election is not None:
            election.notes.append(note)
        if warning is not None:
            tagged = replace(warning, race=label) if many else warning
            problems.append(tagged)
            if election is not None:
                election.warnings.append(tagged)


def _namesakes(records: list[Record]) -> list[Record]:
    """Candidates of one race with the same name and different candidate ids are two candidates:
    each is named with its id. One id on rows of several parties is one candidate on several party
    lines (FiveThirtyEight gives each of a fusion candidate's lines her id), whether or not a
    namesake stands too: the assembly adds them up. The id is used for nothing else."""
    ids: dict[tuple[str, str], set[str]] = {}
    for record in records:
        ident = record.facts.get("candidate_id", "")
        ids.setdefault((record.election, option_key(record.row.candidate)), set()).add(ident)
    out = []
    for record in records:
        ident = record.facts.pop("candidate_id", "")
        if ident and len(ids[record.election, option_key(record.row.candidate)]) > 1:
            name = f"{record.row.candidate} (id {ident})"
            record = replace(
                record, row=record.row.model_copy(update={"candidate": name}), fusion=True
            )
        elif ident:
            record = replace(record, fusion=True)
        out.append(record)
    return out


def _note(split: RaceSplit, options: ReadOptions, primaries: str) -> str:
    """The split note; `primaries` its words on how primaries are read (`primary_note`)."""
    headers = [repr(k) for k in split.keys]
    by = headers[0] if len(headers) == 1 else ", ".join(headers[:-1]) + " and " + headers[-1]
    note = f"Split into {split.races:,} races by {by}" if headers else f"{split.races:,} races"
    note += primaries

    if options.where:
        note += " (rows kept by --where)"
    if split.selected < split.races:
        how = " and ".join(
            flag for flag, given in (("--race", options.races), ("--where", options.where)) if given
        )
        note += f"; {split.selected:,} kept by {how}"
    note += f"; {split.summarised:,} summarised"
    if split.refused:
        note += f", {split.refused:,} refused for their errors"
    empty = split.selected - split.summarised - split.refused
    if empty > 0:
        note += f", {empty:,} of totals or counts alone, set aside (no candidate in them)"
    return note + "."
