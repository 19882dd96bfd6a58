"""`--chart`, `--colours` and `--geojson`: checked and read before any data is, drawn after.

Mistakes in the options or in the colours and map files are found before a big file is read; the
chart is drawn once the result exists, by `pollcli.charts.draw`, the same functions Python calls.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING

from pollcli.cli.output import warn
from pollcli.dataclass import dataclass
from pollcli.errors import UsageError

if TYPE_CHECKING:
    from pollcli.compare_models import Comparison
    from pollcli.geo import Feature
    from pollcli.models import Summary
    from pollcli.seats_models import SeatsReport


@dataclass
class ChartRequest:
    path: str
    colours: dict[str, str] = field(default_factory=dict)
    geojson: str | None = None
    features: list[Feature] | None = None
    name_property: str | None = None


def chart_request(
    chart: str | None,
    colours: str | None,
    *,
    geojson: str | None = None,
    geojson_name: str | None = None,
    by_region: bool = False,
) -> ChartRequest | None:
    """The chart asked for, with its colours and map read; None when no chart is asked for."""
    if chart is None:
        for flag, value in (("--colours", colours), ("--geojson", geojson)):
            if value is not None:
                raise UsageError(f"{flag} is for charts; add --chart FILE (.svg, .png or .pdf)")
        if geojson_name is not None:
            raise UsageError("--geojson-name names the features of --geojson; add --geojson FILE")
        return None
    if geojson_name is not None and geojson is None:
        raise UsageError("--geojson-name names the features of --geojson; add --geojson FILE")
    if geojson is not None and not by_region:
        raise UsageError("--geojson draws who leads each region; add --by region")
    request = ChartRequest(path=chart, geojson=geojson, name_property=geojson_name)
    if colours is not None:
        from pollcli.charts.colours import read_colours

        request.colours = read_colours(colours)
    if geojson is not None:
        from pollcli.geo import read_geojson

        request.features = read_geojson(geojson)
    return request


def draw_summary_chart(request: ChartRequest, result: Summary, quiet: bool) -> None:
    from pollcli.charts.draw import draw_summary

    maps = None
    problems: list[str] = []
    if request.features is not None and request.geojson is not None:
        from pollcli.geo import match_regions

        maps = []
        for election in result.elections:
            region_map = match_regions(
                request.features,
                [r.region for r in election.regions or []],
                source=request.geojson,
                name_property=request.name_property,
            )
            problems += region_map.warnings
            problems += [
                f"--geojson: region “{m.region}” is drawn by the feature “{m.feature}”, whose name "
                f"is only similar (score {m.score:.1f}); check it, or rename one of them"
                for m in region_map.matches
                if m.how == "fuzzy"
            ]
            maps.append(region_map)
    problems += draw_summary(result, request.path, colours=request.colours, maps=maps)
    warn(problems, quiet)


def draw_comparison_chart(request: ChartRequest, result: Comparison, quiet: bool) -> None:
    from pollcli.charts.draw import draw_comparison

    warn(draw_comparison(result, request.path, colours=request.colours), quiet)


def draw_seats_chart(request: ChartRequest, result: SeatsReport, quiet: bool) -> None:
    from pollcli.charts.draw import draw_seats

    warn(draw_seats(result, request.path, colours=request.colours), quiet)
