"""`seats --where` on a place: the seats are allocated from part of the vote, and pollcli says so.

A parliament's seats come from the whole election's votes; `--where region=North` keeps some of its
rows, and the allocation of those rows alone is a what-if (how the North alone would split the
seats), not the election's result. `summary` names no winner from part of a race; `seats` allocates
(a journalist may want the what-if) but says in its title, its first finding and its JSON
(`partial`, as `summary`'s) that the seats are those rows'. The oracle is D'Hondt written here by
hand over pandas' sums of the kept rows.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import invoke, write

FILE = (
    "# election: Test parliament 2024\n# seats: 10\n# method: dhondt\n"
    "region,candidate,votes\n"
    "North,Red,6000\nNorth,Blue,3000\nNorth,Green,1000\n"
    "South,Red,1000\nSouth,Blue,8000\nSouth,Green,1000\n"
)


def dhondt(votes: dict[str, int], seats: int) -> dict[str, int]:
    won = dict.fromkeys(votes, 0)
    for _ in range(seats):
        best = max(votes, key=lambda p: votes[p] / (won[p] + 1))
        won[best] += 1
    return won


def seats(*args: str, engine: str) -> tuple[dict, str]:
    result = invoke("seats", *args, env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    return result.stdout, result.stderr


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_seats_of_part_of_the_vote_say_so(tmp_path, engine):
    path = write(tmp_path, FILE)
    out, _ = seats(str(path), "--where", "region=North", "--format", "json", engine=engine)
    (election,) = json.loads(out)["elections"]
    assert election["partial"] == {"filter": "region = North", "columns": ["region"]}
    assert election["notes"][0].startswith(
        "Part of the vote only (the rows with region = North, kept by --where)"
    )
    assert "not the election's result" in election["notes"][0]
    frame = pd.read_csv(path, comment="#")
    north = frame[frame["region"] == "North"].groupby("candidate")["votes"].sum()
    expected = dhondt({str(k): int(v) for k, v in north.items()}, 10)
    got = {p["party"]: p["seats"] for p in election["allocations"][0]["parties"]}
    assert got == expected == {"Red": 6, "Blue": 3, "Green": 1}

    table, _ = seats(str(path), "--where", "region=North", engine=engine)
    assert table.splitlines()[0].strip() == "Test parliament 2024 — region = North only"
    markdown, _ = seats(str(path), "--where", "region=North", "-f", "markdown", engine=engine)
    assert markdown.startswith("## Test parliament 2024 — region = North only\n")


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_the_whole_vote_is_no_part(tmp_path, engine):
    path = write(tmp_path, FILE)
    out, _ = seats(str(path), "--format", "json", engine=engine)
    (election,) = json.loads(out)["elections"]
    assert "partial" not in election
    assert not any(note.startswith("Part of the vote") for note in election["notes"])
    frame = pd.read_csv(path, comment="#")
    whole = frame.groupby("candidate")["votes"].sum()
    expected = dhondt({str(k): int(v) for k, v in whole.items()}, 10)
    got = {p["party"]: p["seats"] for p in election["allocations"][0]["parties"]}
    assert got == expected


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_where_that_keeps_whole_districts_is_no_part(tmp_path, engine):
    text = (
        "election,seats,candidate,votes\n"
        "North,5,Red,600\nNorth,5,Blue,400\nSouth,5,Red,100\nSouth,5,Blue,900\n"
    )
    path = write(tmp_path, text)
    out, _ = seats(str(path), "--where", "election=North", "--format", "json", engine=engine)
    (election,) = json.loads(out)["elections"]
    assert "partial" not in election
