"""A table of ranked-choice ballots by first and second choice, refused: no option's votes.

Alaska's ranked-choice tables by House district (`us_ak_rcv_gov_top3_hd.csv`) give, under a header
of two rows — the first choice over the second, `1` and `2` in the corner — the ballots that rank
one candidate first and another second: `Dunleavy/Dahlstrom` over `Gara/Cook`, over
`Walker/Drygas`, over a blank (no second choice) and over `Overvote`, then `Gara/Cook` over each of
the others, and so on. Each column is a pair of choices, not an option. Read as a wide table its
candidates' columns named the rows (`--wide`: "No candidate is on the ballot list", Exhausted and
Overvote the only options), or, with the two rows joined (`--header-line 1-2 --id-columns '1 /
2'`), each second choice became a race "led" by a first choice ("us_ak_rcv_gov_top3_hd ·
Gara/Cook: Walker/Drygas 73.83 %"). A first choice's ballots are its columns added up, but who
wins a ranked-choice count is told by its rounds, which the table does not give (nor the choices
after the second): refused, saying what the table is and what pollcli reads instead.

The sign: two first choices or more each over several columns, and a second choice that is itself
a first choice of the table (Dunleavy over Gara, Gara over Dunleavy), in the header's two rows or
in the header and the row under it.
"""

from __future__ import annotations

from typing import Final

from pollcli.problems import Code, Found
from pollcli.read.dialect import RawTable

# The fewest columns of pairs of choices (a first over a second, both first choices of the table).
PAIRS_AT_LEAST: Final[int] = 2


def refused(table: RawTable, found: Found) -> bool:
    """Whether the table is ballots by first and second choice (the module's docstring): an error
    in `found` that says what it is, and what pollcli reads instead."""
    levels = _levels(table)
    if levels is None:
        return False
    firsts: dict[str, int] = {}
    for first, _ in levels:
        if first:
            firsts[first] = firsts.get(first, 0) + 1
    several = {name for name, count in firsts.items() if count > 1}
    pairs = [(a, b) for a, b in levels if a in several and b in several and a != b]
    both = set(pairs)
    if len(pairs) < PAIRS_AT_LEAST or not any((b, a) in both for a, b in pairs):
        return False
    names = list(dict.fromkeys(a for a, _ in pairs))
    shown = ", ".join(repr(n) for n in names[:4]) + (" …" if len(names) > 4 else "")
    first, second = pairs[0]
    found.add(
        Code.MISSING_COLUMN,
        table.header_line,
        "the table looks like ranked-choice ballots counted by first and second choice (a "
        f"crosstab of choices: {shown} each first over several columns, {second!r} under "
        f"{first!r} the ballots that rank {first!r} first and {second!r} second), not votes "
        "per option: read as one, its columns would be options and their pairs leaders. A "
        "first choice's ballots are its columns added up, but a ranked-choice count is won in "
        "its rounds, which this table does not give; pollcli reads the count's rounds instead, "
        "as the election office's ranked-choice report gives them: a row per candidate and "
        "round (candidate,ranked_choice_round,votes), the race decided by its final round",
        column="votes",
    )
    return True


def _levels(table: RawTable) -> list[tuple[str, str]] | None:
    """Each column's first and second label: the header's two rows, or the header and the row
    under it where that row holds words, not figures (a header over two rows not found)."""
    if table.header_rows >= 2 and len(table.levels) == len(table.header):
        return [
            (" ".join(lv[0].split()), " ".join(lv[1].split()) if len(lv) > 1 else "")
            for lv in table.levels
        ]
    if not table.records:
        return None
    under = table.records[0][1]
    if any(cell.strip().replace(",", "").isdigit() for cell in under[1:]):
        return None  # (figures under the header: a table's first row)
    return [
        (" ".join(label.split()), " ".join(under[i].split()) if i < len(under) else "")
        for i, label in enumerate(table.header)
    ]
