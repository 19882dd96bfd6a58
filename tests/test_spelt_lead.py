"""A candidate spelt two ways never gives a confident wrong winner (trial 6, Georgia 2012).

- Spellings that differ only in case, spacing or punctuation ('E. CULVER KIDD' in one county,
  'E.CULVER KIDD' in another) are one option: State House 145 is Kidd's, and `seats` counts it so.
- Spellings that differ more ('MARY WHIPPLE-LUE', 'M.A. WHIPPLE-LUE'), of one party and never in
  one county (a `name-variant` warning), whose votes added up would change who is elected: the race
  names no winner (verdict `spelling`), its finding gives the --alias, and `seats` counts it
  undecided.

Oracle: pandas, names compared with every non-alphanumeric character removed, or merged by the
alias as a dict replacement."""

from __future__ import annotations

import json
import re

import pandas as pd

from conftest import engines_agree, invoke, write

# Georgia's layout (county, office, district, party, candidate, vote-mode columns), three districts.
GEORGIA = """county,office,district,party,candidate,election_day_votes,absentee_by_mail_votes
Baldwin,State House,145,Democrat,QUENTIN T. HOWELL,8000,568
Baldwin,State House,145,Independent,E. CULVER KIDD,8000,36
Hancock,State House,145,Democrat,QUENTIN T. HOWELL,0,0
Hancock,State House,145,Independent,E.CULVER KIDD,1900,37
Baldwin,State House,144,Democrat,JAMES EPPS,5000,100
Baldwin,State House,144,Republican,ANN ROE,4000,10
Jones,State House,144,Democrat,J. EPPS,300,1
Jones,State House,144,Republican,ANN ROE,200,2
Bibb,State House,143,Republican,BOB DOE,700,7
Bibb,State House,143,Democrat,CY MOE,600,6
"""


def _winners_by_pandas(path, alias: dict[str, str] | None = None) -> dict[str, str]:
    """Each district's winning party, names merged when equal without case, spaces and marks."""
    frame = pd.read_csv(path)
    frame["candidate"] = frame["candidate"].replace(alias or {})
    frame["votes"] = frame["election_day_votes"] + frame["absentee_by_mail_votes"]
    frame["key"] = frame["candidate"].map(lambda s: re.sub(r"[\W_]", "", s).casefold())
    sums = frame.groupby(["district", "key", "party"])["votes"].sum().reset_index()
    top = sums.sort_values("votes", ascending=False).groupby("district").head(1)
    return {str(row.district): row.party for row in top.itertuples()}


