"""A `;` inside quoted cells of a comma-separated file with no header (`"Barrow &amp; Furness"`)
does not make `;` the delimiter and a line holding it the header (trial 15: a 2010 UK general
election table of parties, every cell quoted, had been split by `;` at line 37 and told to "look
for a stray quote"). The file is advised `--columns`, and read so; the figures are pandas'.
Figures invented, the layout is the file's."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import each_engine, engines_agree, write
from pollcli.read import ReadOptions, stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


PARTIES = [
    ("178", "Conservative", 10676575),
    ("176", "Labour", 8570417),
    ("177", "Liberal Democrat", 6827938),
    ("264", "Justice &amp; Anti-Corruption Party [The]", 427),
    ("203", "A Vote Against MP Expense Abuse", 475),
    ("301", "Science &amp; Reason Party", 212),
    ("204", "Alliance Party", 42762),
]
TEXT = "".join(f'"{pid}","{name}","{votes}","0","1","0"\n' for pid, name, votes in PARTIES)


def test_the_advice_is_columns(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    for engine, (_, problems) in each_engine(monkeypatch, path).items():
        errors = [p for p in problems if p.severity == "error"]
        assert errors, engine
        assert all(p.line == 1 for p in errors), (engine, errors)
        assert "--columns" in errors[0].message, engine


def test_read_with_columns(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    names = ("x", "party", "votes", "x", "x", "x")
    elections, problems = engines_agree(monkeypatch, path, read_options=ReadOptions(columns=names))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(
        io.StringIO(TEXT), header=None, names=["id", "party", "votes", "a", "b", "c"]
    )
    (election,) = elections
    assert {o.candidate: o.votes for o in election.options} == dict(
        zip(frame["party"], frame["votes"], strict=True)
    )
