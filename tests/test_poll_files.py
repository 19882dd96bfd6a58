"""A file of opinion polls is no count: FiveThirtyEight's `president_polls.csv` (`poll_id,
pollster,…,sample_size,…,state,…,race_id,party,answer,candidate_name,pct`) was read as official
results — "Maine · official · Joe Biden wins the seat with a majority" from one poll of 1,164
people, "Seats won REP 7, DEM 1" — its poll columns only "ignored". Such a file (long, or a wide
table of a poll a row, as polls are listed: `Polling firm,Fieldwork date,Sample size,Con,Lab`) is
refused as results, naming the columns that say it is polls, unless its stage says it is a poll
(`--stage exit_poll`, a `# stage: exit_poll` line, a stage column); the advice is followed below.
Invented pollsters, places and figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import invoke, write

ENGINES = ["exact", "stream"]

POLLS = (
    "poll_id,pollster,sample_size,start_date,end_date,state,question_id,party,candidate_name,pct\n"
    "11,Acme Polling,800,2024-01-02,2024-01-05,Ruritania,101,DEM,Ann Able,52\n"
    "11,Acme Polling,800,2024-01-02,2024-01-05,Ruritania,101,REP,Bob Baker,41\n"
    "12,Zenith Research,650,2024-02-01,2024-02-03,Ruritania,102,DEM,Ann Able,47\n"
    "12,Zenith Research,650,2024-02-01,2024-02-03,Ruritania,102,REP,Bob Baker,48\n"
    "12,Zenith Research,650,2024-02-01,2024-02-03,Borduria,103,DEM,Ann Able,39\n"
    "12,Zenith Research,650,2024-02-01,2024-02-03,Borduria,103,REP,Bob Baker,55\n"
)
ONE_POLL = (
    "poll_id,pollster,sample_size,start_date,end_date,state,race_id,party,candidate_name,percent\n"
    "1,Acme Polling,800,2024-01-02,2024-01-05,Ruritania,7,DEM,Ann Able,52\n"
    "1,Acme Polling,800,2024-01-02,2024-01-05,Ruritania,7,REP,Bob Baker,41\n"
)


def refused(path: Path, *args: str, engine: str = "exact") -> str:
    result = invoke("summary", str(path), *args, env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and result.stdout == "", result.stdout
    text = " ".join(result.stderr.split())
    assert "wins" not in text and "leads" not in text
    return text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_file_of_polls_is_refused_as_results(tmp_path, engine):
    text = refused(write(tmp_path, POLLS, "president_polls.csv"), engine=engine)
    assert "opinion polls" in text
    assert "'poll_id', 'pollster', 'sample_size'" in text
    # What to do: one poll's rows (its question's, where the file numbers them) as a poll.
    assert "--where question_id=VALUE --stage exit_poll" in text
    assert "docs/compare.md" in text


def test_one_poll_is_read_as_a_poll_with_the_advice(tmp_path):
    path = write(tmp_path, POLLS, "president_polls.csv")
    result = invoke(
        "summary", str(path), "--where", "question_id=103", "--stage", "exit_poll", "-f", "json"
    )
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert election["stage"] == "exit_poll"
    shares = {r["candidate"]: r["share"] for r in election["results"]}
    assert shares == {"Bob Baker": 55, "Ann Able": 39}  # (the poll's own figures)
    text = invoke("summary", str(path), "--where", "question_id=103", "--stage", "exit_poll").stdout
    assert "wins" not in text and "Exit poll" in text


def test_a_one_poll_file_is_refused_too(tmp_path):
    """One poll alone ("Ann Able wins outright" from 800 people): no count either."""
    text = refused(write(tmp_path, ONE_POLL, "polls_like.csv"))
    assert "--where poll_id=VALUE --stage exit_poll" in text


def test_validate_lists_it(tmp_path):
    result = invoke("validate", str(write(tmp_path, ONE_POLL, "polls_like.csv")), "-f", "json")
    assert result.code == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [p["code"] for p in problems if p["severity"] == "error"] == ["invalid-metadata"]


WIDE = (
    "Polling firm,Fieldwork date,Sample size,Blue,Green\n"
    "Acme Polling,2024-05-01,1000,41,35\n"
    "Zenith Research,2024-05-03,1500,38,39\n"
)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_wide_table_of_polls_is_refused(tmp_path, engine):
    """Polls as they are listed, a poll a row and a column per party: added up, they were one
    "result" with the polls as its regions. Their cells are shares: the advice is the long
    table of one poll's shares, read below."""
    text = refused(write(tmp_path, WIDE, "polls_wide.csv"), engine=engine)
    assert "'Polling firm', 'Fieldwork date', 'Sample size'" in text
    assert "a table of a row per option (candidate,share)" in text
    assert "'# stage: exit_poll'" in text and "--where" not in text


