"""A row that repeats the header is a second table, never a row of votes: tables joined one after
another, or a results page's contests one under another, each under its title and its own header
(trial 21: the Philippines' COMELEC results of 2022 by municipality, scraped page by page into a
sheet per town, `PRESIDENT PHILIPPINES`, `Candidate,Votes,Percentage`, then the next contest's
title and header; each repeated header was refused as "votes 'Votes': not a number", the share
'Percentage' too, and nothing said a second table began). One error names the line and what to do.
Names and figures invented, the layouts are the files'."""

from __future__ import annotations

from conftest import engines_agree, write
from pollcli.problems import Code

JOINED = "candidate,votes\nAda Brook,10\nBen Croft,5\ncandidate,votes\nCora Dale,7\nDan Evans,3\n"

PAGE = """MAYOR OF ALDERTON,,
,,
Candidate,Votes,Percentage
"BRAMBLE, ADA (LIB)",1200,60.00 %
"CROFT, BEN (CON)",800,40.00 %
,,
VICE MAYOR OF ALDERTON,,
,,
Candidate,Votes,Percentage
"DALE, CORA (CON)",1100,57.89 %
"EVANS, DAN (LIB)",800,42.11 %
"""


def _errors(problems):
    return [p for p in problems if p.severity == "error"]


def test_files_joined_one_after_another_are_refused_at_the_second_header(tmp_path, monkeypatch):
    path = write(tmp_path, JOINED)
    _, problems = engines_agree(monkeypatch, path)
    (error,) = _errors(problems)
    assert error.code == Code.TYPE_ERROR
    assert error.line == 4
    assert "the header again (as on line 1)" in error.message
    assert "a second table starts here" in error.message


def test_contests_one_under_another_name_the_repeated_header(tmp_path, monkeypatch):
    path = write(tmp_path, PAGE)
    _, problems = engines_agree(monkeypatch, path)
    again = [p for p in _errors(problems) if "the header again" in p.message]
    assert [(p.line, p.code) for p in again] == [(9, Code.TYPE_ERROR)]
    assert "as on line 3" in again[0].message
    # The header's own words are no figures refused one by one.
    assert not [p for p in problems if "'Votes'" in p.message or "'Percentage'" in p.message]


# COMELEC's page as published: each contest's over- and under-votes in a header and a row of their
# own under its candidates. Its repeated header was one error among dozens (the footer's words as
# votes, "shares add up to 21268990.12 %: 212690 races read as one?" first): now the page is
# refused at its second contest's header, under its title, and no row is read as a figure.
FOOTED = PAGE.replace(
    '"CROFT, BEN (CON)",800,40.00 %\n',
    '"CROFT, BEN (CON)",800,40.00 %\n,,\nOver-votes,Under-votes,Valid votes\n5,20,2025\n',
)


def test_a_page_of_contests_is_refused_under_its_second_title(tmp_path, monkeypatch):
    path = write(tmp_path, FOOTED, "alderton.csv")
    _, problems = engines_agree(monkeypatch, path)
    errors = _errors(problems)
    (again,) = [p for p in errors if "the header again" in p.message]
    assert again.line == 12 and again.code == Code.TYPE_ERROR
    assert "under the title 'VICE MAYOR OF ALDERTON'" in again.message
    assert "a page of contests one under another" in again.message
    assert errors == [again]  # no shares summed, no footer word read as votes
