"""Columns of an election's facts in a wide table, never options. The Star's Malaysian seats (as
scraped: `registered_voters,majority,spoilt_votes,unreturned_votes,voter_turnout,demographics,…`)
were read as a wide table of three options: "voter_turnout leads with 100.00 % … wins outright",
`unreturned_votes` the runner-up. Spoilt votes are the invalid ballots, the voter turnout (a count
there, `43,093 (83.8%)`) the ballots cast, unreturned ballots and the winner's majority protocol
lines of no use. Now such a table has no options and is refused; beside the parties' columns its
facts are read (the turnout computed). The class: a wide table whose every column of figures is a
fact's or a non-candidate's word never names a winner.

Oracle: pandas, the columns summed by hand."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.errors import PollcliError
from pollcli.kind_words import FACT_NAMES, KIND_NAMES
from pollcli.read import protocol

HEADER = (
    ",registered_voters,majority,spoilt_votes,unreturned_votes,voter_turnout,demographics,"
    "panel_code,panel_name,state_region"
)
ROWS = [
    '0,"40,100","2,000",300,0,"30,300 (75.6%)",Group A 60%; Group B 40%,P901,KAMPUNG CONTOH,Rekaan',
    '1,"50,200","1,500",200,1,"40,200 (80.1%)",Group A 55%; Group B 45%,P902,BUKIT CONTOH,Rekaan',
]


def _number(cell: str) -> int:
    return int(cell.split(" (")[0].replace(",", ""))


@pytest.mark.parametrize(
    ("header", "fact"),
    [
        ("spoilt_votes", "invalid"),
        ("Spoiled votes", "invalid"),
        ("voter_turnout", "ballots_cast"),
        ("unreturned_votes", ""),
        ("Unreturned ballots", ""),
        ("majority", ""),
    ],
)
def test_the_words_are_protocol_lines(header, fact):
    assert protocol.line(header) == (fact, 0)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_table_of_facts_alone_is_refused_and_says_why(tmp_path, engine):
    path = write(tmp_path, "\n".join([HEADER, *ROWS]) + "\n", "melaka_parliament_fact.csv")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code != 0
    assert "leads" not in result.stdout + result.stderr
    said = result.stderr.replace("\n", " ")
    assert "no option's votes" in said
    for column in ("registered_voters", "spoilt_votes", "voter_turnout"):
        assert repr(column) in said


def test_beside_the_parties_the_facts_are_read(tmp_path, monkeypatch):
    header = HEADER.replace("voter_turnout,", "voter_turnout,Party Alpha,Party Beta,")
    rows = [
        row.replace(')",', ')","16,000","14,000",', 1)
        if i == 0
        else row.replace(')",', ')","20,500","19,500",', 1)
        for i, row in enumerate(ROWS)
    ]
    text = "\n".join([header, *rows]) + "\n"
    path = write(tmp_path, text, "melaka_parliament.csv")
    (election,), problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(text), dtype=str)
    assert {o.candidate: o.votes for o in election.options} == {
        party: sum(map(_number, frame[party])) for party in ("Party Alpha", "Party Beta")
    }
    assert election.facts.registered == sum(map(_number, frame["registered_voters"]))
    assert election.facts.ballots_cast == sum(map(_number, frame["voter_turnout"])) == 70_500
    assert election.facts.invalid == sum(map(_number, frame["spoilt_votes"])) == 500


# Every word of an election's fact and of a non-candidate option, as a wide table's header writes it.
FACT_WORDS = sorted(
    {
        word.replace(" ", "_")
        for words in (*FACT_NAMES.values(), *KIND_NAMES.values())
        for word in words
        if "," not in word and '"' not in word
    }
    | {"voter_turnout", "unreturned_votes", "majority", "spoilt_votes", "turnout"}
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.sampled_from(FACT_WORDS), min_size=2, max_size=4, unique=True))
def test_a_wide_table_of_fact_words_names_no_winner(tmp_path, summarize_text, words):
    text = "seat," + ",".join(words) + "\n"
    text += "Alpha," + ",".join(str(1000 - 10 * i) for i in range(len(words))) + "\n"
    text += "Beta," + ",".join(str(900 - 10 * i) for i in range(len(words))) + "\n"
    try:
        election = summarize_text(text, wide=True)
    except (PollcliError, IndexError):
        return  # refused: no options
    assert election.leader is None, words


@pytest.mark.parametrize("group", ["Voters Turnout", "Voter Turnout", "Turnout"])
def test_a_turnout_group_s_columns_are_read_by_the_group(tmp_path, monkeypatch, group):
    """A column under a group (`Voter Turnout / Male`) is no bilingual header of two halves: it
    was a turnout line, and every column of the group with it (`Turnout / Male` one of no fact),
    and the registered voters were lost. Oracle: test_header_groups' sums by hand."""
    from test_header_groups import BOOTH_CAST, BOOTH_REGISTERED, BOOTH_VOTES, BOOTHS

    assert protocol.line(f"{group} / Male") is None
    path = write(tmp_path, BOOTHS.replace('"Voters Turnout"', f'"{group}"'), "booths.csv")
    [election], problems = engines_agree(monkeypatch, path)
    assert [p for p in problems if p.severity == "error"] == []
    assert {o.candidate: o.votes for o in election.options} == BOOTH_VOTES
    assert election.facts.registered == BOOTH_REGISTERED
    assert election.facts.ballots_cast == BOOTH_CAST


