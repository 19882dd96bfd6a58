"""Columns numbered after another that holds their sum in every row (trial 27: Bavaria's OK.Wahl
open-data tables, Karlstadt's Stadtrat 2020). `D1` is list 1's votes, `D1_1` … `D1_24` its
candidates' (summing to it in every row); `D` is the valid votes (`D1` + `D2` + … in every row), `A`
the electorate (`A1` + `A2` + `A3`). Main said "the option columns are of 24 rounds or elections"
and advised `--ignore-column` lists that, followed, gave "D leads with 41.23 %", the electorate and
voters counted as options.

Now the candidates are parts of their list (left out with a note), and the sums of numbered options
(`D`, `A`) are refused with, for each, the `--ignore-column` that reads its parts alone; followed,
the lists are the options. The files are written here in that layout with invented figures; the
expected figures are pandas' sums.
"""

from __future__ import annotations

import re

import pandas as pd

from conftest import engines_agree, write

# Per row: name, A1, A2, B (voters), C (invalid), per list its candidates' votes.
ROWS = [
    ("001 Altstadt", 300, 250, 240, 3, [[120, 80, 41], [90, 35], [60, 22, 17]]),
    ("002 Siedlung", 410, 90, 199, 5, [[101, 57, 33], [140, 66], [48, 30, 9]]),
    ("021 Briefwahl", 0, 0, 480, 7, [[300, 211, 97], [260, 133], [150, 71, 40]]),
]
LISTS = ["D1", "D2", "D5"]


def okwahl_text(*, with_sums: bool = True) -> str:
    header = ["datum", "gebiet-nr", "gebiet-name", "A1", "A2"]
    header += ["A", "B", "C", "D", "E"] if with_sums else ["B", "C"]
    for name, votes in zip(LISTS, ROWS[0][5], strict=True):
        header += [name, *(f"{name}_{k}" for k in range(1, len(votes) + 1))]
    lines = [",".join(header)]
    for n, (place, a1, a2, voters, invalid, lists) in enumerate(ROWS, start=1):
        cells = ["15.03.2020", f"{n:04d}", place, str(a1), str(a2)]
        valid = sum(map(sum, lists))
        if with_sums:
            cells += [str(a1 + a2), str(voters), str(invalid), str(valid), str(voters)]
        else:
            cells += [str(voters), str(invalid)]
        for votes in lists:
            cells += [str(sum(votes)), *map(str, votes)]
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def _want(path) -> dict[str, int]:
    frame = pd.read_csv(path, dtype={"gebiet-nr": str})
    return {name: int(frame[name].sum()) for name in LISTS}


def test_the_sums_of_numbered_options_are_refused_with_how_to_read_their_parts(
    tmp_path, monkeypatch
):
    path = write(tmp_path, okwahl_text(), name="okwahl_stadtrat.csv")
    elections, problems = engines_agree(monkeypatch, path)
    errors = [p for p in problems if p.severity == "error"]
    assert [p.code for p in errors] == ["total-column"], [p.message for p in errors]
    message = errors[0].message
    assert "rounds" not in message
    assert "'D' of 'D1', 'D2', 'D5'" in message
    assert "'A' of 'A1', 'A2'" in message
    # The largest sum's parts first: following that advice reads the lists, and only them.
    first = re.search(r"--ignore-column (\S+) \(the parts of 'D'\)", message)
    assert first is not None
    assert message.index("the parts of 'D'") < message.index("the parts of 'A'")
    ignored = tuple(first.group(1).split(","))
    assert not set(ignored) & {*LISTS, *(f"D1_{k}" for k in (1, 2, 3))}
    elections, problems = engines_agree(monkeypatch, path, ignore_columns=ignored)
    assert not [p.message for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in elections[0].options} == _want(path)
    assert any("the numbered columns, 8 of them, are left out" in n for n in elections[0].notes)


def test_a_lists_candidates_are_its_parts_not_rounds(tmp_path, monkeypatch):
    """No sum of the lists: the lists are the options, their candidates left out with a note;
    with one candidate's figure off in a row, none is told (and no confident reading follows)."""
    path = write(tmp_path, okwahl_text(with_sums=False), name="okwahl_stadtrat.csv")
    elections, problems = engines_agree(monkeypatch, path, ignore_columns=("A1", "A2", "B", "C"))
    assert not [p.message for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in elections[0].options} == _want(path)
    off = okwahl_text(with_sums=False).replace(",120,80,41,", ",241,80,41,", 1)
    assert off != okwahl_text(with_sums=False)
    path = write(tmp_path, off, name="okwahl_off.csv")
    elections, problems = engines_agree(monkeypatch, path, ignore_columns=("A1", "A2", "B", "C"))
    assert not any("numbered columns" in n for e in elections for n in e.notes)


def test_a_list_of_one_candidate_is_counted_once(tmp_path, monkeypatch):
    # `D1_1` equal to `D1` in every row (a list of one candidate) was an option beside its list:
    # 'place,D1,D1_1,D2,D2_1' gave four options tied at 25 %, every vote counted twice (review2).
    text = "gebiet-name,D1,D1_1,D2,D2_1,D2_2\nNord,40,40,70,50,20\nSued,25,25,30,10,20\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "one.csv"))
    frame = pd.read_csv(write(tmp_path, text, "one.csv"))
    got = {o.candidate: o.votes for o in elections[0].options}
    assert got == {"D1": int(frame["D1"].sum()), "D2": int(frame["D2"].sum())}


def test_a_lone_numbered_column_that_differs_is_no_part(tmp_path, monkeypatch):
    # `E_1` beside `E` but not equal to it is no part: D1's candidates are still its parts, and
    # E and E_1 stay options, as they were.
    text = "gebiet-name,D1,D1_1,D1_2,E,E_1\nNord,40,30,10,7,5\nSued,25,5,20,3,9\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "two.csv"))
    frame = pd.read_csv(write(tmp_path, text, "two.csv"))
    got = {o.candidate: o.votes for o in elections[0].options}
    assert got == {name: int(frame[name].sum()) for name in ("D1", "E", "E_1")}


def test_a_lone_numbered_column_equal_by_chance_is_an_option(tmp_path, monkeypatch):
    # `D1_1` equal to `D1` in both rows beside `D2_1` that is not `D2`'s (so the numbers name no
    # lists of candidates): `D1_1` was left out as D1's one candidate while `D2_1` stayed an
    # option (D2 50 of 100 votes); as options all four, D2 has 50 of 130.
    text = "place,D1,D1_1,D2,D2_1\nNord,10,10,30,6\nSued,20,20,20,14\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "mixed.csv"))
    frame = pd.read_csv(write(tmp_path, text, "mixed.csv"))
    got = {o.candidate: o.votes for o in elections[0].options}
    assert got == {name: int(frame[name].sum()) for name in ("D1", "D1_1", "D2", "D2_1")}


def test_a_lone_numbered_column_beside_options_of_no_list_is_an_option(tmp_path, monkeypatch):
    # `Ann_1` equal to `Ann` in both rows by chance, beside `Bob` of no numbered column: no list.
    text = "place,Ann,Ann_1,Bob\nNord,12,12,30\nSued,9,9,20\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "chance.csv"))
    frame = pd.read_csv(write(tmp_path, text, "chance.csv"))
    got = {o.candidate: o.votes for o in elections[0].options}
    assert got == {name: int(frame[name].sum()) for name in ("Ann", "Ann_1", "Bob")}
