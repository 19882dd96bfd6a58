"""A mode column whose values are two ballots, not ways of voting: Baden-Württemberg's open data
(`ags,municipality_name,vote_type,party,votes,percent`, each municipality's `Erststimmen` and
`Zweitstimmen`). `vote_type` is a mode column's word (MEDSL's early/absentee), so each party's first
and second votes were added up as modes: "CDU leads with 33.83 % (1,152,716 votes)", the sum of
two elections (615,205 constituency votes and 537,511 list votes), with only "Votes by mode
(Erststimmen, Zweitstimmen) are added up". Two ballots are two races: the file is refused with
`--race-by vote_type`, which reads each apart.

Oracle: a pandas group-by of the invented file, by vote type and party."""

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

# Invented figures in the layout of the Land's open data (two municipalities, three parties).
BALLOTS = """ags,municipality_name,vote_type,party,votes,percent
08111000,Altdorf,Erststimmen,CDU,500,50.0
08111000,Altdorf,Zweitstimmen,CDU,400,40.0
08111000,Altdorf,Erststimmen,GRÜNE,300,30.0
08111000,Altdorf,Zweitstimmen,GRÜNE,450,45.0
08111000,Altdorf,Erststimmen,SPD,200,20.0
08111000,Altdorf,Zweitstimmen,SPD,150,15.0
08222000,Neuberg,Erststimmen,CDU,120,40.0
08222000,Neuberg,Zweitstimmen,CDU,100,33.3
08222000,Neuberg,Erststimmen,GRÜNE,90,30.0
08222000,Neuberg,Zweitstimmen,GRÜNE,130,43.3
08222000,Neuberg,Erststimmen,SPD,90,30.0
08222000,Neuberg,Zweitstimmen,SPD,70,23.3
"""


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_two_ballots_in_a_mode_column_are_not_added_up(tmp_path, engine):
    path = write(tmp_path, BALLOTS, "ltw_kommunen.csv")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1, result.stderr
    assert "--race-by vote_type" in result.stderr
    assert "Erststimmen" in result.stderr and "Zweitstimmen" in result.stderr
    assert "ltw_kommunen.csv:3:" in result.stderr  # the first row of the second ballot


def test_the_advice_reads_each_ballot_apart(tmp_path):
    path = write(tmp_path, BALLOTS, "ltw_kommunen.csv")
    result = invoke("summary", str(path), "--race-by", "vote_type", "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    frame = pd.read_csv(io.StringIO(BALLOTS))
    want = frame.groupby(["vote_type", "party"])["votes"].sum()
    for ballot in ("Erststimmen", "Zweitstimmen"):
        got = {r["candidate"]: r["votes"] for r in races[ballot]["results"]}
        assert got == want[ballot].to_dict()


def test_ways_of_voting_are_still_added_up(tmp_path):
    text = BALLOTS.replace("Erststimmen", "Election Day").replace("Zweitstimmen", "Absentee")
    path = write(tmp_path, text, "county.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert "Votes by mode" in result.stdout


# Two constituencies of one file (its races by `district`), each with both ballots.
DISTRICTS = """district,party,vote_type,votes
Nord,CDU,Erststimmen,100
Nord,SPD,Erststimmen,80
Nord,CDU,Zweitstimmen,90
Nord,SPD,Zweitstimmen,85
Sued,CDU,Erststimmen,50
Sued,SPD,Erststimmen,60
Sued,CDU,Zweitstimmen,55
Sued,SPD,Zweitstimmen,52
"""


def test_the_advice_keeps_the_files_own_race_keys(tmp_path):
    """A file split into races by its district was advised `--race-by vote_type`, which, followed,
    read the two constituencies' first votes as one race: 'CDU wins the seat with a majority' on
    150 of 290 votes, though Sued's SPD led there (60 to 50). The advice is the race's own keys
    and the mode column; followed, each constituency's ballot is a race."""
    path = write(tmp_path, DISTRICTS, "ltw.csv")
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert "--race-by district,vote_type" in refused.stderr
    result = invoke("summary", str(path), "--race-by", "district,vote_type", "--format", "json")
    assert result.code == 0, result.stderr
    frame = pd.read_csv(io.StringIO(DISTRICTS))
    want = frame.groupby(["district", "vote_type", "party"])["votes"].sum()
    races = json.loads(result.stdout)["elections"]
    assert len(races) == 4
    for race in races:
        district, ballot = race["election"].split(" · ")
        got = {r["candidate"]: r["votes"] for r in race["results"]}
        assert got == want[district][ballot].to_dict()
