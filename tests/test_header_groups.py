"""A wide table whose header is a row of groups over the columns' own names (India's booth files,
a Russian protocol's `Строки протокола` over its lines and `Кандидаты` over the candidates): the
names read with their group as context, a group's breakdowns (Male, Female, Other) set aside, never
options. Files written here in those layouts, names and figures invented; oracles by hand and by
pandas."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, load_file
from pollcli.read.groups import role

# India's datameet booth layout (a general election's polling stations): a row of groups, then the
# columns' names, Male/Female/Other twice (electors, then voters), the candidates numbered as on the
# ballot, None of the Above among them, and each row's total of the candidates.
BOOTHS = (
    '"Polling Station",,"Total No of Electors",,,,"Voters Turnout",,,,,,'
    '"Candidate ID and Name",,,,\n'
    '"Part No","Part Name",Male,Female,Other,"Total No. of electors",Male,Female,Other,Total,'
    '"No of voters identifying using EPIC","Tendered Voter","1 - ANN ARORA","2 - BIMAL BOSE",'
    '"3 - CHITRA DAS","4 - None of the Above","Total Votes Secured"\n'
    '1,"SCHOOL ROOM 1",500,450,1,951,400,350,0,750,749,0,400,200,140,10,750\n'
    '2,"SCHOOL ROOM 2",300,280,0,580,250,230,1,481,480,2,100,300,75,6,481\n'
    '3,"HALL ROOM 1",200,190,0,390,150,140,0,290,290,0,90,95,100,5,290\n'
)
# By hand: each candidate's column summed over the three stations.
BOOTH_VOTES = {
    "1 - ANN ARORA": 400 + 100 + 90,
    "2 - BIMAL BOSE": 200 + 300 + 95,
    "3 - CHITRA DAS": 140 + 75 + 100,
    "4 - None of the Above": 10 + 6 + 5,
}
BOOTH_REGISTERED = 951 + 580 + 390
BOOTH_CAST = 750 + 481 + 290


def booth_oracle() -> tuple[dict[str, int], int, int]:
    """The candidates' votes, the registered voters and the ballots cast by pandas, from the
    header's second row and the group each column is under."""
    frame = pd.read_csv(io.StringIO(BOOTHS), header=[0, 1])
    groups = pd.Series([g for g, _ in frame.columns]).where(
        ~pd.Series([g for g, _ in frame.columns]).str.startswith("Unnamed")
    )
    frame.columns = pd.MultiIndex.from_arrays([groups.ffill(), [n for _, n in frame.columns]])
    candidates = frame["Candidate ID and Name"].drop(columns="Total Votes Secured")
    votes = {str(c): int(candidates[c].sum()) for c in candidates}
    registered = int(frame["Total No of Electors"]["Total No. of electors"].sum())
    cast = int(frame["Voters Turnout"]["Total"].sum())
    return votes, registered, cast


def test_the_booth_oracles_agree():
    assert booth_oracle() == (BOOTH_VOTES, BOOTH_REGISTERED, BOOTH_CAST)


def votes_of(election) -> dict[str, int]:
    return {o.candidate: o.votes for o in election.options}


@pytest.mark.parametrize("header_line", [None, (1, 2)])
def test_a_row_of_groups_over_names_is_read(tmp_path, monkeypatch, header_line):
    """Before: refused ("votes 'Male': not a number"), and with --header-line 1-2 refused saying
    to take line 2, whose repeated Male/Female columns were then refused again."""
    path = write(tmp_path, BOOTHS, "booths.csv")
    [election], problems = engines_agree(monkeypatch, path, header_line=header_line)
    assert [p for p in problems if p.severity == "error"] == []
    # The breakdowns (Male, Female, Other, EPIC, tendered) are no options, nor the row's total.
    assert votes_of(election) == BOOTH_VOTES
    assert election.facts.registered == BOOTH_REGISTERED
    assert election.facts.ballots_cast == BOOTH_CAST
    kinds = {o.candidate: o.kind for o in election.options}
    assert kinds["4 - None of the Above"] == "against_all"
    assert {k for c, k in kinds.items() if c != "4 - None of the Above"} == {"candidate"}
    notes = " ".join(election.notes)
    assert "a row of groups over the columns' names" in notes
    assert "'Total Votes Secured'" in notes  # set aside as each row's total, and checked
    for aside in ("'Male'", "'Female'", "'Tendered Voter'"):
        assert aside in notes  # set aside, and said so


