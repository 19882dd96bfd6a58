"""One house style for signed points: tables and Markdown write a true minus sign (U+2212), as
`compare` and the findings do; `seats`' ± column wrote an ASCII hyphen-minus (`-2.30` beside
compare's `▼ −2.30`). CSV and JSON keep numbers."""

import csv
import io
import json
import re

import pytest

from conftest import invoke, write
from pollcli import formats

PARTIES = "party,votes\nBlue,6000\nRed,3000\nGreen,800\nGrey,200\n"  # Green, Grey below 10 %


def test_points_write_a_true_minus_sign():
    assert formats.points(-2.3) == "\u22122.30"
    assert formats.points(4.07) == "+4.07"
    assert formats.points(None) == "—"


@pytest.mark.parametrize("form", ["table", "markdown"])
def test_seats_difference_column_uses_the_minus_sign(tmp_path, form):
    path = write(tmp_path, PARTIES)
    result = invoke("seats", str(path), "--seats", "10", "--list-threshold", "10", "--format", form)
    assert result.code == 0, result.stderr
    # Green: 8 % of the votes, no seat: 0 − 8 = −8.00 points (by hand).
    assert "\u22128.00" in result.stdout
    assert not re.search(r"(?<![\w.])-\d+\.\d\d\b", result.stdout), result.stdout


def test_seats_json_and_csv_keep_numbers(tmp_path):
    path = write(tmp_path, PARTIES)
    args = (str(path), "--seats", "10", "--list-threshold", "10")
    report = json.loads(invoke("seats", *args, "--format", "json").stdout)
    parties = report["elections"][0]["allocations"][0]["parties"]
    green = next(p for p in parties if p["party"] == "Green")
    assert green["difference"] == pytest.approx(-8.0)
    rows = list(csv.DictReader(io.StringIO(invoke("seats", *args, "--format", "csv").stdout)))
    assert "\u2212" not in "".join(str(v) for row in rows for v in row.values())


def test_compare_and_seats_write_a_fall_alike(tmp_path):
    first = write(tmp_path, "# date: 2020-01-01\ncandidate,votes\nAna,60\nBen,40\n", "a.csv")
    second = write(tmp_path, "# date: 2024-01-01\ncandidate,votes\nAna,50\nBen,50\n", "b.csv")
    result = invoke("compare", str(first), str(second), "--format", "markdown")
    assert "▼ \u221210.00" in result.stdout
