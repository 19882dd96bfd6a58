"""Arizona's State House districts elect two members each (trial 7: OpenElections' 2018 county
file). 27 of 30 districts had several candidates of one party and were read as races of an unknown
number of seats; the other three, two Democrats and no one else, were read as races of one seat:
"Diego Espinoza wins", "runner-up Lorenzo Sierra" — both were elected. A race of an office whose
other districts look like races of several seats, with running mates of its own, is one too."""

from __future__ import annotations

from conftest import engines_agree, write

ROWS = ["county,precinct,office,district,candidate,party,votes"]
for district, field in {
    "1": [
        ("Noel Campbell", "REP", 70130),
        ("David Stringer", "REP", 64000),
        ("Ed Gogek", "DEM", 60000),
    ],
    "2": [
        ("Daniel Hernandez", "DEM", 30613),
        ("Rosanna Gabaldon", "DEM", 29000),
        ("Anthony Sizer", "REP", 20000),
    ],
    "19": [("Diego Espinoza", "DEM", 26428), ("Lorenzo Sierra", "DEM", 23319)],
}.items():
    ROWS += [f"Arizona,Maricopa,State Representative,{district},{c},{p},{v}" for c, p, v in field]
# One seat, another office: its leader wins.
ROWS += [
    "Arizona,Maricopa,State Senate,19,Lupe Contreras,DEM,30000",
    "Arizona,Maricopa,State Senate,19,Jim Doe,REP,10000",
]


def test_running_mates_beside_races_of_several_seats_are_no_one_seat_race(tmp_path, monkeypatch):
    elections, _ = engines_agree(monkeypatch, write(tmp_path, "\n".join(ROWS) + "\n"))
    seats = {e.facts.election: e.seats for e in elections}
    assert seats == {
        "State Representative · 1": None,
        "State Representative · 2": None,
        "State Representative · 19": None,
        "State Senate · 19": 1,
    }
