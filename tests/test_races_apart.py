"""A wide table whose rows are several races, told apart by their blanks (Georgia's CEC tables of
2014: 17 mayoral runoffs, 59 municipal heads, one table, a row per precinct, `district id` naming
each race, a blank cell where a party did not stand). Read as one race, all rows added up, it said
"Georgian Dream ... wins outright", then (session 16) named no winner but still led and measured a
majority of the sum. It is refused now, with the advice to read each race (`--race-by`) or one
(`--where`); the advice followed = pandas group-bys. A 0 is a count, not a blank: a table of one
race by precinct (Georgia's 2013 presidential) and blanks within a race (sparse zeros) are not
refused. Figures invented; the layout is the CEC's."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.problems import Code
from pollcli.read import ReadOptions

HEAD = "region,district id,precinct,invalid votes,valid votes,41 - Dream,5 - Movement,6 - Greens\n"
# District 1's runoff: Dream against Movement; district 2's: Dream against Greens. A precinct of
# district 2 with no figures at all (a closed station: no evidence either way).
RUNOFFS = HEAD + (
    ",1,1,3,500,300,200,\n"
    ",1,2,2,400,180,220,\n"
    ",2,1,1,600,350,,250\n"
    ",2,2,4,300,120,,180\n"
    ",2,3,,,,,\n"
)


def _errors(problems):
    return [p for p in problems if p.severity == "error"]


def test_races_told_apart_by_their_blanks_are_refused(tmp_path, monkeypatch):
    path = write(tmp_path, RUNOFFS, "runoffs.csv")
    _, problems = engines_agree(monkeypatch, path)
    (error,) = _errors(problems)
    assert error.code == Code.RACE_SPLIT and error.line == 4  # district 2's first row
    assert "2 races named by 'district id'" in error.message
    assert "'5 - Movement' has figures under '1' and is blank in every row of '2'" in error.message
    assert "--race-by 'district id'" in error.message
    assert "--where 'district id=VALUE'" in error.message
    done = invoke("summary", str(path))
    assert done.code == 1 and "Dream" not in done.stdout and "wins" not in done.stdout


def test_the_advice_reads_each_race(tmp_path, monkeypatch):
    path = write(tmp_path, RUNOFFS, "runoffs.csv")
    options = ReadOptions(race_by=("district id",))
    elections, problems = engines_agree(monkeypatch, path, read_options=options)
    assert not _errors(problems)
    frame = pd.read_csv(io.StringIO(RUNOFFS))
    parties = ["41 - Dream", "5 - Movement", "6 - Greens"]
    want = {
        str(district): {
            p: int(v) for p, v in group[parties].sum().items() if group[p].notna().any()
        }
        for district, group in frame.groupby("district id")
    }
    got = {e.race.keys["district id"]: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == want
    done = invoke("summary", str(path), "--race-by", "district id", "-f", "json")
    assert done.code == 0, done.stderr
    leaders = {r["race_keys"]["district id"]: r["leader"]["candidate"] for r in done_races(done)}
    assert leaders == {k: max(v, key=v.__getitem__) for k, v in want.items()}


def done_races(done):
    return json.loads(done.stdout)["elections"]


def test_one_race_kept_with_where(tmp_path, monkeypatch):
    path = write(tmp_path, RUNOFFS, "runoffs.csv")
    elections, problems = engines_agree(monkeypatch, path, where=(("district id", "2"),))
    assert not _errors(problems)
    (election,) = elections
    frame = pd.read_csv(io.StringIO(RUNOFFS))
    two = frame[frame["district id"] == 2]
    assert {o.candidate: o.votes for o in election.options} == {
        "41 - Dream": int(two["41 - Dream"].sum()),
        "6 - Greens": int(two["6 - Greens"].sum()),
    }


# Not several races: one race by precinct whose minor candidate polled 0 in every precinct of a
# district (a count, not a blank); and blanks within a race (a table that leaves 0 blank).
ONE_RACE = {
    "zeros": HEAD + ",1,1,3,500,300,195,5\n,1,2,2,400,150,250,0\n,2,1,1,600,350,250,0\n"
    ",2,2,4,300,100,200,0\n",
    "sparse": HEAD + ",1,1,3,500,300,150,50\n,1,2,2,400,150,250,\n,2,1,1,600,350,250,\n"
    ",2,2,4,305,100,200,5\n",
}


@pytest.mark.parametrize("name", sorted(ONE_RACE))
def test_zeros_and_blanks_within_a_race_are_one_race(tmp_path, monkeypatch, name):
    text = ONE_RACE[name]
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text, f"{name}.csv"))
    assert not _errors(problems)
    (election,) = elections
    sums = pd.read_csv(io.StringIO(text))[["41 - Dream", "5 - Movement", "6 - Greens"]].sum()
    assert {o.candidate: o.votes for o in election.options} == {k: int(v) for k, v in sums.items()}


def test_a_minor_candidates_zeros_in_one_district_are_one_race(tmp_path):
    # Georgia's 2013 presidential table by precinct: a minor candidate with 0 in every precinct of
    # a district (0.98 % at most elsewhere) made "the rows are races added up", and no winner was
    # named of a president elected with 62 %. A party with no votes in one race and a contender's
    # share (5 %) in another is one that did not stand: the House of Commons' table
    # (`test_wide_crosstab`) still names no winner. Oracle: the sums by hand.
    path = write(tmp_path, ONE_RACE["zeros"], "pres.csv")
    done = invoke("summary", str(path), "-f", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    assert election["leader"]["votes"] == 300 + 150 + 350 + 100
    assert election["majority"]["reached"] is False  # 900 of 1,800: not more than half
    assert "races added up" not in " ".join(election["notes"])
    assert "runoff would be between 41 - Dream and 5 - Movement" in " ".join(election["notes"])
