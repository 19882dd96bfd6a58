"""Election Systems & Software's Electionware exports (OpenElections' Pennsylvania 2020–2026,
Kentucky 2023, Texas and Michigan 2020 county files) give a race's write-ins as their count, then
its parts: `Write-ins 7`, `Write-In: Scattered 3`, `Write-In: Bob Bell 4`, `Not Assigned 0`
(Michigan: `Write-in 9`, `Write-in Dee Dunn 3`, `Write-in Not Assigned 6`). Counted with its
parts, the bare write-in count doubled them: a candidate with 10 of 19 valid votes read as a
plurality of 35.71 % "needing a runoff against Write-in Not Assigned"; and `Not Assigned` (the
write-ins no one was credited with) read as a candidate, "elected unopposed" in a race where only
write-ins were cast (trial 10).

A bare write-in count followed (or preceded) on the next lines of its unit by write-in parts that
add up to it is set aside as their subtotal; `Not Assigned`, `Write-In: Scattered`, `Write-in Not
Assigned` and like names are write-ins (`other`), never a candidate; a named write-in (`Write-In:
Bob Bell`) stays a candidate. Both engines.

Figures invented, the layout is the files'; oracle: pandas over the fixture with the write-in
counts that have parts dropped by hand (their lines are listed below), and a hand-written table.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.kinds import kind_from_name

HEADER = "county,precinct,office,district,party,candidate,votes\n"
# Lines as an editor counts them (the header is 1).
ROWS = """Potter,P1,Governor,,REP,Ann Ash,100
Potter,P1,Governor,,REP,Write-ins,7
Potter,P1,Governor,,REP,Write-In: Scattered,3
Potter,P1,Governor,,REP,Write-In: Bob Bell,4
Potter,P1,Governor,,REP,Not Assigned,0
Potter,P1,Governor,,REP,Over Votes,0
Potter,P1,Governor,,REP,Under Votes,2
Potter,P2,Governor,,REP,Ann Ash,50
Potter,P2,Governor,,REP,Bo Birch,60
Potter,P2,Governor,,REP,Write-ins,5
Potter,P2,Governor,,REP,Not Assigned,5
Potter,P2,Governor,,REP,Over Votes,1
Mason,P1,Clerk,,REP,Cy Cole,10
Mason,P1,Clerk,,REP,Write-in,9
Mason,P1,Clerk,,REP,Write-in Dee Dunn,3
Mason,P1,Clerk,,REP,Write-in Not Assigned,6
Mason,P1,Clerk,,REP,Overvotes,0
Mason,P1,Treasurer,,REP,Eve East,20
Mason,P1,Treasurer,,REP,Write-in,4
Mason,P1,Treasurer,,REP,Fay Fox,4
Mason,P2,Treasurer,,REP,Eve East,8
Mason,P2,Treasurer,,REP,Fay Fox,9
Mason,P2,Treasurer,,REP,Write-in,2
Potter,P1,Committeeman,,REP,Gus Gray,3
Potter,P1,Committeeman,,REP,Write-ins,6
Potter,P1,Committeeman,,REP,Write-In: Hal Hope,2
Potter,P1,Committeeman,,REP,Not Assigned,1
Potter,P1,Committeeman,,REP,Over Votes,0
"""
TEXT = HEADER + ROWS
# Set aside: the write-in counts whose parts follow and add up (line 3: 3 + 4 + 0; 11: 5; 15:
# 3 + 6). Treasurer's `Write-in` (lines 20, 24) has no write-in parts beside it (Fay Fox is a
# candidate): it is the write-in count. Committeeman's (line 26) has parts that add up to 3, not 6:
# counted as the rest, 3, with a warning (`test_write_in_rest`).
SUBTOTAL_LINES = (3, 11, 15)
RACES = {
    "Governor": {
        "Ann Ash": 150,
        "Bo Birch": 60,
        "Write-In: Scattered": 3,
        "Write-In: Bob Bell": 4,
        "Not Assigned": 5,
        "Over Votes": 1,
        "Under Votes": 2,
    },
    "Clerk": {"Cy Cole": 10, "Write-in Dee Dunn": 3, "Write-in Not Assigned": 6, "Overvotes": 0},
    "Treasurer": {"Eve East": 28, "Write-in": 6, "Fay Fox": 13},
    "Committeeman": {
        "Gus Gray": 3,
        "Write-ins": 3,
        "Write-In: Hal Hope": 2,
        "Not Assigned": 1,
        "Over Votes": 0,
    },
}


def oracle(text: str, dropped: tuple[int, ...]) -> dict[str, dict[str, int]]:
    """Each race's options summed by pandas over the rows but the `dropped` lines."""
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    frame["line"] = frame.index + 2
    sums = frame[~frame["line"].isin(dropped)].groupby(["office", "candidate"])["votes"].sum()
    races: dict[str, dict[str, int]] = {}
    for (race, candidate), votes in sums.items():
        races.setdefault(str(race), {})[str(candidate)] = int(votes)
    return races


