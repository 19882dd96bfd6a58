"""A wide table whose options are no options, read as one (`read.wide_rows` asks before it reads the
rows, `not_options`): columns of a rank or a comparison number among them (`ranked_options`: a
Finnish candidate table), two or three columns of one measure told apart by a number
(`one_measure`: Finland's comparison elections), or one option column where the naming columns
show it is none (`one_option`: Taiwan's `candNo,tks`, a US county table's `diff`). Each is an
error saying how to read the table."""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from pollcli.columns import header_words, normalize_header
from pollcli.kinds import name_key as kind_key
from pollcli.problems import Code, Found
from pollcli.read import protocol
from pollcli.read.wide_hints import SAMPLE, word_columns

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan
    from pollcli.read.options import ReadOptions

# A table of more such options than this is of candidates numbered, not of elections.
MEASURE_OPTIONS_AT_MOST: Final = 3
_WHOLE: Final = re.compile(r"\d+(?:\.0+)?")


def not_options(table: RawTable, plan: Plan, options: ReadOptions, found: Found) -> bool:
    """Whether the wide table's options are no options (an error then, saying how to read it)."""
    return (
        ranked_options(table, plan, options, found)
        or one_measure(table, plan, options, found)
        or one_option(table, plan, options, found)
    )


# Header words of figures that are no one's votes: a candidate's rank on the list (Finland's
# `Sijoitus listalla`), the comparison number a divisor method gives it (`Vertailuluku`, D'Hondt's
# votes of the list over the rank).
RANK_WORDS: Final[dict[str, str]] = {
    "rank": "a rank",
    "ranking": "a rank",
    "sijoitus": "a rank",
    "listenplatz": "a rank",
    "platzierung": "a rank",
    "classement": "a rank",
    "vertailuluku": "a comparison number",
    "jämförelsetal": "a comparison number",
    "comparison": "a comparison number",
    "quotient": "a comparison number",
}


def ranked_options(table: RawTable, plan: Plan, options: ReadOptions, found: Found) -> bool:
    """Whether option columns of a wide table are headed by a rank's or a comparison number's word,
    an error then: a table of one row per candidate whose votes column pollcli does not know (HS-
    Datadesk's Finnish candidate table: `Äänimäärä` the votes, `Vertailuluku` and `Sijoitus
    listalla` beside it) was read as three options, "Vertailuluku" winning outright. Leaving them
    out is offered only where two options would be left (one would win with every vote); moving
    the votes into the rows' names never is. `--kind NAME=candidate` says a column is an option."""
    if plan.blocks is not None or not plan.options:
        return False
    header = table.header
    chosen = options.kind_keys()
    ranked = {
        i: what
        for i in plan.options
        if kind_key(header[i]) not in chosen
        and (what := next((RANK_WORDS[w] for w in header_words(header[i]) if w in RANK_WORDS), ""))
    }
    if not ranked:
        return False
    left = [i for i in plan.options if i not in ranked]
    listed = ", ".join(repr(header[i]) for i in plan.options[:4])
    said = ", ".join(f"{header[i]!r} ({what})" for i, what in ranked.items())
    votes = f", here perhaps {header[left[0]]!r}" if len(left) == 1 else ""
    aside = (
        "; if the rows are places and the other columns options, leave these out: "
        + " ".join(f"--ignore-column {shlex.quote(header[i])}" for i in ranked)
        if len(left) >= 2
        else ""
    )
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"read as a wide table, its options would be {listed}{' …' if len(plan.options) > 4 else ''}, "
        f"but {said} {'is' if len(ranked) == 1 else 'are'} no one's votes: a table of one row per "
        "candidate or list, most likely, whose columns pollcli does not know. Name them, renaming "
        "the headers or with --columns (the header line taken out): the candidate's ('candidate', "
        f"or 'first_name' and 'last_name'; one of {word_columns(table, plan) or 'none here'}), "
        f"the party's ('party') and the votes' ('votes'{votes}){aside}",
        column="candidate",
    )
    return True


# A number within a header (`Ääniä_yhteensä_2_vertailuvaali`: the 2nd comparison election).
_NUMBER: Final = re.compile(r"\d+")


def _numbered(label: str) -> tuple[str, str] | None:
    """A header's shape with its one number taken out, and the number; None without exactly
    one number."""
    text = normalize_header(label)
    numbers = _NUMBER.findall(text)
    return (_NUMBER.sub("#", text), numbers[0]) if len(numbers) == 1 else None


