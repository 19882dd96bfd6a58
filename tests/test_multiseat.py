"""Races of several seats (trial A5): the number from a vote_for/magnitude column, from "(N)" at the
end of a district's name (New Hampshire), or --vote-for; the top N elected, the margin of the last
elected over the first not elected, seats counted in the tally. Oracles: pandas group-bys and
nlargest over the same rows. Both engines read every file alike."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, invoke, write
from test_races_keys import both

REALWORLD = next(
    (
        p
        for p in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld"))
        if p.is_dir()
    ),
    None,
)

# New Hampshire's layout: the seats in the district's name; one district of 2, one of 1, and one
# whose name does not say, with two parties' slates of 2.
NH = (
    "county,precinct,office,district,party,candidate,votes\n"
    "Belknap,Alton,State House,BE 02 (2),REP,Ann,500\nBelknap,Gilford,State House,BE 02 (2),REP,Ann,400\n"
    "Belknap,Alton,State House,BE 02 (2),REP,Bob,450\nBelknap,Gilford,State House,BE 02 (2),REP,Bob,380\n"
    "Belknap,Alton,State House,BE 02 (2),DEM,Cat,470\nBelknap,Gilford,State House,BE 02 (2),DEM,Cat,350\n"
    "Belknap,Alton,State House,BE 02 (2),DEM,Dan,300\nBelknap,Gilford,State House,BE 02 (2),DEM,Dan,200\n"
    "Belknap,Alton,State House,BE 03 (1)F,REP,Eve,700\nBelknap,Alton,State House,BE 03 (1)F,DEM,Fay,710\n"
    "Belknap,Alton,State House,RK05,REP,Gus,90\nBelknap,Alton,State House,RK05,REP,Hal,88\n"
    "Belknap,Alton,State House,RK05,DEM,Ida,89\nBelknap,Alton,State House,RK05,DEM,Jo,40\n"
)


def oracle(frame: pd.DataFrame, seats: dict[str, int]) -> dict[str, tuple[list[str], int]]:
    """Per race: the top N by summed votes (pandas nlargest) and the Nth minus the (N+1)th."""
    out = {}
    for race, group in frame.groupby("race"):
        totals = group.groupby("candidate")["votes"].sum().sort_values(ascending=False)
        if race not in seats:
            continue
        n = seats[race]
        out[race] = (list(totals.index[:n]), int(totals.iloc[n - 1] - totals.iloc[n]))
    return out


def test_new_hampshire_districts_elect_the_seats_their_names_state(monkeypatch, tmp_path):
    path = write(tmp_path, NH, "20201103__nh__general__precinct.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert exact == streamed
    seats = {e["facts"].election: e["named_seats"] for e in exact[0]}
    assert seats == {
        "State House · BE 02 (2)": 2,
        "State House · BE 03 (1)F": 1,
        "State House · RK05": None,
    }
    frame = pd.read_csv(io.StringIO(NH))
    frame["race"] = "State House · " + frame["district"]
    expected = oracle(frame, {"State House · BE 02 (2)": 2, "State House · BE 03 (1)F": 1})
    data = json.loads(invoke("summary", str(path), "-f", "json", "--detail").stdout)
    races = {e["election"]: e for e in data["elections"]}
    two = races["State House · BE 02 (2)"]
    assert two["seats"] == 2 and two["elected"] == expected["State House · BE 02 (2)"][0]
    assert two["margin"]["votes"] == expected["State House · BE 02 (2)"][1]  # Bob 830 − Cat 820
    assert "First past the post" not in " ".join(two["notes"])
    assert "runoff" not in " ".join(two["notes"])
    assert "Elects 2 (the top 2 by votes): Ann (REP), Bob (REP)." in two["notes"]
    one = races["State House · BE 03 (1)F"]
    assert "seats" not in one and "elected" not in one and one["leader"]["candidate"] == "Fay"
    # RK05: two slates of two, and nothing says how many seats: no winner, no margin, not close.
    unknown = races["State House · RK05"]
    assert unknown["seats"] is None and unknown["margin"] is None
    lines = {line["race"]: line for line in data["overview"]["races"]}
    assert not lines["State House · RK05"]["won"] and lines["State House · RK05"]["tags"] == []
    assert (
        lines["State House · BE 02 (2)"]["won"]
        and "close" in lines["State House · BE 02 (2)"]["tags"]
    )
    # Seats won per party: REP 2 (Ann, Bob) + DEM 1 (Fay), of 3 known seats.
    assert data["tally"]["unit"] == "seats"
    assert data["tally"]["parties"] == [{"party": "REP", "won": 2}, {"party": "DEM", "won": 1}]
    assert (data["tally"]["seats"], data["tally"]["seats_unknown"]) == (3, 1)
    assert data["overview"]["closest"][0] == "State House · BE 02 (2)"


def test_the_warning_of_a_general_says_one_race_of_n_seats_not_party_primaries(tmp_path):
    path = write(tmp_path, NH, "20201103__nh__general__precinct.csv")
    result = invoke("summary", str(path))
    assert result.code == 0
    assert "one race of N seats" in result.stderr and "--vote-for N" in result.stderr
    assert "--race-by" not in result.stderr  # a general election is no set of primaries
    plain = invoke("summary", str(write(tmp_path, NH, "results.csv")))
    assert "--race-by office,district,party" in plain.stderr  # the name does not say general
    told = json.loads(
        invoke("summary", str(path), "--race", "RK05", "--vote-for", "2", "-f", "json").stdout
    )
    (race,) = told["elections"]
    assert race["seats"] == 2 and race["elected"] == ["Gus", "Ida"]
    assert race["margin"]["votes"] == 89 - 88


# MEDSL's layout: `magnitude` (and vote-mode rows to sum). Hawaii's at-large trustees elect 3.
MEDSL = (
    "precinct,office,district,party_simplified,candidate,mode,votes,stage,magnitude\n"
    + "".join(
        f"{p},AT-LARGE TRUSTEE,,,{c},{m},{v},GEN,3\n"
        for p in ("01-01", "01-02")
        for m in ("MAIL IN", "ELECTION DAY")
        for c, v in (("KEONI", 40), ("BRICK", 42), ("JOHN", 38), ("LEI", 37), ("CHAD", 20))
    )
    + "01-01,GOVERNOR,,DEMOCRAT,JOSH,MAIL IN,100,GEN,1\n01-01,GOVERNOR,,REPUBLICAN,DUKE,MAIL IN,60,GEN,1\n"
)


def test_medsl_magnitude_is_the_number_of_seats(monkeypatch, tmp_path):
    path = write(tmp_path, MEDSL, "hi_2022_general.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert exact == streamed
    assert {e["facts"].election: e["facts"].vote_for for e in exact[0]} == {
        "AT-LARGE TRUSTEE": 3,
        "GOVERNOR": 1,
    }
    frame = pd.read_csv(io.StringIO(MEDSL))
    frame["race"] = frame["office"]
    expected = oracle(frame, {"AT-LARGE TRUSTEE": 3, "GOVERNOR": 1})
    data = json.loads(invoke("summary", str(path), "-f", "json", "--detail").stdout)
    races = {e["election"]: e for e in data["elections"]}
    trustees = races["AT-LARGE TRUSTEE"]
    assert trustees["elected"] == expected["AT-LARGE TRUSTEE"][0]
    assert trustees["margin"]["votes"] == expected["AT-LARGE TRUSTEE"][1]
    assert data["tally"]["seats"] == 4 and data["tally"]["won"] == 4


def test_a_tie_for_the_last_seat_elects_those_above_it(tmp_path):
    text = "district,party,candidate,votes\nD (2),A,X,10\nD (2),B,Y,8\nD (2),A,Z,8\nE,A,Q,1\n"
    data = json.loads(invoke("summary", str(write(tmp_path, text)), "-f", "json").stdout)
    race = next(e for e in data["elections"] if e["election"].startswith("D"))
    assert race["elected"] == ["X"] and race["margin"]["votes"] == 0
    assert any("Tie for the last 1 seat" in n for n in race["notes"])
    line = next(r for r in data["overview"]["races"] if r["race"].startswith("D"))
    assert not line["won"]


@pytest.mark.skipif(REALWORLD is None, reason="shared/realworld is not beside the repository")
def test_real_new_hampshire_house(tmp_path):
    """Each State House district whose name states its seats elects that many (pandas: the "(N)"
    of every district name); the overview's closest race is no gap between two members elected."""
    path = REALWORLD / "us_nh_2020_general_precinct.csv"
    frame = pd.read_csv(path, dtype=str)
    named = {
        f"{o} · {d}": int(m.group(1))
        for o, d in frame[["office", "district"]].dropna().drop_duplicates().itertuples(index=False)
        if (m := re.search(r"\((\d+)\)[A-Za-z]{0,2}$", d))
    }
    data = json.loads(invoke("summary", str(path), "-f", "json", "-q").stdout)
    races = {e["election"]: e for e in data["elections"]}
    checked = [r for r in named if r in races]
    assert len(checked) > 50
    for race in checked:
        assert races[race].get("seats", 1) == named[race], race
    be02 = races["State House · BE 02 (4)"]
    assert be02["elected"] == ["Glen Aldrich", "Harry Bean", "Norman Silber", "Jonathan Mackie"]
    # Mackie − Taylor: 4,378 − 3,956 in Gilford and Meredith summed, as the file's own district
    # row BELKNAP 02 says (it was 8,756 − 7,912 while that row was added to its towns).
    assert be02["margin"]["votes"] == 4378 - 3956
    assert "State House · RK05" not in data["overview"]["closest"]
    assert data["tally"]["seats"] >= sum(named[r] for r in checked if races[r].get("elected"))


