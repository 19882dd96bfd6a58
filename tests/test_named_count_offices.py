"""A precinct's counts given as offices whose candidate cell repeats the office's name (Election
Systems & Software's exports: OpenElections' Alabama 2017 special election, the District of
Columbia's certified results): `REGISTERED VOTERS - TOTAL` / `Registered Voters - Total`,
`BALLOTS CAST - TOTAL` / `Ballots Cast - Total`, `BALLOTS CAST - BLANK` / `Ballots Cast - Blank`.

They were read as races: "Registered Voters - Total wins the seat with a majority", "Ballots Cast -
Blank" likewise (unopposed), two of the three "races won" went to "no party", and the ballots cast
became a race with no option to count. They are each precinct's registered voters and ballots
cast, for every race held there, and a count of blank ballots that is no race's figure (left out
with a note). Figures are hand sums of the CSV text; both engines read it alike."""

from __future__ import annotations

import json

from conftest import engines_agree, invoke, write

ROWS = """county,precinct,office,district,party,candidate,votes
Autauga,P1,REGISTERED VOTERS - TOTAL,,,Registered Voters - Total,900
Autauga,P1,BALLOTS CAST - TOTAL,,,Ballots Cast - Total,400
Autauga,P1,BALLOTS CAST - BLANK,,,Ballots Cast - Blank,3
Autauga,P1,UNITED STATES SENATOR,,DEM,Doug Jones,150
Autauga,P1,UNITED STATES SENATOR,,REP,Roy S. Moore,240
Autauga,P1,UNITED STATES SENATOR,,,Write-In,7
Autauga,P2,REGISTERED VOTERS - TOTAL,,,Registered Voters - Total,800
Autauga,P2,BALLOTS CAST - TOTAL,,,Ballots Cast - Total,300
Autauga,P2,BALLOTS CAST - BLANK,,,Ballots Cast - Blank,2
Autauga,P2,UNITED STATES SENATOR,,DEM,Doug Jones,200
Autauga,P2,UNITED STATES SENATOR,,REP,Roy S. Moore,95
Autauga,P2,UNITED STATES SENATOR,,,Write-In,3
"""


def test_count_offices_named_in_the_candidate_cell_are_no_races(tmp_path, monkeypatch):
    path = write(tmp_path, ROWS)
    elections, problems = engines_agree(monkeypatch, path)
    # One race is left, so it is named after the file, as any file of one race.
    assert [e.facts.office for e in elections] == ["UNITED STATES SENATOR"]
    assert not [p for p in problems if p.severity == "error"], problems
    [senate] = elections
    # Hand sums: Jones 150 + 200, Moore 240 + 95, write-ins 7 + 3.
    assert {o.candidate: o.votes for o in senate.options} == {
        "Doug Jones": 350,
        "Roy S. Moore": 335,
        "Write-In": 10,
    }
    # Registered 900 + 800, ballots cast 400 + 300: the precincts' counts, the race's turnout.
    assert (senate.facts.registered, senate.facts.ballots_cast) == (1700, 700)


def test_the_summary_names_no_count_a_winner(tmp_path):
    path = write(tmp_path, ROWS)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    [senate] = json.loads(result.stdout)["elections"]
    assert senate["leader"]["candidate"] == "Doug Jones"
    turnout = senate["turnout"]
    assert (turnout["ballots_cast"], turnout["registered"]) == (700, 1700)
    assert any("Ballots Cast - Blank" in note and "left out" in note for note in senate["notes"])


# A count row whose figure is blank (Alabama 2017: `Registered Voters - Total` of each county's
# PROVISIONAL precinct; likewise Kentucky's `Registered Voters` office) is a count the file does
# not give, not a race: it refused a race 'REGISTERED VOTERS - TOTAL' (exit 1), and the advice
# it gave, --blank-votes zero, counted P2's registered voters as 0, so the turnout read "77.78 %
# (700 ballots cast of 900 registered voters)": P2's 300 ballots over P1's register alone.
BLANK_COUNT = ROWS.replace(
    "Autauga,P2,REGISTERED VOTERS - TOTAL,,,Registered Voters - Total,800",
    "Autauga,P2,REGISTERED VOTERS - TOTAL,,,Registered Voters - Total,",
)
KENTUCKY = """county,precinct,office,district,party,candidate,votes
Adams,P1,Registered Voters,,,,900
Adams,P2,Registered Voters,,,,
Adams,P1,Ballots Cast,,,,400
Adams,P2,Ballots Cast,,,,300
Adams,P1,Senate,,D,Ann,100
Adams,P2,Senate,,D,Ann,100
Adams,P1,Senate,,R,Bob,200
Adams,P2,Senate,,R,Bob,100
"""


import pytest  # noqa: E402


@pytest.mark.parametrize(("text", "line"), [(BLANK_COUNT, 8), (KENTUCKY, 3)])
@pytest.mark.parametrize("blank_votes_zero", [False, True])
def test_a_blank_count_is_a_count_not_given(tmp_path, monkeypatch, text, line, blank_votes_zero):
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path, blank_votes_zero=blank_votes_zero)
    assert not [p for p in problems if p.severity == "error"], problems
    [race] = elections
    assert race.facts.registered is None  # P2's is not given: no register for the race
    [warning] = [p for p in problems if p.line == line]
    assert warning.severity == "warning" and "a count not given" in warning.message
