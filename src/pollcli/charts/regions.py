"""`summary --by region --chart`: who leads where, as small multiples or, with `--geojson`, a map.

- **Small multiples**: one small panel per region, in the file's order, each with the leader's share
  as a bar on a 0–100 % track (the majority mark where the system has one), the leader's name, and
  the runner-up's share as a thinner bar beneath. Every panel has the same scale, so panels compare.
- **Map** (choropleth): each GeoJSON feature filled with its region's leader's colour; ties hatched;
  features with no region in the results in light grey; regions with no feature listed under the map.

Figures come from `RegionSummary` (and the `RegionMap` of `pollcli.geo`); nothing here computes one.
SVG ids: `region-N` (the N-th region's panel bar), `runner-up-N`, `feature-N` (the N-th feature).
"""

from __future__ import annotations

import math
from typing import Final

from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from pollcli import formats as fmt
from pollcli.charts.colours import NON_CANDIDATE_GREY, Colours
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
    line_height,
    shown,
    text_width,
    wrap,
)
from pollcli.geo import Polygon, RegionMap
from pollcli.models import ElectionSummary, RegionSummary
from pollcli.render.labels import election_details, leader_label, leader_share

COLUMNS: Final[int] = 3
CELL_GAP: Final[float] = 0.25
CELL: Final[float] = 1.0  # inches per panel, top to bottom
NO_RESULT: Final[str] = "#eeeeee"
MAP_MAX_HEIGHT: Final[float] = 6.0
LABELLED_FEATURES: Final[int] = 40  # more than this and names would cover the map


def small_multiples_panel(
    election: ElectionSummary, colours: Colours, width: float = WIDTH
) -> Panel:
    regions = election.regions or []
    title = election.election
    subtitle = " · ".join(["Leader by region", *election_details(election)])
    foot = footnote_lines(
        [
            election.regions_led or "",
            "Bar: the leader's share of the region's vote; thin bar: the runner-up's."
            + (
                f" Mark: the {election.majority.threshold:g} % majority."
                if election.system == "majority"
                else ""
            ),
            *([f"Source: {election.source}"] if election.source else []),
            f"File: {election.source_file} · chart: pollcli",
        ],
        width,
    )
    rows = math.ceil(len(regions) / COLUMNS) if regions else 1
    head = heading_height(title, subtitle, width)
    height = MARGIN + head + 0.25 + rows * CELL + 0.1 + len(foot) * line_height(NOTE_SIZE) + MARGIN

    def draw(frame: Frame) -> None:
        used = heading(frame, title, subtitle)
        top = MARGIN + used + 0.25
        cell_width = (width - 2 * MARGIN - (COLUMNS - 1) * CELL_GAP) / COLUMNS
        if not regions:
            frame.text(MARGIN, top, "No regions in this file.", fontsize=LABEL_SIZE, color=MUTED)
        for index, region in enumerate(regions):
            row, column = divmod(index, COLUMNS)
            _cell(
                frame,
                election,
                region,
                colours,
                MARGIN + column * (cell_width + CELL_GAP),
                top + row * CELL,
                cell_width,
                index,
            )
        footnote(frame, foot, top + rows * CELL + 0.1)

    return Panel(height=height, draw=draw, title=title, description=election.regions_led or "")


def _cell(
    frame: Frame,
    election: ElectionSummary,
    region: RegionSummary,
    colours: Colours,
    left: float,
    top: float,
    width: float,
    index: int,
) -> None:
    frame.text(
        left,
        top,
        fit(shown(region.region), width, LABEL_SIZE, bold=True),
        fontsize=LABEL_SIZE,
        fontweight="bold",
        gid=f"region-name-{index}",
    )
    ax = frame.axes(left, top + 0.22, width, 0.62)
    ax.axis("off")
    ax.set_xlim(0, 100)
    ax.set_ylim(0.62, 0)  # inches down from the top of the bars
    share = leader_share(region)
    if region.leader is not None:
        colour = colours.of(region.leader.candidate, region.leader.party)
    else:
        colour = NON_CANDIDATE_GREY
    ax.add_patch(
        Rectangle((0, 0), 100, 0.16, facecolor="#f2f2f2", edgecolor="none", gid=f"track-{index}")
    )
    if share is not None:
        ax.add_patch(
            Rectangle(
                (0, 0),
                min(share, 100.0),
                0.16,
                facecolor=colour,
                edgecolor="none",
                hatch="////" if region.leader is None else None,
                gid=f"region-{index}",
            )
        )
    if election.system == "majority":
        ax.plot(
            [election.majority.threshold] * 2,
            [-0.03, 0.19],
            color=INK,
            linewidth=0.9,
            gid=f"majority-mark-{index}",
            solid_capstyle="butt",
        )
    leader = shown(leader_label(region))
    value = fmt.pct(share)
    room = width - text_width(value, SMALL_SIZE, bold=True) - 0.08
    ax.text(
        0,
        0.33,
        fit(leader, room, SMALL_SIZE),
        va="baseline",
        fontsize=SMALL_SIZE,
        color=INK,
        gid=f"leader-{index}",
    )
    ax.text(
        100,
        0.33,
        value,
        ha="right",
        va="baseline",
        fontsize=SMALL_SIZE,
        fontweight="bold",
        color=INK,
        gid=f"leader-share-{index}",
    )
    second = region.runner_up
    if second is not None and second.share is not None:
        ax.add_patch(
            Rectangle(
                (0, 0.41),
                min(second.share, 100.0),
                0.06,
                facecolor=colours.of(second.candidate, second.party),
                edgecolor="none",
                gid=f"runner-up-{index}",
            )
        )
        text = f"{fmt.pct(second.share)}"
        ax.text(
            0,
            0.6,
            fit(shown(second.candidate), width - text_width(text, NOTE_SIZE) - 0.08, NOTE_SIZE),
            va="baseline",
            fontsize=NOTE_SIZE,
            color=MUTED,
        )
        ax.text(100, 0.6, text, ha="right", va="baseline", fontsize=NOTE_SIZE, color=MUTED)


