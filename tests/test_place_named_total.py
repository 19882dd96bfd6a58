"""A place named like a total (`Total Bay`, a region of its own) beside the places of its race: as
a total it holds less than its parts, option by option, so it is no total of them; set aside with a
mismatch warning, it left "Ann Archer 700 51.47 % LEADER … wins outright", where counted as the
place it is Bob Baker leads, 1,010 to 1,000. Where counting it would change the leader, pollcli
cannot tell which reading is right: the race is refused with what to do. A stale total (its
parts hold a late precinct more) keeps the leader either way: set aside with its warning, as before.

Oracle: the leaders by hand, and pandas' sums with the row counted and left out."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

BAY = """region,candidate,votes
North Shore,Ann Archer,500
North Shore,Bob Baker,400
Total Bay,Ann Archer,300
Total Bay,Bob Baker,350
South Hill,Ann Archer,200
South Hill,Bob Baker,260
"""

STALE = """region,candidate,votes
North Shore,Ann Archer,500
North Shore,Bob Baker,400
South Hill,Ann Archer,200
South Hill,Bob Baker,260
County Total,Ann Archer,650
County Total,Bob Baker,600
"""


def _leader(frame: pd.DataFrame) -> str:
    return str(frame.groupby("candidate")["votes"].sum().idxmax())


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_place_named_like_a_total_that_turns_the_leader_is_refused(tmp_path, engine):
    frame = pd.read_csv(io.StringIO(BAY))
    named = frame["region"] == "Total Bay"
    assert _leader(frame) != _leader(frame[~named])  # (the oracle: the two readings differ)
    result = invoke("summary", str(write(tmp_path, BAY, "bay.csv")), env={"POLLCLI_ENGINE": engine})
    assert result.code == 1 and "LEADER" not in result.stdout
    said = " ".join(result.stderr.split())
    assert "bay.csv:4:" in said and "'Total Bay'" in said
    assert "give it another name" in said


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_stale_total_is_set_aside_as_before(tmp_path, engine):
    frame = pd.read_csv(io.StringIO(STALE))
    parts = frame[frame["region"] != "County Total"]
    result = invoke(
        "summary", str(write(tmp_path, STALE, "stale.csv")), "-f", "json",
        env={"POLLCLI_ENGINE": engine},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert election["leader"]["candidate"] == _leader(parts)
    assert {r["candidate"]: r["votes"] for r in election["results"]} == (
        parts.groupby("candidate")["votes"].sum().to_dict()
    )
    assert "differs from the sum of its parts" in result.stderr


WIDE = """place,Ann Archer,Bob Baker
North Shore,500,400
Total Bay,300,500
South Hill,200,150
"""

# Counted as a place, `Total Bay` ties the race (1,000 each); set aside, Ann Archer "won outright".
TIED = BAY.replace("Total Bay,Bob Baker,350", "Total Bay,Bob Baker,340")


def test_a_wide_row_named_like_a_total_that_turns_the_leader_is_refused(tmp_path):
    frame = pd.read_csv(io.StringIO(WIDE)).set_index("place")
    parts = frame.drop(index="Total Bay").sum()
    assert (frame.loc["Total Bay"] < parts).all()  # (no total of them: less on every option)
    assert parts.idxmax() != frame.sum().idxmax()  # (the oracle: the two readings differ)
    result = invoke("summary", str(write(tmp_path, WIDE, "bay.csv")))
    assert result.code == 1 and "LEADER" not in result.stdout
    said = " ".join(result.stderr.split())
    assert "bay.csv:3:" in said and "'Total Bay'" in said and "give it another name" in said


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_place_named_like_a_total_that_ties_the_race_is_refused(tmp_path, engine):
    frame = pd.read_csv(io.StringIO(TIED))
    counted = frame.groupby("candidate")["votes"].sum()
    assert counted.nunique() == 1  # (the oracle: counted, it is a tie; set aside, Ann leads)
    result = invoke(
        "summary", str(write(tmp_path, TIED, "tied.csv")), env={"POLLCLI_ENGINE": engine}
    )
    assert result.code == 1 and "wins outright" not in result.stdout
    said = " ".join(result.stderr.split())
    assert "tied.csv:4:" in said and "no leader with it" in said
