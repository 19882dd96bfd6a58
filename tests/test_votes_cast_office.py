"""A count of votes given as an office (a race cell) counts its precinct's ballots, not a race's votes.

OpenElections' precinct files of several counties list each precinct's counts as offices of their own
with the candidate blank: `Registered Voters` and `Votes Cast` (California's Tulare 2020 primary,
Michigan's Jackson 2022, Pennsylvania's Bedford and Fayette 2020 primaries) or `Total Votes Cast`
(Oregon's Benton 2018). Such a row counts the people who voted in the precinct (Jackson's Ward 1,
Precinct 1: 611, its Governor's race 607 with write-ins; Benton's precinct 1: 3,381, its House race
with over- and undervotes 3,381): no race's total of votes. Read as every race's `total_votes`, each
race was warned "the total given says 911" (the sum over every precinct). It is the ballots cast of
every race of its precinct, as `Ballots Cast` as an office is: one rule (`kinds.office_fact`).
Figures by pandas.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read import ReadOptions

JACKSON = "\n".join(
    [
        "county,precinct,office,district,candidate,party,votes",
        "Ada,P1,Registered Voters,,,,1000",
        "Ada,P1,Votes Cast,,,,611",
        "Ada,P1,Governor,,Ann Ash,DEM,439",
        "Ada,P1,Governor,,Bob Bell,REP,148",
        "Ada,P1,State House,5,Cy Cole,DEM,400",
        "Ada,P1,State House,5,Di Dunn,REP,180",
        "Ada,P2,Registered Voters,,,,500",
        "Ada,P2,Votes Cast,,,,300",
        "Ada,P2,Governor,,Ann Ash,DEM,120",
        "Ada,P2,Governor,,Bob Bell,REP,170",
        "Ada,P2,State House,5,Cy Cole,DEM,110",
        "Ada,P2,State House,5,Di Dunn,REP,175",
        "",
    ]
)
# Pennsylvania's 2020 primaries (Fayette): the counts are of both parties' voters together.
FAYETTE = "\n".join(
    [
        "county,precinct,office,district,party,candidate,votes",
        "Fay,Belle Vernon 01,Registered Voters,,,,539",
        "Fay,Belle Vernon 01,Votes Cast,,,,186",
        "Fay,Belle Vernon 01,President,,DEM,Joseph R. Biden,80",
        "Fay,Belle Vernon 01,President,,DEM,Bernie Sanders,22",
        "Fay,Belle Vernon 01,President,,REP,Donald J. Trump,62",
        "Fay,Belle Vernon 01,President,,REP,Bill Weld,3",
        "Fay,Brownsville 02,Registered Voters,,,,402",
        "Fay,Brownsville 02,Votes Cast,,,,150",
        "Fay,Brownsville 02,President,,DEM,Joseph R. Biden,70",
        "Fay,Brownsville 02,President,,DEM,Bernie Sanders,11",
        "Fay,Brownsville 02,President,,REP,Donald J. Trump,60",
        "Fay,Brownsville 02,President,,REP,Bill Weld,2",
        "",
    ]
)
WORDS = ["Votes Cast", "Total Votes", "Total Votes Cast", "VOTES CAST"]


def _oracle(text: str, word: str) -> tuple[int, int, dict[str, dict[str, int]]]:
    """(registered, the count rows' ballots, each race's votes per candidate), by pandas."""
    table = pd.read_csv(io.StringIO(text), dtype={"district": str})
    registered = int(table.loc[table["office"] == "Registered Voters", "votes"].sum())
    cast = int(table.loc[table["office"] == word, "votes"].sum())
    races = table[table["candidate"].notna() & ~table["office"].isin([word, "Registered Voters"])]
    label = races["office"] + races["district"].map(lambda d: f" · {d}", na_action="ignore").fillna(
        ""
    )
    votes = races.groupby([label, "candidate"])["votes"].sum()
    by_race: dict[str, dict[str, int]] = {}
    for (race, candidate), value in votes.items():
        by_race.setdefault(str(race), {})[str(candidate)] = int(value)
    return registered, cast, by_race


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("candidate", ["", "same"])
def test_a_count_of_votes_as_an_office_is_every_races_ballots(
    tmp_path, monkeypatch, word, candidate
):
    text = JACKSON.replace(",Votes Cast,,,", f",{word},,{word if candidate else ''},")
    registered, cast, by_race = _oracle(text, word)
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text), block_bytes=120)
    assert {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections} == (
        by_race
    )
    assert not [p for p in problems if p.code == "total-mismatch"], problems
    assert not [p for p in problems if p.severity == "error"], problems
    for election in elections:
        assert (election.facts.registered, election.facts.ballots_cast) == (registered, cast)
        assert election.facts.total_votes is None
        assert any(word in n and "ballots cast" in n for n in election.notes), election.notes


def test_it_is_read_as_ballots_cast_as_an_office_is(tmp_path, monkeypatch):
    """One rule: the file with `Votes Cast` gives what the same file with `Ballots Cast` gives (a
    primary's counts of both parties together too: no primary race's), the note aside."""
    for text in (JACKSON, FAYETTE):
        (tmp_path / "votes").mkdir(exist_ok=True)
        (tmp_path / "ballots").mkdir(exist_ok=True)
        got = engines_agree(monkeypatch, write(tmp_path / "votes", text))
        ballots = text.replace(",Votes Cast,", ",Ballots Cast,")
        want = engines_agree(monkeypatch, write(tmp_path / "ballots", ballots))
        for mine, theirs in zip(got[0], want[0], strict=True):
            assert mine.options == theirs.options
            assert mine.facts == theirs.facts
            assert [n for n in mine.notes if "Votes Cast" not in n] == theirs.notes
        assert [(p.code, p.line) for p in got[1]] == [(p.code, p.line) for p in want[1]]


def test_told_otherwise_it_is_every_races_total(tmp_path, monkeypatch):
    """`--kind "Votes Cast=total_votes"` says the row is every race's total: so read (and checked)."""
    options = ReadOptions(kinds={"Votes Cast": "total_votes"})
    elections, problems = engines_agree(monkeypatch, write(tmp_path, JACKSON), read_options=options)
    assert {e.facts.total_votes for e in elections} == {911}
    assert len([p for p in problems if p.code == "total-mismatch"]) == 2
