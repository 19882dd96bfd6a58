"""Records → elections: grouped by election, facts read, options merged and summed across regions.

Both engines end here: the exact engine with one record per row, the streaming engine with rows of the
same cells already summed. An option is its name and, for a candidate, its party: one name under
several parties in one election is two candidates of one name (each named with its party, with a
`shared-name` warning), unless they are one candidate's party lines (fusion voting: `--fusion`, a
`fusion_ticket` cell, one candidate id), which are summed with a note. An option listed twice in one
election (and region, and unit) is an error; a precinct's rows are summed into its region, the regions
into the election.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final

# `option_key` lives with the vocabulary (the verdict compares options too); read from here.
from pollcli.columns import option_key as option_key
from pollcli.election import Election, Facts, Option, Region, Repeat
from pollcli.namekeys import option_keys
from pollcli.problems import Code, Found
from pollcli.read import countnotes, line_totals, over_registered, party_totals, repeatadvice
from pollcli.read.casttotal import cast_total, share_counts
from pollcli.read.checks import check_election
from pollcli.read.countnotes import (
    ONE_PARTY_NOTE,
    counts_alone,
    far_above,
    race_of_counts,
    without_unused_counts,
)
from pollcli.read.dialect import RawTable
from pollcli.read.facts import FactSources, election_facts, front_matter, region_counts
from pollcli.read.filedates import date_from_name
from pollcli.read.mergeoptions import merge_records, one_place, options_of, sum_regions
from pollcli.read.plainraces import Plain, no_party_lines, simple_race
from pollcli.read.records import CellReader, Record
from pollcli.read.repeatadvice import repeat_advice, write_in_line
from pollcli.read.shares import fractions, out_of_range
from pollcli.read.unfit import set_aside_unfit_facts
from pollcli.read.unit_groups import Split, of_race
from pollcli.read.unitcounts import Districts, Primaries, counts_of_one_place, give, with_row_facts
from pollcli.read.unitfacts import UnitFacts
from pollcli.read.unitparts import code_columns, rows_advice
from pollcli.read.zerocopies import without_zero_copies

if TYPE_CHECKING:
    from pollcli.read.countrows import CountUnits

PartyLines = tuple[list[Record], str | None, list[Repeat]]  # (records, fused lead, repeats)
# No ballot has more options; the streaming engine stops reading past it.
MAX_OPTIONS: Final[int] = 10_000
_LINE = attrgetter("line")


@dataclass
class Assembly:
    """One file's records on their way to elections: what every election of the file shares."""

    source_file: str
    sources: FactSources
    found: Found
    unit_facts: UnitFacts
    file_level: int = 0  # problems before the first election's belong to the file as a whole
    # Where each election's problems are in `found.items` (start, end), by label (`read.races`).
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    # One election's records without its total rows (`totals.set_aside`), before its facts are read.
    totals: Callable[[str, list[Record]], list[Record]] | None = None
    # One election's records with a name's party lines told apart or added up (`partylines`).
    party_lines: Callable[[str, list[Record], list[str], list[str]], PartyLines] | None = None
    apart: dict[str, Split] = field(default_factory=dict)  # races that may be several (`of_race`)
    # Set when the race stage has decided which fact columns to leave unused, over every race
    # --where keeps (`read.races`), so that --race does not change what a column means.
    facts_decided: bool = False
    # Races whose units' counts other races of their office share (a county split among districts),
    # by label: (the units, the other races), set by the race stage; they get none of those counts.
    shared_counts: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)
    # The streaming engine's rows of counts for every race, kept by precinct (`read.countrows`).
    count_rows: CountUnits | None = None
    # Whose the counts are in a file of party primaries, and each race's party by label where
    # count rows name theirs (`unitcounts.primaries`), set by the race stage.
    primaries: Primaries = field(default_factory=Primaries)
    count_parties: dict[str, str] | None = None
    districts: Districts = field(default_factory=Districts)  # count rows that name a district
    # Races given their units' counts by rows for every race, and the notes of those given none.
    _unit_counted: set[str] = field(default_factory=set, init=False)
    _units: bool = field(default=True, init=False)  # whether the race being merged names units
    _written_in: bool = field(default=False, init=False)  # and a write-in count of party Total
    _count_notes: dict[str, str] = field(default_factory=dict, init=False)
    _counts_only: dict[str, list[Record]] = field(default_factory=dict, init=False)
    _plain: Plain = field(default=Plain(no_totals=False), init=False)

    def elections(self, records: list[Record], header_line: int) -> list[Election]:
        """Records grouped into elections (in order of first appearance), each built and checked.
        The list is emptied: each election's records are freed once it is built, not held beside
        the options of every election (a file of 10,000 races has a million records)."""
        kept = self.count_rows.unused_rows() if self.count_rows is not None else []
        if not records and self.count_rows is not None and (self.count_rows.rows or kept):
            from pollcli.read.raceunits import HandOver

            raise HandOver  # rows of counts alone: the exact engine says so (`counts_alone`)
        if not records and self.found.errors:
            blank = [p for p in self.found.items if p.severity == "error"]
            if len(blank) > 1 and all("neither votes nor a share" in p.message for p in blank):
                # Every named row's votes blank (the PKW's candidate lists before the count): no
                # result, and --blank-votes zero, each row's advice, would make every option 0.
                self.found.add(
                    Code.NO_ROWS,
                    header_line,
                    f"none of the {len(blank):,} rows has votes or a share: the table holds no "
                    "result (a list of the options before the count?); fill in their votes",
                )
            return []
        if not records and not self.found.errors:
            nameless = any(p.code == Code.BLANK_NAME for p in self.found.items)  # (a warning)
            self.found.add(
                Code.NO_ROWS,
                header_line,
                "no data row names an option (rows of no name and no votes are left out): no result"
                if nameless
                else "the header has no data rows under it; add one row per ballot option",
            )
            return []
        if not self.facts_decided:
            set_aside_unfit_facts(records, self.sources.columns)
        given, columns = records, self.sources.columns
        records, every_race = with_row_facts(without_unused_counts(records, columns, kept))
        self.file_level = len(self.found.items)
        by_election: dict[str, list[Record]] = {}
        for record in records:
            by_election.setdefault(record.election, []).append(record)
        # What no race of the file holds, told by searches over all of its cells at once.
        self._plain = Plain.of(records, columns, self.totals, given=bool(every_race))
        given.clear()
        records.clear()
        if every_race:
            # A count of a unit for every race ("Ballots Cast" as an office): each race that has
            # the unit gets it, so that a race's turnout is over its own units.
            notes, counted = give(by_election, every_race, self)
            self._count_notes.update(notes)
            self._unit_counted |= counted
        elif self.count_rows is not None:  # the streaming engine's, kept by precinct
            notes, counted = self.count_rows.decide(
                by_election, self.shared_counts, self.primaries.by_party
            )
            self._count_notes.update(notes)
            self._unit_counted |= counted
        elections: list[Election] = []
        unbuilt: list[Record] = []  # the records of the elections before the first one built
        before: list[str] = []  # races of counts alone before the first election built
        column = self.sources.columns.header_of("candidate")
        for label in list(by_election):
            group = by_election.pop(label)
            start = len(self.found.items)
            election = self._election(label, group)
            if label in self._counts_only and elections:
                race_of_counts(label, self._counts_only.pop(label), self.found, column)
            elif label in self._counts_only:
                before.append(label)
            self.spans[label] = (start, len(self.found.items))
            if election is not None:
                elections.append(election)
            elif not elections:
                unbuilt += group
        if not elections and not self.found.errors:  # rows of counts alone: say so
            counts_alone(every_race or unbuilt, self.found)
        elif elections:  # (no race of counts alone is said where every race is one)
            for label in before:  # (after its span: named with its race)
                race_of_counts(label, self._counts_only.pop(label), self.found, column, tag=True)
        over_registered.check(self.unit_facts, self.sources.columns, self.found, elections)
        return elections

    def _election(self, label: str, records: list[Record]) -> Election | None:
        found = self.found
        errors_before = found.errors
        first_problem = len(found.items)
        if self._too_many_options(label, records):
            return None
        notes = list(self.sources.columns.notes)
        plain = self._plain.no_totals  # (no total row in any race: the three stages skipped)
        if self.totals is not None and not plain:
            records = self.totals(label or self.sources.default_label, records)
        records, place = one_place(records, self.sources.columns, notes)
        records = without_zero_copies(records, notes, self.sources.columns.present)
        if (split := of_race(records)) is not None:
            self.apart[label] = split
        simple = self._plain.placeless and simple_race(records)  # (its passes skipped)
        regional = not simple and any(r.row.region for r in records)
        if not simple:
            records = share_counts(cast_total(records, notes), notes)  # (a results box's counts)
        facts = election_facts(
            label, records, regional, self.sources, self.unit_facts, found, simple
        )
        counts = region_counts(label, self.unit_facts, self.sources, found, notes) or {}
        counted = records
        if not simple:  # (no count rows: each record an option's)
            records = [r for r in records if r.row.fact is None or r.votes is None]
        if not records:  # (a race of count rows alone: said with its lines by `elections`)
            self._counts_only[label] = counted
            return None
        # Every check runs whatever the others found (issue 11 item 8): an election with errors
        # is built, checked and only then left out.
        if facts is None:
            facts = Facts(election=label or self.sources.default_label)
        if not plain:
            records = party_totals.set_aside(records, found)  # (a list's total above its names)
            records = line_totals.set_aside(records, found, self.sources.columns.header_of("party"))
        fused_lead, repeated, listed = None, list[Repeat](), records
        fresh = self._plain.fresh  # (names too many for the cache of keys: none looked for in it)
        keys = option_keys([r.row.candidate for r in records], probe=not fresh)  # (both stages)
        lines = self.party_lines is not None and not no_party_lines(records, keys)
        if lines and self.party_lines is not None:
            records, fused_lead, repeated = self.party_lines(facts.election, records, notes, keys)
        if records is not listed:  # names told apart by their party
            keys = option_keys([r.row.candidate for r in records])
        if not simple:  # (no shares)
            records = fractions(records, notes)  # (each record's name kept, in its place)
            out_of_range(records, found, self.sources.columns.header_of("share"))
        options, regions = self._combine(records, facts.election, regional, counts, notes, keys)
        if options is None:
            return None
        cast_line = None
        if not regional and counts and len(counts) == 1:
            facts, cast_line = counts_of_one_place(facts, counts, self.unit_facts.given(label))
        if regional:
            facts = self._regional_totals(facts, regions, counts, notes)
            if facts.share_base == "cast" and facts.ballots_cast is None:
                # As for a file without regions: shares of nothing known are no shares at all.
                given = self.sources.front.get("share_base")
                found.add(
                    Code.INVALID_METADATA,
                    given[1] if given else None,
                    "share_base is 'cast' but ballots_cast is not given for every region; add "
                    "it, or use share_base: valid",
                )
                facts = facts.model_copy(update={"share_base": "valid"})
        notes += countnotes.whole_counts_note(facts, self.sources.whole_counts.get(label, {}))
        if label in self._count_notes:  # (none, or not all: `unitcounts.give`)
            notes.append(self._count_notes[label])
        if label in self._unit_counted:
            if self.primaries.one_party:
                notes.append(ONE_PARTY_NOTE)
            far = far_above(facts, options)
            if far:
                notes.append(far)
        election = Election(
            facts=facts,
            source_file=self.source_file,
            options=options,
            regions=regions,
            notes=notes,
            place=place,
            fused_lead=fused_lead,
            repeated=repeated,
            placed=len(regions) > 1 or "unit" in self.sources.columns.present,
        )
        given = self.sources.front.get("ballots_cast")
        # Where ballots_cast was given, for problems about it: per-region figures have no one line.
        fact_line = (
            given[1]
            if given
            else None
            if regional
            else cast_line or None
            if simple  # (no fact cells)
            else cast_line or next((r.line for r in records if "ballots_cast" in r.facts), None)
        )
        acclaimed = not simple and any(r.acclaimed for r in records)  # no vote held: 0s said
        # (Names and parties the file's, none renamed: no name a party's where none is in the file.)
        named = not plain or lines
        check_election(
            election, min(map(_LINE, records)), fact_line, self.sources, found, acclaimed, named
        )
        # (A precinct's two values of one fact may have been found before this election was
        # assembled, by the streaming engine.)
        if found.errors > errors_before or label in self.unit_facts.conflicting:
            return None
        # Problems of the file as a whole, and those found while building this election — never
        # another election's.
        own = found.items[: self.file_level] + found.items[first_problem:]
        # The header's ignored columns are a note of their own; a column's own warning (a date
        # column left unread: `datecolumn.say_unread`) is the election's.
        election.warnings.extend(
            p
            for p in own
            if p.severity == "warning" and (p.code != Code.UNKNOWN_COLUMN or p.column is not None)
        )
        return election

    def _too_many_options(self, label: str, records: list[Record]) -> bool:
        """More options than any ballot has: a wrong candidate column (a vote count read as names)
        or races that were not split. Refused rather than summarised (a million options took
        minutes and gigabytes)."""
        if len(records) <= MAX_OPTIONS:
            return False  # fewer rows than the limit: fewer options too
        if len({option_key(r.row.candidate) for r in records}) <= MAX_OPTIONS:
            return False  # many regions of a few options: no need to walk them in line order
        seen: set[str] = set()
        for record in sorted(records, key=lambda r: r.line):
            seen.add(option_key(record.row.candidate))
            if len(seen) > MAX_OPTIONS:
                self.found.add(
                    Code.TOO_MANY_OPTIONS,
                    record.line,
                    f"election {label or self.sources.default_label!r} has more than "
                    f"{MAX_OPTIONS:,} options, more than any ballot: check that the candidate "
                    "column names the options, or split a file of many races (--race-by)",
                )
                return True
        return False

    def _regional_totals(
        self,
        facts: Facts,
        regions: list[Region],
        counts: dict[str, dict[str, int]],
        notes: list[str],
    ) -> Facts:
        """The election's counts from its regions', where the file gives them only per region; a
        count given for some regions only is not computed (a note says so), and one given for the
        election that the regions' do not add up to is a warning naming both figures."""
        update: dict[str, int] = {}
        for key in ("registered", "ballots_cast", "invalid", "blank", "total_votes"):
            if key in ("registered", "ballots_cast"):
                values = [getattr(r, key) for r in regions]
            else:
                values = [counts.get(r.name, {}).get(key) for r in regions]
            given = [v for v in values if v is not None]
            known = getattr(facts, key)
            if known is not None:
                if given and len(given) == len(regions) and sum(given) != known:
                    where = self.sources.front.get(key)
                    self.found.warn(
                        Code.INCONSISTENT_METADATA,
                        where[1] if where else None,
                        f"{key} is {known:,} for the election but its regions' add up to "
                        f"{sum(given):,}; the election's figure is used: check both",
                    )
            elif given and len(given) == len(regions):
                update[key] = sum(given)
            elif given:
                notes.append(
                    f"{key.replace('_', ' ')} is given for {len(given)} of {len(regions)} "
                    "regions only, so the national figure is not computed."
                )
        return facts.model_copy(update=update) if update else facts

    def _combine(
        self,
        records: list[Record],
        election: str,
        regional: bool,
        counts: dict[str, dict[str, int]],
        notes: list[str],
        keys: list[str],
    ) -> tuple[list[Option] | None, list[Region]]:
        # (A record the streaming engine summed over units stands for rows that name one.)
        self._units = not self._plain.placeless and any(r.row.unit or r.summed for r in records)
        if not regional:
            return self._merge(records, election, "", notes, keys), []
        by_region: dict[str, tuple[list[Record], list[str]]] = {}
        for record, key in zip(records, keys, strict=True):
            group, group_keys = by_region.setdefault(record.row.region or "", ([], []))
            group.append(record)
            group_keys.append(key)
        merged = {n: self._merge(g, election, n, notes, k) for n, (g, k) in by_region.items()}
        if any(options is None for options in merged.values()):
            return None, []  # (every region's repeats listed, not the first region's alone)
        regions = []
        for name, options in merged.items():
            extra = counts.get(name, {})
            regions.append(
                Region(
                    name=name or "(no region)",
                    options=options or [],
                    registered=extra.get("registered"),
                    ballots_cast=extra.get("ballots_cast"),
                )
            )
        return sum_regions(regions, self.found, self.sources.columns.header_of("votes")), regions

    def _merge(
        self, records: list[Record], election: str, region: str, notes: list[str], keys: list[str]
    ) -> list[Option] | None:
        """One option per name in a region (or the election): rows of different units added up;
        within one unit, a candidate's party lines (`read.partylines`) too, and the same option twice
        without a distinguishing party a `duplicate-option` error. `keys`: their `option_key`s."""
        if len(set(keys)) == len(keys) and not any(r.same_cell_lines for r in records):
            return options_of(records)  # each once: nothing to check
        groups: dict[str, list[Record]] = {}
        for key, record in zip(keys, records, strict=True):
            groups.setdefault(key, []).append(record)
        self._written_in = repeatadvice.write_in_count(records)  # (`spelt_write_in`)
        options = []
        ok = True
        for group in groups.values():
            if len(group) == 1 and not group[0].same_cell_lines:
                options.append(merge_records(group))  # one row: nothing to add up or check
                continue
            by_unit: dict[str, list[Record]] = {}
            for record in group:
                if not record.summed:  # the streaming engine checked its units itself
                    by_unit.setdefault(record.row.unit or "", []).append(record)
            for rows in by_unit.values():  # (a unit's one row of the option: nothing to check)
                if len(rows) > 1 or rows[0].same_cell_lines:
                    ok = self._one_per_unit(rows, election, region, notes) and ok
            options.append(merge_records(group))
        return options if ok else None

    def _one_per_unit(
        self, rows: list[Record], election: str, region: str, notes: list[str]
    ) -> bool:
        """An option's rows within one unit: party lines, write-ins added up, or repeats (errors)."""
        first = rows[0]
        parties = [
            option_key(r.row.party) if r.row.party else None
            for r in rows
            for _ in range(1 + len(r.same_cell_lines))
        ]
        if len(parties) < 2 or (None not in parties and len(set(parties)) == len(parties)):
            return True
        where = f" in region {region!r}" if region else ""
        lines = sorted(
            [r.line for r in rows[1:]] + [line for r in rows for line in r.same_cell_lines]
        )
        spelt = repeatadvice.spelt_write_in(rows, election, where, self._written_in)
        if note := write_in_line(rows, election, where) or spelt:
            notes.append(note)  # a candidate's ballot and write-in lines, or spellings, added up
            return True
        if all(r.row.kind == "other" for r in rows):
            # Several unnamed write-ins of one unit (MEDSL's `WRITEIN`, R's `NA`): votes for
            # people off the ballot, counted in the valid vote and never leading, so adding them
            # up changes no one's result.
            notes.append(
                f"{first.row.candidate!r} is listed {len(lines) + 1} times in election "
                f"{election!r}{where} (lines {first.line}, "
                f"{', '.join(map(str, lines))}): an 'other' option (write-ins, scattering), "
                "added up."
            )
            return True
        columns = self.sources.columns
        header, used = columns.header, columns.columns
        unit = rows_advice(header, used, columns.parties_are_options, columns.columns)
        codes = code_columns(header, used)
        party = columns.header_of("party")
        lists = columns.header_of("region") if columns.parties_are_options else None
        advice = repeat_advice(
            rows,
            lines,
            election,
            where,
            self._unit_column(),
            unit,
            codes,
            party,
            lists,
            columns.parties_are_options,
        )
        for line, said in zip(lines, advice, strict=True):
            self.found.add(Code.DUPLICATE_OPTION, line, said, column=columns.header_of("candidate"))
        return False

    def _unit_column(self) -> str | None:
        """The unit column for `repeat_advice`; "" where it is blank in every row of the race (the
        Commons Library's `County name`): no precinct, whose blank cells may be mail ballots."""
        header = self.sources.columns.header_of("unit")
        return "" if header is not None and not self._units else header


def assembly_for(
    table: RawTable,
    reader: CellReader,
    overrides: Mapping[str, Any],
    found: Found,
    unit_facts: UnitFacts,
    source_file: str | None = None,
) -> Assembly:
    """The assembly of a file's records: its front matter, fact sources and problems (the races
    stage, `read.races`, hands it the races' records)."""
    columns = reader.columns
    columns.notes[:0] = [n for n in table.notes if n not in columns.notes]  # title lines skipped…
    columns.notes.extend(reader.notes())
    reader.warn_blank_votes()
    front = front_matter(table.front_matter, found)
    dated = date_from_name(front, columns, overrides, table.stem)
    if dated is not None:
        columns.notes.append(dated)
    sources = FactSources(
        front=front,
        overrides=overrides,
        columns=columns,
        decimal=reader.decimal,
        decimal_given=reader.decimal_given,
        default_label=front["election"][0] if "election" in front else table.stem,
        party_named=frozenset(reader.party_named),
    )
    return Assembly(source_file or table.name, sources, found, unit_facts)
