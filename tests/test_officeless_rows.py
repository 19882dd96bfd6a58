"""Rows of a blank office beside races of an office, holding no candidate: New Hampshire's 2018
precinct file (OpenElections) gives `Scattering` rows of a blank office and district `1` or `2`,
which made races "1" and "2" (Scattering 100 %, counted as undecided races: "Races won: REP 2 of
5, DEM 1; 2 undecided" for three races). They are left out with one warning naming them and their
votes, which `summary` says too."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

NH = """county,town,office,district,candidate,party,votes
Belknap,Alton,U.S. House,1,Chris Pappas,DEM,900
Belknap,Alton,U.S. House,1,Eddie Edwards,REP,1100
Belknap,Alton,,1,Scattering,,3
Belknap,Barnstead,U.S. House,1,Chris Pappas,DEM,500
Belknap,Barnstead,U.S. House,1,Eddie Edwards,REP,700
Belknap,Barnstead,,1,Scattering,,2
Coos,Berlin,U.S. House,2,Annie Kuster,DEM,800
Coos,Berlin,U.S. House,2,Steve Negron,REP,600
Coos,Berlin,,2,Scattering,,4
Belknap,Alton,Governor,,Chris Sununu,REP,1300
Belknap,Alton,Governor,,Molly Kelly,DEM,700
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_officeless_rows_of_no_candidate_are_no_race(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    out = invoke("summary", str(write(tmp_path, NH)), "--format", "json")
    assert out.code == 0, out.stderr
    races = {e["election"]: e for e in json.loads(out.stdout)["elections"]}
    assert sorted(races) == ["Governor", "U.S. House · 1", "U.S. House · 2"]
    # Hand-checked: the candidates' votes as listed, no race of Scattering alone.
    house = {r["candidate"]: r["votes"] for r in races["U.S. House · 1"]["results"]}
    assert house == {"Eddie Edwards": 1800, "Chris Pappas": 1400}
    assert "2 race(s) of rows of a blank office" in out.stderr
    assert "'1': 'Scattering' 5; '2': 'Scattering' 4" in out.stderr


def test_a_file_of_one_office_and_a_blank_one_with_a_candidate_is_unchanged(tmp_path):
    """A candidate under the blank office: a race as before (the file may mean it)."""
    text = NH.replace("Coos,Berlin,,2,Scattering,,4", "Coos,Berlin,,2,Al Wise,,4")
    out = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    races = {e["election"] for e in json.loads(out.stdout)["elections"]}
    assert "2" in races and "1" not in races


SPREAD = """county,town,office,district,candidate,party,votes
Belknap,Alton,U.S. House,1,Chris Pappas,DEM,900
Belknap,Alton,U.S. House,1,Eddie Edwards,REP,1100
Carroll,Bartlett,U.S. House,1,Chris Pappas,DEM,500
Carroll,Bartlett,U.S. House,1,Eddie Edwards,REP,700
Coos,Berlin,U.S. House,2,Annie Kuster,DEM,800
Coos,Berlin,U.S. House,2,Steve Negron,REP,600
Grafton,Bath,U.S. House,2,Annie Kuster,DEM,300
Grafton,Bath,U.S. House,2,Steve Negron,REP,200
Belknap,Alton,,1,Scattering,,3
Carroll,Bartlett,,1,Scattering,,2
Coos,Berlin,,2,Scattering,,4
Grafton,Bath,,2,Scattering,,6
Coos,Berlin,State Senate,2,Di Ames,DEM,700
Coos,Berlin,State Senate,2,Ed Bork,REP,650
"""


def test_officeless_scatter_goes_to_the_race_counted_in_exactly_its_counties(tmp_path, monkeypatch):
    """NH 2018's U.S. House `Scattering` (111 and 151 votes) was left out of the House races:
    each district's rows of a blank office stand in exactly the counties of one race of their
    district (State Senate 2 is counted in Coos only), on both engines."""
    from conftest import engines_agree

    elections, problems = engines_agree(monkeypatch, write(tmp_path, SPREAD))
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    # Hand-checked sums of the rows above.
    assert got["U.S. House · 1"] == {"Chris Pappas": 1400, "Eddie Edwards": 1800, "Scattering": 5}
    assert got["U.S. House · 2"] == {"Annie Kuster": 1100, "Steve Negron": 800, "Scattering": 10}
    assert got["State Senate · 2"] == {"Di Ames": 700, "Ed Bork": 650}
    assert not [p for p in problems if "blank office" in p.message]
    (note,) = {n for e in elections for n in e.notes if "blank 'office'" in n}
    assert "to 'U.S. House' (1), its 2 regions; to 'U.S. House' (2), its 2 regions" in note


def test_officeless_rows_counted_where_two_races_are_stay_left_out(tmp_path):
    """State Senate 2 counted in Coos and Grafton too: whose the rows are, nothing tells."""
    text = SPREAD + "Grafton,Bath,State Senate,2,Di Ames,DEM,100\n"
    out = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    races = {e["election"]: e for e in json.loads(out.stdout)["elections"]}
    assert "Scattering" in {r["candidate"] for r in races["U.S. House · 1"]["results"]}
    assert "Scattering" not in {r["candidate"] for r in races["U.S. House · 2"]["results"]}
    assert "1 race(s) of rows of a blank office" in out.stderr
