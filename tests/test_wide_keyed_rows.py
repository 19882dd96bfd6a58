"""A wide table whose rows are named by a column of races or rounds (`office`, `round`, `election`,
`stage`), not places: `office,Smith,Jones,Lee` with a Mayor row and a Clerk row, or a conclave's
`round,Smith,Jones,Lee`, was added up as regions ("The rows are the regions, named by 'office'":
Smith "leads with 43.96 %" of both offices' votes; the rounds' votes summed, 446 of them). Such rows
are refused, as rows of several dates are (`test_wide_dated_rows`), naming `--race-by`, which reads
each (checked by hand)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

OFFICES = "office,Smith,Jones,Lee\nMayor,61,52,37\nClerk,70,55,23\n"
ROUNDS = "round,Smith,Jones,Lee\n1,61,52,37\n2,70,55,23\n3,81,62,5\n"


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize(
    ("text", "column", "what"), [(OFFICES, "office", "2 races"), (ROUNDS, "round", "3 rounds")]
)
def test_rows_of_races_or_rounds_are_refused(tmp_path, engine, text, column, what):
    path = write(tmp_path, text, "table.csv")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and result.stdout == "", result.stdout
    said = " ".join(result.stderr.split())
    assert f"the rows are {what} named by '{column}'" in said
    assert f"--race-by {column}" in said and "leads" not in said


@pytest.mark.parametrize(("text", "column"), [(OFFICES, "office"), (ROUNDS, "round")])
def test_the_advice_reads_each_row(tmp_path, text, column):
    path = write(tmp_path, text, "table.csv")
    result = invoke("summary", str(path), "--race-by", column, "--format", "json")
    assert result.code == 0, result.stderr
    elections = json.loads(result.stdout)["elections"]
    lines = [line.split(",") for line in text.splitlines()[1:]]
    assert len(elections) == len(lines)
    for election, cells in zip(elections, lines, strict=True):
        assert {r["candidate"]: r["votes"] for r in election["results"]} == {
            name: int(v) for name, v in zip(["Smith", "Jones", "Lee"], cells[1:], strict=True)
        }


def test_one_race_of_one_office_is_read(tmp_path):
    # A column of one office (every row the same race, rows named by a ward column) is no split.
    text = "office,ward,Smith,Jones\nMayor,North,61,52\nMayor,South,70,55\n"
    result = invoke("summary", str(write(tmp_path, text, "mayor.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"Smith": 131, "Jones": 107}


STAGES = "stage,Smith,Jones\npreliminary,61,52\nofficial,70,55\n"


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_rows_of_stages_are_refused(tmp_path, engine):
    # Each stage lists the whole race: added up, the count twice. The advice keeps one stage
    # (the official one), which `--where` now reads as the whole race (below).
    path = write(tmp_path, STAGES, "table.csv")
    result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and result.stdout == ""
    said = " ".join(result.stderr.split())
    assert "the rows are 2 stages of the count named by 'stage'" in said
    assert "keep one stage with --where stage=official" in said


# Two stages of a race counted by ward: each stage's rows are the whole race.
STAGE_WARDS = """stage,ward,Smith,Jones
preliminary,North,61,52
preliminary,South,10,12
official,North,70,55
official,South,11,13
"""


@pytest.mark.parametrize("engine", ["exact", "stream"])
@pytest.mark.parametrize(
    ("text", "where"),
    [
        (STAGES, "stage=official"),
        (STAGES, "stage=preliminary"),
        (STAGE_WARDS, "stage=official"),
        (ROUNDS, "round=2"),
        (OFFICES, "office=Clerk"),
    ],
)
def test_where_on_a_stage_round_or_race_keeps_its_whole_race(tmp_path, engine, text, where):
    """`--where stage=official` (as advised) on a wide table read the stage's rows as "part of the
    race only": no winner named, no margin. A stage's (a round's, a race's) rows are its whole
    race, as in a long file (pandas: the kept rows' columns summed)."""
    path = write(tmp_path, text, "table.csv")
    args = ("summary", str(path), "--where", where, "--format", "json")
    result = invoke(*args, env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    (election,) = document["elections"]
    frame = pd.read_csv(io.StringIO(text), dtype={"round": str})
    column, value = where.split("=")
    kept = frame[frame[column] == value]
    options = [c for c in frame.columns if c not in (column, "ward")]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        c: int(kept[c].sum()) for c in options
    }
    assert election.get("partial") is None
    assert election["margin"] is not None
    if column == "stage":
        assert election["stage"] == value


def test_race_by_a_stage_column_says_what_is_wrong(tmp_path):
    # `--race-by stage` of a wide table leaked Pydantic's "Extra inputs are not permitted" (the
    # column read as a race key `race:stage`, no fact of the contract); as in a long file, the
    # stage stays the stage, and rows of two stages are told as such.
    path = write(tmp_path, STAGES, "table.csv")
    result = invoke("summary", str(path), "--race-by", "stage")
    assert result.code == 1
    said = " ".join(result.stderr.split())
    assert "Extra inputs" not in said and "race:stage" not in said
    assert "stage is 'official' here but 'preliminary' on line 2" in said


def test_one_office_written_two_ways_is_one_race(tmp_path):
    # `Mayor` and `MAYOR` are one race to --race-by office (and to a long table): refused as "2
    # races named by 'office'", the advice then read the one race the file holds.
    text = "office,ward,Smith,Jones\nMayor,North,61,52\nMAYOR ,South,70,55\n"
    result = invoke("summary", str(write(tmp_path, text, "mayor.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"Smith": 131, "Jones": 107}


def test_rows_of_stages_are_told_apart_as_written(tmp_path):
    # Stages are compared by case and spacing alone: `gen` and `general` rows are two listings
    # of the race, refused as before, not one stage's rows added up.
    text = "stage,Smith,Jones\ngen,61,52\ngeneral,70,55\n"
    result = invoke("summary", str(write(tmp_path, text, "stages.csv")))
    assert result.code == 1 and "2 stages of the count" in " ".join(result.stderr.split())


LONG_ROUNDS = "round,candidate,votes\n1,Smith,61\n1,Jones,52\n2,Smith,70\n2,Jones,55\n"
LONG_STAGES = LONG_ROUNDS.replace("round", "stage").replace("\n1,", "\npreliminary,")
LONG_STAGES = LONG_STAGES.replace("\n2,", "\nofficial,")


@pytest.mark.parametrize(
    ("text", "where"), [(LONG_ROUNDS, "round=2"), (LONG_STAGES, "stage=official")]
)
def test_where_on_a_long_file_s_round_keeps_its_whole_race(tmp_path, text, where):
    """A long file's rounds: "round is '2' here but '1' on line 2 … keep one with --where
    round=N", and the advice read round 2 as "Part of the race only": no winner, no margin. The
    rows of one round (one stage) are its whole race (pandas: the kept rows' votes)."""
    path = write(tmp_path, text, "rounds.csv")
    result = invoke("summary", str(path), "--where", where, "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(text), dtype=str)
    column, value = where.split("=")
    kept = frame[frame[column] == value]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        c: int(v) for c, v in zip(kept["candidate"], kept["votes"], strict=True)
    }
    assert election.get("partial") is None and election["margin"] is not None


MODES = (
    "stage,precinct,Smith,Jones\nabsentee,P1,100,50\nabsentee,P2,80,60\n"
    "election day,P1,50,120\nelection day,P2,40,110\n"
)


def test_a_stage_column_of_ways_of_voting_is_parts_of_the_race(tmp_path):
    """A `stage` column whose cells are ways of voting (absentee, election day) names parts of
    the count, not stages: it was refused as '2 stages of the count', advising --where
    stage=absentee, which then said 'Smith … wins outright' with 62.07 % of the absentee votes
    (Jones has 340 of 610 in all). Now the modes are added up (pandas), and --where on one is
    part of the race, no winner named."""
    path = write(tmp_path, MODES, "modes.csv")
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(io.StringIO(MODES))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        name: int(frame[name].sum()) for name in ("Smith", "Jones")
    }
    kept = invoke("summary", str(path), "--where", "stage=absentee")
    assert kept.code == 0, kept.stderr
    said = " ".join(kept.stdout.split())
    assert "Part of the race only" in said and "wins outright" not in said
