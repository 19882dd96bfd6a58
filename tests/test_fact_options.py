"""Wide readings whose every option is a fact of the election or a numbering (`read.fact_options`).

Portugal's 2025 turnout table (`…,subscribers,votes,…,blank_votes,null_votes,mandates_total,…`:
the registered voters, the ballots, blank, null and seats, no party's votes) was told to pass
--wide, which printed "subscribers 9,303,840 100.00 % LEADER … wins outright"; India's Assam
trends table (leading/trailing party and candidate, margin, `const. no.`) likewise, `const. no.`
"leading" with the constituencies' numbers added up. Files: invented, in those layouts."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

_TURNOUT = (
    "election_code,election_date,territory_code,territory_name,territory_type,organ,subscribers,"
    "votes,voters_pct,abstention_pct,blank_votes,blank_pct,null_votes,null_pct,mandates_assigned,"
    "mandates_unassigned,mandates_total,state\n"
    "AUT99,2099-10-12,0901,Vila Alta,Concelho,CM,30000,18000,60.00,40.00,400,2.22,200,1.11,7,0,7,"
    "Apurados\n"
    "AUT99,2099-10-12,0902,Vila Baixa,Concelho,CM,12000,6000,50.00,50.00,150,2.50,90,1.50,5,0,5,"
    "Apurados\n"
    "AUT99,2099-10-12,0903,Serra Nova,Concelho,CM,8000,5000,62.50,37.50,100,2.00,60,1.20,5,0,5,"
    "Apurados\n"
)
_TRENDS = (
    "status,leading party,leading candidate,trailing party,trailing candidate,constituency,"
    "margin,const. no.\n"
    "Result Declared,Hill Party,ASHA DEVI,River Party,RAVI DAS,Greenfield,1200,11\n"
    "Result Declared,River Party,MEENA RAI,Hill Party,KAMAL ROY,Lakeside,850,12\n"
    "Result Declared,Hill Party,SUNIL PAUL,Valley Front,ANIL SEN,Stonebridge,3300,13\n"
)


@pytest.mark.parametrize("extra", [[], ["--wide"], ["--wide", "--id-columns", "territory_code"]])
def test_a_turnout_table_is_no_result(tmp_path, extra):
    path = write(tmp_path, _TURNOUT, "pt_turnout.csv")
    result = invoke("summary", str(path), *extra)
    assert result.code == 1, result.stdout
    assert "'subscribers' holds the registered voters" in result.stderr
    assert "pass --wide" not in result.stderr
    assert "LEADER" not in result.stdout and "wins" not in result.stdout


@pytest.mark.parametrize("extra", [[], ["--wide"]])
def test_a_table_of_leaders_is_a_table_of_winners(tmp_path, extra):
    path = write(tmp_path, _TRENDS, "trends.csv")
    result = invoke("summary", str(path), *extra)
    assert result.code == 1, result.stdout
    assert "'const. no.' holds a numbering or code" in result.stderr
    assert "a table of winners only" in result.stderr
    assert "pass --wide" not in result.stderr
    assert "leads" not in result.stdout


def test_a_single_party_column_beside_facts_still_reads(tmp_path):
    # One real option beside registered, ballots and blank: read, its votes as given.
    text = (
        "district,registered,ballots,blank,Harbour Party\n"
        "North,1000,700,20,680\nSouth,900,600,10,590\nEast,500,300,5,295\n"
    )
    path = write(tmp_path, text, "one_party.csv")
    result = invoke("summary", str(path), "--wide", "-f", "json")
    assert result.code == 0, result.stderr
    assert "Harbour Party" in result.stdout
    assert 680 + 590 + 295 in _numbers(json.loads(result.stdout))


def _numbers(data: object) -> list[int]:
    if isinstance(data, dict):
        return [n for v in data.values() for n in _numbers(v)]
    if isinstance(data, list):
        return [n for v in data for n in _numbers(v)]
    return [data] if isinstance(data, int) else []
