"""A quote inside a cell written `\\"` (MySQL's and PHP's exports) is named as such, with a fix
that works (trial 15: a 2010 UK general election table of candidates, `"Eamonn \\"Fitzy\\"
Fitzpatrick"` on line 671, had been told to "look for an unterminated or stray quote
character"). The advised fix, doubling the quotes, reads the file; the figures are pandas'. Both
engines, with the bad line past the first block."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import each_engine, engines_agree, write
from pollcli.read import stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


ROWS = [
    "constituency,candidate,party,votes",
    *(f"C{i},Ann Lee {i},Lab,{500 + i}\nC{i},Bob Kerr {i},Con,{400 + i}" for i in range(40)),
    'C40,"Eamonn \\"Fitzy\\" Fitzpatrick",Con,300',
    "C40,Cat Moore,Lab,250",
]
TEXT = "\n".join(ROWS) + "\n"


def test_a_backslash_quote_is_named(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT)
    line = TEXT.splitlines().index(ROWS[-2]) + 1
    for engine, (_, problems) in each_engine(monkeypatch, path).items():
        errors = [p for p in problems if p.severity == "error"]
        assert errors, engine
        assert errors[0].line == line, engine
        assert 'written \\" (a backslash)' in errors[0].message, engine
        assert 'sed \'s/\\\\"/""/g\'' in errors[0].message, engine


def test_the_fix_reads_the_file(tmp_path, monkeypatch):
    fixed = TEXT.replace('\\"', '""')  # what the advised sed does
    path = write(tmp_path, fixed)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(fixed))
    got = {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}
    expected = {
        race: dict(zip(rows["candidate"], rows["votes"].astype(int), strict=True))
        for race, rows in frame.groupby("constituency")
    }
    assert got == expected
    assert got["C40"]['Eamonn "Fitzy" Fitzpatrick'] == 300
