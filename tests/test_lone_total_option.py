"""A `Total` option with no option beside it in its unit is no candidate.

Texas's 2004 primary file (OpenElections) gives each race's candidates of a party, then a `Total`
line of no party. Split by office, district and party, the presidential race by congressional
district is one race with the district as geography, and its `Total` lines, of no party, made races
of their own: 63 races in which "Total leads with 100.00 %". A precinct whose only row is its
`Total` made "Total" the leader of a county race too. Such a total is set aside, with a warning
that says its votes are no one's (both engines)."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

PRIMARY = (
    "office,district,candidate,party,votes\n"
    "U.S. House,1,Ann Lee,REP,600\nU.S. House,1,Bob Ray,REP,400\nU.S. House,1,Total,,1000\n"
    "U.S. House,2,Cy Dow,REP,300\nU.S. House,2,Di Fox,REP,500\nU.S. House,2,Total,,800\n"
    "President,1,Eve Orr,REP,900\nPresident,1,Uncommitted,REP,100\nPresident,1,Total,,1000\n"
    "President,2,Eve Orr,REP,700\nPresident,2,Uncommitted,REP,50\nPresident,2,Total,,750\n"
)
PRECINCTS = (
    "precinct,candidate,votes\nP1,Ann,10\nP1,Bob,5\nP1,Total,15\nP2,Total,40\n"
    "P3,Ann,7\nP3,Bob,9\nP3,Total,16\n"
)


def _summary(path, *args: str) -> dict:
    return json.loads(invoke("summary", str(path), "--format", "json", *args).stdout)


def _problems(path) -> list[dict]:
    out = invoke("validate", str(path), "--format", "json")
    return [p for f in json.loads(out.stdout)["files"] for p in f["problems"]]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_primary_s_total_lines_of_no_party_lead_no_race(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, PRIMARY, name="tx_2004_primary.csv")
    leaders = {e["election"]: e["leader"]["candidate"] for e in _summary(path)["elections"]}
    assert "Total" not in leaders.values()
    # The hand-checked figures: each district's candidates, the President's summed over both.
    assert set(leaders.values()) == {"Ann Lee", "Di Fox", "Eve Orr"}
    president = next(
        e for e in _summary(path)["elections"] if e["election"].startswith("President")
    )
    assert {r["candidate"]: r["votes"] for r in president["results"]} == {
        "Eve Orr": 1600,
        "Uncommitted": 150,
    }
    alone = [p for p in _problems(path) if "stand alone" in p["message"]]
    assert alone and all(p["code"] == "total-row" for p in alone)
    assert sorted(p["line"] for p in alone) == [10, 13]


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_precinct_given_only_as_its_total_leads_nothing(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    path = write(tmp_path, PRECINCTS)
    (election,) = _summary(path)["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"Ann": 17, "Bob": 14}
    (alone,) = [p for p in _problems(path) if "stand alone" in p["message"]]
    assert alone["line"] == 5
    assert "--kind Total=candidate" in alone["message"]


def test_a_candidate_named_total_is_kept_when_said(tmp_path):
    path = write(tmp_path, PRECINCTS)
    (election,) = _summary(path, "--kind", "Total=candidate")["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        "Total": 71,
        "Ann": 17,
        "Bob": 14,
    }


@pytest.mark.parametrize("engine", ["stream", "exact"])
def test_a_table_of_its_total_line_alone_gives_no_result(tmp_path, monkeypatch, engine):
    """It was read as a candidate named Total with 100 %; set aside, nothing is left: an error,
    never an empty report that says nothing."""
    monkeypatch.setenv("POLLCLI_ENGINE", engine)
    out = invoke("summary", str(write(tmp_path, "candidate,votes\nTotal,9\n")))
    assert out.code == 1
    assert "no option's votes were read" in out.stderr  # (`read._nothing_read`)


def test_summary_says_what_it_set_aside_in_races_it_does_not_summarise(tmp_path):
    """Races of `Total` lines alone give no election: their warnings were in `validate` only."""
    path = write(tmp_path, PRIMARY, name="tx_2004_primary.csv")
    out = invoke("summary", str(path), "--format", "json")
    assert out.code == 0, out.stderr
    assert out.stderr.count("stand alone") == 2  # (lines 10 and 13, each said)
    many = PRIMARY + "".join(
        f"Sheriff,{d},Cy Dow,REP,5\nSheriff,{d},Total,,9\nCoroner,{d},Total,,9\n" for d in range(3)
    )
    out = invoke("summary", str(write(tmp_path, many, name="tx_primary.csv")), "--format", "json")
    said = [line for line in out.stderr.splitlines() if "no option beside them" in line]
    assert len(said) == 1 and "8 races' total lines" in said[0], out.stderr  # 2 + 3 + 3


def test_summary_json_lists_the_warnings_of_races_it_set_aside(tmp_path):
    """Those warnings were on stderr only: a script reading the JSON saw nothing of the races set
    aside. They are the summary's `set_aside`, each with its race and code, as validate has them."""
    many = PRIMARY + "".join(f"Coroner,{d},Total,,9\n" for d in range(2))
    path = write(tmp_path, many, name="tx_primary.csv")
    document = _summary(path)
    said = [(p["race"], p["code"], p["line"]) for p in document["set_aside"]]
    valid = [(p["race"], p["code"], p["line"]) for p in _problems(path) if p.get("race")]
    assert said and all(code == "total-row" for _, code, _ in said)
    summarised = {e["election"] for e in document["elections"]}
    assert sorted(said) == sorted(p for p in valid if p[0] not in summarised)
    assert {"Coroner · 0", "Coroner · 1"} <= {race for race, _, _ in said}
    assert "set_aside" not in _summary(write(tmp_path, PRECINCTS.replace("P2,Total,40\n", "")))
