"""Tables rendered at a fixed width must match their expected files byte for byte.

After an intended change of the table, regenerate with: POLLCLI_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

import os
from pathlib import Path

import pytest

from pollcli import load, summarize
from pollcli.cli.output import render_to_text
from pollcli.render.table import render_summary

GOLDEN = Path(__file__).parent / "golden"
DATA = Path(__file__).parent.parent / "data"


@pytest.mark.parametrize(
    ("name", "files", "width"),
    [
        ("summary_kz_2022_w100.txt", ["kz_2022.csv"], 100),
        ("summary_kz_2022_w60.txt", ["kz_2022.csv"], 60),
        ("summary_kz_2019_w120.txt", ["kz_2019.csv"], 120),
        ("summary_exit_poll_w100.txt", ["kz_2022_exit_poll_osiirs.csv"], 100),
    ],
)
def test_summary_table(name, files, width, monkeypatch):
    monkeypatch.chdir(DATA.parent)
    summary = summarize(load([f"data/{f}" for f in files]))
    text = render_to_text(render_summary(summary, width), width)
    path = GOLDEN / name
    if os.environ.get("POLLCLI_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "files", "methods", "width"),
    [
        ("seats_kz_2023_w60.txt", ["data/kz_2023_mazhilis.csv"], None, 60),
        ("seats_kz_2023_w80.txt", ["data/kz_2023_mazhilis.csv"], None, 80),
        ("seats_kz_2023_w120.txt", ["data/kz_2023_mazhilis.csv"], None, 120),
        ("seats_kz_2023_methods_w80.txt", ["data/kz_2023_mazhilis.csv"], "hare,dhondt", 80),
        ("seats_districts_w100.txt", ["tests/seats/districts.csv"], None, 100),
        ("seats_races_w100.txt", ["tests/seats/races.csv"], None, 100),
    ],
)
def test_seats_table(name, files, methods, width, monkeypatch):
    from pollcli import allocate
    from pollcli.render.seats_table import render_seats

    monkeypatch.chdir(DATA.parent)
    report = allocate(load(files), methods=methods)
    text = render_to_text(render_seats(report, width), width)
    path = GOLDEN / name
    if os.environ.get("POLLCLI_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
