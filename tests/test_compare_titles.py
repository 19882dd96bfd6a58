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


def test_matched_names_read_in_the_order_of_the_alias(monkeypatch):
    """`--alias OLD=NEW` and the table agree: the earlier election's spelling first (the table
    read "Amanat | Nur Otan" under "Name | Matched to" beside `--alias "Nur Otan=Amanat"`)."""
    monkeypatch.chdir(ROOT)
    args = (
        "compare", "data/kz_2021_mazhilis.csv", "data/kz_2023_mazhilis.csv", "--by", "party",
        "--alias", "Nur Otan=Amanat",
    )  # fmt: skip
    text = invoke(*args, env={"COLUMNS": "100"}).stdout
    header = next(line for line in text.splitlines() if "Earlier" in line)
    assert header.index("Earlier spelling") < header.index("Later spelling")
    row = next(line for line in text.splitlines() if "Amanat" in line and "alias" in line)
    assert row.index("Nur Otan") < row.index("Amanat")
    markdown = invoke(*args, "--format", "markdown").stdout
    assert "| Earlier spelling | Later spelling | Score | How |" in markdown
    assert "| Nur Otan | Amanat | 100.0 | alias |" in markdown
