"""Issue 10 item 3: the streaming engine validates a block's new names as columns (`read.namecells`)
in a file of races of no region (`election,candidate,party,votes`), not one `contract.Row` at a
time. The oracle is the row contract itself: each name's row is the row the contract makes of a
row of that name alone (its cells split as `CellReader.split` splits them), a name it refuses or
reads otherwise (blank, a count beside the candidates) is left to it; and a file read with the
columns reads as it does without them, problems and all. Hostile names: blank, spaces, control
and invisible characters, huge numbers, the kinds' and counts' own words, a party's name.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write
from pollcli.numbers import ShareMarks
from pollcli.problems import Found
from pollcli.read import ReadOptions, engines, load_file, namecells, optioncells, stream
from pollcli.read.header import ColumnMap
from pollcli.read.records import CellReader

HEADER = ["election", "candidate", "party", "votes"]
WORDS = [
    "",
    " ",
    "\t",
    "Ann",
    " Ann ",
    "A\u200bnn",
    "\u200b",
    "\u00a0",
    "\u2060Bo\u00ad",
    "Other",
    "Blank",
    "blank votes",
    "Write-in",
    "Write-ins",
    "Ballots Cast",
    "Registered Voters",
    "Total",
    "Total Votes",
    "Contest Totals",
    "Public Counter",
    "None of the above",
    "Against all",
    "Invalid",
    "Over Votes",
    "Union",
    "Front",
    "NA",
    "-",
    "x",
    "0",
    "12345678901234567890123456789012345678901234567890",
    "1e400",
    "-5",
    "Спойлер",
    "Ёлкин Иван",
    "a\x01b",
    "\x7f",
    "\x1b[31mRed",
    "15 - None of the Above",
    "Informal Informal",
]
NAMES = st.one_of(
    st.sampled_from(WORDS),
    st.lists(
        st.sampled_from([*"Ab 1-.'\u200b\u00a0\x01é", "Cast", "Total", "Blank", "Votes"]),
        max_size=8,
    ).map("".join),
)
KINDS = st.dictionaries(
    st.sampled_from(["Ann", "Other", "Union", "Ballots Cast", "Public Counter", "Total"]),
    st.sampled_from(["other", "blank", "invalid", "candidate", "registered", "ballots_cast"]),
    max_size=3,
)
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def reader_of(kinds: dict[str, str]) -> CellReader:
    columns = ColumnMap(header=HEADER, line=1, columns=dict(enumerate(HEADER)))
    return CellReader.of(columns, ".", False, ReadOptions(kinds=kinds), Found("results.csv"))


def by_the_row(name: str, kinds: dict[str, str]) -> tuple[object, bool]:
    """A row of the name alone, as the streaming engine validated a name before the columns
    (`OptionCells._validated`): its row, or None where it is left to be read with its party and
    election (refused, no name, a count); and whether it held characters printing as nothing."""
    reader = reader_of(kinds)
    values, facts = reader.split(["", name, "", ""])
    values.setdefault("candidate", "")
    row = reader.row(2, values, Found("results.csv"))
    if row is None or row.all_races or row.party is not None or facts:
        return None, reader.invisible
    return row, reader.invisible


@SETTINGS
@given(names=st.lists(NAMES, max_size=12, unique=True), kinds=KINDS)
def test_a_column_of_names_validates_as_each_row_of_its_name(names, kinds):
    reader = reader_of(kinds)
    columns = reader.columns
    assert namecells.plain(reader, ShareMarks(None), columns.index("candidate"))
    rows, invisible = namecells.name_rows(reader, names)
    for name, row, seen in zip(names, rows, invisible, strict=True):
        expected, invisible_too = by_the_row(name, kinds)
        assert seen == invisible_too, name
        if row is None:
            assert expected is None, name  # (left to the row's contract only where it must be)
        else:
            assert expected is not None, name
            assert asdict(row) == asdict(expected), name
            assert [type(v) for v in asdict(row).values()] == [
                type(v) for v in asdict(expected).values()
            ]
    assert not reader.found.items  # (the columns record nothing: the row's contract does)


def _file(rows: list[tuple[str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


RACES = st.lists(
    st.tuples(
        st.sampled_from(["Town A", "Town B", "Town C", " Town A", ""]),
        NAMES,
        st.sampled_from(["Union", "Front", "", " Front ", "Ann", "Other", "Mea\u200bdow"]),
        st.sampled_from(["1", "0", "12", "7", "300"]),
    ),
    min_size=1,
    max_size=30,
)


def _read(path, patch: pytest.MonkeyPatch, kinds: dict[str, str]) -> tuple[list, list]:
    patch.setenv(engines.ENGINE_ENV, "stream")
    elections, problems = load_file(path, ReadOptions(kinds=kinds))
    return [asdict(e) for e in elections], [asdict(p) for p in problems]


@settings(SETTINGS, max_examples=60)
@given(rows=RACES, kinds=KINDS, block=st.sampled_from([64, 128, 256, 1 << 20]))
def test_a_file_of_races_reads_alike_with_its_names_as_columns(tmp_path, rows, kinds, block):
    path = write(tmp_path, _file(rows))
    used: list[int] = []
    name_rows = optioncells.name_rows

    def counted(reader, texts):
        used.append(len(texts))
        return name_rows(reader, texts)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stream, "BLOCK_BYTES", block)
        patch.setattr(optioncells, "name_rows", counted)
        by_columns = _read(path, patch, kinds)
        patch.setattr(optioncells, "plain", lambda *_: False)  # each name by the row contract
        by_rows = _read(path, patch, kinds)
    assert by_columns == by_rows


def test_the_names_of_many_races_are_validated_as_columns(tmp_path, monkeypatch):
    # The `elections` shape: each name once as a column's, none by the row contract.
    lines = ["election,candidate,party,votes"]
    for town in range(40):
        for index in range(5):
            lines.append(f"Town {town:02d},Name {(town * 3 + index) % 60},P{index % 3},{index}")
    path = write(tmp_path, "\n".join(lines) + "\n")
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)
    texts: list[str] = []
    name_rows = optioncells.name_rows

    def counted(reader, cells):
        texts.extend(cells)
        return name_rows(reader, cells)

    monkeypatch.setattr(optioncells, "name_rows", counted)
    calls: list[dict[str, str]] = []
    row = CellReader.row

    def by_row(self, line, values, found=None):
        calls.append(values)
        return row(self, line, values, found)

    monkeypatch.setattr(CellReader, "row", by_row)
    elections, problems = _read(path, monkeypatch, {})
    assert sorted(texts) == sorted({f"Name {k}" for k in range(60)})
    assert all("votes" in c for c in calls)  # (the head's rows only: read by the exact stages)
    monkeypatch.undo()
    monkeypatch.setenv(engines.ENGINE_ENV, "exact")
    exact = load_file(path, ReadOptions())
    assert elections == [asdict(e) for e in exact[0]]
    assert problems == [asdict(p) for p in exact[1]]
