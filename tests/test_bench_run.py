"""The benchmark harness (bench/run.py) measures what it says: a child's own peak RSS however big the
harness is, its exit code and first line of stderr, and a watchdog that kills a child over its limits."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
assert _spec is not None and _spec.loader is not None
bench_run = importlib.util.module_from_spec(_spec)
sys.modules["bench_run"] = bench_run  # its dataclasses look their module up
_spec.loader.exec_module(bench_run)


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_peak_rss_is_the_childs_own_not_the_harnesses():
    ballast = bytearray(300 * 2**20)  # the harness holds 300 MiB...
    ballast[::4096] = b"\x01" * len(ballast[::4096])
    small = bench_run.run_child(python("pass"), env=bench_run.child_env())
    grown = bench_run.run_child(
        python("x = bytearray(200 * 2**20)\nx[::4096] = b'1' * len(x[::4096])"),
        env=bench_run.child_env(),
    )
    del ballast
    assert small.code == 0 and small.rss < 60  # ...which its children do not show
    assert 200 <= grown.rss < 300


def test_exit_code_first_stderr_line_and_stdout_are_kept():
    outcome = bench_run.run_child(
        python("import sys\nprint('{\"a\": 1}')\nsys.exit('pollcli: error: bad\\nmore')"),
        env=bench_run.child_env(),
        keep_stdout=True,
    )
    assert outcome.code == 1 and outcome.stderr == "pollcli: error: bad"
    assert outcome.stdout == b'{"a": 1}\n' and outcome.killed is None
    assert outcome.said() == "exit 1: pollcli: error: bad"


def test_watchdog_kills_above_the_rss_limit_and_after_the_time_limit():
    hog = bench_run.run_child(
        python("x = []\nwhile True: x.append(bytearray(2**20))"),
        env=bench_run.child_env(),
        limits=bench_run.Limits(rss=150, seconds=20),
    )
    assert hog.code is None and hog.killed is not None
    assert hog.killed.startswith("killed at ") and "RSS limit 150 MiB" in hog.killed
    sleeper = bench_run.run_child(
        python("import time\ntime.sleep(30)"),
        env=bench_run.child_env(),
        limits=bench_run.Limits(rss=None, seconds=0.3),
    )
    assert sleeper.killed is not None and "time limit" in sleeper.killed
    assert sleeper.wall < 5


def test_summary_and_validate_outputs_are_read_for_their_figures():
    summary = b'{"command": "summary", "elections": [{"results": [{"votes": 2}, {"votes": 3}]}]}'
    assert bench_run.read_output(summary) == {"elections": 1, "results": 2, "votes": 5}
    validate = (
        b'{"command": "validate", "files": [{"problems": '
        b'[{"severity": "error"}, {"severity": "warning"}]}]}'
    )
    assert bench_run.read_output(validate) == {"errors": 1, "warnings": 1}
    assert bench_run.read_output(b"a table\nof two lines\n") == {"lines": 2}


def test_a_case_of_an_erroneous_file_meets_its_target_by_refusing_it():
    def arm(code: int) -> object:
        outcome = bench_run.Outcome(wall=1.0, rss=200.0, code=code, stderr="", out_bytes=0)
        return bench_run.Arm("summary", [], outcomes=[outcome])

    assert bench_run._verdict(arm(1), 3.0, 400.0, exit_code=1) == "met"
    assert bench_run._verdict(arm(0), 3.0, 400.0, exit_code=1) == "MISS (exit)"
    assert bench_run._verdict(arm(1), 3.0, 400.0) == "MISS (exit)"
    [repeated] = [c for c in bench_run.CLIFF_CASES if c.name == "repeated"]
    assert repeated.exit_code == 1
