"""A file of one candidate per row whose vote column pollcli does not know (New Zealand's `all`
beside other counts): the advice was "pass --wide, and --id-columns COL,…", and following it read
the counts as options ("ordinary leads with 89.70 %", the candidates as places). A row that names a
candidate holds its own counts: the advice names its columns of counts and --votes COL, which
reads the one named.

Oracle: pandas, `all` summed by candidate."""

import io

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

TEXT = """district,party,candidate,all,first_count,second_count
Aoraki,National Party,"GOODHEW, Jo",18000,17000,1000
Aoraki,Labour Party,"SULLIVAN, Ann",12000,11200,800
Aoraki,Green Party,"SMITH, Al",3000,2900,100
"""


def test_the_advice_names_votes_and_works(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT, "nz_candidates.csv")
    result = invoke("summary", str(path))
    assert result.code != 0
    assert "('all', 'first_count', 'second_count') holds the votes: --votes COL" in result.stderr
    assert "--wide" not in result.stderr
    (election,), problems = engines_agree(monkeypatch, path, read_options=ReadOptions(votes="all"))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(TEXT))
    assert {o.candidate: o.votes for o in election.options} == frame.set_index("candidate")[
        "all"
    ].to_dict()


NEPAL = (
    "CandidateName,Gender,Age,PartyID,CandidateID,DistrictCd,SCConstID,SerialNo,"
    "TotalVoteReceived,Rank,Remarks,Community,DOB\n"
    "Ram Thapa,M,56,3,9001,1,1,1,21943,1,Elected,,1968.05.21\n"
    "Hari Rai,M,46,5,9002,1,1,2,21735,2,,,1978.01.02\n"
    "Sita Gurung,F,39,7,9003,1,1,3,1022,3,,,1985.11.30\n"
)


def test_the_advice_names_the_votes_column_before_numbers_and_dates(tmp_path):
    """Nepal's 2022 file (a candidate per row, `TotalVoteReceived`) was told "if one of the
    columns of counts ('Samudaya', 'DOB') holds the votes": a blank column and birth dates. Its
    columns of whole numbers are named, a votes word's first, none that numbers or codes."""
    result = invoke("summary", str(write(tmp_path, NEPAL, "np_hor.csv")))
    assert result.code != 0
    assert "('TotalVoteReceived') holds the votes: --votes COL" in result.stderr, result.stderr
    votes = invoke(
        "summary", str(write(tmp_path, NEPAL, "np_hor.csv")), "--votes", "TotalVoteReceived"
    )
    assert votes.code == 0 and "Ram Thapa" in votes.stdout


def test_a_number_column_is_named_first_among_codes(tmp_path):
    """Arizona's Gila exports (`contest,…,choice,choice_name,number`): `number` holds the votes,
    and was left out of the advice as a numbering word; codes of contests and choices came first."""
    text = (
        "precinct,contest,contest_name,choice,choice_name,number\n"
        "P1,10,Mayor,10,Ann Lee,210\nP1,10,Mayor,20,Bob Ray,190\nP1,20,Clerk,10,Cy Tam,120\n"
        "P2,10,Mayor,10,Ann Lee,110\nP2,10,Mayor,20,Bob Ray,290\nP2,20,Clerk,10,Cy Tam,150\n"
    )
    result = invoke("summary", str(write(tmp_path, text, "gila.csv")))
    assert result.code != 0
    assert "('number', " in result.stderr and "holds the votes" in result.stderr, result.stderr


# South Africa's IEC results by voting district: a row per party (`PartyName`, no candidate
# column) whose votes are in `TotalValidVotes` (words pollcli reads as a race's valid votes) beside
# the district's other counts. The advice was "pass --wide" with 'TotalValidVotes' as an option; a
# row that names a party holds its own counts as a candidate's row does.
IEC = """Province,Municipality,VotingDistrict,PartyName,TotalValidVotes,SpoiltVotes,TotalVotesCast
Gauteng,JHB,32840011,RED PARTY,900,20,1620
Gauteng,JHB,32840011,BLUE PARTY,500,20,1620
Gauteng,JHB,32840011,GREEN PARTY,200,20,1620
Gauteng,JHB,32840022,RED PARTY,600,15,1165
Gauteng,JHB,32840022,BLUE PARTY,450,15,1165
Gauteng,JHB,32840022,GREEN PARTY,100,15,1165
"""


