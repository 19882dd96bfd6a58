"""On a narrow terminal the summary table gives way column by column; it never cuts a figure off.

Between 40 and about 55 columns the table was wider than the terminal and Rich cropped it at the
edge: Amanat's '53.90 %' printed as '53.' at COLUMNS=40, the tags as 'LE' and 'RU' at 48, and the
title as '… 2023 (party'. Now the tags give way (the findings say the same) and names fold."""

import pytest

from conftest import DATA, invoke

# Published shares and votes (shared/reference/kazakhstan.md, kazakhstan_mazhilis.md §1.2).
FIGURES = {
    "kz_2022.csv": ["81.31 %", "5.80 %", "3.42 %", "2.60 %", "2.53 %", "2.22 %", "2.12 %",
                    "6,456,392", "460,484", "168,731"],
    "kz_2023_mazhilis.csv": ["53.90 %", "10.90 %", "8.59 %", "8.41 %", "6.80 %", "5.20 %",
                             "2.30 %", "3.90 %", "3,431,510", "146,431"],
    "kz_2022_exit_poll_osiirs.csv": ["82.45 %", "3.33 %", "2.54 %", "2.23 %", "2.17 %",
                                     "2.08 %", "5.20 %"],
}  # fmt: skip


def table_part(out: str) -> list[str]:
    lines = out.splitlines()
    return lines[: next(i for i, line in enumerate(lines) if line.startswith("╭"))]


@pytest.mark.parametrize("name", list(FIGURES))
@pytest.mark.parametrize("width", [40, 44, 48, 52, 56, 60, 64])
def test_every_figure_whole_and_no_line_wider_than_the_terminal(name, width):
    out = invoke("summary", str(DATA / name), "-q", env={"COLUMNS": str(width)}).stdout
    table = table_part(out)
    assert all(len(line.rstrip()) <= width for line in out.splitlines())
    shown = "\n".join(table)
    for figure in FIGURES[name]:
        assert figure in shown, (width, figure, shown)
    # The title is whole, wrapped rather than cut.
    assert "lists)" in shown or "2023" not in name


@pytest.mark.parametrize("width", [40, 48])
def test_tags_give_way_whole_rather_than_cut(width):
    out = invoke("summary", str(DATA / "kz_2023_mazhilis.csv"), env={"COLUMNS": str(width)}).stdout
    shown = "\n".join(table_part(out))
    assert "Tags" not in shown and "LE\n" not in shown
    assert "Amanat leads with 53.90 %" in out  # the findings still say who leads


def test_tags_stay_where_they_fit():
    out = invoke("summary", str(DATA / "kz_2022.csv"), env={"COLUMNS": "60"}).stdout
    assert "LEADER" in "\n".join(table_part(out))
