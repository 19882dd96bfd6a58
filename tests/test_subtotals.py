"""Subtotal options (`Total Write-in` beside the write-ins it adds up, OpenElections' Michigan 2020
county layout) are set aside, not counted with their parts; one alone is the write-in count and
stays an option; one beside rows it does not add up is counted with a warning. Both engines.

The oracle is pandas over the fixture with the subtotal lines dropped by hand (the lines are written
beside the rows), and a hand-written table of the races' figures it must agree with; never the
loader's own test of what a subtotal is.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, engines, load_file
from pollcli.read.total_words import subtotal_of

# Lines (as an editor counts them, the header is 1) in the comments.
COUNTIES = """county,office,district,candidate,party,votes
Berrien,President,,Joe Biden,DEM,37438
Berrien,President,,Don Trump,REP,43519
Berrien,President,,Total Write-in,,186
Berrien,President,,QW - Brian Carroll,,11
Berrien,President,,QW - Jade Simmons,,1
Berrien,President,,Unqualified Write-Ins,,174
Lake,President,,Joe Biden,DEM,2288
Lake,President,,Don Trump,REP,3946
Lake,President,,Total Write-in,,9
Kent,President,,Joe Biden,DEM,1000
Kent,President,,Don Trump,REP,900
Kent,President,,Write-in: Brian Carroll,,3
Kent,President,,Unassigned write-ins,,4
Kent,President,,Write-in (total),,7
Kent,President,,Over Votes,,2
Ogle,President,,Joe Biden,DEM,300
Ogle,President,,Jo Jorgensen,LIB,9
Ogle,President,,Total Write-in,,9
Iron,President,,Joe Biden,DEM,500
Iron,President,,Don Trump,REP,400
Iron,President,,Total Write-Ins,,30
Iron,President,,QW - Brian Carroll,,5
Iron,President,,Unqualified Write-Ins,,20
Berrien,U.S. House,6,Fred Upton,,45366
Berrien,U.S. House,6,Jon Hoadley,,32279
Berrien,U.S. House,6,Total write-in,,150
Berrien,U.S. House,6,QW - Jerry Solis,,5
Berrien,U.S. House,6,Unqualified Write-Ins,,145
Cass,U.S. House,6,Fred Upton,,1000
Cass,U.S. House,6,Jon Hoadley,,900
Cass,U.S. House,6,Total write-in,,94
"""
# Line 4: Berrien's subtotal before its parts (11 + 1 + 174 = 186). Line 10: Lake's write-ins,
# alone (no parts): an option. Line 15: Kent's subtotal after its parts (3 + 4 = 7; Over Votes
# are no part). Line 19: Ogle's write-ins, alone; Jo Jorgensen's 9 votes just before it are a
# candidate's, not its parts. Line 22: Iron's names a subtotal, but 5 + 20 = 25, not 30: counted,
# with a warning. Line 27: Berrien's House subtotal (5 + 145 = 150). Line 32: Cass's, alone.
SUBTOTAL_LINES = (4, 15, 27)
RACES = {
    "President": {
        "Joe Biden": 37438 + 2288 + 1000 + 300 + 500,
        "Don Trump": 43519 + 3946 + 900 + 400,
        "Jo Jorgensen": 9,
        "QW - Brian Carroll": 11 + 5,
        "QW - Jade Simmons": 1,
        "Unqualified Write-Ins": 174 + 20,
        "Total Write-in": 9 + 9,  # Lake's and Ogle's
        "Write-in: Brian Carroll": 3,
        "Unassigned write-ins": 4,
        "Over Votes": 2,
        "Total Write-Ins": 30,  # Iron's: counted, with a warning
    },
    "U.S. House · 6": {
        "Fred Upton": 45366 + 1000,
        "Jon Hoadley": 32279 + 900,
        "QW - Jerry Solis": 5,
        "Unqualified Write-Ins": 145,
        "Total write-in": 94,  # Cass's
    },
}


def oracle(text: str, dropped: tuple[int, ...]) -> dict[str, dict[str, int]]:
    """Each race's options summed by pandas over the rows but the `dropped` lines."""
    frame = pd.read_csv(io.StringIO(text), dtype={"district": str}, keep_default_na=False)
    frame["line"] = frame.index + 2
    frame = frame[~frame["line"].isin(dropped)]
    frame["race"] = frame["office"] + frame["district"].map(lambda d: f" · {d}" if d else "")
    sums = frame.groupby(["race", "candidate"])["votes"].sum()
    races: dict[str, dict[str, int]] = {}
    for (race, candidate), votes in sums.items():
        races.setdefault(str(race), {})[str(candidate)] = int(votes)
    return races


