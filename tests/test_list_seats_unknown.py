"""`seats` told the districts are party-list votes (a list threshold, its scope, exempt lists) where
the file gives no district's number of seats: refused with what to give, never one seat a district.

Newuser trial 28: Poland's Sejm 2023 by gmina (PKW, one column per electoral committee, 41 okręgi),
split by the advised `--race-by 'Nr okręgu'`, gave with `--list-threshold 5 --threshold-scope
national` "PiS has a majority: 22 of 41 seats": each okręg read as a single-member race won by its
leader. The Sejm is 460 seats by D'Hondt; PiS won 194. Names and figures invented, the layout is
the file's. Oracle: D'Hondt by hand (quotients written out below).
"""

from __future__ import annotations

import json

from conftest import invoke, write

SEJM_LIKE = (
    "Gmina;Nr okręgu;KOMITET WYBORCZY A;KOMITET WYBORCZY B;KOMITET WYBORCZY C\n"
    "Alnowo;1;500;400;300\n"
    "Borki;2;300;450;200\n"
    "Cisowa;3;600;100;350\n"
)
# The okręgi's seats: 3, 2 and 4.
SEATS_FILE = "district,seats\n1,3\n2,2\n3,4\n"
# D'Hondt by hand. 1 (3 seats): 500 A, 400 B, 300 C | next 250 (A/2).
# 2 (2 seats): 450 B, 300 A | next 225 (B/2). 3 (4 seats): 600 A, 350 C, 300 A/2, 200 A/3 | 175 C/2.
DHONDT = {"KOMITET WYBORCZY A": 5, "KOMITET WYBORCZY B": 2, "KOMITET WYBORCZY C": 2}
RACE_BY = ("--race-by", "Nr okręgu")


def test_a_list_threshold_with_no_district_seats_is_refused_with_what_to_give(tmp_path):
    path = write(tmp_path, SEJM_LIKE)
    result = invoke(
        "seats", str(path), *RACE_BY, "--list-threshold", "5", "--threshold-scope", "national"
    )
    assert result.code == 2, result.stdout
    assert "majority" not in result.stdout
    message = result.stderr
    assert "list threshold of 5 %" in message
    assert "3 of them give no number of seats ('1', '2', '3')" in message
    assert "--seats-file FILE (a CSV with a header 'district,seats'" in message
    assert "'seats' column of a table of one row per list" in message


def test_the_scope_alone_says_lists_too(tmp_path):
    path = write(tmp_path, SEJM_LIKE)
    result = invoke("seats", str(path), *RACE_BY, "--threshold-scope", "national")
    assert result.code == 2
    assert "threshold scope" in result.stderr and "no number of seats" in result.stderr


def test_the_advice_followed_allocates_each_district_by_its_seats(tmp_path):
    path = write(tmp_path, SEJM_LIKE)
    seats_file = write(tmp_path, SEATS_FILE, name="okregi.csv")
    result = invoke(
        "seats", str(path), *RACE_BY, "--list-threshold", "5", "--threshold-scope", "national",
        "--seats-file", str(seats_file), "--format", "json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert election["layout"] == "districts"
    assert election["seats"] == 9
    (allocation,) = election["allocations"]
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == DHONDT


def test_a_seats_column_of_a_table_of_one_row_per_list_answers_it_too(tmp_path):
    rows = [line.split(";") for line in SEJM_LIKE.splitlines()[1:]]
    seats = {"1": 3, "2": 2, "3": 4}
    long = "okreg,seats,party,votes\n" + "".join(
        f"{row[1]},{seats[row[1]]},KOMITET WYBORCZY {party},{votes}\n"
        for row in rows
        for party, votes in zip("ABC", row[2:], strict=True)
    )
    path = write(tmp_path, long)
    result = invoke(
        "seats", str(path), "--race-by", "okreg", "--list-threshold", "5", "--format", "json"
    )
    assert result.code == 0, result.stderr
    (allocation,) = json.loads(result.stdout)["elections"][0]["allocations"]
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == DHONDT


def test_single_member_races_without_a_threshold_are_still_races(tmp_path):
    # One member a constituency (the Commons' parties by constituency): no list said, no refusal.
    path = write(tmp_path, SEJM_LIKE.replace("KOMITET WYBORCZY ", "Party "))
    result = invoke("seats", str(path), *RACE_BY, "--format", "json")
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    assert election["layout"] == "single_member"
    assert {p["party"]: p["seats"] for p in election["allocations"][0]["parties"]} == {
        "Party A": 2,
        "Party B": 1,
        "Party C": 0,
    }
