"""Small wrong or unclear outputs left from trial 4 (session 5's polish): each with an oracle
computed apart from pollcli (pandas over the file, or figures counted by hand)."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import ROOT, invoke, write

SEATS = ROOT / "tests" / "seats"


def seats_json(*args: str) -> dict:
    result = invoke("seats", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


# --- 1. `% seats` is of the seats the header gives ----------------------------------------------


def test_seat_share_is_of_every_seat_the_header_counts(tmp_path):
    # Under a majority rule only Dell elects (Red); the four other races go to a runoff. The
    # header says "5 seats": Red's one seat is 20 % of them, not 100 % of the one seat awarded.
    text = (SEATS / "races.csv").read_text(encoding="utf-8").replace("plurality", "majority")
    path = write(tmp_path, text)
    election = seats_json(str(path))["elections"][0]
    assert election["seats"] == 5
    frame = pd.read_csv(io.StringIO(text), comment="#")
    votes = frame.fillna({"party": frame["candidate"]}).groupby("party")["votes"].sum()
    share = votes / votes.sum() * 100
    parties = {p["party"]: p for p in election["allocations"][0]["parties"]}
    assert parties["Red"]["seats"] == 1
    assert parties["Red"]["seat_share"] == 1 / 5 * 100
    for name, party in parties.items():
        assert abs(party["difference"] - (party["seats"] / 5 * 100 - share[name])) < 1e-9
    table = invoke("seats", str(path), env={"COLUMNS": "120"}).stdout
    red = next(line for line in table.splitlines() if " Red " in line)
    assert "20.00 %" in red and "100.00 %" not in red


def test_seat_share_of_a_district_is_of_its_seats(tmp_path):
    # Brook elects no one (a runoff): its own allocation shares none of its one seat.
    text = (SEATS / "races.csv").read_text(encoding="utf-8").replace("plurality", "majority")
    election = seats_json(str(write(tmp_path, text)))["elections"][0]
    brook = next(d for d in election["districts"] if d["district"] == "Brook")
    assert brook["seats"] == 1
    assert {p["seat_share"] for p in brook["allocations"][0]["parties"]} == {0.0}


# --- 2. the subtitle names the chamber's office, not its first race's ---------------------------

OFFICES = (
    "office,candidate,party,votes\n"
    "State Representative 1st District,Ann,Red,100\n"
    "State Representative 1st District,Bob,Blue,80\n"
    "State Representative 2nd District,Cal,Red,70\n"
    "State Representative 2nd District,Dee,Blue,90\n"
    "State Representative 3rd District,Eve,Red,60\n"
    "State Representative 3rd District,Fay,Blue,50\n"
)


def test_the_subtitle_names_the_office_its_races_share(tmp_path):
    path = write(tmp_path, OFFICES)
    election = seats_json(str(path))["elections"][0]
    # By hand: the three races' offices share "State Representative"; none is the chamber's.
    assert election["office"] == "State Representative"
    table = invoke("seats", str(path)).stdout
    assert "1st District" not in table.splitlines()[1]
    assert table.splitlines()[1].startswith("State Representative")


def test_the_subtitle_invents_no_office_where_the_names_share_no_start(tmp_path):
    # One office by its seat numbers ("# District Representative"), but no common start to name.
    text = OFFICES.replace("State Representative 1st District", "1st District Representative")
    text = text.replace("State Representative 2nd District", "2nd District Representative")
    text = text.replace("State Representative 3rd District", "3rd District Representative")
    election = seats_json(str(write(tmp_path, text)))["elections"][0]
    assert election["office"] is None
