"""A first column of no header that numbers the rows: the row index pandas' `to_csv` writes by
default (0, 1, 2…) and R's `write.csv` writes as its row names ("1", "2"…). Files re-published
from notebooks carry it (Malaysia's results compiled from undi.info and The Star, 2004-2018:
`,party_code,name,votes,…,constituency,…` with 0, 1, 2… down column 1), and pollcli refused them
whole: "column 1 has no header but holds values; name it … or delete it". The index says nothing
about the count: it is left unused, with a note, and the file reads as it does without it. A
column of no header that holds anything else is still refused (blank-label).

The files are invented, in the same layout; figures are checked against pandas and against the
same file without its index column, on both engines.
"""

import io

import pytest

from conftest import dump, engines_agree, invoke, write

pd = pytest.importorskip("pandas")

ROWS = [
    ("AAA", "Ann Lee", 1200, "North Vale"),
    ("BBB", "Bo Cho", 900, "North Vale"),
    ("CCC", "Cy Dee", 150, "North Vale"),
    ("BBB", "Di Eve", 2100, "South Fell"),
    ("AAA", "Ed Fox", 2300, "South Fell"),
]
PLAIN = "party_code,name,votes,year,constituency\n" + "".join(
    f"{party},{name},{votes},2018,{seat}\n" for party, name, votes, seat in ROWS
)


def indexed(start: int, quoted: bool = False) -> str:
    """PLAIN with a row index first, under a blank header (pandas: from 0; R: from 1, quoted)."""
    lines = PLAIN.splitlines()
    if quoted:
        head = '""' + "".join(f',"{c}"' for c in lines[0].split(","))
        body = [f'"{start + k}",{line}' for k, line in enumerate(lines[1:])]
    else:
        head = "," + lines[0]
        body = [f"{start + k},{line}" for k, line in enumerate(lines[1:])]
    return "\n".join([head, *body]) + "\n"


def without_notes(loaded: tuple) -> tuple[list, list]:
    elections, problems = dump(loaded)
    for election in elections:
        election["notes"] = [n for n in election["notes"] if "numbers the rows" not in n]
    return elections, problems


@pytest.mark.parametrize(("start", "quoted"), [(0, False), (1, True), (1, False)])
def test_a_row_index_under_a_blank_header_is_left_unused(tmp_path, monkeypatch, start, quoted):
    path = write(tmp_path, PLAIN)
    plain = without_notes(engines_agree(monkeypatch, path))
    write(tmp_path, indexed(start, quoted))  # the same file, with its index (one path: one name)
    loaded = engines_agree(monkeypatch, path)
    elections, problems = loaded
    assert [p.code for p in problems if p.severity == "error"] == []
    assert without_notes(loaded) == plain
    # pandas' own figures, the index read as pandas reads it
    frame = pd.read_csv(io.StringIO(indexed(start, quoted)), index_col=0)
    assert list(frame.index) == list(range(start, start + len(ROWS)))
    sums = frame.groupby(["constituency", "name"]).votes.sum()
    assert {e.race.name: {o.candidate: o.votes for o in e.options} for e in elections} == {
        seat: {name: int(v) for name, v in sums[seat].items()}
        for seat in frame.constituency.unique()
    }
    for election in elections:
        assert any("numbers the rows" in n for n in election.notes), election.notes
    leaders = [max(e.options, key=lambda o: o.votes or 0).candidate for e in elections]
    assert leaders == ["Ann Lee", "Ed Fox"]


def test_the_cli_reads_a_pandas_export_and_says_the_index_is_left(tmp_path):
    path = write(tmp_path, indexed(0), "indexed.csv")
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    assert "has no header" not in result.stderr
    assert "Ed Fox" in result.stdout and "Ann Lee" in result.stdout
    assert "numbers the rows" in result.stdout


@pytest.mark.parametrize(
    "first",
    [
        ["7", "3", "9", "4", "2"],  # figures, not a count of rows
        ["0", "1", "3", "4", "5"],  # a gap: no row index
        ["2", "3", "4", "5", "6"],  # counting from 2
        ["a", "b", "c", "d", "e"],
    ],
)
def test_a_blank_header_over_anything_else_is_still_refused(tmp_path, monkeypatch, first):
    lines = PLAIN.splitlines()
    body = [f"{v},{line}" for v, line in zip(first, lines[1:], strict=True)]
    text = "\n".join(["," + lines[0], *body])
    path = write(tmp_path, text + "\n")
    _, problems = engines_agree(monkeypatch, path)
    assert "blank-label" in [p.code for p in problems]


def test_a_blank_header_past_the_first_column_is_still_refused(tmp_path, monkeypatch):
    lines = PLAIN.splitlines()
    text = "\n".join([lines[0] + ",", *(f"{line},{k}" for k, line in enumerate(lines[1:]))])
    _, problems = engines_agree(monkeypatch, write(tmp_path, text + "\n"))
    assert "blank-label" in [p.code for p in problems]


def test_an_index_down_a_long_file_is_read_alike_by_both_engines(tmp_path, monkeypatch):
    """Past the head (where the index is told) and across the streaming engine's blocks."""
    rows = [
        f"{k},{'AAA' if k % 2 else 'BBB'},{'Ann' if k % 2 else 'Bo'} {k // 2},{k + 1},2018,"
        f"Seat {k // 2}\n"
        for k in range(400)
    ]
    path = write(tmp_path, ",party_code,name,votes,year,constituency\n" + "".join(rows))
    elections, problems = engines_agree(monkeypatch, path, block_bytes=512)
    assert [p.code for p in problems if p.severity == "error"] == []
    assert len(elections) == 200
    assert sum(o.votes or 0 for e in elections for o in e.options) == sum(range(1, 401))
