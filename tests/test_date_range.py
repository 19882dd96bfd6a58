"""A date range in the output (races of several elections, told apart by a date column) is in the
order of the dates, not of the text: "10/3/2020" came before "9/1/2020", and the Library of
Parliament's "2010-12-01" (dashes) before "2010/11/29" (slashes), a range that ended before it
began. Dates that parse in no one way stay in text order. Oracle: the dates by hand (and pandas'
to_datetime for the year-first ones)."""

from __future__ import annotations

import json

import pandas as pd

from conftest import invoke, write
from pollcli.read.datecolumn import date_order


def test_dates_are_ordered_as_dates_where_they_are_dates() -> None:
    assert date_order(["10/3/2020", "9/1/2020", "11/15/2020"]) == [
        "9/1/2020",
        "10/3/2020",
        "11/15/2020",
    ]
    mixed = ["2010/11/29", "2010-12-01", "1867-08-07", "1900/01/18"]
    oracle = sorted(mixed, key=lambda text: pd.to_datetime(text.replace("/", "-")))
    assert date_order(mixed) == oracle == ["1867-08-07", "1900/01/18", "2010/11/29", "2010-12-01"]
    # Month first or day first: both read every value, in two orders: not guessed, text order.
    assert date_order(["2/1/2020", "1/2/2020"]) == ["1/2/2020", "2/1/2020"]
    # Only one reading reads them all (13 is no month), day first: 4 February, then 13 March.
    assert date_order(["13/3/2020", "4/2/2020"]) == ["4/2/2020", "13/3/2020"]
    assert date_order(["2022", "2018", "2020"]) == ["2018", "2020", "2022"]  # years: as text
    assert date_order(["2020-01-05", "soon"]) == ["2020-01-05", "soon"]  # not all dates: text
    assert date_order(["6/19/2018 12:00:00 AM", "11/6/2018 12:00:00 AM"])[0].startswith("6/19")


ROWS = """Election Date,Province,Riding,Last Name,Party,Votes
2010/11/29,Manitoba,DAUPHIN,ASH,Conservative,8000
2010/11/29,Manitoba,DAUPHIN,BIRCH,Liberal,3000
2010-12-01,Ontario,VAUGHAN,COLE,Conservative,20000
2010-12-01,Ontario,VAUGHAN,DUNN,Liberal,19000
"""


def test_the_split_note_gives_the_range_of_the_dates(tmp_path) -> None:
    path = write(tmp_path, ROWS, "byelections.csv")
    args = ("--race-by", "Election Date,Province,Riding", "--overview", "--format", "json")
    result = invoke("summary", str(path), *args)
    assert result.code == 0, result.stderr
    notes = " ".join(json.loads(result.stdout)["overview"]["notes"])
    assert "of 2 elections by 'Election Date' (2010/11/29 to 2010-12-01)" in notes, notes
    assert "--where 'Election Date=2010-12-01' keeps one" in notes
