"""Results → a chart file: what `--chart FILE` runs, and the same from Python.

    from pollcli import load, summarize, compare
    from pollcli.charts.draw import draw_summary, draw_comparison

    draw_summary(summarize(load("data/kz_2022.csv")), "kz.svg")
    draw_comparison(compare(load(["data/kz_2019.csv", "data/kz_2022.csv"])), "slope.svg")
    draw_seats(allocate(load("data/kz_2023_mazhilis.csv")), "mazhilis.svg")

Each function returns the warnings met on the way (a colour that is not one, a glyph DejaVu Sans lacks),
for the caller to show. The format is the file's suffix. Several charts (elections, or a regional chart
after the national one) are stacked top to bottom in one file, in input order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from pollcli.charts.colours import Colours
from pollcli.charts.files import chart_format
from pollcli.compare_models import Comparison
from pollcli.geo import RegionMap
from pollcli.models import Summary
from pollcli.render.labels import seats_title
from pollcli.seats_models import Allocation, ElectionSeats, SeatsReport, Threshold

if TYPE_CHECKING:
    from pollcli.charts.seats import SeatRow


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
    per election, in order) has one. `colours`: normalised name → #rrggbb (`colours.read_colours`).
    A file of many races is drawn as the races won per party and the closest races (and, with
    --detail or a few races, each race's bars after them)."""
    from pollcli.charts.regions import map_panel, small_multiples_panel
    from pollcli.charts.style import Panel, save
    from pollcli.charts.summary import summary_panel

    fmt = chart_format(path)
    palette = summary_colours(summary, colours)
    panels: list[Panel] = []
    if summary.overview is not None and summary.tally is not None:
        from pollcli.charts.races import races_panels

        panels += races_panels(summary, palette)
        if summary.show_overview:  # more than a few races: not a chart of each
            return [*palette.warnings, *save(panels, path, fmt)]
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


def draw_seats(
    report: SeatsReport, path: str, *, colours: Mapping[str, str] | None = None
) -> list[str]:
    """Per parliament: a hemicycle for each method asked (the first one compared with, first), then
    the votes against the seats of the first method. With districts, the seats added up."""
    from pollcli.charts.seats import hemicycle_panel, votes_seats_panel
    from pollcli.charts.style import Panel, save

    fmt = chart_format(path)
    palette = Colours(colours)
    palette.learn(
        (p.party, None, p.kind, p.colour)
        for e in report.elections
        for a in e.allocations[:1]
        for p in a.parties
    )
    panels: list[Panel] = []
    for election in report.elections:
        for number, allocation in enumerate(election.allocations):
            rows = seat_rows(allocation)
            notes = [f"Source: {election.source}"] if election.source else []
            notes.append(f"File: {election.source_file}")
            panels.append(
                hemicycle_panel(
                    rows,
                    title=seats_title(election),
                    subtitle=_seats_subtitle(election, allocation),
                    total=allocation.seats,
                    majority=allocation.majority if allocation.seats > 1 else None,
                    colours=palette,
                    notes=notes,
                )
            )
            if number == 0:
                first_rows, first = rows, allocation
        threshold = election.threshold if first.method != "single-member" else None
        panels.append(
            votes_seats_panel(
                first_rows,
                title=seats_title(election),
                subtitle="Share of the vote and of the seats · " + _seats_subtitle(election, first),
                colours=palette,
                threshold=_threshold_share(threshold, first),
                threshold_label=(
                    f"{threshold.pct:g} % threshold ({_BASES[threshold.base]})"
                    if threshold is not None
                    else None
                ),
            )
        )
    return [*palette.warnings, *save(panels, path, fmt)]


def _threshold_share(threshold: Threshold | None, allocation: Allocation) -> float | None:
    """Where the legal threshold falls on the bars' scale, the share of the valid votes: its
    percent where it is of the valid votes, else the votes that reach it as a share of them (5 %
    of the ballots cast is 5.12 % of the Mazhilis 2023's valid votes); a threshold of another base
    whose size is not one figure (districts each on its own) is drawn at its percent."""
    if threshold is None:
        return None
    if threshold.base == "valid" or threshold.votes is None or not allocation.valid_votes:
        return threshold.pct
    return threshold.votes / allocation.valid_votes * 100


# The base the legal threshold is a percentage of, as the threshold's label says it.
_BASES = {"valid": "of valid votes", "parties": "of the lists' votes", "cast": "of ballots cast"}


def seat_rows(allocation: Allocation) -> list[SeatRow]:
    """An allocation's parties as the parliament charts take them, in its order."""
    from pollcli.charts.seats import SeatRow

    return [
        SeatRow(
            party=p.party,
            seats=p.seats,
            vote_share=p.share,
            seat_share=p.seat_share,
            colour=p.colour,
            kind=p.kind,
        )
        for p in allocation.parties
    ]


def _seats_subtitle(election: ElectionSeats, allocation: Allocation) -> str:
    from pollcli.seats_models import method_phrase

    parts = [f"{allocation.seats:,} seats"]
    if allocation.method == "single-member":
        parts.append("won in single-member races")
    else:
        phrase = method_phrase(allocation.method)
        parts.append(phrase[0].upper() + phrase[1:])
    if election.threshold is not None and allocation.method != "single-member":
        parts.append(f"{election.threshold.pct:g} % threshold")
    if election.layout == "districts":
        parts.append("districts added up")
    if election.date is not None:
        parts.append(str(election.date))
    return " · ".join(parts)
