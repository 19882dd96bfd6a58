"""A Comparison → Rich renderables: elections, shares side by side, matches, poll accuracy, findings.

Changes are coloured but also carry an arrow and a sign (or the words new/gone), so the table reads the same
without colour. Elections are numbered [1], [2]… in the first table and the columns refer to those numbers,
which keeps long election labels out of the column headers.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pollcli.compare_models import CompareRow, Comparison, PollAccuracy
from pollcli.render import format as fmt
from pollcli.render.safe import visible
from pollcli.render.table import KIND_STYLES, findings_panel, text

WIDTH_FOR_PARTY = 110
METHODS = {
    "normalised": "same after normalising",
    "fuzzy": "similar",
    "alias": "alias",
    "kind": "same kind",
}


def change_text(value: float | None, before: float | None, after: float | None) -> Text:
    """A change in points: ▲ +1.23 green, ▼ −1.23 red, = 0.00; new / gone where one side is absent."""
    if value is None:
        if before is None and after is not None:
            return Text("new", style="cyan")
        if before is not None and after is None:
            return Text("gone", style="dim")
        return Text("")
    shown = fmt.points(value)
    if shown in ("+0.00", "-0.00"):
        return Text("= 0.00", style="dim")
    if value > 0:
        return Text(f"▲ {shown}", style="green")
    return Text(f"▼ {shown.replace('-', '−')}", style="red")


def error_text(value: float | None) -> Text:
    if value is None:
        return Text("—", style="dim")
    shown = fmt.points(value).replace("-", "−")
    return Text(shown, style="yellow" if abs(value) >= 1 else "")


def elections_tables(comparison: Comparison, width: int) -> list[Table]:
    """The elections compared: one table where it fits unfolded, else names and figures apart
    (Rich would otherwise fold the names mid-word, or cut the figures off the edge)."""
    one = _elections_width(comparison) <= width
    names = _plain_table("Elections compared")
    names.add_column("", justify="right", no_wrap=True)
    names.add_column("Election", overflow="fold", ratio=4, min_width=14)
    names.add_column("Date", no_wrap=True)
    figures = names if one else _plain_table("Stage, turnout, effective number and term")
    if not one:
        figures.add_column("", justify="right", no_wrap=True)
    figures.add_column("Stage", no_wrap=True)
    names.add_column("Leader", overflow="fold", ratio=3, min_width=10)
    figures.add_column("Turnout", justify="right", no_wrap=True)
    figures.add_column("Eff. N", justify="right", no_wrap=True)
    figures.add_column("Term", justify="right", no_wrap=True)
    for number, e in enumerate(comparison.elections, start=1):
        name_cells: list[RenderableType] = [
            f"[{number}]",
            text(e.election, "bold"),
            e.date.isoformat() if e.date else "—",
        ]
        leader = text(e.leader) if e.leader else Text("tie", style="yellow")
        figure_cells: list[RenderableType] = [
            e.stage.replace("_", " "),
            fmt.pct(e.turnout_pct),
            fmt.number(e.effective_number),
            f"{e.term_years} y" if e.term_years else "—",
        ]
        if one:
            names.add_row(*name_cells, figure_cells[0], leader, *figure_cells[1:])
        else:
            names.add_row(*name_cells, leader)
            figures.add_row(f"[{number}]", *figure_cells)
    return [names] if one else [names, figures]


def _elections_width(comparison: Comparison) -> int:
    """The one-table layout's width with nothing folded: widest cells, edges and separators."""
    elections = comparison.elections
    columns = {
        "Election": [e.election for e in elections],
        "Leader": [e.leader or "tie" for e in elections],
        "Stage": [e.stage.replace("_", " ") for e in elections],
    }
    widest = [
        max([len(header), *(cell_len(visible(cell)) for cell in cells)])
        for header, cells in columns.items()
    ]
    fixed = len(f"[{len(elections)}]") + 10 + 7 + 6 + 4  # number, date, turnout, Eff. N, term
    return sum(widest) + fixed + 2 + 3 * 7


def _plain_table(title: str) -> Table:
    return Table(
        title=Text(title, style="bold"), box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False
    )


def _shown_pairs(comparison: Comparison) -> list[int]:
    """Pairs with a change column: a null volatility marks two stages of one election (no change shown)."""
    return [p for p, v in enumerate(comparison.volatility) if v is not None]


