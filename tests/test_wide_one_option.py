"""A table read as a wide one with one option column where the naming columns show it is none
(trial 27). Taiwan's CEC village table (`prvCode,…,candNo,tks,tksRate`: a row per candidate per
village) read with `--id-columns …,candNo` made "tks lead with 100.00 % … wins outright" (`candNo`
numbers the rows within each village: a long table); the US county table (`votes_dem`, `votes_gop`
left of `total_votes`, so read as naming the rows) with `--wide` made "diff lead with 100.00 %".
Now each is refused, naming why; `--id-columns` of the others, as advised, reads the counts as the
options. One candidate's column beside names (`region,Ann`, `test_layout`) is read as before, and
`--kind NAME=candidate` says the one option is a candidate who stood alone. The files are written
here in those layouts with invented figures; the expected figures are pandas' sums.
"""

from __future__ import annotations

import pandas as pd

from conftest import engines_agree, write

COUNTY = """\
,votes_dem,votes_gop,total_votes,per_dem,per_gop,diff,per_point_diff,state_abbr,county_name,combined_fips
0,9303.0,13041.0,24658.0,0.377,0.529,"3,738",15.16%,AK,Alaska,2013
1,5908.0,18172.0,24973.0,0.237,0.728,"12,264",49.11%,AL,Autauga County,1001
2,18409.0,72883.0,95215.0,0.193,0.765,"54,474",57.21%,AL,Baldwin County,1003
"""

VILLAGES = """\
"prvCode","cityCode","areaCode","liCode","deptCode","candNo","tks","tksRate","candVictor"
"63","000","01","0002","010",1,173,5.02,NA
"63","000","01","0002","010",2,1555,45.12,NA
"63","000","01","0002","010",3,1718,49.86,*
"63","000","01","0003","010",1,92,4.11,NA
"63","000","01","0003","010",2,1001,44.69,NA
"63","000","01","0003","010",3,1147,51.20,*
"63","000","02","0001","011",1,40,3.01,NA
"63","000","02","0001","011",2,600,45.15,NA
"63","000","02","0001","011",3,689,51.84,*
"""
VILLAGE_IDS = ("prvCode", "cityCode", "areaCode", "liCode", "deptCode", "candNo")


def _errors(problems) -> list:
    return [p for p in problems if p.severity == "error"]


def test_one_option_column_of_a_county_table_is_refused_naming_the_counts(tmp_path, monkeypatch):
    path = write(tmp_path, COUNTY, name="county_2016.csv")
    elections, problems = engines_agree(
        monkeypatch, path, wide=True, ignore_columns=("per_dem", "per_gop")
    )
    errors = _errors(problems)
    assert len(errors) == 1, [p.message for p in errors]
    assert "one option column, 'diff'" in errors[0].message
    assert "'votes_dem', 'votes_gop' hold counts" in errors[0].message
    assert not any(o.votes for e in elections for o in e.options)
    # As advised: the columns that name the rows, the others the options.
    elections, problems = engines_agree(
        monkeypatch,
        path,
        wide=True,
        ignore_columns=("per_dem", "per_gop"),
        id_columns=("state_abbr", "county_name", "combined_fips"),
    )
    assert not [p.message for p in _errors(problems)]
    frame = pd.read_csv(path)
    want = {"dem": int(frame["votes_dem"].sum()), "gop": int(frame["votes_gop"].sum())}
    assert {o.candidate: o.votes for o in elections[0].options} == want


def test_one_column_of_votes_named_by_id_columns_is_a_long_table(tmp_path, monkeypatch):
    path = write(tmp_path, VILLAGES, name="elctks_2020.csv")
    elections, problems = engines_agree(
        monkeypatch, path, wide=True, ignore_columns=("tksRate",), id_columns=VILLAGE_IDS
    )
    errors = _errors(problems)
    assert len(errors) == 1, [p.message for p in errors]
    assert "one option column, 'tks'" in errors[0].message
    assert "'candNo' numbers the rows within each place" in errors[0].message
    assert "--kind tks=candidate" in errors[0].message
    assert "hold counts" not in errors[0].message  # (the user's naming columns name the rows)
    assert not any(o.votes for e in elections for o in e.options)


def test_kind_says_the_one_option_is_a_candidate_who_stood_alone(tmp_path, monkeypatch):
    path = write(tmp_path, "precinct,Smith\n1,120\n2,85\n", name="uncontested.csv")
    elections, problems = engines_agree(monkeypatch, path, wide=True, kinds={"Smith": "candidate"})
    assert not [p.message for p in _errors(problems)]
    assert {o.candidate: o.votes for o in elections[0].options} == {"Smith": 205}
    elections, problems = engines_agree(monkeypatch, path, wide=True)
    assert [p.code for p in _errors(problems)] == ["missing-column"]
