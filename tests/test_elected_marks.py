"""A winner column that marks two candidates in a race where the file's other races mark one
(Malaysia's 2018 parliament file: BATU marks its winner and a candidate of 383 votes). `summary`
named no winner, honestly, but `validate` said "valid — 0 errors" and the note spoke only of the
383-vote candidate ("not among the top 2"), not of the two marks. Now the note says the race
marks 2 where the others mark 1, and validate warns (`elected-marks`). Names and figures
invented."""

from __future__ import annotations

import json

from conftest import invoke, write

HEADER = (
    ",name,coalition,party_code,votes,vote_share,parliament_code_digits,constituency,state,"
    "vote_share_of_registered_voters,winner,total_votes\n"
)
ROWS = [
    ("Ali Rahman", "PH", "DAP", 12000, 101, "KUALA ARU", 1),
    ("Ben Tan", "BN", "MCA", 9000, 101, "KUALA ARU", 0),
    ("Chin Wei", "", "IND", 30000, 102, "BUKIT MAS", 1),
    ("Devi Nair", "BN", "GERAKAN", 11000, 102, "BUKIT MAS", 0),
    ("Eng Lim", "", "PAS", 8000, 102, "BUKIT MAS", 0),
    ("Faiz Omar", "", "IND", 300, 102, "BUKIT MAS", 1),
    ("Gan Hock", "PH", "PKR", 15000, 103, "SUNGAI LAUT", 1),
    ("Hana Yusof", "BN", "UMNO", 14000, 103, "SUNGAI LAUT", 0),
]
# Seven more seats of one member each: 9 of the file's 10 races mark 1.
ROWS += [
    (f"{who} {n}", "", party, votes + 100 * n, 110 + n, f"SEAT {n}", won)
    for n in range(7)
    for who, party, votes, won in (("Win", "PKR", 9000, 1), ("Lose", "UMNO", 7000, 0))
]


def _file(tmp_path):
    totals = {c: sum(r[3] for r in ROWS if r[5] == c) for *_, c, _ in ROWS}
    lines = [
        f"{k},{name},{coalition},{party},{votes},{100 * votes / totals[seat]},{code},{seat},"
        f"Negeri,40.0,{won},{totals[seat]}\n"
        for k, (name, coalition, party, votes, code, seat, won) in enumerate(ROWS)
    ]
    return write(tmp_path, HEADER + "".join(lines), "my_parl.csv")


def test_validate_warns_of_a_race_that_marks_two_winners(tmp_path):
    done = invoke("validate", str(_file(tmp_path)), "--format", "json")
    assert done.code == 0, done.stderr
    (report,) = json.loads(done.stdout)["files"]
    marks = [p for p in report["problems"] if p["code"] == "elected-marks"]
    assert [(p["severity"], p["race"]) for p in marks] == [("warning", "BUKIT MAS")], marks
    message = marks[0]["message"]
    assert "marks 2 candidates elected ('Chin Wei', 'Faiz Omar')" in message
    assert "where 9 of the file's 10 races mark 1" in message
    assert "'Faiz Omar' is not among the top 2" in message


def test_summary_names_no_winner_and_says_the_same(tmp_path):
    done = invoke("summary", str(_file(tmp_path)), "--race", "BUKIT MAS", "--format", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    assert any("marks 2 candidates elected" in n for n in election["notes"]), election["notes"]
