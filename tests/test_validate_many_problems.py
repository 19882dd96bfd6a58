"""`validate` in a terminal shows a file's first 500 problems and counts the rest by code: Bulgaria's
paper votes by section (105,263 repeats of one duplicate-option error) took 59 s and printed 103 MB
of table. `--format json` lists every problem. Figures invented; the oracle is the rows written."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

ROWS = 620


@pytest.mark.parametrize("columns", ["120", "60"])
def test_the_terminal_shows_500_problems_and_counts_the_rest(tmp_path, columns):
    text = "candidate,votes\n" + "".join(f"C{i},-{i + 1}\n" for i in range(ROWS))
    path = write(tmp_path, text)
    shown = invoke("validate", str(path), env={"COLUMNS": columns})
    assert shown.code == 1
    said = " ".join(shown.stdout.split())
    assert f"… and {ROWS - 500:,} more not shown here (negative-votes {ROWS - 500:,})" in said
    # (lines 2-501 shown, their votes -1 to -500; line 502's -501 not)
    assert "'-500'" in said and "'-501'" not in said
    listed = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    assert len(listed["files"][0]["problems"]) == ROWS
