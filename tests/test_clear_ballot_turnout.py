"""Clear Ballot's statement of votes (Boulder County, Colorado: `Precinct Code,Precinct Number,
Active Voters,Contest Title,Choice Name,Total Ballots,Total Votes,Total Undervotes,Total
Overvotes`). `Total Ballots` (each precinct's in the race) was left unused; it is the race's
ballots cast now, summed over its precincts. `Active Voters` stays unused: they are the
precinct's, not the race's ("not all voters may have been eligible to vote on each contest", the
export's footnote says), and a race of part of some precincts (a fire district) would count them
all: Boulder 2023's North Metro Fire district would have had a turnout of 4.23 %. A dash or `NA`
in a count column is blank, as in a vote cell (a property owners' row of `N/A` was an error; an
`x` among counts stays one).
With the race's ballots known, Boulder's 2023 council of four (two slates) no longer looks like
two contests of one ballot (`read.contests`: k contests of one vote each hold at most k votes a
ballot). Figures invented, the layouts are the publishers'; oracle: pandas."""

from __future__ import annotations

import io
import math

import pandas as pd

from conftest import engines_agree, write
from pollcli.read import ReadOptions
from pollcli.read.contests import contests

HEAD = (
    '"Precinct Code","Precinct Number","Active Voters","Contest Title","Choice Name",'
    '"Total Ballots","Total Votes","Total Undervotes","Total Overvotes"\n'
)
SOV = HEAD + (
    '"101",2181207101,"1,200","Mayor","Ann Ash",700,400,20,0\n'
    '"101",2181207101,"1,200","Mayor","Bo Brand",700,280,20,0\n'
    '"101",2181207101,"1,200","Ballot Issue 6A","Yes/For",710,500,10,0\n'
    '"101",2181207101,"1,200","Ballot Issue 6A","No/Against",710,200,10,0\n'
    '"102",2181207102,900,"Mayor","Ann Ash",500,200,10,0\n'
    '"102",2181207102,900,"Mayor","Bo Brand",500,290,10,0\n'
    '"102",2181207102,900,"Ballot Issue 6A","Yes/For",505,300,5,0\n'
    '"102",2181207102,900,"Ballot Issue 6A","No/Against",505,200,5,0\n'
    '"Property Owner","N/A","N/A","Ballot Issue 6A","Yes/For",40,25,1,0\n'
    '"Property Owner","N/A","N/A","Ballot Issue 6A","No/Against",40,14,1,0\n'
)


def test_total_ballots_are_each_races_ballots_cast(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, SOV, "sov.csv"))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(SOV), thousands=",", na_values=["N/A"])
    for election in elections:
        rows = frame[frame["Contest Title"] == election.facts.election]
        by_precinct = rows.groupby("Precinct Code").first()
        assert election.facts.ballots_cast == int(by_precinct["Total Ballots"].sum())
        assert election.facts.registered is None  # (the precincts' active voters: unused)
    assert {e.facts.election for e in elections} == {"Mayor", "Ballot Issue 6A"}


# A precinct file with its registered voters, one precinct's written `N/A` (and one `-`).
COUNTS = (
    "county,precinct,office,candidate,votes,registered_voters\n"
    "Boulder,101,Mayor,Ann Ash,400,1200\nBoulder,101,Mayor,Bo Brand,280,1200\n"
    "Boulder,102,Mayor,Ann Ash,200,N/A\nBoulder,102,Mayor,Bo Brand,290,N/A\n"
    "Boulder,103,Mayor,Ann Ash,100,-\nBoulder,103,Mayor,Bo Brand,90,-\n"
    "Weld,201,Mayor,Ann Ash,50,300\nWeld,201,Mayor,Bo Brand,70,300\n"
)


def test_na_in_a_count_column_is_a_count_not_given(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, COUNTS, "p.csv"))
    assert not [p for p in problems if p.severity == "error"]
    (mayor,) = elections
    frame = pd.read_csv(io.StringIO(COUNTS), na_values=["N/A", "-"])
    assert {o.candidate: o.votes for o in mayor.options} == {
        k: int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()
    }
    # Boulder's count is some precincts' only: no race's registered; Weld's is its one precinct's.
    counted = frame.groupby("county")["registered_voters"].apply(lambda s: s.notna().all())
    assert list(counted.items()) == [("Boulder", False), ("Weld", True)]
    assert mayor.facts.registered is None


# A council of four: slate A's voters vote its four, slate B's theirs, and an independent polls
# a little everywhere; each precinct's ballots cast beside (3.3 votes a ballot with under votes).
def _council(regions: int = 14) -> str:
    slates = (["Ann Ash", "Al Avery", "Amy Abel", "Art Aiken"],
              ["Bea Bell", "Bo Brand", "Bill Bond", "Beth Burr"])  # fmt: skip
    rows = []
    for r in range(regions):
        ballots, share = 800 + 97 * r, 0.5 + 0.3 * math.sin(r * 1.7)
        votes = {a: round(ballots * 0.8 * share * (1 + 0.05 * math.sin(r + j)))
                 for j, a in enumerate(slates[0])}  # fmt: skip
        votes |= {b: round(ballots * 0.8 * (1 - share) * (1 + 0.05 * math.cos(r + j)))
                  for j, b in enumerate(slates[1])}  # fmt: skip
        votes["Ike Irons"] = round(ballots * 0.12 * (1 + 0.3 * math.sin(r * 0.9)))
        under, code = 4 * ballots - sum(votes.values()), f"{100 + r:03d}"
        rows += [
            f'"{code}",2181207{code},{2 * ballots},"City Council","{name}",{ballots},{v},{under},0\n'
            for name, v in votes.items()
        ]
    return HEAD + "".join(rows)


def test_a_council_of_four_is_no_two_contests_when_its_ballots_are_known(tmp_path, monkeypatch):
    path = write(tmp_path, _council(), "sov.csv")
    (council,), _ = engines_agree(monkeypatch, path)
    assert council.facts.ballots_cast and contests(council) is None
    assert council.seats is None  # (many candidates sharing the votes: several seats, unknown)
    # The same rows without their ballots: two groups, each half of every precinct's votes.
    options = ReadOptions(ignore_columns=("Total Ballots",))
    (blind,), _ = engines_agree(monkeypatch, path, read_options=options)
    found = contests(blind)
    assert found is not None and len(found.groups) == 2
