"""The exact engine's rows of an option met before (`read/samerows`): the option's validated row
placed with the row's own place and count (`contract.counted`) reads every file as the whole row
stage reads each row (`records.CellReader.read`, the oracle): the same elections, notes and problems,
at the same lines and columns, for files of odd cells (vote cells that are no plain count, blank and
invisible characters, short and long rows, options repeated in a precinct). And the dialect's lines
(`csvrecords.text_lines`, `dialect._lines`) are those `io.StringIO(text, newline="")` gives.
POLLCLI_HYPOTHESIS=explore tries new examples."""

from __future__ import annotations

import csv
import dataclasses
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import dump
from pollcli.contract import Row, cells_context, counted
from pollcli.problems import Found
from pollcli.read import ReadOptions, csvrecords, dialect, engines, exact, load_file, samerows
from pollcli.read.records import CellReader, Record

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def whole_stage(
    reader: CellReader,
    pending: list[tuple[int, list[str]]],
    delimiter: str,
    records: list[Record],
    report: object,
    columnar: bool = False,
) -> None:
    """The oracle: every row read by the whole row stage, as the exact engine read them before
    (a record per row: `columnar`, the rows summed per region by `read.rowcolumns`, is ignored)."""
    while pending:
        line, cells = pending.pop()
        record = reader.read(line, cells, delimiter)
        if record is not None:
            records.append(record)


NAMES = ["Ann Lee", "Bo Kim", " Ann Lee ", "Ann\u200b Lee", "", "Against all", "Total", "Cé Dü"]
PARTIES = ["Red", "Blue", "", " Red", "Grün"]
VOTES = ["12", "0", "007", "551", "12", "1,234", " 12 ", "-", "", "12.0000001", "x", "1e3", "-4"]
VOTES += ["99999999999999999", "3.5", "Ann Lee"]
PLACES = ["R1", "R2", " R1", "", "Région", "R\u200b1", "TOTALS"]
ROW = st.tuples(
    st.sampled_from(PLACES),
    st.sampled_from(["P1", "P2", "P3", "", " P1"]),
    st.sampled_from(NAMES),
    st.sampled_from(PARTIES),
    st.sampled_from(VOTES),
    st.sampled_from(["", "", "", ",extra", "!short"]),
)


def _csv(rows: list[tuple[str, ...]], header: str) -> str:
    lines = [header]
    for region, unit, name, party, votes, odd in rows:
        cells = [region, unit, name, party, votes]
        if odd == "!short":
            cells.pop()
        text = ",".join(f'"{c}"' if "," in c else c for c in cells)
        lines.append(text + (odd if odd.startswith(",") else ""))
    return "\n".join(lines) + "\n"


def _both(monkeypatch: pytest.MonkeyPatch, path: Path, options: ReadOptions) -> tuple:
    monkeypatch.setenv(engines.ENGINE_ENV, "exact")
    theirs = dump(_oracle(monkeypatch, path, options))
    mine = dump(load_file(path, options))
    return mine, theirs


def _oracle(monkeypatch: pytest.MonkeyPatch, path: Path, options: ReadOptions) -> tuple:
    with monkeypatch.context() as patched:
        patched.setattr(exact, "read_rows", whole_stage)
        return load_file(path, options)


HEADERS = [
    "region,precinct,candidate,party,votes",
    "county,precinct,candidate,party,votes",
    "precinct,ward,candidate,party,votes",
    "region,candidate,party,votes,share",
]


@SETTINGS
@given(
    rows=st.lists(ROW, min_size=1, max_size=40),
    header=st.sampled_from(HEADERS),
    blank_zero=st.booleans(),
    bounded=st.booleans(),
    chunk=st.sampled_from([samerows.CHUNK_ROWS, 1, 3]),
)
def test_rows_of_an_option_met_before_read_as_the_whole_stage_reads_them(
    monkeypatch: pytest.MonkeyPatch,
    rows: list,
    header: str,
    blank_zero: bool,
    bounded: bool,
    chunk: int,
) -> None:
    with monkeypatch.context() as patched, tempfile.TemporaryDirectory() as directory:
        patched.setattr(samerows, "CHUNK_ROWS", chunk)
        if bounded:  # few options kept (and past the second, only while rows meet them)
            patched.setattr(samerows, "KEPT", 4)
            patched.setattr(samerows, "TRIAL", 2)
        path = Path(directory) / "results.csv"
        path.write_text(_csv(rows, header), encoding="utf-8")
        mine, theirs = _both(patched, path, ReadOptions(blank_votes_zero=blank_zero))
    assert mine == theirs


def test_a_precinct_file_is_read_alike_and_its_sums_are_the_hand_counted_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rows = [
        (f"R{r}", f"P{p}", name, party, str(votes))
        for r in range(3)
        for p in range(4)
        for name, party, votes in (("Ann Lee", "Red", 10 * r + p), ("Bo Kim", "Blue", 7))
    ]
    path = tmp_path / "results.csv"
    path.write_text(_csv([(*r, "") for r in rows], HEADERS[0]), encoding="utf-8")
    mine, theirs = _both(monkeypatch, path, ReadOptions())
    assert mine == theirs
    (election,), problems = load_file(path, ReadOptions())
    assert problems == []
    # By hand: Ann Lee has 10r + p in each of 3 regions × 4 precincts: 4·10·(0+1+2) + 3·(0+1+2+3).
    assert {o.candidate: o.votes for o in election.options} == {"Ann Lee": 138, "Bo Kim": 84}


