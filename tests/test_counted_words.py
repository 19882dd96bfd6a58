"""Counts of a race's blank, invalid and write-in votes written with the words that say they are
counted, or with a note in brackets, are no candidates.

Michigan's 2024 county files (OpenElections) give `Under Vote Count` and `Over Vote Count` rows in
every race: read as candidates, `Under Vote Count` led 39 of Gratiot's and Osceola's races (a
school board's undervotes outnumber its candidates' votes). Cass County's `Total Unresolved
Write-In` led three; Pinal County's `Overvotes (CRUZ/VASQUEZ)` and `Total Votes Cast
(CRUZ/VASQUEZ)` (two contests under one office) and Livingston's `Cast Votes` were candidates."""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.kinds import fact_from_name, implied_by_name, kind_from_name


@pytest.mark.parametrize(
    "name,kind",
    [
        ("Under Vote Count", "blank"),
        ("Over Vote Count", "invalid"),
        ("Number of Under Votes", "blank"),
        ("Undervotes Total", "blank"),
        ("Total Unresolved Write-In", "other"),
        ("Overvotes (CRUZ/VASQUEZ)", "invalid"),
        ("Undervotes (CRUZ/VASQUEZ)", "blank"),
        ("Write-In Totals (CRUZ/VASQUEZ)", "other"),
        ("Against all (Против всех)", "against_all"),
        ("Write-In Total", "other"),
        ("Number of Write-Ins", "other"),
        # Candidates stay candidates, notes and all; a note after the write-in word names one.
        ("John Smith (Write-In)", "candidate"),
        ("Write-In (Ann Smith)", "candidate"),
        ("WRITE-IN (JOHN DOE)", "candidate"),
        ("Other (Ann Lee)", "candidate"),
        ("Write-In (Scattered)", "other"),
        ("Bob Count", "candidate"),
        ("Ann Total", "candidate"),
        ("Eve Orr (DEM)", "candidate"),
    ],
)
def test_the_kind_of_a_counted_name(name, kind):
    assert kind_from_name(name) == kind
    assert implied_by_name(name)[0] == kind


@pytest.mark.parametrize(
    "name",
    [
        "Cast Votes",
        "Total Votes Cast (CRUZ/VASQUEZ)",
        "Ballots Cast (Precinct 1)",
        # Words run together, as their spaced names (review: `ValidVotes leads with 50.00 %`).
        "ValidVotes",
        "VotesCast",
        "TotalValidVotes",
    ],
)
def test_counts_of_the_unit_with_a_note_are_facts(name):
    assert fact_from_name(name) is not None
    assert implied_by_name(name)[1] == fact_from_name(name)


_PLAIN = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=3, max_size=8)


@given(_PLAIN, _PLAIN, st.text(alphabet="ABCXYZ/ -", max_size=12))
def test_a_note_never_makes_a_name_no_candidate(first, last, note):
    """A candidate's name (of letters, no vowels: no count word) stays one with any note."""
    plain = f"{first.title()} {last.title()}"
    assume(kind_from_name(plain) == "candidate")  # (`CNR`: an abbreviation of the tables)
    assert kind_from_name(f"{plain} ({note})") == "candidate"
    assert fact_from_name(f"{plain} ({note})") is None


MICHIGAN = (
    "county,precinct,office,candidate,party,votes\n"
    "Gratiot,Alma 1,School Board,Ann Lee,,120\nGratiot,Alma 1,School Board,Bob Ray,,90\n"
    "Gratiot,Alma 1,School Board,Under Vote Count,,400\n"
    "Gratiot,Alma 1,School Board,Over Vote Count,,2\n"
    "Gratiot,Alma 2,School Board,Ann Lee,,80\nGratiot,Alma 2,School Board,Bob Ray,,130\n"
    "Gratiot,Alma 2,School Board,Under Vote Count,,380\n"
    "Gratiot,Alma 2,School Board,Over Vote Count,,1\n"
)


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_under_vote_counts_lead_no_race(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    out = invoke("summary", str(write(tmp_path, MICHIGAN)), "--format", "json")
    (election,) = json.loads(out.stdout)["elections"]
    # Hand-checked sums of the two precincts: Bob Ray leads, 220 to 200.
    assert election["leader"]["candidate"] == "Bob Ray"
    kinds = {r["candidate"]: (r["kind"], r["votes"]) for r in election["results"]}
    assert kinds["Ann Lee"] == ("candidate", 200)
    assert kinds["Bob Ray"] == ("candidate", 220)
    assert all(kind != "candidate" for name, (kind, _) in kinds.items() if "Vote" in name)
