"""Elections Canada's official report, table 11 (one row per riding: `Population,Electors/Électeurs,
Polling Stations/Bureaux de scrutin,Valid Ballots/Bulletins valides,…,Rejected Ballots/Bulletins
rejetés,…,Total Ballots Cast/Total des bulletins déposés,…,Elected Candidate/Candidat élu`) holds
no option's votes. Refused for its percentage columns, with `--ignore-column` advice; followed, it
was read as a wide table of options: "Population leads with 36.18 %", electors the runner-up
(trial 16). Protocol lines in bilingual headers are read by either half (`Electors/Électeurs`:
registered), and the valid ballots, polling stations and population are protocol lines: no options
are left, and the file is refused as such.

Figures and names invented, the layout is the file's."""

from __future__ import annotations

import pytest

from conftest import invoke, write
from pollcli.read.protocol import line, says_share

HEADER = (
    "\ufeffProvince,Electoral District Name/Nom de circonscription,Electoral District "
    "Number/Numéro de circonscription,Population,Electors/Électeurs,Polling Stations/Bureaux de "
    "scrutin,Valid Ballots/Bulletins valides,Percentage of Valid Ballots /Pourcentage des "
    "bulletins valides,Rejected Ballots/Bulletins rejetés,Total Ballots Cast/Total des bulletins "
    "déposés,Percentage of Voter Turnout/Pourcentage de la participation électorale,Elected "
    "Candidate/Candidat élu\n"
)
ROWS = (
    '"Newfoundland and Labrador/Terre-Neuve-et-Labrador","Avalon",10001,86494,70903,230,37144,99.3,'
    '273,37417,52.8,"McDonald, Ken Liberal/Libéral"\n'
    '"Newfoundland and Labrador/Terre-Neuve-et-Labrador","Labrador",10004,27197,20239,87,9653,99,'
    '94,9747,48.2,"Jones, Yvonne Liberal/Libéral"\n'
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Electors/Électeurs", ("registered", 0)),
        ("Valid Ballots/Bulletins valides", ("total_votes", 0)),
        ("Rejected Ballots/Bulletins rejetés", ("invalid", 0)),
        ("Total Ballots Cast/Total des bulletins déposés", ("ballots_cast", 0)),
        ("Polling Stations/Bureaux de scrutin", ("", 0)),
        ("Population", ("", 0)),
        ("Conservative/Conservateur", None),
        ("Liberal/Libéral", None),
    ],
)
def test_protocol_lines_by_either_half(header, expected) -> None:
    assert line(header) == expected


def test_a_table_of_ridings_names_no_option(tmp_path) -> None:
    path = write(tmp_path, HEADER + ROWS, "table_tableau11.csv")
    for flags in [(), ("--wide",)]:
        result = invoke("summary", str(path), *flags)
        assert result.code != 0, result.stdout
        assert "leads" not in result.stdout and "Population" not in result.stdout
        assert "not a whole number" not in result.stderr  # the percentages are shares


def test_percentage_headers_are_shares() -> None:
    assert says_share("Percentage of Valid Ballots /Pourcentage des bulletins valides")
    assert says_share("perc_si") and not says_share("Perceval")
