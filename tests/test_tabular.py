"""Issue 11 item 9: Excel, OpenDocument and Parquet, told apart by their bytes, read by the same
stages as a CSV: the same election gives the same JSON, problems are located by sheet and cell."""

import json
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATA, invoke
from pollcli.read.dialect import front_matter_item
from pollcli.read.tabular import cell_text, column_letter, tabular_kind
from sheets import write_ods, write_xlsx

KZ = DATA / "kz_2022.csv"


def kz_rows():
    """data/kz_2022.csv as a spreadsheet holds it: front-matter lines in column A (split at their
    commas, as Excel opens a CSV), then typed cells."""
    import csv

    lines = KZ.read_text(encoding="utf-8").splitlines()
    front = [next(csv.reader([line])) for line in lines if line.startswith("#")]
    table = list(csv.reader(line for line in lines if not line.startswith("#")))
    header, body = table[0], table[1:]

    def typed(column, text):
        if column == "votes":
            return int(text)
        if column == "share":
            return float(text)
        return text or None

    return front, header, [[typed(c, t) for c, t in zip(header, row, strict=True)] for row in body]


def kz_parquet(path):
    front, header, rows = kz_rows()
    metadata = {}
    for cells in front:
        pair = front_matter_item(",".join(cells))
        if pair:
            metadata[pair[0]] = pair[1]
    columns = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    table = pa.table(columns).replace_schema_metadata(metadata)
    pq.write_table(table, path)
    return path


def summary_json(path, *args):
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    for election in data["elections"]:
        election.pop("source_file")
    return data


def test_the_same_election_as_csv_xlsx_ods_and_parquet_gives_the_same_json(tmp_path):
    front, header, rows = kz_rows()
    # The CSV's default election label is the file's stem: every copy has the same one.
    csv_copy = shutil.copy(KZ, tmp_path / "kz.csv")
    xlsx = write_xlsx(tmp_path / "kz.xlsx", {"Results": [*front, header, *rows]})
    ods = write_ods(tmp_path / "kz.ods", {"Results": [*front, header, *rows]})
    parquet = kz_parquet(tmp_path / "kz.parquet")
    expected = summary_json(csv_copy)
    assert expected["elections"][0]["leader"]["candidate"] == "Kassym-Jomart Tokayev"
    for path in (xlsx, ods, parquet):
        assert summary_json(path) == expected, path.name


def test_files_are_told_apart_by_their_bytes_not_their_names(tmp_path):
    _, header, rows = kz_rows()
    disguised = write_xlsx(tmp_path / "results.csv", {"Sheet1": [header, *rows]})
    assert summary_json(disguised)["elections"][0]["leader"]["candidate"] == (
        "Kassym-Jomart Tokayev"
    )
    text = tmp_path / "results.xlsx"
    text.write_text("candidate,votes\nA,3\nB,1\n", encoding="utf-8")
    assert summary_json(text)["elections"][0]["leader"]["candidate"] == "A"


def test_problems_name_the_sheet_and_the_cell(tmp_path):
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        {"Votes": [["candidate", "party", "votes"], ["Ana", "P", 10], ["Ben", "Q", -3]]},
    )
    result = invoke("summary", str(path))
    assert result.code == 1
    assert f"pollcli: error: {path}[Votes]:C3: votes '-3': a count cannot be negative" in (
        result.stderr
    )
    report = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    [problem] = report["files"][0]["problems"]
    assert (problem["line"], problem["column"]) == (3, "votes")
    assert report["files"][0]["file"] == str(path)


