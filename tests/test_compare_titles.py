"""A narrow table of `compare` keeps its title on one line when the terminal has room for it
(the table of matched names is narrower than its title: "(check\\nthem)" was wrapped)."""

from __future__ import annotations

from conftest import ROOT, invoke


def test_matched_names_title_is_one_line(monkeypatch):
    monkeypatch.chdir(ROOT)
    out = invoke(
        "compare", "data/kz_2021_mazhilis.csv", "data/kz_2023_mazhilis.csv", "--by", "party",
        "--alias", "Nur Otan=Amanat", env={"COLUMNS": "100"},
    ).stdout  # fmt: skip
    lines = [line.rstrip() for line in out.splitlines()]
    assert "Names matched across spellings (check them)" in lines
    # Every table title of the run is whole on its line.
    assert not any(line in ("them)", "(check") for line in lines)
