"""A unit that holds the sum of its race's other units, under a name no rule knows (`read/sum_totals`).

New Hampshire 2020 (OpenElections) lists State House district HL41 as Amherst, Bedford and
`ILLSBOROUGH 41`: the district's total, its first letter lost, so neither a total word nor named like
its county. It was added to its towns: every vote counted twice, in both engines. A unit of a race
whose every option holds the sum of the race's other units (two at least, each with votes; two
candidates with votes at least, SAME_SUM votes in all) is now that total, set aside with a warning that
names it. Figures invented in NH's layout (the real file is read in place when present); oracle:
pandas over the rows of the units that are no totals.
"""

from __future__ import annotations

import io
import json
import shlex
from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

HEADER = "county,precinct,office,district,party,candidate,votes\n"
NAME = "20201103__nh__general__precinct.csv"


def _race(district: str, county: str, towns: dict[str, dict[str, int]], total: str | None) -> str:
    """A district's rows by candidate, as NH lists them: each town, then (if named) the total."""
    names = list(next(iter(towns.values())))
    rows = []
    for name in names:
        party = {"Laurie Sanborn": "REP", "Lisa Nash": "DEM"}.get(name, "")
        # Candidates of their own in each district (the same ones would make districts places).
        shown = (
            name if name == "Scatter" or district.startswith("HL41") else f"{name} {district[:4]}"
        )
        for town, votes in towns.items():
            rows.append(f"{county},{town},State House,{district},{party},{shown},{votes[name]}")
        if total is not None:
            whole = sum(votes[name] for votes in towns.values())
            rows.append(f"{county},{total},State House,{district},{party},{shown},{whole}")
    return "\n".join(rows) + "\n"


HL41 = {
    "Amherst": {"Laurie Sanborn": 3693, "Lisa Nash": 4039, "Scatter": 2},
    "Bedford": {"Laurie Sanborn": 7578, "Lisa Nash": 6360, "Scatter": 15},
}
# A district of many towns beside it, and one of three: no total among them.
HL07 = {
    f"Town {i}": {"Laurie Sanborn": 300 + 37 * i, "Lisa Nash": 250 + 11 * i, "Scatter": i % 3}
    for i in range(1, 30)
}
HL09 = {
    "Hollis": {"Laurie Sanborn": 950, "Lisa Nash": 700, "Scatter": 1},
    "Brookline": {"Laurie Sanborn": 500, "Lisa Nash": 400, "Scatter": 0},
    "Mason": {"Laurie Sanborn": 400, "Lisa Nash": 300, "Scatter": 1},
}
TEXT = (
    HEADER
    + _race("HL07 (3)", "Hillsborough", HL07, None)
    + _race("HL41 (1)FL", "Hillsborough", HL41, "ILLSBOROUGH 41")
    + _race("HL09 (2)", "Hillsborough", HL09, None)
)


def _got(elections: list) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def _towns(text: str, totals: set[str]) -> dict[str, dict[str, int]]:
    """The oracle: pandas' sums of each race over the units that are no totals."""
    frame = pd.read_csv(io.StringIO(text))
    frame = frame[~frame["precinct"].isin(totals)]
    return {
        f"State House · {district}": {
            k: int(v) for k, v in g.groupby("candidate")["votes"].sum().items()
        }
        for district, g in frame.groupby("district")
    }


