"""`read/wide_fit`: a wide table's options told by the total it gives (the UK's EU referendum by
area: ballot counts and the parts of its rejected ballots beside `Remain` and `Leave`, all read as
options: refused at 3.0 times the total, then Leave 51.85 % for the official 51.89 %). Oracle: the
figures by hand; the run is kept only where it is the one run that adds up in every row."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import invoke, write

HEADER = (
    "Area,Electorate,ExpectedBallots,VerifiedBallotPapers,Votes_Cast,Valid_Votes,Remain,Leave,"
    "Rejected_Ballots,No_official_mark,Voting_for_both_answers,Unmarked_or_void"
)
ROWS = [
    ("Aberdeen City", 154266, 104809, 104809, 104809, 104714, 63985, 40729, 95, 0, 34, 61),
    ("Aberdeenshire", 196809, 139014, 139014, 139014, 138961, 76445, 62516, 53, 0, 19, 34),
    ("Adur", 48755, 37253, 37251, 37251, 37229, 16914, 20315, 22, 1, 8, 13),
]


def table(rows: list[tuple]) -> str:
    return HEADER + "\n" + "".join(",".join(map(str, row)) + "\n" for row in rows)


def test_the_options_are_the_run_that_adds_up_to_the_valid_votes(tmp_path):
    result = invoke("summary", str(write(tmp_path, table(ROWS), "euref.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Remain": 63985 + 76445 + 16914,
        "Leave": 40729 + 62516 + 20315,
    }
    assert election["turnout"]["ballots_cast"] == 104809 + 139014 + 37251
    said = " ".join(election["notes"])
    assert "Not options: 'No_official_mark', 'Voting_for_both_answers', 'Unmarked_or_void'" in said
    assert "'Remain', 'Leave' add up to 'Valid_Votes' in every row" in said
    # Remain and Leave are a measure's answers: no seat is won.
    assert "Ballot measure" in said and "wins the seat" not in said


def test_no_run_that_adds_up_leaves_the_columns_as_they_were(tmp_path):
    # Aberdeen's Leave one vote short: no run adds up in every row; the columns are read as
    # before, and the totals' check says the options do not add up.
    rows = [(*ROWS[0][:7], 40728, *ROWS[0][8:]), *ROWS[1:]]
    result = invoke("summary", str(write(tmp_path, table(rows), "euref.csv")), "-f", "json")
    assert "the options' votes add up to" in result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert "Unmarked_or_void" in {r["candidate"] for r in election["results"]}
    assert "Not options" not in " ".join(election["notes"])


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(1, 10**6)),
        min_size=2,
        max_size=6,
    )
)
def test_a_table_whose_options_add_up_is_read_as_ever(rows):
    # The fit changes nothing where every option column already adds up to the total.
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan
    from pollcli.read.wide_fit import fitted

    header = ["Area", "Valid_Votes", "A", "B", "C"]
    records = [
        (n + 2, [f"R{n}", str(a + b + c), str(a), str(b), str(c)])
        for n, (a, b, c) in enumerate(rows)
    ]
    raw = RawTable(name="t", stem="t", header=header, records=records)
    plan = Plan(ids=[0], facts={("total_votes", ""): [1]}, options=[2, 3, 4])
    assert fitted(raw, plan, records) == plan and not raw.notes


def test_runs_that_differ_by_a_column_of_zeros_are_one_the_longest():
    # A candidate of 0 votes in every row stays an option (nothing lost); a count column that is
    # not 0 somewhere and does not add up is left out.
    from pollcli.read.dialect import RawTable
    from pollcli.read.layout import Plan
    from pollcli.read.wide_fit import fitted

    header = ["Area", "Valid_Votes", "Ballots", "A", "B", "Zed"]
    records = [(2, ["X", "30", "31", "10", "20", "0"]), (3, ["Y", "7", "9", "3", "4", "0"])]
    raw = RawTable(name="t", stem="t", header=header, records=records)
    plan = Plan(ids=[0], facts={("total_votes", ""): [1]}, options=[2, 3, 4, 5])
    assert fitted(raw, plan, records).options == [3, 4, 5]
    assert raw.notes == [
        "Not options: 'Ballots', counts of another kind: the options 'A', 'B', 'Zed' add up to "
        "'Valid_Votes' in every row, and these do not."
    ]


def test_colorado_and_the_uk_answers_are_a_measures(tmp_path):
    text = "contest,candidate,votes\nIssue 6A,Yes/For,801\nIssue 6A,No/Against,435\n"
    result = invoke("summary", str(write(tmp_path, text, "m.csv")), "-f", "json")
    (election,) = json.loads(result.stdout)["elections"]
    said = " ".join(election["notes"])
    assert "Ballot measure" in said and "wins the seat" not in said
