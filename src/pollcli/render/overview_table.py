"""The overview of a file of many races → Rich: one line per race, the races won per party, and the
overview's notes. Laid out only: the rows, tags and tally are `pollcli.overview`'s, the words
`render.labels`'. One table for all races (a table per race costs some 20 ms each)."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pollcli.models import Summary
from pollcli.render import labels, table
from pollcli.render.table import findings_panel, text

TAG_STYLES = {"CLOSE": "bold yellow", "TIE": "bold yellow", "NO MAJORITY": "magenta"}
NAME_COLUMNS = ("Race", "Leader", "Party", "Runner-up")
# Below these widths a name column folds only when the terminal is too narrow for the table.
NAME_WIDTHS = {"Race": 22, "Leader": 16, "Party": 5, "Runner-up": 12}
# Narrower than this, the runner-up gives way (as in the regions table).
WIDTH_FOR_RUNNER_UP = 96


def name_widths(columns: list[tuple[str, list[str]]], width: int) -> dict[str, int]:
    """The widths of the name columns: the figures and tags keep theirs, the names share what is
    left in proportion to their longest cell (never below a few letters, never above it)."""
    natural = {h: max(cell_len(c) for c in [h, *cells]) for h, cells in columns}
    # Two spaces between columns, one at each edge.
    fixed = sum(w for h, w in natural.items() if h not in NAME_COLUMNS) + 2 * len(columns)
    names = {h: w for h, w in natural.items() if h in NAME_COLUMNS}
    room = max(width - fixed, sum(len(h) for h in names))
    if sum(names.values()) <= room:
        return names
    wanted = {h: min(w, NAME_WIDTHS[h]) for h, w in names.items()}
    spare = room - sum(wanted.values())
    if spare < 0:
        return {h: max(len(h), w * room // sum(wanted.values())) for h, w in wanted.items()}
    extra = {h: names[h] - w for h, w in wanted.items()}
    total = sum(extra.values()) or 1
    return {h: w + extra[h] * spare // total for h, w in wanted.items()}


def overview_table(summary: Summary, width: int) -> Table:
    """One row per race: race, leader and party, share, margin (points, votes), runner-up, turnout
    where known, tags."""
    overview = summary.overview
    assert overview is not None
    turnout = any(r.turnout_pct is not None for r in overview.races)
    columns = labels.overview_columns(overview, turnout=turnout)
    if width < WIDTH_FOR_RUNNER_UP:
        columns = [c for c in columns if c[0] != "Runner-up"]
    title = "Races" + (", the closest first" if overview.sort == "margin" else "")
    races = Table(
        title=Text(title, style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        collapse_padding=True,
    )
    widths = name_widths(columns, width)
    for header, _ in columns:
        if header in NAME_COLUMNS:
            races.add_column(
                header,
                overflow="fold",
                width=widths[header],
                style="dim" if header == "Party" else "",
            )
        else:
            races.add_column(header, justify="right" if header != "Tags" else "left", no_wrap=True)
    tag_index = len(columns) - 1
    for values in zip(*(c for _, c in columns), strict=True):
        row: list[RenderableType] = []
        for position, cell in enumerate(values):
            if position == tag_index:
                tags = Text()
                for number, tag in enumerate(cell.split(" ") if cell else []):
                    tags.append((" " if number else "") + tag, style=TAG_STYLES.get(tag, "cyan"))
                row.append(tags)
            else:
                row.append(text(cell, "bold" if position == 1 else ""))
        races.add_row(*row)
    return races


def tally_table(summary: Summary) -> Table:
    tally = summary.tally
    assert tally is not None
    title = labels.tally_title(tally)
    parties = Table(
        title=Text(title, style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        min_width=len(title),
    )
    parties.add_column("Party", overflow="fold")
    parties.add_column("Seats" if tally.unit == "seats" else "Won", justify="right", no_wrap=True)
    for party, won in labels.tally_rows(tally):
        parties.add_row(text(party), won)
    return parties


def render_summary(summary: Summary, width: int) -> RenderableType:
    """The summary as `pollcli summary` draws it: the overview of more than a few races, or each
    election's table and findings (`table.render_summary`) followed, for a file of races, by the
    tally and the overview's notes."""
    if summary.overview is None or summary.tally is None:
        return table.render_summary(summary, width)
    closing: list[RenderableType] = [
        tally_table(summary),
        findings_panel(summary.overview.notes, title="Overview"),
    ]
    if summary.show_overview:
        return Group(overview_table(summary, width), *closing)
    return Group(table.render_summary(summary, width), Text(""), *closing)
