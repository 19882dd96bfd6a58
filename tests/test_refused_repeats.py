"""`validate` reports every problem, each check run whatever the others found: an option listed
twice is a `duplicate-option` even where one of its rows is refused for a cell (`-5` votes). The
refused row was no record, so the repeat went unreported (session 19). Both engines."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

ENGINES = [{}, {"POLLCLI_ENGINE": "exact"}]


def _problems(tmp_path, text: str, env: dict[str, str]) -> list[tuple[str, int]]:
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json", env=env)
    assert result.code == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    return [(p["code"], p["line"]) for p in problems if p["severity"] == "error"]


@pytest.mark.parametrize("env", ENGINES)
def test_a_repeat_of_a_row_with_negative_votes(tmp_path, env) -> None:
    found = _problems(tmp_path, "candidate,votes,share\nA,10,150\nB,-5,20\nB,3,\n", env)
    assert ("negative-votes", 3) in found and ("duplicate-option", 4) in found
    assert ("share-out-of-range", 2) in found


@pytest.mark.parametrize("env", ENGINES)
def test_the_refused_row_second_and_both_refused(tmp_path, env) -> None:
    text = "candidate,votes\nA,10\nB,3\nB,x\nC,-1\nC,-2\n"
    found = _problems(tmp_path, text, env)
    assert ("duplicate-option", 4) in found and ("duplicate-option", 6) in found
    assert [code for code, line in found if line in (2, 3, 5)] == ["negative-votes"]


@pytest.mark.parametrize("env", ENGINES)
def test_no_repeat_across_regions_races_or_party_lines(tmp_path, env) -> None:
    text = (
        "office,region,candidate,party,votes\n"
        "Mayor,North,B,X,-5\n"
        "Mayor,South,B,X,3\n"  # another region
        "Council,North,B,X,4\n"  # another race
        "Mayor,North,B,Y,2\n"  # another party line
        "Mayor,North,A,X,9\n"
    )
    found = _problems(tmp_path, text, env)
    assert [code for code, _ in found] == ["negative-votes"]


def test_a_repeat_goes_with_its_race_and_the_others_are_read(tmp_path) -> None:
    """Nevada 2010's precincts: `Kevinn Donovan,,22` then `Kevinn Donovan,0,22` in one precinct.
    The repeat, untagged, refused the whole file (no JSON at all); it is its race's error now:
    that race refused, the others summarised (hand-checked figures). The exact engine: it keeps
    this file's precincts, as it keeps Nevada's (the streaming engine sums them per county here:
    `test_a_repeat_of_a_refused_row_in_a_precinct_summed_per_county`)."""
    text = (
        "county,precinct,office,district,candidate,votes\n"
        "Clark,1,State House,22,Kevinn Donovan,\n"
        "Clark,1,State House,22,Salli Durbin,7\n"
        "Clark,1,State House,22,Kevinn Donovan,0\n"
        "Clark,1,Governor,,Ann Ash,30\n"
        "Clark,1,Governor,,Bo Bell,20\n"
        "Clark,2,State House,22,Kevinn Donovan,5\n"
        "Clark,2,State House,22,Salli Durbin,4\n"
        "Clark,2,Governor,,Ann Ash,1\n"
        "Clark,2,Governor,,Bo Bell,2\n"
        "Clark,2,State House,22,Salli Durbin,4\n"
    )
    path = write(tmp_path, text)
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": "exact"})
    assert result.code == 1
    data = json.loads(result.stdout)
    (governor,) = data["elections"]
    votes = {r["candidate"]: r["votes"] for r in governor["results"]}
    assert votes == {"Ann Ash": 31, "Bo Bell": 22}
    (refused,) = data["refused"]
    assert refused["race"] == "State House · 22"
    assert ("duplicate-option", 4) in [(p["code"], p["line"]) for p in refused["problems"]]


PRECINCTS = (
    "county,precinct,office,candidate,votes\n"
    "Adams,P1,Governor,Ann Lee,10\n"
    "Adams,P1,Governor,Bob Ray,-5\n"
    "Adams,P1,Governor,Bob Ray,3\n"  # P1 again: a repeat
    "Adams,P2,Governor,Ann Lee,7\n"
    "Adams,P2,Governor,Bob Ray,4\n"  # P2: no repeat
    "Adams,P3,Governor,Ann Lee,1\n"
    "Adams,P3,Governor,Bob Ray,-1\n"  # refused, listed once in its precinct
    "Baker,P1,Governor,Ann Lee,2\n"
    "Baker,P1,Governor,Bob Ray,9\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_repeat_of_a_refused_row_in_a_precinct_summed_per_county(tmp_path, engine) -> None:
    """Issue 10: a precinct file summed per county (both engines sum such a file's rows per
    county, each unit's repeats checked apart) never compared the refused row with its precinct's
    other rows: `Bob Ray,-5` then `Bob Ray,3` in Adams' P1 reported the negative votes only, on
    either engine. `validate` finds the same problems on every engine."""
    found = _problems(tmp_path, PRECINCTS, {"POLLCLI_ENGINE": engine})
    assert sorted(found) == [("duplicate-option", 4), ("negative-votes", 3), ("negative-votes", 8)]


@pytest.mark.parametrize("block_bytes", [None, 64])
def test_both_engines_read_such_a_file_alike(tmp_path, monkeypatch, block_bytes) -> None:
    """The same elections and problems from both engines (the streaming one reads the refused
    rows' precincts again row by row), blocks cut anywhere; by hand, the rows read add up to Ann
    Lee 10 + 7 + 1 + 2 = 20 and Bob Ray 3 + 4 + 9 = 16."""
    from conftest import engines_agree

    elections, problems = engines_agree(
        monkeypatch, write(tmp_path, PRECINCTS), block_bytes=block_bytes
    )
    codes = sorted((p.code, p.line) for p in problems if p.severity == "error")
    assert codes == [("duplicate-option", 4), ("negative-votes", 3), ("negative-votes", 8)]
    (governor,) = elections
    assert {o.candidate: o.votes for o in governor.options} == {"Ann Lee": 20, "Bob Ray": 16}


@pytest.mark.parametrize("block_bytes", [None, 32])
def test_a_row_after_a_refused_one_and_its_repeat_is_listed_once(
    tmp_path, monkeypatch, block_bytes
) -> None:
    """`B,x` (refused), then `B,5` twice: line 3 repeats the refused line 2, line 4 repeats line
    3. The exact engine listed line 4 twice, as a repeat of line 2 and of line 3 (the assembly's
    check); the streaming engine, which sums lines 3 and 4 into one record, once (drawn by
    tests/test_options_past.py). Once each, on both engines: line 4's earlier record is the
    assembly's to name."""
    from conftest import dump, each_engine

    path = write(tmp_path, "election,candidate,votes\nB,N0,x\nB,N0,5\nB,N0,5\n")
    results = each_engine(monkeypatch, path, block_bytes=block_bytes)
    assert dump(results["exact"]) == dump(results["stream"])
    said = [(p.code, p.line, p.message.split(";")[0]) for p in results["exact"][1]]
    assert said == [
        ("missing-value", 2, "'N0' has neither votes nor a share"),
        ("duplicate-option", 3, "'N0' is listed again (first on line 2) in election 'B'"),
        ("duplicate-option", 4, "'N0' is listed again (first on line 3) in election 'B'"),
    ]


@pytest.mark.parametrize("block_bytes", [None, 64])
def test_a_refused_row_of_a_blank_precinct_repeats_no_named_precinct(
    tmp_path, monkeypatch, block_bytes
) -> None:
    """`C2,,Clerk,N2,` (a blank precinct, its vote cell blank: refused) and `C2,P0,Clerk,N2,12`: two
    precincts, no repeat, as the exact engine says (drawn with `x`, which now marks a race not on
    a place's ballot where every row of it there holds one: `read.offballot`). The streaming engine, whose record of N2 sums C2's named
    precincts (no unit of its own), compared it with the refused row as if both were the blank
    precinct's: "'N2' is listed again (first on line 2) in region 'C2'" (drawn by a fuzz of
    precinct files, bench/parity.py's session)."""
    from conftest import dump, each_engine

    text = (
        "county,precinct,office,candidate,votes\nC2,,Clerk,N2,\nC2,P0,Clerk,N2,12\n"
        "C2,P0,Clerk,N3,5\nC2,P1,Clerk,N2,7\nC2,P1,Clerk,N3,4\n"
    )
    results = each_engine(monkeypatch, write(tmp_path, text), block_bytes=block_bytes)
    assert dump(results["exact"]) == dump(results["stream"])
    assert [(p.code, p.line) for p in results["stream"][1]] == [("missing-value", 2)]
