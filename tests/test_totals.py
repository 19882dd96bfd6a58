"""Total and subtotal rows are set aside, never added to their parts, and checked against them.

Every figure below is the sum of the rows the test itself knows to be parts (written by hand, or
generated apart from the totals), never what the loader decides a total is.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.errors import DataError
from pollcli.read import ReadOptions, engines, load_file
from pollcli.read.total_words import is_total_name, named_like


def votes_of(elections, election=0):
    return {o.candidate: o.votes for o in elections[election].options}


def codes(problems):
    return Counter(p.code for p in problems)


# --- words ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    ["Total", "TOTALS", "totals ", "Total Votes", "Gesamt", "Insgesamt", "Итого", "ВСЕГО:", "Барлығы",
     "Total général", "Grand Total", "Razem"],
)  # fmt: skip
def test_total_words_are_whole_cells_in_many_languages(cell):
    assert is_total_name(cell)
    assert is_total_name(cell, place=True)


@pytest.mark.parametrize(
    "cell", ["Магнитогорск", "Бокситогорская", "Totalitarian Party", "Subtotal Farms", "Gesamtschule",
             "Итоговый", "Write-in Totals", "Ensemble"],
)  # fmt: skip
def test_names_that_merely_contain_a_total_word_are_not_totals(cell):
    assert not is_total_name(cell)


@pytest.mark.parametrize("cell", ["Fulton County Total", "Totals for Mason", "Итого по району"])
def test_a_place_may_be_named_as_a_total_an_option_may_not(cell):
    assert is_total_name(cell, place=True)
    assert not is_total_name(cell)


@pytest.mark.parametrize(
    ("unit", "region", "like"),
    [
        ("BELKNAP", "Belknap", True),
        ("HILLSBOROUGH NH", "Hillsborough", True),
        ("COOS NH'", "Coos", True),
        ("Fulton County", "Fulton", True),
        ("Grafton", "Grafton", True),  # a town named like its county: the sums decide
        ("Hillsborough Ward 1", "Hillsborough", False),
        ("Berlin", "Coos", False),
    ],
)
def test_units_named_like_their_region(unit, region, like):
    assert named_like(unit, region) is like


# --- each class of total ----------------------------------------------------------------------------

# Vaterstetten's layout: a `Gesamt` row per party before the districts (here precinct = region).
GESAMT = """precinct,party,votes
Gesamt,CSU,300
Gesamt,Grüne,130
Stimmbezirk 1,CSU,185
Stimmbezirk 1,Grüne,63
Stimmbezirk 2,CSU,115
Stimmbezirk 2,Grüne,67
"""

# Georgia's layout: a county row with a blank precinct beside the precinct rows; CR line ends.
BLANK_PRECINCT = (
    "county,precinct,party,candidate,votes\r"
    "Fulton,,D,PARK CANNON,50\r"
    "Fulton,01D,D,PARK CANNON,20\r"
    "Fulton,02C,D,PARK CANNON,30\r"
    "Fulton,,D,RALPH LONG III,21\r"
    "Fulton,01D,D,RALPH LONG III,9\r"
    "Fulton,02C,D,RALPH LONG III,12\r"
)

# New Hampshire's: county rows named like the county, a town named like its county, TOTALS.
NAMED_LIKE_COUNTY = """county,precinct,candidate,votes
Belknap,Alton,Biden,10
Belknap,Barnstead,Biden,5
Belknap,BELKNAP,Biden,15
Belknap,Alton,Trump,7
Belknap,Barnstead,Trump,8
Belknap,BELKNAP,Trump,15
Grafton,Grafton,Biden,3
Grafton,Hanover,Biden,60
Grafton,GRAFTON NH,Biden,63
Grafton,Grafton,Trump,4
Grafton,Hanover,Trump,9
Grafton,GRAFTON NH,Trump,13
Sullivan,Unity,Biden,6
Sullivan,Unity,Trump,9
Sullivan,Claremont,Biden,30
Sullivan,Claremont,Trump,20
Sullivan,TOTALS,Biden,36
Sullivan,TOTALS,Trump,29
"""

# West Virginia's: statewide rows with a blank county among the counties.
BLANK_COUNTY = """county,candidate,votes
,BIDEN,300
Kanawha,BIDEN,200
Wood,BIDEN,100
,SANDERS,40
Kanawha,SANDERS,25
Wood,SANDERS,15
"""

# A `Total` line per precinct among the candidates (over/under votes excluded from it). (`Total
# Votes` and `Ballots Cast` lines are counts of their precinct, facts: tests/test_kinds.py.)
TOTAL_OPTION = """precinct,candidate,votes
P1,Ann,10
P1,Bob,5
P1,Under Votes,2
P1,Total,15
P2,Ann,4
P2,Bob,6
P2,Under Votes,1
P2,Итого,10
"""

# Totals beside precincts whose lines the streaming engine (which sums precincts) would not name.
REGION_TOTAL_WITH_UNITS = "county,precinct,candidate,votes\nX,P1,A,10\nX,P2,A,20\nTotal,All,A,30\n"
OPTION_TOTAL_WITH_UNITS = (
    "county,precinct,candidate,votes\n"
    "X,P1,A,10\nX,P1,B,5\nX,P1,Total,15\nX,P2,A,1\nX,P2,B,2\nX,P2,Total,3\n"
)

# New Hampshire's statewide row: a county of its own whose only precinct is named as a total.
STATE_TOTALS_ROW = (
    "county,precinct,candidate,votes\n"
    "Belknap,Alton,A,10\nBelknap,Alton,B,4\nCarroll,Bartlett,A,5\nCarroll,Bartlett,B,6\n"
    "NEW HAMPSHIRE,NEW HAMPSHIRE TOTALS,A,15\nNEW HAMPSHIRE,NEW HAMPSHIRE TOTALS,B,10\n"
)

CASES = {
    "gesamt": (GESAMT, {"CSU": 300, "Grüne": 130}),
    "blank_precinct": (BLANK_PRECINCT, {"PARK CANNON": 50, "RALPH LONG III": 21}),
    "named_like_county": (NAMED_LIKE_COUNTY, {"Biden": 114, "Trump": 57}),
    "blank_county": (BLANK_COUNTY, {"BIDEN": 300, "SANDERS": 40}),
    "total_option": (TOTAL_OPTION, {"Ann": 14, "Bob": 11, "Under Votes": 3}),
    "region_total_with_units": (REGION_TOTAL_WITH_UNITS, {"A": 30}),
    "option_total_with_units": (OPTION_TOTAL_WITH_UNITS, {"A": 11, "B": 7}),
    "state_totals_row": (STATE_TOTALS_ROW, {"A": 15, "B": 10}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_total_rows_are_set_aside_and_named_in_a_warning(tmp_path, case):
    text, expected = CASES[case]
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert votes_of(elections) == expected
    assert codes(problems) == {"total-row": codes(problems)["total-row"]}
    assert codes(problems)["total-row"] >= 1
    assert all(p.severity == "warning" for p in problems)


def test_the_warning_names_the_lines_and_the_column(tmp_path):
    _, problems = load_file(write(tmp_path, GESAMT), ReadOptions())
    (problem,) = problems
    assert (problem.code, problem.line, problem.column) == ("total-row", 2, "precinct")
    assert "'Gesamt'" in problem.message and "lines 2–3" in problem.message
    assert "equal the sum of their parts" in problem.message


def test_a_town_named_like_its_county_stays_a_unit(tmp_path):
    elections, problems = load_file(write(tmp_path, NAMED_LIKE_COUNTY), ReadOptions())
    grafton = next(r for r in elections[0].regions if r.name == "Grafton")
    assert {o.candidate: o.votes for o in grafton.options} == {"Biden": 63, "Trump": 13}
    messages = " ".join(p.message for p in problems)
    assert "'GRAFTON NH'" in messages and "'Grafton' in column" not in messages


def test_a_total_that_differs_from_its_parts_is_reported_with_both_sums(tmp_path):
    # Kentucky's Mason County: its TOTALS rows do not equal its precinct rows.
    text = NAMED_LIKE_COUNTY.replace("Sullivan,TOTALS,Biden,36", "Sullivan,TOTALS,Biden,3,666")
    text = text.replace("3,666", '"3,666"')
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert votes_of(elections) == {"Biden": 114, "Trump": 57}  # the parts are counted
    (mismatch,) = [p for p in problems if p.code == "total-mismatch"]
    assert mismatch.severity == "warning" and mismatch.line == 18
    assert "Biden 3,666 in the total row, 36 in the parts" in mismatch.message


def test_a_total_option_checked_against_the_valid_options(tmp_path):
    text = TOTAL_OPTION.replace("P2,Итого,10", "P2,Итого,12")
    _, problems = load_file(write(tmp_path, text), ReadOptions())
    (mismatch,) = [p for p in problems if p.code == "total-mismatch"]
    assert (
        mismatch.line == 9 and "12 in the total row, 11 in its unit's options" in mismatch.message
    )


@pytest.mark.parametrize(
    "text",
    [
        # A county given only as its total: it is the county's figure.
        "county,precinct,candidate,votes\nA,P1,Ann,1\nA,P1,Bob,2\nB,TOTALS,Ann,5\nB,TOTALS,Bob,4\n",
        # A file of one region called Total: nothing else to be the total of.
        "region,candidate,votes\nTotal,Ann,5\nTotal,Bob,4\n",
        # Магнитогорск contains "итог", Бокситогорская "итог" too.
        "region,candidate,votes\nМагнитогорск,Ann,5\nБокситогорская,Ann,4\n",
    ],
)
def test_a_total_of_nothing_is_no_total(tmp_path, text):
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert "total-row" not in codes(problems)
    assert sum(o.votes or 0 for o in elections[0].options) == sum(
        int(line.rsplit(",", 1)[1]) for line in text.splitlines()[1:]
    )


def test_totals_are_found_per_election(tmp_path):
    text = (
        "election,region,candidate,votes\nE1,Total,A,3\nE1,North,A,3\nE2,North,A,5\nE2,South,A,6\n"
    )
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert [votes_of(elections, i) for i in (0, 1)] == [{"A": 3}, {"A": 11}]
    assert [p.code for p in elections[0].warnings] == ["total-row"]
    assert elections[1].warnings == []
    assert "election 'E1'" in problems[0].message


def test_facts_of_a_total_row_are_not_added_either(tmp_path):
    text = (
        "region,candidate,votes,registered\n"
        "Total,A,9,300\nNorth,A,4,100\nSouth,A,5,200\n"
    )  # fmt: skip
    elections, _ = load_file(write(tmp_path, text), ReadOptions())
    assert elections[0].facts.registered == 300


# --- both engines -------------------------------------------------------------------------------


def _many(text: str, copies: int) -> str:
    """The rows of a case repeated under different precinct and region names, so that the file
    spans many of the streaming engine's (shrunk) blocks."""
    header, *rows = text.replace("\r", "\n").strip("\n").split("\n")
    out = [header]
    for copy in range(copies):
        out += [row.replace("Fulton", f"Fulton{copy}").replace("Stimmbezirk", f"SB{copy}")
                for row in rows]  # fmt: skip
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("case", sorted(CASES))
def test_both_engines_give_the_same_answer(tmp_path, monkeypatch, case):
    from pollcli.read import stream

    monkeypatch.setattr(stream, "BLOCK_BYTES", 128)
    text = CASES[case][0]
    path = write(tmp_path, text if case != "blank_precinct" else _many(text, 20))
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]