@pytest.mark.parametrize("block_bytes", [None, 300])
def test_a_total_row_under_a_misspelt_name_is_set_aside(tmp_path, monkeypatch, block_bytes) -> None:
    """NH HL41: `ILLSBOROUGH 41` holds Amherst + Bedford for every option; it was counted as a town
    (Laurie Sanborn 22,542 for 11,271). Both engines, small blocks too (the race across blocks)."""
    path = write(tmp_path, TEXT, NAME)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    assert _got(elections) == _towns(TEXT, {"ILLSBOROUGH 41"})
    assert _got(elections)["State House · HL41 (1)FL"]["Laurie Sanborn"] == 11271
    said = [p for p in problems if p.code == "total-row"]
    assert len(said) == 1 and "'ILLSBOROUGH 41'" in said[0].message
    assert (
        said[0].race == "State House · HL41 (1)FL" and said[0].line == 2 + 3 * 29 + 2
    )  # (HL07's rows first)
    assert "'Amherst'" in said[0].message and "'Bedford'" in said[0].message
    assert not [p for p in problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("towns", "why"),
    [
        # Two units, one of no votes: the other holds "the sum of the rest" trivially.
        (
            {
                "Amherst": {"Laurie Sanborn": 3693, "Lisa Nash": 4039},
                "Bedford": {"Laurie Sanborn": 0, "Lisa Nash": 0},
                "Mont Vernon": {"Laurie Sanborn": 3693, "Lisa Nash": 4039},
            },
            "one other unit with votes",
        ),
        # One option with votes: a town may hold the sum of two others by chance.
        (
            {
                "Amherst": {"Laurie Sanborn": 500, "Lisa Nash": 0},
                "Bedford": {"Laurie Sanborn": 300, "Lisa Nash": 0},
                "Mont Vernon": {"Laurie Sanborn": 200, "Lisa Nash": 0},
            },
            "one option",
        ),
        # One candidate and its write-ins (review): as likely by chance as one option alone.
        (
            {
                "Amherst": {"Laurie Sanborn": 500, "Lisa Nash": 0, "Scatter": 3},
                "Bedford": {"Laurie Sanborn": 300, "Lisa Nash": 0, "Scatter": 1},
                "Mont Vernon": {"Laurie Sanborn": 200, "Lisa Nash": 0, "Scatter": 2},
            },
            "one candidate and write-ins",
        ),
        # Few votes: equal by chance.
        (
            {
                "Amherst": {"Laurie Sanborn": 5, "Lisa Nash": 3},
                "Bedford": {"Laurie Sanborn": 2, "Lisa Nash": 1},
                "Mont Vernon": {"Laurie Sanborn": 3, "Lisa Nash": 2},
            },
            "fewer than SAME_SUM votes",
        ),
        # About the sum is not the sum.
        (
            {
                "Amherst": {"Laurie Sanborn": 1001, "Lisa Nash": 800},
                "Bedford": {"Laurie Sanborn": 600, "Lisa Nash": 500},
                "Mont Vernon": {"Laurie Sanborn": 400, "Lisa Nash": 300},
            },
            "one vote off",
        ),
    ],
)
def test_towns_that_only_look_like_a_total_are_counted(
    tmp_path, monkeypatch, towns: dict, why: str
) -> None:
    text = HEADER + _race("HL09 (2)", "Hillsborough", HL09, None)
    text += _race("HL42 (1)", "Hillsborough", towns, None)
    path = write(tmp_path, text, NAME)
    elections, problems = engines_agree(monkeypatch, path)
    assert _got(elections) == _towns(text, set()), why
    assert not [p for p in problems if p.code == "total-row"], why


def test_the_sum_is_judged_region_by_region(tmp_path, monkeypatch) -> None:
    """A district over two counties: a county's total row of its towns in the district, under a
    name no rule knows, is its total; the other county's towns are counted."""
    text = (
        HEADER
        + _race("HL43 (1)FL", "Hillsborough", HL41, "ILLSBOROUGH 43")
        + _race("HL43 (1)FL", "Cheshire", HL09, None)
    )
    path = write(tmp_path, text, NAME)
    elections, problems = engines_agree(monkeypatch, path)
    # (One race: named by the file.)
    assert list(_got(elections).values()) == list(_towns(text, {"ILLSBOROUGH 43"}).values())
    assert [p.message.count("'ILLSBOROUGH 43'") for p in problems if p.code == "total-row"] == [1]


def test_a_unit_of_no_race_rule_json_says_it(tmp_path) -> None:
    """The warning is in `validate`'s JSON, and summary's figures are the towns'."""
    path = write(tmp_path, TEXT, NAME)
    result = invoke("summary", str(path), "--race", "HL41", "-f", "json")
    data = json.loads(result.stdout)
    votes = {r["candidate"]: r["votes"] for r in data["elections"][0]["results"]}
    assert votes == _towns(TEXT, {"ILLSBOROUGH 41"})["State House · HL41 (1)FL"]
    checked = invoke("validate", str(path), "-f", "json")
    assert "ILLSBOROUGH 41" in checked.stdout


NH = (
    Path(__file__).resolve().parents[2] / "shared" / "realworld" / "us_nh_2020_general_precinct.csv"
)
if not NH.exists():
    NH = Path("/work/shared/realworld/us_nh_2020_general_precinct.csv")


