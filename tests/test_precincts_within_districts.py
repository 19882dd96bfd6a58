"""Precincts numbered within districts (`district,precinct,…`, Georgia's CEC tables by precinct): the
district is the region and the precinct its unit. A district read as geography had become the unit
and the precinct column the region, so `--by region` added precinct 1 of every district into one
"region 1" and named its leader, exit 0: Georgia 2013's region 1 gave Margvelashvili 61.96 % where
district 1's own figure is 63.62 % (new-user trial)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

# Invented: two districts of two precincts each, numbered 1 and 2 in both; the leader of each
# district differs from the leader of each "precinct number" summed across the districts.
LONG = """district,precinct,candidate,votes
1,1,Ann Alpha,400
1,1,Bob Beta,190
1,2,Ann Alpha,300
1,2,Bob Beta,195
2,1,Ann Alpha,100
2,1,Bob Beta,340
2,2,Ann Alpha,96
2,2,Bob Beta,200
"""
WIDE = """region,district id,district name,precinct,possible voters,ballots signed for,1 - Ann Alpha,2 - Bob Beta
,1,,1,1000,600,400,190
,1,,2,800,500,300,195
,2,,1,900,450,100,340
,2,,2,700,300,96,200
"""


def _regions(path, *args: str) -> dict[str, dict]:
    result = invoke("summary", str(path), "--by", "region", "--format", "json", *args)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    return {r["region"]: r for r in election["regions"]}


def _oracle(text: str, by: str, names: list[str]) -> dict[str, dict[str, int]]:
    frame = pd.read_csv(io.StringIO(text), dtype={by: str})
    if "candidate" not in frame:
        frame = frame.melt(id_vars=[by], value_vars=names, var_name="candidate", value_name="votes")
    sums = frame.groupby([by, "candidate"])["votes"].sum()
    return {d: sums[d].to_dict() for d in sums.index.get_level_values(0).unique()}


@pytest.mark.parametrize("layout", ["long", "wide"])
def test_each_district_is_a_region(tmp_path, layout):
    text = LONG if layout == "long" else WIDE
    path = write(tmp_path, text)
    regions = _regions(path)
    by = "district" if layout == "long" else "district id"
    oracle = _oracle(text, by, ["1 - Ann Alpha", "2 - Bob Beta"])
    assert set(regions) == set(oracle) == {"1", "2"}
    for name, region in regions.items():
        votes = {r["candidate"].split(" - ")[-1]: r["votes"] for r in region["results"]}
        assert votes == {k.split(" - ")[-1]: v for k, v in oracle[name].items()}
    # District 1 is Ann's (700 of 1,085), district 2 Bob's (540 of 736): not the other way round.
    assert regions["1"]["leader"]["candidate"].endswith("Ann Alpha")
    assert regions["2"]["leader"]["candidate"].endswith("Bob Beta")
    if layout == "wide":
        assert regions["1"]["turnout"]["pct"] == pytest.approx(1100 / 1800 * 100)


def test_the_engines_agree_and_where_selects_either_column(tmp_path, monkeypatch):
    path = write(tmp_path, LONG)
    elections, _ = engines_agree(monkeypatch, path)
    (election,) = elections
    assert sorted(r.name for r in election.regions) == ["1", "2"]
    frame = pd.read_csv(io.StringIO(LONG))
    second = frame[frame["precinct"] == 2]
    regions = _regions(path, "--where", "precinct=2")
    for district, group in second.groupby("district"):
        votes = {r["candidate"]: r["votes"] for r in regions[str(district)]["results"]}
        assert votes == group.groupby("candidate")["votes"].sum().to_dict()
    assert set(_regions(path, "--where", "district=1")) == {"1"}


def test_the_note_says_how_the_precincts_are_read(tmp_path):
    result = invoke("summary", str(write(tmp_path, LONG)), "--by", "region")
    words = " ".join(result.stdout.split())
    assert "'precinct' column is read as the unit within each 'district'" in words


# Invented: a governor reported in every district (the district is geography) and a House race in
# each district (the district is its race key), precincts numbered within districts.
MIXED = """district,precinct,office,candidate,votes
1,1,Governor,Ann Alpha,400
1,1,Governor,Bob Beta,190
1,2,Governor,Ann Alpha,300
1,2,Governor,Bob Beta,195
2,1,Governor,Ann Alpha,100
2,1,Governor,Bob Beta,340
2,2,Governor,Ann Alpha,96
2,2,Governor,Bob Beta,200
1,1,House,Cid Gamma,300
1,1,House,Dee Delta,200
1,2,House,Cid Gamma,250
1,2,House,Dee Delta,260
2,1,House,Eve Eps,120
2,1,House,Fay Phi,150
2,2,House,Eve Eps,130
2,2,House,Fay Phi,110
"""


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_where_on_the_precinct_keeps_the_races_a_district_names(tmp_path, monkeypatch, engine):
    """`--where precinct=2` kept the governor's rows only: the House races, whose district is their
    race key, were left out in silence (their precinct was still the rows' region, the column
    read as the unit)."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, MIXED)
    result = invoke("summary", str(path), "--where", "precinct=2", "--format", "json")
    assert result.code == 0, result.stderr
    got = {
        sum(r["votes"] for r in e["results"]): {r["candidate"]: r["votes"] for r in e["results"]}
        for e in json.loads(result.stdout)["elections"]
    }
    frame = pd.read_csv(io.StringIO(MIXED))
    second = frame[frame["precinct"] == 2]
    races = [second[second["office"] == "Governor"]] + [
        g for _, g in second[second["office"] == "House"].groupby("district")
    ]
    oracle = {int(g["votes"].sum()): g.groupby("candidate")["votes"].sum().to_dict() for g in races}
    assert got == oracle


