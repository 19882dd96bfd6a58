"""A share column filled on some rows only: the options without a published share get one computed
from the votes (SPEC: the published share where given, otherwise votes / base), and were ranked by
those shares side by side. Of another base (the ballots cast, whose blank and null ballots the file
does not list), 23.33 % of 1,500 ballots ranked under 24.00 % of 1,250 valid votes, a candidate of
300 votes above one of 350; of the same base but rounded, Ann's 33.3 under Bob's computed 33.31, on
more votes. Such an election, every option having votes, is ranked by the votes, and the findings
say so. Names and figures invented; the oracle is the cells as written, each option's votes over
the valid votes by hand, and the order of the votes.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write

# Published shares of 1,500 ballots cast (250 blank or null, not listed); Bob's cell empty.
OFF_BASE = "candidate,votes,share\nAnn,500,33.33\nDan,350,23.33\nBob,300,\nCy,100,6.67\n"


def _summary(path):
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    return election, result.stderr


def test_shares_of_another_base_on_some_rows_are_not_ranked_beside_computed_ones(tmp_path):
    election, stderr = _summary(write(tmp_path, OFF_BASE))
    results = {r["candidate"]: r["share"] for r in election["results"]}
    valid = 500 + 350 + 300 + 100
    assert results == pytest.approx(
        {"Ann": 33.33, "Dan": 23.33, "Bob": 300 / valid * 100, "Cy": 6.67}
    )
    assert [(r["rank"], r["candidate"]) for r in election["results"]] == [
        (1, "Ann"),
        (2, "Dan"),
        (3, "Bob"),
        (4, "Cy"),
    ]
    assert election["runner_up"]["candidate"] == "Dan"
    assert election["margin"]["pp"] == pytest.approx(33.33 - 23.33)  # (both published, one base)
    findings = " ".join(election["notes"])
    assert "given for 3 of 4 options" in findings
    assert (
        "computed from the votes, of 1,250 valid votes, and the options ranked by their votes"
        in findings
    )
    assert "the options ranked by their votes" in stderr


def test_rounded_shares_of_the_votes_base_on_some_rows_rank_by_votes_too(tmp_path):
    # Ann's 33.3 and Cy's 33.4 are of the valid votes, rounded: beside Bob's computed 33.31, Bob
    # (3,331 votes) ranked above Ann (3,334), who was tagged runner-up on row 3.
    text = "candidate,votes,share\nAnn,3334,33.3\nBob,3331,\nCy,3335,33.4\n"
    election, stderr = _summary(write(tmp_path, text))
    valid = 3334 + 3331 + 3335
    assert [r["candidate"] for r in election["results"]] == ["Cy", "Ann", "Bob"]
    assert [r["share"] for r in election["results"]] == pytest.approx(
        [33.4, 33.3, 3331 / valid * 100]
    )
    assert election["runner_up"]["candidate"] == "Ann"
    notes = " ".join(election["notes"])
    assert "given for 2 of 3 options, add up to 66.70 % and agree with the votes" in notes
    assert "share-mismatch" not in stderr


def test_a_complete_column_of_another_base_is_shown_as_published(tmp_path):
    text = "candidate,votes,share\nAnn,500,40.0\nBob,300,24.0\nCy,200,16.0\n"
    election, stderr = _summary(write(tmp_path, text))
    assert [r["share"] for r in election["results"]] == [40.0, 24.0, 16.0]
    assert "the shares are shown as published" in stderr


def test_both_engines_read_the_same_options(tmp_path, monkeypatch):
    (election,), _ = engines_agree(monkeypatch, write(tmp_path, OFF_BASE))
    assert [o.share for o in election.options] == [33.33, 23.33, None, 6.67]


@given(
    votes=st.lists(st.integers(100, 1000), min_size=3, max_size=8, unique=True),
    spoilt=st.integers(150, 2000),
    blanks=st.sets(st.integers(0, 7), min_size=1, max_size=2),
)
def test_order_is_the_votes_order_whatever_cells_are_blank(tmp_path_factory, votes, spoilt, blanks):
    # Published shares of the valid votes plus `spoilt` ballots, some cells blank: the ranking is
    # the votes', as the oracle sorts them.
    cast = sum(votes) + spoilt
    rows = "".join(
        f"C{i},{v},{'' if i in blanks else f'{v / cast * 100:.2f}'}\n" for i, v in enumerate(votes)
    )
    if all(i in blanks for i in range(len(votes))):
        return
    path = write(tmp_path_factory.mktemp("p"), "candidate,votes,share\n" + rows)
    election, _ = _summary(path)
    expected = sorted(range(len(votes)), key=lambda i: -votes[i])
    assert [r["candidate"] for r in election["results"]] == [f"C{i}" for i in expected]


def test_shares_of_the_valid_votes_and_the_spoilt_ballots_listed_say_so(tmp_path):
    # (review) The blank and invalid ballots are listed (250), and the shares are of them and the
    # valid votes: the warning asked for "blank or invalid ballots the file does not list?".
    text = OFF_BASE + "Blank,150,10.0\nInvalid,100,\n"
    _, stderr = _summary(write(tmp_path, text))
    said = " ".join(stderr.split())
    assert "of the 1,500 ballots cast (the 1,250 valid votes and the 250 blank and invalid" in said
    assert "does not list" not in said
    fixed = write(tmp_path, "# share_base: cast\n# ballots_cast: 1500\n" + text, "cast.csv")
    election, stderr = _summary(fixed)
    assert "share-mismatch" not in stderr and "published shares are" not in stderr
    # (as published where given; Bob's computed, now of the ballots cast)
    assert {r["candidate"]: r["share"] for r in election["results"]}["Bob"] == pytest.approx(20.0)
    assert [r["share"] for r in election["results"][:2]] == [33.33, 23.33]
