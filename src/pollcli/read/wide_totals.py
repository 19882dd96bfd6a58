"""A wide table's total rows, marked for the totals stage with the lines of the rows they total.

A row is a total when a naming cell is a total word (`Итого`, `Total`: of the rows that share the
naming cells left of it, where a blank cell or a row's own code groups nothing), when no naming cell
names it (of all the others: the UK's flat file ends with a row of national figures), or when other
rows name it as theirs in a parent column (`gehört zu`: a Land of its Wahlkreise, the Bundesgebiet
of its Länder — each of the rows below it that are no totals themselves).

Where no row is named so, a first or last row whose every option's figure is the sum of all the
other rows' is their total, named like a place (Baden-Württemberg's Landesamt ends its Wahlkreise
with the Land's row, `BW,Baden-Württemberg`). Codes may tell the rows' levels instead: a row whose
code begins the codes of two rows or more and whose every option's figure is their sum is their
total (Sri Lanka's districts, `EC-01`, before their polling divisions `EC-01A`, `EC-01B`…); the
first or last row that holds the sum of the rows that are no totals is then the total of them all
(the country's `LK`).

Split into races by `--race-by`, a total row whose race cells are none of its parts' (the Land's
name is no Wahlkreis's) would be a race of its own: `totals_alone` names them, to leave out.
"""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Sequence

from pollcli.numbers import NumberError, parse_votes
from pollcli.problems import Code, Found
from pollcli.read import protocol, zero_codes
from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan
from pollcli.read.level_totals import level_rows
from pollcli.read.preamble import is_number
from pollcli.read.total_places import ABOUT_SUM, Marked
from pollcli.read.total_words import is_total_name, may_hold_total

Row = tuple[int, list[str]]
# The fewest rows a row must be the sum of, in every option's column, to be read as their total.
SUM_ROW_PARTS = 4
# The most rows a block may have before its total (`_block_totals`): a Land's Wahlkreise, not more.
BLOCK_ROWS = 1000


def marked_totals(
    table: RawTable, plan: Plan, rows: list[Row], found: Found | None = None
) -> dict[int, Marked]:
    """The rows that are totals, each with the lines of the rows it totals (module docstring)."""
    return (
        _named_totals(table, plan, rows)
        or _code_totals(table, plan, rows, found)
        or _zero_code_totals(table, plan, rows, found)
        or _sum_row(table, plan, rows)
        or _block_totals(plan, rows)
        or level_rows(table.header, plan, rows, figures_of, found)
    )


def figures_of(plan: Plan, rows: list[Row]) -> list[list[int]] | None:
    """Each row's figures in the option columns (`_count`), or None where a cell is no count."""
    figures: list[list[int]] = []
    for _, cells in rows:
        row = [_count(cells[i]) if i < len(cells) else 0 for i in plan.options]
        if None in row:
            return None  # a cell that is no count: the row stage says so; no total is told here
        figures.append(row)  # type: ignore[arg-type]
    return figures


