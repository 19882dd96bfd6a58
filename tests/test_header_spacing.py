"""A tab or line break inside a header cell is spacing: its whitespace runs read as one space.

Korea's presidential files (kr_15pe … kr_17pe.csv) write some candidates' header cells with a tab
between the name and the party: `"Lee Hoi-chang<TAB>(Grand National)"`. The tables showed
`Lee Hoi-chang\\x09(Grand National)` (a control character shown as its escape), JSON the tab.
A cell broken over lines in its quotes was already read so (Clear Ballot's `"Contest \\nTitle"`).
Invented files of the same layout; both engines.
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

WIDE = (
    '"province","district","Ann Lee\t(Red)","Bo Ray (Blue)","Cy  Dunn\t\t(Green)","invalid"\n'
    '"North","A-gu",500,300,20,9\n'
    '"North","B-gu",400,350,30,7\n'
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_tab_in_a_header_cell_is_one_space(tmp_path, engine):
    path = write(tmp_path, WIDE, "kr_pe.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    names = [r["candidate"] for r in json.loads(result.stdout)["elections"][0]["results"]]
    assert "Ann Lee (Red)" in "|".join(names)
    assert "Cy Dunn (Green)" in "|".join(names)
    assert not any("\t" in n or "  " in n for n in names)
    table = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine}).stdout
    assert "\\x09" not in table and "Ann Lee (Red)" in table


def test_a_tab_in_a_header_over_two_rows_is_one_space(tmp_path):
    text = (
        "region,Ann Lee\t(Red),,Bo Ray (Blue),\n"
        ",votes,%,votes,%\n"
        "North,500,62.5,300,37.5\n"
        "South,400,53.3,350,46.7\n"
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    names = [r["candidate"] for r in json.loads(result.stdout)["elections"][0]["results"]]
    assert not any("\t" in n for n in names)
    assert "Ann Lee (Red)" in "|".join(names)


def test_a_tab_in_a_workbook_header_cell_is_one_space(tmp_path):
    from sheets import write_xlsx

    rows: list[list[str | int | float | None]] = [
        ["region", "Ann Lee\t(Red)", "Bo Ray (Blue)"],
        ["North", 500, 300],
        ["South", 400, 350],
    ]
    path = write_xlsx(tmp_path / "kr.xlsx", {"Sheet1": rows})
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    names = [r["candidate"] for r in json.loads(result.stdout)["elections"][0]["results"]]
    assert names == ["Ann Lee (Red)", "Bo Ray (Blue)"]
