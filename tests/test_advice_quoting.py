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
