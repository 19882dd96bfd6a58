"""`--columns`: the names of the columns of a file with no header (trial B8), in both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import ROOT, each_engine, invoke, write
from pollcli.errors import UsageError
from pollcli.read import ReadOptions, engines, load, load_file
from pollcli.read.options import column_names
from sheets import write_xlsx

NAMES = ("region", "precinct", "candidate", "party", "votes")
EXTRA = next(
    (
        p
        for p in (ROOT.parent / "extra-realworld", Path("/work/extra-realworld"))
        if (p / "in_ls2024_results_no_header.csv").is_file()
    ),
    None,
)


def headerless(rows: int = 400) -> str:
    people = [("Ana", "Blue"), ("Ben", "Red"), ("Cy", "Green")]
    return "".join(
        f"R{i % 4},P{i // 3},{people[i % 3][0]},{people[i % 3][1]},{(i * 37) % 101}\n"
        for i in range(rows)
    )


def oracle(path: Path) -> dict[str, int]:
    """Votes per candidate by pandas, told the names the same way (`header=None, names=`)."""
    frame = pd.read_csv(path, header=None, names=list(NAMES))
    return {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}


def both(monkeypatch, path: Path, options: ReadOptions):
    results = each_engine(monkeypatch, path, options, block_bytes=256)
    return results["exact"], results["stream"]


def votes_of(elections) -> dict[str, int]:
    return {o.candidate: o.votes for o in elections[0].options}


def test_a_headerless_file_is_read_with_the_names_given(tmp_path, monkeypatch):
    path = write(tmp_path, headerless())
    exact, streamed = both(monkeypatch, path, ReadOptions(columns=NAMES))
    assert exact == streamed
    elections, problems = exact
    assert [p for p in problems if p.severity == "error"] == []
    assert votes_of(elections) == oracle(path)


def test_without_the_flag_the_error_names_it(tmp_path, monkeypatch):
    path = write(tmp_path, headerless(30))
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        result = invoke("summary", str(path))
        assert result.code == 1
        assert "line 1 holds figures, not a header" in result.stderr
        assert "--columns" in result.stderr and "5 columns" in result.stderr


def test_the_first_line_is_data_and_lines_keep_their_numbers(tmp_path, monkeypatch):
    # Front matter above the data stays front matter; a bad cell is named on its own line.
    text = "# election: Test\n\n" + "R1,P1,Ann,A,10\nR1,P1,Bob,B,x5\n"
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path, ReadOptions(columns=NAMES))
    assert exact == streamed
    _, problems = exact
    assert [(p.line, p.code) for p in problems if p.severity == "error"] == [(4, "type-error")]
    fixed = write(tmp_path, text.replace("x5", "5"), "fixed.csv")
    elections, problems = load_file(fixed, ReadOptions(columns=NAMES))
    assert votes_of(elections) == {"Ann": 10, "Bob": 5}
    assert elections[0].facts.election == "Test"


@pytest.mark.parametrize("names", [NAMES[:4], (*NAMES, "extra")])
def test_names_that_do_not_fit_the_rows_are_one_error_naming_the_flag(tmp_path, monkeypatch, names):
    path = write(tmp_path, headerless())
    exact, streamed = both(monkeypatch, path, ReadOptions(columns=names))
    assert exact == streamed
    elections, problems = exact
    assert elections == [] and len(problems) == 1
    assert problems[0].line == 1
    assert f"--columns names {len(names)} column(s)" in problems[0].message


def test_a_header_problem_has_no_line_of_its_own(tmp_path):
    path = write(tmp_path, "Ann,10\nBob,5\n")
    _, problems = load_file(path, ReadOptions(columns=("name_of", "count_of")))
    errors = [p for p in problems if p.severity == "error"]
    assert {p.code for p in errors} == {"missing-column"}
    assert all(p.line is None for p in errors)


def test_standard_input_and_the_cli(tmp_path):
    text = headerless(60)
    path = write(tmp_path, text)
    args = ("summary", "-f", "json", "--columns", ",".join(NAMES))
    by_path = json.loads(invoke(*args, str(path)).stdout)
    by_stdin = json.loads(invoke(*args, "-", stdin=text.encode()).stdout)
    votes = {o["candidate"]: o["votes"] for o in by_path["elections"][0]["results"]}
    assert votes == oracle(path)
    assert by_stdin["elections"][0]["results"] == by_path["elections"][0]["results"]
    assert invoke("validate", str(path), "--columns", ",".join(NAMES)).code == 0
    assert invoke("seats", str(path), "--columns", ",".join(NAMES), "--seats", "3").code == 0


@pytest.mark.parametrize(
    ("value", "wanted"),
    [
        ("candidate,,votes", "name every column"),
        ("candidate,votes,Votes ,votes", "'votes' is named twice"),
        (" , ", "name every column"),
    ],
)
def test_impossible_names_are_usage_errors(value, wanted):
    with pytest.raises(UsageError, match=wanted):
        column_names(value)


def test_an_unknown_name_may_leave_several_columns_unused(tmp_path):
    # The error's own advice ("a name pollcli does not know, such as x, leaves its column unused")
    # must hold for several columns (trial 3: India's --columns x,code,…,x,candidate,… failed).
    assert column_names("x,candidate,x,votes,x") == ("x", "candidate", "x", "votes", "x")
    path = write(tmp_path, "1,Ann,a,10,z\n2,Bob,b,5,z\n")
    result = invoke("summary", str(path), "-f", "json", "--columns", "x,candidate,x,votes,x")
    assert result.code == 0, result.stderr
    results = json.loads(result.stdout)["elections"][0]["results"]
    assert {o["candidate"]: o["votes"] for o in results} == {"Ann": 10, "Bob": 5}


def test_columns_and_header_line_do_not_go_together(tmp_path):
    path = write(tmp_path, headerless(9))
    result = invoke("summary", str(path), "--columns", ",".join(NAMES), "--header-line", "1")
    assert result.code == 2 and "give one of them" in result.stderr


def test_a_sheet_without_a_header(tmp_path):
    rows: list[list[str | int | None]] = [["Ann", "A", 10], ["Bob", "B", 5]]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": rows})
    elections = load(path, columns="candidate,party,votes")
    assert votes_of(elections) == {"Ann": 10, "Bob": 5}


def test_a_parquet_file_names_its_own_columns(tmp_path):
    path = tmp_path / "r.parquet"
    buffer = io.BytesIO()
    pq.write_table(pa.table({"candidate": ["Ann"], "votes": [1]}), buffer)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UsageError, match="Parquet file names its own columns"):
        load(path, columns="candidate,votes")


@pytest.mark.skipif(EXTRA is None, reason="extra-realworld is not beside the repository")
def test_india_2024_without_a_header(monkeypatch):
    """The trial's file (no header row) against the trial's oracle (expected.json)."""
    assert EXTRA is not None
    path = EXTRA / "in_ls2024_results_no_header.csv"
    names = "no,code,state,constituency,serial,candidate,party,evm,postal,votes,share"
    expected = [
        e
        for e in json.loads((EXTRA / "expected.json").read_text())
        if e["file"] == path.name and e["kind"] == "candidate"
    ]
    results = []
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        loaded = load(path, columns=names, votes="votes", race=["VARANASI", "MUMBAI NORTH WEST"])
        results.append({e.race.name if e.race else "": votes_of([e]) for e in loaded})
    assert results[0] == results[1]
    # Race names are "STATE · CONSTITUENCY"; the oracle's "VARANASI (S2477)".
    got = {name.split(" · ")[-1]: votes for name, votes in results[0].items()}
    checked = [e for e in expected if e["race"].split(" (")[0] in got]
    assert len(checked) == 6
    for entry in checked:
        assert got[entry["race"].split(" (")[0]][entry["candidate"]] == entry["votes"]
