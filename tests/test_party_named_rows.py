"""MEDSL's 1976–2020 presidential results by state: a candidate cell left blank beside a party.

MIT Election Data + Science Lab's `1976-2020-president.csv` lists some candidates by their party
alone (`"US PRESIDENT","","SOCIALIST LABOR",FALSE,86`: writein FALSE), an unnamed candidate of that
party or ballot line. Nine of the twelve years were refused, "the option has no name; fill in the
candidate cell", which no reader of the file can do. Such a row is now its party's line, named by
the party, with a note naming those parties. A write-in (writein TRUE) of no name stays a write-in;
a count with a party (`Ballots Cast,,REP`) stays a count. Both engines agree; the figures are
pandas sums of the CSV text.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = (
    "year,state,state_po,state_fips,state_cen,state_ic,office,candidate,party_detailed,writein,"
    "candidatevotes,totalvotes,version,notes,party_simplified"
)
ROWS = [
    ("1976", "ARKANSAS", "CARTER, JIMMY", "DEMOCRAT", "FALSE", 498604),
    ("1976", "ARKANSAS", "FORD, GERALD", "REPUBLICAN", "FALSE", 267903),
    ("1976", "ARKANSAS", "", "INDEPENDENT", "FALSE", 639),
    ("1976", "ARKANSAS", "MADDOX, LESTER", "AMERICAN INDEPENDENT PARTY", "FALSE", 389),
    ("1976", "DELAWARE", "CARTER, JIMMY", "DEMOCRAT", "FALSE", 122461),
    ("1976", "DELAWARE", "FORD, GERALD", "REPUBLICAN", "FALSE", 109780),
    ("1976", "DELAWARE", "", "NO PARTY AFFILIATION", "FALSE", 2432),
    ("1976", "DELAWARE", "", "SOCIALIST LABOR", "FALSE", 86),
    ("1976", "DELAWARE", "", "", "TRUE", 12),
    ("1980", "DELAWARE", "CARTER, JIMMY", "DEMOCRAT", "FALSE", 105754),
    ("1980", "DELAWARE", "REAGAN, RONALD", "REPUBLICAN", "FALSE", 111252),
    ("1980", "DELAWARE", "", "INDEPENDENT", "FALSE", 16288),
]


def medsl() -> str:
    table = pd.DataFrame(ROWS, columns=["year", "state", "candidate", "party", "writein", "votes"])
    totals = table.groupby(["year", "state"])["votes"].transform("sum")
    lines = [HEADER]
    for (year, state, name, party, writein, votes), total in zip(ROWS, totals, strict=True):
        lines.append(
            f'{year},"{state}","XX",1,1,1,"US PRESIDENT","{name}","{party}",{writein},{votes},'
            f'{total},"20210113",NA,"OTHER"'
        )
    return "\n".join(lines) + "\n"


def expected(text: str) -> dict[str, dict[str, int]]:
    """Each year's votes by option (the candidate, else the party, else a write-in), by pandas."""
    table = pd.read_csv(io.StringIO(text), keep_default_na=False)
    table["option"] = table["candidate"].where(
        table["candidate"] != "", table["party_detailed"].where(table["party_detailed"] != "")
    )
    table["option"] = table["option"].fillna("Write-in")
    sums = table.groupby(["year", "option"])["candidatevotes"].sum()
    found: dict[str, dict[str, int]] = {}
    for (year, option), votes in sums.items():
        found.setdefault(str(year), {})[str(option)] = int(votes)
    return found


def test_a_blank_candidate_beside_a_party_is_the_party_s_line(tmp_path):
    text = medsl()
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    want = expected(text)
    got = {
        e["election"].split(" · ")[0]: {o["candidate"]: o["votes"] for o in e["results"]}
        for e in data["elections"]
    }
    assert got == want
    # Each race's note names the parties read so there (1976: Arkansas's and Delaware's).
    for election in data["elections"]:
        [note] = [n for n in election["notes"] if "name no candidate" in n]
        year = election["election"].split(" · ")[0]
        parties = sorted({p for y, _, name, p, w, _ in ROWS if y == year and not name and p})
        assert note.startswith(
            f"Rows that name no candidate, only a party ({', '.join(map(repr, parties))})"
        )


