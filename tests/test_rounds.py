"""Ranked-choice rounds are one race decided by its final round (`read.rounds`); the rounds of a
two-round vote (a `runoff` stage, a `round` fact) stay apart. Oracle: pandas, the final round being
each race's highest round number, and the first round's sums for the note."""

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, invoke, write
from pollcli.errors import DataError
from pollcli.read import engines, load

RACES = Path(__file__).parent / "races"
EXTRA = [ROOT.parent / "extra-realworld", Path("/work/extra-realworld")]


def by_race(elections) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def final_rounds(frame: pd.DataFrame, race: str, round_: str, candidate: str) -> dict[str, dict]:
    """Votes per candidate of each race's last round (a race of no round: all its rows)."""
    frame = frame.copy()
    frame["n"] = pd.to_numeric(frame[round_]).fillna(0)
    last = frame.groupby(race)["n"].transform("max")
    final = frame[frame["n"] == last]
    return {
        str(key): dict(group.groupby(candidate)["votes"].sum().astype(int))
        for key, group in final.groupby(race, sort=False)
    }


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_rounds_of_a_race_are_one_race_with_the_final_rounds_figures(monkeypatch, engine):
    monkeypatch.setenv(engines.ENGINE_ENV, engine)
    path = RACES / "rcv_rounds.csv"
    elections = load(path)
    frame = pd.read_csv(path, dtype={"ranked_choice_round": "Int64"})
    expected = final_rounds(frame, "race_id", "ranked_choice_round", "candidate_name")
    assert [{o.candidate: o.votes for o in e.options} for e in elections] == [
        expected[k] for k in ("911", "912", "913", "914")
    ]
    # The runoff stage is another election; Beta 2018, decided in round 1, is named without it.
    assert [e.facts.election for e in elections] == [
        "2022 · U.S. Senate · Class III · general",
        "2022 · U.S. Senate · Class III · runoff",
        "2018 · U.S. Senate · Class I · general",
        "2020 · U.S. Senate · Class II · general",
    ]
    first = frame[(frame.race_id == 911) & (frame.ranked_choice_round == 1)]
    shares = first.votes / first.votes.sum() * 100
    listed = ", ".join(
        f"{c} {v:,} ({s:.2f} %)"
        for c, v, s in sorted(
            zip(first.candidate_name, first.votes, shares, strict=True), key=lambda t: -t[1]
        )
    )
    (note,) = [n for n in elections[0].notes if n.startswith("Ranked-choice")]
    assert "3 rounds ('ranked_choice_round' 1, 2 and 3)" in note
    assert "the figures are round 3's" in note
    assert note.endswith(f"round 1: {listed}.")
    assert not [n for e in elections[1:] for n in e.notes if n.startswith("Ranked-choice")]
    assert elections[0].race is not None and elections[0].race.split.races == 4


def test_the_tally_counts_a_ranked_choice_race_once():
    result = invoke(
        "summary", str(RACES / "rcv_rounds.csv"), "--where", "stage=general", "-f", "json"
    )
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    # Three races by hand: Birch (REP) in round 3, Jones (IND), Park (REP).
    assert data["tally"]["races"] == 3
    assert {p["party"]: p["won"] for p in data["tally"]["parties"]} == {"REP": 2, "IND": 1}
    assert data["splits"][0]["keys"] == ["race_id"]


@pytest.mark.parametrize(
    "header", ["tabulation round", "RCV Round", "Ranked-Choice Round", "rcv_tabulation_round"]
)
def test_other_names_of_the_round_column(tmp_path, header):
    path = write(
        tmp_path,
        f"office,{header},candidate,votes\nMayor,1,A,40\nMayor,1,B,35\nMayor,1,C,25\n"
        "Mayor,2,A,50\nMayor,2,B,45\nClerk,,X,5\nClerk,,Y,3\n",
    )
    elections = load(path)
    assert by_race(elections) == {"Mayor": {"A": 50, "B": 45}, "Clerk": {"X": 5, "Y": 3}}
    (note,) = [n for n in elections[0].notes if n.startswith("Ranked-choice")]
    assert note.endswith("round 1: A 40 (40.00 %), B 35 (35.00 %), C 25 (25.00 %).")


def test_race_by_the_round_column_keeps_the_rounds_apart():
    elections = load(RACES / "rcv_rounds.csv", race_by=["race_id", "ranked_choice_round"])
    assert len(elections) == 6  # race 911 in three rounds, and the other three races
    assert not [n for e in elections for n in e.notes if n.startswith("Ranked-choice")]


def test_a_file_of_one_race_in_rounds_is_that_race(tmp_path):
    path = write(
        tmp_path,
        "rcv_round,candidate,votes\n1,A,40\n1,B,35\n1,C,25\n2,A,52\n2,B,44\n",
        "mayor.csv",
    )
    (election,) = load(path)
    assert {o.candidate: o.votes for o in election.options} == {"A": 52, "B": 44}
    assert election.facts.election == "mayor"
    assert any(n.startswith("Ranked-choice count in 2 rounds") for n in election.notes)


def test_a_blank_round_beside_numbered_rounds_leaves_the_rounds_apart(tmp_path):
    # Not a count in rounds that pollcli can vouch for: one race per round value, as before.
    path = write(
        tmp_path, "office,rcv_round,candidate,votes\nMayor,1,A,40\nMayor,1,B,35\nMayor,,A,9\n"
    )
    assert by_race(load(path)) == {"Mayor · round 1": {"A": 40, "B": 35}, "Mayor": {"A": 9}}


def test_the_rounds_of_a_two_round_vote_are_not_merged(tmp_path):
    # A `round` column is the fact of a two-round vote: two rounds in one race stay an error,
    # never one round silently kept.
    path = write(
        tmp_path, "office,round,candidate,votes\nMayor,1,A,40\nMayor,1,B,35\nMayor,2,A,50\n"
    )
    with pytest.raises(DataError) as caught:
        load(path)
    (problem,) = [p for p in caught.value.problems if p.code == "inconsistent-metadata"]
    assert "--where round=N" in problem.message and "rcv_round" in problem.message


def test_alaska_2022_is_one_race_in_the_fivethirtyeight_file():
    extra = next((p for p in EXTRA if p.is_dir()), None)
    path = extra / "us_538_election_results_senate.csv" if extra else None
    if path is None or not path.exists():
        pytest.skip("the FiveThirtyEight Senate file is not beside the repository")
    result = invoke(
        "summary", str(path), "--where", "cycle=2022", "--where", "stage=general", "-f", "json"
    )
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    frame = pd.read_csv(path, dtype=str)
    frame = frame[(frame.cycle == "2022") & (frame.stage == "general")]
    assert data["tally"]["races"] == frame.race_id.nunique() == 35
    (alaska,) = [e for e in data["elections"] if "Alaska" in e["election"]]
    rows = frame[(frame.state == "Alaska") & (frame.ranked_choice_round == "3")]
    assert {r["candidate"]: r["votes"] for r in alaska["results"]} == {
        c: int(v) for c, v in zip(rows.candidate_name, rows.votes, strict=True)
    }
    assert alaska["leader"]["candidate"] == "Lisa Murkowski"
    (note,) = [n for n in alaska["notes"] if n.startswith("Ranked-choice")]
    assert "round 1: Lisa Murkowski 114,118 (43.39 %), Kelly C. Tshibaka 112,101" in note
