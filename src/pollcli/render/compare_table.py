"""A Comparison → Rich renderables: elections, shares side by side, matches, poll accuracy, findings.

Changes are coloured but also carry an arrow and a sign (or the words new/gone), so the table reads the same
without colour. Elections are numbered [1], [2]… in the first table and the columns refer to those numbers,
which keeps long election labels out of the column headers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pollcli import formats as fmt
from pollcli.compare_models import CompareRow, Comparison, PollAccuracy
from pollcli.render import labels
from pollcli.render.table import KIND_STYLES, findings_panel, natural_width, text

WIDTH_FOR_PARTY = 110
NAME_NARROW_WIDTH = 10  # the names' column, folding, on a terminal too narrow for the figures
T = TypeVar("T")


def change_text(value: float | None, before: float | None, after: float | None) -> Text:
    """A change in points: ▲ +1.23 green, ▼ −1.23 red, = 0.00; new / gone where one side is absent."""
    if value is None:
        if before is None and after is not None:
            return Text("new", style="cyan")
        if before is not None and after is None:
            return Text("gone", style="dim")
        return Text("")
    shown = fmt.points(value)
    if shown in ("+0.00", "−0.00"):
        return Text("= 0.00", style="dim")
    if value > 0:
        return Text(f"▲ {shown}", style="green")
    return Text(f"▼ {shown}", style="red")


def error_text(value: float | None) -> Text:
    if value is None:
        return Text("—", style="dim")
    shown = fmt.points(value)
    return Text(shown, style="yellow" if abs(value) >= 1 else "")


# The elections table's columns; the names table keeps the first ones and the leader when the
# figures must go to a table of their own.
_NAME_COLUMNS = ("", "Election", "Date", "Leader")
_FOLDING = {"Election": (4, 14), "Leader": (3, 10)}  # the columns that may fold: ratio, min width


def elections_tables(comparison: Comparison, width: int) -> list[Table]:
    """The elections compared: one table where it fits unfolded, else names and figures apart
    (Rich would otherwise fold the names mid-word, or cut the figures off the edge); on a terminal
    too narrow for that, the figures (and then the leader) in as many tables as fit, each with the
    elections' numbers."""
    elections = comparison.elections
    columns = [
        ("", [f"[{n}]" for n in range(1, len(elections) + 1)]),
        ("Election", labels.election_names(comparison)),
        ("Date", [e.date.isoformat() if e.date else "—" for e in elections]),
        ("Stage", [e.stage.replace("_", " ") for e in elections]),
        ("Leader", [e.leader_text for e in elections]),
        ("Turnout", [fmt.pct(e.turnout_pct) for e in elections]),
        ("Eff. N", [fmt.number(e.effective_number) for e in elections]),
        ("Term", [f"{e.term_years} y" if e.term_years else "—" for e in elections]),
    ]
    if natural_width(columns) <= width:
        return [_elections_table("Elections compared", columns, comparison)]
    names = [c for c in columns if c[0] in _NAME_COLUMNS]
    figures = [c for c in columns if c[0] not in _NAME_COLUMNS]
    if not fits(_elections_table("", names, comparison), width):
        # (The leader's name then folds in a table of its own, not off the edge.)
        names, figures = names[:-1], [names[-1], *figures]
    title = "Stage, turnout, effective number and term"
    runs = _fitted(
        figures, width, lambda some: _elections_table("", [columns[0], *some], comparison)
    )
    return [
        _elections_table("Elections compared", names, comparison, width),
        *(
            _elections_table(title if k == 0 else "", [columns[0], *run], comparison, width)
            for k, run in enumerate(runs)
        ),
    ]


def fits(table: Table, width: int) -> bool:
    """Whether a table fits `width` cells with no column cut: its folding columns at their least
    width (their longest word at least), the others' widest cell, the padding and the box's column gaps and edges (Rich's own
    measure leaves the gaps out, so that a table it said fits lost its last figures)."""
    least = 0
    for column in table.columns:
        if column.no_wrap:
            cells = [column.header, *column.cells]
            least += max(cell_len(c.plain if isinstance(c, Text) else str(c)) for c in cells)
        else:  # (a name folds between its words, not within one)
            words = (
                word
                for c in column.cells
                for word in (c.plain if isinstance(c, Text) else str(c)).split()
            )
            least += max([column.min_width or 1, *map(cell_len, words)])
    count = len(table.columns)
    padding = 2 * count - (0 if table.pad_edge else 2)
    return least + padding + (count - 1) + (2 if table.show_edge else 0) <= width


def _fitted(items: list[T], width: int, make: Callable[[list[T]], Table]) -> list[list[T]]:
    """`items` (columns, or elections) in runs, in order, each as many as fit `width` in the
    table `make` builds of them (one at least)."""
    runs: list[list[T]] = [[]]
    for item in items:
        if runs[-1] and not fits(make([*runs[-1], item]), width):
            runs.append([])
        runs[-1].append(item)
    return runs


