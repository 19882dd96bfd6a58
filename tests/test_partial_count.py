"""A count still under way: a column of each row's share reported (`pct_reported`) under 100.

New York City's 2025 primary election-night file (`AD,election_district,pct_reported,<one column
per candidate>`) has `pct_reported` under 100 in every row: the count was partial. pollcli printed
the stage `official`, listed `pct_reported` as "not used" and said nothing of a partial count, so
the figures read as the result. Now a `partial-count` warning says how many rows report under
100 %, the findings open with it and no one "wins" (the stage stays as the file or flags say it).
Names and figures invented, the layouts are the file's (wide) and a long one; oracle: pandas.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.problems import Found
from pollcli.read import reporting

WIDE = """AD,election_district,pct_reported,ann_river,bo_stone,cy_lake,write_in
AD11-1,ED 1,80,0,0,0,0
AD11-1,ED 2,99,141,75,53,1
AD11-1,ED 3,100,148,175,70,0
AD12-1,ED 1,85.71,106,141,64,1
AD12-1,ED 2,50,98,60,12,2
AD12-1,ED 3,100,120,90,40,0
"""
LONG = """precinct,candidate,votes,percent_reporting
North 1,Ann River,410,100
North 1,Bo Stone,380,100
South 2,Ann River,220,62.5%
South 2,Bo Stone,260,62.5%
East 3,Ann River,150,100
East 3,Bo Stone,90,100
"""
FULL = LONG.replace("62.5%", "100")
FRACTIONS = """county,candidate,votes,precincts_reporting
Alder,Ann River,410,12/12
Alder,Bo Stone,380,12/12
Birch,Ann River,220,3/8
Birch,Bo Stone,260,3/8
"""


def _under(text: str, column: str) -> tuple[int, int]:
    """pandas: rows (lines) reporting under 100 %, and rows giving a share, by line."""
    frame = pd.read_csv(io.StringIO(text), dtype=str)
    cells = frame[column].dropna().str.rstrip("%")
    if cells.str.contains("/").any():
        parts = cells.str.split("/", expand=True).astype(float)
        shares = parts[0] / parts[1] * 100
    else:
        shares = cells.astype(float)
    return int((shares < 100).sum()), len(shares)


def _summary(path, *args: str) -> tuple[dict, str]:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"][0], result.stderr


def test_wide_file_of_partial_rows_says_the_count_is_partial(tmp_path) -> None:
    path = write(tmp_path, WIDE, "primary_votes.csv")
    election, stderr = _summary(path)
    under, rows = _under(WIDE, "pct_reported")
    assert (under, rows) == (4, 6)
    said = (
        f"{under} of {rows} rows report under 100 % ('pct_reported'): the figures are those "
        "counted so far"
    )
    # (No stage column, front matter nor --stage: a count that may change is SPEC's preliminary.)
    assert election["stage"] == "preliminary"
    assert "partial-count" in election["warning_codes"]
    assert any(said in w for w in election["warnings"])
    assert said in stderr
    assert election["notes"][0].startswith("Partial count: " + said)
    assert not any("not used: 'pct_reported'" in n for n in election["notes"])
    # The figures are the rows' as they stand (pandas), the leader "would win", not "wins".
    frame = pd.read_csv(io.StringIO(WIDE))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        c: int(frame[c].sum()) for c in ("ann_river", "bo_stone", "cy_lake", "write_in")
    }
    assert not any(" wins " in n for n in election["notes"])


def test_validate_lists_the_partial_count_warning(tmp_path) -> None:
    path = write(tmp_path, WIDE, "primary_votes.csv")
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    problems = json.loads(result.stdout)["files"][0]["problems"]
    codes = {p["code"]: p for p in problems}
    assert codes["partial-count"]["severity"] == "warning"
    assert codes["partial-count"]["column"] == "pct_reported"
    assert "unknown-column" not in codes


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [(LONG, "percent_reporting", (2, 6)), (WIDE, "pct_reported", (4, 6))],
)
def test_engines_agree(tmp_path, monkeypatch, text: str, column: str, expected) -> None:
    path = write(tmp_path, text, "results.csv")
    elections, problems = engines_agree(monkeypatch, path)
    under, rows = _under(text, column)
    assert (under, rows) == expected
    partial = [p for p in problems if p.code == "partial-count"]
    assert len(partial) == 1
    assert f"{under} of {rows} rows report under 100 % ('{column}')" in partial[0].message
    assert elections[0].counted_so_far == partial[0].message.split(":")[0]


def test_fractions_of_precincts_reporting(tmp_path) -> None:
    path = write(tmp_path, FRACTIONS, "counties.csv")
    election, _ = _summary(path)
    under, rows = _under(FRACTIONS, "precincts_reporting")
    assert (under, rows) == (2, 4)
    assert election["notes"][0].startswith(
        f"Partial count: {under} of {rows} rows report under 100 % ('precincts_reporting')"
    )


@pytest.mark.parametrize(
    "text", [FULL, FULL.replace("East 3,Ann River,150,100", "East 3,Ann River,150,NA")]
)
def test_every_row_at_100_says_nothing(tmp_path, text: str) -> None:
    path = write(tmp_path, text, "full.csv")
    election, stderr = _summary(path)
    assert "partial-count" not in election["warning_codes"]
    assert not any("Partial count" in n for n in election["notes"])
    assert "percent_reporting" not in stderr  # (read: no unknown-column warning either)


def test_a_stage_stated_is_kept(tmp_path) -> None:
    path = write(tmp_path, "# stage: preliminary\n" + LONG, "prelim.csv")
    election, _ = _summary(path)
    assert election["stage"] == "preliminary"
    assert "partial-count" in election["warning_codes"]


def test_cells_that_are_no_share_leave_the_column_unused(tmp_path) -> None:
    path = write(tmp_path, LONG.replace("62.5%", "most"), "odd.csv")
    election, _ = _summary(path)
    assert "partial-count" not in election["warning_codes"]
    assert any("'percent_reporting' column is left unused" in n for n in election["notes"])


def test_a_count_of_precincts_is_no_share(tmp_path) -> None:
    # (`precincts_reporting` of 12 beside a total: a count, not 12 %: left unused, said so.)
    path = write(tmp_path, FRACTIONS.replace("12/12", "12").replace("3/8", "3"), "counts.csv")
    election, _ = _summary(path)
    assert "partial-count" not in election["warning_codes"]
    assert any("'precincts_reporting' column is left unused" in n for n in election["notes"])


def test_fractions_of_one(tmp_path) -> None:
    text = LONG.replace(",100\n", ",1\n").replace("62.5%", "0.625")
    path = write(tmp_path, text, "fractions.csv")
    election, _ = _summary(path)
    assert election["notes"][0].startswith(
        "Partial count: 2 of 6 rows report under 100 % ('percent_reporting')"
    )
    everywhere = write(tmp_path, text.replace("0.625", "1"), "ones.csv")
    election, _ = _summary(everywhere)
    assert "partial-count" not in election["warning_codes"]


def test_ignored_column_is_not_read(tmp_path) -> None:
    path = write(tmp_path, LONG, "long.csv")
    election, _ = _summary(path, "--ignore-column", "percent_reporting")
    assert "partial-count" not in election["warning_codes"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_rows_under_100_are_counted(hundredths: list[int]) -> None:
    """Any shares (2 decimals, 0–100): N is the rows under 100 (pandas), M the rows."""
    cells = [f"{h / 100:.2f}" for h in hundredths]
    rows = "".join(f"P{i},Ann,{i + 1},{c}\n" for i, c in enumerate(cells))
    text = "precinct,candidate,votes,pct_reported\n" + rows
    found = Found("x.csv")
    records = [(n + 2, line.split(",")) for n, line in enumerate(rows.splitlines())]
    reported = reporting.check(text.splitlines()[0].split(","), records, found, [])
    said = reported.said if reported is not None else None
    frame = pd.read_csv(io.StringIO(text))
    under = int((frame["pct_reported"] < 100).sum())
    # (All shares of 1 or less, plain: fractions of 1, so 1.00 is 100 %.)
    if (frame["pct_reported"] <= 1).all():
        under = int((frame["pct_reported"] < 1).sum())
    if under:
        assert said == f"{under:,} of {len(frame):,} rows report under 100 % ('pct_reported')"
    else:
        assert said is None and not found.items


def test_na_cells_say_nothing(tmp_path) -> None:
    text = LONG.replace("East 3,Ann River,150,100", "East 3,Ann River,150,NA")
    election, _ = _summary(write(tmp_path, text, "na.csv"))
    under, rows = _under(text.replace(",NA\n", ",\n"), "percent_reporting")
    assert (under, rows) == (2, 5)
    assert election["notes"][0].startswith(
        f"Partial count: {under} of {rows} rows report under 100 % ('percent_reporting')"
    )


def test_the_table_heading_says_partial_count(tmp_path) -> None:
    path = write(tmp_path, WIDE, "primary_votes.csv")
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    heading = result.stdout.splitlines()[1]
    assert "preliminary" in heading and "partial count" in heading
    markdown = invoke("summary", str(path), "--format", "markdown").stdout
    assert "preliminary · partial count" in markdown
    full = invoke("summary", str(write(tmp_path, FULL, "full.csv"))).stdout
    assert "partial count" not in full


def test_a_file_of_many_races_tells_each_race_of_its_own_rows(tmp_path) -> None:
    """Every race of a file of many was told it was partial, the Mayor's rows all at 100 % too:
    a race is counted in part only where some of its own rows report under 100 % (pandas)."""
    text = """office,candidate,votes,pct_reported
