"""A wide table's `Total Votes Cast` is the ballots cast (valid votes and rejected ballots), as its
`Votes Cast` is, beside its `Valid Votes`: Kenya's 2022 presidential results by county as the
press compiled them from the IEBC's forms (`Code,County,Reg_Voters,<candidates>,Rejected,…,Total
Votes Cast,Voter_TurnOut,Valid Votes,% of Val_Votes`) had `Total Votes Cast` read as the valid
votes, each county refused for two totals of valid votes (trial 21). Names and figures invented,
the layout is the file's; oracle: pandas sums."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write

TABLE = (
    "Code,County,Reg_Voters,Achieng,Kiprono,Chebet,Mutua,Njeri,Omondi,Rejected,Wambui,Otieno,"
    "Total Votes Cast,Voter_TurnOut,Valid  Votes,% of Val_Votes\n"
    "1,Pwani,641913,160948,113668,2107,483,1200,800,3792,300,150,283448,44.16%,279656,98.66%\n"
    "2,Ziwa,328253,125617,51908,1137,414,700,500,1008,200,100,181584,55.32%,180576,99.44%\n"
    "3,Mlima,588602,64850,164341,1897,1104,900,650,2495,400,120,236757,40.22%,234262,98.95%\n"
    "4,Bonde,141096,41432,51526,430,198,300,210,1070,90,60,95316,67.55%,94246,98.88%\n"
)


def test_total_votes_cast_is_the_ballots_cast(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    frame = pd.read_csv(io.StringIO(TABLE), thousands=",")
    assert {o.candidate: o.votes for o in election.options} == {
        name: int(frame[name].sum())
        for name in ("Achieng", "Kiprono", "Chebet", "Mutua", "Njeri", "Omondi", "Wambui", "Otieno")
    }
    facts = election.facts
    assert facts.ballots_cast == int(frame["Total Votes Cast"].sum())
    assert facts.total_votes == int(frame["Valid  Votes"].sum())
    assert facts.invalid == int(frame["Rejected"].sum())
    assert facts.registered == int(frame["Reg_Voters"].sum())
