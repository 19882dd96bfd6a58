"""Top-two primaries (Washington since 2008, California since 2012): one race of every party per
office, whose top two advance to the general election — not party primaries, not a seat won.

OpenElections' WA 2020 primary was read as party primaries ("Governor · Republican primary: Loren
Culp 40.54 %"), and its hint to key races by county split the statewide Governor race into counties
(trial 5). The top two of each race are checked against pandas (the oracle), both engines agree.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.read import ReadOptions, engines
from pollcli.read.racekeys import party_offices, top_two_by_name

# Washington's layout (OpenElections' county file): a statewide office over two counties whose
# parties are spelt two ways, a county office of one name in two counties, and precinct committee
# officers, whom each party elects its own of.
WA = """county,office,district,party,candidate,votes
Adams,Governor,,Republican,Loren Culp,1074
Adams,Governor,,Democratic,Jay Inslee,597
Adams,Governor,,Democrat,Omari Garrett,10
Adams,Governor,,Republican,Joshua Freed,269
Adams,Governor,,,Write-in,3
King,Governor,,Republican,Loren Culp,39707
King,Governor,,Democratic,Jay Inslee,510157
King,Governor,,Democrat,Omari Garrett,3243
King,Governor,,Republican,Joshua Freed,29937
King,Governor,,,Write-in,543
Adams,County Commissioner District 1,,Republican,John Marshall,462
Adams,County Commissioner District 1,,Republican,Dan Blankenship,1093
Adams,County Commissioner District 1,,Trump Republican,Glen Stockwell,375
Walla Walla,County Commissioner District 1,,Republican,Tom Cooper,1146
Walla Walla,County Commissioner District 1,,Republican,Roger Esparza,2930
Walla Walla,County Commissioner District 1,,Democratic,Jenny Mayberry,2055
King,Precinct Committee Officer,SEA 11-1234,Democratic,Ann Alpha,120
King,Precinct Committee Officer,SEA 11-1234,Democratic,Bob Beta,80
King,Precinct Committee Officer,SEA 11-1234,Republican,Cat Gamma,40
King,Precinct Committee Officer,SEA 11-1234,Republican,Dan Delta,30
"""
WA_NAME = "20200804__wa__primary__county.csv"

# California's layout: the presidential primary (party primaries) in the same file as the top-two
# offices, and a ballot measure (no one's primary).
CA = """county,office,district,party,candidate,votes
Alameda,President,,DEM,Hillary Clinton,300
Alameda,President,,DEM,Bernie Sanders,250
Alameda,President,,REP,Donald Trump,100
Alameda,President,,REP,John Kasich,40
Alpine,President,,DEM,Hillary Clinton,30
Alpine,President,,DEM,Bernie Sanders,35
Alpine,President,,REP,Donald Trump,20
Alpine,President,,REP,John Kasich,5
Alameda,U.S. Senate,,DEM,Kamala Harris,400
Alameda,U.S. Senate,,DEM,Loretta Sanchez,150
Alameda,U.S. Senate,,REP,Duf Sundheim,60
Alpine,U.S. Senate,,DEM,Kamala Harris,40
Alpine,U.S. Senate,,DEM,Loretta Sanchez,15
Alpine,U.S. Senate,,REP,Duf Sundheim,80
Alameda,U.S. House,13,DEM,Barbara Lee,500
Alameda,U.S. House,13,NPP,Sue Caro,50
Alameda,Proposition 50,,,Yes,600
Alameda,Proposition 50,,,No,200
Alpine,Proposition 50,,,Yes,60
Alpine,Proposition 50,,,No,20
"""
CA_NAME = "20160607__ca__primary.csv"


def oracle(text: str, party_offices: tuple[str, ...], local: tuple[str, ...]) -> dict:
    """Each race's candidates with their votes, by pandas: an office (and district) is one race of
    every party, but those of `party_offices` (one per party) and `local` (one per county)."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    frame["by_party"] = frame["party"].where(frame["office"].isin(party_offices), "")
    frame["by_county"] = frame["county"].where(frame["office"].isin(local), "")
    keys = ["office", "district", "by_county", "by_party"]
    sums = frame[frame["candidate"] != "Write-in"].groupby([*keys, "candidate"])["votes"].sum()
    races: dict = {}
    for (*key, candidate), votes in sums.items():
        races.setdefault(tuple(key), {})[candidate] = int(votes)
    return races


def top_two(votes: dict[str, int]) -> list[str]:
    return [name for name, _ in sorted(votes.items(), key=lambda item: -item[1])[:2]]