Mayor,Ann River,410,100
Mayor,Bo Stone,380,100
Clerk,Cy Lake,220,40
Clerk,Di Moss,260,40
"""
    result = invoke("summary", str(write(tmp_path, text, "night.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    races = {e["election"]: e for e in document["elections"]}
    frame = pd.read_csv(io.StringIO(text))
    under = frame[frame["pct_reported"] < 100].groupby("office").size().to_dict()
    assert under == {"Clerk": 2}
    clerk, mayor = races["Clerk"], races["Mayor"]
    said = f"Partial count: {under['Clerk']} of its rows report under 100 % ('pct_reported')"
    assert clerk["notes"][0].startswith(said)
    assert clerk["stage"] == "preliminary"
    assert not any(n.startswith("Partial count") for n in mayor["notes"])
    # (The file's stage: an election-night file's race counted in full is no official count yet.)
    assert mayor["stage"] == "preliminary"
    assert any(
        "Its rows all report 100 % of their count: 1 of the file's 2 races is counted in part" in n
        for n in mayor["notes"]
    )
    won = {line["race"]: line["won"] for line in document["overview"]["races"]}
    assert won == {"Mayor": True, "Clerk": False}
    # (The file's warning stays, as validate lists it.)
    assert "partial-count" in mayor["warning_codes"]


def test_a_row_of_no_race_tells_every_race_of_the_file_s_rows(tmp_path) -> None:
    """Where a row under 100 % is no race's by its key cells (here left out by --race), the rows
    are the file's: each race is told of them all, and says so."""
    text = """office,candidate,votes,pct_reported
Mayor,Ann River,410,100
Mayor,Bo Stone,380,100
Clerk,Cy Lake,220,40
Clerk,Di Moss,260,40
"""
    path = write(tmp_path, text, "night.csv")
    result = invoke("summary", str(path), "--race", "Mayor", "--format", "json")
    assert result.code == 0, result.stderr
    (mayor,) = json.loads(result.stdout)["elections"]
    said = (
        "Partial count: 2 of 4 rows report under 100 % ('pct_reported') in the file, all its "
        "races together"
    )
    assert mayor["notes"][0].startswith(said)
    assert mayor["stage"] == "preliminary"