def test_the_streaming_engine_keeps_units_that_may_be_totals_apart(tmp_path):
    from pollcli.read import stream

    options = ReadOptions()
    # Units that may be totals are kept apart for the totals stage (tests/test_totals_streaming.py).
    streamed = stream.read_stream(write(tmp_path, NAMED_LIKE_COUNTY), "f", options)
    assert streamed is not None and votes_of(streamed[0]) == {"Biden": 114, "Trump": 57}
    path = write(tmp_path, _many(BLANK_PRECINCT, 3).replace("\n", "\r\n"), "crlf.csv")
    assert stream.read_stream(path, "f", options) is not None
    # A region or an option named as a total is summed across precincts: the exact engine's.
    for name, text in (("r.csv", REGION_TOTAL_WITH_UNITS), ("o.csv", OPTION_TOTAL_WITH_UNITS)):
        assert stream.read_stream(write(tmp_path, text, name), "f", options) is None
    # Without a unit column the records are rows: the streaming engine sets them aside itself.
    streamed = stream.read_stream(write(tmp_path, BLANK_COUNTY, "wv.csv"), "f", options)
    assert streamed is not None and votes_of(streamed[0]) == {"BIDEN": 300, "SANDERS": 40}


# --- the command line -----------------------------------------------------------------------------


