"""A workbook whose strings hold a NUL after each letter (an old .xls exporter's UTF-16 text stored
as bytes: Italy's 2013 results by province, `I t a l y :   P a r l i a m e n t a r y …`): the names
were shown and advised with their NULs (`--ignore-column 'F\\x00d\\x00I\\x00'`, which no one can
type). A NUL is no character of a name: `FdI`.

The workbook is written here (tests/sheets.py, `_x0000_` being how Office Open XML writes a NUL)
in that layout, with invented figures; the oracle is the sum of each column by hand."""

from __future__ import annotations

from pollcli.read import ReadOptions, load_file
from sheets import write_xlsx


def nul(text: str) -> str:
    return "".join(f"{c}_x0000_" for c in text)


ROWS = [
    [nul("Region"), nul("M5S"), nul("PD"), nul("FdI")],
    [nul("Torino"), 2912, 2660, 199],
    [nul("Asti"), 2693, 2284, 272],
]


def test_nul_bytes_are_no_part_of_names(tmp_path):
    path = write_xlsx(tmp_path / "it.xlsx", {"Sheet 0": ROWS})
    elections, problems = load_file(path, ReadOptions())
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in elections[0].options} == {
        "M5S": 2912 + 2693,
        "PD": 2660 + 2284,
        "FdI": 199 + 272,
    }
    assert not any("\x00" in p.message for p in problems)
