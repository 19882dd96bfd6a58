"""A parliament chart from plain figures, with pollcli's chart functions (see docs/charts.md).

The Examplestan National Assembly does not exist: its parties, votes and seats are invented to show
the charts until `pollcli seats` draws real ones.

    python docs/examples/parliament.py parliament.svg
"""

from __future__ import annotations

import sys

from pollcli.charts.colours import Colours
from pollcli.charts.seats import SeatRow, hemicycle_panel, votes_seats_panel
from pollcli.charts.style import Panel, save

TOTAL = 100
MAJORITY = 51
# party, share of the vote (%), seats: invented
PARTIES = [
    ("Green Steppe Party", 46.2, 52),
    ("Union for Progress", 27.5, 30),
    ("People's Front", 14.1, 15),
    ("Blue Lakes Alliance", 5.3, 3),
    ("Party of Tomorrow", 3.1, 0),
]
AGAINST_ALL = 3.8


def rows() -> list[SeatRow]:
    found = [
        SeatRow(party=party, vote_share=votes, seats=seats, seat_share=seats / TOTAL * 100)
        for party, votes, seats in PARTIES
    ]
    found.append(SeatRow(party="Against all", vote_share=AGAINST_ALL, seats=0, kind="against_all"))
    return found


def panels() -> list[Panel]:
    colours = Colours()  # one for both charts: a party keeps its colour
    subtitle = "Fictional example · 100 seats · 5 % threshold"
    return [
        hemicycle_panel(
            rows(),
            title="Examplestan National Assembly",
            subtitle=subtitle,
            total=TOTAL,
            majority=MAJORITY,
            colours=colours,
            notes=["Invented figures: Examplestan and its parties do not exist."],
        ),
        votes_seats_panel(
            rows(),
            title="Share of the vote and of the seats",
            subtitle=subtitle,
            colours=colours,
        ),
    ]


if __name__ == "__main__":
    print("\n".join(save(panels(), sys.argv[1], "svg")) or f"wrote {sys.argv[1]}")
