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
