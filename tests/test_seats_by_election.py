"""Tables of seats, not votes (session 26's trial): a table of each party's seats per election
(Denmark's `dk_seats.csv`: `year,date,party_s,party_rv,…,independents,total`, 175 in every row's
total) read with `--race-by date` gave 26 elections "led" by the Social Democrats "with 74 votes".
A wide table whose headers say seats, or whose every row adds up to one figure, is refused saying
it holds seats. Files: invented, in those layouts."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

# Seats per party per election, R's `NA` where a party did not stand; each row adds up to 101.
SEATS_BY_ELECTION = """year,date,party_a,party_b,party_c,party_d,independents,total
2001,2001-05-01,50,40,NA,11,0,101
2005,2005-05-03,45,44,12,NA,0,101
2009,2009-05-05,60,30,NA,10,1,101
2013,2013-06-11,38,41,22,NA,0,101
"""


@pytest.mark.parametrize("flags", [(), ("--race-by", "date"), ("--format", "json")])
def test_a_table_of_seats_per_election_is_refused_as_seats(tmp_path, flags):
    path = write(tmp_path, SEATS_BY_ELECTION, "seats.csv")
    result = invoke("summary", str(path), *flags)
    assert result.code == 1, result.stdout
    assert "the options add up to 101 in every row (4 rows)" in result.stderr
    assert "a table of seats won, most likely" in result.stderr
    assert "leads" not in result.stdout and "votes" not in result.stdout


def test_columns_headed_seats_are_refused_as_seats(tmp_path):
    text = "year,seats_a,seats_b,seats_c\n2001,50,40,11\n2005,45,44,13\n"
    result = invoke("summary", str(write(tmp_path, text, "parliament.csv")))
    assert result.code == 1, result.stdout
    assert "'seats_a', 'seats_b', 'seats_c' hold seats, not votes" in result.stderr


def test_the_users_id_columns_read_them_as_votes(tmp_path):
    # The way out the error names: --wide --id-columns is the user's word that they are votes.
    path = write(tmp_path, SEATS_BY_ELECTION, "seats.csv")
    result = invoke(
        "summary", str(path), "--wide", "--id-columns", "year,date", "--race-by", "date"
    )
    assert result.code == 0, result.stderr


def test_votes_whose_rows_differ_are_read_as_before(tmp_path):
    # The same layout with one row's sum off by one: votes, as before. Oracle: the cells by hand.
    text = SEATS_BY_ELECTION.replace("60,30,NA,10,1,101", "60,30,NA,10,2,102")
    result = invoke("summary", str(write(tmp_path, text, "votes.csv")), "--race-by", "date")
    assert result.code == 0, result.stderr
    assert "2009-05-05" in result.stdout


@pytest.mark.parametrize("column", ["seats", "mandates"])
def test_a_long_table_of_seats_alone_says_it_holds_seats(tmp_path, column):
    # A row per party with its seats and no votes: refused, as before, saying what it holds.
    text = f"constituency,party,{column}\nNorth,Red,3\nNorth,Blue,2\nSouth,Red,1\nSouth,Blue,4\n"
    result = invoke("summary", str(write(tmp_path, text, "seats.csv")))
    assert result.code == 1, result.stdout
    assert f"its {column!r} column counts seats: a table of seats won" in result.stderr


def test_rows_of_one_hundred_are_said_to_be_percentages(tmp_path):
    # Each row's percentages (a poll's), no votes: refused, never "a table of seats won".
    text = "poll,date,Red,Blue,Green\nA,2024-01-01,40,35,25\nB,2024-01-08,42,33,25\n"
    text += "C,2024-01-15,41,36,23\n"
    result = invoke("summary", str(write(tmp_path, text, "polls.csv")), "--race-by", "poll")
    assert result.code == 1, result.stdout
    assert "the options add up to 100 in every row (3 rows): percentages" in result.stderr
    assert "seats won" not in result.stderr


def test_seats_columns_beside_votes_name_the_flags_that_read_the_votes(tmp_path):
    # A wide table of each Wahlkreis' votes with each party's seats beside them: it holds an
    # election's result; the seats' columns alone are no votes. Was: 'the table looks like no
    # election result' and a generic '--ignore-column COL'.
    text = (
        "Wahlkreis,SPD,CDU,Gruene,Sitze SPD,Sitze CDU,Sitze Gruene\n"
        "Nord,5000,4000,1000,3,2,1\nSued,3000,6000,2000,1,3,1\nOst,4500,4200,900,2,2,0\n"
    )
    path = str(write(tmp_path, text, "wk.csv"))
    result = invoke("summary", path)
    assert result.code == 1
    said = " ".join(result.stderr.split())
    assert "looks like no election result" not in said
    assert "beside the votes of 'SPD', 'CDU', 'Gruene'" in said
    flags = "--ignore-column 'Sitze SPD' --ignore-column 'Sitze CDU' --ignore-column 'Sitze Gruene'"
    assert flags in said
    argv = ["--ignore-column", "Sitze SPD", "--ignore-column", "Sitze CDU"]
    done = invoke("summary", path, "-f", "json", *argv, "--ignore-column", "Sitze Gruene")
    assert done.code == 0, done.stderr
    votes = {r["candidate"]: r["votes"] for r in json.loads(done.stdout)["elections"][0]["results"]}
    assert votes == {"SPD": 12500, "CDU": 14200, "Gruene": 3900}  # (by hand: the rows added)


def test_a_bodys_votes_on_motions_are_no_seats(tmp_path):
    # A council of 150 voting on three motions, every member each time: the answers add up to
    # 150 in every row, and are votes (a measure's Yes and No win no seats). Was refused as 'a
    # fixed whole … a table of seats won, most likely', --race-by motion too.
    text = "motion,Yes,No,Abstain\nBudget 2026,80,60,10\nTransit levy,71,70,9\nPark bond,120,25,5\n"
    path = str(write(tmp_path, text, "motions.csv"))
    result = invoke("summary", path, "--race-by", "motion", "-f", "json")
    assert result.code == 0, result.stderr
    assert "seats" not in result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    levy = {r["candidate"]: r["votes"] for r in races["Transit levy"]["results"]}
    assert levy == {"Yes": 71, "No": 70, "Abstain": 9}


def test_a_party_whose_name_has_a_seat_word_is_a_party(tmp_path):
    # Spain's Escaños en Blanco ("Blank Seats", a party that stood in 2011–2016) beside PSOE, PP
    # and Podemos: refused since a747980 as "'Escaños en Blanco' holds seats, not votes … leave
    # it out, --ignore-column 'Escaños en Blanco'", advice that drops a party's votes (PSOE
    # 43.14 % of all four became 43.30 %). A seat word names a seats column where it stands
    # alone, beside a short suffix, or before another option's name (`Sitze SPD`); every option
    # headed by one is still a table of seats.
    import pandas as pd

    text = "Provincia,PSOE,PP,Podemos,Escaños en Blanco\n"
    text += "Madrid,900000,1200000,500000,9000\nBarcelona,800000,300000,400000,7000\n"
    text += "Sevilla,400000,250000,100000,2000\n"
    path = write(tmp_path, text, "es.csv")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    oracle = pd.read_csv(path).drop(columns="Provincia").sum()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == oracle.to_dict()
    assert election["leader"]["share"] == pytest.approx(100 * oracle["PSOE"] / oracle.sum())
    seats = "Provincia,Escaños PSOE,Escaños PP\nMadrid,12,15\nBarcelona,10,4\nSevilla,5,3\n"
    refused = invoke("summary", str(write(tmp_path, seats, "es_seats.csv")))
    assert refused.code == 1 and "hold seats, not votes" in refused.stderr
    # A seats column of the whole, or of a year, beside the parties' votes stays seats.
    for column in ("Escaños totales", "Seats 2019", "Total seats", "Seats won by PSOE"):
        text = f"Provincia,PSOE,PP,{column}\nMadrid,900000,1200000,37\nSevilla,400000,250000,12\n"
        result = invoke("summary", str(write(tmp_path, text, "es_total.csv")))
        assert result.code == 1 and f"{column!r} holds seats, not votes" in result.stderr, column