@pytest.mark.skipif(not NH.exists(), reason="the real New Hampshire file is not here")
@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_new_hampshire_hl41_is_not_doubled(engine: str) -> None:
    """The real file: HL41 is Amherst + Bedford (pandas over those towns' rows)."""
    frame = pd.read_csv(NH, dtype=str)
    towns = frame[
        (frame["district"] == "HL41 (1)FL") & frame["precinct"].isin(["Amherst", "Bedford"])
    ]
    expected = towns.assign(votes=towns["votes"].astype(int)).groupby("candidate")["votes"].sum()
    result = invoke(
        "summary", str(NH), "--race", "HL41", "-f", "json", env={"POLLCLI_ENGINE": engine}
    )
    data = json.loads(result.stdout)
    got = {r["candidate"]: r["votes"] for r in data["elections"][0]["results"]}
    assert got == {k: int(v) for k, v in expected.items()}
    assert got["Laurie Sanborn"] == 11271
    assert "ILLSBOROUGH 41" in result.stderr + result.stdout


@pytest.mark.skipif(not NH.exists(), reason="the real New Hampshire file is not here")
def test_new_hampshire_hl01_is_not_doubled() -> None:
    """HL01 too: Antrim, Hillsborough (a town of Hillsborough County) and Windsor, then
    `HILLSBOROUGH01`, which the rules by name left counted beside a town named like the county
    (Jim Fedolfi 4,916 for 2,458 = 714 + 1,661 + 83, pandas over the towns' rows)."""
    frame = pd.read_csv(NH, dtype=str)
    towns = frame[(frame["district"] == "HL01") & (frame["precinct"] != "HILLSBOROUGH01")]
    expected = towns.assign(votes=towns["votes"].astype(int)).groupby("candidate")["votes"].sum()
    result = invoke("summary", str(NH), "--race", "State House · HL01", "-f", "json")
    data = json.loads(result.stdout)
    got = {r["candidate"]: r["votes"] for r in data["elections"][0]["results"]}
    assert got == {k: int(v) for k, v in expected.items()}
    assert got["Jim Fedolfi"] == 2458


def test_the_exact_engines_sums_by_numpy_see_it_too(tmp_path, monkeypatch) -> None:
    """The exact engine sums a precinct file per region (`read/rowcolumns`), with numpy from
    NUMPY_ROWS rows: a race where a unit may hold the others' sums is read row by row there too."""
    from pollcli.read import rowcolumns

    monkeypatch.setattr(rowcolumns, "NUMPY_ROWS", 8)
    path = write(tmp_path, TEXT, NAME)
    elections, problems = engines_agree(monkeypatch, path)
    assert _got(elections) == _towns(TEXT, {"ILLSBOROUGH 41"})
    assert [p.message.count("'ILLSBOROUGH 41'") for p in problems if p.code == "total-row"] == [1]


def test_suspected_by_a_table() -> None:
    """The engines' cheap test, by a hand-checked table: per unit (race and region, unit, votes,
    kept apart as a total's rows may be; a unit's rows in two places), the units of the groups
    where the largest of those not kept apart holds the others' votes, and at most the votes of
    those kept apart more; three units at least, SAME_SUM votes."""
    import numpy as np

    from pollcli.read.sum_totals import suspected

    rows = [
        # group 1: 300 = 100 + 200 (unit 13 in two pieces): its units chosen
        (1, 11, 100, 0), (1, 12, 200, 0), (1, 13, 120, 0), (1, 13, 180, 0),
        # group 2: two units only
        (2, 21, 150, 0), (2, 22, 150, 0),
        # group 3: a blank precinct's total kept apart (31), and one no rule knows (34)
        (3, 31, 120, 1), (3, 32, 60, 0), (3, 33, 60, 0), (3, 34, 120, 0),
        # group 4: 40 = 15 + 25, under SAME_SUM
        (4, 41, 15, 0), (4, 42, 25, 0), (4, 43, 40, 0),
        # group 5: no unit holds half
        (5, 51, 100, 0), (5, 52, 101, 0), (5, 53, 300, 0),
        # group 6: a town named like its county kept apart (63), which the total (64) adds up
        (6, 61, 100, 0), (6, 62, 150, 0), (6, 63, 50, 1), (6, 64, 300, 0),
        # group 7: a blank precinct's total kept apart, no other: precincts none holds half of
        (7, 71, 100, 0), (7, 72, 150, 0), (7, 73, 120, 0), (7, 74, 370, 1),
    ]  # fmt: skip
    groups, units, votes, apart = (np.array(c, dtype=np.uint64) for c in zip(*rows, strict=True))
    got = suspected(np, groups, units, votes.astype(np.int64), apart.astype(bool)).tolist()
    assert got == [11, 12, 13, 31, 32, 33, 34, 61, 62, 63, 64]


