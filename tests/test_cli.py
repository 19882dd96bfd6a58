"""The command line: exit codes, streams, and JSON that equals the library's own result."""

import json
import os
import subprocess
import sys

import pytest

from conftest import DATA, ROOT, invoke, write
from pollcli import __version__, load, summarize, validate


def test_json_equals_the_library_result(kz2022):
    result = invoke("summary", str(kz2022), "--format", "json")
    assert result.code == 0
    assert json.loads(result.stdout) == summarize(load(str(kz2022))).to_dict()


def test_options_reach_the_library(kz2022):
    result = invoke(
        "summary", str(kz2022), "--format", "json", "--threshold", "2.5", "--majority", "90"
    )
    expected = summarize(load(str(kz2022)), threshold=2.5, majority=90)
    assert json.loads(result.stdout) == expected.to_dict()
    election = expected.elections[0]
    assert election.below_threshold == ["Nurlan Auesbayev", "Saltanat Tursynbekova"]
    assert election.majority.runoff == ["Kassym-Jomart Tokayev", "Zhiguli Dairabayev"]


def test_validate_json_equals_the_library_result(kz2022):
    result = invoke("validate", str(kz2022), "--format", "json")
    assert result.code == 0
    assert json.loads(result.stdout) == validate(str(kz2022)).to_dict()


def test_json_is_pure_on_stdout_and_warnings_go_to_stderr(tmp_path):
    path = write(tmp_path, "candidate,votes,share\nA,60,50\nB,40,50\n")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0
    json.loads(result.stdout)
    assert "pollcli: warning:" in result.stderr
    assert invoke("summary", str(path), "--format", "json", "--quiet").stderr == ""


def test_table_output_has_the_story(kz2022):
    result = invoke("summary", str(kz2022), env={"COLUMNS": "120"})
    assert result.code == 0
    for text in (
        "LEADER",
        "RUNNER-UP",
        "AGAINST ALL",
        "BELOW 3 %",
        "81.31 %",
        "6,456,392",
        "69.44 %",
        "2029",
    ):
        assert text in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_csv_and_markdown_formats(kz2022):
    csv_out = invoke("summary", str(kz2022), "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith(
        "election,date,country,office,round,stage,source_file,rank,candidate"
    )
    assert len(csv_out) == 8
    assert ",Kassym-Jomart Tokayev," in csv_out[1] and csv_out[1].endswith(",true,false")
    markdown = invoke("summary", str(kz2022), "--format", "markdown").stdout
    assert "| 1 | Kassym-Jomart Tokayev |" in markdown and "LEADER" in markdown


def test_output_file(tmp_path, kz2022):
    target = tmp_path / "out.json"
    result = invoke("summary", str(kz2022), "--format", "json", "--output", str(target))
    assert result.code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["elections"][0]["leader"]["share"] == 81.31