def test_validate_flags_total_rows_and_exits_0(tmp_path):
    path = write(tmp_path, BLANK_PRECINCT)
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (report,) = json.loads(result.stdout)["files"]
    assert report["valid"] is True
    assert [(p["code"], p["line"], p["column"]) for p in report["problems"]] == [
        ("total-row", 2, "precinct")
    ]


def test_summary_counts_the_parts_and_warns(tmp_path):
    result = invoke("summary", str(write(tmp_path, GESAMT)), "--format", "json")
    assert result.code == 0
    election = json.loads(result.stdout)["elections"][0]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"CSU": 300, "Grüne": 130}
    assert "pollcli: warning:" in result.stderr and "'Gesamt'" in result.stderr


def test_load_does_not_raise_for_total_rows(tmp_path):
    from pollcli import load

    try:
        elections = load(write(tmp_path, BLANK_COUNTY))
    except DataError as error:  # pragma: no cover - the assertion below says why
        pytest.fail(f"total rows are warnings, not errors: {error}")
    assert [w.code for w in elections[0].warnings] == ["total-row"]


# --- an invariant: adding total rows to any table changes none of its figures ----------------------

STYLES = ("blank", "TOTALS", "named", "upper", "county total")
COLUMNS = ("county", "precinct", "candidate", "votes")


