"""One verdict per race, whatever the command (trial 4): `seats` counts a race's seat only where
`summary` names its winner, both reading `pollcli.verdict`. Before, `seats` found its own winner by
votes: MEDSL's House 2022 gave Alaska's seat (two Republicans, no number of seats stated, "no winner
is named" in `summary`) to the plurality leader, and a race of two seats elected one.

Oracles: hand-counted tables below, and `summary`'s tally for the invariant that both commands agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pollcli
from conftest import ROOT, invoke, write

REALWORLD = [
    base / "ca_2011_federal_table12_ridings.csv"
    for base in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld"))
]

# MEDSL's layout (us_medsl_1976_2022_house.csv), figures of 2022: Alaska lists two Republicans and
# states no number of seats; Vermont and Delaware are single-member races won outright.
MEDSL = """year,state,office,district,stage,special,candidate,party,writein,candidatevotes,totalvotes
2022,ALASKA,US HOUSE,000,GEN,FALSE,SARAH PALIN,REPUBLICAN,FALSE,67866,263610
2022,ALASKA,US HOUSE,000,GEN,FALSE,NICK BEGICH,REPUBLICAN,FALSE,61513,263610
2022,ALASKA,US HOUSE,000,GEN,FALSE,MARY SATTLER PELTOLA,DEMOCRAT,FALSE,128553,263610
2022,ALASKA,US HOUSE,000,GEN,FALSE,CHRIS BYE,LIBERTARIAN,FALSE,4570,263610
2022,ALASKA,US HOUSE,000,GEN,FALSE,WRITEIN,,TRUE,1108,263610
2022,VERMONT,US HOUSE,000,GEN,FALSE,BECCA BALINT,DEMOCRAT,FALSE,176494,253000
2022,VERMONT,US HOUSE,000,GEN,FALSE,LIAM MADDEN,REPUBLICAN,FALSE,76506,253000
2022,DELAWARE,US HOUSE,000,GEN,FALSE,LISA BLUNT ROCHESTER,DEMOCRAT,FALSE,178416,321627
2022,DELAWARE,US HOUSE,000,GEN,FALSE,LEE MURPHY,REPUBLICAN,FALSE,138201,321627
2022,DELAWARE,US HOUSE,000,GEN,FALSE,CODY MCNULTY,LIBERTARIAN,FALSE,5010,321627
"""

# New Hampshire's layout: "BE 02 (2)" elects two; HD35 states nothing and its office has
# districts of several seats (no winner); GR04 is one seat.
NH = """county,precinct,office,district,party,candidate,votes
Belknap,Alton,State House,BE 02 (2),REP,Ann Arbor,500
Belknap,Alton,State House,BE 02 (2),REP,Ben Bay,450
Belknap,Alton,State House,BE 02 (2),DEM,Cal Cove,300
Belknap,Alton,State House,BE 02 (2),DEM,Dee Dale,200
Hillsborough,Ward 8,State House,HD35,,Laura Telerski,2901
Hillsborough,Ward 8,State House,HD35,,Latha Mangipudi,2899
Hillsborough,Ward 8,State House,HD35,,Skip Cleaver,2672
Hillsborough,Ward 8,State House,HD35,,Peter Sylvia,2048
Grafton,Bath,State House,GR04,DEM,Eve Elm,900
Grafton,Bath,State House,GR04,REP,Fay Fir,600
"""


def seats_json(path: Path, *args: str) -> dict:
    result = invoke("seats", str(path), "-f", "json", *args)
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    return election


def won(election: dict) -> dict[str, int]:
    parties = election["allocations"][0]["parties"]
    return {p["party"]: p["seats"] for p in parties if p["seats"]}


def summary_tally(path: Path, *args: str) -> dict:
    result = invoke("summary", str(path), "-f", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["tally"]


def test_a_race_summary_names_no_winner_in_gives_no_seat(tmp_path):
    path = write(tmp_path, MEDSL)
    election = seats_json(path)
    # Hand count: Vermont and Delaware are Democratic; Alaska names no winner (before: D 3).
    assert won(election) == {"DEMOCRAT": 2}
    by_race = {d["district"]: d for d in election["districts"]}
    alaska = by_race["ALASKA · US HOUSE"]
    assert alaska["seats"] is None and alaska["no_winner"] == "seats_unknown"
    assert "no_winner" not in by_race["VERMONT · US HOUSE"]
    assert election["seats"] == 2 and election["allocations"][0]["undecided"] == 1
    # The same verdict as summary's tally.
    tally = summary_tally(path)
    assert {p["party"]: p["won"] for p in tally["parties"]} == won(election)
    assert tally["undecided"] == 1


def test_the_findings_do_not_claim_every_race_was_won(tmp_path):
    result = invoke("seats", str(write(tmp_path, MEDSL)))
    assert result.code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "each won by" not in text
    assert "2 seats · races won by the most votes · 1 race with no winner named" in text
    assert "3 single-member races: 2 won by the most votes, 1 names no winner" in text
    assert "No winner in ‘ALASKA · US HOUSE’: nothing says how many members" in text
    # Alaska's votes may have elected someone: only Vermont's and Delaware's losers' count.
    assert f"{76506 + 138201 + 5010:,} votes" in text


def test_a_race_of_several_seats_elects_its_top_candidates(tmp_path):
    path = write(tmp_path, NH)
    election = seats_json(path)
    # Hand count: BE 02 (2) elects Arbor and Bay (REP 2), GR04 Elm (DEM 1); HD35 names no winner.
    assert won(election) == {"REP": 2, "DEM": 1}
    by_race = {d["district"]: d for d in election["districts"]}
    assert by_race["State House · BE 02 (2)"]["seats"] == 2
    assert by_race["State House · HD35"]["no_winner"] == "seats_unknown"
    assert election["seats"] == 3
    # Cal Cove (300) and Dee Dale (200) need 151 and 251 more to pass Ben Bay (450), the last
    # elected; the elected need none.
    needed = sorted(
        (p["party"], p["votes"], p["votes_for_next_seat"])
        for p in by_race["State House · BE 02 (2)"]["allocations"][0]["parties"]
    )
    assert needed == [("DEM", 200, 251), ("DEM", 300, 151), ("REP", 450, None), ("REP", 500, None)]
    tally = summary_tally(path)
    assert {p["party"]: p["won"] for p in tally["parties"]} == won(election)


def test_vote_for_given_to_seats_file_settles_the_race(tmp_path):
    seats_file = tmp_path / "seats.csv"
    seats_file.write_text("district,seats\nALASKA · US HOUSE,1\n", encoding="utf-8")
    election = seats_json(write(tmp_path, MEDSL), "--seats-file", str(seats_file))
    # Told it elects one, Alaska's plurality leader (Peltola, DEMOCRAT) takes it.
    assert won(election) == {"DEMOCRAT": 3}


def test_rows_of_a_blank_district_make_no_seat(tmp_path):
    rows = """county,precinct,office,district,candidate,party,votes
