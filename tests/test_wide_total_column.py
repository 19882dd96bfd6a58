"""Poland's 2006 local elections by commission (an R export: `teryt;nrk;PO;PSL;PiS;SLD;totalG`,
the four main committees' votes and every committee's total; a commission with no result has no
party figure). `totalG` was an option ("totalG leads with 55.55 %, a majority"): a total word glued
to a letter is a total now (camel case split, as `TOTAL_BOLETAS` is). And a total column's cell on
a row whose options are all blank was an option of its own (`totalG` with 0 votes, or with the
row's total); it is a total, set aside, and one that is not 0 is reported as differing from its
(absent) parts. (The file writes those blanks `NA`, an error in a wide table's vote cell: left.)

Oracle: pandas, each committee's column summed (blanks skipped)."""

import io

import pandas as pd

from conftest import engines_agree, write
from pollcli.read.total_words import says_total

PARTIES = ["PO", "PSL", "PiS", "SLD"]
TABLE = """teryt;nrk;PO;PSL;PiS;SLD;totalG
021604;7;239;26;182;89;649
041906;4;67;55;127;153;442
061604;7;120;30;90;39;323
041409;17;;;;;0
041410;1;;;;;300
"""


def oracle(text: str) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype={"teryt": str})
    return {p: int(frame[p].sum()) for p in PARTIES}


def test_a_total_column_named_total_glued_to_a_letter(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE, "pl_ws2006_komisje.csv")
    (election,), problems = engines_agree(monkeypatch, path, id_columns=("teryt", "nrk"))
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in election.options} == oracle(TABLE)
    # The 300 of a row with no party's figure is reported, not counted.
    assert any(p.code == "total-mismatch" and p.line == 6 for p in problems)


def test_camel_case_total_words():
    assert says_total("totalG") and says_total("totalVotos") and says_total("TotalVotes")
    assert not says_total("PiS") and not says_total("Totalitarians") and not says_total("TOTALG")


def test_na_cells_are_no_figures(tmp_path, monkeypatch):
    # The file as published writes a commission of no result `NA` in every party column.
    text = TABLE.replace(";;;;;", ";NA;NA;NA;NA;")
    path = write(tmp_path, text, "pl_ws2006_komisje.csv")
    (election,), problems = engines_agree(monkeypatch, path, id_columns=("teryt", "nrk"))
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in election.options} == oracle(TABLE)


def test_code_columns_with_na_are_no_options(tmp_path, monkeypatch):
    # Taiwan's CEC table of area codes (trial 13's tw22_T1.csv): `NA` had refused it; read as
    # blanks, its glued and camel-case code columns (`TOWNCODE`, `prvCode`) were summed as votes
    # ("TOWNCODE leads with 99.86 %"). They name the rows: the table holds no votes.
    text = (
        '"prvCode","cityCode","deptCode","TOWNCODE","COUNTYCODE","COUNTYNAME","TOWNNAME"\n'
        '"09","007",NA,"","09007","連江縣",NA\n'
        '"09","007","010","09007010","09007","連江縣","南竿鄉"\n'
        '"09","007","020","09007020","09007","連江縣","北竿鄉"\n'
    )
    path = write(tmp_path, text, "tw22_T1.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not elections
    assert [p for p in problems if p.severity == "error"]
