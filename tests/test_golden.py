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
