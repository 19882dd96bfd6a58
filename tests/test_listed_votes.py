"""Computed shares' base named as what it is. A file that lists some of the candidates (Nigeria
2023's national file: 4 of 18) was said to hold "23,377,466 valid votes": the sum of the options
listed, which are the valid votes only if every option is listed. Now "of the N votes of the K
options listed", unless the file's own counts show them to be the valid votes (with its invalid
ballots they make its ballots cast). Prose only: the JSON keys and figures are unchanged. Names
and figures invented; the oracle is the votes added by hand."""

import json

from conftest import invoke, write

PARTIAL = "candidate,party,votes\nAda Obi,APX,8700\nBen Eze,PDX,6900\nCy Musa,LPX,6100\nDee Ola,NNX,1400\n"


def _notes(path):
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    return election, " ".join(election["notes"])


def test_the_sum_of_the_options_listed_is_not_called_valid_votes(tmp_path):
    election, notes = _notes(write(tmp_path, PARTIAL))
    total = 8700 + 6900 + 6100 + 1400  # 23,100
    assert (
        "Shares are computed from the votes, of the 23,100 votes of the 4 options listed." in notes
    )
    assert "valid votes" not in notes
    assert election["results"][0]["share"] == 8700 / total * 100  # (figures as before)
    table = invoke("summary", str(write(tmp_path, PARTIAL)))
    assert "of the 23,100 votes of the 4 options listed" in " ".join(table.stdout.split())


def test_valid_votes_where_the_file_shows_them_to_be(tmp_path):
    # 23,100 valid + 400 invalid = 23,500 ballots cast: every option is listed.
    text = "# ballots_cast: 23500\n# invalid: 400\n" + PARTIAL
    _, notes = _notes(write(tmp_path, text))
    assert "Shares are computed from the votes, of 23,100 valid votes." in notes
    # Where they do not add up, the file may list only some: the sum is named as the options'.
    other = "# ballots_cast: 30000\n# invalid: 400\n" + PARTIAL
    _, notes = _notes(write(tmp_path, other, "other.csv"))
    assert "of the 23,100 votes of the 4 options listed" in notes


def test_one_option_listed(tmp_path):
    _, notes = _notes(write(tmp_path, "candidate,votes\nAda Obi,500\n"))
    assert "of the 500 votes of the option listed." in notes
