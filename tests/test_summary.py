"""Each figure of the summary, on tiny inputs and on the Kazakhstan 2022 reference case."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA
from pollcli import load, summarize


@pytest.fixture
def kz(kz2022):
    return summarize(load(kz2022)).elections[0]


def test_kz_2022_leader_and_majority(kz):
    assert kz.leader.candidate == "Kassym-Jomart Tokayev"
    assert kz.leader.share == 81.31
    assert kz.leader.votes == 6456392
    assert kz.majority.reached is True
    assert kz.majority.runoff is None
    assert kz.tied_for_first == []


def test_kz_2022_runner_up_and_margin(kz):
    assert kz.runner_up.candidate == "Zhiguli Dairabayev"
    assert kz.runner_up.share == 3.42
    assert kz.margin.votes == 6456392 - 271641
    # The points come from the votes (the published shares are rounded): over the valid votes,
    # summed here with pandas, and within the published shares' rounding of 81.31 − 3.42.
    import pandas as pd

    frame = pd.read_csv(DATA / "kz_2022.csv", comment="#")
    valid = frame.loc[~frame["kind"].isin(["invalid", "blank"]), "votes"].sum()
    assert kz.margin.pp == pytest.approx((6456392 - 271641) / valid * 100)
    assert kz.margin.pp == pytest.approx(81.31 - 3.42, abs=0.01)


def test_kz_2022_against_all_ahead_of_every_rival(kz):
    against = next(r for r in kz.results if r.kind == "against_all")
    assert (against.rank, against.share, against.below_threshold) == (2, 5.80, False)
    note = next(n for n in kz.notes if n.startswith("“Against all”"))
    assert (
        "5.80 %" in note
        and "ahead of the runner-up" in note
        and "every candidate but the leader" in note
    )


def test_kz_2022_below_threshold(kz):
    assert kz.below_threshold == [
        "Karakat Abden",
        "Meiram Kazhyken",
        "Nurlan Auesbayev",
        "Saltanat Tursynbekova",
    ]
    assert [r.candidate for r in kz.results if r.below_threshold] == kz.below_threshold


def test_kz_2022_turnout_term_and_effective_number(kz):
    assert kz.turnout.pct == pytest.approx(8300046 / 11953465 * 100)
    assert round(kz.turnout.pct, 2) == 69.44
    assert kz.term.years == 7 and kz.term.previous_years == 5
    assert kz.term.next_election_due == 2029
    assert "single non-renewable term" in kz.term.limit
    shares = [0.8131, 0.0342, 0.0260, 0.0253, 0.0222, 0.0212, 0.0580]
    assert kz.effective_number == pytest.approx(1 / sum(p * p for p in shares))
    assert any("lengthened from 5" in n and "2029" in n for n in kz.notes)


def test_kz_2022_checks_pass(kz):
    assert kz.warnings == []
    assert any("add up to 100.00 %" in n and "valid votes" in n for n in kz.notes)


def test_results_are_ranked_by_share(kz):
    shares = [r.share for r in kz.results]
    assert shares == sorted(shares, reverse=True)
    assert [r.rank for r in kz.results] == list(range(1, 8))


def test_votes_only_shares_computed_on_valid_base(summarize_text):
    s = summarize_text("candidate,votes\nA,600\nB,300\nC,100\nInvalid,50\n")
    shares = {r.candidate: r.share for r in s.results}
    assert shares == {"A": 60.0, "B": 30.0, "C": 10.0, "Invalid": None}
    assert s.leader.candidate == "A" and s.majority.reached


def test_shares_only(summarize_text):
    s = summarize_text("candidate,share\nA,45.5\nB,40.5\nC,14\n")
    assert s.leader.candidate == "A" and s.leader.votes is None
    assert s.margin.pp == pytest.approx(5.0) and s.margin.votes is None
    assert s.majority.reached is False
    assert s.majority.runoff == ["A", "B"]


def test_cast_base(summarize_text):
    text = "# ballots_cast: 1000\n# share_base: cast\ncandidate,votes\nA,450\nB,350\nInvalid,200\n"
    s = summarize_text(text)
    shares = {r.candidate: r.share for r in s.results}
    assert shares == {"A": 45.0, "B": 35.0, "Invalid": 20.0}
    assert s.majority.reached is False
    assert s.majority.runoff == ["A", "B"]


def test_tie_for_first_is_never_broken(summarize_text):
    s = summarize_text("candidate,votes\nA,400\nB,400\nC,200\n")
    assert s.leader is None and s.runner_up is None
    assert s.tied_for_first == ["A", "B"]
    assert s.margin.pp == 0 and s.margin.votes == 0
    assert s.majority.reached is False and s.majority.runoff == ["A", "B"]
    assert any(n.startswith("Tie for first") for n in s.notes)
    assert [r.rank for r in s.results] == [1, 1, 3]


def test_single_candidate(summarize_text):
    s = summarize_text("candidate,votes\nOnly One,1234\n")
    assert s.leader.candidate == "Only One" and s.leader.share == 100.0
    assert s.runner_up is None and s.margin is None
    assert s.majority.reached is True
    assert s.effective_number == pytest.approx(1.0)


def test_against_all_never_leads(summarize_text):
    s = summarize_text("candidate,votes\nAgainst all,700\nA,200\nB,100\n")
    assert s.leader.candidate == "A"
    assert s.runner_up.candidate == "B"
    assert any("more than the leader" in n for n in s.notes)
    assert s.results[0].kind == "against_all" and s.results[0].rank == 1


def test_no_majority_names_runoff(summarize_text):
    s = summarize_text("candidate,votes\nA,48\nB,30\nC,22\n")
    assert s.majority.reached is False
    assert s.majority.runoff == ["A", "B"]
    assert any("runoff would be between A and B" in n for n in s.notes)


def test_majority_is_strictly_above_threshold(summarize_text):
    s = summarize_text("candidate,votes\nA,50\nB,50\nC,0\n", majority=50)
    assert s.majority.reached is False
    s = summarize_text("candidate,votes\nA,50\nB,30\nC,20\n", majority=40)
    assert s.majority.reached is True and s.majority.threshold == 40


def test_threshold_is_strict_and_configurable(summarize_text):
    s = summarize_text("candidate,share\nA,60\nB,35\nC,5\n", threshold=5)
    assert s.below_threshold == []
    s = summarize_text("candidate,share\nA,60\nB,35\nC,5\n", threshold=5.01)
    assert s.below_threshold == ["C"]


def test_turnout_and_term_absent(summarize_text):
    s = summarize_text("candidate,votes\nA,2\nB,1\n")
    assert s.turnout.pct is None and s.term.next_election_due is None
    assert any("Turnout: not computed" in n for n in s.notes)


def test_leader_by_votes_when_rounded_shares_tie(summarize_text):
    s = summarize_text("candidate,votes,share\nA,50001,50.0\nB,49999,50.0\n")
    assert s.leader.candidate == "A" and s.tied_for_first == []


def test_multiple_elections_in_one_file(load_text):
    text = "election,date,candidate,votes\nR1,2024-01-01,A,40\nR1,2024-01-01,B,60\nR2,2024-02-01,A,70\nR2,2024-02-01,B,30\n"
    s = summarize(load_text(text))
    assert [(e.election, e.leader.candidate) for e in s.elections] == [("R1", "B"), ("R2", "A")]


def test_one_vote_is_singular_in_the_findings(tmp_path):
    from conftest import invoke, write

    out = invoke("summary", str(write(tmp_path, "candidate,votes\nA,1\nB,0\n"))).stdout
    assert "(1 vote)" in out and "margin 100.00 points and 1 vote." in out
    assert "of the 1 vote of the 2 options listed." in out and "(0 votes)" in out


def test_seat_facts_are_read_and_typed(load_text):
    election = load_text(
        "# system: list\n# seats: 69\n# method: Hare-Niemeyer\n# list_threshold: 5 %\n"
        "# threshold_base: valid\nparty,votes\nA,60\nB,40\n"
    )[0]
    facts = election.facts
    assert (facts.system, facts.seats, facts.method) == ("list", 69, "hare")
    assert (facts.list_threshold, facts.threshold_base) == (5.0, "valid")


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("# system: ranked", "system 'ranked' is not one of"),
        ("# seats: 0", "from 1 to"),
        ("# method: borda", "method 'borda' is not one of"),
        ("# list_threshold: 120", "from 0 to 100"),
    ],
)
def test_bad_seat_facts_are_invalid_metadata(load_text, line, words):
    from pollcli.errors import DataError

    with pytest.raises(DataError) as caught:
        load_text(f"{line}\ncandidate,votes\nA,60\nB,40\n")
    assert caught.value.problems[0].code == "invalid-metadata"
    assert words in caught.value.problems[0].message


def test_method_spellings():
    from pollcli.columns import method_name

    assert method_name("D'Hondt") == "dhondt"
    assert method_name("Sainte-Laguë") == "sainte-lague"
    assert method_name("modified_sainte_lague") == "modified-sainte-lague"
    assert method_name("borda") is None


def test_plurality_names_no_runoff(summarize_text):
    s = summarize_text("# system: plurality\ncandidate,votes\nA,40\nB,35\nC,25\n")
    assert s.majority.runoff is None and not s.majority.reached
    assert "First past the post: A wins the seat with a plurality" in " ".join(s.notes)
    assert "runoff" not in " ".join(s.notes)


def test_list_vote_names_no_runoff(summarize_text):
    s = summarize_text("# system: list\nparty,votes\nA,40\nB,35\nC,25\n")
    assert s.majority.runoff is None
    assert "runoff would be" not in " ".join(s.notes)


def test_colour_column_reaches_the_results(summarize_text):
    s = summarize_text("party,votes,colour\nA,40,#ff0000\nB,35,\n")
    assert [r.colour for r in s.results] == ["#ff0000", None]


@given(
    size=st.integers(0, 30),
    picks=st.lists(st.integers(0, 29), max_size=30),
    shuffled=st.booleans(),
)
def test_below_threshold_flags_the_very_options_below(size, picks, shuffled):
    """`summary._among`: each ranked option flagged if it is (the same object) one of `below`,
    whether `below` is in rank order (one walk) or not (lists under their threshold, a NaN
    share), equal options apart (the oracle: an identity test against each)."""
    from pollcli.election import Option
    from pollcli.summary import _among
    from pollcli.tally import Ranked

    option = Option(candidate="Ann", votes=1, line=2)
    ranked = [Ranked(option, 1.0, 1) for _ in range(size)]  # equal, not the same
    below = [ranked[i] for i in dict.fromkeys(p for p in picks if p < size)]
    if not shuffled:
        below.sort(key=lambda r: next(i for i, x in enumerate(ranked) if x is r))
    assert _among(ranked, below) == [any(r is b for b in below) for r in ranked]
