"""Closed primaries whose count rows name their party (OpenElections' Texas county primary files:
`Ballots Cast,,REP,Ballots Cast,289` beside the all-party `Ballots Cast,,,Ballots Cast,323`; the
District of Columbia's certified results: `REGISTERED VOTERS - TOTAL` and `BALLOTS CAST - TOTAL`
once per party, CITYWIDE for all of them).

A party's count rows are that party's primary races' counts (the Republican primary's ballots cast
are its races' turnout base); the all-party rows are no one primary race's. Where the file holds one
party's races only and no count row names a party, its counts are that party's. Where the labels
contradict the races (a party with races in a precinct has no count row of its own there: Missouri's
Callaway 2018 file names REP on each precinct's whole count), no primary race gets any, as before.

Races were given no turnout ("shared with other races of the primaries"), and the District's
measure was refused ("registered is '4387' here but '6285' on line 2 … make them agree"). The
oracle is pandas over the CSV text; both engines read each file alike.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write

TEXAS_NAME = "20200303__tx__primary__tyler__precinct.csv"
TEXAS = """county,precinct,office,district,party,candidate,votes
Tyler,P1,Registered Voters,,,Registered Voters,654
Tyler,P2,Registered Voters,,,Registered Voters,1101
Tyler,P1,Ballots Cast,,,Ballots Cast,323
Tyler,P2,Ballots Cast,,,Ballots Cast,275
Tyler,P1,Ballots Cast,,REP,Ballots Cast,289
Tyler,P2,Ballots Cast,,REP,Ballots Cast,207
Tyler,P1,Ballots Cast,,DEM,Ballots Cast,34
Tyler,P2,Ballots Cast,,DEM,Ballots Cast,68
Tyler,P1,BALLOTS CAST - BLANK,,,BALLOTS CAST - BLANK,0
Tyler,P2,BALLOTS CAST - BLANK,,,BALLOTS CAST - BLANK,0
Tyler,P1,President,,REP,Donald J. Trump,250
Tyler,P1,President,,REP,Bill Weld,9
Tyler,P2,President,,REP,Donald J. Trump,180
Tyler,P2,President,,REP,Bill Weld,6
Tyler,P1,President,,DEM,Joseph R. Biden,20
Tyler,P1,President,,DEM,Bernie Sanders,10
Tyler,P2,President,,DEM,Joseph R. Biden,40
Tyler,P2,President,,DEM,Bernie Sanders,21
Tyler,P1,Sheriff,,REP,Bryan Weatherford,194
Tyler,P1,Sheriff,,REP,Tim Kean,80
Tyler,P2,Sheriff,,REP,Bryan Weatherford,141
Tyler,P2,Sheriff,,REP,Tim Kean,50
Tyler,P1,County Commissioner Pct 1,,REP,Joe Blacksher,120
Tyler,P1,County Commissioner Pct 1,,REP,Kent Gore,100
Tyler,P1,Proposition #1,,DEM,For,25
Tyler,P1,Proposition #1,,DEM,Against,5
Tyler,P2,Proposition #1,,DEM,For,50
Tyler,P2,Proposition #1,,DEM,Against,12
"""

DC_NAME = "June_19_2018_Primary_Election_Certified_Results.csv"
DC_HEAD = "ElectionDate,ElectionName,ContestNumber,ContestName,PrecinctNumber,WardNumber,Candidate,Party,Votes\n"
_DAY = "6/19/2018 12:00:00 AM,Primary Election"
DC = DC_HEAD + "".join(
    f"{_DAY},{number},{contest},{precinct},{ward},{candidate},{party},{votes}\n"
    for number, contest, precinct, ward, candidate, party, votes in [
        (-2, "REGISTERED VOTERS - TOTAL", 1, 6, "", "CITYWIDE", 6285),
        (-2, "REGISTERED VOTERS - TOTAL", 1, 6, "", "DEM", 4387),
        (-2, "REGISTERED VOTERS - TOTAL", 1, 6, "", "REP", 572),
        (-2, "REGISTERED VOTERS - TOTAL", 1, 6, "", "NPN", 1326),
        (-1, "BALLOTS CAST - TOTAL", 1, 6, "", "CITYWIDE", 792),
        (-1, "BALLOTS CAST - TOTAL", 1, 6, "", "DEM", 690),
        (-1, "BALLOTS CAST - TOTAL", 1, 6, "", "REP", 44),
        (-1, "BALLOTS CAST - TOTAL", 1, 6, "", "NPN", 58),
        (2, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "Muriel Bowser", "DEM", 500),
        (2, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "Ernest Johnson", "DEM", 120),
        (2, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "UNDER VOTES", "DEM", 70),
        (3, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "Write-in", "REP", 30),
        (3, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "UNDER VOTES", "REP", 14),
        (9, "INITIATIVE MEASURE NO. 77", 1, 6, "YES", "", 400),
        (9, "INITIATIVE MEASURE NO. 77", 1, 6, "NO", "", 350),
        (-2, "REGISTERED VOTERS - TOTAL", 2, 2, "", "CITYWIDE", 1636),
        (-2, "REGISTERED VOTERS - TOTAL", 2, 2, "", "DEM", 899),
        (-2, "REGISTERED VOTERS - TOTAL", 2, 2, "", "REP", 300),
        (-2, "REGISTERED VOTERS - TOTAL", 2, 2, "", "NPN", 437),
        (-1, "BALLOTS CAST - TOTAL", 2, 2, "", "CITYWIDE", 301),
        (-1, "BALLOTS CAST - TOTAL", 2, 2, "", "DEM", 250),
        (-1, "BALLOTS CAST - TOTAL", 2, 2, "", "REP", 31),
        (-1, "BALLOTS CAST - TOTAL", 2, 2, "", "NPN", 20),
        (2, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "Muriel Bowser", "DEM", 200),
        (2, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "Ernest Johnson", "DEM", 40),
        (2, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "UNDER VOTES", "DEM", 10),
        (3, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "Write-in", "REP", 25),
        (3, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "UNDER VOTES", "REP", 6),
        (9, "INITIATIVE MEASURE NO. 77", 2, 2, "YES", "", 150),
        (9, "INITIATIVE MEASURE NO. 77", 2, 2, "NO", "", 140),
    ]
)


def _counts(text: str, office: str, party: str, precincts: set[str] | None = None) -> int:
    """pandas: the rows of a count office of one party (blank: "") summed over `precincts`."""
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    precinct = "precinct" if "precinct" in table else "PrecinctNumber"
    contest = "office" if "office" in table else "ContestName"
    label = "party" if "party" in table else "Party"
    vote = "votes" if "votes" in table else "Votes"
    rows = table[(table[contest] == office) & (table[label] == party)]
    if precincts is not None:
        rows = rows[rows[precinct].isin(precincts)]
    return int(rows[vote].astype(int).sum())


def _precincts(text: str, office: str, party: str) -> set[str]:
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return set(table[(table["office"] == office) & (table["party"] == party)]["precinct"])


def _by_name(elections: list) -> dict:
    return {e.facts.election: e for e in elections}


def test_texas_each_party_s_ballots_cast_are_its_primary_races(tmp_path, monkeypatch):
    path = write(tmp_path, TEXAS, TEXAS_NAME)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    races = _by_name(elections)
    assert len(races) == 5
    for office, party, name in [
        ("President", "REP", "President · Republican primary"),
        ("Sheriff", "REP", "Sheriff · Republican primary"),
        ("County Commissioner Pct 1", "REP", "County Commissioner Pct 1 · Republican primary"),
        ("President", "DEM", "President · Democratic primary"),
        ("Proposition #1", "DEM", "Proposition #1 · Democratic primary"),
    ]:
        race = races[name]
        precincts = _precincts(TEXAS, office, party)
        # The party's Ballots Cast rows of the race's precincts (P1 only for the commissioner).
        assert race.facts.ballots_cast == _counts(TEXAS, "Ballots Cast", party, precincts), name
        # The file's registered voters are every party's: no one primary's.
        assert race.facts.registered is None, name
        notes = " ".join(race.notes)
        assert "registered voters" in notes and "every party together" in notes, race.notes
        assert "shares with other races" not in notes
    assert races["County Commissioner Pct 1 · Republican primary"].facts.ballots_cast == 289


def test_texas_summary_json(tmp_path):
    path = write(tmp_path, TEXAS, TEXAS_NAME)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    turnout = races["President · Republican primary"]["turnout"]
    assert turnout == {"registered": None, "ballots_cast": 289 + 207, "pct": None}
    turnout = races["President · Democratic primary"]["turnout"]
    assert turnout == {"registered": None, "ballots_cast": 34 + 68, "pct": None}


@pytest.mark.parametrize(
    ("options", "office", "party"),
    [
        ({"where": (("party", "REP"),)}, "President", "REP"),
        ({"races": ("Sheriff",)}, "Sheriff", "REP"),
        ({"races": ("President · Democratic",)}, "President", "DEM"),
    ],
)
def test_texas_where_and_race_change_no_turnout(tmp_path, monkeypatch, options, office, party):
    path = write(tmp_path, TEXAS, TEXAS_NAME)

    def chosen(elections: list) -> tuple[int | None, int | None]:
        [race] = [
            e
            for e in elections
            if e.facts.office == office and {o.party for o in e.options} == {party}
        ]
        return race.facts.registered, race.facts.ballots_cast

    every, _ = engines_agree(monkeypatch, path)
    some, problems = engines_agree(monkeypatch, path, **options)
    assert not [p for p in problems if p.severity == "error"], problems
    assert chosen(some) == chosen(every) == (None, _counts(TEXAS, "Ballots Cast", party))


def test_dc_registered_and_ballots_per_party(tmp_path, monkeypatch):
    path = write(tmp_path, DC, DC_NAME)
    elections, problems = engines_agree(
        monkeypatch, path, region="WardNumber", unit="PrecinctNumber"
    )
    assert not [p for p in problems if p.severity == "error"], problems
    races = _by_name(elections)
    for party, name in [
        ("DEM", "MAYOR OF THE DISTRICT OF COLUMBIA · Democratic primary"),
        ("REP", "MAYOR OF THE DISTRICT OF COLUMBIA · Republican primary"),
    ]:
        facts = races[name].facts
        assert facts.registered == _counts(DC, "REGISTERED VOTERS - TOTAL", party), name
        assert facts.ballots_cast == _counts(DC, "BALLOTS CAST - TOTAL", party), name
    # The measure is on every ballot; its counts are CITYWIDE's, a label of no race: not guessed.
    measure = races["INITIATIVE MEASURE NO. 77"]
    assert (measure.facts.registered, measure.facts.ballots_cast) == (None, None)
    [note] = [n for n in measure.notes if "given per party" in n]
    # (Each party as one key spells it: `DEM` and `Democratic` are one party's, s20-world.)
    assert "CITYWIDE, DEMOCRATIC, NPN, REPUBLICAN" in note and "no party's primary" in note


def test_dc_summary_turnout(tmp_path):
    path = write(tmp_path, DC, DC_NAME)
    result = invoke(
        "summary",
        str(path),
        "--region",
        "WardNumber",
        "--unit",
        "PrecinctNumber",
        "--format",
        "json",
    )
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    turnout = races["MAYOR OF THE DISTRICT OF COLUMBIA · Democratic primary"]["turnout"]
    assert (turnout["registered"], turnout["ballots_cast"]) == (4387 + 899, 690 + 250)
    assert turnout["pct"] == pytest.approx(100 * (690 + 250) / (4387 + 899))


# Missouri's Callaway 2018 primary names REP on each precinct's whole count (475 ballots beside
# 318 Republican and 114 Democratic Senate votes): the Democratic, Libertarian and Green primaries
# have races there and no count row of their own, so the label is no party's. As before: none.
CALLAWAY = """candidate,office,district,party,county,precinct,votes
,Registered Voters,,REP,Callaway,AUXVASSE,1339
,Ballots Cast,,REP,Callaway,AUXVASSE,475
Josh Hawley,U.S. Senate,,REP,Callaway,AUXVASSE,166
Austin Petersen,U.S. Senate,,REP,Callaway,AUXVASSE,66
Claire McCaskill,U S Senate,,DEM,Callaway,AUXVASSE,97
Angelica Earl,U S Senate,,DEM,Callaway,AUXVASSE,2
,Registered Voters,,REP,Callaway,BRYAN,900
,Ballots Cast,,REP,Callaway,BRYAN,300
Josh Hawley,U.S. Senate,,REP,Callaway,BRYAN,120
Austin Petersen,U.S. Senate,,REP,Callaway,BRYAN,50
Claire McCaskill,U S Senate,,DEM,Callaway,BRYAN,60
Angelica Earl,U S Senate,,DEM,Callaway,BRYAN,5
"""


def test_a_party_label_that_contradicts_the_races_is_no_party_s(tmp_path, monkeypatch):
    path = write(tmp_path, CALLAWAY, "20180807__mo__primary__callaway__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert len(elections) == 2
    for election in elections:
        assert (election.facts.registered, election.facts.ballots_cast) == (None, None)
        assert any("Turnout is not computed" in n for n in election.notes), election.notes


# A party's counts above the all-party count of their precinct are no part of it: not trusted.
def test_party_counts_above_the_whole_are_no_party_s(tmp_path, monkeypatch):
    text = TEXAS.replace(
        "Tyler,P2,Ballots Cast,,REP,Ballots Cast,207", "Tyler,P2,Ballots Cast,,REP,Ballots Cast,270"
    )
    path = write(tmp_path, text, TEXAS_NAME)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    for election in elections:
        assert (election.facts.registered, election.facts.ballots_cast) == (None, None)


# Two districts of one office in one party's primary share a precinct: its party counts are
# neither's, as a county split among districts in a general election.
def test_a_party_s_counts_shared_by_two_districts_are_neither_s(tmp_path, monkeypatch):
    text = TEXAS + (
        "Tyler,P1,State Representative,19,REP,James White,200\n"
        "Tyler,P1,State Representative,20,REP,Ann Other,60\n"
    )
    path = write(tmp_path, text, TEXAS_NAME)
    elections, _ = engines_agree(monkeypatch, path)
    races = _by_name(elections)
    for district in ("19", "20"):
        race = races[f"State Representative · {district} · Republican primary"]
        assert race.facts.ballots_cast is None
        assert any("shares with other races of its office" in n for n in race.notes), race.notes
    assert races["Sheriff · Republican primary"].facts.ballots_cast == 289 + 207


# A file of one party's races whose count rows name no party (a county's Republican primary
# alone): its counts are that party's primary's.
ONE_PARTY = """county,precinct,office,district,party,candidate,votes
Bamberg,P1,Registered Voters,,,Registered Voters,900
Bamberg,P1,Ballots Cast,,,Ballots Cast,300
Bamberg,P1,Governor,,REP,Mark Sanford,200
Bamberg,P1,Governor,,REP,Oscar Lovelace,90
Bamberg,P1,Sheriff,,REP,Ed Darnell,250
Bamberg,P2,Registered Voters,,,Registered Voters,700
Bamberg,P2,Ballots Cast,,,Ballots Cast,210
Bamberg,P2,Governor,,REP,Mark Sanford,150
Bamberg,P2,Governor,,REP,Oscar Lovelace,50
Bamberg,P2,Sheriff,,REP,Ed Darnell,190
"""


@pytest.mark.parametrize("label", ["", "REP"])
def test_one_party_s_file_keeps_its_counts(tmp_path, monkeypatch, label):
    text = ONE_PARTY.replace(",,,Registered", f",,{label},Registered").replace(
        ",,,Ballots", f",,{label},Ballots"
    )
    path = write(tmp_path, text, "20060613__sc__primary__bamberg__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert len(elections) == 2
    for election in elections:
        facts = election.facts
        assert facts.registered == _counts(text, "Registered Voters", label)
        assert facts.ballots_cast == _counts(text, "Ballots Cast", label)
        if not label:
            assert any("one party" in n for n in election.notes), election.notes


# Beside a race of no party (a measure on every ballot), a count that names no party is every
# voter's: not the one party's primary's. The measure keeps it, as in a general election.
def test_one_party_s_file_with_a_race_of_no_party(tmp_path, monkeypatch):
    text = ONE_PARTY + "Bamberg,P1,Question 1,,,Yes,200\nBamberg,P2,Question 1,,,Yes,150\n"
    path = write(tmp_path, text, "20060613__sc__primary__bamberg__precinct.csv")
    elections, _ = engines_agree(monkeypatch, path)
    races = _by_name(elections)
    question = races["Question 1"].facts
    assert (question.registered, question.ballots_cast) == (1600, 510)
    for name in ("Governor · Republican primary", "Sheriff · Republican primary"):
        assert races[name].facts.ballots_cast is None, name


def test_dc_with_its_precinct_column_alone(tmp_path, monkeypatch):
    path = write(tmp_path, DC, DC_NAME)
    elections, problems = engines_agree(monkeypatch, path, unit="PrecinctNumber")
    assert not [p for p in problems if p.severity == "error"], problems
    facts = _by_name(elections)["MAYOR OF THE DISTRICT OF COLUMBIA · Democratic primary"].facts
    assert (facts.registered, facts.ballots_cast) == (
        _counts(DC, "REGISTERED VOTERS - TOTAL", "DEM"),
        _counts(DC, "BALLOTS CAST - TOTAL", "DEM"),
    )


# A file of one race (the Republican presidential primary alone) beside both parties' counts: the
# race keeps the file's label, and its party's counts.
def test_a_file_of_one_primary_race(tmp_path, monkeypatch):
    text = "\n".join(
        line
        for line in TEXAS.splitlines()
        if ",President,,REP," in line or "Ballots Cast" in line or line.startswith("county,")
    )
    path = write(tmp_path, text + "\n", TEXAS_NAME)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    [race] = elections
    assert (race.facts.registered, race.facts.ballots_cast) == (
        None,
        _counts(text, "Ballots Cast", "REP"),
    )


# A count of part of the precinct (ES&S's BALLOTS CAST - NONPARTISAN: ballots of no party's
# primary) says the counts that name no party are more than the one party's: not taken.
def test_one_party_s_file_with_a_count_of_part_of_the_precinct(tmp_path, monkeypatch):
    text = ONE_PARTY + (
        "Bamberg,P1,BALLOTS CAST - NONPARTISAN,,,BALLOTS CAST - NONPARTISAN,4\n"
        "Bamberg,P2,BALLOTS CAST - NONPARTISAN,,,BALLOTS CAST - NONPARTISAN,3\n"
    )
    path = write(tmp_path, text, "20060613__sc__primary__bamberg__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    for election in elections:
        assert (election.facts.registered, election.facts.ballots_cast) == (None, None)


def test_dc_under_another_name_is_told_to_read_primaries(tmp_path, monkeypatch):
    # The same layout saved as dc_2018.csv (newuser 26): no name says primary, so the party keys
    # no race and each party's count row is one more count of the precinct. The advice was
    # --unit PrecinctNumber, which then failed ("registered is '4387' here but '6285' on line 2;
    # precinct '1' of region '6' has one registered: make them agree") with none. Now the count
    # rows that name a candidate's party say --primary party, which, followed, reads them.
    # (Each party's race of an office of its own, as the file's at-large council members.)
    lines = [
        line.replace(",3,MAYOR OF THE DISTRICT OF COLUMBIA,", ",3,CHAIR,")
        for line in DC.splitlines(keepends=True)
        if "INITIATIVE" not in line
    ]
    text = "".join(lines).replace("MAYOR OF THE DISTRICT OF COLUMBIA", "MAYOR")
    path = write(tmp_path, text, "dc_2018.csv")
    unit = ("--region", "WardNumber", "--unit", "PrecinctNumber")
    result = invoke("summary", str(path), *unit)
    assert result.code == 1
    assert "registered is '4387' here but '6285' on line 2" in result.stderr
    assert "read one race per party with --primary party" in result.stderr
    told = invoke("summary", str(path), *unit, "--primary", "party", "--format", "json")
    assert told.code == 0, told.stderr
    races = {e["election"]: e for e in json.loads(told.stdout)["elections"]}
    mayor = races["MAYOR · Democratic primary"]
    assert mayor["turnout"]["registered"] == _counts(DC, "REGISTERED VOTERS - TOTAL", "DEM")
    table = " ".join(invoke("summary", str(path), *unit, "--primary", "party").stdout.split())
    assert "(party primaries: --primary party says so;" in table


def test_a_general_election_with_registered_voters_per_party_gets_no_primary_advice(tmp_path):
    # Registration per party beside a race of candidates of several parties: no primaries.
    text = DC_HEAD + "".join(
        f"{_DAY},{n},{contest},1,6,{candidate},{party},{votes}\n"
        for n, contest, candidate, party, votes in [
            (-2, "REGISTERED VOTERS - TOTAL", "", "CITYWIDE", 6285),
            (-2, "REGISTERED VOTERS - TOTAL", "", "DEM", 4387),
            (2, "MAYOR", "Ann Vole", "DEM", 500),
            (2, "MAYOR", "Bo Wren", "REP", 300),
        ]
    )
    result = invoke(
        "summary", str(write(tmp_path, text, "dc_general.csv")), "--unit", "PrecinctNumber"
    )
    assert result.code == 1
    assert "registered is '4387' here but '6285' on line 2" in result.stderr
    assert "--primary" not in result.stderr
