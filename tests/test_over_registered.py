"""More ballots cast than registered voters is a warning, never a plain turnout figure.

Indiana's Brown County file of 2016 (OpenElections) gives each precinct `Voters,,Ballots Cast,,1191`
above `Voters,,Registered,,712` (the two figures swapped?): the summary printed "Turnout: 157.43 %"
as a finding, and a precinct over 100 % in a county under it was said nowhere at all. Invented
files in the same layout; figures checked by hand."""

from __future__ import annotations

import json

from conftest import invoke, write

LAYOUT = "county,precinct,office,district,candidate,party,votes\n"


def _precinct(county: str, name: str, cast: int, registered: int, ann: int, bob: int) -> str:
    return (
        f"{county},{name},Voters,,Ballots Cast,,{cast}\n"
        f"{county},{name},Voters,,Registered,,{registered}\n"
        f"{county},{name},Mayor,,Ann Lee,R,{ann}\n"
        f"{county},{name},Mayor,,Bob Ray,D,{bob}\n"
    )


def _validate(text: str, tmp_path) -> list[dict]:
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    return json.loads(result.stdout)["files"][0]["problems"]


def test_a_precinct_over_its_registered_voters_in_a_county_under_them(tmp_path) -> None:
    # North 1: 900 ballots of 600 registered (150 %); the county: 1,300 of 2,100 (61.90 %).
    text = LAYOUT + _precinct("Lake", "North 1", 900, 600, 500, 380)
    text += _precinct("Lake", "North 2", 400, 1500, 200, 190)
    problems = _validate(text, tmp_path)
    (over,) = [p for p in problems if "registered" in p["message"]]
    assert over["severity"] == "warning" and over["line"] == 2
    assert "'North 1'" in over["message"] and "900" in over["message"]
    assert "600" in over["message"] and "North 2" not in over["message"]


def test_the_turnout_finding_over_100_is_said_to_be_impossible(tmp_path) -> None:
    # 1,191 + 1,323 = 2,514 ballots of 712 + 755 = 1,467 registered: 171.37 %.
    text = LAYOUT + _precinct("Brown", "Hamblen 1", 1191, 712, 461, 186)
    text += _precinct("Brown", "Hamblen 2", 1323, 755, 500, 200)
    result = invoke("summary", str(write(tmp_path, text)), "--format", "markdown")
    (line,) = [s for s in result.stdout.splitlines() if "Turnout" in s]
    assert "171.37 %" in line and "more ballots" in line and "check" in line
    problems = _validate(text, tmp_path)
    over = [p for p in problems if "registered" in p["message"] and p["line"] == 2]
    assert over and "2 precincts" in over[0]["message"]


def test_both_engines_say_so_alike(tmp_path, monkeypatch) -> None:
    from conftest import engines_agree

    text = LAYOUT + _precinct("Lake", "North 1", 900, 600, 500, 380)
    text += _precinct("Lake", "North 2", 400, 1500, 200, 190)
    _, problems = engines_agree(monkeypatch, write(tmp_path, text), block_bytes=64)
    assert [p.line for p in problems if "registered voters in 1 precinct" in p.message] == [2]


def test_summary_says_it_too(tmp_path):
    """Found once every election was built, the warning was in `validate` alone: each election
    carries it, so `summary` says it (stderr and JSON)."""
    text = (
        "county,precinct,candidate,votes,registered,ballots_cast\n"
        "Lake,North 1,Ann,500,600,900\nLake,North 1,Bob,300,600,900\n"
        "Lake,South 2,Ann,200,700,400\nLake,South 2,Bob,150,700,400\n"
    )
    path = tmp_path / "over.csv"
    path.write_text(text, encoding="utf-8")
    out = invoke("summary", str(path), "--format", "json")
    assert "ballots cast exceed registered voters in 1 precinct" in out.stderr, out.stderr
    (election,) = json.loads(out.stdout)["elections"]
    assert any("exceed registered voters" in w for w in election["warnings"])
