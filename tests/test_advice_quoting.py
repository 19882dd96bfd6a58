"""Advice that names a column with spaces quotes it for the shell, so that it can be copied (trial
15: Elections Canada's results, English and French headers side by side, were advised
`--ignore-column Electoral district name`, three words to the shell). The advice, copied through
`shlex.split` as a shell would, reads the file; the figures are pandas'. Figures invented, the
layout is Elections Canada's (tab-separated, one row per candidate)."""

from __future__ import annotations

import io
import json
import re
import shlex

import pandas as pd

from conftest import invoke, write

EC = (
    "Electoral district number\tElectoral district name\tNom de la circonscription\t"
    "Surname\tPolitical affiliation\tVotes\n"
    "10001\tAvalon\tAvalon\tAsh\tLiberal\t1900\n"
    "10001\tAvalon\tAvalon\tBirch\tConservative\t1300\n"
    "10002\tBonavista\tBonavista\tCole\tLiberal\t1400\n"
    "10002\tBonavista\tBonavista\tDunn\tConservative\t1250\n"
)


def test_the_ignore_column_advice_can_be_copied(tmp_path):
    path = write(tmp_path, EC, "ec.tsv")
    refused = invoke("summary", str(path), "--format", "json")
    assert refused.code != 0
    advice = re.search(r"\(--ignore-column ('[^']*')\)", refused.stderr)
    assert advice, refused.stderr
    assert "--region 'Nom de la circonscription'" in refused.stderr
    read = invoke("summary", str(path), "--format", "json", *shlex.split(advice.group(0)[1:-1]))
    assert read.code == 0, read.stderr
    frame = pd.read_csv(io.StringIO(EC), sep="\t")
    got = {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]}
        for e in json.loads(read.stdout)["elections"]
    }
    expected = {
        race: dict(zip(rows["Surname"], rows["Votes"].astype(int), strict=True))
        for race, rows in frame.groupby("Nom de la circonscription")
    }
    assert got == expected


# A count column holding place names (New Zealand's `Electorate`), here under a header of two words.
PLACES = (
    "Registered Voters,candidate,votes\n"
    "Auckland Central,Ann,500\nAuckland Central,Bob,400\n"
    "Epsom,Cat,300\nEpsom,Dan,350\n"
    "Taupo,Eve,200\nTaupo,Fay,210\n"
)


def test_the_race_by_advice_can_be_copied(tmp_path):
    path = write(tmp_path, PLACES)
    said = invoke("summary", str(path), "--no-color")
    note = " ".join(said.stdout.replace("│", " ").split())
    advice = re.search(r"add (--race-by '[^']*')", note)
    assert advice, note
    read = invoke("summary", str(path), "--format", "json", *shlex.split(advice.group(1)))
    assert read.code == 0, read.stderr
    frame = pd.read_csv(io.StringIO(PLACES))
    got = {
        e["election"]: {r["candidate"]: r["votes"] for r in e["results"]}
        for e in json.loads(read.stdout)["elections"]
    }
    assert got == {
        race: dict(zip(rows["candidate"], rows["votes"].astype(int), strict=True))
        for race, rows in frame.groupby("Registered Voters")
    }


def _copied(message: str, flag: str) -> list[str]:
    """The advice's `flag VALUE`, as a shell reads it from the message (VALUE one shell word)."""
    rest = message[message.index(flag + " ") + len(flag) + 1 :]
    lexer = shlex.shlex(rest, posix=True, punctuation_chars=False)
    lexer.whitespace_split = True
    return [flag, next(iter(lexer))]


# A column of race totals named with a space, one race's cells differing (session 17: the advice
# was `--ignore-column Total Votes`, two words to the shell).
TOTALS = """office,district,candidate,party,votes,Total Votes
House,1,Ann Lee,DEM,500,900
House,1,Bo Diaz,REP,400,900
House,2,Cy Fox,DEM,300,700
House,2,Di Gray,REP,400,710
"""


def test_the_ignore_column_advice_of_a_total_can_be_copied(tmp_path) -> None:
    path = write(tmp_path, TOTALS)
    refused = invoke("summary", str(path), "--format", "json")
    assert refused.code == 1
    args = _copied(refused.stderr, "--ignore-column")
    assert args == ["--ignore-column", "Total Votes"], refused.stderr
    read = invoke("summary", str(path), "--format", "json", *args)
    assert read.code == 0, read.stderr
    votes = {
        e["election"]: sum(r["votes"] for r in e["results"])
        for e in json.loads(read.stdout)["elections"]
    }
    frame = pd.read_csv(io.StringIO(TOTALS))
    assert votes == {
        f"House · {d}": int(v) for d, v in frame.groupby("district")["votes"].sum().items()
    }


# One candidate spelt two ways, an apostrophe in the name (the advice was `--alias 'Pat O'Brian=…'`,
# an unclosed quote to the shell).
SPELT = """county,office,candidate,party,votes
A,Mayor,Pat O'Brien,DEM,500
A,Mayor,Lu Wong,REP,450
B,Mayor,Pat O'Brian,DEM,300
B,Mayor,Lu Wong,REP,400
"""


def test_the_alias_advice_of_a_name_with_an_apostrophe_can_be_copied(tmp_path) -> None:
    path = write(tmp_path, SPELT)
    said = invoke("summary", str(path), "--format", "json")
    args = _copied(said.stderr, "--alias")
    assert args == ["--alias", "Pat O'Brian=Pat O'Brien"], said.stderr
    read = invoke("summary", str(path), "--format", "json", *args)
    (race,) = json.loads(read.stdout)["elections"]
    # By hand: 500 + 300 for Pat O'Brien, 850 for Lu Wong.
    assert {r["candidate"]: r["votes"] for r in race["results"]} == {
        "Pat O'Brien": 800,
        "Lu Wong": 850,
    }


# A race named with both kinds of quote, several candidates of one party and no seats stated: the
# advice `--vote-for N and --race …` (Python's repr, `'St. John\'s "North"'`, before) reads it.
WARD = '"St. John\'s ""North"""'  # a CSV cell: St. John's "North"
CROWDED = "office,district,candidate,party,votes\n" + "".join(
    f"Council,{district},{name},{party},{votes}\n"
    for district, name, party, votes in [
        (WARD, "Ann Lee", "DEM", 500),
        (WARD, "Bo Diaz", "DEM", 450),
        (WARD, "Cy Fox", "DEM", 300),
        (WARD, "Di Gray", "REP", 200),
        ("South", "Ed Eng", "DEM", 300),
        ("South", "Flo Fay", "REP", 200),
    ]
)


def test_the_vote_for_advice_of_a_quoted_race_name_can_be_copied(tmp_path) -> None:
    path = write(tmp_path, CROWDED)
    said = invoke("summary", str(path), "--format", "json")
    assert "--vote-for N and --race" in said.stderr, said.stderr
    args = _copied(said.stderr, "--race")
    assert args == ["--race", 'Council · St. John\'s "North"'], said.stderr
    read = invoke("summary", str(path), "--format", "json", "--vote-for", "2", *args)
    assert read.code == 0, read.stderr
    (race,) = json.loads(read.stdout)["elections"]
    assert race["elected"] == ["Ann Lee", "Bo Diaz"]  # the top 2 by votes, by hand
