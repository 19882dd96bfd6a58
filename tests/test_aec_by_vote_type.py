"""Australia's AEC House of Representatives files by candidate and vote type (trial 7, world:
`HouseFirstPrefsByCandidateByVoteTypeDownload-20499.csv`): a title line, then a row per candidate
of each division (`DivisionID`, `DivisionNm`), the name in `GivenNm` and `Surname`, the party in
`PartyNm`, the votes by way of voting (`OrdinaryVotes`, `AbsentVotes`… `PostalVotes`), their sum in
`TotalVotes`, and the `Swing` in points. No column said `candidate` or `party`, so the table was read
as a wide one: the vote types were the options, the candidates the regions ("OrdinaryVotes leads
with 100.00 %"), and with `Swing` one option, each row's fraction an error — and `--votes
TotalVotes` did not help. Figures hand-checked."""

from __future__ import annotations

import json

from conftest import engines_agree, invoke, write

TITLE = (
    "2016 Federal Election House of Representatives First Preferences By Candidate By Vote Type "
    "[Please Note: These results are not final. Event:20499]\n"
)
HEADER = (
    "StateAb,DivisionID,DivisionNm,CandidateID,Surname,GivenNm,BallotPosition,Elected,"
    "HistoricElected,PartyAb,PartyNm,OrdinaryVotes,AbsentVotes,ProvisionalVotes,PrePollVotes,"
    "PostalVotes,TotalVotes,Swing\n"
)
ROWS = """ACT,101,Canberra,1,SMITH,Ann,1,N,Y,ALP,Australian Labor Party,400,20,1,30,49,500,1.54
ACT,101,Canberra,2,JONES,Bob,2,N,N,LP,Liberal,300,10,0,20,20,350,-0.96
ACT,101,Canberra,3,BROWN,Cy,3,N,N,GRN,The Greens,90,5,0,3,2,100,-2
ACT,102,Fenner,4,GREEN,Di,1,N,N,ALP,Australian Labor Party,200,0,0,0,10,210,2.0
ACT,102,Fenner,5,WHITE,Ed,2,N,N,LP,Liberal,250,0,0,0,30,280,0.7
"""
FIGURES = {
    "Canberra": {
        "Ann SMITH": ("Australian Labor Party", 500),
        "Bob JONES": ("Liberal", 350),
        "Cy BROWN": ("The Greens", 100),
    },
    "Fenner": {"Di GREEN": ("Australian Labor Party", 210), "Ed WHITE": ("Liberal", 280)},
}


def _figures(elections):
    return {
        e.facts.election: {
            o.candidate: (o.party, o.votes) for o in e.options if o.kind == "candidate"
        }
        for e in elections
    }


def test_each_division_is_a_race_of_named_candidates(tmp_path, monkeypatch):
    path = write(tmp_path, TITLE + HEADER + ROWS)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert _figures(elections) == FIGURES


def test_without_the_swing_the_vote_types_are_no_options(tmp_path, monkeypatch):
    # Without `Swing` every column was a count: "OrdinaryVotes leads with 100.00 %".
    text = "".join(line.rsplit(",", 1)[0] + "\n" for line in (HEADER + ROWS).splitlines())
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"], problems
    assert _figures(elections) == FIGURES


def test_seats_by_first_preferences(tmp_path):
    result = invoke("seats", str(write(tmp_path, TITLE + HEADER + ROWS)), "--format", "json")
    assert result.code == 0, result.stderr
    assert "OrdinaryVotes" not in result.stdout
    assert '"Australian Labor Party"' in result.stdout and '"Liberal"' in result.stdout


def test_summary_names_the_winner_of_each_division(tmp_path):
    path = write(tmp_path, TITLE + HEADER + ROWS)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    leaders = {
        e["election"]: e["leader"]["candidate"] for e in json.loads(result.stdout)["elections"]
    }
    assert leaders == {"Canberra": "Ann SMITH", "Fenner": "Ed WHITE"}


# Each division lists its informal ballots as a candidate row, `Informal` in every name column:
# read as a candidate "Informal Informal", added to the valid vote and given a share (3.94 % of
# Canberra's 2013 vote in `compare`).
INFORMAL = (
    "ACT,101,Canberra,999,Informal,Informal,999,N,N,,Informal,60,0,0,0,0,60,-0.96\n"
    "ACT,102,Fenner,999,Informal,Informal,999,N,N,,Informal,40,0,0,0,0,40,-0.87\n"
)


def test_informal_ballots_are_invalid_not_a_candidate(tmp_path, monkeypatch):
    path = write(tmp_path, TITLE + HEADER + ROWS + INFORMAL)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert _figures(elections) == FIGURES
    invalid = {
        e.facts.election: [o.votes for o in e.options if o.kind == "invalid"] for e in elections
    }
    assert invalid == {"Canberra": [60], "Fenner": [40]}
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    canberra = json.loads(result.stdout)["elections"][0]
    # Shares of the valid vote: 500 of 950, not of 1,010 (hand-checked).
    assert round(canberra["results"][0]["share"], 4) == round(100 * 500 / 950, 4)
    assert canberra["leader"]["candidate"] == "Ann SMITH"


def test_a_name_of_one_word_twice_is_read_as_the_word():
    from pollcli.kinds import kind_from_name

    assert kind_from_name("Informal Informal") == "invalid"
    assert kind_from_name("INFORMAL") == "invalid"
    assert kind_from_name("Blank Blank") == "blank"
    # A person's name stays a candidate, repeated or not.
    assert kind_from_name("Ann Ann") == "candidate"
    assert kind_from_name("Informal Smith") == "candidate"


# A party's counts by way of voting, its column `PartyName` (AEC's Senate and by-party files write
# their headers in capitalised words run together): `PartyName` was not read as the party, so the
# vote types were options of a wide table — "OrdinaryVotes leads with 85.71 %".
CAMEL = """StateAb,PartyName,OrdinaryVotes,PostalVotes,TotalVotes
ACT,Labor,100,10,110
ACT,Liberal,80,20,100
ACT,Greens,30,5,35
"""


def test_a_header_of_words_run_together_is_read_by_its_words(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, CAMEL))
    assert not [p for p in problems if p.severity == "error"], problems
    (election,) = elections
    assert {o.party or o.candidate: o.votes for o in election.options} == {
        "Labor": 110,
        "Liberal": 100,
        "Greens": 35,
    }


def test_words_run_together_only_where_each_is_capitalised():
    from pollcli.columns import canonical_column

    assert canonical_column("PartyName") == "party"
    assert canonical_column("VoteShare") == "share"
    assert canonical_column("OrdinaryVotes") is None
    assert canonical_column("PARTYNAME") is None
