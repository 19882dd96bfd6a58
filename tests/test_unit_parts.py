"""A precinct named by two columns together (`read/unitparts`): Massachusetts' `county,town,precinct`
(precinct 1 of Belmont is not precinct 1 of Acton; each town's `Total` row among its precincts),
`town,ward,precinct` with no county, and New York City's `assembly_district,precinct` (an election
district numbered within its assembly district). Each was refused as "town 'Belmont' appears twice"
or "precinct '1' appears twice", with advice that could not be followed.

Oracle: pandas, each race's options summed over the rows of every (town, precinct) or (assembly
district, election district) pair, the total rows and New York's ballot counts left out; each pair
is one unit (no pair repeats an option)."""

import io
from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.kinds import ballot_count
from pollcli.read import ReadOptions, load_file

# Two towns of one county, precincts 1 and 2 in each, and each town's Total row (Belmont's file).
MASSACHUSETTS = """county,town,precinct,office,district,party,candidate,votes
Middlesex,Belmont,1,President,,Democratic,Ann Clay,1326
Middlesex,Belmont,1,President,,Republican,Bo Trent,339
Middlesex,Belmont,1,President,,,Blank,35
Middlesex,Belmont,2,President,,Democratic,Ann Clay,1248
Middlesex,Belmont,2,President,,Republican,Bo Trent,501
Middlesex,Belmont,2,President,,,Blank,22
Middlesex,Belmont,Total,President,,Democratic,Ann Clay,2574
Middlesex,Belmont,Total,President,,Republican,Bo Trent,840
Middlesex,Belmont,Total,President,,,Blank,57
Middlesex,Acton,1,President,,Democratic,Ann Clay,900
Middlesex,Acton,1,President,,Republican,Bo Trent,700
Middlesex,Acton,1,President,,,Blank,30
Middlesex,Acton,2,President,,Democratic,Ann Clay,450
Middlesex,Acton,2,President,,Republican,Bo Trent,650
Middlesex,Acton,2,President,,,Blank,12
Middlesex,Acton,Total,President,,Democratic,Ann Clay,1350
Middlesex,Acton,Total,President,,Republican,Bo Trent,1350
Middlesex,Acton,Total,President,,,Blank,42
Middlesex,Belmont,1,State House,24th Middlesex,Democratic,Dee Rogers,1200
Middlesex,Belmont,1,State House,24th Middlesex,Republican,Max Sully,300
Middlesex,Belmont,2,State House,24th Middlesex,Democratic,Dee Rogers,1100
Middlesex,Belmont,2,State House,24th Middlesex,Republican,Max Sully,500
Middlesex,Acton,1,State House,24th Middlesex,Democratic,Dee Rogers,800
Middlesex,Acton,1,State House,24th Middlesex,Republican,Max Sully,750
Middlesex,Acton,2,State House,24th Middlesex,Democratic,Dee Rogers,400
Middlesex,Acton,2,State House,24th Middlesex,Republican,Max Sully,690
"""

# The state's file: no county, wards in a city (Attleboro), none in a town (Abington).
WARDS = """town,ward,precinct,office,district,party,candidate,votes
Abington,,1,U.S. Senate,,Republican,Scott Brown,781
Abington,,1,U.S. Senate,,Democratic,Martha Coakley,402
Abington,,2,U.S. Senate,,Republican,Scott Brown,690
Abington,,2,U.S. Senate,,Democratic,Martha Coakley,455
Attleboro,1,A,U.S. Senate,,Republican,Scott Brown,946
Attleboro,1,A,U.S. Senate,,Democratic,Martha Coakley,598
Attleboro,2,A,U.S. Senate,,Republican,Scott Brown,1075
Attleboro,2,A,U.S. Senate,,Democratic,Martha Coakley,641
Attleboro,2,B,U.S. Senate,,Republican,Scott Brown,512
Attleboro,2,B,U.S. Senate,,Democratic,Martha Coakley,700
"""

# New York City's 2016 primaries: election districts numbered within each assembly district.
NEW_YORK = """assembly_district,precinct,county,party,office,district,candidate,votes
23,1,Queens,Democratic,President,,Absentee/Military,8
23,1,Queens,Democratic,President,,Bernie Sanders,108
23,1,Queens,Democratic,President,,Hillary Clinton,42
23,2,Queens,Democratic,President,,Bernie Sanders,87
23,2,Queens,Democratic,President,,Hillary Clinton,39
24,1,Queens,Democratic,President,,Absentee/Military,3
24,1,Queens,Democratic,President,,Bernie Sanders,40
24,1,Queens,Democratic,President,,Hillary Clinton,93
24,2,Queens,Democratic,President,,Bernie Sanders,95
24,2,Queens,Democratic,President,,Hillary Clinton,119
23,1,Queens,Republican,President,,Donald J. Trump,31
23,1,Queens,Republican,President,,John R. Kasich,12
23,2,Queens,Republican,President,,Donald J. Trump,25
23,2,Queens,Republican,President,,John R. Kasich,9
24,1,Queens,Republican,President,,Donald J. Trump,14
24,1,Queens,Republican,President,,John R. Kasich,16
"""


