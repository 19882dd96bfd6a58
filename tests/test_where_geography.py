"""`--where` on a district column that pollcli reads as geography (every district has the same
candidates: one race reported by district): its cells moved to the rows' unit, and --where read
them from where they had been, so "--where district=D1" kept no row (review)."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, invoke, write

ROWS = "district,precinct,candidate,votes\n" + "".join(
    f"D{d},D{d}-P{p},{name},{(d * 7 + p * 3 + len(name)) % 50 + 1}\n"
    for d in (1, 2, 3)
    for p in range(4)
    for name in ("Alice", "Bob")
)


def test_where_on_a_district_read_as_geography(tmp_path, monkeypatch):
    path = write(tmp_path, ROWS)
    frame = pd.read_csv(io.StringIO(ROWS))
    for district in ("D1", "D3"):
        elections, _ = engines_agree(monkeypatch, path, where=(("district", district),))
        (election,) = elections
        oracle = frame[frame["district"] == district].groupby("candidate")["votes"].sum()
        assert {o.candidate: o.votes for o in election.options} == oracle.to_dict()
        assert election.partial is not None
    result = invoke("summary", str(path), "--where", "district=D2")
    assert result.code == 0, result.stderr
    assert "district = D2" in result.stdout
