"""`summary --chart` of a file of many races: the races (or seats) won per party, and the closest races.

Two panels, every figure from the `Summary`'s overview and tally:

- **Won per party**: a bar per party, in the tally's order, as long as the races it won on one scale,
  labelled "365 of 650"; races without a winner (ties, runoffs to come) and primaries (left out
  of the count) in grey at the end.
- **The closest races**: the overview's closest races, closest first, a bar per race as long as
  its margin in points (on one scale), in the colour of the leader's party, labelled with the leader
  over the runner-up and the margin in points and votes.

SVG ids: `party-bar-N`, `party-label-N`, `party-value-N` for the N-th party; `close-bar-N`,
`close-label-N`, `close-value-N` for the N-th closest race.
"""

from __future__ import annotations

from typing import Final

from matplotlib.patches import Rectangle

from pollcli import formats as fmt
from pollcli.charts.colours import NON_CANDIDATE_GREY, Colours
from pollcli.charts.style import (
    INK,
    LABEL_SIZE,
    MARGIN,
    NOTE_SIZE,
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
    shown,
    text_width,
)
from pollcli.models import RaceLine, Summary
from pollcli.overview_models import PARTY_NOT_GIVEN
from pollcli.render.labels import race_leader, tally_title

NAME_LINE: Final[float] = 0.25
BAR: Final[float] = 0.22
GAP: Final[float] = 0.14
ROW: Final[float] = NAME_LINE + BAR + GAP
_MASK: Final[dict[str, object]] = {"facecolor": "white", "edgecolor": "none", "pad": 0.6}


def races_panels(summary: Summary, colours: Colours, width: float = WIDTH) -> list[Panel]:
    """The tally panel and, when some race has a runner-up, the closest races' panel."""
    panels = [tally_panel(summary, colours, width)]
    if summary.overview is not None and summary.overview.closest:
        panels.append(closest_panel(summary, colours, width))
    return panels


def _bars_panel(
    title: str,
    subtitle: str | None,
    rows: list[tuple[str, str, float, str]],
    prefix: str,
    notes: list[str],
    width: float,
) -> Panel:
    """Rows of (label, value text, length, colour) as bars on one scale from zero."""
    head = heading_height(title, subtitle, width)
    foot = footnote_lines(notes, width)
    height = MARGIN + head + 0.2 + len(rows) * ROW + len(foot) * line_height(NOTE_SIZE) + MARGIN

    def draw(frame: Frame) -> None:
        top = MARGIN + heading(frame, title, subtitle) + 0.2
        plot_width = width - 2 * MARGIN
        ax = frame.axes(MARGIN, top, plot_width, len(rows) * ROW)
        longest = max((length for _, _, length, _ in rows), default=0.0) or 1.0
        # Room at the right of the longest bar for its value.
        widest_value = max((text_width(v, LABEL_SIZE, bold=True) for _, v, _, _ in rows), default=0)
        scale = max(plot_width - widest_value - 0.15, plot_width * 0.3) / longest
        ax.set_xlim(0, plot_width)
        ax.set_ylim(len(rows) * ROW, 0)
        ax.set_xticks([])
        hide_frame(ax)
        for index, (label, value, length, colour) in enumerate(rows):
            y = index * ROW
            ax.text(
                0,
                y + NAME_LINE - 0.065,
                fit(shown(label), plot_width, LABEL_SIZE),
                va="baseline",
                fontsize=LABEL_SIZE,
                color=INK,
                gid=f"{prefix}-label-{index}",
                bbox=_MASK,
                zorder=5,
            )
            end = length * scale
            ax.add_patch(
                Rectangle(
                    (0, y + NAME_LINE),
                    end,
                    BAR,
                    facecolor=colour,
                    edgecolor="none",
                    gid=f"{prefix}-bar-{index}",
                    zorder=2,
                )
            )
            ax.text(
                end + 0.08,
                y + NAME_LINE + BAR / 2,
                value,
                va="center",
                fontsize=LABEL_SIZE,
                fontweight="bold",
                color=INK,
                gid=f"{prefix}-value-{index}",
                zorder=5,
            )
        footnote(frame, foot, top + len(rows) * ROW)

    return Panel(height=height, draw=draw, title=title, description=". ".join(notes))


def tally_panel(summary: Summary, colours: Colours, width: float = WIDTH) -> Panel:
    tally = summary.tally
    assert tally is not None
    # Seats of races of several seats are counted each; undecided races stay races.
    total = tally.seats if tally.seats is not None else tally.races
    rows = [
        (
            p.party or PARTY_NOT_GIVEN,
            f"{p.won:,} of {total:,}",
            float(p.won),
            colours.of(p.party or "", p.party),
        )
        for p in tally.parties
    ]
    if tally.undecided:
        rows.append(
            (
                ("undecided races" if tally.seats is not None else "undecided")
                + " (tie, runoff, party lists"
                + (", part of a race" if tally.partial else "")
                + (", seats unknown)" if tally.seats_unknown else ")"),
                f"{tally.undecided:,}",
                float(tally.undecided),
                NON_CANDIDATE_GREY,
            )
        )
    if tally.primaries:
        rows.append(
            (
                "primaries (a nomination, not a seat: not counted)",
                f"{tally.primaries:,}",
                float(tally.primaries),
                NON_CANDIDATE_GREY,
            )
        )
    notes = [
        f"File: {', '.join(dict.fromkeys(e.source_file for e in summary.elections))} · chart: pollcli"
    ]
    return _bars_panel(tally_title(tally), None, rows, "party", notes, width)


def closest_panel(summary: Summary, colours: Colours, width: float = WIDTH) -> Panel:
    overview = summary.overview
    assert overview is not None
    lines = {line.race: line for line in overview.races}
    rows = [_close_row(lines[name], colours) for name in overview.closest if name in lines]
    subtitle = "margin in points between the leader and the runner-up"
    if any(lines[name].elected for name in overview.closest if name in lines):
        subtitle += " (for several seats: the last elected and the first not elected)"
    return _bars_panel("The closest races", subtitle, rows, "close", [], width)


def _close_row(line: RaceLine, colours: Colours) -> tuple[str, str, float, str]:
    margin = line.margin
    points = margin.pp if margin is not None and margin.pp is not None else 0.0
    runner_up = line.runner_up.candidate if line.runner_up else ""
    if line.tied_for_first:
        label = f"{line.race}: {race_leader(line).replace(': ', ', ', 1)}"
    else:
        # Several seats: the margin is the last elected's over the first not elected.
        first = line.elected[-1] if line.elected else race_leader(line)
        label = f"{line.race}: {first} over {runner_up}"
    value = f"{points:.2f} pts"
    if line.tied_for_first:
        value = "tie" if line.tie_step is None else f"equal at {line.tie_step:g}"
    if margin is not None and margin.votes is not None and not line.tied_for_first:
        value += f" · {fmt.votes(margin.votes)} votes"
    party = line.leader.party if line.leader else None
    if line.elected and line.elected_parties:
        party = line.elected_parties[-1]
    colour = colours.of(party or "", party) if line.leader else NON_CANDIDATE_GREY
    return label, value, points, colour
