"""A long table whose units are named by several code columns together, a code of zeros standing for
"all" (Taiwan's Central Election Commission: `prvCode, cityCode, areaCode, liCode, deptCode, candNo,
tks, tksRate, candVictor`, a row per place and candidate, the nation `00,000,00,0000,000`, a county
`63,000,00,0000,000`, a town `63,000,01,0000,010`, its villages `63,000,01,0002,010`…). Read with
`--unit prv,city,area,li,dept` (pollcli's own advice for the file without its header), main added
every level up with no word: 2020's presidential file gave its leader 32,680,924 votes, four times
the nation's 8,170,231 (trial 27).

The files are written here in that layout with invented figures; the expected figures are pandas'
sums of the village rows (an `li` other than zeros).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

NAMES = ("prv", "city", "area", "li", "dept", "candidate", "votes", "share", "x")
UNIT = "prv,city,area,li,dept"
# (county, area, town, village, votes of candidates 1, 2, 3) of the finest rows.
VILLAGES = [
    ("63", "01", "010", "0002", (17, 155, 171)),
    ("63", "01", "010", "0003", (20, 217, 250)),
    ("63", "01", "020", "0001", (9, 80, 120)),
    ("63", "02", "030", "0004", (33, 301, 299)),
    ("63", "02", "030", "0005", (12, 96, 140)),
    ("64", "01", "010", "0001", (44, 410, 380)),
    ("64", "01", "010", "0002", (5, 61, 77)),
    # A town of one village lists it again (`09,007,00,0000,040` above `09,007,00,0003,040`), here
    # a village of an indigenous township, of a letter (`10,005,01,A005,070`).
    ("64", "01", "020", "A007", (8, 70, 90)),
]


def _sum(rows: list[tuple[str, str, str, str, tuple[int, ...]]]) -> tuple[int, ...]:
    return tuple(sum(r[4][k] for r in rows) for k in range(3))


def tw_lines(off: int = 0, without: str = "") -> list[str]:
    """The CEC's rows, villages first and the levels above after them as the file lists them;
    `off` added to a town's votes of candidate 2; `without`: a code column left out."""

    def rows(codes: tuple[str, str, str, str, str], votes: tuple[int, ...]) -> list[str]:
        total = sum(votes) or 1
        return [
            ",".join((*codes, str(n), str(v), f"{100 * v / total:.2f}", "*" if n == 3 else "NA"))
            for n, v in enumerate(votes, 1)
        ]

    lines = []
    for v in VILLAGES:
        lines += rows((v[0], "000", v[1], v[3], v[2]), v[4])
    towns = sorted({(v[0], v[1], v[2]) for v in VILLAGES})
    for county, area, town in towns:
        votes = _sum([v for v in VILLAGES if (v[0], v[1], v[2]) == (county, area, town)])
        if (county, town) == ("63", "030"):
            votes = (votes[0], votes[1] + off, votes[2])
        lines += rows((county, "000", area, "0000", town), votes)
    for county in ("63", "64"):
        lines += rows(
            (county, "000", "00", "0000", "000"), _sum([v for v in VILLAGES if v[0] == county])
        )
    lines += rows(("00", "000", "00", "0000", "000"), _sum(VILLAGES))
    if without:
        i = NAMES.index(without)
        lines = [",".join(c for n, c in enumerate(line.split(",")) if n != i) for line in lines]
    return lines


def oracle(path: Path, names: tuple[str, ...] = NAMES, header: int | None = None) -> dict[str, int]:
    frame = pd.read_csv(path, dtype=str, header=header, names=None if header == 0 else list(names))
    villages = frame[~frame["li"].str.fullmatch("0+")]
    sums = villages.groupby("candidate")["votes"].apply(lambda s: int(pd.to_numeric(s).sum()))
    return {str(k): int(v) for k, v in sums.items()}


@pytest.mark.parametrize(("without", "nation"), [("", True), ("share", True), ("share", False)])
def test_the_levels_of_zero_code_units_are_set_aside(tmp_path, monkeypatch, without, nation):
    # Without its share column, a file the exact engine may sum per region (`rowcolumns`): its
    # units kept apart all the same, with or without the nation's row.
    names = tuple(n for n in NAMES if n != without)
    lines = tw_lines(without=without)
    path = write(tmp_path, "\n".join(lines if nation else lines[:-3]) + "\n")
    elections, problems = engines_agree(monkeypatch, path, columns=names, unit=UNIT)
    assert not [p.message for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in elections[0].options} == oracle(path, names)
    (aside,) = [p for p in problems if p.code == "total-row"]
    assert f"{8 if nation else 7} units whose codes" in aside.message
    assert "counted from the 8 others" in aside.message
    shown = invoke("summary", str(path), "--columns", ",".join(names), "--unit", UNIT)
    assert shown.code == 0
    assert "set aside" in shown.stderr


def test_with_a_header_too(tmp_path, monkeypatch):
    header = "prv,city,area,li,dept,candidate,votes,share,x"
    path = write(tmp_path, "\n".join([header, *tw_lines()]) + "\n")
    elections, _ = engines_agree(monkeypatch, path, unit=UNIT, ignore_columns=("x",))
    assert {o.candidate: o.votes for o in elections[0].options} == oracle(path, header=0)


