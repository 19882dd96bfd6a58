"""Two option columns of a wide table whose headers are one name, case, spacing and punctuation
aside (Sri Lanka's 1989 parliamentary table: `IND 1`, an independent group of one district, and
`IND1`, of another): refused as an option "listed again", with the advice for namesakes in a
long table (a `candidate_id` column, party lines), which a wide table cannot follow (trial 17).
The advice now names both columns and gives the --alias that tells them apart; followed, every
column is counted as its own option. Figures invented."""

from __future__ import annotations

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

TABLE = (
    "entity_id\tvalid\tUNP\tSLFP\tIND 1\tIND1\n"
    "EC-12\t1000\t600\t300\t100\t0\n"
    "EC-13\t900\t500\t350\t0\t0\n"
    "EC-16\t800\t400\t300\t0\t100\n"
)


def test_the_advice_names_both_columns_and_an_alias(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE, "parl_1989.tsv")
    _, problems = engines_agree(monkeypatch, path)
    errors = [p.message for p in problems if p.severity == "error"]
    assert errors, problems
    assert "'IND 1' and 'IND1'" in errors[0]
    assert "--alias 'IND1=IND1 (2)'" in errors[0]
    assert "candidate_id" not in errors[0]
    assert invoke("summary", str(path)).code == 1


def test_the_alias_followed_counts_each_column(tmp_path, monkeypatch):
    path = write(tmp_path, TABLE, "parl_1989.tsv")
    elections, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(aliases=(("IND1", "IND1 (2)"),))
    )
    assert not [p for p in problems if p.severity == "error"]
    oracle = pd.read_csv(path, sep="\t").drop(columns=["entity_id", "valid"]).sum().to_dict()
    oracle["IND1 (2)"] = oracle.pop("IND1")
    assert {o.candidate: o.votes for o in elections[0].options} == oracle
