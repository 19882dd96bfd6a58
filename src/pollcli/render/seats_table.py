"""Seats → Rich renderables: the seats table per parliament, methods side by side, and findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pollcli import formats as fmt
from pollcli.render import labels
from pollcli.render.safe import visible
from pollcli.render.table import KIND_STYLES, findings_panel, text
from pollcli.seats_models import METHOD_SHORT, ElectionSeats, SeatsReport

TAG_STYLES = {
    "LAST SEAT": "bold green",
    "NEXT IN LINE": "cyan",
    "TIE": "bold yellow",
    "AGAINST ALL": "magenta",
    "OTHER": "cyan",
}
# Party names fold below this width only when the table cannot fit otherwise.
PARTY_MIN_WIDTH = 18


@dataclass
class _Column:
    key: str
    header: str
    cells: list[Text]
    footer: str = ""
    right: bool = True
    styles: list[str] = field(default_factory=list)

    def natural(self) -> int:
        return max(cell_len(c) for c in [self.header, self.footer, *(x.plain for x in self.cells)])


def _title(election: ElectionSeats) -> Text:
    title = text(labels.seats_title(election), "bold")
    details = labels.seats_details(election)
    if details:
        title.append("\n" + " · ".join(details), style="dim")
    title.append("\n" + labels.seats_rule(election), style="dim")
    return title


def _columns(election: ElectionSeats) -> list[_Column]:
    allocations = election.allocations
    first = allocations[0]
    several = len(allocations) > 1
    parties = first.parties
    by_method = [{p.party: p for p in a.parties} for a in allocations]
    ranks, rank = [], 0
    for party in parties:
        rank += party.kind == "candidate"
        ranks.append(Text(str(rank) if party.kind == "candidate" else ""))
    columns = [
        _Column("rank", "#", ranks),
        _Column(
            "party",
            "Party",
            [
                text(
                    p.party,
                    "bold" if p.kind == "candidate" and p.seats else KIND_STYLES.get(p.kind, ""),
                )
                for p in parties
            ],
            footer="Total",
            right=False,
        ),
        _Column(
            "votes",
            "Votes",
            [Text(fmt.votes(p.votes)) for p in parties],
            fmt.votes(first.valid_votes),
        ),
        _Column("share", "Share", [Text(fmt.pct(p.share)) for p in parties]),
    ]
    for index, allocation in enumerate(allocations):
        rows = [by_method[index].get(party.party, party) for party in parties]
        plain = [labels.seat_cell(row, index == 0) for row in rows]
        # '41 +1' above '8': the seats stay in one column of digits, the changes beside them.
        suffix = max((len(f" {c.split(' ')[1]}") for c in plain if " " in c), default=0)
        header = METHOD_SHORT.get(allocation.method, allocation.method) if several else "Seats"
        padded = [c if " " in c else c + " " * suffix for c in plain]
        total = str(allocation.seats) + " " * suffix
        # Right-aligned by hand, as a right-justified cell would lose the spaces after '8'.
        wide = max(cell_len(c) for c in [header, total, *padded])
        cells = []
        for row, cell_text in zip(rows, padded, strict=True):
            cell = Text(cell_text.rjust(wide))
            if index and row.seats_change:
                cell.stylize("green" if row.seats_change > 0 else "red")
            cells.append(cell)
        columns.append(
            _Column(f"seats{index}", header.rjust(wide), cells, total.rjust(wide), right=False)
        )
    if not several:
        lists = [p.kind == "candidate" for p in parties]
        columns.append(
            _Column(
                "seat_share",
                "% seats",
                [
                    Text(fmt.pct(p.seat_share) if ok else "")
                    for p, ok in zip(parties, lists, strict=True)
                ],
            )
        )
        columns.append(
            _Column(
                "difference",
                "±",
                [
                    Text(fmt.points(p.difference) if ok else "")
                    for p, ok in zip(parties, lists, strict=True)
                ],
            )
        )
    tags = []
    for party in parties:
        cell = Text()
        found = labels.seat_tags(party, first, election.threshold)
        if several:  # the last seat and who was next differ between methods: the findings say
            found = [t for t in found if t not in ("LAST SEAT", "NEXT IN LINE")]
        for index, tag in enumerate(found):
            if index:
                cell.append(" ")
            cell.append(tag, style=TAG_STYLES.get(tag, "yellow"))
        tags.append(cell)
    if any(cell.plain for cell in tags):
        columns.append(_Column("tags", "Tags", tags, right=False))
    return columns


# Which columns give way, in turn, while the table is wider than the terminal.
DROP_ORDER = (("seat_share", "difference"), ("rank",), ("tags",), ("votes",))
# Below this, party names would fold letter by letter: the methods are split into several tables.
PARTY_FOLD_WIDTH = 12


def _width(columns: list[_Column]) -> int:
    """The width of the columns other than the party's, with the space between and around them."""
    return sum(c.natural() for c in columns if c.key != "party") + 2 * len(columns)


