"""Rows of one race at several reporting levels (a `reporting_level` column: state, county, precinct…).

OpenElections' older Washington files give each option a `state` row beside its `county` rows, and
Arkansas' a `contest` row, a `county` row and `precinct` rows: each level counts the race's votes
again. Added up, every figure is doubled or tripled. So a race's levels are totals of one another:

- the coarsest level is the one with the fewest rows per option (a state row per option, many
  county rows), whatever the words;
- the finest level whose options add up to the coarsest level's figures is counted (its places
  are the regions and units); the other rows are set aside with one `total-row` warning per race;
- a finer level that does not add up (precinct rows for part of a county, or candidates named
  otherwise, `Sid Rosenbaum - Republican`) is set aside too, with a `total-mismatch` warning that
  gives both figures;
- two levels of as many rows per option with different figures cannot be told apart: the race is
  refused (`total-mismatch` error) and `--where COL=LEVEL` keeps one.

A race of one level (or a column that says the same level in every row of a race: an office's
`federal`, `state`) is read as it is. The streaming engine hands such a file to the exact engine.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field, replace

from pollcli.columns import normalize_header, option_key
from pollcli.election import Election
from pollcli.problems import Code, Found, Problem
from pollcli.read.records import Record
from pollcli.read.total_checks import lines_text, rows_text

# Options named in one warning.
_SHOWN: int = 3


@dataclass
class _Level:
    name: str  # as the file writes it
    records: list[Record] = field(default_factory=list)

    def sums(self) -> dict[str, int | None]:
        """The valid votes of each option (blank and invalid rows, which a race's total rows
        often leave out, aside)."""
        totals: dict[str, int | None] = {}
        for record in self.records:
            if record.row.kind in ("blank", "invalid"):
                continue
            key = option_key(record.row.candidate)
            votes = record.votes
            before = totals.get(key, 0)
            totals[key] = None if votes is None or before is None else before + votes
        return {k: v for k, v in totals.items() if v != 0}

    def per_option(self) -> float:
        options = {option_key(r.row.candidate) for r in self.records}
        return len(self.records) / (len(options) or 1)

    @property
    def lines(self) -> list[int]:
        return sorted({line for r in self.records for line in (r.line, *r.same_cell_lines)})


def settle(
    records: list[Record],
    found: Found,
    column: str | None,
) -> tuple[list[Record], dict[str, list[Problem]]]:
    """The records counted of each race (by their label): one level of each; the others set aside.
    Takes the `level` fact out of every record. The problems of each race, by its label, are
    returned for `attach` (see the module's docstring)."""
    if not any("level" in r.facts for r in records):
        return records, {}
    races: dict[str, dict[str, _Level]] = {}
    for record in records:
        level = record.facts.pop("level", "").strip()
        by_level = races.setdefault(record.election, {})
        by_level.setdefault(normalize_header(level), _Level(level)).records.append(record)
    aside: set[int] = set()
    problems: dict[str, list[Problem]] = {}
    for label, by_level in races.items():
        if len(by_level) < 2:
            continue
        own = Found(found.file, letters=found.letters)
        for record in _set_aside(label, list(by_level.values()), own, column or "level"):
            aside.add(id(record))
        problems[label] = own.items
    return [r for r in records if id(r) not in aside], problems


def attach(
    problems: dict[str, list[Problem]], elections: list[Election], found: Found, many: bool
) -> None:
    """Each race's problems added to the file's (named with their race in a file of many) and
    its warnings to its election, which the assembly built apart from them."""
    by_name = {e.facts.election: e for e in elections}
    for label, items in problems.items():
        tagged = [replace(p, race=label) if many else p for p in items]
        found.extend(tagged)
        election = by_name.get(label) if many else (elections[0] if elections else None)
        if election is not None:
            election.warnings.extend(p for p in tagged if p.severity == "warning")


def _set_aside(label: str, levels: list[_Level], found: Found, column: str) -> list[Record]:
    """The records of `levels` (one race's) not counted, and the race's warnings."""
    levels.sort(key=_Level.per_option)
    top = levels[0]
    wanted = top.sums()
    if levels[1].per_option() == top.per_option() and levels[1].sums() != wanted:
        first = min(line for level in levels[:2] for line in level.lines)
        names = " and ".join(repr(level.name) for level in levels[:2])
        found.add(
            Code.TOTAL_MISMATCH,
            first,
            f"{_race(label)} has rows of several {column!r} levels ({names}) that give "
            f"different figures ({_differ(levels[0], levels[1])}), and as many rows of each: "
            f"which holds the others cannot be told; keep one level with --where "
            f"{column}={levels[0].name}",
            column=column,
        )
        return [r for level in levels for r in level.records]  # the race is refused
    counted = next(
        (level for level in reversed(levels[1:]) if level.sums() == wanted),
        top,
    )
    rest = [level for level in levels if level is not counted]
    lines = sorted(line for level in rest for line in level.lines)
    adding = [level for level in rest if level.sums() == counted.sums()]
    short = [level for level in rest if level.sums() != counted.sums()]
    said = f"the {_named(adding)} rows equal the sum of the {counted.name!r} rows" if adding else ""
    if short:
        said += (", and " if said else "") + (
            f"the {_named(short)} rows differ from them (the total-mismatch warning says how)"
        )
    found.warn(
        Code.TOTAL_ROW,
        lines[0],
        f"{_race(label)} is given at several {column!r} levels, each counting its votes again: "
        f"{rows_text(len(lines))} ({lines_text(lines)}) at the {_named(rest)} level set aside, "
        f"not added to the {counted.name!r} rows, which are counted; {said}",
        column=column,
        routine=0 if short else len(lines),
    )
    for level in short:
        found.warn(
            Code.TOTAL_MISMATCH,
            level.lines[0],
            f"in {_race(label)}, the {level.name!r} rows ({lines_text(level.lines)}) do not add "
            f"up to the {counted.name!r} rows: {_differ(level, counted)}; the {counted.name!r} "
            f"rows are counted (keep another level with --where {shlex.quote(f'{column}=LEVEL')})",
            column=column,
        )
    return [r for level in rest for r in level.records]


def _race(label: str) -> str:
    return f"race {label!r}" if label else "the race"


def _named(levels: list[_Level]) -> str:
    names = [repr(level.name) for level in levels]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _differ(level: _Level, other: _Level) -> str:
    """How `level`'s figures differ from `other`'s: `Ann 413 here, 680 there`, a few options."""
    mine, theirs = level.sums(), other.sums()
    names = {option_key(r.row.candidate): r.row.candidate for r in (*other.records, *level.records)}
    keys = [k for k in dict.fromkeys([*theirs, *mine]) if mine.get(k, 0) != theirs.get(k, 0)]
    shown = "; ".join(
        f"{names[k]} {_votes(mine.get(k, 0))} in the {level.name!r} rows, "
        f"{_votes(theirs.get(k, 0))} in the {other.name!r} rows"
        for k in keys[:_SHOWN]
    )
    return shown + (f"; and {len(keys) - _SHOWN} more" if len(keys) > _SHOWN else "")


def _votes(votes: int | None) -> str:
    return "no figure" if votes is None else f"{votes:,}"
