"""A header line that ends with a delimiter its rows do not have (the Polish Sejm 2019 district
file as a repository holds it: `…;"MN";` over rows of one cell fewer): one column too many, and
"34 cells but the header has 35" on every row, sent the user to edit 41 rows, not one header."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, invoke, write

LONG = "region;candidate;votes;\nNorth;Ann;120\nNorth;Bob;80\nSouth;Ann;60\nSouth;Bob;90\n"
WIDE = (
    '"Numer";"Nazwa";"PiS";"KO";"PSL";\n"1";"Okręg 1";"108";"25";""\n"2";"Okręg 2";"70";"";"13"\n'
)


def test_a_long_file_reads_as_its_rows_say(tmp_path, monkeypatch):
    path = write(tmp_path, LONG)
    [election], problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    oracle = pd.read_csv(io.StringIO(LONG), sep=";", index_col=False).groupby("candidate")["votes"]
    assert {o.candidate: o.votes for o in election.options} == oracle.sum().to_dict()
    assert any("ends with a delimiter that no row has" in n for n in election.notes)


def test_a_wide_file_reads_as_its_rows_say(tmp_path, monkeypatch):
    path = write(tmp_path, WIDE)
    [election], _ = engines_agree(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(WIDE), sep=";", index_col=False)
    assert {o.candidate: o.votes for o in election.options} == {
        p: int(frame[p].sum()) for p in ("PiS", "KO", "PSL")
    }


def test_rows_that_have_the_cell_keep_the_column(tmp_path):
    # The delimiter ends every row too: the empty column is the file's, as before (no note).
    text = "region,candidate,votes,\nNorth,Ann,120,\nNorth,Bob,80,\n"
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    assert "ends with a delimiter" not in result.stdout
