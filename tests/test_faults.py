"""Faults from the world around pollcli, in a real process: where standard input comes from, closed
and broken streams, signals, full disks, file names that are not text. Each case runs `python -m
pollcli` in a subprocess, because file descriptors, signals and the bytes of argv are what matter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, write

SMALL = "candidate,votes\nA,10\nB,5\n"


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
    ],
)
def test_a_failed_write_leaves_the_old_file_intact(tmp_path, flags):
    target = tmp_path / "out.txt"
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
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary file left


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
