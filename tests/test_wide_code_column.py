"""A wide table whose rows no column names, and whose first option column holds a different whole
number in every row, rising line by line, is refused: that column is a code naming the rows, not
an option's votes (trial 13). Main read Taiwan's seats by party (readr-media's
`congress_partyresult_2020.csv`: `partyUni,victorCount`, party codes 1, 15, 16, 74… beside the seats
each won) as two options, and said "partyUni leads with 99.19 % (4,162 votes)".

The files are written here in that layout with invented figures.
"""

from __future__ import annotations

import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

CODES = "partyUni,victorCount\n1,13\n15,0\n16,13\n74,0\n267,3\n350,5\n"


def test_a_rising_code_column_is_refused_with_the_id_columns_advice(tmp_path, monkeypatch):
    path = write(tmp_path, CODES)
    elections, problems = engines_agree(monkeypatch, path)
    assert elections == []
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1
    assert "'partyUni' holds a different whole number in every row" in errors[0].message
    assert "--id-columns 'partyUni'" in errors[0].message


def test_the_advice_reads_the_codes_as_the_rows_names(tmp_path, monkeypatch):
    path = write(tmp_path, CODES)
    elections, _ = engines_agree(
        monkeypatch, path, read_options=ReadOptions(wide=True, id_columns=("partyUni",))
    )
    assert [(o.candidate, o.votes) for o in elections[0].options] == [("victorCount", 34)]


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