def _code_totals(
    table: RawTable, plan: Plan, rows: list[Row], found: Found | None
) -> dict[int, Marked]:
    """Rows whose code (a naming column of a code per row) begins other rows' codes at a word's
    edge (`EC-01` of `EC-01A`, never `1` of `10`) and that hold the sum of those of them that are
    no such rows themselves, option by option: their totals, once one such row has two parts or
    more; then a first or last row holding the sum of all the rows that are no totals is their
    total. Where one such row does not hold its parts' sum (a breakdown of part of it), the file
    is refused (`found`): counted, either would count votes twice."""
    if len(rows) <= SUM_ROW_PARTS or len(plan.options) < 2:
        return {}
    codes = [i for i in plan.ids if _own_code(table.header[i], rows, i)]
    figures = figures_of(plan, rows) if codes else None
    if figures is None:
        return {}
    ids = [cells[codes[0]].strip() for _, cells in rows]
    below = _below(ids)
    if below is None:
        return {}
    parents = [n for n, under in enumerate(below) if under]
    options = range(len(plan.options))
    marked: dict[int, Marked] = {}
    partial: list[int] = []
    column = table.header[codes[0]]
    for n in parents:
        leaves = [j for j in below[n] if not below[j]]
        sums = [sum(figures[j][k] for j in leaves) for k in options]
        if leaves and any(sums) and sums == figures[n]:
            what = f"rows whose {column!r} code begins other rows' codes hold their sum: totals"
            marked[rows[n][0]] = Marked(what, frozenset(rows[j][0] for j in leaves))
        else:
            partial.append(n)
    if not any(len(m.parts) >= 2 for m in marked.values()):
        return {}
    rest = [n for n in range(len(rows)) if rows[n][0] not in marked]
    under = {j for js in below for j in js}
    top = [n for n in range(len(rows)) if n not in under]
    for at in (rest[0], rest[-1]):
        # With a partial breakdown, the rows no code begins: their total's is the advice.
        others = [n for n in (top if partial else rest) if n != at]
        sums = [sum(figures[n][k] for n in others) for k in options]
        off = sum(abs(a - b) for a, b in zip(sums, figures[at], strict=True))
        if partial and found is not None and any(sums) and off <= ABOUT_SUM * sum(sums):
            # The advice: the row that holds about the sum of the rows no code begins.
            _refuse_partial(found, rows, ids, partial, below, column, ids[at])
            return {}
        if len(others) >= SUM_ROW_PARTS and any(sums) and sums == figures[at]:
            name = ids[at] or f"line {rows[at][0]:,}"
            what = f"a row holding the sum of the rows that are no totals ({name!r}) is their total"
            marked[rows[at][0]] = Marked(what, frozenset(rows[n][0] for n in others))
            break
    if partial and found is not None:
        _refuse_partial(found, rows, ids, partial, below, column, None)
        return {}
    return marked


def _zero_code_totals(
    table: RawTable, plan: Plan, rows: list[Row], found: Found | None
) -> dict[int, Marked]:
    """Rows named by several code columns, a code of zeros standing for all (`zero_codes`:
    Taiwan's CEC tables by `prv_code, city_code, area_code, li_code, dept_code`): a row above
    others that holds the sum of the rows below it that are above none, option by option, is
    their total. Where one does not hold that sum, the file is refused (`found`), as in
    `_code_totals`, if another does (else the rows are places)."""
    if len(rows) <= SUM_ROW_PARTS or len(plan.options) < 2:
        return {}
    codes = [i for i in plan.ids if all(i < len(c) and c[i].strip().isdigit() for _, c in rows)]
    if not 2 <= len(codes) <= zero_codes.ZERO_CODES_AT_MOST:
        return {}
    keys = [tuple(zero_codes.unless_zeros(c[i].strip()) for i in codes) for _, c in rows]
    below = zero_codes.below(keys)
    figures = figures_of(plan, rows) if below is not None else None
    if below is None or figures is None:
        return {}
    names = ", ".join(repr(table.header[i]) for i in codes)
    totals, partial = zero_codes.totals(below, figures)
    if partial and not totals:
        return {}  # (no row holds a sum: no level is evident, `0000` rows of absentee votes)
    if partial:
        if found is not None:
            # The row of fewest parts that does not hold their sum: where the file is off.
            n = min(partial, key=lambda m: len(below[m]))
            _refuse_zeros(found, table, rows, codes, keys, n, names, len(below[n]))
        return {}
    what = f"rows whose codes ({names}) are others' with zeros for all hold their sum: totals"
    return {
        rows[n][0]: Marked(what, frozenset(rows[j][0] for j in leaves))
        for n, leaves in totals.items()
    }


def _refuse_zeros(
    found: Found,
    table: RawTable,
    rows: list[Row],
    codes: list[int],
    keys: list[tuple[str, ...]],
    n: int,
    names: str,
    under: int,
) -> None:
    """The error for a row of zero codes that does not hold the sum of the rows below it; the
    advice counts the file from the row of zeros only, where one column's zero is that row's."""
    top = [m for m, k in enumerate(keys) if not any(k)]
    advice = "leave out the rows of all levels but one"
    for i in codes if top else ():
        cell = rows[top[0]][1][i].strip()
        if sum(1 for _, c in rows if c[i].strip() == cell) == 1:
            advice = (
                "count the file from the row of all zeros, the total of every row, alone: "
                f"--where {shlex.quote(f'{table.header[i]}={cell}')}"
            )
            break
    shown = ",".join(rows[n][1][i].strip() for i in codes)
    found.add(
        Code.TOTAL_MISMATCH,
        rows[n][0],
        f"the codes ({names}) tell levels of rows, zeros standing for all: {shown!r} is above "
        f"{under} rows but does not hold the sum of those of them at the finest level: a "
        "breakdown of part of it, or rows missing. Counted "
        f"with its parts, its votes would count twice or more; {advice}",
        column=table.header[codes[0]],
    )


