"""Trials 11–12: turnout from valid votes and invalid ballots where no ballots cast are given.

The UK's House of Commons results (GE2017: `electorate`, `valid_votes`, `invalid_votes`, a column
per party) and Greece's tables give the ballots counted as their parts: pollcli said "Turnout: not
computed (ballots cast not given)". Where the file gives its invalid ballots (and blank ones apart)
as figures but no ballots cast, and its options are valid votes only, the ballots counted are
their sum and the turnout is theirs, said so. Where the options list invalid or blank lines
themselves, or a ballot holds several votes, nothing is derived. Figures by pandas.
"""

import io
import json

import pandas as pd

from conftest import invoke, write

UK = """id,constituency_name,electorate,valid_votes,invalid_votes,con,lab,ld
W1,Aberavon,49892,33268,57,5901,22662,599
W2,Aberconwy,45251,32150,94,14337,13702,1102
W3,Aberdeen North,62130,37413,107,11429,9627,1262
"""


def summary(path, *args: str) -> dict:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    data: dict = json.loads(result.stdout)
    return data


def test_a_wide_table_of_valid_and_invalid_votes_gives_its_turnout(tmp_path):
    table = pd.read_csv(io.StringIO(UK))
    valid = int(table[["con", "lab", "ld"]].to_numpy().sum())
    counted = valid + int(table["invalid_votes"].sum())
    registered = int(table["electorate"].sum())
    [race] = summary(write(tmp_path, UK))["elections"]
    assert race["turnout"] == {
        "registered": registered,
        "ballots_cast": counted,
        "pct": counted / registered * 100,
    }
    [said] = [n for n in race["notes"] if n.startswith("Turnout:")]
    assert f"{counted:,} ballots counted" in said and "valid votes plus invalid" in said


FRONT = """# registered: 1000
# invalid: 20
# blank: 10
candidate,votes
Ann,400
Bob,300
"""


def test_blank_ballots_given_apart_are_counted_too(tmp_path):
    [race] = summary(write(tmp_path, FRONT))["elections"]
    assert race["turnout"]["ballots_cast"] == 400 + 300 + 20 + 10
    assert race["turnout"]["pct"] == 73.0


def test_no_ballots_are_derived_beside_invalid_lines_or_several_votes_a_ballot(tmp_path):
    lines = FRONT.replace("Bob,300\n", "Bob,300\nSpoilt,5\n")
    [race] = summary(write(tmp_path, lines, "a.csv"))["elections"]
    assert race["turnout"]["ballots_cast"] is None
    several = FRONT.replace("# blank: 10\n", "# blank: 10\n# vote_for: 2\n")
    [race] = summary(write(tmp_path, several, "b.csv"))["elections"]
    assert race["turnout"]["ballots_cast"] is None


def test_without_registered_voters_no_ballots_are_derived(tmp_path):
    text = FRONT.replace("# registered: 1000\n", "")
    [race] = summary(write(tmp_path, text))["elections"]
    assert race["turnout"] == {"registered": None, "ballots_cast": None, "pct": None}
