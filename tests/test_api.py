"""The library as notebooks and scripts use it: typed, documented, convertible to DataFrames."""

import datetime as dt
import json
import subprocess
import sys

import pytest

import pollcli
from conftest import DATA, ROOT, invoke


def test_public_names_are_the_functions():
    """No module shares a public function's name, so `from pollcli import load` is the function."""
    from pollcli import compare, load, summarize, validate

    for function in (compare, load, summarize, validate):
        assert callable(function)
        assert function.__doc__
    assert pollcli.load is load
    assert set(pollcli.__all__) >= {"compare", "load", "summarize", "validate"}


def test_public_names_survive_the_cli_importing_their_modules():
    code = (
        "import pollcli.read, pollcli.summary, pollcli.comparison, pollcli.cli\n"
        "from pollcli import compare, load, summarize, validate\n"
        "assert callable(load) and callable(validate) and callable(compare), load\n"
        "print(len(summarize(load('data/kz_2022.csv')).elections))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"


def test_package_is_marked_typed():
    assert (ROOT / "src" / "pollcli" / "py.typed").is_file()


def test_help_does_not_import_pandas():
    code = (
        "import sys, io, contextlib\n"
        "from pollcli.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for args in (['--help'], ['summary', '--help'], ['schema', '--help']):\n"
        "        run(args)\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_library_summary_equals_cli_json(kz2022):
    from pollcli import load, summarize

    result = invoke("summary", str(kz2022), "--format", "json")
    assert json.loads(result.stdout) == summarize(load(kz2022)).to_dict()


def test_summary_to_dataframe():
    pd = pytest.importorskip("pandas")
    from pollcli import load, summarize

    summary = summarize(load([DATA / "kz_2019.csv", DATA / "kz_2022.csv"]))
    frame = summary.to_dataframe()
    assert len(frame) == sum(len(e.results) for e in summary.elections)
    assert list(frame.columns[:3]) == ["election", "date", "country"]
    kz2022 = frame[frame["date"] == pd.Timestamp("2022-11-20")]
    leader = kz2022[kz2022["leader"]]
    assert leader["candidate"].tolist() == ["Kassym-Jomart Tokayev"]
    assert leader["votes"].tolist() == [6456392]
    assert kz2022["share"].sum() == pytest.approx(100, abs=0.02)
    assert kz2022.loc[kz2022["kind"] == "against_all", "share"].tolist() == [5.80]
    assert kz2022["below_threshold"].sum() == 4
    assert str(frame["votes"].dtype) == "Int64"


def test_summary_flat_rows_one_at_a_time_are_its_flat_rows_and_the_csv_rows():
    """`iter_flat_rows` (CSV output's: a million options' records never held at once) gives
    `flat_rows`' records, in order; the CSV has a line for each, under the header."""
    import inspect

    from pollcli import load, summarize
    from pollcli.render.csv import render_summary

    summary = summarize(load([DATA / "kz_2019.csv", DATA / "kz_2022.csv"]))
    assert inspect.isgenerator(summary.iter_flat_rows())
    records = summary.flat_rows()
    assert list(summary.iter_flat_rows()) == records
    assert len(records) == sum(len(e.results) for e in summary.elections)
    lines = render_summary(summary).splitlines()
    assert len(lines) == 1 + len(records)
    assert lines[1].split(",")[8] == records[0]["candidate"]


def test_summary_to_dataframe_keeps_missing_votes_missing(tmp_path):
    pytest.importorskip("pandas")
    from pollcli import load, summarize

    path = tmp_path / "shares.csv"
    path.write_text("candidate,share\nA,60\nB,40\n", encoding="utf-8")
    frame = summarize(load(path)).to_dataframe()
    assert frame["votes"].isna().all()
    assert frame["share"].tolist() == [60.0, 40.0]


def test_empty_summary_to_dataframe_has_the_columns():
    pytest.importorskip("pandas")
    from pollcli.models import SUMMARY_COLUMNS, Summary

    frame = Summary(elections=[]).to_dataframe()
    assert frame.empty
    assert tuple(frame.columns) == SUMMARY_COLUMNS


def test_validation_report_to_dataframe(tmp_path):
    pytest.importorskip("pandas")
    from pollcli import validate

    path = tmp_path / "bad.csv"
    path.write_text("candidate,votes\nA,-1\nB,5\n", encoding="utf-8")
    frame = validate([path, DATA / "kz_2022.csv"]).to_dataframe()
    assert frame["code"].tolist() == ["negative-votes"]
    assert frame["line"].tolist() == [2]
    assert frame["file"].tolist() == [str(path)]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"round": 0}, "round 0: must be a whole number from 1 to 99"),
        ({"round": "first"}, "round 'first' is not a number; give 1 or 2"),
        ({"term_years": 7.5}, "term_years 7.5: must be a whole number from 1 to 99"),
        ({"registered": -1}, "registered -1: must be a whole number from 0 to 10,000,000,000"),
        ({"registered": True}, "registered True: must be a whole number"),
        ({"date": "20.11.2022"}, "date '20.11.2022' is not in ISO form"),
        ({"date": dt.datetime(2022, 11, 20, 15, 30)}, "must be a date, YYYY-MM-DD"),
        ({"stage": "final"}, "stage 'final' is not one of official, preliminary, exit_poll"),
        ({"country": 7}, "country 7: must be text"),
    ],
)
def test_facts_given_from_python_are_checked_like_the_file_s(facts, expected):
    """The CLI's flags arrive typed and bounded; the Python API's facts are read as the file's
    would be (text parsed, whole floats as integers) and checked by the same bounds."""
    from pollcli import load
    from pollcli.errors import DataError

    with pytest.raises(DataError) as caught:
        load(DATA / "kz_2022.csv", facts=facts)
    assert [p.code for p in caught.value.problems] == ["invalid-metadata"]
    assert expected in caught.value.problems[0].message


