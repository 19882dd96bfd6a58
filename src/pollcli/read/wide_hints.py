"""What to say of a wide table pollcli cannot read as one (`read.layout`): a second row of the
header among the data (`second_header_row`), columns that count seats, not votes
(`seats_only`: India's `total,party,state,won,leading`), options headed by the votes word or
figures about it (`votes_word_options`: a table of one row per candidate whose candidate column
pollcli does not know), which column of a table of a candidate per row may hold the votes
(`votes_hint`), and which column names the options of a table of a row per option whose header
pollcli does not know (`option_column_hint`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from pollcli.columns import ROW_ALIASES, canonical_column, header_words, normalize_header
from pollcli.errors import NoSuchColumn, UsageError
from pollcli.problems import Code, Found
from pollcli.read import protocol
from pollcli.read.fact_words import NOT_COUNTS, SEAT_HEADERS
from pollcli.read.offballot import DASHES
from pollcli.read.othervotes import first_preferences
from pollcli.read.preamble import is_number
from pollcli.read.votes_words import VOTES_WORDS

if TYPE_CHECKING:
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan
    from pollcli.read.options import ReadOptions

# Rows looked at for a column's cells, and options shown in an error.
SAMPLE: Final = 50
SHOWN_OPTIONS: Final = 6


def seats_only(labels: Sequence[str]) -> str | None:
    """Why a wide table whose every option column counts seats (`fact_words.SEAT_HEADERS`) is no
    table of votes, and what pollcli reads instead; None where one column is no such count."""
    if not labels or not all(normalize_header(label) in SEAT_HEADERS for label in labels):
        return None
    shown = ", ".join(repr(label) for label in labels[:4])
    return (
        f"the columns {shown} count seats, not votes: this is a table of seats (won, leading), "
        "which pollcli does not read as votes; give it the votes (a row per party or candidate "
        "with a votes column, or a column of votes per party with --wide), and 'pollcli seats' "
        "allocates the seats from them"
    )


def second_header_row(
    table: RawTable, plan: Plan, rows: Sequence[tuple[int, Sequence[str]]]
) -> tuple[int, str] | None:
    """The first row, when it holds words and no figure under the columns of counts, each word under
    several of them (Germany's `Erststimmen;Zweitstimmen` under `SPD;SPD;CDU;CDU`): the line, and
    what to do if it is a second row of the header. Each of its cells is refused anyway."""
    if plan.blocks is not None or not rows:
        return None
    line, cells = rows[0]
    counts = [*plan.options, *(i for columns in plan.facts.values() for i in columns)]
    # A row of missing figures (R's `NA`, a dash) is a place with no count, not a header's words.
    filled = [cells[i].strip() for i in counts if i < len(cells) and cells[i].strip()]
    filled = [cell for cell in filled if cell not in DASHES]
    if len(filled) < 2 or any(map(is_number, filled)):
        return None
    # Only variants of the labels above (a few words, each under several columns of a label
    # written in each): a row of names under a header of groups (India's booth files) is no
    # header row pollcli reads as such, and saying so would lead to a wrong reading.
    labelled = all(label.strip() for label in table.header[min(counts) :])
    if not labelled or len(set(filled)) * 2 > len(filled):
        return None
    shown = ", ".join(repr(c) for c in list(dict.fromkeys(filled))[:3])
    return line, (
        f"this row holds words, not counts, under the columns of counts ({shown} …): if it is a "
        f"second row of the header, pass --header-line {table.header_line}-{line}"
    )


def candidate_column(header: list[str]) -> str | None:
    """The first column whose header says candidate (`candidate`, `cand_name`, `candidato`,
    `Kandidat`): one candidate per row. (A bare `name` may be a wide table's places.)"""
    return next(
        (
            h
            for h in header
            if canonical_column(h) == "candidate"
            and "cand" in normalize_header(h).replace("k", "c")
        ),
        None,
    )


def votes_word_options(table: RawTable, plan: Plan, options: ReadOptions, found: Found) -> bool:
    """Whether the options of a wide table are figures about a votes column beside them, an error
    then: Chile's `candidatura;votos;votos_comuna;votos_comuna_mayoria` is one row per candidate
    whose candidate column pollcli does not know, not a table of two options `votos_comuna` and
    `votos_comuna_mayoria` (which "led" with 70 %). `--wide` says they are options."""
    if options.wide or options.id_columns or plan.blocks is not None or not plan.options:
        return False
    header = table.header
    words = {
        normalize_header(header[i])
        for i in range(len(header))
        if i not in plan.options and canonical_column(header[i]) == "votes"
    }
    labels = [normalize_header(header[i]) for i in plan.options]
    word = next((w for w in sorted(words) if all(k.startswith(w + "_") for k in labels)), None)
    if word is None:
        return votes_column_option(table, plan, found)
    column = next(header[i] for i in range(len(header)) if normalize_header(header[i]) == word)
    others = sorted({*plan.ids, *plan.ignored} - {header.index(column)})
    names = ", ".join(repr(header[i]) for i in others if header[i].strip())
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"no candidate column: read as a wide table, its options would be "
        f"{', '.join(repr(header[i]) for i in plan.options)}, whose headers begin with that of "
        f"the votes column {column!r}: figures about the votes (a place's total, its "
        "winner's…), not options. If each row is one candidate's votes, rename the header of "
        f"the column that names them (one of {names}) to 'candidate' — or give the whole "
        "header with --columns, the header line taken out of the file; if each of these columns "
        "is an option's votes, pass --wide",
        column="candidate",
    )
    return True


def votes_column_option(table: RawTable, plan: Plan, found: Found) -> bool:
    """Whether an option of a wide table is headed by the votes word itself, an error then:
    ELECU's Ecuador tables (`PROVINCIA_CODIGO,OP_CODIGO,CANDIDATO_NOMBRE,SEXO,VUELTA,VOTOS`, one
    row per candidate and sex of the polling tables), whose candidate column pollcli does not
    know, were read as a table of two options, `VOTOS` "leading with 100.00 %" over `VUELTA`
    (the round, 1 on every row). A wide table's options are named by their headers; one named
    `votes` is the long table's votes column."""
    header = table.header
    # (The header's own words: a group's `PSOE / Votos`, Spain's, is PSOE's votes.)
    worded = [i for i in plan.options if normalize_header(header[i]) in ROW_ALIASES["votes"]]
    if not worded or len(plan.options) > 2 * len(worded) + 1:
        return False  # (many options beside one `Votes`: a wide table's total, told later)
    shown = ", ".join(repr(header[i]) for i in plan.options)
    names = ", ".join(repr(header[i]) for i in sorted({*plan.ids, *plan.ignored}) if header[i])
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"no candidate column: read as a wide table, its options would be {shown}, and "
        f"{header[worded[0]]!r} is the word for the votes column of a table of one row per "
        "option, not an option. If each row is one candidate's votes, rename the header of the "
        f"column that names them (one of {names}) to 'candidate' — or give the whole header "
        "with --columns, the header line taken out of the file; if each of these columns is "
        "an option's votes, pass --wide",
        column="candidate",
    )
    return True