A,1,U.S. House,1,Ann,REP,5
A,1,U.S. House,1,Bob,DEM,4
B,1,U.S. House,,Cy,REP,3
B,1,U.S. House,,Dee,DEM,6
B,2,U.S. House,2,Cy,REP,30
B,2,U.S. House,2,Dee,DEM,20
"""
    election = seats_json(write(tmp_path, rows))
    # Two districts, two seats (both Republican); the blank-district rows are no third seat.
    assert won(election) == {"REP": 2}
    assert election["seats"] == 2
    phantom = {d["district"]: d for d in election["districts"]}["U.S. House"]
    assert phantom["seats"] is None and phantom["no_winner"] == "no_winner"


def test_part_of_a_race_kept_by_where_gives_no_seat(tmp_path):
    rows = """county,office,district,candidate,party,votes
A,House,1,Ann,REP,50
A,House,1,Bob,DEM,40
B,House,1,Ann,REP,10
B,House,1,Bob,DEM,30
A,House,2,Cy,REP,20
A,House,2,Dee,DEM,25
"""
    path = write(tmp_path, rows)
    # County A alone has Ann ahead in district 1; the race (60 to 70) is Bob's: no seat either way.
    election = seats_json(path, "--where", "county=A")
    assert won(election) == {"DEM": 1}
    assert {d["district"]: d.get("no_winner") for d in election["districts"]} == {
        "House · 1": "partial",
        "House · 2": None,
    }
    assert won(seats_json(path)) == {"DEM": 2}


# Races of two to four candidates from three parties (a party may field two), votes small enough
# for ties, an "Others" line now and then: every verdict, drawn.
PARTIES = ("RED", "BLUE", "GREEN")


@st.composite
def race_files(draw: st.DrawFn) -> str:
    lines = ["state,district,candidate,party,votes"]
    for race in range(draw(st.integers(2, 5))):
        count = draw(st.integers(1, 4))
        for k in range(count):
            party = draw(st.sampled_from(PARTIES))
            lines.append(f"S,{race + 1},C{race}{k},{party},{draw(st.integers(0, 30))}")
        if draw(st.booleans()):
            lines.append(f"S,{race + 1},Others,,{draw(st.integers(0, 60))}")
    return "\n".join(lines) + "\n"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=race_files())
def test_seats_and_summary_give_every_race_one_verdict(tmp_path, text):
    path = tmp_path / "races.csv"
    path.write_text(text, encoding="utf-8")
    elections = pollcli.load(path)
    summary = pollcli.summarize(elections)
    assert summary.tally is not None and summary.overview is not None
    report = pollcli.allocate(elections)
    (election,) = report.elections
    districts = {d.district: d for d in election.districts or []}
    for line in summary.overview.races:
        district = districts[line.race]
        awarded = sum(p.seats for p in district.allocations[0].parties)
        ties = [t for t in district.allocations[0].ties if t.winners]
        if line.won:
            assert awarded == (line.seats or 1) and district.no_winner is None
        elif ties:
            # A tie for first: summary names no winner; seats settles it by --tie, and says so.
            assert line.tied_for_first and awarded == 1
        else:
            assert awarded == 0 and district.no_winner is not None
    if not any(d.allocations[0].ties for d in districts.values()):
        counted = {p.party: p.won for p in summary.tally.parties}
        assert {p.party: p.seats for p in election.allocations[0].parties if p.seats} == counted


# Canada 2011's layout (ca_2011_federal_table12_ridings.csv): shares published to one decimal.
# Etobicoke Centre's two leaders both show 41.2 %, 26 votes apart; Avalon's are 1,259 apart.
ROUNDED = """district,candidate,party,votes,share
Etobicoke Centre,Ted Opitz,Conservative,21644,41.2
Etobicoke Centre,Borys Wrzesnewskyj,Liberal,21618,41.2
Etobicoke Centre,Ana Maria Rivero,NDP,7735,14.7
Etobicoke Centre,Katarina Zoricic,Green,1377,2.6
Etobicoke Centre,Sarah Thompson,Marxist-Leninist,149,.3
Avalon,Scott Andrews,Liberal,16008,44
Avalon,Fabian Manning,Conservative,14749,40.5
Avalon,Matthew Martin Fuchs,NDP,5157,14.2
Avalon,Randy Wayne Dawe,Independent,276,.8
Avalon,Matt Crowder,Green,218,.6
"""


def test_a_margin_in_points_agrees_with_its_votes(tmp_path):
    result = invoke("summary", str(write(tmp_path, ROUNDED)), "-f", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    # Hand-checked: 26 of the riding's 52,523 valid votes; 1,259 of Avalon's 36,408.
    etobicoke = races["Etobicoke Centre"]["margin"]
    assert etobicoke["votes"] == 26
    assert etobicoke["pp"] == pytest.approx(26 / 52523 * 100)  # 0.0495…, not 41.2 − 41.2
    avalon = races["Avalon"]["margin"]
    assert avalon["pp"] == pytest.approx(1259 / 36408 * 100)  # 3.458…, published 44 − 40.5
    # The shares stay as published.
    assert races["Etobicoke Centre"]["leader"]["share"] == 41.2
    table = invoke("summary", str(write(tmp_path, ROUNDED)), "--overview")
    text = " ".join(table.stdout.split())
    assert "0.00 points" not in text and "0.05 points, 26 votes" in text


def test_the_points_stay_the_published_shares_without_votes(tmp_path):
    rows = "candidate,share\nAnn,41.2\nBob,41.2\nCy,17.6\n"
    result = invoke("summary", str(write(tmp_path, rows)), "-f", "json")
    (election,) = json.loads(result.stdout)["elections"]
    assert election["tied_for_first"] == ["Ann", "Bob"] and election["margin"]["pp"] == 0


def test_canada_2011_etobicoke_centre_margin(tmp_path):
    path = next((p for p in REALWORLD if p.is_file()), None)
    if path is None:
        pytest.skip("real-world files not present")
    result = invoke("summary", str(path), "--encoding", "cp1252", "-f", "json")
    assert result.code == 0, result.stderr
    races = {e["election"]: e for e in json.loads(result.stdout)["elections"]}
    race = next(e for name, e in races.items() if name.startswith("Etobicoke Centre"))
    # Oracle: the riding's votes summed by pandas (Elections Canada's Table 12).
    import pandas as pd

    frame = pd.read_csv(path, encoding="cp1252")
    riding = frame[frame.iloc[:, 1].str.startswith("Etobicoke Centre")]
    votes = riding.iloc[:, 6].astype(int).sort_values(ascending=False).tolist()
    assert race["margin"]["votes"] == votes[0] - votes[1] == 26
    assert race["margin"]["pp"] == pytest.approx(26 / sum(votes) * 100)


# MEDSL's layout, House 2018 in Georgia: district 6's write-in row carries another `totalvotes`
# (317,032 beside 317,014); districts 5 and 7 carry one each.
TOTALS = """year,state,office,district,stage,special,candidate,party,writein,candidatevotes,totalvotes
2018,GEORGIA,US HOUSE,005,GEN,FALSE,JOHN LEWIS,DEMOCRAT,FALSE,275406,275406
2018,GEORGIA,US HOUSE,006,GEN,FALSE,KAREN HANDEL,REPUBLICAN,FALSE,156875,317014
2018,GEORGIA,US HOUSE,006,GEN,FALSE,LUCY MCBATH,DEMOCRAT,FALSE,160139,317014
2018,GEORGIA,US HOUSE,006,GEN,FALSE,WRITEIN,,TRUE,18,317032
2018,GEORGIA,US HOUSE,007,GEN,FALSE,ROB WOODALL,REPUBLICAN,FALSE,140430,280441
2018,GEORGIA,US HOUSE,007,GEN,FALSE,CAROLYN BOURDEAUX,DEMOCRAT,FALSE,140011,280441
"""


def test_a_race_gets_one_verdict_on_a_total_column_whatever_race_is_asked_for(tmp_path):
    path = write(tmp_path, TOTALS)
    whole = invoke("summary", str(path), "-f", "json")
    assert whole.code == 1
    assert "'US HOUSE · 6' has one total_votes" in whole.stderr
    assert "--ignore-column totalvotes" in whole.stderr
    kept = {e["election"] for e in json.loads(whole.stdout)["elections"]}
    assert kept == {"US HOUSE · 5", "US HOUSE · 7"}
    # Asked for alone, district 6 is refused as in the whole file (before: summarised, the
    # column left unused because, read alone, it looked like each option's total).
    alone = invoke("summary", str(path), "--race", "US HOUSE · 6", "-f", "json")
    assert alone.code == 1 and "--ignore-column totalvotes" in alone.stderr
    # The advice works: McBath 160,139 to Handel 156,875 (hand-checked: 3,264 votes).
    ignored = invoke(
        "summary",
        str(path),
        "--race",
        "US HOUSE · 6",
        "--ignore-column",
        "totalvotes",
        "-f",
        "json",
    )
    assert ignored.code == 0, ignored.stderr
    (race,) = json.loads(ignored.stdout)["elections"]
    assert race["leader"]["candidate"] == "LUCY MCBATH" and race["margin"]["votes"] == 3264


def test_a_per_option_total_column_is_unused_whatever_race_is_asked_for(tmp_path):
    # Every option's own total in most races: the column is left unused in the whole file, and
    # in district 7 asked for alone, where it is constant and could pass for the race's total.
    rows = """district,candidate,party,votes,totalvotes
