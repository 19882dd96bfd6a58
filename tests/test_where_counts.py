"""`--where` on a race's column keeps the rows that count each precinct for every race.

Kentucky-like files give a precinct's `Registered Voters` and `Ballots Cast` as offices of their own,
the other cells blank. `--where vote_for=2` or `--where office=Council` left them out (their cell
in that column is blank, or the count's name), and the race kept lost its turnout, where `--race
Council` kept it. Such a row is a count of its precinct for every race there, as `--race` reads it:
`--where` on a race's column (office, district, a race's fact such as vote_for) keeps it, and the
races kept get their precincts' counts. On a place's column (`--where precinct=P1`) it is a row of
its place as ever: kept or left out with its place. Figures invented; oracle: the counts summed by
hand (a hand-checked table).
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

TEXT = """county,precinct,office,district,party,candidate,votes,vote_for
Nicholas,P1,Registered Voters,,,,900,
Nicholas,P1,Ballots Cast,,,,500,
Nicholas,P1,Council,,,Ann,300,2
Nicholas,P1,Council,,,Bob,250,2
Nicholas,P1,Council,,,Cy,200,2
Nicholas,P1,Mayor,,,Dee,260,1
Nicholas,P1,Mayor,,,Eve,220,1
Nicholas,P2,Registered Voters,,,,800,
Nicholas,P2,Ballots Cast,,,,400,
Nicholas,P2,Council,,,Ann,200,2
Nicholas,P2,Council,,,Bob,250,2
Nicholas,P2,Council,,,Cy,150,2
Nicholas,P2,Mayor,,,Dee,190,1
Nicholas,P2,Mayor,,,Eve,200,1
"""


def _council(*args: str, engine: str) -> dict:
    path = args[0]
    result = invoke("summary", path, *args[1:], "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    elections = json.loads(result.stdout)["elections"]
    # (One race kept by --where: named by the file.)
    (race,) = [e for e in elections if "Council" in e["election"]] or elections
    assert {r["candidate"] for r in race["results"]} == {"Ann", "Bob", "Cy"}
    return race


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize(
    ("where", "registered", "ballots"),
    [
        (("--race", "Council"), 1700, 900),
        (("--where", "vote_for=2"), 1700, 900),
        (("--where", "office=Council"), 1700, 900),
        (("--where", "office=Council", "--where", "precinct=P1"), 900, 500),
    ],
)
def test_where_on_a_race_column_keeps_the_counts(
    tmp_path, where: tuple[str, ...], registered: int, ballots: int, engine: str
) -> None:
    path = str(write(tmp_path, TEXT))
    race = _council(path, *where, engine=engine)
    turnout = race["turnout"]
    assert (turnout["registered"], turnout["ballots_cast"]) == (registered, ballots)
    assert turnout["pct"] == pytest.approx(100 * ballots / registered)
