"""What every renderer says of a result in words: tags, the election's details line, region leaders.

Shared by the Rich table and Markdown (and free of Rich, so Markdown output never imports it); the
renderers only lay these out.
"""

from __future__ import annotations

from typing import Final

from pollcli import formats as fmt
from pollcli.models import ElectionSummary, RegionSummary, ResultRow

KIND_TAGS: Final[dict[str, str]] = {
    "against_all": "AGAINST ALL",
    "blank": "BLANK",
    "invalid": "INVALID",
    "other": "OTHER",
}


def result_tags(row: ResultRow, summary: ElectionSummary) -> list[tuple[str, str]]:
    """The row's tags as (text, role); the role is "leader", "tied", "runner_up", "below" or the
    option's kind, for a renderer to style."""
    tags = []
    if summary.leader is not None and row.candidate == summary.leader.candidate:
        tags.append(("LEADER", "leader"))
    if row.candidate in summary.tied_for_first:
        tags.append(("TIED FIRST", "tied"))
    if summary.runner_up is not None and row.candidate == summary.runner_up.candidate:
        tags.append(("RUNNER-UP", "runner_up"))
    if row.below_threshold:
        tags.append((f"BELOW {summary.threshold:g} %", "below"))
    if row.kind in KIND_TAGS:
        tags.append((KIND_TAGS[row.kind], row.kind))
    return tags


def election_details(summary: ElectionSummary) -> list[str]:
    """Office, country, date, round and stage, those that are known."""
    return [
        str(v)
        for v in (
            summary.office,
            summary.country,
            summary.date,
            f"round {summary.round}" if summary.round else None,
            summary.stage.replace("_", " "),
        )
        if v
    ]


def leader_label(region: RegionSummary) -> str:
    if region.leader is not None:
        return region.leader.candidate
    return "tie: " + ", ".join(region.tied_for_first) if region.tied_for_first else "—"


def leader_share(region: RegionSummary) -> float | None:
    if region.leader is not None:
        return region.leader.share
    # Candidates tied for first have the same share.
    return next((r.share for r in region.results if r.candidate in region.tied_for_first), None)


def region_columns(
    regions: list[RegionSummary], *, runner_up: bool, turnout: bool
) -> list[tuple[str, list[str]]]:
    """The region table's columns as (header, cells), in text."""
    columns = [
        ("Region", [r.region for r in regions]),
        ("Leader", [leader_label(r) for r in regions]),
        ("Share", [fmt.pct(leader_share(r)) for r in regions]),
    ]
    if runner_up:
        columns += [
            ("Runner-up", [r.runner_up.candidate if r.runner_up else "" for r in regions]),
            ("Share", [fmt.pct(r.runner_up.share if r.runner_up else None) for r in regions]),
        ]
    columns.append(("Margin", [fmt.points(r.margin.pp if r.margin else None) for r in regions]))
    if turnout:
        columns.append(("Turnout", [fmt.pct(r.turnout.pct) for r in regions]))
    return columns
