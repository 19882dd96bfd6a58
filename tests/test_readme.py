"""The README's output samples are the real output, so they cannot drift from the code."""

import glob
import shlex

import pytest

from conftest import ROOT, invoke


def test_readme_sample_is_current_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n", readme.index("## What it prints")) + len("```text\n")
    sample = readme[start : readme.index("```", start)].rstrip("\n")
    output = invoke("summary", "data/kz_2022.csv", env={"COLUMNS": "100"}).stdout
    actual = "\n".join(line.rstrip() for line in output.rstrip().splitlines())
    assert sample == actual, (
        "README sample is stale: paste `COLUMNS=100 pollcli summary data/kz_2022.csv`"
    )


def readme_sessions() -> list[tuple[str, list[str]]]:
    """Each `$ pollcli …` of the README's plain code blocks, with the output printed under it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sessions: list[tuple[str, list[str]]] = []
    fence: str | None = None  # the open block's info string
    printed: list[str] | None = None
    for line in readme.splitlines():
        if line.startswith("```"):
            fence = line[3:] if fence is None else None
            printed = None
        elif fence in ("", "text") and line.startswith("$ pollcli "):
            printed = []
            sessions.append((line[2:], printed))
        elif printed is not None:
            printed.append(line)
    return sessions


def test_readme_has_command_samples():
    commands = [command for command, _ in readme_sessions()]
    assert "pollcli compare data/kz_2022_exit_poll_*.csv data/kz_2022.csv" in commands
    assert len(commands) >= 4


@pytest.mark.parametrize(
    ("command", "printed"), readme_sessions(), ids=[command for command, _ in readme_sessions()]
)
def test_readme_command_samples_are_current_output(monkeypatch, command, printed):
    """A sample may leave lines out (`…` says so), never show lines the command does not print."""
    monkeypatch.chdir(ROOT)
    args = []
    for word in shlex.split(command)[1:]:
        args += sorted(glob.glob(word)) if "*" in word else [word]
    output = invoke(*args, env={"COLUMNS": "100"}).stdout
    actual = [line.rstrip() for line in output.splitlines()]
    shown = [line.rstrip() for line in printed if line.strip() and line.strip() != "…"]
    stale = [line for line in shown if line not in actual]
    assert not stale, f"README sample of `{command}` is stale (COLUMNS=100): {stale}"
    # Lines shown together are printed in that order.
    rest = iter(actual)
    assert all(line in rest for line in shown), f"README sample of `{command}` is out of order"
