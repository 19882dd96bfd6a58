"""Property: the streaming engine reads small generated files in the streamed shapes as the exact engine
does (`conftest.engines_agree`: the same elections and problems), with blocks small enough that their
edges fall inside precincts, inside races and inside quoted cells:

- files of races with registered voters (and ballots cast) per precinct (`read/raceunits.py`):
  precincts in several races, races in several counties, rows in any order, counts blank or unlike
  on some rows, precincts named like totals (TOTALS, the county, blank) with or without counts,
  count rows (Registered Voters), odd cells (spaced, zero-padded, quoted line ends, no number);
- counts beside precincts that may be totals, without races (`read/apartfacts.py`);
- a name in two columns (`forename,surname`, AEC's `GivenNm,Surname`), split and spelt otherwise;
- Parquet files (`read/columnar.py`): integer, float (NaN), string, dictionary and boolean votes,
  nulls, row groups and batches of a few rows.

Votes are checked against pandas where the generated file is plain (every row a candidate's, no
total, nothing odd). POLLCLI_HYPOTHESIS=explore tries new examples.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BLOCKS = st.sampled_from([64, 128, 256, 1 << 20])

CANDIDATES = {
    ("President", ""): (("DEM", "Ann"), ("REP", "Bob")),
    ("State House", "1"): (("DEM", "Dee"), ("REP", "Eli")),
    ("State House", "2"): (("DEM", "Fay"), ("REP", "Gus")),
    ("County Commission", "1"): (("DEM", "Ida"), ("REP", "Jo")),
    ("Measure A", ""): (("", "Yes"), ("", "No")),
}
ODD_CELLS = ["", " 7 ", "0", "x", "01", '"1,000"', "TOTALS", "-2", '"P\n0"', "STATE HOUSE", "1.0"]


def _agree(text: str | bytes, block: int, name: str = "results.csv", **options: object) -> tuple:
    with tempfile.TemporaryDirectory() as directory, pytest.MonkeyPatch.context() as patch:
        path = Path(directory) / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return engines_agree(patch, path, block_bytes=block, **options)


def _votes_of(elections: list) -> dict[str, int]:
    totals: dict[str, int] = {}
    for election in elections:
        for option in election.options:
            totals[option.candidate] = totals.get(option.candidate, 0) + option.votes
    return totals


def _pandas_votes(text: str, name_columns: tuple[str, ...] = ("candidate",)) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    names = frame[list(name_columns)].agg(" ".join, axis=1).str.strip()
    votes = frame[frame.columns[-1] if "votes" not in frame else "votes"].astype(int)
    return {str(k): int(v) for k, v in votes.groupby(names).sum().items()}


@st.composite
def race_files(draw: st.DrawFn) -> tuple[str, bool]:
    """A file of races with counts per precinct; whether it is plain (the pandas oracle holds)."""
    header = ["county", "precinct", "office", "district", "party", "candidate", "votes"]
    header += ["registered_voters"] + (["ballots_cast"] if draw(st.booleans()) else [])
    if draw(st.booleans()):
        header = ["election", *header]
    plain = True
    rows: list[dict[str, str]] = []
    for county in draw(
        st.lists(st.sampled_from(["Appling", "Bacon", "Cobb"]), min_size=1, max_size=3, unique=True)
    ):
        for p in range(draw(st.integers(1, 4))):
            precinct = draw(st.sampled_from([f"P{p}"] * 6 + [county, "TOTALS", "", "P0"]))
            plain &= precinct.startswith("P")
            registered = draw(st.sampled_from(["100", "250", "", str(50 + p)]))
            cast = draw(st.sampled_from(["80", "", "90"]))
            races = draw(
                st.lists(st.sampled_from(sorted(CANDIDATES)), min_size=1, max_size=3, unique=True)
            )
            for office, district in races:
                for party, name in CANDIDATES[office, district]:
                    rows.append(
                        {
                            "election": "General",
                            "county": county,
                            "precinct": precinct,
                            "office": office,
                            "district": district,
                            "party": party,
                            "candidate": name,
                            "votes": str(draw(st.integers(0, 40))),
                            "registered_voters": registered,
                            "ballots_cast": cast,
                        }
                    )
    if draw(st.integers(0, 4)) == 0:
        row = dict(draw(st.sampled_from(rows)))
        row.update(candidate=draw(st.sampled_from(["Registered Voters", "Ballots Cast"])), party="")
        rows.insert(draw(st.integers(0, len(rows))), row)
        plain = False
    if draw(st.booleans()):
        rows = draw(st.permutations(rows))
    for _ in range(draw(st.integers(0, 2))):
        index = draw(st.integers(0, len(rows) - 1))
        column = draw(st.sampled_from(["registered_voters", "votes", "precinct", "district"]))
        rows[index] = {**rows[index], column: draw(st.sampled_from(ODD_CELLS))}
        plain = False
    end = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [",".join(header), *(",".join(row[c] for c in header) for row in rows)]
    return end.join(lines) + end, plain


@SETTINGS
@given(race_files(), BLOCKS)
def test_files_of_races_with_counts_per_precinct(generated, block):
    text, plain = generated
    elections, problems = _agree(text, block)
    if plain and not [p for p in problems if p.severity == "error"]:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        expected = frame.groupby("candidate")["votes"].apply(lambda v: v.astype(int).sum())
        assert _votes_of(elections) == {str(k): int(v) for k, v in expected.items()}


@st.composite
def apart_files(draw: st.DrawFn) -> str:
    """Precincts with counts beside rows that may be totals (TOTALS, the county, blank)."""
    lines = ["county,precinct,candidate,party,votes,registered,ballots_cast"]
    names = (("Ana", "Blue"), ("Ben", "Red"), ("Cy", ""))
    for county in draw(
        st.lists(st.sampled_from(["Appling", "Bacon"]), min_size=1, max_size=2, unique=True)
    ):
        sums = [0, 0, 0]
        for p in range(draw(st.integers(1, 5))):
            precinct = draw(
                st.sampled_from([f"P{p}"] * 4 + [county, f"{county} County", "TOTALS", ""])
            )
            registered = draw(st.sampled_from([str(500 + p), "", "0"]))
            for k, (name, party) in enumerate(names):
                votes = draw(st.integers(0, 50))
                sums[k] += votes
                lines.append(f"{county},{precinct},{name},{party},{votes},{registered},{300 + p}")
        total = draw(st.sampled_from([None, "TOTALS", "", county]))
        if total is not None:
            counted = draw(st.sampled_from(["", "999"]))
            for k, (name, party) in enumerate(names):
                lines.append(
                    f"{county},{total},{name},{party},{sums[k] + draw(st.sampled_from([0, 1]))},{counted},"
                )
    body = draw(st.permutations(lines[1:])) if draw(st.booleans()) else lines[1:]
    return "\n".join([lines[0], *body]) + "\n"


@SETTINGS
@given(apart_files(), BLOCKS)
def test_counts_beside_precincts_that_may_be_totals(text, block):
    _agree(text, block)


NAME_PARTS = [
    ("Ana", "Lee"),
    ("Ana Lee", ""),
    ("ANA", "LEE"),
    (" Ana ", " Lee "),
    ("Ben", "Oduya"),
    ("", "Oduya"),
    ("Informal", "Informal"),
    ("Total", ""),
    ("Cy", '"Ng, Jr."'),
    ("", ""),
]
NAME_HEADERS = [
    "region,precinct,forename,surname,party,votes",
    "region,forename,surname,party,votes",
    "constituency,precinct,candidate first name,candidate surname,party,votes",
    "DivisionNm,PollingPlace,GivenNm,Surname,PartyNm,OrdinaryVotes",
]


@st.composite
def name_files(draw: st.DrawFn) -> tuple[str, bool]:
    header = draw(st.sampled_from(NAME_HEADERS))
    precincts = header.count(",") == 5
    chosen = draw(
        st.lists(
            st.sampled_from(NAME_PARTS[:2] + NAME_PARTS[4:6]), min_size=1, max_size=3, unique=True
        )
    )
    plain = True
    lines = [header]
    for region in range(draw(st.integers(1, 3))):
        for p in range(draw(st.integers(1, 4))):
            for given_name, family in chosen:
                if draw(st.integers(0, 8)) == 0:
                    given_name, family = draw(st.sampled_from(NAME_PARTS))
                    plain = False
                place = f"R{region},P{p}" if precincts else f"R{region}"
                party = ("Blue", "Red", "")[len(family) % 3]  # one party a name
                if draw(st.integers(0, 8)) == 0:
                    party = draw(st.sampled_from(["Blue", "Red", ""]))
                    plain = False
                lines.append(f"{place},{given_name},{family},{party},{draw(st.integers(0, 99))}")
    return "\n".join(lines) + "\n", plain and precincts


@SETTINGS
@given(name_files(), BLOCKS)
def test_a_name_in_two_columns(generated, block):
    text, plain = generated
    elections, problems = _agree(text, block)
    if plain and elections and not [p for p in problems if p.severity == "error"]:
        header = text.split("\n", 1)[0].split(",")
        assert _votes_of(elections) == _pandas_votes(text, (header[2], header[3]))


@st.composite
def parquet_files(draw: st.DrawFn) -> tuple[bytes, int]:
    rows = draw(st.integers(1, 40))
    names = ["Ana Lee", "Ben", 'Cy "C" Ng', "Dee, Jr.", " Eve ", "Total", "", None]
    columns: dict[str, pa.Array] = {
        "county": pa.array(
            [draw(st.sampled_from(["R1", "R2", "Fulton", None])) for _ in range(rows)]
        ),
        "precinct": pa.array(
            [draw(st.sampled_from(["P1", "P2", "P3", "", None, "TOTALS"])) for _ in range(rows)]
        ),
        "candidate": pa.array([draw(st.sampled_from(names)) for _ in range(rows)]),
    }
    if draw(st.booleans()):
        columns["candidate"] = columns["candidate"].dictionary_encode()
    values = [draw(st.integers(0, 300)) for _ in range(rows)]
    kind = draw(
        st.sampled_from(
            ["int64", "int32", "float64", "nan", "null", "string", "dictionary", "bool"]
        )
    )
    if kind == "int64":
        votes = pa.array(values, pa.int64())
    elif kind == "int32":
        votes = pa.array(values, pa.int32())
    elif kind == "float64":
        votes = pa.array([float(v) for v in values])
    elif kind == "nan":
        votes = pa.array([float("nan") if v % 7 == 0 else float(v) for v in values])
    elif kind == "null":
        votes = pa.array([None if v % 7 == 0 else v for v in values], pa.int64())
    elif kind == "string":
        votes = pa.array(
            [draw(st.sampled_from([str(v), f" {v}", f"{v:,}", "", "x"])) for v in values]
        )
    elif kind == "dictionary":
        votes = pa.array([str(v) for v in values]).dictionary_encode()
    else:
        votes = pa.array([v % 2 == 0 for v in values])
    columns["votes"] = votes
    if draw(st.booleans()):
        columns["registered_voters"] = pa.array(
            [None if v % 11 == 0 else 100 + v % 3 for v in values], pa.int64()
        )
    sink = io.BytesIO()
    pq.write_table(pa.table(columns), sink, row_group_size=draw(st.sampled_from([3, 10, 100])))
    return sink.getvalue(), draw(st.sampled_from([2, 7, 50]))


@SETTINGS
@given(parquet_files(), BLOCKS)
def test_parquet_files(generated, block):
    from pollcli.read import columnar

    data, batch = generated
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columnar, "BATCH_ROWS", batch)
        _agree(data, block, name="results.parquet")
