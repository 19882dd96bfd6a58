"""A results table as Wikipedia's election boxes give it (and the many tables copied from them):
the parties, `Total`, then `Valid votes`, `Invalid/blank votes`, `Total votes` and `Registered
voters/turnout`, the `%` column holding each row's share of its base (the turnout on the last).
It was refused: `Registered voters/turnout` was read as a party (the options "2.5 times the total
given"), `Total votes` (the ballots cast: valid and invalid together) as a second, other total of
the valid votes, and `Total` was said to differ from its parts, counting the rows of counts among
them. Now the registered voters and the ballots cast are read from their rows, the total checked
against the parties alone. Names and figures invented; oracle: pandas over the table's rows."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

BOX = """Party,Votes,%
Red Party,1200000,45.28
Blue Party,950000,35.85
Green Party,300000,11.32
Independents,200000,7.55
Total,2650000,100.00
Valid votes,2650000,97.50
Invalid/blank votes,68000,2.50
Total votes,2718000,100.00
Registered voters/turnout,4000000,67.95
Source: Central Electoral Commission,,
"""


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_results_box_is_read_with_its_counts(tmp_path, engine) -> None:
    path = write(tmp_path, BOX, "results_box.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(BOX)).set_index("Party")
    parties = frame.loc[:"Independents", "Votes"].astype(int).to_dict()
    results = {r["candidate"]: r["votes"] for r in election["results"] if r["kind"] == "candidate"}
    assert results == parties
    cast = int(frame.loc["Valid votes", "Votes"] + frame.loc["Invalid/blank votes", "Votes"])
    registered = int(frame.loc["Registered voters/turnout", "Votes"])
    assert election["turnout"]["ballots_cast"] == cast
    assert election["turnout"]["registered"] == registered
    assert round(election["turnout"]["pct"], 2) == frame.loc["Registered voters/turnout", "%"]
    assert "differs from the sum of its parts" not in result.stderr
    assert any("'Total votes' (line 9) is read as the ballots cast" in n for n in election["notes"])


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_two_totals_that_are_no_valid_and_cast_pair_still_disagree(tmp_path, engine) -> None:
    # 2,700,000 is no valid-plus-invalid sum: the file contradicts itself, as before.
    text = BOX.replace("Total votes,2718000", "Total votes,2700000")
    result = invoke(
        "summary", str(write(tmp_path, text, "box.csv")), env={"POLLCLI_ENGINE": engine}
    )
    assert result.code == 1
    assert "total_votes is '2700000' here but '2650000'" in result.stderr


# The same box copied with its `%` column alone: its rows of counts give a percentage and no count
# (the turnout, the valid votes' share of the ballots), and were options ("shares add up to
# 365.45 %"). They are left out of the options, named in a note.
SHARES = "\n".join(",".join(line.split(",")[::2]) for line in BOX.splitlines()) + "\n"


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_rows_of_counts_given_as_a_percentage_alone_are_no_options(tmp_path, engine) -> None:
    assert SHARES.startswith("Party,%\n")
    path = write(tmp_path, SHARES, "results_box_shares.csv")
    result = invoke("summary", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(SHARES)).set_index("Party")
    parties = frame.loc[:"Independents", "%"].to_dict()
    results = {r["candidate"]: r["share"] for r in election["results"] if r["kind"] == "candidate"}
    assert results == parties
    (note,) = [n for n in election["notes"] if "percentage alone" in n]
    assert "'Registered voters/turnout' (line 10)" in note and "'Valid votes' (line 7)" in note
