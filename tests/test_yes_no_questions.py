"""Options that answer several yes/no questions, read as one race, name no winner (session 17's
world trial: MEDSL's 2018 precinct returns write each judge's retention as `NAME - YES` / `NAME -
NO` options of the court's race; Alaska's Superior Court, 3rd district, four judges, read "MICHAEL
L WOLVERTON - YES leads with 14.32 %", CLOSE, a race won, where the voters did not retain Michael
Corey). Oracle: pandas, each name's yes and no votes."""

from __future__ import annotations

import json

import pandas as pd

from conftest import engines_agree, invoke, write

# MEDSL's layout: a court district of three retention questions over two precincts, one of a
# single judge (one question), and a House race.
MEDSL = """precinct,office,party_simplified,mode,votes,candidate,district,magnitude,stage,writein
P1,SUPERIOR COURT,,TOTAL,900,ANN ROE - YES,003,1,GEN,False
P1,SUPERIOR COURT,,TOTAL,700,ANN ROE - NO,003,1,GEN,False
P1,SUPERIOR COURT,,TOTAL,950,BOB DOE - YES,003,1,GEN,False
P1,SUPERIOR COURT,,TOTAL,650,BOB DOE - NO,003,1,GEN,False
P1,SUPERIOR COURT,,TOTAL,600,CY MOE - YES,003,1,GEN,False
P1,SUPERIOR COURT,,TOTAL,1000,CY MOE - NO,003,1,GEN,False
P2,SUPERIOR COURT,,TOTAL,90,ANN ROE - YES,003,1,GEN,False
P2,SUPERIOR COURT,,TOTAL,70,ANN ROE - NO,003,1,GEN,False
P2,SUPERIOR COURT,,TOTAL,95,BOB DOE - YES,003,1,GEN,False
P2,SUPERIOR COURT,,TOTAL,65,BOB DOE - NO,003,1,GEN,False
P2,SUPERIOR COURT,,TOTAL,60,CY MOE - YES,003,1,GEN,False
P2,SUPERIOR COURT,,TOTAL,100,CY MOE - NO,003,1,GEN,False
P1,SUPERIOR COURT,,TOTAL,500,DI NOE - YES,004,1,GEN,False
P1,SUPERIOR COURT,,TOTAL,300,DI NOE - NO,004,1,GEN,False
P1,STATE HOUSE,DEMOCRAT,TOTAL,800,ED POE,001,1,GEN,False
P1,STATE HOUSE,REPUBLICAN,TOTAL,700,FLO ROE,001,1,GEN,False
P2,STATE HOUSE,DEMOCRAT,TOTAL,80,ED POE,001,1,GEN,False
P2,STATE HOUSE,REPUBLICAN,TOTAL,70,FLO ROE,001,1,GEN,False
"""


def test_several_yes_no_questions_in_one_race_name_no_winner(tmp_path, monkeypatch):
    path = write(tmp_path, MEDSL, "2018-ak-precinct-general.csv")
    elections, problems = engines_agree(monkeypatch, path)
    by_name = {e.facts.election: e for e in elections}
    court = by_name["SUPERIOR COURT · 3"]
    assert court.no_winner is not None and "3 yes/no questions" in court.no_winner
    # One question (one judge): no contest of candidates either ("DI NOE - YES" had won).
    single = by_name["SUPERIOR COURT · 4"]
    assert single.no_winner is not None and "one yes/no question ('DI NOE'" in single.no_winner
    assert "Question 'DI NOE': YES 500 (62.50 %), NO 300." in single.notes
    assert by_name["STATE HOUSE · 1"].no_winner is None
    assert sum(p.code == "race-split" and "yes/no questions" in p.message for p in problems) == 1
    # Each question's answer, as pandas sums it.
    frame = pd.read_csv(path)
    frame = frame[(frame.office == "SUPERIOR COURT") & (frame.district == 3)]
    split = frame.candidate.str.rsplit(" - ", n=1, expand=True)
    sums = frame.assign(name=split[0], answer=split[1]).pivot_table(
        index="name", columns="answer", values="votes", aggfunc="sum"
    )
    for name, row in sums.iterrows():
        yes, no = int(row["YES"]), int(row["NO"])
        share = f"{100 * yes / (yes + no):.2f} %"
        assert any(f"{name!r}: YES {yes:,} ({share}), NO {no:,}" in note for note in court.notes), (
            name,
            court.notes,
        )
    result = invoke("summary", str(path), "--format", "json")
    races = {r["race"]: r for r in json.loads(result.stdout)["overview"]["races"]}
    assert races["SUPERIOR COURT · 3"]["won"] is False
    assert races["SUPERIOR COURT · 4"]["won"] is False
    assert races["STATE HOUSE · 1"]["won"] is True


# Wyoming's layout (MEDSL 2018): each judge's undervotes and overvotes are options too.
WYOMING = """precinct,office,party_simplified,mode,votes,candidate,district,magnitude,stage
P1,CIRCUIT COURT JUDGE,,TOTAL,1793,FRANK J ZEBRE - YES,003,1,GEN
P1,CIRCUIT COURT JUDGE,,TOTAL,471,FRANK J ZEBRE - NO,003,1,GEN
P1,CIRCUIT COURT JUDGE,,TOTAL,408,FRANK J ZEBRE - UNDERVOTES,003,1,GEN
P1,CIRCUIT COURT JUDGE,,TOTAL,2,FRANK J ZEBRE - OVERVOTES,003,1,GEN
P1,CIRCUIT COURT JUDGE,,TOTAL,1778,CRAIG L JONES - YES,003,1,GEN
P1,CIRCUIT COURT JUDGE,,TOTAL,470,CRAIG L JONES - NO,003,1,GEN
P1,CIRCUIT COURT JUDGE,,TOTAL,422,CRAIG L JONES - UNDERVOTES,003,1,GEN
P1,CIRCUIT COURT JUDGE,,TOTAL,1,CRAIG L JONES - OVERVOTES,003,1,GEN
P1,US HOUSE,DEMOCRAT,TOTAL,800,ED POE,000,1,GEN
P1,US HOUSE,REPUBLICAN,TOTAL,700,FLO ROE,000,1,GEN
"""


def test_questions_with_their_under_and_over_votes(tmp_path, monkeypatch):
    path = write(tmp_path, WYOMING, "2018-wy-precinct-general.csv")
    elections, _ = engines_agree(monkeypatch, path)
    court = next(e for e in elections if e.facts.election.startswith("CIRCUIT"))
    assert court.no_winner is not None and "2 yes/no questions" in court.no_winner
    frame = pd.read_csv(path)
    frame = frame[frame.office == "CIRCUIT COURT JUDGE"]
    split = frame.candidate.str.rsplit(" - ", n=1, expand=True)
    votes = frame.assign(name=split[0], answer=split[1]).set_index(["name", "answer"]).votes
    for name in ("FRANK J ZEBRE", "CRAIG L JONES"):
        yes, no = int(votes[name, "YES"]), int(votes[name, "NO"])
        under = int(votes[name, "UNDERVOTES"])
        share = f"{100 * yes / (yes + no):.2f} %"  # of the answers, not of the under votes
        expected = f"{name!r}: YES {yes:,} ({share}), NO {no:,}, UNDERVOTES {under:,}"
        assert any(expected in note for note in court.notes), (expected, court.notes)