def test_the_table_says_elected_and_counts_seats(tmp_path):
    path = write(tmp_path, NH, "20201103__nh__general__precinct.csv")
    detail = invoke("summary", str(path), "--detail", "--race", "BE 02").stdout
    assert detail.count("ELECTED") == 2 and "RUNNER-UP" not in detail and "LEADER" not in detail
    assert "Seats won by party (2 of 2 seats decided)" in detail
    more = write(tmp_path, NH + "Coos,Berlin,Sheriff,,REP,Kay,5\n", "20201103__nh__general.csv")
    lines = invoke("summary", str(more), "--sort", "margin", "--no-color").stdout
    assert "2 SEATS" in lines and "SEATS?" in lines
    # The count is of seats, the undecided row of races: the title says which is which.
    assert "Seats won by party (4 of 4 seats decided; 1 race of an unknown number of seats)" in (
        " ".join(lines.split())
    )
    assert "Seats won: REP 3 of 4, DEM 1; 1 undecided race (1 of an unknown number" in " ".join(
        lines.split()
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    votes=st.lists(st.integers(0, 50), min_size=2, max_size=7, unique=True),
    seats=st.integers(1, 6),
)
def test_the_top_n_are_elected_and_the_margin_is_the_last_seats(tmp_path, votes, seats):
    """Any votes (distinct) and any N: the members elected are the N most voted (a sort of the
    cells), and the margin is the Nth's votes minus the (N+1)th's, when there is one."""
    from pollcli import load, summarize

    rows = "".join(f"R{i},{'AB'[i % 2]},{v}\n" for i, v in enumerate(votes))
    path = write(tmp_path, "candidate,party,votes\n" + rows, "hyp.csv")
    (race,) = summarize(load(path, facts={"vote_for": seats})).elections
    ranked = sorted(range(len(votes)), key=lambda i: -votes[i])
    top = [f"R{i}" for i in ranked[:seats]]
    if seats == 1:
        assert race.elected is None and race.leader and race.leader.candidate == top[0]
        return
    assert race.seats == seats and race.elected == top
    gap = votes[ranked[seats - 1]] - votes[ranked[seats]] if seats < len(votes) else None
    assert (race.margin.votes if race.margin else None) == gap


