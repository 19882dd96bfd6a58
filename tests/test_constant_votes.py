"""A votes column that holds one number on every row is no count (session 14's trial, Italy 2008).

basilesimon/2018-italian-election-data's `it_2008_results.csv` is a table of shares by province:
`Party,PdL,PD,…,Other,Votes,Valid votes,Invalid votes`, whose `Party` column names provinces and
whose `Votes` column is each row's 100.0 (%). Read as a long table (the advice for its one blank
cell, `--blank-votes zero`), it gave 109 provinces TIED FIRST with 100 votes each. Every option
with the same votes, 100 (a share's sum) for five options or more, or another count above 1 for
ten or more (a column of one constant), is now an error saying what the column holds; a real tie
(three lists of 100, twelve write-ins of one vote) is still a tie. Small files of our own; both
engines.
"""

from __future__ import annotations

from conftest import engines_agree, invoke, write

HEADER = "Party,PdL,PD,LN,Other,Votes,Valid votes,Invalid votes"
PROVINCES = ["Torino", "Alessandria", "Asti", "Cuneo", "Novara"]


def italy() -> str:
    rows = [f"{p},32.46,36.4,8.67,22.47,100.0,96.53,3.47" for p in PROVINCES]
    return "\n".join([HEADER, *rows, "Collegio Aosta,,,,,,,"]) + "\n"


def test_a_votes_column_of_100_on_every_row_is_no_tie(tmp_path, monkeypatch):
    path = write(tmp_path, italy())
    result = invoke("summary", str(path), "--blank-votes", "zero")
    assert result.code == 1
    assert "TIED" not in result.stdout
    assert "every one of the 5 options has 100 votes in the 'Votes' column" in result.stderr
    assert "--votes" in result.stderr
    _, problems = engines_agree(monkeypatch, path, blank_votes_zero=True)
    [error] = [p for p in problems if p.severity == "error"]
    assert error.code == "type-error" and error.column == "Votes" and error.line == 2


def test_a_column_of_one_constant_is_no_tie(tmp_path, monkeypatch):
    rows = [f"Candidate {n},7" for n in range(12)]
    path = write(tmp_path, "\n".join(["candidate,votes", *rows]) + "\n")
    _, problems = engines_agree(monkeypatch, path)
    [error] = [p for p in problems if p.severity == "error"]
    assert "every one of the 12 options has 7 votes" in error.message


def test_real_ties_stay_ties(tmp_path, monkeypatch):
    for text in (
        "candidate,votes\nAna,100\nBen,100\nCy,100\n",  # three of 100 (as test_seats' tie)
        "candidate,votes\nAna,1\nBen,1\nCy,1\n",  # three write-ins of one vote
        "candidate,votes\n" + "".join(f"W{n},1\n" for n in range(12)),  # twelve of one vote
    ):
        elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
        assert not [p for p in problems if p.severity == "error"], text
        assert elections
