"""A wide table whose every option cell is blank: Poland's PKW results by gmina for a runoff
(`wyniki_gl_na_kandydatow_po_gminach_w_drugiej_turze_utf8.csv`, as bkochanski/Trivia keeps it:
`"TERYT Gminy";"Gmina";…;"Liczba wyborców uprawnionych do głosowania";…;"Liczba głosów ważnych
oddanych łącznie na wszystkich kandydatów";"NAWROCKI Karol Tadeusz";"TRZASKOWSKI Rafał Kazimierz"`,
2,588 rows, the protocol filled in and both candidates' columns empty). Main said "the header has
no data rows under it; add one row per ballot option" of a file of 2,588 rows in the layout it
reads (trial 18): the error must say what is missing — any option's figures — and where.

Written here in that layout with invented protocol figures.
"""

from __future__ import annotations

from conftest import engines_agree, invoke, write

HEADER = (
    '"TERYT Gminy";"Gmina";"Powiat";"Województwo";"Liczba wyborców uprawnionych do głosowania";'
    '"Liczba kart wyjętych z urny";"Liczba kart nieważnych";"Liczba głosów nieważnych";'
    '"Liczba głosów ważnych oddanych łącznie na wszystkich kandydatów";"KOWALSKI Jan";'
    '"NOWAK Anna"'
)
ROWS = [
    '20101;"m. Bolesławiec";"bolesławiecki";"dolnośląskie";27615;18847;0;146;18701;;',
    '20102;"gm. Bolesławiec";"bolesławiecki";"dolnośląskie";12000;8000;1;60;7939;;',
    '20103;"Gromadka";"bolesławiecki";"dolnośląskie";4500;3000;0;20;2980;;',
]


def test_a_wide_table_of_blank_option_columns_says_so(tmp_path, monkeypatch):
    path = write(tmp_path, "\ufeff" + "\n".join([HEADER, *ROWS]) + "\n", name="po_gminach.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert elections == []
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.code == "no-rows" and error.line == 1
    assert "no data rows under it" not in error.message
    # What is missing, in the words of the file: its rows, and the option columns left blank.
    assert "3 data rows" in error.message
    assert "'KOWALSKI Jan'" in error.message and "'NOWAK Anna'" in error.message
    done = invoke("summary", str(path))
    assert done.code == 1 and "'KOWALSKI Jan'" in done.stderr
