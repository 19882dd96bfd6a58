"""Shell habits: completion, `-` for stdin, --quiet, NO_COLOR/--no-color, --output never over an input."""

import json
import os
import subprocess
import sys

import pytest

from conftest import invoke, write

ANSI = "\x1b["
# Rich treats FORCE_COLOR as "this is a terminal": the hardest case for colour switches.
TERMINAL = {"FORCE_COLOR": "1"}
WARNING_CSV = "candidate,votes,share\nA,60,50\nB,40,50\n"  # shares disagree with the votes


def completion(**env: str) -> str:
    """Run the completion hook as the shell would: a fresh process with the shell's variables."""
    result = subprocess.run(
        [sys.executable, "-m", "pollcli"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F _pollcli_completion pollcli"),
        ("zsh", "#compdef pollcli"),
        ("fish", "complete --command pollcli"),
    ],
)
def test_completion_scripts(shell, marker):
    assert marker in completion(_POLLCLI_COMPLETE=f"source_{shell}")


def test_bash_completes_commands_and_options():
    commands = completion(_POLLCLI_COMPLETE="complete_bash", COMP_WORDS="pollcli s", COMP_CWORD="1")
    assert {"summary", "schema"} <= set(commands.split())
    options = completion(
        _POLLCLI_COMPLETE="complete_bash", COMP_WORDS="pollcli summary --thr", COMP_CWORD="2"
    )
    assert options.split() == ["--threshold"]
    names = completion(
        _POLLCLI_COMPLETE="complete_bash", COMP_WORDS="pollcli schema su", COMP_CWORD="2"
    )
    assert names.split() == ["summary"]
    names = completion(
        _POLLCLI_COMPLETE="complete_bash", COMP_WORDS="pollcli schema s", COMP_CWORD="2"
    )
    assert sorted(names.split()) == ["seats", "summary"]


def test_completion_options_exist():
    import typer

    from pollcli.cli import app

    options = {opt for param in typer.main.get_command(app).params for opt in param.opts}
    assert {"--install-completion", "--show-completion"} <= options


@pytest.mark.parametrize("command", ["summary", "validate"])
def test_dash_reads_standard_input(command, kz2022):
    from_file = invoke(command, str(kz2022), "--format", "json")
    from_stdin = invoke(command, "-", "--format", "json", stdin=kz2022.read_bytes())
    assert from_stdin.code == from_file.code == 0, from_stdin.stderr
    assert json.loads(from_stdin.stdout) == json.loads(
        from_file.stdout.replace(json.dumps(str(kz2022)), json.dumps("<stdin>"))
    )


def test_quiet_silences_warnings(tmp_path):
    path = write(tmp_path, WARNING_CSV)
    loud = invoke("summary", str(path))
    assert loud.code == 0
    assert "pollcli: warning:" in loud.stderr
    for flag in ("--quiet", "-q"):
        quiet = invoke("summary", str(path), flag)
        assert quiet.code == 0
        assert quiet.stderr == ""
        assert quiet.stdout == loud.stdout


