"""Races of convention delegates elect several, and the file does not say how many (trial 6:
Illinois' 2016 primary, '5TH REPUBLICAN DELEGATE: MARK FRATELLA leads with 11.26 % … nominates the
leader', tagged CLOSE, in 54 such races). No winner is named, no margin measured, no CLOSE tag; a
warning and the finding give --vote-for. Oracle: pandas (the top N by summed votes)."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read.delegates import is_delegates

# Illinois' layout; the 5th's delegates (several elected), its alternates, a House primary, and a
# chamber of delegates (West Virginia's), which is no race of convention delegates.
ILLINOIS = """county,office,district,party,candidate,votes
COOK,5TH REPUBLICAN DELEGATE,,REP,MARK FRATELLA,17000
COOK,5TH REPUBLICAN DELEGATE,,REP,KATHLEEN GORO,16800
COOK,5TH REPUBLICAN DELEGATE,,REP,LORI GAYNE,16300
COOK,5TH REPUBLICAN DELEGATE,,REP,DANIEL J. CRONIN,16100
DUPAGE,5TH REPUBLICAN DELEGATE,,REP,MARK FRATELLA,5
DUPAGE,5TH REPUBLICAN DELEGATE,,REP,KATHLEEN GORO,100
DUPAGE,5TH REPUBLICAN DELEGATE,,REP,LORI GAYNE,400
DUPAGE,5TH REPUBLICAN DELEGATE,,REP,DANIEL J. CRONIN,50
COOK,5TH REPUBLICAN ALTERNATE DELEGATE,,REP,ANN ROE,900
COOK,5TH REPUBLICAN ALTERNATE DELEGATE,,REP,BOB DOE,899
COOK,U.S. House,5,REP,CY MOE,3000
COOK,U.S. House,5,REP,DI NOE,1000
COOK,HOUSE OF DELEGATES,5,REP,ED POE,700
COOK,HOUSE OF DELEGATES,5,REP,FLO ROE,698
"""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("5TH REPUBLICAN DELEGATE", True),
        ("15TH REPUBLICAN ALTERNATE DELEGATE", True),
        ("Delegates to the National Convention · 3", True),
        ("HOUSE OF DELEGATES · 5", False),
        ("House of  Delegates", False),
        ("Delegate Street Commissioner", True),
        ("Precinct Committeeman", False),
        ("Delegated Authority Board", False),
        # One seat: the District of Columbia's (and a territory's) member of the U.S. House
        # (DC's 2018 primary, trial 16: 'DELEGATE TO THE HOUSE OF REPRESENTATIVES FROM THE
        # DISTRI', truncated so, had named no winner); a convention's delegates are several.
        ("DELEGATE TO THE HOUSE OF REPRESENTATIVES FROM THE DISTRI", False),
        ("Delegate to Congress", False),
        ("Delegate to the U.S. House of Representatives", False),
        ("DELEGATE TO 2018 LIBERTARIAN PARTY NATIONAL CONVENTION", True),
    ],
)
def test_delegate_races_by_name(name, expected):
    assert is_delegates(name) is expected


def _races(path, *args: str) -> dict[str, dict]:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    return {r["race"]: r for r in json.loads(result.stdout)["overview"]["races"]}


def test_delegate_races_name_no_winner_and_are_never_close(tmp_path, monkeypatch):
    path = write(tmp_path, ILLINOIS, "20160315__il__primary__county.csv")
    elections, _ = engines_agree(monkeypatch, path)
    marked = {e.facts.election for e in elections if e.delegates}
    assert marked == {
        "5TH REPUBLICAN DELEGATE",
        "5TH REPUBLICAN ALTERNATE DELEGATE",
    }
    assert all(e.seats is None for e in elections if e.delegates)
    races = _races(path)
    for name in marked:
        assert races[name]["won"] is False
        assert races[name]["tags"] == []  # 899 to 900 is no CLOSE race: nothing is measured
    assert races["U.S. House · 5"]["won"] is True
    # A chamber's race is one seat: its 2-vote margin is close.
    chamber = races["HOUSE OF DELEGATES · 5"]
    assert chamber["won"] is True and "close" in chamber["tags"]
    result = invoke("summary", str(path), "--race", "5TH REPUBLICAN DELEGATE")
    text = re.sub(r"[│\s]+", " ", result.stdout + result.stderr)
    assert "No winner is named and no margin measured" in text
    assert "or with --vote-for N." in text and "--race '5TH REPUBLICAN DELEGATE'" in text
    assert "elect delegates" in result.stderr


def test_vote_for_elects_the_top_n_by_pandas(tmp_path):
    path = write(tmp_path, ILLINOIS, "20160315__il__primary__county.csv")
    frame = pd.read_csv(path)
    sums = frame[frame["office"] == "5TH REPUBLICAN DELEGATE"].groupby("candidate")["votes"].sum()
    top = list(sums.sort_values(ascending=False).index[:3])
    data = json.loads(
        invoke(
            "summary",
            str(path),
            "-f",
            "json",
            "--race",
            "5TH REPUBLICAN DELEGATE",
            "--vote-for",
            "3",
        ).stdout
    )
    (race,) = data["elections"]
    assert [r["candidate"] for r in race["results"][:3]] == top
    (line,) = data["overview"]["races"]
    assert line["won"] is True


def test_seats_counts_delegate_races_undecided(tmp_path):
    # A general election's file (seats leaves primaries out), by district.
    text = "district,office,candidate,party,votes\n" + "".join(
        f"{d},{office},{name},{party},{votes}\n"
        for d, office, rows in (
            ("1", "Delegates to the Convention", (("Ann", "Red", 50), ("Bob", "Blue", 49))),
            ("2", "Delegates to the Convention", (("Cy", "Red", 30), ("Di", "Blue", 70))),
            ("1", "Council", (("Ed", "Red", 60), ("Flo", "Blue", 40))),
        )
        for name, party, votes in rows
    )
    path = write(tmp_path, text, "20161108__xx__general.csv")
    result = invoke("seats", str(path), "--race", "Delegates", "--format", "json")
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    why = {d["district"]: d.get("no_winner") for d in election["districts"]}
    assert why == {
        "Delegates to the Convention · 1": "seats_unknown",
        "Delegates to the Convention · 2": "seats_unknown",
    }
    assert election["allocations"][0]["undecided"] == 2
