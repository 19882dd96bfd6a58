"""Trial C7: the races a file is split into, summarised and refused are counted as they are listed.

Kentucky's OpenElections file has `Ballots Cast` and `Registered Voters` as offices: counts of each
precinct for every race, no race of their own. They were counted as a 16th refused race that the
list of 15 did not name ("213 races; 197 summarised, 16 refused"), and `--race` dropped them (no
turnout). The figures here are hand sums of the CSV text, and both engines read it alike.
"""

import csv
import io
import json
from collections import defaultdict
from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.read import ReadOptions, engines, load_file, stream

HEADER = "county,precinct,office,district,candidate,party,votes"
KY = "\n".join(
    [
        HEADER,
        "Adair,P1,Ballots Cast,,,,60",
        "Adair,P1,Registered Voters,,,,100",
        "Adair,P2,Ballots Cast,,,,45",
        "Adair,P2,Registered Voters,,,,80",
        "Adair,P1,U.S. House,1,Ana,DEM,30",
        "Adair,P1,U.S. House,1,Ben,REP,25",
        "Adair,P2,U.S. House,1,Ana,DEM,10",
        "Adair,P2,U.S. House,1,Ben,REP,32",
        # (House 2 in a precinct of its own: a precinct of two districts' rows is no district's,
        # test_shared_unit_counts.py.)
        "Adair,P3,U.S. House,2,Cy,DEM,x7",
        "Adair,P3,U.S. House,2,Di,REP,9",
        "Adair,P1,State Senate,3,Ed,DEM,20",
        "Adair,P1,State Senate,3,Flo,REP,35",
    ]
)


def summary(path, *args: str) -> tuple[int, dict]:
    result = invoke("summary", str(path), "--format", "json", *args)
    assert result.code in (0, 1), result.stderr
    return result.code, json.loads(result.stdout)


def test_unit_counts_are_no_race_and_the_refused_count_is_the_list(tmp_path):
    code, data = summary(write(tmp_path, KY + "\n"))
    assert code == 1
    [split] = data["splits"]
    assert [r["race"] for r in data["refused"]] == ["U.S. House · 2"]
    assert (split["races"], split["summarised"], split["refused"]) == (3, 2, 1)
    assert "Split into 3 races" in split["note"] and "2 summarised, 1 refused" in split["note"]
    notes = data["overview"]["notes"]
    assert notes[0] == split["note"]
    assert notes[1].startswith("1 race refused for their errors and left out: ‘U.S. House · 2’")
    # Hand sums: ballots cast 60 + 45 and registered 100 + 80 over the precincts of House 1.
    house = next(e for e in data["elections"] if e["election"] == "U.S. House · 1")
    assert house["turnout"]["ballots_cast"] == 105 and house["turnout"]["registered"] == 180


def test_race_keeps_the_counts_of_its_units(tmp_path):
    path = write(tmp_path, KY + "\n")
    _, everything = summary(path)
    _, one = summary(path, "--race", "U.S. House · 1")
    [house] = one["elections"]
    whole = next(e for e in everything["elections"] if e["election"] == "U.S. House · 1")
    assert house["turnout"] == whole["turnout"]
    assert house["turnout"]["ballots_cast"] == 105
    # The senate race is in precinct P1 only: its turnout is P1's (60 of 100).
    _, senate = summary(path, "--race", "State Senate")
    assert senate["elections"][0]["turnout"]["ballots_cast"] == 60
    assert senate["splits"][0]["refused"] == 0 and senate["refused"] == []


def test_both_engines_count_alike(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    path = write(tmp_path, KY + "\n")
    results = []
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, problems = load_file(path, ReadOptions())
        results.append(
            (
                [asdict(e) for e in elections],
                [asdict(p) for p in problems],
                [asdict(e.race.split) for e in elections if e.race],
            )
        )
    assert results[0] == results[1]
    assert {s["refused"] for s in results[0][2]} == {1}


@st.composite
def files(draw) -> str:
    """Races over precincts, each race's rows with or without a cell that is no count, and the
    precincts' `Ballots Cast` rows, in any order."""
    races = draw(st.integers(1, 5))
    bad = draw(st.sets(st.integers(1, races)))
    lines = []
    for precinct in range(draw(st.integers(1, 4))):
        lines.append(f"Adair,P{precinct},Ballots Cast,,,,{draw(st.integers(50, 99))}")
        for race in range(1, races + 1):
            for candidate, party in (("Ana", "DEM"), ("Ben", "REP")):
                votes = "x1" if race in bad and candidate == "Ana" else str(race + precinct)
                lines.append(f"Adair,P{precinct},House,{race},{candidate} {race},{party},{votes}")
    return "\n".join([HEADER, *draw(st.permutations(lines))]) + "\n"


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files())
def test_summarised_and_refused_races_add_up_to_the_races_of_the_file(tmp_path, text):
    path = write(tmp_path, text)
    result = invoke("summary", str(path), "--format", "json")
    table = list(csv.DictReader(io.StringIO(text)))
    races = defaultdict(set)
    for row in table:
        if row["office"] != "Ballots Cast":
            races[row["district"]].add(row["votes"].isdigit())
    bad = {d for d, fine in races.items() if False in fine}
    if len(races) < 2:
        return  # one race: no split to count
    if len(bad) == len(races):
        assert result.code == 1  # nothing to summarise: the file's errors
        return
    data = json.loads(result.stdout)
    [split] = data["splits"]
    assert split["races"] == len(races)
    assert split["refused"] == len(data["refused"]) == len(bad)
    assert split["summarised"] == len(data["elections"]) == len(races) - len(bad)


def test_a_race_of_counts_only_is_neither_summarised_nor_refused(tmp_path):
    # "Turnout" holds a `Total Votes` row and no option: it was counted as a refused race.
    text = (
        "precinct,office,candidate,votes\n"
        "P1,Mayor,Ana,5\nP1,Mayor,Ben,3\nP1,Sheriff,Cy,4\nP1,Sheriff,Di,2\n"
        "P1,Turnout,Total Votes,14\n"
    )
    code, data = summary(write(tmp_path, text))
    assert code == 0 and data["refused"] == []
    [split] = data["splits"]
    assert (split["races"], split["summarised"], split["refused"]) == (3, 2, 0)
    # Said "1 with no option to count": the race had a line, `Total Votes`, read as no option.
    assert split["note"].endswith(
        "2 summarised, 1 of totals or counts alone, set aside (no candidate in them)."
    )
