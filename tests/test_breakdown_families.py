"""Breakdowns laid over the precincts with no county row (`read/breakdowns`).

California's statements of the vote list, after each candidate's precincts, the same votes by
district (`Congressional:12`, `Senatorial:11`, `Assembly:17`; Riverside's `36th Congressional `,
`23rd Senatorial `, `City of Banning`…, `Unincorporated Area`). In a race with no county row
(San Francisco's Superintendent of Public Instruction, Santa Cruz's U.S. House 20, Riverside's
district races) they were all summed with the precincts: 4–6 times the votes, without a word
(trial 11: Panetta 457,452 for 76,242).

Families of units by their name's stem (digits, ordinals and punctuation aside), and the units of
no shared stem and no digit as one leftover family, that hold exactly the precincts' sums, option
by option, are set aside with a `total-row` warning; when they hold the same sums as one another
but the precincts do not, the race is refused with advice that works. Both engines (the streaming
engine hands such a file to the exact engine). Figures invented, layouts San Francisco's and
Riverside's; oracle: pandas over the precinct rows alone.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

HEADER = "county,precinct,office,district,party,candidate,votes\n"
SF = "20181106__ca__general__san_francisco__precinct.csv"
RIVERSIDE = "20181106__ca__general__riverside__precinct.csv"


def _sf_block(candidate: str, party: str, office: str, precincts: list[int]) -> str:
    """One candidate's rows as San Francisco's statement lists them, with no county row."""
    rows = [
        f"San Francisco,Pct {1101 + i},{office},,{party},{candidate},{v}"
        for i, v in enumerate(precincts)
    ]
    whole, first = sum(precincts), sum(precincts[:2])
    rows += [
        f"San Francisco,Congressional:12,{office},,{party},{candidate},{first}",
        f"San Francisco,Congressional:14,{office},,{party},{candidate},{whole - first}",
        f"San Francisco,Senatorial:11,{office},,{party},{candidate},{whole}",
        f"San Francisco,Assembly:17,{office},,{party},{candidate},{precincts[0]}",
        f"San Francisco,Assembly:19,{office},,{party},{candidate},{whole - precincts[0]}",
    ]
    return "\n".join(rows) + "\n"


SF_TEXT = HEADER + (
    _sf_block("Tony Thurmond", "None", "Superintendent", [315, 610, 402, 288])
    + _sf_block("Marshall Tuck", "None", "Superintendent", [141, 277, 160, 135])
    + _sf_block("Betty Yee", "Dem", "Controller", [300, 590, 380, 270])
    + _sf_block("Konstantinos Roditis", "Rep", "Controller", [50, 90, 70, 40])
)

# Riverside's precincts: a code and a place, of many stems.
_PLACES = ["RIVERSIDE/WD 1", "RIVERSIDE/WD 2", "CORONA 3", "MEAD VALLEY", "ALTAVITA"]


def _riverside_block(candidate: str, party: str, precincts: list[int]) -> str:
    rows = [
        f"Riverside,{11103 + i}   {place},U.S. House,41,{party},{candidate},{v}"
        for i, (place, v) in enumerate(zip(_PLACES, precincts, strict=True))
    ]
    whole, two = sum(precincts), sum(precincts[:2])
    rows += [
        f"Riverside,41st Congressional ,U.S. House,41,{party},{candidate},{whole}",
        f"Riverside,23rd Senatorial ,U.S. House,41,{party},{candidate},{two}",
        f"Riverside,31st Senatorial ,U.S. House,41,{party},{candidate},{whole - two}",
        f"Riverside,City of Riverside,U.S. House,41,{party},{candidate},{two}",
        f"Riverside,City of Corona,U.S. House,41,{party},{candidate},{precincts[2]}",
        f"Riverside,Unincorporated Area,U.S. House,41,{party},{candidate},{whole - two - precincts[2]}",
    ]
    return "\n".join(rows) + "\n"


RIVERSIDE_TEXT = HEADER + (
    _riverside_block("Mark Takano", "Dem", [349, 208, 190, 77, 64])
    + _riverside_block("Aja Smith", "Rep", [150, 98, 120, 101, 33])
)


def _precinct_sums(text: str, pattern: str) -> dict[str, dict[str, int]]:
    """pandas: each office's candidate sums over the precinct rows alone."""
    frame = pd.read_csv(io.StringIO(text), dtype={"precinct": str})
    rows = frame[frame["precinct"].str.match(pattern)]
    return {
        office: dict(group.groupby("candidate")["votes"].sum())
        for office, group in rows.groupby("office")
    }


def _got(elections: list) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def test_sf_breakdowns_without_a_county_row_are_set_aside(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, SF_TEXT, SF)
    elections, problems = engines_agree(monkeypatch, path)
    assert _got(elections) == _precinct_sums(SF_TEXT, r"Pct \d+$")  # never 5 times
    assert not [p for p in problems if p.severity == "error"]
    said = [p for p in problems if p.code == "total-row" and "breakdowns" in p.message]
    assert {p.race for p in said} == {"Superintendent", "Controller"}
    message = next(p.message for p in said if p.race == "Superintendent")
    assert "'Congressional:12', 'Congressional:14', 'Senatorial:11'" in message
    assert "each of their 3 families" in message
    assert "exactly the precincts' sum" in message
    assert "10 rows" in message  # every breakdown row named, none counted


