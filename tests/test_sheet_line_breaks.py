"""A line break inside a workbook's cell is the sheet's wrapping, not part of the name: a party
named `Hamburg` over `Offensiv` in its header cell is `Hamburg Offensiv` (trial 13). Main showed it
as `Hamburg \\x0aOffensiv` in the table and `"Hamburg \\nOffensiv"` in the JSON (Hamburg's
Bezirksversammlungswahl 2004 by Wahlbezirk, a wide table of one column per party).

The workbooks are written here (tests/sheets.py) in that layout with invented figures.
"""

from __future__ import annotations

import json

from conftest import invoke
from pollcli.read import ReadOptions, load_file
from sheets import write_xlsx

ROWS = [
    ["Bezirk", "Wahlberechtigte insgesamt", "Gültige Stimmen", "SPD", "CDU", "Hamburg \nOffensiv"],
    ["10101 Hamburg-Altstadt", 698, 287, 76, 112, 99],
    ["10201 Hamburg-Altstadt", 653, 322, 112, 120, 90],
    ["10301 St. Pauli", 700, 300, 150, 100, 50],
]


def test_a_line_break_in_a_header_cell_is_a_space(tmp_path):
    path = write_xlsx(tmp_path / "hh.xlsx", {"Wahlbezirke": ROWS})
    elections, problems = load_file(path, ReadOptions())
    assert not [p for p in problems if p.severity == "error"]
    votes = {o.candidate: o.votes for o in elections[0].options}
    # The oracle: the party columns summed by hand.
    assert votes == {"SPD": 338, "CDU": 332, "Hamburg Offensiv": 239}


def test_the_json_and_the_table_show_the_name_on_one_line(tmp_path):
    path = write_xlsx(tmp_path / "hh.xlsx", {"Wahlbezirke": ROWS})
    result = invoke("summary", str(path), "--format", "json")
    names = [o["candidate"] for o in json.loads(result.stdout)["elections"][0]["results"]]
    assert "Hamburg Offensiv" in names
    table = invoke("summary", str(path))
    assert "Hamburg Offensiv" in table.stdout
    assert "\\x0a" not in table.stdout


def test_a_line_break_in_a_candidate_cell_is_a_space(tmp_path):
    rows = [["candidate", "votes"], ["Anna\nSchmidt", 10], ["Bernd  Meier", 7]]
    path = write_xlsx(tmp_path / "long.xlsx", {"Sheet1": rows})
    elections, _ = load_file(path, ReadOptions())
    names = [o.candidate for o in elections[0].options]
    # Only a cell with a line break is rejoined; other spacing is the publisher's.
    assert names == ["Anna Schmidt", "Bernd  Meier"]
