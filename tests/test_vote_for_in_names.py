"""Publishers write the members a race elects into its office's name: Kentucky's Jefferson County
(`SOIL AND WATER (Vote For 4)`, `ANCHORAGE COUNCIL (Vote For 6)`), Florida's counties (`Barefoot
Bay Recreation District (Vote For 3)`), New York's, Colorado's, Texas's (`(Vote for 3)`), Arizona's
county exports (`CITY OF KINGMAN COUNCIL MEMBER (ELECT 3)`, `CENTRAL ARIZONA WATER BOARD (SELECT
4)`, `(ELECT THREE)`). Read as races of one seat, each named its leader the winner "by first past
the post" and measured the margin between the first two: Brevard 2018's Barefoot Bay race, "Randy
Loveland leads … margin 92 votes", where three are elected; 80 such races in Jefferson 2012 (trial 12).

The name states the number: the race elects its top N (`Election.named_seats`), as New Hampshire's
"BE 02 (4)" does. Both engines.

Figures invented, the layouts are the files'; oracle: pandas over the fixture, each race's top N.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read.seatnames import seats_named

KY = """county,precinct,office,district,party,candidate,votes
Jefferson,A105,SOIL AND WATER (Vote For 4),,,Calvin SHAKE,163
Jefferson,A105,SOIL AND WATER (Vote For 4),,,Guy A. RAYMOND,120
Jefferson,A105,SOIL AND WATER (Vote For 4),,,Ann BELL,110
Jefferson,A105,SOIL AND WATER (Vote For 4),,,Jo CARR,90
Jefferson,A105,SOIL AND WATER (Vote For 4),,,Al DUNN,85
Jefferson,A105,SOIL AND WATER (Vote For 4),,,Bo EVANS,40
Jefferson,A107,SOIL AND WATER (Vote For 4),,,Calvin SHAKE,79
Jefferson,A107,SOIL AND WATER (Vote For 4),,,Guy A. RAYMOND,80
Jefferson,A107,SOIL AND WATER (Vote For 4),,,Ann BELL,60
Jefferson,A107,SOIL AND WATER (Vote For 4),,,Jo CARR,50
Jefferson,A107,SOIL AND WATER (Vote For 4),,,Al DUNN,70
Jefferson,A107,SOIL AND WATER (Vote For 4),,,Bo EVANS,30
Jefferson,A105,U.S. House,3,DEM,John YARMUTH,400
Jefferson,A105,U.S. House,3,REP,Brooks WICKER,300
Jefferson,A107,U.S. House,3,DEM,John YARMUTH,350
Jefferson,A107,U.S. House,3,REP,Brooks WICKER,320
"""
FL = """county,precinct,office,district,party,candidate,votes
Brevard,304,Barefoot Bay Recreation District (Vote For 3),,NOP,Randy Loveland,1547
Brevard,304,Barefoot Bay Recreation District (Vote For 3),,NOP,Joseph B. Klosky,1455
Brevard,304,Barefoot Bay Recreation District (Vote For 3),,NOP,Luann E. Henderson,1376
Brevard,304,Barefoot Bay Recreation District (Vote For 3),,NOP,Frank Cavaliere,1326
Brevard,304,Barefoot Bay Recreation District (Vote For 3),,,UnderVotes,1720
Brevard,304,Barefoot Bay Recreation District (Vote For 3),,,OverVotes,15
Brevard,304,U.S. Senate,,REP,Rick Scott,2400
Brevard,304,U.S. Senate,,DEM,Bill Nelson,2100
"""
AZ = """precinct_id,precinct_name,race_id,race,candidate_id,candidate,count
501,01 KINGMAN,81,CITY OF KINGMAN COUNCIL MEMBER (ELECT 3),1,"MILES, JENNEE",1156
501,01 KINGMAN,81,CITY OF KINGMAN COUNCIL MEMBER (ELECT 3),2,"ABRAM, MARK",1133
501,01 KINGMAN,81,CITY OF KINGMAN COUNCIL MEMBER (ELECT 3),3,"SIMMONS, KENT T.",629
501,01 KINGMAN,81,CITY OF KINGMAN COUNCIL MEMBER (ELECT 3),4,"YOCUM, STUART",599
502,02 KINGMAN,81,CITY OF KINGMAN COUNCIL MEMBER (ELECT 3),1,"MILES, JENNEE",1000
502,02 KINGMAN,81,CITY OF KINGMAN COUNCIL MEMBER (ELECT 3),2,"ABRAM, MARK",1000
502,02 KINGMAN,81,CITY OF KINGMAN COUNCIL MEMBER (ELECT 3),3,"SIMMONS, KENT T.",1000
502,02 KINGMAN,81,CITY OF KINGMAN COUNCIL MEMBER (ELECT 3),4,"YOCUM, STUART",1000
501,01 KINGMAN,630,CENTRAL ARIZONA WATER BOARD (SELECT 2),5,"LEE, ANN",300
501,01 KINGMAN,630,CENTRAL ARIZONA WATER BOARD (SELECT 2),6,"ROE, BEN",200
501,01 KINGMAN,630,CENTRAL ARIZONA WATER BOARD (SELECT 2),7,"DOE, CY",100
501,01 KINGMAN,640,MOHAVE HOSPITAL BOARD (ELECT TWO),8,"KIM, AL",40
501,01 KINGMAN,640,MOHAVE HOSPITAL BOARD (ELECT TWO),9,"WU, BO",30
501,01 KINGMAN,640,MOHAVE HOSPITAL BOARD (ELECT TWO),10,"OX, CAL",20
"""


@pytest.mark.parametrize(
    ("name", "seats"),
    [
        ("SOIL AND WATER (Vote For 4)", 4),
        ("STATE SUPREME COURT JUSTICE (VOTE FOR 4)", 4),
        ("Town of Parker Councilmember (Vote for 3)", 3),
        ("CITY OF KINGMAN COUNCIL MEMBER (ELECT 3)", 3),
        ("CENTRAL ARIZONA WATER BOARD (SELECT 4)", 4),
        ("MOHAVE HOSPITAL BOARD (ELECT THREE)", 3),
        ("Council (Vote for not more than 2)", 2),
        ("STATE REP. - DIST. 5 (AEL) (ELECT 2)", 2),
        ("Judge (Vote For 1)", 1),
        ("City Council District 5", None),
        ("Proposition 2 (Bond election)", None),
    ],
)
def test_the_number_a_name_states(name: str, seats: int | None) -> None:
    assert seats_named({"office": name}) == seats
    assert seats_named({"office": "State House", "district": "BE 02 (4)"}) == 4


def _oracle(text: str, race: str, name: str, votes: str) -> dict[str, tuple[int, dict[str, int]]]:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame[votes] = frame[votes].astype(int)
    out = {}
    for key, group in frame.groupby(race):
        sums = group.groupby(name)[votes].sum().sort_values(ascending=False, kind="stable")
        out[str(key)] = (len(group[race]), {str(k): int(v) for k, v in sums.items()})
    return out


@pytest.mark.parametrize(
    ("text", "file_name", "race", "seats"),
    [
        (KY, "20121106__ky__general__jefferson__precinct.csv", "office", {"SOIL AND WATER": 4}),
        (FL, "20181106__fl__general__brevard__precinct.csv", "office", {"Barefoot": 3}),
        (
            AZ,
            "20140826__az__primary__mohave__precinct.csv",
            "race",
            {"KINGMAN": 3, "WATER": 2, "HOSPITAL": 2},
        ),
    ],
)
def test_the_race_elects_the_number_its_name_states(
    tmp_path, monkeypatch, text, file_name, race, seats
) -> None:
    path = write(tmp_path, text, file_name)
    elections, _problems = engines_agree(monkeypatch, path)
    found = {e.facts.election: e for e in elections}
    for word, number in seats.items():
        election = next(e for name, e in found.items() if word in name)
        assert election.seats == number, election.facts.election
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    votes = "count" if "count" in text.splitlines()[0].split(",") else "votes"
    for name, (_rows, sums) in _oracle(text, race, "candidate", votes).items():
        number = next((n for word, n in seats.items() if word in name), 1)
        people = [c for c in sums if c not in ("UnderVotes", "OverVotes")]
        entry = next(e for key, e in races.items() if key.startswith(name))
        assert {r["candidate"]: r["votes"] for r in entry["results"]} == sums
        if number > 1:
            assert entry["seats"] == number and entry["elected"] == people[:number]
            third, fourth = sums[people[number - 1]], sums[people[number]]
            assert entry["margin"]["votes"] == third - fourth
        else:
            assert "seats" not in entry and entry["leader"]["candidate"] == people[0]


def test_a_number_in_words(tmp_path) -> None:
    path = write(tmp_path, AZ, "20140826__az__primary__mohave__precinct.csv")
    result = invoke("summary", str(path), "--format", "json")
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    hospital = next(e for name, e in races.items() if "HOSPITAL" in name)
    assert hospital["seats"] == 2 and hospital["elected"] == ["KIM, AL", "WU, BO"]