def test_a_precinct_of_a_blank_district_is_no_district_s(tmp_path, monkeypatch):
    """Rows with a blank district kept their precinct as their region, so precinct 1 of no district
    was added to district 1: its leader became Bob Beta (1,285 to 705) where district 1 is Ann
    Alpha's (700 to 385), and the warning blamed a blank 'precinct'."""
    text = LONG + ",1,Ann Alpha,5\n,1,Bob Beta,900\n"
    path = write(tmp_path, text)
    engines_agree(monkeypatch, path)
    regions = _regions(path)
    oracle = _oracle(text, "district", [])  # (pandas leaves the blank district out)
    for name, votes in oracle.items():
        assert {r["candidate"]: r["votes"] for r in regions[name]["results"]} == votes
    assert regions["1"]["leader"]["candidate"] == "Ann Alpha"
    rest = [r for name, r in regions.items() if name not in oracle]
    assert [{r["candidate"]: r["votes"] for r in region["results"]} for region in rest] == [
        {"Ann Alpha": 5, "Bob Beta": 900}
    ]


def test_the_note_says_the_numbers_start_again_only_where_they_do(tmp_path):
    """Precincts numbered across the whole file (101, 102 in district 1; 201, 202 in 2) were said
    to have 'numbers that start again in each' district."""
    text = LONG.replace("1,1,", "1,101,").replace("1,2,", "1,102,")
    text = text.replace("2,1,", "2,201,").replace("2,2,", "2,202,")
    result = invoke("summary", str(write(tmp_path, text)), "--by", "region")
    words = " ".join(result.stdout.split())
    assert "'precinct' column is read as the unit within each 'district'." in words
    assert "start again" not in words


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_where_on_the_district_keeps_the_races_it_is_geography_of(tmp_path, monkeypatch, engine):
    """`--where district=1` kept House 1 only: the governor's rows of district 1, whose district was
    read as geography (its cell moved to the rows' region), read as no district and were left
    out, the governor's race gone without a word."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, MIXED)
    result = invoke("summary", str(path), "--where", "district=1", "--format", "json")
    assert result.code == 0, result.stderr
    got = sorted(
        sorted((r["candidate"], r["votes"]) for r in e["results"])
        for e in json.loads(result.stdout)["elections"]
    )
    frame = pd.read_csv(io.StringIO(MIXED))
    first = frame[frame["district"] == 1]
    oracle = sorted(
        sorted(g.groupby("candidate")["votes"].sum().items()) for _, g in first.groupby("office")
    )
    assert got == oracle


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_precinct_1_of_district_1_is_no_total_of_its_district(tmp_path, monkeypatch, engine):
    """A row repeated in precinct 1 of district 1 was, on the exact engine, "'1' in column
    'precinct' is named like its region '1' and holds its total": set aside with a warning where
    the streaming engine (and main, before the district was the region) said duplicate-option. A
    number names no place: precinct 1 is not named like district 1."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    text = "district,precinct,candidate,votes\n1,1,Ann Alpha,400\n1,1,Bob Beta,190\n"
    text += "1,1,Ann Alpha,400\n2,1,Ann Alpha,100\n2,1,Bob Beta,340\n"
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["line"], p["code"]) for p in problems] == [(4, "duplicate-option")]


def test_region_named_by_hand_is_kept(tmp_path):
    """`--region precinct` was overridden: the district was still made the region (each region a
    district, 'read as the unit within each district'). A column the user names wins."""
    regions = _regions(write(tmp_path, LONG), "--region", "precinct")
    frame = pd.read_csv(io.StringIO(LONG))
    for name, group in frame.groupby("precinct"):
        votes = {r["candidate"]: r["votes"] for r in regions[str(name)]["results"]}
        assert votes == group.groupby("candidate")["votes"].sum().to_dict()
    result = invoke("summary", str(write(tmp_path, LONG)), "--region", "precinct")
    assert "read as the unit within each" not in " ".join(result.stdout.split())
