"""An `Election Date` column: the date of each row's election, so rows of two dates are two elections.

Elections Canada's table of every candidate since 1867 (`Election Date,Election Type,Parliament,
Province,Riding,Last Name,First Name,…,Votes,Votes (%),Elected`) names each row's general or
by-election by its date. Left unused, a riding's races of 150 years were one race (its candidates of
every election ranked together, or refused as "listed again" with advice that did not help). Read
as the `date` fact, two dates in one race are refused, naming the `--race-by` that tells them
apart; followed, each riding's election is a race. Its dates are written `1867-08-07` and
`1993/10/25`: a date with slashes, year first, is as unambiguous as ISO. In OpenElections' Iowa
files `election_date` stands beside `absentee` and `votes` and holds the election day's votes: a
vote-mode column there. The oracle is pandas over the file: the most votes per riding and date.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import invoke, write

CANDIDATES = (
    "Election Date,Election Type,Province,Riding,Last Name,First Name,Party,Votes,Elected\n"
    "1867-08-07,Gen,Ontario,ALBANY,ASH,Ann,Liberal,100,1\n"
    "1867-08-07,Gen,Ontario,ALBANY,BELL,Bob,Conservative,90,0\n"
    "1872-07-20,Gen,Ontario,ALBANY,DYER,Dan,Liberal,80,0\n"
    "1872-07-20,Gen,Ontario,ALBANY,COLE,Cid,Conservative,120,1\n"
    "1993/10/25,Gen,Ontario,ALBANY,EADE,Eve,Liberal,300,1\n"
    "1993/10/25,Gen,Ontario,ALBANY,FOX,Fay,Reform,200,0\n"
    "1993/10/25,Gen,Ontario,BRANT,GOLD,Gus,Liberal,50,0\n"
    "1993/10/25,Gen,Ontario,BRANT,HALE,Hal,Reform,70,1\n"
)
ADVICE = "--race-by 'Province,Riding,Election Date'"


def run(*args: str, engine: str):
    return invoke(*args, env={"POLLCLI_ENGINE": engine})


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_two_dates_in_one_race_are_refused_with_the_race_by_that_splits_them(tmp_path, engine):
    path = write(tmp_path, CANDIDATES)
    result = run("summary", str(path), "--format", "json", engine=engine)
    assert result.code == 1
    assert "date is '1872-07-20' here but '1867-08-07'" in result.stderr
    assert ADVICE in result.stderr
    # The race of one date only (BRANT) is read: nothing merged there.
    (brant,) = json.loads(result.stdout)["elections"]
    assert brant["date"] == "1993-10-25" and brant["leader"]["candidate"] == "Hal HALE"


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_advice_followed_reads_each_ridings_election(tmp_path, engine):
    path = write(tmp_path, CANDIDATES)
    result = run(
        "summary",
        str(path),
        "--race-by",
        "Province,Riding,Election Date",
        "--format",
        "json",
        engine=engine,
    )
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    frame = pd.read_csv(path, dtype={"Votes": int})
    frame["name"] = frame["First Name"] + " " + frame["Last Name"]
    expected = {
        (riding, date): group.loc[group["Votes"].idxmax(), "name"]
        for (riding, date), group in frame.groupby(["Riding", "Election Date"])
    }
    got = {
        (e["race_keys"]["Riding"], e["race_keys"]["Election Date"]): e["leader"]["candidate"]
        for e in document["elections"]
    }
    assert got == expected
    elected = frame[frame["Elected"] == 1]
    assert set(got.values()) == set(elected["name"])
    dates = {e["race_keys"]["Election Date"]: e["date"] for e in document["elections"]}
    assert dates["1993/10/25"] == "1993-10-25"
    split = next(n for n in document["overview"]["notes"] if n.startswith("Split into"))
    assert "--where 'Election Date=" in split  # (quoted: the header has a space)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_one_date_in_the_column_is_the_elections_date(tmp_path, engine):
    text = "Election Date,Candidate,Votes\n2021-09-20,Ann,10\n2021-09-20,Bob,7\n"
    path = write(tmp_path, text)
    result = run("summary", str(path), "--format", "json", engine=engine)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert election["date"] == "2021-09-20"


@pytest.mark.parametrize(
    ("written", "read"),
    [("1993/10/25", "1993-10-25"), ("2022-11-20 00:00:00", "2022-11-20")],
)
def test_unambiguous_dates_beside_iso(tmp_path, written, read):
    path = write(tmp_path, f"# date: {written}\ncandidate,votes\nAnn,10\nBob,7\n")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["elections"][0]["date"] == read


@pytest.mark.parametrize("written", ["20.11.2022", "11/20/2022", "2022-11/20", "2022/02/30"])
def test_ambiguous_or_wrong_dates_are_still_refused(tmp_path, written):
    path = write(tmp_path, f"# date: {written}\ncandidate,votes\nAnn,10\nBob,7\n")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert f"date {written!r} is not" in result.stderr


IOWA = (
    "county,precinct,office,district,party,candidate,absentee,election_date,votes\n"
    "Marshall,BANGOR,President,,Republican,Mitt Romney,91.0,152.0,243.0\n"
    "Marshall,BANGOR,President,,Democratic,Barack Obama,77.0,129.0,206.0\n"
    "Marshall,LISCOMB,President,,Republican,Mitt Romney,40.0,60.0,100.0\n"
    "Marshall,LISCOMB,President,,Democratic,Barack Obama,30.0,50.0,80.0\n"
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_election_date_beside_vote_modes_is_the_election_days_votes(tmp_path, engine):
    path = write(tmp_path, IOWA)
    result = run("summary", str(path), "--format", "json", engine=engine)
    assert result.code == 0, result.stderr
    assert "do not add up" not in result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert election["date"] is None
    frame = pd.read_csv(path)
    assert (frame["absentee"] + frame["election_date"] == frame["votes"]).all()
    votes = {r["candidate"]: r["votes"] for r in election["results"]}
    assert votes == frame.groupby("candidate")["votes"].sum().astype(int).to_dict()
    # Modes that do not add up are still told, naming both.
    off = write(tmp_path, IOWA.replace("91.0,152.0,243.0", "91.0,150.0,243.0"), name="off.csv")
    result = run("summary", str(off), engine=engine)
    assert "'absentee' and 'election_date' do not add up" in " ".join(result.stderr.split())


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_date_column_not_year_first_is_left_unread_and_said_once(tmp_path, engine):
    """DC's `ElectionDate,ElectionName,ContestNumber,ContestName,…`: `6/19/2018 12:00:00 AM`, month
    first, was an unused column; it stays unread (pollcli never guesses day and month), and
    validate says so once, not once a race."""
    day = "6/19/2018 12:00:00 AM"
    text = "ElectionDate,ContestName,Candidate,Votes\n" + "".join(
        f"{day},{contest},{name},{votes}\n"
        for contest in ("MAYOR", "COUNCIL")
        for name, votes in (("Ann", 10), ("Bob", 7))
    )
    path = write(tmp_path, text)
    result = run("summary", str(path), "--format", "json", engine=engine)
    assert result.code == 0, result.stderr
    assert [e["date"] for e in json.loads(result.stdout)["elections"]] == [None, None]
    result = run("validate", str(path), "--format", "json", engine=engine)
    problems = json.loads(result.stdout)["files"][0]["problems"]
    said = [p for p in problems if "is not read as the election's date" in p["message"]]
    assert len(said) == 1 and said[0]["column"] == "ElectionDate"
    assert said[0]["severity"] == "warning" and day in said[0]["message"]
    # Given by hand, the date is the flag's.
    result = run("summary", str(path), "--date", "2018-06-19", "-f", "json", engine=engine)
    assert {e["date"] for e in json.loads(result.stdout)["elections"]} == {"2018-06-19"}