# Arizona's 8th district of 2022: Lesko and two Democratic write-ins with a handful of votes each;
# a district where one party's second candidate trails far behind but the leader has no majority;
# and one whose two Republicans share the votes with a Democrat (a slate, or a top-two race).
WRITE_INS = (
    "state,office,district,party,candidate,votes\n"
    "AZ,US HOUSE,8,REPUBLICAN,DEBBIE LESKO,96500\n"
    "AZ,US HOUSE,8,DEMOCRAT,JEVIN HODGE,180\nAZ,US HOUSE,8,DEMOCRAT,GARY SWING,90\n"
    "AZ,US HOUSE,9,REPUBLICAN,PAUL GOSAR,480\nAZ,US HOUSE,9,DEMOCRAT,ANN LEE,470\n"
    "AZ,US HOUSE,9,DEMOCRAT,BO RAY,50\n"
    "AZ,US HOUSE,10,REPUBLICAN,CY MOE,400\nAZ,US HOUSE,10,REPUBLICAN,DI NOE,350\n"
    "AZ,US HOUSE,10,DEMOCRAT,ED POE,250\n"
)


def test_write_ins_and_token_candidates_are_no_sign_of_several_seats(tmp_path):
    path = write(tmp_path, WRITE_INS, "2022_general.csv")
    data = json.loads(invoke("summary", str(path), "-f", "json").stdout)
    lines = {line["race"]: line for line in data["overview"]["races"]}
    frame = pd.read_csv(io.StringIO(WRITE_INS))
    # By hand, per district: the even share's half is the floor a second candidate must reach.
    # 8: 96,770 votes, floor 96,770 / 6 ≈ 16,128: Hodge 180 and Swing 90 are below it; Lesko leads.
    # 9: 1,000 votes, floor 1,000 / 6 ≈ 167: Ray's 50 is below it; Gosar leads with 48 %.
    # 10: 1,000 votes, floor 167: Moe 400 and Noe 350 both reach it, no majority: not called.
    leaders = frame.loc[frame.groupby("district")["votes"].idxmax(), ["district", "candidate"]]
    expected = dict(zip(leaders["district"].astype(str), leaders["candidate"], strict=True))
    assert (
        lines["US HOUSE · 8"]["won"]
        and lines["US HOUSE · 8"]["leader"]["candidate"] == expected["8"]
    )
    assert (
        lines["US HOUSE · 9"]["won"]
        and lines["US HOUSE · 9"]["leader"]["candidate"] == expected["9"]
    )
    assert not lines["US HOUSE · 10"]["won"]
    # A leader with a majority is elected however many seats: Moe with 400 + 210 of 1,210.
    majority = WRITE_INS.replace("CY MOE,400", "CY MOE,610")
    data = json.loads(
        invoke("summary", str(write(tmp_path, majority, "m.csv")), "-f", "json").stdout
    )
    lines = {line["race"]: line for line in data["overview"]["races"]}
    assert (
        lines["US HOUSE · 10"]["won"] and lines["US HOUSE · 10"]["leader"]["candidate"] == "CY MOE"
    )


