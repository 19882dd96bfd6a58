"""`summary --chart`: an election's result as horizontal bars, the story readable at a glance.

Bars in rank order, each under its option's name and party and labelled with its share and votes; the
display threshold as a dashed line; the majority line where the system has a majority to reach (a
two-round vote, not plurality or party lists); non-candidate options ("Against all", blank, invalid) in
grey; the title, a subtitle of office, date, round and stage, and the source as a footnote. Every figure
comes from the `ElectionSummary`; nothing here computes one.

SVG elements carry ids that tests (and scripts) can find: `bar-N` for the N-th bar in rank order,
`threshold-line`, `majority-line`, `label-N`, `value-N`.
"""

from __future__ import annotations

from typing import Final

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from pollcli import formats as fmt
from pollcli.charts.colours import Colours, text_colour
from pollcli.charts.style import (
    INK,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    NOTE_SIZE,
    SMALL_SIZE,
    WIDTH,
    Frame,
    Panel,
    fit,
    footnote,
    footnote_lines,
    heading,
    heading_height,
    hide_frame,
    line_height,
    percent_ticks,
    shown,
    text_width,
)
from pollcli.models import ElectionSummary, ResultRow
from pollcli.render.labels import election_details, election_title, result_tags

NAME_LINE: Final[float] = 0.25  # inches for the name above a bar
BAR: Final[float] = 0.24
GAP: Final[float] = 0.16
ROW: Final[float] = NAME_LINE + BAR + GAP
LINE_LABELS: Final[float] = 0.3  # room above the rows for the threshold and majority labels
AXIS: Final[float] = 0.3
NOT_IN_BASE: Final[str] = "not in the share base"
_MASK: Final[dict[str, object]] = {"facecolor": "white", "edgecolor": "none", "pad": 0.6}