GRAFTON = {
    "Grafton": {"Laurie Sanborn": 210, "Lisa Nash": 180, "Scatter": 1},
    "Lebanon": {"Laurie Sanborn": 2100, "Lisa Nash": 2600, "Scatter": 9},
    "Hanover": {"Laurie Sanborn": 1300, "Lisa Nash": 2900, "Scatter": 4},
}


@pytest.mark.parametrize("block_bytes", [None, 250])
def test_a_town_named_like_its_county_among_the_parts(tmp_path, monkeypatch, block_bytes) -> None:
    """The town of Grafton in Grafton County (a unit named like its region, which the streaming
    engine keeps apart for the totals stage: a town, counted) among the towns a total no rule knows
    adds up (`RAFTON 12`): the total set aside, the town counted, in both engines."""
    text = HEADER + _race("HL09 (2)", "Grafton", HL09, None)
    text += _race("GR12 (4)", "Grafton", GRAFTON, "RAFTON 12")
    path = write(tmp_path, text, NAME)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    assert _got(elections) == _towns(text, {"RAFTON 12"})
    said = [p for p in problems if p.code == "total-row" and "whatever its name" in p.message]
    assert len(said) == 1 and "'RAFTON 12'" in said[0].message


ADA = "county,precinct,office,party,candidate,votes\n" + "".join(
    f"Ada,{town},Governor,{party},{name},{votes}\n"
    for town, figures in {"North": (300, 200), "South": (120, 80), "East": (180, 120)}.items()
    for (party, name), votes in zip([("DEM", "Ann Lee"), ("REP", "Bob Ray")], figures, strict=True)
)


@pytest.mark.parametrize("block_bytes", [None, 60])
def test_a_unit_the_regions_own_total_counts_is_no_total(tmp_path, monkeypatch, block_bytes):
    """Review: North holds South + East, but the county's `Total` row holds North + South + East:
    the file says North is a precinct, counted (it was set aside, the race halved)."""
    text = ADA + "Ada,Total,Governor,DEM,Ann Lee,600\nAda,Total,Governor,REP,Bob Ray,400\n"
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    assert list(_got(elections).values()) == [{"Ann Lee": 600, "Bob Ray": 400}]
    assert not [p for p in problems if "whatever its name" in p.message]


def test_a_unit_set_aside_takes_its_race_total_with_it(tmp_path, monkeypatch):
    """Review: the unit set aside as the others' total, its race's `Votes Cast` (Maine's total of
    votes) goes with it: the race's total checks against its parts' (no total-mismatch)."""
    text = ADA.replace(
        "Ada,South,Governor,DEM", "Ada,South,Governor,,Votes Cast,200\n" + "Ada,South,Governor,DEM"
    )
    text = text.replace(
        "Ada,North,Governor,DEM", "Ada,North,Governor,,Votes Cast,500\nAda,North,Governor,DEM"
    )
    text = text.replace(
        "Ada,East,Governor,DEM", "Ada,East,Governor,,Votes Cast,300\nAda,East,Governor,DEM"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=80)
    assert list(_got(elections).values()) == [{"Ann Lee": 300, "Bob Ray": 200}]
    assert [p.code for p in problems] == ["total-row"]


def test_the_warning_gives_advice_that_works(tmp_path, monkeypatch) -> None:
    """Review: the warning ended "if it is a place of its own, check the file", with no way to act
    on it. It says what was done and gives the flags that read the unit set aside alone: they do
    (the race from `ILLSBOROUGH 41`'s rows, pandas' figures of them)."""
    path = write(tmp_path, TEXT, NAME)
    _, problems = engines_agree(monkeypatch, path)
    [said] = [p for p in problems if p.code == "total-row"]
    assert "check the file" not in said.message
    assert "the race is counted from the other units" in said.message
    flags = shlex.split(said.message.rsplit("rows alone: ", 1)[1])
    result = invoke("summary", str(path), *flags, "--format", "json")
    assert result.code == 0, result.stderr
    [race] = json.loads(result.stdout)["elections"]  # (its unit is in this race alone)
    frame = pd.read_csv(io.StringIO(TEXT))
    unit = frame[frame["precinct"] == "ILLSBOROUGH 41"].set_index("candidate")["votes"]
    assert {r["candidate"]: r["votes"] for r in race["results"]} == unit.to_dict()