# New Jersey's General Assembly elects two members per district (OpenElections county file):
# `seats` had no --vote-for, and named no winner in any district (trial 6).
NJ = """county,office,district,party,candidate,votes
A,General Assembly,1,DEM,Ann,500
A,General Assembly,1,DEM,Bea,480
A,General Assembly,1,REP,Cal,450
A,General Assembly,1,REP,Dee,300
B,General Assembly,2,DEM,Eve,300
B,General Assembly,2,DEM,Fay,290
B,General Assembly,2,REP,Gil,400
B,General Assembly,2,REP,Hal,395
C,General Assembly,3,REP,Ivy,700
C,General Assembly,3,DEM,Jon,650
C,General Assembly,3,REP,Kit,640
C,General Assembly,3,DEM,Lou,20
"""


def test_seats_takes_vote_for_as_summary_does(tmp_path):
    path = write(tmp_path, NJ, "nj.csv")
    frame = pd.read_csv(io.StringIO(NJ))
    # The oracle: each district's top two by votes, counted by party.
    top = frame.sort_values("votes", ascending=False).groupby("district").head(2)
    expected = top["party"].value_counts().to_dict()
    result = invoke("seats", str(path), "--vote-for", "2", "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    [allocation] = election["allocations"]
    assert {p["party"]: p["seats"] for p in allocation["parties"] if p["seats"]} == expected
    assert election["seats"] == 6
    shown = invoke("seats", str(path), "--vote-for", "2")
    assert "6 seats · races won by the most votes" in shown.stdout
    tally = invoke("summary", str(path), "--vote-for", "2", "--format", "json")
    won = {p["party"]: p["won"] for p in json.loads(tally.stdout)["tally"]["parties"]}
    assert won == expected
