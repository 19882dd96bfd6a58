"""Parties summed over wards: the advice offers each ward as a race of its own, not only lists.

Nigeria's 2026 ward councillors' file (`state_code,lga_name,ward_name,party_code,votes`, a ward
electing one councillor) was summed into one race and told "a party-list vote is read with
--system list": advice that does not fit a vote in single-member wards. (The file below is
invented, in that layout.)
"""

from __future__ import annotations

import json

import pandas as pd

from conftest import invoke, write

WARDS = """state_code,lga_name,ward_name,party_code,votes
KX,Ubra,UBRA CENTRAL,APC,280
KX,Ubra,UBRA CENTRAL,PDP,65
KX,Ubra,UBRA CENTRAL,YPP,110
KX,Ubra,TEMPO,APC,95
KX,Ubra,TEMPO,PDP,140
KX,Ubra,TEMPO,YPP,12
KX,Ubra,KOLO EAST,APC,60
KX,Ubra,KOLO EAST,PDP,58
KX,Ubra,KOLO EAST,YPP,81
"""


def _findings(path) -> str:
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    return " ".join(result.stdout.replace("│", " ").split())


def test_parties_summed_over_wards_are_offered_a_race_each(tmp_path):
    path = write(tmp_path, WARDS, "ng_councillor_ward.csv")
    found = _findings(path)
    assert (
        "The options are parties, summed over the 3 regions of 'ward_name': if each region "
        "elects its own members (a ward's councillor, a province's council), each is a race of "
        "its own: --race-by ward_name; if the whole is one vote for party lists, it is read with "
        "--system list (pollcli seats allocates its seats)." in found
    )
    assert "runoff" not in found


def test_the_advice_leads_to_a_winner_in_each_ward(tmp_path):
    path = write(tmp_path, WARDS, "ng_councillor_ward.csv")
    result = invoke("summary", str(path), "--race-by", "ward_name", "--format", "json")
    assert result.code == 0, result.stderr
    leaders = {
        e["election"]: e["leader"]["candidate"] for e in json.loads(result.stdout)["elections"]
    }
    frame = pd.read_csv(path)
    oracle = frame.loc[frame.groupby("ward_name")["votes"].idxmax()]
    assert leaders == dict(zip(oracle["ward_name"], oracle["party_code"], strict=True))
    seats = invoke("seats", str(path), "--race-by", "ward_name", "--format", "json")
    assert seats.code == 0, seats.stderr


def test_a_single_table_of_parties_keeps_the_list_hint(tmp_path):
    path = write(tmp_path, "party,votes\nAPC,280\nPDP,65\nYPP,110\n", "one.csv")
    found = _findings(path)
    assert "The options are parties: a party-list vote is read with --system list" in found
