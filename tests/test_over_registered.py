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


def test_a_region_over_100_is_marked_in_the_region_table_on_both_engines(
    tmp_path, monkeypatch
) -> None:
    """`--by region` printed Elm's 180.00 % turnout as a plain figure (the finding on the
    file's 113.33 % said it was impossible, the region's nothing); now marked, in JSON too."""
    from pollcli.read import engines

    text = (
        "county,registered,ballots_cast,candidate,votes\n"
        "Ash,100,80,Ann Vell,50\nAsh,100,80,Bo Lind,30\n"
        "Elm,50,90,Ann Vell,40\nElm,50,90,Bo Lind,50\n"
    )
    path = str(write(tmp_path, text))
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        shown = invoke("summary", path, "--by", "region", "--format", "markdown").stdout
        shown = shown.replace("\\!", "!")  # (Markdown's escape)
        rows = {r.split("|")[1].strip(): r for r in shown.splitlines() if r.startswith("| ")}
        assert "180.00 % (!)" in rows["Elm"] and "(!)" not in rows["Ash"]  # 90 / 50
        assert any("Turnout over 100 % in 1 of 2 regions" in s for s in shown.splitlines())
        (election,) = json.loads(
            invoke("summary", path, "--by", "region", "--format", "json").stdout
        )["elections"]
        assert {r["region"]: r["over_registered"] for r in election["regions"]} == {
            "Ash": False,
            "Elm": True,
        }


def test_a_place_over_its_voters_is_warned_without_a_county_column(tmp_path, monkeypatch) -> None:
    """Counts in columns of each row (a county file), or a precinct file with no county column:
    the place over 100 % was said nowhere (only the file's 170 of 150)."""
    from conftest import engines_agree

    by_county = (
        "county,registered,ballots_cast,candidate,votes\n"
        "Ash,100,80,Ann Vell,50\nAsh,100,80,Bo Lind,30\n"
        "Elm,50,90,Ann Vell,40\nElm,50,90,Bo Lind,50\n"
    )
    by_precinct = "precinct,office,district,candidate,party,votes\n" + "".join(
        _precinct("", name, cast, registered, ann, bob).removeprefix(",").replace("\n,", "\n")
        for name, cast, registered, ann, bob in (
            ("North 1", 900, 600, 500, 380),
            ("North 2", 400, 1500, 200, 190),
        )
    )
    for text, word, place, line in (
        (by_county, "1 county", "'Elm' (90 of 50, line 4)", 4),
        (by_precinct, "1 precinct", "'North 1' (900 of 600, line 2)", 2),
    ):
        _, problems = engines_agree(monkeypatch, write(tmp_path, text))
        (over,) = [p for p in problems if "registered voters in" in p.message]
        assert over.line == line and word in over.message and place in over.message
