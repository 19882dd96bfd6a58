"""Oregon's 2018 primary precinct file (OpenElections) writes Lane County's undervotes and
overvotes as rows named `Under` and `Over`, where other counties write `Under Votes`: `Under`
was a candidate, and led 14 primaries ('State Senate · 7 · Republican primary': 'Under' 94 %).
They are blank and invalid ballots, as `Under Votes` and `Over Votes` are. Invented figures;
the oracle is pandas over the candidates' rows."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write

TEXT = (
    "county,precinct,office,district,candidate,party,votes\n"
    "Lane,1121,State Senate,7,Ann Hale,REP,40\n"
    "Lane,1121,State Senate,7,Under,REP,300\n"
    "Lane,1121,State Senate,7,Over,REP,2\n"
    "Lane,1123,State Senate,7,Ann Hale,REP,35\n"
    "Lane,1123,State Senate,7,Bo Zane,REP,12\n"
    "Lane,1123,State Senate,7,Under,REP,280\n"
    "Lane,1123,State Senate,7,Over,REP,1\n"
)


def test_under_and_over_rows_are_blank_and_invalid(tmp_path, monkeypatch):
    (race,), _ = engines_agree(monkeypatch, write(tmp_path, TEXT))
    kinds = {o.candidate: o.kind for o in race.options}
    assert (kinds["Under"], kinds["Over"]) == ("blank", "invalid")
    frame = pd.read_csv(io.StringIO(TEXT))
    named = frame[~frame.candidate.isin(["Under", "Over"])]
    oracle = named.groupby("candidate").votes.sum().to_dict()
    assert {o.candidate: o.votes for o in race.options if o.kind == "candidate"} == oracle
    leader = max((o for o in race.options if o.kind == "candidate"), key=lambda o: o.votes)
    assert leader.candidate == "Ann Hale"
