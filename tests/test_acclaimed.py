"""A candidate acclaimed — elected unopposed, no vote held — has an acclamation word in the votes
cell: the Library of Parliament's history of federal ridings since 1867 writes `accl.` (622 such
candidates, share blank, `Elected` 1). Read as a count, the cell refused 637 races ("not a number;
write digits only", session 17). Now such a race is won by acclamation: its candidates elected,
unopposed with no count, no votes or share invented beyond the 0 of a vote not held; two acclaimed
in a riding of two members elect both; an acclaimed candidate beside candidates with votes names
no winner, with a note naming the line. Names and figures invented, the layout is the file's;
oracle: pandas, the `Elected` marks by party (every race here is decided as the file says)."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEAD = (
    "Election Date,Election Type,Parliament,Province,Riding,Last Name,First Name,Gender,"
    "Occupation,Party,Votes,Votes (%),Elected\n"
)
ROWS = """1867-08-07,Gen,1,New Brunswick,ALBERT,WALL,John,,farmer,Liberal,778,52.14,1
1867-08-07,Gen,1,New Brunswick,ALBERT,STONE,Henry,,,Unknown,714,47.86,0
1867-08-07,Gen,1,New Brunswick,CARLTON,CONNOR,Charles,,merchant,Liberal,accl.,,1
1867-08-07,Gen,1,New Brunswick,CHARLES,BOLT,John,,,Conservative,1214,56.94,1
1867-08-07,Gen,1,New Brunswick,CHARLES,THOMAS,Robert,,,Liberal,918,43.06,0
1872-07-20,Gen,2,Ontario,OTTAWA (CITY OF),LEWES,John,,lawyer,Conservative,accl.,,1
1872-07-20,Gen,2,Ontario,OTTAWA (CITY OF),CURRY,Joseph,,,Liberal-Conservative,accl.,,1
1872-07-20,Gen,2,Ontario,OXFORD NORTH,OLIVE,Tom,,teacher,Liberal,ACCLAIMED,,1
"""
# An acclaimed candidate beside a rival with votes: the file contradicts itself.
MIXED = "1872-07-20,Gen,2,Ontario,PERTH,POOLE,Ann,,,Liberal,accl.,,1\n" + (
    "1872-07-20,Gen,2,Ontario,PERTH,QUAY,Bo,,,Conservative,640,,0\n"
)
RACE_BY = ("--race-by", "Election Date,Province,Riding", "--format", "json")


def _seats_by_party(text: str) -> dict[str, int]:
    """pandas: the members the file marks elected, by party."""
    frame = pd.read_csv(io.StringIO(text))
    won = frame[frame["Elected"] == 1].groupby("Party").size()
    return {str(party): int(n) for party, n in won.items()}


def test_acclaimed_races_are_won_unopposed_with_no_count(tmp_path) -> None:
    path = write(tmp_path, HEAD + ROWS, "History_Federal_Electoral_Ridings.csv")
    result = invoke("summary", str(path), *RACE_BY)
    assert result.code == 0, result.stderr
    assert "write digits only" not in result.stderr
    assert "has 0 votes" not in result.stderr  # no vote was held: nothing to check
    data = json.loads(result.stdout)
    assert {p["party"]: p["won"] for p in data["tally"]["parties"]} == _seats_by_party(HEAD + ROWS)
    lines = {line["race"].split(" · ")[0]: line for line in data["overview"]["races"]}
    carlton = lines["CARLTON"]
    assert carlton["won"] is True and {"unopposed", "no_count"} <= set(carlton["tags"])
    assert carlton["leader"] == {
        "candidate": "Charles CONNOR",
        "party": "Liberal",
        "votes": 0,
        "share": None,
    }
    assert carlton["margin"] is None
    assert lines["OXFORD NORTH"]["won"] is True  # "ACCLAIMED", in capitals
    ottawa = lines["OTTAWA (CITY OF)"]
    assert ottawa["seats"] == 2 and ottawa["won"] is True
    assert sorted(ottawa["elected"]) == ["John LEWES", "Joseph CURRY"]
    # A counted race is read as ever: Bolt 1,214 votes, 56.94 % as published, 296 ahead.
    assert lines["CHARLES"]["leader"]["votes"] == 1214
    assert lines["CHARLES"]["leader"]["share"] == 56.94
    assert lines["CHARLES"]["margin"]["votes"] == 1214 - 918
    race = next(e for e in data["elections"] if e["election"].startswith("CARLTON"))
    said = [n for n in race["notes"] if "elected by acclamation" in n]
    assert said and "line 4 ('Charles CONNOR')" in said[0]
    assert any(n.startswith("Unopposed, no count: Charles CONNOR") for n in race["notes"])


def test_acclaimed_beside_a_counted_rival_names_no_winner(tmp_path) -> None:
    path = write(tmp_path, HEAD + ROWS + MIXED, "ridings.csv")
    result = invoke("summary", str(path), *RACE_BY)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    perth = next(line for line in data["overview"]["races"] if line["race"].startswith("PERTH"))
    assert perth["won"] is False and perth["margin"] is None
    race = next(e for e in data["elections"] if e["election"].startswith("PERTH"))
    assert any(
        "'Ann POOLE' is said to be acclaimed (line 10" in n and "no winner is named" in n
        for n in race["notes"]
    ), race["notes"]


def test_both_engines_read_acclamations_alike(tmp_path, monkeypatch) -> None:
    # Without the `Elected` column (which the exact engine reads alone): the streaming engine
    # meets the acclamations and hands the file over.
    text = "".join(
        ",".join(line.split(",")[:-1]) + "\n" for line in (HEAD + ROWS + MIXED).splitlines()
    )
    path = write(tmp_path, text, "ridings.csv")
    elections, problems = engines_agree(
        monkeypatch, path, block_bytes=128, race_by=("Election Date", "Province", "Riding")
    )
    assert not [p for p in problems if p.severity == "error"], problems
    by_name = {e.facts.election.split(" · ")[0]: e for e in elections}
    assert [o.votes for o in by_name["CARLTON"].options] == [0]
    assert by_name["OTTAWA (CITY OF)"].seats == 2
    assert by_name["PERTH"].no_winner is not None


def test_acclaimed_beside_a_counted_rival_has_no_share_place_or_threshold(tmp_path) -> None:
    # Session 18 showed Ann POOLE as runner-up with "0.00 %" and "below the 3 % threshold": a
    # candidate for whom no vote was held has no share at all. Oracle by hand: Bo QUAY's 640 are
    # all the votes counted, 100 %; Ann POOLE has no figure but her 0 of a vote not held.
    path = write(tmp_path, HEAD + ROWS + MIXED, "ridings.csv")
    result = invoke("summary", str(path), *RACE_BY)
    assert result.code == 0, result.stderr
    race = next(e for e in json.loads(result.stdout)["elections"] if "PERTH" in e["election"])
    rows = {r["candidate"]: r for r in race["results"]}
    assert rows["Ann POOLE"]["share"] is None and rows["Ann POOLE"]["votes"] == 0
    assert rows["Ann POOLE"]["below_threshold"] is False and rows["Ann POOLE"]["acclaimed"]
    assert rows["Bo QUAY"]["share"] == 100.0 and "acclaimed" not in rows["Bo QUAY"]
    assert race["runner_up"] is None and race["below_threshold"] == []
    assert not [n for n in race["notes"] if " 0.00 %" in n or "Runner-up" in n], race["notes"]
    shown = invoke("summary", str(path), "--race-by", "Election Date,Province,Riding", "--race",
                   "PERTH", env={"COLUMNS": "120"})  # fmt: skip
    line = next(row for row in shown.stdout.splitlines() if "Ann POOLE" in row)
    assert "ACCLAIMED, NO COUNT" in line and "0.00" not in line and "BELOW" not in line


def test_acclaimed_beside_a_counted_rival_in_a_file_of_no_facts_wins_no_seat(tmp_path) -> None:
    # The races of a file with no fact column (riding, candidate, party, votes) were told apart
    # only by their records' facts: the acclaimed candidate and the rival fell in one nameless
    # race, and "Bob Birch wins the seat" (Conservative 1 of 2). Oracle: pandas, the counted
    # race's leader by votes; the contradictory one undecided.
    text = (
        "riding,candidate,party,votes\nAlpha,Ann Ash,Liberal,accl.\n"
        "Alpha,Bob Birch,Conservative,1200\nBeta,Cy Cole,Liberal,900\n"
        "Beta,Di Dunn,Conservative,700\n"
    )
    path = write(tmp_path, text, "ridings.csv")
    result = invoke("summary", str(path), "--race-by", "riding", "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    frame = pd.read_csv(io.StringIO(text))
    beta = frame[frame["riding"] == "Beta"]
    expected = {str(beta.loc[beta["votes"].astype(int).idxmax(), "party"]): 1}
    assert {p["party"]: p["won"] for p in data["tally"]["parties"] if p["won"]} == expected
    alpha = next(e for e in data["elections"] if e["election"] == "Alpha")
    assert alpha["margin"] is None
    assert not any("wins the seat" in n for n in alpha["notes"]), alpha["notes"]
    assert any("said to be acclaimed (line 2" in n for n in alpha["notes"]), alpha["notes"]
