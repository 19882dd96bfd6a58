"""A party's list votes written as a row beside its candidates' personal votes: no candidate's.

Denmark's valg.dk lists each party's candidates and a `Listestemmer` row of the party's list votes
(ballots marked for the party, none of its candidates); the Kiesraad may name that row as the party.
Read as candidates, `Listestemmer (A. …)` led the race with a LEADER tag, was elected by
`--vote-for 2`, had "the most votes of a candidate" among open lists, and the shared-name warning
advised `--fusion`, which would add up different parties' list votes. Now such a row is no
candidate: never leader, runner-up nor elected, counted in the valid votes and in its party's
list. Names and figures invented; oracle: pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

ROWS = """kommune,party,candidate,votes
Nordby,A. Sociallisten,Anne Hansen,1200
Nordby,A. Sociallisten,Bo Jensen,800
Nordby,A. Sociallisten,{a},1500
Nordby,V. Venstrelisten,Carl Nielsen,1300
Nordby,V. Venstrelisten,Dorte Lund,400
Nordby,V. Venstrelisten,{v},700
Sydby,A. Sociallisten,Anne Hansen,900
Sydby,A. Sociallisten,Bo Jensen,600
Sydby,A. Sociallisten,{a},1100
Sydby,V. Venstrelisten,Carl Nielsen,1000
Sydby,V. Venstrelisten,Dorte Lund,500
Sydby,V. Venstrelisten,{v},650
"""
LISTESTEMMER = ROWS.format(a="Listestemmer", v="Listestemmer")
NAMED = ROWS.format(a="A. Sociallisten", v="V. Venstrelisten")


def _frame(text: str) -> pd.DataFrame:
    frame = pd.read_csv(io.StringIO(text))
    frame["list"] = (frame["candidate"] == "Listestemmer") | (frame["candidate"] == frame["party"])
    return frame


def _people(text: str) -> list[str]:
    """The candidates, most personal votes first (the list rows aside)."""
    frame = _frame(text)
    votes = frame[~frame["list"]].groupby("candidate")["votes"].sum()
    return votes.sort_values(ascending=False).index.tolist()


@pytest.mark.parametrize("text", [LISTESTEMMER, NAMED])
def test_a_list_votes_row_is_no_candidate(tmp_path, monkeypatch, text):
    path = write(tmp_path, text, "personlige_stemmer.csv")
    elections, problems = engines_agree(monkeypatch, path)
    (election,) = elections
    marked = {o.candidate for o in election.options if o.list_votes}
    assert len(marked) == 2
    assert not [p for p in problems if p.code == "shared-name"]
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (summary,) = json.loads(result.stdout)["elections"]
    people = _people(text)
    assert summary["leader"]["candidate"] == people[0] == "Carl Nielsen"
    rows = {r["candidate"]: r for r in summary["results"]}
    assert {c for c, r in rows.items() if r.get("list_votes")} == marked
    first = next(r for r in summary["results"] if r["rank"] == 1)
    assert first["party"] == "A. Sociallisten" and first["list_votes"]  # (no candidate's)
    table = invoke("summary", str(path))
    assert "LIST VOTES" in table.stdout
    assert "Carl Nielsen" in next(line for line in table.stdout.splitlines() if "LEADER" in line)


def test_no_list_votes_row_is_elected(tmp_path):
    path = write(tmp_path, LISTESTEMMER, "personlige_stemmer.csv")
    result = invoke("summary", str(path), "--vote-for", "2", "--format", "json")
    (summary,) = json.loads(result.stdout)["elections"]
    assert summary["elected"] == _people(LISTESTEMMER)[:2]


def test_the_lists_hold_their_list_votes(tmp_path):
    # Open lists: each party's candidates and its list votes summed, as pandas sums the party.
    path = write(tmp_path, LISTESTEMMER, "personlige_stemmer.csv")
    result = invoke("summary", str(path), "--system", "list", "--format", "json")
    (summary,) = json.loads(result.stdout)["elections"]
    notes = " ".join(summary["notes"])
    frame = _frame(LISTESTEMMER)
    for party, votes in frame.groupby("party")["votes"].sum().items():
        assert f"{party} {100 * votes / frame['votes'].sum():.2f} % ({votes:,} votes, 2 " in notes
    assert "2 candidates and its list votes" in notes
    assert "Most votes of a candidate: Carl Nielsen" in notes


def test_fusion_never_adds_parties_list_votes_up(tmp_path, monkeypatch):
    path = write(tmp_path, LISTESTEMMER, "personlige_stemmer.csv")
    elections, _ = engines_agree(monkeypatch, path, read_options=ReadOptions(fusion=True))
    listed = {o.candidate: o.votes for o in elections[0].options if o.list_votes}
    frame = _frame(LISTESTEMMER)
    by_party = frame[frame["list"]].groupby("party")["votes"].sum()
    assert listed == {f"Listestemmer ({p})": v for p, v in by_party.items()}