def one_measure(table: RawTable, plan: Plan, options: ReadOptions, found: Found) -> bool:
    """Whether a wide table's two or three options are one measure told apart by a number, with
    columns of figures beside them numbered alike, an error then: Finland's 2012 party table
    (`Ääniä_yhteensä_1_vertailuvaali`, `…_2_vertailuvaali`: each party's votes at two earlier
    elections, beside `Ennakkoäniä_1_vertailuvaali`, `…_2_…`, their advance votes) was read
    as a race of two options, `yhteensä_2_vertailuvaali` "winning outright" with 53.56 %. The
    numbers count elections or rounds; the rows are the options. `--wide` says they are options."""
    if options.wide or options.id_columns or plan.blocks is not None:
        return False
    if not 2 <= len(plan.options) <= MEASURE_OPTIONS_AT_MOST:
        return False
    shapes = [_numbered(table.header[i]) for i in plan.options]
    if None in shapes or len({s[0] for s in shapes if s}) != 1:
        return False
    numbers = {s[1] for s in shapes if s}
    if len(numbers) != len(plan.options):
        return False
    beside: dict[str, set[str]] = {}
    for i in {*plan.ids, *plan.ignored}:
        if (shape := _numbered(table.header[i])) is not None and _figures(table, i):
            beside.setdefault(shape[0], set()).add(shape[1])
    alike = [shape for shape, seen in beside.items() if seen == numbers]
    if not alike:
        return False
    header = table.header
    listed = ", ".join(repr(header[i]) for i in plan.options)
    siblings = [
        repr(header[i])
        for i in sorted({*plan.ids, *plan.ignored})
        if (shape := _numbered(header[i])) is not None and shape[0] in alike
    ]
    names = word_columns(table, plan) or "none here"
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"no candidate or party column: read as a wide table, its options would be {listed}, "
        "one measure told apart by a number, as are the columns of figures beside them "
        f"({', '.join(siblings[:4])}{' …' if len(siblings) > 4 else ''}): figures of "
        f"{len(numbers)} elections or rounds, not {len(numbers)} options. If each row is one "
        "party's or candidate's, rename the header of the column that names them (one of "
        f"{names}) to 'party' or 'candidate' and pick the election's column with --votes COL; "
        "if each of these columns is an option's votes, pass --wide",
        column="candidate",
    )
    return True


def _figures(table: RawTable, index: int) -> bool:
    """Whether a column holds whole numbers in the first rows that fill it."""
    cells = [c[index].strip() for _, c in table.records[:SAMPLE] if index < len(c)]
    cells = [cell for cell in cells if cell]
    return bool(cells) and all(_WHOLE.fullmatch(c.replace(",", "")) for c in cells)


def one_option(table: RawTable, plan: Plan, options: ReadOptions, found: Found) -> bool:
    """Whether a table read as a wide one has one option column where the naming columns show it
    is none, an error then, for one column would win with every vote. Taiwan's CEC table
    (`…,candNo,tks`: a row per candidate per village) with `--id-columns …,candNo` made `tks` win
    outright: `candNo` numbers the rows within each village, a long table's options. The US county
    table (`votes_dem`, `votes_gop` left of `total_votes`, so read as naming the rows) with
    `--wide` made `diff` lead: columns of counts named the rows. One candidate's column beside
    names (`region,Ann`) is read, as `--kind NAME=candidate` says of any."""
    if plan.blocks is not None or len(plan.options) != 1:
        return False
    only = plan.options[0]
    if kind_key(table.header[only]) in options.kind_keys():
        return False  # (`--kind NAME=candidate`: the one candidate, as the user says)
    header = table.header
    figures = [i for i in plan.ids if header[i].strip() and _figures(table, i)]
    counts = (
        [] if options.id_columns else [i for i in figures if not protocol.names_a_row(header[i])]
    )
    numbering = next((i for i in figures if _numbers_within(table, plan.ids, i)), None)
    if counts:
        many = len(counts) > 1
        why = (
            f"{', '.join(repr(header[i]) for i in counts)} hold{'' if many else 's'} counts but "
            f"{'are' if many else 'is'} read as naming the rows: if "
            f"{'they are options' if many else 'it is an option'}, name the columns that name the "
            "rows with --id-columns COL,… (the others are options)"
        )
    elif numbering is not None:
        why = (
            f"{header[numbering]!r} numbers the rows within each place: a table of one row per "
            "option, read without --wide and --id-columns, the options named in a column of their "
            "own (rename its header to 'candidate' or 'party', or name the columns with --columns "
            "on the rows alone)"
        )
    else:
        return False
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"read as a wide table, it has one option column, {header[only]!r}, which would win with "
        f"every vote; {why}. If {header[only]!r} is the one candidate who stood, say so: --kind "
        f"{shlex.quote(header[only] + '=candidate')}",
        column="candidate",
    )
    return True


# A column numbers the rows within places when its figures restart at 1 in this many places.
PLACES_AT_LEAST: Final = 3


def _numbers_within(table: RawTable, ids: Sequence[int], index: int) -> bool:
    """Whether column `index` numbers the rows 1, 2 … k within each group of rows the other naming
    columns name alike (a candidate's number in each village), in several groups."""
    others = [i for i in ids if i != index]
    groups: dict[tuple[str, ...], list[str]] = {}
    for _, cells in table.records[: SAMPLE * 20]:
        key = tuple(cells[i].strip() if i < len(cells) else "" for i in others)
        groups.setdefault(key, []).append(cells[index].strip() if index < len(cells) else "")
    runs = [sorted(values) for values in groups.values() if len(values) > 1]
    return len(runs) >= PLACES_AT_LEAST and all(
        run == [str(n) for n in range(1, len(run) + 1)] for run in runs
    )