def _seats(path, *args: str) -> dict:
    result = invoke("seats", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"][0]


def test_punctuation_spellings_are_one_candidate_in_summary_and_seats(tmp_path, monkeypatch):
    path = write(tmp_path, GEORGIA, "20121106__ga__general.csv")
    elections, _ = engines_agree(monkeypatch, path)
    house = next(e for e in elections if e.facts.election.endswith("145"))
    frame = pd.read_csv(path)
    kidd = frame[frame["candidate"].str.replace(r"[\s.]", "", regex=True) == "ECULVERKIDD"]
    votes = {o.candidate: o.votes for o in house.options}
    assert votes["E. CULVER KIDD"] == (
        kidd["election_day_votes"].sum() + kidd["absentee_by_mail_votes"].sum()
    )
    assert "E.CULVER KIDD" not in votes
    winners = _winners_by_pandas(path)
    assert winners == {"145": "Independent", "144": "Democrat", "143": "Republican"}
    seats = _seats(path)
    won = {p["party"]: p["seats"] for p in seats["allocations"][0]["parties"]}
    assert won == {
        p: list(winners.values()).count(p) for p in ("Democrat", "Republican", "Independent")
    }


# District 2: one Democrat spelt two ways in two counties; apart, each trails the Republican.
SPELT = """county,district,candidate,party,votes
Adair,1,Ann Lee,DEM,300
Boyd,1,Ann Lee,DEM,200
Adair,1,Bob Ray,REP,100
Boyd,1,Bob Ray,REP,150
Adair,2,MARY WHIPPLE-LUE,DEM,400
Boyd,2,M.A. WHIPPLE-LUE,DEM,350
Adair,2,Hank Linder,REP,300
Boyd,2,Hank Linder,REP,250
"""


def _race(data: dict, name: str) -> dict:
    return next(r for r in data["overview"]["races"] if r["race"] == name)


def test_spellings_that_would_change_the_winner_name_none(tmp_path, monkeypatch):
    path = write(tmp_path, SPELT)
    elections, _ = engines_agree(monkeypatch, path)
    frame = pd.read_csv(path)
    district = frame[frame["district"] == 2]
    by_name = district.groupby("candidate")["votes"].sum()
    # pandas: apart, the Republican leads; added up, the two spellings beat him.
    assert by_name.idxmax() == "Hank Linder"
    spelt = by_name["MARY WHIPPLE-LUE"] + by_name["M.A. WHIPPLE-LUE"]
    assert spelt > by_name["Hank Linder"]
    two = next(e for e in elections if e.facts.election == "2")
    assert two.spelt_lead is not None
    assert f"their {spelt:,} votes added up would beat Hank Linder's" in two.spelt_lead
    alias = "M.A. WHIPPLE-LUE=MARY WHIPPLE-LUE"
    assert f"--alias '{alias}'" in two.spelt_lead

    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert _race(data, "2")["won"] is False
    assert "spelling" in _race(data, "2")["tags"]
    assert _race(data, "1")["won"] is True
    table = invoke("summary", str(path), "--race", "2").stdout
    assert f"No winner is named; --alias '{alias}'" in re.sub(r"[│\s]+", " ", table)
    assert "leads as listed" in table

    seats = _seats(path)
    assert seats["allocations"][0]["undecided"] == 1
    assert [d.get("no_winner") for d in seats["districts"]] == [None, "spelling"]
    assert {p["party"]: p["seats"] for p in seats["allocations"][0]["parties"]} == {
        "DEM": 1,
        "REP": 0,
    }

    # The alias merges them: the race is won, by the votes pandas adds up.
    merged = json.loads(invoke("summary", str(path), "--format", "json", "--alias", alias).stdout)
    assert _race(merged, "2")["won"] is True
    assert _race(merged, "2")["leader"]["candidate"] == "MARY WHIPPLE-LUE"
    assert _race(merged, "2")["leader"]["votes"] == spelt


def test_spellings_of_two_parties_or_that_change_nothing_leave_the_winner(tmp_path, monkeypatch):
    # Different parties: two candidates more likely; the leader is named, the tag stays.
    parties = SPELT.replace("Boyd,2,M.A. WHIPPLE-LUE,DEM", "Boyd,2,M.A. WHIPPLE-LUE,GRN")
    elections, _ = engines_agree(monkeypatch, write(tmp_path, parties, "a.csv"))
    assert all(e.spelt_lead is None for e in elections)
    data = json.loads(invoke("summary", str(tmp_path / "a.csv"), "--format", "json").stdout)
    assert (_race(data, "2")["won"], _race(data, "2")["leader"]["candidate"]) == (
        True,
        "Hank Linder",
    )
    assert "spelling" in _race(data, "2")["tags"]
    # The leader is one of the spellings: adding the other only widens the lead.
    ahead = SPELT.replace("Adair,2,MARY WHIPPLE-LUE,DEM,400", "Adair,2,MARY WHIPPLE-LUE,DEM,600")
    elections, _ = engines_agree(monkeypatch, write(tmp_path, ahead, "b.csv"))
    assert all(e.spelt_lead is None for e in elections)
    # Added up, they would fall short of the leader: nothing changes.
    short = SPELT.replace("Adair,2,Hank Linder,REP,300", "Adair,2,Hank Linder,REP,700")
    elections, _ = engines_agree(monkeypatch, write(tmp_path, short, "c.csv"))
    assert all(e.spelt_lead is None for e in elections)
    # Added up, they would tie him: no winner (a tie is no confident answer either).
    tie = SPELT.replace("Adair,2,Hank Linder,REP,300", "Adair,2,Hank Linder,REP,500")
    elections, _ = engines_agree(monkeypatch, write(tmp_path, tie, "d.csv"))
    (two,) = [e for e in elections if e.facts.election == "2"]
    assert two.spelt_lead is not None and "would tie Hank Linder's 750" in two.spelt_lead


def test_kentucky_races_won_by_a_name_spelt_with_and_without_dots():
    """Kentucky's 2018 file writes 'Robert M. "Robby" Mills' and 'Robert M "Robby" Mills', 'J.
    Dorsey Ridley' and 'J Dorsey Ridley' in different counties of State Senate 4: one candidate
    each, and Mills wins (pandas, names without marks; he won it by about 100 votes). State
    Representative 96: 'Kathy L. Hinkle' and 'Kathy L Hinkle', 7,136 to Jill York's 7,132."""
    from pathlib import Path

    import pytest

    from conftest import ROOT

    path = next(
        (
            base / "us_ky_2018_general_precinct.csv"
            for base in (ROOT.parent / "extra-realworld", Path("/work/extra-realworld"))
            if (base / "us_ky_2018_general_precinct.csv").exists()
        ),
        None,
    )
    if path is None:
        pytest.skip("us_ky_2018_general_precinct.csv is not beside the repository")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame[frame["precinct"].str.strip() != "Grand Total"]  # a county's total rows
    frame["v"] = pd.to_numeric(frame["votes"].str.replace(",", ""), errors="coerce").fillna(0)
    races = _overview(invoke("summary", str(path), "--format", "json").stdout)
    for office, district, name in (
        ("State Senate", "4", "State Senate · 4"),
        ("State Representative", "96", "State Representative · 96"),
    ):
        race = frame[(frame["office"].str.strip() == office) & (frame["district"] == district)]
        keys = race["candidate"].map(lambda s: re.sub(r"[\W_]", "", s).casefold())
        sums = race.groupby(keys)["v"].sum().sort_values(ascending=False)
        line = races[name]
        assert line["won"] is True
        assert re.sub(r"[\W_]", "", line["leader"]["candidate"]).casefold() == sums.index[0]
        assert line["leader"]["votes"] == sums.iloc[0]


def _overview(stdout: str) -> dict[str, dict]:
    return {r["race"]: r for r in json.loads(stdout)["overview"]["races"]}
