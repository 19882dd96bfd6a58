"""`seats` of a file of races names the country the races share, or none (trial 5: the UK Commons
Library file's constituencies each give their 'Country name', and the chamber was titled with the
first one's, "Wales")."""

from __future__ import annotations

import json

from conftest import invoke, write

ROWS = """constituency,country,candidate,party,votes
Aberavon,{a},Stephen Kinnock,Labour,22662
Aberavon,{a},Steffan Jenkins,Conservative,5901
Aberdeen North,{b},Kirsty Blackman,SNP,15170
Aberdeen North,{b},Orr Orr,Labour,10773
"""


def _seats(tmp_path, a: str, b: str) -> dict:
    result = invoke(
        "seats", str(write(tmp_path, ROWS.format(a=a, b=b), f"{a}{b}.csv")), "-f", "json"
    )
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_races_of_several_countries_name_none(tmp_path):
    data = _seats(tmp_path, "Wales", "Scotland")
    (chamber,) = data["elections"]
    assert chamber["country"] is None
    table = invoke("seats", str(tmp_path / "WalesScotland.csv"))
    assert "Wales" not in table.stdout.splitlines()[1]


def test_races_of_one_country_name_it(tmp_path):
    (chamber,) = _seats(tmp_path, "Wales", "Wales")["elections"]
    assert chamber["country"] == "Wales"
