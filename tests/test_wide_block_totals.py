"""The Bundeswahlleiter's 1949 table by Wahlkreis (`btw1949_kerg.csv`): each Land's row follows its
Wahlkreise (`901;Schleswig-Holstein;SH;…`), the Bundesgebiet's is last, no code, word or parent
column tells them, and the header ends with empty cells (`…;RWVP;;;;`) that some rows have and
others do not. Read with the advice it is given (`--header-line 6-7 --wide`), its rows short of
those empty columns were errors ("22 cells but the header has 39; add the missing cells"), and
without them every vote was counted three times (SPD 20,804,925 for 6,934,975). Now a row short
only of columns with no header is padded, and rows that each close a block of two rows or more
with its sum in every option's column, blocks covering the table, are its totals, with a last row
holding the sum of theirs the total of all.

Oracle: pandas, each party's column summed over the Wahlkreise (codes below 900)."""

import io

import pandas as pd

from conftest import engines_agree, write

TABLE = """Wahlkreis;Name;Land;Wahlberechtigte;Wähler;Ungültige;Gültige;SPD;CDU;FDP;;;
001;Husum;SH;1000;900;10;890;400;300;190;;;
002;Flensburg;SH;1100;950;20;930;500;200;230
003;Kiel;SH;1200;1000;30;970;450;320;200
901;Schleswig-Holstein;SH;3300;2850;60;2790;1350;820;620
010;Bremen-Ost;HB;800;700;5;695;300;250;145
011;Bremen-West;HB;900;800;5;795;350;300;145
904;Bremen;HB;1700;1500;10;1490;650;550;290
999;Bundesgebiet;BUND;5000;4350;70;4280;2000;1370;910
"""
PARTIES = ["SPD", "CDU", "FDP"]


def test_land_rows_and_the_last_row_are_totals(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE, "btw1949_kerg.csv")
    (election,), problems = engines_agree(monkeypatch, path, wide=True)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(TABLE), sep=";", dtype={"Wahlkreis": str})
    leaves = frame[frame["Wahlkreis"].astype(int) < 900]
    assert {o.candidate: o.votes for o in election.options} == {
        p: int(leaves[p].sum()) for p in PARTIES
    }
    assert election.facts.registered == leaves["Wahlberechtigte"].sum()
    totals = [p for p in problems if p.code == "total-row"]
    assert totals


def test_rows_that_add_up_by_chance_in_one_place_are_no_totals(tmp_path, monkeypatch):
    # One block closes with its sum, but the rows after it close none: no total is told.
    text = "\n".join(TABLE.splitlines()[:5] + TABLE.splitlines()[5:7]) + "\n"
    path = write(tmp_path, text, "btw1949_kerg.csv")
    (election,), _ = engines_agree(monkeypatch, path, wide=True)
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype={"Wahlkreis": str})
    assert {o.candidate: o.votes for o in election.options} == {
        p: int(frame[p].sum()) for p in PARTIES
    }