1,Ann,REP,50,60
1,Bob,DEM,40,45
2,Cy,REP,30,31
2,Dee,DEM,20,25
3,Eve,REP,70,90
3,Fay,DEM,60,90
"""
    path = write(tmp_path, rows)
    for args in ((), ("--race", "3")):
        result = invoke("summary", str(path), "-f", "json", *args)
        assert result.code == 0, result.stderr
        race = {e["election"]: e for e in json.loads(result.stdout)["elections"]}["3"]
        assert any("'totalvotes' column is left unused" in n for n in race["notes"]), race["notes"]


def test_both_engines_give_the_same_verdicts(tmp_path):
    for text, args in (
        (TOTALS, ("--race", "US HOUSE · 6")),
        (TOTALS, ()),
        (MEDSL, ()),
        (ROUNDED, ()),
    ):
        path = write(tmp_path, text)
        for command in ("summary", "seats"):
            found = {
                engine: invoke(
                    command, str(path), "-f", "json", *args, env={"POLLCLI_ENGINE": engine}
                )
                for engine in ("exact", "stream")
            }
            assert found["exact"].code == found["stream"].code
            assert found["exact"].stdout == found["stream"].stdout
            assert found["exact"].stderr == found["stream"].stderr


def test_a_district_race_with_no_winner_beside_list_districts(tmp_path):
    rows = """district,seats,candidate,party,votes
