"""`validate` of a file with thousands of problems in the terminal: one line each, with its line,
column, severity and code, and the advice they share said once beneath them (a Rich table of
105,263 problems of a Bulgarian file of polling stations took 59 s and 103 MB to draw, each with
the same 300 characters of advice). JSON keeps every message whole."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.problems import Code, Problem, shared_advice
from pollcli.render.long_list import LONG_LIST

STATIONS = 30
PARTIES = 40  # each station's 40 rows repeat the first station's: 29 × 40 = 1,160 duplicates


def _stations() -> str:
    rows = ["station;party;votes"]
    rows += [f"{s:04d};{p};{s + p}" for s in range(STATIONS) for p in range(1, PARTIES + 1)]
    return "\n".join(rows) + "\n"


def test_every_problem_is_listed_a_line_each_and_the_advice_once(tmp_path):
    path = write(tmp_path, _stations(), name="stations.csv")
    result = invoke("validate", str(path), env={"COLUMNS": "100"})
    assert result.code == 1
    duplicates = (STATIONS - 1) * PARTIES
    assert duplicates > LONG_LIST
    lines = result.stdout.splitlines()
    listed = [line.split() for line in lines if "duplicate-option" in line.split()[3:4]]
    # Every repeated row by its own line number, in order, each once.
    first_repeat = 2 + PARTIES
    assert [int(words[0]) for words in listed] == list(range(first_repeat, 2 + STATIONS * PARTIES))
    assert all(words[1:4] == ["party", "error", "duplicate-option"] for words in listed)
    said = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    problems = said["files"][0]["problems"]
    messages = [p["message"] for p in problems if p["code"] == "duplicate-option"]
    assert len(messages) == duplicates
    advice = {m.partition("; ")[2] for m in messages}
    assert len(advice) == 1 and "--unit" in advice.pop()
    # The advice (its own words, wrapped by the terminal) once, after the list, with its count.
    text = " ".join(line.strip() for line in lines)
    assert text.count("name its column with --unit COL") == 1
    assert f"Each duplicate-option above ({duplicates:,})" in text
    assert f"invalid — {duplicates:,} errors" in text


def test_a_short_list_keeps_the_table(tmp_path):
    path = write(tmp_path, "\n".join(_stations().splitlines()[: 2 * PARTIES + 1]) + "\n")
    result = invoke("validate", str(path), env={"COLUMNS": "100"})
    assert "Line   Column   Severity   Code" in result.stdout
    assert result.stdout.count("--unit") >= PARTIES  # each message whole in the table


def _problem(code: Code, message: str) -> Problem:
    return Problem(code=code, severity="error", file="f", line=1, column=None, message=message)


@given(
    st.lists(
        st.tuples(
            st.sampled_from([Code.DUPLICATE_OPTION, Code.TYPE_ERROR, Code.BLANK_NAME]),
            st.text(alphabet="ab; ", max_size=8),
        ),
        max_size=12,
    )
)
def test_shared_advice_is_what_every_message_of_its_code_ends_with(items):
    problems = [_problem(code, message) for code, message in items]
    advice = shared_advice(problems)
    for code in {code for code, _ in items}:
        messages = [m for c, m in items if c == code]
        tails = {m[m.index("; ") + 2 :] if "; " in m else None for m in messages}
        alike = len(messages) > 1 and len(tails) == 1 and next(iter(tails))
        assert advice.get(code) == (next(iter(tails)) if alike else None)


def test_a_line_longer_than_the_terminal_is_folded_not_cut(tmp_path):
    """Each problem's line was cut at the terminal's width: at 60 columns 'Ann' is listed again
    (first on line 2) read "'Ann' is listed a", and a problem of its own advice lost it ("'Bob' has
    neither votes nor a s"). A line is folded onto the next ones, every word of it kept, what is
    wrong beneath its line and code, indented (not cut mid-word back at the first column)."""
    rows = ["candidate,votes", *["Ann,1"] * (LONG_LIST + 5), "Bob,", "Cy,-3"]
    path = write(tmp_path, "\n".join(rows) + "\n")
    result = invoke("validate", str(path), env={"COLUMNS": "60"})
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines)
    text = " ".join(" ".join(lines).split())
    said = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    problems = said["files"][0]["problems"]
    assert len(problems) > LONG_LIST
    for problem in problems:
        shown = problem["message"]
        if problem["code"] == "duplicate-option":
            shown = shown.partition("; ")[0]  # (its advice said once, beneath the list)
        assert " ".join(shown.split()) in text


def test_a_column_wider_than_the_terminal_keeps_the_severity_and_code(tmp_path):
    """At 60 columns a problem of a column named in 45 letters had its severity and code cut off by
    the terminal ('… je Landesliste  err'): the head of a folded problem (line, column, severity,
    code) was written on one line whatever its width. It is folded too: the column on its line,
    the severity and code beneath it; each problem's code is shown once."""
    column = "Stimmen der gültigen Zweitstimmen je Landesliste"
    for width, name in ((60, column), (40, column)):
        rows = [f"candidate,party,{name}", *[f"C{i},P,abc{i}" for i in range(LONG_LIST + 5)]]
        path = write(tmp_path, "\n".join([*rows, "Zed,P,5"]) + "\n")
        result = invoke("validate", str(path), "--votes", name, env={"COLUMNS": str(width)})
        assert result.code == 1
        lines = result.stdout.splitlines()
        assert all(len(line) <= width for line in lines)
        text = " ".join(" ".join(lines).split())
        assert text.count("error type-error") == LONG_LIST + 5
        if width == 60:  # (the column's name fits a line: whole, before its severity and code)
            assert f"1002 {name} error type-error votes 'abc1000': not a number" in text