def test_the_hand_written_races_are_the_oracle_s():
    got = oracle(TEXT, SUBTOTAL_LINES)
    got["Committeeman"]["Write-ins"] -= 2 + 1  # (the rest of its lines: `test_write_in_rest`)
    assert got == RACES


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Not Assigned", "other"),
        ("Write-in Not Assigned", "other"),
        ("Write-In: Scattered", "other"),
        ("Write-In: Uncertified", "other"),
        ("Unassigned write-ins", "other"),
        ("Unqualified Write-Ins", "other"),
        ("Write-In: Bob Bell", "candidate"),
        ("Write-in Dee Dunn", "candidate"),
        ("Assigned Knight", "candidate"),
    ],
)
def test_write_ins_no_one_was_credited_with_are_no_candidate(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.parametrize("block_bytes", [96, None])
def test_a_write_in_count_beside_its_parts_is_counted_once(tmp_path, monkeypatch, block_bytes):
    path = write(tmp_path, TEXT)
    elections, problems = engines_agree(monkeypatch, path, block_bytes=block_bytes)
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got == RACES
    aside = [p for p in problems if p.code == "total-row" and "set aside" in p.message]
    said = " ".join(p.message for p in aside)
    assert "'Write-ins' of 'P1' (line 3) adds up" in said
    assert "'Write-in' of 'P1' (line 15) adds up" in said
    warned = [p for p in problems if p.code == "total-row" and "set aside" not in p.message]
    assert [p.line for p in warned] == [26]
    assert "'Write-ins' of 'P1' (election 'Committeeman') is a write-in count, 6," in (
        warned[0].message
    )
    assert not [p for p in problems if p.severity == "error"]


def test_the_leader_s_majority_is_of_the_write_ins_counted_once(tmp_path):
    done = invoke("summary", str(write(tmp_path, TEXT)), "--format", "json")
    assert done.code == 0, done.stderr
    races = {e["election"]: e for e in json.loads(done.stdout)["elections"]}
    clerk = races["Clerk"]
    assert clerk["leader"]["candidate"] == "Cy Cole"
    assert clerk["leader"]["share"] == pytest.approx(100 * 10 / 19)
    assert clerk["majority"]["reached"] is True
    assert clerk["runner_up"]["candidate"] == "Write-in Dee Dunn"
    governor = races["Governor"]
    assert governor["runner_up"]["candidate"] == "Bo Birch"
    assert governor["leader"]["share"] == pytest.approx(100 * 150 / 222)


ONLY_WRITE_INS = HEADER + (
    "Potter,P1,Committeewoman,,REP,Write-In Totals,1\n"
    "Potter,P1,Committeewoman,,REP,Not Assigned,0\n"
    "Potter,P1,Committeewoman,,REP,Overvotes,0\n"
    "Potter,P1,Committeewoman,,REP,Undervotes,19\n"
    "Potter,P1,Governor,,REP,Ann Ash,100\n"
)


def test_a_race_of_write_ins_alone_elects_no_not_assigned(tmp_path):
    done = invoke("summary", str(write(tmp_path, ONLY_WRITE_INS)), "--format", "json")
    races = {e["election"]: e for e in json.loads(done.stdout)["elections"]}
    race = races.get("Committeewoman")
    said = json.dumps(race) + done.stderr
    assert "Not Assigned (REP) leads" not in said and "is elected" not in said
    if race is not None:
        assert race["leader"] is None
        assert {r["candidate"]: r["kind"] for r in race["results"]}["Not Assigned"] == "other"
