"""Results CSV → validated elections, or every problem found with its file, line and column.

`load` returns elections or raises `DataError`; `validate` returns a report of every problem. Both run the
same pipeline: split the file (`source`), map the header to the column contract (`columns`), parse each
cell (`numbers`), check each row's and each election's values, then group rows into elections, resolve
election facts and sum options across regions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import numbers
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pollcli import checks
from pollcli.columns import (
    ELECTION_FACTS,
    FACT_ALIASES,
    INT_FACTS,
    KINDS,
    METHODS,
    REGIONAL_FACTS,
    ROW_ALIASES,
    SHARE_BASES,
    STAGES,
    SYSTEMS,
    THRESHOLD_BASES,
    canonical_column,
    kind_from_name,
    method_name,
    normalize_header,
)
from pollcli.election import Election, Facts, Option, Region, Row
from pollcli.errors import DataError, UsageError
from pollcli.models import FileReport, ValidationReport
from pollcli.numbers import (
    MAX_VOTES,
    NumberError,
    parse_share,
    parse_votes,
    share_decimal_mark,
)
from pollcli.problems import Problem, Severity, sort_problems
from pollcli.source import (
    DELIMITERS,
    RawTable,
    check_encoding,
    decode,
    display_name,
    read_bytes,
    split,
)
from pollcli.stream import wants_stream

Source = str | Path
FACT_COLUMNS = (*ELECTION_FACTS, "total_votes")
COUNT_FACTS = (*INT_FACTS, "total_votes")
# Facts in whole numbers from 1 to 99.
YEAR_FACTS = ("round", "term_years", "previous_term_years")
FACT_FIELDS = frozenset(f.name for f in dataclasses.fields(Facts))
# Facts whose value is one word of a fixed list (`method` is read by `method_name`, more leniently).
CHOICE_FACTS: dict[str, tuple[str, ...]] = {
    "system": SYSTEMS,
    "threshold_base": THRESHOLD_BASES,
    "method": METHODS,
}
MAX_SEATS = 100_000


@dataclass(frozen=True)
class ReadOptions:
    """How to read files; `facts` are CLI overrides of election facts (already typed)."""

    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)


def load(
    sources: Source | Sequence[Source],
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str | None = None,
    facts: Mapping[str, Any] | None = None,
) -> list[Election]:
    """Load one or more results CSVs (`-` is standard input) into elections, in file order.

    Raises `DataError` carrying every error found (warnings become each election's `warnings`), and
    `UsageError` for a missing file or an impossible option.
    """
    options = ReadOptions(encoding, delimiter, decimal, facts or {})
    elections: list[Election] = []
    for source in _as_list(sources):
        loaded, problems = load_file(source, options)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise DataError(errors)
        elections.extend(loaded)
    return elections


def validate(
    sources: Source | Sequence[Source],
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str | None = None,
    facts: Mapping[str, Any] | None = None,
) -> ValidationReport:
    """Every problem in each file, not just the first; never raises for bad data."""
    options = ReadOptions(encoding, delimiter, decimal, facts or {})
    files = []
    for source in _as_list(sources):
        _, problems = load_file(source, options)
        files.append(
            FileReport(
                file=display_name(source),
                valid=not any(p.severity == "error" for p in problems),
                problems=problems,
            )
        )
    return ValidationReport(files=files)


def _as_list(sources: Source | Sequence[Source]) -> list[Source]:
    listed = [sources] if isinstance(sources, str | Path) else list(sources)
    if sum(1 for s in listed if str(s) == "-") > 1:
        raise UsageError("'-' (standard input) can be read only once; give it one time")
    return listed


def load_file(source: Source, options: ReadOptions) -> tuple[list[Election], list[Problem]]:
    """The elections in one file and every problem found in it (errors first)."""
    if options.encoding:
        check_encoding(options.encoding)
    if options.delimiter is not None and options.delimiter not in DELIMITERS:
        raise UsageError(f"--delimiter {options.delimiter!r} is not one of ',' ';' '|' or 'tab'")
    if options.decimal not in (None, ",", "."):
        raise UsageError(f"--decimal must be ',' or '.', not {options.decimal!r}")
    unknown = sorted(set(options.facts) - FACT_FIELDS)
    if unknown:
        raise UsageError(
            f"unknown election fact(s) {', '.join(map(repr, unknown))}; "
            f"the facts are {', '.join(sorted(FACT_FIELDS))}"
        )
    data: bytes | None = None
    if str(source) == "-":
        data, streamed = _read_stdin(options)
        if streamed is not None:
            return streamed
    elif wants_stream(source):
        from pollcli.stream import load_file_streaming

        streamed = load_file_streaming(source, options)
        if streamed is not None:
            return streamed
    name = display_name(source)
    stem = "stdin" if name.startswith("<") else Path(name).stem
    table = RawTable(name=name, stem=stem)
    text = decode(read_bytes(source) if data is None else data, table, options.encoding)
    if text is not None:
        split(text, table, options.delimiter)
    elections = _FileLoader(table, options).run() if text is not None and table.header else []
    return elections, sort_problems(table.problems)


def _read_stdin(
    options: ReadOptions,
) -> tuple[bytes, tuple[list[Election], list[Problem]] | None]:
    """Standard input: kept in memory when small; a big one is spooled to a temporary file and
    streamed like a big file, so piping a precinct file costs no more memory than naming it."""
    from pollcli import spool
    from pollcli.stream import STREAM_THRESHOLD_BYTES, engine, load_file_streaming

    stdin = spool.standard_input()
    head = spool.read(stdin, STREAM_THRESHOLD_BYTES)
    if len(head) < STREAM_THRESHOLD_BYTES or engine() == "exact":
        return head + spool.read(stdin), None
    with spool.spooled(head, stdin) as path:
        streamed = load_file_streaming(path, options, name=display_name("-"))
        return (b"", streamed) if streamed is not None else (path.read_bytes(), None)


@dataclass
class _Parsed:
    """A record after cell parsing, before the row and fact checks."""

    line: int
    election: str
    values: dict[str, Any]
    facts: dict[str, str]


class _FileLoader:
    """Turns one split file into elections; records every problem on the table."""

    def __init__(self, table: RawTable, options: ReadOptions) -> None:
        self.table = table
        self.options = options
        self.columns: dict[int, str] = {}
        self.file_level_problems = 0
        self.decimal: tuple[str, bool] = (".", False)  # set by _decimal_mark
        self.file_notes: list[str] = []

    def run(self) -> list[Election]:
        if not self._map_header():
            return []
        self._decimal_mark()
        parsed = [self._parse(line, cells) for line, cells in self.table.records]
        return self.elections([p for p in parsed if p is not None])

    def elections(self, records: list[_Parsed]) -> list[Election]:
        """Parsed records (from either path) grouped into elections, each built and checked."""
        if not records and not self._error_count():
            self.problem(
                "no-rows",
                self.table.header_line,
                "the header has no data rows under it; add one row per ballot option",
            )
            return []
        front = self._front_matter()
        self.file_level_problems = len(self.table.problems)
        by_election: dict[str, list[_Parsed]] = {}
        for record in records:
            by_election.setdefault(record.election, []).append(record)
        return [
            election
            for label, group in by_election.items()
            if (election := self._election(label, group, front)) is not None
        ]

    def problem(
        self,
        code: str,
        line: int | None,
        message: str,
        column: str | None = None,
        severity: Severity = "error",
    ) -> None:
        self.table.problem(code, line, message, column=column, severity=severity)

    def _map_header(self) -> bool:
        line = self.table.header_line
        seen: dict[str, str] = {}
        ignored = []
        for index, raw in enumerate(self.table.header):
            if not raw:
                # An empty column under an empty header (a trailing delimiter) loses nothing.
                if any(index < len(c) and c[index].strip() for _, c in self.table.records):
                    self.problem(
                        "blank-label",
                        line,
                        f"column {index + 1} has no header but holds values; name it "
                        "(candidate, votes, share, party, kind, region…) or delete it",
                    )
                continue
            canonical = canonical_column(raw)
            if canonical is None:
                ignored.append(raw)
                continue
            if canonical == "region" and "region" in seen and "unit" not in seen:
                # region,precinct: the precinct is a unit within the region, summed into it;
                # the column named `region` is the region whichever comes first.
                if normalize_header(raw) == "region":
                    self.columns = {
                        i: "unit" if c == "region" else c for i, c in self.columns.items()
                    }
                    seen["unit"] = seen.pop("region")
                else:
                    canonical = "unit"
            if canonical in seen:
                self.problem(
                    "duplicate-label",
                    line,
                    f"columns {seen[canonical]!r} and {raw!r} both mean {canonical!r}; "
                    "keep one of them",
                    column=raw,
                )
                continue
            seen[canonical] = raw
            self.columns[index] = canonical
        if ignored:
            # Expected in wide exports: a note on each election, and a warning in `validate`.
            self.file_notes.append(f"Ignored column(s): {', '.join(map(repr, ignored))}.")
            self.problem(
                "unknown-column",
                line,
                f"column(s) {', '.join(map(repr, ignored))} are not used by pollcli and are ignored",
                severity="warning",
            )
        present = set(self.columns.values())
        if "candidate" not in present and "party" in present:
            # A party-list result: the parties are the options on the ballot.
            self.columns = {i: "candidate" if c == "party" else c for i, c in self.columns.items()}
            present = set(self.columns.values())
            self.file_notes.append(
                "The options are parties: with no candidate column, the party column names them."
            )
        ok = True
        if "candidate" not in present:
            self.problem(
                "missing-column",
                line,
                "no candidate column (also accepted: name, option, candidate_name); "
                + _misspelt(ignored, "candidate", "check the header row and the delimiter"),
                column="candidate",
            )
            ok = False
        if "votes" not in present and "share" not in present:
            self.problem(
                "missing-column",
                line,
                "neither a votes nor a share column (aliases: candidatevotes, vote_count, count / "
                "percent, pct, vote_share); " + _misspelt(ignored, ("votes", "share"), "add one"),
                column="votes",
            )
            ok = False
        return ok

    def _front_matter(self) -> dict[str, tuple[str, int]]:
        known = {alias: fact for fact, aliases in FACT_ALIASES.items() for alias in aliases}
        front: dict[str, tuple[str, int]] = {}
        for item in self.table.front_matter:
            key = normalize_header(item.key)
            fact = known.get(key)
            if fact is None:
                close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.8)
                if close:
                    self.problem(
                        "unknown-key",
                        item.line,
                        f"front-matter key {item.key!r} is not an election fact and is "
                        f"ignored; did you mean {close[0]!r}?",
                        severity="warning",
                    )
                continue
            if fact in front and front[fact][0] != item.value:
                self.problem(
                    "inconsistent-metadata",
                    item.line,
                    f"{fact} is given twice in the front matter ({front[fact][0]!r} on line "
                    f"{front[fact][1]}, {item.value!r} here); keep one",
                )
                continue
            front[fact] = (item.value, item.line)
        return front

    def _decimal_mark(self) -> None:
        """Set `self.decimal`: the file's decimal mark, and whether the user gave it."""
        self.decimal = self._detect_decimal_mark()

    def _detect_decimal_mark(self) -> tuple[str, bool]:
        if self.options.decimal:
            return self.options.decimal, True
        share_index = next((i for i, c in self.columns.items() if c == "share"), None)
        if share_index is None:
            return ".", False
        first: dict[str, int] = {}
        for line, cells in self.table.records:
            if share_index < len(cells):
                mark = share_decimal_mark(cells[share_index])
                if mark and mark not in first:
                    first[mark] = line
        if len(first) == 2:
            line = max(first.values())
            self.problem(
                "ambiguous-number",
                line,
                "shares use both a decimal comma and a decimal point; make them agree "
                "or pass --decimal",
                column=self.table.header[share_index],
            )
        return (",", False) if "," in first and len(first) == 1 else (".", False)

    def _parse(self, line: int, cells: list[str]) -> _Parsed | None:
        decimal, decimal_given = self.decimal
        width = len(self.table.header)
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            self.problem(
                "extra-cell",
                line,
                f"{len(cells)} cells but the header has {width}; quote names that contain "
                f"the delimiter {self.table.delimiter!r} or remove the extra cells",
            )
            return None
        if len(cells) < width:
            self.problem(
                "missing-cell",
                line,
                f"{len(cells)} {'cell' if len(cells) == 1 else 'cells'} but the header has "
                f"{width}; add the missing cells "
                "(they may be empty)",
            )
            return None
        values: dict[str, Any] = {}
        facts: dict[str, str] = {}
        ok = True
        for index, column in self.columns.items():
            raw = cells[index].strip()
            header = self.table.header[index]
            if column in FACT_COLUMNS:
                if raw:
                    facts[column] = raw
                continue
            if not raw:
                continue
            try:
                if column == "votes":
                    values["votes"] = parse_votes(raw, decimal, decimal_given=decimal_given)
                elif column == "share":
                    values["share"], values["share_decimals"] = parse_share(
                        raw, decimal, decimal_given=decimal_given
                    )
                elif column == "kind":
                    kind = normalize_header(raw)
                    if kind not in KINDS:
                        raise NumberError(
                            "unknown-kind", f"kind {raw!r} is not one of {', '.join(KINDS)}"
                        )
                    values["kind"] = kind
                else:
                    values[column] = raw
            except NumberError as exc:
                self.problem(exc.code, line, f"{exc}", column=header)
                ok = False
        if not values.get("candidate"):
            self.problem(
                "blank-name",
                line,
                "the option has no name; fill in the candidate cell",
                column=self._header_of("candidate"),
            )
            ok = False
        elif "votes" not in values and "share" not in values and ok:
            self.problem(
                "missing-value",
                line,
                f"{values['candidate']!r} has neither votes nor a share; fill in one of them",
            )
            ok = False
        if not ok:
            return None
        values.setdefault("kind", kind_from_name(values["candidate"]))
        election = facts.pop("election", None) or self.options.facts.get("election") or ""
        return _Parsed(line, election, values, facts)

    def _header_of(self, column: str) -> str | None:
        return next((self.table.header[i] for i, c in self.columns.items() if c == column), None)

    def _election(
        self, label: str, records: list[_Parsed], front: dict[str, tuple[str, int]]
    ) -> Election | None:
        errors_before = self._error_count()
        first_problem = len(self.table.problems)
        regional = any(r.values.get("region") for r in records)
        facts = self._facts(label, records, front, regional)
        if facts is None:
            return None
        notes: list[str] = list(self.file_notes)
        self._fractions(records, notes)
        rows = self._rows(facts.election, records)
        if self._error_count() > errors_before:
            return None
        options, regions = self._combine(rows, facts, regional, notes)
        if options is None or self._error_count() > errors_before:
            return None
        if regional:
            facts = self._regional_totals(facts, regions, notes)
        election = Election(
            facts=facts, source_file=self.table.name, options=options, regions=regions, notes=notes
        )
        self._check_shares(election, min(r.line for r in records))
        # Problems of the file as a whole, and those found while building this election — never
        # another election's.
        own = self.table.problems[: self.file_level_problems] + self.table.problems[first_problem:]
        election.warnings.extend(
            p.render() for p in own if p.severity == "warning" and p.code != "unknown-column"
        )
        return election

    def _error_count(self) -> int:
        return sum(1 for p in self.table.problems if p.severity == "error")

    def _facts(
        self, label: str, records: list[_Parsed], front: dict[str, tuple[str, int]], regional: bool
    ) -> Facts | None:
        raw: dict[str, tuple[str, int]] = {k: v for k, v in front.items() if k != "election"}
        # Regional counts may differ between regions, and between the precincts (units) of a region,
        # whose figures are summed into it; within one precinct they must agree.
        per_unit: dict[tuple[str, str, str], tuple[str, int]] = {}
        ok = True
        for record in records:
            for key, value in record.facts.items():
                region = (
                    record.values.get("region", "") if regional and key in REGIONAL_FACTS else ""
                )
                unit = record.values.get("unit", "") if region else ""
                if region:
                    seen = per_unit.setdefault((key, region, unit), (value, record.line))
                else:
                    seen = raw.setdefault(key, (value, record.line))
                if seen[0] != value:
                    where = (
                        f"precinct {unit!r} of region {region!r}"
                        if unit
                        else f"region {region!r}"
                        if region
                        else f"election {label or self._default_label(front)!r}"
                    )
                    self.problem(
                        "inconsistent-metadata",
                        record.line,
                        f"{key} is {value!r} here but {seen[0]!r} on line {seen[1]}; "
                        f"{where} has one {key}: make them agree",
                        column=self._header_of(key),
                    )
                    ok = False
        self.fact_lines = {key: line for key, (_, line) in raw.items()}
        values: dict[str, Any] = {"election": label or self._default_label(front)}
        for key, (value, line) in raw.items():
            try:
                values[key] = parse_fact(key, value, *self.decimal)
            except ValueError as exc:
                self.problem("invalid-metadata", line, str(exc), column=self._header_of(key))
                ok = False
        self.region_facts: dict[str, dict[str, int]] = {}
        for (key, region, _unit), (value, line) in per_unit.items():
            try:
                number = parse_fact(key, value, *self.decimal)
            except ValueError as exc:
                self.problem("invalid-metadata", line, str(exc), column=self._header_of(key))
                ok = False
                continue
            facts_of_region = self.region_facts.setdefault(region, {})
            facts_of_region[key] = facts_of_region.get(key, 0) + number
        for key, value in self.options.facts.items():
            if value is None:
                continue
            try:
                values[key] = _given_fact(key, value, *self.decimal)
            except ValueError as exc:
                self.problem("invalid-metadata", None, str(exc))
                ok = False
        if not ok:
            return None
        # Facts from the file went through parse_fact; those given from the Python API (the
        # flags arrive typed and bounded) are checked here, by the same bounds.
        for key, value in values.items():
            wanted = _fact_expectation(key, value)
            if wanted is not None:
                self.problem(
                    "invalid-metadata",
                    raw[key][1] if key in raw and key not in self.options.facts else None,
                    f"{key} {value!r}: must be {wanted}",
                    column=self._header_of(key),
                )
                ok = False
        if not ok:
            return None
        facts = Facts(**values)
        if facts.share_base == "cast" and facts.ballots_cast is None and not regional:
            self.problem(
                "invalid-metadata",
                raw["share_base"][1] if "share_base" in raw else None,
                "share_base is 'cast' but ballots_cast is not given; add it or use share_base: valid",
            )
            return None
        return facts

    def _default_label(self, front: dict[str, tuple[str, int]]) -> str:
        return front["election"][0] if "election" in front else self.table.stem

    def _fractions(self, records: list[_Parsed], notes: list[str]) -> None:
        shares = [r.values["share"] for r in records if "share" in r.values]
        if len(shares) < 2 or max(shares) > 1.0 or not 0.98 <= sum(shares) <= 1.02:
            return
        for record in records:
            if "share" in record.values:
                record.values["share"] *= 100
                record.values["share_decimals"] = max(0, record.values["share_decimals"] - 2)
        notes.append(
            "Shares were given as fractions of 1 (they add up to about 1); "
            "they are read as percentages."
        )

    def _rows(self, election: str, records: list[_Parsed]) -> list[Row]:
        rows = []
        for record in records:
            values = record.values
            # Vote counts were bounded cell by cell (parse_votes here, the block's bounds when
            # streamed); sums of precincts are not, on either path.
            share = values.get("share")
            if share is not None and not 0 <= share <= 100:
                self.problem(
                    "share-out-of-range",
                    record.line,
                    f"share {share!r}: a share is a percent, from 0 to 100; fix the cell",
                    column=self._header_of("share"),
                )
            else:
                rows.append(Row(**values, line=record.line, election=election))
        return rows

    def _combine(
        self, rows: list[Row], facts: Facts, regional: bool, notes: list[str]
    ) -> tuple[list[Option] | None, list[Region]]:
        by_region: dict[str, list[Row]] = {}
        for row in rows:
            by_region.setdefault(row.region or "", []).append(row)
        regions = []
        for region_name, region_rows in by_region.items():
            options = self._merge_duplicates(region_rows, facts.election, region_name, notes)
            if options is None:
                return None, []
            if regional:
                extra = self.region_facts.get(region_name, {})
                regions.append(
                    Region(
                        name=region_name or "(no region)",
                        options=options,
                        registered=extra.get("registered"),
                        ballots_cast=extra.get("ballots_cast"),
                    )
                )
        if not regional:
            return self._merge_duplicates(rows, facts.election, "", notes), []
        return self._sum_regions(regions), regions

    def _merge_duplicates(
        self, rows: list[Row], election: str, region: str, notes: list[str]
    ) -> list[Option] | None:
        groups: dict[tuple[str, str], list[Row]] = {}
        for row in rows:
            groups.setdefault((name_key(row.candidate), row.unit or ""), []).append(row)
        options = []
        ok = True
        for group in groups.values():
            first = group[0]
            parties = [r.party for r in group]
            if len(group) > 1 and (None in parties or len(set(parties)) < len(parties)):
                where = f" in region {region!r}" if region else ""
                for dup in group[1:]:
                    self.problem(
                        "duplicate-option",
                        dup.line,
                        f"{dup.candidate!r} is listed again (first on line {first.line}) in "
                        f"election {election!r}{where}; remove one, or give each row its party "
                        "if the candidate ran on several party lines",
                        column=self._header_of("candidate"),
                    )
                ok = False
                continue
            if len(group) > 1:
                note = (
                    f"{first.candidate} ran on {len(group)} party lines "
                    f"({', '.join(p or '' for p in parties)}); their votes are added up."
                )
                if note not in notes:  # once, though the lines repeat in every region
                    notes.append(note)
            options.append(_merge_rows(group))
        if ok and any(row.unit for row in rows):
            return self._sum_regions([Region(name=region, options=options)])
        return options if ok else None

    def _sum_regions(self, regions: list[Region]) -> list[Option] | None:
        totals: dict[str, Option] = {}
        for region in regions:
            for option in region.options:
                if option.votes is None:
                    self.problem(
                        "missing-value",
                        option.line,
                        f"{option.candidate!r} has a share but no votes; regional rows need "
                        "votes to be added up across regions",
                        column=self._header_of("votes"),
                    )
                    return None
                key = name_key(option.candidate)
                if key in totals:
                    total = totals[key]
                    total.votes = (total.votes or 0) + option.votes
                    parties = (total.party or "").split(" / ") + (option.party or "").split(" / ")
                    total.party = " / ".join(dict.fromkeys(p for p in parties if p)) or None
                else:
                    totals[key] = dataclasses.replace(option, share=None, share_decimals=None)
        return list(totals.values())

    def _regional_totals(self, facts: Facts, regions: list[Region], notes: list[str]) -> Facts:
        update: dict[str, Any] = {}
        for key in ("registered", "ballots_cast"):
            if getattr(facts, key) is not None:
                continue
            given = [getattr(r, key) for r in regions if getattr(r, key) is not None]
            if len(given) == len(regions):
                update[key] = sum(given)
            elif given:
                notes.append(
                    f"{key.replace('_', ' ')} is given for {len(given)} of {len(regions)} "
                    "regions only, so the national figure is not computed."
                )
        for key in ("invalid", "blank", "total_votes"):
            values = [self.region_facts.get(r.name, {}).get(key) for r in regions]
            if getattr(facts, key) is None and values and all(v is not None for v in values):
                update[key] = sum(v for v in values if v is not None)
        return dataclasses.replace(facts, **update) if update else facts

    def _check_shares(self, election: Election, line: int) -> None:
        facts = election.facts
        self._check_mixed_figures(election)
        self._check_counts(election)
        # Shares published on the other base than declared are one problem, not two: sum them on
        # the base they fit, and say which base that is below.
        fit = checks.inferred_base(election.options, facts.ballots_cast)
        base = fit or facts.share_base
        summed = checks.published_share_sum(election.options, base)
        if summed is not None:
            total, slack = summed
            complete = all(o.share is not None for o in election.options if checks.in_base(o, base))
            if total > 101:
                self.problem(
                    "shares-sum",
                    line,
                    f"shares of election {facts.election!r} add up to {total:.2f} %, far more than "
                    "100; check for a double-counted row or shares of different bases",
                )
            elif complete and abs(total - 100) > max(slack, 0.01) and facts.stage != "exit_poll":
                self.problem(
                    "shares-sum",
                    line,
                    f"shares of election {facts.election!r} add up to {total:.2f} %, not 100 "
                    f"(rounding explains up to {slack:.2f}); check for a missing option",
                    severity="warning",
                )
        counted = [o.votes for o in election.options]
        summed_votes = sum(v or 0 for v in counted)
        if (
            facts.total_votes is not None
            and None not in counted
            and summed_votes != facts.total_votes
        ):
            self.problem(
                "total-mismatch",
                line,
                f"the options' votes add up to {summed_votes:,} but totalvotes says "
                f"{facts.total_votes:,}; check for a missing or extra row",
                severity="warning",
            )
        if not any(o.share is not None and o.votes is not None for o in election.options):
            return
        if fit is not None and fit != facts.share_base:
            self.problem(
                "share-mismatch",
                line,
                f"published shares fit the {fit} base, not {facts.share_base}; "
                f"add '# share_base: {fit}' to the front matter",
                severity="warning",
            )
            return
        base_total = checks.base_votes(election.options, facts.share_base, facts.ballots_cast)
        for option, computed in checks.mismatches(election.options, facts.share_base, base_total):
            self.problem(
                "share-mismatch",
                option.line,
                f"published share {option.share:g} % of {option.candidate!r} differs from its "
                f"votes, which give {computed:.3f} % of {facts.share_base} votes; check both cells",
                column=self._header_of("share"),
                severity="warning",
            )

    def _check_mixed_figures(self, election: Election) -> None:
        """Votes on some rows and only shares on others cannot be ranked against each other."""
        only_votes = [o for o in election.options if o.share is None and o.votes is not None]
        only_share = [o for o in election.options if o.votes is None and o.share is not None]
        if only_votes and only_share:
            self.problem(
                "missing-value",
                max(only_votes[0].line, only_share[0].line),
                f"{only_votes[0].candidate!r} has only votes and {only_share[0].candidate!r} only a "
                "share, so they cannot be compared; give every option votes, or every option a share",
            )

    def _check_counts(self, election: Election) -> None:
        facts = election.facts
        counted = [o.votes for o in election.options if o.votes is not None]
        if counted and len(counted) == len(election.options) and not any(counted):
            self.problem(
                "missing-value",
                min(o.line for o in election.options),
                f"every option of election {facts.election!r} has 0 votes, so nothing can be "
                "compared; check that the count has been entered",
                severity="warning",
            )
        line = self.fact_lines.get("ballots_cast")
        if facts.registered and facts.ballots_cast and facts.ballots_cast > facts.registered:
            self.problem(
                "inconsistent-metadata",
                line,
                f"ballots_cast {facts.ballots_cast:,} exceed registered {facts.registered:,}; "
                "check both figures",
                severity="warning",
            )
        valid = checks.valid_votes(election.options)
        if valid is None or facts.ballots_cast is None:
            return
        spoilt = checks.spoilt_ballots(election.options, facts.invalid, facts.blank)
        if valid > facts.ballots_cast:
            self.problem(
                "inconsistent-metadata",
                line,
                f"the options' valid votes ({valid:,}) exceed ballots_cast ({facts.ballots_cast:,}); "
                "check ballots_cast and the vote counts",
                severity="warning",
            )
        elif spoilt is not None and valid + spoilt[0] != facts.ballots_cast:
            # The summary's findings say the same ("do NOT equal"); validate must not stay silent.
            self.problem(
                "inconsistent-metadata",
                line,
                f"valid votes ({valid:,}) plus {spoilt[1]} ({spoilt[0]:,}) make "
                f"{valid + spoilt[0]:,}, not ballots_cast ({facts.ballots_cast:,}); "
                "check the three figures",
                severity="warning",
            )


def _misspelt(headers: list[str], wanted: str | tuple[str, ...], otherwise: str) -> str:
    """'did you mean …' for an unrecognised header close to a name of a missing column."""
    columns = wanted if isinstance(wanted, tuple) else (wanted,)
    names = {alias: column for column in columns for alias in ROW_ALIASES[column]}
    for header in headers:
        close = difflib.get_close_matches(normalize_header(header), list(names), n=1, cutoff=0.75)
        if close:
            return f"is {header!r} meant to be {names[close[0]]!r}? rename it"
    return otherwise


def _merge_rows(group: list[Row]) -> Option:
    """One option from its rows: a single row as it is, or a candidate's party lines added up."""
    first = group[0]
    decimals = [r.share_decimals for r in group if r.share_decimals is not None]
    return Option(
        candidate=first.candidate,
        party=" / ".join(r.party for r in group if r.party) or None,
        kind=first.kind,
        votes=None if any(r.votes is None for r in group) else sum(r.votes or 0 for r in group),
        share=None if any(r.share is None for r in group) else sum(r.share or 0 for r in group),
        share_decimals=min(decimals) if decimals else None,
        colour=next((r.colour for r in group if r.colour), None),
        line=first.line,
    )


def _given_fact(key: str, value: Any, decimal: str, decimal_given: bool) -> Any:
    """A fact given from Python as the fact's type: text read as the file's would be, any whole
    number (numpy's and Decimal's too) as an int, a datetime at midnight (a pandas Timestamp) as
    its date; anything else as it is, for `_fact_expectation` to judge."""
    if isinstance(value, str):
        return parse_fact(key, value, decimal, decimal_given)
    if key in (*COUNT_FACTS, *YEAR_FACTS, "seats") and not isinstance(value, bool):
        if isinstance(value, numbers.Integral):
            return int(value)
        try:  # floats, numpy's, Decimal; not a complex or a non-number
            number = float(value)
        except (TypeError, ValueError):
            return value
        if number.is_integer():
            return int(number)
    if key == "date" and isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _fact_expectation(key: str, value: Any) -> str | None:
    """What a fact's value must be, when it is not; None when it is fine."""
    whole = isinstance(value, int) and not isinstance(value, bool)
    if key in COUNT_FACTS:
        fine = whole and 0 <= value <= MAX_VOTES
        return None if fine else f"a whole number from 0 to {MAX_VOTES:,}"
    if key in YEAR_FACTS:
        return None if whole and 1 <= value <= 99 else "a whole number from 1 to 99"
    if key == "date":
        # A datetime is a date too, but one with a time of day is not an election's date.
        fine = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        return None if fine else "a date, YYYY-MM-DD"
    if key == "stage":
        return None if value in STAGES else f"one of {', '.join(STAGES)}"
    if key == "share_base":
        return None if value in SHARE_BASES else f"one of {', '.join(SHARE_BASES)}"
    if key in CHOICE_FACTS:
        choices = CHOICE_FACTS[key]
        return None if value in choices else f"one of {', '.join(choices)}"
    if key == "seats":
        return (
            None if whole and 1 <= value <= MAX_SEATS else f"a whole number from 1 to {MAX_SEATS:,}"
        )
    if key == "list_threshold":
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return None if number and 0 <= value <= 100 else "a percentage from 0 to 100"
    return None if isinstance(value, str) else "text"


def name_key(name: str) -> str:
    """Two spellings of one option within a file: same letters, any case or spacing."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def parse_fact(key: str, value: str, decimal: str = ".", decimal_given: bool = False) -> Any:
    """A front-matter or column value as the fact's type; ValueError with a hint otherwise."""
    text = value.strip()
    if key in COUNT_FACTS:
        try:
            return parse_votes(text, decimal, decimal_given=decimal_given, what=key)
        except NumberError as exc:
            raise ValueError(str(exc)) from None
    if key in YEAR_FACTS:
        example = "1 or 2" if key == "round" else "whole years, such as 7"
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise ValueError(f"{key} {text!r} is not a number; give {example}") from None
        if not number.is_integer() or not 1 <= number <= 99:
            raise ValueError(f"{key} {text!r} must be a whole number from 1 to 99; give {example}")
        return int(number)
    if key == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(f"date {text!r} is not in ISO form; write YYYY-MM-DD, e.g. 2022-11-20")
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"date {text!r} is not a real calendar date; check day and month"
            ) from None
    if key == "stage":
        stage = normalize_header(text)
        if stage not in STAGES:
            raise ValueError(f"stage {text!r} is not one of {', '.join(STAGES)}")
        return stage
    if key == "share_base":
        base = normalize_header(text)
        if base not in SHARE_BASES:
            raise ValueError(f"share_base {text!r} is not one of {', '.join(SHARE_BASES)}")
        return base
    if key == "method":
        method = method_name(text)
        if method is None:
            raise ValueError(f"method {text!r} is not one of {', '.join(METHODS)}")
        return method
    if key in CHOICE_FACTS:
        choice = normalize_header(text)
        if choice not in CHOICE_FACTS[key]:
            raise ValueError(f"{key} {text!r} is not one of {', '.join(CHOICE_FACTS[key])}")
        return choice
    if key == "seats":
        try:
            seats = parse_votes(text, decimal, decimal_given=decimal_given, what=key)
        except NumberError as exc:
            raise ValueError(str(exc)) from None
        if not 1 <= seats <= MAX_SEATS:
            raise ValueError(f"seats {text!r} must be a whole number from 1 to {MAX_SEATS:,}")
        return seats
    if key == "list_threshold":
        try:
            percent, _ = parse_share(text, decimal, decimal_given=decimal_given)
        except NumberError:
            raise ValueError(
                f"list_threshold {text!r} is not a number; give a percentage such as 5"
            ) from None
        if not 0 <= percent <= 100:
            raise ValueError(f"list_threshold {text!r} must be a percentage from 0 to 100")
        return percent
    return text
