"""`summary` on candidates on open lists (review, session 13): the table ranked candidates under a
"List" header and the findings named the candidate of the most votes the leader ("Anna A (KOK)
leads with 24.15 %") while KOK's list held 53 %. The lists' standing is what a reader needs: the
findings give it first (each party's candidates summed, by pandas here), the candidate of the most
votes is said as such, and the table's header and tags say candidates. JSON fields are as before.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import invoke, write

FINLAND = """municipality,candidate,party,votes,seats
Aland,Anna A,KOK,500,3
Aland,Bert B,KOK,300,3
Aland,Cara C,KOK,250,3
Aland,Gus G,KOK,50,3
Aland,Dan D,SDP,450,3
Aland,Eve E,SDP,100,3
Aland,Fay F,KESK,420,3
"""


def test_the_findings_give_the_lists_standing_first(tmp_path):
    path = write(tmp_path, FINLAND, "aland.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(FINLAND))
    votes = frame.groupby("party")["votes"].sum().sort_values(ascending=False)
    shares = votes / frame["votes"].sum() * 100
    first = election["notes"][0]
    assert first.startswith("Lists, each party's candidates' votes summed: ")
    listed = [f"{p} {shares[p]:.2f} % ({votes[p]:,} votes" for p in votes.index]
    positions = [first.index(text) for text in listed]
    assert positions == sorted(positions)
    assert "Most votes of a candidate: Anna A (KOK), 24.15 % (500 votes)." in first
    assert not any("leads with" in n for n in election["notes"])
    assert election["leader"]["candidate"] == "Anna A"  # (the JSON field, as before)


def test_the_table_says_candidates(tmp_path):
    path = write(tmp_path, FINLAND, "aland.csv")
    result = invoke("summary", str(path), "--no-color")
    assert result.code == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if "Party" in line)
    assert "Candidate" in header and "List" not in header
    assert "MOST VOTES" in result.stdout
    assert "LEADER" not in result.stdout and "RUNNER-UP" not in result.stdout
    markdown = invoke("summary", str(path), "--format", "markdown").stdout
    assert "| # | Candidate | Party |" in markdown and "| MOST VOTES |" in markdown


def test_a_file_of_party_lists_is_as_before(tmp_path):
    text = "party,votes,seats\nKOK,1100,3\nSDP,550,3\nKESK,420,3\n"
    result = invoke("summary", str(write(tmp_path, text)), "--no-color")
    assert result.code == 0, result.stderr
    assert "List" in result.stdout and "LEADER" in result.stdout
