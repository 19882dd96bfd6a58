"""The advice for a date that differs within an election (`datecolumn.advice`): the column(s)
that keep the elections apart. ParlGov's `view_election.csv` lists every country's elections,
a party a row; pollcli said `--race-by election_date`, which reads the European Parliament's
elections of one day in two countries as one race (both countries' parties in it, their shares
summed past 100 %). Invented: two countries, a general election each and one European election
on one day. Oracle: pandas, each election's parties by the column named."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import invoke, write

HEAD = "country_name,election_type,election_date,vote_share,seats,party_name,election_id\n"
ROWS = [
    ("Aland", "parliament", "2017-03-05", 55.0, 30, "Blue Party", 101),
    ("Aland", "parliament", "2017-03-05", 45.0, 20, "Green Party", 101),
    ("Aland", "ep", "2019-05-26", 60.0, 4, "Blue Party", 102),
    ("Aland", "ep", "2019-05-26", 40.0, 2, "Green Party", 102),
    ("Borduria", "parliament", "2018-10-07", 70.0, 70, "Red Union", 201),
    ("Borduria", "parliament", "2018-10-07", 30.0, 30, "Grey List", 201),
    ("Borduria", "ep", "2019-05-26", 52.0, 5, "Red Union", 202),
    ("Borduria", "ep", "2019-05-26", 48.0, 4, "Grey List", 202),
]


def table(with_id: bool) -> str:
    lines = [",".join(map(str, row if with_id else row[:-1])) for row in ROWS]
    head = HEAD if with_id else HEAD.replace(",election_id", "")
    return head + "\n".join(lines) + "\n"


def advised(stderr: str) -> str:
    text = " ".join(stderr.split())
    start = text.index("--race-by ") + len("--race-by ")
    return text[start:].split()[0]


def leaders(stdout: str) -> dict[str, str]:
    return {e["election"]: e["leader"]["candidate"] for e in json.loads(stdout)["elections"]}


@pytest.mark.parametrize("engine", ["stream", "exact"])
@pytest.mark.parametrize(
    ("with_id", "keys"), [(True, "election_id"), (False, "country_name,election_date")]
)
def test_the_advice_keeps_elections_of_one_day_in_two_countries_apart(
    tmp_path, monkeypatch, engine, with_id, keys
):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, table(with_id), "view_election.csv")
    done = invoke("summary", str(path))
    assert done.code == 1
    assert advised(done.stderr) == keys
    split = invoke("summary", str(path), "--race-by", keys, "-f", "json")
    assert split.code == 0, split.stderr
    frame = pd.read_csv(io.StringIO(table(with_id)))
    by = keys.split(",")
    want = frame.loc[frame.groupby(by)["vote_share"].idxmax(), "party_name"]
    assert sorted(leaders(split.stdout).values()) == sorted(want)
    assert len(leaders(split.stdout)) == 4


def test_one_country_keeps_the_date_alone(tmp_path):
    text = "".join(line for line in table(False).splitlines(True) if "Borduria" not in line)
    done = invoke("summary", str(write(tmp_path, text, "aland.csv")))
    assert done.code == 1
    assert advised(done.stderr) == "election_date"
