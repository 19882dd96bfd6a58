"""Races won by a candidate whose party the file does not give. The tally said "(no party)", which
reads as an independent's win (a party column of `IND`, `NP`), where the file gives no party at
all: "Races won by party: (no party) 2" for a file with no party column. Now a file that gives no
winner's party has no table of races won by party (it would say nothing), and the overview says
"Races won: 2 of 2, no winner's party given."; where some winners' parties are given, the others
are "party not given". JSON is as before (`party: null`). Invented files; counts by hand."""

import json

from conftest import invoke, write

NO_COLUMN = (
    "county,office,candidate,votes\n"
    "Alder,Mayor,Ann Vole,100\nAlder,Mayor,Bo Wren,80\n"
    "Alder,Clerk,Cy Lark,70\nAlder,Clerk,Di Teal,60\n"
    "Alder,Sheriff,Ed Fox,50\nAlder,Sheriff,Fa Gull,50\n"
)
SOME_BLANK = (
    "county,office,party,candidate,votes\n"
    "Alder,Mayor,,Ann Vole,100\nAlder,Mayor,,Bo Wren,80\n"
    "Alder,Clerk,DEM,Cy Lark,70\nAlder,Clerk,REP,Di Teal,60\n"
    "Alder,Sheriff,IND,Ed Fox,70\nAlder,Sheriff,REP,Fa Gull,60\n"
)


def test_no_party_column_gives_no_table_of_races_won_by_party(tmp_path):
    path = write(tmp_path, NO_COLUMN)
    text = invoke("summary", str(path))
    assert text.code == 0, text.stderr
    assert "Races won by party" not in text.stdout and "no party" not in text.stdout
    assert "Races won: 2 of 3, no winner's party given; 1 undecided." in text.stdout
    assert "add up races of 3 offices" not in text.stdout  # (no races won per party)
    markdown = invoke("summary", str(path), "--format", "markdown").stdout
    assert "| Party | Won |" not in markdown
    assert "Races won: 2 of 3, no winner's party given; 1 undecided." in markdown
    data = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    assert data["tally"]["parties"] == [{"party": None, "won": 2}]
    assert data["tally"]["undecided"] == 1


def test_a_winner_of_a_blank_party_is_party_not_given(tmp_path):
    result = invoke("summary", str(write(tmp_path, SOME_BLANK)))
    assert result.code == 0, result.stderr
    assert "Races won by party (3 of 3 decided)" in result.stdout
    assert "(party not given)" in result.stdout and "(no party)" not in result.stdout
    assert "Races won: DEM 1 of 3, IND 1, party not given 1." in result.stdout
