"""`validate` in a narrow terminal: each problem's line, severity and code on one line and its message
beneath, the width of the terminal, rather than a message column a fifth as wide (at 60 columns a
message of two lines took ten, and NH 2020's first warning twenty-five)."""

from __future__ import annotations

import pytest

from conftest import invoke, write

TEXT = "candidate,votes\nAnna Alpha,10\nBoris Beta,\n"
MESSAGE = (
    "'Boris Beta' has neither votes nor a share; fill in one of them, or pass --blank-votes zero "
    "to count a blank vote cell as 0 votes"
)


@pytest.mark.parametrize("width", [40, 60, 79])
def test_a_narrow_terminal_gives_the_message_the_whole_width(tmp_path, width):
    path = write(tmp_path, TEXT)
    result = invoke("validate", str(path), env={"COLUMNS": str(width)})
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert all(len(line) <= width for line in lines)
    assert any("3" in line and "error" in line and "missing-value" in line for line in lines)
    # The message reads whole, in lines nearly as wide as the terminal.
    words = " ".join(line.strip() for line in lines)
    assert MESSAGE in words
    start = next(i for i, line in enumerate(lines) if "missing-value" in line)
    beneath = [line for line in lines[start + 1 :] if line.strip()]
    assert all(line.startswith("    ") for line in beneath)
    assert len(beneath) <= 1 + len(MESSAGE) // (width - 12)  # (was 10 lines at 60 columns)


def test_a_wide_terminal_keeps_the_table(tmp_path):
    path = write(tmp_path, TEXT)
    result = invoke("validate", str(path), env={"COLUMNS": "100"})
    assert "Line   Column   Severity   Code" in result.stdout
