"""The overview of a file of many races → Rich: one line per race, the races won per party, and the
overview's notes. Laid out only: the rows, tags and tally are `pollcli.overview`'s, the words
`render.labels`'. One table for all races (a table per race costs some 20 ms each)."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from pollcli.models import Summary
from pollcli.render import labels, table
from pollcli.render.safe import visible
from pollcli.render.table import findings_panel, text

TAG_STYLES = {
    "CLOSE": "bold yellow",
    "TIE": "bold yellow",
    "NO MAJORITY": "magenta",
    "PARTIAL": "bold yellow",
}
NAME_COLUMNS = ("Race", "Leader", "Party", "Runner-up")
# Below these widths a name column folds only when the terminal is too narrow for the table.
NAME_WIDTHS = {"Race": 20, "Leader": 16, "Party": 12, "Runner-up": 11}
# Narrower than this, the runner-up gives way (as in the regions table), then the margin in votes.
WIDTH_FOR_RUNNER_UP = 96
WIDTH_FOR_VOTES = 72
# A name's words up to this long are kept whole where the other name columns can spare the cells.
WHOLE_WORD = 14
WHOLE_WORD_ROWS = 1_000


def header_lines(header: str) -> list[str]:
    """A header as the table writes it: a figure's unit under its name ("Lead" over "(votes)"), so
    that the figures' columns stay as narrow as their figures."""
    if header in NAME_COLUMNS or " (" not in header:
        return [header]
    name, unit = header.split(" (", 1)
    return [name, f"({unit}"]