def test_a_level_that_does_not_add_up_is_refused_with_advice_that_works(tmp_path, monkeypatch):
    path = write(tmp_path, "\n".join(tw_lines(off=5)) + "\n")
    _, problems = engines_agree(monkeypatch, path, columns=NAMES, unit=UNIT)
    (error,) = [p for p in problems if p.severity == "error"]
    assert "'63 · 000 · 02 · 0000 · 030' is above 2 units" in error.message
    assert "--where 'dept=00 · 000 · 00 · 0000 · 000'" in error.message
    refused = invoke("summary", str(path), "--columns", ",".join(NAMES), "--unit", UNIT)
    assert refused.code == 1
    assert "leads" not in refused.stdout
    kept, _ = engines_agree(
        monkeypatch,
        path,
        read_options=ReadOptions(
            columns=NAMES, unit=UNIT, where=(("dept", "00 · 000 · 00 · 0000 · 000"),)
        ),
    )
    assert {o.candidate: o.votes for o in kept[0].options} == oracle(path)


def test_units_of_zero_codes_above_no_other_are_places(tmp_path, monkeypatch):
    """A unit whose codes hold zeros but that is above no other unit is counted (an honest place:
    a town's votes cast at no village's station)."""
    lines = tw_lines()
    # Only villages, and a row of the town 65,000,01,0000,010 with nothing below it.
    kept = [line for line in lines if ",0000," not in line]
    kept += ["65,000,01,0000,010,1,7,10.00,NA", "65,000,01,0000,010,2,50,70.00,NA"]
    kept += ["65,000,01,0000,010,3,14,20.00,*"]
    path = write(tmp_path, "\n".join(kept) + "\n")
    elections, problems = engines_agree(monkeypatch, path, columns=NAMES, unit=UNIT)
    assert not [p for p in problems if p.code in ("total-row", "total-mismatch")]
    frame = pd.read_csv(path, header=None, names=list(NAMES))
    expected = {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}
    assert {o.candidate: o.votes for o in elections[0].options} == expected


def test_the_file_with_its_header_is_told_to_name_its_candidate_and_votes(tmp_path):
    """With the CEC's own header, the table was refused as no result ('candNo' a running number),
    with advice that led to a wide table of one option; the advice now names the way that works."""
    header = "prvCode,cityCode,areaCode,liCode,deptCode,candNo,tks,tksRate,candVictor"
    path = write(tmp_path, "\n".join([header, *tw_lines()]) + "\n")
    refused = invoke("summary", str(path))
    assert refused.code == 1
    assert (
        "numbered by 'candNo', with 'tks' the votes: then name those columns candidate and votes"
        in (" ".join(refused.stderr.split()))
    )
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    bare = write(tmp_path, "\n".join(lines) + "\n", name="bare.csv")
    told = invoke("summary", str(bare), "--columns", ",".join(NAMES), "--unit", UNIT, "-f", "csv")
    assert told.code == 0
    votes = {r.split(",")[8]: int(r.split(",")[11]) for r in told.stdout.splitlines()[1:]}
    assert votes == oracle(bare)


def test_a_countys_zero_precinct_of_other_votes_is_a_place(tmp_path, monkeypatch):
    """A county's `0000` precinct (its absentee votes) beside its precincts holds no sum of them:
    with no unit that does, no level is evident, and every unit is a place, never refused."""
    lines = []
    counties = [
        ("01", (50, 45), [(40, 52), (33, 20), (7, 9)]),
        ("02", (30, 40), [(61, 48), (15, 12)]),
    ]
    for county, absent, figures in counties:
        for n, votes in enumerate([absent, *figures]):
            precinct = f"{n:04d}"  # (0000: the absentee votes)
            for name, figure in zip(("Ames", "Boyd"), votes, strict=True):
                lines.append(f"{county},{precinct},{name},{figure},{3 * sum(votes)}")
    path = write(tmp_path, "\n".join(lines) + "\n")
    # (With each unit's registered voters: read row by row, each unit apart.)
    names = ("prv", "li", "candidate", "votes", "registered")
    elections, problems = engines_agree(monkeypatch, path, columns=names, unit="prv,li")
    assert not [p.message for p in problems if p.severity == "error"]
    assert not [p for p in problems if p.code == "total-row"]
    frame = pd.read_csv(path, header=None, names=list(names))
    expected = {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}
    assert {o.candidate: o.votes for o in elections[0].options} == expected


def test_a_zero_precinct_equal_to_the_one_precinct_by_chance_is_a_place(tmp_path, monkeypatch):
    """A county of one precinct whose absentee `0000` has its few votes (3 and 2) by chance was set
    aside as its total, a level made evident by it alone; another county's `0000` of other votes
    then refused the file ("'02 · 0000' is above 2 units but does not hold the sum … leave out the
    units of all levels but one": advice that drops the absentee votes). A total of one part is
    no level by itself: every unit is a place, as in main."""
    text = (
        "county,precinct,candidate,votes\n01,0000,Ann,3\n01,0000,Bob,2\n01,0001,Ann,3\n"
        "01,0001,Bob,2\n02,0000,Ann,30\n02,0000,Bob,20\n02,0001,Ann,100\n02,0001,Bob,90\n"
        "02,0002,Ann,80\n02,0002,Bob,70\n03,0001,Ann,50\n03,0001,Bob,40\n03,0002,Ann,45\n"
        "03,0002,Bob,60\n"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, unit="county,precinct")
    assert not [p.message for p in problems if p.severity == "error"]
    assert not [p for p in problems if p.code == "total-row"]
    frame = pd.read_csv(path)
    expected = {str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()}
    assert {o.candidate: o.votes for o in elections[0].options} == expected
