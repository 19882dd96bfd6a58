"""A wide table whose rows no column names, and whose first option column holds a different whole
number in every row, rising line by line, is refused: that column is a code naming the rows, not
an option's votes (trial 13). Main read Taiwan's seats by party (readr-media's
`congress_partyresult_2020.csv`: `partyUni,victorCount`, party codes 1, 15, 16, 74… beside the seats
each won) as two options, and said "partyUni leads with 99.19 % (4,162 votes)". Its advice,
`--id-columns partyUni`, then read `victorCount` as one option's votes ("victorCount leads with
100.00 % (34 votes) … wins outright"): it is the members each party's list elected (34 in all, the
Legislative Yuan's list seats), a table of seats, which pollcli refuses as such, with or without
the flag. A code column beside options' votes keeps the `--id-columns` advice, which works.

The files are written here in that layout with invented figures.
"""

from __future__ import annotations

import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

CODES = "partyUni,victorCount\n1,13\n15,0\n16,13\n74,0\n267,3\n350,5\n"
# A code column beside two options' votes (invented: precincts numbered 3, 8, 12…).
VOTES = "n,Alpha,Beta\n3,120,80\n8,95,101\n12,40,66\n20,210,150\n31,75,75\n"


def test_a_rising_code_column_is_refused_with_the_id_columns_advice(tmp_path, monkeypatch):
    path = write(tmp_path, VOTES)
    elections, problems = engines_agree(monkeypatch, path)
    assert elections == []
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1
    assert "'n' holds a different whole number in every row" in errors[0].message
    assert "--id-columns 'n'" in errors[0].message


def test_the_advice_reads_the_codes_as_the_rows_names(tmp_path, monkeypatch):
    path = write(tmp_path, VOTES)
    elections, _ = engines_agree(
        monkeypatch, path, read_options=ReadOptions(wide=True, id_columns=("n",))
    )
    # By hand: Alpha 120 + 95 + 40 + 210 + 75 = 540, Beta 80 + 101 + 66 + 150 + 75 = 472.
    assert [(o.candidate, o.votes) for o in elections[0].options] == [
        ("Alpha", 540),
        ("Beta", 472),
    ]


def test_party_codes_beside_their_seats_are_a_table_of_seats(tmp_path, monkeypatch):
    """Taiwan's `partyUni,victorCount`: the seats each party won, no votes; refused as a table of
    seats, and no --id-columns advice (it read `victorCount` as one option's 34 votes)."""
    path = write(tmp_path, CODES)
    elections, problems = engines_agree(monkeypatch, path)
    assert elections == []
    (error,) = [p for p in problems if p.severity == "error"]
    assert "'partyUni' holds a different whole number in every row" in error.message
    assert "(each row's party, by number?)" in error.message
    assert "'victorCount' count seats, not votes" in error.message
    assert "--id-columns" not in error.message
    result = invoke("summary", str(path), "--wide", "--id-columns", "partyUni")
    assert result.code != 0 and "leads" not in result.stdout
    assert "'victorCount' count seats, not votes" in " ".join(result.stderr.split())


def test_the_cli_refuses_it_and_names_no_leader(tmp_path):
    path = write(tmp_path, CODES)
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "leads" not in result.stdout


@pytest.mark.parametrize(
    "text",
    [
        # Votes that do not rise in every row: a wide table of unnamed rows, read as before.
        "A,B\n10,5\n30,7\n20,9\n40,1\n50,3\n",
        # Too few rows to tell a code.
        "A,B\n1,5\n2,7\n3,9\n",
        # A column names the rows: the rising figures are votes.
        "region,A,B\nN,1,5\nE,2,7\nS,3,9\nW,4,1\nC,5,3\n",
    ],
)
def test_other_wide_tables_are_read_as_before(tmp_path, monkeypatch, text):
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path)
    assert elections, [p.message for p in problems]
    assert not [p for p in problems if p.severity == "error"]


# A long table of codes read as wide (the Czech statistical office's municipal results,
# `OKRES;KODZASTUP;NAZEVZAST;…;NAZEVCELK;…;HLASY_STR;…`: a district and a municipality code over the
# rows of each municipality's parties): main said "KODZASTUP leads with 98.39 %" (trial 17).
GROUPED = (
    "OKRES;KODZASTUP;NAZEVZAST;COBVODU;NAZEVCELK;HLASY_STR;MAND_STR\n"
    "7204;500011;Zelechovice;1;Hasici;1166;4\n"
    "7204;500011;Zelechovice;1;Nezavisli;7408;10\n"
    "7204;500011;Zelechovice;1;Obcane;85;0\n"
    "7105;500020;Petrov;1;Hasici;2044;6\n"
    "7105;500020;Petrov;1;Lide;1200;5\n"
    "7105;500020;Petrov;1;Obcane;90;0\n"
)


def test_a_code_over_runs_of_rows_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, GROUPED, "strany.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert elections == []
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, [p.message for p in errors]
    assert "'OKRES' holds one whole number over runs of rows" in errors[0].message
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "leads" not in result.stdout


@pytest.mark.parametrize(
    "text",
    [
        # Votes alike in a few rows (a run of 0s): read as before.
        "A,B\n0,5\n0,7\n0,9\n0,1\n12,3\n",
        # Votes that repeat, but not in runs.
        "A,B\n7,5\n7,7\n3,9\n7,1\n3,3\n3,4\n",
    ],
)
def test_votes_alike_in_some_rows_are_read_as_before(tmp_path, monkeypatch, text):
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path)
    assert elections, [p.message for p in problems]
    assert not [p for p in problems if p.severity == "error"]
