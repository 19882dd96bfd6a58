"""A New York county file (OpenElections 2022, Chenango) lists each fusion candidate's party
lines as rows: Hochul DEM and WOR, Zeldin REP and CON. Each name under two parties gave a
`shared-name` warning of its own naming --fusion (14 in the file, two a race). Now a race gives
one warning naming every such candidate with their lines' votes, saying once that the lines are
counted apart (shares and margin between lines) and that --fusion adds them up. Invented figures;
the oracle is the hand-summed table."""

from __future__ import annotations

from conftest import engines_agree, write

TEXT = (
    "county,precinct,office,district,candidate,party,votes\n"
    "Elm,WARD 1,Governor,,Ann Hale,DEM,100\n"
    "Elm,WARD 1,Governor,,Ann Hale,WOR,10\n"
    "Elm,WARD 1,Governor,,Bo Zane,REP,200\n"
    "Elm,WARD 1,Governor,,Bo Zane,CON,20\n"
    "Elm,WARD 2,Governor,,Ann Hale,DEM,50\n"
    "Elm,WARD 2,Governor,,Ann Hale,WOR,5\n"
    "Elm,WARD 2,Governor,,Bo Zane,REP,70\n"
    "Elm,WARD 2,Governor,,Bo Zane,CON,7\n"
    "Elm,WARD 1,State Senate,51,Cy Oak,REP,150\n"
    "Elm,WARD 1,State Senate,51,Cy Oak,CON,15\n"
    "Elm,WARD 1,State Senate,51,Di Ash,DEM,90\n"
)


def test_one_warning_a_race_names_every_fusion_candidate(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, TEXT))
    shared = [p for p in problems if p.code == "shared-name"]
    assert [p.race for p in shared] == ["Governor", "State Senate · 51"]
    governor = shared[0].message
    assert "'Ann Hale' (DEM 150 votes, WOR 15 votes)" in governor
    assert "'Bo Zane' (REP 270 votes, CON 27 votes)" in governor
    assert governor.count("--fusion") == 1 and governor.count("margin") == 1
    assert shared[0].line == 3  # the first second-party row of the race
    # One name in the race: the warning of before, unchanged.
    assert "'Cy Oak' of 'State Senate · 51' stands for REP (150 votes) and CON" in shared[1].message
    (race,) = [e for e in elections if e.facts.election == "Governor"]
    assert {o.candidate: o.votes for o in race.options} == {
        "Ann Hale (DEM)": 150,
        "Ann Hale (WOR)": 15,
        "Bo Zane (REP)": 270,
        "Bo Zane (CON)": 27,
    }