def test_both_engines_agree(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, medsl()))
    assert not [p for p in problems if p.severity == "error"]
    parties = {o.candidate: o.party for e in elections for o in e.options}
    assert parties["NO PARTY AFFILIATION"] == "NO PARTY AFFILIATION"
    assert parties["INDEPENDENT"] == "INDEPENDENT"


def test_a_party_row_of_no_votes_stays_unread(tmp_path):
    # No name and no votes: no option (left out as before, with its warning).
    text = medsl().replace(',"","SOCIALIST LABOR",FALSE,86,', ',"","SOCIALIST LABOR",FALSE,,')
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    data = json.loads(result.stdout)
    names = {o["candidate"] for e in data["elections"] for o in e["results"]}
    assert "SOCIALIST LABOR" not in names


def test_a_party_row_holding_its_candidates_sum_is_set_aside(tmp_path, monkeypatch):
    # The Kiesraad's layout with the list total's name left blank: read as the party's line, it
    # would count VVD's votes twice unsaid. Set aside as the party's total, warned
    # (`read.party_totals`; `pollcli seats` sets such a total apart too).
    text = (
        "office,candidate,party,votes\nTK,,VVD,1000\nTK,Rutte,VVD,600\nTK,Hermans,VVD,400\n"
        "TK,Jansen,D66,300\n"
    )
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    [warning] = [p for p in problems if p.code == "total-row"]
    assert warning.severity == "warning" and warning.line == 2
    assert "'VVD'" in warning.message and "1,000" in warning.message
    assert "set aside" in warning.message
    assert {o.candidate: o.votes for o in race.options} == {
        "Rutte": 600,
        "Hermans": 400,
        "Jansen": 300,
    }
    # A party's line that is no such sum (MEDSL's unnamed INDEPENDENT) is not warned of.
    assert not [
        p for p in engines_agree(monkeypatch, write(tmp_path, medsl()))[1] if p.code == "total-row"
    ]


def test_a_party_row_of_no_race_is_no_party_s_line(tmp_path):
    # Missouri's Monroe 2018 primary: each precinct's ballots by party, office and name blank.
    # They are no candidate: still refused, not read as a race "REP" wins.
    text = "\n".join(
        [
            "county,precinct,office,district,candidate,party,votes",
            "Monroe,Madison,,,Registered Voters,,868",
            "Monroe,Madison,,,,REP,194",
            "Monroe,Madison,,,,DEM,115",
            "Monroe,Madison,U.S. Senate,,Josh Hawley,REP,88",
            "Monroe,Madison,U.S. Senate,,Tony Monetti,REP,10",
        ]
    )
    result = invoke("summary", str(write(tmp_path, text + "\n")), "--format", "json")
    assert "the option has no name" in result.stderr
    data = json.loads(result.stdout)
    names = {o["candidate"] for e in data["elections"] for o in e["results"]}
    assert not names & {"REP", "DEM"}


def test_a_measure_s_answer_in_the_party_cell_is_the_answer(tmp_path, monkeypatch):
    # Bucks 2018's `BENSALEM TOWNSHIP REFERENDUM,,,Yes,401`: the answers, of no party (refused
    # before; no party's line either).
    text = "\n".join(
        [
            "county,precinct,office,district,candidate,party,votes",
            "Bucks,Lower East 1,BENSALEM TOWNSHIP REFERENDUM,,,Yes,401",
            "Bucks,Lower East 1,BENSALEM TOWNSHIP REFERENDUM,,,No,389",
            "Bucks,Lower East 2,BENSALEM TOWNSHIP REFERENDUM,,,Yes,300",
            "Bucks,Lower East 2,BENSALEM TOWNSHIP REFERENDUM,,,No,350",
        ]
    )
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text + "\n"))
    assert not [p for p in problems if p.severity == "error"]
    [measure] = elections
    table = pd.read_csv(io.StringIO(text))
    want = table.groupby("party")["votes"].sum().to_dict()
    assert {o.candidate: (o.votes, o.party) for o in measure.options} == {
        answer: (votes, None) for answer, votes in want.items()
    }
    assert not any("only a party" in n for n in measure.notes)


