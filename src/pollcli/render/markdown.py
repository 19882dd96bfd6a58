"""Results → GitHub-flavoured Markdown: a table per election and its findings as a list."""

from __future__ import annotations

from pollcli import formats as fmt
from pollcli.models import Summary, ValidationReport
from pollcli.render import labels
from pollcli.render.safe import markdown_bullets, markdown_cell


def render_overview(summary: Summary) -> list[str]:
    """The overview's table (when it replaces the races'), the races won per party and the notes."""
    overview, tally = summary.overview, summary.tally
    if overview is None or tally is None:
        return []
    out: list[str] = []
    if summary.show_overview:
        columns = labels.overview_columns(
            overview, turnout=any(r.turnout_pct is not None for r in overview.races)
        )
        names = ("Race", "Leader", "Party", "Runner-up", "Tags")
        out += ["## Races", ""]
        out.append("| " + " | ".join(header for header, _ in columns) + " |")
        out.append("|" + "|".join("---" if h in names else "--:" for h, _ in columns) + "|")
        for cells in zip(*(cells for _, cells in columns), strict=True):
            out.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
        out.append("")
    # A file of primaries alone has no races won by party, nor one of no winner's party given:
    # the notes say why.
    if tally.races and not tally.no_party_given:
        out += [
            f"**{markdown_cell(labels.tally_title(tally))}**",
            "",
            "| Party | Won |",
            "|---|--:|",
        ]
        out += [f"| {markdown_cell(party)} | {won} |" for party, won in labels.tally_rows(tally)]
        out.append("")
    out += ["**Overview**", ""]
    notes = overview.notes
    if not summary.show_overview:  # (the notes every race shown shares, said once)
        notes = [*notes, *(n for n in labels.shared_notes(summary) if n not in notes)]
    out += markdown_bullets(notes)
    out.append("")
    return out


def render_summary(summary: Summary) -> str:
    if summary.show_overview:
        return "\n".join(render_overview(summary))
    out: list[str] = []
    said = set(labels.shared_notes(summary))  # (in the overview's notes, once)
    for e in summary.elections:
        details = " · ".join(labels.election_details(e))
        out += [f"## {markdown_cell(labels.election_title(e))}", "", markdown_cell(details), ""]
        option = "Candidate" if e.open_lists else "List" if e.party_list else "Option"
        out += [f"| # | {option} | Party | Votes | Share | Tags |", "|--:|---|---|--:|--:|---|"]
        for r in e.results:
            tags = " ".join(tag for tag, _ in labels.result_tags(r, e))
            out.append(
                f"| {r.rank} | {markdown_cell(r.candidate)} | {markdown_cell(r.party or '')} | "
                f"{fmt.votes(r.votes)} | {fmt.pct(r.share)} | {tags} |"
            )
        if e.regions:
            out += ["", "**By region**", ""]
            columns = labels.region_columns(e.regions, runner_up=True, turnout=True)
            names = ("Region", "Leader", "Runner-up")
            out.append("| " + " | ".join(header for header, _ in columns) + " |")
            out.append("|" + "|".join("---" if h in names else "--:" for h, _ in columns) + "|")
            for cells in zip(*(cells for _, cells in columns), strict=True):
                out.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
        out += ["", "**Findings**", ""]
        out += markdown_bullets([note for note in e.notes if note not in said])
        out.append("")
    return "\n".join(out + render_overview(summary))


def render_validation(report: ValidationReport) -> str:
    out: list[str] = []
    for f in report.files:
        out += [f"## {markdown_cell(f.file)}: {'valid' if f.valid else 'invalid'}", ""]
        if f.races is not None:
            out += [markdown_cell(f.races.note), ""]
        groups = f.by_race() if f.races is not None else [(None, f.problems)]
        for race, problems in groups:
            if f.races is not None:
                out += [f"### {markdown_cell(race or 'The file as a whole')}", ""]
            out += ["| Line | Column | Severity | Code | Message |", "|--:|---|---|---|---|"]
            out += [
                f"| {p.line or ''} | {markdown_cell(p.column or '')} | {p.severity} | {p.code} | "
                f"{markdown_cell(p.message)} |"
                for p in problems
            ]
            out.append("")
    return "\n".join(out)
