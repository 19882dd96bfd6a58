"""Race keys that the words of a header do not settle (issue 12, items 1, 2 and 7; review M4, M5, S4):
the party of a party primary (told by the row's stage, the file's name only as a fallback), a
district whose options are Yes/No (each ballot measure its own race), and `--race` given a race's
whole name. Figures come from pandas group-bys by the intended race keys; names from hand-checked
tables. Both engines read every file alike."""

from __future__ import annotations

import io
import json
import os
import re
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, invoke, write
from pollcli import load
from pollcli.kinds import ANSWER_WORDS
from pollcli.read import ReadOptions, engines, load_file, stream

RACES = Path(__file__).parent / "races"
MEDSL = RACES / "medsl_house_stages.csv"
MEASURES = RACES / "openelections_measures.csv"
REALWORLD = next(
    (
        p
        for p in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld"))
        if p.is_dir()
    ),
    None,
)


def by_race(elections) -> dict[str, dict[str, int]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def sums(frame: pd.DataFrame, keys: list[str], votes: str = "votes", candidate: str = "candidate"):
    """Votes per candidate per race, the race given by the key columns (pandas group-by)."""
    grouped = frame.groupby([*keys, candidate], sort=False, dropna=False)[votes].sum()
    out: dict[tuple, dict[str, int]] = {}
    for index, value in grouped.items():
        *key, name = index
        out.setdefault(tuple(key), {})[name] = int(value)
    return out


def both(monkeypatch, path: Path, **options):
    """The file read by each engine (blocks shrunk so it spans many), and `read_stream`'s answer."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, problems = load_file(path, ReadOptions(**options))
        results[engine] = ([asdict(e) for e in elections], [asdict(p) for p in problems])
    direct = stream.read_stream(path, str(path), ReadOptions(**options))
    return results["exact"], results["stream"], direct


# --- M4: the party of a party primary -------------------------------------------------------------

# MEDSL's stage column (GEN/PRI) and runoff column; hand-checked names of the intended races.
MEDSL_NAMES = {
    (1, "PRI", False, "DEMOCRAT"): "US HOUSE · 1 · Democratic primary",
    (1, "PRI", False, "REPUBLICAN"): "US HOUSE · 1 · Republican primary",
    (2, "PRI", False, "REPUBLICAN"): "US HOUSE · 2 · Republican primary",
    (2, "PRI", True, "REPUBLICAN"): "US HOUSE · 2 · Republican primary · runoff",
    (1, "GEN", False, ""): "US HOUSE · 1 · general",
    (2, "GEN", False, ""): "US HOUSE · 2 · general",
    (3, "GEN", False, ""): "US HOUSE · 3 · general",
    (3, "GEN", True, ""): "US HOUSE · 3 · general · runoff",
}


def medsl_expected(path: Path = MEDSL) -> dict[str, dict[str, int]]:
    frame = pd.read_csv(path, dtype={"district": str})
    frame["district"] = frame["district"].astype(int)
    # The party tells races apart in primaries only: a general race is every party's.
    frame["primary_party"] = frame["party_detailed"].where(frame["stage"] == "PRI", "")
    got = sums(frame, ["district", "stage", "runoff", "primary_party"], "candidatevotes")
    return {MEDSL_NAMES[key]: value for key, value in got.items()}


def test_medsl_primaries_are_told_apart_by_party_and_general_races_are_not():
    elections = load(MEDSL)
    expected = medsl_expected()
    assert by_race(elections) == expected
    assert len(expected) == 8
    # totalvotes agrees with each race's candidates: nothing merged, nothing split.
    codes = {w.code for e in elections for w in e.warnings}
    assert "total-mismatch" not in codes and "race-split" not in codes
    general = next(e for e in elections if e.facts.election == "US HOUSE · 1 · general")
    assert general.race is not None and general.race.keys["party_detailed"] == ""
    primary = next(e for e in elections if e.facts.election == "US HOUSE · 1 · Democratic primary")
    assert primary.race is not None and primary.race.keys["party_detailed"] == "DEMOCRAT"
    note = general.notes[0]
    assert note.startswith("Split into 8 races by 'district', 'stage', 'runoff' and")
    assert "the party in primaries only" in note


def test_a_file_name_that_says_primary_does_not_split_the_general_races(tmp_path):
    renamed = write(tmp_path, MEDSL.read_text(encoding="utf-8"), "2020_gg_primary_house.csv")
    elections = load(renamed)
    assert by_race(elections) == medsl_expected()
    assert not [e for e in elections if len(e.options) == 1]


def test_the_file_name_decides_only_for_rows_whose_stage_is_not_stated(tmp_path):
    text = (
        "county,office,stage,party,candidate,votes\n"
        "A,Mayor,,DEM,Ann,10\nA,Mayor,,DEM,Bo,7\nA,Mayor,,REP,Cy,9\nA,Mayor,,REP,Di,3\n"
        "A,Governor,general,DEM,Ed,20\nA,Governor,general,REP,Flo,25\n"
        "A,Judge,runoff,DEM,Gil,5\nA,Judge,runoff,REP,Hal,6\n"
    )
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    frame["primary_party"] = frame["party"].where(frame["stage"] == "", "")
    expected = sums(frame, ["office", "primary_party"])
    names = {
        ("Mayor", "DEM"): "Mayor · Democratic primary",
        ("Mayor", "REP"): "Mayor · Republican primary",
        ("Governor", ""): "Governor · general",
        ("Judge", ""): "Judge · runoff",
    }
    named = write(tmp_path, text, "20240312__aa__primary.csv")
    assert by_race(load(named)) == {names[k]: v for k, v in expected.items()}
    # Without the word the unstated rows are one race (with the race-split warning).
    plain = by_race(load(write(tmp_path, text, "results.csv")))
    assert plain["Mayor"] == {"Ann": 10, "Bo": 7, "Cy": 9, "Di": 3}


def test_a_jungle_primary_is_no_party_primary(tmp_path):
    text = (
        "office,stage,party,candidate,votes\n"
        "Senate,jungle primary,DEM,Eve,30\nSenate,jungle primary,REP,Gus,25\n"
        "Senate,jungle primary,REP,Ivy,45\nSenate,general,DEM,Eve,52\nSenate,general,REP,Ivy,48\n"
    )
    assert by_race(load(write(tmp_path, text, "la_primary_2020.csv"))) == {
        "Senate · jungle primary": {"Eve": 30, "Gus": 25, "Ivy": 45},
        "Senate · general": {"Eve": 52, "Ivy": 48},
    }


def test_a_refused_row_of_a_primary_of_every_party_goes_with_the_one_race(tmp_path):
    """The race book remembers the race of each row's key values (`RaceBook.known`); a refused
    row's race is looked up after the primaries of every party are merged into one race, which
    its problem must go with, not the primary of its party the rows before had."""
    rows = [
        ("AL AMES", "LIBERTARIAN", "500"),
        ("BO BAKER", "DEMOCRAT", "9000"),
        ("CY COLE", "REPUBLICAN", "11000"),
        ("DI DOYLE", "LIBERTARIAN", "12x"),
    ]
    text = "year,state,office,district,stage,candidate,party_detailed,candidatevotes,totalvotes\n"
    text += "".join(f"1996,DELTA,US HOUSE,4,PRI,{c},{p},{v},20600\n" for c, p, v in rows)
    text += "1996,DELTA,US HOUSE,5,GEN,ED EGAN,DEMOCRAT,300,700\n"
    text += "1996,DELTA,US HOUSE,5,GEN,FLO FINN,REPUBLICAN,400,700\n"
    path = write(tmp_path, text, "medsl_house_1996.csv")
    result = invoke("validate", str(path), "--format", "json")
    problems = json.loads(result.stdout)["files"][0]["problems"]
    errors = [(p["line"], p["race"]) for p in problems if p["severity"] == "error"]
    assert errors == [(5, "US HOUSE · 4 · primary")], problems


@pytest.mark.parametrize("write_in_first", [False, True])
def test_a_primary_of_every_party_with_one_total_is_one_race(tmp_path, write_in_first):
    """MEDSL writes open special elections (Texas 1996) as `PRI`: every party on one ballot, one
    `totalvotes` for all. That is one race; party primaries each have their own total."""
    open_rows = [
        (4, "PRI", "TRUE", "AL AMES", "LIBERTARIAN", "FALSE", 500, 20600),
        (4, "PRI", "TRUE", "BO BAKER", "DEMOCRAT", "FALSE", 9000, 20600),
        (4, "PRI", "TRUE", "CY COLE", "REPUBLICAN", "FALSE", 11000, 20600),
        (4, "PRI", "TRUE", "WRITEIN", "", "TRUE", 100, 20600),
    ]
    if write_in_first:
        open_rows.reverse()
    rows = [
        *open_rows,
        (5, "PRI", "FALSE", "DI DOYLE", "DEMOCRAT", "FALSE", 3000, 5000),
        (5, "PRI", "FALSE", "ED EGAN", "DEMOCRAT", "FALSE", 2000, 5000),
        (5, "PRI", "FALSE", "FLO FINN", "REPUBLICAN", "FALSE", 4000, 4000),
        (5, "GEN", "FALSE", "DI DOYLE", "DEMOCRAT", "FALSE", 30000, 70000),
        (5, "GEN", "FALSE", "FLO FINN", "REPUBLICAN", "FALSE", 40000, 70000),
    ]
    text = "year,state,office,district,stage,special,candidate,party_detailed,writein,"
    text += "candidatevotes,totalvotes\n"
    text += "".join("1996,DELTA,US HOUSE," + ",".join(map(str, row)) + "\n" for row in rows)
    path = write(tmp_path, text, "medsl_house_1996.csv")
    frame = pd.read_csv(path, keep_default_na=False)
    # The intended keys: the party in district 5's primaries (two totals), in none of district 4's.
    frame["key_party"] = frame["party_detailed"].where(
        (frame["stage"] == "PRI") & (frame["district"] == 5), ""
    )
    names = {
        (4, "PRI", True, ""): "US HOUSE · 4 · primary · special",
        (5, "PRI", False, "DEMOCRAT"): "US HOUSE · 5 · Democratic primary",
        (5, "PRI", False, "REPUBLICAN"): "US HOUSE · 5 · Republican primary",
        (5, "GEN", False, ""): "US HOUSE · 5 · general",
    }
    expected = sums(frame, ["district", "stage", "special", "key_party"], "candidatevotes")
    elections = load(path)
    assert by_race(elections) == {names[k]: v for k, v in expected.items()}
    assert [e.facts.election for e in elections] == list(names.values())
    assert not [w for e in elections for w in e.warnings if w.code == "total-mismatch"]
    assert elections[0].race is not None and elections[0].race.keys["party_detailed"] == ""


def test_race_by_party_still_keys_every_row():
    """`--race-by …,party` splits every race by party; a general race's part is no "primary"."""
    elections = load(MEDSL, race_by=["office", "district", "stage", "runoff", "party_detailed"])
    names = [e.facts.election for e in elections]
    assert names[:3] == [
        "US HOUSE · 1 · Democratic primary",
        "US HOUSE · 1 · Republican primary",
        "US HOUSE · 2 · Republican primary",
    ]
    assert "US HOUSE · 1 · general · Libertarian" in names
    assert len(names) == 14


def test_both_engines_split_primaries_alike(monkeypatch, tmp_path):
    exact, streamed, _ = both(monkeypatch, MEDSL)
    assert exact == streamed and len(exact[0]) == 8
    renamed = write(tmp_path, MEDSL.read_text(encoding="utf-8"), "gg_primary_2020.csv")
    exact, streamed, _ = both(monkeypatch, renamed)
    assert exact == streamed and len(exact[0]) == 8


def openelections_primaries(candidates: int) -> str:
    """OpenElections' layout with no stage column: a Democratic and a Republican primary for one
    office, `candidates` each, over 20 precincts."""
    lines = ["county,precinct,office,district,party,candidate,votes"]
    for precinct in range(20):
        for party in ("DEM", "REP"):
            for c in range(candidates):
                lines.append(f"C{precinct % 3},P{precinct},President,,{party},{party} {c},{c + 1}")
    return "\n".join(lines) + "\n"


def test_the_streaming_engine_counts_a_primarys_options_party_by_party(monkeypatch, tmp_path):
    """Each primary holds fewer options than the ballot limit, both together more: both engines
    read both primaries (the streaming engine counted them as one race and gave up)."""
    from pollcli.read import assemble, limits

    monkeypatch.setattr(assemble, "MAX_OPTIONS", 6)
    monkeypatch.setattr(limits, "MAX_OPTIONS", 6)
    path = write(tmp_path, openelections_primaries(5), "20200609__aa__primary.csv")
    exact, streamed, direct = both(monkeypatch, path)
    assert exact == streamed and direct is not None
    assert [e["facts"].election for e in exact[0]] == [
        "President · Democratic primary",
        "President · Republican primary",
    ]


def test_primaries_in_a_file_whose_name_does_not_say_so_draw_a_warning(monkeypatch, tmp_path):
    """Trial A2: with no stage column and no 'primary' in the file's name, the primaries read as
    one race, but never silently: the race-split warning names the party and the way to split;
    --race-by …,party gives each primary its own rows' sums (pandas group-by by party)."""
    text = openelections_primaries(3)
    path = write(tmp_path, text, "aa_june2020.csv")
    exact, streamed, _ = both(monkeypatch, path)
    assert exact == streamed and len(exact[0]) == 1
    (warning,) = [p for p in exact[1] if p["code"] == "race-split"]
    # (A file of one race: its keys are none, and --race-by party alone splits it.)
    assert "3 DEM" in warning["message"] and "--race-by party;" in warning["message"]
    result = invoke("summary", str(path))
    assert result.code == 0 and "several candidates of one party" in result.stderr
    assert by_race(load(path, race_by=["party"])) == {
        "Democratic primary": sums(pd.read_csv(io.StringIO(text)), ["party"])[("DEM",)],
        "Republican primary": sums(pd.read_csv(io.StringIO(text)), ["party"])[("REP",)],
    }
    split = by_race(load(path, race_by=["office", "district", "party"]))
    expected = sums(pd.read_csv(io.StringIO(text)), ["party"])
    assert split == {
        "President · Democratic primary": expected[("DEM",)],
        "President · Republican primary": expected[("REP",)],
    }
    named = load(write(tmp_path, text, "aa_primary_june2020.csv"))
    assert by_race(named) == split and not [w for e in named for w in e.warnings]


def test_one_race_of_one_candidate_per_party_draws_no_race_split_warning(tmp_path):
    text = (
        "county,office,party,candidate,votes\n"
        "A,Governor,DEM,X,5\nA,Governor,REP,Y,4\nB,Governor,DEM,X,3\nB,Governor,REP,Y,6\n"
    )
    (election,) = load(write(tmp_path, text))
    assert not [w for w in election.warnings if w.code == "race-split"]
    # (X in A only and Y in B only may be two unopposed races: `test_lone_regions.py`.)


@pytest.mark.skipif(REALWORLD is None, reason="shared/realworld is not beside the repository")
def test_georgias_primaries_renamed_draw_a_warning_and_split_as_told(tmp_path):
    """Georgia's presidential primaries under a name without 'primary' (trial A2): exit 0 but a
    warning on stderr; --race-by splits them into SOURCES.md's figures."""
    assert REALWORLD is not None
    path = tmp_path / "ga_president_june2020.csv"
    path.symlink_to(REALWORLD / "us_ga_2020_06_09_primary_president_precinct.csv")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0
    assert "several candidates of one party" in result.stderr and "12 Democrat" in result.stderr
    result = invoke("summary", str(path), "--race-by", "office,district,party", "--format", "json")
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    democratic = {
        r["candidate"]: r["votes"] for r in races["President · Democratic primary"]["results"]
    }
    republican = {
        r["candidate"]: r["votes"] for r in races["President · Republican primary"]["results"]
    }
    assert democratic["Joseph R. Biden"] == 922_065 and democratic["Bernie Sanders"] == 101_633
    assert sum(democratic.values()) == 1_086_564
    assert republican == {"Donald J. Trump": 947_341}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1", "02", "3"]),
            st.sampled_from(["GEN", "PRI", "gen", "Primary", "runoff"]),
            st.sampled_from(["DEMOCRAT", "REPUBLICAN", "GREEN"]),
            st.sampled_from(["A", "B", "C"]),
            st.integers(0, 500),
        ),
        min_size=1,
        max_size=30,
    ),
    st.booleans(),
)
def test_each_primary_and_general_race_sums_its_own_rows(tmp_path_factory, rows, named_primary):
    """Whatever the mix of stages and parties, and whatever the file's name, votes per race are
    the rows' sum, the party a key exactly where the stage is a primary."""
    seen = set()
    lines = ["state,office,district,stage,candidate,party_detailed,candidatevotes"]
    kept = []
    for district, stage, party, first, votes in rows:
        name = f"{first}{party[0]}{int(district)}"
        key = (int(district), stage.lower()[:3], party if stage.lower()[:3] == "pri" else "", name)
        if key in seen:  # one row per option of a race: a repeat is another test's subject
            continue
        seen.add(key)
        kept.append((*key, votes))
        lines.append(f"AA,US HOUSE,{district},{stage},{name},{party},{votes}")
    frame = pd.DataFrame(kept, columns=["district", "stage", "party", "candidate", "votes"])
    expected = sums(frame, ["district", "stage", "party"])
    file = "aa_primary.csv" if named_primary else "aa_house.csv"
    path = write(tmp_path_factory.mktemp("stages"), "\n".join(lines) + "\n", file)
    for engine in ("exact", "stream"):
        os.environ[engines.ENGINE_ENV] = engine
        try:
            elections, problems = load_file(path, ReadOptions())
        finally:
            del os.environ[engines.ENGINE_ENV]
        assert not [p for p in problems if p.severity == "error"]
        got = {}
        for election in elections:
            keys = election.race.keys if election.race else {}
            if not keys:  # a file of one race
                (only,) = expected
                keys = {"district": str(only[0]), "stage": only[1], "party_detailed": only[2]}
            stage = keys["stage"].lower()[:3]
            party = keys.get("party_detailed", "")
            got[int(keys["district"]), stage, party] = {
                o.candidate: o.votes for o in election.options
            }
        assert got == expected


