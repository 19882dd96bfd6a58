"""A blank vote cell on a line that is no candidate's (`scatter`, write-ins) counts 0 by default,
listed in one warning: New Hampshire's 2020 file left its Governor and U.S. House 2 races refused
for one blank `scatter` cell each. A candidate's blank cell still refuses its race, and
`--blank-votes error` refuses them all. Invented figures; pandas (blank read as 0) the oracle."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

TEXT = (
    "county,precinct,office,candidate,votes\n"
    "Alder,P1,Governor,Ann Lee,100\n"
    "Alder,P1,Governor,Bo Cho,80\n"
    "Alder,P1,Governor,scatter,\n"
    "Alder,P2,Governor,Ann Lee,50\n"
    "Alder,P2,Governor,Bo Cho,70\n"
    "Alder,P2,Governor,scatter,3\n"
    "Alder,P1,Sheriff,Cy Dee,10\n"
    "Alder,P1,Sheriff,Di Eve,\n"
)


def _oracle(race: str) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(TEXT), dtype=str, keep_default_na=False)
    frame = frame[frame.office == race]
    figures = pd.to_numeric(frame.votes.replace({"": "0"}))
    return {k: int(v) for k, v in figures.groupby(frame.candidate).sum().items()}


def test_a_blank_scatter_cell_counts_0_and_a_candidates_refuses(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, TEXT))
    (governor,) = elections  # the Sheriff's race refused for Di Eve's blank cell
    assert {o.candidate: o.votes for o in governor.options} == _oracle("Governor")
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.line, error.race) == (9, "Sheriff")
    (warned,) = [p for p in problems if p.severity == "warning" and "blank vote" in p.message]
    assert warned.line == 4 and "line 4 ('scatter')" in warned.message
    assert "no candidate's" in warned.message and "--blank-votes error" in warned.message


def test_blank_votes_error_refuses_the_scatter_line_too(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    elections, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(blank_votes_zero=False)
    )
    assert elections == []
    assert sorted(p.line for p in problems if p.severity == "error") == [4, 9]
    result = invoke("summary", str(path), "--blank-votes", "error")
    assert result.code == 1 and "'scatter' has neither votes nor a share" in result.stderr


def test_a_blank_under_votes_cell_counts_0_and_refuses_no_race(tmp_path, monkeypatch):
    # Oregon's 2020 general precinct file (OpenElections): Jackson County's `Under Votes` rows
    # of some races have a blank cell, and refused 9 races (Attorney General, U.S. House 2…).
    # Undervotes and overvotes are no candidate's either: no candidate's votes depend on them.
    text = (
        "county,precinct,office,candidate,party,votes\n"
        "Jackson,P1,Attorney General,Ann Lee,DEM,100\n"
        "Jackson,P1,Attorney General,Bo Cho,REP,150\n"
        "Jackson,P1,Attorney General,Over Votes,,\n"
        "Jackson,P1,Attorney General,Under Votes,,\n"
        "Jackson,P2,Attorney General,Ann Lee,DEM,90\n"
        "Jackson,P2,Attorney General,Bo Cho,REP,60\n"
        "Jackson,P2,Attorney General,Over Votes,,1\n"
        "Jackson,P2,Attorney General,Under Votes,,12\n"
    )
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    figures = pd.to_numeric(frame.votes.replace({"": "0"}))
    oracle = {k: int(v) for k, v in figures.groupby(frame.candidate).sum().items()}
    assert {o.candidate: o.votes for o in race.options} == oracle
    assert not [p for p in problems if p.severity == "error"]
    (warned,) = [p for p in problems if "blank vote" in p.message]
    assert "line 4 ('Over Votes')" in warned.message and "line 5 ('Under Votes')" in warned.message
