"""Sweep 12: Maine's `Votes Cast` rows are each race's total, never a candidate.

OpenElections' Maine precinct files (2016) list under every race and town its candidates, `Blank`
and `Votes Cast` (their sum). Read as a candidate, `Votes Cast` won every race: "State Senate · 25:
Votes Cast leads with 50.95 % … wins the seat with a majority". It is the race's total of votes
(`total_votes`), checked against its options; a county's total row whose `Votes Cast` cell is blank
(`Cumberland ME`) gives no total, with a warning, and refuses no race. Figures by pandas.
"""

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

MAINE = "\n".join(
    [
        "county,precinct,office,district,party,candidate,votes",
        "Cumberland,HARPSWELL,State Senate,25,DEM,Catherine Breen,1800",
        "Cumberland,HARPSWELL,State Senate,25,REP,Barton Ladd,1500",
        "Cumberland,HARPSWELL,State Senate,25,,Blank,183",
        "Cumberland,HARPSWELL,State Senate,25,,Votes Cast,3483",
        "Cumberland,POWNAL,State Senate,25,DEM,Catherine Breen,500",
        "Cumberland,POWNAL,State Senate,25,REP,Barton Ladd,550",
        "Cumberland,POWNAL,State Senate,25,,Blank,38",
        "Cumberland,POWNAL,State Senate,25,,Votes Cast,1088",
        "Cumberland,Cumberland ME,State Senate,25,DEM,Catherine Breen,2300",
        "Cumberland,Cumberland ME,State Senate,25,REP,Barton Ladd,2050",
        "Cumberland,Cumberland ME,State Senate,25,,Blank,221",
        "Cumberland,Cumberland ME,State Senate,25,,Votes Cast,",
        "",
    ]
)


def oracle() -> dict[str, int]:
    """The candidates' and Blank's votes over the towns (not the county's row), by pandas."""
    table = pd.read_csv(io.StringIO(MAINE))
    towns = table[(table["precinct"] != "Cumberland ME") & (table["candidate"] != "Votes Cast")]
    return {str(k): int(v) for k, v in towns.groupby("candidate")["votes"].sum().items()}


def test_votes_cast_is_the_races_total_in_both_engines(monkeypatch, tmp_path):
    [election], problems = engines_agree(monkeypatch, write(tmp_path, MAINE), block_bytes=150)
    assert {o.candidate: o.votes for o in election.options} == oracle()
    assert not [p for p in problems if p.severity == "error"]
    assert not [p for p in problems if p.code == "total-mismatch"]


def test_the_summary_names_a_candidate_the_winner(tmp_path):
    result = invoke("summary", str(write(tmp_path, MAINE)), "--format", "json")
    assert result.code == 0, result.stderr
    [race] = json.loads(result.stdout)["elections"]
    assert race["leader"]["candidate"] == max(
        (k for k in oracle() if k != "Blank"), key=oracle().get
    )
    assert "Votes Cast" not in {r["candidate"] for r in race["results"]}
    assert "count left blank" in result.stderr
