"""compare warns when its elections are counted over different places (their regions differ).

OpenElections' 2020 Pennsylvania county file holds 13 of the 67 counties: compared with 2016's file
of all 67, Trump's share "rose" 10.82 points — the change of the places counted, not the voters'.
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.coverage import place_gaps
from pollcli.election import Election, Facts, Option, Region

HEADER = "county,office,district,party,candidate,votes\n"


def _file(tmp_path, name, counties):
    rows = "".join(
        f"{county},President,,{party},{who},{votes}\n"
        for county, (rep, dem) in counties.items()
        for party, who, votes in (("REP", "Donald J. Trump", rep), ("DEM", "Democrat", dem))
    )
    return str(write(tmp_path, HEADER + rows, name))


ALL = {"Adams": (300, 100), "Allegheny": (100, 300), "Beaver": (200, 200), "Centre": (150, 250)}


def test_a_file_of_fewer_places_is_warned_and_its_figures_stay_its_own(tmp_path):
    old = _file(tmp_path, "20161108__pa__general__county.csv", ALL)
    new = _file(tmp_path, "20201103__pa__general__county.csv", {"Adams": (310, 90)})
    result = invoke("compare", old, new, "--format", "json")
    assert result.code == 0
    said = " ".join(result.stderr.split())
    assert (
        "“2016” and “2020” are counted over different places: of “2016”'s 4 regions, 3 are not "
        "in “2020” (Allegheny, Beaver, Centre)" in said
    )
    assert "check that each file is complete" in said
    # The figures are each file's, warned, not changed: 750/1600 and 310/400, by hand.
    shares = {row["candidate"]: row["shares"] for row in json.loads(result.stdout)["rows"]}
    assert shares["Donald J. Trump"] == [46.875, 77.5]


def test_places_missing_on_both_sides_are_named_both_ways_and_spelling_is_no_difference(tmp_path):
    old = _file(tmp_path, "20161108__pa__general__county.csv", {"Adams": (1, 2), "Beaver": (3, 4)})
    new = _file(tmp_path, "20201103__pa__general__county.csv", {"ADAMS ": (1, 2), "Centre": (3, 4)})
    said = " ".join(invoke("compare", old, new).stderr.split())
    assert "of “2016”'s 2 regions, 1 is not in “2020” (Beaver)" in said
    assert "of “2020”'s 2 regions, 1 is not in “2016” (Centre)" in said


def test_the_same_places_or_no_places_say_nothing(tmp_path):
    old = _file(tmp_path, "20161108__pa__general__county.csv", ALL)
    new = _file(tmp_path, "20201103__pa__general__county.csv", dict(reversed(ALL.items())))
    assert "different places" not in invoke("compare", old, new).stderr
    plain = "candidate,votes\nA,10\nB,20\n"
    first, second = write(tmp_path, plain, "a.csv"), write(tmp_path, plain, "b.csv")
    assert "different places" not in invoke("compare", str(first), str(second)).stderr


@given(
    st.lists(st.sampled_from(["Adams", "adams ", "Beaver", "Centre", "Dauphin"]), max_size=4),
    st.lists(st.sampled_from(["ADAMS", "Beaver", "centre", "Erie"]), max_size=4),
)
def test_a_warning_exactly_where_the_places_differ(first, second):
    """Oracle: the sets of casefolded, unspaced names, computed apart from the module."""

    def election(places: list[str]) -> Election:
        option = Option(candidate="A", votes=1, line=2)
        regions = [Region(name=p, options=[option]) for p in dict.fromkeys(places)]
        return Election(
            facts=Facts(election="x"), source_file="f.csv", options=[option], regions=regions
        )

    said = place_gaps([election(first), election(second)], ["one", "two"])
    a = {" ".join(p.casefold().split()) for p in first}
    b = {" ".join(p.casefold().split()) for p in second}
    assert bool(said) == (bool(a) and bool(b) and a != b)
    if said:
        assert ("of “one”'s" in said[0]) == bool(a - b)
        assert ("of “two”'s" in said[0]) == bool(b - a)


def test_codes_written_to_another_width_are_the_same_place(tmp_path):
    # CBS's municipality codes: 738 in one year's file, 0738 in the next (NL 1989, 1994).
    old = _file(tmp_path, "20161108__pa__general__county.csv", {"738": (1, 2), "358": (3, 4)})
    new = _file(tmp_path, "20201103__pa__general__county.csv", {"0738": (1, 2), "0358": (3, 4)})
    assert "different places" not in invoke("compare", old, new).stderr
    other = _file(tmp_path, "20201103__pa__general__county.csv", {"0738": (1, 2), "0359": (3, 4)})
    said = " ".join(invoke("compare", old, other).stderr.split())
    assert "1 is not in “2020” (358)" in said and "1 is not in “2016” (0359)" in said
