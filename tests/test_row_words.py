"""Rows that are no candidate, by words the trial files use: Arizona's precinct counts ("Times Blank
Voted", "Number of Under Votes", "TotalVotes", "WRITE-IN 133") and New York's plural "Voids".

Each file below is small and invented, in the layout of the real one; the oracle is pandas' sums
of the candidates' rows, picked by hand (the names listed in each test).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.kinds import fact_from_name, implied_by_name, kind_from_name

# Arizona 2016's precinct file: two counties' layouts of one race (Coconino lists its counts by
# words, Yavapai a one-word total and numbered write-ins).
ARIZONA = """county,precinct,office,district,candidate,party,votes
Coconino,Flagstaff 1,U.S. Senate,,Registered Voters,NP,1561
Coconino,Flagstaff 1,U.S. Senate,,Times Counted,NP,1261
Coconino,Flagstaff 1,U.S. Senate,,Times Blank Voted,NP,26
Coconino,Flagstaff 1,U.S. Senate,,Times Over Voted,NP,3
Coconino,Flagstaff 1,U.S. Senate,,Number of Under Votes,NP,7
Coconino,Flagstaff 1,U.S. Senate,,"KIRKPATRICK, ANN",DEM,880
Coconino,Flagstaff 1,U.S. Senate,,"MCCAIN, JOHN",REP,299
Coconino,Flagstaff 1,U.S. Senate,,"SWING, GARY",GRN,44
Coconino,Flagstaff 1,U.S. Senate,,Write-in,NP,2
Yavapai,201 - EAGLE,U.S. Senate,,"MCCAIN, JOHN",REP,4159
Yavapai,201 - EAGLE,U.S. Senate,,"KIRKPATRICK, ANN",DEM,2131
Yavapai,201 - EAGLE,U.S. Senate,,"SWING, GARY",GRN,347
Yavapai,201 - EAGLE,U.S. Senate,,WRITE-IN 133,,52
Yavapai,201 - EAGLE,U.S. Senate,,TotalVotes,,6689
"""
ARIZONA_CANDIDATES = ("KIRKPATRICK, ANN", "MCCAIN, JOHN", "SWING, GARY")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Times Blank Voted", "blank"),
        ("Number of Under Votes", "blank"),
        ("Times Under Voted", "blank"),
        ("Times Over Voted", "invalid"),
        ("Number of Over Votes", "invalid"),
        ("WRITE-IN 133", "other"),
        ("Write-in 20", "other"),
        ("Write-ins 7", "other"),
        ("Voids", "invalid"),
        ("VOIDS", "invalid"),
        ("Nulls", "invalid"),
        ("Void vote", "invalid"),
        ("Invalid ballot", "invalid"),
        ("Spoilt ballot", "invalid"),
        ("Rejected ballot", "invalid"),
        ("Blank ballot", "blank"),
        ("Others", "other"),
        # A unit's total of blank or invalid votes (review: "Total Under Votes" was a candidate
        # counted in the valid vote, and Smith's 51.72 % became 50.00 %).
        ("Total Under Votes", "blank"),
        ("TOTAL OVER VOTES", "invalid"),
        ("Total Blank Votes", "blank"),
        ("Total Smith", "candidate"),
        # Never a part of a name: a candidate with a number is a candidate.
        ("Writein Smith", "candidate"),
        ("Agent 007", "candidate"),
    ],
)
def test_words_of_rows_that_are_no_candidate(name, kind):
    assert kind_from_name(name) == kind
    assert implied_by_name(name) == (kind, None)  # as the row contract reads the name


def test_one_word_totals_are_totals():
    from pollcli.read.total_words import is_total_name

    assert is_total_name("TotalVotes") and is_total_name("TOTALBALLOTS")
    assert kind_from_name("TotalVotes") == "candidate" and fact_from_name("TotalVotes") is None


def test_every_english_word_of_a_kind_has_its_plural_and_singular():
    """Where a singular is known, so is its plural (and the other way round)."""
    from pollcli.kinds import kind_words

    words = {w for kind in ("other", "blank", "invalid") for w in kind_words()[kind]}
    for singular, plural in [
        ("blank", "blanks"),
        ("void", "voids"),
        ("null", "nulls"),
        ("invalid", "invalids"),
        ("undervote", "undervotes"),
        ("overvote", "overvotes"),
        ("under vote", "under votes"),
        ("over vote", "over votes"),
        ("blank vote", "blank votes"),
        ("blank ballot", "blank ballots"),
        ("void vote", "void votes"),
        ("void ballot", "void ballots"),
        ("invalid vote", "invalid votes"),
        ("invalid ballot", "invalid ballots"),
        ("spoiled ballot", "spoiled ballots"),
        ("spoilt ballot", "spoilt ballots"),
        ("rejected ballot", "rejected ballots"),
        ("exhausted ballot", "exhausted ballots"),
        ("write-in", "write-ins"),
        ("other", "others"),
    ]:
        assert singular in words and plural in words, (singular, plural)


def test_arizona_counts_are_no_candidates(monkeypatch, tmp_path):
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, ARIZONA))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(ARIZONA))
    votes = frame[frame.candidate.isin(ARIZONA_CANDIDATES)].groupby("candidate")["votes"].sum()
    kinds = {o.candidate: o.kind for o in election.options}
    assert {o.candidate: o.votes for o in election.options if o.kind == "candidate"} == {
        name: int(v) for name, v in votes.items()
    }
    assert kinds["Times Blank Voted"] == kinds["Number of Under Votes"] == "blank"
    assert kinds["Times Over Voted"] == "invalid"
    assert kinds["WRITE-IN 133"] == kinds["Write-in"] == "other"
    assert "TotalVotes" not in kinds
    # The leader's share of the valid vote (the candidates and the write-ins).
    valid = int(votes.sum()) + 52 + 2
    text = " ".join(invoke("summary", str(write(tmp_path, ARIZONA, "az.csv"))).stdout.split())
    assert f"MCCAIN, JOHN (REP) leads with {100 * int(votes['MCCAIN, JOHN']) / valid:.2f} %" in text


def test_a_one_word_total_is_checked_against_its_parts(monkeypatch, tmp_path):
    """As a `Total` row is: set aside, and a warning where it is not the sum of its unit's rows."""
    frame = pd.read_csv(io.StringIO(ARIZONA))
    parts = int(frame[(frame.county == "Yavapai") & (frame.candidate != "TotalVotes")].votes.sum())
    assert parts == 6689  # the file's own total: no warning of a mismatch
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, ARIZONA))
    assert "total-mismatch" not in {p.code for p in problems}
    text = ARIZONA.replace("TotalVotes,,6689", "TotalVotes,,7000")
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, text, "off.csv"))
    [mismatch] = [p for p in problems if p.code == "total-mismatch"]
    assert "7,000" in mismatch.message and f"{parts:,}" in mismatch.message
    assert "TotalVotes" not in {o.candidate for o in election.options}