def summary(path, *flags: str, engine: str = "exact") -> dict:
    result = invoke("summary", str(path), "-f", "json", *flags, env={engines.ENGINE_ENV: engine})
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def both(monkeypatch, path, options=None):
    """The file through each engine (the streaming one with tiny blocks); both must agree."""
    return engines_agree(monkeypatch, path, read_options=options, block_bytes=96)


def by_candidates(document: dict) -> dict[frozenset[str], dict]:
    """Each election of a summary by the set of its candidates (the oracle names no race)."""
    return {
        frozenset(r["candidate"] for r in e["results"] if r["kind"] == "candidate"): e
        for e in document["elections"]
    }


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_washington_primary_is_read_as_top_two_by_its_name(tmp_path, engine):
    path = write(tmp_path, WA, WA_NAME)
    document = summary(path, engine=engine)
    expected = oracle(WA, ("Precinct Committee Officer",), ("County Commissioner District 1",))
    got = by_candidates(document)
    assert set(got) == {frozenset(v) for v in expected.values()}
    for votes in expected.values():
        election = got[frozenset(votes)]
        counted = {r["candidate"]: r["votes"] for r in election["results"]}
        assert {name: counted[name] for name in votes} == votes
        if election["race_keys"]["office"] == "Precinct Committee Officer":
            assert "advance" not in election  # each party's own primary: its leader wins it
            assert any("wins the primary" in n for n in election["notes"])
        else:
            assert election["advance"] == top_two(votes)
            assert not any("wins the" in n for n in election["notes"])
    names = [e["election"] for e in document["elections"]]
    assert names == [
        "Governor",
        "County Commissioner District 1 · Adams",
        "County Commissioner District 1 · Walla Walla",
        "Precinct Committee Officer · SEA 11-1234 · Democratic primary",
        "Precinct Committee Officer · SEA 11-1234 · Republican primary",
    ]
    governor = document["elections"][0]
    inslee, culp = governor_shares()
    assert (
        f"Top two advance to the general election: Jay Inslee (Democratic, {inslee}) and Loren "
        f"Culp (Republican, {culp})."
    ) in governor["notes"]
    note = document["splits"][0]["note"]
    assert "a top-two primary as the file's name says" in note
    assert "--primary party reads party primaries" in note
    assert "--race-by" not in note


def governor_shares() -> tuple[str, str]:
    """Inslee's and Culp's shares of the Governor race, by pandas: votes over the race's votes,
    Write-in included."""
    frame = pd.read_csv(io.StringIO(WA))
    governor = frame[frame["office"] == "Governor"]
    shares = governor.groupby("candidate")["votes"].sum() / governor["votes"].sum() * 100
    return f"{shares['Jay Inslee']:.2f} %", f"{shares['Loren Culp']:.2f} %"


def test_both_engines_read_a_top_two_primary_alike(tmp_path, monkeypatch):
    for text, name in ((WA, WA_NAME), (CA, CA_NAME)):
        elections, _ = both(monkeypatch, write(tmp_path, text, name))
        assert any(e.top_two for e in elections)
        assert all(e.race is not None and e.race.primary for e in elections if e.top_two)


def test_a_top_two_race_is_won_by_no_one_and_counted_in_no_tally(tmp_path):
    path = write(tmp_path, WA, WA_NAME)
    lines = {r["race"]: r for r in summary(path)["overview"]["races"]}
    governor = lines["Governor"]
    assert governor["won"] is False and governor["top_two"] is True and governor["primary"]
    pco = lines["Precinct Committee Officer · SEA 11-1234 · Democratic primary"]
    assert pco["won"] is True and "top_two" not in pco
    table = invoke("summary", str(path)).stdout
    assert "TOP-TWO PRIMARY" in table
    # `seats` gives a top-two race no seat: every race here is a primary.
    result = invoke("seats", str(path))
    assert result.code == 2 and "every race is a primary" in result.stderr


