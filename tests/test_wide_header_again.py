"""A wide table whose header line is repeated down the file (one table's parts exported one after
another, each with its header): each repeat is named by line in one warning and left out, never
read as a row of votes.

Newuser trial 28: HS-Datadesk's Finnish regional-election candidate table repeats its header
(`Äänestysalue,Etunimi,…,Äänimäärä,Vertailuluku,Sijoitus listalla`) 19 times, once per area: pollcli
said "votes 'Sijoitus listalla': not a number" (and the same for each other figure column) on line 2,
and never that the line repeats the header. Names and figures invented; the oracle is pandas' column
sums of the file with the repeated lines dropped.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = "kunta,Puolue A,Puolue B,Puolue C\n"
BLOCKS = [
    "Alavesi,120,80,40\nBirkkala,300,250,90\n",
    "Ciljala,75,60,15\n",
    "Dalsbacka,410,95,205\nEkenlahti,33,41,12\n",
]
# The header first, again right under it (the file's line 2), then once above each later block.
TEXT = HEADER + HEADER + BLOCKS[0] + HEADER + BLOCKS[1] + HEADER + BLOCKS[2]
REPEATS = [2, 5, 7]


def test_each_repeated_header_line_is_named_and_left_out(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    (election,), problems = engines_agree(monkeypatch, path)
    assert not [p.message for p in problems if p.severity == "error"]
    (warning,) = [p for p in problems if "repeat the header" in p.message]
    assert warning.line == REPEATS[0]
    assert "lines 2, 5 and 7" in warning.message
    assert "as on line 1" in warning.message
    assert "not a number" not in " ".join(p.message for p in problems)
    expected = pd.read_csv(io.StringIO(HEADER + "".join(BLOCKS)))
    sums = {c: int(expected[c].sum()) for c in expected.columns[1:]}
    assert {o.candidate: o.votes for o in election.options} == sums
    assert len(election.regions) == len(expected)


def test_summary_says_so_and_counts_every_place(tmp_path):
    path = write(tmp_path, TEXT)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    (warning,) = election["warnings"]
    assert ":2: lines 2, 5 and 7 repeat the header" in warning
    # pandas' column sums of the file without its repeated lines (hand-checked: 938, 526, 362).
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Puolue A": 938,
        "Puolue B": 526,
        "Puolue C": 362,
    }


def test_one_repeated_line_is_one(tmp_path, monkeypatch):
    path = write(tmp_path, HEADER + BLOCKS[0] + HEADER + BLOCKS[1])
    _, problems = engines_agree(monkeypatch, path)
    (warning,) = [p for p in problems if "the header" in p.message]
    assert warning.line == 4 and "line 4 repeats the header (as on line 1)" in warning.message
