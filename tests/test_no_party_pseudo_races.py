"""Rows of no party that are no candidate, beside their office's party primaries, are no race.

Iowa's 2018 primary in Benton County (OpenElections) lists a `Write-in` row of no party after the
Republican candidates of each office, none after the Democrats'; read apart by the party, each
office's write-ins made a race of their own ("U.S. House · 1": `Write-in` 0 votes, "No candidate
is on the ballot list"), 13 such races beside the primaries. Which primary's write-ins they are
the file does not say (Treasurer of State has a Republican write-in and Democratic candidates
only): they are left out with a warning naming them. Invented rows in the file's layout."""

from __future__ import annotations

import pytest

from conftest import engines_agree, write

TEXT = (
    "county,precinct,office,district,party,candidate,votes\n"
    "Lake,P1,U.S. House,1,REP,Ann Ash,20\n"
    "Lake,P2,U.S. House,1,REP,Ann Ash,13\n"
    "Lake,P1,U.S. House,1,,Write-in,0\n"
    "Lake,P2,U.S. House,1,,Write-in,2\n"
    "Lake,P1,Treasurer,,,Write-in,1\n"
    "Lake,P2,Treasurer,,,Write-in,0\n"
    "Lake,P1,U.S. House,1,DEM,Bo Bell,24\n"
    "Lake,P2,U.S. House,1,DEM,Cy Cole,6\n"
    "Lake,P1,Treasurer,,DEM,Di Dunn,30\n"
    "Lake,P2,Treasurer,,DEM,Di Dunn,25\n"
    "Lake,P1,County Judge,,,Ed Eck,40\n"  # a race of no party with a candidate: a race
    "Lake,P2,County Judge,,,Write-in,3\n"
)


@pytest.mark.parametrize("block_bytes", [None, 128])
def test_write_ins_of_no_party_beside_primaries_make_no_race(tmp_path, monkeypatch, block_bytes):
    path = write(tmp_path, TEXT, name="20180605__ia__primary__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    # By hand, from the rows above.
    assert got == {
        "U.S. House · 1 · Republican primary": {"Ann Ash": 33},
        "U.S. House · 1 · Democratic primary": {"Bo Bell": 24, "Cy Cole": 6},
        "Treasurer · Democratic primary": {"Di Dunn": 55},
        "County Judge": {"Ed Eck": 40, "Write-in": 3},
    }
    (said,) = [p for p in problems if "no party" in p.message]
    assert said.severity == "warning" and said.line == 4
    assert "'U.S. House · 1'" in said.message and "'Treasurer'" in said.message
