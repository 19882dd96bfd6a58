"""VEST's precinct results (Harvard Dataverse): a column per candidate whose header codes its race
(`G20PREDBID`: 2020 general, President, Democrat, Biden), beside the precincts' ids (`STATEFP20`).

Read as one wide race, President and U.S. Senate were added into one — `G20PREDBID` leading with
36.13 %, `G20USSDKEL` (a Senate candidate) runner-up — and the ids' digits counted as votes
(`STATEFP20` 8 votes). Now the table is refused with the commands that read each race, and those
commands give each race's figures (oracle: pandas over the CSV text).
"""

from __future__ import annotations

import io
import json
import shlex

import pandas as pd

from conftest import invoke, write

VEST = (
    "STATEFP20,COUNTYFP20,VTDST20,NAME20,G20PREDBID,G20PRERTRU,G20PRELJOR,G20USSDKEL,G20USSRMCS\n"
    "04,001,000001,ALPINE,104,281,5,120,260\n"
    "04,001,000002,CHINLE,900,100,6,880,110\n"
)


def test_races_are_not_added_together(tmp_path):
    path = write(tmp_path, VEST, "az_2020.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 1
    assert "VEST's codes of 2 race(s)" in result.stderr
    # The ids, zero-padded (`04`, `001`), name the rows: no option, and named as ids.
    assert "'STATEFP20'" not in result.stderr and "no candidates" not in result.stderr
    assert "--id-columns STATEFP20,COUNTYFP20,VTDST20,NAME20" in result.stderr
    advice = result.stderr.split("its ids named: ", 1)[1].split("\n", 1)[0]
    president = shlex.split(advice.split(" or ", 1)[0])
    result = invoke("summary", str(path), "--format", "json", *president)
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(VEST))
    expected = {c: int(frame[c].sum()) for c in ("G20PREDBID", "G20PRERTRU", "G20PRELJOR")}
    assert {r["candidate"]: r["votes"] for r in election["results"]} == expected


def test_one_race_with_its_ids_is_read(tmp_path):
    text = "GEOID,G20PREDBID,G20PRERTRU\n001,3,7\n002,10,0\n"
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "G20PREDBID": 13,
        "G20PRERTRU": 7,
    }