def test_a_stage_column_of_one_stage_still_tells_each_race_of_its_own_rows(tmp_path) -> None:
    """A stage column of one stage is no key of the races (their key cell for it is blank): every
    race was told of the file's rows, 'Mayor' at 100 % too ('Partial count: 2 of 4 rows … in the
    file, all its races together'); now only 'Clerk', whose own rows report under 100 % (pandas)."""
    text = """stage,office,precinct,pct_reported,candidate,votes
official,Mayor,P1,100,Ann River,50
official,Mayor,P1,100,Bo Stone,40
official,Clerk,P1,40,Cy Lake,20
official,Clerk,P1,40,Di Moss,10
"""
    result = invoke("summary", str(write(tmp_path, text, "staged.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    frame = pd.read_csv(io.StringIO(text))
    under = frame[frame["pct_reported"] < 100].groupby("office").size().to_dict()
    assert under == {"Clerk": 2}
    said = f"Partial count: {under['Clerk']} of its rows report under 100 % ('pct_reported')"
    assert races["Clerk"]["notes"][0].startswith(said)
    assert not any(n.startswith("Partial count") for n in races["Mayor"]["notes"])
    assert {e["stage"] for e in races.values()} == {"official"}


@pytest.mark.parametrize(
    ("stated", "args"),
    [
        ("# stage: official\n", ()),
        ("", ("--stage", "official")),
    ],
)
def test_an_official_stage_stated_is_kept_with_the_warning(tmp_path, stated, args) -> None:
    path = write(tmp_path, stated + LONG, "stated.csv")
    election, stderr = _summary(path, *args)
    assert election["stage"] == "official"
    assert "partial-count" in election["warning_codes"]
    assert election["notes"][0].startswith("Partial count: 2 of 6 rows report under 100 %")
    assert "2 of 6 rows report under 100 %" in stderr


def test_a_stage_column_saying_official_is_kept(tmp_path) -> None:
    text = "stage,precinct,candidate,votes,pct_reported\n" + "".join(
        f"official,{line}\n" for line in LONG.splitlines()[1:]
    )
    election, _ = _summary(write(tmp_path, text, "column.csv"))
    assert election["stage"] == "official"
    assert "partial-count" in election["warning_codes"]


def test_a_preliminary_partial_count_is_said_once(tmp_path) -> None:
    """The findings say the count is partial, not again that preliminary results may change."""
    election, _ = _summary(write(tmp_path, LONG, "long.csv"))
    assert election["stage"] == "preliminary"
    assert not any(n.startswith("Preliminary results") for n in election["notes"])


def test_the_warning_names_the_first_line_under_100(tmp_path, monkeypatch) -> None:
    """The warning said 'results.csv: 2 of 6 rows …' with no line; it names the first row under
    100 % (pandas: the first such row of the file)."""
    path = write(tmp_path, LONG, "results.csv")
    _, problems = engines_agree(monkeypatch, path)
    (partial,) = [p for p in problems if p.code == "partial-count"]
    frame = pd.read_csv(io.StringIO(LONG), dtype=str)
    shares = frame["percent_reporting"].str.rstrip("%").astype(float)
    assert partial.line == int(shares[shares < 100].index[0]) + 2  # (header line 1)


MANY = """office,district,candidate,party,votes,pct_reported
State House,1,Ann,DEM,10,100
State House,1,Bob,REP,8,100
State House,2,Cy,DEM,5,50
State House,2,Di,REP,7,50
"""


def test_no_race_of_a_count_under_way_is_won(tmp_path) -> None:
    """Each race's findings said 'would win', but the overview counted them won ('Races won: 2 of
    2', JSON `won: true`) and `seats` gave them seats: a count under way names no winner
    (`no_winner` `counting`), its lead kept."""
    path = write(tmp_path, MANY, "night.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    lines = document["overview"]["races"]
    # (District 1's rows all report 100 %: its count is done, and won.)
    assert [line["won"] for line in lines] == [True, False]
    assert [line["margin"]["votes"] for line in lines] == [2, 2]
    assert document["tally"]["won"] == 1
    seats = invoke("seats", str(path), "--format", "json")
    assert seats.code == 0, seats.stderr
    districts = json.loads(seats.stdout)["elections"][0]["districts"]
    assert [d.get("no_winner") for d in districts] == [None, "counting"]


def test_compare_reads_an_election_night_file_against_its_official_count(tmp_path) -> None:
    """An election-night file beside the certified count of the same date: both read `official`,
    compare called them "the same file twice?" and computed nothing; the night's count is now the
    preliminary stage, measured against the official count (pandas: shares' differences)."""
    certified = "# date: 2025-06-24\ncandidate,votes\nAnn,55\nBo,45\n"
    night = "# date: 2025-06-24\ncandidate,votes,pct_reported\nAnn,60,100\nBo,40,40\n"
    paths = [write(tmp_path, certified, "certified.csv"), write(tmp_path, night, "night.csv")]
    result = invoke("compare", *map(str, paths), "--format", "json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    assert [e["stage"] for e in document["elections"]] == ["official", "preliminary"]
    (accuracy,) = document["poll_accuracy"]
    frames = [
        pd.read_csv(io.StringIO(t), comment="#").set_index("candidate") for t in (certified, night)
    ]
    shares = [100 * f["votes"] / f["votes"].sum() for f in frames]
    expected = (shares[1] - shares[0]).abs().mean()
    assert accuracy["mean_abs_error"] == pytest.approx(expected)


def test_where_on_a_stage_reads_the_share_reported_of_its_rows(tmp_path) -> None:
    """A file of the election night's rows (under 100 %) and the official count's (100 %): the
    error advises '--where stage=official', which followed told both races 'Partial count: 2 of 6
    rows … in the file' and named no winner, from the rows --where left out. Now the rows kept
    are those read for the share reported (pandas: none of them under 100 %)."""
    text = """stage,office,precinct,pct_reported,candidate,votes
preliminary,Mayor,P1,40,Ann River,30
preliminary,Mayor,P1,40,Bo Stone,20
official,Mayor,P1,100,Ann River,50
official,Mayor,P1,100,Bo Stone,40
official,Clerk,P1,100,Cy Lake,20
official,Clerk,P1,100,Di Moss,10
"""
    path = write(tmp_path, text, "night.csv")
    frame = pd.read_csv(io.StringIO(text))
    assert (frame[frame["stage"] == "official"]["pct_reported"] == 100).all()
    result = invoke("summary", str(path), "--where", "stage=official", "--format", "json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    assert "partial-count" not in result.stderr
    for election in document["elections"]:
        assert not any(n.startswith("Partial count") for n in election["notes"])
    assert all(line["won"] for line in document["overview"]["races"])
