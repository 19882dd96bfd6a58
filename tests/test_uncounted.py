"""An unopposed race whose count is not printed: its candidate is elected ("unopposed, no count").

Florida does not count an unopposed congressional race (FL-24 2016: Frederica Wilson, listed with 0
votes) and Texas' county files list such races at 0: a lone candidate with 0 votes, and nothing else
with any, is elected. A race of several candidates with no votes still names no one (`no_votes`).
Oracles: the tables below, checked by hand; both engines agree.
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

RACES = """county,office,district,candidate,party,votes
DADE,U.S. House,24,Frederica S. Wilson,DEM,0
DADE,U.S. House,25,Mario Diaz-Balart,REP,157921
DADE,U.S. House,25,Alina Valdes,DEM,95319
JACKSON,Constable,,Cy Cole,REP,0
JACKSON,Constable,,Di Dunn,DEM,0
"""


def summary_json(monkeypatch, path, *args: str) -> dict:
    """`summary --format json` through each engine (streaming in tiny blocks): both agree."""
    from pollcli.read import stream

    monkeypatch.setattr(stream, "BLOCK_BYTES", 96)
    out = {}
    for engine in ("exact", "stream"):
        result = invoke(
            "summary", str(path), *args, "--format", "json", env={"POLLCLI_ENGINE": engine}
        )
        assert result.code == 0, result.stderr
        out[engine] = result.stdout
    assert out["exact"] == out["stream"]
    return json.loads(out["exact"])


def test_a_lone_candidate_with_no_count_is_elected_unopposed(tmp_path, monkeypatch):
    data = summary_json(monkeypatch, write(tmp_path, RACES))
    lines = {line["race"]: line for line in data["overview"]["races"]}
    wilson = lines["U.S. House · 24"]
    assert wilson["won"] is True
    assert wilson["leader"]["candidate"] == "Frederica S. Wilson"
    assert {"unopposed", "no_count"} <= set(wilson["tags"])
    # Two candidates at 0: no one is elected, as before.
    assert lines["Constable"]["won"] is False and lines["Constable"]["leader"] is None
    assert "no_count" not in lines["Constable"]["tags"]
    # By hand: DEM 1 (Wilson), REP 1 (Diaz-Balart); Constable undecided.
    tally = data["tally"]
    assert {p["party"]: p["won"] for p in tally["parties"]} == {"DEM": 1, "REP": 1}
    assert tally["undecided"] == 1
    # Unopposed, elected under a majority rule too: no plurality pollcli assumed.
    assert not wilson.get("assumed_plurality") and tally["assumed_plurality"] == 0
    races = {e["election"]: e for e in data["elections"]}
    race = races["U.S. House · 24"]
    assert race["leader"]["votes"] == 0 and race["leader"]["share"] is None
    assert race["below_threshold"] == [] and race["margin"] is None
    assert any(
        "Unopposed, no count" in n and "Frederica S. Wilson" in n and "elected" in n
        for n in race["notes"]
    )
    assert not any("No votes at all" in n for n in race["notes"])
    assert (
        "Unopposed: 1 race (‘U.S. House · 24’); with no votes counted, elected all the same: "
        "‘U.S. House · 24’." in data["overview"]["notes"]
    )


def test_a_two_round_race_of_one_candidate_with_no_count_needs_no_runoff(tmp_path, monkeypatch):
    text = "# system: majority\n" + RACES
    data = summary_json(monkeypatch, write(tmp_path, text))
    races = {e["election"]: e for e in data["elections"]}
    assert races["U.S. House · 24"]["majority"]["runoff"] is None
    lines = {line["race"]: line for line in data["overview"]["races"]}
    assert lines["U.S. House · 24"]["won"] is True


def test_seats_gives_the_seat_of_an_unopposed_race_with_no_count(tmp_path):
    text = (
        "# system: plurality\n"
        "office,district,candidate,party,votes\n"
        "Council,A,Ann Archer,REP,600\n"
        "Council,A,Bob Baker,DEM,400\n"
        "Council,B,Courtney Shelton,REP,0\n"
        "Council,C,Cy Cole,REP,0\n"
        "Council,C,Di Dunn,DEM,0\n"
    )
    result = invoke("seats", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    districts = {d["district"]: d for d in election["districts"]}
    assert "no_winner" not in districts["Council · B"]
    assert districts["Council · C"]["no_winner"] == "no_votes"
    # By hand: A and B to REP (Archer 600 to 400; Shelton unopposed), C elects no one: REP 2 of 3.
    parties = {p["party"]: p for p in election["allocations"][0]["parties"]}
    assert {name: p["seats"] for name, p in parties.items()} == {"REP": 2, "DEM": 0}
    assert parties["REP"]["seat_share"] == pytest.approx(200 / 3)
    text = invoke("seats", str(write(tmp_path, text))).stdout
    assert "2 won by the most votes (1 unopposed, with no count)" in " ".join(
        line.strip(" │") for line in text.splitlines()
    )


def test_a_race_of_two_seats_and_two_candidates_with_no_count_elects_both(tmp_path, monkeypatch):
    text = (
        "county,office,district,candidate,party,votes\n"
        "Belknap,State House,BE 02 (2),Ann,REP,0\n"
        "Belknap,State House,BE 02 (2),Bob,DEM,0\n"
        "Belknap,State House,BE 03 (2),Cat,REP,0\n"
        "Belknap,State House,BE 03 (2),Dan,DEM,0\n"
        "Belknap,State House,BE 03 (2),Eve,DEM,0\n"
    )
    data = summary_json(monkeypatch, write(tmp_path, text))
    lines = {line["race"]: line for line in data["overview"]["races"]}
    two = lines["State House · BE 02 (2)"]
    assert two["won"] is True and "no_count" in two["tags"]
    races = {e["election"]: e for e in data["elections"]}
    assert sorted(races["State House · BE 02 (2)"]["elected"]) == ["Ann", "Bob"]
    # Three for two seats at 0 each: no one.
    assert lines["State House · BE 03 (2)"]["won"] is False
    assert not races["State House · BE 03 (2)"].get("elected")


def test_text_summary_says_unopposed_no_count(tmp_path):
    result = invoke("summary", str(write(tmp_path, RACES)), "--race", "U.S. House · 24")
    assert result.code == 0, result.stderr
    assert "Unopposed, no count" in result.stdout
    assert "Frederica S. Wilson" in result.stdout


def test_an_unopposed_race_with_no_count_gets_no_count_warning(tmp_path, monkeypatch):
    # Malaysia's 2004 seats won unopposed are listed at 0 votes: each had warned "every option …
    # has 0 votes … check that the count has been entered" beside "Unopposed, no count … elected
    # all the same". The warning stays for a race of several candidates at 0 (the Constable).
    data = summary_json(monkeypatch, write(tmp_path, RACES))
    races = {e["election"]: e for e in data["elections"]}
    assert not any("has 0 votes" in w for w in races["U.S. House · 24"]["warnings"])
    assert any("has 0 votes" in w for w in races["Constable"]["warnings"])
