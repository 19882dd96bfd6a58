"""Issue 11 items 7 and 8: `validate` lists every problem at once, on both engines (no check hides
another), and a published share per region is checked against the region's votes."""

import json

import pytest

from conftest import invoke, write
from pollcli.read import ReadOptions, engines, load_file, stream


def codes(path, engine="exact"):
    result = invoke("validate", str(path), "--format", "json", env={engines.ENGINE_ENV: engine})
    return [(p["code"], p["line"]) for p in json.loads(result.stdout)["files"][0]["problems"]]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_bad_date_does_not_hide_a_share_of_150(tmp_path, engine):
    path = write(tmp_path, "# date: 2024-13-45\ncandidate,votes,share\nA,10,150\nB,5,30\n")
    found = codes(path, engine)
    assert ("invalid-metadata", 1) in found
    assert ("share-out-of-range", 3) in found
    # …and the out-of-range share does not hide the sum of the shares.
    assert ("shares-sum", 3) in found


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_inconsistent_facts_do_not_hide_the_share_checks(tmp_path, engine):
    text = "candidate,votes,share,date\nA,60,55,2024-01-01\nB,40,45,2024-01-02\n"
    found = codes(write(tmp_path, text), engine)
    assert ("inconsistent-metadata", 3) in found
    assert ("share-mismatch", 2) in found


def test_an_election_with_errors_is_still_left_out(tmp_path):
    path = write(tmp_path, "# date: 2024-13-45\ncandidate,votes\nA,10\nB,5\n")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 1 and result.stdout == ""
    assert "not a real calendar date" in result.stderr


def test_region_shares_are_checked_against_the_regions_votes(tmp_path):
    # Hand-checked: in S, A has 10 of 40 votes = 25 %, published as 50 %.
    text = "region,candidate,votes,share\nN,A,60,60\nN,B,40,40\nS,A,10,50\nS,B,30,50\n"
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["code"], p["line"]) for p in problems] == [
        ("share-mismatch", 4),
        ("share-mismatch", 5),
    ]
    assert (
        "of 'A' in region 'S' differs from its votes, which give 25.000 %"
        in (problems[0]["message"])
    )


def test_region_shares_that_add_up_to_far_more_than_100_are_an_error(tmp_path):
    text = "region,candidate,votes,share\nN,A,60,60\nN,B,40,40\nS,A,10,90\nS,B,30,75\n"
    found = codes(write(tmp_path, text))
    assert ("shares-sum", 4) in found


def test_region_shares_on_the_cast_base_say_so(tmp_path):
    # S: 10 + 30 valid of 50 cast; published shares are of ballots cast (20 % and 60 %).
    text = (
        "region,candidate,votes,share,ballots_cast\n"
        "N,A,60,60,100\nN,B,40,40,100\nS,A,10,20,50\nS,B,30,60,50\n"
    )
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    messages = [p["message"] for p in json.loads(result.stdout)["files"][0]["problems"]]
    assert any("in region 'S' fit the cast base, not valid" in m for m in messages)


def test_a_share_beside_a_unit_column_is_still_left_unused_with_a_note(tmp_path):
    text = "region,precinct,candidate,votes,share\nN,P1,A,6,60\nN,P1,B,4,40\n"
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    notes = json.loads(result.stdout)["elections"][0]["notes"]
    assert any("The 'share' column is left unused" in n for n in notes)


def test_both_engines_agree_on_a_file_with_many_problems(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    rows = [f"R{i % 4},P{i // 3},{'ABC'[i % 3]},{i}" for i in range(300)]
    rows[40] = "R0,P13,B,-4"
    rows[200] = "R3,P66,C,abc"  # (an `x` is a blank cell: Mississippi's mark)
    path = write(
        tmp_path, "# date: 2024-02-30\nregion,precinct,candidate,votes\n" + "\n".join(rows) + "\n"
    )
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]
    found = [(p.code, p.line) for p in results["exact"][1]]
    assert ("invalid-metadata", 1) in found
    assert ("negative-votes", 43) in found and ("type-error", 203) in found
