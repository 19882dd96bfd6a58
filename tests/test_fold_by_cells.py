"""Names folded in the races' table by the cells they take, as Rich measures them (`cell_len`), not
by their code points.

Nepal's 2022 results (Devanagari): the table folded `नेपाल कम्युनिष्ट पार्टी (एमाले)` (20 cells, 31
code points) into four lines in a column of 15, and broke words between a consonant and its vowel
sign or virama (`बुडाक्षेत्र` / `ी`, `नेपाल कम` / `्युनिष्ट`): `textwrap` counts code points, and a
vowel sign takes none of a cell. Names invented."""

from __future__ import annotations

import unicodedata

import pytest
from rich.cells import cell_len

from conftest import invoke, write

TEXT = """district,candidate,party,votes
उत्तरपुर,रमेश कुमार भट्टराई,नेपाल कम्युनिष्ट पार्टी (एमाले),21943
उत्तरपुर,गोपाल प्रसाद बुडाक्षेत्री,नेपाली काँग्रेस,21735
दक्षिणपुर,वसन्त कुमार नेम्वाङ्ग,नेपाल कम्युनिष्ट पार्टी (एमाले),30000
दक्षिणपुर,भीम राज आङदेम्वे,नेपाली काँग्रेस,29954
"""


@pytest.mark.parametrize("width", [50, 60, 70])
def test_devanagari_names_fold_between_words_by_cells(tmp_path, width):
    path = write(tmp_path, TEXT, "np_2022.csv")
    result = invoke(
        "summary", str(path), "--race-by", "district", "--overview", env={"COLUMNS": str(width)}
    )
    assert result.code == 0, result.stderr
    table = _races(result.stdout)
    words = [word for line in table for word in line.split()]
    # No word begins with a mark cut from its letter (a vowel sign, a virama).
    assert not [w for w in words if unicodedata.category(w[0]).startswith("M")], table
    # Every word of the file's names is whole in the table (none is broken across lines).
    named = {
        w for line in TEXT.splitlines()[1:] for cell in line.split(",")[:3] for w in cell.split()
    }
    assert {w for w in words if w in named or any(w in n for n in named)} <= named, table
    assert all(cell_len(line) <= width for line in table)


def test_a_name_that_fits_its_column_in_cells_is_not_folded(tmp_path):
    # At 60 columns the party column is 15 cells: `नेपाल कम्युनिष्ट` (10 cells, 16 code points)
    # fits on one line; by code points it took two.
    path = write(tmp_path, TEXT, "np_2022.csv")
    result = invoke(
        "summary", str(path), "--race-by", "district", "--overview", env={"COLUMNS": "60"}
    )
    assert any("नेपाल कम्युनिष्ट" in line for line in _races(result.stdout)), result.stdout


def _races(out: str) -> list[str]:
    """The races' table: from its header to the first blank line."""
    lines = out.splitlines()
    table = lines[lines.index(next(line for line in lines if "Party" in line)) :]
    return table[: next(n for n, line in enumerate(table) if not line.strip())]