def _elections_table(
    title: str,
    columns: list[tuple[str, list[str]]],
    comparison: Comparison,
    width: int | None = None,
) -> Table:
    table = _plain_table(title, width)
    for header, _ in columns:
        if header in _FOLDING:
            ratio, least = _FOLDING[header]
            table.add_column(header, overflow="fold", ratio=ratio, min_width=least)
        elif header in ("", "Turnout", "Eff. N", "Term"):
            table.add_column(header, justify="right", no_wrap=True)
        else:
            table.add_column(header, no_wrap=True)
    for index, election in enumerate(comparison.elections):
        row = [text(cells[index]) for _, cells in columns]
        for header, cell in zip((h for h, _ in columns), row, strict=True):
            if header == "Election":
                cell.stylize("bold")
            elif header == "Leader" and election.leader is None:
                cell.stylize("yellow")
        table.add_row(*row)
    return table


def _plain_table(title: str, width: int | None = None) -> Table:
    # As wide as its title at least, so that a narrow table does not wrap its title (but no wider
    # than the terminal: there the title wraps).
    return Table(
        title=Text(title, style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        min_width=cell_len(title) if width is None else min(cell_len(title), width),
    )


def _shown_pairs(comparison: Comparison) -> list[int]:
    """Pairs with a change column: a null volatility marks two stages of one election (no change shown)."""
    return comparison.changed_pairs()


def shares_tables(comparison: Comparison, width: int) -> list[Table]:
    """The shares side by side; on a terminal too narrow for every election beside the names
    (under about 50 columns for four), the elections in as many tables as fit, each with the names
    (Rich would otherwise squeeze the names' column to nothing)."""
    every = list(range(len(comparison.elections)))
    table = shares_table(comparison, width, every)
    if fits(table, width) or len(every) == 1:
        return [table]
    runs = _fitted(every, width, lambda some: shares_table(comparison, width, some, narrow=True))
    return [shares_table(comparison, width, run, narrow=True) for run in runs]


def shares_table(
    comparison: Comparison, width: int, shown: list[int] | None = None, *, narrow: bool = False
) -> Table:
    """The shares of the elections `shown` (all by default) beside the names; `narrow`: the names
    fold to make room, and the title says which elections a part of the table holds."""
    count = len(comparison.elections)
    shown = list(range(count)) if shown is None else shown
    show_party = not narrow and (
        width >= WIDTH_FOR_PARTY or (len(comparison.elections) <= 2 and width >= 90)
    )
    pairs = set(_shown_pairs(comparison)) & set(shown)
    label = (
        "Party"
        if comparison.by == "party"
        else "Party list / option"
        if comparison.party_list
        else "Candidate / option"
    )
    title = "Share of the vote, and change in points" if pairs else "Share of the vote"
    if len(shown) < count:
        title += (
            f" ([{shown[0] + 1}]–[{shown[-1] + 1}])" if len(shown) > 1 else f" ([{shown[0] + 1}])"
        )
    table = _plain_table(title)
    longest = max((cell_len(row.candidate) for row in comparison.rows), default=8)
    least = min(longest, NAME_NARROW_WIDTH) if narrow else min(16, width // 4)
    table.add_column(label, overflow="fold", ratio=3, min_width=least)
    if show_party and comparison.by == "candidate":
        table.add_column("Party", overflow="fold", ratio=3, style="dim")
    for index in shown:
        table.add_column(f"[{index + 1}]", justify="right", no_wrap=True)
        if index in pairs:
            table.add_column(f"Δ {index + 1}→{index + 2}", justify="right", no_wrap=True)
    leaders = {e.leader for e in comparison.elections if e.leader}
    in_options = False
    for row in comparison.rows:
        if row.kind != "candidate" and not in_options:
            table.add_section()
            in_options = True
        table.add_row(*_cells(row, comparison, show_party, pairs, leaders, shown))
    if pairs:
        table.add_section()
    for title, figures in labels.volatility_rows(comparison) if pairs else []:
        cells: list[RenderableType] = [Text(title, style="italic")]
        if show_party and comparison.by == "candidate":
            cells.append("")
        for index in shown:
            cells.append("")
            if index in pairs:
                cells.append(fmt.number(figures[index]))
        table.add_row(*cells)
    return table


def _cells(
    row: CompareRow,
    comparison: Comparison,
    show_party: bool,
    pairs: set[int],
    leaders: set[str],
    shown: list[int],
) -> list[RenderableType]:
    style = "bold" if leaders.intersection(row.names) else KIND_STYLES.get(row.kind, "")
    cells: list[RenderableType] = [text(row.candidate, style)]
    if show_party and comparison.by == "candidate":
        cells.append(text(row.party))
    for index in shown:
        share = row.shares[index]
        cells.append(fmt.pct(share))
        if index in pairs:
            cells.append(change_text(row.changes[index], share, row.shares[index + 1]))
    return cells


def matches_table(comparison: Comparison) -> Table:
    table = _plain_table("Names matched across spellings (check them)")
    table.add_column("Earlier spelling", overflow="fold", ratio=3)
    table.add_column("Later spelling", overflow="fold", ratio=3)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("How", no_wrap=True)
    for match in comparison.matches:
        table.add_row(
            text(match.matched_to),
            text(match.name),
            fmt.number(match.score, 1),
            Text(
                labels.MATCH_METHODS[match.method],
                style="yellow" if match.method == "fuzzy" else "dim",
            ),
        )
    return table


def _called(value: bool | None) -> Text:
    if value is None:
        return Text("n/a", style="dim")
    return Text("✓ yes", style="green") if value else Text("✗ no", style="red")


# Below this width the called-leader and called-runner-up columns give way to the names; the
# findings say the same in words.
WIDTH_FOR_CALLED = 80


def accuracy_table(polls: list[PollAccuracy], width: int) -> Table:
    called = width >= WIDTH_FOR_CALLED
    table = Table(
        title=Text(f"Polls against the official count: {polls[0].official}", style="bold"),
        caption="error = poll − official, in points; ranked by mean absolute error",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    # Each column as wide as its longest word at least: a name is wrapped between its words, not
    # within one ("Kassym-Jomar / t Tokayev" in 40 columns).
    polled = [f"[{p.position + 1}] {p.election}" for p in polls]
    missed = [p.largest_miss.candidate for p in polls if p.largest_miss is not None]
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Poll", overflow="fold", ratio=4, min_width=_longest_word(polled))
    table.add_column("MAE", justify="right", no_wrap=True)
    table.add_column("Largest miss", overflow="fold", ratio=3, min_width=_longest_word(missed))
    if called:
        table.add_column("Leader", no_wrap=True)
        table.add_column("Runner-up", no_wrap=True)
    for poll in polls:
        miss = Text()
        if poll.largest_miss is not None:
            miss = text(poll.largest_miss.candidate)
            miss.append(" ")
            miss.append_text(error_text(poll.largest_miss.error))
        name = text(f"[{poll.position + 1}] ")
        name.append_text(text(poll.election))
        cells: list[RenderableType] = [str(poll.rank), name, fmt.number(poll.mean_abs_error), miss]
        if called:
            cells += [_called(poll.called_leader), _called(poll.called_runner_up)]
        table.add_row(*cells)
    return table


def _longest_word(texts: list[str], most: int = 20) -> int:
    """The cells of the longest word of `texts` (at most `most`: a longer one is folded)."""
    return min(max((cell_len(word) for t in texts for word in t.split()), default=1), most)


def errors_tables(polls: list[PollAccuracy], width: int) -> list[Table]:
    """Each option's error per poll; on a terminal too narrow for every poll beside the names,
    the polls in as many tables as fit (the names' column squeezed to three letters otherwise)."""
    table = errors_table(polls)
    if fits(table, width) or len(polls) == 1:
        return [table]
    return [
        errors_table(run, True) for run in _fitted(polls, width, lambda p: errors_table(p, True))
    ]


def errors_table(polls: list[PollAccuracy], narrow: bool = False) -> Table:
    table = _plain_table("Error per option (poll − official, points), polls by rank")
    options = dict.fromkeys(e.candidate for poll in polls for e in poll.errors)
    longest = max((cell_len(option) for option in options), default=6)
    table.add_column(
        "Option",
        overflow="fold",
        ratio=3,
        min_width=min(longest, NAME_NARROW_WIDTH) if narrow else None,
    )
    table.add_column("Official", justify="right", no_wrap=True)
    for poll in polls:
        # The poll's number in the elections and shares tables, not its rank.
        table.add_column(f"[{poll.position + 1}]", justify="right", no_wrap=True)
    by_poll = [{e.candidate: e for e in poll.errors} for poll in polls]
    for option in options:
        official = next(found[option].official for found in by_poll if option in found)
        cells: list[RenderableType] = [text(option), fmt.pct(official)]
        cells += [error_text(found[option].error if option in found else None) for found in by_poll]
        table.add_row(*cells)
    return table


def render_comparison(comparison: Comparison, width: int) -> RenderableType:
    parts: list[RenderableType] = [
        *elections_tables(comparison, width),
        *shares_tables(comparison, width),
    ]
    if comparison.matches:
        parts.append(matches_table(comparison))
    if comparison.unmatched:
        line = Text("In one election only: ", style="bold")
        line.append(", ".join(text(name).plain for name in comparison.unmatched))
        parts += [line, Text("")]
    for official in dict.fromkeys(p.official_position for p in comparison.poll_accuracy or []):
        polls = [p for p in comparison.poll_accuracy or [] if p.official_position == official]
        parts += [accuracy_table(polls, width), *errors_tables(polls, width)]
    parts.append(findings_panel(comparison.notes))
    return Group(*parts)
