"""A `reporting_level` column: rows of one race at several levels (state, county, precinct), each
level counting the same votes again (trial 7: OpenElections' Washington files of 2000–2005 give a
`state` row of each option beside its `county` rows; Arkansas' 2002 runoff a `contest` row, a
`county` row and `precinct` rows). Added up, every figure was doubled (Al Gore 404,912 for
202,456) with the column listed as ignored.

A race's levels are read as totals of one another: the finest level whose options add up to the
coarsest level's is counted, the other rows are set aside with a `total-row` warning, and a level
that does not add up says so (`total-mismatch`). Every figure is checked against a hand-made table;
both engines must agree.
"""

from __future__ import annotations

import pytest

from conftest import engines_agree, invoke, write

WA = """candidate,partycode,officename,reporting_level,jurisdiction,votes
Al Gore,D,President - Democratic Primary,county,Adams,300
Bill Bradley,D,President - Democratic Primary,county,Adams,100
Al Gore,D,President - Democratic Primary,county,Asotin,200
Bill Bradley,D,President - Democratic Primary,county,Asotin,150
George W. Bush,R,President - Republican Primary,county,Adams,400
John McCain,R,President - Republican Primary,county,Adams,350
George W. Bush,R,President - Republican Primary,county,Asotin,100
John McCain,R,President - Republican Primary,county,Asotin,200
Al Gore,D,President - Democratic Primary,state,Washington,500
Bill Bradley,D,President - Democratic Primary,state,Washington,250
George W. Bush,R,President - Republican Primary,state,Washington,500
John McCain,R,President - Republican Primary,state,Washington,550
"""

# Hand-checked: the state rows and the sum of the county rows alike.
WA_TRUTH = {
    "President - Democratic Primary": {"Al Gore": 500, "Bill Bradley": 250},
    "President - Republican Primary": {"John McCain": 550, "George W. Bush": 500},
}


def figures(elections) -> dict[str, dict[str, int | None]]:
    return {e.facts.election: {o.candidate: o.votes for o in e.options} for e in elections}


def test_state_rows_beside_county_rows_are_not_added_to_them(tmp_path, monkeypatch):
    path = write(tmp_path, WA)
    elections, problems = engines_agree(monkeypatch, path)
    assert figures(elections) == WA_TRUTH
    rows = [p for p in problems if p.code == "total-row"]
    assert rows, problems
    assert all("reporting_level" in p.message and "state" in p.message for p in rows)
    assert not [p for p in problems if p.severity == "error"]
    assert not [p for p in problems if p.code == "total-mismatch"]


def test_the_level_column_is_not_listed_as_ignored(tmp_path):
    path = write(tmp_path, WA)
    result = invoke("summary", str(path), "--race", "Democratic")
    assert result.code == 0, result.stderr
    assert "reporting_level" not in result.stdout.split("Ignored column(s)")[-1].split("╯")[0]
    assert "500" in result.stdout and "1,000" not in result.stdout


# Arkansas' layout: a `contest` row, a `county` row, and precinct rows that name their candidates
# with the party and cover part of the county only.
AR = """office,candidate,party,reporting_level,jurisdiction,county,votes
District 032,Sid Rosenbaum,Republican,contest,Arkansas,,680
District 032,Martha McCaskill,Republican,contest,Arkansas,,539
District 032,Sid Rosenbaum,Republican,county,Pulaski,Pulaski,680
District 032,Martha McCaskill,Republican,county,Pulaski,Pulaski,539
District 032,Sid Rosenbaum - Republican,Republican,precinct,P1,Pulaski,400
District 032,Martha McCaskill - Republican,Republican,precinct,P1,Pulaski,300
District 032,Sid Rosenbaum - Republican,Republican,precinct,P2,Pulaski,13
District 032,Martha McCaskill - Republican,Republican,precinct,P2,Pulaski,40
"""


def test_a_level_that_does_not_add_up_is_set_aside_and_said(tmp_path, monkeypatch):
    path = write(tmp_path, AR)
    elections, problems = engines_agree(monkeypatch, path, unit="jurisdiction")
    assert figures(elections) == {"results": {"Sid Rosenbaum": 680, "Martha McCaskill": 539}}
    mismatch = [p for p in problems if p.code == "total-mismatch"]
    assert len(mismatch) == 1, problems
    assert "precinct" in mismatch[0].message and "680" in mismatch[0].message
    assert mismatch[0].severity == "warning"
    rows = [p for p in problems if p.code == "total-row"]
    assert len(rows) == 1 and "'contest'" in rows[0].message and "'county' rows" in rows[0].message