def _below(ids: list[str]) -> list[list[int]] | None:
    """For each code, the rows whose codes it begins (`_begins`); None when no code begins
    another. Found in the codes' sorted order, where those a code begins follow it."""
    from bisect import bisect_left
    from itertools import pairwise

    order = sorted(range(len(ids)), key=ids.__getitem__)
    ranked = [ids[i] for i in order]
    if not any(a and b.startswith(a) for a, b in pairwise(ranked)):
        return None
    below: list[list[int]] = []
    for me in ids:
        found = []
        for at in range(bisect_left(ranked, me), len(ranked)) if me else ():
            if not ranked[at].startswith(me):
                break
            if _begins(me, ranked[at]):
                found.append(order[at])
        below.append(found)
    return below


def _begins(me: str, other: str) -> bool:
    """Whether code `me` begins code `other` at a word's edge: a separator or a change from digit
    to letter after it (`EC-01` in `EC-01A`), never within a number or a word (`1` in `10`)."""
    if not me or len(other) <= len(me) or not other.startswith(me):
        return False
    after = other[len(me)]
    return not after.isalnum() or after.isdigit() != me[-1].isdigit()


def _refuse_partial(
    found: Found,
    rows: list[Row],
    ids: list[str],
    partial: list[int],
    below: list[list[int]],
    column: str,
    whole: str | None,
) -> None:
    """The error for rows whose codes tell totals that do not hold their parts' sum."""
    n = partial[0]
    parts = ", ".join(repr(ids[j]) for j in below[n][:3]) + (" …" if len(below[n]) > 3 else "")
    also = f" (and {len(partial) - 1} more such rows)" if len(partial) > 1 else ""
    advice = (
        "count the file from the row that holds about the sum of the rows no code begins, "
        f"alone: --where {shlex.quote(f'{column}={whole}')}"
        if whole
        else "leave out the rows of one level"
    )
    found.add(
        Code.TOTAL_MISMATCH,
        rows[n][0],
        f"the {column!r} codes tell levels of rows: {ids[n]!r} begins the codes of {parts}, but "
        f"does not hold their sum{also}: a breakdown of part of it, or rows missing. Counted "
        "with its parts, its votes would count twice, and pollcli cannot tell which rows to "
        f"count; {advice}",
        column=column,
    )


def _sum_row(table: RawTable, plan: Plan, rows: list[Row]) -> dict[int, Marked]:
    """The first or last row when its figure in every option's column is the sum of all the other
    rows' (`SUM_ROW_PARTS` at least, over two options at least; some figure not 0): a total named
    like a place, as Baden-Württemberg's Landesamt ends its Wahlkreise with `BW,Baden-Württemberg`
    (the Land's figures); never a row naming a place some of the others name and some do not
    (`_in_a_group`: a region's precinct). Fewer parts or options, and a place's figures may be the
    others' sum by chance (`Adams,7,4` over `Brown,3,1` and `Clark,4,3`): no total is told."""
    if len(rows) <= SUM_ROW_PARTS or len(plan.options) < 2:
        return {}
    ends = figures_of(plan, [rows[0], rows[-1]])
    if ends is None:
        return {}
    # Summed row by row, each end let go once a column's sum passes twice its figure (counts are
    # never below 0): a table of polling stations stops within a few rows, not after 100,000.
    heads = {at: figures for at, figures in zip((0, len(rows) - 1), ends, strict=True)}
    sums = [0] * len(plan.options)
    for _, cells in rows:
        row = figures_of(plan, [(0, cells)])
        if row is None:
            return {}
        sums = [s + v for s, v in zip(sums, row[0], strict=True)]
        heads = {
            at: f
            for at, f in heads.items()
            if all(s <= 2 * v for s, v in zip(sums, f, strict=True))
        }
        if not heads:
            return {}
    for at, figures in heads.items():
        if _in_a_group(rows, at, plan.ids):
            continue
        if any(figures) and all(2 * f == s for f, s in zip(figures, sums, strict=True)):
            line, cells = rows[at]
            name = " ".join(cells[i].strip() for i in plan.ids if i < len(cells)).strip()
            what = f"a row holding the sum of all the others in every option's column ({name!r})"
            return {line: Marked(f"{what} is their total", frozenset(r for r, _ in rows) - {line})}
    return {}


