"""Results → GitHub-flavoured Markdown: a table per election and its findings as a list."""

from __future__ import annotations

from pollcli.models import Summary, ValidationReport
from pollcli.render import format as fmt
from pollcli.render.safe import markdown_cell
from pollcli.render.table import KIND_TAGS


def _tags(
    summary_threshold: float,
    row_candidate: str,
    leader: str | None,
    runner_up: str | None,
    tied: list[str],
    below: bool,
    kind: str,
) -> str:
    tags = []
    if row_candidate == leader:
        tags.append("LEADER")
    if row_candidate in tied:
        tags.append("TIED FIRST")
    if row_candidate == runner_up:
        tags.append("RUNNER-UP")
    if below:
        tags.append(f"BELOW {summary_threshold:g} %")
    if kind in KIND_TAGS:
        tags.append(KIND_TAGS[kind])
    return " ".join(tags)


def render_summary(summary: Summary) -> str:
    out: list[str] = []
    for e in summary.elections:
        details = " · ".join(
            str(v)
            for v in (
                e.office,
                e.country,
                e.date,
                f"round {e.round}" if e.round else None,
                e.stage.replace("_", " "),
            )
            if v
        )
        out += [f"## {markdown_cell(e.election)}", "", markdown_cell(details), ""]
        out += ["| # | Option | Party | Votes | Share | Tags |", "|--:|---|---|--:|--:|---|"]
        leader = e.leader.candidate if e.leader else None
        runner_up = e.runner_up.candidate if e.runner_up else None
        for r in e.results:
            tags = _tags(
                e.threshold,
                r.candidate,
                leader,
                runner_up,
                e.tied_for_first,
                r.below_threshold,
                r.kind,
            )
            out.append(
                f"| {r.rank} | {markdown_cell(r.candidate)} | {markdown_cell(r.party or '')} | "
                f"{fmt.votes(r.votes)} | {fmt.pct(r.share)} | {tags} |"
            )
        if e.regions:
            out += ["", "**By region**", ""]
            out += [
                "| Region | Leader | Share | Runner-up | Share | Margin | Turnout |",
                "|---|---|--:|---|--:|--:|--:|",
            ]
            for region in e.regions:
                first = (
                    region.leader.candidate
                    if region.leader
                    else "tie: " + ", ".join(region.tied_for_first)
                )
                second = region.runner_up
                out.append(
                    f"| {markdown_cell(region.region)} | {markdown_cell(first)} | "
                    f"{fmt.pct(region.leader.share if region.leader else None)} | "
                    f"{markdown_cell(second.candidate if second else '')} | "
                    f"{fmt.pct(second.share if second else None)} | "
                    f"{fmt.points(region.margin.pp if region.margin else None)} | "
                    f"{fmt.pct(region.turnout.pct)} |"
                )
        out += ["", "**Findings**", ""]
        out += [f"- {markdown_cell(note)}" for note in e.notes]
        out.append("")
    return "\n".join(out)


def render_validation(report: ValidationReport) -> str:
    out: list[str] = []
    for f in report.files:
        out += [f"## {markdown_cell(f.file)}: {'valid' if f.valid else 'invalid'}", ""]
        if f.problems:
            out += ["| Line | Column | Severity | Code | Message |", "|--:|---|---|---|---|"]
            out += [
                f"| {p.line or ''} | {markdown_cell(p.column or '')} | {p.severity} | {p.code} | "
                f"{markdown_cell(p.message)} |"
                for p in f.problems
            ]
            out.append("")
    return "\n".join(out)
