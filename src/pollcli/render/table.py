"""Summary and validation reports → Rich renderables for the terminal (and SVG/HTML export)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pollcli import formats as fmt
from pollcli.models import ElectionSummary, Summary, ValidationReport
from pollcli.problems import Problem
from pollcli.render import labels
from pollcli.render.long_list import LONG_LIST, LongList
from pollcli.render.safe import visible

BAR_WIDTH = 16
# Narrower than this, `validate` writes each problem's message beneath it, not in a column.
WIDTH_FOR_MESSAGE_COLUMN: Final[int] = 80
NAME_MIN_WIDTH = 20
NAME_NARROW_WIDTH = 8  # a name's column on a terminal too narrow for the tags
PARTY_MIN_WIDTH = 16

KIND_STYLES = {"against_all": "magenta", "blank": "dim", "invalid": "dim", "other": "cyan"}
# How each tag role of `labels.result_tags` is coloured.
TAG_STYLES = {"leader": "bold green", "tied": "bold yellow", "runner_up": "cyan", "below": "yellow"}


def bar(share: float | None, width: int) -> str:
    """A share of 100 % as a bar of `width` cells, in eighths of a cell."""
    if share is None or width <= 0:
        return ""
    eighths = round(max(0.0, min(share, 100.0)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[part]


def text(value: str | None, style: str = "") -> Text:
    """Input text as a Text object: Rich markup in a name is printed literally, controls escaped."""
    return Text(visible(value or ""), style=style)


def _title(summary: ElectionSummary) -> Text:
    title = text(labels.election_title(summary), "bold")
    details = [visible(d) for d in labels.election_details(summary)]
    if details:
        title.append("\n" + " · ".join(details), style="dim")
    return title


def results_table(summary: ElectionSummary, width: int) -> Table:
    table = _results_table(summary, width, narrow=False)
    console = Console(width=max(width, 1000))
    if Measurement.get(console, console.options, table).minimum > width:
        # The tags give way (the findings say the same) and names fold further, rather than a
        # figure be cut off at the edge ('53.' for '53.90 %').
        table = _results_table(summary, width, narrow=True)
    return table


def _results_table(summary: ElectionSummary, width: int, narrow: bool) -> Table:
    # (In cells, as Rich lays them out: a Devanagari name is fewer cells than code points.)
    longest_name = max((cell_len(visible(r.candidate)) for r in summary.results), default=6)
    longest_tag = max(
        (cell_len(t) for row in summary.results for t, _ in labels.result_tags(row, summary)),
        default=4,
    )
    name_width = min(longest_name, NAME_MIN_WIDTH)
    # Names, figures and tags come first; the party column, then the bar, only where they fit.
    essentials = 3 + name_width + 11 + 9 + longest_tag + 2 * 4
    # A file with no party column (party lists name the party as the option) shows none.
    party_room = PARTY_MIN_WIDTH + 2 if any(r.party for r in summary.results) else 0
    show_party = party_room > 0 and width >= essentials + party_room
    show_bar = (show_party or not party_room) and width >= essentials + party_room + BAR_WIDTH + 2
    if party_room and not show_party:
        name_width = min(longest_name, 12)
    if narrow:
        name_width = min(longest_name, NAME_NARROW_WIDTH)
    table = Table(
        title=_title(summary),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(
        "Candidate" if summary.open_lists else "List" if summary.party_list else "Option",
        overflow="fold",
        min_width=name_width,
    )
    if show_party:
        # 32 at least; on a wide terminal, whatever the other columns leave.
        room = width - essentials - 2 - (BAR_WIDTH + 2 if show_bar else 0)
        room -= max(0, longest_name - name_width)
        table.add_column("Party", overflow="fold", style="dim", max_width=max(32, room))
    show_votes = any(r.votes is not None for r in summary.results)  # exit polls have shares only
    if show_votes:
        table.add_column("Votes", justify="right", no_wrap=True)
    table.add_column("Share", justify="right", no_wrap=True)
    if show_bar:
        table.add_column("", no_wrap=True, width=BAR_WIDTH)
    if not narrow:
        table.add_column("Tags", no_wrap=True, min_width=longest_tag)
    for row in summary.results:
        tags = labels.result_tags(row, summary)
        leader = bool(tags and tags[0][1] == "leader")
        name_style = "bold" if leader else KIND_STYLES.get(row.kind, "")
        cells: list[RenderableType] = [str(row.rank), text(row.candidate, name_style)]
        if show_party:
            cells.append(text(row.party))
        if show_votes:
            cells.append(fmt.votes(row.votes))
        cells.append(fmt.pct(row.share))
        if show_bar:
            bar_style = "green" if leader else KIND_STYLES.get(row.kind, "blue")
            cells.append(Text(bar(row.share, BAR_WIDTH), style=bar_style))
        tag_text = Text()
        for index, (label, role) in enumerate(tags):
            if index:
                tag_text.append(" ")
            tag_text.append(label, style=TAG_STYLES.get(role) or KIND_STYLES.get(role, ""))
        if not narrow:
            cells.append(tag_text)
        table.add_row(*cells)
    return table


# From this width the runner-up is shown even if its names must fold; below it, only when the whole
# table fits unfolded (otherwise the runner-up column gives way to the leader's figures).
WIDTH_FOR_RUNNER_UP = 90


def natural_width(columns: list[tuple[str, list[str]]]) -> int:
    """The table's width with no cell folded: the widest cell of each column, one space at each
    edge, and three between columns (padding, rule, padding)."""
    widest = [max(cell_len(visible(c)) for c in [header, *cells]) for header, cells in columns]
    return sum(widest) + 2 + 3 * (len(widest) - 1)


def regions_table(summary: ElectionSummary, width: int) -> Table:
    """One row per region: its leader and share, the runner-up, the margin and the turnout."""
    regions = summary.regions or []
    show_turnout = any(r.turnout.pct is not None for r in regions)
    columns = labels.region_columns(regions, runner_up=True, turnout=show_turnout)
    if width < WIDTH_FOR_RUNNER_UP and natural_width(columns) > width:
        columns = labels.region_columns(regions, runner_up=False, turnout=show_turnout)
    table = Table(
        title=Text("By region", style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    for header, _ in columns:
        if header in ("Region", "Leader", "Runner-up"):
            table.add_column(header, overflow="fold", ratio=2 if header == "Region" else 3)
        else:
            table.add_column(header, justify="right", no_wrap=True)
    for index, region in enumerate(regions):
        row = [text(cells[index]) for _, cells in columns]
        row[1].stylize("bold" if region.leader else "bold yellow")
        table.add_row(*row)
    return table


NO_BREAK: Final[str] = "\u00a0"
# A number and its unit stay on one line: "50 %", "1.25 points", "3 pp".
_UNIT_SPACE: Final = re.compile(r"(?<=\d) (?=%|pp\b|points?\b)")
# A word as Rich wraps one (leading spaces, the word, trailing spaces), except that a no-break
# space belongs to its word: Rich's own pattern (`\s`) breaks a line at it.
_WORD: Final = re.compile(r"[^\S\u00a0]*(?:\S|\u00a0)+[^\S\u00a0]*")


def keep_together(sentence: str) -> str:
    """The sentence with a no-break space between each number and its unit (%, pp, points)."""
    return _UNIT_SPACE.sub(NO_BREAK, sentence)


def breaks(line: str, width: int) -> list[int]:
    """Where a line of text breaks at `width` cells, as Rich breaks it (a word too long for any
    line is folded), except never at a no-break space."""
    found: list[int] = []
    column = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip(" \t"))
        if width - column >= length:
            column += cell_len(word)
        elif length > width:
            pieces = chop_cells(word, width)
            for number, piece in enumerate(pieces):
                if start:
                    found.append(start)
                if number == len(pieces) - 1:
                    column = cell_len(piece)
                else:
                    start += len(piece)
        elif column and start:
            found.append(start)
            column = cell_len(word)
    return found


class Prose:
    """Text wrapped to the width at hand as Rich wraps it, except at a no-break space, which is then
    printed as a plain one: "more than 50 %" never ends a line with "50"."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for line in self.text.split("\n", allow_blank=True):
            for part in line.divide(breaks(line.plain, width)):
                part.rstrip_end(width)
                part.truncate(width, overflow="fold")
                yield Text(
                    part.plain.replace(NO_BREAK, " "),
                    style=part.style,
                    spans=part.spans,
                    no_wrap=True,
                    overflow="fold",
                )

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