def both(monkeypatch, path, options=None):
    """The file through each engine (the streaming one with tiny blocks); both must agree."""
    return engines_agree(monkeypatch, path, read_options=options, block_bytes=96)


def races_of(elections) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def lines_in(message: str) -> set[int]:
    """The lines a message names: `line 4`, `lines 4, 15`, `lines 5–7`."""
    found: set[int] = set()
    for text in re.findall(r"lines? ([\d,–\s]+(?:and \d+)?)", message):
        for span in re.findall(r"\d[\d,]*(?:–\d[\d,]*)?", text):
            a, _, b = span.replace(",", "").partition("–")
            found.update(range(int(a), int(b or a) + 1))
    return found


def test_the_hand_written_races_are_the_oracle_s():
    assert oracle(COUNTIES, SUBTOTAL_LINES) == RACES


def test_subtotals_beside_their_parts_are_set_aside_and_alone_they_are_counted(
    tmp_path, monkeypatch
):
    elections, problems = both(monkeypatch, write(tmp_path, COUNTIES))
    assert races_of(elections) == oracle(COUNTIES, SUBTOTAL_LINES)
    rows = [p for p in problems if p.code == "total-row"]
    aside = [p for p in rows if "set aside" in p.message]
    counted = [p for p in rows if "set aside" not in p.message]
    # Each subtotal set aside is named with its unit, its line and its parts' lines.
    assert {p.line for p in aside} == {4, 15, 27}
    said = " ".join(p.message for p in aside)
    assert "'Total Write-in' of 'Berrien' (line 4) adds up" in said
    assert "'Write-in (total)' of 'Kent' (line 15) adds up" in said
    assert lines_in(said) == {4, 5, 6, 7, 13, 14, 15, 27, 28, 29}
    assert not lines_in(said) & {10, 16, 19, 22, 32}
    # Iron's, which adds up none of the rows beside it, is counted with a warning; Lake's, Ogle's
    # and Cass's, alone, say nothing.
    (warning,) = counted
    assert (warning.line, warning.column, warning.severity) == (22, "candidate", "warning")
    assert "'Total Write-Ins' of 'Iron'" in warning.message and "30 votes" in warning.message
    assert "take it out of the file" in warning.message
    assert not [p for p in problems if p.severity == "error" or p.code == "total-mismatch"]


def test_a_subtotal_named_as_an_option_by_kind_is_counted(tmp_path, monkeypatch):
    options = ReadOptions(kinds={"Total write-in": "other"})
    elections, problems = both(monkeypatch, write(tmp_path, COUNTIES), options)
    house = races_of(elections)["U.S. House · 6"]
    assert house["Total write-in"] == 150 + 94
    assert not [p for p in problems if p.code == "total-row" and p.line == 27]


# A precinct file: the streaming engine hands it to the exact stages, which judge each precinct.
PRECINCTS = """county,precinct,office,candidate,votes
Berrien,P1,Governor,Ann Alpha,100
Berrien,P1,Governor,Bob Beta,80
Berrien,P1,Governor,Total Write-in,6
Berrien,P1,Governor,QW - Cy Gamma,2
Berrien,P1,Governor,Unqualified Write-Ins,4
Berrien,P2,Governor,Ann Alpha,50
Berrien,P2,Governor,Bob Beta,70
Berrien,P2,Governor,QW - Cy Gamma,1
Berrien,P2,Governor,Unqualified Write-Ins,2
Berrien,P2,Governor,Write-in Totals,3
Lake,P1,Governor,Ann Alpha,30
Lake,P1,Governor,Bob Beta,20
Lake,P1,Governor,Total Write-in,5
"""
# Set aside: lines 4 (2 + 4) and 11 (1 + 2, after its parts). Lake's line 14 is its write-ins.
PRECINCT_RACE = {
    "Ann Alpha": 100 + 50 + 30,
    "Bob Beta": 80 + 70 + 20,
    "QW - Cy Gamma": 2 + 1,
    "Unqualified Write-Ins": 4 + 2,
    "Total Write-in": 5,
}


def test_subtotals_in_a_precinct_file_both_engines(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, PRECINCTS))
    (race,) = races_of(elections).values()
    assert race == PRECINCT_RACE
    frame = pd.read_csv(io.StringIO(PRECINCTS))
    kept = frame.drop(index=[4 - 2, 11 - 2])
    assert race == kept.groupby("candidate")["votes"].sum().to_dict()
    aside = [p for p in problems if p.code == "total-row"]
    assert {line for p in aside for line in lines_in(p.message)} >= {4, 11}
    assert "'Total Write-in' of 'P1'" in " ".join(p.message for p in aside)