def test_california_keeps_its_presidential_primary_and_measures(tmp_path):
    path = write(tmp_path, CA, CA_NAME)
    document = summary(path)
    expected = oracle(CA, ("President",), ())
    got = by_candidates(document)
    assert set(got) == {frozenset(v) for v in expected.values()}
    names = {e["election"]: e for e in document["elections"]}
    assert set(names) == {
        "President · Democratic primary",
        "President · Republican primary",
        "U.S. Senate",
        "U.S. House · 13",
        "Proposition 50",
    }
    senate = names["U.S. Senate"]
    assert senate["advance"] == top_two(expected[("U.S. Senate", "", "", "")])
    assert senate["advance"] == ["Kamala Harris", "Loretta Sanchez"]
    assert names["U.S. House · 13"]["advance"] == ["Barbara Lee", "Sue Caro"]
    assert "advance" not in names["President · Democratic primary"]
    assert any(
        "Hillary Clinton wins the primary" in n
        for n in names["President · Democratic primary"]["notes"]
    )
    lines = {r["race"]: r for r in document["overview"]["races"]}
    # The measure is no one's primary: its answer is counted as before.
    assert "primary" not in lines["Proposition 50"] and "top_two" not in lines["Proposition 50"]
    assert lines["Proposition 50"]["measure"] is True


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("20200804__wa__primary__county.csv", True),
        ("20080819__wa__primary.csv", True),
        ("20060919__wa__primary__county.csv", False),  # before Washington's top two
        ("20120605__ca__primary.csv", True),
        ("20100608__ca__primary__county.csv", False),  # before California's top two
        ("20200804__or__primary__county.csv", False),
        ("wa_2020_pri_county.csv", False),  # not OpenElections' name: stated by --primary
        ("20201103__wa__general__county.csv", False),
        ("data/20160607__ca__primary__alameda__precinct.csv", True),
    ],
)
def test_only_openelections_names_of_wa_and_ca_primaries_are_top_two(name, expected):
    assert top_two_by_name(name) is expected


def test_another_name_stays_party_primaries_and_names_the_option(tmp_path):
    path = write(tmp_path, WA, "wa_2020_pri_county.csv")
    document = summary(path)
    names = [e["election"] for e in document["elections"]]
    assert "Governor · Republican primary" in names
    note = document["splits"][0]["note"]
    assert "--primary top-two" in note and "--race-by" not in note
    # What the note says does it: the races of the name detected, and the flag's own note.
    flagged = summary(path, "--primary", "top-two")
    detected = summary(write(tmp_path, WA, WA_NAME))
    assert [e["election"] for e in flagged["elections"]] == [
        e["election"] for e in detected["elections"]
    ]
    assert [e.get("advance") for e in flagged["elections"]] == [
        e.get("advance") for e in detected["elections"]
    ]
    assert "a top-two primary by --primary top-two" in flagged["splits"][0]["note"]


def test_primary_party_reads_a_detected_file_as_party_primaries(tmp_path):
    path = write(tmp_path, WA, WA_NAME)
    document = summary(path, "--primary", "party")
    names = [e["election"] for e in document["elections"]]
    assert "Governor · Republican primary" in names
    assert not any("advance" in e for e in document["elections"])


def test_a_bad_primary_value_is_a_usage_error(tmp_path):
    result = invoke("summary", str(write(tmp_path, WA, WA_NAME)), "--primary", "open")
    assert result.code == 2
    assert "--primary 'open'" in result.stderr and "top-two" in result.stderr


TIES = """office,party,candidate,votes
Mayor,DEM,Ann Alpha,50
Mayor,REP,Bob Beta,30
Mayor,REP,Cat Gamma,30
Mayor,GRN,Dan Delta,10
"""


def test_a_tie_at_second_names_no_second(tmp_path):
    document = summary(write(tmp_path, TIES, "mayor_primary.csv"), "--primary", "top-two")
    (election,) = document["elections"]
    assert election["advance"] == ["Ann Alpha"]
    assert (
        "Top two: Ann Alpha (DEM, 41.67 %) advances to the general election; Bob Beta and Cat "
        "Gamma tie for second with 25.00 % (30 votes), and who else advances is undecided."
    ) in election["notes"]
    assert not any("wins" in n for n in election["notes"])


def test_a_tie_for_first_of_three_names_no_one(tmp_path):
    text = TIES.replace("Ann Alpha,50", "Ann Alpha,30")
    document = summary(write(tmp_path, text, "mayor_primary.csv"), "--primary", "top-two")
    (election,) = document["elections"]
    assert election["advance"] == []
    assert any(n.startswith("Top two: ") and "is undecided" in n for n in election["notes"])


def test_one_candidate_advances_alone(tmp_path):
    text = "office,party,candidate,votes\nMayor,DEM,Ann Alpha,50\nMayor,,Write-in,2\n"
    document = summary(write(tmp_path, text, "mayor_primary.csv"), "--primary", "top-two")
    (election,) = document["elections"]
    assert election["advance"] == ["Ann Alpha"]
    assert any("alone advances to the general election" in n for n in election["notes"])


