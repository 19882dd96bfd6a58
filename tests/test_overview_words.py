"""The overview of many races breaks a name between its words, never inside one, where the other
name columns can spare the cells: NH 2020's "Christopher Rice" was "Christophe" / "r Rice" at 100
columns while the race and leader columns had room to give."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import invoke, write
from pollcli.render.overview_table import name_widths

NH = Path("/work/shared/realworld/us_nh_2020_general_precinct.csv")


def test_a_name_column_gets_its_longest_word_from_the_others_spare_cells():
    columns = [
        ("Race", ["State Senate · 6", "State House · Hillsborough 37 (11)", "Governor"]),
        ("Leader", ["Rebecca Perkins Kwoka", "Jo Ames", "Al Bo"]),
        ("Party", ["REP", "DEM", "REP"]),
        ("Share", ["57.75 %", "51.00 %", "60.00 %"]),
        ("Runner-up", ["Christopher Rice", "NancyHendricks", "Cy Do"]),
        ("Tags", ["4 SEATS", "", ""]),
    ]
    widths = name_widths(columns, 75)
    fixed = len("57.75 %") + len("4 SEATS") + 2 * len(columns)
    assert sum(widths.values()) <= 75 - fixed
    assert widths["Runner-up"] >= len("NancyHendricks")
    assert widths["Race"] >= len("Hillsborough") and widths["Leader"] >= len("Perkins")


def test_no_cell_is_taken_where_the_table_would_grow_longer():
    # The race column's names fill it: a cell of it would add a line to every race.
    columns = [
        ("Race", ["Abcde Fghij Klmn"] * 5 + ["X"]),
        ("Runner-up", ["Ab Cd"] * 5 + ["Qrstuvwxyzab"]),
    ]
    assert name_widths(columns, 31) == {"Race": 16, "Runner-up": 11}


def test_too_narrow_for_every_longest_word_keeps_the_table_within_the_width():
    columns = [("Race", ["Abcdefghijklmnop"]), ("Runner-up", ["Qrstuvwxyzabcdef"])]
    widths = name_widths(columns, 30)
    assert sum(widths.values()) + 2 * len(columns) <= 30


def test_many_races_at_100_columns_keep_every_name_whole(tmp_path):
    rows = ["district,candidate,party,votes"]
    names = [
        ("Suzanne Prentiss", "Timothy O'Hearne"),
        ("James Gray", "Christopher Rice"),
        ("Sharon Carson", "NancyHendricks"),
        ("Rebecca Perkins Kwoka", "Sue Polidura"),
    ]
    for number, (leader, runner_up) in enumerate(names, 1):
        rows.append(f"State Senate {number},{leader},REP,{6000 + number}")
        rows.append(f"State Senate {number},{runner_up},DEM,{4000 + number}")
    path = write(tmp_path, "\n".join(rows) + "\n")
    result = invoke("summary", str(path), "--overview", env={"COLUMNS": "100"})
    assert result.code == 0, result.stderr
    for name in pd.read_csv(path)["candidate"]:
        for word in name.split():
            assert word in result.stdout, word


@pytest.mark.skipif(not NH.exists(), reason="the real NH 2020 file is not beside the repository")
def test_real_nh_2020_overview_at_100_columns():
    result = invoke("summary", str(NH), env={"COLUMNS": "100"})
    assert result.code == 1  # (races refused: as the file is)
    assert "Christopher" in result.stdout  # (was "Christophe" / "r Rice")
    assert all(len(line) <= 100 for line in result.stdout.splitlines())
    # No longer for it: 407 lines when the name was broken.
    assert len(result.stdout.splitlines()) <= 407
