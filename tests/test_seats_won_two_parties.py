"""A file of the seats two parties won beside their votes (`party,votes,seats`: a chamber's popular
vote and seats by party) was refused, "seats is '222' here but '213' on line 2 … make them agree",
and nothing got past it (`pollcli seats --seats 435` neither): the seats-won reading asked for three
counts or a 0 in a race, which two parties cannot give. Two parties' counts that differ are read
as the seats each won, with a note saying that a race's seats typed two ways read so too. Figures
invented; oracle: the file's own cells."""

from __future__ import annotations

import json

import pytest

from conftest import engines_agree, invoke, write

TWO = "party,votes,seats\nDemocratic,5000,213\nRepublican,4000,222\n"


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_two_parties_seats_won(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, TWO)
    engines_agree(monkeypatch, path)
    done = invoke("summary", str(path), "-f", "json")
    assert done.code == 0, done.stderr
    (election,) = json.loads(done.stdout)["elections"]
    assert dict(zip(election["elected"], election["seats_won"], strict=True)) == {
        "Republican": 222,
        "Democratic": 213,
    }
    (note,) = [n for n in election["notes"] if "counts the seats each option won" in n]
    assert "if it holds the race's seats to fill, make them agree" in note


def test_the_seats_command_reads_them_too(tmp_path):
    done = invoke("seats", str(write(tmp_path, TWO)), "--seats", "435")
    assert "make them agree" not in done.stderr
    assert done.code == 0, done.stderr


def test_two_lists_of_a_race_of_stated_seats_agreeing_are_no_seats_won(tmp_path):
    done = invoke("summary", str(write(tmp_path, TWO.replace("222", "213"))), "-f", "json")
    assert done.code == 0, done.stderr
    assert "seats_won" not in json.loads(done.stdout)["elections"][0]
