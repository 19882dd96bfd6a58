"""The House of Commons Library's results by candidate: `Candidate first name` / `Candidate surname`
are the candidate's name, joined given name first (docs/csv-format.md), so two Independents in one
seat are two candidates and the party column stays their party.

The rows below are invented figures in that file's layout (2017 general election); the oracle is
pandas: each constituency's winner by votes, and seats per party.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = (
    "ONS ID,ONS region ID,Constituency name,County name,Region name,Country name,"
    "Constituency type,Party name,Party abbreviation,Electoral Commission party ID,"
    "MNIS party ID,Electoral Commission adjunct party ID,Candidate first name,Candidate surname,"
    "Candidate gender,Sitting MP,Former MP,Member MNIS ID,Votes,Share,Change,"
    "Democracy Club person ID\n"
)
SEATS = [
    ("W07000049", "W92000004", "Aberavon", "Wales", "Wales"),
    ("E14000589", "E12000003", "Bradford West", "Yorkshire and The Humber", "England"),
    ("E14000590", "E12000003", "Bradford East", "Yorkshire and The Humber", "England"),
]
CANDIDATES = [
    # seat, party, abbreviation, first name, surname, votes
    (0, "Labour", "Lab", "Ann", "Ash", 2200),
    (0, "Conservative", "Con", "Ben", "Birch", 600),
    (0, "Plaid Cymru", "PC", "Cy", "Cole", 280),
    (1, "Independent", "Ind", "Dee", "Dale", 54),
    (1, "Independent", "Ind", "Eve", "Elm", 65),
    (1, "Independent", "Ind", "Fay", "Fir", 3100),
    (1, "Labour", "Lab", "Gus", "Gale", 2900),
    (1, "Conservative", "Con", "Hal", "Hart", 750),
    (2, "Labour", "Lab", "Ida", "Ivy", 1900),
    (2, "Conservative", "Con", "Jo", "Jay", 2100),
    (2, "Liberal Democrat", "LD", "Kim", "Kay", 300),
]


def _text() -> str:
    lines = [HEADER]
    for seat, party, abbreviation, first, surname, votes in CANDIDATES:
        ons, region_id, name, region, country = SEATS[seat]
        lines.append(
            f"{ons},{region_id},{name},,{region},{country},County,{party},{abbreviation},PP1,1,,"
            f"{first},{surname},Female,No,No,,{votes},0.1,0.01,1\n"
        )
    return "".join(lines)


def test_first_name_and_surname_columns_are_the_candidate(monkeypatch, tmp_path):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, _text()))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(_text()))
    frame["name"] = frame["Candidate first name"] + " " + frame["Candidate surname"]
    for election in elections:
        rows = frame[frame["ONS ID"] == election.race.keys["ONS ID"]]
        assert {o.candidate: (o.party, o.votes) for o in election.options} == {
            r["name"]: (r["Party name"], r.Votes) for _, r in rows.iterrows()
        }


def test_seats_per_party_as_pandas_counts_them(tmp_path):
    frame = pd.read_csv(io.StringIO(_text()))
    winners = frame.loc[frame.groupby("ONS ID")["Votes"].idxmax(), "Party name"]
    oracle = winners.value_counts().to_dict()
    assert oracle == {"Independent": 1, "Labour": 1, "Conservative": 1}
    result = invoke("seats", str(write(tmp_path, _text())), "--format", "json")
    assert result.code == 0, result.stderr
    (document,) = json.loads(result.stdout)["elections"]
    seats = {
        row["party"]: row["seats"] for row in document["allocations"][0]["parties"] if row["seats"]
    }
    assert seats == oracle


def test_a_repeat_in_a_column_blank_everywhere_names_no_vote_mode(tmp_path):
    """Without the names (party alone), two Independents of one seat are a repeat; the advice must
    not ask to fill the 'County name' column with MAIL or PROVISIONAL: it is blank in every row,
    no precinct column whose blank cells may be mail ballots."""
    text = _text().replace(",Candidate first name,Candidate surname,", ",First,Last,")
    result = invoke(
        "validate",
        str(write(tmp_path, text)),
        "--ignore-column",
        "First",
        "--ignore-column",
        "Last",
    )
    assert result.code == 1
    flat = " ".join(result.stdout.split())
    assert "is listed again" in flat
    assert "MAIL" not in flat and "PROVISIONAL" not in flat
