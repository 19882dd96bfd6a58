"""A region's block listed twice under other names names no winner where counting it once could
change the verdict (trial 4: Florida's 2020 county file lists Suwannee as "Trump / Pence" and again
as "Donald J Trump", 16,410 votes each; both were counted and a winner named whatever). Figures
invented, the layout is the file's. Oracle: pandas, tallying the rows with each copy of the block
left out (by line), never pollcli's own tally."""

from __future__ import annotations

import io
import json
from itertools import product

import jsonschema
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pollcli
from conftest import engines_agree, invoke, write
from pollcli.read import stream
from pollcli.tally import tally
from pollcli.verdict import verdict


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


HEADER = "county,office,candidate,party,votes\n"
# Birch's block again (lines 6-7), its names written another way. Counted once, Ann Ash leads
# with the second copy left out (10,600 to 10,500) and Ben Birch with the first (10,200 to 10,000).
SWING = HEADER + (
    "Alder,Governor,Ann Ash,REP,10000\n"
    "Alder,Governor,Ben Birch,DEM,10200\n"
    "Birch,Governor,Ann Ash,REP,600\n"
    "Birch,Governor,Ben Birch,DEM,300\n"
    "Birch,Governor,Ann S. Ash,REP,600\n"
    "Birch,Governor,Ben R. Birch,DEM,300\n"
)
# Florida's shape: the leader far ahead whichever copy is left out.
AHEAD = HEADER + (
    "Alder,President,Trump / Pence,REP,50972\n"
    "Alder,President,Biden / Harris,DEM,89704\n"
    "Suwannee,President,Trump / Pence,REP,16410\n"
    "Suwannee,President,Biden / Harris,DEM,4485\n"
    "Suwannee,President,Donald J Trump,REP,16410\n"
    "Suwannee,President,Joseph R Biden,DEM,4485\n"
)


def standings(text: str, left_out: list[int]) -> list[tuple[str, int]]:
    """Candidates by votes, most first, with the rows on `left_out` lines (as an editor counts
    them: the header is line 1) left out (pandas)."""
    frame = pd.read_csv(io.StringIO(text))
    frame = frame.drop(index=[line - 2 for line in left_out])
    sums = frame.groupby("candidate", sort=False)["votes"].sum()
    sums = sums.sort_values(ascending=False, kind="stable")  # equal ones in file order
    return [(str(name), int(votes)) for name, votes in sums.items()]


def winner(path, system: str = "plurality") -> str | None:
    """The race's winner, as every command takes it (`pollcli.verdict`), or None."""
    (election,) = pollcli.load(path, facts={"system": system})
    found = verdict(tally(election))
    return found.elected[0].option.candidate if found.won else None


def summary_json(path, *args: str) -> dict:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    return election


def test_a_block_that_could_change_the_winner_names_none(tmp_path, monkeypatch):
    first_out, again_out = standings(SWING, [4, 5]), standings(SWING, [6, 7])
    assert first_out[0][0] == "Ben Birch" and again_out[0][0] == "Ann Ash"  # the oracle disagrees
    path = write(tmp_path, SWING)
    (election,), problems = engines_agree(monkeypatch, path)
    assert [p.code for p in problems] == ["repeated-block"]
    result = invoke("summary", str(path), "--format", "json", "--system", "plurality")
    jsonschema.validate(json.loads(result.stdout), json.loads(invoke("schema", "summary").stdout))
    (out,) = json.loads(result.stdout)["elections"]
    assert out["repeated_block"] == [{"region": "Birch", "line": 6, "repeats_line": 4}]
    assert winner(path) is None and winner(path, "majority") is None
    notes = " ".join(out["notes"])
    assert "Ann Ash (REP) leads as listed" in notes and "wins" not in notes
    assert (
        "No winner is named: the block in 'Birch' from line 6 ('Ann S. Ash', 'Ben R. Birch') "
        "repeats that of line 4 ('Ann Ash', 'Ben Birch')" in notes
    )
    assert "leave one of the two copies out of the file" in notes
    # Counted as listed still (the file does not say which copy is right): pandas' sums.
    assert {o.candidate: o.votes for o in election.options} == dict(standings(SWING, []))


