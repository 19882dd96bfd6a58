"""A turnout table with no party's votes in it (Público's Portuguese `cm_concelhos_participacao`:
`subscribers,votes,voters_pct,abstention_pct,blank_votes,blank_pct,null_votes,null_pct,
mandates_assigned,mandates_unassigned,mandates_total`) named a winner: "null_votes leads with
96.93 % … wins outright", `mandates_assigned` runner-up, with exit 0. Its null votes are the invalid
ballots and its mandates seats: no column is an option's votes, so it is refused. Figures invented."""

from __future__ import annotations

import pytest

from conftest import invoke, write

TEXT = (
    "territory_code,territory_name,subscribers,votes,voters_pct,abstention_pct,blank_votes,"
    "blank_pct,null_votes,null_pct,mandates_assigned,mandates_unassigned,mandates_total\n"
    "0101,Alva,41000,23000,56.10,43.90,500,2.17,300,1.30,7,0,7\n"
    "0102,Bela,22000,14000,63.64,36.36,200,1.43,210,1.50,7,0,7\n"
    "0103,Cova,9000,5000,55.56,44.44,90,1.80,60,1.20,5,0,5\n"
)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_turnout_table_names_no_winner(tmp_path, engine):
    done = invoke("summary", str(write(tmp_path, TEXT)), env={"POLLCLI_ENGINE": engine})
    assert done.code == 1
    assert "leads" not in done.stdout and "null_votes" not in done.stdout
