"""A race's own count lines (`Total Ballots Cast`, `Total Votes`, given under the race's office in
each district where it was counted) are no evidence that a district is geography: Maine's 2016
primary by town (OpenElections) lists `BLANK` and `Total Ballots Cast` under each congressional
district, and the count, standing in both CG1 and CG2, made the district column "geography":
Pingree's CG1 and Cain's CG2 Democratic primaries were summed into one race that "Pingree, Chellie
leads with 59.68 %". Figures are hand sums of the CSV text; both engines read it alike."""

from __future__ import annotations

from conftest import engines_agree, write

ROWS = """county,town,office,district,party,candidate,votes
Cumberland,Portland,U.S. House,CG1,DEM,"Pingree, Chellie",100
Cumberland,Portland,U.S. House,CG1,DEM,BLANK,5
Cumberland,Portland,U.S. House,CG1,DEM,Total Ballots Cast,105
York,Saco,U.S. House,CG1,DEM,"Pingree, Chellie",50
York,Saco,U.S. House,CG1,DEM,BLANK,2
York,Saco,U.S. House,CG1,DEM,Total Ballots Cast,52
Aroostook,Allagash,U.S. House,CG2,DEM,"Cain, Emily Ann",80
Aroostook,Allagash,U.S. House,CG2,DEM,BLANK,4
Aroostook,Allagash,U.S. House,CG2,DEM,Total Ballots Cast,84
Penobscot,Bangor,U.S. House,CG2,DEM,"Cain, Emily Ann",30
Penobscot,Bangor,U.S. House,CG2,DEM,BLANK,1
Penobscot,Bangor,U.S. House,CG2,DEM,Total Ballots Cast,31
"""


def test_a_race_count_line_does_not_glue_districts(tmp_path, monkeypatch):
    path = write(tmp_path, ROWS)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    by_name = {e.facts.election: e for e in elections}
    assert sorted(by_name) == ["U.S. House · CG1", "U.S. House · CG2"]
    # Hand sums: Pingree 100 + 50 in CG1, Cain 80 + 30 in CG2; ballots cast 105 + 52, 84 + 31.
    cg1, cg2 = by_name["U.S. House · CG1"], by_name["U.S. House · CG2"]
    assert {o.candidate: o.votes for o in cg1.options if o.kind == "candidate"} == {
        "Pingree, Chellie": 150
    }
    assert {o.candidate: o.votes for o in cg2.options if o.kind == "candidate"} == {
        "Cain, Emily Ann": 110
    }
    assert (cg1.facts.ballots_cast, cg2.facts.ballots_cast) == (157, 115)
