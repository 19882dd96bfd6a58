"""A file of a header and no data rows is told so, with its file and line, whatever its header
(columns that only their values would name, `County,Votes`, used to draw "no candidate column …;
check the header row and the delimiter"), as CSV, TSV or workbook; a lone line of figures is
said to have been read as the header."""

import json

import pytest

from conftest import engines_agree, invoke, write
from sheets import write_xlsx

NO_DATA = "the file has a header and no data rows under it"


@pytest.mark.parametrize(
    "header",
    [
        "candidate,party,votes",  # (already "no data rows": now the same words as the others)
        "County,Votes",  # no candidate column, said to check the header row
        "Name,Total",  # no votes column
        "Nome,Partito,Voti",  # a misspelt candidate column guessed
        "A,B,C",  # --wide suggested
    ],
)
def test_a_header_alone_is_said_to_have_no_data_rows(tmp_path, header):
    path = write(tmp_path, "# date: 2024-05-01\n" + header + "\n")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert result.stderr.startswith(f"pollcli: error: {path}:2: {NO_DATA}")
    checked = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    [problem] = checked["files"][0]["problems"]
    assert (problem["code"], problem["line"]) == ("no-rows", 2)


def test_a_tab_separated_header_alone(tmp_path):
    path = write(tmp_path, "Municipality\tVotes\r\n\r\n", "results.tsv")
    result = invoke("summary", str(path))
    assert result.stderr.startswith(f"pollcli: error: {path}:1: {NO_DATA}")


def test_a_sheet_of_a_header_alone(tmp_path):
    path = write_xlsx(tmp_path / "results.xlsx", {"Results": [["Municipality", "Votes"]]})
    result = invoke("summary", str(path))
    assert result.code == 1
    assert f"{path}[Results]:1: {NO_DATA}" in result.stderr


def test_a_lone_row_of_figures_is_said_to_be_read_as_the_header(tmp_path):
    path = write(tmp_path, "Ana Lee,Blue,120\n")
    result = invoke("summary", str(path))
    assert result.stderr.startswith(
        f"pollcli: error: {path}:1: the file's only row is read as its header "
        "('Ana Lee', 'Blue', '120')"
    )
    assert "put a header line above it" in result.stderr


def test_both_engines_say_so(tmp_path, monkeypatch):
    path = write(tmp_path, "County,Precinct,Votes\n")
    _, problems = engines_agree(monkeypatch, path)
    assert [(p.code, p.line) for p in problems] == [("no-rows", 1)]
    assert problems[0].message.startswith(NO_DATA)
