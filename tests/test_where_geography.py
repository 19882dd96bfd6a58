"""`--where` on a district column that pollcli reads as geography (every district has the same
candidates: one race reported by district): its cells moved to the rows' unit, and --where read
them from where they had been, so "--where district=D1" kept no row (review)."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, invoke, write

ROWS = "district,precinct,candidate,votes\n" + "".join(
    f"D{d},D{d}-P{p},{name},{(d * 7 + p * 3 + len(name)) % 50 + 1}\n"
    for d in (1, 2, 3)
    for p in range(4)
    for name in ("Alice", "Bob")
)


def test_where_on_a_district_read_as_geography(tmp_path, monkeypatch):
    path = write(tmp_path, ROWS)
    frame = pd.read_csv(io.StringIO(ROWS))
    for district in ("D1", "D3"):
        elections, _ = engines_agree(monkeypatch, path, where=(("district", district),))
        (election,) = elections
        oracle = frame[frame["district"] == district].groupby("candidate")["votes"].sum()
        assert {o.candidate: o.votes for o in election.options} == oracle.to_dict()
        assert election.partial is not None
    result = invoke("summary", str(path), "--where", "district=D2")
    assert result.code == 0, result.stderr
    assert "district = D2" in result.stdout


# Invented: a governor on every district's ballot (the district is geography for it) and a House
# race per district (the district is its race key), beside a county and a precinct column.
BOTH = "county,district,precinct,office,candidate,votes\n" + "".join(
    f"{c},{d},{c[0]}{d}{p},{office},{name},{base + d * 7 + p * 3 + len(c)}\n"
    for c in ("Ash", "Birch")
    for d in (1, 2, 3)
    for p in (1, 2)
    for office, name, base in (
        ("Governor", "Gail Grant", 300),
        ("Governor", "Hal Hope", 200),
        ("House", f"Ida Irwin {d}", 150),
        ("House", f"Jo Judd {d}", 120),
    )
)


def test_where_on_a_district_folded_into_the_unit(tmp_path, monkeypatch):
    """`--where district=1` kept House 1 only where a county and a precinct column are given: the
    governor's district was read as geography and its cell added to the unit's name ('A11 · 1'),
    where --where did not look, so the governor's rows were left out without a word."""
    path = write(tmp_path, BOTH)
    frame = pd.read_csv(io.StringIO(BOTH))
    first = frame[frame["district"] == 1]
    oracle = sorted(
        sorted(g.groupby("candidate")["votes"].sum().items()) for _, g in first.groupby("office")
    )
    elections, _ = engines_agree(monkeypatch, path, where=(("district", "1"),))
    got = sorted(sorted((o.candidate, o.votes) for o in e.options) for e in elections)
    assert got == oracle
    (governor,) = [e for e in elections if e.facts.office == "Governor"]
    assert governor.partial is not None


def test_where_on_a_unit_a_district_was_added_to(tmp_path, monkeypatch):
    """`--where precinct=A11` kept House 1's rows of A11 only: the governor's units had become
    'A11 · 1' (their district added to the name), which is not 'A11'."""
    path = write(tmp_path, BOTH)
    frame = pd.read_csv(io.StringIO(BOTH))
    kept = frame[frame["precinct"] == "A11"]
    oracle = sorted(
        sorted(g.groupby("candidate")["votes"].sum().items()) for _, g in kept.groupby("office")
    )
    elections, _ = engines_agree(monkeypatch, path, where=(("precinct", "A11"),))
    got = sorted(sorted((o.candidate, o.votes) for o in e.options) for e in elections)
    assert got == oracle


# Rows of a district that name no precinct (a county's absentee or provisional votes of a district,
# listed apart): the governor's rows of district 1 among them. Invented figures.
BLANK = BOTH + "".join(
    f"{c},{d},,{office},{name},{votes + d}\n"
    for c, d in (("Ash", 1), ("Birch", 2))
    for office, name, votes in (
        ("Governor", "Gail Grant", 40),
        ("Governor", "Hal Hope", 30),
        ("House", f"Ida Irwin {d}", 20),
        ("House", f"Jo Judd {d}", 10),
    )
)