def test_a_block_that_cannot_change_the_verdict_keeps_the_winner(tmp_path, monkeypatch):
    first_out, again_out = standings(AHEAD, [4, 5]), standings(AHEAD, [6, 7])
    assert first_out[0][0] == again_out[0][0] == "Biden / Harris"
    assert first_out[1][0] == again_out[1][0] == "Trump / Pence"
    path = write(tmp_path, AHEAD)
    _, problems = engines_agree(monkeypatch, path)
    assert [p.code for p in problems] == ["repeated-block"]
    out = summary_json(path)
    assert "repeated_block" not in out
    assert "Majority: yes — Biden / Harris has more than 50 % and wins outright." in out["notes"]
    assert winner(path, "majority") == winner(path) == "Biden / Harris"


def test_a_block_that_could_change_the_runner_up_names_no_winner(tmp_path):
    # Cy Cole leads either way; second is Di Dunn (4,000 to 3,900) with the second copy left out,
    # Ed Eads (3,900 to 3,500) with the first.
    text = HEADER + (
        "Alder,Mayor,Cy Cole,REP,9000\nAlder,Mayor,Di Dunn,DEM,3500\nAlder,Mayor,Ed Eads,IND,3900\n"
        "Birch,Mayor,Di Dunn,DEM,500\nBirch,Mayor,Cy Cole,REP,400\n"
        "Birch,Mayor,Diana Dunn,DEM,500\nBirch,Mayor,Cyrus Cole,REP,400\n"
    )
    first_out, again_out = standings(text, [5, 6]), standings(text, [7, 8])
    assert first_out[0][0] == again_out[0][0] == "Cy Cole"
    assert (first_out[1][0], again_out[1][0]) == ("Ed Eads", "Di Dunn")
    path = write(tmp_path, text)
    assert summary_json(path)["repeated_block"] == [
        {"region": "Birch", "line": 7, "repeats_line": 5}
    ]
    assert winner(path) is None


# Two districts: district 1 as SWING (no winner), district 2 Florida's shape (Cy Cole either way).
HOUSE = (
    "county,office,district,candidate,party,votes\n"
    "Alder,State House,1,Ann Ash,REP,10000\nAlder,State House,1,Ben Birch,DEM,10200\n"
    "Birch,State House,1,Ann Ash,REP,600\nBirch,State House,1,Ben Birch,DEM,300\n"
    "Birch,State House,1,Ann S. Ash,REP,600\nBirch,State House,1,Ben R. Birch,DEM,300\n"
    "Cedar,State House,2,Cy Cole,REP,7000\nCedar,State House,2,Di Dunn,DEM,5000\n"
    "Dogwood,State House,2,Cy Cole,REP,800\nDogwood,State House,2,Di Dunn,DEM,200\n"
    "Dogwood,State House,2,Cyrus Cole,REP,800\nDogwood,State House,2,Diane Dunn,DEM,200\n"
)


