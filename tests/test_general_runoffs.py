"""A runoff of two candidates of one party that says it is a general election's: Louisiana's
December runoff (its open primary's top two, often two Republicans), Georgia's general runoffs.
A stage `General Runoff` (or an election column `Open General Election`) was no sign of a
general election to pollcli — only a value `general` alone, or the file's name, was — so in a
file named `…_runoff.csv` the two Republicans for U.S. House 5 were read as a REP primary runoff:
"Ann Boudreaux wins the primary", the race left out of the races won. A runoff that says neither
primary nor general is still read as a primary runoff (Oklahoma's 2018 primary runoff file), and
the overview now says so under the tally, with the way to read it as a general election's. The
files are invented."""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke, write

HEADER = "office,district,parish,candidate,party,votes"
# U.S. House 5: Ann Boudreaux 5,200 + 3,300 = 8,500 of 16,500 (51.52 %, hand-added); House 4 is
# of two parties (DEM 5,200 of 9,800); Attorney General's two REP say no general by the office.
ROWS = [
    "U.S. House,5,Acadia,Ann Boudreaux,REP,5200",
    "U.S. House,5,Acadia,Bert Fontenot,REP,4100",
    "U.S. House,5,Caddo,Ann Boudreaux,REP,3300",
    "U.S. House,5,Caddo,Bert Fontenot,REP,3900",
    "U.S. House,4,Acadia,Cora Guidry,DEM,2100",
    "U.S. House,4,Acadia,Dale Hebert,REP,2600",
    "U.S. House,4,Caddo,Cora Guidry,DEM,3100",
    "U.S. House,4,Caddo,Dale Hebert,REP,2000",
    "Attorney General,,Acadia,Eve Landry,REP,700",
    "Attorney General,,Acadia,Fay Mire,REP,600",
    "Attorney General,,Caddo,Eve Landry,REP,300",
    "Attorney General,,Caddo,Fay Mire,REP,350",
]


def _file(tmp_path, name: str, column: str = "", value: str = ""):
    header = f"{column},{HEADER}" if column else HEADER
    rows = [f"{value},{r}" if column else r for r in ROWS]
    return write(tmp_path, "\n".join([header, *rows]) + "\n", name)


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("stage", "General Runoff"),
        ("stage", "Runoff (General)"),
        ("election", "Open General Election"),
        ("election", "2022 General Election Runoff"),
    ],
)
def test_a_runoff_that_says_general_elects_the_seat(tmp_path, monkeypatch, column, value):
    path = _file(tmp_path, "la_2022_12_10_runoff.csv", column, value)
    elections, _ = engines_agree(monkeypatch, path)
    house5 = next(e for e in elections if e.facts.election.startswith("U.S. House · 5"))
    assert house5.race is not None and not house5.race.primary
    assert not any("primary runoff" in n for n in house5.notes)
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    tally = report["tally"]
    # Three races won (House 5 and Attorney General REP, House 4 DEM): none left out.
    assert tally["primaries"] == 0
    assert {p["party"]: p["won"] for p in tally["parties"]} == {"REP": 2, "DEM": 1}
    said = _flat(invoke("summary", str(path), "--race", "U.S. House · 5").stdout)
    assert "Ann Boudreaux wins the seat with a majority" in said


def test_an_office_named_general_says_no_general_election(tmp_path, monkeypatch):
    """`Attorney General` is an office, not the election's stage: in a runoff file that says
    neither primary nor general, its two Republicans are still a primary runoff, most likely."""
    path = _file(tmp_path, "xx_2018_runoff.csv", "stage", "runoff")
    elections, _ = engines_agree(monkeypatch, path)
    by_name = {e.facts.election.split(" · ")[0]: e for e in elections if e.race}
    assert by_name["Attorney General"].race.primary
    house5 = next(e for e in elections if e.facts.election.startswith("U.S. House · 5"))
    assert house5.race is not None and house5.race.primary


def test_a_runoff_that_says_neither_is_said_and_the_advice_works(tmp_path):
    """No sign either way (no stage, a file named `…_runoff`): one party's two are read as its
    primary runoff, as before, and the overview says which races, why, and how to read them as a
    general election's; renaming the file as it says reads them so."""
    path = _file(tmp_path, "la_2022_12_10_runoff.csv")
    result = invoke("summary", str(path))
    assert result.code == 0, result.stderr
    said = _flat(result.stdout)
    assert (
        "2 runoffs of two candidates of one party (U.S. House · 5, Attorney General) read as "
        "primary runoffs" in said
    )
    assert "a file whose name says general (`…_general_runoff.csv`)" in said
    report = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    assert report["tally"]["primaries"] == 2
    assert any("read as primary runoffs" in n for n in report["overview"]["notes"])
    # The advice followed: the same rows under a name that says general.
    renamed = _file(tmp_path, "la_2022_12_10_general_runoff.csv")
    report = json.loads(invoke("summary", str(renamed), "--format", "json").stdout)
    assert report["tally"]["primaries"] == 0
    assert not any("primary runoff" in n for n in report["overview"]["notes"])
    # And a stage column that says general, as the advice's other way.
    staged = _file(tmp_path, "la_2022_12_10_runoff.csv", "stage", "General Runoff")
    report = json.loads(invoke("summary", str(staged), "--format", "json").stdout)
    assert report["tally"]["primaries"] == 0


def test_a_general_elections_file_says_nothing_of_runoffs(tmp_path):
    path = _file(tmp_path, "la_2022_12_10.csv")
    report = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    assert report["tally"]["primaries"] == 0
    assert not any("primary runoff" in n for n in report["overview"]["notes"])


def test_a_general_primary_says_no_general_election(tmp_path):
    """Pennsylvania calls its primary the 'General Primary': an election column of '2022 General
    Primary' was read as a general election's, so a race of two parties' two candidates each lost
    the advice that it is party primaries read as one race (--race-by …,party), which it was."""
    text = """election,office,county,candidate,party,votes
2022 General Primary,U.S. Senate,Adams,Ann Oz,REP,500
2022 General Primary,U.S. Senate,Adams,Bo Mc,REP,480
2022 General Primary,U.S. Senate,Adams,Cy Fe,DEM,300
2022 General Primary,U.S. Senate,Adams,Di La,DEM,250
2022 General Primary,Governor,Adams,Ed Ma,REP,600
2022 General Primary,Governor,Adams,Gus Sh,DEM,500
"""
    result = invoke("summary", str(write(tmp_path, text, "pa.csv")))
    assert result.code == 0, result.stderr
    flat = _flat(result.stderr + result.stdout)
    assert "party primaries (or runoffs) read as one race, most likely" in flat
    assert "--race-by" in flat
