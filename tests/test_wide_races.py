"""Trial B1: a wide table (one column per party, a row per constituency, as the UK's House of
Commons files) is split into races by `--race-by`, kept row by row by `--where`, and a column name
those flags (or `--id-columns`) do not find is a usage error naming it and the file's columns.

The oracle is pandas on the same CSV: each row's largest party column is its seat (undecided on a
tie for first, or where `other`, several candidates counted together, is largest), and a party's
cell of 0 is a party that did not stand there.
"""

import io
import json
from dataclasses import asdict

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.read import ReadOptions, engines, load_file

PARTIES = ["con", "lab", "ld", "snp"]
TABLE = (
    "ons_id,constituency_name,country_name,electorate,valid_votes,con,lab,ld,snp,other\n"
    "E1,Alpha,England,2000,910,500,300,100,0,10\n"
    "E2,Beta,England,1500,705,200,450,50,0,5\n"
    "S1,Gamma,Scotland,1800,670,100,150,20,400,0\n"
    "E3,Chorley,England,2100,930,0,0,30,0,900\n"
    "E4,Delta,England,1000,400,200,200,0,0,0\n"
    "W1,Epsilon,Wales,1200,500,120,260,40,0,80\n"
)


def summary(path, *args: str) -> dict:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def oracle_seats(text: str, parties: list[str]) -> tuple[dict[str, int], int]:
    """Seats per party and undecided races, from pandas alone."""
    frame = pd.read_csv(io.StringIO(text))
    seats: dict[str, int] = {}
    undecided = 0
    for _, row in frame.iterrows():
        counts = row[[*parties, "other"]].astype(int)
        best = counts.max()
        leaders = [p for p in parties if counts[p] == best]
        if best == 0:
            continue  # no figures at all: no race
        if counts["other"] > counts[parties].max() or len(leaders) != 1:
            undecided += 1
        else:
            seats[leaders[0]] = seats.get(leaders[0], 0) + 1
    return seats, undecided


def test_race_by_splits_a_wide_table_into_a_race_per_row(tmp_path):
    path = write(tmp_path, TABLE)
    data = summary(path, "--race-by", "constituency_name")
    names = pd.read_csv(io.StringIO(TABLE))["constituency_name"].tolist()
    assert [e["election"] for e in data["elections"]] == names
    seats, undecided = oracle_seats(TABLE, PARTIES)
    tally = data["tally"]
    assert tally["unit"] == "seats"
    assert {p["party"]: p["won"] for p in tally["parties"]} == seats
    assert tally["undecided"] == undecided == 2  # Chorley ("other" ahead) and Delta (a tie)
    assert data["splits"][0]["races"] == len(names)
    # Each race's options are the parties that stood there: the cells that are not 0.
    frame = pd.read_csv(io.StringIO(TABLE)).set_index("constituency_name")
    for election in data["elections"]:
        row = frame.loc[election["election"]]
        expected = {p: int(row[p]) for p in [*PARTIES, "other"] if row[p] != 0}
        assert {r["candidate"]: r["votes"] for r in election["results"]} == expected
        assert all(r["party"] == r["candidate"] for r in election["results"])


def test_other_ahead_of_every_party_leaves_the_seat_undecided(tmp_path):
    # The Speaker's seat: the Speaker is in "other", the only party that stood has 30 votes.
    path = write(tmp_path, TABLE)
    data = summary(path, "--race-by", "constituency_name", "--race", "Chorley")
    [election] = data["elections"]
    assert election["leader"]["candidate"] == "ld"
    assert any("the seat is undecided here" in n for n in election["notes"])
    [line] = data["overview"]["races"]
    assert line["won"] is False and "unopposed" not in line["tags"]
    assert data["tally"]["undecided"] == 1 and data["tally"]["parties"] == []


def test_race_by_without_it_the_table_is_one_race_and_race_says_so(tmp_path):
    path = write(tmp_path, TABLE)
    [election] = summary(path)["elections"]
    frame = pd.read_csv(io.StringIO(TABLE))
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        p: int(frame[p].sum()) for p in [*PARTIES, "other"]
    }
    result = invoke("summary", str(path), "--race", "Alpha")
    assert result.code == 2
    assert "the file is one race" in result.stderr and "--race-by COL" in result.stderr


def test_where_keeps_rows_of_a_wide_table(tmp_path):
    path = write(tmp_path, TABLE)
    frame = pd.read_csv(io.StringIO(TABLE))
    england = frame[frame["country_name"] == "England"]
    [election] = summary(path, "--where", "country_name=England")["elections"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {
        p: int(england[p].sum()) for p in [*PARTIES, "other"]
    }
    data = summary(path, "--where", "country_name=England", "--race-by", "constituency_name")
    assert [e["election"] for e in data["elections"]] == england["constituency_name"].tolist()


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--race-by", "nonexistent_col"),
        ("--where", "nonexistent_col=x"),
        ("--id-columns", "nonexistent_col"),
    ],
)
def test_a_column_the_wide_table_lacks_is_a_usage_error(tmp_path, flag, value):
    path = write(tmp_path, TABLE)
    for command in ("summary", "validate"):
        result = invoke(command, str(path), flag, value)
        assert result.code == 2, result.stderr
        assert f"{flag} 'nonexistent_col'" in result.stderr
        assert "'constituency_name'" in result.stderr and "'other'" in result.stderr
        assert "Traceback" not in result.stderr


def test_race_by_a_column_of_figures_is_a_usage_error(tmp_path):
    path = write(tmp_path, TABLE)
    result = invoke("summary", str(path), "--race-by", "lab")
    assert result.code == 2
    assert "--race-by 'lab'" in result.stderr and "holds figures" in result.stderr
    assert "'constituency_name'" in result.stderr


