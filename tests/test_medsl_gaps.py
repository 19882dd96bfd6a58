"""MEDSL's 1976–2020 presidential results by state: three rows the whole file was refused for.

MIT Election Data + Science Lab's `1976-2020-president.csv` (year, state, …, candidate,
party_detailed, writein, candidatevotes, totalvotes, …) was refused on four rows of three states:

- 2016 Maryland lists Trump and Clinton twice, once on the ballot (writein FALSE) and once as
  write-ins (`"TRUMP, DONALD J.","REPUBLICAN",TRUE,259`): the same name and party, so the same
  candidate, and no repeated row: the write-in votes are theirs, added up with a note naming both
  lines (the figure pandas sums by candidate);
- 1976 Tennessee lists an INDEPENDENT line of no name beside seven named independents (316 votes:
  none of theirs, most likely the unnamed others): still refused, whose votes they are cannot be
  told, but the advice now says how to name votes of no listed candidate (OTHER), and it works;
- 2020 Maryland lists a row of no name, no party and `NA` in the writein cell (18,045 votes): the
  advice says what the writein cell can tell (TRUE: write-ins), and it works.

Small files of our own in MEDSL's layout; figures are pandas sums of the CSV text; both engines.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from conftest import engines_agree, invoke, write

HEADER = (
    "year,state,state_po,state_fips,state_cen,state_ic,office,candidate,party_detailed,writein,"
    "candidatevotes,totalvotes,version,notes,party_simplified"
)
MD_2016 = [
    ("CLINTON, HILLARY", "DEMOCRAT", "FALSE", 1677928),
    ("TRUMP, DONALD J.", "REPUBLICAN", "FALSE", 943169),
    ("JOHNSON, GARY", "LIBERTARIAN", "FALSE", 79605),
    ("", "", "TRUE", 33263),
    ("OTHER", "", "TRUE", 10921),
    ("TRUMP, DONALD J.", "REPUBLICAN", "TRUE", 259),
    ("CLINTON, HILLARY", "DEMOCRAT", "TRUE", 78),
]
TN_1976 = [
    ("CARTER, JIMMY", "DEMOCRAT", "FALSE", 825879),
    ("FORD, GERALD", "REPUBLICAN", "FALSE", 633969),
    ("ANDERSON, THOMAS J.", "INDEPENDENT", "FALSE", 5769),
    ("HALL, GUS", "INDEPENDENT", "FALSE", 547),
    ("", "INDEPENDENT", "FALSE", 316),
    ("", "", "TRUE", 230),
]
MD_2020 = [
    ("TRUMP, DONALD J.", "REPUBLICAN", "FALSE", 976414),
    ("BIDEN, JOSEPH R. JR", "DEMOCRAT", "FALSE", 1985023),
    ("WEST, KANYE", "THE BIRTHDAY PARTY", "TRUE", 1117),
    ("RALEY, ALBERT", "", "NA", 32),
    ("", "", "NA", 18045),
]


def medsl(year: str, state: str, rows: list[tuple[str, str, str, int]]) -> str:
    total = sum(votes for *_, votes in rows)
    lines = [HEADER]
    for name, party, writein, votes in rows:
        lines.append(
            f'{year},"{state}","XX",1,1,1,"US PRESIDENT","{name}","{party}",{writein},{votes},'
            f'{total},"20210113",NA,"OTHER"'
        )
    return "\n".join(lines) + "\n"


def by_option(text: str) -> dict[str, int]:
    """Votes by option, by pandas: the candidate, else the party, else a write-in."""
    table = pd.read_csv(io.StringIO(text), keep_default_na=False)
    option = table["candidate"].where(table["candidate"] != "", table["party_detailed"])
    table["option"] = option.where(option != "", "Write-in")
    return {str(k): int(v) for k, v in table.groupby("option")["candidatevotes"].sum().items()}


def summary(tmp_path, text: str) -> tuple[int, dict, str]:
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    return result.code, json.loads(result.stdout or "{}"), result.stderr


def results(data: dict) -> dict[str, int]:
    [election] = data["elections"]
    return {o["candidate"]: o["votes"] for o in election["results"]}


def test_a_candidate_s_write_in_line_is_added_to_their_ballot_line(tmp_path, monkeypatch):
    text = medsl("2016", "MARYLAND", MD_2016)
    code, data, stderr = summary(tmp_path, text)
    assert code == 0, stderr
    assert results(data) == by_option(text)
    assert results(data)["TRUMP, DONALD J."] == 943169 + 259
    [election] = data["elections"]
    [note] = [n for n in election["notes"] if n.startswith("'TRUMP")]
    assert "write-in" in note and "line 7" in note and "line 3" in note and "943,428" in note
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in race.options} == by_option(text)


def test_a_write_in_line_in_a_file_of_states_is_added_in_its_state(tmp_path, monkeypatch):
    text = (
        medsl("2016", "MARYLAND", MD_2016)
        + medsl("2016", "DELAWARE", MD_2016[:3]).split("\n", 1)[1]
    )
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"]
    assert {o.candidate: o.votes for o in race.options} == by_option(text)


def test_two_ballot_lines_of_one_name_and_party_stay_refused(tmp_path, monkeypatch):
    # No write-in cell says which is which: a repeated row, or a corrected one (as before).
    rows = [r if r[3] != 259 else (r[0], r[1], "FALSE", r[3]) for r in MD_2016]
    _, problems = engines_agree(monkeypatch, write(tmp_path, medsl("2016", "MARYLAND", rows)))
    [error] = [p for p in problems if p.severity == "error"]
    assert error.code == "duplicate-option" and "TRUMP" in error.message
    # Two write-in lines of one name: no ballot line to add them to; refused as well.
    rows = [r if r[3] != 943169 else (r[0], r[1], "TRUE", r[3]) for r in MD_2016]
    _, problems = engines_agree(monkeypatch, write(tmp_path, medsl("2016", "MARYLAND", rows)))
    assert [p.code for p in problems if p.severity == "error"] == ["duplicate-option"]


def test_an_unnamed_line_beside_named_candidates_of_its_party_says_how_to_name_others(tmp_path):
    text = medsl("1976", "TENNESSEE", TN_1976)
    code, _, stderr = summary(tmp_path, text)
    assert code == 1
    assert ".csv:6: the candidate cell is blank beside the party 'INDEPENDENT'" in stderr
    assert "if it counts others of the party, none of theirs, write OTHER there" in stderr
    # The advice works: named OTHER, the row is read as votes of no listed candidate.
    text = text.replace('"US PRESIDENT","","INDEPENDENT"', '"US PRESIDENT","OTHER","INDEPENDENT"')
    code, data, stderr = summary(tmp_path, text)
    assert code == 0, stderr
    assert results(data) == by_option(text)
    [election] = data["elections"]
    kinds = {o["candidate"]: o["kind"] for o in election["results"]}
    assert kinds["OTHER"] == "other" and election["leader"]["candidate"] == "CARTER, JIMMY"


def test_a_row_of_no_name_whose_write_in_cell_is_na_says_what_to_write(tmp_path, monkeypatch):
    text = medsl("2020", "MARYLAND", MD_2020)
    code, _, stderr = summary(tmp_path, text)
    assert code == 1
    assert "writein" in stderr and "'NA'" in stderr and "write TRUE there" in stderr
    _, problems = engines_agree(monkeypatch, write(tmp_path, text))
    [error] = [p for p in problems if p.severity == "error"]
    assert error.code == "blank-name" and error.line == 6
    # The advice works: TRUE there makes the row the race's unnamed write-ins.
    fixed = text.replace('"","",NA,18045', '"","",TRUE,18045')
    code, data, stderr = summary(tmp_path, fixed)
    assert code == 0, stderr
    assert results(data) == by_option(fixed)
    assert results(data)["Write-in"] == 18045
    # A write-in cell that says FALSE keeps the plain advice (nothing it could tell).
    plain = text.replace('"","",NA,18045', '"","",FALSE,18045')
    code, _, stderr = summary(tmp_path, plain)
    assert code == 1 and "the option has no name; fill in the candidate cell" in stderr


def test_unnamed_write_ins_of_several_parties_name_none(tmp_path, monkeypatch):
    """2016 Maryland's unnamed write-ins: 33,263 votes of no party and 278 of `NO PARTY
    AFFILIATION`, added up as one `Write-in` (an 'other' option) that showed the 278 votes' party
    for all 33,541 (s15-real); across states MEDSL's 2016 `Write-in` read "INDEPENDENT / NO PARTY
    AFFILIATION / DEMOCRAT / GREEN". An 'other' option added up from lines whose parties differ
    (one of none among them) names no party; one whose lines all name one party keeps it."""
    rows = [*MD_2016, ("", "NO PARTY AFFILIATION", "TRUE", 278)]
    text = medsl("2016", "MARYLAND", rows)
    table = pd.read_csv(io.StringIO(text), keep_default_na=False)
    unnamed = table[
        (table["candidate"] == "") & (table["writein"].astype(str).str.upper() == "TRUE")
    ]
    [race], problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"]
    [write_in] = [o for o in race.options if o.candidate == "Write-in"]
    assert write_in.votes == int(unnamed["candidatevotes"].sum()) == 33541
    assert write_in.party is None and write_in.kind == "other"

    delaware = [("", "INDEPENDENT", "TRUE", 120), ("", "INDEPENDENT", "TRUE", 30)]
    text = (
        medsl("2016", "MARYLAND", MD_2016)
        + medsl("2016", "DELAWARE", [*MD_2016[:3], *delaware]).split("\n", 1)[1]
    )
    [race], _ = engines_agree(monkeypatch, write(tmp_path, text))
    [write_in] = [o for o in race.options if o.candidate == "Write-in"]
    assert write_in.votes == 33263 + 150 and write_in.party is None
    [state] = [r for r in race.regions if r.name == "DELAWARE"]
    assert [(o.party, o.votes) for o in state.options if o.kind == "other"] == [
        ("INDEPENDENT", 150)
    ]
