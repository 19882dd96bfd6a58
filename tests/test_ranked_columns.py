"""A table of each constituency's winner, runner-up and third by columns (`win_votes`,
`win_party`, `win_name`, `second_votes`…, `MOV_votes`: the margin of victory) is no table of one
column per option: pollcli read its votes-worded columns as options, and Pakistan's 2008/2018
constituency dataset (as re-published, joined with turnout) said "validated leads with 47.44 %;
runner-up: win". Options headed by places in the ranking are refused, saying so.

The files are invented, in that layout.
"""

import json

from conftest import invoke, write

HEADER = (
    "constituency_code,constituency_name,province,votes_cast,validated_votes,MOV_votes,"
    "win_votes,win_party,win_name,second_votes,second_party,second_name,third_votes,"
    "third_party,third_name,remainder_votes\n"
)
ROWS = [
    ("NA-1", "Alder", "North", 1000, 980, 120, 500, "Party A", "Ann Lee", 380, "Party B", "Bo Cho", 60, "Party C", "Cy Dee", 40),
    ("NA-2", "Birch", "North", 900, 880, 40, 400, "Party B", "Di Eve", 360, "Party A", "Ed Fox", 80, "Party C", "Fay Gu", 40),
    ("NA-3", "Cedar", "South", 1200, 1150, 300, 700, "Party C", "Gil Ho", 400, "Party A", "Ivy Jo", 30, "Party B", "Kai Lo", 20),
]  # fmt: skip
TEXT = HEADER + "".join(",".join(map(str, row)) + "\n" for row in ROWS)


def test_ranked_columns_are_refused_as_no_options(tmp_path):
    path = write(tmp_path, TEXT)
    result = invoke("summary", str(path))
    assert result.code == 1, result.stdout
    assert "places in each row's ranking" in result.stderr
    assert "'win'" in result.stderr and "'second'" in result.stderr
    assert "leads" not in result.stdout


def test_a_party_whose_name_opens_with_a_rank_word_is_an_option(tmp_path):
    text = (
        "district,Second Chance_votes,Labour_votes,Green_votes\n"
        "Alder,120,300,80\nBirch,200,150,90\nCedar,60,410,30\n"
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Second Chance": 380,
        "Labour": 860,
        "Green": 200,
    }