# --- M5: Yes/No are no evidence that a district is geography --------------------------------------

MEASURE_NAMES = {
    ("Governor", ""): "Governor",
    ("School Bond", "4"): "School Bond · 4",
    ("Library Levy", "4"): "Library Levy · 4",
    ("School Bond", "7"): "School Bond · 7",
    ("Library Levy", "7"): "Library Levy · 7",
}


def test_ballot_measures_in_different_districts_are_different_races():
    frame = pd.read_csv(MEASURES, dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    measures = frame[frame["office"] != "County Commission"]
    expected = {MEASURE_NAMES[k]: v for k, v in sums(measures, ["office", "district"]).items()}
    # The commission's two candidates stand in both its districts: one race reported by district.
    commission = frame[frame["office"] == "County Commission"]
    expected["County Commission"] = sums(commission, ["office"])[("County Commission",)]
    got = by_race(load(MEASURES))
    assert got == expected
    assert got["School Bond · 4"] == {"Yes": 105, "No": 140}  # it fails where it was voted on
    assert list(got) == [*MEASURE_NAMES.values(), "County Commission"]


@pytest.mark.parametrize(
    ("yes", "no"),
    [
        ("For", "Against"),
        ("Oui", "Non"),
        ("Ja", "Nein"),
        ("За", "Против"),
        ("Approve", "Reject"),
        ("Bonds Yes", "Bonds No"),
        ("YES", "NO"),
    ],
)
def test_answers_in_any_language_are_no_evidence_of_geography(tmp_path, yes, no):
    text = (
        "county,office,district,candidate,votes\n"
        f"A,Measure,1,{yes},10\nA,Measure,1,{no},30\nB,Measure,2,{yes},50\nB,Measure,2,{no},5\n"
        "A,Mayor,,X,3\nB,Mayor,,Y,4\n"
    )
    assert by_race(load(write(tmp_path, text))) == {
        "Measure · 1": {no: 30, yes: 10},
        "Measure · 2": {yes: 50, no: 5},
        "Mayor": {"Y": 4, "X": 3},
    }


def test_one_measure_reported_by_district_alone_is_still_one_race(tmp_path):
    """A referendum by district with no other race key: the district is where it was counted."""
    text = "district,candidate,votes\nNorth,Yes,5\nNorth,No,3\nSouth,Yes,1\nSouth,No,4\n"
    (election,) = load(write(tmp_path, text))
    assert {o.candidate: o.votes for o in election.options} == {"Yes": 6, "No": 7}
    assert [r.name for r in election.regions] == ["North", "South"]


def test_every_answer_word_is_documented():
    docs = (ROOT / "docs" / "csv-format.md").read_text(encoding="utf-8").casefold()
    section = docs.split("**geography or race?**", 1)[1].split("`--race-by col", 1)[0]
    for word in ANSWER_WORDS:
        assert re.search(rf"[\s,:]{re.escape(word)}[,.]", section), word


def test_both_engines_read_measures_alike(monkeypatch):
    exact, streamed, _ = both(monkeypatch, MEASURES)
    assert exact == streamed and len(exact[0]) == 6


# --- S4: --race given a race's whole name ---------------------------------------------------------


def districts(tmp_path: Path) -> Path:
    lines = ["county,precinct,office,district,party,candidate,votes", "A,P1,Governor,,DEM,Gov A,9"]
    lines.append("A,P1,Governor,,REP,Gov B,8")
    for d in range(1, 13):
        lines += [f"A,P1,U.S. House,{d},DEM,D{d},{d}", f"A,P1,U.S. House,{d},REP,R{d},{d + 1}"]
    return write(tmp_path, "\n".join(lines) + "\n", "house.csv")


def races_of(*args: str) -> list[str]:
    result = invoke("summary", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return [e["election"] for e in json.loads(result.stdout)["elections"]]


def test_race_given_a_whole_name_keeps_that_race_only(tmp_path):
    path = str(districts(tmp_path))
    assert races_of(path, "--race", "U.S. House · 1") == ["U.S. House · 1"]
    assert races_of(path, "--race", "u.s.  HOUSE ·1 ") == ["U.S. House · 1"]
    # Part of a name: every race whose name holds it.
    assert races_of(path, "--race", "House · 1") == [
        "U.S. House · 1",
        "U.S. House · 10",
        "U.S. House · 11",
        "U.S. House · 12",
    ]
    # Each --race on its own: a whole name for one, part of a name for the other.
    assert races_of(path, "--race", "U.S. House · 2", "--race", "gov") == [
        "Governor",
        "U.S. House · 2",
    ]


def test_race_given_whole_parts_of_names_keeps_those_races_only(tmp_path):
    # "Class II" is not part of "Class III", nor "U.S. House · 1" of "… · U.S. House · 10"
    # (trial 3: --race-of 2="Class II" kept both Senate races of the 538 file).
    rows = "state,office,district,candidate,votes\n"
    for state in ("Ohio", "Utah"):
        for district in ("1", "10", "Class II", "Class III"):
            for name, votes in (("Ann", 10), ("Bob", 5)):
                rows += f"{state},U.S. House,{district},{name} {state} {district},{votes}\n"
    path = str(write(tmp_path, rows))
    assert races_of(path, "--race", "class ii") == [
        "Ohio · U.S. House · Class II",
        "Utah · U.S. House · Class II",
    ]
    assert races_of(path, "--race", "U.S. House · 1") == [
        "Ohio · U.S. House · 1",
        "Utah · U.S. House · 1",
    ]
    # No race has the text as whole parts: every race whose name holds it, as before.
    assert races_of(path, "--race", "Class I") == [
        "Ohio · U.S. House · Class II",
        "Ohio · U.S. House · Class III",
        "Utah · U.S. House · Class II",
        "Utah · U.S. House · Class III",
    ]


def test_race_help_says_a_whole_name_keeps_one_race():
    result = invoke("summary", "--help")
    assert "whole name" in re.sub(r"[│\s]+", " ", result.stdout)


def test_the_race_book_gives_a_remembered_race_only_while_it_is_the_book_s():
    """`RaceBook.add` remembers the race of each row's key values; a stage that makes the book's
    races anew (a primary's totals, rounds) leaves it a race the book no longer has: the values
    are then keyed again, as without the memo."""
    from pollcli.read.racekeys import KeyColumn, RaceBook

    book = RaceBook([KeyColumn("office", "office", 0, "office")])
    first = book.add({"office": "Mayor"})
    assert book.add({"office": "Mayor"}) is first
    assert book.add({"office": " mayor "}) is first  # written otherwise: one race
    book.races = {}
    again = book.add({"office": "Mayor"})
    assert again is not first and book.races == {again.identity: again}
