"""Options named as electoral committees' lists (`KOMITET WYBORCZY …`, `KW …`, `Lista 3 …`, `Liste
…`) with no system given: a party-list vote, not races won by the most votes, so no seat is counted
as won, the findings say why and what reads it otherwise; `seats` asks for each district's seats.

Newuser trial 28: Poland's Sejm 2023 by gmina (PKW: one column per electoral committee, 41
multi-member okręgi), split by the advised `--race-by 'Nr okręgu'`, gave "Seats won: PiS 22 of 41,
KO 19 … first past the post, which pollcli assumed" (true: 460 seats by D'Hondt, PiS 194). Names
and figures invented, the layout is the file's; each okręg's shares held to pandas' sums.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

SEJM_LIKE = (
    "Gmina;Nr okręgu;KOMITET WYBORCZY A;KOALICYJNY KOMITET WYBORCZY B;KOMITET WYBORCZY WYBORCÓW C\n"
    "Alnowo;1;500;400;300\n"
    "Brzozy;1;120;80;95\n"
    "Cisowa;2;300;450;200\n"
    "Dębnik;3;600;100;350\n"
)
RACE_BY = ("--race-by", "Nr okręgu")


def _summary(path, *args):
    result = invoke("summary", str(path), *RACE_BY, *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_committees_lists_win_no_seat_by_plurality(tmp_path):
    document = _summary(write(tmp_path, SEJM_LIKE))
    tally = document["tally"]
    assert tally["won"] == 0 and tally["parties"] == []
    assert tally["undecided"] == 3 and tally["assumed_plurality"] == 0
    notes = " ".join(document["overview"]["notes"])
    assert "Seats won: none of the 3 is decided" in notes
    assert "party-list votes" in notes and "--system plurality" in notes
    frame = pd.read_csv(io.StringIO(SEJM_LIKE), sep=";")
    for election in document["elections"]:
        rows = frame[frame["Nr okręgu"].astype(str) == election["election"]]
        expected = {c: int(rows[c].sum()) for c in frame.columns[2:]}
        assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
        (said,) = [n for n in election["notes"] if "Party-list vote" in n]
        assert "as the options' names say" in said and "--system plurality" in said


def test_system_plurality_still_counts_each_leader(tmp_path):
    document = _summary(write(tmp_path, SEJM_LIKE), "--system", "plurality")
    won = {p["party"]: p["won"] for p in document["tally"]["parties"]}
    assert won == {"KOMITET WYBORCZY A": 2, "KOALICYJNY KOMITET WYBORCZY B": 1}


@pytest.mark.parametrize(
    "names",
    [
        ("KW Alfa", "KKW Beta", "KWW Gamma"),
        ("Lista 1 Alfa", "Lista 2 Beta", "Lista 3 Gamma"),
        ("Liste 1 Alfa", "Liste 2 Beta", "Liste 3 Gamma"),
    ],
)
def test_other_list_words(tmp_path, names):
    text = SEJM_LIKE.split("\n", 1)[1]
    header = "Gmina;Nr okręgu;" + ";".join(names) + "\n"
    document = _summary(write(tmp_path, header + text))
    assert document["tally"]["won"] == 0


def test_parties_by_constituency_stay_races_won(tmp_path):
    # The Commons' parties by constituency: each constituency elects one member, the most votes.
    text = SEJM_LIKE.replace("KOALICYJNY KOMITET WYBORCZY B", "Labour").replace(
        "KOMITET WYBORCZY WYBORCÓW C", "Liberal"
    )
    document = _summary(write(tmp_path, text))
    assert document["tally"]["won"] == 3


def test_seats_asks_each_districts_seats(tmp_path):
    result = invoke("seats", str(write(tmp_path, SEJM_LIKE)), *RACE_BY)
    assert result.code == 2
    assert "the options' names" in result.stderr and "--seats-file" in result.stderr