def test_a_party_committee_with_its_party_in_its_name_is_a_primary(tmp_path):
    # Washington writes a precinct committee officer's party in the office, none in its column:
    # a party's own office, won as a primary, never a seat of "no party" in the tally.
    text = WA + (
        "Adams,Ritzville Precinct Committee Officer - Republican,,,Phil Peters,73\n"
        "Adams,Ritzville Precinct Committee Officer - Republican,,,John Faure,30\n"
    )
    document = summary(write(tmp_path, text, WA_NAME))
    lines = {r["race"]: r for r in document["overview"]["races"]}
    pco = lines["Ritzville Precinct Committee Officer - Republican"]
    assert pco["primary"] is True and "top_two" not in pco and pco["won"] is True
    assert document["tally"]["races"] == 0 and document["tally"]["primaries"] == 6
    (election,) = [e for e in document["elections"] if e["election"].startswith("Ritzville")]
    assert any("Phil Peters wins the primary" in n for n in election["notes"])


@pytest.mark.parametrize(
    ("office", "own"),
    [
        ("President", True),
        ("Presidential Preference", True),
        ("County Central Committee, 15th District", True),
        ("Precinct Committee Officer", True),
        ("Republican Committeeman", True),
        ("Governor", False),
        ("U.S. Senate", False),
        ("Presidents Day Levy", False),
        ("County Commissioner District 1", False),
    ],
)
def test_the_offices_each_party_elects_its_own_of(office, own):
    assert (party_offices().search(office) is not None) is own


# Louisiana's November election (OpenElections `20161108__la__general__county.csv`): a jungle
# primary for Congress, read with --primary top-two, and the general election for President.
LA = """parish,office,district,party,candidate,votes
Acadia,President,,REP,Donald J. Trump,21000
Acadia,President,,DEM,Hillary Clinton,6000
Acadia,President,,LBT,Gary Johnson,400
Caddo,President,,REP,Donald J. Trump,50000
Caddo,President,,DEM,Hillary Clinton,52000
Caddo,President,,LBT,Gary Johnson,1500
Acadia,U.S. Senate,,REP,John Kennedy,8000
Acadia,U.S. Senate,,DEM,Foster Campbell,5000
Acadia,U.S. Senate,,REP,Charles Boustany,9000
Caddo,U.S. Senate,,REP,John Kennedy,20000
Caddo,U.S. Senate,,DEM,Foster Campbell,30000
Caddo,U.S. Senate,,REP,Charles Boustany,4000
"""


def test_top_two_on_a_general_file_keeps_the_presidential_race_whole(tmp_path, monkeypatch):
    # Before: "President · Democratic primary  Hillary Clinton 100.00 % UNOPPOSED" (trial 6).
    path = write(tmp_path, LA, "20161108__la__general__county.csv")
    both(monkeypatch, path, ReadOptions(primary="top-two"))
    monkeypatch.undo()
    document = summary(path, "--primary", "top-two")
    frame = pd.read_csv(io.StringIO(LA))
    races = {e["election"]: e for e in document["elections"]}
    president = next(e for name, e in races.items() if name.startswith("President"))
    votes = frame[frame["office"] == "President"].groupby("candidate")["votes"].sum()
    assert {r["candidate"]: r["votes"] for r in president["results"]} == votes.to_dict()
    assert "advance" not in president
    line = next(r for r in document["overview"]["races"] if r["race"].startswith("President"))
    assert line["won"] and line["leader"]["candidate"] == "Donald J. Trump"
    senate = next(e for name, e in races.items() if name.startswith("U.S. Senate"))
    ranked = frame[frame["office"] == "U.S. Senate"].groupby("candidate")["votes"].sum()
    assert senate["advance"] == top_two(ranked.to_dict())
    assert len(races) == 2


def test_a_top_two_primary_keeps_its_lead_as_a_runoff_does(tmp_path):
    # Both of the top two advance: the first round's lead is its news, as a runoff's is (session
    # 18 had dropped it with the margins of races that name no winner). Oracle, by hand, from the
    # file: Inslee 597 + 510,157 = 510,754; Culp 1,074 + 39,707 = 40,781; their difference 469,973.
    path = write(tmp_path, WA, name=WA_NAME)
    data = json.loads(invoke("summary", str(path), "--format", "json", "--race", "Governor").stdout)
    (election,) = data["elections"]
    assert election["advance"] == ["Jay Inslee", "Loren Culp"]
    assert election["margin"]["votes"] == 510_754 - 40_781