# Columns of counts that are never the options' votes: the registered voters (`electorate`: a
# tie of every option), the members marked elected (1 and 0).
_NO_VOTES: Final[frozenset[str]] = frozenset({"registered", "elected"})
# A count's cell: digits, or a whole number written as a decimal (`1533.00000`).
_WHOLE: Final = re.compile(r"\d+(?:\.0+)?")
_FRACTION: Final = re.compile(r"\d*\.\d+")
_GROUPED: Final = re.compile(r"\d{1,3}(?:\.\d{3})+")  # (`1.234`: a count, its thousands marked)
# Words of a header that say it counts something (Arizona's `number` of each choice's votes).
_COUNTING: Final[frozenset[str]] = frozenset({"number", "tally"})


def votes_hint(
    header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]], counted: Sequence[int]
) -> str:
    """The advice for a table of a candidate per row with no votes column pollcli knows: its
    columns of whole numbers (in `rows`, a sample) that no numbering word heads, a votes word's
    or first preferences' first, then a counting word's (Arizona's `number`); else the wide
    plan's columns of counts (`counted`). Nepal's 2022 file was told of 'Samudaya' and 'DOB' (blank
    and dates), not 'TotalVoteReceived'. The registered voters (`electorate`) and an `elected`
    mark are no votes; whole numbers written as decimals (`1533.00000`) are counts: Scotland's
    2017 council count sheets were told of 'contested', 'elected' and 'electorate', not
    'first_prefs'."""

    def whole(index: int) -> bool:
        cells = [c[index].strip() for _, c in rows if index < len(c) and c[index].strip()]
        return bool(cells) and all(_WHOLE.fullmatch(c.replace(",", "")) for c in cells)

    firsts = set(first_preferences(header))

    def rank(index: int, name: str) -> int:
        words = set(header_words(name))
        return 0 if VOTES_WORDS & words or index in firsts else 1 if _COUNTING & words else 2

    found = [
        (rank(index, name), index, name)
        for index, name in enumerate(header)
        if name
        and whole(index)
        and not NOT_COUNTS & set(header_words(name))
        and canonical_column(name) not in _NO_VOTES
    ]
    # (A column of fractions holds no counts: --votes would refuse each. Australia's ozpolls.)
    fractions = {i: seen for i in counted if (seen := _fraction(rows, i)) is not None}
    # (Nor does a column with a negative number: a change, Italy's `diff` of 2013's share less
    # 2008's, `-8.2`, was offered as the votes.)
    negative = {i: seen for i in counted if (seen := _negative(rows, i)) is not None}
    shown = [repr(name) for _, _, name in sorted(found)[:4]] or [
        repr(header[i]) for i in counted[:4] if i not in fractions and i not in negative
    ]
    if not shown and (fractions or negative):
        shares = [(i, seen) for i, seen in fractions.items() if i not in negative][:1]
        said = [
            f"{header[index]!r} holds fractions ({cell} on line {line}), no counts: if it holds "
            "each option's share (a percentage), name its header share"
            for index, (line, cell) in shares
        ] + [
            f"{header[index]!r} holds negative numbers ({cell} on line {line}): a change or a "
            "difference, no votes"
            for index, (line, cell) in list(negative.items())[:1]
        ]
        return "; ".join(said)
    return f"if one of the columns of counts ({', '.join(shown)}) holds the votes: --votes COL"