def test_a_file_of_no_race_column_still_wants_the_name(tmp_path):
    # `candidate,party,votes` with a blank name: a name left out, as before (blank-name).
    text = "candidate,party,votes\nAna,Blue,5\n,Blue,3\nBen,Red,4\n"
    result = invoke("summary", str(write(tmp_path, text)))
    assert result.code == 1 and "the option has no name" in result.stderr


def test_a_blank_name_beside_a_party_whose_candidate_stands_is_refused(tmp_path, monkeypatch):
    # New Hampshire 2020: William Hatch's name on his first row only (`State Senate,CS06,DEM,,154`
    # below). Read as DEM's line, his votes would be split in two: refused, saying what to do.
    text = "\n".join(
        [
            "county,precinct,office,district,party,candidate,votes",
            "Coos,Gorham,State Senate,CS06,DEM,William Hatch,1151",
            "Coos,Shelburne,State Senate,CS06,DEM,,154",
            "Coos,Gorham,State Senate,CS06,REP,David Starr,900",
            "Coos,Shelburne,State Senate,CS06,REP,David Starr,120",
            "Coos,Gorham,President,,DEM,Joe Biden,1200",
            "Coos,Shelburne,President,,DEM,Joe Biden,150",
        ]
    )
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text + "\n"))
    [error] = [p for p in problems if p.severity == "error"]
    assert error.code == "blank-name" and error.line == 3
    assert "'William Hatch' (line 2)" in error.message and "fill in the name" in error.message
    assert [e.facts.election for e in elections] == ["President"]


def test_a_party_row_holding_its_lone_candidate_s_votes_in_every_region_is_set_aside(
    tmp_path, monkeypatch
):
    # A list's total above its one candidate, region by region: the same votes in each of three
    # regions is no chance (two options never tie everywhere), so the row is the list's total,
    # set aside; its votes had been counted twice, warned only.
    rows = [
        ("Noord", "VVD", "VVD", 300),
        ("Noord", "Ann Ash", "VVD", 300),
        ("Noord", "Cas Cox", "D66", 250),
        ("Oost", "VVD", "VVD", 120),
        ("Oost", "Ann Ash", "VVD", 120),
        ("Oost", "Cas Cox", "D66", 200),
        ("Zuid", "VVD", "VVD", 80),
        ("Zuid", "Ann Ash", "VVD", 80),
        ("Zuid", "Cas Cox", "D66", 90),
    ]
    text = "region,candidate,party,votes\n" + "".join(f"{r},{c},{p},{v}\n" for r, c, p, v in rows)
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    table = pd.read_csv(io.StringIO(text))
    want = table[table.candidate != table.party].groupby("candidate")["votes"].sum().to_dict()
    assert {o.candidate: o.votes for o in race.options} == want
    [warning] = [p for p in problems if p.code == "total-row"]
    assert warning.line == 2 and "set aside" in warning.message
    assert "in each of its 3 regions" in warning.message
    # Two regions, or one region where they differ: may be a party's line beside its candidate
    # (as before: counted, warned).
    two = "region,candidate,party,votes\n" + "".join(
        f"{r},{c},{p},{v}\n" for r, c, p, v in rows if r != "Zuid"
    )
    for kept in (two, text.replace("Zuid,VVD,VVD,80", "Zuid,VVD,VVD,81")):
        [race], problems = engines_agree(monkeypatch, write(tmp_path, kept))
        assert "VVD" in {o.candidate for o in race.options}
