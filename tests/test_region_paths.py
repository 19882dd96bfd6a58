"""Regions of one name under different parents (`read/region_paths`): Poland's PKW gmina tables name
each gmina's `Powiat` and `Województwo`, and ten powiat names stand for two powiaty each, in two
voivodeships (`świdnicki` of dolnośląskie and of lubelskie); `summary --by region` keyed regions by
the powiat column alone, so each pair was one region, its figures summed ("świdnicki — Trzaskowski
32.22 %" where lubelskie's świdnicki is Nawrocki's, 38.37 %), with no warning. The same in a long
`state,county,precinct` file (a `Washington` county in two states).

Oracle: pandas, the option columns (or votes) grouped by (parent, region); the names below are
invented, in the files' layouts."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import engines_agree, invoke, read_cleanly, write
from pollcli import summarize

# A PKW-like wide table: gmina, powiat, voivodeship, a column per candidate.
WIDE = """Gmina;Powiat;Województwo;ALPHA Anna;BETA Bert
g1;brzozowski;mazurskie;900;100
g2;brzozowski;mazurskie;50;50
g3;brzozowski;kujawskie;100;800
g4;olszański;mazurskie;500;400
g5;zagranica;;30;70
"""

# A long file by state, county and precinct: a Washington county in Ohio and in Utah.
LONG = """state,county,precinct,candidate,votes
Ohio,Washington,P1,Ann Reed,90
Ohio,Washington,P1,Bob Sand,10
Utah,Washington,P1,Ann Reed,10
Utah,Washington,P1,Bob Sand,80
Ohio,Adams,P2,Ann Reed,50
Ohio,Adams,P2,Bob Sand,40
"""


def _regions(path: Path) -> dict[str, dict[str, int]]:
    """Each region's votes by option, as `summary --by region` reports them."""
    from pollcli import load

    summary = summarize(load(path), by_region=True)
    return {
        r.region: {s.candidate: s.votes for s in r.results} for r in summary.elections[0].regions
    }


def _oracle(frame: pd.DataFrame, parent: str, region: str, options: list[str]) -> dict:
    """pandas: the options summed by (parent, region); a region name under one parent alone keeps
    its name, the others are named `parent · region`."""
    sums = frame.groupby([parent, region], dropna=False)[options].sum()
    parents_of = frame.groupby(region)[parent].nunique()
    out = {}
    for (above, name), row in sums.iterrows():
        key = f"{above} · {name}" if parents_of[name] > 1 else name
        out[key] = {o: int(row[o]) for o in options}
    return out


def test_wide_regions_of_one_name_in_two_voivodeships_are_two_regions(tmp_path: Path) -> None:
    path = write(tmp_path, WIDE)
    regions = _regions(path)
    options = ["ALPHA Anna", "BETA Bert"]
    frame = pd.read_csv(io.StringIO(WIDE), sep=";")
    assert regions == _oracle(frame, "Województwo", "Powiat", options)
    assert regions["kujawskie · brzozowski"] == {"BETA Bert": 800, "ALPHA Anna": 100}
    assert "olszański" in regions and "zagranica" in regions  # (one parent, or none: as before)


def test_long_counties_of_one_name_in_two_states_are_two_regions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, LONG)
    frame = pd.read_csv(io.StringIO(LONG))
    wide = frame.pivot_table(
        index=["state", "county"], columns="candidate", values="votes", aggfunc="sum"
    ).reset_index()
    assert _regions(path) == _oracle(wide, "state", "county", ["Ann Reed", "Bob Sand"])
    # Precinct P1 of Ohio's Washington and of Utah's is not one precinct listed twice.
    _, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]


def test_the_note_names_the_names_told_apart(tmp_path: Path) -> None:
    result = invoke("summary", str(write(tmp_path, WIDE)), "--by", "region", "--format", "json")
    assert result.code == 0, result.stderr
    assert (
        "1 'Powiat' name(s) stand for different regions under different 'Województwo' "
        "(brzozowski): each such region is named by its whole path, as "
        "'mazurskie · brzozowski'."
    ) in result.stdout