def test_sheet_flag_and_the_note_of_a_workbook_of_several_sheets(tmp_path):
    path = write_xlsx(
        tmp_path / "two.xlsx",
        {
            "Round 1": [["candidate", "votes"], ["Ana", 40], ["Ben", 35], ["Cy", 25]],
            "Round 2": [["candidate", "votes"], ["Ana", 48], ["Ben", 52]],
        },
    )
    first = summary_json(path)["elections"][0]
    assert first["leader"]["candidate"] == "Ana"
    assert any("The workbook has 2 sheets ('Round 1', 'Round 2')" in n for n in first["notes"])
    second = summary_json(path, "--sheet", "Round 2")["elections"][0]
    assert second["leader"]["candidate"] == "Ben"
    result = invoke("summary", str(path), "--sheet", "Round 3")
    assert result.code == 2
    assert "no sheet named 'Round 3'; its sheets are 'Round 1', 'Round 2'" in result.stderr


def test_every_rule_applies_to_sheets(tmp_path):
    # Header words, kinds, count rows, near-whole floats and the region share check.
    path = write_xlsx(
        tmp_path / "rules.xlsx",
        {
            "S": [
                ["Stimmbezirk", "ParteiKuerzel", "Stimmen", "% Voix/Exp"],
                ["North", "CSU", 59.99999999999, 60],
                ["North", "SPD", 40, 40],
                ["North", "Ungültige", 3, None],
                ["South", "CSU", 10, 50],
                ["South", "SPD", 30, 50],
            ]
        },
    )
    result = invoke("validate", str(path), "--format", "json")
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["code"], p["line"]) for p in problems] == [
        ("share-mismatch", 5),
        ("share-mismatch", 6),
    ]
    election = summary_json(path)["elections"][0]
    assert {r["candidate"]: r["kind"] for r in election["results"]}["Ungültige"] == "invalid"
    assert any("within 1e-6 of a whole number" in n for n in election["notes"])


def test_parquet_metadata_facts_and_lines(tmp_path):
    table = pa.table({"candidate": ["Ana", "Ben"], "votes": [10, -1]}).replace_schema_metadata(
        {"date": "2024-13-01"}
    )
    pq.write_table(table, tmp_path / "p.parquet")
    result = invoke("validate", str(tmp_path / "p.parquet"), "--format", "json")
    found = [(p["code"], p["line"]) for p in json.loads(result.stdout)["files"][0]["problems"]]
    assert ("negative-votes", 3) in found and ("invalid-metadata", 1) in found


def test_a_zip_that_is_no_workbook_is_named(tmp_path):
    import zipfile

    path = tmp_path / "results.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("results.csv", "candidate,votes\nA,1\n")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "a ZIP archive ('results.csv'), not a results table nor a spreadsheet: unzip it" in (
        result.stderr
    )


def test_a_broken_workbook_is_an_error_not_a_traceback(tmp_path):
    path = tmp_path / "broken.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = invoke("summary", str(path))
    assert result.code == 1 and "Traceback" not in result.stderr
    assert "cannot be opened" in result.stderr


def test_standard_input_can_be_a_workbook(tmp_path):
    _, header, rows = kz_rows()
    path = write_xlsx(tmp_path / "kz.xlsx", {"Sheet1": [header, *rows]})
    result = invoke("summary", "-", "--format", "json", stdin=path.read_bytes())
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["elections"][0]["results"][0]["votes"] == 6456392


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (16008.0, "16008"),
        (81.31, "81.31"),
        (1.7918427077466915e-07, "0.00000017918427077466915"),  # Ohio 2012: no exponent
        (None, ""),
        (float("nan"), ""),
        (True, "true"),
        (__import__("datetime").datetime(2022, 11, 20), "2022-11-20"),
        (__import__("decimal").Decimal("1.50"), "1.50"),
    ],
)
def test_cells_as_a_csv_export_writes_them(value, text):
    assert cell_text(value) == text


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_kinds_of_bytes():
    assert tabular_kind(b"PAR1\x15\x04") == "parquet"
    assert tabular_kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "xls"
    assert tabular_kind(b"PK\x03\x04\x14\x00") == "zip"
    assert tabular_kind(b"candidate,votes") is None


def test_a_csv_never_imports_pandas_pyarrow_or_calamine(kz2022):
    code = (
        "import sys; from pollcli import load; load(sys.argv[1]); "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'python_calamine') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(kz2022)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
