"""A wide table's rows → the long table the other stages read (the plan is `layout.detect`'s).

Each row of the table becomes one row per option: the row's naming cells, its region and unit (a
naming column, or the naming cells joined when no one column tells the rows apart), its election (a
variant of a header over several rows), the option's name and votes, and the row's protocol lines as
fact cells. The options' cells are melted with pandas, checked where they are (a count that is no
count is a problem at its line, in its own column), and a row's blank cell is an option not on its
ballot. Rows that are totals are marked for the totals stage: a total word in a naming cell, a row
named by nothing, and the rows other rows belong to (`gehört zu`), each with the lines of its parts.

`--race-by` and `--where` name naming columns (`roles.wide_roles`): a race per value (the UK's
`constituency_name`), or rows kept. Split into races, a table of one column per party holds parties
(a 0 is a party that did not stand there) and its total rows that would be races of their own are
left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from pollcli.columns import (
    FACT_COLUMNS,
    WHERE_PREFIX,
    canonical_column,
)
from pollcli.problems import Code, Found
from pollcli.read import coalitions
from pollcli.read import wide_races as races  # (race keys of a wide table: refusals, hints)
from pollcli.read.assemble import option_key
from pollcli.read.dialect import RawTable
from pollcli.read.fact_options import facts_options
from pollcli.read.groups import names_under_groups, read_groups
from pollcli.read.header import ColumnMap
from pollcli.read.layout import Plan, level0, variant
from pollcli.read.records import Record
from pollcli.read.roles import race_role, wide_roles, wide_years
from pollcli.read.total_places import Marked
from pollcli.read.unitfacts import UnitFacts
from pollcli.read.vest import coded_races
from pollcli.read.whole_kept import whole_kept
from pollcli.read.wide_columns import (
    differs,
    lone_variants,
    maybe_note,
    repeated_rows,
    total_columns,
    totals_note,
)
from pollcli.read.wide_copies import copied_rows
from pollcli.read.wide_facts import NearWhole, added, fact_value, picked, vote_cells
from pollcli.read.wide_fit import fitted
from pollcli.read.wide_hints import no_options, second_header_row, votes_word_options
from pollcli.read.wide_note import describe
from pollcli.read.wide_parts import party_parts, summed_parts
from pollcli.read.wide_places import coded_rows, crosstab, places, rows_of
from pollcli.read.wide_single import not_options
from pollcli.read.wide_sums import counted, sum_if_same
from pollcli.read.wide_totals import marked_totals, totals_alone
from pollcli.read.wide_unlike import not_results

if TYPE_CHECKING:
    from pollcli.read.options import ReadOptions

Row = tuple[int, list[str]]
# Tables of at least this many rows are summed per region where that gives the same answer
# (`wide_sums`); the tests set it past their tables to read them a record per option too.
SUMMED_FROM_ROWS = 0


@dataclass
class Reshaped:
    """A wide table read as a long one: the long table, its column map, and its total rows."""

    table: RawTable
    columns: ColumnMap
    marked: dict[int, Marked]
    # A big table summed per region (`wide_sums`): its records and its rows' counts, the long
    # table then empty.
    records: list[Record] | None = None
    unit_facts: UnitFacts | None = None
    # The option columns that are totals of their row's options (`wide_columns`), as
    # `assemble.option_key` gives their names: the totals stage sets them aside.
    total_options: frozenset[str] = frozenset()


def reshape(
    table: RawTable, plan: Plan, options: ReadOptions, found: Found, *, fast: bool = True
) -> Reshaped:
    """The long form of a wide table: one row per option per row; or, where it gives the same
    answer (`fast`, see `wide_sums`), the options summed per region."""
    import numpy as np

    plan, grouped, refused = read_groups(table, plan, found)  # a row of groups over the names
    if plan.blocks is None and not plan.options and not refused:
        no_options(table, found)
    plan = party_parts(table, plan)  # (`Gesamtstimmen` or `D1` beside its parts: not rounds)
    if (
        votes_word_options(table, plan, options, found)
        or summed_parts(table, plan, found)
        or races.suffixed(table, plan, found)
        or coded_races(table, plan, found)
        or lone_variants(table, plan, found)
        or coded_rows(table, plan, found)
        or crosstab(table, plan, found, bool(options.id_columns))
    ):
        plan = replace(plan, options=[])  # refused: no option is read
    rows = races.apart_kept(table, plan, rows_of(table, plan, found), options)  # (`wide_races`)
    plan = fitted(table, plan, rows, found)  # the run of options that adds up to the total given
    worded = second_header_row(table, plan, rows) or names_under_groups(table, plan, rows)
    if worded is not None:
        found.add(Code.TYPE_ERROR, *worded)
    elif said := facts_options(table.header, plan.options):  # (whatever --id-columns names)
        found.add(Code.MISSING_COLUMN, table.header_line, said, column="votes")
        plan = replace(plan, options=[])
    elif not_results(table, plan, found, bool(options.id_columns)):
        plan = replace(plan, options=[])  # no election result (`wide_unlike`): no option is read
    elif not_options(table, plan, options, found):
        plan = replace(plan, options=[])  # ranks, one figure of elections, one column: none read
    region, unit, place_note = places(table, plan, rows)
    # (Rows kept by --where are the user's: a breakdown of part of a row is refused without.)
    marked = marked_totals(table, plan, rows, None if options.where else found)
    # --race-by and --where name columns that name the rows: race keys, or read to keep rows.
    keyed = wide_roles(table.header, plan.ids, options)
    if not keyed and races.races_apart(table, plan, rows, found):  # several races: refused
        plan = replace(plan, options=[])
    keyed = wide_years(table.header, plan.ids, keyed, rows)  # (a year column of several years)
    split = [i for i, role in keyed.items() if race_role(role)]
    parties = bool(split) and plan.blocks is None and not races.answers_only(table, plan)
    if not split:  # (--where that keeps the whole's row alone: the race's, its parts left out)
        rows, marked = whole_kept(table, plan, rows, marked, options, found)
    alone = totals_alone(rows, marked, split)
    if alone:
        rows = [row for row in rows if row[0] not in alone]
        marked = {line: m for line, m in marked.items() if line not in alone}
    election_ids = [i for i in plan.ids if canonical_column(table.header[i]) == "election"]
    again: set[int] = set()
    if not (split or election_ids) and unit is None:
        # Rows named alike: one error, not one per option of each (the long stages' own).
        again = repeated_rows(table, plan, rows, region, found, frozenset(marked))
        rows = [row for row in rows if row[0] not in again]
    if not (split or election_ids or again):  # (one place's figures under codes of their own)
        copied_rows(table, plan, rows, found, frozenset(marked))
    totals, maybe = total_columns(table, plan, rows, options)
    # A big table of plain figures, to be summed per region: its figures as numbers (melted with
    # names and text only if it is read a record per option after all).
    quick = fast and region is not None and len(rows) >= SUMMED_FROM_ROWS
    numbers = (
        counted(rows, plan.options)
        if quick and plan.blocks is None and not (election_ids or keyed or marked)
        else None
    )
    frame = numbers if numbers is not None else _melt(table, plan, rows, options, found)
    not_standing = 0
    if parties:
        # A table of one column per party writes 0 where a party did not stand: in a race of
        # its own, such a cell is no option on the ballot (as a blank one is), not a runner-up.
        zero = frame["votes"].str.fullmatch(r"0+")
        not_standing = int(zero.sum())
        frame = frame[~zero].reset_index(drop=True)
    base = _base_label(table, options)
    variants = sorted({v for v in (variant(table, i) for i in range(len(table.header))) if v})
    # A naming column called like a fact (`country_name`, `office`) is that fact when it holds one
    # value; one that varies from row to row names the rows (the UK's England, Scotland, Wales).
    fact_ids = [
        i
        for i in plan.ids
        if canonical_column(table.header[i]) in FACT_COLUMNS
        and canonical_column(table.header[i]) != "election"
        and len({cells[i].strip() for _, cells in rows}) <= 1
    ]
    facts = sorted({fact for fact, _ in plan.facts})
    header = [table.header[i] for i in plan.ids]
    columns: dict[int, str] = {
        position: canonical_column(table.header[i]) or ""
        for position, i in enumerate(plan.ids)
        if i in fact_ids
    }
    for position, i in enumerate(plan.ids):
        # A fact column (one `office` in every row) stays the fact: --where reads it as it is.
        if i in keyed and not (i in fact_ids and keyed[i].startswith(WHERE_PREFIX)):
            columns[position] = keyed[i]
    extra = ["region", "unit", "election", "candidate", "party", "votes", *facts]
    names = {
        "region": region.name if region else "region",
        "unit": unit.name if unit else "unit",
        "election": "election",
        # Split into races (--race-by), a table of one column per option holds the same options
        # in every race: parties (the UK's con, lab…), whose wins are counted as seats.
        "candidate": "party" if parties or plan.lists else "candidate",
        "party": "party",
        "votes": "votes",
        **{fact: _fact_header(table, plan, fact) for fact in facts},
    }
    for offset, name in enumerate(extra):
        if (name == "region" and region is None) or (name == "unit" and unit is None):
            continue
        if name == "election" and not (variants or election_ids):
            continue
        if name == "party" and not _has_parties(table, plan):
            continue
        columns[len(plan.ids) + offset] = name
    header += [names[name] for name in extra]
    by_line = dict(rows)
    known: dict[tuple[int, str], list[str]] = {}

    # Each variant's columns of each fact, found once (not per row and fact).
    fact_columns: dict[str, list[list[int]]] = {}

    def columns_of(own: str) -> list[list[int]]:
        columns = fact_columns.get(own)
        if columns is None:
            columns = fact_columns[own] = [
                plan.facts.get((fact, own)) or plan.facts.get((fact, "")) or [] for fact in facts
            ]
        return columns

    def fact_values(line: int, own: str) -> list[str]:
        columns = columns_of(own)
        cells = by_line[line]
        return [
            near.text(line, cells[c[0]])
            if len(c) == 1
            else fact_value(table, c, cells, line, found)
            for c in columns
        ]

    def fact_texts(own: str) -> dict[str, list[str]] | None:
        """`fact_values` of every row by column; None where a fact's parts are not all plain
        digits (`fact_values` then reads them row by row, naming each that is no count)."""
        texts = {}
        wanted = columns_of(own)
        cells = dict(zip(sorted({c for f in wanted for c in f}), picked(rows, wanted), strict=True))
        for fact, columns in zip(facts, wanted, strict=True):
            parts = [cells[c] for c in columns]
            if len(parts) > 1:
                summed = added(parts, len(rows))
            elif "".join(parts[0]).isdigit():  # plain digits, as in nearly every table
                summed = parts[0]
            else:
                summed = [near.text(line, t) for (line, _), t in zip(rows, parts[0], strict=True)]
            if summed is None:
                return None
            texts[fact] = summed
        return texts

    def facts_of(line: int, own: str) -> list[str]:
        """`fact_values` once a row and variant (the rows per option ask for them per cell)."""
        got = known.get((line, own))
        if got is None:
            got = known[line, own] = fact_values(line, own)
        return got

    # The total columns are melted as options for the totals stage to set aside and check, but
    # the note counts only the options.
    described = replace(plan, options=[i for i in plan.options if i not in totals])
    notes = [*table.notes, describe(table, described), *grouped]
    option_names = [level0(table, i) for i in described.options]
    joined = coalitions.warn(option_names, table.header_line, found)  # no winner then
    near = NearWhole(notes)  # read by the fact functions above, once facts are read
    if totals:
        notes.append(totals_note(table, totals))
    if maybe:
        notes.append(maybe_note(table, maybe))
    hint = [] if split else races.race_hint(table, plan, rows)
    notes += hint
    if place_note:
        notes.append(place_note)
    if alone:
        shown = ", ".join(repr(name) for name in list(alone.values())[:3])
        notes.append(
            f"{len(alone):,} total row(s) ({shown}{' …' if len(alone) > 3 else ''}) are left "
            "out: split into races, each would be a race of its own, not a total of its parts."
        )
    if not_standing:
        notes.append(
            f"Split into races, the option columns are parties: {not_standing:,} cell(s) of 0, "
            "parties that did not stand in a row's race, are left out of it."
        )
    # The rows with no cell in the frame (not an int per melted cell: the tenth kept in a set
    # pinned all of the heap).
    figured = np.zeros(len(rows), dtype=bool)
    figured[np.asarray(frame["row"], dtype=np.int64)] = True
    empty = sorted(line for (line, _), has in zip(rows, figured.tolist(), strict=True) if not has)
    if rows and len(empty) == len(rows) and not found.errors:
        # Not "no data rows": every row is there, its options' cells blank (a runoff's table by
        # gmina with both candidates' columns empty: Poland's PKW, trial 18).
        options_named = list(dict.fromkeys(level0(table, i) for i in plan.options))
        shown = ", ".join(map(repr, options_named[:4])) + (" …" if len(options_named) > 4 else "")
        found.add(
            Code.NO_ROWS,
            table.header_line,
            f"none of the {len(rows):,} data rows has a figure for any option: the option "
            f"columns ({shown}) are blank in every row, so there is no result to read; fill in "
            "their votes",
        )
    elif empty:
        notes.append(
            f"{len(empty):,} row(s) have no figures for any option and are left out "
            f"(line{'s' if len(empty) > 1 else ''} {', '.join(f'{n:,}' for n in empty[:8])}"
            f"{' …' if len(empty) > 8 else ''})."
        )
    column_map = ColumnMap(header=header, line=table.header_line, columns=columns, notes=notes)
    if joined or (hint and races.stand_apart(table, plan, rows)):  # races added up: no one wins
        column_map.elected_apart[""] = joined or (
            "The rows are races added up (the note says how to read each): their sum is no "
            "race, so no winner is named."
        )
    big = len(rows) >= SUMMED_FROM_ROWS
    # (A total column that differs from its row somewhere: each row is checked on its line.)
    plain = not (election_ids or fact_ids or keyed or marked or differs(frame, table, totals))
    if fast and big and plain and region is not None:
        sums = sum_if_same(
            frame,
            region_of=[region.of(cells, line) for line, cells in rows],
            unit_of=[unit.of(cells, line) for line, cells in rows] if unit else None,
            lines=[line for line, _ in rows],
            variant_of={
                c: variant(table, c) if plan.blocks is None else ""
                for c in set(np.asarray(frame["column"]).tolist())
            },
            base=base if variants else "",
            facts_of=fact_values if facts else None,  # once a row and variant: no cache
            fact_texts=fact_texts if facts else None,
            facts=facts,
            party=plan.blocks is not None and plan.blocks.party is not None,
            names_of={i: level0(table, i) for i in plan.options} if plan.blocks is None else None,
            options=options,
        )
        if sums is not None:
            records, unit_facts = sums
            empty_table = RawTable(
                name=table.name,
                stem=table.stem,
                delimiter=table.delimiter,
                front_matter=table.front_matter,
                header=header,
                header_line=table.header_line,
            )
            return Reshaped(
                empty_table, column_map, marked, records, unit_facts, _names(table, totals)
            )
    if numbers is not None:
        frame = _melt(table, plan, rows, options, found)
    long: list[Row] = []
    for line, position, candidate, party, votes in zip(
        frame["line"].tolist(),
        frame["column"].tolist(),
        frame["candidate"].tolist(),
        frame["party"].tolist(),
        frame["votes"].tolist(),
        strict=True,
    ):
        cells = by_line[line]
        own = variant(table, position) if plan.blocks is None else ""
        named = [cells[election_ids[0]].strip()] if election_ids else [base] if variants else []
        label = " · ".join(p for p in (*named, own) if p)
        long.append(
            (
                line,
                [
                    *(cells[i] for i in plan.ids),
                    region.of(cells, line) if region else "",
                    unit.of(cells, line) if unit else "",
                    label,
                    candidate,
                    party,
                    votes,
                    *facts_of(line, own),
                ],
            )
        )
    reshaped = RawTable(
        name=table.name,
        stem=table.stem,
        delimiter=table.delimiter,
        front_matter=table.front_matter,
        header=header,
        header_line=table.header_line,
        records=long,
    )
    return Reshaped(reshaped, column_map, marked, total_options=_names(table, totals))


def _names(table: RawTable, totals: dict[int, str]) -> frozenset[str]:
    return frozenset(option_key(level0(table, i)) for i in totals)


def _base_label(table: RawTable, options: ReadOptions) -> str:
    if given := options.facts.get("election"):
        return str(given)
    for item in table.front_matter:
        if item.key.strip().lower() == "election":
            return item.value
    return table.stem


def _has_parties(table: RawTable, plan: Plan) -> bool:
    """Whether the options have parties: a party cell in each block, or a row of them."""
    if plan.blocks is not None:
        return plan.blocks.party is not None
    return any(i in table.parties for i in plan.options)


def _melt(table: RawTable, plan: Plan, rows: list[Row], options: ReadOptions, found: Found) -> Any:
    """A frame of (row, line, column, candidate, party, votes) per option of each row, in file order,
    `row` the row's place in `rows`, votes checked (digits): the option columns melted (their
    cells taken row by row, with numpy, as pandas' melt would, sorted), or the blocks stacked."""
    import numpy as np
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    names = ["row", "line", "column", "candidate", "party", "votes"]
    if not rows:
        texts = ("candidate", "party", "votes")
        return pd.DataFrame(
            {name: pd.Series([], dtype=object if name in texts else "int64") for name in names}
        )
    lines = np.fromiter((line for line, _ in rows), dtype=np.int64, count=len(rows))
    if plan.blocks is None:
        # Each row's option cells (a row is at least as wide as the header), row by row: no
        # column of every cell, no transposed copy.
        width = len(plan.options)
        if width > 1:
            pick = itemgetter(*plan.options)
            cells = np.array([pick(row) for _, row in rows], dtype=object).ravel()
        else:  # (one option column, or none)
            cells = np.array([row[i] for _, row in rows for i in plan.options], dtype=object)
        position = np.repeat(np.arange(len(rows)), width)
        column = np.tile(np.array(plan.options, dtype=np.int64), len(rows))
        label = [level0(table, i) for i in plan.options]
        # A row of parties under the header (`dialect.RawTable.parties`) gives each column's.
        party = [table.parties.get(i, "") for i in plan.options]
        long = pd.DataFrame(
            {
                "row": position,
                "line": lines[position],
                "column": column,
                # A name per option column, not a string reference per cell.
                "candidate": _repeated(pd, np, label, len(rows)),
                "party": _repeated(pd, np, party, len(rows)),
                "votes": pd.Series(cells, dtype=object),
            }
        )
    else:
        b = plan.blocks
        width = max(len(c) for _, c in rows)
        pieces = []
        for k in range((width - b.start) // b.size):
            at = b.start + k * b.size

            def cell(offset: int, at: int = at) -> list[str]:
                return [c[at + offset] if at + offset < len(c) else "" for _, c in rows]

            name = [
                " ".join(" ".join(p).split()) for p in zip(*(cell(n) for n in b.names), strict=True)
            ]
            pieces.append(
                pd.DataFrame(
                    {
                        "row": np.arange(len(rows)),
                        "line": lines,
                        "column": at + b.votes,
                        "candidate": pd.Series(name, dtype=object),
                        "party": pd.Series(
                            cell(b.party) if b.party is not None else [""] * len(rows), dtype=object
                        ),
                        "votes": pd.Series(cell(b.votes), dtype=object),
                    }
                )
            )
        long = pd.concat(pieces, ignore_index=True).sort_values(["line", "column"], kind="stable")
        named = long["candidate"].map(str.strip) != ""
        long = long[named | (long["votes"].map(str.strip) != "")].reset_index(drop=True)
    votes = long["votes"].to_numpy(dtype=object)
    lengths = np.fromiter(map(len, votes), dtype=np.int64, count=len(votes))
    joined = "".join(votes)
    if joined.isdigit() and joined.isascii() and 0 < lengths.min() <= lengths.max() < 16:
        return long  # every cell plain digits, as in nearly every file: nothing to check one by one
    plain = np.fromiter(
        (v.isdigit() and v.isascii() and len(v) < 16 for v in votes), dtype=bool, count=len(votes)
    )
    odd = long[~plain]
    decimal, given = options.decimal or ".", options.decimal is not None
    long.loc[~plain, "votes"] = vote_cells(odd, table, decimal, given, found)
    return long[long["votes"] != ""].reset_index(drop=True)


def _repeated(pd: Any, np: Any, names: list[str], rows: int) -> Any:
    """`names` (one per option column) once per row, as a categorical column."""
    categories = list(dict.fromkeys(names))
    codes = np.array([categories.index(name) for name in names], dtype=np.int32)
    return pd.Categorical.from_codes(np.tile(codes, rows), categories=categories)


def _fact_header(table: RawTable, plan: Plan, fact: str) -> str:
    columns = next(c for (f, _), c in plan.facts.items() if f == fact)
    return " + ".join(level0(table, i) for i in columns)
