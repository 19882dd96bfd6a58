"""The docs follow the code: the CLI reference is generated from --help, and its examples run."""

import re
import subprocess
import sys

import pytest
import typer

from conftest import ROOT, invoke
from pollcli.cli import app

DOCS = ROOT / "docs"
REGENERATE = "python scripts/gen_cli_docs.py"


def commands():
    group = typer.main.get_command(app)
    context = group.make_context("pollcli", ["--help"], resilient_parsing=True)
    yield "pollcli", group
    for name in group.list_commands(context):
        yield f"pollcli {name}", group.get_command(context, name)


def test_cli_reference_is_up_to_date():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        f"docs/cli.md no longer matches the commands' --help. Run '{REGENERATE}' and commit "
        f"docs/cli.md.\n{result.stdout}{result.stderr}"
    )


def test_regeneration_command_is_written_at_the_top_of_the_reference():
    head = (DOCS / "cli.md").read_text(encoding="utf-8")[:600]
    assert REGENERATE in head


@pytest.mark.parametrize(("title", "command"), list(commands()))
def test_every_command_and_option_is_in_the_reference(title, command):
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"## {title}\n" in reference
    section = reference.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    for param in command.params:
        for opt in [*param.opts, *param.secondary_opts]:
            if opt.startswith("-"):
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", section), (
                    f"{opt} of '{title}' is missing from docs/cli.md; run '{REGENERATE}'"
                )


def test_every_command_has_an_example():
    for title, command in commands():
        assert "pollcli" in (command.epilog or ""), f"'{title} --help' shows no example"


def test_docs_exist_and_readme_links_them():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("cli.md", "csv-format.md", "json.md", "recipes.md", "shell.md"):
        assert (DOCS / name).is_file(), name
        assert f"docs/{name}" in readme, f"README.md does not link docs/{name}"
    assert (ROOT / "CHANGELOG.md").is_file()
    assert "CHANGELOG.md" in readme


@pytest.mark.parametrize("page", [*sorted(p.name for p in DOCS.glob("*.md")), "../README.md"])
def test_relative_links_resolve(page):
    path = (DOCS / page).resolve()
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        assert (path.parent / target).exists(), f"{page} links to missing {target}"


def fenced(page: str, language: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


@pytest.mark.parametrize("number", range(len(fenced("csv-format.md", "csv"))))
def test_csv_format_examples_load(number):
    """Every ```csv example in docs/csv-format.md is a file pollcli reads without error."""
    example = fenced("csv-format.md", "csv")[number]
    result = invoke("validate", "-", "--format", "json", stdin=example.encode("utf-8"))
    assert result.code == 0, (
        f"example {number + 1} of docs/csv-format.md:\n{example}\n{result.stdout}"
    )


def test_problem_codes_are_all_documented():
    from pollcli.problems import CODES

    text = (DOCS / "csv-format.md").read_text(encoding="utf-8")
    for code in CODES:
        assert f"`{code}`" in text, f"problem code {code} is not in docs/csv-format.md"


@pytest.mark.parametrize("number", range(len(fenced("recipes.md", "python"))))
def test_python_recipes_run(number, monkeypatch):
    """The Python recipes run as written, from the repository root."""
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    exec(compile(fenced("recipes.md", "python")[number], f"recipes.md#{number}", "exec"), {})


@pytest.mark.parametrize("number", range(len(fenced("recipes.md", "sh"))))
def test_shell_recipes_run(number):
    """The shell recipes run as written, with this interpreter's pollcli first on PATH."""
    import os
    import shutil

    if shutil.which("jq") is None or shutil.which("bash") is None:
        pytest.skip("needs bash and jq")
    script = fenced("recipes.md", "sh")[number]
    bin_dir = os.path.dirname(sys.executable)
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script],
        cwd=ROOT,
        env={**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"]},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"recipe {number + 1}:\n{script}\n{result.stderr}"
    assert result.stdout.strip(), f"recipe {number + 1} printed nothing:\n{script}"


@pytest.mark.parametrize("name", ["summary", "compare", "seats", "validate"])
def test_file_argument_names_every_format_read(name):
    # README 'Accepted formats': not only CSV; a new user reading --help should not convert first.
    out = " ".join(invoke(name, "--help", env={"COLUMNS": "200"}).stdout.split())
    assert all(word in out for word in ("CSV", "Excel", "OpenDocument", "Parquet")), out[:400]
