"""A long `mode` column (MEDSL: IN-PERSON, ABSENTEE… and TOTAL rows) made one count, precinct by
precinct: a precinct's TOTAL row is its count when it has one, its modes added up when it has none
(issue 12 item 5; review M2: some counties publish TOTAL rows, others only their modes).

Every figure is checked against a hand-checked table or a pandas groupby that picks each precinct's
rows on its own, never against pollcli's arithmetic. Both engines must agree on every file; the
streaming engine sums a county's precincts before the modes are resolved, so it hands a file that
needs them one by one to the exact engine.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.read import ReadOptions, engines, load_file, stream

HEADER = "precinct,office,party_detailed,mode,votes,county_name,candidate,district,year,stage,state"


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


def both(monkeypatch, path: Path, **options):
    """The exact engine's and the streaming engine's elections and problems (as dicts), and what the
    streaming engine gives when asked directly (None: it handed the file to the exact engine)."""
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, problems = load_file(path, ReadOptions(**options))
        results[engine] = (elections, problems)
    direct = stream.read_stream(path, str(path), ReadOptions(**options))
    return results["exact"], results["stream"], direct


def dump(loaded) -> tuple[list[dict], list[dict]]:
    elections, problems = loaded
    return [asdict(e) for e in elections], [asdict(p) for p in problems]


def figures(elections) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def mode_warnings(problems) -> list:
    return [p for p in problems if p.code == "mode-mismatch"]


def medsl(rows: list[tuple[str, ...]], stage: bool = True) -> str:
    """MEDSL precinct rows (precinct, office, party, mode, votes, county, candidate, district)."""
    header = HEADER if stage else HEADER.replace(",stage", "")
    tail = ",2022,GEN,ALPHA" if stage else ",2022,ALPHA"
    return header + "\n" + "".join(",".join(r) + tail + "\n" for r in rows)


# A U.S. House race over two counties: OAK publishes TOTAL rows (10-01 with its modes, 10-02 the
# TOTAL alone, 10-03 a TOTAL for Reed only), PINE only modes. The Senate race has TOTAL rows only.
PARTIAL = [
    ("10-01", "US HOUSE", "DEMOCRAT", "IN-PERSON", "40", "OAK", "ANN REED", "002"),
    ("10-01", "US HOUSE", "DEMOCRAT", "ABSENTEE", "15", "OAK", "ANN REED", "002"),
    ("10-01", "US HOUSE", "DEMOCRAT", "TOTAL", "55", "OAK", "ANN REED", "002"),
    ("10-01", "US HOUSE", "REPUBLICAN", "IN-PERSON", "60", "OAK", "BEN COLE", "002"),
    ("10-01", "US HOUSE", "REPUBLICAN", "ABSENTEE", "5", "OAK", "BEN COLE", "002"),
    ("10-01", "US HOUSE", "REPUBLICAN", "TOTAL", "65", "OAK", "BEN COLE", "002"),
    ("10-02", "US HOUSE", "DEMOCRAT", "TOTAL", "20", "OAK", "ANN REED", "002"),
    ("10-02", "US HOUSE", "REPUBLICAN", "TOTAL", "30", "OAK", "BEN COLE", "002"),
    ("10-03", "US HOUSE", "DEMOCRAT", "TOTAL", "12", "OAK", "ANN REED", "002"),
    ("10-03", "US HOUSE", "REPUBLICAN", "IN-PERSON", "8", "OAK", "BEN COLE", "002"),
    ("20-01", "US HOUSE", "DEMOCRAT", "IN-PERSON", "100", "PINE", "ANN REED", "002"),
    ("20-01", "US HOUSE", "DEMOCRAT", "EARLY", "25", "PINE", "ANN REED", "002"),
    ("20-01", "US HOUSE", "REPUBLICAN", "IN-PERSON", "70", "PINE", "BEN COLE", "002"),
    ("20-01", "US HOUSE", "REPUBLICAN", "EARLY", "10", "PINE", "BEN COLE", "002"),
    ("20-02", "US HOUSE", "DEMOCRAT", "IN-PERSON", "7", "PINE", "ANN REED", "002"),
    ("20-02", "US HOUSE", "DEMOCRAT", "ABSENTEE", "3", "PINE", "ANN REED", "002"),
    ("20-02", "US HOUSE", "REPUBLICAN", "IN-PERSON", "9", "PINE", "BEN COLE", "002"),
    ("10-01", "US SENATE", "DEMOCRAT", "TOTAL", "70", "OAK", "EVE FALK", ""),
    ("10-01", "US SENATE", "REPUBLICAN", "TOTAL", "60", "OAK", "GUS HALE", ""),
    ("20-01", "US SENATE", "DEMOCRAT", "TOTAL", "90", "PINE", "EVE FALK", ""),
    ("20-01", "US SENATE", "REPUBLICAN", "TOTAL", "95", "PINE", "GUS HALE", ""),
]
# By hand, precinct by precinct (a TOTAL row where there is one, else the modes added up):
# Reed 55 + 20 + 12 + (100 + 25) + (7 + 3) = 222; Cole 65 + 30 + 8 + (70 + 10) + 9 = 192.
# Summing per race (TOTAL rows only, as before) gave Reed 87, Cole 95: the winner flipped.
PARTIAL_EXPECTED = {
    "US HOUSE · 2": {"ANN REED": 222, "BEN COLE": 192},
    "US SENATE": {"EVE FALK": 160, "GUS HALE": 155},
}


def oracle(path: Path, race=("office", "district")) -> dict[tuple, dict[str, int]]:
    """Votes per race and candidate from pandas: in each (race, county, precinct, candidate) the
    TOTAL rows when there are some, else the other modes."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    frame["is_total"] = frame["mode"].str.upper() == "TOTAL"
    place = [*race, "county_name", "precinct", "candidate"]
    has_total = frame.groupby(place)["is_total"].transform("any")
    counted = frame[frame["is_total"] == has_total]
    sums = counted.groupby([*race, "candidate"])["votes"].sum()
    out: dict[tuple, dict[str, int]] = {}
    for (*key, candidate), votes in sums.items():
        out.setdefault(tuple(key), {})[candidate] = int(votes)
    return out


