"""Ballots cast minus valid votes is not a count of invalid ballots where 'ballots cast' counts the
ballots handed out: the Mazhilis 2023 file's 6,521,860 are the voters who received ballots, and the
reference (shared/reference/kazakhstan_mazhilis.md §1.2) says the gap of 155,419 "covers invalid plus
unreturned ballots"; no invalid-ballot count was published. The finding called it "invalid or blank
ballots"."""

from conftest import DATA, invoke


def test_the_gap_is_not_called_invalid_ballots_alone():
    out = invoke("summary", str(DATA / "kz_2023_mazhilis.csv"), "-f", "markdown", "-q").stdout
    # 6,521,860 ballots received − 6,366,441 valid list votes (parties and Against all), by hand.
    line = next(line for line in out.splitlines() if "Ballots cast minus valid votes" in line)
    assert "155,419" in line
    assert "unreturned" in line
    assert "(invalid or blank ballots" not in line
