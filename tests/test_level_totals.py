"""`read/level_totals`: a wide table of places at several levels, top down, each above the run of
places it holds (Austria's interior ministry: Österreich, each Land, Regionalwahlkreis, Bezirk and
its Gemeinden, no level column, no total word). Summed as places, ÖVP had 1,500 votes of 300.
Oracle: the Gemeinden's figures summed by hand, and for generated trees the leaves' sums."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.read.level_totals import head_totals

AUSTRIA = """;Gebietsname;Wahlberechtigte;Abgegebene;Ungültige;Gültige;ÖVP;SPÖ;FPÖ;
G00000;Österreich;1200;1080;12;1068;360;348;360;
G10000;Burgenland;1200;1080;12;1068;360;348;360;
G1A000;Burgenland Nord;1200;1080;12;1068;360;348;360;
G10100;Eisenstadt(Stadt);200;180;2;178;60;58;60;
G10101;Eisenstadt;200;180;2;178;60;58;60;
G10300;Eisenstadt-Umgebung;400;360;4;356;120;116;120;
G10301;Breitenbrunn;150;135;1;134;40;44;50;
G10302;Donnerskirchen;250;225;3;222;80;72;70;
G10600;Mattersburg;600;540;6;534;180;174;180;
G10601;Antau;200;180;2;178;60;58;60;
G10602;Baumgarten;400;360;4;356;120;116;120;
"""
GEMEINDEN = ("G10101", "G10301", "G10302", "G10601", "G10602")


def test_the_levels_of_a_table_that_opens_with_the_whole_are_totals(tmp_path):
    path = write(tmp_path, AUSTRIA, "wahl.csv")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    rows = [line.split(";") for line in AUSTRIA.splitlines()[1:]]
    leaves = [r for r in rows if r[0] in GEMEINDEN]
    want = {p: sum(int(r[6 + k]) for r in leaves) for k, p in enumerate(("ÖVP", "SPÖ", "FPÖ"))}
    assert {r["candidate"]: r["votes"] for r in election["results"]} == want
    assert election["turnout"]["registered"] == sum(int(r[2]) for r in leaves)
    assert election["turnout"]["ballots_cast"] == sum(int(r[3]) for r in leaves)
    assert "6 rows (lines 2–5, 7, 10) set aside" in result.stderr


def test_a_table_that_does_not_open_with_the_whole_is_read_as_ever():
    # The Bezirke and their Gemeinden without the rows of the whole above them: the levels are
    # not told (a row may hold the sum of the rows below it by chance), nothing is marked.
    lines = AUSTRIA.splitlines()[4:]
    rows = [(n, line.split(";")) for n, line in enumerate(lines, 5)]
    figures = [[int(c) for c in cells[6:9]] for _, cells in rows]
    assert head_totals(rows, figures) == {}


def tree(draw, depth: int) -> list[list[int]]:
    """A place and the places it holds, flattened top down: its figures first, the sum of theirs."""
    if depth == 0 or not draw(st.booleans()):
        return [[draw(st.integers(1, 500)) for _ in range(3)]]
    children = [tree(draw, depth - 1) for _ in range(draw(st.integers(1, 3)))]
    head = [sum(child[0][k] for child in children) for k in range(3)]
    return [head, *(row for child in children for row in child)]


@settings(max_examples=150)
@given(st.data())
def test_what_is_left_adds_up_to_the_whole(data):
    # The rows left (the totals aside) are the leaves: they add up to the first row's figures,
    # option by option, and every total marked holds the sum of its parts.
    flat = tree(data.draw, 4)
    rows = [(n + 2, [str(v) for v in row]) for n, row in enumerate(flat)]
    marked = head_totals(rows, flat) if len(flat) >= 3 else {}
    if not marked:
        return
    by_line = {line: flat[n] for n, (line, _) in enumerate(rows)}
    left = [by_line[line] for line in by_line if line not in marked]
    assert [sum(r[k] for r in left) for k in range(3)] == flat[0]
    for line, mark in marked.items():
        assert [sum(by_line[p][k] for p in mark.parts) for k in range(3)] == by_line[line]


@settings(max_examples=150)
@given(st.lists(st.lists(st.integers(0, 10**5), min_size=3, max_size=3), min_size=3, max_size=30))
def test_nothing_is_a_total_unless_the_first_row_is_the_whole(flat):
    rows = [(n + 2, [str(v) for v in row]) for n, row in enumerate(flat)]
    marked = head_totals(rows, flat)
    if marked:
        assert 2 in marked
        left = [row for (line, _), row in zip(rows, flat, strict=True) if line not in marked]
        assert [sum(r[k] for r in left) for k in range(3)] == flat[0]


def test_a_long_table_of_levels_is_read_alike_by_both_engines(tmp_path, monkeypatch):
    # The same places one row per place and option (`code,region,party,votes`): read as regions,
    # each vote counted five times too.
    from conftest import engines_agree

    parties = ("ÖVP", "SPÖ", "FPÖ")
    lines = ["code,region,party,votes"]
    for row in AUSTRIA.splitlines()[1:]:
        cells = row.split(";")
        lines += [f"{cells[0]},{cells[1]},{p},{cells[6 + k]}" for k, p in enumerate(parties)]
    path = write(tmp_path, "\n".join(lines) + "\n", "long.csv")
    (race,), problems = engines_agree(monkeypatch, path, block_bytes=128)
    rows = [line.split(";") for line in AUSTRIA.splitlines()[1:] if line.split(";")[0] in GEMEINDEN]
    assert {o.candidate: o.votes for o in race.options} == {
        p: sum(int(r[6 + k]) for r in rows) for k, p in enumerate(parties)
    }
    assert [p.code.value for p in problems if p.code.value != "unknown-column"] == ["total-row"]
