"""`compare --chart`: shares across elections as a dumbbell chart, and each exit poll's error per option.

- **Dumbbell** (two or more different elections): one row per option, in `compare`'s row order, a
  marker per election on a share axis (hollow for earlier elections, filled for the latest), joined by
  a line in the option's colour; the latest share and its change are written beside it. When the
  inputs include polls measured against a count, only the official counts are drawn here.
- **Poll errors** (polls against their count): diverging bars of poll − official per option, grouped
  per option, one colour per poll, with each poll's mean absolute error in the legend.

Every figure comes from the `Comparison`; nothing here computes one. SVG ids: `dot-R-E` (row R,
election E), `link-R`, `error-O-P` (option O, poll P), `zero-line`.
"""

from __future__ import annotations

from typing import Final

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from pollcli import formats as fmt
from pollcli.charts.colours import SERIES, Colours
from pollcli.charts.style import (
    INK,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    NOTE_SIZE,
    RULE,
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
    wrap,
)
from pollcli.compare_models import CompareRow, Comparison, PollAccuracy

NAME_LINE: Final[float] = 0.24
TRACK: Final[float] = 0.22
GAP: Final[float] = 0.12
ROW: Final[float] = NAME_LINE + TRACK + GAP
AXIS: Final[float] = 0.3
MARKERS: Final[tuple[str, ...]] = ("o", "s", "D", "^", "v", "P")
POLL_BAR: Final[float] = 0.15
POLL_GAP: Final[float] = 0.03
GROUP_GAP: Final[float] = 0.14


def comparison_panels(result: Comparison, colours: Colours, width: float = WIDTH) -> list[Panel]:
    """The dumbbell chart where different elections are compared, and the poll-error chart where
    polls are measured against a count (both, one above the other, when the inputs hold both)."""
    panels = []
    positions = dumbbell_positions(result)
    if len(positions) >= 2:
        panels.append(dumbbell_panel(result, positions, colours, width))
    # One poll-error chart per official count, in date order, its polls in their ranking.
    counts = sorted({p.official_position for p in result.poll_accuracy or []})
    for count in counts:
        polls = [p for p in result.poll_accuracy or [] if p.official_position == count]
        panels.append(poll_error_panel(result, polls, width))
    return panels


def dumbbell_positions(result: Comparison) -> list[int]:
    """The elections the dumbbell shows: the official counts where polls are measured against one
    (their errors have a chart of their own), else every election."""
    if result.poll_accuracy:
        return [p for p, e in enumerate(result.elections) if e.stage == "official"]
    return list(range(len(result.elections)))


def _label(result: Comparison, position: int) -> str:
    election = result.elections[position]
    return election.label or election.election


def dumbbell_panel(
    result: Comparison, positions: list[int], colours: Colours, width: float = WIDTH
) -> Panel:
    rows = [r for r in result.rows if any(r.shares[p] is not None for p in positions)]
    labels = [_label(result, p) for p in positions]
    title = "Share of the vote, " + " → ".join(labels)
    subtitle = " → ".join(shown(result.elections[p].election) for p in positions)
    what = "party" if result.by == "party" else "option"
    foot = footnote_lines(
        [
            f"One row per {what}; filled marker: {labels[-1]}, hollow: earlier. "
            "Change in points from the election before it. Chart: pollcli",
        ],
        width,
    )
    head = heading_height(title, subtitle, width)
    legend = 0.3
    height = MARGIN + head + 0.15 + legend + len(rows) * ROW + AXIS + 0.1
    height += len(foot) * line_height(NOTE_SIZE) + MARGIN

    def draw(frame: Frame) -> None:
        used = heading(frame, title, subtitle)
        top = MARGIN + used + 0.15
        _election_legend(frame, labels, top)
        plot_top = top + legend
        _dumbbells(frame, result, rows, positions, colours, plot_top, width)
        footnote(frame, foot, plot_top + len(rows) * ROW + AXIS + 0.1)

    return Panel(height=height, draw=draw, title=title, description=" ".join(result.notes))


def _marker(index: int, count: int) -> tuple[str, bool]:
    """Marker shape and whether it is filled, for the index-th of `count` elections shown."""
    return (MARKERS[index % len(MARKERS)] if index < count - 1 else "o"), index == count - 1


