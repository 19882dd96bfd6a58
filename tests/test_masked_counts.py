"""A vote cell of `*`: New Mexico's 2020 precinct file hides small counts so (7,709 cells, trial 7).
The figure is not in the file; the refusal said "not a number; write digits only, like 12345",
advice no one can follow. It says what the cell is and where the figures are whole."""

from __future__ import annotations

from conftest import engines_agree, invoke, write

TEXT = (
    '"county","precinct","office","district","party","candidate","votes"\n'
    '"Bernalillo","PCT 001","President","","DEM","Joseph R. Biden","556"\n'
    '"Bernalillo","PCT 001","President","","GRE","Howie Hawkins","*"\n'
)


def test_a_masked_count_is_said_to_be_one(tmp_path, monkeypatch):
    _, problems = engines_agree(monkeypatch, write(tmp_path, TEXT))
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].line == 3, problems
    assert "masked" in errors[0].message and "write digits only" not in errors[0].message


# Colorado's Douglas County, 2018 (OpenElections: 1,368 cells, 80 races refused, trial 12): a
# small count written as the bound it is below, `(< 25)`; also `<10`, `< 5`, `<=10`.
DOUGLAS = (
    "county,precinct,office,district,candidate,votes\n"
    "Douglas,Precinct 106,Governor,,Jared Polis,64\n"
    "Douglas,Precinct 106,Governor,,Bill Hammons,(< 25)\n"
    "Douglas,Precinct 107,Governor,,Jared Polis,<10\n"
    "Douglas,Precinct 107,Governor,,Bill Hammons,< 5\n"
    "Douglas,Precinct 108,Governor,,Bill Hammons,<=10\n"
)


def test_a_count_given_as_a_bound_is_said_to_be_masked(tmp_path, monkeypatch):
    _, problems = engines_agree(monkeypatch, write(tmp_path, DOUGLAS))
    errors = [p for p in problems if p.severity == "error"]
    assert [p.line for p in errors] == [3, 4, 5, 6], problems
    for error in errors:
        assert "masked" in error.message and "write digits only" not in error.message


# The Library of Parliament's history of federal ridings writes `NULL` (a database's missing value)
# in the votes cell of 35 candidates whose count it does not have (Ontario South, 1872: White). It
# was "not a number; write digits only"; it is a figure the file does not give, never 0.
RIDINGS = (
    "Election Date,Election Type,Parliament,Province,Riding,Last Name,First Name,Gender,"
    "Occupation,Party,Votes,Votes (%),Elected\n"
    "1872-07-20,Gen,2,Ontario,ONTARIO SOUTH,GIBBS,Tom,,,Conservative,1500,,1\n"
    "1872-07-20,Gen,2,Ontario,ONTARIO SOUTH,WHITE,,,,Unknown,NULL,,0\n"
    "1872-07-20,Gen,2,Ontario,OTTAWA,LEWES,John,,,Conservative,900,60.0,1\n"
    "1872-07-20,Gen,2,Ontario,OTTAWA,CURRY,Joe,,,Liberal,600,40.0,0\n"
)


def test_a_null_count_is_said_to_be_missing_and_refuses_its_race(tmp_path, monkeypatch):
    path = write(
        tmp_path, RIDINGS.replace(",Elected\n", "\n").replace(",1\n", "\n").replace(",0\n", "\n")
    )
    elections, problems = engines_agree(
        monkeypatch, path, race_by=("Election Date", "Province", "Riding")
    )
    errors = [p for p in problems if p.severity == "error"]
    assert [p.line for p in errors] == [3], problems
    assert "gives no figure" in errors[0].message and "not even 0" in errors[0].message
    assert "write digits only" not in errors[0].message
    # The other race is read: Lewes 900 to 600.
    assert [[o.votes for o in e.options] for e in elections] == [[900, 600]]


def test_a_null_count_is_not_zero_even_with_blank_votes_zero(tmp_path):
    path = write(tmp_path, RIDINGS, "History_Federal_Electoral_Ridings.csv")
    race_by = ("--race-by", "Election Date,Province,Riding", "--blank-votes", "zero")
    result = invoke("summary", str(path), *race_by)
    assert result.code != 0
    assert ":3: votes 'NULL': the file gives no figure here" in result.stderr, result.stderr