@st.composite
def precinct_tables(draw):
    counties = draw(st.integers(1, 4))
    names = draw(st.lists(st.sampled_from(["Ann", "Bob", "Cy", "Dee"]), min_size=2, max_size=4,
                          unique=True))  # fmt: skip
    rows = []
    for c in range(counties):
        county = ["Alder", "Birch", "Cedar", "Dogwood"][c]
        for p in range(draw(st.integers(2, 5))):
            for name in names:
                rows.append((county, f"P{p}", name, draw(st.integers(0, 5000))))
        if draw(st.booleans()):
            # Countywide mail ballots on rows with a blank precinct: votes of their own, at most
            # half of each candidate's votes in the precincts (so never about their sum).
            for name in names:
                cast = sum(v for c_, _, n, v in rows if c_ == county and n == name)
                rows.append((county, "", name, draw(st.integers(0, cast // 2))))
    styles = draw(st.lists(st.sampled_from(STYLES), min_size=counties, max_size=counties))
    statewide = draw(st.booleans())
    # The columns in any order: the precinct column need not come last.
    order = tuple(draw(st.permutations(range(len(COLUMNS)))))
    return rows, styles, statewide, order


def _with_totals(rows, styles, statewide, off_by=0):
    """The rows with each county's total per option (of its precincts and mail ballots) in the
    given style, and a statewide total on rows with a blank county."""
    counties = list(dict.fromkeys(r[0] for r in rows))
    out = list(rows)
    for county, style in zip(counties, styles, strict=True):
        unit = {"blank": "", "TOTALS": "TOTALS", "named": county, "upper": f"{county.upper()} NH",
                "county total": f"{county} County Total"}[style]  # fmt: skip
        sums = Counter()
        for c, _, name, votes in rows:
            if c == county:
                sums[name] += votes
        for name, votes in sums.items():
            out.append((county, unit, name, votes + off_by))
    if statewide:
        sums = Counter()
        for _, _, name, votes in rows:
            sums[name] += votes
        out = [("", "", name, votes) for name, votes in sums.items()] + out
    return out


def _csv(rows, order=(0, 1, 2, 3)):
    lines = [[*COLUMNS], *([str(v) for v in row] for row in rows)]
    return "".join(",".join(cells[i] for i in order) + "\n" for cells in lines)


def _both(path):
    """The file through the exact engine and the streaming one (tiny blocks): the same answer."""
    from pollcli.read import stream

    results = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stream, "BLOCK_BYTES", 128)
        for engine in ("exact", "stream"):
            patch.setenv(engines.ENGINE_ENV, engine)
            results.append(load_file(path, ReadOptions()))
    assert results[0] == results[1]
    return results[0]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(precinct_tables())
def test_adding_total_rows_changes_no_figure(tmp_path, table):
    rows, styles, statewide, order = table
    expected = Counter()
    for _, _, name, votes in rows:
        expected[name] += votes
    bare, _ = load_file(write(tmp_path, _csv(rows, order), "bare.csv"), ReadOptions())
    elections, problems = _both(
        write(tmp_path, _csv(_with_totals(rows, styles, statewide), order), "totals.csv")
    )
    assert votes_of(elections) == dict(expected) == votes_of(bare)
    assert codes(problems)["total-row"] >= 1 and "total-mismatch" not in codes(problems)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(precinct_tables())
def test_a_total_off_by_one_is_reported_and_the_parts_still_count(tmp_path, table):
    rows, styles, _, order = table
    # A unit named like its county must hold its sum exactly: off by one, it is a town.
    styles = ["TOTALS" if s in ("named", "upper") else s for s in styles]
    expected = Counter()
    by_county = Counter()
    for county, _, name, votes in rows:
        expected[name] += votes
        by_county[county] += votes
    # Blank precincts off by one vote per option are about the sum (within 1 %) of a county of
    # at least 100 votes per option.
    assume(all(votes >= 100 * len(expected) for votes in by_county.values()))
    elections, problems = load_file(
        write(tmp_path, _csv(_with_totals(rows, styles, False, off_by=1), order)), ReadOptions()
    )
    assert votes_of(elections) == dict(expected)
    assert codes(problems)["total-mismatch"] == len(styles)
