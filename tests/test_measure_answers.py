"""A ballot measure's answers are its options, even a word that alone names a kind of ballot.

Washington's 2020 county file answers its measures "Approved" / "Rejected": read as rejected
(invalid) ballots, "Rejected" left the valid vote and Engrossed Senate Joint Resolution 8212, which
was rejected (Approved 1,738,080, Rejected 2,069,809), passed with 100 % and was called unopposed.
The figures below are small invented ones in that file's layout; the oracle is pandas' sums.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.kinds import measure_answers

# Two measures in the layout of Washington's county file, and a race whose "Rejected" row is
# rejected ballots (a constituency's table): only the measures' answers become options.
MEASURES = """county,office,district,party,candidate,votes
Adams,Referendum Measure 90,,,Approved,1768
Adams,Referendum Measure 90,,,Rejected,3947
Adams,Joint Resolution 8212,,,Approved,1685
Adams,Joint Resolution 8212,,,Rejected,3868
King,Referendum Measure 90,,,Approved,853102
King,Referendum Measure 90,,,Rejected,312424
King,Joint Resolution 8212,,,Approved,456960
King,Joint Resolution 8212,,,Rejected,659816
Adams,Mayor,,,Ann Ash,900
Adams,Mayor,,,Ben Birch,700
Adams,Mayor,,,Rejected,40
King,Mayor,,,Ann Ash,300
King,Mayor,,,Ben Birch,800
King,Mayor,,,Rejected,60
"""


def _oracle(text: str) -> dict[tuple[str, str], int]:
    frame = pd.read_csv(io.StringIO(text))
    sums = frame.groupby(["office", "candidate"])["votes"].sum()
    return {(str(o), str(c)): int(v) for (o, c), v in sums.items()}


def test_a_pair_of_answers_makes_both_options():
    assert measure_answers(["Approved", "Rejected"]) == {"approved", "rejected"}
    assert measure_answers(["YES", "no"]) == {"yes", "no"}
    assert measure_answers(["For", "Against", "Blank"]) == {"for", "against"}
    # One side alone is no measure: "Rejected" beside candidates is rejected ballots.
    assert measure_answers(["Ann Ash", "Rejected"]) == frozenset()
    assert measure_answers(["Rejected", "Blank"]) == frozenset()


def test_rejected_is_an_option_of_a_measure_and_a_kind_of_ballot_elsewhere(monkeypatch, tmp_path):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, MEASURES))
    assert not [p for p in problems if p.severity == "error"]
    oracle = _oracle(MEASURES)
    by_name = {e.facts.election: e for e in elections}
    for office in ("Referendum Measure 90", "Joint Resolution 8212"):
        options = {o.candidate: (o.kind, o.votes) for o in by_name[office].options}
        assert options == {
            "Approved": ("candidate", oracle[office, "Approved"]),
            "Rejected": ("candidate", oracle[office, "Rejected"]),
        }
    mayor = {o.candidate: o.kind for o in by_name["Mayor"].options}
    assert mayor == {"Ann Ash": "candidate", "Ben Birch": "candidate", "Rejected": "invalid"}


def test_kind_flag_and_kind_column_still_win(monkeypatch, tmp_path):
    path = write(tmp_path, MEASURES)
    elections, _ = engines_agree(monkeypatch, path, kinds={"Rejected": "invalid"})
    measure = next(e for e in elections if e.facts.election == "Referendum Measure 90")
    assert {o.candidate: o.kind for o in measure.options}["Rejected"] == "invalid"
    text = "candidate,kind,votes\nApproved,candidate,10\nRejected,invalid,4\n"
    (election,), _ = engines_agree(monkeypatch, write(tmp_path, text, "kinds.csv"))
    assert {o.candidate: o.kind for o in election.options} == {
        "Approved": "candidate",
        "Rejected": "invalid",
    }


def test_summary_of_a_rejected_measure_names_no_seat_and_no_unopposed(tmp_path):
    path = write(tmp_path, MEASURES)
    result = invoke("summary", str(path), "--race", "8212", "--format", "json")
    assert result.code == 0, result.stderr
    oracle = _oracle(MEASURES)
    approved = oracle["Joint Resolution 8212", "Approved"]
    rejected = oracle["Joint Resolution 8212", "Rejected"]
    assert rejected > approved  # the rejected measure of the layout
    text = invoke("summary", str(path), "--race", "Joint Resolution 8212").stdout
    flat = " ".join(text.split())
    share = round(100 * rejected / (approved + rejected), 2)
    assert f"Rejected leads with {share:.2f} %" in flat
    assert "wins the seat" not in flat and "UNOPPOSED" not in flat and "INVALID" not in flat
    assert "Ballot measure" in flat
    everything = " ".join(invoke("summary", str(path)).stdout.split())
    assert "Unopposed" not in everything
    assert "2 ballot measures left out" in everything


def test_unopposed_only_where_no_other_row_has_votes(tmp_path):
    """One candidate beside write-ins with votes is opposed; beside undervotes alone, unopposed."""
    text = (
        "office,candidate,votes\nClerk,Ann Ash,500\nClerk,Write-ins,30\n"
        "Judge,Ben Birch,400\nJudge,Under Votes,90\n"
        "Sheriff,Cy Cole,300\nSheriff,Dee Dale,200\n"
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    lines = {line["race"]: line["tags"] for line in json.loads(result.stdout)["overview"]["races"]}
    assert "unopposed" not in lines["Clerk"]
    assert "unopposed" in lines["Judge"]
    assert "unopposed" not in lines["Sheriff"]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_yes_no_measure_wording(tmp_path, engine):
    text = "candidate,votes\nYes,40\nNo,60\n"
    result = invoke("summary", str(write(tmp_path, text)), env={"POLLCLI_ENGINE": engine})
    flat = " ".join(result.stdout.split())
    assert "Ballot measure" in flat and "No has more than 50 %" in flat
    assert "wins outright" not in flat


def test_an_advisory_vote_is_a_measure(tmp_path):
    """Washington's advisory votes answer "Repealed" / "Maintained": no seat won by no party."""
    text = (
        "county,office,candidate,votes\nAdams,State Advisory Vote 2,Repealed,4626\n"
        "Adams,State Advisory Vote 2,Maintained,969\nAdams,Governor,Ann Ash,3000\n"
        "Adams,Governor,Ben Birch,2000\n"
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    lines = {line["race"]: line for line in json.loads(result.stdout)["overview"]["races"]}
    assert lines["State Advisory Vote 2"]["measure"] is True
    assert lines["Governor"].get("measure") in (None, False)


def test_races_of_candidates_alone_look_up_no_answers(monkeypatch, tmp_path):
    """Only a race with a row of another kind than `candidate` can have an answer to make an
    option: races of candidates alone look none up (a file of 10,000 races of 100 candidates
    looked up each of its million names), and read as before; the measures beside them still
    make their answers options."""
    from pollcli.read import answers

    looked: list[set[str]] = []

    def spied(names):
        names = set(names)
        looked.append(names)
        return measure_answers(names)

    monkeypatch.setattr(answers, "measure_answers", spied)
    text = "office,candidate,votes\n" + "".join(
        f"Mayor {r},Name {r}-{n},{r + n + 1}\n" for r in range(3) for n in range(4)
    )
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not looked and not [p for p in problems if p.severity == "error"]
    assert [{o.candidate: o.votes for o in e.options} for e in elections] == [
        {f"Name {r}-{n}": r + n + 1 for n in range(4)} for r in range(3)
    ]
    elections, _ = engines_agree(monkeypatch, write(tmp_path, MEASURES + text.split("\n", 1)[1]))
    assert looked and all("Rejected" in names for names in looked)
    assert not any(name.startswith("Name ") for names in looked for name in names)
    kinds = {(e.facts.election, o.candidate): o.kind for e in elections for o in e.options}
    assert kinds["Referendum Measure 90", "Rejected"] == "candidate"
    assert kinds["Mayor", "Rejected"] == "invalid"


@pytest.mark.parametrize(
    ("yes", "no"), [("Ayes", "Noes"), ("Aye", "No"), ("Yea", "Nay"), ("Yeas", "Nays")]
)
def test_parliamentary_answers_are_a_measure(tmp_path, yes, no):
    """A question answered "Ayes" / "Noes" (or "Yea" / "Nay") was put in the tally as a race won by
    "Noes", with a seat and a first-past-the-post finding: its answers are a measure's."""
    text = (
        f"county,office,candidate,votes\nA,Question 1,{yes},120\nA,Question 1,{no},80\n"
        f"B,Question 1,{yes},30\nB,Question 1,{no},90\nA,Mayor,Ann Ash,100\nA,Mayor,Ben Birch,90\n"
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    lines = {line["race"]: line for line in json.loads(result.stdout)["overview"]["races"]}
    assert lines["Question 1"]["measure"] is True
    assert lines["Mayor"].get("measure") in (None, False)
    flat = " ".join(
        invoke("summary", str(write(tmp_path, text)), "--race", "Question").stdout.split()
    )
    assert "Ballot measure" in flat and f"{no} has more than 50 %" in flat  # 170 of 320
    assert "wins the seat" not in flat
    assert measure_answers([yes, no]) == {yes.casefold(), no.casefold()}