def test_a_file_whose_region_names_are_each_under_one_parent_reads_as_before(
    tmp_path: Path,
) -> None:
    text = LONG.replace("Utah,Washington", "Utah,Weber")
    result = invoke("summary", str(write(tmp_path, text)), "--by", "region")
    assert result.code == 0, result.stderr
    assert "whole path" not in result.stdout and " · " not in result.stdout
    assert set(_regions(write(tmp_path, text, "again.csv"))) == {"Washington", "Weber", "Adams"}


def test_an_ignored_parent_tells_nothing(tmp_path: Path) -> None:
    text = LONG.replace("Utah,Washington,P1", "Utah,Washington,P3")
    result = invoke(
        "summary", str(write(tmp_path, text)), "--by", "region", "--ignore-column", "state"
    )
    assert result.code == 0, result.stderr
    assert " Washington " in result.stdout and "Ohio · Washington" not in result.stdout


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(["P", "Q", ""])),
        max_size=12,
    )
)
def test_repeated_names_are_those_under_two_nonblank_parents(rows: list) -> None:
    from pollcli.read.region_paths import repeated

    cells = [[name, parent] for name, parent in rows]
    expected = {
        name for name in {n for n, _ in rows} if len({p for n, p in rows if n == name and p}) > 1
    }
    assert repeated(cells, 0, [1]) == expected


@pytest.mark.parametrize(
    ("where", "regions"),
    [
        ("county=Washington", ["Ohio · Washington", "Utah · Washington"]),  # the cell as written
        ("county=Utah · Washington", ["Utah · Washington"]),  # the whole path as shown
        ("county=Adams", ["Adams"]),
    ],
)
def test_where_on_the_region_column_reads_its_cell_or_the_path(
    tmp_path: Path, where: str, regions: list[str]
) -> None:
    from pollcli import load

    text = LONG.replace("Utah,Washington,P1", "Utah,Washington,P3")
    column, value = where.split("=", 1)
    elections = load(write(tmp_path, text), where=[(column, value)])
    assert [r.name for r in elections[0].regions] == regions


def test_both_engines_agree_with_a_parent_and_no_name_under_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The streaming engine reads the region and parent columns first (`streamed_apart`): here no
    # name is under two states, so it streams the file itself, as the exact engine reads it.
    rows = [
        f"{state},{county},P{n},{name},{votes}"
        for n, (state, county) in enumerate([("Ohio", "Adams"), ("Utah", "Weber")] * 40)
        for name, votes in (("Ann Reed", 10 + n), ("Bob Sand", 50 - n % 7))
    ]
    path = write(tmp_path, "state,county,precinct,candidate,votes\n" + "\n".join(rows) + "\n")
    elections = read_cleanly(monkeypatch, path, block_bytes=256)
    assert [r.name for r in elections[0].regions] == ["Adams", "Weber"]


def test_streamed_apart_says_which_files_the_exact_engine_must_read(tmp_path: Path) -> None:
    from pollcli.problems import Found
    from pollcli.read.dialect import RawTable
    from pollcli.read.header import map_header
    from pollcli.read.options import ReadOptions
    from pollcli.read.region_paths import streamed_apart

    header = ["state", "county", "precinct", "candidate", "votes"]
    columns = map_header(header, 1, Found("x"), lambda i: 2, (), {}, None, [])
    assert columns is not None
    table = RawTable(name="x", stem="x")
    table.delimiter = ","
    same = write(tmp_path, LONG, "same.csv")
    other = write(tmp_path, LONG.replace("Utah,Washington", "Utah,Weber"), "other.csv")
    start = len(LONG.splitlines()[0]) + 1
    assert streamed_apart(same, columns, table, start, True, ReadOptions())
    assert not streamed_apart(other, columns, table, start, True, ReadOptions())
    assert streamed_apart(other, columns, table, start, False, ReadOptions())  # not UTF-8
    ignored = ReadOptions(ignore_columns=("state",))
    assert not streamed_apart(same, columns, table, start, True, ignored)
