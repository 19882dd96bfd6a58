"""Tables that are no election results, read as wide ones: refused, with what pollcli saw.

A table of numbers under names is read as a wide table (a column per option). Some are no results:
Italy's lists of candidates (`…,num_c,cod_cand,nome_c,cogn_c,…,dt_nasc,l_nasc,sesso`) led with
their birth years summed ("dt_nasc leads with 99.74 %"), a table of districts its residents
(`Mieszkańcy` "leading" `Wyborcy`), a table of football players their salaries, and Eligendo's
turnout by hour (`Elettori;Ore 12;Ore 19;Ore 23`) its last snapshot. An option column that cannot
hold votes says so:

- years: every filled cell a whole number from 1850 to 2030, in ten rows or more (birth years);
- a running number: every cell 1 or the one above it plus 1, in ten rows or more (`num_c`, a
  candidate's place on its ballot, 1, 2, 3 in each district);
- an attribute's header: an age, a salary or price, residents or a population, the electors;
- times of day: every option headed by an hour (`Ore 12`, `19:00`), its figures rising left to
  right in every row (the turnout as the day went on);
- a figure of a group of rows: one figure down each run of rows (three runs or more, every
  figure but 0 in one) where another option's figures differ (Malaysia's SPR dump, one row a
  candidate: its `mj`, the seat's majority, and `ut`, on each of the seat's rows, "led" with
  50.75 % beside `ju`, the candidates' votes);
- places in a ranking: two options or more headed by a rank, its votes word aside (`win_votes`,
  `second_votes`, `third_votes`, `MOV_votes`: a table of each constituency's winner, runner-up
  and margin, the candidates named in `win_name`, `second_name`…; Pakistan's 2008/2018
  constituency dataset "led" with `validated` ahead of `win`);
- few of the valid votes: the options add up to a tenth or less of the valid votes the table gives
  (a protocol line), over its rows (a Hungarian table of polling stations, valasztas18's
  `szavazas.csv`: flags and small counts beside `ervenyes`, the valid votes, and no party's votes,
  "tied for first" with 8 votes of 2,167);
- seats (`read.wide_seatcols`): a header with a seat word (`seats_s`, `Sitze SPD`, `Mandatos`;
  not Spain's party `Escaños en Blanco` beside PSOE, PP), or every row's options adding up to one
  figure (three rows or more): a fixed whole, as a chamber's seats are, where votes
  differ from one count to the next (Denmark's seats per party per election, 175 in each row, whose
  `--race-by date` gave 26 elections "led" by the Social Democrats "with 74 votes"); not where
  the options are a measure's answers (Yes, No: a council's 150 members voting on each motion).
- shares: every option's filled cells figures, a fraction in each option's column and in most
  of their cells (PKW's results by county in percent, `24.207133517803385`: 4,206 errors, each
  advising to leave that party's column out);
- the ballot account alone: every option headed by ballots or voters, or by the votes of all the
  parties together (Bulgaria's `protocols.csv`: `unused_paper_ballots`, `voted_voters`,
  `valid_paper_votes_for_parties`…, the parties' votes in another table; "unused_paper_ballots
  5,138,191 38.97 % LEADER").

Such a table is refused (an error at its header line) naming the columns and what each holds, and
the ways out: `--ignore-column` for a column that is no option, `--wide --id-columns COL,…` where
the columns are votes after all (the check is then the user's, and skipped). A row of words
under the columns (a header over two rows not found) is told first: its error says what to pass.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from pollcli.answer_words import measure_answers
from pollcli.columns import canonical_column, header_words
from pollcli.problems import Code, Found
from pollcli.read import votes_words
from pollcli.read.dialect import RawTable
from pollcli.read.fact_words import ELECTORS
from pollcli.read.layout import Plan
from pollcli.read.offballot import DASHES
from pollcli.read.total_words import says_total
from pollcli.read.wide_hints import fraction_options
from pollcli.read.wide_seatcols import SEATS_ADVICE, labels_shown, seat_columns, seats_beside

Row = tuple[int, list[str]]
# The fewest filled cells a column's years or running number is told in.
CELLS_AT_LEAST: Final[int] = 10
# The rows looked at (a column of birth years shows in its first rows).
ROWS_LOOKED_AT: Final[int] = 5000
# A figure copied down the rows of each group (`_copied`) in this many groups at least.
RUNS_AT_LEAST: Final[int] = 3
# A running number's runs reach this at least once (a small party's 1, 2, 1 is votes).
RUN_REACHES: Final[int] = 3
_YEARS: Final[tuple[int, int]] = (1850, 2030)
# Options whose votes add up to the valid votes given divided by this, or fewer, are none.
FEW_OF_THE_VALID: Final[int] = 10
# Words of a header that name an attribute of the row, never an option (each a whole word of the
# header split at anything but letters): what the column holds, as the error says it.
_ATTRIBUTES: Final[dict[str, str]] = {
    **dict.fromkeys(("age", "eta", "età", "alter", "wiek", "edad", "âge", "idade"), "an age"),
    **dict.fromkeys(
        ("salary", "salaries", "wage", "wages", "gbp", "usd", "eur", "price", "income", "cost"),
        "money",
    ),
    **dict.fromkeys(
        (
            "mieszkańcy",
            "mieszkancy",
            "ludność",
            "ludnosc",
            "residents",
            "inhabitants",
            "einwohner",
            "abitanti",
            "popolazione",
            "habitantes",
            "habitants",
            "population",
            "populacja",
        ),
        "residents",
    ),
    **dict.fromkeys(ELECTORS, "electors"),
    **dict.fromkeys(("nasc", "nascita", "birth", "born", "dob", "urodzenia"), "a birth date"),
}
# The fewest rows whose options add up to one figure (`_fixed`).
FIXED_ROWS_AT_LEAST: Final[int] = 3
# A header's words that name a line of the ballot account, never an option (`_account`), and the
# words after `for` that make a votes column the votes of every option (`votes_for_parties`).
_ACCOUNT_WORDS: Final[frozenset[str]] = frozenset({"ballots", "ballot", "voters", "bulletins"})
_ALL_OPTIONS: Final[frozenset[str]] = frozenset({"parties", "candidates", "lists"})
_BRACKETED: Final[re.Pattern[str]] = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_HOUR = re.compile(
    r"(?:(?:ore|ora|h|hour|uhr|heure|hora|horas|godz\.?|godzina)\s*)?"
    r"\d{1,2}(?:[:.h]\d{2})?\s*(?:h|uhr|am|pm)?",
    re.IGNORECASE,
)
_TIMEWORD = re.compile(
    r"[:.h]\d{2}|\b(?:ore|ora|hour|uhr|heure|horas?|godz)|(?:am|pm|h|uhr)$", re.I
)


def not_results(table: RawTable, plan: Plan, found: Found, named: bool) -> bool:
    """Whether `plan`'s option columns hold no votes (see the module's docstring): an error in
    `found` that says what each holds. Not where `--id-columns` names the rows (`named`)."""
    if named or plan.blocks is not None or not plan.options:
        return False
    rows = table.records[:ROWS_LOOKED_AT]
    seen: dict[int, str] = {}
    for i in plan.options:
        cells = [cells[i].strip() if i < len(cells) else "" for _, cells in rows]
        said = _held(table.header[i], cells)
        if said is not None:
            seen[i] = said
    copied = {i: said for i, said in _copied(table, plan, rows).items() if i not in seen}
    seen |= copied
    hours, ranks = _hours(table, plan, rows), _ranks(table, plan)
    listed, few = _options_listed(table, plan, rows), _few(table, plan, rows)
    seats = seat_columns(table, [i for i in plan.options if i not in seen])
    account = _account(table, plan)
    fixed = None if seen or seats or account else _fixed(table, plan, rows)
    shares = None if seen or seats else fraction_options(table, plan, rows)
    told = [s for s in (hours, ranks, listed, few, account, fixed, shares) if s is not None]
    if not seen and not told and not seats:
        return False
    if shares is not None and told == [shares] and not seen and not seats:
        # (No --ignore-column or --wide advice: each column is a party's, and read as counts
        # with --wide each cell is an error of its own again.)
        found.add(Code.MISSING_COLUMN, table.header_line, shares, column="votes")
        return True
    votes = [table.header[i] for i in plan.options if i not in seen]
    votes = [label for label in votes if label not in seats]
    if seats and votes and not seen and not told:
        seats_beside(table, seats, votes, found)
        return True
    parts = [f"{table.header[i]!r} holds {said}" for i, said in seen.items()]
    if seats:
        held = "holds" if len(seats) == 1 else "hold"
        parts.append(f"{labels_shown(seats)} {held} seats, not votes ({SEATS_ADVICE})")
    parts += told
    if copied:
        parts.append(
            "each row may be one candidate's: then name its columns candidate and votes, and "
            "pass --race-by with the columns of its race"
        )
    elif numbered := _numbered(table, rows, seen, votes):
        parts.append(numbered)
    blank = [
        table.header[i]
        for i in plan.options
        if not any(i < len(cells) and cells[i].strip() for _, cells in rows)
    ]
    if blank:
        parts.append(
            f"{labels_shown(blank)} {'is' if len(blank) == 1 else 'are'} blank in every row"
        )
    options = labels_shown([table.header[i] for i in plan.options])
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        "the table looks like no election result: "
        + "; ".join(parts)
        + f"; read as a wide table, each of {options} would be an option and its figures votes. "
        "Leave a column that is no option out with --ignore-column COL; if the columns are votes "
        "after all, pass --wide --id-columns COL,… naming the columns that name the rows",
        column="votes",
    )
    return True


def _numbered(table: RawTable, rows: list[Row], seen: dict[int, str], votes: list[str]) -> str:
    """The advice where a running number numbers each row's candidate beside a column of whole
    numbers (Taiwan's CEC: `candNo` 1, 2, 3 in each village, `tks` their votes): a long table."""
    running = [i for i, said in seen.items() if said.startswith("a running number")]
    header = table.header
    whole = [
        label
        for label in votes
        if all(c[i].strip().isdigit() for _, c in rows if (i := header.index(label)) < len(c))
    ]
    if not running or not whole:
        return ""
    return (
        f"each row may be one candidate's, numbered by {header[running[0]]!r}, with "
        f"{whole[0]!r} the votes: then name those columns candidate and votes (rename them in "
        "the header, or give the whole header with --columns, the header line taken out of the "
        "file)"
    )


def _few(table: RawTable, plan: Plan, rows: list[Row]) -> str | None:
    """What the options hold where they add up to a tenth or less of the valid votes given (one
    protocol line of them), over the rows whose cells are plain counts (a blank option cell 0)."""
    valid = [c[0] for (fact, _), c in plan.facts.items() if fact == "total_votes" and len(c) == 1]
    if len(valid) != 1:
        return None  # (none, or several elections' variants: each told by its own checks)
    summed = total = 0
    for _, cells in rows:
        given = cells[valid[0]].strip() if valid[0] < len(cells) else ""
        figures = [cells[i].strip() if i < len(cells) else "" for i in plan.options]
        if given.isdigit() and given.isascii() and all(f.isdigit() or not f for f in figures):
            summed, total = summed + sum(int(f) for f in figures if f), total + int(given)
    if not 0 < summed * FEW_OF_THE_VALID < total:
        return None
    return (
        f"the options add up to {summed:,}, {100 * summed / total:.1f} % of the valid votes in "
        f"{table.header[valid[0]]!r} ({total:,}): none holds a party's or a candidate's votes "
        "(flags, small counts or codes)"
    )


def _account(table: RawTable, plan: Plan) -> str | None:
    """What the options are where every one is a line of the ballot account (see the module's
    docstring): ballots or voters counted, or the votes of all the parties together."""
    counts, sums = [], []
    for i in plan.options:
        words = header_words(table.header[i])
        if _ACCOUNT_WORDS & set(words):
            counts.append(table.header[i])
        elif "for" in words and _ALL_OPTIONS & set(words[words.index("for") + 1 :]):
            sums.append(table.header[i])
        else:
            return None
    said = [f"{labels_shown(counts)} count ballots or voters"] if counts else []
    if sums:
        said.append(f"{labels_shown(sums)} the votes of all the parties or candidates together")
    return (
        f"the columns are lines of the ballot account, no party's or candidate's votes: "
        f"{'; '.join(said)} (the options' votes are in another table)"
    )


def _held(label: str, cells: list[str]) -> str | None:
    """What a column holds that is no votes, or None. An attribute's word in brackets of several
    words is a name's part, not what the column holds (Korea's `Oh Jun-ho (Basic Income)`: his
    party's, no money); one word in brackets is the column's unit (`Spending (EUR)`)."""
    outside = _BRACKETED.sub(lambda m: " " if len(m.group().split()) > 1 else m.group(), label)
    words = [w for w in re.split(r"[^\w]+|_", outside.casefold()) if w]
    attribute = next((_ATTRIBUTES[w] for w in words if w in _ATTRIBUTES), None)
    filled = [c for c in cells if c]
    whole = [int(c) for c in filled if c.isdigit()]
    many = len(filled) >= CELLS_AT_LEAST and len(whole) == len(filled)
    if many and all(_YEARS[0] <= n <= _YEARS[1] for n in whole):
        return f"years ({min(whole)}–{max(whole)}), not votes"
    if many and max(whole) >= RUN_REACHES and _running(cells):
        return "a running number (1, 2, 3 … within groups of rows), not votes"
    if attribute is not None:
        return f"{attribute}, not votes"
    return None


def _fixed(table: RawTable, plan: Plan, rows: list[Row]) -> str | None:
    """What the options hold where every row's add up to one figure, in three rows or more of two
    options' plain counts at least (a blank or `NA` cell none; a column of each row's total, as its
    header says, aside): a fixed whole, as a chamber's seats are, where votes differ from one count
    to the next; or None."""
    sums: set[int] = set()
    counted = 0
    options = [i for i in plan.options if not says_total(table.header[i])]
    if measure_answers(table.header[i] for i in options):
        return None  # (Yes and No of a body's motions: its members voting, the same each time)
    for _, cells in rows:
        figures = [cells[i].strip() if i < len(cells) else "" for i in options]
        figures = [f for f in figures if f and f not in DASHES]
        if not all(f.isdigit() and f.isascii() for f in figures):
            return None  # (separators, decimals, words: no plain counts to add)
        if len(figures) >= 2:
            sums.add(sum(map(int, figures)))
            counted += 1
    if len(sums) != 1 or counted < FIXED_ROWS_AT_LEAST or not (total := next(iter(sums))):
        return None
    if total == 100:  # (a poll's or a result's percentages, each row's; or a chamber of 100)
        return (
            f"the options add up to 100 in every row ({counted:,} rows): percentages (or seats "
            "of a chamber of 100), where votes differ from one count to the next; pollcli reads "
            "votes: give each option's votes"
        )
    return (
        f"the options add up to {total:,} in every row ({counted:,} rows): a fixed whole, as a "
        "chamber's seats are, where votes differ from one count to the next — a table of seats "
        f"won, most likely ({SEATS_ADVICE})"
    )


def _copied(table: RawTable, plan: Plan, rows: list[Row]) -> dict[int, str]:
    """The option columns whose figure is one down each run of rows while another option's
    differs within the runs, each with what it holds: a figure of a group of rows (a race's
    majority or its rejected ballots) written on each of its rows, one row a candidate's."""
    columns = {
        i: [cells[i].strip() if i < len(cells) else "" for _, cells in rows] for i in plan.options
    }
    found: dict[int, str] = {}
    for i, cells in columns.items():
        runs = _runs(cells)
        if runs is None:
            continue
        differs = {
            j: sum(len(set(other[a:b])) > 1 for a, b in runs)
            for j, other in columns.items()
            if j != i
        }
        varying = max(differs, key=differs.__getitem__, default=None)
        if varying is not None and differs[varying] * 2 >= len(runs):
            a, b = runs[0]
            found[i] = (
                f"one figure down each group of rows ({cells[a]} on lines {rows[a][0]}–"
                f"{rows[b - 1][0]}) where {table.header[varying]!r} differs: a figure of the "
                "group written on each of its rows, not votes"
            )
    return found


def _runs(cells: list[str]) -> list[tuple[int, int]] | None:
    """The runs (start, end) of equal figures down a column, where every figure that is not 0
    is one of a run of two rows or more, in ten rows or more and three runs or more; else None."""
    runs: list[tuple[int, int]] = []
    start = 0
    for end in range(1, len(cells) + 1):
        if end == len(cells) or cells[end] != cells[start]:
            if cells[start] not in ("", "0"):
                if end - start < 2:
                    return None
                runs.append((start, end))
            start = end
    if len(runs) < RUNS_AT_LEAST or sum(b - a for a, b in runs) < CELLS_AT_LEAST:
        return None
    return runs


def _running(cells: list[str]) -> bool:
    """Every filled cell 1 or the one above it plus 1 (a blank cell ends a run)."""
    before = 0
    for cell in cells:
        if not cell:
            before = 0
            continue
        n = int(cell)
        if n != 1 and n != before + 1:
            return False
        before = n
    return True


def _hours(table: RawTable, plan: Plan, rows: list[Row]) -> str | None:
    """What options headed by times of day whose figures rise left to right in every row hold (the
    turnout as the day went on), or None."""
    # (Eligendo's turnout by town: `voti_h12`, `voti_h19`, `voti_h23`, the votes word aside.)
    stems = votes_words.worded(table.header)
    labels = [stems.get(i, table.header[i]).strip() for i in plan.options]
    if len(labels) < 2 or not all(_HOUR.fullmatch(h) and _TIMEWORD.search(h) for h in labels):
        return None
    for _, cells in rows:
        figures = [cells[i].strip() if i < len(cells) else "" for i in plan.options]
        counts = [int(f) for f in figures if f.isdigit()]
        if any(b < a for a, b in pairwise(counts)):
            return None
    return (
        f"{labels_shown(labels)} are times of day whose figures rise left to right in every row "
        "(the turnout as the day went on), no options"
    )


# Options' names (their votes word aside, casefolded, spaces for `_` and `-`) that are places in
# a ranking or the gap between two: a table of winners and runners-up by columns.
_RANKS: Final[frozenset[str]] = frozenset(
    {"win", "winner", "winning", "won", "first", "second", "third", "fourth", "fifth", "1st"}
    | {"2nd", "3rd", "runner up", "runnerup", "runner", "loser", "mov", "margin", "lead"}
)


def _ranks(table: RawTable, plan: Plan) -> str | None:
    """What options headed by places in a ranking (two or more) are, or None."""
    stems = votes_words.worded(table.header)
    labels = [stems.get(i, table.header[i]).strip() for i in plan.options]
    ranked = [h for h in labels if re.sub(r"[\s_-]+", " ", h.casefold()) in _RANKS]
    if len(ranked) < 2:
        return None
    return (
        f"{labels_shown(ranked)} are places in each row's ranking (the winner's votes, the "
        "runner-up's, the margin), no options: each row's candidates are named in columns of "
        "their own, which pollcli does not read; give it one row per candidate"
    )


def _options_listed(table: RawTable, plan: Plan, rows: list[Row]) -> str | None:
    """What two naming columns hold when one lists the same names (words, no digit) under each
    value of the other, beside an option or three that are figures about the names (one option
    alone, or one a share adding up to 100 within each value): one row per option and place, the
    options named in one of them (Estonia's `Ringkond,Erakond,Hääled,Protsent`, each
    constituency's parties, "led" by `Hääled`, the votes, with 98.68 %); None otherwise, and
    where the listed column is a place or vote mode pollcli knows (a county × vote-method grid,
    Georgia's precincts by `Vote Method`, is a wide table)."""
    if len(plan.options) > 3 or len(plan.ids) < 2:
        return None
    for named in plan.ids:
        cells = [c[named].strip() if named < len(c) else "" for _, c in rows]
        if _place(table.header[named]) or not all(cells):
            continue
        if any(ch.isdigit() for cell in cells for ch in cell):
            continue
        for group in (i for i in plan.ids if i != named):
            keys = [c[group].strip() if group < len(c) else "" for _, c in rows]
            under: dict[str, set[str]] = {}
            for key, cell in zip(keys, cells, strict=True):
                under.setdefault(key, set()).add(cell)
            names = next(iter(under.values()))
            if len(under) < 2 or len(names) < 2 or any(n != names for n in under.values()):
                continue
            if len(plan.options) > 1 and not _share_within(keys, rows, plan.options):
                continue
            shown = ", ".join(map(repr, sorted(names)[:3])) + (" …" if len(names) > 3 else "")
            return (
                f"{table.header[named]!r} lists the same names ({shown}) under each "
                f"{table.header[group]!r}: a table of one row per option and place, the "
                f"options named in one of these columns and their figures in "
                f"{labels_shown([table.header[i] for i in plan.options])}; then name those columns "
                "candidate (or party) and votes"
            )
    return None


# Words of a naming column's header that make it a place or a vote mode, never a list of options.
_MODE_WORDS: Final[frozenset[str]] = frozenset({"method", "mode", "type", "channel"})


def _place(header: str) -> bool:
    """Whether a header names a place or a way of voting pollcli knows (`County`, `Precinct`,
    `ward`, `vote_type`, `Vote Method`)."""
    return canonical_column(header) in ("region", "mode") or bool(
        _MODE_WORDS.intersection(header_words(header))
    )


def _share_within(keys: list[str], rows: list[Row], options: list[int]) -> bool:
    """Whether an option's figures are all 100 at most and add up to 100 (give or take rounding)
    within each value of `keys`: a share column, each group's options' percentages."""
    for i in options:
        sums: dict[str, float] = {}
        for key, (_, cells) in zip(keys, rows, strict=True):
            cell = (cells[i] if i < len(cells) else "").strip().rstrip("%").replace(",", ".")
            try:
                value = float(cell)
            except ValueError:
                break
            if not 0 <= value <= 100:
                break
            sums[key] = sums.get(key, 0.0) + value
        else:
            if all(abs(total - 100) <= 1 for total in sums.values()):
                return True
    return False