@given(
    name=st.sampled_from(["Ann", "Against all", "Registered Voters"]),
    party=st.none() | st.sampled_from(["Red", "Blue"]),
    share=st.none() | st.sampled_from(["12.5", "0", "99.99"]),
    region=st.none() | st.sampled_from(["R1", "Région"]),
    unit=st.none() | st.sampled_from(["P1", ""]),
    votes=st.integers(0, 10**9),
)
def test_counted_is_the_models_own_copy(name, party, share, region, unit, votes):
    cells = {"candidate": name, "votes": "5", "region": "Old", "unit": "Older", "colour": "#fff"}
    if party is not None:
        cells["party"] = party
    if share is not None:
        cells["share"] = share
    row = Row.model_validate(cells, context=cells_context(".", False))
    mine = counted(row, region, unit, votes)
    theirs = row.model_copy(update={"region": region, "unit": unit, "votes": votes})
    assert mine == theirs
    assert hash(mine) == hash(theirs)
    assert dataclasses.asdict(mine) == dataclasses.asdict(theirs)
    assert (row.region, row.votes) == ("Old", 5)  # the option's row itself is left as it was


TEXT = st.text(alphabet='ab,"\r\n \x85\u2028\x0bé\udc80', max_size=60)


@given(text=TEXT, part=st.sampled_from([1, 2, 3, 7, 1 << 20]))
def test_the_dialects_lines_are_a_string_ios(text: str, part: int) -> None:
    theirs = list(io.StringIO(text, newline=""))
    with pytest.MonkeyPatch.context() as patch:  # the text turned into bytes a part at a time
        patch.setattr(csvrecords, "TEXT_PART", part)
        assert list(csvrecords.text_lines(text)) == theirs
    assert list(dialect._lines(text)) == theirs


@given(text=TEXT, part=st.sampled_from([1, 4, 1 << 20]))
def test_records_are_split_as_from_a_string_io(text: str, part: int) -> None:
    found = Found("x")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csvrecords, "TEXT_PART", part)
        records = dialect.read_records(text, 3, ",", found, header=True)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    expected: list[tuple[int, list[str]]] = []
    consumed = 0
    try:
        for cells in reader:
            start, consumed = 3 + consumed, reader.line_num
            if "".join(cells).strip() or not expected:
                expected.append((start, cells))
    except csv.Error:
        # Read past a line of stray quotes (`csvrecords.mend`, tests/test_stray_quotes.py), or
        # stopped there: the records before it as the csv module's.
        assert found.items[0].line == 3 + consumed
        assert records[: len(expected)] == expected
    else:
        assert found.items == []
        assert records == expected


@pytest.mark.parametrize("pad", range(8186, 8194))
def test_a_line_end_across_the_readers_blocks_is_one_line_end(pad: int) -> None:
    # The text's bytes are decoded 8 KiB at a time: a CRLF cut between two blocks is one line end.
    text = "é" * (pad // 2) + "a" * (pad % 2) + "\r\n" + "b,1\r\n" * 3000 + "c\r"
    assert list(csvrecords.text_lines(text)) == list(io.StringIO(text, newline=""))


# A precinct's counts beside its options (read cell by cell), with race, write-in and date cells
# (the option's): each column's header, the cells it may hold, and cells that are errors.
COUNTED = {
    "county": (["R1", "R2", " R1", "Région", "R\u200b1"], [""]),
    "precinct": (["P1", "P2", " P2", "TOTALS"], [""]),
    "office": (["Governor", "Mayor", "Registered Voters"], [""]),
    "candidate": (
        ["Ann Lee", "Bo Kim", "Ann\u200b Lee", "Registered Voters", "Ballots Cast"],
        [""],
    ),
    "writein": (["", "FALSE", "TRUE"], []),
    "party": (["Red", "Blue", "", "Grün"], []),
    "votes": (["12", "0", "007", "551", " 12 "], ["x", "-4", "3.5", "", "1,234", "-"]),
    "registered_voters": (["100", " 100", "1\u200b00", ""], ["x", "-"]),
    "ballots_cast": (["80", "80 ", ""], ["8.5"]),
    "date": (["2024-11-05", ""], ["2024-11-06"]),
}


@SETTINGS
@given(data=st.data(), columns=st.sets(st.sampled_from(sorted(COUNTED)), min_size=3))
def test_rows_with_a_precincts_counts_read_as_the_whole_stage_reads_them(
    monkeypatch: pytest.MonkeyPatch, data: st.DataObject, columns: set[str]
) -> None:
    header = [c for c in COUNTED if c in columns | {"candidate", "votes"}]
    fine = st.tuples(*(st.sampled_from(COUNTED[c][0]) for c in header))
    rows = data.draw(st.lists(st.tuples(fine, st.integers(0, 150)), min_size=1, max_size=15))
    lines = [",".join(header)]
    for cells, bad in rows:  # (a cell of a few rows is an error)
        odd = bad < len(header) and COUNTED[header[bad]][1]
        lines.append(",".join(data.draw(st.sampled_from(odd)) if odd and i == bad else c
                              for i, c in enumerate(cells)))  # fmt: skip
    with monkeypatch.context() as patched, tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "results.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        mine, theirs = _both(patched, path, ReadOptions())
    assert mine == theirs
