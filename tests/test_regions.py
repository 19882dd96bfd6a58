"""`summary --by region`: per-region figures computed in the library, shown only when asked for."""

import json

from conftest import invoke, write
from pollcli.cli.output import render_to_text
from pollcli.read import load
from pollcli.render.table import render_summary
from pollcli.summary import summarize

REGIONAL = """# election: Test 2024
region,candidate,party,votes,registered,ballots_cast
North,Ana,Blue,600,1500,1000
North,Ben,Red,300,1500,1000
North,Against all,,100,1500,1000
South,Ana,Blue,200,1000,800
South,Ben,Red,500,1000,800
South,Against all,,100,1000,800
"""


def test_regions_sum_to_national_and_each_has_its_leader(tmp_path):
    summary = summarize(load(write(tmp_path, REGIONAL)), by_region=True)
    election = summary.elections[0]
    assert [(r.candidate, r.votes) for r in election.results] == [
        ("Ana", 800),
        ("Ben", 800),
        ("Against all", 200),
    ]
    north, south = election.regions or []
    assert north.region == "North" and north.leader and north.leader.candidate == "Ana"
    assert north.margin and north.margin.pp == 30.0 and north.margin.votes == 300
    assert south.leader and south.leader.candidate == "Ben"
    assert south.turnout.pct == 80.0
    assert north.turnout.registered == 1500
    assert abs(sum(r.share or 0 for r in south.results) - 100) < 1e-9
    assert election.turnout.registered == 2500 and election.turnout.ballots_cast == 1800


def test_regions_key_only_with_by_region(tmp_path):
    path = write(tmp_path, REGIONAL)
    plain = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    assert "regions" not in plain["elections"][0]
    result = invoke("summary", str(path), "--format", "json", "--by", "region")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    expected = summarize(load(path), by_region=True).to_dict()
    assert data == expected
    assert [r["region"] for r in data["elections"][0]["regions"]] == ["North", "South"]


def test_tie_in_a_region_names_no_leader(tmp_path):
    path = write(tmp_path, "region,candidate,votes\nEast,Ana,10\nEast,Ben,10\nWest,Ana,5\n")
    east = (summarize(load(path), by_region=True).elections[0].regions or [])[0]
    assert east.leader is None and east.tied_for_first == ["Ana", "Ben"]


def test_by_region_without_region_column_warns(kz2022):
    result = invoke("summary", str(kz2022), "--format", "json", "--by", "region")
    assert result.code == 0
    assert json.loads(result.stdout)["elections"][0]["regions"] == []
    assert "needs a region column" in result.stderr


def test_by_other_is_a_usage_error(kz2022):
    assert invoke("summary", str(kz2022), "--by", "party").code == 2


def test_region_with_precinct_column_sums_precincts(tmp_path):
    text = "region,precinct,candidate,votes\nN,P1,Ana,3\nN,P1,Ben,1\nN,P2,Ana,2\nS,P3,Ben,4\n"
    election = load(write(tmp_path, text))[0]
    assert [(o.candidate, o.votes) for o in election.options] == [("Ana", 5), ("Ben", 5)]
    assert [r.name for r in election.regions] == ["N", "S"]


def test_regions_table_at_narrow_and_wide_widths(tmp_path):
    summary = summarize(load(write(tmp_path, REGIONAL)), by_region=True)
    wide = render_to_text(render_summary(summary, 100), 100)
    narrow = render_to_text(render_summary(summary, 60), 60)
    assert "By region" in wide and "Runner-up " in wide and "80.00 %" in wide
    assert "By region" in narrow and "Runner-up " not in narrow and "80.00 %" in narrow
    assert all(len(line) <= 60 for line in narrow.splitlines())


def test_markdown_shows_regions(tmp_path):
    result = invoke("summary", str(write(tmp_path, REGIONAL)), "--by", "region", "-f", "markdown")
    assert "**By region**" in result.stdout and "| North | Ana |" in result.stdout