def map_panel(
    election: ElectionSummary, region_map: RegionMap, colours: Colours, width: float = WIDTH
) -> Panel:
    """The choropleth of who leads each region of one election."""
    regions = {r.region: r for r in election.regions or []}
    title = election.election
    subtitle = " · ".join(["Leader by region", *election_details(election)])
    plot_width = width - 2 * MARGIN
    xs = [x for f in region_map.features for p in f.polygons for ring in p for x, _ in ring]
    ys = [y for f in region_map.features for p in f.polygons for ring in p for _, y in ring]
    span_x = max(xs) - min(xs) or 1.0
    span_y = (max(ys) - min(ys) or 1.0) * region_map.aspect
    map_height = min(MAP_MAX_HEIGHT, plot_width * span_y / span_x)
    map_width = min(plot_width, map_height * span_x / span_y)

    legend = _legend_entries(election, region_map, regions, colours)
    legend_lines = [wrap(shown(label), plot_width - 0.3, SMALL_SIZE) for label, _, _ in legend]
    legend_height = sum(len(lines) for lines in legend_lines) * line_height(SMALL_SIZE) + 0.1
    unmatched = region_map.unmatched_regions
    foot = footnote_lines(
        [
            election.regions_led or "",
            *(
                [f"Not on the map (no feature named like them): {', '.join(unmatched)}."]
                if unmatched
                else []
            ),
            f"Map: {region_map.source}, features named by “{region_map.name_property}”.",
            *([f"Source: {election.source}"] if election.source else []),
            f"File: {election.source_file} · chart: pollcli",
        ],
        width,
    )
    head = heading_height(title, subtitle, width)
    height = MARGIN + head + 0.2 + legend_height + map_height + 0.2
    height += len(foot) * line_height(NOTE_SIZE) + MARGIN

    def draw(frame: Frame) -> None:
        used = heading(frame, title, subtitle)
        y = MARGIN + used + 0.2
        for (_label, colour, hatch), lines in zip(legend, legend_lines, strict=True):
            swatch = frame.axes(MARGIN, y + 0.01, 0.18, 0.11)
            swatch.axis("off")
            swatch.add_patch(
                Rectangle(
                    (0, 0), 1, 1, facecolor=colour, edgecolor=MUTED, linewidth=0.4, hatch=hatch
                )
            )
            for line in lines:
                frame.text(MARGIN + 0.26, y, line, fontsize=SMALL_SIZE, color=INK)
                y += line_height(SMALL_SIZE)
        y += 0.1
        ax = frame.axes(MARGIN + (plot_width - map_width) / 2, y, map_width, map_height)
        ax.axis("off")
        ax.set_xlim(min(xs), max(xs))
        ax.set_ylim(min(ys), max(ys))
        ax.set_aspect(region_map.aspect, adjustable="box", anchor="C")
        labelled = len(region_map.features) <= LABELLED_FEATURES
        per_x = (max(xs) - min(xs)) / map_width  # data units per inch
        per_y = (max(ys) - min(ys)) / map_height
        placed: list[tuple[float, float, float, float]] = []
        labels = []
        for index, feature in enumerate(region_map.features):
            region = regions.get(feature.region) if feature.region is not None else None
            fill, hatch = _fill(region, colours)
            ax.add_patch(
                PathPatch(
                    _path(feature.polygons),
                    facecolor=fill,
                    edgecolor="white",
                    linewidth=0.8,
                    hatch=hatch,
                    gid=f"feature-{index}",
                )
            )
            name = feature.region if feature.region is not None else feature.name
            share = leader_share(region) if region is not None else None
            text = shown(name) + (f"\n{fmt.pct(share, 1)}" if share is not None else "")
            labels.append((index, feature.polygons, text))
        # Small features first: they have the least room, the big ones can move their labels.
        labels.sort(key=lambda item: min(abs(_area(p[0])) for p in item[1]))
        for index, polygons, text in labels if labelled else []:
            size = NOTE_SIZE - 0.5
            half_w = (max(text_width(t, size) for t in text.split("\n")) / 2 + 0.04) * per_x
            half_h = (line_height(size) * (text.count("\n") + 1) / 2 + 0.03) * per_y
            x, y_mid = _label_point(polygons, half_w, half_h, placed)
            placed.append((x - half_w, y_mid - half_h, x + half_w, y_mid + half_h))
            ax.text(
                x,
                y_mid,
                text,
                ha="center",
                va="center",
                fontsize=size,
                color=INK,
                linespacing=1.1,
                bbox={
                    "boxstyle": "round,pad=0.15",
                    "facecolor": "white",
                    "edgecolor": "none",
                    "alpha": 0.8,
                },
                gid=f"feature-label-{index}",
            )
        footnote(frame, foot, y + map_height + 0.2)

    return Panel(height=height, draw=draw, title=title, description=election.regions_led or "")


