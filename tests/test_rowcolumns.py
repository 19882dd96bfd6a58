"""The exact engine's rows held as columns (`read/rowcolumns`): summed per region and option where that
gives the answer of a record per row, which the whole row stage gives (`records.CellReader.read`,
the oracle, as in tests/test_samerows.py): the same elections, notes and problems, at the same lines,
whether the sums are Python's or numpy's. Files of precincts in several regions with options
repeated in a precinct, namesakes, parties spelt two ways, blank, total and county-named places, a
`Total` option, cells with spaces or invisible characters, rows refused. The sums are checked
against pandas on plain files. POLLCLI_HYPOTHESIS=explore tries new examples."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import dump
from pollcli.read import ReadOptions, engines, exact, load_file, rowcolumns, samerows
from pollcli.read.records import Record
from test_samerows import whole_stage  # the oracle: the whole row stage, a record per row

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _both(patch: pytest.MonkeyPatch, path: Path, options: ReadOptions) -> tuple[tuple, tuple]:
    patch.setenv(engines.ENGINE_ENV, "exact")
    mine = dump(load_file(path, options))
    with patch.context() as oracle:
        oracle.setattr(exact, "read_rows", whole_stage)
        theirs = dump(load_file(path, options))
    return mine, theirs


REGIONS = ["North", "South", "North ", "", "TOTALS", "Région", "N\u200borth"]
UNITS = ["P1", "P2", "P3", "P4", "", "TOTALS", "North County", "South 2", " P1"]
NAMES = ["Ann Lee", "ann  lee", "Bo Kim", "Cy Dee", "Total", "Other", "Ann Lee (Red)"]
PARTIES = ["Red", "Blue", "", "RED", "Grün"]
VOTES = ["12", "0", "551", "150", "150", "007", "1,234", "", "x"]
HEADERS = [
    "region,precinct,candidate,party,votes",
    "precinct,candidate,party,votes",
    "county,ward,candidate,votes",
    "region,precinct,candidate,party,votes,share",  # not summed: a share column
]


def _rows(common: bool) -> st.SearchStrategy[list[tuple[str, str, str, str, str]]]:
    """Rows; `common`: of plain cells mostly, so that many files are summed."""
    if common:
        cell = st.tuples(
            st.sampled_from(REGIONS[:3]),  # (`North ` is `North`)
            st.sampled_from([*UNITS[:4], " P1"]),  # (` P1` is `P1`)
            st.sampled_from(NAMES[:4]),
            st.sampled_from(PARTIES[:2]),
            st.sampled_from(VOTES[:5]),
        )
    else:
        cell = st.tuples(*(st.sampled_from(c) for c in (REGIONS, UNITS, NAMES, PARTIES, VOTES)))
    return st.lists(cell, min_size=1, max_size=30)


def _text(header: str, rows: list[tuple[str, str, str, str, str]]) -> str:
    columns = header.split(",")
    lines = [header]
    for region, unit, name, party, votes in rows:
        by = {"region": region, "county": region, "precinct": unit, "ward": unit}
        by |= {"candidate": name, "party": party, "votes": votes, "share": "10"}
        lines.append(",".join(f'"{by[c]}"' if "," in by[c] else by[c] for c in columns))
    return "\n".join(lines) + "\n"


@SETTINGS
@given(
    data=st.data(),
    header=st.sampled_from(HEADERS),
    common=st.booleans(),
    numpy=st.booleans(),
    primary=st.booleans(),
    chunk=st.sampled_from([samerows.CHUNK_ROWS, 1, 2, 3, 7]),
)
def test_rows_summed_per_region_read_as_a_record_per_row(
    monkeypatch: pytest.MonkeyPatch,
    data: st.DataObject,
    header: str,
    common: bool,
    numpy: bool,
    primary: bool,
    chunk: int,
) -> None:
    rows = data.draw(_rows(common))
    with monkeypatch.context() as patched, tempfile.TemporaryDirectory() as directory:
        if numpy:
            patched.setattr(rowcolumns, "NUMPY_ROWS", 1)
        # (Small chunks: rows of options held are held a column at a time, `_held_chunk`.)
        patched.setattr(samerows, "CHUNK_ROWS", chunk)
        # (A file named as a primary: the party tells races apart, no rows are summed.)
        path = Path(directory) / ("primary.csv" if primary else "results.csv")
        path.write_text(_text(header, rows), encoding="utf-8")
        mine, theirs = _both(patched, path, ReadOptions())
    assert mine == theirs


def _plain(regions: int, units: int) -> list[tuple[str, str, str, str, str]]:
    """A plain precinct file's rows: every precinct lists every option once."""
    return [
        (f"Region {r}", f"R{r}-P{u}", name, party, str((r * 7 + u * 3 + i * 11) % 97))
        for r in range(regions)
        for u in range(units)
        for i, (name, party) in enumerate((("Ann Lee", "Red"), ("Bo Kim", "Blue"), ("Cy", "")))
    ]


