"""A quote inside a quoted cell that does not close it (a stray quote) is read as the cell's text,
with a `stray-quote` warning for its line, and the lines after it are read and checked.

OpenElections' Jefferson County, Illinois file (2016) writes `"CHARLES "C.J." BARICEVIC"` on 33
lines: `validate` stopped at the first with one `malformed-csv` error, and `summary` read
nothing. (The files below are invented, in that layout.)
"""

from __future__ import annotations

import csv
import io
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write

HEAD = '"county","precinct","office","district","party","candidate","votes"\n'
ROWS = [
    ("ADAMS", "ELM 1", "U.S. House", "9", "REPUBLICAN", "MARY TOLL", "310"),
    ("ADAMS", "ELM 1", "U.S. House", "9", "DEMOCRATIC", 'ROBERT "B.J." KANE', "118"),
    ("ADAMS", "ELM 2", "U.S. House", "9", "DEMOCRATIC", 'ROBERT "B.J." KANE', "203"),
    ("ADAMS", "ELM 2", "U.S. House", "9", "REPUBLICAN", "MARY TOLL", "549"),
    ("ADAMS", "ELM 1", "State Senate", "9", "REPUBLICAN", "PAUL SHIM", "215"),
    ("ADAMS", "ELM 2", "State Senate", "9", "REPUBLICAN", "PAUL SHIM", "201"),
    ("ADAMS", "ELM 1", "State Senate", "9", "DEMOCRATIC", "SHEILA SIMS", "12"),
    ("ADAMS", "ELM 2", "State Senate", "9", "DEMOCRATIC", "SHEILA SIMS", "77"),
]


def _as_published(rows) -> str:
    """Every cell quoted, a quote inside a cell not doubled (the publisher's way)."""
    return HEAD + "".join(",".join(f'"{cell}"' for cell in row) + "\n" for row in rows)


def test_stray_quotes_are_read_and_every_line_after_them_too(tmp_path):
    path = write(tmp_path, _as_published(ROWS), "20161108__xx__general__adams__precinct.csv")
    validated = invoke("validate", str(path), "--format", "json")
    assert validated.code == 0, validated.stdout
    problems = json.loads(validated.stdout)["files"][0]["problems"]
    strays = [p for p in problems if p["code"] == "stray-quote"]
    assert [p["line"] for p in strays] == [3, 4]
    assert all(p["severity"] == "warning" for p in strays)
    assert "'ROBERT \"B.J.\" KANE'" in strays[0]["message"]
    assert not [p for p in problems if p["code"] == "malformed-csv"]
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    votes = {
        (e["election"], r["candidate"]): r["votes"]
        for e in json.loads(result.stdout)["elections"]
        for r in e["results"]
    }
    # The oracle: the same rows written as CSV writes them (a quote inside a cell doubled).
    fixed = io.StringIO()
    csv.writer(fixed, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(ROWS)
    oracle_path = write(tmp_path, HEAD + fixed.getvalue(), "fixed.csv")
    oracle = json.loads(invoke("summary", str(oracle_path), "--format", "json").stdout)
    assert votes == {
        (e["election"], r["candidate"]): r["votes"]
        for e in oracle["elections"]
        for r in e["results"]
    }
    assert votes[("U.S. House", 'ROBERT "B.J." KANE')] == 118 + 203


def test_summary_says_the_stray_quotes_in_one_line_past_three(tmp_path):
    rows = ROWS + [(*row[:6], str(int(row[6]) + 1)) for row in ROWS[1:3]] * 2
    rows = [(r[0], f"ELM {i}", *r[2:]) for i, r in enumerate(rows)]
    path = write(tmp_path, _as_published(rows), "many.csv")
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    assert (
        "6 lines read past a stray quote inside a quoted cell (stray-quote); run 'pollcli "
        "validate" in result.stderr
    )


def test_both_engines_read_stray_quotes_alike(tmp_path, monkeypatch):
    path = write(tmp_path, _as_published(ROWS * 40), "long.csv")
    for block_bytes in (None, 256):
        _, problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
        assert sum(p.code == "stray-quote" for p in problems) == 80


def test_a_quote_that_cannot_be_settled_still_stops_reading_with_its_advice(tmp_path):
    unterminated = write(
        tmp_path, HEAD + '"A","B","C","9","D","E,"1"\n"A","B","C","9","D","F","2"\n'
    )
    result = invoke("validate", str(unterminated), "--format", "json")
    assert result.code == 1
    codes = [p["code"] for p in json.loads(result.stdout)["files"][0]["problems"]]
    assert "malformed-csv" in codes and "stray-quote" not in codes
    spaced = write(tmp_path, HEAD + '"A","B","C","9","D","E" ,"1"\n', "spaced.csv")
    said = invoke("validate", str(spaced))
    assert said.code == 1 and "spaces follow a cell's closing quote" in said.stdout


# Cells of letters, spaces, commas, dots and quotes: no quote doubled, none first in its cell,
# none before the cell's end or a comma (spaces between aside), none after a comma (those a
# reader cannot tell from a quote that opens or closes a cell).
CELL = st.text(alphabet='ab .,"', max_size=12).filter(
    lambda c: (
        '""' not in c
        and not c.startswith('"')
        and re.search(r'" *(?:,|$)', c) is None
        and ',"' not in c
    )
)


@given(cells=st.lists(CELL, min_size=1, max_size=6))
def test_a_mended_line_gives_back_the_cells_it_was_written_from(cells):
    from pollcli.read.csvrecords import mend

    line = ",".join(f'"{cell}"' for cell in cells) + "\r\n"
    mended = mend(line, ",")
    if not any('"' in cell for cell in cells):
        assert mended is None  # (nothing stray: the csv module reads it)
        return
    assert mended is not None
    assert mended[0] == cells
    # The oracle: the csv module reads the same cells with each inner quote doubled.
    doubled = ",".join('"' + cell.replace('"', '""') + '"' for cell in cells)
    assert next(csv.reader([doubled], strict=True)) == mended[0]