def oracle(text: str, unit: list[str], races: list[str], primary: bool = False) -> dict:
    """pandas: each race's options summed over its units' rows, total rows and counts left out;
    no unit (the pair of columns) lists an option twice. Races named as pollcli names them."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame = frame[(frame["precinct"] != "Total") & (frame["candidate"] != "Absentee/Military")]
    frame = frame.assign(votes=frame["votes"].astype(int))
    assert not frame.duplicated([*unit, *races, "candidate"]).any()
    sums = frame.groupby([*races, "candidate"])["votes"].sum()
    named = {}
    for key, votes in sums.items():
        *race, name = key
        label = " · ".join(r for r in race if r)
        if primary:  # the party of a primary: `President · Democratic primary`
            label = f"{race[0]} · {race[-1]} primary"
        named[(label, name)] = int(votes)
    return named


def figures(elections) -> dict[tuple[str, str], int | None]:
    return {(e.facts.election, o.candidate): o.votes for e in elections for o in e.options}


def test_a_town_and_its_precinct_name_the_unit_together(tmp_path, monkeypatch):
    path = write(tmp_path, MASSACHUSETTS, "20161108__ma__general__belmont__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    want = oracle(MASSACHUSETTS, ["town", "precinct"], ["office", "district"])
    assert figures(elections) == want
    # Each town's Total row is set aside: it holds the sum of its precincts.
    assert any(p.code == "total-row" for p in problems)
    notes = [n for e in elections for n in e.notes]
    assert any("'town' and 'precinct' name the unit together" in n for n in notes)


def test_wards_of_a_city_and_precincts_of_a_town_without_wards(tmp_path, monkeypatch):
    # Attleboro's ward 1 precinct A and ward 2 precinct A are two precincts; Abington has no wards.
    path = write(tmp_path, WARDS, "20100119__ma__special__general__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    want = oracle(WARDS, ["town", "ward", "precinct"], ["office"])
    assert {("U.S. Senate", o.candidate): o.votes for o in election.options} == want
    assert [r.name for r in election.regions] == ["Abington", "Attleboro"]  # the towns


def test_an_election_district_numbered_within_its_assembly_district(tmp_path, monkeypatch):
    path = write(tmp_path, NEW_YORK, "20160419__ny__primary__queens__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    want = oracle(NEW_YORK, ["assembly_district", "precinct"], ["office", "party"], primary=True)
    assert figures(elections) == want


# Delaware's precinct is its `election_district` (`01-01`: district 1 of representative district 1).
DELAWARE = """county,election_district,office,district,party,candidate,election_day,absentee,votes
New Castle,01-01,President,,DEMOCRATIC,Obama B,694,38,732
New Castle,01-01,President,,REPUBLICAN,Romney M,50,1,51
New Castle,02-01,President,,DEMOCRATIC,Obama B,600,20,620
New Castle,02-01,President,,REPUBLICAN,Romney M,70,5,75
Kent,01-29,President,,DEMOCRATIC,Obama B,300,10,310
Kent,01-29,President,,REPUBLICAN,Romney M,400,12,412
"""


def test_delawares_election_district_is_the_unit(tmp_path, monkeypatch):
    """It was refused as "'Obama B' is listed again … in region 'New Castle'" (trial 9), unless
    --unit election_district named it."""
    path = write(tmp_path, DELAWARE, "20121106__de__general__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(DELAWARE), dtype={"election_district": str})
    assert not frame.duplicated(["county", "election_district", "office", "candidate"]).any()
    want = frame.groupby("candidate")["votes"].sum()
    (election,) = elections
    assert {o.candidate: o.votes for o in election.options} == {k: int(v) for k, v in want.items()}
    assert [r.name for r in election.regions] == ["New Castle", "Kent"]


def test_the_same_pair_twice_is_still_a_repeat(tmp_path):
    # Joining never hides a repeat: Belmont's precinct 1 listed twice is an error naming both.
    text = MASSACHUSETTS + "Middlesex,Belmont,1,President,,Democratic,Ann Clay,1300\n"
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 1
    assert "precinct 'Belmont · 1' appears twice" in result.stderr


def test_the_unit_flag_names_the_columns_of_a_unit(tmp_path, monkeypatch):
    # Columns no word names (`ad`, `ed`): --unit ad,ed names the unit; the advice says so.
    text = NEW_YORK.replace("assembly_district,precinct,", "ad,ed,", 1)
    path = write(tmp_path, text, "20160419__ny__primary__queens__precinct.csv")
    refused = invoke("summary", str(path), "--format", "json")
    assert refused.code == 1
    assert "--unit COL (two columns together: --unit COL,COL)" in refused.stderr
    # One of them named: the precinct '1' repeats, numbered within another column, say which.
    half = invoke("summary", str(path), "--unit", "ed", "--format", "json")
    assert half.code == 1
    assert "ed '1' appears twice" in half.stderr and "--unit COL,ed" in half.stderr
    elections, problems = engines_agree(monkeypatch, path, unit="ad,ed")
    assert not [p for p in problems if p.severity == "error"]
    want = oracle(NEW_YORK, ["assembly_district", "precinct"], ["office", "party"], primary=True)
    assert figures(elections) == want


@pytest.mark.parametrize("flag", ["town,nowhere", "town,town"])
def test_a_unit_flag_naming_no_such_column_or_one_twice_is_a_usage_error(tmp_path, flag):
    result = invoke("summary", str(write(tmp_path, MASSACHUSETTS)), "--unit", flag)
    assert result.code == 2
    assert "--unit" in result.stderr and "Traceback" not in result.stderr


def test_one_unit_column_named_by_hand_leaves_the_other_unused(tmp_path):
    # `--unit precinct` in a file of one town read it before; the town is then left unused.
    one_town = "".join(x for x in MASSACHUSETTS.splitlines(True) if "Acton" not in x)
    elections, problems = load_file(write(tmp_path, one_town), ReadOptions(unit="precinct"))
    assert not [p for p in problems if p.severity == "error"]
    assert any(n.startswith("'town' left unused") for e in elections for n in e.notes)


def test_a_part_empty_in_the_streaming_engines_head_is_still_read(tmp_path, monkeypatch):
    # The state's file lists towns of no wards first: the streaming engine, which maps the header
    # on its head, sees `ward` empty there and hands the file over rather than sum Attleboro's two
    # precincts A as one (or refuse them).
    from pollcli.read import stream

    monkeypatch.setattr(stream, "HEAD_BYTES", 200)
    path = write(tmp_path, WARDS, "20100119__ma__special__general__precinct.csv")
    elections, problems = engines_agree(monkeypatch, path, block_bytes=128)
    assert not [p for p in problems if p.severity == "error"]
    want = oracle(WARDS, ["town", "ward", "precinct"], ["office"])
    assert {("U.S. Senate", o.candidate): o.votes for o in elections[0].options} == want


def test_a_precinct_of_a_name_repeated_is_told_no_column_it_is_numbered_within(tmp_path):
    # `Lisbon` twice is a repeat, or two precincts of one name, not a number within a town.
    text = "county,precinct,candidate,votes\nGrafton,Lisbon,Ann,421\nGrafton,Lisbon,Ann,341\n"
    result = invoke("summary", str(write(tmp_path, text)))
    assert result.code == 1
    assert "precinct 'Lisbon' appears twice" in result.stderr
    assert "--unit COL," not in result.stderr


TRIAL = Path("/tmp/trial8/f")


@pytest.mark.parametrize(
    ("name", "unit", "races"),
    [
        ("20161108__ma__general__belmont__precinct.csv", ["town", "precinct"], ["office"]),
        (
            "20160419__ny__primary__queens__precinct.csv",
            ["assembly_district", "precinct"],
            ["party"],
        ),
    ],
)
def test_the_trials_files_equal_pandas(name, unit, races):
    # Read in place (never copied into the repository); pandas over each unit's pair.
    path = TRIAL / name
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame = frame[(frame["precinct"] != "Total") & ~frame["candidate"].map(ballot_count)]
    assert not frame.duplicated([*unit, "office", "district", "party", "candidate"]).any()
    want = frame.assign(votes=frame["votes"].astype(int)).groupby([*races, "candidate"])["votes"]
    elections, problems = load_file(path, ReadOptions())
    assert not [p for p in problems if p.severity == "error"]
    got = {}
    for election in elections:
        for option in election.options:
            assert election.race is not None
            key = (election.race.keys[races[0]], option.candidate.split(" (")[0])
            got[key] = got.get(key, 0) + (option.votes or 0)
    assert got == {key: int(votes) for key, votes in want.sum().items()}
