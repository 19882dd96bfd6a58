"""Sweep 12: a place named as a total that holds far less than its parts is no total of them.

Utah's Iron County 2022 precinct file has a precinct `SUM` (Summit): named as a total, it was set
aside, its votes lost (Mike Lee 134), with a warning that "the parts are counted: check the file".
A place named as a total that holds less than half of its parts' votes, option by option, is no
total of them: pollcli cannot tell a precinct named so from a total of some of its parts, and the
race is refused, saying both. A total a little off its parts is still set aside with a warning.
"""

import pytest

from conftest import engines_agree, invoke, write

HEADER = "county,precinct,office,party,candidate,votes"
IRON = [
    "Iron,3PK,U.S. Senate,REP,MIKE LEE,400",
    "Iron,3PK,U.S. Senate,,EVAN MCMULLIN,150",
    "Iron,BRYL,U.S. Senate,REP,MIKE LEE,700",
    "Iron,BRYL,U.S. Senate,,EVAN MCMULLIN,260",
    "Iron,SUM,U.S. Senate,REP,MIKE LEE,134",
    "Iron,SUM,U.S. Senate,,EVAN MCMULLIN,22",
]


def test_a_total_far_below_its_parts_refuses_its_race_in_both_engines(monkeypatch, tmp_path):
    path = write(tmp_path, "\n".join([HEADER, *IRON, ""]))
    _, problems = engines_agree(monkeypatch, path, block_bytes=100)
    [error] = [p for p in problems if p.severity == "error"]
    assert error.code == "total-mismatch" and "'SUM'" in error.message
    assert "MIKE LEE 134 of 1,100" in error.message  # 400 + 700, the other precincts
    assert "no total of them" in error.message


def test_the_cli_refuses_the_race_with_exit_1(tmp_path):
    result = invoke("summary", str(write(tmp_path, "\n".join([HEADER, *IRON, ""]))))
    assert result.code == 1
    assert "give it another name in the file" in result.stderr


@pytest.mark.parametrize("lee, mcmullin", [(1100, 410), (1090, 405)])
def test_a_total_equal_or_close_to_its_parts_is_still_set_aside(tmp_path, lee, mcmullin):
    rows = [*IRON[:4], f"Iron,SUM,U.S. Senate,REP,MIKE LEE,{lee}"]
    rows.append(f"Iron,SUM,U.S. Senate,,EVAN MCMULLIN,{mcmullin}")
    result = invoke("summary", str(write(tmp_path, "\n".join([HEADER, *rows, ""]))))
    assert result.code == 0, result.stderr
    assert "1,100" in result.stdout  # Mike Lee's precincts, the total set aside


@pytest.mark.parametrize("name", ["Summe", "Итого по району", "Danbury City CT", "Grand Total"])
def test_a_place_named_only_as_a_total_far_below_its_parts_is_still_set_aside(tmp_path, name):
    # Review: only a total word that may name a place too (`SUM`) refuses the race; a name that is
    # a total and nothing else (German, Russian, Connecticut's town total) keeps its warning.
    rows = [*IRON[:4], f"Iron,{name},U.S. Senate,REP,MIKE LEE,134"]
    rows.append(f"Iron,{name},U.S. Senate,,EVAN MCMULLIN,22")
    result = invoke("summary", str(write(tmp_path, "\n".join([HEADER, *rows, ""]))))
    assert result.code == 0, result.stderr
    assert "1,100" in result.stdout  # Mike Lee's precincts, the total set aside
    assert "differs from the sum of its parts" in result.stderr


def test_the_refusal_is_the_one_message_on_the_place(monkeypatch, tmp_path):
    """Review: the refusal ("it is no total of them") came with a `total-row` warning that said
    the opposite ("'SUM' … is a total of its region: set aside"): one message only."""
    path = write(tmp_path, "\n".join([HEADER, *IRON, ""]))
    _, problems = engines_agree(monkeypatch, path)
    assert [(p.code, p.severity) for p in problems] == [("total-mismatch", "error")]