def _election_legend(frame: Frame, labels: list[str], top: float) -> None:
    x = MARGIN
    for index, label in enumerate(labels):
        shape, filled = _marker(index, len(labels))
        ax = frame.axes(x, top, 0.16, 0.16)
        ax.set_xlim(-1, 1)
        ax.set_ylim(-1, 1)
        ax.axis("off")
        ax.plot(
            [0],
            [0],
            marker=shape,
            markersize=7,
            markerfacecolor=MUTED if filled else "white",
            markeredgecolor=MUTED,
            markeredgewidth=1.4,
            linestyle="none",
        )
        text = fit(shown(label), 2.4, SMALL_SIZE)
        frame.text(x + 0.2, top + 0.08, text, va="center", fontsize=SMALL_SIZE, color=MUTED)
        x += 0.2 + text_width(text, SMALL_SIZE) + 0.3


def _share_limit(rows: list[CompareRow], positions: list[int]) -> float:
    top = max((r.shares[p] or 0.0 for r in rows for p in positions), default=0.0)
    return min(100.0, max(10.0, (int(top * 1.2) // 10 + 1) * 10.0))


def _dumbbells(
    frame: Frame,
    result: Comparison,
    rows: list[CompareRow],
    positions: list[int],
    colours: Colours,
    top: float,
    width: float,
) -> None:
    plot_width = width - 2 * MARGIN
    height = len(rows) * ROW
    limit = _share_limit(rows, positions)
    ax = frame.axes(MARGIN, top, plot_width, height)
    ax.set_xlim(0, limit)
    ax.set_ylim(height, 0)
    hide_frame(ax)
    percent_ticks(ax, limit)
    per_inch = limit / plot_width
    for index, row in enumerate(rows):
        y = index * ROW
        colour = colours.of(row.candidate, row.party, row.kind)
        grey = row.kind != "candidate"
        name = fit(shown(row.candidate), plot_width * 0.6, LABEL_SIZE)
        ax.text(
            0,
            y + NAME_LINE - 0.04,
            name,
            va="baseline",
            fontsize=LABEL_SIZE,
            color=MUTED if grey else INK,
            style="italic" if grey else "normal",
            gid=f"label-{index}",
        )
        if row.party and row.party != row.candidate:
            used = text_width(name, LABEL_SIZE) + 0.08
            if plot_width - used > 0.5:
                ax.text(
                    used * per_inch,
                    y + NAME_LINE - 0.04,
                    fit(shown(row.party), plot_width - used, SMALL_SIZE),
                    va="baseline",
                    fontsize=SMALL_SIZE,
                    color=MUTED,
                    gid=f"party-{index}",
                )
        centre = y + NAME_LINE + TRACK / 2
        present = [
            (i, p, share) for i, p in enumerate(positions) if (share := row.shares[p]) is not None
        ]
        values = [s for _, _, s in present]
        ax.plot(
            [0, limit], [centre, centre], color=RULE, linewidth=0.6, zorder=1, solid_capstyle="butt"
        )
        if len(values) > 1:
            ax.plot(
                [min(values), max(values)],
                [centre, centre],
                color=colour,
                linewidth=3,
                alpha=0.55,
                solid_capstyle="butt",
                zorder=2,
                gid=f"link-{index}",
            )
        for i, p, share in present:
            shape, filled = _marker(i, len(positions))
            ax.plot(
                [share],
                [centre],
                marker=shape,
                markersize=8,
                markerfacecolor=colour if filled else "white",
                markeredgecolor=colour,
                markeredgewidth=1.8,
                linestyle="none",
                zorder=3,
                gid=f"dot-{index}-{p}",
            )
        _dumbbell_labels(ax, result, row, positions, present, centre, per_inch, plot_width, index)


def _dumbbell_labels(
    ax: Axes,
    result: Comparison,
    row: CompareRow,
    positions: list[int],
    present: list[tuple[int, int, float]],
    centre: float,
    per_inch: float,
    plot_width: float,
    index: int,
) -> None:
    """The latest share in bold beside its marker, with its change (or "new", or "until 2019"), on
    the outer side of the row's markers; the share at the other end in grey on its outer side."""
    if not present:
        return
    _, latest_p, latest = present[-1]
    low = min(present, key=lambda item: item[2])
    high = max(present, key=lambda item: item[2])
    words = []
    if latest_p == positions[-1]:
        change = row.changes[latest_p - 1] if latest_p > 0 else None
        earlier = present[-2][1] if len(present) > 1 else None
        if change is not None and earlier == latest_p - 1:
            words.append(f"{change:+.2f}".replace("-", "−"))
        elif len(present) == 1 and len(positions) > 1:
            words.append("new")
    elif len(present) == 1:
        words.append(f"only in {_label(result, latest_p)}")
    else:
        words.append(f"until {_label(result, latest_p)}")
    bold = fmt.pct(latest)
    rest = "  ".join(words)
    needed = text_width(bold, SMALL_SIZE, bold=True) + 0.08 + text_width(rest, SMALL_SIZE)
    # The latest share goes left of its marker when that marker is the leftmost and there is room.
    left = len(present) > 1 and latest == low[2] != high[2] and latest / per_inch - 0.1 > needed
    if left:
        anchor, other, direction = latest / per_inch - 0.1, high, -1
    else:
        anchor, other, direction = high[2] / per_inch + 0.1, low, 1
        if latest != high[2] and high[2] != low[2]:  # the latest is not the rightmost marker
            shown_high = fmt.pct(high[2])
            ax.text(
                anchor * per_inch, centre, shown_high, va="center", fontsize=SMALL_SIZE,
                color=MUTED, gid=f"other-{index}",
            )  # fmt: skip
            anchor += text_width(shown_high, SMALL_SIZE) + 0.1
            other = low
    pieces = [(bold, INK, "bold", f"value-{index}"), (rest, MUTED, "normal", f"change-{index}")]
    if direction < 0:
        pieces.reverse()
    x = anchor
    for text, colour, weight, gid in pieces:
        if not text:
            continue
        ax.text(
            x * per_inch,
            centre,
            text,
            ha="left" if direction > 0 else "right",
            va="center",
            fontsize=SMALL_SIZE,
            fontweight=weight,
            color=colour,
            gid=gid,
            clip_on=False,
        )
        x += direction * (text_width(text, SMALL_SIZE, bold=weight == "bold") + 0.08)
    if other[2] == latest or len(present) == 1 or (other is high and not left):
        return
    label = fmt.pct(other[2])
    if direction > 0:  # the other end is the leftmost marker: its share left of it, if it fits
        room = other[2] / per_inch - 0.1
        if room > text_width(label, SMALL_SIZE):
            ax.text(
                room * per_inch, centre, label, ha="right", va="center", fontsize=SMALL_SIZE,
                color=MUTED, gid=f"earlier-{index}",
            )  # fmt: skip
    else:
        ax.text(
            (other[2] / per_inch + 0.1) * per_inch, centre, label, va="center",
            fontsize=SMALL_SIZE, color=MUTED, gid=f"earlier-{index}", clip_on=False,
        )  # fmt: skip


def poll_error_panel(result: Comparison, polls: list[PollAccuracy], width: float = WIDTH) -> Panel:
    """Each poll's error (poll − official, points) per option, polls told apart by colour."""
    official = polls[0].official
    kinds = {p.stage for p in polls}
    what = "Exit polls" if kinds == {"exit_poll"} else "Polls and counts"
    title = f"{what} against the official count"
    official_position = polls[0].official_position
    details = [shown(official)]
    date = result.elections[official_position].date
    if date is not None:
        details.append(str(date))
    subtitle = " · ".join(details)
    options = [
        row.candidate
        for row in result.rows
        if any(row.candidate == e.candidate for p in polls for e in p.errors)
    ]
    legend_lines = [
        f"{p.rank}. {shown(p.election)} · mean abs. error {fmt.number(p.mean_abs_error)}"
        for p in polls
    ]
    legend_width = width - 2 * MARGIN - 0.25
    legend_rows = [wrap(line, legend_width, SMALL_SIZE) for line in legend_lines]
    legend_height = sum(len(r) for r in legend_rows) * line_height(SMALL_SIZE) + 0.1
    group = NAME_LINE + len(polls) * (POLL_BAR + POLL_GAP) + GROUP_GAP
    foot = footnote_lines(
        [
            "Error = poll − official count, in points: right of the line, the poll said more "
            "than the count. Polls ranked by mean absolute error. Chart: pollcli"
        ],
        width,
    )
    head = heading_height(title, subtitle, width)
    hints = 0.22
    height = MARGIN + head + 0.15 + legend_height + hints + len(options) * group + AXIS
    height += 0.1 + len(foot) * line_height(NOTE_SIZE) + MARGIN

    def draw(frame: Frame) -> None:
        used = heading(frame, title, subtitle)
        y = MARGIN + used + 0.15
        for index, lines in enumerate(legend_rows):
            swatch = frame.axes(MARGIN, y + 0.02, 0.14, 0.1)
            swatch.axis("off")
            swatch.add_patch(
                Rectangle((0, 0), 1, 1, facecolor=SERIES[index % len(SERIES)], edgecolor="none")
            )
            for line in lines:
                frame.text(MARGIN + 0.22, y, line, fontsize=SMALL_SIZE, color=INK)
                y += line_height(SMALL_SIZE)
        y += 0.1
        _poll_bars(frame, polls, options, y, hints, group, width)
        footnote(frame, foot, y + hints + len(options) * group + AXIS + 0.1)

    description = " ".join(n for n in result.notes if n)
    return Panel(height=height, draw=draw, title=title, description=description)


def _poll_bars(
    frame: Frame,
    polls: list[PollAccuracy],
    options: list[str],
    top: float,
    hints: float,
    group: float,
    width: float,
) -> None:
    plot_width = width - 2 * MARGIN
    height = len(options) * group
    errors = [abs(e.error) for p in polls for e in p.errors if e.error is not None]
    reach = max([*errors, 0.5]) * 1.35
    ax = frame.axes(MARGIN, top + hints, plot_width, height)
    ax.set_xlim(-reach, reach)
    ax.set_ylim(height, 0)
    hide_frame(ax)
    ax.tick_params(axis="x", length=0, pad=4, colors=MUTED)
    ax.grid(axis="x", color=RULE, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.xaxis.set_major_formatter(_signed)
    per_inch = 2 * reach / plot_width
    ax.plot(
        [0, 0],
        [-hints + 0.05, height],
        color=INK,
        linewidth=1,
        zorder=3,
        gid="zero-line",
        clip_on=False,
    )
    ax.text(
        -0.08 * per_inch,
        -0.08,
        "← poll lower than the count",
        ha="right",
        va="baseline",
        fontsize=SMALL_SIZE,
        color=MUTED,
    )
    ax.text(
        0.08 * per_inch,
        -0.08,
        "poll higher →",
        ha="left",
        va="baseline",
        fontsize=SMALL_SIZE,
        color=MUTED,
    )
    for o, option in enumerate(options):
        y = o * group
        official = next(
            (
                e.official
                for p in polls
                for e in p.errors
                if e.candidate == option and e.official is not None
            ),
            None,
        )
        label = shown(option) + (f" · count {fmt.pct(official)}" if official is not None else "")
        ax.text(
            -reach,
            y + NAME_LINE - 0.05,
            fit(label, plot_width, LABEL_SIZE),
            va="baseline",
            fontsize=LABEL_SIZE,
            color=INK,
            gid=f"option-{o}",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
            zorder=4,
        )
        for p_index, poll in enumerate(polls):
            error = next((e for e in poll.errors if e.candidate == option), None)
            bar_top = y + NAME_LINE + p_index * (POLL_BAR + POLL_GAP)
            centre = bar_top + POLL_BAR / 2
            if error is None or error.error is None:
                ax.text(
                    0.08 * per_inch,
                    centre,
                    "not in both",
                    va="center",
                    fontsize=NOTE_SIZE,
                    color=MUTED,
                    style="italic",
                )
                continue
            ax.add_patch(
                Rectangle(
                    (min(0.0, error.error), bar_top),
                    abs(error.error),
                    POLL_BAR,
                    facecolor=SERIES[p_index % len(SERIES)],
                    edgecolor="none",
                    zorder=2,
                    gid=f"error-{o}-{p_index}",
                )
            )
            text = f"{error.error:+.2f}".replace("-", "−")
            offset = 0.05 * per_inch
            ax.text(
                error.error + (offset if error.error >= 0 else -offset),
                centre,
                text,
                ha="left" if error.error >= 0 else "right",
                va="center",
                fontsize=NOTE_SIZE,
                color=INK,
                gid=f"error-value-{o}-{p_index}",
            )


def _signed(value: float, _position: object = None) -> str:
    return "0" if value == 0 else f"{value:+g}".replace("-", "−")