def _block_totals(plan: Plan, rows: list[Row]) -> dict[int, Marked]:
    """Rows each closing a block of two rows or more with its sum in every option's column, blocks
    covering the table, and maybe a last row holding the sum of theirs: the 1949 Bundestag's table,
    each Land's row after its Wahlkreise, the Bundesgebiet's last, no code or word to tell them."""
    marked: dict[int, Marked] = {}
    block: list[int] = []
    sums = totals = [0] * len(plan.options)
    for at, (_, cells) in enumerate(rows if len(plan.options) >= 2 else []):
        if len(block) > BLOCK_ROWS or (figures := figures_of(plan, [(0, cells)])) is None:
            return {}  # (a table of polling stations is let go after its first rows)
        row = figures[0]
        if len(block) >= 2 and any(row) and row == sums:
            why = (
                "a row holding the sum of the rows above it since the last such row is their total"
            )
            marked[rows[at][0]] = Marked(why, frozenset(rows[n][0] for n in block))
            block, sums, totals = (
                [],
                [0] * len(row),
                [t + v for t, v in zip(totals, row, strict=True)],
            )
            continue
        block.append(at)
        sums = [s + v for s, v in zip(sums, row, strict=True)]
    last = figures_of(plan, rows[-1:]) if len(block) == 1 else None
    if len(marked) < 2 or len(block) > 1 or (last is not None and last[0] != totals):
        return {}
    if block:
        leaves = frozenset(p for m in marked.values() for p in m.parts)
        marked[rows[block[0]][0]] = Marked(
            "the last row, the sum of those totals, is all's", leaves
        )
    return marked


def _in_a_group(rows: list[Row], at: int, ids: Sequence[int]) -> bool:
    """Whether row `at` names a place (an id cell) that some of the other rows name and some do
    not: one of a region's precincts, never the total of all the rows (which names a place of its
    own, or the one every row names)."""
    for i in ids:
        cell = rows[at][1][i].strip() if i < len(rows[at][1]) else ""
        if not cell:
            continue
        shared = [
            (cells[i].strip() if i < len(cells) else "") == cell
            for n, (_, cells) in enumerate(rows)
            if n != at
        ]
        if any(shared) and not all(shared):
            return True
    return False


def _count(cell: str) -> int | None:
    """A cell's count (blank: 0; thousands marks aside; within 1e-6 of a whole number, a sum of
    floats: that number), or None for a cell that is no count."""
    try:
        return parse_votes(cell, ".", decimal_given=False, near_whole=[]) if cell.strip() else 0
    except NumberError:
        pass
    text = cell.strip().replace(",", "").replace(".", "").replace(" ", "").replace("\u00a0", "")
    return int(text) if text.isdigit() else None