def test_one_poll_of_a_wide_table_written_as_the_advice_says(tmp_path):
    path = write(tmp_path, "# stage: exit_poll\ncandidate,share\nGreen,39\nBlue,38\n", "zenith.csv")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert election["stage"] == "exit_poll"
    assert {r["candidate"]: r["share"] for r in election["results"]} == {"Green": 39, "Blue": 38}


def test_a_wide_poll_table_said_to_be_polls_reads_no_sample_as_an_option(tmp_path):
    """A sample size is no option's count, whatever the stage."""
    path = write(tmp_path, "# stage: exit_poll\n" + WIDE, "polls_wide.csv")
    result = invoke("summary", str(path), "--where", "Polling firm=Zenith Research", "-f", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert {r["candidate"] for r in election["results"]} == {"Green", "Blue"}


@pytest.mark.parametrize(
    "said",
    ["# stage: exit_poll\n", None],
)
def test_a_poll_that_says_so_is_read(tmp_path, said):
    text = ONE_POLL if said else ONE_POLL.replace("percent\n", "percent,stage\n")
    if said:
        text = said + text
    else:
        text = text.replace(",52\n", ",52,exit_poll\n").replace(",41\n", ",41,exit_poll\n")
    result = invoke("summary", str(write(tmp_path, text, "poll.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert election["stage"] == "exit_poll"


def test_a_poll_against_the_count_in_compare(tmp_path):
    """The advice's other half (docs/compare.md): the poll's rows with a stage line, beside the
    count of the same election: the poll's error per option (by hand: 52 − 50, 41 − 45)."""
    head = "# date: 2024-11-05\n# office: Governor\n# country: RU\n"
    poll = write(tmp_path, head + "# stage: exit_poll\n" + ONE_POLL, "poll.csv")
    count = write(
        tmp_path,
        head + "candidate,party,votes\nAnn Able,DEM,5000\nBob Baker,REP,4500\nCy Cole,IND,500\n",
        "count.csv",
    )
    result = invoke("compare", str(poll), str(count), "-f", "json")
    assert result.code == 0, result.stderr
    [accuracy] = json.loads(result.stdout)["poll_accuracy"]
    errors = {e["candidate"]: e["error"] for e in accuracy["errors"] if e["poll"] is not None}
    assert errors == pytest.approx({"Ann Able": 2.0, "Bob Baker": -4.0})


@pytest.mark.parametrize(
    "header",
    [
        "polling_station,candidate,votes",
        "polling_place,candidate,votes",
    ],
)
def test_results_by_polling_station_are_results(tmp_path, header):
    path = write(tmp_path, f"{header}\n1,Ann,10\n1,Bob,7\n2,Ann,3\n2,Bob,9\n")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"Ann": 13, "Bob": 16}


def test_polls_of_several_races_win_no_seat(tmp_path):
    """Read as polls (`--stage exit_poll`), races of one poll each were still tallied as "Seats
    won by party": a poll wins no seat."""
    path = write(
        tmp_path, ONE_POLL + ONE_POLL.split("\n", 1)[1].replace("Ruritania,7", "Borduria,8")
    )
    result = invoke("summary", str(path), "--stage", "exit_poll", "-f", "json")
    assert result.code == 0, result.stderr
    out = json.loads(result.stdout)
    assert [line["won"] for line in out["overview"]["races"]] == [False, False]
    assert out["tally"]["won"] == 0 and out["tally"]["parties"] == []


@pytest.mark.parametrize("engine", ENGINES)
def test_several_polls_read_as_one_poll_are_refused(tmp_path, engine):
    """Given --stage exit_poll, the rows of several polls were one race per state, refused for
    candidates "listed again" with the advice of a unit column, which would add their shares up."""
    text = refused(write(tmp_path, POLLS), "--stage", "exit_poll", engine=engine)
    assert "the rows are of several polls ('poll_id' holds 2 values)" in text
    assert "--where question_id=VALUE" in text and "--race-by question_id" in text
    assert "--unit" not in text


def test_each_poll_a_race_with_the_advice(tmp_path):
    path = write(tmp_path, POLLS)
    result = invoke(
        "summary", str(path), "--stage", "exit_poll", "--race-by", "question_id", "-f", "json"
    )
    assert result.code == 0, result.stderr
    out = json.loads(result.stdout)
    shares = {
        e["election"]: {r["candidate"]: r["share"] for r in e["results"]} for e in out["elections"]
    }
    assert shares == {
        "101": {"Ann Able": 52, "Bob Baker": 41},
        "102": {"Bob Baker": 48, "Ann Able": 47},
        "103": {"Bob Baker": 55, "Ann Able": 39},
    }
    assert out["tally"]["won"] == 0
