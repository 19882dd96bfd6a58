"""The notes of a seats-won column agree. Belgium's provincial councils of 1961 (`Parti,Nombre de
sièges,Nombre de voix,province,…`, all provinces under one election) said both "'Nombre de
sièges' cells are left unread: 'Socialist' won other seats in another place" and "the 'Nombre de
sièges' column … counts the seats each option won, read as the file gives them". A race whose
cells are left unread gets the first note alone; read a race per province, the second. Figures
invented in the layout; oracle: the file's own seats, by pandas."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write
from pollcli.read import ReadOptions

TABLE = (
    "Parti,Nombre de sièges,Nombre de voix,province,date,election\n"
    "Rouge,30.0,250000,Province Une,1961,conseils\n"
    "Bleu,20.0,180000,Province Une,1961,conseils\n"
    "Vert,4.0,40000,Province Une,1961,conseils\n"
    "AUTRE,,9000,Province Une,1961,conseils\n"
    "Rouge,25.0,200000,Provincie Twee,1961,conseils\n"
    "Bleu,28.0,210000,Provincie Twee,1961,conseils\n"
    "Vert,2.0,30000,Provincie Twee,1961,conseils\n"
    "ANDERE,,3000,Provincie Twee,1961,conseils\n"
)
READ = "counts the seats each option won"


def test_unread_seats_are_not_said_read(tmp_path, monkeypatch):
    (election,), _ = engines_agree(monkeypatch, write(tmp_path, TABLE, "be_prov.csv"))
    notes = " ".join(election.notes)
    assert "'Nombre de sièges' cells are left unread" in notes
    assert READ not in notes


def test_a_race_per_province_reads_them(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE, "be_prov.csv")
    options = ReadOptions(race_by=("province",))
    elections, _ = engines_agree(monkeypatch, path, read_options=options)
    assert len(elections) == 2
    frame = pd.read_csv(io.StringIO(TABLE)).dropna(subset=["Nombre de sièges"])
    for election in elections:
        notes = " ".join(election.notes)
        assert READ in notes and "left unread" not in notes
        place = frame[frame["province"] == election.facts.election]
        assert election.seats_won == {
            (party.casefold(), None): int(seats)
            for party, seats in zip(place["Parti"], place["Nombre de sièges"], strict=True)
        }
