"""Small output polish from the trial (D): figures written the same way everywhere."""

from __future__ import annotations

import json

from conftest import invoke, write


def test_line_numbers_of_empty_wide_rows_have_thousands_separators(tmp_path):
    # Header on line 1, 1,200 districts on lines 2–1,201, the empty row on line 1,202.
    rows = ["district,Red,Blue", *(f"D{i},{i + 10},{i + 5}" for i in range(1200)), "Dx,,"]
    path = write(tmp_path, "\n".join(rows) + "\n")
    data = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    notes = data["elections"][0]["notes"]
    assert "1 row(s) have no figures for any option and are left out (line 1,202)." in notes
