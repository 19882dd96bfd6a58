"""A race's count given as a row for some precincts only is no count of the race (review, session 12).

Maine's precinct files give each race's `Votes Cast` per town; a town whose `Votes Cast` cell is blank,
or a town with no `Votes Cast` row, gave the race the total of the other towns alone, and the race was
refused: "the options' votes add up to 9,171, 2.5 times the total given (3,483)". The total of some
precincts is not the race's: it is "given for some precincts only", as for a count column, and the
race is read. Both engines; figures by pandas.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, write

ROWS = [
    "county,precinct,office,district,party,candidate,votes",
    "Cumberland,HARPSWELL,State Senate,25,DEM,Catherine Breen,1800",
    "Cumberland,HARPSWELL,State Senate,25,REP,Barton Ladd,1500",
    "Cumberland,HARPSWELL,State Senate,25,,Blank,183",
    "Cumberland,HARPSWELL,State Senate,25,,Votes Cast,3483",
    "Cumberland,POWNAL,State Senate,25,DEM,Catherine Breen,500",
    "Cumberland,POWNAL,State Senate,25,REP,Barton Ladd,550",
    "Cumberland,POWNAL,State Senate,25,,Blank,38",
    "Cumberland,POWNAL,State Senate,25,,Votes Cast,",
    "Cumberland,YARMOUTH,State Senate,25,DEM,Catherine Breen,2500",
    "Cumberland,YARMOUTH,State Senate,25,REP,Barton Ladd,2000",
    "Cumberland,YARMOUTH,State Senate,25,,Blank,100",
]


def _oracle(text: str) -> dict[str, int]:
    table = pd.read_csv(io.StringIO(text))
    options = table[table["candidate"] != "Votes Cast"]
    return {str(k): int(v) for k, v in options.groupby("candidate")["votes"].sum().items()}


@pytest.mark.parametrize("rows", [ROWS, ROWS[:8] + ROWS[9:]], ids=["blank-and-missing", "missing"])
def test_a_total_of_some_precincts_is_not_the_races(tmp_path, monkeypatch, rows):
    text = "\n".join(rows) + "\n"
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text), block_bytes=200)
    assert not [p for p in problems if p.severity == "error"], problems
    assert {o.candidate: o.votes for o in race.options} == _oracle(text)
    assert race.facts.total_votes is None
    assert any("total_votes is given for 1 of 3 precincts" in n for n in race.notes), race.notes


def test_a_total_of_every_precinct_is_still_checked(tmp_path, monkeypatch):
    """Given for every precinct, the total is the race's, and a wrong one still refuses it."""
    rows = [*ROWS[:8], "Cumberland,POWNAL,State Senate,25,,Votes Cast,1088", *ROWS[9:]]
    rows.append("Cumberland,YARMOUTH,State Senate,25,,Votes Cast,4600")
    text = "\n".join(rows) + "\n"
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert race.facts.total_votes == 3483 + 1088 + 4600 == sum(_oracle(text).values())
    assert not problems
    wrong = text.replace("Votes Cast,4600", "Votes Cast,1600")
    _, problems = engines_agree(monkeypatch, write(tmp_path, wrong, "wrong.csv"))
    assert [p.code for p in problems] == ["total-mismatch"]


@pytest.mark.parametrize("layout", ["column", "races"])
def test_a_precincts_count_written_two_ways_is_one_count(tmp_path, monkeypatch, layout):
    """`1000` on one row of a precinct and `1,000` on another are one count (they were compared
    as text: "registered is '1,000' here but '1000' on line 2; make them agree")."""
    head = "county,precinct,office,candidate,votes,registered_voters"
    rows = [
        "Ada,P1,Governor,Ann Ash,300,1000",
        'Ada,P1,Governor,Bob Bell,200,"1,000"',
        "Ada,P2,Governor,Ann Ash,100,400",
        "Ada,P2,Governor,Bob Bell,150,400",
    ]
    if layout == "races":
        rows += ['Ada,P1,Mayor,Cy Cole,450,"1,000"', "Ada,P2,Mayor,Cy Cole,240,400"]
    text = "\n".join([head, *rows]) + "\n"
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not problems, problems
    table = pd.read_csv(io.StringIO(text), thousands=",")
    registered = int(table.drop_duplicates("precinct")["registered_voters"].sum())
    assert {e.facts.registered for e in elections} == {registered} == {1400}