def findings_panel(lines: Iterable[str], title: str = "Findings") -> Panel:
    body = Text()
    for index, line in enumerate(lines):
        if index:
            body.append("\n")
        body.append("• ")
        body.append(keep_together(visible(line)))
    return Panel(Prose(body), title=title, title_align="left", box=box.ROUNDED, expand=False)


def render_summary(
    summary: Summary, width: int, said: frozenset[str] = frozenset()
) -> RenderableType:
    """Each election's table and findings; `said`: notes said once elsewhere (the overview's)."""
    parts: list[RenderableType] = []
    for index, election in enumerate(summary.elections):
        if index:
            parts.append(Text(""))
        parts.append(results_table(election, width))
        if election.regions:
            parts.append(regions_table(election, width))
        parts.append(findings_panel(n for n in election.notes if n not in said))
    return Group(*parts)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def render_validation(report: ValidationReport, width: int) -> RenderableType:
    parts: list[RenderableType] = []
    for file in report.files:
        verdict = Text(visible(file.file), style="bold")
        verdict.append(": ")
        if file.valid:
            verdict.append("valid", style="green")
        else:
            verdict.append("invalid", style="bold red")
        if file.problems:
            verdict.append(
                f" — {_plural(file.errors, 'error')}, {_plural(file.warnings, 'warning')}"
            )
        else:
            verdict.append(" — no problems found")
        parts.append(verdict)
        if file.races is not None:
            parts.append(Text(visible(file.races.note), style="dim"))
        if not file.problems:
            continue
        groups = file.by_race() if file.races is not None else [(None, file.problems)]
        for race, problems in groups:
            if file.races is not None:
                errors = sum(1 for p in problems if p.severity == "error")
                heading = Text(f"race {visible(race)!r}" if race else "the file as a whole")
                heading.stylize("bold")
                heading.append(
                    f" — {_plural(errors, 'error')}, {_plural(len(problems) - errors, 'warning')}"
                    + (" (refused)" if race and errors else "")
                )
                parts.append(heading)
            parts.append(Problems(problems))
    return Group(*parts)


