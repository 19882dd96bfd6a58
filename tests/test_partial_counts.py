"""Counts of part of a race: `--where` on a place or a party keeps some of a race's rows, so the
registered voters and ballots cast given for the race as a whole (front matter, a flag, one cell
repeated on every row) are not those rows'. The turnout of the part comes from the kept places' own
counts, or is not computed, with a note saying why; never the whole race's figure under the part's
title. The oracle for the part's own counts is pandas over the file.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import invoke, write

FRONT = "# election: Test 2024\n# stage: official\n# registered: 11000\n# ballots_cast: 7400\n"
ROWS = (
    "North,Anna Alpha,3000\nNorth,Boris Beta,1000\nSouth,Anna Alpha,2200\nSouth,Boris Beta,2100\n"
)
COUNTED = (
    "region,candidate,votes,registered,ballots_cast\n"
    "North,Anna Alpha,3000,6000,4100\nNorth,Boris Beta,1000,6000,4100\n"
    "South,Anna Alpha,2200,5000,3300\nSouth,Boris Beta,2100,5000,3300\n"
)


def summary(*args: str, engine: str) -> tuple[dict, str]:
    result = invoke("summary", *args, "--format", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    return election, result.stderr


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_front_matter_counts_are_not_a_places_turnout(tmp_path, engine):
    path = write(tmp_path, FRONT + "region,candidate,votes\n" + ROWS)
    election, _ = summary(str(path), "--where", "region=North", engine=engine)
    assert election["partial"]["filter"] == "region = North"
    assert election["turnout"]["pct"] is None
    assert 7400 not in election["turnout"].values() and 11000 not in election["turnout"].values()
    notes = " ".join(election["notes"])
    assert "67.27" not in notes
    assert (
        "Turnout: not computed (registered and ballots cast not given for the rows --where keeps)"
        in notes
    )
    assert "Left out as the whole race's" in notes  # the figures left out, named
    assert "registered voters (11,000) and ballots cast (7,400)" in notes
    # Whole, the race's turnout is the front matter's, as before.
    whole, _ = summary(str(path), engine=engine)
    assert whole["turnout"]["pct"] == pytest.approx(7400 / 11000 * 100)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_places_own_counts_give_its_turnout_over_the_front_matter(tmp_path, engine):
    path = write(tmp_path, FRONT + COUNTED)
    election, stderr = summary(str(path), "--where", "region=North", engine=engine)
    frame = pd.read_csv(path, comment="#")
    north = frame[frame["region"] == "North"].drop_duplicates("region")
    registered, cast = int(north["registered"].sum()), int(north["ballots_cast"].sum())
    assert election["turnout"] == {
        "registered": registered,
        "ballots_cast": cast,
        "pct": pytest.approx(cast / registered * 100),
    }
    # The front matter is the whole race's: no warning that North's counts do not add up to it.
    assert "add up to" not in stderr
    assert not any("add up to" in w for w in election["warnings"])


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_count_repeated_on_every_row_is_the_whole_races(tmp_path, engine):
    text = (
        "candidate,party,votes,registered,ballots_cast\n"
        "Anna Alpha,Red,5200,11000,7400\nBoris Beta,Blue,3100,11000,7400\n"
        "Cleo Gamma,Red,900,11000,7400\n"
    )
    path = write(tmp_path, text)
    election, _ = summary(str(path), "--where", "party=Red", engine=engine)
    assert election["partial"]["filter"] == "party = Red"
    assert election["turnout"]["pct"] is None
    whole, _ = summary(str(path), engine=engine)
    assert whole["turnout"]["pct"] == pytest.approx(7400 / 11000 * 100)


def test_flags_are_the_whole_races_too(tmp_path):
    path = write(tmp_path, "region,candidate,votes\n" + ROWS)
    args = ("--registered", "11000", "--ballots-cast", "7400")
    election, _ = summary(str(path), *args, "--where", "region=South", engine="exact")
    assert election["turnout"]["pct"] is None
    table = invoke("summary", str(path), *args, "--where", "region=South", env={"COLUMNS": "100"})
    assert table.code == 0 and "67.27" not in table.stdout


def test_seats_on_part_of_a_list_vote_with_a_threshold_of_ballots_cast(tmp_path):
    # The front matter's ballots cast are the whole vote's: no threshold of them for North's rows,
    # and the error says so rather than that the file gives none.
    text = (
        "# election: Test list 2024\n# system: list\n# seats: 10\n# method: dhondt\n"
        "# list_threshold: 5\n# threshold_base: cast\n# registered: 20000\n# ballots_cast: 12000\n"
        "region,candidate,votes\nNorth,Red,3000\nNorth,Blue,2000\nNorth,Green,300\n"
        "South,Red,2500\nSouth,Blue,3500\nSouth,Green,200\n"
    )
    path = write(tmp_path, text)
    result = invoke("seats", str(path), "--where", "region=North")
    assert result.code == 2
    assert "the rows --where keeps (region = North)" in result.stderr
    assert "--threshold-base valid" in result.stderr
    assert invoke("seats", str(path)).code == 0


def test_compare_says_its_elections_are_part_of_their_races(tmp_path):
    # `compare --where region=North` labelled the two elections as their whole races, silently.
    body = "region,candidate,votes\n" + ROWS
    old = write(tmp_path, "# election: Test 2020\n" + body, "old.csv")
    new = write(tmp_path, FRONT + body, "new.csv")
    result = invoke("compare", str(old), str(new), "--where", "region=North", "-f", "markdown")
    assert result.code == 0, result.stderr
    assert (
        "- “Test 2020” and “Test 2024” are part of their races only: the rows with region = North, "
        "kept by --where; their figures are those rows', not the races' results."
    ) in result.stdout
    whole = invoke("compare", str(old), str(new), "-f", "markdown").stdout
    assert "part of" not in whole
