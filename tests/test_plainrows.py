"""A long text's quote-free part split by pyarrow (`read/plainrows`) and the exact engine's held rows
told apart column by column (`read/samecolumns`): the very records, elections, notes and problems
the csv module and the row-by-row loop give (the oracles), on texts of odd lines (CRLF, a lone CR,
empty and blank lines, short and long rows, NUL, a lone surrogate, a quote) with the thresholds set
so low that every small text takes the new paths. POLLCLI_HYPOTHESIS=explore tries new examples."""

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
from pollcli.read import ReadOptions, dialect, engines, exact, load_file, plainrows, samerows
from pollcli.read.dialect import RawTable
from test_samerows import HEADERS, ROW, _csv, whole_stage

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
@given(case=texts(), first=st.sampled_from([1, 3]))
def test_a_quote_free_part_is_split_as_the_csv_module_splits_it(
    case: tuple[str, str], first: int
) -> None:
    text, delimiter = case
    found = Found("x")
    table = RawTable(name="x", stem="x")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plainrows, "PLAIN_CHARS", 1)
        records = dialect.read_records(text, first, delimiter, found, header=True, table=table)
    expected, problems = _oracle_records(text, first, delimiter)
    assert records == expected
    assert [p.line for p in found.items] == problems
    if table.plain is not None:  # pyarrow's columns: each row's cells by their codes
        tail = records[len(records) - table.plain.rows.size :]
        assert [id(cells) for _, cells in tail] == table.plain.rows.tolist()
        for index, (codes, values) in enumerate(
            zip(table.plain.codes, table.plain.values, strict=True)
        ):
            assert [values[c] for c in codes.tolist()] == [cells[index] for _, cells in tail]


def test_a_plain_text_is_split_by_pyarrow_and_a_long_cell_by_the_csv_module() -> None:
    text = "region,precinct,votes\r\n" + "".join(f"R{i % 3},P{i},{i}\r\n" for i in range(9))
    table = RawTable(name="x", stem="x")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plainrows, "PLAIN_CHARS", 1)
        records = dialect.read_records(text, 1, ",", Found("x"), header=True, table=table)
        assert table.plain is not None and table.plain.rows.size == 9
        assert records[0] == (1, ["region", "precinct", "votes"])
        assert records[-1] == (10, ["R2", "P8", "8"])
        # A cell past the csv module's limit: its error, as before (pyarrow has no limit).
        limit = csv.field_size_limit(20)
        try:
            long = text + "R1,P" + "9" * 30 + ",1\r\n"
            found = Found("x")
            assert len(dialect.read_records(long, 1, ",", found, header=True)) == 10
            assert [(p.code.value, p.line) for p in found.items] == [("malformed-csv", 11)]
        finally:
            csv.field_size_limit(limit)


@SETTINGS
@given(
    rows=st.lists(ROW, min_size=1, max_size=40),
    header=st.sampled_from(HEADERS),
    blank_zero=st.booleans(),
    even=st.booleans(),
)
def test_held_rows_told_apart_by_columns_are_read_as_the_whole_stage_reads_them(
    monkeypatch: pytest.MonkeyPatch, rows: list, header: str, blank_zero: bool, even: bool
) -> None:
    if even:  # every row of the header's width: the columns' path is taken
        rows = [(*row[:5], "") for row in rows]
    with monkeypatch.context() as patched, tempfile.TemporaryDirectory() as directory:
        patched.setenv(engines.ENGINE_ENV, "exact")
        path = Path(directory) / "results.csv"
        path.write_text(_csv(rows, header), encoding="utf-8")
        options = ReadOptions(blank_votes_zero=blank_zero)
        with monkeypatch.context() as oracle:
            oracle.setattr(exact, "read_rows", whole_stage)
            theirs = dump(load_file(path, options))
        patched.setattr(plainrows, "PLAIN_CHARS", 1)
        patched.setattr(samerows, "COLUMN_ROWS", 1)
        mine = dump(load_file(path, options))
    assert mine == theirs


def test_the_columns_path_is_taken_and_its_sums_are_the_hand_counted_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from pollcli.read import samecolumns

    taken: list[bool] = []
    hold = samecolumns.hold_rows

    def spy(*args: object, **kwargs: object) -> bool:
        done = hold(*args, **kwargs)  # type: ignore[arg-type]
        taken.append(done)
        return done

    rows = [
        f"R{r},P{p},{name},{party},{votes}"
        for r in range(3)
        for p in range(4)
        for name, party, votes in (("Ann Lee", "Red", 10 * r + p), ("Bo Kim", "Blue", 7))
    ]
    path = tmp_path / "results.csv"
    path.write_text(HEADERS[0] + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setenv(engines.ENGINE_ENV, "exact")
    monkeypatch.setattr(plainrows, "PLAIN_CHARS", 1)
    monkeypatch.setattr(samerows, "COLUMN_ROWS", 1)
    monkeypatch.setattr(samerows, "hold_rows", spy)
    (election,), problems = load_file(path, ReadOptions())
    assert taken == [True]
    assert problems == []
    # By hand: Ann Lee has 10r + p in each of 3 regions × 4 precincts: 4·10·(0+1+2) + 3·(0+1+2+3).
    assert {o.candidate: o.votes for o in election.options} == {"Ann Lee": 138, "Bo Kim": 84}
