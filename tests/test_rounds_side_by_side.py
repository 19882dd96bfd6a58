"""A ranked-choice count's rounds side by side, each under its round (San Francisco's RCV short
report: `Candidate`, then `Round 1`, `Round 2`, `Round 3` over `Votes`, `Percentage`, `Transfer`).
The advice was to keep one of `Round 1 / Votes` and `Round 2 / Votes` (--ignore-column), then the
next, until the rows' footnote was an option with no name: a count told a round at a time is no
way to its winner. It is refused with one message per figure, naming the rounds and the long form
pollcli reads a ranked-choice count in (a row per candidate and round, an `rcv_round` column)."""

from conftest import invoke, write

REPORT = """Final RCV Short Report,,,,,,,,,
CITY ATTORNEY,,,,,,,,,
Candidate,Round 1,,,Round 2,,,Round 3,,
,Votes,Percentage,Transfer,Votes,Percentage,Transfer,Votes,Percentage,Transfer
ANN ALDER,5000,0.4,300,5300,0.4416,900,6200,0.5391,0
BO BIRCH,4000,0.32,400,4400,0.3666,900,5300,0.4609,0
CY CEDAR,3500,0.28,-3500,0,0,0,0,0,0
Continuing Ballots Total,12500,,,11700,,,11500,,
Exhausted,0,,800,800,,200,1000,,0
"""


def test_rounds_side_by_side_are_refused_with_the_long_form(tmp_path):
    result = invoke("summary", str(write(tmp_path, REPORT, "rcv_short.csv")))
    assert result.code != 0
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "--ignore-column" not in result.stderr
    assert 1 <= len(errors) <= 2, result.stderr
    said = "'Round 1 / Votes', 'Round 2 / Votes', 'Round 3 / Votes' are the rounds of one "
    votes = [e for e in errors if said + "ranked-choice count side by side" in e]
    assert len(votes) == 1, errors
    assert "rcv_round" in votes[0]


def test_two_votes_columns_of_no_round_keep_their_advice(tmp_path):
    text = "candidate,votes,vote_count\nAnn,10,10\nBo,8,8\n"
    result = invoke("summary", str(write(tmp_path, text)))
    assert "keep one of them (--ignore-column" in result.stderr


def test_the_first_round_may_go_unnamed():
    # San Francisco's workbook: `Round 1` carried over `Votes` only, `Percentage` beside it bare.
    from pollcli.read.columnpairs import duplicate_advice

    header = ["Candidate", "Round 1 / Votes", "Percentage", "Round 2 / Percentage", "Round 3 / %"]
    (said,) = duplicate_advice(header, [2, 3, 4], "share")
    assert said[1].startswith(
        "'Percentage', 'Round 2 / Percentage', 'Round 3 / %' are the rounds of one"
    )
    two = duplicate_advice(["a", "Percentage", "pct"], [1, 2], "share")
    assert [s for _, s in two] == [
        "columns 'Percentage' and 'pct' both mean 'share'; keep one of them "
        "(--ignore-column Percentage)"
    ]