def _negative(rows: Sequence[tuple[int, Sequence[str]]], index: int) -> tuple[int, str] | None:
    """The first cell of a column (in `rows`, a sample) that is a negative number (`-8.2`), and
    its line; None where there is none."""
    for line, cells in rows:
        cell = cells[index].strip() if index < len(cells) else ""
        if cell[:1] == "-" and (_FRACTION.fullmatch(cell[1:]) or _WHOLE.fullmatch(cell[1:])):
            return line, cell
    return None


def _fraction(rows: Sequence[tuple[int, Sequence[str]]], index: int) -> tuple[int, str] | None:
    """The first cell of a column (in `rows`, a sample) that is a number with a fraction
    (`43.4`), and its line; None where there is none."""
    for line, cells in rows:
        cell = cells[index].strip() if index < len(cells) else ""
        whole = _WHOLE.fullmatch(cell) or _GROUPED.fullmatch(cell)
        if _FRACTION.fullmatch(cell) and not whole:
            return line, cell
    return None


def option_column_hint(
    header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]]
) -> str | None:
    """The advice for a table of a row per option (a votes or share column pollcli knows) whose
    options' column it does not know: its columns of words (in `rows`, a sample) that head no
    column pollcli reads. A table of Germany's 2017 party totals (`partygroup,votes,valid,
    voteshare`) was told to pass --wide, which would have read `valid` as a party."""
    known = {canonical_column(h) for h in header if h.strip()}
    if not known & {"votes", "share"} or known & {"candidate", "party"}:
        return None

    def words(index: int) -> bool:  # names: a letter in each cell (no codes, no dates)
        cells = [c[index].strip() for _, c in rows if index < len(c) and c[index].strip()]
        return bool(cells) and all(any(map(str.isalpha, cell)) for cell in cells)

    named = [
        repr(h)
        for i, h in enumerate(header)
        if h.strip() and canonical_column(h) is None and words(i)
    ]
    if not named:
        return None
    return (
        "if each row is one option's votes, rename the header of the column that names the "
        f"options (here perhaps {' or '.join(named[:3])}) to 'candidate' or 'party', or give the "
        "whole header with --columns, the header line taken out of the file"
    )