def test_a_party_per_row_is_advised_the_votes_column(tmp_path, monkeypatch):
    path = write(tmp_path, IEC, "iec.csv")
    for engine in ("stream", "exact"):
        result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
        assert result.code != 0
        assert "columns of counts ('TotalValidVotes', 'SpoiltVotes', 'TotalVotesCast'" in (
            result.stderr
        )
        assert "holds the votes: --votes COL" in result.stderr
        assert "--wide" not in result.stderr
    options = ReadOptions(votes="TotalValidVotes", unit="VotingDistrict")
    (election,), problems = engines_agree(monkeypatch, path, read_options=options)
    assert not [p for p in problems if p.severity == "error"]
    expected = pd.read_csv(io.StringIO(IEC)).groupby("PartyName")["TotalValidVotes"].sum()
    assert {o.candidate: o.votes for o in election.options} == expected.to_dict()


POLLS = (
    "start_date,end_date,firm,party,preference_type,election_year,intended_vote\n"
    "2009-01-10,2009-01-12,Pollster A,Red,First preference,2010,44\n"
    "2009-01-10,2009-01-12,Pollster A,Blue,First preference,2010,41.5\n"
    "2009-01-10,2009-01-12,Pollster A,Green,First preference,2010,14.5\n"
)


def test_a_column_of_fractions_is_not_offered_as_the_votes(tmp_path):
    # A table of polls (Australia's ozpolls: `intended_vote` 43.4, 7.8): the advice was
    # "if one of the columns of counts ('intended_vote') holds the votes: --votes COL", which then
    # failed ("votes '43.4': not a whole number"). Shares are named as shares, whose header says so.
    path = write(tmp_path, POLLS, "au_polls.csv")
    result = invoke("summary", str(path))
    assert result.code != 0
    assert "--votes" not in result.stderr
    assert "'intended_vote' holds fractions (41.5 on line 3)" in result.stderr
    renamed = write(tmp_path, POLLS.replace("intended_vote", "share"), "au_polls_share.csv")
    told = invoke("summary", str(renamed))
    assert told.code == 0, told.stderr
    assert "Red" in told.stdout and "44.00 %" in told.stdout


def test_counts_with_their_thousands_marked_are_still_offered(tmp_path):
    # `1.234` is a count with its thousands marked (a European file), no fraction.
    text = POLLS.replace("44\n", "1.234\n").replace("41.5", "2.345").replace("14.5", "3.456")
    result = invoke("summary", str(write(tmp_path, text, "eu_counts.csv")))
    assert "('intended_vote') holds the votes: --votes COL" in result.stderr


CHANGES = (
    "place,party,share_new,share_old,diff\n"
    "Eastvale,Red,20.96,29.16,-8.2\n"
    "Eastvale,Blue,14.08,19.99,-5.91\n"
    "Westmoor,Red,31.5,33.25,-1.75\n"
    "Westmoor,Blue,18.75,22.5,-3.75\n"
)


def test_a_column_of_differences_is_not_offered_as_the_votes(tmp_path):
    # Italy's 2008/2013 table by province (`Party,variable,value13,value08,diff`): the advice was
    # "if one of the columns of counts ('diff') holds the votes: --votes COL", and `diff` holds
    # each party's change in share, negative for a loss (`-8.2`): no count. Following it refused
    # every row ("votes '-8.2': not a whole number"). A column with a negative number is no count.
    path = write(tmp_path, CHANGES.replace("share_new", "value13").replace("share_old", "value08"))
    result = invoke("summary", str(path))
    assert result.code != 0
    assert "'diff'" not in result.stderr.split("holds fractions")[0]
    assert "--votes" not in result.stderr
    assert "holds fractions (20.96 on line 2)" in result.stderr
    assert "'diff' holds negative numbers (-8.2 on line 2)" in result.stderr