def _fit(columns: list[_Column], width: int) -> list[tuple[list[_Column], int]]:
    """Tables of the columns that fit in `width`, each with the width party names may fold to:
    one table, unless many methods on a narrow terminal need several side by side in turn."""
    party = next(c for c in columns if c.key == "party")
    party_width = min(party.natural(), PARTY_MIN_WIDTH)
    for drop in ((), *DROP_ORDER):
        columns = [c for c in columns if c.key not in drop]
        if _width(columns) + party_width <= width:
            return [(columns, party_width)]
    if _width(columns) + PARTY_FOLD_WIDTH <= width:
        return [(columns, width - _width(columns))]
    fixed = [c for c in columns if not c.key.startswith("seats")]
    groups: list[list[_Column]] = [[]]
    for column in (c for c in columns if c.key.startswith("seats")):
        if groups[-1] and _width([*fixed, *groups[-1], column]) + PARTY_FOLD_WIDTH > width:
            groups.append([])
        groups[-1].append(column)
    return [([*fixed, *group], max(8, width - _width([*fixed, *group]))) for group in groups]


def seats_table(election: ElectionSeats, width: int) -> RenderableType:
    tables = []
    for index, (columns, party_width) in enumerate(_fit(_columns(election), width)):
        table = Table(
            title=_title(election) if index == 0 else None,
            box=box.SIMPLE_HEAD,
            title_justify="left",
            pad_edge=False,
            collapse_padding=True,
            show_footer=True,
        )
        for column in columns:
            if column.key == "party":
                table.add_column(
                    column.header, footer=column.footer, overflow="fold", min_width=party_width
                )
            else:
                table.add_column(
                    column.header,
                    footer=column.footer,
                    justify="right" if column.right else "left",
                    no_wrap=True,
                )
        for row in range(len(columns[0].cells)):
            table.add_row(*(column.cells[row] for column in columns))
        tables.append(table)
    return tables[0] if len(tables) == 1 else Group(*tables)


def indices_table(election: ElectionSeats) -> Table:
    """Methods side by side by their indices: how proportional each would have been."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Method", no_wrap=True)
    table.add_column("Gallagher", justify="right", no_wrap=True)
    table.add_column("Loosemore–Hanby", justify="right", no_wrap=True)
    table.add_column("Eff. parties by seats", justify="right")
    for allocation in election.allocations:
        table.add_row(
            METHOD_SHORT.get(allocation.method, allocation.method),
            fmt.number(allocation.gallagher),
            fmt.number(allocation.loosemore_hanby),
            fmt.number(allocation.effective_parties_seats),
        )
    return table


def districts_table(election: ElectionSeats) -> Table:
    """One row per district: its seats and who won them (by the first method)."""
    table = Table(
        title=Text("By district", style="bold"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    table.add_column("District", overflow="fold")
    table.add_column("Seats", justify="right", no_wrap=True)
    table.add_column("Won", overflow="fold")
    for district in election.districts or []:
        table.add_row(
            text(district.district),
            labels.district_seats(district),
            Text(visible(labels.district_winners(district))),
        )
    return table


def render_seats(report: SeatsReport, width: int) -> RenderableType:
    parts: list[RenderableType] = []
    for index, election in enumerate(report.elections):
        if index:
            parts.append(Text(""))
        parts.append(seats_table(election, width))
        if len(election.allocations) > 1:
            parts.append(indices_table(election))
        if election.layout == "districts":
            parts.append(districts_table(election))
        parts.append(findings_panel(election.notes))
    return Group(*parts)