def facts_only(header: Sequence[str], plan: Plan | None) -> str | None:
    """What a table is whose every column of figures holds an election's fact, and what pollcli
    needs instead (The Star's Malaysian seats: `registered_voters`, `spoilt_votes`,
    `voter_turnout`, no party's votes); None where a column is an option's, or one left unread
    is no known line (two parties' columns between `reg_voters` and `rejected`, read as lines of
    the protocol: not the election's facts)."""
    if plan is None or plan.options or plan.blocks is not None or not plan.facts:
        return None
    unread = [header[i] for i in plan.ignored if i < len(header) and header[i].strip()]
    if any(protocol.line(h) is None for h in unread):  # (a pandas index's blank header: none)
        return None
    shown = ", ".join(
        f"{fact} from {header[columns[0]]!r}" for (fact, _), columns in plan.facts.items()
    )
    return (
        f"its columns of figures hold the election's facts ({shown}) and no option's votes: "
        "pollcli needs the votes of each option (a row per option with a votes column, or a "
        "column per option with --wide)"
    )


# A share as a wide table of shares prints it: a number to 100 with its `%` (`37,90%`, `9.2 %`).
@functools.cache
def _percent() -> re.Pattern[str]:
    """Compiled on first use: only wide tables of shares need it."""
    return re.compile(r"(?:100(?:[.,]0+)?|\d{1,2}(?:[.,]\d+)?)\s*%")


def shares_only(
    header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]], delimiter: str
) -> str | None:
    """Why a table of a column per option whose cells are all shares (`37,90%`: Germany's
    results of one Land by election, a row an election, a column a party) is no table pollcli
    reshapes (a wide table's cells are votes), and the long table it reads instead; None where
    two columns at least do not hold shares alone (`rows`: a sample)."""
    filled = [(line, cells) for line, cells in rows if any(c.strip() for c in cells)]

    def shares(index: int) -> bool:
        cells = [c[index].strip() for _, c in filled if index < len(c) and c[index].strip()]
        return bool(cells) and all(_percent().fullmatch(cell) for cell in cells)

    columns = [i for i in range(len(header)) if header[i].strip() and shares(i)]
    names = [i for i in range(len(header)) if i not in columns]
    if len(columns) < 2 or len(names) != 1 or not filled:
        return None
    line, cells = filled[0]
    row = cells[names[0]].strip() if names[0] < len(cells) else ""
    first = header[columns[0]]
    share = cells[columns[0]].strip()
    example = delimiter.join((row or "NAME", first, f'"{share}"' if delimiter in share else share))
    head = delimiter.join(("election", "candidate", "share"))
    return (
        f"each option has a column of its own ({first!r}, {header[columns[1]]!r}…) holding its "
        f"share ({share!r} on line {line}), not its votes: pollcli reshapes a "
        "wide table of vote counts only, and --wide would not read it. Write it long, a row per "
        f"option and its share, the rows' names in an 'election' column: '{head}', then "
        f"'{example}' and so on; pollcli reads each election a race of its own"
    )


def no_options(table: RawTable, found: Found) -> None:
    """The error of a table read as a wide one (`--wide`) in which no column holds an option's
    counts: shares alone (`shares_only`: the long table to write), or columns of names only."""
    shares = shares_only(table.header, table.records[:SAMPLE], table.delimiter)
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        f"read as a wide table (--wide), but {shares}"
        if shares
        else "read as a wide table (--wide), but no column holds an option's counts; name the "
        "columns that name the rows with --id-columns COL,…, or leave --wide out",
        column="votes",
    )


def word_columns(table: RawTable, plan: Plan, limit: int = 4) -> str:
    """The columns of words beside a wide table's options (those that may name its rows'
    options, were it a table of one row per option), most different words first, to show."""
    kinds: dict[int, int] = {}
    for i in sorted({*plan.ids, *plan.ignored}):
        cells = {c[i].strip() for _, c in table.records[:SAMPLE] if i < len(c)}
        if table.header[i].strip() and any(any(map(str.isalpha, cell)) for cell in cells):
            kinds[i] = len(cells)
    shown = sorted(kinds, key=lambda i: -kinds[i])
    more = " …" if len(shown) > limit else ""
    return ", ".join(repr(table.header[i]) for i in shown[:limit]) + more


