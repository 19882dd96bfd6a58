"""A long text's quote-free part split a part at a time, a column at a time (`read/plainrows`): the
very records and problems the csv module gives (the oracle), on texts of odd lines (CRLF, a lone CR,
empty and blank lines, short and long rows, NUL, a lone surrogate, a quote, a cell past the field
limit), with the thresholds set so low that every small text takes the new path; and a file read
so by the exact engine gives the elections, notes and problems it gave.
POLLCLI_HYPOTHESIS=explore tries new examples."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import dump
from pollcli.problems import Found
from pollcli.read import ReadOptions, dialect, engines, load_file, plainrows
from test_samerows import HEADERS, ROW, _csv

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _oracle_records(text: str, first: int, delimiter: str) -> tuple[list, list[int]]:
    """The records as the csv module splits `text` (from a StringIO), blank ones left out but the
    header's, and the lines of its problems."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    expected: list[tuple[int, list[str]]] = []
    consumed = 0
    try:
        for cells in reader:
            start, consumed = first + consumed, reader.line_num
            if "".join(cells).strip() or not expected:
                expected.append((start, cells))
    except csv.Error:
        return expected, [first + consumed]
    return expected, []


CELL = st.sampled_from(["a", "b", "", " ", "é", "12", "Ann Lee", "\t", "\x00", "\udc80", "\u2028"])
LINE_END = st.sampled_from(["\n", "\n", "\r\n", "\r", "\n\n", "\n \n"])


@st.composite
def texts(draw: st.DrawFn) -> tuple[str, str]:
    """A header and rows of mostly one width, joined by `delimiter` and odd line ends."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    width = draw(st.integers(1, 4))
    header = delimiter.join(draw(st.sampled_from(['"a,b"', "x", "y"])) for _ in range(width))
    parts = [header, draw(LINE_END)]
    for _ in range(draw(st.integers(0, 25))):
        cells = draw(st.lists(CELL, min_size=width, max_size=width))
        if draw(st.integers(0, 9)) == 0:  # a short or long row, now and then
            cells = cells[:-1] if draw(st.booleans()) else [*cells, "z"]
        parts += [delimiter.join(cells), "\n" if draw(st.integers(0, 4)) else draw(LINE_END)]
    if draw(st.integers(0, 9)) == 0:
        parts.insert(draw(st.integers(2, len(parts))), draw(st.sampled_from(['"', '"q"\n', "é"])))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["\n\n", "\r\n\r\n", "", "a"])))
    return "".join(parts), delimiter


@SETTINGS
@given(case=texts(), first=st.sampled_from([1, 3]), part=st.sampled_from([1, 5, 1 << 20]))
def test_a_quote_free_part_is_split_as_the_csv_module_splits_it(
    case: tuple[str, str], first: int, part: int
) -> None:
    text, delimiter = case
    found = Found("x")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plainrows, "PLAIN_CHARS", 1)
        patch.setattr(plainrows, "PART_CHARS", part)
        records = dialect.read_records(text, first, delimiter, found, header=True)
    expected, problems = _oracle_records(text, first, delimiter)
    assert records == expected
    assert [p.line for p in found.items] == problems


def test_a_plain_text_is_split_here_and_a_long_cell_by_the_csv_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "region,precinct,votes\r\n" + "".join(f"R{i % 3},P{i},{i}\r\n" for i in range(9))
    taken: list[int] = []
    split = plainrows.plain_records

    def spy(*args: object) -> object:
        records = split(*args)  # type: ignore[arg-type]
        taken.append(-1 if records is None else len(records))
        return records

    monkeypatch.setattr(plainrows, "PLAIN_CHARS", 1)
    monkeypatch.setattr(plainrows, "PART_CHARS", 10)
    monkeypatch.setattr(dialect, "plain_records", spy)
    records = dialect.read_records(text, 1, ",", Found("x"), header=True)
    assert taken == [9]  # the nine rows below the header, split here
    assert records[0] == (1, ["region", "precinct", "votes"])
    assert records[-1] == (10, ["R2", "P8", "8"])
    assert records[4][1][0] is records[7][1][0]  # (one string for R0, however many rows)
    assert records == _oracle_records(text, 1, ",")[0]  # (a CRLF cut between two parts, too)
    # A line past the csv module's limit: its error, as before.
    limit = csv.field_size_limit(20)
    try:
        found = Found("x")
        long = text + "R1,P" + "9" * 30 + ",1\r\n"
        assert len(dialect.read_records(long, 1, ",", found, header=True)) == 10
        assert taken[-1] == -1
        assert [(p.code.value, p.line) for p in found.items] == [("malformed-csv", 11)]
    finally:
        csv.field_size_limit(limit)


@SETTINGS
@given(
    rows=st.lists(ROW, min_size=1, max_size=40),
    header=st.sampled_from(HEADERS),
    crlf=st.booleans(),
)
def test_a_file_split_here_is_read_as_before(
    monkeypatch: pytest.MonkeyPatch, rows: list, header: str, crlf: bool
) -> None:
    text = _csv(rows, header)
    if crlf:
        text = text.replace("\n", "\r\n")
    with monkeypatch.context() as patched, tempfile.TemporaryDirectory() as directory:
        patched.setenv(engines.ENGINE_ENV, "exact")
        path = Path(directory) / "results.csv"
        path.write_text(text, encoding="utf-8", newline="")
        theirs = dump(load_file(path, ReadOptions()))
        patched.setattr(plainrows, "PLAIN_CHARS", 1)
        patched.setattr(plainrows, "PART_CHARS", 7)
        mine = dump(load_file(path, ReadOptions()))
    assert mine == theirs
