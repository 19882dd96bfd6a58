"""A wide table of places at several levels, each above the run of places it holds: the total rows.

Austria's interior ministry lists the whole country, then each Land, each Regionalwahlkreis, each
Bezirk and its Gemeinden, one table, top down (`G00000 Österreich`, `G10000 Burgenland`, `G1A000
Burgenland Nord`, `G10100 Eisenstadt-Umgebung`, `G10101 Breitenbrunn`…), no level column and no
total word; Switzerland's and Spain's tables open so too. Summed as places, every vote counted as
many times as there are levels (five: ÖVP 1,500 of 300).

A row is the total of the run of rows below it, the totals among them aside, where its figure in
every option's column is their sum (some figure not 0, two options at least); found from the last
row up, so that a Bezirk is known before the Land above it. A single row below it with its figures
is its run too: a Bezirk of one Gemeinde (a Statutarstadt) lists it again. Such rows are totals
only where the first row is the total of every row that is none (four at least) and another row is
a total too: a table that opens with the whole and runs down its levels. Each total is set aside by the totals stage, its parts counted.

With no row of the whole, such a row is a group's subtotal only where a naming cell says it is
above the rows it totals, by its code or a group's word (`group_totals`: Upper Austria's Bezirke
above their Gemeinden, `40200 Bezirk X` over `40201`, `40202`, without a row of the Land).

A long table of such places (`code,region,party,votes`, a row per place and option) is read so
too, its regions in the order first met (`regions_aside`: the last step of the totals stage, on
the regions' sums, which both engines keep); a whole listed again at each level is refused so too
(`whole_again`, by the regions' figures); with no whole, regions named as groups (`Bezirk X`) of
the regions after them are their subtotals (`group_totals`, by their names alone).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Final, NamedTuple

from pollcli.columns import option_key
from pollcli.problems import Code, Found
from pollcli.read.total_checks import lines_text, rows_text
from pollcli.read.total_places import Marked

if TYPE_CHECKING:
    from pollcli.read.header import ColumnMap
    from pollcli.read.layout import Plan
    from pollcli.read.records import Record

Row = tuple[int, list[str]]
# The most rows looked at: a country's municipalities with their levels (Austria: some 2,300).
LEVEL_ROWS: Final[int] = 20_000
# The fewest places below the whole (as `wide_totals.SUM_ROW_PARTS`: fewer may add up by chance).
LEAVES_AT_LEAST: Final[int] = 4
# The most levels a long table's whole is looked for over (`regions_aside`).
LEVELS_AT_MOST: Final[int] = 8


def levels(options: list[int], rows: list[Row]) -> bool:
    """Whether a wide table may be one of levels, before its figures are read: two options at
    least, and no more rows than `LEVEL_ROWS` (a table of polling stations is let go at once)."""
    return len(options) >= 2 and 3 <= len(rows) <= LEVEL_ROWS


def level_rows(
    header: list[str],
    plan: Plan,
    rows: list[Row],
    figures_of: Callable[[Plan, list[Row]], list[list[int]] | None],
    found: Found | None,
) -> dict[int, Marked]:
    """A wide table's rows that are totals of the levels below them, with no word or code column
    to say so: under a first row of the whole (`head_totals`); the whole listed again at each
    level, refused (`whole_again`); or of groups of the rows after them (`group_totals`). The
    figures (`figures_of`) are read only where the table may be one."""
    figures = figures_of(plan, rows) if levels(plan.options, rows) else None
    if marked := head_totals(rows, figures):
        return marked
    # (The whole again at each level, Wahlkreise apart from their Bezirke: the advice is its own.)
    alone = again(header, plan.ids, rows, figures) is None
    if alone and (marked := group_totals(header, plan.ids, rows, figures, found)):
        return marked
    return whole_again(header, plan.ids, rows, figures, found)


def head_totals(rows: list[Row], figures: list[list[int]] | None) -> dict[int, Marked]:
    """The rows that are totals of the runs below them (see the module's docstring), each with the
    lines of the rows it totals; {} where the first row is not the total of every other."""
    if figures is None or len(rows) < 3 or len(rows) > LEVEL_ROWS or not any(figures[0]):
        return {}
    if sum(figures[0]) * LEVELS_AT_MOST < sum(map(sum, figures)):
        return {}  # the first row is no whole: a table of places, its first of many
    runs = _runs(figures)
    if 0 not in runs or len(runs[0]) + len(runs) != len(rows):
        return {}
    if len(runs) < 2 or len(runs[0]) < LEAVES_AT_LEAST:
        return {}  # one level (`wide_totals`' sum row), or few places: a sum by chance
    why = "a row holding the sum of the rows below it, the levels of a table that opens with the whole"
    return {
        rows[n][0]: Marked(f"{why}, is their total", frozenset(rows[m][0] for m in run))
        for n, run in runs.items()
    }


def _runs(figures: list[list[int]], only: set[int] | None = None) -> dict[int, list[int]]:
    """Each row that holds, option by option, the sum of the run of rows below it (the totals
    among them aside), with that run; found from the last row up (see the module's docstring).
    With `only`, those rows alone are looked at."""
    runs: dict[int, list[int]] = {}
    for n in range(len(figures) - 2, -1, -1):
        if only is not None and n not in only:
            continue
        row = figures[n]
        if sum(1 for v in row if v) < 2:
            continue
        sums, run = [0] * len(row), []
        for m in range(n + 1, len(figures)):
            if m in runs:
                continue  # a total below this row: its parts are counted instead
            sums = [s + v for s, v in zip(sums, figures[m], strict=True)]
            run.append(m)
            if sums == row or any(s > v for s, v in zip(sums, row, strict=True)):
                break  # (counts are never below 0: a sum past the row's figure stays past it)
        if run and sums == row:
            runs[n] = run
    return runs


# Whole words of a naming cell that name a group of the places listed after it (`group_totals`).
GROUP_WORDS: Final[frozenset[str]] = frozenset(
    {"bezirk", "kreis", "landkreis", "stadtkreis", "wahlkreis", "regionalwahlkreis", "district"}
    | {"county", "total", "subtotal"}
)
# The fewest option columns with a figure (not 0), and votes, in which one sign tells a group's
# row; with fewer, a place may hold the sum of the rows after it by chance (`1,1` over `1,1`),
# and both signs are needed.
GROUP_FIGURES: Final[int] = 3
GROUP_VOTES: Final[int] = 100


def group_totals(
    header: list[str],
    ids: list[int],
    rows: list[Row],
    figures: list[list[int]] | None,
    found: Found | None,
) -> dict[int, Marked]:
    """Rows that hold, option by option, the sum of the run of rows after them (the totals among
    them aside) where a naming cell says they are above them, with no row of the whole above all
    (`head_totals`): Upper Austria's Bezirke above their Gemeinden, some listed without (`40200
    Bezirk X`, `40201 Asten`, `40202 Enns`, `40401 Ried`), summed as places every vote of a Bezirk
    counted twice. The signs (`_signs`): a code that begins every part's (`EC-01` of `EC-01A`;
    `40200` of `40201`, its trailing zeros stripped, the codes of one length), a word naming a
    group (`GROUP_WORDS`) that no part's cell holds. One sign is enough with `GROUP_FIGURES`
    figures not 0 and `GROUP_VOTES`; with fewer, both are needed, and a row of one sign is
    refused (`found`) where it holds the sum of two rows at least and `GROUP_VOTES` (else it is
    counted): a place may hold the sum of the next in one or two columns by chance. So is a row
    of both signs that does not hold the sum of the rows after it: a breakdown of part of it, or
    rows missing, which counted with it would count its votes twice (where it holds at least their
    sum, `_over_its_run`: else it is a place)."""
    if figures is None or len(rows) < 3:
        return {}
    nexts = [_signs(ids, rows, n, [n + 1]) for n in range(len(rows) - 1)]
    runs = _runs(figures, {n for n, s in enumerate(nexts) if s})
    signs = {n: _signs(ids, rows, n, run) for n, run in runs.items()}
    doubtful = sorted(
        n
        for n, s in signs.items()
        if len(s) == 1
        and not _strong(figures[n])
        and len(runs[n]) >= 2
        and sum(figures[n]) >= GROUP_VOTES
    )
    kept = {n for n, s in signs.items() if s and (len(s) == 2 or _strong(figures[n]))}
    while kept != set(runs):  # (a row not kept is counted: the totals above it found again)
        runs = _runs(figures, kept)
        kept = {n for n in kept if n in runs and _signs(ids, rows, n, runs[n])}
    refused = [
        n
        for n, s in enumerate(nexts)
        if len(s) == 2 and n not in runs and _over_its_run(ids, rows, figures, n)
    ]
    if found is not None and (refused or doubtful):
        _refuse_groups(found, header, ids, rows, refused, doubtful, signs)
        return {}
    why = "a row whose code or name says it is above the rows after it, holding their sum"
    return {rows[n][0]: Marked(f"{why}, is their subtotal", _lines(rows, runs[n])) for n in kept}


def _signs(ids: list[int], rows: list[Row], n: int, parts: list[int]) -> set[str]:
    """The signs that row `n` is above the rows `parts` (`group_totals`): "code", "word"."""
    signs: set[str] = set()
    cells = rows[n][1]
    for i in ids:
        own = cells[i].strip() if i < len(cells) else ""
        theirs = [rows[m][1][i].strip() if i < len(rows[m][1]) else "" for m in parts]
        if own and all(_code_begins(own, other) for other in theirs):
            signs.add("code")
        if _group_word(own) and not any(_group_word(other) for other in theirs):
            signs.add("word")
    return signs


def _over_its_run(ids: list[int], rows: list[Row], figures: list[list[int]], n: int) -> bool:
    """Whether row `n` holds, option by option, at least the sum of the rows after it that both
    signs put below it (`_signs`): a group with rows missing, or a breakdown of part of it. One
    that holds less is no group of them but a place (precinct `100`, `County Courthouse`, above
    `101`, `102`… of more votes). So does one over rows of which one holds the sum of the rows
    after it, two at least: a group over groups (`Bezirk` over `Gerichtsbezirke` and their
    Gemeinden, which hold it twice)."""
    run = []
    for m in range(n + 1, len(rows)):
        if len(_signs(ids, rows, n, [m])) < 2:
            break
        run.append(m)
    if all(figures[n][k] >= sum(figures[m][k] for m in run) for k in range(len(figures[n]))):
        return True
    return any(_sum_of_next(figures, run[at:]) for at in range(len(run)))


def _sum_of_next(figures: list[list[int]], run: list[int]) -> bool:
    """Whether the first row of `run` holds the sum of the two or more rows right after it."""
    top, summed = figures[run[0]], [0] * len(figures[run[0]])
    for count, m in enumerate(run[1:], 1):
        summed = [a + b for a, b in zip(summed, figures[m], strict=True)]
        if count >= 2 and summed == top and _strong(top):
            return True
        if any(a > b for a, b in zip(summed, top, strict=True)):
            return False
    return False


def _strong(row: list[int]) -> bool:
    return sum(1 for v in row if v) >= GROUP_FIGURES and sum(row) >= GROUP_VOTES


def _code_begins(own: str, other: str) -> bool:
    """Whether code `own` begins code `other`: at a word's edge (`EC-01` of `EC-01A`, never `1`
    of `10`), or its trailing zeros stripped, two at least, the two of one length (`40200` of
    `40201`, never `40110` of `40111`)."""
    if not _CODE.fullmatch(own) or len(other) < len(own) or other == own:
        return False
    if len(other) == len(own):
        stem = own.rstrip("0")  # (two zeros at least: `40110` is a Gemeinde, `R0` a place)
        return len(stem) <= len(own) - 2 and bool(stem) and other.startswith(stem)
    if not other.startswith(own):
        return False
    after = other[len(own)]
    return not after.isalnum() or after.isdigit() != own[-1].isdigit()


# A code: a digit at least; letters, digits, `-`, `.`, `_`, no space (`40200`, `EC-01`, `G1A000`).
_CODE: Final = re.compile(r"(?=\D*\d)[\w.-]+")


@lru_cache(maxsize=4096)  # (each race's regions are the file's: `County 1` in 2,000 races)
def _group_word(cell: str | None) -> bool:
    return bool(cell) and any(w in GROUP_WORDS for w in re.split(r"\W+", (cell or "").casefold()))


def _lines(rows: list[Row], run: list[int]) -> frozenset[int]:
    return frozenset(rows[m][0] for m in run)


def _refuse_groups(
    found: Found,
    header: list[str],
    ids: list[int],
    rows: list[Row],
    refused: list[int],
    doubtful: list[int],
    signs: dict[int, set[str]],
) -> None:
    """The error for rows of a group that do not hold the sum of the rows after them, or that
    hold it in one or two columns with one sign only (`group_totals`)."""
    n = (refused or doubtful)[0]
    name = " ".join(c for i in ids if i < len(rows[n][1]) and (c := rows[n][1][i].strip()))
    more = len(refused) + len(doubtful) - 1
    also = f" (and {more} more such rows)" if more else ""
    if refused:
        what = (
            f"its code and name say it is a group of the rows after it, but it does not hold "
            f"their sum{also}: a breakdown of part of it, or rows missing"
        )
    else:
        what = (
            f"it holds the sum of rows after it in each of the few option columns with a figure, "
            f"and only its {next(iter(signs[n]))} says it is above them{also}: "
            "a subtotal, or a place whose figures are theirs by chance"
        )
    found.add(
        Code.TOTAL_MISMATCH,
        rows[n][0],
        f"{name!r} (line {rows[n][0]:,}): {what}. Counted with them, its votes would count "
        "twice, and pollcli cannot tell which rows to count; leave out the rows of one level "
        "(the groups' or their places') from the file",
        column=header[ids[0]] if ids else None,
    )


# Every option's sum over the rows within this share of N times the first row's: the whole and
# its parts at N - 1 levels, each level listed apart from its parts (`whole_again`).
AGAIN_OFF: Final[float] = 0.02
# The fewest options, each with a figure in the first row, that tell it.
AGAIN_OPTIONS: Final[int] = 3


def whole_again(
    header: list[str],
    names: list[int],
    rows: list[Row],
    figures: list[list[int]] | None,
    found: Found | None,
) -> dict[int, Marked]:
    """Where no row is found the total of the rows below it, but every option's sum over the rows
    is N times the first row's (N ≥ 2, within `AGAIN_OFF`, `AGAIN_OPTIONS` options at least): the
    whole listed again at each level, a middle level apart from its parts (Upper Austria's
    Wahlkreise together above its Bezirke): an error (`found`), with the advice to count the
    whole's row alone, `--where COL=CODE` by the first naming column that tells it. So too where
    N comes out only with the rows that hold the sum of the run below them set aside (a level
    listed in part: Upper Austria's 2006 Bezirke above their Gemeinden, its Statutarstädte
    alone, its Wahlkarten by Wahlkreis; summed, 3.84 times the Land). No totals."""
    told = again(header, names, rows, figures) if found is not None else None
    if told is None or figures is None or found is None:
        return {}
    times, column, aside = told
    first, summed = figures[0][0], sum(row[0] for row in figures)
    code = rows[0][1][column].strip()
    advice = f"count the whole's row alone: --where {shlex.quote(f'{header[column]}={code}')}"
    if not aside:
        text = (
            f"every option's votes over the rows add up to about {times} times the first row's "
            f"({code!r}: {first:,} of {summed:,}): the whole and its parts at {times - 1} levels, "
            f"listed apart, which summed would count every vote {times} times, and no row is the "
            f"total of the rows below it; {advice}"
        )
    else:
        kept = first * times
        lines = [rows[n][0] for n in aside]
        text = (
            f"the rows' votes add up to {summed / first:.2f} times the first row's ({code!r}: "
            f"{first:,} of {summed:,} in the first option's column), and every option's to about "
            f"{times} times with the "
            f"{rows_text(len(aside))} that hold the sum of the rows below them set aside "
            f"({lines_text(lines)}; about {kept:,} left): the whole and its parts at "
            f"{times - 1} levels, listed apart, some levels in part, which summed would count "
            f"votes {times} times or more; {advice}"
        )
    found.add(Code.TOTAL_MISMATCH, rows[0][0], text, column=header[column])
    return {}


class Again(NamedTuple):
    """How many times the rows count the first row's votes (`again`), the naming column that
    tells that row apart, and the rows set aside to tell it (each the total of the run below)."""

    times: int
    column: int
    aside: tuple[int, ...]


def again(
    header: list[str], names: list[int], rows: list[Row], figures: list[list[int]] | None
) -> Again | None:
    """N, where every option's sum over the rows is N times the first row's (`whole_again`), as
    they are or with the rows that hold the sum of the run below them set aside, and the first
    naming column that tells that row apart; None where they are not so, or where no row holds
    the sum of the run below it: a table of levels lists some level below the row of its sum
    (a Bezirk above its Gemeinden), where places may add up to N times the first by chance (six
    wards of equal size, a capital of a quarter of each party's votes)."""
    if figures is None or len(rows) < LEAVES_AT_LEAST + 2:
        return None
    times = _times(figures)
    aside: tuple[int, ...] = ()
    if times is not None and not _runs(figures):
        return None  # (no level below a row of its sum: places, the first 1/N of each by chance)
    if times is None and sum(figures[0]) * LEVELS_AT_MOST >= sum(map(sum, figures)):
        runs = _runs(figures)
        if runs and 0 not in runs and len(rows) - len(runs) >= LEAVES_AT_LEAST + 2:
            times = _times([row for n, row in enumerate(figures) if n not in runs])
            aside = tuple(sorted(runs))
    if times is None:
        return None
    column = next((i for i in names if header[i].strip() and _alone(rows, i)), None)
    return None if column is None else Again(times, column, aside)


def _times(figures: list[list[int]]) -> int | None:
    """N ≥ 2 where every option's sum over the rows is N times the first row's, within
    `AGAIN_OFF`, `AGAIN_OPTIONS` options at least, each with a figure in the first row."""
    first = figures[0]
    sums = [sum(row[k] for row in figures) for k in range(len(first))]
    ratios = [s / v for s, v in zip(sums, first, strict=True) if v > 0]
    if len(ratios) < AGAIN_OPTIONS or len(ratios) < sum(1 for s in sums if s):
        return None
    times = round(sum(ratios) / len(ratios))
    if times < 2 or any(abs(r - times) > AGAIN_OFF * times for r in ratios):
        return None
    return times


def _alone(rows: list[Row], index: int) -> bool:
    first = rows[0][1][index].strip() if index < len(rows[0][1]) else ""
    return bool(first) and all(c[index].strip() != first for _, c in rows[1:] if index < len(c))


def regions_aside(
    label: str, records: list[Record], columns: ColumnMap, found: Found
) -> list[Record]:
    """A race's records without the regions that are totals of the regions listed below them
    (`head_totals` over the regions, in the order first met, by their candidates' votes), or,
    where none is, of the regions after them (`group_totals`, where a region's name says it is
    a group: `Bezirk X`), with a `total-row` warning; as they are where neither is found."""
    if "region" not in columns.present or "unit" in columns.present or not records:
        return records
    # The whole holds every level's votes: a first region of less than an eighth of all the
    # race's votes opens no table of levels (a table of places: its first of many), a look at
    # the votes alone.
    first, whole, opening = records[0].row.region, 0, 0
    for record in records:
        votes = record.votes or 0
        whole += votes
        if record.row.region == first:
            opening += votes
    opens = opening * LEVELS_AT_MOST >= whole
    # Else regions named as groups of the regions after them, with no whole (`group_totals`).
    worded = not opens and any(map(_group_word, dict.fromkeys(r.row.region for r in records)))
    if not (opens or worded):
        return records
    regions: dict[str, dict[str, int]] = {}
    lines: dict[str, list[int]] = {}
    for record in records:
        region = record.row.region or ""
        lines.setdefault(region, []).append(record.line)
        if record.row.fact is None and record.row.kind == "candidate":
            by_option = regions.setdefault(region, {})
            key = option_key(record.row.candidate)
            by_option[key] = by_option.get(key, 0) + (record.votes or 0)
    if len(regions) < (LEAVES_AT_LEAST + 2 if opens else 3):
        return records
    names = list(regions)
    keys = sorted({key for votes in regions.values() for key in votes})
    figures = [[regions[name].get(key, 0) for key in keys] for name in names]
    header = [columns.header_of("region") or "region"]
    at = [(lines[name][0], [name]) for name in names]
    if len(keys) < 2:
        return records
    marked = head_totals(at, figures) if opens else {}
    grouped = not marked and (worded or any(map(_group_word, names)))
    grouped = grouped and again(header, [0], at, figures) is None  # (`whole_again`'s, below)
    marked = marked or (group_totals(header, [0], at, figures, found) if grouped else {})
    if not marked:
        # The whole listed again at each level (`whole_again`): refused, by the regions' lines;
        # a wide table's rows were told so before they became records (`wide_totals`).
        if opens and not any(p.code == Code.TOTAL_MISMATCH for p in found.items):
            whole_again(header, [0], at, figures, found)
        return records
    totals = [name for (line, (name,)) in at if line in marked]
    aside = set(totals)
    shown = sorted({line for name in aside for line in lines[name]})
    how = (
        "after it, its name saying it is above them: their subtotals"
        if grouped
        else f"below it (the totals among them aside) in a table that opens with the whole, "
        f"{names[0]!r}: the levels of the places"
    )
    found.warn(
        Code.TOTAL_ROW,
        shown[0],
        f"{', '.join(map(repr, totals[:4]))}{' …' if len(totals) > 4 else ''}: each holds, "
        f"option by option, the sum of the {header[0]}s listed {how}, set aside, not added to "
        f"their parts (election {label!r}; {rows_text(len(shown))}: {lines_text(shown)}); the "
        f"race is counted from the {len(names) - len(aside)} others.",
        column=columns.header_of("region"),
    )
    return [r for r in records if (r.row.region or "") not in aside]
