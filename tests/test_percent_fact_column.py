"""A column of percentages read as a count names its column: a wide table whose `voter_turnout`
(read as the ballots cast, as The Star's Malaysian files give it as a count) holds a turnout in
percent was refused with "ballots_cast '65.2': not a whole number; a count has no fraction", which
said nothing of the column it came from nor how to leave it out. The figures are invented."""

from __future__ import annotations

from conftest import invoke, write

WIDE = (
    "region,registered_voters,voter_turnout,Red,Blue,Green\n"
    "North,300,65.2,100,80,20\n"
    "South,200,70.1,50,90,11\n"
    "East,250,64.2,60,70,12\n"
)


def test_the_message_names_the_column_and_the_way_out(tmp_path):
    path = write(tmp_path, WIDE)
    result = invoke("summary", str(path))
    assert result.code != 0
    assert "ballots_cast '65.2' (the 'voter_turnout' column): not a whole number" in result.stderr
    assert "--ignore-column voter_turnout" in result.stderr
    # The advice read as given: Blue leads, 80 + 90 + 70 = 240 votes of 493 (hand-added).
    advised = invoke("summary", str(path), "--ignore-column", "voter_turnout")
    assert advised.code == 0, advised.stderr
    assert "Blue leads with 48.68 % (240 votes)" in advised.stdout


def test_a_count_column_of_its_own_name_is_said_as_before(tmp_path):
    """A `ballots_cast` column is the fact's own name: nothing to add; 1500.5 is no percentage."""
    path = write(tmp_path, "party,votes,ballots_cast\nRed,100,1500.5\nBlue,80,1500.5\n")
    result = invoke("summary", str(path))
    assert "ballots_cast '1500.5': not a whole number; a count has no fraction" in result.stderr
    assert "--ignore-column" not in result.stderr
