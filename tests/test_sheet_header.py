"""Trial 6: a workbook's header is found as a CSV's is — title rows above it skipped with a note,
a header over several rows joined, `--header-line N[-M]` counted in the sheet's rows — and the
hint of a sheet's errors names the file and `--sheet`, not `book.xlsx[Sheet1]` (no such file).

Oracles: the same rows written as a CSV (whose header finding has goldens of its own) give the same
JSON, and pandas sums the data rows' votes on its own."""

import csv
import json
import shlex
from pathlib import Path

import pandas as pd
import pytest

from conftest import invoke
from pollcli.read.inputs import STDIN_NAME, sheet_name, validate_args
from sheets import write_ods, write_xlsx

TITLE = [["National Election Commission statistics"], ["20th presidential election: count"]]
# The candidates' names, and their parties in the row below.
HEADER = [
    ["district", "registered", "Lee", "Yoon", "Sim", "invalid"],
    [None, None, "Democratic", "People Power", "Justice", None],
]
DATA = [
    ["Jongno", 129968, 46130, 49172, 3115, 1263],
    ["Jung", 111448, 38244, 42906, 2310, 814],
    ["Yongsan", 199077, 60063, 85047, 4374, 1386],
]
NAMES = ["Lee", "Yoon", "Sim"]
KERG = Path(__file__).parent / "layouts" / "kerg_like.csv"


def as_csv(path, rows, width=6):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in rows:
            row = [*row, *[None] * (width - len(row))]
            writer.writerow(["" if c is None else c for c in row])
    return path


def summary(path, *args):
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    for election in data["elections"]:
        election.pop("source_file")
        election.pop("election")
    return data


def votes(data):
    (election,) = data["elections"]
    return {r["candidate"]: r["votes"] for r in election["results"]}


def oracle():
    """pandas on the data rows alone: each candidate's votes over the districts."""
    frame = pd.DataFrame(DATA, columns=["district", "registered", *NAMES, "invalid"])
    return {name: int(frame[name].sum()) for name in NAMES}


def without_notes(data):
    notes = [e.pop("notes") for e in data["elections"]]
    return data, notes


@pytest.mark.parametrize("writer", [write_xlsx, write_ods], ids=["xlsx", "ods"])
def test_title_rows_and_a_row_of_parties_under_the_header(tmp_path, writer):
    book = writer(tmp_path / f"seoul.{writer.__name__[-4:]}", {"Sheet1": TITLE + HEADER + DATA})
    sheet = summary(book)
    assert votes(sheet) == oracle()
    # The CSV export of the same rows is read alike, notes aside (a sheet counts rows, not lines).
    plain, _ = without_notes(summary(as_csv(tmp_path / "seoul.csv", TITLE + HEADER + DATA)))
    sheet, (notes,) = without_notes(sheet)
    assert sheet == plain
    assert (
        "2 row(s) above the header (row 3) were skipped: 'National Election Commission "
        "statistics' …." in notes
    )
    assert any(n.startswith("Row 4, under the header, names the options' parties") for n in notes)


@pytest.mark.parametrize("flag", [None, "6-8", "6"])
def test_a_header_over_three_rows_below_title_rows(tmp_path, flag):
    """The Bundeswahlleiterin's layout (tests/layouts/kerg_like.csv) as a sheet: five title rows,
    a header over rows 6 to 8, read as its CSV is."""
    lines = KERG.read_text(encoding="utf-8-sig").splitlines()
    rows = [[c or None for c in r] for r in csv.reader(lines, delimiter=";")]
    book = write_xlsx(tmp_path / "kerg_like.xlsx", {"Sheet1": rows})
    args = ("--header-line", flag) if flag else ()
    sheet, notes = without_notes(summary(book, *args))
    plain, _ = without_notes(summary(KERG))
    # The warnings name the file: its sheet and the CSV are named apart, at the same line.
    text = json.dumps(sheet, ensure_ascii=False).replace(f"{book}[Sheet1]", str(KERG))
    text = text.replace(str(book), str(KERG))
    assert json.loads(text) == plain and len(sheet["elections"]) == 4
    assert "The header spans rows 6–8; its rows are read as one" in " ".join(notes[0])
    if flag is None:
        # The fourth, blank in the sheet, is no title (its CSV's `;` is counted as a line).
        assert "4 row(s) above the header (row 6) were skipped" in " ".join(notes[0])


