"""`--where` that keeps a wide table's whole row alone: the row is the race, not part of it.

A `Gesamt` row below its Gemeinden, or the head of a table of levels: kept alone by --where, it
was read as "part of the race", no winner named and its own Wahlberechtigte left out as "the whole
race's" (Upper Austria's `--where GKZ=40000`, trial 24). Its figures are the race's, its parts
left out, never added to it. Names and figures invented."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import engines_agree, write
from pollcli.read import ReadOptions
from pollcli.summary import summarize_election

HEADER = "Gebiet,Wahlberechtigte,Abgegebene,Gültige,Alpha,Beta,Gamma\n"
PLACES = [
    ("Adorf", 1500, 1200, 1190, 480, 370, 340),
    ("Bheim", 2500, 2100, 2070, 820, 630, 620),
    ("Cstadt", 2600, 2000, 1980, 730, 640, 610),
    ("Dberg", 3400, 2700, 2660, 970, 860, 830),
]


def _line(row: tuple) -> str:
    return ",".join(map(str, row))


def _whole(name: str) -> tuple:
    return (name, *(sum(p[k] for p in PLACES) for k in range(1, 7)))


@pytest.mark.parametrize(
    ("rows", "line"),
    [
        ([*PLACES, _whole("Gesamt")], 6),  # a total word, below its parts
        ([_whole("Land"), *PLACES], 2),  # the first row, the sum of every other
    ],
)
def test_the_whole_row_kept_alone_is_the_race(tmp_path, monkeypatch, rows, line):
    path = write(tmp_path, HEADER + "\n".join(map(_line, rows)) + "\n", "gemeinden.csv")
    name = rows[line - 2][0]
    frame = pd.read_csv(path)
    whole = frame[frame["Gebiet"] == name].iloc[0]
    elections, problems = engines_agree(
        monkeypatch, path, read_options=ReadOptions(where=(("Gebiet", name),))
    )
    assert not [p for p in problems if p.severity == "error"], problems
    (election,) = elections
    assert election.partial is None
    assert {o.candidate: o.votes for o in election.options} == {
        k: whole[k] for k in ("Alpha", "Beta", "Gamma")
    }
    summary = summarize_election(election)
    assert summary.leader is not None and summary.leader.candidate == "Alpha"
    assert summary.turnout.registered == whole["Wahlberechtigte"]
    assert summary.turnout.ballots_cast == whole["Abgegebene"]
    assert any(f"keeps the whole's row alone (line {line})" in n for n in election.notes)
