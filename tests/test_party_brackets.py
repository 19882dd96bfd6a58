"""A party cell of one unclosed bracket (`(REP`) is read as the party inside it, with a note.

Georgia's Newton County runoff (2018) gives one race's Republican as `(REP`: the findings read
"CHUCK EATON, (REP, leads" and the table's party `(REP`. (The file below is invented, in that
layout.)
"""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke, write

GA_LAYOUT = """county,precinct,office,district,party,candidate,votes,absentee_by_mail,election_day
Pike,Mill Run,Secretary Of State,,REP,ALMA RUTHERS,103,3,100
Pike,Oak Hill,Secretary Of State,,REP,ALMA RUTHERS,95,5,90
Pike,Mill Run,Secretary Of State,,DEM,JOSH BARNET,80,10,70
Pike,Oak Hill,Secretary Of State,,DEM,JOSH BARNET,99,9,90
Pike,Mill Run,"Utility Board, District 3",3,(REP,WES EATONS,97,7,90
Pike,Oak Hill,"Utility Board, District 3",3,(REP,WES EATONS,191,11,180
Pike,Mill Run,"Utility Board, District 3",3,DEM,LINA MILLS,90,10,80
Pike,Oak Hill,"Utility Board, District 3",3,DEM,LINA MILLS,120,20,100
"""


def test_an_unclosed_bracket_is_read_as_the_party_inside_with_a_note(tmp_path):
    path = write(tmp_path, GA_LAYOUT, "ga_runoff.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    board = json.loads(result.stdout)["elections"][1]
    assert [(r["candidate"], r["party"]) for r in board["results"]] == [
        ("WES EATONS", "REP"),
        ("LINA MILLS", "DEM"),
    ]
    assert board["leader"]["party"] == "REP"
    assert (
        "Party '(REP' opens a bracket it never closes: read as the party 'REP' (WES EATONS "
        "(line 6)); if the cell is another party's, correct it." in board["notes"]
    )
    table = invoke("summary", str(path))
    assert "WES EATONS (REP) leads" in table.stdout and "EATONS, (REP" not in table.stdout


def test_both_engines_read_the_bracket_alike(tmp_path, monkeypatch):
    path = write(tmp_path, GA_LAYOUT, "ga_runoff.csv")
    elections, _ = engines_agree(monkeypatch, path)
    assert {o.party for e in elections for o in e.options} == {"REP", "DEM"}


@pytest.mark.parametrize(
    ("cell", "party"),
    [("(REP", "REP"), ("REP)", "REP"), ("[ DEM", "DEM"), ("(REP)", None), ("Green (G", None),
     ("(", None), ("REP", None), ("Unity (", None)],
)  # fmt: skip
def test_only_one_bracket_at_an_end_is_left_out(cell, party):
    from pollcli.read.partybrackets import unbracketed

    assert unbracketed(cell) == party


def test_seats_the_file_gives_follow_the_party(tmp_path):
    path = write(
        tmp_path, "candidate,party,votes,seats\nAnn,(Blue,5000,1\nBob,Red,4000,0\n", "seat.csv"
    )
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    assert (
        "Seats won, as the file gives them: Ann 1 (1 seat; no method allocates them here)."
        in (election["notes"])
    )
    assert election["results"][0]["party"] == "Blue"


def test_a_party_named_as_the_option_is_read_the_same(tmp_path):
    """With no candidate column the party cell is the option (`(Blue,5000,3`): the same reading,
    its seats won kept."""
    path = write(tmp_path, "party,votes,seats\n(Blue,5000,3\nRed,4000,2\nGold,100,0\n", "p.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert [r["candidate"] for r in election["results"]] == ["Blue", "Red", "Gold"]
    notes = " ".join(election["notes"])
    assert "Seats won, as the file gives them: Blue 3, Red 2 (5 seats" in notes
    assert "Party '(Blue' opens a bracket it never closes: read as the party 'Blue'" in notes
