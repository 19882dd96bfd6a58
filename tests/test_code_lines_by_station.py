"""A code told a line of the ballot account in some races of a file is one in all of them.

Bulgaria's votes_paper by polling station (`section_id;party;votes`), each station read as a race
(`--race-by section_id`): the parties 1–30 beside codes 99–106 of the ballot account, 103 the
parties' votes added up, 104 the registered voters. A station of 100 votes or more names no leader
(`read.code_options`: 103 holds the sum of the parties'); but a station's sum under 100 votes
tells nothing alone, so 1,909 small stations of the 2022 file were each "led" by '104', the
registered voters (`104 … 18.67 % LEADER`), and the races won read '104 1,912'. Once the file
shows the code is such a line, every station that lists it names no leader. Figures invented."""

from __future__ import annotations

import json
import random
import re
import shlex

import pandas as pd

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions

PARTIES = (1, 2, 3, 4, 5, 6, 7, 8)


def _stations(big: int, small: int, seed: int = 28) -> str:
    """`big` stations of 100 parties' votes or more, then `small` ones under 100; 104 (the
    registered) the largest code of each."""
    rng = random.Random(seed)
    lines = ["section_id;party;votes"]
    for n in range(big + small):
        top = 60 if n < big else 9  # (8 parties: 8 × 9 = 72 at most, under 100)
        parties = {p: rng.randint(0 if n < big else 1, top) for p in PARTIES}
        if n < big:
            parties[1] += 100  # (100 votes or more, whatever the draw)
        valid = sum(parties.values())
        none, invalid = rng.randint(0, 3), rng.randint(0, 3)
        urn = valid + none + invalid
        account = {99: none, 100: valid, 101: urn, 102: invalid, 103: valid}
        account |= {104: urn + rng.randint(100, 300), 105: rng.randint(0, 4), 106: urn}
        lines += [f"{n + 1:09d};{c};{v}" for c, v in (parties | account).items()]
    return "\n".join(lines) + "\n"


def _leaders(path, *args: str) -> dict[str, str | None]:
    result = invoke("summary", str(path), "--race-by", "section_id", *args, "-f", "json")
    assert result.code == 0, result.stderr
    races = json.loads(result.stdout)["overview"]["races"]
    return {r["race"]: (r["leader"] or {}).get("candidate") for r in races}


def test_a_small_station_names_no_leader_once_the_file_tells_the_line(tmp_path, monkeypatch):
    path = write(tmp_path, _stations(big=3, small=5), "xx_votes_paper.csv")
    elections, _ = engines_agree(
        monkeypatch, path, read_options=ReadOptions(race_by=("section_id",))
    )
    assert len(elections) == 8
    for election in elections:
        assert election.split_options and election.no_winner is not None, election.facts.election
    small = next(e for e in elections if e.facts.election == "000000008")
    assert sum(o.votes or 0 for o in small.options if o.candidate == "103") < 100
    note = small.no_winner or ""
    # (100, the valid votes, holds the same sum as 103 here: either is told)
    assert re.search(r"'10[03]' is a line of the ballot account, no party's", note)
    assert "('000000001' and 2 more, of 100 votes or more)" in note
    assert "'1' … '8' (8 codes)" in note
    # Before: the small stations were each led by '104', the registered voters.
    assert set(_leaders(path).values()) == {None}


def test_the_advice_in_a_small_station_works_when_followed(tmp_path):
    path = write(tmp_path, _stations(big=2, small=4), "xx_votes_paper.csv")
    result = invoke("summary", str(path), "--race-by", "section_id", "-f", "json")
    (small,) = [e for e in json.loads(result.stdout)["elections"] if e["election"] == "000000006"]
    note = next(n for n in small["notes"] if "is a line of the ballot account" in n)
    kept = [a for m in re.finditer(r"--where (\S+)", note) for a in ("--where", m[1])]
    assert [shlex.split(a)[0] for a in kept[1::2]] == [f"party={p}" for p in PARTIES]
    leaders = _leaders(path, *kept)
    # Each station's leader is its party of the most votes (pandas, the file's rows).
    frame = pd.read_csv(path, sep=";", dtype={"section_id": str})
    parties = frame[frame["party"] < 99]
    for station, rows in parties.groupby("section_id"):
        top = {str(p) for p in rows[rows["votes"] == rows["votes"].max()]["party"]}
        # (a tie: one of the tied is listed first, or none is named)
        assert leaders[station] in top or (len(top) > 1 and leaders[station] is None), station


def test_small_stations_alone_are_read_as_before(tmp_path):
    """No station of 100 votes or more: nothing tells 103 a line of the account (a small race's
    sum may be by chance), and the stations read as before; so does a file of parties alone."""
    path = write(tmp_path, _stations(big=0, small=4), "xx_votes_paper.csv")
    assert set(_leaders(path).values()) == {"104"}
    frame = pd.read_csv(write(tmp_path, _stations(big=3, small=3), "all.csv"), sep=";")
    rows = frame[frame["party"] < 99]
    text = "".join(f"{s:09d};{p};{v}\n" for s, p, v in rows.itertuples(index=False))
    parties = write(tmp_path, "section_id;party;votes\n" + text, "parties.csv")
    assert None not in _leaders(parties).values()


def test_race_keeping_a_small_station_reads_the_others_beside_it(tmp_path, monkeypatch):
    """`--race` keeps one station: the others are read beside it (then let go), so the line they
    tell holds in the kept one too; read alone it was "led" by '104'."""
    path = write(tmp_path, _stations(big=3, small=5), "xx_votes_paper.csv")
    options = ReadOptions(race_by=("section_id",), races=("000000008",))
    elections, _ = engines_agree(monkeypatch, path, read_options=options)
    assert [e.facts.election for e in elections] == ["000000008"]
    assert elections[0].split_options and "is a line of the ballot account" in (
        elections[0].no_winner or ""
    )
    assert _leaders(path, "--race", "000000008") == {"000000008": None}
