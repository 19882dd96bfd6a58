"""Real files of many races as published (shared/realworld, read in place; skipped when absent): the
figures of its SOURCES.md, with at most a flag that the error message names."""

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, invoke

CANDIDATES = [ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld")]
REALWORLD = next((p for p in CANDIDATES if p.is_dir()), CANDIDATES[0])


def real(name: str) -> Path:
    path = REALWORLD / name
    if not path.exists():
        pytest.skip(f"{name} is not beside the repository (shared/realworld)")
    return path


def summary(*args: str) -> tuple[int, dict, str]:
    result = invoke("summary", *args, "--format", "json")
    return result.code, json.loads(result.stdout) if result.stdout else {}, result.stderr


def votes_of(data: dict) -> dict[str, dict[str, int]]:
    return {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]} for e in data["elections"]
    }


def test_georgia_runoffs_2021():
    code, data, stderr = summary(str(real("us_ga_2021_01_05_runoff_precinct.csv")))
    assert code == 0, stderr
    got = votes_of(data)
    assert got == {
        "Public Service Commissioner · 4": {
            "Lauren Bubba McDonald Jr.": 2_201_968,
            "Daniel Blackman": 2_186_174,
        },
        "U.S. Senate": {"Jon Ossoff": 2_254_592, "David A. Perdue": 2_182_260},
        "U.S. Senate (Special)": {"Raphael Warnock": 2_273_760, "Kelly Loeffler": 2_163_147},
    }
    assert data["splits"][0]["keys"] == ["office", "district"]
    assert any(
        "Votes are the sum of 'election_day_votes'" in n for n in data["elections"][0]["notes"]
    )


def test_georgia_presidential_primaries_2020():
    code, data, stderr = summary(str(real("us_ga_2020_06_09_primary_president_precinct.csv")))
    assert code == 0, stderr
    democratic, republican = data["elections"]
    assert democratic["election"] == "President · Democratic primary"
    assert (democratic["leader"]["candidate"], democratic["leader"]["votes"]) == (
        "Joseph R. Biden",
        922_065,
    )
    assert (democratic["runner_up"]["candidate"], democratic["runner_up"]["votes"]) == (
        "Bernie Sanders",
        101_633,
    )
    assert sum(r["votes"] for r in democratic["results"]) == 1_086_564
    assert republican["election"] == "President · Republican primary"
    assert [(r["candidate"], r["votes"]) for r in republican["results"]] == [
        ("Donald J. Trump", 947_341)
    ]
    assert {line["race"]: line["tags"] for line in data["overview"]["races"]} == {
        "President · Democratic primary": [],
        "President · Republican primary": ["unopposed"],
    }
    # Never the two primaries ranked against each other.
    assert not any("Trump" in n and "Biden" in n for e in data["elections"] for n in e["notes"])


