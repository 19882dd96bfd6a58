"""A vote cell of `*`: New Mexico's 2020 precinct file hides small counts so (7,709 cells, trial 7).
The figure is not in the file; the refusal said "not a number; write digits only, like 12345",
advice no one can follow. It says what the cell is and where the figures are whole."""

from __future__ import annotations

from conftest import engines_agree, write

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
