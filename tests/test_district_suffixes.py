"""Option headers suffixed by a district's number are no rounds: Sri Lanka's 2024 parliamentary
table (nuuuwan/lk_elections: `entity_id,valid,rejected,polled,electors,NPP,SJB,…,IND17-10,IND11-04,…`,
an independent group's column per district, `IND17-10` the 17th group of district 10) was refused
as "the option columns are of 22 rounds or elections", with advice to read one at a time (trial 17).
The columns of a round are counted in the same places as the other round's; a district's groups
stand in that district's rows only (and in the country's total row). Figures invented."""

from __future__ import annotations

import pandas as pd

from conftest import engines_agree, write

TABLE = (
    "entity_id\tvalid\tNPP\tSJB\tIND01-01\tIND02-01\tIND01-02\tIND02-02\n"
    "EC-01A\t1000\t600\t300\t60\t40\t0\t0\n"
    "EC-01B\t800\t500\t200\t70\t30\t0\t0\n"
    "EC-02A\t900\t400\t400\t0\t0\t50\t50\n"
    "EC-02B\t700\t300\t300\t0\t0\t80\t20\n"
)


def test_a_districts_groups_are_options_not_rounds(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE, "parliamentary.regions-ec.2024.tsv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], [p.message for p in problems]
    frame = pd.read_csv(path, sep="\t")
    oracle = frame.drop(columns=["entity_id", "valid"]).sum().to_dict()
    (election,) = elections
    assert {o.candidate: o.votes for o in election.options} == oracle