def share_limit(election: ElectionSummary) -> float:
    """The right end of the share axis: 100 where a majority line is drawn, else the next ten above
    the largest share (leaving room for its label)."""
    shares = [r.share for r in election.results if r.share is not None]
    top = max([*shares, election.threshold, 0.0])
    if shows_majority(election):
        return max(100.0, top)
    return min(100.0, max(10.0, (int(top * 1.25) // 10 + 1) * 10.0))


def shows_majority(election: ElectionSummary) -> bool:
    return election.system == "majority"


def summary_panel(election: ElectionSummary, colours: Colours, width: float = WIDTH) -> Panel:
    """The bar chart of one election, as a panel of a figure."""
    subtitle = " · ".join(election_details(election)) or None
    notes = _footnotes(election)
    title = election_title(election)
    head = heading_height(title, subtitle, width)
    foot = footnote_lines(notes, width)
    rows = len(election.results)
    height = (
        MARGIN + head + 0.2 + LINE_LABELS + rows * ROW + AXIS + 0.15
        + len(foot) * line_height(NOTE_SIZE) + MARGIN
    )  # fmt: skip

    def draw(frame: Frame) -> None:
        used = heading(frame, title, subtitle)
        top = MARGIN + used + 0.2
        plot_top = top + LINE_LABELS
        _draw_rows(frame, election, colours, plot_top, width)
        footnote(frame, foot, plot_top + rows * ROW + AXIS + 0.15)

    return Panel(
        height=height,
        draw=draw,
        title=title,
        description=" ".join(election.notes),
    )


def _footnotes(election: ElectionSummary) -> list[str]:
    notes = []
    if election.source:
        notes.append(f"Source: {election.source}")
    notes.append(f"File: {election.source_file} · chart: pollcli")
    return notes


def _draw_rows(
    frame: Frame, election: ElectionSummary, colours: Colours, top: float, width: float
) -> None:
    rows = election.results
    plot_width = width - 2 * MARGIN
    height = len(rows) * ROW
    limit = share_limit(election)
    ax = frame.axes(MARGIN, top, plot_width, height)
    # Data coordinates: x is the share, y is inches down from the top of the rows.
    ax.set_xlim(0, limit)
    ax.set_ylim(height, 0)
    hide_frame(ax)
    percent_ticks(ax, limit)
    per_inch = limit / plot_width

    for index, row in enumerate(rows):
        y = index * ROW
        _name(ax, row, election, y, plot_width, per_inch, index)
        bar_top = y + NAME_LINE
        if row.share is None:
            ax.text(
                0,
                bar_top + BAR / 2,
                f"{NOT_IN_BASE}" + (f" · {fmt.votes(row.votes)} votes" if row.votes else ""),
                va="center",
                fontsize=SMALL_SIZE,
                color=MUTED,
                style="italic",
                gid=f"value-{index}",
                bbox=_MASK,
                zorder=5,
            )
            continue
        colour = colours.of(row.candidate, row.party, row.kind)
        ax.add_patch(
            Rectangle(
                (0, bar_top),
                min(row.share, limit),
                BAR,
                facecolor=colour,
                edgecolor="none",
                gid=f"bar-{index}",
                zorder=2,
            )
        )
        _value(ax, row, election, colour, bar_top, plot_width, per_inch, index)

    _lines(ax, election, height, per_inch)


def _name(
    ax: Axes,
    row: ResultRow,
    election: ElectionSummary,
    y: float,
    plot_width: float,
    per_inch: float,
    index: int,
) -> None:
    leader = election.leader is not None and row.candidate == election.leader.candidate
    grey = row.kind != "candidate"
    name = fit(shown(row.candidate), plot_width * 0.7, LABEL_SIZE, bold=leader)
    ax.text(
        0,
        y + NAME_LINE - 0.065,
        name,
        va="baseline",
        fontsize=LABEL_SIZE,
        fontweight="bold" if leader else "normal",
        color=MUTED if grey else INK,
        style="italic" if grey else "normal",
        gid=f"label-{index}",
        # Names sit over the threshold and majority lines, which pass behind them, not through.
        bbox=_MASK,
        zorder=5,
    )
    if row.party:
        used = text_width(name, LABEL_SIZE, bold=leader) + 0.08
        room = plot_width - used
        if room > 0.5:
            ax.text(
                used * per_inch,
                y + NAME_LINE - 0.065,
                fit(shown(row.party), room, SMALL_SIZE),
                va="baseline",
                fontsize=SMALL_SIZE,
                color=MUTED,
                gid=f"party-{index}",
                bbox=_MASK,
                zorder=5,
            )


def _value(
    ax: Axes,
    row: ResultRow,
    election: ElectionSummary,
    colour: str,
    bar_top: float,
    plot_width: float,
    per_inch: float,
    index: int,
) -> None:
    assert row.share is not None
    share = fmt.pct(row.share)
    votes = f"{fmt.votes(row.votes)} votes" if row.votes is not None else ""
    tags = [
        text for text, role in result_tags(row, election) if role in ("runner_up", "tied", "below")
    ]
    detail = " · ".join(t for t in (votes, *tags) if t)
    needed = text_width(share, LABEL_SIZE, bold=True) + 0.08 + text_width(detail, SMALL_SIZE)
    end = row.share / per_inch  # inches from the axis start
    centre = bar_top + BAR / 2
    inside = end + 0.08 + needed > plot_width
    if inside:
        ink = text_colour(colour)
        # The majority line stops at the label's edge rather than strike its figures through.
        mask = {**_MASK, "facecolor": colour}
        if needed + 0.16 > end:  # the bar is too short for both inside: the share alone
            detail = ""
            needed = text_width(share, LABEL_SIZE, bold=True)
        x = max(end - 0.08, needed + 0.08)
        ax.text(
            x * per_inch,
            centre,
            share,
            ha="right",
            va="center",
            fontsize=LABEL_SIZE,
            fontweight="bold",
            color=ink,
            zorder=4,
            gid=f"value-{index}",
            bbox=mask,
        )
        if detail:
            ax.text(
                (x - text_width(share, LABEL_SIZE, bold=True) - 0.08) * per_inch,
                centre,
                detail,
                ha="right",
                va="center",
                fontsize=SMALL_SIZE,
                color=ink,
                zorder=4,
                gid=f"detail-{index}",
                bbox=mask,
            )
        return
    x = end + 0.08
    ax.text(
        x * per_inch,
        centre,
        share,
        va="center",
        fontsize=LABEL_SIZE,
        fontweight="bold",
        color=INK,
        zorder=5,
        gid=f"value-{index}",
        bbox=_MASK,
    )
    if detail:
        ax.text(
            (x + text_width(share, LABEL_SIZE, bold=True) + 0.08) * per_inch,
            centre,
            detail,
            va="center",
            fontsize=SMALL_SIZE,
            color=MUTED,
            zorder=5,
            gid=f"detail-{index}",
            bbox=_MASK,
        )


def _lines(ax: Axes, election: ElectionSummary, height: float, per_inch: float) -> None:
    """The threshold (dashed) and majority (solid) lines across the rows, labelled above them."""
    lines: list[tuple[float, str, str, tuple[float, tuple[float, ...]] | str]] = []
    if election.threshold > 0:
        lines.append(
            (
                election.threshold,
                f"{election.threshold:g} % threshold",
                "threshold-line",
                (0, (4, 3)),
            )
        )
    if shows_majority(election):
        lines.append(
            (
                election.majority.threshold,
                f"{election.majority.threshold:g} % majority",
                "majority-line",
                "-",
            )
        )
    ends: list[float] = []  # right end (inches) of labels on each level above the rows
    for value, label, gid, style in sorted(lines):
        ax.plot(
            [value, value],
            [-0.06, height],
            color=INK,
            linewidth=1.0,
            linestyle=style,
            zorder=3,
            gid=gid,
            clip_on=False,
            solid_capstyle="butt",
        )
        start = value / per_inch - 0.02
        level = next((i for i, end in enumerate(ends) if start > end + 0.1), len(ends))
        if level == len(ends):
            ends.append(0.0)
        ends[level] = start + text_width(label, SMALL_SIZE)
        ax.text(
            value,
            -0.1 - level * line_height(SMALL_SIZE),
            label,
            ha="left",
            va="baseline",
            fontsize=SMALL_SIZE,
            color=INK,
            clip_on=False,
            gid=f"{gid}-label",
        )
