"""Vote-method columns by their words' parts (trial 6): Georgia's `advance_in_person` (numbered
`advance_in_person_1`…) and `absentee_in_person`, Oklahoma's `elec_day_votes`. Beside a votes
column they drew a false warning that the modes do not add up; without one the unknown column was
ignored and the figures were wrong (Oconee's Kemp 6,324 where the modes give 14,480). A numeric
column pollcli does not read, beside vote-mode columns in a file with no votes column, is never
silently left out: the file is refused, and the message names --ignore-column and --votes.

Figures invented, the layouts are the files'; oracle: pandas sums of the mode columns.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import stream
from pollcli.read.roles import is_vote_part


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


GA = """county,precinct,office,district,party,candidate,votes,absentee_by_mail,advance_in_person,election_day,provisional
Oconee,Annex,Governor,,REP,BRIAN KEMP,988,35,687,265,1
Oconee,Annex,Governor,,DEM,STACEY ABRAMS,400,30,200,170,0
Oconee,Colham Ferry,Governor,,REP,BRIAN KEMP,885,20,593,272,0
Oconee,Colham Ferry,Governor,,DEM,STACEY ABRAMS,310,12,150,147,1
Oconee,Annex,Lieutenant Governor,,REP,GEOFF DUNCAN,950,30,660,259,1
Oconee,Annex,Lieutenant Governor,,DEM,SARAH RIGGS AMICO,420,33,220,167,0
Oconee,Colham Ferry,Lieutenant Governor,,REP,GEOFF DUNCAN,860,19,580,261,0
Oconee,Colham Ferry,Lieutenant Governor,,DEM,SARAH RIGGS AMICO,330,13,160,156,1
"""
GA_MODES = ["absentee_by_mail", "advance_in_person", "election_day", "provisional"]
OK = """county,office,candidate,party,precinct,mail_votes,early_votes,elec_day_votes,total_votes,district
Adair,Governor,Mick Cornett,REP,10001,3,5,17,25,
Adair,Governor,Kevin Stitt,REP,10001,2,4,29,35,
Adair,Governor,Mick Cornett,REP,10002,0,1,40,41,
Adair,Governor,Kevin Stitt,REP,10002,1,0,52,53,
Adair,Lieutenant Governor,Matt Pinnell,REP,10001,4,3,30,37,
Adair,Lieutenant Governor,Dana Murphy,REP,10001,1,6,15,22,
"""
OK_MODES = ["mail_votes", "early_votes", "elec_day_votes"]


def oracle(text: str, modes: list[str]) -> dict[tuple[str, str], int]:
    """Votes per (office, candidate): the sum of the mode columns (pandas)."""
    frame = pd.read_csv(io.StringIO(text))
    frame["sum"] = frame[modes].sum(axis=1)
    return {k: int(v) for k, v in frame.groupby(["office", "candidate"])["sum"].sum().items()}


def votes(elections) -> dict[tuple[str, str], int]:
    return {(e.race.keys["office"], o.candidate): o.votes for e in elections for o in e.options}


def drop(text: str, column: str) -> str:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return frame.drop(columns=[column]).to_csv(index=False)


@pytest.mark.parametrize(
    "header",
    [
        "advance_in_person",
        "advance_in_person_1",
        "absentee_in_person",
        "elec_day_votes",
        "Election Day Votes",
        "in_person",
        "uocava",
    ],
)
def test_ways_of_voting_by_their_words(header):
    assert is_vote_part(header)


@pytest.mark.parametrize("header", ["votes", "election", "day", "county_code", "ballots", "by"])
def test_words_that_name_no_way_of_voting(header):
    assert not is_vote_part(header)


def test_georgias_modes_beside_votes_add_up(tmp_path, monkeypatch):
    frame = pd.read_csv(io.StringIO(GA))
    assert (frame[GA_MODES].sum(axis=1) == frame["votes"]).all()  # the file's own rows agree
    elections, problems = engines_agree(monkeypatch, write(tmp_path, GA))
    assert "mode-mismatch" not in {p.code for p in problems}
    assert votes(elections) == oracle(GA, GA_MODES)


def test_georgias_modes_without_votes_are_all_summed(tmp_path, monkeypatch):
    text = drop(GA, "votes")
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert votes(elections) == oracle(GA, GA_MODES)
    assert "unknown-column" not in {p.code for p in problems}
    assert any("advance_in_person" in n for e in elections for n in e.notes)


def test_numbered_mode_columns(tmp_path, monkeypatch):
    text = GA.replace("advance_in_person", "advance_in_person_1")
    elections, _ = engines_agree(monkeypatch, write(tmp_path, drop(text, "votes")))
    assert votes(elections) == oracle(GA, GA_MODES)


def test_oklahomas_modes_beside_its_total_add_up(tmp_path, monkeypatch):
    elections, problems = engines_agree(monkeypatch, write(tmp_path, OK))
    assert "mode-mismatch" not in {p.code for p in problems}
    assert votes(elections) == oracle(OK, OK_MODES)


def test_oklahomas_modes_without_a_total_are_all_summed(tmp_path, monkeypatch):
    elections, _ = engines_agree(monkeypatch, write(tmp_path, drop(OK, "total_votes")))
    assert votes(elections) == oracle(OK, OK_MODES)


# A way of voting no word above names ("curbside"): numbers beside the modes, no votes column.
CURBSIDE = drop(GA, "votes").replace("provisional\n", "provisional,curbside\n", 1)


def curbside() -> str:
    lines = CURBSIDE.splitlines()
    return "\n".join([lines[0], *(line + ",3" for line in lines[1:])]) + "\n"


def test_an_unread_numeric_column_beside_modes_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, curbside())
    result = invoke("summary", str(path))
    assert result.code == 1, result.stdout
    message = " ".join(result.stderr.split())
    assert "'curbside'" in message and "--ignore-column curbside" in message
    assert "--votes" in message and ":1:" in result.stderr
    for engine in ("exact", "stream"):
        result = invoke("summary", str(path), env={"POLLCLI_ENGINE": engine})
        assert result.code == 1, (engine, result.stdout)


def test_told_to_leave_it_out_the_modes_are_read(tmp_path, monkeypatch):
    path = write(tmp_path, curbside())
    elections, problems = engines_agree(monkeypatch, path, ignore_columns=("curbside",))
    assert votes(elections) == oracle(GA, GA_MODES)
    assert not [p for p in problems if p.severity == "error"]


def test_told_to_read_one_column_it_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, curbside())
    elections, _ = engines_agree(monkeypatch, path, votes="election_day")
    assert votes(elections) == oracle(GA, ["election_day"])


@pytest.mark.parametrize("column", ["county_code", "precinct_id", "fips"])
def test_a_numeric_code_beside_modes_is_no_way_of_voting(tmp_path, monkeypatch, column):
    lines = drop(GA, "votes").splitlines()
    text = "\n".join([f"{lines[0]},{column}", *(f"{line},13219" for line in lines[1:])]) + "\n"
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert votes(elections) == oracle(GA, GA_MODES)
    assert "unknown-column" in {p.code for p in problems if p.severity == "warning"}


def test_a_column_of_words_beside_modes_is_left_as_before(tmp_path, monkeypatch):
    lines = drop(GA, "votes").splitlines()
    text = "\n".join([f"{lines[0]},note", *(f"{line},certified" for line in lines[1:])]) + "\n"
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text))
    assert votes(elections) == oracle(GA, GA_MODES)
