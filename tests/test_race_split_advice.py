"""The race-split warning's flags are the file's: following them reads the file.

Two parties with several candidates each in one race (party primaries read as one race, most
likely) were advised "--race-by office,district,party" whatever the file's columns: a file of
`Office,District,Candidate,Party Name,Votes` got "--race-by 'party': the file has no such column",
one of `office,candidate,party,votes` "--race-by 'district': the file has no such column", and
bench's elections_1M (a `municipality` column) the same. A file of one race was told
"--vote-for N and --race NAME", and `--race` is a usage error there ("the file is one race").
The advice now names the race's own key columns and the party column. Figures invented."""

from __future__ import annotations

import json
import re

import pytest

from conftest import invoke, write

ROWS = [
    ("House", "1", "Ann Archer", "REP", 500),
    ("House", "1", "Bob Baker", "REP", 400),
    ("House", "1", "Cy Cole", "DEM", 300),
    ("House", "1", "Di Dunn", "DEM", 200),
    ("House", "2", "Ed Eve", "REP", 500),
    ("House", "2", "Flo Fox", "DEM", 400),
]


def _advised(stderr: str, flag: str) -> list[str]:
    said = " ".join(stderr.split())
    return re.findall(rf"{flag} ('[^']+'|[^\s;)]+)", said)


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        ("Office,District,Candidate,Party Name,Votes", ROWS),
        ("office,candidate,party,votes", [r[:1] + r[2:] for r in ROWS if r[1] == "1"]),
    ],
    ids=["party-name", "one-race"],
)
def test_the_advised_race_by_splits_the_primaries(tmp_path, header, rows):
    text = header + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows)
    path = str(write(tmp_path, text, "xx_2018_results.csv"))
    result = invoke("summary", path)
    assert result.code == 0, result.stderr
    (keys,) = _advised(result.stderr, "--race-by")
    followed = invoke("summary", path, "--race-by", keys.strip("'"), "--format", "json")
    assert followed.code == 0, (keys, followed.stderr)
    leaders = {
        e["leader"]["candidate"] for e in json.loads(followed.stdout)["elections"] if e["leader"]
    }
    # By hand: Ann Archer (REP, 500 of 900) and Cy Cole (DEM, 300 of 500) in district 1.
    assert {"Ann Archer", "Cy Cole"} <= leaders
    for race in _advised(result.stderr, "--race"):
        assert invoke("summary", path, "--race", race.strip("'")).code == 0, race
