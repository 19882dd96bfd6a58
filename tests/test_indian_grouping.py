"""Indian digit grouping (lakhs and crores: `1,42,782`, `4,30,847`, `1,23,45,678`), as the ECI's
tables and India's papers write counts: refused as "not a number; write digits only" (trial 17,
datameet's `pc-wise-turnout.csv`). Read as the number; a grouping neither Western nor Indian
(`326,70,930`) is still refused."""

from __future__ import annotations

import pytest

from conftest import engines_agree, write
from pollcli.numbers import NumberError, parse_votes


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,42,782", 142782), ("4,30,847", 430847), ("1,23,45,678", 12345678), ("12,345", 12345)],
)
def test_lakh_grouping_reads_as_the_number(text, value) -> None:
    assert parse_votes(text, ".", decimal_given=False, near_whole=[]) == value


@pytest.mark.parametrize("text", ["326,70,930", "1,2,345", "12,34"])
def test_other_groupings_are_refused(text) -> None:
    with pytest.raises(NumberError):
        parse_votes(text, ".", decimal_given=False, near_whole=[])


def test_a_constituency_in_lakhs(tmp_path, monkeypatch) -> None:
    path = write(
        tmp_path,
        'candidate,party,votes\n"GODAM NAGESH",TRS,"4,30,847"\nNARESH,INC,"2,59,557"\n'
        '"RAMESH RATHOD",TDP,"1,84,198"\n',
        "adilabad.csv",
    )
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    assert [o.votes for o in elections[0].options] == [430847, 259557, 184198]