def votes_flag(table: RawTable, plan: Plan, options: ReadOptions) -> None:
    """A usage error for `--votes COL` on a table read as a wide one, whose options' votes are
    their own columns: Finland's 2012 party table (`Nimi_fi` the parties, two columns of earlier
    elections' votes) gave the same answer with `--votes Ääniä_yhteensä_2_vertailuvaali` as
    without, the flag accepted and silently ignored. A flag the user gives acts or is refused."""
    if options.votes is None:
        return
    header = table.header
    wanted = normalize_header(options.votes)
    where = f"{table.name} (header on line {table.header_line})"
    if not any(normalize_header(h) == wanted for h in header):
        shown = ", ".join(repr(h) for h in header if h.strip())
        raise NoSuchColumn(
            f"--votes {options.votes!r}: the file has no such column; its columns are {shown}"
        )
    listed = ", ".join(repr(header[i]) for i in plan.options[:SHOWN_OPTIONS])
    more = " …" if len(plan.options) > SHOWN_OPTIONS else ""
    names = word_columns(table, plan)
    rename = (
        f"rename the header of the column that names them (one of {names}) to 'party' or "
        "'candidate'"
        if names
        else "give the file a column that names them, headed 'party' or 'candidate'"
    )
    raise UsageError(
        f"--votes {options.votes!r}: {where} is read as a wide table, each option's votes in a "
        f"column of its own ({listed}{more}), and --votes picks the votes column of a table of "
        "one row per option, whose option column pollcli does not find here. If each row is "
        f"one option's votes, {rename} — or give the whole header with --columns, the header "
        "line taken out of the file — and keep --votes; if each of these columns is an "
        "option's votes, leave --votes out"
    )


# A number with a fraction (`24.207133517803385`, `24,21`), and a count written with its thousands
# marked or as a decimal of zeros (`1.234`, `1533.00000`), no fraction.
_SHARE_CELL: Final[re.Pattern[str]] = re.compile(r"\d+[.,]\d+")
_TWO_DECIMALS: Final[re.Pattern[str]] = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")
_WHOLE_CELL: Final[re.Pattern[str]] = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+[.,]0+")


def fraction_options(
    table: RawTable, plan: Plan, rows: Sequence[tuple[int, list[str]]]
) -> str | None:
    """What the options hold where every option's filled cells are figures, with a fraction in
    each option's column and in most of their cells: shares (PKW's regional results by county in
    percent, `24.207133517803385`, were an error a cell, each advising to leave that party out);
    or None (`read.wide_unlike`)."""
    first: tuple[int, int, str] | None = None
    fractions = filled = 0
    for i in plan.options:
        cells = [c[i].strip() for _, c in rows if i < len(c) and c[i].strip()]
        parts = [bool(_SHARE_CELL.fullmatch(c)) and not _WHOLE_CELL.fullmatch(c) for c in cells]
        if (
            not cells
            or not any(parts)
            or not all(_SHARE_CELL.fullmatch(c) or c.isdigit() for c in cells)
        ):
            return None
        fractions, filled = fractions + sum(parts), filled + len(cells)
        if first is None:
            line = next(
                n for n, c in rows if i < len(c) and c[i].strip() == cells[parts.index(True)]
            )
            first = i, line, cells[parts.index(True)]
    if first is None or len(plan.options) < 2 or fractions * 2 <= filled or _hundreds(plan, rows):
        return None  # (rows of 100 each: the reshape's `percent_rows` says so of them)
    index, line, cell = first
    return (
        f"the options' cells are percentages, not counts ({table.header[index]!r} {cell} on "
        f"line {line}: a fraction in each option's column): each place's shares, which add up "
        "to no whole (its places differ in size); give pollcli the table of votes"
    )


def _hundreds(plan: Plan, rows: Sequence[tuple[int, list[str]]]) -> bool:
    """Whether each row's options are percentages to two decimals at most adding up to 100, give
    or take 1 (volby.cz's `%` columns), which the reshape refuses (`wide_facts.percent_rows`)."""
    for _, cells in rows:
        shares = [cells[i].strip() for i in plan.options if i < len(cells) and cells[i].strip()]
        if not all(_TWO_DECIMALS.fullmatch(c) for c in shares):
            return False
        if abs(sum(float(c.replace(",", ".")) for c in shares) - 100) > 1:
            return False
    return True
