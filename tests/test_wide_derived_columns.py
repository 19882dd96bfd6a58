"""A wide table with columns derived from its options after them (tonmcg's county presidential
results of 2020: `state_name,county_fips,county_name,votes_gop,votes_dem,total_votes,diff,per_gop,
per_dem,per_point_diff`): the errors on the derived columns (fractions, negative differences) say
how to leave each out, and leaving them out reads the table (trial 13). On main the errors gave no
such advice, and with the four columns left out (--ignore-column) the table was no longer read as
wide: "no candidate column … check the header row and the delimiter" — the derived columns, though
unused, still made `total_votes` a protocol line between the options and more counts, so that the
options before it were read as the rows' names.

The files are written here in that layout with invented figures; the expected figures are pandas'.
"""

from __future__ import annotations

import pandas as pd

from conftest import engines_agree, write
from pollcli.read import ReadOptions

HEADER = "state_name,county_fips,county_name,votes_gop,votes_dem,total_votes,diff,per_gop,per_dem,per_point_diff"
COUNTIES = [
    ("Alabama", "01001", "Autauga County", 19838, 7503, 27770),
    ("Alabama", "01003", "Baldwin County", 83544, 24578, 109679),
    ("Alabama", "01005", "Barbour County", 5622, 4816, 10518),
    ("Alaska", "02013", "Aleutians East Borough", 1100, 1200, 2400),
]
DERIVED = ("diff", "per_gop", "per_dem", "per_point_diff")


def county_text() -> str:
    lines = [HEADER]
    for state, fips, county, gop, dem, total in COUNTIES:
        shares = [gop / total, dem / total, (gop - dem) / total]
        cells = [state, fips, county, str(gop), str(dem), str(total), str(gop - dem)]
        lines.append(",".join(cells + [repr(s) for s in shares]))
    return "\n".join(lines) + "\n"


def test_each_derived_column_is_named_in_its_first_error(tmp_path, monkeypatch):
    path = write(tmp_path, county_text())
    _, problems = engines_agree(monkeypatch, path)
    errors = [p.message for p in problems if p.severity == "error"]
    for column in DERIVED:
        advised = [m for m in errors if f"--ignore-column {column}" in m]
        assert len(advised) == 1, column


def test_leaving_out_the_derived_columns_reads_the_table(tmp_path, monkeypatch):
    path = write(tmp_path, county_text())
    elections, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(ignore_columns=DERIVED)
    )
    assert not [p.message for p in problems if p.severity == "error"]
    frame = pd.read_csv(path, dtype={"county_fips": str})
    votes = {c: int(frame[f"votes_{c}"].sum()) for c in ("gop", "dem")}  # (`votes_gop` → `gop`)
    assert {o.candidate: o.votes for o in elections[0].options} == votes
    assert elections[0].facts.total_votes == int(frame["total_votes"].sum())


def test_a_word_in_a_vote_cell_names_no_column_to_leave_out(tmp_path, monkeypatch):
    """A word where a count should be (`(D)`, a party row under North Carolina's header; `N/C`) is
    no share or ratio: its error names no column to leave out."""
    path = write(tmp_path, "precinct,Ann Lee,Bob Ray,Cy Do\nP1,10,20,5\nP2,(D),3,9\nP3,4,N/C,1\n")
    _, problems = engines_agree(monkeypatch, path)
    errors = [p.message for p in problems if p.severity == "error"]
    assert errors
    assert not [m for m in errors if "--ignore-column" in m]
