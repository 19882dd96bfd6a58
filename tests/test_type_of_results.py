"""Elections Canada's results download (`Type of results*`: `preliminary` or `validated`, a riding
listed once per stage) gives the stage of the count. Read as nothing (trial 16: the 2025 download
of May 2), the ridings with preliminary rows only were summarised as official results ("wins the
seat"), and those with both stages refused as candidates "listed again". `Type of results` is the
stage: `validated` the official count, `preliminary` the preliminary one ("would win"); a riding
of both is refused as of two stages, with advice that keeps one.

Figures and names invented, the layout is the file's; oracle: pandas over the fixture."""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

TITLE = "These results were downloaded and refreshed on May 02, 2025 at 12:47 p.m. ET.\t\t\t\t\t\t\t\t\t\t\n"
HEADER = (
    "Electoral district number - Numéro de la circonscription\tElectoral district name\t"
    "Type of results*\tType de résultats**\tSurname - Nom de famille\tGiven name - Prénom\t"
    "Political affiliation\tVotes obtained - Votes obtenus\t% Votes obtained - Votes obtenus %\t"
    "Rejected ballots - Bulletins rejetés***\n"
)
ROWS = [
    ("10001", "Avalon", "preliminary", "préliminaires", "Lee", "Ann", "Liberal", 2713, 58.2, 0),
    (
        "10001",
        "Avalon",
        "preliminary",
        "préliminaires",
        "Kent",
        "Bob",
        "Conservative",
        1695,
        36.4,
        0,
    ),
    ("10001", "Avalon", "preliminary", "préliminaires", "Tilley", "Cy", "Green", 250, 5.4, 0),
    ("10002", "Burin", "preliminary", "préliminaires", "Moss", "Di", "Liberal", 900, 45.0, 0),
    ("10002", "Burin", "preliminary", "préliminaires", "Nash", "Ed", "Conservative", 1100, 55.0, 0),
]
BOTH = [
    ("10003", "Egmont", "preliminary", "préliminaires", "Orr", "Flo", "Liberal", 500, 50.0, 0),
    (
        "10003",
        "Egmont",
        "preliminary",
        "préliminaires",
        "Pope",
        "Gus",
        "Conservative",
        500,
        50.0,
        0,
    ),
    ("10003", "Egmont", "validated", "validés", "Orr", "Flo", "Liberal", 510, 50.5, 3),
    ("10003", "Egmont", "validated", "validés", "Pope", "Gus", "Conservative", 500, 49.5, 3),
]


def _text(rows: list[tuple]) -> str:
    return TITLE + HEADER + "".join("\t".join(map(str, r)) + "\n" for r in rows)


def _leaders(rows: list[tuple]) -> dict[str, str]:
    """pandas: each riding's most votes, by surname."""
    frame = pd.read_csv(io.StringIO(_text(rows)), sep="\t", skiprows=1)
    votes = "Votes obtained - Votes obtenus"
    return {
        str(name): str(g.loc[g[votes].idxmax(), "Surname - Nom de famille"])
        for name, g in frame.groupby("Electoral district name")
    }


def test_preliminary_rows_are_a_preliminary_count(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, _text(ROWS), "EventResults.txt")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert {e.facts.stage for e in elections} == {"preliminary"}
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    races = json.loads(result.stdout)["elections"]
    assert {r["election"]: r["leader"]["candidate"].split()[-1] for r in races} == _leaders(ROWS)
    assert all(r["stage"] == "preliminary" for r in races)
    text = invoke("summary", str(path)).stdout
    assert "would win" in text and "wins the seat" not in text


def test_validated_rows_are_the_official_count(tmp_path, monkeypatch) -> None:
    validated = [r for r in BOTH if r[2] == "validated"]
    path = write(tmp_path, _text(validated), "EventResults.txt")
    elections, _ = engines_agree(monkeypatch, path)
    assert [e.facts.stage for e in elections] == ["official"]
    assert elections[0].options[0].votes == 510


def test_a_riding_of_both_stages_is_refused_as_such(tmp_path) -> None:
    path = write(tmp_path, _text(ROWS + BOTH), "EventResults.txt")
    result = invoke("summary", str(path))
    assert "Egmont" in result.stderr
    assert "stage is 'validated' here but 'preliminary'" in result.stderr
    assert "--where 'Type of results*=validated'" in result.stderr
    # The advice, followed: the validated rows, the official count.
    kept = invoke("summary", str(path), "--where", "Type of results*=validated", "--format", "json")
    assert kept.code == 0, kept.stderr
    [race] = json.loads(kept.stdout)["elections"]
    assert race["stage"] == "official" and race["leader"]["candidate"] == "Flo Orr"