def test_precinct_counts_are_summed_into_their_region(tmp_path):
    from conftest import invoke, write

    path = write(
        tmp_path,
        "region,precinct,candidate,votes,registered,ballots_cast\n"
        "North,P1,Alice,60,200,110\nNorth,P1,Bob,40,200,110\n"
        "North,P2,Alice,30,100,80\nNorth,P2,Bob,50,100,80\n"
        "South,P3,Alice,10,50,40\nSouth,P3,Bob,20,50,40\n",
    )
    data = json.loads(invoke("summary", str(path), "--by", "region", "--format", "json").stdout)
    election = data["elections"][0]
    assert election["turnout"]["registered"] == 350 and election["turnout"]["ballots_cast"] == 230
    north = next(r for r in election["regions"] if r["region"] == "North")
    assert (north["turnout"]["registered"], north["turnout"]["ballots_cast"]) == (300, 190)
    bad = write(
        tmp_path,
        "region,precinct,candidate,votes,registered\nN,P1,A,6,200\nN,P1,B,4,201\n",
        "b.csv",
    )
    assert "precinct 'P1' of region 'N' has one registered" in invoke("summary", str(bad)).stderr


def test_runner_up_shown_whenever_the_table_fits_unfolded(tmp_path):
    """The runner-up column goes only when the table would not fit; the REGIONAL table needs 68."""
    summary = summarize(load(write(tmp_path, REGIONAL)), by_region=True)
    fits = render_to_text(render_summary(summary, 68), 68)
    too_narrow = render_to_text(render_summary(summary, 67), 67)
    assert "Runner-up " in fits and "Runner-up " not in too_narrow
    assert all(len(line) <= 67 for line in too_narrow.splitlines())


def test_findings_count_the_regions_each_candidate_leads(tmp_path):
    summary = summarize(load(write(tmp_path, REGIONAL)), by_region=True)
    assert "By region: Ana leads in 1 of 2 regions; Ben in 1." in summary.elections[0].notes
    assert not any(
        "By region" in n for n in summarize(load(write(tmp_path, REGIONAL))).elections[0].notes
    )


def test_a_tied_region_shows_the_tied_share_and_is_counted(tmp_path):
    path = write(tmp_path, "region,candidate,votes\nEast,Ana,10\nEast,Ben,10\nWest,Ana,5\n")
    summary = summarize(load(path), by_region=True)
    assert "By region: Ana leads in 1 of 2 regions; candidates tie for first in 1." in (
        summary.elections[0].notes
    )
    table = render_to_text(render_summary(summary, 100), 100)
    east = next(line for line in table.splitlines() if line.startswith(" East"))
    assert east.split()[1:5] == ["tie:", "Ana,", "Ben", "50.00"]


def test_every_region_is_accounted_for_in_the_findings(tmp_path):
    """A region with no candidate listed (only "Against all") is counted, and shown as —; one
    whose candidates have 0 votes each is no tie, but a region of no votes."""
    text = "region,candidate,votes\nN,Ana,0\nN,Ben,0\nS,Ana,5\nS,Ben,3\nW,Against all,5\n"
    summary = summarize(load(write(tmp_path, text)), by_region=True)
    assert (
        "By region: Ana leads in 1 of 3 regions; no votes at all in 1; "
        "no candidate is listed in 1." in summary.elections[0].notes
    )
    table = render_to_text(render_summary(summary, 100), 100)
    west = next(line for line in table.splitlines() if line.startswith(" W "))
    assert west.split()[:2] == ["W", "—"]


def test_a_precinct_count_that_is_no_count_beside_a_missing_one_is_an_error_not_a_crash(tmp_path):
    # One precinct gives no `registered`, the other one that is no count: an error at its line.
    path = write(tmp_path, "region,precinct,candidate,votes,registered\nR,P0,A,1,\nR,P1,A,2,x\n")
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 1, result.stderr
    (problem,) = json.loads(result.stdout)["files"][0]["problems"]
    assert (problem["line"], problem["column"]) == (3, "registered")
