"""A wide table's option columns told by the total it gives: the run of them that adds up to it.

A protocol table that states each row's valid votes (`Valid_Votes`, `total_votes`) may hold, beside
its options, counts pollcli has no word for: the UK's EU referendum by area (`Electorate,
ExpectedBallots,VerifiedBallotPapers,Pct_Turnout,Votes_Cast,Valid_Votes,Remain,Leave,
Rejected_Ballots,No_official_mark,Voting_for_both_answers,Writing_or_mark,Unmarked_or_void,…`)
read its ballot counts as options (3.0 times the total: refused) and, those left out, the parts of
its rejected ballots as options too (Leave 51.85 %, not the official 51.89 %).

Where the option columns do not add up to the total column in every row, but one run of two or
more adjacent ones does, in every row (two rows at least, a total above 0 in some), that run is
the options and the others are left unused, with a note naming them (runs that differ only by
columns of 0 in every row are one: the longest). An equality in every
row is the file's own word, no guess; where no run or several fit, the columns are read as before
and the totals' checks say what does not add up.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import replace
from typing import Any, Final, Literal

from pollcli.columns import REGIONAL_FACTS, canonical_column
from pollcli.problems import Code, Found
from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan, level0
from pollcli.read.wide_columns import BEYOND_CHANCE

Row = tuple[int, list[str]]
# What the columns left of a total and its run are (`_protocol`): a protocol's counts; a party's
# (by its size or its name), so the total is a party's or an alliance's beside its parts; or
# neither told (a place's number among the counts: the totals' and places' checks say).
Left = Literal["protocol", "party", "unsure"]
# Words of a header that counts ballots or voters, never an option (Bulgaria's protocol table,
# `…,urn_machine_ballots,support_noone_machine_ballots,valid_machine_votes_for_parties`: the last
# two add up to the first, and "valid_machine_votes_for_parties" won with 98.70 %).
_COUNT_WORD: Final = re.compile(r"ballot|vote|voter|valid|blank|noone|none of", re.IGNORECASE)
_VOTERS: Final[frozenset[str]] = frozenset({"registered", "ballots_cast"})
# The invalid and blank ballots left of a total of no name are under a quarter of it in every row
# (a row of fewer than `SPOILT_SLACK` votes aside): more is a party's (`_protocol`).
SPOILT_SHARE: Final[int] = 4
SPOILT_SLACK: Final[int] = 40
# The fewest rows the equality must hold in.
ROWS_AT_LEAST: Final[int] = 2
# The rows a total of no name is looked for in first (`unnamed_total`).
HEAD_ROWS: Final[int] = 200


def fitted(table: RawTable, plan: Plan, rows: list[Row], found: Found | None = None) -> Plan:
    """The plan with only the run of option columns that adds up to the total, the others named in
    a note of `table`'s (see the module's docstring); or the plan as it is. With no total given,
    an option column that the run of the last ones adds up to (`unnamed_total`) is the total."""
    total = plan.facts.get(("total_votes", ""))
    if plan.blocks is None and total is None and (told := unnamed_total(table, plan, rows, found)):
        return told
    if plan.blocks is not None or total is None or len(total) != 1 or len(plan.options) < 3:
        return plan
    columns = [total[0], *plan.options]
    figures: list[list[int]] = []
    for _, cells in rows:
        row = [_count(cells[i]) if i < len(cells) else 0 for i in columns]
        if any(value is None for value in row):
            return plan  # a cell that is no plain count: the checks' to tell
        figures.append(row)  # type: ignore[arg-type]
    if len(figures) < ROWS_AT_LEAST or not any(row[0] for row in figures):
        return plan
    if all(sum(row[1:]) == row[0] for row in figures):
        return plan
    count = len(plan.options)
    runs = [
        (start, end)
        for start in range(count)
        for end in range(start + 2, count + 1)
        if all(sum(row[1 + start : 1 + end]) == row[0] for row in figures)
    ]
    if not runs:
        return plan
    # Runs that differ only by columns of 0 in every row fit alike: the longest is read (a 0 is no
    # figure lost either way); runs that differ otherwise leave the columns as they were.
    start, end = max(runs, key=lambda run: run[1] - run[0])
    zero = {k for k in range(start, end) if not any(row[1 + k] for row in figures)}
    if any(
        a < start or b > end or not set(range(start, end)) - set(range(a, b)) <= zero
        for a, b in runs
    ):
        return plan
    kept = plan.options[start:end]
    left = [i for i in plan.options if i not in kept]
    shown = ", ".join(repr(level0(table, i)) for i in left)
    table.notes.append(
        f"Not options: {shown}, counts of another kind: the options "
        f"{', '.join(repr(level0(table, i)) for i in kept)} add up to "
        f"{level0(table, total[0])!r} in every row, and these do not."
    )
    return replace(plan, options=kept, ignored=sorted([*plan.ignored, *left]))


def _count(cell: str) -> int | None:
    """A cell as a plain whole count (thousands separated by commas or spaces; blank is 0), or
    None."""
    text = cell.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not text:
        return 0
    return int(text) if text.isascii() and text.isdigit() else None


def unnamed_total(
    table: RawTable, plan: Plan, rows: list[Row], found: Found | None = None
) -> Plan | None:
    """The plan read with the option column that the last option columns add up to in every row
    (two of them or more, right of it; two rows at least, a total above 0 in some) as the valid
    votes (the shortest run that fits), the columns left of it left unused, with a note; None
    where no column fits so.
    A protocol table in words pollcli does not know has its counts read as options: Greece's
    (`Εγγεγραμμένοι,Ψήφισαν,Άκυρα,Λευκά,Έγκυρα,` then the parties) "led" with its registered
    voters. The sum in every row is the file's own word for which columns are the options. The
    first rows are looked at first (`HEAD_ROWS`): in nearly every table they show there is none.
    Where the columns left of it are no protocol's counts (a party left of another's total and its
    parts), the file is refused: as options the run's votes count twice, whichever column is the
    total (a party's of its parts, an alliance's of its parties), and the file does not say which
    to keep (`_twice`: `total-column`, with both ways out)."""
    if len(rows) < ROWS_AT_LEAST or len(plan.options) < 3:
        return None
    # (The voters' counts read as facts, after the options: a ballots cast the run's total and
    # the invalid ballots left of it add up to.)
    counted = [c[0] for f, c in plan.facts.items() if f[0] in _VOTERS and len(c) == 1]
    head = _figures([*plan.options, *counted], rows[:HEAD_ROWS])
    fit = None if head is None else _fit(table, plan, head)
    if fit is not None and len(rows) > HEAD_ROWS:
        figures = _figures([*plan.options, *counted], rows)
        fit = None if figures is None else _fit(table, plan, figures)
    if fit is None:
        return None
    start, at, left_of = fit
    kept, total = plan.options[start:], plan.options[at]
    if left_of != "protocol":  # (a party's total beside its parts, or an alliance's)
        if left_of == "unsure" or found is None:  # (the totals' and places' checks to tell)
            table.notes.append(_twice(table, plan, kept, total) + ".")
        else:
            found.add(
                Code.TOTAL_COLUMN,
                table.header_line,
                _twice(table, plan, kept, total),
                column=level0(table, total),
            )
        return None
    left = [i for i in plan.options[:start] if i != total]
    shown = ", ".join(repr(level0(table, i)) for i in left)
    table.notes.append(
        f"The options {', '.join(repr(level0(table, i)) for i in kept)} add up to "
        f"{level0(table, total)!r} in every row: it is read as the valid votes"
        + (
            f", and {shown}, counts of another kind, are no options (if "
            f"{'it is an option' if len(left) == 1 else 'one is an option'}: --ignore-column "
            f"{shlex.quote(table.header[total])})."
            if left
            else "."
        )
    )
    return replace(
        plan,
        facts={**plan.facts, ("total_votes", ""): [total]},
        options=kept,
        ignored=sorted([*plan.ignored, *left]),
    )


def _twice(table: RawTable, plan: Plan, kept: list[int], total: int) -> str:
    """The error of a total column beside its parts read as options, and the two ways out, each
    column named by its header as written, as --ignore-column takes it (Pakistan's constituency
    table was told of `'validated'`, the votes word taken off, which --ignore-column did not
    know: the same error again)."""
    named, parts = table.header[total], [table.header[i] for i in kept]
    left = [table.header[i] for i in plan.options if i < total]
    shown = ", ".join(map(repr, parts))
    return (
        f"{named!r} is the sum of {shown} in every row: read as options, these votes would count "
        f"twice, and the file does not say which to keep. If {named!r} is one option's total and "
        f"they are its parts (a party's votes by list and by candidate), give --ignore-column "
        f"{shlex.quote(','.join(parts))}; if they are options and {named!r} their sum (an "
        f"alliance's, or the valid votes), give --ignore-column {shlex.quote(named)}"
        + (
            f", with any of {', '.join(map(repr, left))} left of it that is no option (a count of "
            "voters or ballots)"
            if left
            else ""
        )
    )


def _figures(columns: list[int], rows: list[Row]) -> Any:
    """The columns' plain counts as a matrix of a row per row (numpy); None where a cell is no
    plain count."""
    import numpy as np

    out = np.zeros((len(rows), len(columns)), dtype=np.int64)
    by_column = list(zip(*(cells for _, cells in rows), strict=False))
    for c, index in enumerate(columns):
        cells = by_column[index] if index < len(by_column) else ("",) * len(rows)
        joined = "".join(cells)
        if all(cells) and joined.isdigit() and joined.isascii() and max(map(len, cells)) < 16:
            out[:, c] = np.fromiter(map(int, cells), dtype=np.int64, count=len(cells))
            continue  # (every cell plain digits, as in nearly every file: at C speed)
        for r, cell in enumerate(cells):
            value = _count(cell)
            if value is None or value >= 1 << 62:
                return None
            out[r, c] = value
    return out


def _fit(table: RawTable, plan: Plan, figures: Any) -> tuple[int, int, Left] | None:
    """The run's first column, the total's and what the columns left of it are (`_protocol`;
    `unnamed_total`), or None. The shortest run first: the parties add up to the valid votes,
    and with the invalid ballots before them (Turkey's YSK: `Geçersiz Oy Toplamı`) to the
    ballots cast, a column further left."""
    count = len(plan.options)
    worded = [_counts(level0(table, i)) for i in plan.options]
    # Each row's sum of the options from each column to the last (a column per start).
    tails = figures[:, :count][:, ::-1].cumsum(axis=1)[:, ::-1]
    sums = [
        (start, at)
        for start in range(count - 2, 0, -1)
        for at in range(start)
        if (tails[:, start] == figures[:, at]).all()
        and _chance(figures, at, start, count) >= BEYOND_CHANCE
        and not any(_COUNT_WORD.search(level0(table, i)) for i in plan.options[start:])
    ]
    verdicts = [_protocol(figures, at, start, count, worded) for start, at in sums]
    start, at = next((f for f, v in zip(sums, verdicts, strict=True) if v == "protocol"), (0, -1))
    if at < 0:
        return (*sums[0], verdicts[0]) if sums else None
    while start - 1 > at and not figures[:, start - 1].any():
        start -= 1  # (a column of 0 beside the run fits alike: an option with no votes)
    return start, at, "protocol"


def _counts(label: str) -> bool:
    """Whether a header names a count of ballots or voters (a fact pollcli knows, or its words)."""
    return bool(_COUNT_WORD.search(label)) or canonical_column(label) in REGIONAL_FACTS


def _chance(figures: Any, at: int, start: int, end: int) -> int:
    """The product of column `at`'s figures in the different rows where the run from `start` has
    two figures or more that are not 0 (`wide_columns.BEYOND_CHANCE`: as for a column of each
    row's sum, a total told apart from a party that happens to hold as many votes as others)."""
    import numpy as np

    shown = figures[(figures[:, start:end] > 0).sum(axis=1) >= 2]
    if not len(shown):
        return 0
    odds = 1
    for row in np.unique(shown, axis=0):
        odds *= int(row[at])
        if odds >= BEYOND_CHANCE:
            break
    return odds


def _protocol(figures: Any, at: int, start: int, end: int, worded: list[bool]) -> Left:
    """What the columns left of the run from `start`, but the total at `at`, are: a protocol's
    counts of voters at least the total in every row (registered, ballots cast; after `end`, the
    ones read as facts), and the others (invalid, blank ballots) well under the total in every row
    (`SPOILT_SHARE`) and adding up with it to one of those (the ballots cast). With none of those
    others, the counts of voters left of the run must be headed as counts (`worded`, by option):
    their size alone does not tell a party left of another's total and its parts (`PartyX,
    Ygesamt, Y1, Y2`: PartyX has 3,000 of 5,550 votes). "party" where one is a party's by its size
    (over a quarter of the total in a row), with no small ones by its name, or with no count of
    voters beside the small ones (`PartyX` of 50 votes left of `Ygesamt`); "unsure" where the small
    ones do not add up with the total to the count of voters left of it (Serbia's polling place
    numbers read among its counts: the places' check says so)."""
    total = figures[:, at]
    left = [k for k in range(start) if k != at]
    big = [k for k in (*left, *range(end, figures.shape[1])) if (figures[:, k] >= total).all()]
    small = [k for k in left if k not in big]
    if not small:
        return "protocol" if all(worded[k] for k in left) else "party"
    spoilt = figures[:, small].sum(axis=1)
    if not (spoilt * SPOILT_SHARE <= total + SPOILT_SLACK).all():
        return "party"
    if any((figures[:, b] == total + spoilt).all() for b in big):
        return "protocol"
    return "unsure" if big else "party"  # (no count of voters left of it: a small party's)
