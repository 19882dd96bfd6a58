"""A race whose options, with its under and over votes, add up to N times the ballots cast (N of
2 or more) is a race of N seats: each ballot held N votes, and those not cast are counted as under
votes. The District of Columbia's 2018 primary (`ContestName,…,Candidate,Party,Votes`, a
`BALLOTS CAST - TOTAL` row per precinct and party) states no number of seats: its Democratic
at-large committeewoman (vote for seven: 569,835 votes with the under votes, 7 × 81,405) and each
ward's committeeman and committeewoman (vote for two) were read as races of one seat, each
naming one winner and a margin over the runner-up, elected too (trial 16). Such a race now names
no winner, says why, and how to give the number (--vote-for N).

Figures and names invented, the layout is the file's; oracle: pandas over the fixture."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

NAME = "June_19_2018_Primary_Election_Certified_Results.csv"
HEAD = "ElectionDate,ElectionName,ContestNumber,ContestName,PrecinctNumber,WardNumber,Candidate,Party,Votes\n"
_DAY = "6/19/2018 12:00:00 AM,Primary Election"
ROWS = [
    (-2, "REGISTERED VOTERS - TOTAL", 1, 6, "", "DEM", 400),
    (-1, "BALLOTS CAST - TOTAL", 1, 6, "", "DEM", 100),
    (302, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "Ann Lee", "DEM", 60),
    (302, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "Bo Diaz", "DEM", 30),
    (302, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "UNDER VOTES", "DEM", 9),
    (302, "MAYOR OF THE DISTRICT OF COLUMBIA", 1, 6, "OVER VOTES", "DEM", 1),
    (314, "AT-LARGE COMMITTEEWOMAN", 1, 6, "Cy Fox", "DEM", 70),
    (314, "AT-LARGE COMMITTEEWOMAN", 1, 6, "Di Gray", "DEM", 60),
    (314, "AT-LARGE COMMITTEEWOMAN", 1, 6, "Em Hale", "DEM", 40),
    (314, "AT-LARGE COMMITTEEWOMAN", 1, 6, "UNDER VOTES", "DEM", 28),
    (314, "AT-LARGE COMMITTEEWOMAN", 1, 6, "OVER VOTES", "DEM", 2),
    (-2, "REGISTERED VOTERS - TOTAL", 2, 2, "", "DEM", 300),
    (-1, "BALLOTS CAST - TOTAL", 2, 2, "", "DEM", 50),
    (302, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "Ann Lee", "DEM", 20),
    (302, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "Bo Diaz", "DEM", 25),
    (302, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "UNDER VOTES", "DEM", 5),
    (302, "MAYOR OF THE DISTRICT OF COLUMBIA", 2, 2, "OVER VOTES", "DEM", 0),
    (314, "AT-LARGE COMMITTEEWOMAN", 2, 2, "Cy Fox", "DEM", 30),
    (314, "AT-LARGE COMMITTEEWOMAN", 2, 2, "Di Gray", "DEM", 35),
    (314, "AT-LARGE COMMITTEEWOMAN", 2, 2, "Em Hale", "DEM", 20),
    (314, "AT-LARGE COMMITTEEWOMAN", 2, 2, "UNDER VOTES", "DEM", 15),
    (314, "AT-LARGE COMMITTEEWOMAN", 2, 2, "OVER VOTES", "DEM", 0),
]
TEXT = HEAD + "".join(
    f"{_DAY},{n},{c},{p},{w},{cand},{party},{v}\n" for n, c, p, w, cand, party, v in ROWS
)
MAYOR = "MAYOR OF THE DISTRICT OF COLUMBIA"
AT_LARGE = "AT-LARGE COMMITTEEWOMAN"


def _per_ballot(contest: str) -> float:
    """pandas: the race's rows (candidates, under and over votes) over the party's ballots cast."""
    frame = pd.read_csv(io.StringIO(TEXT), dtype={"Candidate": str}, keep_default_na=False)
    ballots = frame.loc[frame["ContestName"] == "BALLOTS CAST - TOTAL", "Votes"].sum()
    return float(frame.loc[frame["ContestName"] == contest, "Votes"].sum() / ballots)


def _top(contest: str, n: int) -> set[str]:
    frame = pd.read_csv(io.StringIO(TEXT), dtype={"Candidate": str}, keep_default_na=False)
    rows = frame[(frame["ContestName"] == contest) & ~frame["Candidate"].str.contains("VOTES")]
    return set(rows.groupby("Candidate")["Votes"].sum().nlargest(n).index)


def test_a_race_of_two_votes_a_ballot_names_no_winner(tmp_path, monkeypatch) -> None:
    assert _per_ballot("AT-LARGE COMMITTEEWOMAN") == 2.0
    assert _per_ballot("MAYOR OF THE DISTRICT OF COLUMBIA") == 1.0
    path = write(tmp_path, TEXT, NAME)
    elections, problems = engines_agree(monkeypatch, path, unit="PrecinctNumber")
    assert not [p for p in problems if p.severity == "error"], problems
    races = {e.facts.election: e for e in elections}
    assert races[MAYOR].seats == 1
    assert races[AT_LARGE].seats is None
    warned = [p for p in problems if p.code == "race-split"]
    assert len(warned) == 1 and "2 times the ballots cast" in warned[0].message
    assert "--vote-for 2" in warned[0].message

    result = invoke("summary", str(path), "--unit", "PrecinctNumber", "--format", "json")
    assert result.code == 0, result.stderr
    out = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    assert out[MAYOR]["leader"]["candidate"] == "Ann Lee" and out[MAYOR].get("elected") != []
    race = out[AT_LARGE]
    assert race["margin"] is None and not race.get("elected")
    assert any("2 times the ballots cast" in n for n in race["notes"]), race["notes"]


def test_the_advice_reads_it(tmp_path) -> None:
    path = write(tmp_path, TEXT, NAME)
    args = ("--unit", "PrecinctNumber", "--vote-for", "2", "--race", "AT-LARGE")
    result = invoke("summary", str(path), *args, "--format", "json")
    assert result.code == 0, result.stderr
    [race] = json.loads(result.stdout)["elections"]
    assert race["seats"] == 2 and set(race["elected"]) == _top("AT-LARGE COMMITTEEWOMAN", 2)


def test_under_votes_of_several_votes_a_ballot_are_votes(tmp_path):
    """Under and over votes in a race of N votes a ballot are votes, not ballots: DC's at-large
    committeewoman (vote for 7) showed "UNDER VOTES: 258,530 ballots, 317.51 % of ballots cast".
    Now a share of the N votes each ballot had, whether N is given (--vote-for) or found; a race
    of one vote a ballot keeps its share of the ballots cast. Oracle: pandas over the fixture."""
    frame = pd.read_csv(io.StringIO(TEXT), dtype={"Candidate": str}, keep_default_na=False)
    ballots = int(frame.loc[frame["ContestName"] == "BALLOTS CAST - TOTAL", "Votes"].sum())
    n = round(_per_ballot(AT_LARGE))

    def under(contest: str) -> int:
        rows = frame[(frame["ContestName"] == contest) & (frame["Candidate"] == "UNDER VOTES")]
        return int(rows["Votes"].sum())

    path = write(tmp_path, TEXT, NAME)
    for given in ([], ["--vote-for", str(n)]):
        done = invoke("summary", str(path), "--unit", "PrecinctNumber", "--race", AT_LARGE,
                      *given, "-f", "json")  # fmt: skip
        assert done.code == 0, done.stderr
        (race,) = json.loads(done.stdout)["elections"]
        share = under(AT_LARGE) / (n * ballots) * 100
        assert (
            f"“UNDER VOTES”: {under(AT_LARGE)} votes, {share:.2f} % of the {n} votes each ballot "
            f"had ({n * ballots:,}; not in the share base)."
        ) in race["notes"]
    done = invoke("summary", str(path), "--unit", "PrecinctNumber", "--race", MAYOR, "-f", "json")
    (race,) = json.loads(done.stdout)["elections"]
    share = under(MAYOR) / ballots * 100
    assert (
        f"“UNDER VOTES”: {under(MAYOR)} ballots, {share:.2f} % of ballots cast (not in the share "
        "base)."
    ) in race["notes"]