class Problems:
    """A file's problems: a table, a line each past `LONG_LIST` of them, or in a terminal narrower than `WIDTH_FOR_MESSAGE_COLUMN`, each
    problem's line, column, severity and code on a line and its message beneath, indented, as wide
    as the terminal (a message column a fifth as wide took a line for every two or three words)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if len(self.problems) > LONG_LIST:
            yield LongList(self.problems)
            return
        if options.max_width >= WIDTH_FOR_MESSAGE_COLUMN:
            yield _problems_table(self.problems)
            return
        for problem in self.problems:
            head = Text(" ")
            if problem.line is not None:
                head.append(f"line {problem.line}", style="bold").append(" · ")
            if problem.column:
                head.append(f"column {visible(problem.column)!r} · ")
            style = "red" if problem.severity == "error" else "yellow"
            head.append(problem.severity, style=style).append(f" · {problem.code}")
            yield head
            yield Padding(text(problem.message), (0, 0, 0, 4))
        yield Text("")


def _problems_table(problems: list[Problem]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Line", justify="right", no_wrap=True)
    table.add_column("Column", overflow="fold")
    table.add_column("Severity", no_wrap=True)
    table.add_column("Code", no_wrap=True)
    table.add_column("Message", overflow="fold", ratio=1)
    for problem in problems:
        style = "red" if problem.severity == "error" else "yellow"
        table.add_row(
            "" if problem.line is None else str(problem.line),
            text(problem.column),
            Text(problem.severity, style=style),
            problem.code,
            text(problem.message),
        )
    return table