def _named_totals(table: RawTable, plan: Plan, rows: list[Row]) -> dict[int, Marked]:
    """The rows named as totals (see the module's docstring)."""
    header = table.header
    naming = [i for i in plan.ids if not protocol.names_a_parent(header[i])]
    marked: dict[int, Marked] = {}
    parents = [i for i in plan.ids if protocol.names_a_parent(header[i])]
    if parents and naming:
        marked.update(_parent_totals(header, rows, parents[0], naming))
    if not naming:
        return marked
    named = [(line, cells) for line, cells in rows if "".join(cells[i] for i in naming).strip()]
    cells_of = {cells[i] for _, cells in rows for i in naming}
    if len(named) == len(rows) and not may_hold_total(cells_of):
        return _without_totals(marked)  # no row without a name, no name with a total's word
    # A code that tells every row apart (a row's own: fips, AGS) groups no rows. A name may: a
    # county given only as `TOTALS` is a total of nothing, and stays its figure.
    own_codes = {i for i in naming if _own_code(header[i], rows, i)}
    named_in: dict[int, Counter[str]] = {}
    for line, cells in rows:
        if line in marked:
            continue
        words = [k for k, i in enumerate(naming) if is_total_name(cells[i], place=True)]
        if words:
            # Of the rows named alike left of its total word, and after it where others share its
            # name (the AEC's `Total,NSW`); a blank cell names no group (`,Total`: of them all).
            left = [
                i
                for k, i in enumerate(naming)
                if k not in words
                and cells[i].strip()
                and i not in own_codes
                and (k < words[0] or _named(rows, named_in, i)[cells[i].strip()] > 1)
            ]
            parts = frozenset(
                other
                for other, them in rows
                if other != line and all(them[i].strip() == cells[i].strip() for i in left)
            )
            what = f"rows named {cells[naming[words[0]]].strip()!r} in column {header[naming[words[0]]]!r} are totals"
            marked[line] = Marked(what, parts)
        elif named and not any(cells[i].strip() for i in naming):
            names = ", ".join(repr(header[i]) for i in naming)
            marked[line] = Marked(
                f"rows named in none of {names} are totals of the others",
                frozenset(other for other, _ in named),
            )
    return _without_totals(marked)


def _named(rows: list[Row], named_in: dict[int, Counter[str]], index: int) -> Counter[str]:
    """How many rows name each place in column `index` (counted once, into `named_in`)."""
    if index not in named_in:
        named_in[index] = Counter(cells[index].strip() for _, cells in rows if index < len(cells))
    return named_in[index]


def _own_code(label: str, rows: list[Row], index: int) -> bool:
    """Whether a naming column is a code (by its header, or numbers) with no two rows alike."""
    cells = [c[index].strip() for _, c in rows if c[index].strip()]
    code = protocol.names_a_row(label) or sum(map(is_number, cells)) * 2 > len(cells)
    return code and len(set(cells)) == len(cells)


def totals_alone(rows: list[Row], marked: dict[int, Marked], split: list[int]) -> dict[int, str]:
    """The total rows that --race-by would make races of their own (a Land's row beside its
    Wahlkreise, split by `Gebiet`): their race-key cells are none of their parts'. By line, with
    the name they would have had."""
    if not split or not marked:
        return {}
    by_line = dict(rows)

    def key(line: int) -> tuple[str, ...]:
        return tuple(by_line[line][i].strip() for i in split)

    return {
        line: " · ".join(p for p in key(line) if p) or f"line {line:,}"
        for line, total in marked.items()
        if line in by_line
        and key(line) not in {key(part) for part in total.parts if part in by_line}
    }


def _without_totals(marked: dict[int, Marked]) -> dict[int, Marked]:
    """Each total's parts without the other totals (a Land's row is no part of the Bund's)."""
    totals = set(marked)
    return {
        line: Marked(m.reason, frozenset(p for p in m.parts if p not in totals))
        for line, m in marked.items()
    }


def _parent_totals(
    header: list[str], rows: list[Row], parent: int, naming: list[int]
) -> dict[int, Marked]:
    """Rows that other rows name in the parent column (`gehört zu`), by the naming column those
    names are in (`Nr`): totals of the rows below them that are no totals themselves."""
    pointed = {cells[parent].strip() for _, cells in rows if cells[parent].strip()}
    if not pointed:
        return {}
    own = max(naming, key=lambda i: sum(1 for _, c in rows if c[i].strip() in pointed))
    by_id = {cells[own].strip(): line for line, cells in rows}
    if not pointed & set(by_id):
        return {}
    children: dict[str, list[int]] = {}
    for line, cells in rows:
        children.setdefault(cells[parent].strip(), []).append(line)
    ids = {line: cells[own].strip() for line, cells in rows}
    totals = {line for line, ident in ids.items() if ident in pointed}

    def leaves(ident: str) -> set[int]:
        found: set[int] = set()
        for child in children.get(ident, []):
            if child in totals:
                if ids[child] != ident:
                    found |= leaves(ids[child])
            else:
                found.add(child)
        return found

    what = (
        f"rows that other rows belong to (column {header[parent]!r}, by {header[own]!r}) are "
        "totals of them"
    )
    return {line: Marked(what, frozenset(leaves(ids[line]))) for line in totals}