NEW_YORK = """county,office,district,party,candidate,votes
Albany,President,,DEM,Joseph R. Biden,24158
Broome,President,,DEM,Joseph R. Biden,9497
Albany,President,,DEM,Bernie Sanders,5582
Broome,President,,DEM,Bernie Sanders,2351
Albany,President,,DEM,Blanks,825
Broome,President,,DEM,Blanks,134
Albany,President,,DEM,Voids,339
Broome,President,,DEM,Voids,62
"""


def test_voids_are_invalid(monkeypatch, tmp_path):
    (election,), _ = engines_agree(monkeypatch, write(tmp_path, NEW_YORK))
    frame = pd.read_csv(io.StringIO(NEW_YORK))
    sums = frame.groupby("candidate")["votes"].sum()
    assert {o.candidate: (o.kind, o.votes) for o in election.options} == {
        "Joseph R. Biden": ("candidate", sums["Joseph R. Biden"]),
        "Bernie Sanders": ("candidate", sums["Bernie Sanders"]),
        "Blanks": ("blank", sums["Blanks"]),
        "Voids": ("invalid", sums["Voids"]),
    }
    share = 100 * sums["Joseph R. Biden"] / (sums["Joseph R. Biden"] + sums["Bernie Sanders"])
    text = " ".join(invoke("summary", str(write(tmp_path, NEW_YORK, "ny.csv"))).stdout.split())
    assert f"leads with {share:.2f} %" in text