def test_seats_counts_no_seat_for_a_block_that_could_change_it(tmp_path):
    path = write(tmp_path, HOUSE)
    result = invoke("seats", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    jsonschema.validate(json.loads(result.stdout), json.loads(invoke("schema", "seats").stdout))
    (election,) = json.loads(result.stdout)["elections"]
    why = {d["district"]: d.get("no_winner") for d in election["districts"]}
    assert why == {"State House · 1": "repeated_block", "State House · 2": None}
    (allocation,) = election["allocations"]
    assert {p["party"]: p["seats"] for p in allocation["parties"]} == {"REP": 1, "DEM": 0}
    assert allocation["undecided"] == 1
    text = invoke("seats", str(path)).stdout
    assert "No winner in ‘State House · 1’: a region's block of the race is listed twice" in text
    overview = json.loads(invoke("summary", str(path), "--format", "json").stdout)["overview"]
    assert [r["won"] for r in overview["races"]] == [False, True]


@st.composite
def repeated_races(draw: st.DrawFn) -> tuple[str, list[int], list[int]]:
    """A race of three candidates in two counties, Birch's block of two listed again under other
    names: the file, and the lines of each copy."""
    names = ["Ann Ash", "Ben Birch", "Cy Cole"]
    alder = draw(st.lists(st.integers(1000, 5000), min_size=3, max_size=3))
    birch = draw(st.lists(st.integers(100, 400), min_size=2, max_size=2))
    lines = [HEADER]
    lines += [f"Alder,Mayor,{names[i]},P{i},{alder[i]}\n" for i in range(3)]
    lines += [f"Birch,Mayor,{names[i]},P{i},{birch[i]}\n" for i in range(2)]
    lines += [f"Birch,Mayor,{names[i]} Jr,P{i},{birch[i]}\n" for i in range(2)]
    return "".join(lines), [5, 6], [7, 8]


def outcome(order: list[tuple[str, int]]) -> tuple[str, str, bool, bool]:
    """Leader, runner-up, whether the lead is strict, whether the leader has over half."""
    (first, votes), (second, behind) = order[0], order[1]
    return first, second, votes > behind, 2 * votes > sum(v for _, v in order)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=repeated_races())
def test_a_winner_is_named_only_where_counting_once_changes_nothing(tmp_path, case):
    text, first, again = case
    path = write(tmp_path, text)
    # As listed (counted twice) and with either copy left out: one outcome, or the verdict could
    # be another.
    outcomes = {outcome(standings(text, left_out)) for left_out in ([], first, again)}
    named = winner(path)
    if named is not None:
        assert len(outcomes) == 1
        leader, _, strict, _ = next(iter(outcomes))
        assert strict and leader == named
        return
    (election,) = pollcli.load(path, facts={"system": "plurality"})
    if verdict(tally(election)).why != "seats_unknown":  # several candidates of one party
        assert len(outcomes) > 1 or not next(iter(outcomes))[2]


@pytest.mark.parametrize("copies", list(product((0, 1), repeat=2)))
def test_blocks_in_two_regions_are_tried_each_way(tmp_path, copies):
    """Two regions with a repeated block: the winner is named only where every way of leaving one
    copy out per region gives it (pandas over the four ways)."""
    text = HEADER + (
        "Alder,Mayor,Ann Ash,REP,5000\nAlder,Mayor,Ben Birch,DEM,5150\n"
        "Birch,Mayor,Ann Ash,REP,400\nBirch,Mayor,Ben Birch,DEM,300\n"
        "Birch,Mayor,Ann A,REP,400\nBirch,Mayor,Ben B,DEM,300\n"
        "Cedar,Mayor,Ann Ash,REP,500\nCedar,Mayor,Ben Birch,DEM,420\n"
        "Cedar,Mayor,Ann A,REP,500\nCedar,Mayor,Ben B,DEM,420\n"
    )
    blocks = [([4, 5], [6, 7]), ([8, 9], [10, 11])]
    leaders = {
        standings(text, [*blocks[0][a], *blocks[1][b]])[0][0] for a, b in product((0, 1), repeat=2)
    }
    left = [*blocks[0][copies[0]], *blocks[1][copies[1]]]
    assert len(leaders) > 1  # Ann Ash with both second copies left out (by 30), Ben Birch else
    out = summary_json(write(tmp_path, text))
    assert [b["region"] for b in out["repeated_block"]] == ["Birch", "Cedar"]
    # With one copy of each block left out, the file names its winner: pandas' leader.
    kept = "".join(
        line + "\n" for number, line in enumerate(text.splitlines(), start=1) if number not in left
    )
    assert winner(write(tmp_path, text)) is None
    once = write(tmp_path, kept, "once.csv")
    if "Ann A," not in kept:
        assert winner(once) == standings(text, left)[0][0]
        return
    # A copy under the other names is kept: 'Ann A' and 'Ann Ash' (a county each) are one
    # candidate spelt two ways, most likely, whose votes added up would lead — no winner is named
    # (`spelling`); merged, the winner is pandas' leader of the merged names.
    (election,) = pollcli.load(once, facts={"system": "plurality"})
    assert verdict(tally(election)).why == "spelling"
    merged = kept.replace("Ann A,", "Ann Ash,").replace("Ben B,", "Ben Birch,")
    assert winner(write(tmp_path, merged, "merged.csv")) == standings(merged, [])[0][0]


