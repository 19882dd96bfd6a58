"""Shared test helpers: run the CLI in-process with its own stdin, stdout and stderr."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from pollcli.cli import run

# Hypothesis tests the same examples on every run (a seed from each test's name), so that a run of
# the suite on any machine — CI's too — gives the verdict it gave here. To explore new examples,
# as one should before a release: POLLCLI_HYPOTHESIS=explore python -m pytest (the failing
# example is printed, with the decorator that reproduces it). No deadline: a test asserts what
# pollcli answers, never how fast (speed is measured in bench/); on a machine shared by other runs
# an example of a CLI run took 274 ms against Hypothesis' 200 ms and failed the suite.
settings.register_profile("repeatable", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("explore", derandomize=False, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("POLLCLI_HYPOTHESIS", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def invoke(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> Result:
    """Run `pollcli ARGS` through the real error boundary, capturing its streams."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    fake_in = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    fake_out = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    fake_err = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    sys.stdin, sys.stdout, sys.stderr = fake_in, fake_out, fake_err
    with pytest.MonkeyPatch.context() as patch:
        for key, value in (env or {}).items():
            patch.setenv(key, value)
        try:
            code = run(list(args))
        finally:
            fake_out.flush()
            fake_err.flush()
            sys.stdin, sys.stdout, sys.stderr = streams
    result = Result(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))
    for fake in (fake_in, fake_out, fake_err):
        fake.detach()
    return result


def write(tmp_path: Path, text: str, name: str = "results.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def kz2022() -> Path:
    return DATA / "kz_2022.csv"


@pytest.fixture
def kz2019() -> Path:
    return DATA / "kz_2019.csv"


@pytest.fixture
def load_text(tmp_path: Path):
    """Load CSV text through the real loader: `load_text("candidate,votes\\nA,1\\n")`."""
    from pollcli import load

    counter = iter(range(1_000_000))

    def _load(text: str, **options):
        return load(write(tmp_path, text, f"case{next(counter)}.csv"), **options)

    return _load


@pytest.fixture
def summarize_text(load_text):
    from pollcli import summarize

    def _summarize(text: str, threshold: float = 3.0, majority: float = 50.0, **options):
        return summarize(
            load_text(text, **options), threshold=threshold, majority=majority
        ).elections[0]

    return _summarize


def each_engine(
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    options: object = None,
    *,
    block_bytes: int | None = None,
) -> dict[str, tuple]:
    """The file read by each engine (POLLCLI_ENGINE=exact, then stream): `{engine: (elections,
    problems)}`. `block_bytes` shrinks the streaming engine's blocks, so a small file spans
    several and what crosses a block's edge is tested."""
    from pollcli.read import ReadOptions, engines, load_file, stream

    if block_bytes is not None:
        monkeypatch.setattr(stream, "BLOCK_BYTES", block_bytes)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, options or ReadOptions())  # type: ignore[arg-type]
    return results


def dump(loaded: tuple) -> tuple[list, list]:
    """An engine's (elections, problems) as plain dicts, to compare or to show in a failure."""
    from dataclasses import asdict

    elections, problems = loaded
    return [asdict(e) for e in elections], [asdict(p) for p in problems]


def column_sums(path: Path, columns: Iterable[str]) -> dict[str, int]:
    """Each named column of a CSV summed by pandas: the oracle of an option read from a wide table."""
    import pandas as pd

    frame = pd.read_csv(path)
    return {c: int(frame[c].sum()) for c in columns}


def read_cleanly(monkeypatch: pytest.MonkeyPatch, path: Path, **options: object) -> list:
    """The file's elections as both engines read them alike (`engines_agree`), with no error."""
    elections, problems = engines_agree(monkeypatch, path, **options)
    assert not [p.message for p in problems if p.severity == "error"]
    return elections


def engines_agree(
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    *,
    read_options: object = None,
    block_bytes: int | None = None,
    **options: object,
) -> tuple:
    """The file read by each engine (`each_engine`): their elections and problems must be the
    same; the exact engine's are returned. Options as keywords, or `read_options` whole."""
    from dataclasses import asdict

    from pollcli.read import ReadOptions

    chosen = read_options or ReadOptions(**options)  # type: ignore[arg-type]
    results = each_engine(monkeypatch, path, chosen, block_bytes=block_bytes)
    dumped = {
        engine: ([asdict(e) for e in els], [asdict(p) for p in probs])
        for engine, (els, probs) in results.items()
    }
    assert dumped["exact"] == dumped["stream"]
    return results["exact"]