def both_engines(monkeypatch, path, **options):
    results = []
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, problems = load_file(path, ReadOptions(**options))
        results.append(([asdict(e) for e in elections], [asdict(p) for p in problems]))
    return results


def test_both_engines_split_a_wide_table_alike(monkeypatch, tmp_path):
    path = write(tmp_path, TABLE)
    exact, streamed = both_engines(monkeypatch, path, race_by=("constituency_name",))
    assert exact == streamed and len(exact[0]) == 6
    exact, streamed = both_engines(monkeypatch, path, where=(("country_name", "Wales"),))
    assert exact == streamed and len(exact[0]) == 1


@st.composite
def wide_tables(draw) -> str:
    parties = draw(st.lists(st.sampled_from(PARTIES), min_size=2, max_size=4, unique=True))
    rows = draw(
        st.lists(
            st.lists(st.integers(0, 60), min_size=len(parties) + 1, max_size=len(parties) + 1),
            min_size=1,
            max_size=12,
        )
    )
    lines = ["seat," + ",".join([*parties, "other"])]
    lines += [f"Seat {n}," + ",".join(map(str, row)) for n, row in enumerate(rows)]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(wide_tables())
def test_seats_of_any_wide_table_are_its_rows_largest_party(tmp_path, text):
    path = write(tmp_path, text)
    parties = text.split("\n", 1)[0].split(",")[1:-1]
    seats, undecided = oracle_seats(text, parties)
    frame = pd.read_csv(io.StringIO(text))
    counted = frame[[*parties, "other"]].sum(axis=1) > 0
    if counted.sum() == 0:
        return  # nothing to summarise
    result = invoke("summary", str(path), "--format", "json", "--race-by", "seat")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    if counted.sum() == 1:
        # A file of one race is summarised as that race (named as the file is).
        [election] = data["elections"]
        row = frame[counted].iloc[0]
        assert {r["candidate"]: r["votes"] for r in election["results"]} == {
            p: int(row[p]) for p in [*parties, "other"] if row[p] != 0
        }
        return
    assert data["tally"]["undecided"] == undecided
    assert {p["party"]: p["won"] for p in data["tally"]["parties"]} == seats
    assert [e["election"] for e in data["elections"]] == frame[counted]["seat"].tolist()


# A Bundeswahlleiterin-style table: Wahlkreise, the Länder they belong to, and the Bund.
NESTED = (
    "Nr,Gebiet,gehört zu,Wahlberechtigte,CDU,SPD,AfD\n"
    "001,Nord,01,150,50,30,20\n"
    "002,Süd,01,100,20,40,10\n"
    "01,Land A,99,250,70,70,30\n"
    "003,Ost,02,90,10,5,40\n"
    "02,Land B,99,90,10,5,40\n"
    "99,Bund,,340,80,75,70\n"
)


def test_total_rows_are_no_races_of_their_own(tmp_path):
    path = write(tmp_path, NESTED)
    frame = pd.read_csv(io.StringIO(NESTED), dtype=str)
    # The oracle: a row another row names as the one it belongs to is a total, not a race.
    leaves = frame[~frame["Nr"].isin(set(frame["gehört zu"].dropna()))]
    data = summary(path, "--race-by", "Gebiet")
    assert [e["election"] for e in data["elections"]] == leaves["Gebiet"].tolist()
    parties = ["CDU", "SPD", "AfD"]
    winners = leaves[parties].astype(int).idxmax(axis=1).value_counts().to_dict()
    assert {p["party"]: p["won"] for p in data["tally"]["parties"]} == winners
    note = next(n for n in data["elections"][0]["notes"] if "total row(s)" in n)
    assert note.startswith("3 total row(s) ('Land A', 'Land B', 'Bund')")
    # Not split, the totals are checked against their parts and the parts counted, as before.
    [whole] = summary(path)["elections"]
    assert {r["candidate"]: r["votes"] for r in whole["results"]} == {
        p: int(leaves[p].astype(int).sum()) for p in parties
    }


def test_where_on_a_fact_column_keeps_the_fact(tmp_path):
    path = write(tmp_path, "office,seat,con,lab\nSenate,A,5,3\nSenate,B,2,7\n")
    [election] = summary(path, "--where", "office=senate")["elections"]
    assert election["office"] == "Senate"
    assert {r["candidate"]: r["votes"] for r in election["results"]} == {"con": 7, "lab": 10}
    result = invoke("summary", str(path), "--where", "office=house")
    assert result.code == 2 and "--where keeps no row" in result.stderr


def test_a_table_of_constituencies_read_as_one_race_says_how_to_split_it(tmp_path):
    text = "constituency_name,con,lab,ld\nAldridge,300,200,50\nBury North,210,220,40\n"
    notes = json.loads(invoke("summary", str(write(tmp_path, text)), "-f", "json").stdout)
    hint = "add --race-by constituency_name"
    assert any(hint in n for n in notes["elections"][0]["notes"])
    split = invoke(
        "summary", str(write(tmp_path, text)), "--race-by", "constituency_name", "-f", "json"
    )
    assert not any(hint in n for e in json.loads(split.stdout)["elections"] for n in e["notes"])
    # Rows named by a place (a region), not a race: nothing to split.
    places = text.replace("constituency_name", "region")
    notes = json.loads(invoke("summary", str(write(tmp_path, places)), "-f", "json").stdout)
    assert not any("--race-by" in n for n in notes["elections"][0]["notes"])