North,3,Red list,Red,500
North,3,Blue list,Blue,300
South,,Ann,Red,200
South,,Bob,Red,150
South,,Cy,Blue,250
"""
    path = write(tmp_path, rows)
    election = seats_json(path)
    # Hand count: North by D'Hondt 500, 300, 250 → Red 2, Blue 1; South (two Reds, no seats
    # given) names no winner, as summary says.
    assert won(election) == {"Red list": 2, "Blue list": 1}
    south = {d["district"]: d for d in election["districts"]}["South"]
    assert south["seats"] is None and south["no_winner"] == "seats_unknown"
    result = invoke("seats", str(path), "-f", "markdown")
    assert "| South | ? | no seat awarded (no winner named) |" in result.stdout
    assert "No winner in ‘South’" in " ".join(result.stdout.split())


def test_primaries_and_measures_win_no_seat(tmp_path):
    rows = """state,office,district,stage,candidate,party,votes
S,HOUSE,1,GEN,Ann,REP,60
S,HOUSE,1,GEN,Bob,DEM,40
S,HOUSE,2,GEN,Cy,REP,30
S,HOUSE,2,GEN,Dee,DEM,45
S,HOUSE,1,PRI,Ann,REP,20
S,HOUSE,1,PRI,Eve,REP,10
S,QUESTION 1,,GEN,Yes,,70
S,QUESTION 1,,GEN,No,,30
"""
    path = write(tmp_path, rows)
    election = seats_json(path)
    # Hand count: the general election's two seats; the primary and the measure elect no one.
    assert won(election) == {"REP": 1, "DEM": 1}
    assert election["seats"] == 2
    assert any("1 primary (their leaders win nominations)" in n for n in election["notes"])
    assert any("1 ballot measure" in n for n in election["notes"])
    tally = summary_tally(path)
    assert {p["party"]: p["won"] for p in tally["parties"]} == won(election)
    primaries = rows.splitlines(True)[0] + "S,HOUSE,1,PRI,Ann,REP,20\nS,HOUSE,2,PRI,Cy,REP,9\n"
    result = invoke("seats", str(write(tmp_path, primaries, "pri.csv")))
    assert result.code == 2 and "every race is a primary" in result.stderr


def test_a_tie_for_the_last_of_two_seats_is_settled_by_the_tie_rule(tmp_path):
    rows = """office,district,candidate,party,votes
