"""A candidate standing in two districts of one office (or two namesakes) is no sign that the
district is one race's geography (`read.geography`): an office of two districts, each with a rival
of its own, is two races on both engines; where a district is still read as geography although a
candidate stands in fewer of its districts, the note says so."""

from __future__ import annotations

import io

import pandas as pd

from conftest import engines_agree, write


def _oracle(text: str, keys: list[str]) -> dict[str, dict[str, int]]:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    sums = frame.groupby([*keys, "candidate"])["votes"].sum()
    out: dict[str, dict[str, int]] = {}
    for (*race, candidate), votes in sums.items():
        out.setdefault(" ".join(race), {})[candidate] = int(votes)
    return out


TWO_DISTRICTS = (
    "office,district,candidate,party,votes\n"
    "State House,1,Ann Vell,DEM,10\nState House,1,Bo Lind,REP,7\n"
    "State House,2,Ann Vell,DEM,4\nState House,2,Cy Moor,LIB,9\n"
)


def test_one_candidate_in_both_districts_of_an_office_is_two_races(tmp_path, monkeypatch):
    """Was one race 'State House', Ann Vell leading with 14 of 30 votes, and a note that every
    district has the same candidates."""
    elections, _ = engines_agree(monkeypatch, write(tmp_path, TWO_DISTRICTS))
    got = {
        f"{e.race.keys['office']} {e.race.keys['district']}": {
            o.candidate: o.votes for o in e.options
        }
        for e in elections
    }
    assert got == _oracle(TWO_DISTRICTS, ["office", "district"])
    assert not any("read as geography" in n for e in elections for n in e.notes)


def test_a_district_read_as_geography_names_a_candidate_not_in_each(tmp_path, monkeypatch):
    """Two candidates in both districts, a third in one: one race by district (as before), and
    the note no longer says every district has the same candidates."""
    text = (
        "office,district,candidate,votes\n"
        "Governor,1,Ann Vell,10\nGovernor,1,Bo Lind,7\nGovernor,1,Cy Moor,1\n"
        "Governor,2,Ann Vell,4\nGovernor,2,Bo Lind,9\n"
    )
    (election,), _ = engines_agree(monkeypatch, write(tmp_path, text))
    assert {o.candidate: o.votes for o in election.options} == _oracle(text, ["office"])["Governor"]
    (note,) = [n for n in election.notes if "read as geography" in n]
    assert "'Cy Moor' in 1 of 2" in note
    assert "the same candidates" not in note


def test_a_placeholder_standing_in_most_districts_is_no_sign_of_one_race(tmp_path, monkeypatch):
    """Tennessee's 2016 primary (OpenElections' county file): `No Candidate Qualified` in 10 of
    the State Senate's 16 districts made the district geography, every Democratic senate primary
    one race led by the candidate of district 20 with 8,788 votes. Here in 3 of 4 districts."""
    text = "county,office,district,party,candidate,votes\n" + "".join(
        f"{county},State Senate,{district},Democratic,{name},{votes}\n"
        for county, district, name, votes in (
            ("Lake", "2", "No Candidate Qualified", 0),
            ("Lake", "4", "No Candidate Qualified", 0),
            ("Hill", "6", "No Candidate Qualified", 0),
            ("Hill", "8", "Ann Vell", 300),
            ("Dale", "8", "Ann Vell", 120),
            ("Dale", "8", "Bo Lind", 200),
        )
    )
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text, "20160804__tn__primary.csv"))
    got = {e.race.keys["district"]: {o.candidate: o.votes for o in e.options} for e in elections}
    assert got["8"] == _oracle(text, ["district"])["8"] == {"Ann Vell": 420, "Bo Lind": 200}
    assert len(got) == 4


def test_an_office_written_with_and_without_spaces_at_its_slashes_is_one_race(
    tmp_path, monkeypatch
):
    """Montana 2018's counties write `SHERIFF/CORONER` and `SHERIFF / CORONER`: one race by its
    keys (punctuation read as spaces), whose rows were then refused for two spellings of its
    office ("make them agree"); where a candidate stands under both, one race read."""
    text = (
        "county,office,candidate,votes\n"
        "Lake,SHERIFF / CORONER,Ann Vell,10\nLake,SHERIFF / CORONER,Bo Lind,7\n"
        "Hill,SHERIFF/CORONER,Ann Vell,4\nHill,SHERIFF/CORONER,Bo Lind,9\n"
    )
    (election,), problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(text))
    want = {k: int(v) for k, v in frame.groupby("candidate").votes.sum().items()}
    assert (
        {o.candidate: o.votes for o in election.options} == want == {"Ann Vell": 14, "Bo Lind": 16}
    )
