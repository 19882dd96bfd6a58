"""OpenElections' Arizona precinct files of 2014 and 2016 (Apache, Coconino, Gila, Greenlee, La Paz,
Mohave, Navajo, Pima, Santa Cruz, Yuma: `precinct_id,precinct_name,race_id,race,candidate_id,
candidate,count`) list under each race, beside `Registered Voters` and `Times Counted`, the
precincts it is counted in: `Number of Precincts for Race` and `Number of Precincts Reporting`, 1
in each precinct; and a race `Race Statistics` of `Number of Precincts` and `Number of Precincts
Reporting` alone. Read as candidates, they were in every race's valid vote (Mohave 2014's Governor
(REP): 73 votes each), and in the races of few votes they led: "tie: Number of Precincts for Race,
Number of Precincts Reporting" in 48 races of Mohave's primary (trial 12).

They count precincts, no ballots and no option: such rows are left out, with a note; `Race
Statistics` is no race. Both engines (small blocks too).

Figures invented, the layout is the files'; oracle: pandas over the fixture.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.kinds import ballot_count, kind_from_name

HEADER = "precinct_id,precinct_name,race_id,race,candidate_id,candidate,count\n"
COUNTS = ("Number of Precincts", "Number of Precincts for Race", "Number of Precincts Reporting")


def _precinct(number: str, name: str, registered: int, cast: int, votes: dict[str, list]) -> str:
    lines = [
        f"{number},{name},999999,Race Statistics,999999,Number of Precincts,1",
        f"{number},{name},999999,Race Statistics,999998,Number of Precincts Reporting,1",
    ]
    for race_id, race, options in votes[number]:
        lines += [
            f"{number},{name},{race_id},{race},999999,Number of Precincts for Race,1",
            f"{number},{name},{race_id},{race},999998,Number of Precincts Reporting,1",
            f"{number},{name},{race_id},{race},999997,Registered Voters,{registered}",
            f"{number},{name},{race_id},{race},999996,Times Counted,{cast}",
        ]
        lines += [f'{number},{name},{race_id},{race},{i},"{c}",{v}' for i, (c, v) in options]
    return "\n".join(lines) + "\n"


VOTES = {
    "501": [
        ("26", "GOVERNOR (REP)", [(10, ("DUCEY, DOUG", 20)), (11, ("JONES, CHRISTINE", 15))]),
        ("27", "GOVERNOR (AEL)", [(12, ("MEALER, JOHN LEWIS", 0))]),
        ("151", "STATE MINE INSPECTOR (AEL)", [(13, ("PIERCE, JOE", 1))]),
    ],
    "502": [
        ("26", "GOVERNOR (REP)", [(10, ("DUCEY, DOUG", 31)), (11, ("JONES, CHRISTINE", 40))]),
        ("27", "GOVERNOR (AEL)", [(12, ("MEALER, JOHN LEWIS", 0))]),
        ("151", "STATE MINE INSPECTOR (AEL)", [(13, ("PIERCE, JOE", 0))]),
    ],
}
TEXT = (
    HEADER
    + _precinct("501", "01 WIKIEUP", 92, 40, VOTES)
    + _precinct("502", "02 YUCCA", 150, 75, VOTES)
)
NAME = "20140826__az__primary__mohave__precinct.csv"


@pytest.mark.parametrize("name", [*COUNTS, "NUMBER OF PRECINCTS REPORTING", "Precincts Reporting"])
def test_a_count_of_precincts_is_no_option(name: str) -> None:
    assert ballot_count(name) and kind_from_name(name) == "candidate"
    assert not ballot_count("Precinct Reporting Jones")


def _oracle() -> dict[str, dict[str, int]]:
    frame = pd.read_csv(io.StringIO(TEXT), dtype=str)
    frame["count"] = frame["count"].astype(int)
    counted = frame[~frame["candidate"].isin([*COUNTS, "Registered Voters", "Times Counted"])]
    return {
        str(race): {str(k): int(v) for k, v in group.groupby("candidate")["count"].sum().items()}
        for race, group in counted.groupby("race")
    }


@pytest.mark.parametrize("block_bytes", [None, 300])
def test_the_races_count_their_candidates_alone(tmp_path, monkeypatch, block_bytes) -> None:
    path = write(tmp_path, TEXT, NAME)
    elections, _problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    found = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert found == _oracle()
    governor = next(e for e in elections if e.facts.election == "GOVERNOR (REP)")
    assert (governor.facts.registered, governor.facts.ballots_cast) == (92 + 150, 40 + 75)


def test_no_count_of_precincts_leads_a_race(tmp_path) -> None:
    path = write(tmp_path, TEXT, NAME)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    races = {e["election"]: e for e in document["elections"]}
    assert races["STATE MINE INSPECTOR (AEL)"]["leader"]["candidate"] == "PIERCE, JOE"
    assert races["GOVERNOR (REP)"]["leader"]["candidate"] == "JONES, CHRISTINE"
    assert "Race Statistics" not in races
    text = invoke("summary", str(path), "--race", "GOVERNOR (REP)").stdout
    assert "'Number of Precincts Reporting'" in text and "count the precincts" in text
