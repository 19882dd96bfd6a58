"""The day of the vote from an OpenElections file name, and elections named alike in `compare`.

OpenElections names every file by the day of the vote (`20201103__ga__general__county.csv`) and gives
no date column: two years of one race compared were labelled alike ('President' and 'President') and
ordered as given. The date is read from such a name (with a note), never over one the file or
`--date` gives, and elections still named alike are numbered as the tables number them.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import engines_agree, invoke, write
from pollcli.read.filedates import date_in_name

RACES = """county,office,district,party,candidate,votes
Appling,President,,DEM,{dem},{dem_votes}
Appling,President,,REP,Donald Trump,{rep_votes}
Bacon,President,,DEM,{dem},40
Bacon,President,,REP,Donald Trump,80
Appling,Governor,,DEM,Ann Lee,10
Appling,Governor,,REP,Bo Ray,20
"""
Y2016 = RACES.format(dem="Hillary Clinton", dem_votes=100, rep_votes=95)
Y2020 = RACES.format(dem="Joe Biden", dem_votes=110, rep_votes=90)


@pytest.mark.parametrize(
    ("stem", "day"),
    [
        ("20201103__ga__general__county", "2020-11-03"),
        ("20180605__CA__primary", "2018-06-05"),
        ("20201399__ga__general__county", None),  # no such day
        ("20201103_ga_general", None),  # not OpenElections' double underscores
        ("results_20201103__ga__", None),  # the day must come first
        ("2020110__ga__general", None),
    ],
)
def test_the_day_is_read_from_an_openelections_name_only(stem, day):
    assert date_in_name(stem) == day


def test_a_dated_name_gives_each_race_its_date_with_a_note(tmp_path, monkeypatch):
    path = write(tmp_path, Y2020, "20201103__xx__general__county.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert problems == []
    assert {e.facts.date for e in elections} == {dt.date(2020, 11, 3)}
    note = next(n for n in elections[0].notes if "file name" in n)
    assert "2020-11-03" in note and "--date" in note


def test_a_date_column_or_the_flag_wins_over_the_name(tmp_path, monkeypatch):
    dated = (
        "date,"
        + Y2020.splitlines()[0]
        + "\n"
        + "".join(f"2020-11-04,{line}\n" for line in Y2020.splitlines()[1:])
    )
    path = write(tmp_path, dated, "20201103__xx__general__county.csv")
    elections, _ = engines_agree(monkeypatch, path)
    assert {e.facts.date for e in elections} == {dt.date(2020, 11, 4)}
    assert not any("file name" in n for e in elections for n in e.notes)

    plain = write(tmp_path, Y2020, "20201103__yy__general__county.csv")
    elections, _ = engines_agree(monkeypatch, plain, facts={"date": "2020-12-01"})
    assert {e.facts.date for e in elections} == {dt.date(2020, 12, 1)}
    assert not any("file name" in n for e in elections for n in e.notes)


def test_two_years_of_a_race_are_compared_by_their_years(tmp_path):
    old = write(tmp_path, Y2016, "20161108__xx__general__county.csv")
    new = write(tmp_path, Y2020, "20201103__xx__general__county.csv")
    # Given newest first: ordered by the days in their names.
    result = invoke("compare", str(new), str(old), "--race", "President", "--format", "json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    assert [e["date"] for e in document["elections"]] == ["2016-11-08", "2020-11-03"]
    text = invoke("compare", str(new), str(old), "--race", "President").stdout
    assert "Donald Trump led in both 2016 and 2020" in text


def test_elections_named_alike_are_numbered_as_the_tables_number_them(tmp_path):
    old = write(tmp_path, Y2016, "a.csv")
    new = write(tmp_path, Y2020, "b.csv")
    result = invoke("compare", str(old), str(new), "--race", "President")
    assert result.code == 0, result.stderr
    # Two files' races of one name are told apart by their files, in the table and the findings.
    assert "led in both President (a) and President (b)" in " ".join(result.stdout.split())
    assert "President (a)" in result.stdout.split("Share of the vote")[0]
    assert "President and President" not in result.stdout