def test_a_group_s_only_part_is_not_its_count(tmp_path):
    """`Male` alone under the electors' group is no count of all the electors."""
    text = (
        '"Polling Station",,"Total No of Electors","Voters Turnout",,"Candidate ID and Name",,\n'
        '"Part No","Part Name",Male,Male,Total,"1 - ANN ARORA","2 - BIMAL BOSE",'
        '"Total Votes Secured"\n'
        '1,"SCHOOL ROOM 1",500,400,750,450,300,750\n'
        '2,"SCHOOL ROOM 2",300,250,481,281,200,481\n'
    )
    [election], problems = load_file(write(tmp_path, text, "booths.csv"), ReadOptions())
    assert [p for p in problems if p.severity == "error"] == []
    assert votes_of(election) == {"1 - ANN ARORA": 731, "2 - BIMAL BOSE": 500}
    assert (election.facts.registered, election.facts.ballots_cast) == (None, 750 + 481)
    assert any("'Male' under 'Total No of Electors'" in n for n in election.notes)


def test_no_part_becomes_a_count_its_group_does_not_total(tmp_path):
    """The voters' group without its total: no ballots cast, no part of it taken for them."""
    text = BOOTHS.replace(",Total,", ",All voters,", 1)
    [election], problems = load_file(write(tmp_path, text, "booths.csv"), ReadOptions())
    assert [p for p in problems if p.severity == "error"] == []
    assert votes_of(election) == BOOTH_VOTES
    assert (election.facts.registered, election.facts.ballots_cast) == (BOOTH_REGISTERED, None)


def test_the_rows_total_is_checked(tmp_path):
    """The candidates' row total (`Total Votes Secured`) is a check, not an option: a row where it
    differs from the candidates' sum is a warning at its line."""
    text = BOOTHS.replace(",10,750\n", ",10,760\n")
    elections, problems = load_file(write(tmp_path, text, "booths.csv"), ReadOptions())
    assert votes_of(elections[0]) == BOOTH_VOTES
    assert any(p.line == 3 and p.severity == "warning" for p in problems)