def test_where_on_a_district_keeps_its_rows_of_no_precinct(tmp_path, monkeypatch):
    """`--where district=1` kept the governor's district-1 rows that name a precinct and left
    out those of a blank precinct without a word: their district, added to the end of the unit's
    name where --where reads it, had nowhere to go (no unit's name to end)."""
    path = write(tmp_path, BLANK)
    frame = pd.read_csv(io.StringIO(BLANK), dtype={"precinct": str})
    first = frame[frame["district"] == 1]
    oracle = sorted(
        sorted(g.groupby("candidate")["votes"].sum().items()) for _, g in first.groupby("office")
    )
    elections, _ = engines_agree(monkeypatch, path, where=(("district", "1"),))
    got = sorted(sorted((o.candidate, o.votes) for o in e.options) for e in elections)
    assert got == oracle
    # The whole file's races are unchanged by it: the governor's votes are every row's.
    whole, _ = engines_agree(monkeypatch, path)
    (governor,) = [e for e in whole if e.facts.office == "Governor"]
    everyone = frame[frame["office"] == "Governor"].groupby("candidate")["votes"].sum()
    assert {o.candidate: o.votes for o in governor.options} == everyone.to_dict()


def test_where_on_a_district_sets_its_totals_of_no_precinct_aside(tmp_path, monkeypatch):
    """Rows of no precinct that are the district's total in their county are kept by --where and
    set aside as totals (each equals the sum of its parts), never added to them."""
    frame = pd.read_csv(io.StringIO(BOTH), dtype={"precinct": str})
    totals = (
        frame[frame["district"].isin([1, 2])]
        .groupby(["county", "district", "office", "candidate"], sort=False)["votes"]
        .sum()
    )
    text = BOTH + "".join(f"{c},{d},,{o},{n},{v}\n" for (c, d, o, n), v in totals.items())
    path = write(tmp_path, text)
    first = frame[frame["district"] == 1]
    oracle = sorted(
        sorted(g.groupby("candidate")["votes"].sum().items()) for _, g in first.groupby("office")
    )
    elections, problems = engines_agree(monkeypatch, path, where=(("district", "1"),))
    got = sorted(sorted((o.candidate, o.votes) for o in e.options) for e in elections)
    assert got == oracle
    assert any(p.code == "total-row" for p in problems)


# A publisher's precinct names that hold " · ", pollcli's own join of a unit and its district
# ('North · 1' of district 1 reads as precinct 'North' of district 1 under the unit-suffix rule).
DOTTED = (
    BOTH.replace(",A1", ",Ash · 1")
    .replace(",B1", ",Birch · 1")
    .replace(",A2", ",Ash · 2")
    .replace(",A3", ",Ash · 3")
    .replace(",B2", ",Birch · 2")
    .replace(",B3", ",Birch · 3")
)


def test_where_on_a_unit_whose_name_holds_the_join(tmp_path, monkeypatch):
    """`--where precinct='Ash · 21'` keeps every race's rows of that precinct: a House race's unit
    (whose district is its race key, nothing added to the name) was read without its ' · 21' as
    if that were a district pollcli had added."""
    path = write(tmp_path, DOTTED)
    frame = pd.read_csv(io.StringIO(DOTTED), dtype={"precinct": str})
    assert "Ash · 21" in set(frame["precinct"])
    for column, value in (("precinct", "Ash · 21"), ("district", "2")):
        kept = frame[frame[column].astype(str) == value]
        oracle = sorted(
            sorted(g.groupby("candidate")["votes"].sum().items()) for _, g in kept.groupby("office")
        )
        elections, _ = engines_agree(monkeypatch, path, where=((column, value),))
        got = sorted(sorted((o.candidate, o.votes) for o in e.options) for e in elections)
        assert got == oracle, column
