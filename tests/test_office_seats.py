"""A district of a many-member office that states no number of seats (New Hampshire's Nashua wards,
no party column) names no winner when it has no majority: `read.racechecks`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, engines_agree, invoke, write

# Hand-made in the layout of New Hampshire's file: "BE 02 (2)" states two seats; "HD35" states
# nothing, has four candidates and a blank party; "GR04" states nothing and has a majority.
ROWS = """county,precinct,office,district,party,candidate,votes
Belknap,Alton,State House,BE 02 (2),REP,Ann Arbor,500
Belknap,Alton,State House,BE 02 (2),REP,Ben Bay,450
Belknap,Alton,State House,BE 02 (2),DEM,Cal Cove,300
Belknap,Alton,State House,BE 02 (2),DEM,Dee Dale,200
Hillsborough,Ward 8,State House,HD35,,Laura Telerski,2901
Hillsborough,Ward 8,State House,HD35,,Latha Mangipudi,2899
Hillsborough,Ward 8,State House,HD35,,Skip Cleaver,2672
Hillsborough,Ward 8,State House,HD35,,Peter Sylvia,2048
Hillsborough,Ward 8,State House,HD35,,scatter,11
Grafton,Bath,State House,GR04,DEM,Eve Elm,900
Grafton,Bath,State House,GR04,REP,Fay Fir,600
Grafton,Bath,State Senate,5,,Gil Gum,400
Grafton,Bath,State Senate,5,,Hal Hay,350
Grafton,Bath,State Senate,5,,Ida Ivy,300
"""


def races(path: Path, *args: str) -> dict[str, dict]:
    result = invoke("summary", str(path), "-f", "json", *args)
    assert result.code == 0, result.stderr
    return {e["election"]: e for e in json.loads(result.stdout)["elections"]}


def test_a_silent_district_of_a_many_member_office_names_no_winner(tmp_path):
    found = races(write(tmp_path, ROWS))
    hd35 = found["State House · HD35"]
    # Hand-checked: Telerski leads Mangipudi by 2 votes, but four candidates share 10,520 votes
    # with none over half: not a race a journalist may call "won by 2 votes".
    assert hd35["seats"] is None and hd35["margin"] is None
    assert hd35["leader"]["candidate"] == "Laura Telerski" and hd35["leader"]["votes"] == 2901
    assert "race-split" in hd35["warning_codes"]
    assert "'State House · BE 02 (2)'" in hd35["warnings"][0]
    # The district that states its seats elects its top two; a majority elects whatever the seats;
    # another office (State Senate) has no district stating several: its leader is named.
    assert found["State House · BE 02 (2)"]["seats"] == 2
    assert found["State House · BE 02 (2)"]["elected"] == ["Ann Arbor", "Ben Bay"]
    assert "seats" not in found["State House · GR04"]  # one seat: the key is left out
    assert found["State House · GR04"]["margin"]["votes"] == 300
    assert "seats" not in found["State Senate · 5"]
    assert found["State Senate · 5"]["margin"]["votes"] == 50


def test_the_table_says_why_and_how(tmp_path):
    result = invoke("summary", str(write(tmp_path, ROWS)), "--race", "State House · HD35")
    assert result.code == 0
    text = " ".join(result.stdout.replace("│", " ").split())
    assert "other districts of its office elect several ('State House · BE 02 (2)')" in text
    assert "No winner is named" in text
    # --race keeps one race: its neighbours still tell the office.
    assert "1 race(s) (e.g. 'State House · HD35')" in " ".join(result.stderr.split())


@pytest.mark.parametrize(("seats", "elected"), [("2", ["Laura Telerski", "Latha Mangipudi"])])
def test_vote_for_gives_the_number(tmp_path, seats, elected):
    path = write(tmp_path, ROWS)
    found = races(path, "--race", "State House · HD35", "--vote-for", seats)
    (hd35,) = found.values()
    assert hd35["seats"] == 2 and "race-split" not in hd35.get("warning_codes", [])
    assert hd35["elected"] == elected


def test_both_engines_agree(monkeypatch, tmp_path):
    elections, _ = engines_agree(monkeypatch, write(tmp_path, ROWS))
    unknown = sorted(e.facts.election for e in elections if e.seats is None)
    assert unknown == ["State House · HD35"]


NH = ROOT.parent / "shared" / "realworld" / "us_nh_2020_general_precinct.csv"
if not NH.exists():
    NH = Path("/work/shared/realworld/us_nh_2020_general_precinct.csv")


@pytest.mark.skipif(not NH.exists(), reason="the real New Hampshire file is not here")
def test_new_hampshire_nashua_wards_are_no_closest_races():
    result = invoke("summary", str(NH), "-f", "json", "--overview")
    assert result.code == 1, result.stderr  # 11 races refused for blank or misplaced cells
    data = json.loads(result.stdout)
    by_name = {e["election"]: e for e in data["elections"]}
    for ward in ("State House · HD34", "State House · HD35"):
        assert by_name[ward]["seats"] is None and by_name[ward]["margin"] is None
    assert not {"State House · HD34", "State House · HD35"} & set(data["overview"]["closest"])


def test_races_told_by_a_contest_column_alone_share_no_office(tmp_path):
    """Review finding: with only a `contest` column every race had the same (empty) office, and a
    three-way Mayor race lost its winner to the council's "(3)"."""
    path = write(
        tmp_path,
        "contest,candidate,votes\n"
        "Mayor,Ann Alder,4000\nMayor,Bob Birch,3500\nMayor,Cy Cedar,2500\n"
        "City Council At Large (3),Dee Dale,5000\nCity Council At Large (3),Eve Elm,4800\n"
        "City Council At Large (3),Fay Fir,4700\nCity Council At Large (3),Gil Gum,3000\n",
    )
    found = races(path)
    assert "seats" not in found["Mayor"] and found["Mayor"]["margin"]["votes"] == 500
    assert found["City Council At Large (3)"]["seats"] == 3


def test_contenders_of_different_parties_are_a_sign_of_one_seat(tmp_path):
    rows = ROWS + (
        "Hillsborough,Ward 7,State House,HD38,REP,Jo Jay,3100\n"
        "Hillsborough,Ward 7,State House,HD38,DEM,Kim Kay,2900\n"
        "Hillsborough,Ward 7,State House,HD38,LIB,Lu Lee,2500\n"
    )
    found = races(write(tmp_path, rows))
    assert "seats" not in found["State House · HD38"]
    assert found["State House · HD38"]["margin"]["votes"] == 200
    assert found["State House · HD35"]["seats"] is None


def test_the_seats_tally_counts_undecided_races_as_races(tmp_path):
    """Trial 3: "Seats won by party" listed "undecided 75" under its Seats column: 74 races of an
    unknown number of seats and one undecided seat, counted as races."""
    text = invoke("summary", str(write(tmp_path, ROWS))).stdout
    assert "Seats won by party" in text
    row = next(line for line in text.splitlines() if "undecided" in line)
    assert row.split() == ["undecided", "races", "1"]
