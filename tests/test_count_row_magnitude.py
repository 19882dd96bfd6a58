"""A count row of its unit for every race (MEDSL's `BALLOTS CAST` office, magnitude 0.0) says
nothing of a race's seats (session 17's world trial: the District of Columbia's 2018 precinct
returns refused all 11 citywide races, "vote_for is '0.0' here but '1.0'", and the advice,
`--race-by …,magnitude`, refused them again). Oracle: pandas, each candidate's votes summed."""

from __future__ import annotations

import pandas as pd

from conftest import engines_agree, write

# MEDSL's layout: each precinct's ballots cast (no candidate, no district, magnitude 0.0), a
# citywide race and a ward's.
DC = """"precinct","office","party_simplified","mode","votes","candidate","district","magnitude","stage","writein"
"1","BALLOTS CAST","","TOTAL",2813,"","",0.0,"GEN","FALSE"
"2","BALLOTS CAST","","TOTAL",1563,"","",0.0,"GEN","FALSE"
"1","MAYOR","DEMOCRAT","TOTAL",2100,"MURIEL BOWSER","STATEWIDE",1.0,"GEN","FALSE"
"1","MAYOR","LIBERTARIAN","TOTAL",300,"DUSTIN CANTER","STATEWIDE",1.0,"GEN","FALSE"
"2","MAYOR","DEMOCRAT","TOTAL",1200,"MURIEL BOWSER","STATEWIDE",1.0,"GEN","FALSE"
"2","MAYOR","LIBERTARIAN","TOTAL",200,"DUSTIN CANTER","STATEWIDE",1.0,"GEN","FALSE"
"1","COUNCIL","DEMOCRAT","TOTAL",1900,"CHARLES ALLEN","6",1.0,"GEN","FALSE"
"1","COUNCIL","REPUBLICAN","TOTAL",400,"PERNELL WATSON","6",1.0,"GEN","FALSE"
"""


def test_a_count_row_of_every_race_sets_no_seats(tmp_path, monkeypatch):
    path = write(tmp_path, DC, "2018-dc-precinct-general.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    frame = pd.read_csv(path)
    frame = frame[frame.office != "BALLOTS CAST"]
    by_name = {e.facts.election: e for e in elections}
    for (office, district), race in frame.groupby(["office", "district"]):
        election = next(e for n, e in by_name.items() if n.startswith(office))
        assert {o.candidate: o.votes for o in election.options} == (
            race.groupby("candidate").votes.sum().to_dict()
        ), district
        assert election.seats == 1
