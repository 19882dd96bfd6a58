"""Wide tables from R (`NA` where a party did not stand: Straubinger/folketingsvalg's votes.csv,
Denmark's general elections 1953-2022, `year,date,party_s,…,party_m,…,total_valid,blank,
other_invalid,total_invalid,total_votes,electorate`).

Two faults. A party column with `NA` in most rows (the Moderates, 2022 only) was no option: left
"not used", its votes lost, the others' shares of 2022 too high (`--where date=2022-11-01`:
Social Democrats 46.57 % of the parties read, 27.50 % of the valid votes). And `other_invalid`,
`total_invalid` (unknown words) after `blank` read as counts after the protocol lines, so every
party column was a name and the file was refused "no candidate column … check the header row".
Now `NA` is no figure, as a blank, and both words are protocol lines (those other than blank ones
the invalid ballots; all of them, blank among them, not used). Names and figures invented; oracle: pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

TABLE = """district,party_a,party_b,party_c,total_valid,blank,other_invalid,total_invalid,total_votes,electorate
North,100,NA,50,150,3,2,5,155,300
South,80,40,NA,120,1,1,2,122,250
Mid,70,NA,NA,70,0,1,1,71,100
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_na_cells_are_no_figure_and_the_protocol_lines_are_read(tmp_path, engine) -> None:
    path = write(tmp_path, TABLE, "dk.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(TABLE))  # (pandas reads NA as missing)
    votes = frame[["party_a", "party_b", "party_c"]].sum().astype(int).to_dict()
    assert {r["candidate"]: r["votes"] for r in election["results"]} == votes
    assert sum(votes.values()) == frame["total_valid"].sum()
    turnout = election["turnout"]
    assert turnout["registered"] == frame["electorate"].sum()
    # (review) The ballots counted are the valid votes and all invalid ones, blank among them:
    # `total_invalid` (blank + other) read as the invalid beside `blank` counted blank twice.
    counted = frame["total_valid"].sum() + frame["total_invalid"].sum()
    assert turnout["pct"] == pytest.approx(counted / frame["electorate"].sum() * 100)
    assert not election["warnings"]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_years_as_rows_are_refused_with_race_by(tmp_path, engine) -> None:
    """The Danish layout itself: one row per election, refused with the way to read each."""
    text = TABLE.replace("district", "date").replace("North", "2001-11-20")
    text = text.replace("South", "2005-02-08").replace("Mid", "2007-11-13")
    path = write(tmp_path, text, "votes.csv")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1
    assert "--race-by date" in result.stderr and "no candidate column" not in result.stderr
