"""U+FFFD already in a file (the publisher decoded it with a wrong encoding once and saved the
damage): one `encoding-error` warning naming the first line and column, how many cells hold the
mark, and what to do; the same from both engines. Files invented, in the layout of the damaged
exports met (a precinct table whose names read `Jos� Silva`)."""

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, stream

MARK = "\ufffd"
DAMAGED = (
    "# office: Mayor\n"
    "county,precinct,candidate,party,votes\n"
    "Alta,P1,Ana Costa,Blue,120\n"
    f"Alta,P1,Jos{MARK} Silva,Red,100\n"
    "Alta,P2,Ana Costa,Blue,80\n"
    f"Alta,P2,Jos{MARK} Silva,Red,90\n"
    f"Bai{MARK}a,P3,Ana Costa,Blue,10\n"
    f"Bai{MARK}a,P3,Jos{MARK} Silva,Red,20\n"
)


def marks_of(problems):
    return [p for p in problems if p.code == "encoding-error"]


def test_a_damaged_name_is_warned_once_with_its_line_column_and_count(tmp_path):
    path = write(tmp_path, DAMAGED)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0  # a warning: the figures are the file's
    [warning] = json.loads(result.stdout)["elections"][0]["warnings"]
    # Line 4 (front matter and header counted), 5 cells on 4 lines (hand-counted above).
    assert warning.startswith(f"{path}:4: 'Jos{MARK} Silva' (column 'candidate') holds U+FFFD")
    assert "(5 cells on 4 lines hold it)" in warning
    assert "get the original file from its publisher" in warning
    assert f"{path}:4: 'Jos{MARK} Silva'" in result.stderr
    checked = invoke("validate", str(path), "--format", "json")
    [problem] = json.loads(checked.stdout)["files"][0]["problems"]
    assert (problem["code"], problem["severity"]) == ("encoding-error", "warning")
    assert (problem["line"], problem["column"]) == (4, "candidate")
    assert checked.code == 0


def test_a_damaged_header_is_named_as_the_header(tmp_path):
    path = write(tmp_path, f"candidate,party,vot{MARK}s\nAna,Blue,10\nBen,Red,5\n")
    result = invoke("validate", str(path), "--format", "json")
    warnings = [
        p
        for p in json.loads(result.stdout)["files"][0]["problems"]
        if p["code"] == "encoding-error"
    ]
    assert [(p["line"], p["column"], p["severity"]) for p in warnings] == [(1, None, "warning")]
    assert warnings[0]["message"].startswith(f"'vot{MARK}s' (in the header) holds U+FFFD")
    assert "(the only cell)" in warnings[0]["message"]


def test_stray_bytes_are_not_counted_again(tmp_path):
    # Line 3's stray byte is pollcli's own U+FFFD (an error of that line); line 4's was in the file.
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "candidate,party,votes\nAna José,Blue,10\n".encode()
        + b"Be\xffn,Red,5\n"
        + f"Cy{MARK},Green,3\nJoão,People’s,4\nLuís,Green,4\n".encode()
    )
    result = invoke("validate", str(path), "--format", "json")
    found = [
        (p["line"], p["severity"])
        for p in json.loads(result.stdout)["files"][0]["problems"]
        if p["code"] == "encoding-error"
    ]
    assert found == [(3, "error"), (4, "warning")]
    warning = next(
        p["message"]
        for p in json.loads(result.stdout)["files"][0]["problems"]
        if p["severity"] == "warning" and p["code"] == "encoding-error"
    )
    assert "(the only cell)" in warning


def test_a_clean_file_draws_no_such_warning(tmp_path):
    path = write(tmp_path, DAMAGED.replace(MARK, "é"))
    result = invoke("validate", str(path), "--format", "json")
    assert json.loads(result.stdout)["files"][0]["problems"] == []


def precincts(marked: set[int], rows: int = 300, newline: str = "\n") -> tuple[str, int]:
    """A precinct file, the candidate cells of the rows in `marked` damaged; and how many cells
    hold the mark (the oracle: counted from the rows as written)."""
    lines, cells = ["county,precinct,candidate,party,votes"], 0
    for i in range(rows):
        name = ("Ana", "Ben", "Cy")[i % 3] + (MARK if i in marked else "")
        county = f"C{i // 60}" + (MARK if i in marked and i % 2 else "")
        lines.append(f"{county},P{i // 3},{name},{'XYZ'[i % 3]},{(i * 37) % 101}")
        cells += (i in marked) * (1 + i % 2)
    return newline.join(lines) + newline, cells


def test_both_engines_warn_alike_across_blocks(tmp_path, monkeypatch):
    text, _ = precincts({40, 41, 250})
    for name, encoding, newline in (("u8.csv", "utf-8", "\n"), ("u16.csv", "utf-16", "\r\n")):
        path = write(tmp_path, text.replace("\n", newline), name, encoding)
        _, problems = engines_agree(monkeypatch, path, block_bytes=512)
        assert stream.read_stream(path, str(path), ReadOptions()) is not None  # (streamed)
        [warning] = marks_of(problems)
        assert (warning.line, warning.column) == (42, "candidate")
        assert "(4 cells on 3 lines hold it)" in warning.message


def test_a_damaged_header_unread_reads_alike(tmp_path, monkeypatch):
    text, _ = precincts({10})
    path = write(tmp_path, text.replace("votes", f"v{MARK}tes", 1))
    _, problems = engines_agree(monkeypatch, path, block_bytes=512)
    [warning] = marks_of(problems)
    assert warning.line == 1 and "(2 cells on 2 lines hold it)" in warning.message


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sets(st.integers(0, 119), max_size=12))
def test_every_damaged_cell_is_counted_by_both_engines(tmp_path_factory, marked):
    tmp_path = tmp_path_factory.mktemp("marks")
    text, cells = precincts(marked, rows=120)
    path = write(tmp_path, text)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _, problems = engines_agree(monkeypatch, path, block_bytes=300)
    found = marks_of(problems)
    if not marked:
        assert found == []
        return
    [warning] = found
    assert warning.line == min(marked) + 2
    # An independent count: the csv module over the whole text.
    rows = list(csv.reader(io.StringIO(text)))
    assert cells == sum(MARK in cell for row in rows for cell in row)
    lines = len(marked)
    expect = f"({cells} cells on {lines} lines hold it)" if cells > 1 else "(the only cell)"
    assert expect in warning.message


def test_a_damaged_name_in_a_workbook_names_its_cell(tmp_path):
    from sheets import write_xlsx

    rows = [["candidate", "party", "votes"], ["Ana Costa", "Blue", 120], [f"Jos{MARK}", "Red", 100]]
    path = write_xlsx(tmp_path / "results.xlsx", {"Results": rows})
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert f"{path}[Results]:A3: 'Jos{MARK}' (column 'candidate') holds U+FFFD" in result.stderr
    assert "(the only cell)" in result.stderr


def test_a_figure_with_the_mark_is_not_said_to_hold_digits_of_another_script(tmp_path):
    """`1�0` in a votes cell was "digits of another script; write the digits 0-9": its digits are
    0-9, and the mark is a lost character, which the encoding-error warning beside it names."""
    path = write(tmp_path, "candidate,votes\nAnn,1\ufffd0\nBob,20\n")
    result = invoke("validate", str(path), "--format", "json")
    problems = json.loads(result.stdout)["files"][0]["problems"]
    typed = [p["message"] for p in problems if p["code"] == "type-error"]
    assert len(typed) == 1 and "another script" not in typed[0]
    assert [p["code"] for p in problems if p["code"] == "encoding-error"] == ["encoding-error"]
