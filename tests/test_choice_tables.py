"""Ranked-choice ballots by first and second choice are no votes per option (`read.choices`).

Alaska's table by House district (`us_ak_rcv_gov_top3_hd.csv`): a header of two rows, the first
choice over the second (`1` and `2` in the corner), each cell the ballots that rank the two so.
With `--wide` its candidates' columns named the rows ("No candidate is on the ballot list",
Exhausted and Overvote the options); with `--header-line 1-2 --id-columns '1 / 2'` each second
choice was a race "led" by a first choice. Refused whatever the flags, saying what the table is
and what pollcli reads instead (the count's rounds), which works. Names and figures invented."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

# Three candidates; each first choice over: no second choice, each other candidate, Overvote.
NAMES = ("Moss/Hale", "Lind/Ortiz", "Park/Vance")


def _top3() -> str:
    first = ['"1"']
    second = ['"2"']
    for name in NAMES:
        for then in ("", *(n for n in NAMES if n != name), "Overvote"):
            first.append(f'"{name}"')
            second.append(f'"{then}"')
    first += ['"Blank"', '"Exhausted"', '"Overvote"']
    second += ['""', '""', '""']
    rows = [",".join(first), ",".join(second)]
    for district in range(1, 5):
        cells = [str(100 * district + 7 * n + 3) for n in range(len(first) - 1)]
        rows.append(f'"House District {district}",' + ",".join(f'"{c}"' for c in cells))
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    "flags",
    [
        ("--wide",),
        ("--wide", "--header-line", "1-2"),
        ("--wide", "--header-line", "1-2", "--id-columns", "1 / 2"),
        ("--wide", "--id-columns", "1"),
    ],
)
def test_a_table_of_first_by_second_choice_is_refused(tmp_path, flags):
    path = write(tmp_path, _top3(), "xx_rcv_top3_hd.csv")
    result = invoke("summary", str(path), *flags)
    assert result.code != 0
    said = " ".join(result.stderr.split())
    assert "ranked-choice ballots counted by first and second choice" in said
    assert "'Lind/Ortiz' under 'Moss/Hale'" in said
    assert "candidate,ranked_choice_round,votes" in said
    assert "LEADER" not in result.stdout and "leads" not in result.stdout


def test_without_wide_the_advice_leads_to_the_refusal(tmp_path):
    path = write(tmp_path, _top3(), "xx_rcv_top3_hd.csv")
    result = invoke("summary", str(path))
    assert result.code != 0 and "pass --wide" in result.stderr
    again = invoke("summary", str(path), "--wide")
    assert "ranked-choice ballots counted by first and second choice" in " ".join(
        again.stderr.split()
    )


def test_the_advice_read_as_it_says(tmp_path):
    """The count's rounds, a row per candidate and round: decided by the final round (by hand:
    Moss/Hale 560 of 980 in round 2, 57.14 %)."""
    text = "candidate,ranked_choice_round,votes\n"
    text += (
        "Moss/Hale,1,500\nLind/Ortiz,1,300\nPark/Vance,1,250\nMoss/Hale,2,560\nLind/Ortiz,2,420\n"
    )
    result = invoke("summary", str(write(tmp_path, text, "rounds.csv")), "-f", "json")
    assert result.code == 0, result.stderr
    (race,) = json.loads(result.stdout)["elections"]
    assert race["leader"]["candidate"] == "Moss/Hale" and race["leader"]["votes"] == 560


def test_tables_of_two_header_rows_that_are_no_choices_read_as_before(tmp_path):
    # A party over its votes and share (a second row of words), and the final round's table (a
    # column per candidate, one header row): no first choice over another.
    text = "District,Alpha,Alpha,Beta,Beta\n,votes,share,votes,share\nNorth,60,60.0,40,40.0\n"
    text += "South,30,37.5,50,62.5\n"
    result = invoke("summary", str(write(tmp_path, text, "two.csv")), "--wide")
    assert "ranked-choice" not in result.stderr
    final = '"1","Moss/Hale","Lind/Ortiz","Blank","Exhausted","Overvote"\n'
    final += (
        '"House District 1","390","250","9","48","1"\n"House District 2","377","279","7","50","1"\n'
    )
    result = invoke(
        "summary", str(write(tmp_path, final, "top2.csv")), "--wide", "--id-columns", "1"
    )
    assert result.code == 0, result.stderr
    # By hand: Moss/Hale 390 + 377 = 767 of 767 + 529.
    assert "Moss/Hale leads with 59.18 % (767 votes)" in " ".join(result.stdout.split())


def test_a_final_rounds_table_reads_with_wide_alone(tmp_path):
    """Alaska's final-round tables (`us_ak_rcv_gov_top2_hd.csv`): the candidates, then `Blank`
    (a protocol line), `Exhausted` and `Overvote`. With `--wide` the columns before `Blank` named
    the rows, as a protocol table's names do: "No candidate is on the ballot list", Exhausted and
    Overvote the options. Ballots of no candidate after the line end no naming columns."""
    final = '"1","Moss/Hale","Lind/Ortiz","Blank","Exhausted","Overvote"\n'
    final += (
        '"House District 1","390","250","9","48","1"\n"House District 2","377","279","7","50","1"\n'
    )
    final += '"House District 3","401","233","8","41","2"\n'
    result = invoke("summary", str(write(tmp_path, final, "top2.csv")), "--wide", "-f", "json")
    assert result.code == 0, result.stderr
    (race,) = json.loads(result.stdout)["elections"]
    # By hand: Moss/Hale 390 + 377 + 401 = 1,168; Lind/Ortiz 250 + 279 + 233 = 762.
    votes = {r["candidate"]: r["votes"] for r in race["results"]}
    assert votes["Moss/Hale"] == 1168 and votes["Lind/Ortiz"] == 762
    assert race["leader"]["candidate"] == "Moss/Hale"
    assert votes["Exhausted"] == 139 and votes["Overvote"] == 4
