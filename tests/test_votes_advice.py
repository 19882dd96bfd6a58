"""A file of one candidate per row whose vote column pollcli does not know (New Zealand's `all`
beside other counts): the advice was "pass --wide, and --id-columns COL,…", and following it read
the counts as options ("ordinary leads with 89.70 %", the candidates as places). A row that names a
candidate holds its own counts: the advice names its columns of counts and --votes COL, which
reads the one named.

Oracle: pandas, `all` summed by candidate."""

import io

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

TEXT = """district,party,candidate,all,first_count,second_count
Aoraki,National Party,"GOODHEW, Jo",18000,17000,1000
Aoraki,Labour Party,"SULLIVAN, Ann",12000,11200,800
Aoraki,Green Party,"SMITH, Al",3000,2900,100
"""


def test_the_advice_names_votes_and_works(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT, "nz_candidates.csv")
    result = invoke("summary", str(path))
    assert result.code != 0
    assert "('all', 'first_count', 'second_count') holds the votes: --votes COL" in result.stderr
    assert "--wide" not in result.stderr
    (election,), problems = engines_agree(monkeypatch, path, read_options=ReadOptions(votes="all"))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(TEXT))
    assert {o.candidate: o.votes for o in election.options} == frame.set_index("candidate")[
        "all"
    ].to_dict()