def test_validate_lists_the_subtotals_and_summary_counts_them_once(tmp_path):
    path = write(tmp_path, COUNTIES)
    checked = invoke("validate", str(path), "--format", "json")
    assert checked.code == 0
    problems = [p for f in json.loads(checked.stdout)["files"] for p in f["problems"]]
    assert {p["line"] for p in problems if p["code"] == "total-row"} == {4, 15, 22, 27}
    summary = invoke("summary", str(path), "--race", "U.S. House · 6", "--format", "json")
    assert summary.code == 0
    (election,) = json.loads(summary.stdout)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == RACES["U.S. House · 6"]


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("Total Write-in", "write in"),
        ("Write-in Totals", "write in"),
        ("Total Write-Ins", "write ins"),
        ("Write-in (total)", "write in"),
        ("Scattering total", "scattering"),
        ("Sub-total write-ins", "write ins"),
        ("Total Votes", None),  # the total of every option of its unit
        ("Total", None),
        ("Totten Wright", None),
        ("QW - Brian T. Carroll", None),
    ],
)
def test_names_of_subtotals(name, what):
    assert subtotal_of(name) == what


# Hypothesis: a county's race of candidates, its write-ins in any order with their subtotal before
# or after them (or the subtotal alone, the county's write-in count), another county after it.
SUBTOTAL_NAMES = ["Total Write-in", "Write-in Totals", "Total Write-Ins", "Write-in (total)"]
PART_NAMES = ["QW - Ann Ash", "QW - Bo Birch", "Write-in: Cy Cedar", "Not Assigned"]


@st.composite
def county_files(draw):
    candidates = draw(st.lists(st.integers(1, 100_000), min_size=1, max_size=4))
    parts = draw(st.lists(st.integers(0, 500), min_size=1, max_size=4))
    names = [*draw(st.permutations(PART_NAMES))[: len(parts) - 1], "Unqualified Write-Ins"]
    order = draw(st.permutations(list(zip(names, parts, strict=True))))
    alone = draw(st.booleans())
    subtotal = (
        draw(st.sampled_from(SUBTOTAL_NAMES)),
        draw(st.integers(0, 500)) if alone else sum(parts),
    )
    rows = [(f"Candidate {i}", v) for i, v in enumerate(candidates)]
    if alone:
        rows.append(subtotal)
    elif draw(st.booleans()):
        rows += [subtotal, *order]
    else:
        rows += [*order, subtotal]
    lines = ["county,office,district,candidate,party,votes"]
    lines += [f"Oak,Governor,,{name},,{votes}" for name, votes in rows]
    lines += [f"Elm,Governor,,Candidate 0,,{subtotal[1]}", "Elm,Governor,,Candidate 1,,1"]
    return "\n".join(lines) + "\n", rows, alone, subtotal


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(county_files())
def test_a_subtotal_is_counted_once_wherever_its_parts_are(case):
    text, rows, alone, subtotal = case
    expected: dict[str, int] = {}
    for name, votes in [*rows, ("Candidate 0", subtotal[1]), ("Candidate 1", 1)]:
        if alone or (name, votes) != subtotal:
            expected[name] = expected.get(name, 0) + votes
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "governor.csv"
        path.write_text(text, encoding="utf-8")
        results = {}
        for engine in ("exact", "stream"):
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv(engines.ENGINE_ENV, engine)
                results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]
    elections, problems = results["exact"]
    (race,) = races_of(elections).values()
    assert race == expected
    aside = [p for p in problems if p.code == "total-row" and "set aside" in p.message]
    assert bool(aside) is not alone


# A wide table: a row's options share its line, in the order of the columns. Oak's subtotal adds
# up its two write-in columns (2 + 4 = 6); Pine's does not (1 + 1 = 2, not 3): counted, with a
# warning; Elm gives its write-ins as their subtotal alone (its other cells blank).
WIDE = """county,Ann Alpha,Bob Beta,Total Write-in,QW - Cy Gamma,Unqualified Write-Ins
Oak,100,80,6,2,4
Pine,50,40,3,1,1
Elm,10,10,5,,
"""
WIDE_RACE = {
    "Ann Alpha": 100 + 50 + 10,
    "Bob Beta": 80 + 40 + 10,
    "Total Write-in": 3 + 5,
    "QW - Cy Gamma": 2 + 1,
    "Unqualified Write-Ins": 4 + 1,
}


def test_subtotal_columns_of_a_wide_table(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, WIDE))
    (race,) = races_of(elections).values()
    assert race == WIDE_RACE
    rows = {p.line: p.message for p in problems if p.code == "total-row"}
    assert set(rows) == {2, 3}
    assert "set aside" in rows[2] and "'Total Write-in' of 'Oak'" in rows[2]
    assert "set aside" not in rows[3] and "'Total Write-in' of 'Pine'" in rows[3]
