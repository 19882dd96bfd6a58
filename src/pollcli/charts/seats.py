"""Parliament charts from plain figures: a hemicycle of seats, and votes against seats per party.

These take plain inputs (`SeatRow`: a party's name, share of the vote, seats, share of the seats and
an optional colour), not a result model, so any seat allocation can be drawn; the `seats` command's
results map onto them one party a row. Every figure shown is one given (the total and the majority
too): nothing here computes one.

- **Hemicycle**: one dot per seat on concentric half-rings, parties in the order given, left to right,
  each a wedge of its colour; the majority (when given) as a line from the centre.
- **Votes and seats**: per party, its share of the vote (light bar) above its share of the seats
  (solid bar), so over- and under-representation shows as a difference in length.

SVG ids: `party-seats-P` (the P-th party's dots, one `<use>` each), `votes-P`, `seats-P`,
`majority-line`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from matplotlib.patches import Circle, Rectangle

from pollcli import formats as fmt
from pollcli.charts.colours import Colours
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

_MASK: Final[dict[str, object]] = {"facecolor": "white", "edgecolor": "none", "pad": 0.6}
INNER: Final[float] = 0.38  # inner radius of the hemicycle, the outer being 1
MAX_DOT: Final[float] = 0.1  # a handful of seats are dots, not discs


@dataclass(frozen=True, kw_only=True)
class SeatRow:
    """One party's figures for the parliament charts."""

    party: str
    seats: int
    vote_share: float | None = None
    seat_share: float | None = None
    colour: str | None = None
    kind: str = "candidate"  # "against_all" and the like: votes, never seats; drawn grey


