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


GROUPED = """Wahlkreis;;Land;Wahlberechtigte;Gültige;Gültige;SPD;SPD;CDU;CDU;;
Nr.;Name;;;Erststimmen;Zweitstimmen;Erststimmen;Zweitstimmen;Erststimmen;Zweitstimmen;;
001;Husum;SH;1000;700;700;400;380;300;320;;
002;Kiel;SH;1100;700;700;500;450;200;250
901;Schleswig-Holstein;SH;2100;1400;1400;900;830;500;570
010;Bremen-Ost;HB;800;550;550;300;310;250;240
011;Bremen-West;HB;900;650;650;350;330;300;320
904;Bremen;HB;1700;1200;1200;650;640;550;560
999;Bundesgebiet;BUND;3800;2600;2600;1550;1470;1050;1130
"""


def test_rows_short_of_columns_with_no_group(tmp_path, monkeypatch):
    # The 1953 and 1965 tables: a header of two rows, ending with empty cells in both.
    path = write(tmp_path, GROUPED, "btw1953_kerg.csv")
    options = {"wide": True, "header_line": (1, 2)}
    elections, problems = engines_agree(monkeypatch, path, **options)
    assert not [p for p in problems if p.severity == "error"]
    votes = {
        e.facts.election.rsplit(" · ", 1)[-1]: {o.candidate: o.votes for o in e.options}
        for e in elections
    }
    assert votes == {
        "Erststimmen": {"SPD": 400 + 500 + 300 + 350, "CDU": 300 + 200 + 250 + 300},
        "Zweitstimmen": {"SPD": 380 + 450 + 310 + 330, "CDU": 320 + 250 + 240 + 320},
    }
