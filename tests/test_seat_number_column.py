"""A column numbering a district's constituencies that pollcli does not read: Nepal's election
commission (`CandidateName,PoliticalPartyName,DistrictName,SCConstID,TotalVoteReceived`) was
split by district alone, so a district's two or three constituencies were one race "of several
candidates of one party", its winner not named (41 of 77 in 2022), and the advice spoke of seats
and party primaries only. It names the column now, with the --race-by that reads it. And several
independents in one race (`स्वतन्त्र`, Nepali) are no party's crowded list, as `Independent` is not.

Names and figures invented; the layout is the commission's. Oracle: each constituency's leader by
hand.
"""

from __future__ import annotations

import json
import shlex

import pytest

from conftest import invoke, write

HEADER = "CandidateName,PoliticalPartyName,DistrictName,SCConstID,TotalVoteReceived\n"
ROWS = [
    ("Asha Rai", "Pahad Party", "Kanchan", 1, 900),
    ("Bikash Lama", "Terai Front", "Kanchan", 1, 700),
    ("Chandra Gurung", "Pahad Party", "Kanchan", 2, 500),
    ("Dipa Thapa", "Terai Front", "Kanchan", 2, 800),
    ("Eka Shrestha", "Pahad Party", "Barun", 1, 400),
    ("Gita Magar", "Terai Front", "Barun", 1, 300),
]
LEADERS = {
    ("Kanchan", "1"): "Asha Rai",
    ("Kanchan", "2"): "Dipa Thapa",
    ("Barun", "1"): "Eka Shrestha",
}


def _text() -> str:
    return HEADER + "".join(",".join(map(str, row)) + "\n" for row in ROWS)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_the_crowded_warning_names_the_unread_seat_number(tmp_path, engine):
    path = write(tmp_path, _text())
    env = {"POLLCLI_ENGINE": engine}
    votes = ("--votes", "TotalVoteReceived")  # (as the commission's file needs: test_votes_advice)
    done = invoke("summary", str(path), *votes, "--format", "json", env=env)
    assert done.code == 0, done.stderr
    assert "several candidates of one party" in done.stderr
    advice = "add it to the race keys: --race-by "
    assert "not read: 'SCConstID'" in done.stderr and advice in done.stderr
    keys = done.stderr.split(advice, 1)[1].split()[0]
    split = invoke(
        "summary", str(path), *votes, "--race-by", *shlex.split(keys), "-f", "json", env=env
    )
    assert split.code == 0, split.stderr
    assert "several candidates" not in split.stderr
    races = json.loads(split.stdout)["elections"]
    leaders = {tuple(e["race_keys"][k] for k in ("DistrictName", "SCConstID")): e["leader"]["candidate"]
               for e in races}  # fmt: skip
    assert leaders == LEADERS


@pytest.mark.parametrize("independent", ["स्वतन्त्र", "Independent", "indépendant", "무소속"])
def test_several_independents_are_no_crowded_party(tmp_path, independent):
    text = (
        "candidate,party,constituency,votes\n"
        + "".join(
            f"{name},{party},North,{votes}\n"
            for name, party, votes in [
                ("Asha Rai", independent, 600),
                ("Bikash Lama", independent, 550),
                ("Chandra Gurung", "Pahad Party", 900),
                ("Dipa Thapa", "Terai Front", 800),
            ]
        )
        + "Eka Shrestha,Pahad Party,South,400\nGita Magar,Terai Front,South,300\n"
    )
    done = invoke("summary", str(write(tmp_path, text)), "-f", "json")
    assert done.code == 0, done.stderr
    assert "several candidates of one party" not in done.stderr
    document = json.loads(done.stdout)
    assert {e["election"]: e["leader"]["candidate"] for e in document["elections"]} == {
        "North": "Chandra Gurung",
        "South": "Eka Shrestha",
    }