def test_canada_2011_ridings_with_the_encoding_the_error_names():
    path = real("ca_2011_federal_table12_ridings.csv")
    first = invoke("summary", str(path))
    assert first.code == 1 and "--encoding cp1252" in first.stderr
    code, data, stderr = summary(str(path), "--encoding", "cp1252")
    assert code == 0, stderr
    avalon = next(e for e in data["elections"] if e["election"] == "Avalon")
    assert [(r["candidate"], r["party"], r["votes"]) for r in avalon["results"][:2]] == [
        ("Scott Andrews", "Liberal", 16_008),
        ("Fabian Manning", "Conservative", 14_749),
    ]
    assert data["splits"][0]["races"] == 308
    # Seats per party against the file itself: each riding's most-voted cell, its party told by
    # the French label after the last '/'.
    text = path.read_bytes().decode("cp1252")
    best: dict[str, tuple[int, str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        number, cell = row["Electoral District Number"], row["Candidate/Candidat"]
        votes = int(row["Votes Obtained/Votes obtenus"])
        if number not in best or votes > best[number][0]:
            best[number] = (votes, cell.rsplit("/", 1)[1])
    seats = Counter(label for _, label in best.values())
    tally = {p["party"]: p["won"] for p in data["tally"]["parties"]}
    french = {
        "Conservative": "Conservateur",
        "NDP-New Democratic Party": "NPD-Nouveau Parti démocratique",
        "Liberal": "Libéral",
        "Bloc Québécois": "Bloc Québécois",
        "Green Party": "Parti Vert",
    }
    assert {french[p]: n for p, n in tally.items()} == dict(seats)
    assert data["tally"]["unit"] == "seats" and data["tally"]["races"] == 308


def test_new_hampshire_2020_race_by_race():
    """The file's own total rows are the oracle here, not SOURCES.md: every county's rows of the
    President add up to exactly twice one of them (its total row: BELKNAP, 'CARROLL NH', TOTALS…),
    and the parts give Biden 420,125, Trump 365,654; the statewide 'NEW HAMPSHIRE TOTALS' rows of
    the Senate and House 1 races equal the parts pollcli sums (and the certified results).
    SOURCES.md's 424,615 / 370,718 count Coos's total row ("COOS NH'") and drop the real towns named
    like their county (Grafton, Hillsborough, Strafford); its figures for these races do not hold.
    Governor and House 2 were refused for one blank `scatter` cell each; a line that is no
    candidate's counts 0 by default, listed in a warning (House 2's parts equal the file's own
    'NEW HAMPSHIRE TOTALS' rows: Kuster 208,289, Negron 168,886); line 3422 (`,Summary By Counties,Governor,,REP,Chris Sununu,Chris
    Sununu`) is a heading, skipped with a note."""
    _, data, _ = summary(str(real("us_nh_2020_general_precinct.csv")))
    got = votes_of(data)
    expected = {
        "President": {"Joe Biden": 420_125, "Donald Trump": 365_654},
        "U.S. Senate": {"Jeanne Shaheen": 450_778, "Corky Messner": 326_229},
        "U.S. House · 1": {"Chris Pappas": 205_606, "Matt Mowers": 185_159},
    }
    for race, figures in expected.items():
        for name, votes in figures.items():
            assert got[race][name] == votes
    refused = {race["race"] for race in data["refused"]}
    assert not refused & {"Governor", "U.S. House · 2"}
    assert got["U.S. House · 2"]["Ann McLane Kuster"] == 208_289
    assert got["U.S. House · 2"]["Steven Negron"] == 168_886


def test_new_hampshire_2020_with_blank_votes_zero():
    """With the flag, House 2 is read and its parts equal the file's own 'NEW HAMPSHIRE TOTALS'
    rows (Kuster 208,289, Negron 168,886). The Governor is read too; its Merrimack county total is
    listed twice among the precincts (`Merrimack` and a misspelt `MARRIMACK NH`), so the parts
    exceed the file's state total row, and a warning says so with both figures."""
    code, data, stderr = summary(
        str(real("us_nh_2020_general_precinct.csv")), "--blank-votes", "zero"
    )
    assert code == (1 if data["refused"] else 0)
    got = votes_of(data)
    assert got["U.S. House · 2"]["Ann McLane Kuster"] == 208_289
    assert got["U.S. House · 2"]["Steven Negron"] == 168_886
    assert "5 blank vote cells counted as 0 votes (--blank-votes zero)" in stderr
    assert "Chris Sununu 516,669 in the total row" in stderr
    assert "heading within the data" in " ".join(
        n for e in data["elections"] if e["election"] == "Governor" for n in e["notes"]
    )
    assert {"Governor", "U.S. House · 2"}.isdisjoint(r["race"] for r in data["refused"])


def test_new_hampshire_2020_is_split_race_by_race():
    """235 races by office and district; a race the file's own errors make impossible (blank
    vote cells; until issue 11, county total rows that repeat a precinct's options) is refused with
    its problems, the others are read."""
    code, data, stderr = summary(str(real("us_nh_2020_general_precinct.csv")))
    split = data["splits"][0]
    assert (split["races"], split["keys"]) == (235, ["office", "district"])
    assert (
        split["summarised"] + split["refused"]
        == split["races"]
        == len(data["elections"]) + len(data["refused"])
    )
    assert code == (1 if data["refused"] else 0)
    for race in data["refused"]:
        assert all(p["race"] == race["race"] and p["line"] for p in race["problems"])
        assert f"race {race['race']!r} refused" in stderr or "more error(s)" in stderr