def test_riverside_breakdowns_and_leftover_family_are_set_aside(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, RIVERSIDE_TEXT, RIVERSIDE)
    elections, problems = engines_agree(monkeypatch, path)
    (got,) = _got(elections).values()  # (one race: named for the file)
    assert got == _precinct_sums(RIVERSIDE_TEXT, r"\d{5} ")["U.S. House"]
    assert not [p for p in problems if p.severity == "error"]
    (said,) = [p for p in problems if p.code == "total-row"]
    # The cities and the unincorporated area: one leftover family, set aside with the others.
    assert "'41st Congressional'" in said.message and "and 3 more" in said.message
    assert "each of their 3 families" in said.message
    assert "12 rows" in said.message


def test_precincts_that_differ_from_their_breakdowns_refuse_the_race(tmp_path, monkeypatch) -> None:
    """A precinct's row missing (Santa Cruz's U.S. House 20): the breakdowns agree with one
    another, not with the precincts; which figures are the race's cannot be told."""
    lines = SF_TEXT.splitlines(keepends=True)
    text = "".join(
        line for line in lines if "Pct 1104,Superintendent,,None,Marshall Tuck" not in line
    )
    path = write(tmp_path, text, SF)
    elections, problems = engines_agree(monkeypatch, path)
    assert set(_got(elections)) == {"Controller"}
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.race == "Superintendent" and error.code == "total-mismatch"
    assert "Marshall Tuck 578" in error.message and "Marshall Tuck 713" in error.message
    assert "--where precinct=Senatorial:11" in error.message
    # The advice works: the race from its senatorial district's rows alone (the whole county).
    result = invoke(
        "summary",
        str(path),
        "--format",
        "json",
        "--where",
        "precinct=Senatorial:11",
        "--race",
        "Superintendent",
    )
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text))
    rows = frame[(frame["precinct"] == "Senatorial:11") & (frame["office"] == "Superintendent")]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == dict(
        zip(rows["candidate"], rows["votes"], strict=True)
    )


def test_a_near_match_is_never_set_aside(tmp_path, monkeypatch) -> None:
    """One vote more in a breakdown: the families no longer agree, nothing is set aside on a
    near match; with two families still alike and the precincts not, the race is refused."""
    text = SF_TEXT.replace(
        "San Francisco,Senatorial:11,Controller,,Dem,Betty Yee,1540",
        "San Francisco,Senatorial:11,Controller,,Dem,Betty Yee,1541",
    )
    assert text != SF_TEXT
    path = write(tmp_path, text, SF)
    elections, problems = engines_agree(monkeypatch, path)
    assert set(_got(elections)) == {"Superintendent"}
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.race == "Controller"


def test_a_family_of_one_option_is_no_breakdown(tmp_path, monkeypatch) -> None:
    """A race of one candidate: nothing tells a breakdown from chance; counted as before."""
    text = HEADER + _sf_block("Phil Ting", "Dem", "State Assembly", [315, 610, 402, 288])
    path = write(tmp_path, text, SF)
    _, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if "breakdowns" in p.message]


def test_precincts_of_two_kinds_are_no_breakdowns(tmp_path, monkeypatch) -> None:
    """Election-day and absentee precincts: two families of different sums, both counted."""
    rows = [
        f"Marin,{kind} {i},Measure A,,,{name},{votes + i}"
        for kind in ("Pct", "Absentee")
        for i in range(1, 4)
        for name, votes in (("Yes", 120), ("No", 80))
    ]
    text = HEADER + "\n".join(rows) + "\n"
    path = write(tmp_path, text, SF)
    elections, problems = engines_agree(monkeypatch, path)
    assert list(_got(elections).values()) == [{"Yes": 2 * (360 + 6), "No": 2 * (240 + 6)}]
    assert not [p for p in problems if "breakdowns" in p.message]


_TRIAL = Path("/tmp/trial11/f")