def test_the_units_are_the_polling_stations(tmp_path):
    result = invoke("summary", str(write(tmp_path, BOOTHS, "booths.csv")), "--format", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    leader = max(election["results"], key=lambda r: r["votes"])
    assert (leader["candidate"], leader["votes"]) == ("2 - BIMAL BOSE", 595)


# A Russian protocol with a row of groups: the protocol's lines under `Строки протокола`, the
# candidates under `Кандидаты` (as the one-row header `PROTOCOL_FLAT` below lists them).
PROTOCOL_LINES = (
    "Число избирателей, включенных в список избирателей",
    "Число избирательных бюллетеней, полученных участковой избирательной комиссией",
    "Число недействительных избирательных бюллетеней",
    "Число действительных избирательных бюллетеней",
)
CANDIDATES = ("Иванов Иван Иванович", "Петрова Анна Сергеевна", "Сидоров Олег Павлович")
PROTOCOL_NAMES = "Регион,ТИК,УИК," + ",".join(f'"{n}"' for n in PROTOCOL_LINES + CANDIDATES) + "\n"
PROTOCOL_ROWS = (
    "Вымышленная область,ТИК №1,УИК №1,1000,900,12,700,400,200,100\n"
    "Вымышленная область,ТИК №1,УИК №2,800,700,8,600,150,350,100\n"
    "Другая область,ТИК №2,УИК №3,1200,1100,20,900,300,250,350\n"
)
PROTOCOL_FLAT = PROTOCOL_NAMES + PROTOCOL_ROWS
PROTOCOL_GROUPS = ",,,Строки протокола,,,,Кандидаты,,\n" + PROTOCOL_FLAT
# The naming columns' labels in the row of groups, over empty cells (cells merged down).
PROTOCOL_MERGED = (
    "Регион,ТИК,УИК,Строки протокола,,,,Кандидаты,,\n"
    + ",,,"
    + PROTOCOL_NAMES.split(",", 3)[3]
    + PROTOCOL_ROWS
)
PROTOCOL_VOTES = {
    "Иванов Иван Иванович": 400 + 150 + 300,
    "Петрова Анна Сергеевна": 200 + 350 + 250,
    "Сидоров Олег Павлович": 100 + 100 + 350,
}


@pytest.mark.parametrize("text", [PROTOCOL_GROUPS, PROTOCOL_MERGED], ids=["names", "merged"])
@pytest.mark.parametrize("header_line", [None, (1, 2)])
def test_a_protocol_with_a_row_of_groups_reads_as_its_flat_header(
    tmp_path, monkeypatch, text, header_line
):
    flat, _ = load_file(write(tmp_path, PROTOCOL_FLAT, "flat.csv"), ReadOptions())
    path = write(tmp_path, text, "groups.csv")
    [election], problems = engines_agree(monkeypatch, path, header_line=header_line)
    assert [p for p in problems if p.severity == "error"] == []
    assert votes_of(election) == PROTOCOL_VOTES == votes_of(flat[0])
    assert election.facts.registered == 1000 + 800 + 1200 == flat[0].facts.registered
    assert election.facts.invalid == 12 + 8 + 20 == flat[0].facts.invalid
    assert [r.name for r in election.regions] == [r.name for r in flat[0].regions]
    assert any("a row of groups over the columns' names" in n for n in election.notes)


def _doubled(rows: str, start: int) -> str:
    """Each row's cells from `start` on written twice (the first count and the recount)."""
    out = []
    for row in rows.splitlines():
        cells = row.split(",")
        out.append(",".join([*cells[:start], *(c for cell in cells[start:] for c in (cell, cell))]))
    return "\n".join(out) + "\n"


# The protocol's lines and candidates each over two columns, the first count and the recount (the
# variants of `bench/generate.py`'s `protocol3`).
SPANNED = "Регион,ТИК,УИК," + ",".join(f'"{n}",' for n in PROTOCOL_LINES + CANDIDATES) + "\n"
RECOUNT = ",,," + ",".join(["Первичный протокол", "Повторный подсчёт"] * 7) + "\n"


@pytest.mark.parametrize("merged", [False, True])
def test_the_protocol_s_variants_under_a_row_of_groups(tmp_path, monkeypatch, merged):
    """Groups over names over variants (three rows): each variant an election, as the names over
    their variants (two rows, no groups) already read. `merged`: the naming columns' labels in
    the row of groups."""
    variants = SPANNED + RECOUNT + _doubled(PROTOCOL_ROWS, 3)
    plain, _ = load_file(write(tmp_path, variants, "variants.csv"), ReadOptions())
    top = ",,,Строки протокола,,,,,,,,Кандидаты,,,,,\n"
    groups = top + variants
    if merged:
        groups = "Регион,ТИК,УИК" + top[2:] + ",,," + SPANNED.split(",", 3)[3] + RECOUNT
        groups += _doubled(PROTOCOL_ROWS, 3)
    path = write(tmp_path, groups, "variants_groups.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert [p for p in problems if p.severity == "error"] == []
    assert [votes_of(e) for e in elections] == [PROTOCOL_VOTES] * 2 == list(map(votes_of, plain))
    assert [e.facts.registered for e in elections] == [3000, 3000]
    assert any("lines 1–3: a row of groups" in n for n in elections[0].notes)


def test_columns_under_a_group_of_no_known_kind_are_refused(tmp_path):
    """Figures under a group pollcli cannot tell (options? counts of another kind?) are never read
    as options: refused, naming the group and what to pass."""
    text = (
        "Place,,Alpha group,,Beta group,\n"
        "Code,Station,Ann,Bob,Cy,Di\n"
        "1,North,10,20,30,40\n"
        "2,South,11,21,31,41\n"
    )
    path = write(tmp_path, text, "odd.csv")
    elections, problems = load_file(path, ReadOptions())
    assert elections == []
    [error] = [p for p in problems if p.severity == "error"]
    assert "'Alpha group'" in error.message and "--header-line 2" in error.message


def test_a_row_of_groups_not_found_is_named_with_what_to_pass(tmp_path):
    """A row of names pollcli does not take as the header's second row (a column with no name in
    either row) is named, with the --header-line that reads it."""
    text = BOOTHS.replace('"Tendered Voter"', "").replace(",0,400,", ",,400,")
    path = write(tmp_path, text, "booths.csv")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "pass --header-line 1-2" in result.stderr.splitlines()[0]


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("Candidate ID and Name", "options"),
        ("Кандидаты", "options"),
        ("Parties", "options"),
        ("Votes", "options"),  # the valid votes: the options' (a total among them is checked)
        ("Total No of Electors", "registered"),
        ("Electors", "registered"),
        ("Voters Turnout", "ballots_cast"),
        ("Total votes polled", "ballots_cast"),
        ("Invalid votes", "invalid"),
        ("Строки протокола", ""),
        ("Polling Station", "names"),
        ("Alpha group", "?"),
    ],
)
def test_what_a_group_makes_of_its_columns(group, expected):
    assert role(group) == expected


def test_a_sheet_with_a_row_of_groups_reads_as_the_csv(tmp_path, monkeypatch):
    """The booth layout as a workbook's sheet (the merged cells of a spreadsheet: a label, then
    empty cells): read as the CSV is."""
    from sheets import write_xlsx

    rows = [
        [None if c == "" else int(c) if c.isdigit() else c for c in cells]
        for cells in pd.read_csv(io.StringIO(BOOTHS), header=None, dtype=str)
        .fillna("")
        .values.tolist()
    ]
    path = write_xlsx(tmp_path / "booths.xlsx", {"Booths": rows})
    [election], problems = engines_agree(monkeypatch, path)
    assert [p for p in problems if p.severity == "error"] == []
    assert votes_of(election) == BOOTH_VOTES
    assert (election.facts.registered, election.facts.ballots_cast) == (
        BOOTH_REGISTERED,
        BOOTH_CAST,
    )