def hemicycle_layout(total: int) -> list[tuple[float, float, float]]:
    """Seat positions (x, y, radius of the dot) on half-rings of outer radius 1, left to right.

    The number of rings is the one that makes the distance between neighbours on a ring closest to
    the distance between rings; each ring gets seats in proportion to its length.
    """
    if total <= 0:
        return []
    best: tuple[float, int] | None = None
    for rings in range(1, 40):
        radii = _radii(rings)
        spacing = math.pi * sum(radii) / total
        gap = (1 - INNER) / (rings - 1) if rings > 1 else 1 - INNER
        badness = abs(math.log(spacing / gap))
        if best is None or badness < best[0]:
            best = (badness, rings)
    assert best is not None
    rings = best[1]
    radii = _radii(rings)
    length = sum(radii)
    exact = [total * r / length for r in radii]
    counts = [math.floor(e) for e in exact]
    # Largest remainders get the seats rounding left over; outer rings first on equal remainders.
    order = sorted(range(rings), key=lambda i: (-(exact[i] - counts[i]), -i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    spacing = math.pi * length / total
    gap = (1 - INNER) / (rings - 1) if rings > 1 else (1 - INNER)
    dot = min(0.42 * min(spacing, gap), MAX_DOT)
    seats: list[tuple[float, float, float]] = []
    angles: list[tuple[float, float, int]] = []
    for ring, (radius, count) in enumerate(zip(radii, counts, strict=True)):
        for k in range(count):
            angle = math.pi / 2 if count == 1 else math.pi * (1 - k / (count - 1))
            angles.append((angle, radius, ring))
    # Left to right by angle, inner rings first at equal angles: each party takes a wedge.
    angles.sort(key=lambda a: (-round(a[0], 9), a[1]))
    for angle, radius, _ring in angles:
        seats.append((radius * math.cos(angle), radius * math.sin(angle), dot))
    return seats


def _radii(rings: int) -> list[float]:
    if rings == 1:
        return [(1 + INNER) / 2]
    return [INNER + (1 - INNER) * i / (rings - 1) for i in range(rings)]


def _colour(row: SeatRow, colours: Colours) -> str:
    return colours.of(row.party, None, row.kind)


def _palette(rows: Sequence[SeatRow], colours: Colours | None) -> Colours:
    """The run's colours, told each row's own colour (after --colours, before the palette)."""
    palette = colours or Colours()
    palette.learn((r.party, None, r.kind, r.colour) for r in rows)
    return palette


def hemicycle_panel(
    rows: Sequence[SeatRow],
    *,
    title: str,
    subtitle: str | None = None,
    total: int | None = None,
    majority: int | None = None,
    colours: Colours | None = None,
    notes: Sequence[str] = (),
    width: float = WIDTH,
) -> Panel:
    """The parliament arc: `total` seats (when given, the centre says so), `majority` the seats a
    majority needs (when given, a line marks it)."""
    palette = _palette(rows, colours)
    seated = [r for r in rows if r.seats > 0]
    positions = hemicycle_layout(sum(r.seats for r in seated))
    reach = 1 + max((r for _, _, r in positions), default=0.0) + 0.02
    top_label = reach + 0.02
    x_limits, y_limits = (-reach, reach), (-(reach - 1), top_label + 0.09)
    plot_width = width - 2 * MARGIN
    arc_width = min(plot_width, 5.2)
    arc_height = arc_width * (y_limits[1] - y_limits[0]) / (x_limits[1] - x_limits[0])
    legend = [r for r in rows if r.kind == "candidate"]
    longest = max((text_width(shown(r.party), LABEL_SIZE) for r in legend), default=0.0)
    columns = 2 if longest <= plot_width / 2 - 0.9 else 1  # whole names before two columns
    legend_rows = math.ceil(len(legend) / columns)
    foot = footnote_lines([*notes, "One dot per seat. Chart: pollcli"], width)
    head = heading_height(title, subtitle, width)
    height = MARGIN + head + 0.2 + arc_height + 0.25 + legend_rows * line_height(LABEL_SIZE)
    height += 0.2 + len(foot) * line_height(NOTE_SIZE) + MARGIN

    def draw(frame: Frame) -> None:
        used = heading(frame, title, subtitle)
        top = MARGIN + used + 0.2
        ax = frame.axes(MARGIN + (plot_width - arc_width) / 2, top, arc_width, arc_height)
        ax.set_xlim(*x_limits)
        ax.set_ylim(*y_limits)
        ax.set_aspect("equal", adjustable="box", anchor="C")
        ax.axis("off")
        # A dot's radius in points, from the data units of this equal-aspect arc: one marker shape
        # for every seat keeps the file small (a <use> per seat).
        points_per_unit = arc_width * 72 / (x_limits[1] - x_limits[0])
        place = 0
        for p, row in enumerate(seated):
            mine = positions[place : place + row.seats]
            place += row.seats
            ax.plot(
                [x for x, _, _ in mine],
                [y for _, y, _ in mine],
                linestyle="none",
                marker="o",
                markersize=2 * mine[0][2] * points_per_unit,
                markerfacecolor=_colour(row, palette),
                markeredgewidth=0,
                gid=f"party-seats-{p}",
            )
        if total is not None:
            ax.text(
                0, 0.05, f"{total:,}", ha="center", va="baseline", fontsize=22, fontweight="bold"
            )
            ax.text(0, -0.06, "seats", ha="center", va="baseline", fontsize=SMALL_SIZE, color=MUTED)
        if majority is not None:
            ax.plot(
                [0, 0],
                [INNER * 0.55 + 0.14, top_label - 0.02],
                color=INK,
                linewidth=0.9,
                linestyle=(0, (3, 2)),
                gid="majority-line",
                zorder=0,
            )
            ax.text(
                0,
                top_label,
                f"majority: {majority:,} seats",
                ha="center",
                va="baseline",
                fontsize=SMALL_SIZE,
                color=INK,
                gid="majority-label",
            )
        y = top + arc_height + 0.25
        column_width = plot_width / columns
        for index, row in enumerate(legend):
            r, c = divmod(index, columns)
            left = MARGIN + c * column_width
            line_top = y + r * line_height(LABEL_SIZE)
            dot = frame.axes(left, line_top + 0.02, 0.12, 0.12)
            dot.set_xlim(-1, 1)
            dot.set_ylim(-1, 1)
            dot.axis("off")
            dot.add_patch(Circle((0, 0), 0.9, facecolor=_colour(row, palette), edgecolor="none"))
            count = f"{row.seats:,}"
            room = column_width - 0.25 - text_width(count, LABEL_SIZE, bold=True) - 0.3
            frame.text(
                left + 0.2,
                line_top,
                fit(shown(row.party), room, LABEL_SIZE),
                fontsize=LABEL_SIZE,
                color=INK if row.seats else MUTED,
                gid=f"legend-{index}",
            )
            frame.text(
                left + column_width - 0.3,
                line_top,
                count,
                ha="right",
                fontsize=LABEL_SIZE,
                fontweight="bold",
                color=INK if row.seats else MUTED,
            )
        footnote(frame, foot, y + legend_rows * line_height(LABEL_SIZE) + 0.2)

    return Panel(height=height, draw=draw, title=title)


VS_NAME: Final[float] = 0.2
VS_BAR: Final[float] = 0.16
VS_GAP: Final[float] = 0.16


def votes_seats_panel(
    rows: Sequence[SeatRow],
    *,
    title: str,
    subtitle: str | None = None,
    colours: Colours | None = None,
    notes: Sequence[str] = (),
    threshold: float | None = None,
    threshold_label: str | None = None,
    width: float = WIDTH,
) -> Panel:
    """Share of the vote (light) over share of the seats (solid), per party, on one 0–100 axis;
    the legal `threshold` (percent, when given) as a dashed line labelled `threshold_label`."""
    palette = _palette(rows, colours)
    row_height = VS_NAME + 2 * VS_BAR + 0.03 + VS_GAP
    foot = footnote_lines(
        [*notes, "Light bar: share of the vote; solid bar: share of the seats. Chart: pollcli"],
        width,
    )
    head = heading_height(title, subtitle, width)
    above = 0.25 if threshold is not None else 0.0  # room for the threshold's label
    height = MARGIN + head + 0.2 + above + len(rows) * row_height + 0.3
    height += 0.1 + len(foot) * line_height(NOTE_SIZE) + MARGIN
    shares = [v for r in rows for v in (r.vote_share, r.seat_share) if v is not None]
    limit = min(100.0, max(10.0, (int(max(shares, default=0.0) * 1.25) // 10 + 1) * 10.0))

    def draw(frame: Frame) -> None:
        used = heading(frame, title, subtitle)
        top = MARGIN + used + 0.2 + above
        plot_width = width - 2 * MARGIN
        ax = frame.axes(MARGIN, top, plot_width, len(rows) * row_height)
        ax.set_xlim(0, limit)
        ax.set_ylim(len(rows) * row_height, 0)
        hide_frame(ax)
        percent_ticks(ax, limit)
        per_inch = limit / plot_width
        if threshold is not None:
            ax.plot(
                [threshold, threshold],
                [-0.06, len(rows) * row_height],
                color=INK,
                linewidth=1.0,
                linestyle=(0, (4, 3)),
                zorder=3,
                clip_on=False,
                gid="threshold-line",
            )
            ax.text(
                threshold,
                -0.1,
                threshold_label or f"{threshold:g} % threshold",
                va="baseline",
                fontsize=SMALL_SIZE,
                color=INK,
                clip_on=False,
                gid="threshold-line-label",
            )
        for index, row in enumerate(rows):
            y = index * row_height
            colour = _colour(row, palette)
            grey = row.kind != "candidate"
            ax.text(
                0,
                y + VS_NAME - 0.04,
                fit(shown(row.party), plot_width * 0.75, LABEL_SIZE),
                va="baseline",
                fontsize=LABEL_SIZE,
                color=MUTED if grey else INK,
                style="italic" if grey else "normal",
                gid=f"label-{index}",
                bbox=_MASK,
                zorder=5,
            )
            for offset, share, alpha, what, gid in (
                (0.0, row.vote_share, 0.4, "of the vote", f"votes-{index}"),
                (VS_BAR + 0.03, row.seat_share, 1.0, "of the seats", f"seats-{index}"),
            ):
                bar_top = y + VS_NAME + offset
                if share is None:
                    if what == "of the seats" and grey:
                        ax.text(
                            0,
                            bar_top + VS_BAR / 2,
                            "no seats: not a party",
                            va="center",
                            fontsize=NOTE_SIZE,
                            color=MUTED,
                            style="italic",
                        )
                    continue
                ax.add_patch(
                    Rectangle(
                        (0, bar_top),
                        min(share, limit),
                        VS_BAR,
                        facecolor=colour,
                        alpha=alpha,
                        edgecolor="none",
                        gid=gid,
                    )
                )
                label = f"{fmt.pct(share)} {what}"
                if what == "of the seats":
                    label += f" ({row.seats:,})"
                ax.text(
                    min(share, limit) + 0.06 * per_inch,
                    bar_top + VS_BAR / 2,
                    label,
                    va="center",
                    fontsize=NOTE_SIZE,
                    color=INK if what == "of the seats" else MUTED,
                    fontweight="bold" if what == "of the seats" else "normal",
                    bbox=_MASK,
                    zorder=5,
                )
        footnote(frame, foot, top + len(rows) * row_height + 0.4)

    return Panel(height=height, draw=draw, title=title)
