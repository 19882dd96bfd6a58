"""`read/level_totals.group_totals`: a wide table of places where some rows are the subtotals of
the rows after them, with no row of the whole above them all (Upper Austria's layout: `40200 Bezirk
X` above its Gemeinden `40201`, `40202`; a Bezirk listed without its row; no Land row). Summed as
places, ÖVP had 1,820 votes of 980. Oracle: the Gemeinden's figures summed by hand."""

from __future__ import annotations

import io
import json

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.problems import Found
from pollcli.read.level_totals import group_totals

HEADER = "GKZ\tGebietsname\tWahlberechtigte\tAbgegebene\tUngültige\tGültige\tÖVP\tSPÖ\tFPÖ"
GROUPS = f"""{HEADER}
41100\tBezirk Nord\t1510\t760\t6\t754\t410\t214\t130
41101\tAltdorf\t610\t310\t2\t308\t170\t88\t50
41102\tBergheim\t900\t450\t4\t446\t240\t126\t80
41200\tBezirk Süd\t1030\t520\t4\t516\t300\t136\t80
41201\tDorfen\t330\t170\t1\t169\t100\t39\t30
41202\tEggstadt\t700\t350\t3\t347\t200\t97\t50
41301\tFeldkirch am See\t880\t440\t5\t435\t150\t245\t40
"""
GEMEINDEN = ("41101", "41102", "41201", "41202", "41301")


def leaves_of(text: str, codes: tuple[str, ...]) -> list[list[str]]:
    return [r.split("\t") for r in text.splitlines()[1:] if r.split("\t")[0] in codes]


def test_subtotals_with_no_row_of_the_whole_are_set_aside(tmp_path):
    path = write(tmp_path, GROUPS, "grp.tsv")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    leaves = leaves_of(GROUPS, GEMEINDEN)
    want = {p: sum(int(r[6 + k]) for r in leaves) for k, p in enumerate(("ÖVP", "SPÖ", "FPÖ"))}
    assert want == {"ÖVP": 860, "SPÖ": 595, "FPÖ": 250}  # (by hand)
    assert {r["candidate"]: r["votes"] for r in election["results"]} == want
    assert election["turnout"]["registered"] == sum(int(r[2]) for r in leaves)
    assert "2 rows (lines 2, 5) set aside" in result.stderr