def _summed_records(monkeypatch: pytest.MonkeyPatch, numpy: bool) -> list[list[Record]]:
    """The records each summing of rows gives (filled as the file is read), with numpy's sums or
    Python's."""
    if numpy:
        monkeypatch.setattr(rowcolumns, "NUMPY_ROWS", 1)
    held: list[list[Record]] = []
    keep = rowcolumns.RowColumns.records

    def records(self: rowcolumns.RowColumns) -> list[Record]:
        held.append(keep(self))
        return held[-1]

    monkeypatch.setattr(rowcolumns.RowColumns, "records", records)
    return held


@pytest.mark.parametrize("chunk", [samerows.CHUNK_ROWS, 10])
@pytest.mark.parametrize("numpy", [False, True])
def test_a_plain_precinct_file_is_summed_per_region_to_the_pandas_figures(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, numpy: bool, chunk: int
) -> None:
    rows = _plain(4, 25)
    path = tmp_path / "results.csv"
    path.write_text(_text(HEADERS[0], rows), encoding="utf-8")
    held = _summed_records(monkeypatch, numpy)
    monkeypatch.setattr(samerows, "CHUNK_ROWS", chunk)
    chunks: list[bool] = []  # whether each chunk was held a column at a time
    keep = samerows._held_chunk

    def held_chunk(*args: object) -> bool:
        chunks.append(keep(*args))
        return chunks[-1]

    monkeypatch.setattr(samerows, "_held_chunk", held_chunk)
    mine, theirs = _both(monkeypatch, path, ReadOptions())
    assert mine == theirs
    # 300 rows in chunks of 10: the first (the options' first rows) row by row, the others held
    # a column at a time.
    assert chunks == ([False] if chunk > len(rows) else [False] + [True] * 29)
    # Summed: a record per region and option, not per row.
    assert [len(h) for h in held] == [4 * 3]
    assert all(r.summed and r.row.unit is None for r in held[0])
    (election,), problems = load_file(path, ReadOptions())
    assert problems == []
    frame = pd.DataFrame(rows, columns=["region", "unit", "candidate", "party", "votes"])
    frame["votes"] = frame["votes"].astype(int)
    assert {o.candidate: o.votes for o in election.options} == (
        frame.groupby("candidate")["votes"].sum().to_dict()
    )
    for region in election.regions:
        expected = frame[frame["region"] == region.name].groupby("candidate")["votes"].sum()
        assert {o.candidate: o.votes for o in region.options} == expected.to_dict()


@pytest.mark.parametrize(
    "change",
    [
        ("R1-P3", "Ann Lee", "ann lee"),  # an option twice in one precinct
        (" R1-P3", "Ann Lee", "Ann Lee"),  # the precinct written with a space: one precinct
        ("R1-P\u200b3", "Ann Lee", "Ann Lee"),  # with an invisible character
        ("R1-P3", "Bo Kim", "Total"),  # a total option
        ("R1-P3", "Cy", "Cy (again)"),  # nothing odd: still summed
    ],
)
@pytest.mark.parametrize("numpy", [False, True])
def test_an_option_twice_in_a_precinct_is_named_on_its_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, change: tuple[str, str, str], numpy: bool
) -> None:
    unit, _, new = change
    rows = [*_plain(2, 5), ("Region 1", unit, new, "Red", "5")]
    path = tmp_path / "results.csv"
    path.write_text(_text(HEADERS[0], rows), encoding="utf-8")
    if numpy:
        monkeypatch.setattr(rowcolumns, "NUMPY_ROWS", 1)
    mine, theirs = _both(monkeypatch, path, ReadOptions())
    assert mine == theirs
    _, problems = load_file(path, ReadOptions())
    if new.casefold() == "ann lee":
        assert [(p.code.value, p.line) for p in problems] == [("duplicate-option", len(rows) + 1)]