def shares_table(comparison: Comparison, width: int) -> Table:
    show_party = width >= WIDTH_FOR_PARTY or (len(comparison.elections) <= 2 and width >= 90)
    pairs = set(_shown_pairs(comparison))
    label = "Party" if comparison.by == "party" else "Candidate / option"
    title = "Share of the vote, and change in points" if pairs else "Share of the vote"
    table = Table(
        title=Text(title, style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    table.add_column(label, overflow="fold", ratio=3, min_width=min(16, width // 4))
    if show_party and comparison.by == "candidate":
        table.add_column("Party", overflow="fold", ratio=3, style="dim")
    for index in range(len(comparison.elections)):
        table.add_column(f"[{index + 1}]", justify="right", no_wrap=True)
        if index in pairs:
            table.add_column(f"Δ {index + 1}→{index + 2}", justify="right", no_wrap=True)
    leaders = {e.leader for e in comparison.elections if e.leader}
    in_options = False
    for row in comparison.rows:
        if row.kind != "candidate" and not in_options:
            table.add_section()
            in_options = True
        table.add_row(*_cells(row, comparison, show_party, pairs, leaders))
    if pairs:
        table.add_section()
        cells: list[RenderableType] = [Text("Pedersen volatility", style="italic")]
        if show_party and comparison.by == "candidate":
            cells.append("")
        for index in range(len(comparison.elections)):
            cells.append("")
            if index in pairs:
                cells.append(fmt.number(comparison.volatility[index]))
        table.add_row(*cells)
    return table


def _cells(
    row: CompareRow, comparison: Comparison, show_party: bool, pairs: set[int], leaders: set[str]
) -> list[RenderableType]:
    style = "bold" if leaders.intersection(row.names) else KIND_STYLES.get(row.kind, "")
    cells: list[RenderableType] = [text(row.candidate, style)]
    if show_party and comparison.by == "candidate":
        cells.append(text(row.party))
    for index, share in enumerate(row.shares):
        cells.append(fmt.pct(share))
        if index in pairs:
            cells.append(change_text(row.changes[index], share, row.shares[index + 1]))
    return cells


def matches_table(comparison: Comparison) -> Table:
    table = Table(
        title=Text("Names matched across spellings (check them)", style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    table.add_column("Name", overflow="fold", ratio=3)
    table.add_column("Matched to", overflow="fold", ratio=3)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("How", no_wrap=True)
    for match in comparison.matches:
        table.add_row(
            text(match.name),
            text(match.matched_to),
            fmt.number(match.score, 1),
            Text(METHODS[match.method], style="yellow" if match.method == "fuzzy" else "dim"),
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
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Poll", overflow="fold", ratio=4)
    table.add_column("MAE", justify="right", no_wrap=True)
    table.add_column("Largest miss", overflow="fold", ratio=3)
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


def errors_table(polls: list[PollAccuracy]) -> Table:
    table = Table(
        title=Text("Error per option (poll − official, points), polls by rank", style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    table.add_column("Option", overflow="fold", ratio=3)
    table.add_column("Official", justify="right", no_wrap=True)
    for poll in polls:
        # The poll's number in the elections and shares tables, not its rank.
        table.add_column(f"[{poll.position + 1}]", justify="right", no_wrap=True)
    by_poll = [{e.candidate: e for e in poll.errors} for poll in polls]
    options = dict.fromkeys(e.candidate for poll in polls for e in poll.errors)
    for option in options:
        official = next(found[option].official for found in by_poll if option in found)
        cells: list[RenderableType] = [text(option), fmt.pct(official)]
        cells += [error_text(found[option].error if option in found else None) for found in by_poll]
        table.add_row(*cells)
    return table


def render_comparison(comparison: Comparison, width: int) -> RenderableType:
    parts: list[RenderableType] = [
        *elections_tables(comparison, width),
        shares_table(comparison, width),
    ]
    if comparison.matches:
        parts.append(matches_table(comparison))
    if comparison.unmatched:
        line = Text("In one election only: ", style="bold")
        line.append(", ".join(text(name).plain for name in comparison.unmatched))
        parts += [line, Text("")]
    for official in dict.fromkeys(p.official_position for p in comparison.poll_accuracy or []):
        polls = [p for p in comparison.poll_accuracy or [] if p.official_position == official]
        parts += [accuracy_table(polls, width), errors_table(polls)]
    parts.append(findings_panel(comparison.notes))
    return Group(*parts)
