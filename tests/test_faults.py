"""Faults from the world around pollcli, in a real process: where standard input comes from, closed
and broken streams, signals, full disks, file names that are not text. Each case runs `python -m
pollcli` in a subprocess, because file descriptors, signals and the bytes of argv are what matter."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, write

SMALL = "candidate,votes\nA,10\nB,5\n"


def _sigint_as_default() -> None:
    """In a child about to run pollcli: the signals under test as a terminal gives them. A shell's
    background job (`cmd &`, `nohup`) starts with SIGINT (or SIGHUP) ignored, which its children
    inherit and Python then leaves so (no KeyboardInterrupt): the tests would fail there for the
    harness's sake, not pollcli's."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


def pollcli(*args: str | bytes, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """`pollcli ARGS` in a fresh interpreter; output as bytes, since their encoding is under test."""
    env = {**os.environ, **kwargs.pop("env", {})}
    kwargs.setdefault("capture_output", True)
    return subprocess.run(
        [sys.executable, "-m", "pollcli", *args], env=env, timeout=120, check=False, **kwargs
    )


# Item 1: what standard input is redirected from is an input too.


@pytest.mark.parametrize(
    "flags",
    [
        ["summary", "-f", "json", "-o"],
        ["summary", "--svg"],
        ["summary", "--html"],
        ["validate", "-f", "csv", "-o"],
    ],
)
def test_output_refuses_the_file_standard_input_reads(tmp_path, flags):
    path = write(tmp_path, SMALL, "v.csv")
    before = path.read_bytes()
    link = tmp_path / "hard-link.csv"
    os.link(path, link)
    for target in (path, link):
        with path.open("rb") as stdin:
            result = pollcli(flags[0], "-", *flags[1:], str(target), stdin=stdin)
        assert result.returncode == 2, result.stderr
        assert (
            b"is the file standard input reads from; pollcli never overwrites its inputs"
            in result.stderr
        )
        assert path.read_bytes() == before


def test_output_beside_a_redirected_standard_input_is_fine(tmp_path):
    path = write(tmp_path, SMALL, "v.csv")
    with path.open("rb") as stdin:
        result = pollcli(
            "summary", "-", "-f", "json", "-o", str(tmp_path / "out.json"), stdin=stdin
        )
    assert result.returncode == 0, result.stderr
    assert b'"source_file": "<stdin>"' in (tmp_path / "out.json").read_bytes()


# Item 7: an output file is replaced whole or not at all.


def _file_size_limit(limit: int):
    """Writes past `limit` bytes fail with EFBIG, as on a full disk (Python ignores SIGXFSZ)."""
    import resource

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize(
    "flags",
    [
        ["-f", "json", "-o"],
        ["-f", "csv", "-o"],
        ["-o"],  # the table, 100 columns wide
        ["-f", "json", "--svg"],
        ["-f", "json", "--html"],
        ["-f", "json", "--chart"],
    ],
)
def test_a_failed_write_leaves_the_old_file_intact(tmp_path, flags):
    target = tmp_path / ("out.svg" if "--chart" in flags else "out.txt")
    target.write_bytes(b"the previous run's output\n")
    result = pollcli(
        "summary",
        str(DATA / "kz_2022.csv"),
        *flags,
        str(target),
        preexec_fn=_file_size_limit(512),
    )
    assert result.returncode == 2, result.stderr
    assert b"cannot write (File too large)" in result.stderr
    assert b"Traceback" not in result.stderr
    assert target.read_bytes() == b"the previous run's output\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_a_failed_write_of_a_new_file_leaves_nothing(tmp_path):
    result = pollcli(
        "summary",
        str(DATA / "kz_2022.csv"),
        "--svg",
        str(tmp_path / "kz.svg"),
        preexec_fn=_file_size_limit(512),
    )
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


# Item 10: bytes that are not UTF-8 in argv (file names, --election) never reach the output raw.

ENVIRONMENTS = [
    {},  # C.UTF-8 here: Python writes such bytes back out raw (surrogateescape)
    {"PYTHONIOENCODING": "utf-8:strict"},  # as under en_US.UTF-8: it refuses them
]


@pytest.mark.parametrize("env", ENVIRONMENTS)
@pytest.mark.parametrize("fmt", ["json", "table", "csv", "markdown"])
def test_undecodable_bytes_in_argv_are_escaped_in_the_output(tmp_path, fmt, env):
    name = os.fsencode(tmp_path) + b"/bad\xff.csv"
    Path(os.fsdecode(name)).write_bytes((DATA / "kz_2022.csv").read_bytes())
    result = pollcli(b"summary", name, b"--election", b"E\xff", b"-f", fmt.encode(), env=env)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")  # strict: raises on any byte that is not UTF-8
    # The byte is shown as the text \xff; JSON and Markdown escape that backslash in turn.
    assert ("E\\\\xff" if fmt in ("json", "markdown") else "E\\xff") in text
    if fmt == "json":
        election = __import__("json").loads(text)["elections"][0]
        assert election["election"] == "E\\xff"
        assert election["source_file"].endswith("/bad\\xff.csv")


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_undecodable_output_file_names_are_written(tmp_path, env):
    names = {
        flag: os.fsencode(tmp_path) + b"/out\xff" + flag.encode()
        for flag in ("-o", "--svg", "--html")
    }
    result = pollcli(
        b"summary",
        os.fsencode(DATA / "kz_2022.csv"),
        b"--election",
        b"E\xff",
        b"-f",
        b"json",
        *[part for flag, name in names.items() for part in (flag.encode(), name)],
        env=env,
    )
    assert result.returncode == 0, result.stderr
    for flag, name in names.items():
        text = Path(os.fsdecode(name)).read_bytes().decode("utf-8")
        assert ("E\\\\xff" if flag == "-o" else "E\\xff") in text


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_an_undecodable_missing_file_name_is_a_clean_usage_error(env):
    result = pollcli(b"summary", b"missing\xff.csv", env=env)
    assert result.returncode == 2
    assert result.stderr == b"pollcli: error: missing\\xff.csv: no such file; check the path\n"


# Item 11: standard input that cannot be read is a usage error.


def test_closed_standard_input_is_a_usage_error():
    result = pollcli("summary", "-", preexec_fn=lambda: os.close(0))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(b"pollcli: error: standard input is closed;")


def test_a_write_only_standard_input_is_a_usage_error(tmp_path):
    """`pollcli summary - 0>file`: a descriptor that cannot be read. (A directory on standard input
    never reaches pollcli: Python refuses to start.)"""
    with (tmp_path / "w").open("wb") as stdin:
        result = pollcli("validate", "-", stdin=stdin)
    assert result.returncode == 2, result.stderr
    assert result.stderr == b"pollcli: error: standard input cannot be read (Bad file descriptor)\n"


# Item 12: the spool of a big standard input never outlives the run.

# 1.4 MB, over the streaming threshold (1 MiB): spooled.
BIG = (
    "region,precinct,candidate,votes\n"
    + "".join(f"North,P{i},A,1\nNorth,P{i},B,2\n" for i in range(40_000))
).encode()


def _spool_env(tmp_path: Path) -> dict[str, str]:
    spool = tmp_path / "spool"
    spool.mkdir()
    return {"TMPDIR": str(spool), "POLLCLI_ENGINE": "auto"}


def test_big_standard_input_is_spooled_and_the_spool_removed(tmp_path):
    """The control for the fault cases below: this input does go through a spool file."""
    env = _spool_env(tmp_path)
    seen = tmp_path / "seen"
    script = (
        "import pathlib, sys, pollcli.read.stream as s\n"
        "real = s.read_stream\n"
        "def spy(path, *a, **k):\n"
        f"    pathlib.Path({str(seen)!r}).write_text(str(path))\n"
        "    return real(path, *a, **k)\n"
        "s.read_stream = spy\n"
        "from pollcli.cli import main\n"
        "sys.argv = ['pollcli', 'summary', '-', '-f', 'json']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], input=BIG, capture_output=True, env={**os.environ, **env}
    )
    assert result.returncode == 0, result.stderr
    assert Path(seen.read_text()).parent == tmp_path / "spool"
    assert list((tmp_path / "spool").iterdir()) == []


def test_a_full_disk_while_spooling_is_a_clean_error_and_leaves_no_spool(tmp_path):
    env = _spool_env(tmp_path)
    result = pollcli(
        "summary", "-", input=BIG + BIG, env=env, preexec_fn=_file_size_limit(len(BIG))
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(
        b"pollcli: error: standard input cannot be kept in a temporary file in "
    )
    assert b"(File too large)" in result.stderr
    assert list((tmp_path / "spool").iterdir()) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_spooling_removes_the_spool(tmp_path, signum):
    env = _spool_env(tmp_path)
    spool = tmp_path / "spool"
    process = subprocess.Popen(
        [sys.executable, "-m", "pollcli", "summary", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **env},
        preexec_fn=_sigint_as_default,
    )
    try:
        process.stdin.write(BIG)  # more than the head: the rest is being copied into the spool
        process.stdin.flush()
        deadline = time.monotonic() + 30
        while not list(spool.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert list(spool.iterdir()), "the spool file never appeared"
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=30)  # closes stdin: the spool would be complete
    finally:
        process.kill()
    if signum == signal.SIGINT:
        assert (process.returncode, stderr) == (130, b"pollcli: interrupted\n")
    else:  # ended by the signal, as without a spool
        assert process.returncode == -signum, stderr
    assert list(spool.iterdir()) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_the_spool_is_read_removes_it(tmp_path, signum):
    env = _spool_env(tmp_path)
    script = (
        "import os, sys, pollcli.read.stream as s\n"
        "real = s.read_stream\n"
        "def interrupted(*a, **k):\n"
        f"    os.kill(os.getpid(), {int(signum)})\n"
        "    return real(*a, **k)\n"
        "s.read_stream = interrupted\n"
        "from pollcli.cli import main\n"
        "sys.argv = ['pollcli', 'summary', '-']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=BIG,
        capture_output=True,
        env={**os.environ, **env},
        preexec_fn=_sigint_as_default,
    )
    if signum == signal.SIGINT:
        assert (result.returncode, result.stderr) == (130, b"pollcli: interrupted\n")
    else:
        assert result.returncode == -signum, result.stderr
    assert list((tmp_path / "spool").iterdir()) == []


# Item 26: Ctrl-C says so and exits 130, on every path.


def _interrupting(owner: str, name: str, args: list[str]) -> str:
    """A pollcli run in which `owner.name` sends SIGINT to the main thread as it starts, from
    whichever thread runs it (a worker thread, for the streaming engine's blocks)."""
    return (
        "import signal, sys, threading, time\n"
        f"{owner}\n"
        f"real = getattr(target, {name!r})\n"
        "def interrupted(*a, **k):\n"
        "    signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)\n"
        "    time.sleep(0.2)\n"
        "    return real(*a, **k)\n"
        f"setattr(target, {name!r}, interrupted)\n"
        "from pollcli.cli import main\n"
        f"sys.argv = ['pollcli', *{args!r}]\n"
        "main()\n"
    )


@pytest.mark.parametrize(
    ("owner", "name", "engine"),
    [
        ("from pollcli.read.blocks import Layout as target", "summarize", "stream"),
        ("import pollcli.read.exact as target", "split", "exact"),
        ("import pollcli.summary as target", "summarize", "exact"),
    ],
)
def test_an_interrupt_says_so_and_exits_130(tmp_path, owner, name, engine):
    path = write(tmp_path, BIG.decode(), "big.csv")
    result = subprocess.run(
        [sys.executable, "-c", _interrupting(owner, name, ["summary", str(path), "-f", "json"])],
        capture_output=True,
        env={**os.environ, "POLLCLI_ENGINE": engine},
        timeout=60,
        preexec_fn=_sigint_as_default,
    )
    assert (result.returncode, result.stderr) == (130, b"pollcli: interrupted\n")
    assert result.stdout == b""


# Item 23: a reader that stops early (`| head -1`, `| true`) ends the run quietly, exit 0.

MANY = "candidate,votes\n" + "".join(f"C{i},{i + 1}\n" for i in range(3000))  # 300 KB of table


@pytest.mark.parametrize(
    ("fmt", "reader"),
    [("table", "true"), ("json", "true"), ("csv", "head -1"), ("markdown", "head -c 10")],
)
def test_a_closed_pipe_exits_0_without_noise(tmp_path, reader, fmt):
    path = write(tmp_path, MANY, "many.csv")
    pipeline = (
        f"{sys.executable} -m pollcli summary {path} -f {fmt} 2>{tmp_path}/err | {reader} >/dev/null;"
        " echo ${PIPESTATUS[0]}"
    )
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "0"
    assert (tmp_path / "err").read_text() == ""  # no traceback, no "Exception ignored"


# Standard output that cannot be written is a usage error saying what to do, not "a bug".


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["summary", "-f", "table"],
        ["summary", "-f", "json"],
        ["summary", "-f", "csv"],
        ["validate", "-f", "markdown"],
        ["summary", "--help"],
    ],
)
def test_a_full_standard_output_is_a_usage_error(args):
    with Path("/dev/full").open("wb") as full:
        result = pollcli(
            *args[:1],
            str(DATA / "kz_2022.csv"),
            *args[1:],
            capture_output=False,
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        b"pollcli: error: cannot write to standard output (No space left on device); write the"
        b" results to a file with --output FILE where there is room, or redirect standard output"
        b" elsewhere\n"
    )


def test_a_closed_standard_output_is_a_usage_error():
    result = pollcli(
        "summary",
        str(DATA / "kz_2022.csv"),
        capture_output=False,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(b"pollcli: error: standard output is closed;")


def test_a_failing_input_is_not_taken_for_standard_output(tmp_path, monkeypatch):
    """An OSError of another file (here the input's, mocked) stays an internal error: only standard
    output's own are put down to it."""
    from pollcli import cli

    def fail(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(5, "Input/output error", str(tmp_path / "x.csv"))

    monkeypatch.setattr("pollcli.read.load", fail)
    monkeypatch.setattr("pollcli.cli.summary.load", fail, raising=False)
    assert cli.run(["summary", str(DATA / "kz_2022.csv")]) == 70