@pytest.mark.parametrize("numpy", [False, True])
def test_write_in_lines_beside_a_bare_count_are_read_row_by_row(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, numpy: bool
) -> None:
    # Electionware's `Write-ins` beside its parts is their subtotal in the precincts where they
    # add up (`read/subtotals`, judged on the rows beside it): summed per region, they would not.
    lines = ["region,precinct,candidate,votes"]
    for region in ("R1", "R2"):
        for unit, unassigned in (("P1", 3), ("P2", 1), ("P3", 3)):
            lines += [
                f"{region},{region}{unit},Alice,10",
                f"{region},{region}{unit},Write-ins,5",
                f"{region},{region}{unit},Write-In: Bob,2",
                f"{region},{region}{unit},Not Assigned,{unassigned}",
            ]
    path = tmp_path / "results.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if numpy:
        monkeypatch.setattr(rowcolumns, "NUMPY_ROWS", 1)
    mine, theirs = _both(monkeypatch, path, ReadOptions())
    assert mine == theirs
    (election,), _ = load_file(path, ReadOptions())
    # Four subtotals set aside (P1 and P3 of each region), the two of P2 (5 over lines of 3)
    # counted as the write-ins their lines do not name, 2 each (`read/subtotals.rests`): 4 votes.
    assert {o.candidate: o.votes for o in election.options}["Write-ins"] == 4


RACE_HEADER = "county,precinct,office,district,party,candidate,votes"
# Offices and districts written as a race's rows write them (`GOVERNOR` is `Governor`, `01` is `1`),
# a blank district, a blank office; Yes and No in two measures; a name in two races.
OFFICES = ["Governor", "GOVERNOR", "State House", "Amendment 1", "Amendment 2", ""]
DISTRICTS = ["", "1", "01", "2", " 2"]
RACE_NAMES = ["Ann Lee", "ann lee", "Bo Kim", "Yes", "No", "Total", "Write-ins"]


def _race_text(rows: list[tuple[str, ...]]) -> str:
    lines = [RACE_HEADER, *(",".join(row) for row in rows)]
    return "\n".join(lines) + "\n"


def _races(counties: int, units: int) -> list[tuple[str, ...]]:
    """A precinct file of races, OpenElections' layout: every precinct lists every race's options
    once; a House district per county; Yes and No in two measures."""
    rows = []
    for c in range(counties):
        for u in range(units):
            ballot = [
                ("Governor", "", "Red", "Ann Lee"),
                ("Governor", "", "Blue", "Bo Kim"),
                ("State House", str(c + 1), "Red", f"Cy {c}"),
                ("State House", str(c + 1), "Blue", f"Dee {c}"),
                ("Senate", "", "Blue", "Ann Lee"),  # (her name in two races)
                ("Amendment 1", "", "", "Yes"),
                ("Amendment 1", "", "", "No"),
                ("Amendment 2", "", "", "Yes"),
                ("Amendment 2", "", "", "No"),
            ]
            for i, (office, district, party, name) in enumerate(ballot):
                votes = str((c * 7 + u * 3 + i * 11) % 97)
                rows.append((f"County {c}", f"C{c}-P{u}", office, district, party, name, votes))
    return rows


@pytest.mark.parametrize("numpy", [False, True])
def test_a_precinct_file_of_races_is_summed_per_region_to_the_pandas_figures(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, numpy: bool
) -> None:
    rows = _races(3, 20)
    path = tmp_path / "results.csv"
    path.write_text(_race_text(rows), encoding="utf-8")
    held = _summed_records(monkeypatch, numpy)
    mine, theirs = _both(monkeypatch, path, ReadOptions())
    assert mine == theirs
    # Summed: a record per county, race and option (9 options a county), not per row.
    assert [len(h) for h in held] == [3 * 9]
    assert all(r.summed and r.row.unit is None for r in held[0])
    elections, problems = load_file(path, ReadOptions())
    assert problems == []
    frame = pd.DataFrame(rows, columns=[c for c in RACE_HEADER.split(",")])
    frame["votes"] = frame["votes"].astype(int)
    frame["race"] = frame["office"] + frame["district"].map(lambda d: f" · {d}" if d else "")
    expected = frame.groupby(["race", "candidate"])["votes"].sum()
    got = {(e.facts.election, o.candidate): o.votes for e in elections for o in e.options}
    assert got == expected.to_dict()
    for election in elections:
        race = frame[frame["race"] == election.facts.election]
        for region in election.regions:
            sums = race[race["county"] == region.name].groupby("candidate")["votes"].sum()
            assert {o.candidate: o.votes for o in region.options} == sums.to_dict()


