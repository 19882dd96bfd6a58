"""`validate` lists the repeated options of every region, not of the first region alone: a file
of Czech municipalities (`obec,strana,pocet`) whose 917 municipalities each list their parties
twice listed the 24 repeats of the first, "invalid — 24 errors" for 20,277, so that a user would
have needed 917 rounds of fixing and validating (new-user trial; SPEC: every problem found)."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import each_engine, invoke, write

ROWS = "obec,strana,pocet\n" + "".join(
    f"{place},{party},{place % 7 + party}\n{place},{party},{place % 7 + party}\n"
    for place in (500054, 500089, 500101)
    for party in (1, 2, 3)
)


def test_every_regions_repeats_are_listed(tmp_path, monkeypatch):
    path = write(tmp_path, ROWS)
    frame = pd.read_csv(io.StringIO(ROWS))
    repeated = frame.duplicated(["obec", "strana"])
    oracle = sorted(int(i) + 2 for i in frame.index[repeated])  # (line 1 is the header)
    for engine, (_, problems) in each_engine(monkeypatch, path).items():
        lines = sorted(p.line for p in problems if p.code == "duplicate-option")
        assert lines == oracle, engine
    said = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    codes = [p["code"] for p in said["files"][0]["problems"]]
    assert codes.count("duplicate-option") == int(repeated.sum()) == 9
