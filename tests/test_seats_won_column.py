"""A column of the seats each list won, beside its votes: Belgium's federal results as
resultatselection writes them (`Parti,Nombre de sièges,Nombre de voix,circonscription-électorale,
date,election`; Antwerp 2019: N-VA 8 seats, Vlaams Belang 5, CD&V 3…). The column was not read and
the constituency column not known: after `--race-by`, each constituency was one seat, won by the
list that led ("Seats won: N-VA 4 of 10, PS 3, MR 2, ECOLO 1" for 150 seats in 11 constituencies).
Headed `seats`, the column was a wall of "seats is '1' here but '3' on line 2 … make them agree".
A seats column that differs from list to list within a race counts each list's seats won: the race
elects their sum, a party-list vote whose seats `pollcli seats` allocates; no list wins it alone.

Figures invented, the layout is the file's; oracle: pandas sums the seats column by constituency.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

FRENCH = """Parti,Nombre de sièges,Nombre de voix,circonscription-électorale
Alpha,3,5000,Circonscription du Nord
Beta,1,2000,Circonscription du Nord
Gamma,0,500,Circonscription du Nord
Alpha,1,1000,Circonscription du Sud
Beta,1,1100,Circonscription du Sud
Gamma,0,300,Circonscription du Sud
"""
ENGLISH = FRENCH.replace(
    "Parti,Nombre de sièges,Nombre de voix,circonscription-électorale",
    "party,seats,votes,constituency",
)


@pytest.mark.parametrize("text", [FRENCH, ENGLISH], ids=["french", "english"])
def test_a_race_elects_the_seats_its_lists_won(tmp_path, monkeypatch, text):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(text))
    place, seats = frame.columns[3], frame.columns[1]
    want = {str(k): int(v) for k, v in frame.groupby(place)[seats].sum().items()}
    assert {e.race.name: e.facts.seats for e in elections} == want


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize("text", [FRENCH, ENGLISH], ids=["french", "english"])
def test_no_list_wins_a_race_of_several_seats_alone(tmp_path, monkeypatch, engine, text):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    done = invoke("summary", str(write(tmp_path, text)), "-f", "json")
    assert done.code == 0, done.stderr
    notes = [n for e in json.loads(done.stdout)["elections"] for n in e["notes"]]
    assert (
        "Party-list vote: 4 seats go to the lists, not to a runoff; pollcli seats allocates them."
        in notes
    )
    assert not [n for n in notes if "wins the seat" in n]


# Belgium's West Flanders: many lists near an even share, the seats they won beside them, and the
# year of the vote in a `date` column. Was: "1 race(s) have many candidates sharing the votes
# nearly evenly … do not say how many members they elect" (they do: 8 here), and on every race
# "date '2019' is not in ISO form; write YYYY-MM-DD".
EVEN = """Parti,Nombre de sièges,Nombre de voix,circonscription-électorale,date,election
Alpha,2,1700,Circonscription de l'Ouest,2019,chambre
Beta,2,1600,Circonscription de l'Ouest,2019,chambre
Gamma,1,1300,Circonscription de l'Ouest,2019,chambre
Delta,1,1200,Circonscription de l'Ouest,2019,chambre
Epsilon,1,1100,Circonscription de l'Ouest,2019,chambre
Zeta,1,1000,Circonscription de l'Ouest,2019,chambre
Eta,0,900,Circonscription de l'Ouest,2019,chambre
Theta,0,800,Circonscription de l'Ouest,2019,chambre
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_many_even_lists_of_stated_seats_and_a_year_for_a_date(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    done = invoke("summary", str(write(tmp_path, EVEN)), "-f", "json")
    assert done.code == 0, done.stderr
    assert "sharing the votes nearly evenly" not in done.stderr
    (race,) = json.loads(done.stdout)["elections"]
    assert race["date"] is None
    assert (
        "Party-list vote: 8 seats go to the lists, not to a runoff; pollcli seats allocates them."
        in race["notes"]
    )
    assert any("'date' column is left unused" in n and "'2019'" in n for n in race["notes"])
    assert race["results"][0]["votes"] == int(
        pd.read_csv(io.StringIO(EVEN))["Nombre de voix"].max()
    )


# Belgium's council and European files: the seats as pandas writes a column of floats (`4.0`), and
# the European `collège-électoral` (each college a race). Was: "seats is '15.0' here but '4.0' on
# line 2 … make them agree" on every row, and the colleges one race of lists "listed again".
COLLEGES = """Parti,Nombre de sièges,Nombre de voix,collège-électoral
Alpha,2.0,48000,Collège électoral français
Beta,1.0,21000,Collège électoral français
Gamma,0.0,9000,Collège électoral français
Alpha,1.0,30000,Collège électoral néerlandais
Delta,3.0,90000,Collège électoral néerlandais
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_seats_written_as_floats_in_colleges(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    done = invoke("summary", str(write(tmp_path, COLLEGES)), "-f", "json")
    assert done.code == 0, done.stderr
    frame = pd.read_csv(io.StringIO(COLLEGES))
    want = frame.groupby("collège-électoral")["Nombre de sièges"].sum().astype(int).to_dict()
    notes = {e["election"]: e["notes"] for e in json.loads(done.stdout)["elections"]}
    assert set(notes) == set(want)
    for college, seats in want.items():
        said = f"Party-list vote: {seats} seats go to the lists, not to a runoff; pollcli seats allocates them."
        assert said in notes[college]


# A race's seats on every row, typed wrong once, is no column of seats won: the error stands.
TYPO = """party,seats,votes,constituency
Alpha,4,5000,Nord
Beta,4,2000,Nord
Gamma,5,500,Nord
"""


def test_a_race_seats_typed_wrong_once_is_still_an_error(tmp_path):
    done = invoke("summary", str(write(tmp_path, TYPO)))
    assert done.code == 1
    assert "seats is '5' here but '4' on line 2" in done.stderr


# ParlGov's `view_election.csv`: every country's elections in one file (some 900), each party's
# `seats` won beside its `vote_share`. Before --race-by the file is one race listing each party
# again: its seats summed were "seats '177387' must be a whole number from 1 to 100,000". The
# repeated parties' errors say what to do; after --race-by each election elects the seats its
# parties won. Invented: 700 elections of one country, 200 seats each.
PARLGOV = "country_name,election_type,election_date,vote_share,seats,party_name\n" + "".join(
    f"Aland,parliament,{1300 + n}-03-30,{share},{seats},{party}\n"
    for n in range(700)
    for share, seats, party in (
        (44.4, 120, "Prot Party"),
        (34.2, 80, "Trade Party"),
        (21.4, 0, "Labour"),
    )
)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_one_race_of_many_elections_says_how_to_split_it(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, PARLGOV)
    done = invoke("summary", str(path))
    assert done.code == 1
    assert "seats" not in done.stderr
    assert "--race-by election_date" in done.stderr
    split = invoke("summary", str(path), "--race-by", "election_date", "-f", "json")
    assert split.code == 0, split.stderr
    frame = pd.read_csv(io.StringIO(PARLGOV))
    want = frame.groupby("election_date")["seats"].sum()
    races = {e["election"]: e["notes"] for e in json.loads(split.stdout)["elections"]}
    assert len(races) == len(want)
    for date, seats in want.items():
        said = f"Party-list vote: {seats} seats go to the lists, not to a runoff; pollcli seats allocates them."
        assert said in races[date]


# The lists' seats won in their constituency, given again on each municipality's row: counted once.
# Was: the race's seats the sum over its municipalities (Alpha's 3 seats twice: a race of 8).
PLACES = """Parti,Nombre de sièges,Nombre de voix,commune,circonscription-électorale
Alpha,3,3000,Aville,Circonscription du Nord
Beta,1,1200,Aville,Circonscription du Nord
Gamma,0,300,Aville,Circonscription du Nord
Alpha,3,2000,Bville,Circonscription du Nord
Beta,1,800,Bville,Circonscription du Nord
Gamma,0,200,Bville,Circonscription du Nord
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_seats_given_on_each_place_row_count_once(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    done = invoke("summary", str(write(tmp_path, PLACES)), "-f", "json")
    assert done.code == 0, done.stderr
    frame = pd.read_csv(io.StringIO(PLACES))
    seats = int(frame.drop_duplicates("Parti")["Nombre de sièges"].sum())
    (race,) = json.loads(done.stdout)["elections"]
    said = f"Party-list vote: {seats} seats go to the lists, not to a runoff; pollcli seats allocates them."
    assert said in race["notes"]
    assert race["results"][0]["votes"] == int(
        frame[frame["Parti"] == "Alpha"]["Nombre de voix"].sum()
    )
