"""New Zealand's results by electorate (Electoral Commission, as compiled by electorate and year):
`year,electorate,party,candidate,all,ordinary,special`, where `ordinary` and `special` are the ways
of voting (votes cast in the voter's own electorate, and the special votes) and `all` their sum.
A `special` column was read as MEDSL's TRUE/FALSE race key, a count of 1 as "yes": each such row
made a race of its own ("2008 · special: VERMUNT (Communist League) 100 %, unopposed"), and seats
were counted for them. Now `special` beside `ordinary` is a way of voting, `all` their total (checked
against them), and `--region electorate` (a constituency's name under a word for the voters on its
roll) is allowed, as the note on that column advises.

Oracle: pandas, `all` summed by race and option."""

import io

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

CANDIDATES = """year,electorate,party,candidate,all,ordinary,special
2008,Aoraki,National Party,"GOODHEW, Jo",18000,17000,1000
2008,Aoraki,Labour Party,"SULLIVAN, Ann",12000,11200,800
2008,Aoraki,Communist League,"VERMUNT, Anna",2,1,1
2008,Wigram,Progressive,"ANDERTON, Jim",16000,15100,900
2008,Wigram,National Party,"COLLINS, Ann",7000,6700,300
2008,Wigram,Communist League,"BROWN, Pat",1,0,1
2008,Ilam,National Party,"BROWNLEE, Gerry",21000,20100,900
2008,Ilam,Labour Party,"DAVIES, Kay",9000,8600,400
2011,Aoraki,National Party,"GOODHEW, Jo",19000,18000,1000
2011,Aoraki,Labour Party,"SULLIVAN, Ann",11000,10400,600
2011,Aoraki,Communist League,"VERMUNT, Anna",3,2,1
"""
PARTIES = """year,electorate,party,all,ordinary,special
2014,Aoraki,National Party,20000,18800,1200
2014,Aoraki,Labour Party,9000,8500,500
2014,Wigram,National Party,12000,11300,700
2014,Wigram,Labour Party,14000,13200,800
2014,Ilam,National Party,19000,18100,900
2014,Ilam,Labour Party,8000,7600,400
"""


def oracle(text: str, keys: list[str]) -> dict[str, dict[str, int]]:
    frame = pd.read_csv(io.StringIO(text))
    name = frame[keys].astype(str).agg(" · ".join, axis=1)
    option = frame["candidate"] if "candidate" in frame else frame["party"]
    sums = frame["all"].groupby([name, option]).sum()
    races: dict[str, dict[str, int]] = {}
    for (race, who), votes in sums.items():
        races.setdefault(race, {})[who] = int(votes)
    return races


def test_special_votes_beside_ordinary_make_no_race(tmp_path, monkeypatch):
    path = write(tmp_path, CANDIDATES, "nz_electorates.csv")
    elections, problems = engines_agree(monkeypatch, path, race_by=("year", "electorate"))
    assert not [p for p in problems if p.severity == "error"]
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == oracle(CANDIDATES, ["year", "electorate"])
    assert not any("special" in name for name in got)
    assert not [p for p in problems if "do not add up" in p.message]


def test_without_race_by_the_years_are_the_races(tmp_path, monkeypatch):
    path = write(tmp_path, CANDIDATES, "nz_electorates.csv")
    elections, _ = engines_agree(monkeypatch, path)
    assert sorted(e.facts.election for e in elections) == ["2008", "2011"]
    result = invoke("summary", str(path))
    assert "Communist League" not in result.stdout.split("Seats won by party")[-1]


def test_the_party_vote_by_electorate_with_region(tmp_path, monkeypatch):
    path = write(tmp_path, PARTIES, "nz_party_votes.csv")
    options = ReadOptions(region="electorate")
    (election,), problems = engines_agree(monkeypatch, path, read_options=options)
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in election.options} == oracle(PARTIES, ["year"])["2014"]
    assert {r.name for r in election.regions} == {"Aoraki", "Wigram", "Ilam"}


def test_one_or_two_electorates_are_no_count_of_voters(tmp_path, monkeypatch):
    """A file of one electorate (or two) read its `electorate` column as the voters on the roll:
    "registered 'Aoraki': not a number; write digits only" (s15-real), as a file of three or more
    electorates did not. A count column whose every cell is a name (letters, no digit) is no
    count, however few its names: left unused with the note that says so. A count mistyped among
    counts (`x` beside numbers) stays an error at its line."""
    for count in (1, 2):
        text = "".join(CANDIDATES.splitlines(keepends=True)[: 1 + 3 * count])
        path = write(tmp_path, text, f"nz_{count}.csv")
        elections, problems = engines_agree(monkeypatch, path)
        assert not [p for p in problems if p.severity == "error"]
        (election,) = elections  # (2008's, named after the file: its one year)
        assert election.facts.registered is None
        frame = pd.read_csv(io.StringIO(text))
        assert {o.candidate: o.votes for o in election.options} == {
            str(k): int(v) for k, v in frame.groupby("candidate")["all"].sum().items()
        }
        result = invoke("summary", str(path))
        assert result.code == 0, result.stderr
        assert "'electorate' column is left unused" in result.stdout + result.stderr
    typo = "region,candidate,votes,registered\nA,Ann,10,100\nB,Ann,20,x\nC,Ann,5,50\n"
    result = invoke("summary", str(write(tmp_path, typo, "typo.csv")))
    assert result.code == 1 and ":3:" in result.stderr and "write digits only" in result.stderr
