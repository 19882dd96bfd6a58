"""Results → a chart file: what `--chart FILE` runs, and the same from Python.

    from pollcli import load, summarize, compare
    from pollcli.charts.draw import draw_summary, draw_comparison

    draw_summary(summarize(load("data/kz_2022.csv")), "kz.svg")
    draw_comparison(compare(load(["data/kz_2019.csv", "data/kz_2022.csv"])), "slope.svg")

Each function returns the warnings met on the way (a colour that is not one, a glyph DejaVu Sans lacks),
for the caller to show. The format is the file's suffix. Several charts (elections, or a regional chart
after the national one) are stacked top to bottom in one file, in input order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pollcli.charts.colours import Colours
from pollcli.charts.files import chart_format
from pollcli.compare_models import Comparison
from pollcli.geo import RegionMap
from pollcli.models import Summary


def summary_colours(summary: Summary, given: Mapping[str, str] | None = None) -> Colours:
    """Colours for a run: FILE's first, then the colour column, then the palette in rank order."""
    colours = Colours(given)
    colours.learn(
        (r.candidate, r.party, r.kind, r.colour) for e in summary.elections for r in e.results
    )
    return colours


def draw_summary(
    summary: Summary,
    path: str,
    *,
    colours: Mapping[str, str] | None = None,
    maps: Sequence[RegionMap | None] | None = None,
) -> list[str]:
    """Each election's bars; with regions, then its small multiples, or its map where `maps` (one
    per election, in order) has one. `colours`: normalised name → #rrggbb (`colours.read_colours`)."""
    from pollcli.charts.regions import map_panel, small_multiples_panel
    from pollcli.charts.style import Panel, save
    from pollcli.charts.summary import summary_panel

    fmt = chart_format(path)
    palette = summary_colours(summary, colours)
    panels: list[Panel] = []
    for index, election in enumerate(summary.elections):
        panels.append(summary_panel(election, palette))
        region_map = maps[index] if maps is not None and index < len(maps) else None
        if region_map is not None:
            panels.append(map_panel(election, region_map, palette))
        elif election.regions:
            panels.append(small_multiples_panel(election, palette))
    return [*palette.warnings, *save(panels, path, fmt)]


def draw_comparison(
    comparison: Comparison, path: str, *, colours: Mapping[str, str] | None = None
) -> list[str]:
    """The dumbbell chart of the elections, and the poll-error chart where polls meet their count."""
    from pollcli.charts.compare import comparison_panels
    from pollcli.charts.style import save

    fmt = chart_format(path)
    palette = Colours(colours)
    palette.learn((r.candidate, r.party, r.kind, r.colour) for r in comparison.rows)
    panels = comparison_panels(comparison, palette)
    return [*palette.warnings, *save(panels, path, fmt)]
