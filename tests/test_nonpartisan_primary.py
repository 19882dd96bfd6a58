"""A nonpartisan race in a file of party primaries (OpenElections' Wisconsin spring primaries:
`Court of Appeals,4,34,NP,Brian Blanchard,8` beside `Court of Appeals,4,34,,Scattering,0`).

The party keys a party primary's races, but `NP` (nonpartisan) names no party: the race is every
party's, its scattering (of no party) with it. Before, the candidates made a race 'Court of Appeals ·
NP primary' without the scattering votes, and the scattering a race of its own with no candidate,
both flagged TOTAL? against the file's `total votes`. The oracle is pandas over the CSV text.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

NAME = "20100216__wi__primary__ward.csv"
WISCONSIN = """county,ward,office,district,total votes,party,candidate,votes
Adams,Town A,Court of Appeals,4,34,NP,Brian Blanchard,8
Adams,Town A,Court of Appeals,4,34,NP,Edward Leineweber,15
Adams,Town A,Court of Appeals,4,34,NP,Ramona Gonzalez,9
Adams,Town A,Court of Appeals,4,34,,Scattering,2
Adams,Town B,Court of Appeals,4,21,NP,Brian Blanchard,9
Adams,Town B,Court of Appeals,4,21,NP,Edward Leineweber,8
Adams,Town B,Court of Appeals,4,21,NP,Ramona Gonzalez,4
Adams,Town B,Court of Appeals,4,21,,Scattering,0
Adams,Town A,Sheriff,,,REP,Ann Roe,20
Adams,Town A,Sheriff,,,REP,Bo Doe,10
Adams,Town A,Sheriff,,,DEM,Cy Poe,4
"""


def test_nonpartisan_race_is_one_race_with_its_scattering(tmp_path, monkeypatch):
    path = write(tmp_path, WISCONSIN, NAME)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.code == "total-mismatch"], problems
    frame = pd.read_csv(io.StringIO(WISCONSIN), keep_default_na=False)
    court = frame[frame.office == "Court of Appeals"]
    expected = court.groupby("candidate").votes.sum().to_dict()
    names = sorted(e.facts.election for e in elections)
    assert names == [
        "Court of Appeals · 4",
        "Sheriff · Democratic primary",
        "Sheriff · Republican primary",
    ]
    (race,) = [e for e in elections if e.facts.election == "Court of Appeals · 4"]
    assert {o.candidate: o.votes for o in race.options} == expected
    # The file's `total votes` per ward, once a ward: the race's votes add up to it.
    totals = pd.to_numeric(court.drop_duplicates("ward")["total votes"]).sum()
    assert sum(o.votes or 0 for o in race.options) == totals == 55


def test_nonpartisan_race_summary_json(tmp_path):
    path = write(tmp_path, WISCONSIN, NAME)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    races = {e["election"]: e for e in document["elections"]}
    # A nonpartisan primary (Wisconsin's advances two) wins no seat: none is counted as won.
    assert document["tally"]["primaries"] == 3
    assert document["tally"]["won"] == 0
    court = races["Court of Appeals · 4"]
    assert court["leader"]["candidate"] == "Edward Leineweber"
    assert court["leader"]["votes"] == 23
    # 23 of 53 valid votes (the scattering's 2 are valid votes for no listed candidate).
    assert abs(court["leader"]["share"] - 23 / 55 * 100) < 1e-9
    assert "TOTAL?" not in result.stderr
