"""Seats → GitHub-flavoured Markdown: a table per parliament, methods side by side, and findings."""

from __future__ import annotations

from pollcli import formats as fmt
from pollcli.render import labels
from pollcli.render.safe import markdown_bullets, markdown_cell
from pollcli.seats_models import METHOD_SHORT, SeatsReport


def render_seats(report: SeatsReport) -> str:
    out: list[str] = []
    for e in report.elections:
        details = " · ".join([*labels.seats_details(e), labels.seats_rule(e)])
        out += [f"## {markdown_cell(labels.seats_title(e))}", "", markdown_cell(details), ""]
        allocations = e.allocations
        first = allocations[0]
        several = len(allocations) > 1
        methods = [METHOD_SHORT.get(a.method, a.method) for a in allocations]
        header = ["Party", "Votes", "Share", *(methods if several else ["Seats", "% seats", "±"])]
        out.append("| " + " | ".join([*header, "Tags"]) + " |")
        out.append("|---|" + "--:|" * (len(header) - 1) + "---|")
        by_method = [{p.party: p for p in a.parties} for a in allocations]
        for party in first.parties:
            is_list = party.kind == "candidate"
            cells = [markdown_cell(party.party), fmt.votes(party.votes), fmt.pct(party.share)]
            if several:
                cells += [
                    labels.seat_cell(found.get(party.party, party), index == 0)
                    for index, found in enumerate(by_method)
                ]
            else:
                cells += [
                    labels.seat_cell(party, True),
                    fmt.pct(party.seat_share) if is_list else "",
                    fmt.points(party.difference) if is_list else "",
                ]
            tags = labels.seat_tags(party, first, e.threshold)
            if several:
                tags = [t for t in tags if t not in ("LAST SEAT", "NEXT IN LINE")]
            out.append("| " + " | ".join([*cells, " ".join(tags)]) + " |")
        totals = ["**Total**", fmt.votes(first.valid_votes), ""]
        totals += [str(a.seats) for a in allocations] if several else [str(first.seats), "", ""]
        out.append("| " + " | ".join([*totals, ""]) + " |")
        if several:
            out += ["", "| Method | Gallagher | Loosemore–Hanby | Eff. parties by seats |"]
            out.append("|---|--:|--:|--:|")
            for name, a in zip(methods, allocations, strict=True):
                out.append(
                    f"| {name} | {fmt.number(a.gallagher)} | {fmt.number(a.loosemore_hanby)} | "
                    f"{fmt.number(a.effective_parties_seats)} |"
                )
        if e.layout == "districts":
            out += ["", "**By district**", "", "| District | Seats | Won |", "|---|--:|---|"]
            for district in e.districts or []:
                out.append(
                    f"| {markdown_cell(district.district)} | {labels.district_seats(district)} | "
                    f"{markdown_cell(labels.district_winners(district))} |"
                )
        out += ["", "**Findings**", ""]
        out += markdown_bullets(e.notes)
        out.append("")
    return "\n".join(out)