def test_a_turnout_of_percentages_is_no_count_of_ballots(tmp_path, monkeypatch):
    """A `Voter_TurnOut` column of shares (Kenya's 2022 county table as a new user saved it:
    `43.78%` beside `Reg_Voters`) was read as the ballots cast since 'voter turnout' became a
    protocol line, and the file was refused: "ballots_cast '43.78%': not a number; write digits
    only". A fact's column whose cells are all percentages is a share, left unused as a share's
    header leaves it; the file reads as it did. Oracle: pandas."""
    text = (
        "code,county,reg_voters,Alpha,Beta,Gamma,Delta,rejected,voter_turnout\n"
        '1,Pwani,"64,100","16,000","11,300",2100,480,370,43.78%\n'
        '2,Milima,"32,800","12,500","5,100",1000,210,100,54.86%\n'
    )
    path = write(tmp_path, text, "county_table.csv")
    (election,), problems = engines_agree(monkeypatch, path)
    assert [p for p in problems if p.severity == "error"] == []
    frame = pd.read_csv(io.StringIO(text), thousands=",")
    assert {o.candidate: o.votes for o in election.options} == {
        party: int(frame[party].sum()) for party in ("Alpha", "Beta", "Gamma", "Delta")
    }
    assert election.facts.registered == int(frame["reg_voters"].sum())
    assert election.facts.invalid == int(frame["rejected"].sum())
    assert election.facts.ballots_cast is None
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    assert "'voter_turnout'" in " ".join(result.stdout.split())


def test_options_read_as_protocol_lines_are_not_called_facts(tmp_path):
    """Two parties' columns between two protocol lines (`reg_voters,Alpha,Beta,rejected`) are read
    as lines of the protocol pollcli does not know; the refusal said the table's "columns of
    figures hold the election's facts (registered from 'reg_voters', invalid from 'rejected') and
    no option's votes", which Alpha's and Beta's columns belie. That is said only where every
    column left unread is a fact's or a known line's."""
    text = (
        "code,county,reg_voters,Alpha,Beta,rejected\n"
        '1,Pwani,"64,100","16,000","11,300",370\n'
        '2,Milima,"32,800","12,500","5,100",100\n'
    )
    result = invoke("summary", str(write(tmp_path, text, "county_table.csv")))
    assert result.code != 0
    assert "no option's votes" not in " ".join(result.stderr.split())