Council,A (2),Ann,REP,50
Council,A (2),Bob,DEM,40
Council,A (2),Cy,GRN,40
Council,B,Dee,DEM,10
Council,B,Eve,REP,30
"""
    path = write(tmp_path, rows)
    # summary names no second member (Bob and Cy tie); seats gives it by --tie, and says so.
    tally = summary_tally(path)
    assert tally["undecided"] == 1
    election = seats_json(path)
    assert won(election) == {"REP": 2, "DEM": 1}  # Ann, Eve; Bob is earlier than Cy
    (tie,) = election["allocations"][0]["ties"]
    assert tie["contenders"] == ["DEM", "GRN"] and tie["winners"] == ["DEM"]
    assert won(seats_json(path, "--tie", "lot", "--seed", "1"))["REP"] == 2


def test_a_tie_for_first_behind_options_counted_together_gives_no_seat(tmp_path):
    """Hand-counted: in House · 1, "Other" (50) leads Ann and Bob (30 each). The winner may be
    among the lumped options, so no tie rule can give the seat to Ann (review of trial 4: seats
    settled the tie and gave REP a seat the others were ahead of)."""
    rows = """office,district,candidate,party,votes
House,1,Ann,REP,30
House,1,Bob,DEM,30
House,1,Other,,50
House,2,Cat,REP,60
House,2,Dan,DEM,40
"""
    path = write(tmp_path, rows, "tie_behind_others.csv")
    election = seats_json(path)
    assert won(election) == {"REP": 1}
    assert election["allocations"][0]["ties"] == []
    assert {d["district"]: d.get("no_winner") for d in election["districts"]} == {
        "House · 1": "others_ahead",
        "House · 2": None,
    }
    tally = summary_tally(path)
    assert tally["undecided"] == 1


def test_a_tie_for_the_seats_behind_options_counted_together_gives_no_seat(tmp_path):
    """Hand-counted: "A (2)" elects two; Ann, Bob and Cy tie at 20 for both seats, and "Other"
    (50) leads them all: the members may be among the others, as in a race of one seat."""
    rows = """office,district,candidate,party,votes
