"""Small output polish from the trial (D): figures written the same way everywhere."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, invoke, write


def test_line_numbers_of_empty_wide_rows_have_thousands_separators(tmp_path):
    # Header on line 1, 1,200 districts on lines 2–1,201, the empty row on line 1,202.
    rows = ["district,Red,Blue", *(f"D{i},{i + 10},{i + 5}" for i in range(1200)), "Dx,,"]
    path = write(tmp_path, "\n".join(rows) + "\n")
    data = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    notes = data["elections"][0]["notes"]
    assert "1 row(s) have no figures for any option and are left out (line 1,202)." in notes


def test_markdown_leaves_parentheses_as_written():
    from markdown_it import MarkdownIt

    out = invoke("summary", str(ROOT / "data" / "kz_2022.csv"), "--format", "markdown").stdout
    assert "People's Coalition (non-party)" in out
    assert "\\(" not in out
    # Oracle: a CommonMark parser shows the party as written, with no link.
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "People's Coalition (non-party)" in html.replace("&#x27;", "'")
    assert "<a " not in html


def test_the_list_of_commands_has_no_hard_line_breaks():
    # Before: "the quota or" ended a line of `pollcli --help`, "divisors, …" began the next.
    from pollcli.cli import full_app

    helps = {c.name: c.short_help for c in full_app().registered_commands}
    assert set(helps) == {"summary", "compare", "seats", "validate", "schema"}
    assert all(h and "\n" not in h for h in helps.values())
    assert "the quota or divisors, the last seat" in (helps["seats"] or "")


def test_examples_fit_a_100_column_terminal():
    # A command cut across two lines cannot be copied (the seats example's jq filter was).
    result = invoke("seats", "--help", env={"COLUMNS": "100"})
    examples = result.stdout.split("Examples:")[1]
    assert "pollcli seats regions.csv --seats-file seats.csv --format json | jq " in examples
    for line in examples.strip().splitlines():
        assert line.strip().startswith("pollcli"), line


@pytest.mark.parametrize("command", ["summary", "compare", "seats", "validate", "schema"])
def test_a_command_description_wraps_to_a_narrow_terminal(command):
    # Before: at 80 columns `seats --help` broke "the districts of / one parliament:" where the
    # docstring's source lines ended, leaving ragged short lines. Oracle: each paragraph of the
    # description, re-joined, is textwrap's own wrap at the terminal width, line for line.
    import textwrap

    result = invoke(command, "--help", env={"COLUMNS": "80"})
    head = result.stdout.split("╭")[0].split("Usage:")[1].splitlines()[1:]
    paragraphs = "\n".join(line.strip() for line in head).strip().split("\n\n")
    for paragraph in paragraphs:
        lines = paragraph.splitlines()
        assert lines == textwrap.wrap(" ".join(lines), 78), paragraph


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_an_output_encoding_that_cannot_write_the_results_is_a_clear_error(fmt):
    # Before: "internal error: UnicodeEncodeError …; this is a bug in pollcli", exit 70, on a
    # console whose encoding cannot write "—" or a bar (a Windows cp1252, PYTHONIOENCODING).
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "COLUMNS": "100"}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run(
        [sys.executable, "-m", "pollcli", "summary", str(ROOT / "data" / "kz_2019.csv"), "-f", fmt],
        capture_output=True,
        env=env,
        check=False,
    )
    stderr = done.stderr.decode("latin-1")
    assert done.returncode == 2, stderr
    assert "internal error" not in stderr
    assert "PYTHONIOENCODING=utf-8" in stderr and "--output FILE" in stderr