@pytest.mark.parametrize("flag", ["3-4", "3"])
def test_header_line_is_counted_in_the_sheets_rows(tmp_path, flag):
    # A title row of two cells is not told from a header: --header-line says where it is.
    rows = [["Seoul", "2022"], [], *HEADER, *DATA]
    book = write_xlsx(tmp_path / "seoul.xlsx", {"Sheet1": rows})
    assert votes(summary(book, "--header-line", flag)) == oracle()


def test_header_line_on_a_one_row_header_below_titles(tmp_path):
    rows = [["Results"], ["district", "Lee", "Yoon"], ["Jongno", 46130, 49172], ["Jung", 1, 2]]
    book = write_xlsx(tmp_path / "one.xlsx", {"Sheet1": rows})
    assert votes(summary(book, "--header-line", "2")) == {"Lee": 46131, "Yoon": 49174}
    assert votes(summary(book)) == {"Lee": 46131, "Yoon": 49174}


def test_a_header_line_past_the_sheet_is_said(tmp_path):
    book = write_xlsx(tmp_path / "short.xlsx", {"Sheet1": HEADER + DATA})
    result = invoke("summary", str(book), "--header-line", "9")
    assert result.code == 1
    assert "the sheet has no row 9 to be the header (--header-line 9)" in result.stderr


def test_errors_are_located_by_the_sheets_rows_and_cells(tmp_path):
    bad = [*DATA[:1], ["Jung", 111448, 38244, 42906, 2310, "lots"], *DATA[2:]]
    book = write_xlsx(tmp_path / "bad.xlsx", {"Results": TITLE + HEADER + bad})
    result = invoke("summary", str(book))
    assert result.code == 1
    # Row 6 of the sheet (2 titles, 2 header rows, then Jongno), the invalid ballots in column F.
    assert f"{book}[Results]:F6: " in result.stderr
    # The follow-up it suggests names the file and the sheet, and runs.
    hint = f"run 'pollcli validate {book} --sheet Results' to list every problem"
    assert hint in result.stderr
    again = invoke(*shlex.split(hint.split("'")[1])[1:], "--format", "json")
    assert again.code == 1
    (problem,) = json.loads(again.stdout)["files"][0]["problems"]
    assert (problem["line"], problem["column"]) == (6, "invalid")


def test_a_sheet_of_one_row_header_is_read_as_before(tmp_path):
    rows = [["# date: 2022-03-09"], ["district", "Lee", "Yoon"], ["Jongno", 46130, 49172]]
    book = write_xlsx(tmp_path / "plain.xlsx", {"Sheet1": rows})
    data = summary(book)
    assert votes(data) == {"Lee": 46130, "Yoon": 49172}
    assert data["elections"][0]["date"] == "2022-03-09"
    assert not any("above the header" in n for n in data["elections"][0]["notes"])


def test_validate_args(tmp_path):
    book = tmp_path / "a[1].xlsx"
    book.write_bytes(b"PK\x03\x04")
    assert validate_args([sheet_name(str(book), "S[2]")]) == ([str(book)], "S[2]")
    assert validate_args([str(book)]) == ([str(book)], None)
    assert validate_args([sheet_name(STDIN_NAME, "Sheet1")]) == (["-"], "Sheet1")
    assert validate_args(["x.csv", "x.csv", STDIN_NAME]) == (["x.csv", "-"], None)
    # Workbooks whose first sheets differ in name: validate reads each first sheet again, unflagged.
    other = tmp_path / "b.xlsx"
    other.write_bytes(b"PK\x03\x04")
    both = [sheet_name(str(book), "A"), sheet_name(str(other), "B")]
    assert validate_args(both) == ([str(book), str(other)], None)
    # A name with brackets whose stem is no file is a file's own name.
    assert validate_args(["nowhere/x[1]"]) == (["nowhere/x[1]"], None)


def test_header_line_on_a_parquet_file_is_a_usage_error(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "r.parquet"
    pq.write_table(pa.table({"candidate": ["Ann"], "votes": [3]}), path)
    result = invoke("summary", str(path), "--header-line", "2")
    assert result.code == 2 and "a Parquet file has no header rows" in result.stderr
