"""India's ECI turnout tables (`State,Male Electors,Male Voters,Male Turnout,Female Electors,
Female Voters,Female Turnout,Total Electors,Total Voters,Total Turnout`) hold no option's votes:
electors and voters by sex are parts of the electorate and of the ballots cast, `Total Voters`
the ballots cast. Read as a wide table of options they gave "Total Voters leads with 28.52 %",
male electors the runner-up (trial 17). Now no options are left, and the file is refused as such.

Figures and names invented, the layout is the file's (its Indian digit grouping written plain)."""

from __future__ import annotations

import pytest

from conftest import invoke, write
from pollcli.read.protocol import line

HEADER = (
    "State,Male Electors,Male Voters,Male Turnout,Female Electors,Female Voters,Female Turnout,"
    "Total Electors,Total Voters,Total Turnout\n"
)
ROWS = (
    "Alpha Pradesh,142782,101178,70.86%,126578,89150,70.43%,269360,190328,70.66%\n"
    "Beta Pradesh,687389,519364,75.56%,698844,526475,75.34%,1386233,1045839,75.44%\n"
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Male Electors", ("", 0)),
        ("Female Electors", ("", 0)),
        ("Third Gender Electors", ("", 0)),
        ("Male Voters", ("", 0)),
        ("Female Voters", ("", 0)),
        ("Others Voters", ("", 0)),
        ("Total Electors", ("registered", 0)),
        ("Total Voters", ("ballots_cast", 0)),
        ("Male", None),
        ("Voters' Party", None),
    ],
)
def test_electors_and_voters_by_sex_are_protocol_lines(header, expected) -> None:
    assert line(header) == expected


def test_a_turnout_table_names_no_option(tmp_path) -> None:
    path = write(tmp_path, HEADER + ROWS, "state-wise-turnout.csv")
    for flags in [(), ("--wide",)]:
        result = invoke("summary", str(path), *flags)
        assert result.code != 0, result.stdout
        assert "leads" not in result.stdout and "Total Voters" not in result.stdout
