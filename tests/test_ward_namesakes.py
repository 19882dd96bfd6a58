"""Two people of one name in different wards of one council are two candidates, each in their
ward's race; the wards stay races (trial 15: Scotland's 2017 council file, one row per candidate
with `election` per council and `ward_name`, names two David Rosses in Fife, Conservative in
Dunfermline South and Labour in Kirkcaldy North, and a Pauline Munro, SNP, in two Highland wards.
One shared name had made all of a council's wards one race, 'David Ross' leading with both men's
votes). A race over several wards, its candidates in each, stays one race. Figures invented, the
layout is the file's; oracle: pandas group-bys by council and ward."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read import stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


# Three wards of Fife (a David Ross in two of them), two of Angus; single-seat for simplicity.
COUNCILS = (
    "election,ward_name,name,votes\n"
    "local.fife,Ward A,David Ross,500\n"
    "local.fife,Ward A,Ann Lee,400\n"
    "local.fife,Ward A,Bob Kerr,300\n"
    "local.fife,Ward B,David Ross,450\n"
    "local.fife,Ward B,Cat Moore,350\n"
    "local.fife,Ward B,Dan Park,200\n"
    "local.fife,Ward C,Eve Hall,610\n"
    "local.fife,Ward C,Fay Gill,390\n"
    "local.angus,Ward D,Gus Hay,700\n"
    "local.angus,Ward D,Hal Ince,300\n"
    "local.angus,Ward E,Ian Judd,420\n"
    "local.angus,Ward E,Jo King,580\n"
)


def by_ward(text: str) -> dict[tuple[str, str], dict[str, int]]:
    frame = pd.read_csv(io.StringIO(text))
    out: dict[tuple[str, str], dict[str, int]] = {}
    for (council, ward, name), votes in (
        frame.groupby(["election", "ward_name", "name"])["votes"].sum().items()
    ):
        out.setdefault((council, ward), {})[name] = int(votes)
    return out


def test_a_name_in_two_wards_is_two_candidates(tmp_path, monkeypatch):
    path = write(tmp_path, COUNCILS)
    elections, problems = engines_agree(monkeypatch, path)
    expected = by_ward(COUNCILS)
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert sorted(got) == sorted(f"{council} · {ward}" for council, ward in expected)
    for (council, ward), votes in expected.items():
        assert got[f"{council} · {ward}"] == votes
    assert not [p for p in problems if p.severity == "error"]


def test_a_race_over_several_wards_stays_one(tmp_path, monkeypatch):
    # One race counted in three wards: its candidates stand in each, so no ward is a race.
    text = (
        "election,ward_name,name,votes\n"
        "by-election,Ward A,Ann Lee,400\n"
        "by-election,Ward A,Bob Kerr,300\n"
        "by-election,Ward B,Ann Lee,200\n"
        "by-election,Ward B,Bob Kerr,350\n"
        "by-election,Ward C,Ann Lee,100\n"
        "by-election,Ward C,Bob Kerr,90\n"
        "by-election,Ward C,Cat Moore,40\n"
        "by-election,Ward A,Cat Moore,60\n"
    )
    path = write(tmp_path, text)
    elections, _ = engines_agree(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(text))
    assert len(elections) == 1
    assert {o.candidate: o.votes for o in elections[0].options} == {
        name: int(v) for name, v in frame.groupby("name")["votes"].sum().items()
    }