def test_facts_given_from_python_are_used_as_the_file_s_would_be():
    from pollcli import load

    given = {"round": "2", "date": "2022-11-21", "registered": 1000.0, "term_years": 7}
    (election,) = load(DATA / "kz_2022.csv", facts=given)
    facts = election.facts
    assert (facts.round, facts.date, facts.registered, facts.term_years) == (
        2,
        dt.date(2022, 11, 21),
        1000,
        7,
    )
    assert type(facts.registered) is int


def test_an_unknown_fact_from_python_is_a_usage_error():
    from pollcli import load
    from pollcli.errors import UsageError

    with pytest.raises(UsageError, match=r"unknown election fact.*'registred'"):
        load(DATA / "kz_2022.csv", facts={"registred": 100})


def test_an_integer_threshold_is_a_float_in_the_result():
    from pollcli import load, summarize

    election = summarize(load(DATA / "kz_2022.csv"), threshold=5, majority=50).elections[0]
    assert json.dumps([election.threshold, election.majority.threshold]) == "[5.0, 50.0]"


def test_facts_from_numpy_pandas_and_decimal_are_taken():
    """`df["x"].sum()` is a numpy integer and a date column holds Timestamps: both are facts."""
    import decimal

    import numpy as np
    import pandas as pd

    from pollcli import load

    given = {
        "ballots_cast": np.int64(8300046),
        "registered": decimal.Decimal("11953465"),
        "round": np.float64(1.0),
        "date": pd.Timestamp("2022-11-20"),
    }
    (election,) = load(DATA / "kz_2022.csv", facts=given)
    facts = election.facts
    assert (facts.ballots_cast, facts.registered, facts.round) == (8300046, 11953465, 1)
    assert {type(facts.ballots_cast), type(facts.registered), type(facts.round)} == {int}
    assert facts.date == dt.date(2022, 11, 20) and type(facts.date) is dt.date


@pytest.mark.parametrize("bad", [-1, 101, float("nan"), float("inf"), True, "five", None])
def test_a_threshold_from_python_is_bounded_like_the_flag(bad):
    from pollcli import load, summarize
    from pollcli.errors import UsageError

    elections = load(DATA / "kz_2022.csv")
    with pytest.raises(UsageError, match="threshold must be a number from 0 to 100"):
        summarize(elections, threshold=bad)