def test_output_never_overwrites_an_input(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,1\n")
    before = path.read_bytes()
    result = invoke("summary", str(path), "--output", str(path))
    assert result.code == 2 and "never overwrites" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ("summary", "does-not-exist.csv"),
        ("summary", "--no-such-option", "x.csv"),
        ("summary",),
        ("summary", "x.csv", "--format", "yaml"),
        ("summary", "x.csv", "--threshold", "150"),
        ("summary", "x.csv", "--encoding", "klingon"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.csv").write_text("candidate,votes\nA,1\n")
    result = invoke(*args)
    assert result.code == 2
    assert result.stderr.startswith("pollcli: error:")
    assert "Traceback" not in result.stderr


def test_missing_file_message():
    result = invoke("summary", "nowhere.csv")
    assert result.stderr == "pollcli: error: nowhere.csv: no such file; check the path\n"


def test_version_and_help():
    assert invoke("--version").stdout == f"pollcli {__version__}\n"
    for command in ("summary", "validate"):
        result = invoke(command, "--help", env={"COLUMNS": "120"})
        assert result.code == 0
        assert "Example" in result.stdout and f"pollcli {command}" in result.stdout


def test_internal_errors_are_not_tracebacks(monkeypatch, kz2022):
    import pollcli.summary

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pollcli.summary, "summarize", explode)
    result = invoke("summary", str(kz2022))
    assert result.code == 70
    assert "internal error" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(RuntimeError, match="boom"):  # --debug lets the traceback through
        invoke("--debug", "summary", str(kz2022))


def test_python_dash_m_entry_point(kz2022):
    completed = subprocess.run(
        [sys.executable, "-m", "pollcli", "summary", str(kz2022), "--format", "json"],
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["elections"][0]["turnout"]["ballots_cast"] == 8300046


DETERMINISM_RUNS = [
    ["summary", "data/kz_2019.csv", "data/kz_2022.csv", "-f", "json"],
    ["summary", "data/kz_2022.csv", "-f", "markdown"],
    ["summary", "data/kz_2022.csv", "-f", "csv"],
    ["summary", "data/kz_2022.csv"],
    ["compare", "data/kz_2019.csv", "data/kz_2022.csv", "-f", "json"],
    ["compare", *sorted(str(p.relative_to(ROOT)) for p in DATA.glob("kz_2022*.csv"))],
    ["seats", "data/kz_2023_mazhilis.csv", "--method", "hare,dhondt", "-f", "json"],
    ["validate", "tests/hostile/duplicate_option.csv", "-f", "json"],
    ["schema", "summary"],
]


@pytest.mark.parametrize("args", DETERMINISM_RUNS, ids=lambda a: " ".join(a[:2]))
def test_output_is_deterministic_across_processes(args):
    """Equal inputs give byte-equal output in separate processes whose string hashes differ, so
    an order that leaks from a set or a dict of strings is caught (one process would hide it)."""
    outputs = set()
    for seed in ("0", "1", "12345"):
        completed = subprocess.run(
            [sys.executable, "-m", "pollcli", *args],
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "COLUMNS": "100", "NO_COLOR": "1"},
            check=False,
        )
        assert completed.returncode in (0, 1), completed.stderr
        outputs.add(completed.stdout + completed.stderr)
    assert len(outputs) == 1


def test_validate_reports_every_readable_file_then_exits_2_for_a_missing_one(tmp_path, kz2022):
    """Issue 13 item 25: a missing file among several no longer hides the others' reports."""
    bad = write(tmp_path, "candidate,votes\nA,-1\nB,2\n", "bad.csv")
    missing = tmp_path / "missing.csv"
    result = invoke("validate", str(kz2022), str(missing), str(bad), "--format", "json")
    assert result.code == 2
    files = json.loads(result.stdout)["files"]
    assert [(f["file"], f["valid"]) for f in files] == [(str(kz2022), True), (str(bad), False)]
    assert result.stderr == f"pollcli: error: {missing}: no such file; check the path\n"
    table = invoke("validate", str(kz2022), str(missing))
    assert table.code == 2
    assert str(kz2022) in table.stdout and "valid" in table.stdout


def test_validate_still_reads_standard_input_only_once(kz2022):
    result = invoke("validate", "-", "-", stdin=kz2022.read_bytes())
    assert result.code == 2
    assert "can be read only once" in result.stderr


def test_validate_of_only_missing_files_prints_no_report(tmp_path):
    result = invoke("validate", str(tmp_path / "a.csv"), str(tmp_path / "b.csv"), "-f", "json")
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.count("no such file") == 2


@pytest.mark.parametrize(
    ("option", "suggested", "not_suggested"),
    [
        ("--nope", [], ["--votes"]),  # 'nope' is nothing like 'votes': no "Possible options"
        ("--vote", ["--votes", "--vote-for"], ["--sort"]),
        ("--treshold", ["--threshold"], []),
    ],
)
def test_an_unknown_option_suggests_only_options_like_it(kz2022, option, suggested, not_suggested):
    # Click compares the names with their dashes, which every long option shares: '--nope' was
    # "close" to '--votes' (0.62), '--vote' to '--sort'.
    result = invoke("summary", str(kz2022), option)
    assert result.code == 2
    assert f"No such option: {option}" in result.stderr
    assert ("Possible options" in result.stderr) == bool(suggested)
    for name in suggested:
        assert name in result.stderr
    for name in not_suggested:
        assert name not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--chart", "a.png", "--chart", "b.svg"],
        ["--svg", "a.svg", "--svg=b.svg"],
        ["-o", "a.json", "--output", "b.json", "-f", "json"],
        ["--html", "a.html", "--html", "a.html"],
    ],
)
def test_a_file_option_given_twice_is_a_usage_error_not_a_file_dropped(
    kz2022, tmp_path, monkeypatch, args
):
    # Click keeps the last value: `--chart a.png --chart b.svg` wrote b.svg alone, silently.
    monkeypatch.chdir(tmp_path)
    result = invoke("summary", str(kz2022), *args)
    assert result.code == 2
    flag = "--output" if "-o" in args else args[0]
    assert f"{flag} is given twice" in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_each_file_option_once_writes_each_file(kz2022, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["--chart", "a.png", "--svg", "b.svg", "--html=c.html", "-o", "d.json", "-f", "json"]
    result = invoke("summary", str(kz2022), *args)
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "b.svg", "c.html", "d.json"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["summary", "--threshold", "abc"], "'abc' is not a number"),
        (["summary", "--round", "x"], "'x' is not a whole number"),
        (["summary", "--threshold", "150"], "150.0 is not between 0 and 100"),
        (["summary", "--round", "0"], "0 is less than 1"),
        (["seats", "--seats", "abc"], "'abc' is not a whole number"),
    ],
)
def test_a_bad_number_is_said_in_words(kz2022, args, said):
    # Click's own words were "'abc' is not a valid float range" and "0 is not in the range x>=1".
    result = invoke(*args, str(kz2022))
    assert result.code == 2
    assert said in result.stderr, result.stderr
    assert "range" not in result.stderr
