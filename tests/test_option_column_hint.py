"""A table of a row per option (a votes column pollcli knows) whose options' column has a header
it does not know: a table of Germany's 2017 party totals, `partygroup,votes,valid,voteshare`,
was told "if each option has a column of its own ('voteshare'…), pass --wide" — advice that,
followed, reads `valid` and `voteshare` as two parties — and `partygroup,votes` alone was told to
"check the header row and the delimiter". The error now names the column of words as the one to
rename; renamed, the file is read right. Names and figures invented; oracle: pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

TOTALS = """"partygroup","votes","valid","voteshare"
"Alpha",5200,10000,52.0
"Beta",3100,10000,31.0
"Gamma",1700,10000,17.0
"""
# Beside columns of codes and dates, which name no option.
BARE = """"code","date","partygroup","votes"
"5_17_0_501","2017-09-24","Alpha",5200
"5_17_0_502","2017-09-24","Beta",3100
"5_17_0_503","2017-09-24","Gamma",1700
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize("text", [TOTALS, BARE])
def test_the_column_of_words_is_named_to_rename(tmp_path, engine, text) -> None:
    path = write(tmp_path, text, "btw2017.csv")
    env = {"POLLCLI_ENGINE": engine}
    result = invoke("summary", str(path), env=env)
    assert result.code == 1
    first = result.stderr.splitlines()[0]
    assert "the column that names the options (here perhaps 'partygroup') to 'candidate'" in first
    assert "check the header row" not in first
    renamed = write(tmp_path, text.replace('"partygroup"', '"party"', 1), "renamed.csv")
    result = invoke("summary", str(renamed), "--format", "json", env=env)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    expected = dict(zip(frame["partygroup"], frame["votes"], strict=True))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