@pytest.mark.parametrize("stage", [True, False])
def test_precincts_without_a_total_row_add_their_modes_up(monkeypatch, tmp_path, stage):
    path = write(tmp_path, medsl(PARTIAL, stage=stage), "medsl_partial.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert figures(exact[0]) == PARTIAL_EXPECTED
    by_pandas = oracle(path)
    assert by_pandas[("US HOUSE", "002")] == PARTIAL_EXPECTED["US HOUSE · 2"]
    assert by_pandas[("US SENATE", "")] == PARTIAL_EXPECTED["US SENATE"]
    # 10-01's modes add up to its TOTAL rows: nothing to warn of.
    assert not mode_warnings(exact[1])
    house = exact[0][0]
    # Said, in the race whose precincts differ: 10-03 (Cole), 20-01 and 20-02 add their modes up.
    assert any(
        "(ABSENTEE, EARLY, IN-PERSON) are added up in 3 precincts without a TOTAL row" in n
        for n in house.notes
    ), house.notes
    assert not any("without a TOTAL row" in n for n in exact[0][1].notes)


def counties(spec: dict[str, tuple[bool, int]], stage: bool = True) -> str:
    """A race in MEDSL's layout over counties: per county (TOTAL rows or not, precincts); each
    precinct's modes for two candidates, with TOTAL rows equal to them where there are some."""
    rows = []
    for county, (with_total, precincts) in spec.items():
        for p in range(precincts):
            for c, (name, party) in enumerate((("ADA BIRCH", "DEMOCRAT"), ("COLE DANE", "GOP"))):
                parts = {"IN-PERSON": 11 * p + 7 * c + 3, "ABSENTEE": 5 * p + 13 * c + 1}
                modes = [*parts.items(), *([("TOTAL", sum(parts.values()))] if with_total else [])]
                rows += [
                    (f"{county[:2]}-{p}", "US HOUSE", party, m, str(v), county, name, "001")
                    for m, v in modes
                ]
    return medsl(rows, stage=stage)


def test_a_county_of_modes_beside_counties_of_totals_keeps_its_votes(monkeypatch, tmp_path):
    """MEDSL as published: Alder and Cedar give TOTAL rows, Brook (more precincts) only modes."""
    text = counties({"ALDER": (True, 4), "BROOK": (False, 8), "CEDAR": (True, 3)})
    path = write(tmp_path, text, "medsl_counties.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert figures(exact[0]) == {"medsl_counties": oracle(path)[("US HOUSE", "001")]}
    assert not mode_warnings(exact[1])
    assert any("added up in 8 precincts without a TOTAL row" in n for n in exact[0][0].notes)


def test_mismatches_in_several_counties_are_one_warning_naming_them(monkeypatch, tmp_path):
    text = counties({"ALDER": (True, 2), "BROOK": (True, 2), "CEDAR": (True, 2)}, stage=False)
    lines = text.splitlines(keepends=True)
    # Break Alder's 2nd precinct (a part) and Cedar's 1st (a TOTAL row): two counties disagree.
    lines = [
        line.replace(
            "AL-1,US HOUSE,DEMOCRAT,ABSENTEE,6,", "AL-1,US HOUSE,DEMOCRAT,ABSENTEE,9,"
        ).replace("CE-0,US HOUSE,GOP,TOTAL,24,", "CE-0,US HOUSE,GOP,TOTAL,23,")
        for line in lines
    ]
    path = write(tmp_path, "".join(lines), "medsl_mismatch.csv")
    assert path.read_text().count(",9,ALDER") == 1 and path.read_text().count(",23,CEDAR") == 1
    exact, streamed, _ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    (warning,) = mode_warnings(exact[1])
    # The race's label as assembled (a file of one race: its name), never `race ''`.
    assert warning.message.startswith("race 'medsl_mismatch': ")
    assert "in 2 precincts of 2 regions" in warning.message
    # By hand: Alder's AL-1 Birch 14 + 9 against 20; Cedar's CE-0 Dane 10 + 14 against 23.
    assert "'ALDER' (1 precinct: modes 23, TOTAL rows 20)" in warning.message
    assert "'CEDAR' (1 precinct: modes 24, TOTAL rows 23)" in warning.message
    assert _mismatched_regions(path) == {"US HOUSE": {"ALDER", "CEDAR"}}
    assert "BROOK" not in warning.message
    # Its line: the first row of the first group that disagrees (AL-1, Birch).
    first = next(i for i, line in enumerate(lines, 1) if line.startswith("AL-1,US HOUSE,DEMOCRAT"))
    assert warning.line == first
    (election,) = exact[0]
    assert warning in election.warnings
    # The TOTAL rows are used where there are some.
    assert figures(exact[0])["medsl_mismatch"] == oracle(path)[("US HOUSE", "001")]


def test_the_mismatch_of_a_race_of_many_names_it(monkeypatch, tmp_path):
    rows = [r for r in PARTIAL if r[0] != "10-01" or r[3] != "ABSENTEE" or r[6] != "BEN COLE"]
    path = write(tmp_path, medsl(rows), "medsl_many.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    (warning,) = mode_warnings(exact[1])
    assert warning.race == "US HOUSE · 2"
    assert warning.message.startswith(
        "race 'US HOUSE · 2': the votes by mode of 1 precinct in 'OAK' add up to 60 but the TOTAL "
        "rows say 65"
    )


def test_the_streaming_engine_streams_modes_that_need_no_precinct(monkeypatch, tmp_path):
    """Without TOTAL rows, or with TOTAL rows only, a county's sum is its precincts': streamed."""
    for name, spec in (
        ("no_totals.csv", {"ALDER": (False, 3), "BROOK": (False, 5)}),
        ("totals_everywhere.csv", {"ALDER": (True, 3), "BROOK": (True, 5)}),
    ):
        text = counties(spec, stage=False)
        if name == "totals_everywhere.csv":
            text = "\n".join(
                line for line in text.splitlines() if ",TOTAL," in line or "," not in line
            )
            text = HEADER.replace(",stage", "") + "\n" + text + "\n"
        path = write(tmp_path, text, name)
        exact, streamed, direct = both(monkeypatch, path)
        assert direct is not None, name
        assert dump(exact) == dump(streamed) == dump(direct)
        assert figures(exact[0]) == {name[:-4]: oracle(path)[("US HOUSE", "001")]}


def test_without_precincts_each_county_counts_its_total_or_its_modes(monkeypatch, tmp_path):
    """A county-level file (no precinct column): the county is where the count is settled."""
    text = (
        "county_name,office,candidate,mode,votes\n"
        "ALDER,GOV,X,TOTAL,50\nALDER,GOV,X,ABSENTEE,20\nALDER,GOV,X,IN-PERSON,30\n"
        "ALDER,GOV,Y,TOTAL,40\nALDER,GOV,Y,ABSENTEE,15\nALDER,GOV,Y,IN-PERSON,20\n"
        "BROOK,GOV,X,ABSENTEE,4\nBROOK,GOV,X,IN-PERSON,6\n"
        "BROOK,GOV,Y,ABSENTEE,9\nBROOK,GOV,Y,IN-PERSON,11\n"
    )
    path = write(tmp_path, text, "counties.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    # By hand: X 50 + (4 + 6), Y 40 + (9 + 11).
    assert figures(exact[0]) == {"counties": {"X": 60, "Y": 60}}
    (election,) = exact[0]
    assert any("are added up in 1 region without a TOTAL row" in n for n in election.notes)
    (warning,) = mode_warnings(exact[1])
    assert warning.line == 5
    assert "the votes by mode in 'ALDER' add up to 35 but the TOTAL rows say 40" in warning.message


def test_a_mode_spelt_two_ways_across_precincts_reads_alike(monkeypatch, tmp_path):
    """Precinct P2 writes its modes in another case: one mode to the exact engine, precinct by
    precinct; the streaming engine's county sums would hold it twice, so it hands the file over."""
    text = "precinct,office,mode,votes,county_name,candidate\n" + "".join(
        f"{p},GOV,{mode},{votes},A,{name}\n"
        for p, name, mode, votes in [
            ("P1", "X", "IN-PERSON", 10),
            ("P1", "X", "ABSENTEE", 5),
            ("P2", "X", "In-Person", 7),
            ("P2", "X", "Absentee", 1),
            ("P1", "Y", "IN-PERSON", 3),
            ("P1", "Y", "ABSENTEE", 2),
            ("P2", "Y", "In-Person", 4),
            ("P2", "Y", "Absentee", 6),
        ]
    )
    exact, streamed, _ = both(monkeypatch, write(tmp_path, text, "spelt.csv"))
    assert dump(exact) == dump(streamed)
    assert figures(exact[0]) == {"spelt": {"X": 10 + 5 + 7 + 1, "Y": 3 + 2 + 4 + 6}}


def test_summary_json_of_the_partial_file(tmp_path):
    path = write(tmp_path, medsl(PARTIAL), "medsl_partial.csv")
    result = invoke("summary", str(path), "--race", "house", "--format", "json")
    assert result.code == 0, result.stderr
    assert '"votes": 222' in result.stdout and '"votes": 192' in result.stdout


COUNTS_WITH_MODES = """county,precinct,office,party,candidate,mode,votes
Adair,P1,Registered Voters,,,Total,100
Adair,P1,Ballots Cast,,,Election Day,40
Adair,P1,Ballots Cast,,,Absentee,20
Adair,P1,President,DEM,Ann Lee,Election Day,25
Adair,P1,President,DEM,Ann Lee,Absentee,10
Adair,P1,President,REP,Bob Ray,Election Day,15
Adair,P1,President,REP,Bob Ray,Absentee,10
Adair,P2,Registered Voters,,,Total,200
Adair,P2,Ballots Cast,,,Election Day,75
Adair,P2,Ballots Cast,,,Absentee,30
Adair,P2,President,DEM,Ann Lee,Election Day,30
Adair,P2,President,DEM,Ann Lee,Absentee,10
Adair,P2,President,REP,Bob Ray,Election Day,40
Adair,P2,President,REP,Bob Ray,Absentee,20
"""


def test_a_count_rows_total_mode_is_not_the_votes_total(monkeypatch, tmp_path):
    """Count rows (Registered Voters given as a Total) beside votes given by mode only: the votes are
    the modes added up, and the notes say so, not that the votes are the TOTAL rows (session 9)."""
    path = write(tmp_path, COUNTS_WITH_MODES, "counts_modes.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    (race,) = exact[0]
    # By hand: Ann Lee 25+10+30+10, Bob Ray 15+10+40+20; ballots 40+20+75+30 of 100+200 registered.
    assert {o.candidate: o.votes for o in race.options} == {"Ann Lee": 75, "Bob Ray": 85}
    assert (race.facts.registered, race.facts.ballots_cast) == (300, 165)
    notes = " ".join(race.notes)
    assert "are added up: the mode column has no TOTAL rows" in notes
    assert "TOTAL rows are used" not in notes and "mode column's TOTAL rows" not in notes


RACES_COUNTED_APART = """precinct,office,candidate,mode,votes
P1,Mayor,Ann,Election Day,10
P1,Mayor,Ann,Absentee,5
P1,Mayor,Ann,Total,15
P1,Mayor,Bob,Election Day,7
P1,Mayor,Bob,Absentee,1
P1,Mayor,Bob,Total,8
P1,Clerk,Cy,Election Day,9
P1,Clerk,Cy,Absentee,3
P1,Clerk,Dee,Election Day,4
P1,Clerk,Dee,Absentee,2
"""


def test_races_counted_apart_each_say_how_theirs_were(monkeypatch, tmp_path):
    """One race with TOTAL rows, another with modes alone: each race's notes say how its own votes
    were counted (session 10; both notes were the file's, so each race said both)."""
    path = write(tmp_path, RACES_COUNTED_APART, "apart.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    mayor, clerk = exact[0]
    # By hand: the Mayor's TOTAL rows; the Clerk's modes added up.
    assert {o.candidate: o.votes for o in mayor.options} == {"Ann": 15, "Bob": 8}
    assert {o.candidate: o.votes for o in clerk.options} == {"Cy": 12, "Dee": 6}
    said = {e.facts.election: " ".join(e.notes) for e in (mayor, clerk)}
    assert "mode column's TOTAL rows" in said["Mayor"] and "added up" not in said["Mayor"]
    assert "no TOTAL rows for this race" in said["Clerk"]
    assert "mode column's TOTAL rows" not in said["Clerk"]


# --- property: random presence of TOTAL rows, precinct by precinct ------------------------------

_MODES = ("IN-PERSON", "ABSENTEE", "EARLY")
_RACES = {"US HOUSE": ("ANN REED", "BEN COLE"), "GOVERNOR": ("EVE FALK", "GUS HALE", "IVY JONES")}


@st.composite
def medsl_files(draw) -> tuple[str, list[tuple[str, ...]]]:
    """Rows of one or two races over one to three counties: for each precinct and candidate some
    modes and a TOTAL row, which may or may not equal the modes. The TOTAL rows are everywhere
    (`only`: with no other mode), nowhere, or here and there (`random`)."""
    policy = draw(st.sampled_from(["random", "random", "none", "only"]))
    offices = draw(st.lists(st.sampled_from(sorted(_RACES)), min_size=1, max_size=2, unique=True))
    county_names = ["ALDER", "BROOK", "CEDAR"][: draw(st.integers(1, 3))]
    rows = []
    for office in offices:
        for county in county_names:
            for p in range(draw(st.integers(1, 3))):
                for name in _RACES[office]:
                    modes = draw(
                        st.lists(
                            st.sampled_from(_MODES),
                            min_size=policy == "none",
                            max_size=0 if policy == "only" else 3,
                            unique=True,
                        )
                    )
                    parts = [(m, draw(st.integers(0, 60))) for m in modes]
                    total = policy == "only" or (
                        policy == "random" and (not parts or draw(st.booleans()))
                    )
                    cells = (f"{county[:2]}-{p}", office, name.split()[1], "", "", county, name, "")
                    for mode, votes in parts:
                        rows.append((*cells[:3], mode, str(votes), *cells[5:]))
                    if total:
                        votes = sum(v for _, v in parts) + draw(st.sampled_from([0, 0, 0, 1, -1]))
                        votes = max(votes, 0) if parts else draw(st.integers(0, 60))
                        rows.append((*cells[:3], "TOTAL", str(votes), *cells[5:]))
    return policy, draw(st.permutations(rows))


def _mismatched_regions(path: Path) -> dict[str, set[str]]:
    """Per office, the counties with a precinct whose modes do not add up to its TOTAL row for
    some candidate (pandas)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    frame["total"] = frame["votes"].where(frame["mode"] == "TOTAL", 0)
    frame["parts"] = frame["votes"].where(frame["mode"] != "TOTAL", 0)
    frame["n_total"] = frame["mode"] == "TOTAL"
    frame["n_parts"] = frame["mode"] != "TOTAL"
    place = frame.groupby(["office", "county_name", "precinct", "candidate"])[
        ["total", "parts", "n_total", "n_parts"]
    ].sum()
    both_kinds = place[(place["n_total"] > 0) & (place["n_parts"] > 0)]
    bad = both_kinds[both_kinds["total"] != both_kinds["parts"]].reset_index()
    out: dict[str, set[str]] = {}
    for office, county in zip(bad["office"], bad["county_name"], strict=True):
        out.setdefault(office, set()).add(county)
    return out


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(file=medsl_files(), stage=st.booleans())
def test_each_precinct_counts_its_total_or_its_modes(monkeypatch, tmp_path_factory, file, stage):
    policy, rows = file
    path = write(tmp_path_factory.mktemp("modes"), medsl(rows, stage=stage), "random_modes.csv")
    exact, streamed, direct = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    if policy != "random" and not stage:
        # A county's sum is its precincts' when no precinct differs: the streaming engine reads it.
        assert direct is not None and dump(direct) == dump(exact)
    expected = oracle(path, race=("office",))
    elections, problems = exact
    many = len(expected) > 1
    got = {
        (e.race.keys["office"] if many and e.race else next(iter(expected))[0]): {
            o.candidate: o.votes for o in e.options
        }
        for e in elections
    }
    assert got == {key[0]: votes for key, votes in expected.items()}
    # One warning per race whose modes disagree with its TOTAL rows, naming every county that does.
    mismatched = _mismatched_regions(path)
    warned = {}
    for warning in mode_warnings(problems):
        office = (warning.race or "").upper() if many else next(iter(expected))[0]
        office = next(o for o in _RACES if office.startswith(o))
        warned[office] = set(re.findall(r"'(ALDER|BROOK|CEDAR)'", warning.message))
    assert warned == mismatched
