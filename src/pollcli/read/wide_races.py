"""Races in a wide table: the column that names them, options that stand in some of them only, and
how to read each row as its own race (`--race-by`, `--where`)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Sequence
from typing import Final

from pollcli.answer_words import measure_answers
from pollcli.columns import RACE_PREFIX, canonical_column, normalize_header, stage_of
from pollcli.kinds import kind_from_name
from pollcli.namekeys import name_key, spacing_key
from pollcli.problems import Code, Found
from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan, level0
from pollcli.read.options import ReadOptions
from pollcli.read.racekeys import normal
from pollcli.read.selection import Where, header_where, way_of_voting
from pollcli.read.wide_columns import suffixed_rounds

Row = tuple[int, list[str]]

# A party that stood takes at least this share of some race's votes (`stand_apart`): one that
# has none in another race did not stand there; a minor candidate's zeros are counts.
CONTENDER_SHARE: Final[float] = 0.05


def stand_apart(table: RawTable, plan: Plan, rows: list[Row]) -> bool:
    """Whether the options stand in some races and not in others: grouped by the column that
    names races (`race_column`), an option with no votes (blank, 0) in every row of one group
    takes at least `CONTENDER_SHARE` of another's, as in a table of races (the House of Commons'
    flat file, a row per constituency: the SNP's 0 in England, 37 % in Scotland). Rows read as one
    race added up then name no winner (`elected.mark`). A minor candidate with no vote in one
    district (Georgia's 2013 presidential table by precinct: 0.98 % at most) and options with votes
    in every row (one race by district) are one race. Cells that are no plain counts: any group of
    no votes counts."""
    index = race_column(table, plan, rows)
    if index is None:
        return False
    sums: dict[str, list[int]] = {}
    plain = True
    for _, cells in rows:
        race = cells[index].strip() if index < len(cells) else ""
        got = sums.setdefault(race, [0] * len(plan.options))
        for k, i in enumerate(plan.options):
            text = cells[i].strip() if i < len(cells) else ""
            if text.isdigit():
                got[k] += int(text)
            elif text:
                plain, got[k] = False, got[k] + 1  # (some figure: no group of no votes)
    totals = {race: sum(got) for race, got in sums.items()}
    for k in range(len(plan.options)):
        if not any(got[k] == 0 for got in sums.values()):
            continue
        if not plain or any(
            got[k] >= CONTENDER_SHARE * totals[race] > 0 for race, got in sums.items()
        ):
            return True
    return False


def race_column(
    table: RawTable, plan: Plan, rows: Sequence[tuple[int, Sequence[str]]]
) -> int | None:
    """The naming column that names races (the House of Commons' `constituency_name`, Georgia's
    `district id`: words before codes), where its cells name two or more; else None."""
    racey = [
        i for i in plan.ids if (canonical_column(table.header[i]) or "").startswith(RACE_PREFIX)
    ]
    # (A year's or a race id's column names races least: a district's among them is the one.)
    least = (RACE_PREFIX + "race_id", RACE_PREFIX + "year")
    named = [i for i in racey if canonical_column(table.header[i]) not in least]
    if not racey:
        return None
    index = (named or racey)[0]
    if len({cells[index].strip() for _, cells in rows if index < len(cells)}) < 2:
        return None
    return index


def answers_only(table: RawTable, plan: Plan) -> bool:
    """Whether the options are a ballot measure's answers (`JA`, `NEIN`; `Yes`, `No`), ballots of
    other kinds beside them: split into races (`--race-by`), they stay answers, no parties, and
    an answer's 0 is a count (no party that did not stand)."""
    names = [level0(table, i) for i in plan.options]
    keys = measure_answers(names)
    return bool(keys) and all(
        name_key(n) in keys or kind_from_name(n) != "candidate" for n in names
    )


# A header of a measure's answer, the measure named first: `Prop 1 Yes`, `Measure A - No`.
_ANSWER_AFTER: Final[re.Pattern[str]] = re.compile(r"(?P<name>.*?\S)\s*[-–—:,]?\s+(?P<answer>\S+)")


def answer_columns(table: RawTable, plan: Plan, found: Found) -> bool:
    """Refuse option columns of two measures or more, each header a measure's name and one of its
    answers (`County,Prop 1 Yes,Prop 1 No,Prop 2 Yes,Prop 2 No`): read as one race, the measures'
    answers would be added together (they were refused as two rounds by their suffixes, with the
    advice to keep every measure's Yes). Each measure has both answers of a pair; ballots of
    other kinds may stand beside them."""
    if plan.blocks is not None:
        return False
    named: dict[str, list[tuple[int, str]]] = {}
    for i in plan.options:
        label = level0(table, i).strip()
        found_at = _ANSWER_AFTER.fullmatch(label)
        if found_at is None:
            if kind_from_name(label) == "candidate":
                return False
            continue
        named.setdefault(found_at["name"], []).append((i, found_at["answer"]))
    if len(named) < 2:
        return False
    for columns in named.values():
        answers = [a for _, a in columns]
        keys = measure_answers(answers)
        if not keys or any(name_key(a) not in keys for a in answers):
            return False
    names = list(named)
    shown = ", ".join(map(repr, names[:3])) + (" …" if len(names) > 3 else "")
    # (No --ignore-column keeping one measure: its answers, named with it, read as candidates.)
    found.add(
        Code.RACE_SPLIT,
        table.header_line,
        f"the option columns are the answers of {len(names)} measures ({shown}), each header a "
        "measure's name and an answer: counted as one race, their answers would be added "
        "together; write a row per place and measure (COL,measure,Yes,No: the answers' columns "
        "named by the answers alone) and read each measure with --race-by measure",
    )
    return True


def suffixed(table: RawTable, plan: Plan, found: Found) -> bool:
    """Refuse option columns of several measures (`answer_columns`), else of several rounds or
    elections told by their headers' suffixes (`wide_columns.suffixed_rounds`)."""
    return answer_columns(table, plan, found) or suffixed_rounds(table, plan, found)


def _flag(name: str) -> str:
    return f"--race-by {shlex.quote(name)}"


def race_hint(table: RawTable, plan: Plan, rows: Sequence[tuple[int, Sequence[str]]]) -> list[str]:
    """A note for a wide table read as one race whose rows are named by a column that names races
    (`race_column`): how to read each row as its race."""
    index = race_column(table, plan, rows)
    if index is None:
        return []
    name = table.header[index]
    return [
        f"The rows are named by {name!r}, a column that names races, and are read here as one race, "
        f"all rows added up; to read each row as its own race (seats won per party), add "
        f"{_flag(name)}."
    ]


def races_apart(table: RawTable, plan: Plan, rows: list[Row], found: Found) -> bool:
    """Refuse a wide table whose rows are several races, told apart by their blanks: grouped by the
    column that names races (`race_column`), each group's rows leave the same options blank (not
    on that race's ballot), and an option blank in every row of one group has a figure in another
    (Georgia's 17 mayoral runoffs in one table, two parties each: added up, "Georgian Dream wins
    outright"). Rows with no figure at all are no evidence. A 0 is a count, not a blank: a table of
    one race by precinct has its minor candidates' zeros. A table of a row per race (the House of
    Commons' by constituency) adds up to the parties' votes: read, no winner named (`stand_apart`).
    """
    if plan.blocks is None and _named_apart(table, plan, rows, found):
        return True
    index = race_column(table, plan, rows) if plan.blocks is None else None
    if index is None:
        return False
    blanks: dict[str, tuple[tuple[bool, ...], int]] = {}
    figured = 0
    for line, cells in rows:
        pattern = tuple(not (cells[i].strip() if i < len(cells) else "") for i in plan.options)
        if all(pattern):
            continue
        figured += 1
        race = cells[index].strip() if index < len(cells) else ""
        first = blanks.setdefault(race, (pattern, line))
        if first[0] != pattern:  # a blank within a race: blanks that mean 0, not the ballot
            return False
    if figured == len(blanks):
        return False  # a row per race (a constituency table: its sums are the parties' votes)
    patterns = [p for p, _ in blanks.values()]
    for k, i in enumerate(plan.options):
        absent = [race for race, (p, _) in blanks.items() if p[k]]
        if not absent or len(absent) == len(patterns):
            continue
        stands = next(race for race, (p, _) in blanks.items() if not p[k])
        name = table.header[index]
        found.add(
            Code.RACE_SPLIT,
            blanks[absent[0]][1],
            f"the rows are {len(blanks):,} races named by {name!r}, not one: their options differ "
            f"({level0(table, i)!r} has figures under {stands!r} and is blank in every row of "
            f"{absent[0]!r}, not on its ballot), so added up they are no race's result; read "
            f"each race with {_flag(name)}, or one with --where {shlex.quote(name + '=VALUE')}",
            column="candidate",
        )
        return True
    return False


# Naming columns whose values are never places of one race: each a race, a round or a stage of the
# count (as said in the refusal), an election's date, or a ballot measure.
_APART: Final[dict[str, str]] = {
    "date": "elections dated",
    "election": "elections",
    "office": "races",
    "round": "rounds",
    "stage": "stages of the count",
    RACE_PREFIX + "measure": "measures",
}


def apart_kept(table: RawTable, plan: Plan, rows: list[Row], options: ReadOptions) -> list[Row]:
    """The rows `--where` keeps of a column that names rows apart (`_APART`: stages, rounds,
    races, elections, dates), the others left out before the table is read: each stage's rows
    (a round's, a race's) are its whole race, not part of one, as a long file's stage is. The
    `--where` read again later then leaves none of the race out. All the rows where it keeps none
    (its own error says so)."""
    if not options.where:
        return rows
    where = header_where(table.header, options)
    named = (canonical_column(table.header[i]) for i in where.wanted)
    apart = {
        i: values
        for (i, values), word in zip(where.wanted.items(), named, strict=True)
        if i in plan.ids and word in _APART and not _voting(word, values)
    }
    if not apart:
        return rows
    one = Where(wanted=apart)
    kept = [
        (n, c) for n, c in rows if one.keeps({i: c[i].strip() if i < len(c) else "" for i in apart})
    ]
    return kept or rows


# Headers of a title, which names a ballot measure's row in a table of answers (`Titel;Ja;Nein`).
_TITLES: Final[frozenset[str]] = frozenset(
    {"title", "titel", "titre", "titolo", "título", "titulo", "bezeichnung", "titel_der_vorlage"}
)
# The characters of a value a refusal shows (`_named_apart`).
_SHOWN: Final[int] = 64


def _named_apart(table: RawTable, plan: Plan, rows: list[Row], found: Found) -> bool:
    """Refuse a wide table whose rows name two values or more in a column of dates, elections,
    offices, rounds, stages or ballot measures (`_APART`): never places of one race (a table of
    Canada's federal elections, a row each, was added up from 1867 to 2019: "Lib_votes leads with
    37.61 %"; an `office` column's Mayor and Clerk rows were "the regions", their votes added up;
    the BFS's 631 Swiss referendums, a row each, dated and titled, "NEIN leads with 52.45 %").
    The refusal is said of the measures where a column names them (else of the first such
    column), and its `--race-by` names every such column of two values or more: a measure's
    title may come back on another date."""
    if not plan.options:
        return False  # (no option read, nothing is added up: a table refused already says why)
    apart = [i for i in plan.ids if canonical_column(table.header[i]) in _APART]
    if answers_only(table, plan):  # (a title names a measure's row: a place has none)
        apart += [i for i in plan.ids if normalize_header(table.header[i]) in _TITLES]
    varied = [  # (ways of voting, `absentee` and `election day`: a race's parts, added up)
        i
        for i in apart
        if len(values := _values(table, rows, [i])) >= 2
        and not _voting(canonical_column(table.header[i]) or "", (v[0] for v in values.values()))
    ]
    if not varied:
        return False
    kinds = {i: _APART.get(canonical_column(table.header[i]) or "", "measures") for i in varied}
    index = next((i for i in varied if kinds[i] == "measures"), varied[0])
    values = _values(table, rows, [index])
    name = table.header[index]
    what = kinds[index]
    by = "by" if what == "elections dated" else "named by"
    others = [table.header[i] for i in varied if i != index]
    count = len(_values(table, rows, varied)) if others else len(values)
    one = f", or one with --where {shlex.quote(name + '=VALUE')}" if not others else ""
    written = [cells[0] for cells in values.values()]
    # (A measure's title may be a paragraph: the first words of each say which.)
    cut = [v if len(v) <= _SHOWN else v[:_SHOWN].rstrip() + "…" for v in written]
    shown = ", ".join(map(repr, cut[:3])) + (" …" if len(written) > 3 else "")
    kept = next((v for v in written if stage_of(v) == "official"), written[0])
    beside = f" and {', '.join(map(repr, others))}" if others else ""
    found.add(
        Code.RACE_SPLIT,
        rows[0][0],
        f"the rows are {count:,} {what} {by} {name!r}{beside} ({shown}), not places of one "
        f"race: added up they are no result; "
        + (
            f"keep one stage with --where {shlex.quote(name + '=' + kept)} "
            "(each stage lists the whole race)"
            if what == _APART["stage"]
            else f"read each with {_flag(','.join(table.header[i] for i in varied))}{one}"
        ),
        column=name,
    )
    return True


def _values(
    table: RawTable, rows: list[Row], indexes: list[int]
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The distinct non-blank combinations of the cells of `indexes` in the rows, in order, as race
    keys tell them apart (`Mayor`, `MAYOR ` are one; a stage's words by case and spacing alone:
    `final` and `official` rows are two listings), each as first written."""
    roles = [canonical_column(table.header[i]) or "" for i in indexes]
    seen: dict[tuple[str, ...], tuple[str, ...]] = {}
    for _, c in rows:
        cells = tuple(c[i].strip() if i < len(c) else "" for i in indexes)
        if any(cells):
            key = tuple(
                spacing_key(v) if role == "stage" else normal(role, v)
                for role, v in zip(roles, cells, strict=True)
            )
            seen.setdefault(key, cells)
    return seen


def _voting(role: str, values: Iterable[str]) -> bool:
    """Whether a stage column's values are ways of voting (`absentee`, `election day`): parts of
    the count, not stages of it."""
    return role == "stage" and any(way_of_voting(v) for v in values)