@pytest.mark.parametrize(
    ("name", "race"),
    [
        (SF, "Superintendent of Public Instruction"),
        ("20181106__ca__general__santa_cruz__precinct.csv", "U.S. House · 20"),
        (RIVERSIDE, "U.S. House · 41"),
    ],
)
def test_real_statements_of_the_vote(name: str, race: str) -> None:
    """The real files, read in place when present: the race of trial 11 is refused (its precincts'
    rows do not hold its breakdowns' sums), and every race summarised is its precincts' sum
    (pandas), its breakdowns and county row set aside."""
    path = _TRIAL / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    checked = json.loads(invoke("validate", str(path), "--format", "json").stdout)
    (refused,) = [
        p for p in checked["files"][0]["problems"] if p["race"] == race and p["severity"] == "error"
    ]
    assert "family by family" in refused["message"]
    assert re.search(r"--where '?precinct=", refused["message"])
    frame = pd.read_csv(path, dtype=str)
    frame["votes"] = frame["votes"].astype(int)
    precincts = frame[frame["precinct"].str.match(r"(Pct )?\d{4,}")]
    result = invoke("summary", str(path), "--format", "json")
    for election in json.loads(result.stdout or '{"elections": []}')["elections"]:
        office, _, district = election["election"].partition(" · ")
        rows = precincts[precincts["office"] == office]
        if district:
            rows = rows[rows["district"] == district]
        sums = rows.groupby("candidate")["votes"].sum()
        for option in election["results"]:
            assert option["votes"] == sums[option["candidate"]], (election["election"], option)


NH_TEXT = """county,precinct,office,district,party,candidate,votes
Hillsborough,Deering,State House,HL02,REP,Keith Erf,580
Hillsborough,Weare,State House,HL02,REP,Keith Erf,2860
Hillsborough,HILLSBOROUGH02,State House,HL02,REP,Keith Erf,3440
Hillsborough,Deering,State House,HL02,DEM,Robert Girard,359
Hillsborough,Weare,State House,HL02,DEM,Robert Girard,1522
Hillsborough,HILLSBOROUGH02,State House,HL02,DEM,Robert Girard,1881
Cheshire,Dublin,State House,CH 14 (1)F,REP,Matthew Santonastaso,419
Cheshire,Fitzwilliam,State House,CH 14 (1)F,REP,Matthew Santonastaso,693
Cheshire,Jaffrey,State House,CH 14 (1)F,REP,Matthew Santonastaso,1460
Cheshire,CHESHIRE 14 (1)FL,State House,CH 14 (1)F,REP,Matthew Santonastaso,2572
Cheshire,Dublin,State House,CH 14 (1)F,DEM,Andrew Maneval,512
Cheshire,Fitzwilliam,State House,CH 14 (1)F,DEM,Andrew Maneval,601
Cheshire,Jaffrey,State House,CH 14 (1)F,DEM,Andrew Maneval,1300
Cheshire,CHESHIRE 14 (1)FL,State House,CH 14 (1)F,DEM,Andrew Maneval,2413
"""


def test_a_floterial_districts_total_row_is_set_aside(tmp_path, monkeypatch) -> None:
    """New Hampshire's floterial districts: the towns, then the district's total named by its
    county and number (`HILLSBOROUGH02`, `CHESHIRE 14 (1)FL`). Counted twice before (OpenElections'
    NH 2020: Keith Erf 6,880 for 3,440); now set aside, the towns counted, in both engines."""
    path = write(tmp_path, NH_TEXT, "20201103__nh__general__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    frame = pd.read_csv(io.StringIO(NH_TEXT))
    towns = frame[~frame["precinct"].str.isupper()]
    expected = {
        f"State House · {district}": dict(group.groupby("candidate")["votes"].sum())
        for district, group in towns.groupby("district")
    }
    assert _got(elections) == expected
    said = " ".join(p.message for p in problems if p.code == "total-row")
    assert "'HILLSBOROUGH02'" in said and "'CHESHIRE 14 (1)FL'" in said
    assert not [p for p in problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("unit", "family", "named"),
    [
        ("Congressional:12", "congressional", True),
        ("36th Congressional ", "congressional", True),
        ("23rd Senatorial", "senatorial", True),
        ("29th Assembly District", "assembly district", True),
        ("Supervisorial District 1", "supervisorial district", True),
        ("City of Banning", "city of banning", True),
        ("Unincorporated Area", "unincorporated area", True),
        ("Pct 1101", "pct", False),
        ("Pct 9902 MB", "pct mb", False),
        ("11103   RIVERSIDE/WD 1", "riverside wd", False),
        ("Ward 1", "ward", False),
        ("Hillsborough", "hillsborough", False),
    ],
)
def test_families_and_names(unit: str, family: str, named: bool) -> None:
    """A unit's family (digits, ordinals and punctuation aside), and whether the streaming engine
    hands its file over (a name of a breakdown), by a hand-checked table."""
    from pollcli.read.breakdowns import stem
    from pollcli.read.total_words import breakdown_names, breakdown_unit

    assert stem(unit) == family
    assert breakdown_unit(unit) is named
    assert breakdown_names([b"Pct 1", unit.encode()]) is named


def test_a_unit_named_by_its_region_and_a_number() -> None:
    from pollcli.read.total_words import region_start, suspect_unit

    assert region_start("HILLSBOROUGH02", "Hillsborough")
    assert region_start("CHESHIRE 14 (1)FL", "Cheshire")
    assert not region_start("Hillsborough", "Hillsborough")  # (named like it: the totals stage's)
    assert not region_start("Riverside County", "Riverside")
    assert not region_start("Chesterfield 2", "Cheshire")
    assert suspect_unit("MERRIMACK10", frozenset({"merrimack"}))
