"""Pedersen volatility is a measure of parties: where both files name each candidate's party,
`compare` says which figure is which and gives the parties' too (Nigeria's 2015 and 2019
presidential tables: 45.51 points by candidate, PDP's candidate changing, about 3.3 by party).
Invented files of the same layout; the figures by hand and by pandas."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import invoke, write

HEADER = "state_code,party_code,votes,candidate_name\n"
FIRST = HEADER + "XX,ABC,5400,Ann Lee\nXX,DEF,4500,Bob Ray\nXX,GHI,100,Cy Dunn\n"
SECOND = HEADER + "XX,ABC,5700,Ann Lee\nXX,DEF,4200,Di Ward\nXX,JKL,100,Ed Moss\n"


def pedersen(a: dict[str, float], b: dict[str, float]) -> float:
    frame = pd.DataFrame({"a": pd.Series(a), "b": pd.Series(b)}).fillna(0.0)
    return float((frame["b"] - frame["a"]).abs().sum() / 2)


def test_volatility_by_candidate_and_by_party(tmp_path):
    first, second = write(tmp_path, FIRST, "2015.csv"), write(tmp_path, SECOND, "2019.csv")
    result = invoke("compare", str(first), str(second), "-f", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    # By hand: Ann 54 → 57, Bob 45 → 0, Di 0 → 42, Cy 1 → 0, Ed 0 → 1: (3 + 45 + 42 + 1 + 1) / 2.
    assert data["volatility"] == [pytest.approx(46.0)]
    # By party: ABC 54 → 57, DEF 45 → 42, GHI 1 → 0, JKL 0 → 1: (3 + 3 + 1 + 1) / 2 = 4.
    assert data["volatility_by_party"] == [pytest.approx(4.0)]
    assert data["volatility_by_party"][0] == pytest.approx(
        pedersen({"ABC": 54, "DEF": 45, "GHI": 1}, {"ABC": 57, "DEF": 42, "JKL": 1})
    )
    text = " ".join(invoke("compare", str(first), str(second)).stdout.split())
    assert "Pedersen by candidate 46.00" in text
    assert "Pedersen by party 4.00" in text
    markdown = invoke("compare", str(first), str(second), "-f", "markdown").stdout
    assert "| *Pedersen by party* |  |  | 4.00 |  |" in markdown
    assert "46.00 points by candidate" in markdown and "By party, 4.00 points" in markdown
    party = json.loads(
        invoke("compare", str(first), str(second), "--by", "party", "-f", "json").stdout
    )
    assert party["volatility"] == [pytest.approx(4.0)] and "volatility_by_party" not in party


def test_no_party_figure_where_parties_are_not_named_or_one(tmp_path):
    bare = "candidate,votes\nAnn Lee,60\nBob Ray,40\n"
    later = "candidate,votes\nAnn Lee,45\nBob Ray,55\n"
    first, second = write(tmp_path, bare, "a.csv"), write(tmp_path, later, "b.csv")
    data = json.loads(invoke("compare", str(first), str(second), "-f", "json").stdout)
    assert data["volatility"] == [15.0] and "volatility_by_party" not in data
    # A primary: every candidate of one party, whose share is 100 % each time.
    primary = "candidate,party,votes\nAnn Lee,DEM,60\nBob Ray,DEM,40\n"
    again = "candidate,party,votes\nAnn Lee,DEM,45\nBob Ray,DEM,55\n"
    first, second = write(tmp_path, primary, "p1.csv"), write(tmp_path, again, "p2.csv")
    data = json.loads(invoke("compare", str(first), str(second), "-f", "json").stdout)
    assert data["volatility"] == [15.0] and "volatility_by_party" not in data


def test_a_file_whose_options_are_parties_has_one_volatility(tmp_path):
    # A party column and no candidate column (Belgium's communal councils): the options are the
    # parties, so their volatility is the parties' — no second figure, no "by candidate".
    first = write(tmp_path, "Parti,Nombre de voix\nSP,288\nCVP,200\nVU,512\n", "c88.csv")
    second = write(tmp_path, "Parti,Nombre de voix\nSP,205\nVLD,120\nVU,675\n", "c94.csv")
    data = json.loads(invoke("compare", str(first), str(second), "-f", "json").stdout)
    assert "volatility_by_party" not in data
    # (8.3 + 20 + 12 + 16.3) / 2, by hand.
    assert data["volatility"] == [pytest.approx(28.3)]
    markdown = invoke("compare", str(first), str(second), "-f", "markdown").stdout
    assert "*Pedersen volatility*" in markdown and "by candidate" not in markdown


# Two spellings of the same parties (West Virginia's county files: 'Mountain' in 2016, 'MTN' in
# 2020; 'Republican' and 'REP', Trump in both, are matched as the big parties' usual spellings):
# by party, a party spelt two ways would be "gone" and "new".
LONG = (
    "candidate,party,votes\nAnn Lee,Mountain,6000\nBob Ray,Democrat,3000\nCy Dunn,Republican,1000\n"
)
SHORT = "candidate,party,votes\nAnn Lee,MTN,6500\nDi Ward,DEM,3000\nEd Moss,REP,500\n"


def test_no_party_figure_from_two_spellings_of_one_party(tmp_path):
    first, second = write(tmp_path, LONG, "2016.csv"), write(tmp_path, SHORT, "2020.csv")
    data = json.loads(invoke("compare", str(first), str(second), "-f", "json").stdout)
    # By candidate, by hand: Ann 60 → 65, Bob 30 → 0, Di 0 → 30, Cy 10 → 0, Ed 0 → 5: 80 / 2.
    assert data["volatility"] == [pytest.approx(40.0)]
    assert "volatility_by_party" not in data
    text = invoke("compare", str(first), str(second), "-f", "markdown").stdout
    assert "Pedersen by party" not in text and "100.00" not in text
    assert "“Mountain” in 2016, “MTN” in 2020 (Ann Lee)" in text
    assert "no volatility by party is given" in text and '--alias "Mountain=MTN"' in text
    # Told which spellings are one party, the figure is the parties': 60/30/10 → 65/30/5.
    aliased = invoke(
        "compare",
        str(first),
        str(second),
        "-f",
        "json",
        "-a",
        "Republican=REP",
        "-a",
        "Democrat=DEM",
        "-a",
        "Mountain=MTN",
    )
    figure = json.loads(aliased.stdout)["volatility_by_party"]
    assert figure == [pytest.approx(5.0)]
    assert figure[0] == pytest.approx(
        pedersen({"R": 60, "D": 30, "M": 10}, {"R": 65, "D": 30, "M": 5})
    )


def test_by_party_no_lead_changing_hands_between_spellings(tmp_path):
    first, second = write(tmp_path, LONG, "2016.csv"), write(tmp_path, SHORT, "2020.csv")
    text = invoke("compare", str(first), str(second), "--by", "party", "-f", "markdown").stdout
    assert "lead changed hands" not in text
    assert "Mountain led in 2016 (60.00 %) and MTN leads in 2020 (65.00 %)" in text
    assert "one candidate, Ann Lee, stands for both" in text
    assert "No Pedersen volatility from 2016 to 2020 by party" in text


def test_by_party_rows_of_new_spellings_are_not_unlike_races(tmp_path):
    # Files of several races, one kept by --race: with --by party no party row is in both, but
    # Ann Lee is, so nothing says the two races are different ones.
    rows = "\n".join(f"President,{line}" for line in LONG.splitlines()[1:])
    later = "\n".join(f"President,{line}" for line in SHORT.splitlines()[1:])
    other = "\nSenate,Fay Pike,Republican,10\nSenate,Gus Hale,Democrat,9\n"
    head = "race,candidate,party,votes\n"
    first = write(tmp_path, head + rows + other, "2016.csv")
    second = write(tmp_path, head + later + other.replace("Republican", "REP"), "2020.csv")
    result = invoke("compare", str(first), str(second), "--race", "President", "--by", "party")
    assert result.code == 0, result.stderr
    assert "may be different races" not in result.stderr
    markdown = invoke(
        "compare", str(first), str(second), "--race", "President", "--by", "party", "-f", "markdown"
    ).stdout
    assert "one candidate, Ann Lee, stands for both" in markdown
