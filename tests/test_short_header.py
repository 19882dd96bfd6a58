"""A header one cell short of its rows (PKW's 2018 mayoral results as a repository holds them:
`tura;teryt;nrk;kto;wiek;miasto;glosy;glosyp;glosyn;wynik`, ten names over rows of eleven cells, the
education column unnamed). Each row's one comma (`Bolesławiec,`) made the lines look like a table
of two columns split by commas under a title line, and the advice was "the header seems to start
on line 13: pass --header-line 13"; followed, "line 13 holds figures, not a header"; and --columns
of eleven names, "this first row of data has 10 cells". Read by `;`, every row was an error of its
own. Now one message says the header has fewer cells than its rows, on the header's line; nothing
is read (which column the header leaves unnamed, pollcli cannot tell)."""

import json

import pandas as pd
import pytest

from conftest import invoke, write

HEADER = "round;code;no;candidate;age;town;votes;pct;against;elected\n"
ROWS = [
    f"1;{code:06d};{n};SURNAME{n} Given;{40 + n};higher;Town{code % 7},;{100 * n + 7};"
    f"{10.5 + n:.2f};-1;{'Yes' if n == 1 else 'No'}\n"
    for code in range(20101, 20131)
    for n in (1, 2, 3)
]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_header_a_cell_short_is_one_message_on_its_line(tmp_path, engine):
    path = write(tmp_path, HEADER + "".join(ROWS), "pl_mayors.csv")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code != 0
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, result.stderr
    assert (
        "pl_mayors.csv:1: the header has 10 cells (split by ';') but the rows below have 11"
        in (errors[0])
    )
    assert "--header-line" not in result.stderr


def test_a_header_of_as_many_cells_reads(tmp_path):
    # Named in full, the header is line 1 and `;` the delimiter, a comma in each row or not; and
    # so with a few rows a cell too long (`test_a_few_long_rows_are_each_told`).
    header = HEADER.replace("age;", "age;education;")
    path = write(tmp_path, header + "".join(ROWS))
    result = invoke("summary", str(path), "--race-by", "code", "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    frame = pd.read_csv(path, sep=";", dtype={"code": str})
    assert len(races) == frame["code"].nunique() == 30
    for code, rows in frame.groupby("code"):
        assert {r["candidate"]: r["votes"] for r in races[code]["results"]} == dict(
            zip(rows["candidate"], rows["votes"], strict=True)
        )


def test_a_few_long_rows_are_each_told(tmp_path):
    # Two rows of ninety a cell too long are those rows' errors, as before.
    header = HEADER.replace("age;", "age;education;")
    rows = list(ROWS)
    rows[4] = rows[4].replace("higher;", "higher;x;")
    rows[9] = rows[9].replace("higher;", "higher;x;")
    result = invoke("summary", str(write(tmp_path, header + "".join(rows))), "--race-by", "code")
    assert ":6: 12 cells but the header has 11" in result.stderr
    assert "the header has 11 cells" not in result.stderr


def _scraped(n: int) -> str:
    # Invented records in go2senkyo's layout: quoted cells over several lines, a turnout written
    # `67.9％` (a full-width percent sign), the votes `1,234 票` (票: votes).
    return (
        f'Pref{n},"\n   Town{n} mayoral election\n\n   (2019-01-13)\n","\n   (2019-01-13)\n",'
        f'"\n     {50 + n}.5％\n",Name{n},"\n{1000 + n:,} 票\n"\n'
    )


def test_a_figure_with_a_percent_sign_is_no_header_label(tmp_path):
    # Japan's go2senkyo scrape (`prefecture,election_name,…,vote_rate,…,winner_votes`): a turnout
    # cell `67.9％` was read as a share column's label, and the advice was "the header seems to
    # start on line 22" (record 2's first line), then "on line 42", down the file.
    header = "prefecture,election_name,vote_date,vote_rate,winner_name,winner_votes\n"
    path = write(tmp_path, header + "".join(_scraped(n) for n in range(1, 8)), "jp_local.csv")
    result = invoke("summary", str(path))
    assert result.code != 0
    assert "--header-line" not in result.stderr, result.stderr
