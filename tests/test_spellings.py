"""One candidate spelt several ways across a race's counties: one `name-variant` warning for all
the spellings, with the aliases that merge them (trial 5: Arizona 2016 writes one ticket 'TRUMP
PENCE', 'TRUMP, PENCE', 'TRUMP-PENCE' and 'TRUMP / PENCE', six pairwise warnings per ticket).
Spellings that differ only in punctuation are one option without a warning (`option_key`; trial 6:
Georgia's 'E. CULVER KIDD' and 'E.CULVER KIDD'); the warning is for the others ('TRUMP AND
PENCE')."""

from __future__ import annotations

import json
import shlex

import pandas as pd

from conftest import engines_agree, invoke, write

# (A file of races: spellings are checked within each race of a file of many.)
TICKETS = """county,precinct,office,candidate,party,votes
Apache,1,President,JOHNSON WELD,LIB,5
Apache,1,President,TRUMP PENCE,REP,100
Apache,1,President,CLINTON KAINE,DEM,90
Cochise,1,President,TRUMP AND PENCE,REP,80
Cochise,1,President,CLINTON AND KAINE,DEM,70
Pima,1,President,JOHNSON WELD,LIB,5
Pima,1,President,TRUMP-PENCE,REP,60
Pima,1,President,CLINTON-KAINE,DEM,95
Yuma,1,President,JOHNSON WELD,LIB,5
Yuma,1,President,D TRUMP M PENCE,REP,40
Yuma,1,President,H CLINTON T KAINE,DEM,30
Yuma,1,Sheriff,Ann,,3
Yuma,1,Sheriff,Bob,,2
"""


def _variants(result) -> list[str]:
    return [
        line for line in result.stderr.splitlines() if "never appear in the same region" in line
    ]


def _aliases(message: str) -> list[str]:
    words = shlex.split(message.split("They are kept apart; ")[1].removesuffix(" merges them"))
    return [w for w in words if w != "--alias"]


def test_one_warning_per_candidate_with_every_alias(tmp_path, monkeypatch):
    path = write(tmp_path, TICKETS)
    engines_agree(monkeypatch, path)
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    warnings = _variants(result)
    assert len(warnings) == 2, warnings
    # 'TRUMP PENCE' (Apache) and 'TRUMP-PENCE' (Pima) are one option: three spellings are left.
    assert all("spelt 3 ways" in w for w in warnings)
    assert "TRUMP-PENCE" not in warnings[0] + warnings[1]
    # The aliases merge every spelling into the one with the most votes; the merged votes are
    # pandas' sum of the party's rows.
    flags = [arg for w in warnings for alias in _aliases(w) for arg in ("--alias", alias)]
    merged = invoke("summary", str(path), "-f", "json", *flags)
    assert merged.code == 0, merged.stderr
    assert _variants(merged) == []
    (president,) = [e for e in json.loads(merged.stdout)["elections"] if e["office"] == "President"]
    votes = {r["candidate"]: r["votes"] for r in president["results"]}
    frame = pd.read_csv(path)
    oracle = frame[frame["office"] == "President"].groupby("party")["votes"].sum()
    assert votes == {
        "TRUMP PENCE": oracle["REP"],
        "CLINTON KAINE": oracle["DEM"],
        "JOHNSON WELD": oracle["LIB"],
    }


def test_spellings_that_meet_in_a_region_stay_pairs(tmp_path):
    """'Ann B. Lee' and 'Lee, Ann' meet in county B: two of the linked spellings may be two
    candidates, so each pair is its own warning."""
    text = """county,precinct,office,candidate,votes
A,1,Mayor,Ann Lee,10
A,1,Mayor,Bob Day,5
B,1,Mayor,Ann B. Lee,7
B,1,Mayor,"Lee, Ann",3
B,1,Mayor,Bob Day,4
B,1,Sheriff,Cy,4
"""
    result = invoke("summary", str(write(tmp_path, text)))
    assert result.code == 0, result.stderr
    warnings = _variants(result)
    assert len(warnings) == 2, warnings
    assert all("spelt two ways" in w for w in warnings)


def test_two_spellings_keep_their_message(tmp_path):
    text = (
        "county,precinct,office,candidate,votes\nA,1,Mayor,James Comer,10\nA,1,Mayor,X,1\n"
        "B,1,Mayor,James R. Comer,4\nB,1,Mayor,X,2\nB,1,Sheriff,Cy,4\n"
    )
    result = invoke("summary", str(write(tmp_path, text)))
    (warning,) = _variants(result)
    assert warning.endswith(
        "'James R. Comer' and 'James Comer' of 'Mayor' never appear in the same region: one "
        "candidate spelt two ways? They are kept apart; --alias 'James R. Comer=James Comer' "
        "merges them"
    )


def test_spellings_that_differ_in_punctuation_are_one_option(tmp_path, monkeypatch):
    """Georgia's 2012 State House 145 writes 'E. CULVER KIDD' in one county and 'E.CULVER KIDD'
    in another (trial 6): one option, first spelling shown, its votes pandas' sum of both; no
    warning. Digits stay apart: '1-2' and '12' are two."""
    text = """county,precinct,office,candidate,party,votes
Baldwin,1,State House,QUENTIN T. HOWELL,D,8568
Baldwin,1,State House,E. CULVER KIDD,I,8036
Hancock,1,State House,QUENTIN T. HOWELL,D,5
Hancock,1,State House,E.CULVER KIDD,I,1937
Hancock,1,State House,O'Neil,R,3
Hancock,1,Question,Question 1-2,,7
Hancock,1,Question,Question 12,,6
Baldwin,1,Question,Question 1-2,,1
Baldwin,1,Question,Question 12,,2
"""
    path = write(tmp_path, text)
    (elections, _problems) = engines_agree(monkeypatch, path)
    frame = pd.read_csv(path)
    kidd = frame[frame["candidate"].str.replace(r"[\s.]", "", regex=True) == "ECULVERKIDD"]
    house = next(e for e in elections if e.facts.election == "State House")
    assert {o.candidate: o.votes for o in house.options} == {
        "QUENTIN T. HOWELL": 8573,
        "E. CULVER KIDD": kidd["votes"].sum(),
        "O'Neil": 3,
    }
    question = next(e for e in elections if e.facts.election == "Question")
    assert [o.candidate for o in question.options] == ["Question 1-2", "Question 12"]
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    assert _variants(result) == []