def name_widths(columns: list[tuple[str, list[str]]], width: int) -> dict[str, int]:
    """The widths of the name columns: the figures and tags keep theirs, the names share what is
    left in proportion to their longest cell (never below a few letters, never above it)."""
    natural = {h: max(cell_len(c) for c in [*header_lines(h), *cells]) for h, cells in columns}
    # Two spaces between columns, one at each edge.
    fixed = sum(w for h, w in natural.items() if h not in NAME_COLUMNS) + 2 * len(columns)
    names = {h: w for h, w in natural.items() if h in NAME_COLUMNS}
    room = max(width - fixed, sum(len(h) for h in names))
    if sum(names.values()) <= room:
        return names
    wanted = {h: min(w, NAME_WIDTHS[h]) for h, w in names.items()}
    spare = room - sum(wanted.values())
    if spare < 0:
        shrunk = {h: max(len(h), w * room // sum(wanted.values())) for h, w in wanted.items()}
        return whole_words(shrunk, columns)
    extra = {h: names[h] - w for h, w in wanted.items()}
    total = sum(extra.values()) or 1
    shared = {h: w + extra[h] * spare // total for h, w in wanted.items()}
    return whole_words(shared, columns)


def whole_words(widths: dict[str, int], columns: list[tuple[str, list[str]]]) -> dict[str, int]:
    """`widths` with a name column widened to its longest word (up to `WHOLE_WORD` cells) by cells
    of the other name columns, one at a time, where the table does not grow longer for it: a name
    then breaks between its words ("Christopher Rice" was "Christophe" / "r Rice" beside a race
    column with room to give). A table of more than `WHOLE_WORD_ROWS` races is left as it is."""
    words = {h: [[cell_len(w) for w in c.split()] for c in cells] for h, cells in columns}
    if len(next(iter(words.values()), [])) > WHOLE_WORD_ROWS:
        return widths
    longest = {
        h: min(WHOLE_WORD, max((max(c, default=0) for c in words[h]), default=0)) for h in widths
    }
    widths = dict(widths)
    lines = _table_lines(words, widths)
    for short in sorted(widths, key=lambda h: longest[h] - widths[h], reverse=True):
        while widths[short] < longest[short]:
            givers = [h for h in widths if h != short and widths[h] > max(longest[h], len(h))]
            tried = [
                (
                    _table_lines(
                        words, {**widths, giver: widths[giver] - 1, short: widths[short] + 1}
                    ),
                    giver,
                )
                for giver in givers
            ]
            best = min(tried, default=None)
            if best is None or best[0] > lines:
                break
            lines, giver = best
            widths[giver] -= 1
            widths[short] += 1
    return widths


def _table_lines(words: dict[str, list[list[int]]], widths: dict[str, int]) -> int:
    """The lines of the overview's rows with its name columns `widths` wide (`_fold`'s breaks)."""
    folded = [[_cell_lines(cell, widths[h]) for cell in words[h]] for h in widths]
    return sum(map(max, zip(*folded, strict=True))) if folded else 0


def _cell_lines(lengths: list[int], width: int) -> int:
    """The lines a cell of words `lengths` cells long takes at `width`, as `_fold` breaks it (a
    word longer than a line starts one of its own, its last piece shared with the words after)."""
    count, used = 0, width
    for length in lengths:
        if count and used + 1 + length <= width:
            used += 1 + length
        elif length <= width:
            count, used = count + 1, length
        else:
            full, rest = divmod(length, width)
            count, used = count + full + (1 if rest else 0), rest or width
    return max(count, 1)


class Lines:
    """Lines already laid out, each a list of (text, style) pieces, written to the console as
    they are: no measuring, no wrapping (Rich's `Table` and `Text` cost a fifth of a second for
    500 races)."""

    def __init__(self) -> None:
        self.lines: list[list[tuple[str, str]]] = []

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        styles: dict[str, Style] = {}
        newline = Segment.line()
        for pieces in self.lines:
            for piece, style in pieces:
                if style and style not in styles:
                    styles[style] = Style.parse(style)
                yield Segment(piece, styles[style] if style else None)
            yield newline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((sum(cell_len(p) for p, _ in line) for line in self.lines), default=0)
        return Measurement(widest, widest)


def overview_table(summary: Summary, width: int) -> Lines:
    """One row per race: race, leader and party, share, margin (points, votes), runner-up, turnout
    where known, tags; in the look of the other tables."""
    overview = summary.overview
    assert overview is not None
    turnout = any(r.turnout_pct is not None for r in overview.races)
    columns = [
        (h, [visible(c) for c in cells])
        for h, cells in labels.overview_columns(overview, turnout=turnout)
    ]
    if width < WIDTH_FOR_RUNNER_UP:
        columns = [c for c in columns if c[0] != "Runner-up"]
    if width < WIDTH_FOR_VOTES:
        columns = [c for c in columns if c[0] != labels.LEAD_VOTES]
    widths = name_widths(columns, width)
    sizes = [
        widths.get(h) or max(cell_len(c) for c in [*header_lines(h), *cells])
        for h, cells in columns
    ]
    out = Lines()
    out.lines.append(
        [("Races" + (", the closest first" if overview.sort == "margin" else ""), "bold")]
    )
    out.lines.append([])
    _line(out, [header_lines(h) for h, _ in columns], columns, sizes, header=True)
    out.lines.append([(" " + "─" * (sum(sizes) + 2 * (len(sizes) - 1)), "")])
    for values in zip(*(c for _, c in columns), strict=True):
        folded = [
            _fold(cell, size) if header in NAME_COLUMNS else [cell]
            for (header, _), cell, size in zip(columns, values, sizes, strict=True)
        ]
        _line(out, folded, columns, sizes)
    out.lines.append([])
    return out


def _fold(cell: str, width: int) -> list[str]:
    """A name in lines of `width` cells at most, broken between words where it can be, measured
    as Rich measures them (`cell_len`: a vowel sign or virama takes no cell), never by code points
    (`textwrap`'s: Nepal's `नेपाल कम्युनिष्ट` took two lines of a column of 15 and lost its
    virama to the next, `नेपाल कम` / `्युनिष्ट`); a word too long for a line is cut by Rich's
    `chop_cells`, which keeps a mark with its letter."""
    if cell_len(cell) <= width:
        return [cell]
    lines: list[str] = []
    line = ""
    for word in cell.split():
        for piece in chop_cells(word, width) if cell_len(word) > width else [word]:
            joined = f"{line} {piece}" if line else piece
            if cell_len(joined) <= width:
                line = joined
                continue
            if line:
                lines.append(line)
            line = piece
    return [*lines, line] if line else lines or [""]


def _line(
    out: Lines,
    cells: list[list[str]],
    columns: list[tuple[str, list[str]]],
    sizes: list[int],
    *,
    header: bool = False,
) -> None:
    """One row (as many lines as its most folded cell), columns two spaces apart."""
    for number in range(max(len(c) for c in cells)):
        pieces: list[tuple[str, str]] = [(" ", "")]
        for position, ((name, _), lines, size) in enumerate(
            zip(columns, cells, sizes, strict=True)
        ):
            cell = lines[number] if number < len(lines) else ""
            pad = " " * max(0, size - cell_len(cell))
            right = name not in NAME_COLUMNS and name != "Tags"
            if position:
                pieces.append(("  ", ""))
            if right:
                pieces.append((pad, ""))
            pieces.append((cell, "bold" if header else _style(name, cell)))
            if not right and position < len(columns) - 1:
                pieces.append((pad, ""))
        merged: list[tuple[str, str]] = []
        for piece, style in pieces:  # fewer segments: Rich writes each one apart
            if merged and merged[-1][1] == style:
                merged[-1] = (merged[-1][0] + piece, style)
            elif piece:
                merged.append((piece, style))
        out.lines.append(merged)


def _style(column: str, cell: str) -> str:
    if column == "Leader":
        return "bold"
    if column == "Party":
        return "dim"
    if column == "Tags":
        return TAG_STYLES.get(cell.split(" ")[0], "cyan") if cell else ""
    return ""


def tally_table(summary: Summary) -> Table:
    tally = summary.tally
    assert tally is not None
    title = labels.tally_title(tally)
    parties = Table(
        title=Text(title, style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        min_width=cell_len(title),
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
    # A file of primaries alone has no races won by party to show: the notes say why.
    # (Nor one whose winners' parties are not given: the overview's notes say the races won.)
    shown = summary.tally.races and not summary.tally.no_party_given
    closing: list[RenderableType] = [tally_table(summary)] if shown else []
    notes = summary.overview.notes
    shared = [] if summary.show_overview else labels.shared_notes(summary)
    notes = [*notes, *(note for note in shared if note not in notes)]
    closing.append(findings_panel(notes, title="Overview"))
    if summary.show_overview:
        return Group(overview_table(summary, width), *closing)
    said = frozenset(shared)
    return Group(table.render_summary(summary, width, said), Text(""), *closing)