@pytest.mark.parametrize(
    "change",
    [
        ("Governor", "", "Ann Lee"),  # her name twice in one race of a precinct
        ("GOVERNOR", "", "ann lee"),  # written otherwise: still one race, one name
        ("State House", "01", "Cy 0"),  # district 01 is district 1
        ("State House", "2", "Cy 0"),  # another district's race: summed
        ("Amendment 3", "", "Yes"),  # another measure's Yes: summed
    ],
)
@pytest.mark.parametrize("numpy", [False, True])
def test_an_option_twice_in_a_race_of_a_precinct_is_named_on_its_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, change: tuple[str, str, str], numpy: bool
) -> None:
    office, district, name = change
    rows = [*_races(2, 5), ("County 0", "C0-P3", office, district, "Red", name, "5")]
    path = tmp_path / "results.csv"
    path.write_text(_race_text(rows), encoding="utf-8")
    if numpy:
        monkeypatch.setattr(rowcolumns, "NUMPY_ROWS", 1)
    mine, theirs = _both(monkeypatch, path, ReadOptions())
    assert mine == theirs
    _, problems = load_file(path, ReadOptions())
    repeated = office.casefold() == "governor" or district == "01"
    assert ("duplicate-option", len(rows) + 1) in {(p.code.value, p.line) for p in problems} or (
        not repeated
    )


def _race_rows(common: bool) -> st.SearchStrategy[list[tuple[str, ...]]]:
    """Rows of several races; `common`: of plain cells mostly, so that many files are summed."""
    if common:
        cell = st.tuples(
            st.sampled_from(REGIONS[:3]),
            st.sampled_from([*UNITS[:4], " P1"]),
            st.sampled_from(OFFICES[:5]),
            st.sampled_from(DISTRICTS),
            st.sampled_from(PARTIES[:2]),
            st.sampled_from(RACE_NAMES[:5]),
            st.sampled_from(VOTES[:5]),
        )
    else:
        cell = st.tuples(
            *(
                st.sampled_from(c)
                for c in (REGIONS, UNITS, OFFICES, DISTRICTS, PARTIES, RACE_NAMES, VOTES)
            )
        )
    return st.lists(cell, min_size=1, max_size=40)


@SETTINGS
@given(
    data=st.data(),
    common=st.booleans(),
    numpy=st.booleans(),
    regions=st.booleans(),
    district_first=st.booleans(),
)
def test_rows_of_several_races_summed_per_region_read_as_a_record_per_row(
    monkeypatch: pytest.MonkeyPatch,
    data: st.DataObject,
    common: bool,
    numpy: bool,
    regions: bool,
    district_first: bool,
) -> None:
    rows = data.draw(_race_rows(common))
    if district_first:  # (the race cells in another order: the facts keep the columns')
        rows = [(a, b, office, district, *rest) for a, b, district, office, *rest in rows]
    text = _race_text([tuple(f'"{c}"' if "," in c else c for c in row) for row in rows])
    if district_first:
        text = text.replace("office,district", "district,office", 1)
    options = ReadOptions()
    if not regions:  # precincts of no county: a district read as geography is the region
        text = "\n".join(line.split(",", 1)[1] for line in text.splitlines()) + "\n"
        options = ReadOptions(unit="precinct")
    with monkeypatch.context() as patched, tempfile.TemporaryDirectory() as directory:
        if numpy:
            patched.setattr(rowcolumns, "NUMPY_ROWS", 1)
        path = Path(directory) / "results.csv"
        path.write_text(text, encoding="utf-8")
        mine, theirs = _both(patched, path, options)
    assert mine == theirs
