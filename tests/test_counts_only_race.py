"""A race of count rows alone (`Treasurer,,,Registered Voters,500` and `Ballots Cast`, with no
candidate's row) beside races that give a result: set aside, and said so with its lines — a warning
of its race in `validate` and in the summary's JSON `set_aside`, as a race of `Total` lines alone
is — not only counted in the split note ("1 of totals or counts alone, set aside"). Before, such
rows were counted nowhere but in that note, on both engines."""

import json

import pytest

from conftest import invoke, write
from pollcli.read import engines

HEADER = "county,precinct,office,district,party,candidate,votes"
GOVERNOR = [
    "Adams,P1,Governor,,DEM,Ann Vole,100",
    "Adams,P1,Governor,,REP,Bob Wren,80",
    "Adams,P2,Governor,,DEM,Ann Vole,50",
    "Adams,P2,Governor,,REP,Bob Wren,90",
]
TREASURER = [
    "Adams,P1,Treasurer,,,Registered Voters,500",
    "Adams,P1,Treasurer,,,Ballots Cast,300",
    "Adams,P2,Treasurer,,,Registered Voters,400",
]


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize("first", [False, True], ids=["after", "before"])
def test_a_race_of_counts_alone_is_reported_with_its_lines(tmp_path, monkeypatch, engine, first):
    monkeypatch.setenv(engines.ENGINE_ENV, engine)
    rows = TREASURER + GOVERNOR if first else GOVERNOR + TREASURER
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    lines = [2 + rows.index(row) for row in TREASURER]

    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["election"] for e in data["elections"]] == ["Governor"]
    (aside,) = data["set_aside"]
    assert aside["race"] == "Treasurer" and aside["severity"] == "warning"
    assert aside["code"] == "no-rows" and aside["line"] == lines[0]
    assert f"3 rows (line(s) {', '.join(map(str, lines))})" in aside["message"]
    assert "'Registered Voters', 'Ballots Cast'" in aside["message"]

    checked = invoke("validate", str(path), "--format", "json")
    assert checked.code == 0
    (problem,) = json.loads(checked.stdout)["files"][0]["problems"]
    assert problem["race"] == "Treasurer" and problem["line"] == lines[0]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_file_whose_every_race_is_counts_alone_has_its_one_error(tmp_path, monkeypatch, engine):
    monkeypatch.setenv(engines.ENGINE_ENV, engine)
    rows = [*TREASURER, "Adams,P1,Auditor,,,Ballots Cast,300"]
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 1
    (problem,) = json.loads(result.stdout)["files"][0]["problems"]
    assert problem["severity"] == "error" and "every data row is a count" in problem["message"]