def test_one_level_only_changes_nothing(tmp_path, monkeypatch):
    text = "\n".join(line for line in WA.splitlines() if ",state," not in line)
    path = write(tmp_path, text + "\n")
    elections, problems = engines_agree(monkeypatch, path)
    assert figures(elections) == WA_TRUTH
    assert not [p for p in problems if p.code in ("total-row", "total-mismatch")]


def test_where_on_the_level_column_keeps_a_whole_race(tmp_path):
    path = write(tmp_path, WA)
    result = invoke("summary", str(path), "--where", "reporting_level=state", "--format", "json")
    assert result.code == 0, result.stderr
    import json

    document = json.loads(result.stdout)
    assert {e["leader"]["candidate"]: e["leader"]["votes"] for e in document["elections"]} == {
        "Al Gore": 500,
        "John McCain": 550,
    }
    for election in document["elections"]:
        assert not any("Part of the race" in n for n in election["notes"]), election["notes"]
        assert election["leader"] is not None


@pytest.mark.parametrize("levels", [("statewide", "county"), ("county", "precinct")])
def test_levels_of_other_words_are_ordered_by_their_rows(tmp_path, monkeypatch, levels):
    coarse, fine = levels
    text = (
        "office,candidate,reporting_level,jurisdiction,votes\n"
        f"Governor,Ann,{fine},A,10\n"
        f"Governor,Bob,{fine},A,5\n"
        f"Governor,Ann,{fine},B,1\n"
        f"Governor,Bob,{fine},B,20\n"
        f"Governor,Ann,{coarse},X,11\n"
        f"Governor,Bob,{coarse},X,25\n"
    )
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path)
    assert figures(elections) == {"results": {"Bob": 25, "Ann": 11}}
    assert [p for p in problems if p.code == "total-row"]


def test_an_office_position_tells_races_apart(tmp_path, monkeypatch):
    """Washington's measures: one `officename` (Initiative to the People), told apart by their
    number in `officeposition` — were one race, refused for Yes listed again in each county."""
    text = (
        "ballotname,officename,officeposition,reporting_level,jurisdiction,votes\n"
        "Yes,Initiative to the People,900,county,Adams,10\n"
        "No,Initiative to the People,900,county,Adams,4\n"
        "Yes,Initiative to the People,901,county,Adams,3\n"
        "No,Initiative to the People,901,county,Adams,9\n"
        "Yes,Initiative to the People,900,state,Washington,10\n"
        "No,Initiative to the People,900,state,Washington,4\n"
        "Yes,Initiative to the People,901,state,Washington,3\n"
        "No,Initiative to the People,901,state,Washington,9\n"
    ).replace("ballotname", "candidate")
    path = write(tmp_path, text)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert sorted(figures(elections).values(), key=str) == sorted(
        [{"Yes": 10, "No": 4}, {"Yes": 3, "No": 9}], key=str
    )


def test_levels_that_cannot_be_told_apart_refuse_their_race(tmp_path, monkeypatch):
    text = (
        "office,candidate,reporting_level,jurisdiction,votes\n"
        "Governor,Ann,county,A,10\n"
        "Governor,Bob,county,A,5\n"
        "Governor,Ann,district,A,7\n"
        "Governor,Bob,district,A,9\n"
        "Mayor,Cy,county,A,3\n"
        "Mayor,Di,county,A,4\n"
    )
    path = write(tmp_path, text)
    result = invoke("summary", str(path))
    assert result.code == 1, result.stderr
    assert "Governor" in result.stderr and "--where reporting_level=" in result.stderr
    assert "Di" in result.stdout and "Ann" not in result.stdout
    # The advice works: one level kept, the race whole (its winner named).
    kept = invoke("summary", str(path), "--where", "reporting_level=county", "--race", "Governor")
    assert kept.code == 0, kept.stderr
    assert "Ann" in kept.stdout and "Part of the race" not in kept.stdout
    assert "wins" in kept.stdout
