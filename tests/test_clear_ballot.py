"""Clear Ballot's statements of votes (Colorado's counties: `"Precinct \\nCode","Precinct \\nNumber",
"Contest \\nTitle","Choice \\nName",…,"Total \\nVotes"`): a header whose labels are broken over
lines in their quotes, a precinct code and a contest title. Read as published, every contest was
one race refused for its options listed again in each precinct, and the advice named
`--unit 'Precinct \\nCode'`, which no shell line gives. Oracle: the rows summed by contest and
choice, by hand."""

from __future__ import annotations

import json

from conftest import engines_agree, invoke, write

HEADER = (
    '"Precinct \nCode","Precinct \nNumber","Contest \nTitle","Choice \nName","Active \nVoters",'
    '"Total \nBallots","Total \nVotes","Total \nUndervotes","Total \nOvervotes"\n'
)
ROWS = [
    ("100", "2181207100", "Presidential Electors", "Ann Ash / Bo Bell", "1,569", "1,325", 900),
    ("100", "2181207100", "Presidential Electors", "Cy Cole / Di Dunn", "1,569", "1,325", 354),
    ("100", "2181207100", "County Question 1A", "Yes/For", "1,569", "1,325", 700),
    ("100", "2181207100", "County Question 1A", "No/Against", "1,569", "1,325", 500),
    ("101", "2181207101", "Presidential Electors", "Ann Ash / Bo Bell", "2,001", "1,700", 1000),
    ("101", "2181207101", "Presidential Electors", "Cy Cole / Di Dunn", "2,001", "1,700", 600),
    ("101", "2181207101", "County Question 1A", "Yes/For", "2,001", "1,700", 800),
    ("101", "2181207101", "County Question 1A", "No/Against", "2,001", "1,700", 750),
]
TEXT = HEADER + "".join(",".join(f'"{c}"' for c in row[:6]) + f",{row[6]},3,0\n" for row in ROWS)


def expected() -> dict[str, dict[str, int]]:
    """By hand; each race's under votes (3) and over votes (0) in each precinct are its lines
    (`read.undercols`), counted once a precinct."""
    sums: dict[str, dict[str, int]] = {}
    for row in ROWS:
        race = sums.setdefault(row[2], {})
        race[row[3]] = race.get(row[3], 0) + row[6]
    for race in sums.values():
        race["Under Votes"], race["Over Votes"] = 3 * 2, 0
    return sums


def test_a_statement_of_votes_is_read_by_contest_and_precinct(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT, "2024G-Statement-of-Votes.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=256)
    assert {
        e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections
    } == expected()
    assert not [p for p in problems if p.severity == "error"]
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    notes = json.loads(result.stdout)["elections"][0]["notes"]
    # The labels as a user types them: no line break in any note.
    assert "Split into 2 races by 'Contest Title'; 2 summarised." in notes
    assert not [note for note in notes if "\n" in note]


def test_a_label_broken_over_lines_is_typed_as_one_line(tmp_path):
    # `--unit` names such a column as it reads, on one line.
    text = TEXT.replace("Precinct \nCode", "Place \nCode")
    path = write(tmp_path, text, "sov.csv")
    result = invoke("summary", str(path), "--unit", "Place Code", "--format", "json")
    assert result.code == 0, result.stderr
    got = json.loads(result.stdout)["elections"]
    assert {e["election"]: {r["candidate"]: r["votes"] for r in e["results"]} for e in got} == (
        expected()
    )