def test_quiet_keeps_errors(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,-1\n")
    result = invoke("summary", str(path), "--quiet")
    assert result.code == 1
    assert "pollcli: error:" in result.stderr


@pytest.mark.parametrize("command", ["summary", "validate"])
def test_a_forced_terminal_gets_colour(command, kz2022):
    """The control for the tests below: without the switches, colour codes do reach stdout."""
    assert ANSI in invoke(command, str(kz2022), env=TERMINAL).stdout


@pytest.mark.parametrize("command", ["summary", "validate"])
def test_no_color_flag(command, kz2022):
    result = invoke(command, str(kz2022), "--no-color", env=TERMINAL)
    assert result.code == 0
    assert "Kazakhstan" in result.stdout or "valid" in result.stdout
    assert ANSI not in result.stdout + result.stderr


@pytest.mark.parametrize("command", ["summary", "validate"])
@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_no_color_environment(command, value, kz2022):
    result = invoke(command, str(kz2022), env={**TERMINAL, "NO_COLOR": value})
    assert result.code == 0
    assert ANSI not in result.stdout + result.stderr


def test_plain_text_when_not_a_terminal(kz2022, monkeypatch):
    for variable in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(variable, raising=False)
    result = invoke("summary", str(kz2022))
    assert ANSI not in result.stdout


@pytest.mark.parametrize("command", ["summary", "validate"])
def test_output_refuses_to_overwrite_an_input(command, tmp_path, monkeypatch):
    path = write(tmp_path, "candidate,votes\nA,10\nB,5\n")
    before = path.read_bytes()
    monkeypatch.chdir(tmp_path)
    for spelling in (
        str(path),
        "results.csv",
        "./results.csv",
        "../" + tmp_path.name + "/results.csv",
    ):
        result = invoke(command, "results.csv", "--format", "json", "--output", spelling)
        assert result.code == 2, spelling
        assert "is an input file; pollcli never overwrites its inputs" in result.stderr
        assert result.stdout == ""
    assert path.read_bytes() == before


def test_output_refuses_a_symlink_to_an_input(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,10\nB,5\n")
    link = tmp_path / "link.csv"
    link.symlink_to(path)
    result = invoke("summary", str(path), "--format", "csv", "--output", str(link))
    assert result.code == 2
    assert path.read_text() == "candidate,votes\nA,10\nB,5\n"


def test_output_refuses_an_input_among_several(tmp_path, kz2022):
    path = write(tmp_path, "candidate,votes\nA,10\nB,5\n")
    result = invoke("summary", str(kz2022), str(path), "--output", str(path))
    assert result.code == 2


def test_output_writes_the_same_as_stdout(tmp_path, kz2022):
    target = tmp_path / "kz.json"
    result = invoke("summary", str(kz2022), "--format", "json", "--output", str(target))
    assert result.code == 0
    assert result.stdout == ""
    assert (
        target.read_text(encoding="utf-8")
        == invoke("summary", str(kz2022), "--format", "json").stdout
    )


def test_output_dash_is_standard_output(kz2022):
    result = invoke("summary", str(kz2022), "--format", "json", "--output", "-")
    assert json.loads(result.stdout)["command"] == "summary"


@pytest.mark.parametrize("columns", ["0", "1", "7"])
@pytest.mark.parametrize("command", ["summary", "compare", "validate", "seats"])
def test_a_tiny_terminal_width_gets_a_sane_minimum(command, columns, kz2019, kz2022):
    """COLUMNS=0 printed nothing at all with exit 0, and COLUMNS=1 one character per column."""
    args = {
        "compare": [str(kz2019), str(kz2022)],
        "seats": [str(kz2019.parent / "kz_2021_mazhilis.csv"), "--seats", "98"],
    }.get(command, [str(kz2022)])
    for env in ({"COLUMNS": columns}, {"COLUMNS": columns, **TERMINAL}):
        result = invoke(command, *args, "--no-color", env=env)
        assert result.code == 0, result.stderr
        lines = result.stdout.splitlines()
        # The minimum width, 40 (a line may wrap earlier, before a long file name).
        assert 20 < max(len(line) for line in lines) <= 40, (env, lines[:5])
        # Whole words, not a letter per line: the names and the verdict can be read.
        assert any(word in result.stdout for word in ("Tokayev", "valid", "Nur Otan"))


def test_output_replaces_a_file_keeping_its_permissions_and_links(tmp_path, kz2022):
    target = write(tmp_path, "old\n", "kz.json")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    for name in (target, link):
        result = invoke("summary", str(kz2022), "-f", "json", "-o", str(name))
        assert result.code == 0, result.stderr
        assert json.loads(target.read_text(encoding="utf-8"))["command"] == "summary"
        assert target.stat().st_mode & 0o777 == 0o640
    assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kz.json", "link.json"]


def test_output_to_a_device_writes_through_it(kz2022):
    for flag in ("-o", "--svg", "--html"):
        result = invoke("summary", str(kz2022), "-f", "json", flag, os.devnull)
        assert result.code == 0, result.stderr
