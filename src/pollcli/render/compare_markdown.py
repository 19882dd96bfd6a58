"""A Comparison → GitHub-flavoured Markdown: the same tables as the terminal, findings as a list."""

from __future__ import annotations

from pollcli import formats as fmt
from pollcli.compare_models import Comparison
from pollcli.render.labels import MATCH_METHODS, election_names, volatility_rows
from pollcli.render.safe import markdown_bullets, markdown_cell


def _change(value: float | None, before: float | None, after: float | None) -> str:
    if value is None:
        if before is None and after is not None:
            return "new"
        return "gone" if before is not None and after is None else ""
    shown = fmt.points(value)
    if shown in ("+0.00", "−0.00"):
        return "= 0.00"
    return f"▲ {shown}" if value > 0 else f"▼ {shown}"


def _signed(value: float | None) -> str:
    """Points with a true minus sign, as the table shows them."""
    return "—" if value is None else fmt.points(value)


def _called(value: bool | None) -> str:
    return "n/a" if value is None else "yes" if value else "**no**"


def render_comparison(comparison: Comparison) -> str:
    out = ["## Elections compared", ""]
    out += ["| | Election | Date | Stage | Leader | Turnout | Eff. N | Term |"]
    out += ["|--:|---|---|---|---|--:|--:|--:|"]
    names = election_names(comparison)
    for number, e in enumerate(comparison.elections, start=1):
        out.append(
            f"| [{number}] | {markdown_cell(names[number - 1])} | {e.date or '—'} | "
            f"{e.stage.replace('_', ' ')} | {markdown_cell(e.leader_text)} | "
            f"{fmt.pct(e.turnout_pct)} | {fmt.number(e.effective_number)} | "
            f"{f'{e.term_years} y' if e.term_years else '—'} |"
        )
    pairs = comparison.changed_pairs()
    label = "Party list / option" if comparison.party_list else "Candidate / option"
    # With --by party the rows are parties: no second column to name them.
    by_party = comparison.by == "party"
    header = ["Party"] if by_party else [label, "Party"]
    align = ["---"] * len(header)
    for index in range(len(comparison.elections)):
        header.append(f"[{index + 1}]")
        align.append("--:")
        if index in pairs:
            header.append(f"Δ {index + 1}→{index + 2}")
            align.append("--:")
    title = "Share of the vote, and change in points" if pairs else "Share of the vote"
    out += ["", f"## {title}", ""]
    out += ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    for row in comparison.rows:
        cells = [markdown_cell(row.candidate)]
        if not by_party:
            cells.append(markdown_cell(row.party or ""))
        for index, share in enumerate(row.shares):
            cells.append(fmt.pct(share))
            if index in pairs:
                cells.append(_change(row.changes[index], share, row.shares[index + 1]))
        out.append("| " + " | ".join(cells) + " |")
    for title, figures in volatility_rows(comparison) if pairs else []:
        cells = [f"*{title}*"] + ([] if by_party else [""])
        for index in range(len(comparison.elections)):
            cells.append("")
            if index in pairs:
                cells.append(fmt.number(figures[index]))
        out.append("| " + " | ".join(cells) + " |")
    if comparison.matches:
        out += ["", "## Names matched across spellings", ""]
        out += ["| Earlier spelling | Later spelling | Score | How |", "|---|---|--:|---|"]
        out += [
            f"| {markdown_cell(m.matched_to)} | {markdown_cell(m.name)} | "
            f"{fmt.number(m.score, 1)} | {MATCH_METHODS[m.method]} |"
            for m in comparison.matches
        ]
    if comparison.unmatched:
        listed = ", ".join(markdown_cell(n) for n in comparison.unmatched)
        out += ["", f"**In one election only:** {listed}"]
    if comparison.poll_accuracy:
        out += ["", "## Polls against the official count", ""]
        out += ["Error = poll − official, in points; ranked by mean absolute error (MAE).", ""]
        out += ["| # | Poll | Official count | MAE | Largest miss | Leader | Runner-up |"]
        out += ["|--:|---|---|--:|---|---|---|"]
        for p in comparison.poll_accuracy:
            miss = (
                f"{markdown_cell(p.largest_miss.candidate)} {_signed(p.largest_miss.error)}"
                if p.largest_miss
                else ""
            )
            out.append(
                f"| {p.rank} | [{p.position + 1}] {markdown_cell(p.election)} | "
                f"{markdown_cell(p.official)} | "
                f"{fmt.number(p.mean_abs_error)} | {miss} | {_called(p.called_leader)} | "
                f"{_called(p.called_runner_up)} |"
            )
    for official in dict.fromkeys(p.official_position for p in comparison.poll_accuracy or []):
        polls = [p for p in comparison.poll_accuracy or [] if p.official_position == official]
        out += ["", "## Error per option (poll − official, points), polls by rank", ""]
        out.append(
            "| Option | Official | " + " | ".join(f"[{p.position + 1}]" for p in polls) + " |"
        )
        out.append("|---|--:|" + "--:|" * len(polls))
        by_poll = [{e.candidate: e for e in p.errors} for p in polls]
        for option in dict.fromkeys(e.candidate for p in polls for e in p.errors):
            official_share = next(f[option].official for f in by_poll if option in f)
            errors = [_signed(f[option].error) if option in f else "—" for f in by_poll]
            out.append(
                f"| {markdown_cell(option)} | {fmt.pct(official_share)} | "
                + " | ".join(errors)
                + " |"
            )
    out += ["", "**Findings**", ""]
    out += markdown_bullets(comparison.notes)
    out.append("")
    return "\n".join(out)
