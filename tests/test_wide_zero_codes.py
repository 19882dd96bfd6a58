"""Rows named by several code columns, a code of zeros standing for "all", are of several levels:
the nation (`00,000,00,0000,000`), a county (`63,000,00,0000,000`), its town (`…,0000,001`), a village
of the town (`…,0102,001`) — Taiwan's Central Election Commission tables, as readr-media's
`referendum_rftckt_10.csv` holds them (`prv_code, city_code, area_code, li_code, dept_code,
agree_ticket, …, disagree_ticket, …`). A row above others that holds the sum of the finest of them is
their total, set aside; one that does not is refused, with advice that works (trial 13). Main added
the four levels up: "agree_ticket 30,638,040 votes", four times the nation's 7,658,008, with no
word.

The files are written here in that layout with invented figures; the expected figures are pandas'
sums of the village rows (a `li_code` other than zeros).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import column_sums, engines_agree, invoke, read_cleanly, write
from pollcli.read import ReadOptions

HEADER = "prv_code,city_code,area_code,li_code,dept_code,agree_ticket,disagree_ticket"
# (county, town, village, agree, disagree) of the finest rows.
VILLAGES = [
    ("63", "001", "0101", 120, 80),
    ("63", "001", "0102", 90, 60),
    ("63", "002", "0201", 40, 55),
    ("63", "002", "0202", 70, 20),
    ("64", "001", "0101", 33, 12),
    ("64", "001", "0102", 17, 40),
    ("64", "001", "0103", 25, 25),
]


def tw_text(off: int = 0, villages: list[tuple[str, str, str, int, int]] = VILLAGES) -> str:
    """The levels, each above its parts as the CEC lists them; `off` added to one town's agree."""

    def total(rows):
        return sum(r[3] for r in rows), sum(r[4] for r in rows)

    lines = [HEADER, "00,000,00,0000,000,{},{}".format(*total(villages))]
    for county in ("63", "64"):
        mine = [v for v in villages if v[0] == county]
        lines.append(f"{county},000,00,0000,000," + "{},{}".format(*total(mine)))
        for town in sorted({v[1] for v in mine}):
            parts = [v for v in mine if v[1] == town]
            agree, disagree = total(parts)
            if (county, town) == ("64", "001"):
                agree += off
            lines.append(f"{county},000,00,0000,{town},{agree},{disagree}")
            lines += [f"{county},000,00,{v[2]},{town},{v[3]},{v[4]}" for v in parts]
    return "\n".join(lines) + "\n"


def oracle(path: Path) -> dict[str, int]:
    frame = pd.read_csv(path, dtype=str)
    villages = frame[~frame["li_code"].str.fullmatch("0+")]
    return {c: int(pd.to_numeric(villages[c]).sum()) for c in ("agree_ticket", "disagree_ticket")}


def test_the_levels_of_zero_codes_are_totals_set_aside(tmp_path, monkeypatch):
    path = write(tmp_path, tw_text())
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p.message for p in problems if p.severity == "error"]
    votes = {o.candidate: o.votes for o in elections[0].options}
    assert votes == oracle(path)


def test_a_level_that_does_not_add_up_is_refused_with_advice_that_works(tmp_path, monkeypatch):
    path = write(tmp_path, tw_text(off=5))
    _, problems = engines_agree(monkeypatch, path)
    (error,) = [p for p in problems if p.severity == "error"]
    assert "'64,000,00,0000,001' is above 3 rows" in error.message
    assert "--where prv_code=00" in error.message
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert "leads" not in refused.stdout
    kept, _ = engines_agree(
        monkeypatch, path, read_options=ReadOptions(where=(("prv_code", "00"),))
    )
    assert {o.candidate: o.votes for o in kept[0].options} == oracle(path)


def test_a_level_of_one_part_is_a_total_too(tmp_path, monkeypatch):
    """A town of one village lists it again (the CEC's referendum 17: `09,007,00,0000,040` 253/42
    above `09,007,00,0003,040` 253/42): main took a total of one part for a place, counting the
    village twice (agree 3,804,942 against the nation's 3,804,689)."""
    path = write(tmp_path, tw_text(villages=[*VILLAGES, ("64", "002", "0301", 61, 9)]))
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p.message for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in elections[0].options} == oracle(path)
    (aside,) = [p for p in problems if p.code == "total-row"]
    assert "7 rows (lines 2–4, 7, 10–11, 15)" in aside.message


def test_a_row_of_zero_codes_above_none_is_a_place(tmp_path, monkeypatch):
    """A town's row with no village under it is a place of its own, counted (a town that lists no
    villages), never set aside as a total of nothing; the nation's row holds it too."""
    lines = tw_text().splitlines()
    agree, disagree = (int(c) for c in lines[1].split(",")[5:7])
    lines[1] = f"00,000,00,0000,000,{agree + 30},{disagree + 12}"
    path = write(tmp_path, "\n".join([*lines, "65,000,00,0000,009,30,12"]) + "\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p.message for p in problems if p.severity == "error"]
    frame = pd.read_csv(path, dtype=str)
    # The finest places: the villages, and the town above none.
    places = frame[~frame["li_code"].str.fullmatch("0+") | (frame["prv_code"] == "65")]
    expected = {c: int(pd.to_numeric(places[c]).sum()) for c in ("agree_ticket", "disagree_ticket")}
    assert expected == {"agree_ticket": 395 + 30, "disagree_ticket": 292 + 12}
    assert {o.candidate: o.votes for o in elections[0].options} == expected


@pytest.mark.parametrize("first", ["3,2", "4,2"])
def test_zero_rows_of_other_votes_beside_their_precincts_are_places(tmp_path, monkeypatch, first):
    """A county's `0000` row of its absentee votes beside its precincts (no row holding the sum of
    those below it, but for a county of one precinct whose few votes its `0000` row has by chance)
    was refused: "'02,0000' is above 2 rows but does not hold the sum … a breakdown of part of it,
    or rows missing". With no level evident the rows are places, as in a long table."""
    text = (
        f"county,precinct,Ann,Bob\n01,0000,{first}\n01,0001,3,2\n02,0000,30,20\n02,0001,100,90\n"
        "02,0002,80,70\n03,0001,50,40\n03,0002,45,60\n"
    )
    path = write(tmp_path, text)
    elections = read_cleanly(monkeypatch, path)
    assert {o.candidate: o.votes for o in elections[0].options} == column_sums(path, ("Ann", "Bob"))
