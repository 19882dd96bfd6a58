"""`--wide` asked for on a table of one candidate per row (session 14's trial: New Zealand).

yvanrichard/nz-elections' `year,electorate,party,candidate,all,ordinary,special`: one row per
candidate, `ordinary` and `special` the ways of voting, `all` their total. Passed `--wide` (with
`--id-columns year,electorate,party,candidate`, as a user may), pollcli read the ways of voting as
the options: "ordinary leads with 89.70 %". A column that names a candidate on each row (its
header says candidate: `candidate`, `cand_name`, `candidato`…) is now a usage error with --wide,
saying what the table is and to leave --wide out; the advice works (pandas' sums). A bare `name`
column, which a wide table may use for its places, is left to --wide as before.
"""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, invoke, write

TEXT = """year,electorate,party,candidate,all,ordinary,special
2014,Aoraki,National,"SMITH, Ann",579,534,45
2014,Aoraki,Labour,"BUCHANAN, Andrew",197,173,24
2014,Aoraki,Green,"NGATA, Mere",88,80,8
2014,Botany,National,"ROSS, Jami-Lee",900,850,50
2014,Botany,Labour,"YE, Tofik",400,380,20
2014,Clutha,National,"BARRY, Todd",700,650,50
2014,Clutha,Labour,"LEE, Joy",300,290,10
"""


def test_wide_beside_a_candidate_column_is_refused_with_advice_that_works(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    for extra in ((), ("--id-columns", "year,electorate,party,candidate")):
        result = invoke("summary", str(path), "--wide", *extra)
        assert result.code == 2, result.stdout
        assert "'candidate' names a candidate on each row" in result.stderr
        assert "leave --wide out" in result.stderr
        assert "ordinary" not in result.stdout
    # Without --wide: each candidate's votes, as pandas sums them (one race per year here; the
    # electorates are races with --race-by year,electorate, which a note advises).
    [race], problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    want = pd.read_csv(io.StringIO(TEXT)).set_index("candidate")["all"].to_dict()
    assert {o.candidate: o.votes for o in race.options} == want


def test_a_name_column_stays_a_wide_table_s_places(tmp_path):
    text = "name,Biden,Trump\nAda County,100,120\nBoise County,80,60\n"
    result = invoke("summary", str(write(tmp_path, text)), "--wide", "--format", "csv")
    assert result.code == 0, result.stderr
    assert "Trump" in result.stdout and "Biden" in result.stdout