def test_by_names_alone(tmp_path):
    # No code column: the rows named `Bezirk …` hold the sum of the rows after them.
    text = "\n".join("\t".join(r.split("\t")[1:]) for r in GROUPS.splitlines()) + "\n"
    result = invoke("summary", str(write(tmp_path, text, "names.tsv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]}["ÖVP"] == 860


def test_a_subtotal_that_does_not_hold_its_parts_is_refused(tmp_path):
    # Bergheim left out: `Bezirk Nord` (its code begins Altdorf's) is no longer their sum, and
    # pollcli cannot tell which rows to count.
    text = "\n".join(r for r in GROUPS.splitlines() if not r.startswith("41102")) + "\n"
    result = invoke("summary", str(write(tmp_path, text, "part.tsv")))
    assert result.code != 0
    assert "Bezirk Nord" in result.stderr and "line 2" in result.stderr
    assert "leave out" in result.stderr


def test_two_options_and_one_sign_are_not_told():
    # Two options: `40200` begins the codes of the two rows after it and holds their sum, but no
    # word names it a group; in one or two columns a place may hold that by chance. Not marked,
    # and refused where the problems are kept. `40110` (a Gemeinde: one zero) begins no code.
    rows = [
        ("40101", "Ahorn", 120, 80),
        ("40110", "Birkach", 73, 51),
        ("40111", "Cham", 33, 21),
        ("40112", "Dietach", 40, 30),
        ("40200", "Eben", 90, 70),
        ("40201", "Fall", 40, 30),
        ("40202", "Gries", 50, 40),
    ]
    figures = [[a, b] for *_, a, b in rows]
    table = [(n + 2, [c, name, str(a), str(b)]) for n, (c, name, a, b) in enumerate(rows)]
    assert group_totals(["GKZ", "Name", "A", "B"], [0, 1], table, figures, None) == {}
    found = Found("two.csv")
    assert group_totals(["GKZ", "Name", "A", "B"], [0, 1], table, figures, found) == {}
    (problem,) = found.items
    assert problem.line == 6 and "'40200 Eben'" in problem.message
    # Named `Bezirk Eben` too: both signs, a subtotal.
    table[4][1][1] = "Bezirk Eben"
    assert set(group_totals(["GKZ", "Name", "A", "B"], [0, 1], table, figures, None)) == {6}


def test_a_county_of_a_table_of_counties_is_no_group():
    # Every row named `… County`: the word names no group above the others.
    rows = [("Adams County", 7, 4, 2), ("Brown County", 3, 1, 1), ("Clark County", 4, 3, 1)]
    rows += [("Dane County", 5, 2, 2), ("Essex County", 6, 6, 6)]
    figures = [list(r[1:]) for r in rows]
    table = [(n + 2, [r[0], *map(str, r[1:])]) for n, r in enumerate(rows)]
    assert group_totals(["County", "A", "B", "C"], [0], table, figures, None) == {}


def test_few_votes_equal_by_chance_are_counted():
    # `Knox County` and the county after it, each 1 vote a candidate: equal by chance, a word
    # alone (no code) tells no group of so few votes, and nothing is refused.
    rows = [("Adams", 40, 31, 2), ("Knox County", 1, 1, 1), ("Lake", 1, 1, 1), ("Polk", 9, 7, 3)]
    figures = [list(r[1:]) for r in rows]
    table = [(n + 2, [r[0], *map(str, r[1:])]) for n, r in enumerate(rows)]
    found = Found("few.csv")
    assert group_totals(["county", "A", "B", "C"], [0], table, figures, found) == {}
    assert found.items == []


@st.composite
def forest(draw):
    """Groups of places, some listed with a subtotal row first (code `4GG00`, `Bezirk GG`),
    some without; each place's own figures (3 options)."""
    rows: list[tuple[str, str, list[int]]] = []
    leaves: list[list[int]] = []
    for g in range(draw(st.integers(1, 6))):
        # (two figures not 0 at least: a row of one figure is no total, `_runs`)
        count = draw(st.integers(1, 4))
        places = [
            [draw(st.integers(1, 400)), draw(st.integers(1, 400)), draw(st.integers(0, 400))]
            for _ in range(count)
        ]
        leaves += places
        if draw(st.booleans()):
            head = [sum(p[k] for p in places) for k in range(3)]
            rows.append((f"4{g + 10}00", f"Bezirk {g}", head))
        rows += [(f"4{g + 10}{i + 1:02d}", f"Ort {g}-{i}", p) for i, p in enumerate(places)]
    return rows, leaves


@settings(max_examples=150)
@given(forest())
def test_what_is_left_adds_up_to_the_places(drawn):
    rows, leaves = drawn
    if len(rows) < 3:
        return  # (two rows: no table of levels is told)
    table = [(n + 2, [c, name, *map(str, f)]) for n, (c, name, f) in enumerate(rows)]
    figures = [f for *_, f in rows]
    marked = group_totals(["GKZ", "Name", "A", "B", "C"], [0, 1], table, figures, None)
    left = [f for (line, _), f in zip(table, figures, strict=True) if line not in marked]
    assert [sum(f[k] for f in left) for k in range(3)] == [
        sum(f[k] for f in leaves) for k in range(3)
    ]


def test_a_long_table_of_groups_is_read_alike_by_both_engines(tmp_path, monkeypatch):
    # The same places one row per place and option (`code,region,party,votes`): the regions
    # named `Bezirk …` hold the sum of the regions listed after them; summed as regions, ÖVP had
    # 1,570 votes of 860.
    from conftest import engines_agree

    parties = ("ÖVP", "SPÖ", "FPÖ")
    lines = ["code,region,party,votes"]
    for row in GROUPS.splitlines()[1:]:
        cells = row.split("\t")
        lines += [f"{cells[0]},{cells[1]},{p},{cells[6 + k]}" for k, p in enumerate(parties)]
    path = write(tmp_path, "\n".join(lines) + "\n", "long.csv")
    (race,), problems = engines_agree(monkeypatch, path, block_bytes=128)
    leaves = leaves_of(GROUPS, GEMEINDEN)
    assert {o.candidate: o.votes for o in race.options} == {
        p: sum(int(r[6 + k]) for r in leaves) for k, p in enumerate(parties)
    }
    assert [p.code.value for p in problems if p.code.value != "unknown-column"] == ["total-row"]
    (said,) = [p.message for p in problems if p.code.value == "total-row"]
    assert "'Bezirk Nord', 'Bezirk Süd'" in said


def test_a_place_whose_code_and_name_look_like_a_group_is_counted(tmp_path):
    # Precincts numbered 100, 101, 102…: `100` begins the others' codes (its zeros stripped) and
    # its polling place, `County Courthouse`, has a group's word, but it holds less than the rows
    # after it: no group of them, a place. It was refused ("its code and name say it is a group
    # of the rows after it, but it does not hold their sum … leave out the rows of one level").
    text = (
        "code,precinct,Ann Archer,Bob Baker,Cy Cole\n100,County Courthouse,120,95,20\n"
        "101,Oak Grove School,80,70,11\n102,Elm Street Church,60,90,14\n103,Fire Hall,40,33,5\n"
    )
    result = invoke("summary", str(write(tmp_path, text, "precincts.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        name: int(frame[name].sum()) for name in ("Ann Archer", "Bob Baker", "Cy Cole")
    }


def test_a_group_over_groups_with_a_row_missing_is_refused(tmp_path):
    # `Bezirk Nord` over two Gerichtsbezirke, each over its Gemeinden, Berg's Bergdorf left out:
    # the rows after it hold more than it (each vote twice, by the Gerichtsbezirke and their
    # Gemeinden), so since 96c55bcf it was a place and counted: 'ÖVP leads with 55.17 % (1,430
    # votes)', every vote of Nord counted two or three times. Refused again.
    text = (
        "GKZ\tGebietsname\tÖVP\tSPÖ\tFPÖ\n"
        "41100\tBezirk Nord\t410\t214\t130\n41110\tGerichtsbezirk Alt\t170\t88\t50\n"
        "41111\tAltdorf\t100\t50\t30\n41112\tAltheim\t70\t38\t20\n"
        "41120\tGerichtsbezirk Berg\t240\t126\t80\n41121\tBergheim\t140\t70\t50\n"
        "41200\tBezirk Süd\t300\t136\t80\n41201\tDorfen\t100\t39\t30\n41202\tEggstadt\t200\t97\t50\n"
    )
    frame = pd.read_csv(io.StringIO(text), sep="\t")
    assert (frame.iloc[1, 2:] == frame.iloc[2:4, 2:].sum()).all()  # (Alt: its Gemeinden's sum)
    result = invoke("summary", str(write(tmp_path, text, "nested.tsv")))
    assert result.code != 0
    assert "Bezirk Nord" in result.stderr and "line 2" in result.stderr