def test_more_regions_with_a_block_than_are_tried_name_no_winner(tmp_path):
    """Seven regions with a repeated block (2 ** 7 ways of counting once, beyond the six tried):
    no winner is named, however far ahead the leader (pandas: Ann Ash leads Ann A by 5,500 with
    every first copy left out)."""
    rows = ["Alder,Mayor,Ann Ash,REP,9000\n", "Alder,Mayor,Ben Birch,DEM,1000\n"]
    for n in range(7):
        rows += [f"R{n},Mayor,Ann Ash,REP,500\n", f"R{n},Mayor,Ben Birch,DEM,100\n"]
        rows += [f"R{n},Mayor,Ann A,REP,500\n", f"R{n},Mayor,Ben B,DEM,100\n"]
    text = HEADER + "".join(rows)
    firsts = [4 + 4 * n + k for n in range(7) for k in (0, 1)]
    order = standings(text, firsts)
    assert outcome(order)[:3] == ("Ann Ash", "Ann A", True) and order[0][1] - order[1][1] == 5500
    path = write(tmp_path, text)
    assert winner(path) is None
    assert len(summary_json(path, "--system", "plurality")["repeated_block"]) == 7


# Idaho's 2016 precinct file: Bonner County's block of State House 1A is listed twice, once with
# the parties as `REP`/`DEM`, once as `R`/`D` (and a name spelt another way): the same votes.
# Compared under one party only, the copy went unseen and every vote of Bonner counted twice.
PARTY_SPELT = HEADER + (
    "Bonner,State House 1A,Kate McAllister,DEM,7247\n"
    "Bonner,State House 1A,Heather Scott,REP,10689\n"
    "Bonner,State House 1A,Kate McAlister,D,7247\n"
    "Bonner,State House 1A,Heather Scott,R,10689\n"
    "Boundary,State House 1A,Kate McAlister,D,1383\n"
    "Boundary,State House 1A,Heather Scott,R,3717\n"
)


def test_a_block_listed_again_under_another_spelling_of_its_parties_is_found(tmp_path, monkeypatch):
    path = write(tmp_path, PARTY_SPELT)
    _, problems = engines_agree(monkeypatch, path)
    (block,) = [p for p in problems if p.code == "repeated-block"]
    assert block.line == 4 and "'Bonner'" in block.message
    assert "'Kate McAlister' (line 4) has the votes of 'Kate McAllister' (line 2)" in block.message
    # The copy's figures stand as listed (pandas' sums), and the race says its block is twice.
    # (REP and R are one party, Heather Scott one candidate: `namekeys.party_key`, session 19.)
    (election,) = pollcli.load(path)
    assert {o.candidate: o.votes for o in election.options} == {
        "Heather Scott": 10689 + 10689 + 3717,
        "Kate McAllister": 7247,
        "Kate McAlister": 7247 + 1383,
    }
    assert dict(standings(PARTY_SPELT, []))["Heather Scott"] == 10689 * 2 + 3717
    assert summary_json(path)["repeated_block"] == [
        {"region": "Bonner", "line": 4, "repeats_line": 2}
    ]
