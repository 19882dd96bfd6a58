"""Sweep 12: a blank candidate cell whose party cell names an option of no candidate.

OpenElections' Michigan precinct files (Bay 2022) give write-ins as `Governor,,Write-in,,1`: the
party cell says `Write-in` and the candidate cell is blank. pollcli refused the Governor's race
("the option has no name; fill in the candidate cell") and left the rows of 0 votes out as "no one
on the ballot there?". Iowa's (Ida 2020) give a race's blank ballots as `…,Blank,,1`. Such a row
is that option (write-ins, blank votes), of no party; a count's name in the party cell is still
refused, and so is a party's name beside a candidate of that party (since session 14, with what to
do; elsewhere it is the party's line: MEDSL's unnamed candidates). Figures are pandas sums.
"""

import io

import pandas as pd

from conftest import engines_agree, invoke, write

BAY = "\n".join(
    [
        "county,precinct,office,district,party,candidate,votes",
        "Bay,Pct 1,Governor,,DEM,Gretchen Whitmer,300",
        "Bay,Pct 1,Governor,,REP,Tudor Dixon,250",
        "Bay,Pct 1,Governor,,Write-in,,0",
        "Bay,Pct 2,Governor,,DEM,Gretchen Whitmer,200",
        "Bay,Pct 2,Governor,,REP,Tudor Dixon,260",
        "Bay,Pct 2,Governor,,Write-in,,3",
        "Bay,Pct 1,Trustee,,,Ann Lee,40",
        "Bay,Pct 1,Trustee,,Blank,,12",
        "Bay,Pct 2,Trustee,,,Ann Lee,35",
        "Bay,Pct 2,Trustee,,Blank,,9",
        "",
    ]
)


def oracle(office: str) -> dict[str, int]:
    """The race's votes by name, the party cell naming the nameless rows, by pandas."""
    table = pd.read_csv(io.StringIO(BAY), dtype={"candidate": str, "party": str})
    race = table[table["office"] == office]
    names = race["candidate"].fillna(race["party"])
    return {str(k): int(v) for k, v in race.groupby(names)["votes"].sum().items()}


def test_both_engines_read_the_party_cell_as_the_option(monkeypatch, tmp_path):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, BAY), block_bytes=90)
    assert not [p for p in problems if p.severity == "error"]
    races = {e.facts.election: e for e in elections}
    for office in ("Governor", "Trustee"):
        got = {o.candidate: o.votes for o in races[office].options}
        assert got == oracle(office)
    kinds = {o.candidate: (o.kind, o.party) for o in races["Governor"].options}
    assert kinds["Write-in"] == ("other", None)
    assert {o.candidate: o.kind for o in races["Trustee"].options}["Blank"] == "blank"


def test_the_cli_names_no_party_write_in_and_refuses_nothing(tmp_path):
    result = invoke("summary", str(write(tmp_path, BAY)), "--format", "json")
    assert result.code == 0, result.stderr
    assert "no name" not in result.stderr and "no one on the ballot" not in result.stderr


def test_a_count_in_the_party_cell_names_no_option(tmp_path):
    text = BAY.replace("Bay,Pct 2,Governor,,Write-in,,3", "Bay,Pct 2,Governor,,Ballots Cast,,3")
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert "the option has no name" in result.stderr


def test_a_party_in_the_party_cell_beside_its_candidate_is_refused(tmp_path):
    # Session 14: a blank candidate cell beside a party is that party's line (MEDSL's unnamed
    # candidates, tests/test_party_named_rows.py), except where a candidate of the party stands
    # in the place: the row may be theirs, its name left out. Refused, saying so.
    text = BAY.replace("Bay,Pct 2,Governor,,Write-in,,3", "Bay,Pct 2,Governor,,REP,,3")
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert "the candidate cell is blank beside the party 'REP'" in result.stderr
    assert "'Tudor Dixon'" in result.stderr and "fill in the name" in result.stderr
