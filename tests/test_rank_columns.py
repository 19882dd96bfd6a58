"""A table of one row per candidate whose votes column pollcli does not know, read as a wide table:
a list rank (`Sijoitus listalla`) and a D'Hondt comparison number (`Vertailuluku`) beside the votes
are no options, and a table they would be options of is refused with how to read it, never led by
one of them; no advice moves the votes column into the rows' names.

Newuser trial 28: HS-Datadesk's Finnish regional-election candidate table
(`Äänestysalue,Etunimi,Sukunimi,Puolue,Kotikunta,Valittiinko,Äänimäärä,Vertailuluku,Sijoitus
listalla`: area, first name, surname, party, home town, elected?, votes, comparison number, list
rank). pollcli advised `--id-columns …,Äänimäärä` (moving the votes into the rows' names) and, so
told, said "Vertailuluku leads with 70.70 % … wins outright"; a table of it with no two rows named
alike said so by default. Names and figures invented, the layout is the file's; the oracle for the
reading the advice leads to is pandas' sums by candidate.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

HEADER = "Äänestysalue,Etunimi,Sukunimi,Puolue,Äänimäärä,Vertailuluku,Sijoitus listalla\n"
ROWS = (
    "Ala,Aino,Aalto,SDP,1200,1500,1\n"
    "Ala,Bertta,Berg,KOK,900,900,1\n"
    "Ala,Cilla,Aalto,SDP,300,750,2\n"
    "Yla,Dani,Dahl,KESK,700,700,1\n"
    "Yla,Eero,Ek,KESK,20,350,2\n"
    "Yla,Fanni,Fors,SDP,410,410,1\n"
)
# Two rows of one area, name and party (namesakes, as the real file has): the rows named alike.
NAMESAKES = ROWS + "Yla,Dani,Dahl,KESK,15,233,3\n"


def _errors(problems):
    return [p.message for p in problems if p.severity == "error"]


@pytest.mark.parametrize("text", [ROWS, NAMESAKES], ids=["plain", "namesakes"])
def test_a_rank_and_a_comparison_number_are_no_options(tmp_path, monkeypatch, text):
    path = write(tmp_path, HEADER + text)
    elections, problems = engines_agree(monkeypatch, path)
    assert elections == []
    (error,) = _errors(problems)
    assert "'Sijoitus listalla' (a rank)" in error
    assert "'Vertailuluku' (a comparison number)" in error
    assert "--id-columns" not in error  # (the votes column is never moved into the names)
    # Leaving them out would leave one option, the votes, to win with every vote: not offered.
    assert "--ignore-column" not in error


def test_summary_names_no_leader(tmp_path):
    path = write(tmp_path, HEADER + ROWS)
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "leads" not in result.stdout and "wins" not in result.stdout


def test_the_old_advice_followed_is_refused_too(tmp_path):
    # `--id-columns …,Äänimäärä`: "Vertailuluku … wins outright" before.
    path = write(tmp_path, HEADER + NAMESAKES)
    names = "Äänestysalue,Etunimi,Sukunimi,Puolue,Äänimäärä"
    result = invoke("summary", str(path), "--id-columns", names)
    assert result.code != 0
    assert "wins outright" not in result.stdout
    assert "a comparison number" in result.stderr


def test_the_advice_followed_reads_the_candidates(tmp_path):
    # The error says: name the candidate's columns, the party's and the votes' (renamed headers).
    renamed = "district,first_name,last_name,party,votes,Vertailuluku,Sijoitus listalla\n"
    path = write(tmp_path, renamed + ROWS)
    result = invoke("summary", str(path), "--format", "json", "--race-by", "district")
    assert result.code == 0, result.stderr
    frame = pd.read_csv(io.StringIO(HEADER + ROWS))
    frame["name"] = frame["Etunimi"] + " " + frame["Sukunimi"]
    for race in __import__("json").loads(result.stdout)["elections"]:
        mine = frame[frame["Äänestysalue"] == race["election"]]
        expected = dict(zip(mine["name"], mine["Äänimäärä"], strict=True))
        assert {r["candidate"]: r["votes"] for r in race["results"]} == expected


def test_a_party_with_a_rank_word_in_a_longer_name_is_still_an_option(tmp_path, monkeypatch):
    # (A word inside a name is no header word: `Frank` is no rank.)
    path = write(tmp_path, "region,Frank Party,Other Party\nNorth,10,20\nSouth,30,5\n")
    (election,), problems = engines_agree(monkeypatch, path)
    assert not _errors(problems)
    assert {o.candidate: o.votes for o in election.options} == {
        "Frank Party": 40,
        "Other Party": 25,
    }


def test_no_advice_leaves_one_option_to_win_every_vote(tmp_path, monkeypatch):
    # Two columns of figures under words pollcli does not know, rows named alike: moving the first
    # into the names would leave the second the one option, winning with every vote.
    text = "alue,nimi,puolue,Luku,Muu\nAla,Aino,SDP,10,3\nAla,Aino,SDP,5,4\nYla,Bo,KOK,7,1\n"
    _, problems = engines_agree(monkeypatch, write(tmp_path, text))
    (error,) = _errors(problems)
    assert "named as an earlier row is" in error
    assert "--id-columns 'alue,nimi,puolue,Luku'" not in error
    assert "name the columns that tell them apart with --id-columns COL,…" in error