def _fill(region: RegionSummary | None, colours: Colours) -> tuple[str, str | None]:
    if region is None:
        return NO_RESULT, None
    if region.leader is not None:
        return colours.of(region.leader.candidate, region.leader.party), None
    return NO_RESULT, "////" if region.tied_for_first else None


def _legend_entries(
    election: ElectionSummary,
    region_map: RegionMap,
    regions: dict[str, RegionSummary],
    colours: Colours,
) -> list[tuple[str, str, str | None]]:
    """(label, colour, hatch) for each leader on the map, in the national ranking's order."""
    shown_regions = {f.region for f in region_map.features if f.region is not None}
    leaders = {
        r.leader.candidate: r.leader
        for name, r in regions.items()
        if name in shown_regions and r.leader is not None
    }
    entries: list[tuple[str, str, str | None]] = []
    for row in election.results:
        standing = leaders.get(row.candidate)
        if standing is not None:
            label = fmt.with_party(row.candidate, row.party) + " leads"
            entries.append((label, colours.of(row.candidate, row.party), None))
    if any(
        regions[n].leader is None and regions[n].tied_for_first
        for n in shown_regions
        if n in regions
    ):
        entries.append(("Tie for first", NO_RESULT, "////"))
    if region_map.unmatched_features:
        entries.append(("No result in the file", NO_RESULT, None))
    return entries


def _oriented(ring: list[tuple[float, float]], clockwise: bool) -> list[tuple[float, float]]:
    area = sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
    )
    return list(reversed(ring)) if (area < 0) != clockwise else ring


def _path(polygons: list[Polygon]) -> MplPath:
    """One path for all of a feature's polygons: exteriors anticlockwise, holes clockwise, so the
    non-zero fill rule every backend uses leaves the holes empty."""
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for polygon in polygons:
        for number, ring in enumerate(polygon):
            points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
            points = _oriented(points, clockwise=number > 0)
            vertices += [*points, points[0]]
            codes += [int(MplPath.MOVETO)]
            codes += [int(MplPath.LINETO)] * (len(points) - 1) + [int(MplPath.CLOSEPOLY)]
    return MplPath(vertices, codes)


def _label_point(
    polygons: list[Polygon],
    half_width: float,
    half_height: float,
    placed: list[tuple[float, float, float, float]],
) -> tuple[float, float]:
    """Where a label goes: a point of a grid over the largest polygon, inside it and out of its holes
    (an enclave city), farthest from its edges, preferring points whose label box lies within the
    polygon and covers no label already placed, then points whose box covers none."""
    polygon = max(polygons, key=lambda p: abs(_area(p[0])))
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]

    def within(point: tuple[float, float]) -> bool:
        return _inside(point, polygon[0]) and not any(_inside(point, h) for h in polygon[1:])

    best: dict[int, tuple[float, tuple[float, float]]] = {}
    steps = 24
    for i in range(1, steps):
        for j in range(1, steps):
            x = min(xs) + (max(xs) - min(xs)) * i / steps
            y = min(ys) + (max(ys) - min(ys)) * j / steps
            if not within((x, y)):
                continue
            distance = min(_edge_distance((x, y), ring) for ring in polygon)
            clear = all(
                x + half_width < x0
                or x - half_width > x1
                or y + half_height < y0
                or y - half_height > y1
                for x0, y0, x1, y1 in placed
            )
            corners = (
                (x - half_width, y - half_height),
                (x + half_width, y - half_height),
                (x - half_width, y + half_height),
                (x + half_width, y + half_height),
            )
            # 0: the box fits inside and is clear; 1: clear; 2: anywhere inside.
            level = 0 if clear and all(within(c) for c in corners) else 1 if clear else 2
            if level not in best or distance > best[level][0]:
                best[level] = (distance, (x, y))
    for level in (0, 1, 2):
        if level in best:
            return best[level][1]
    return polygon[0][0]


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _edge_distance(point: tuple[float, float], ring: list[tuple[float, float]]) -> float:
    x, y = point
    nearest = math.inf
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length))
        nearest = min(nearest, math.hypot(x - x0 - t * dx, y - y0 - t * dy))
    return nearest


def _area(ring: list[tuple[float, float]]) -> float:
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )
