"""Hostile input in the reading pipeline (issue 13): each test failed before its fix."""

from __future__ import annotations

import pytest

from conftest import write
from pollcli import load, summarize, validate
from pollcli.errors import DataError


@pytest.mark.parametrize("header", ["region,region", "precinct,precinct", "Region,REGION "])
def test_a_geographic_column_named_twice_is_a_duplicate_label(tmp_path, header):
    path = write(tmp_path, f"{header},candidate,votes\nN,S,Ana,5\nN,S,Ben,3\n")
    problems = validate(path).files[0].problems
    assert [p.code for p in problems] == ["duplicate-label"]


def test_turnout_of_a_region_with_registered_voters_for_some_precincts_only_is_unknown(tmp_path):
    """90 ballots over the 100 registered of one precinct is not the region's turnout."""
    text = (
        "region,precinct,candidate,votes,registered,ballots_cast\n"
        "N,P1,Ana,50,100,90\nN,P1,Ben,40,100,90\n"
        "N,P2,Ana,30,,70\nN,P2,Ben,40,,70\n"
    )
    summary = summarize(load(write(tmp_path, text)), by_region=True).elections[0]
    assert summary.regions[0].turnout.pct is None
    assert summary.turnout.pct is None and summary.turnout.ballots_cast == 160
    assert any("registered is given for 1 of 2 precincts of region 'N'" in n for n in summary.notes)


@pytest.mark.parametrize("region", [True, False])
def test_cast_share_base_without_ballots_cast_is_refused_with_or_without_regions(tmp_path, region):
    rows = "N,Ana,60\nN,Ben,40\n" if region else "Ana,60\nBen,40\n"
    header = "region,candidate,votes\n" if region else "candidate,votes\n"
    path = write(tmp_path, "# share_base: cast\n" + header + rows)
    with pytest.raises(DataError) as caught:
        load(path)
    assert [p.code for p in caught.value.problems] == ["invalid-metadata"]


@pytest.mark.parametrize("mark", ["\u200b", "\ufeff", "\u200c", "\u200d", "\u2060"])
def test_invisible_characters_do_not_make_two_options_of_one(tmp_path, mark):
    path = write(tmp_path, f"candidate,votes\nBob,5\nBob{mark},3\nAna,2\n")
    problems = validate(path).files[0].problems
    assert [p.code for p in problems] == ["duplicate-option"]


def test_invisible_characters_are_removed_from_names_with_a_note(tmp_path):
    path = write(tmp_path, "candidate,votes\nB\u200bob,5\nAna,2\n")
    summary = summarize(load(path)).elections[0]
    assert [r.candidate for r in summary.results] == ["Bob", "Ana"]
    assert any(n.startswith("Invisible characters") for n in summary.notes)


def test_a_name_of_invisible_characters_only_is_blank(tmp_path):
    path = write(tmp_path, "candidate,votes\n\u200b\u2060,5\nAna,2\n")
    problems = validate(path).files[0].problems
    assert [p.code for p in problems] == ["blank-name"]
