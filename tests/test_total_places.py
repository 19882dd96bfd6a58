"""Rows that may be totals by their place (a blank precinct or county, a precinct named like its
county) are set aside only when their figures hold the sum of what they would total; otherwise they
are counted, with a warning. Votes are never dropped on a guess.

Every expected figure is written out by hand from the rows of the fixture (the sums are in the
comments), never taken from what the loader decides a total is.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, load_file


def votes_of(elections, election=0):
    return {o.candidate: o.votes for o in elections[election].options}


def warnings(problems, code="total-row"):
    return [p for p in problems if p.code == code]


def both(monkeypatch, path, options=None):
    """The file through each engine (the streaming one with tiny blocks); both must agree."""
    return engines_agree(monkeypatch, path, read_options=options, block_bytes=96)


# Countywide mail ballots on rows with a blank precinct: 75 + 20 = 95 votes, against 1,100 in the
# named precincts of Oak. Not Oak's total: counted.
MAIL_BALLOTS = """county,precinct,candidate,votes
Oak,North,Ivy Lane,410
Oak,North,Max Ortiz,260
Oak,South,Ivy Lane,190
Oak,South,Max Ortiz,240
Oak,,Ivy Lane,75
Oak,,Max Ortiz,20
Pine,Hill,Ivy Lane,33
Pine,Hill,Max Ortiz,44
"""
# Ivy Lane 410 + 190 + 75 + 33 = 708; Max Ortiz 260 + 240 + 20 + 44 = 564.
MAIL_BALLOTS_VOTES = {"Ivy Lane": 708, "Max Ortiz": 564}


def test_blank_precinct_rows_that_are_not_the_total_are_counted(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, MAIL_BALLOTS))
    assert votes_of(elections) == MAIL_BALLOTS_VOTES
    (warning,) = warnings(problems)
    assert warning.severity == "warning" and (warning.line, warning.column) == (6, "precinct")
    assert "'(blank precinct)'" in warning.message and "lines 6–7" in warning.message
    assert "'Oak': 95 votes, its other units 1,100" in warning.message
    assert "name their 'precinct' TOTALS" in warning.message
    assert "total-mismatch" not in {p.code for p in problems}


def test_blank_precinct_rows_named_totals_are_set_aside(tmp_path):
    # What the warning says to do, done: the rows become Oak's total (with their mismatch).
    text = MAIL_BALLOTS.replace("Oak,,", "Oak,TOTALS,")
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert votes_of(elections) == {"Ivy Lane": 633, "Max Ortiz": 544}  # 708 − 75, 564 − 20
    assert [p.code for p in problems] == ["total-row", "total-mismatch"]


def test_blank_precinct_mail_ballots_beside_the_county_total_are_counted(tmp_path, monkeypatch):
    # Oak's blank rows listed twice: its mail ballots (75, 20), then its total with them
    # (410 + 190 + 75 = 675, 260 + 240 + 20 = 520). The total is set aside, the ballots counted.
    text = MAIL_BALLOTS.replace(
        "Oak,,Max Ortiz,20\n", "Oak,,Max Ortiz,20\nOak,,Ivy Lane,675\nOak,,Max Ortiz,520\n"
    )
    elections, problems = both(monkeypatch, write(tmp_path, text))
    assert votes_of(elections) == MAIL_BALLOTS_VOTES
    counted, aside = warnings(problems)
    assert "lines 6–7" in counted.message and "counted as a unit of their own" in counted.message
    assert "lines 8–9" in aside.message and "set aside" in aside.message
    assert "total-mismatch" not in {p.code for p in problems}


def test_blank_precinct_rows_listed_twice_and_no_total_ask_for_names(tmp_path):
    # Mail ballots (75, 20) and provisional ballots (4, 6), both with a blank precinct: no total,
    # one unit listing each candidate twice. Refused, and the error says how to tell them apart.
    text = MAIL_BALLOTS.replace(
        "Oak,,Max Ortiz,20\n", "Oak,,Max Ortiz,20\nOak,,Ivy Lane,4\nOak,,Max Ortiz,6\n"
    )
    result = invoke("summary", str(write(tmp_path, text)))
    assert result.code == 1
    assert "'Ivy Lane' is listed again (first on line 6)" in result.stderr
    assert "give these rows a 'precinct' (MAIL, PROVISIONAL…; TOTALS for a total)" in result.stderr


# Georgia's county rows, one of them a few write-ins off its precincts: Elm's blank rows hold 500
# and 301 (+4 write-ins) against 500 and 300 (+3) in its precincts: within 5 %, its total.
NEARLY = """county,precinct,candidate,votes
Elm,E1,Ivy Lane,200
Elm,E1,Max Ortiz,100
Elm,E1,Write-ins,1
Elm,E2,Ivy Lane,300
Elm,E2,Max Ortiz,200
Elm,E2,Write-ins,2
Elm,,Ivy Lane,500
Elm,,Max Ortiz,301
Elm,,Write-ins,4
Ash,A1,Ivy Lane,7
Ash,A1,Max Ortiz,9
Ash,A1,Write-ins,0
Ash,,Ivy Lane,7
Ash,,Max Ortiz,9
Ash,,Write-ins,0
"""


def test_a_blank_precinct_about_the_sum_is_a_total_with_its_mismatch(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, NEARLY))
    # The precincts: Ivy Lane 200 + 300 + 7, Max Ortiz 100 + 200 + 9, Write-ins 1 + 2 + 0.
    assert votes_of(elections) == {"Ivy Lane": 507, "Max Ortiz": 309, "Write-ins": 3}
    (row,) = warnings(problems)
    assert "lines 8–10, 14–16" in row.message and "set aside" in row.message
    (mismatch,) = warnings(problems, "total-mismatch")
    assert mismatch.line == 8
    assert "Max Ortiz 301 in the total row, 300 in the parts" in mismatch.message
    assert "Write-ins 4 in the total row, 3 in the parts" in mismatch.message
    assert "give their 'precinct' a name" in mismatch.message


# A town named like its county that holds about as much as the county's other towns (the county
# seat): Fairview 300 + 310 = 610 against 300 + 295 = 595 in Lake and Bay. Counted, with a warning.
COUNTY_SEAT = """county,town,candidate,votes
Fairview,Fairview,Ivy Lane,300
Fairview,Fairview,Max Ortiz,310
Fairview,Lake,Ivy Lane,180
Fairview,Lake,Max Ortiz,200
Fairview,Bay,Ivy Lane,120
Fairview,Bay,Max Ortiz,95
Elton,Elton Falls,Ivy Lane,50
Elton,Elton Falls,Max Ortiz,60
"""


def test_a_town_named_like_its_county_that_nearly_holds_its_sum_is_counted(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, COUNTY_SEAT))
    # Ivy Lane 300 + 180 + 120 + 50; Max Ortiz 310 + 200 + 95 + 60: every row.
    assert votes_of(elections) == {"Ivy Lane": 650, "Max Ortiz": 665}
    (warning,) = warnings(problems)
    assert (warning.line, warning.column) == (2, "town")
    assert "'Fairview' in column 'town' is named like its region 'Fairview'" in warning.message
    assert "'Fairview': 610 votes, its other units 595" in warning.message
    assert "name its 'town' TOTALS" in warning.message


def test_a_town_named_like_its_county_far_from_its_sum_is_counted_silently(tmp_path):
    text = COUNTY_SEAT.replace("Fairview,Fairview,Max Ortiz,310", "Fairview,Fairview,Max Ortiz,31")
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert votes_of(elections) == {"Ivy Lane": 650, "Max Ortiz": 386}  # 665 − 310 + 31
    assert problems == []


def test_a_county_row_named_like_its_county_that_holds_its_sum_is_set_aside(tmp_path):
    text = COUNTY_SEAT + "Fairview,FAIRVIEW CO,Ivy Lane,600\nFairview,FAIRVIEW CO,Max Ortiz,605\n"
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert votes_of(elections) == {"Ivy Lane": 650, "Max Ortiz": 665}  # the town still counted
    assert [p.code for p in problems] == ["total-row"]
    assert "'FAIRVIEW CO'" in problems[0].message and "'Fairview' in" not in problems[0].message


# New Hampshire's layout: per county a summary row named like it (first), a town of its name, the
# county's row among its towns (`BIRCH NH`), and a total split over two names (Maple: `TOTALS` for
# two candidates, `MAPLE NH` for the third). The towns: Birch 40 + 5 + 15, Maple 70 + 30.
NEW_HAMPSHIRE = """county,precinct,candidate,votes
Birch,Birch,Ivy Lane,60
Birch,Birch,Max Ortiz,45
Birch,Birch,Al Wu,6
Maple,Maple,Ivy Lane,100
Maple,Maple,Max Ortiz,30
Maple,Maple,Al Wu,9
Birch,Ashby,Ivy Lane,40
Birch,Ashby,Max Ortiz,30
Birch,Ashby,Al Wu,4
Birch,Birch,Ivy Lane,5
Birch,Birch,Max Ortiz,5
Birch,Birch,Al Wu,0
Birch,Cole,Ivy Lane,15
Birch,Cole,Max Ortiz,10
Birch,Cole,Al Wu,2
Birch,BIRCH NH,Ivy Lane,60
Birch,BIRCH NH,Max Ortiz,45
Birch,BIRCH NH,Al Wu,6
Maple,Dover,Ivy Lane,70
Maple,Dover,Max Ortiz,20
Maple,Dover,Al Wu,5
Maple,Eaton,Ivy Lane,30
Maple,Eaton,Max Ortiz,10
Maple,Eaton,Al Wu,4
Maple,TOTALS,Ivy Lane,100
Maple,TOTALS,Max Ortiz,30
Maple,MAPLE NH,Al Wu,9
"""


def test_new_hampshire_county_rows_are_judged_together(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, NEW_HAMPSHIRE))
    # The towns: Ivy Lane 40 + 5 + 15 + 70 + 30, Max Ortiz 30 + 5 + 10 + 20 + 10, Al Wu 4 + 0 + 2 + 5 + 4.
    assert votes_of(elections) == {"Ivy Lane": 160, "Max Ortiz": 75, "Al Wu": 15}
    aside = {line for p in warnings(problems) for line in _lines_of(p.message)}
    assert aside == {2, 3, 4, 5, 6, 7, 17, 18, 19, 26, 27, 28}
    # Maple's TOTALS leave Al Wu to MAPLE NH: said once, for TOTALS.
    (mismatch,) = warnings(problems, "total-mismatch")
    assert (
        "'TOTALS' of 'Maple'" in mismatch.message
        and "Al Wu — in the total row, 9" in mismatch.message
    )


def _lines_of(message):
    """The line numbers a `total-row` message names (`2 rows (lines 2–4, 17)`)."""
    (named,) = re.findall(r"\d+ rows? \(lines? ([^)]*)\)", message)
    out = set()
    for first, last in re.findall(r"(\d+)(?:–(\d+))?", named):
        out.update(range(int(first), int(last or first) + 1))
    return out


# West Virginia's statewide rows with a blank county, and votes from abroad on such rows instead.
ABROAD = """county,candidate,votes
Kanawha,Ivy Lane,500
Kanawha,Max Ortiz,400
Wood,Ivy Lane,100
Wood,Max Ortiz,300
,Ivy Lane,12
,Max Ortiz,3
"""


def test_blank_county_rows_that_are_not_the_total_are_counted(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, ABROAD))
    assert votes_of(elections) == {"Ivy Lane": 612, "Max Ortiz": 703}  # every row
    (warning,) = warnings(problems)
    assert (warning.line, warning.column) == (6, "county")
    assert "'(blank county)'" in warning.message and "15 votes, the other regions 1,300" in (
        warning.message
    )


def test_blank_county_rows_that_hold_the_sum_are_the_total(tmp_path, monkeypatch):
    text = ABROAD.replace("\n,Ivy Lane,12\n,Max Ortiz,3\n", "\n,Ivy Lane,600\n,Max Ortiz,700\n")
    elections, problems = both(monkeypatch, write(tmp_path, text))
    assert votes_of(elections) == {"Ivy Lane": 600, "Max Ortiz": 700}
    assert [p.code for p in problems] == ["total-row"]


# --- a `Total` option --------------------------------------------------------------------------------

# A candidate called Total (or a file whose Total row is a candidate's): 120 is not 95 + 80.
CANDIDATE_TOTAL = "candidate,votes\nIvy Lane,95\nTotal,120\nMax Ortiz,80\n"


def test_a_total_option_that_disagrees_suggests_kind(tmp_path):
    _, problems = load_file(write(tmp_path, CANDIDATE_TOTAL), ReadOptions())
    (mismatch,) = warnings(problems, "total-mismatch")
    assert "120 in the total row, 175 in its unit's options" in mismatch.message
    assert "--kind Total=candidate" in mismatch.message


def test_kind_candidate_keeps_an_option_named_total(tmp_path, monkeypatch):
    path = write(tmp_path, CANDIDATE_TOTAL)
    elections, problems = both(monkeypatch, path, ReadOptions(kinds={"Total": "candidate"}))
    assert votes_of(elections) == {"Ivy Lane": 95, "Total": 120, "Max Ortiz": 80}
    assert problems == []
    result = invoke("summary", str(path), "--kind", "Total=candidate", "--format", "json")
    assert result.code == 0
    (election,) = json.loads(result.stdout)["elections"]
    assert election["results"][0]["candidate"] == "Total"


def test_kind_candidate_keeps_precinct_total_options(tmp_path, monkeypatch):
    # In a file of precincts the streaming engine hands the file over; both engines keep it.
    text = "precinct,candidate,votes\nP1,Ivy Lane,3\nP1,Total,4\nP2,Ivy Lane,5\nP2,Total,6\n"
    path = write(tmp_path, text)
    elections, problems = both(monkeypatch, path, ReadOptions(kinds={"total": "candidate"}))
    assert votes_of(elections) == {"Ivy Lane": 8, "Total": 10}
    assert problems == []


# A wide table with a Total column and a Total row: the Total row's Total is the total of that
# row's options (60 + 40 + 1 = 101), not of "the parts".
WIDE = """county,Ivy Lane,Max Ortiz,Write-ins,Total
North,40,30,1,71
South,20,10,0,30
Total,60,40,1,101
"""


def test_a_total_column_on_a_total_row_is_checked_against_its_row(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, WIDE))
    assert votes_of(elections) == {"Ivy Lane": 60, "Max Ortiz": 40, "Write-ins": 1}
    assert {p.code for p in problems} == {"total-row"}
    text = WIDE.replace("Total,60,40,1,101", "Total,60,40,1,109")
    _, problems = load_file(write(tmp_path, text, "off.csv"), ReadOptions())
    (mismatch,) = warnings(problems, "total-mismatch")
    assert "in the parts" not in mismatch.message
    assert "Total (a total of the row's other options) 109 in the total row, 101 in its other" in (
        mismatch.message
    )


# --- the command line -------------------------------------------------------------------------------


def test_validate_lists_counted_blank_rows_as_a_warning(tmp_path):
    result = invoke("validate", str(write(tmp_path, MAIL_BALLOTS)), "--format", "json")
    assert result.code == 0
    (report,) = json.loads(result.stdout)["files"]
    assert report["valid"] is True
    assert [(p["code"], p["line"], p["severity"]) for p in report["problems"]] == [
        ("total-row", 6, "warning")
    ]


def test_summary_counts_the_mail_ballots(tmp_path):
    result = invoke("summary", str(write(tmp_path, MAIL_BALLOTS)), "--format", "json")
    assert result.code == 0
    election = json.loads(result.stdout)["elections"][0]
    got = Counter({r["candidate"]: r["votes"] for r in election["results"]})
    assert got == Counter(MAIL_BALLOTS_VOTES)
    assert "'(blank precinct)'" in result.stderr


def test_many_rows_named_like_their_county_are_judged_each_alone(tmp_path):
    # Twenty listings of the county's row (every set of them would be a million to try): each
    # holds the sum of the towns (12 + 30), so each is a total.
    text = "county,town,candidate,votes\nOak,Ash,Ivy Lane,12\nOak,Elm,Ivy Lane,30\n"
    text += "Oak,OAK CO,Ivy Lane,42\n" * 20
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert votes_of(elections) == {"Ivy Lane": 42}
    assert [p.code for p in problems] == ["total-row"]


def test_thousands_of_counties_given_only_as_totals_are_counted_quickly(tmp_path, monkeypatch):
    # Each county given only by its `TOTALS` row: its figure, not a state's total (alone in its
    # region, it would total the others). 2,000 such rows once took minutes (every row summed the
    # others anew); now a second or so. Counted in sums made, not seconds (speed is measured in
    # bench/, not asserted here): a few per county, not one per pair of counties.
    from pollcli.read import total_places

    made = []
    add_sums = total_places.add_sums
    monkeypatch.setattr(total_places, "add_sums", lambda *args: made.append(1) or add_sums(*args))
    text = "county,precinct,candidate,votes\n" + "".join(
        f"C{c},TOTALS,Ivy Lane,{c % 7}\nC{c},TOTALS,Max Ortiz,{c % 5}\n" for c in range(2000)
    )
    elections, problems = load_file(write(tmp_path, text), ReadOptions())
    assert len(made) < 20 * 2000
    # sum(c % 7) and sum(c % 5) over 0..1999: 285 whole cycles of 0..6 (21 each) + 0..4 (10);
    # 400 whole cycles of 0..4 (10 each).
    assert votes_of(elections) == {"Ivy Lane": 285 * 21 + 10, "Max Ortiz": 400 * 10}
    assert problems == []


# New Hampshire's Governor race of 2020 gives Merrimack County's total twice among its towns: as
# `Merrimack` and misspelt as `MARRIMACK NH` (each 56,266 for Sununu, the towns' sum). Here: Elm's
# total as `Elmwood` and as `ELMWOOT NH`, one letter off, each the sum of Ashby and Cole.
MISSPELT_TOTAL = """county,precinct,candidate,votes
Elmwood,Ashby,Ivy Lane,40
Elmwood,Ashby,Max Ortiz,30
Elmwood,Cole,Ivy Lane,15
Elmwood,Cole,Max Ortiz,10
Elmwood,Elmwood,Ivy Lane,55
Elmwood,Elmwood,Max Ortiz,40
Elmwood,ELMWOOT NH,Ivy Lane,55
Elmwood,ELMWOOT NH,Max Ortiz,40
Pine,Hill,Ivy Lane,33
Pine,Hill,Max Ortiz,44
"""


def test_a_county_total_misspelt_by_one_letter_with_its_suffix_is_set_aside(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, MISSPELT_TOTAL))
    # The towns: Ivy Lane 40 + 15 + 33 = 88, Max Ortiz 30 + 10 + 44 = 84 (was 198 and 164: the
    # misspelt row counted as a town, and `Elmwood` then no longer its county's sum).
    assert votes_of(elections) == {"Ivy Lane": 88, "Max Ortiz": 84}
    aside = {line for p in warnings(problems) for line in _lines_of(p.message)}
    assert aside == {6, 7, 8, 9}


def test_a_town_one_letter_off_its_county_without_a_suffix_is_a_town(tmp_path, monkeypatch):
    # `Elmwoot` (no suffix) holds the towns' sum by chance: a town, as no total is so named.
    text = MISSPELT_TOTAL.replace("ELMWOOT NH", "Elmwoot").replace(
        "Elmwood,Elmwood,", "Elmwood,Dale,"
    )
    elections, _ = both(monkeypatch, write(tmp_path, text))
    # Every row counted: Ivy Lane 40 + 15 + 55 + 55 + 33, Max Ortiz 30 + 10 + 40 + 40 + 44.
    assert votes_of(elections) == {"Ivy Lane": 198, "Max Ortiz": 164}


# Indiana's Howard County 2016 (OpenElections): the blank-precinct rows are the district's total,
# 150 + 70 = 220 votes, exactly the named precincts' 100 + 50 + 40 + 30 = 220, but one precinct's
# Democrat is listed under another district's candidate (Jon Dale): option by option they differ
# by 60 of 220. Counted as a unit of its own, every vote was counted twice (Ann Brooks 300).
RELABELLED = """county,precinct,office,district,candidate,party,votes
Howard,P1,U.S. House,5,Ann Brooks,REP,100
Howard,P2,U.S. House,5,Ann Brooks,REP,50
Howard,P1,U.S. House,5,Amy Lowe,DEM,40
Howard,P2,U.S. House,5,Jon Dale,DEM,30
Howard,,U.S. House,5,Ann Brooks,REP,150
Howard,,U.S. House,5,Amy Lowe,DEM,70
"""


def test_a_blank_precinct_of_the_same_votes_in_all_is_a_total_with_its_mismatch(
    tmp_path, monkeypatch
):
    elections, problems = both(monkeypatch, write(tmp_path, RELABELLED))
    # pandas: the named precincts' rows summed by candidate (the blank-precinct rows left out).
    import io

    import pandas as pd

    frame = pd.read_csv(io.StringIO(RELABELLED), keep_default_na=False)
    named = frame[frame["precinct"] != ""].groupby("candidate")["votes"].sum()
    assert votes_of(elections) == {name: int(v) for name, v in named.items()}
    assert votes_of(elections) == {"Ann Brooks": 150, "Amy Lowe": 40, "Jon Dale": 30}
    (row,) = warnings(problems)
    assert "lines 6–7" in row.message and "set aside" in row.message
    (mismatch,) = warnings(problems, "total-mismatch")
    assert "Amy Lowe 70 in the total row, 40 in the parts" in mismatch.message
    assert "Jon Dale — in the total row, 30 in the parts" in mismatch.message


# Absentee votes on blank-precinct rows that happen to add up to the precincts' few votes: too few
# to tell a total by its sum alone, counted as before (8 + 2 = 10 against 5 + 5 = 10).
FEW_ALIKE = """county,precinct,candidate,votes
Oak,North,Ivy Lane,5
Oak,South,Max Ortiz,5
Oak,,Ivy Lane,8
Oak,,Max Ortiz,2
"""


def test_a_blank_precinct_of_few_votes_equal_in_all_is_counted(tmp_path, monkeypatch):
    elections, problems = both(monkeypatch, write(tmp_path, FEW_ALIKE))
    assert votes_of(elections) == {"Ivy Lane": 13, "Max Ortiz": 7}
    (row,) = warnings(problems)
    assert "counted as a unit of their own" in row.message
