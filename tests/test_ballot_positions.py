"""Party cells that number a race's candidates in ballot order are no parties (session 17's world
trial: Colorado's 2024 statewide Clarity `summary.csv` fills `party name` with 1, 2, 3… in its
nonpartisan contests, and the overview read "Seats won: DEM 71 of 133, REP 50, 1 8, 2 2, 3 1").
Oracle: pandas, each race's top candidates by votes and the party the file gives them, the
numbered ones of no party."""

from __future__ import annotations

import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = (
    '"line number","contest name","choice name","party name","total votes","percent of votes",'
    '"registered voters","ballots cast","num Area total","num Area rptg","over votes",'
    '"under votes"\n'
)
# Colorado's layout: a partisan race, three nonpartisan ones numbered 1..N in the rows' order (one
# of two seats), a lone numbered candidate, and a measure (Y/N).
CLARITY = HEADER + (
    '1,"State Senator - District 5 (Vote For 1)","Ann Roe","DEM",900,60.00,0,0,2,0,"0","10"\n'
    '2,"State Senator - District 5 (Vote For 1)","Bob Doe","REP",600,40.00,0,0,2,0,"0","10"\n'
    '3,"RTD Director - District A (Vote For 1)","Cy Moe","1",145,18.51,0,0,2,0,"1","17"\n'
    '4,"RTD Director - District A (Vote For 1)","Di Noe","2",238,30.27,0,0,2,0,"1","17"\n'
    '5,"RTD Director - District A (Vote For 1)","Ed Poe","3",403,51.22,0,0,2,0,"1","17"\n'
    '6,"Town Mayor (Vote For 1)","Flo Roe","1",1038,51.41,0,0,2,0,"0","0"\n'
    '7,"Town Mayor (Vote For 1)","Gus Toe","2",981,48.59,0,0,2,0,"0","0"\n'
    '8,"Town Council - District 2 (Vote For 2)","Hal Woe","1",320,28.70,0,0,2,0,"0","0"\n'
    '9,"Town Council - District 2 (Vote For 2)","Ida Yoe","2",305,27.28,0,0,2,0,"0","0"\n'
    '10,"Town Council - District 2 (Vote For 2)","Jo Zoe","3",207,18.60,0,0,2,0,"0","0"\n'
    '11,"Town Council - District 2 (Vote For 2)","Kit Abe","4",284,25.42,0,0,2,0,"0","0"\n'
    '12,"RTD Director - District G (Vote For 1)","Lu Bee","1",745,100.00,0,0,2,0,"0","18"\n'
    '13,"Issue 3C (Vote For 1)","Yes/For","Y",1157,53.59,0,0,2,0,"0","0"\n'
    '14,"Issue 3C (Vote For 1)","No/Against","N",1001,46.41,0,0,2,0,"0","0"\n'
)


def _oracle(text_path) -> dict[str | None, int]:
    """Seats won per party: each candidate race's top N (N from '(Vote For N)'); a race whose
    party cells are 1..N in the rows' order is of no party."""
    frame = pd.read_csv(text_path, dtype={"party name": str})
    frame = frame[~frame["choice name"].isin(["Yes/For", "No/Against"])]
    won: dict[str | None, int] = {}
    for _, race in frame.groupby("contest name", sort=False):
        seats = int(race["contest name"].str.extract(r"Vote For (\d+)")[0].iloc[0])
        numbered = list(race["party name"]) == [str(i) for i in range(1, len(race) + 1)]
        for party in race.nlargest(seats, "total votes")["party name"]:
            key = None if numbered else party
            won[key] = won.get(key, 0) + 1
    return won


def test_ballot_positions_are_no_parties(tmp_path, monkeypatch):
    path = write(tmp_path, CLARITY, "summary.csv")
    elections, _ = engines_agree(monkeypatch, path)
    by_name = {e.facts.election: e for e in elections}
    for name, election in by_name.items():
        # (The `over votes` and `under votes` columns are each race's lines, of no party.)
        parties = {o.party for o in election.options if o.kind == "candidate"}
        if name.startswith("State Senator"):
            assert parties == {"DEM", "REP"}
        elif not name.startswith("Issue"):
            assert parties == {None}, name
            assert any("places on the ballot" in n for n in election.notes), election.notes
            for region in election.regions:
                assert {o.party for o in region.options if o.kind == "candidate"} == {None}
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    tally = json.loads(result.stdout)["tally"]
    won = {p["party"]: p["won"] for p in tally["parties"]}
    assert won == _oracle(path) == {"DEM": 1, None: 5}


def test_numbered_parties_that_are_no_ballot_order_stay(tmp_path, monkeypatch):
    """Party numbers that do not run 1..N in the rows' order (a list's number, Georgia's '41 -';
    Brazil's 13, 45) are the file's parties, as written."""
    text = HEADER + (
        '1,"Mayor A (Vote For 1)","Ann Roe","2",900,60.00,0,0,2,0,"0","0"\n'
        '2,"Mayor A (Vote For 1)","Bob Doe","1",600,40.00,0,0,2,0,"0","0"\n'
        '3,"Mayor B (Vote For 1)","Cy Moe","13",500,50.50,0,0,2,0,"0","0"\n'
        '4,"Mayor B (Vote For 1)","Di Noe","45",490,49.50,0,0,2,0,"0","0"\n'
        '5,"Mayor C (Vote For 1)","Ed Poe","1",300,60.00,0,0,2,0,"0","0"\n'
        '6,"Mayor C (Vote For 1)","Flo Roe","2",200,40.00,0,0,2,0,"0","0"\n'
    )
    path = write(tmp_path, text, "summary.csv")
    elections, _ = engines_agree(monkeypatch, path)
    parties = {
        e.facts.election: [o.party for o in e.options if o.kind == "candidate"] for e in elections
    }
    # Mayor C alone runs 1, 2; but '1' and '2' are also Mayor A's parties in another order:
    # numbers the file uses as parties, so none is taken for a place on the ballot.
    assert parties == {
        "Mayor A (Vote For 1)": ["2", "1"],
        "Mayor B (Vote For 1)": ["13", "45"],
        "Mayor C (Vote For 1)": ["1", "2"],
    }