Council,A (2),Ann,REP,20
Council,A (2),Bob,DEM,20
Council,A (2),Cy,GRN,20
Council,A (2),Other,,50
Council,B,Dee,DEM,10
Council,B,Eve,REP,30
"""
    path = write(tmp_path, rows, "seat_tie_behind_others.csv")
    election = seats_json(path)
    assert election["allocations"][0]["ties"] == []
    assert {d["district"]: d.get("no_winner") for d in election["districts"]} == {
        "Council · A (2)": "others_ahead",
        "Council · B": None,
    }
    assert won(election) == {"REP": 1}


def test_no_majority_is_claimed_of_a_chamber_whose_size_is_not_known(tmp_path):
    """Hand-counted from NH: BE 02 (2) elects two REP and GR04 one DEM, the 3 seats known; HD35
    does not say how many it elects, so 2 of 3 is no majority of the chamber (the review of trial
    4: New Hampshire's State House read "DEM has a majority: 12 of 19 seats" with 7 races of
    unknown size left out)."""
    election = seats_json(write(tmp_path, NH))
    districts = {d["district"]: d["seats"] for d in election["districts"]}
    assert list(districts.values()).count(None) == 1 and election["seats"] == 3
    first = " ".join(election["notes"][0].split())
    assert "has a majority" not in first
    # REP's votes, 500 + 450 + 600, of the 13,470 valid votes of the three races.
    assert first == (
        "REP holds 2 of the 3 seats known (2 would be a majority of them), on "
        f"{1550 / 13470 * 100:.2f} % of the votes; 1 race that does not say how many members it "
        "elects is not counted."
    )


def test_votes_of_races_that_name_no_winner_are_said_to_be_left_out(tmp_path):
    """Hand-counted: North's lists all won seats; South (two Reds, no seats given) and West
    ("Other" ahead) name no winner, so their 735 votes elected no one the file can say. The
    findings read "Every vote went to a list that won a seat" (review of trial 4)."""
    rows = """district,seats,candidate,party,votes
North,3,Red list,Red,500
North,3,Blue list,Blue,300
South,,Ann,Red,200
South,,Bob,Red,150
South,,Cy,Blue,250
West,,Dee,Red,40
West,,Eve,Blue,45
West,,Other,,50
"""
    election = seats_json(write(tmp_path, rows))
    assert election["allocations"][0]["votes_without_seat"] == 0
    text = " ".join(" ".join(election["notes"]).split())
    assert "Every vote went to a list that won a seat" not in text
    assert (
        "Every vote of the districts that name their winners went to a list or candidate that "
        "won a seat; the 735 votes of 2 races that name no winner are not counted." in text
    )
