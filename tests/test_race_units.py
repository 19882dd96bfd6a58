"""A precinct file of many races with registered voters per precinct (OpenElections' commonest layout
with turnout: county, precinct, office, district, party, candidate, votes, registered_voters) is read
by the streaming engine, each race given its own precincts' counts (`read/raceunits.py`), with the
same elections and problems as the exact engine's; whatever it cannot tell as the exact engine does
(a precinct's counts unlike from race to race, blank on some rows) hands the file to the exact
engine. The turnout figures are checked against pandas sums of the CSV text.
"""

import io
import json

import pandas as pd
import pytest

from conftest import dump, each_engine, invoke, write
from pollcli.read import ReadOptions, engines, stream

HEADER = "county,precinct,office,district,party,candidate,votes,registered_voters,ballots_cast"
# (office, district, candidates); a precinct votes for President, one State House district of its
# county (districts split counties) and, outside County 1, the county commission's district 1.
OFFICES = {
    "President": [("", (("DEM", "Ann"), ("REP", "Bob"), ("LIB", "Cy")))],
    "State House": [
        ("1", (("DEM", "Dee"), ("REP", "Eli"))),
        ("2", (("DEM", "Fay"), ("REP", "Gus"))),
        ("3", (("REP", "Hal"),)),
    ],
    "County Commission": [("1", (("DEM", "Ida"), ("REP", "Jo")))],
}


def precinct_file(counties: int = 3, precincts: int = 12) -> str:
    lines = [HEADER]
    for c in range(counties):
        county = f"County {c}"
        for p in range(precincts):
            registered, cast = 400 + (37 * p + 11 * c) % 300, 300 + (13 * p + 7 * c) % 90
            # Districts split counties: County 0's precincts are in 1 and 2, County 1's in 2 and 3.
            house = OFFICES["State House"][(c + p % 2) % 3]
            races = [("President", *OFFICES["President"][0]), ("State House", *house)]
            if c != 1:
                races.append(("County Commission", *OFFICES["County Commission"][0]))
            for office, district, candidates in races:
                for k, (party, name) in enumerate(candidates):
                    votes = (7 * p + 5 * k + 3 * c) % 120
                    lines.append(
                        f"{county},P{p:03d},{office},{district},{party},{name},{votes},"
                        f"{registered},{cast}"
                    )
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)


def both(monkeypatch, path, **options):
    results = each_engine(monkeypatch, path, ReadOptions(**options))
    return results["exact"], results["stream"]


def streams(path, **options) -> bool:
    return stream.read_stream(path, str(path), ReadOptions(**options)) is not None


def shuffled(text: str) -> str:
    header, *rows = text.splitlines()
    return "\n".join([header, *sorted(rows, key=lambda line: line[::-1])]) + "\n"


def test_races_with_counts_per_precinct_stream_with_the_exact_engines_elections(
    tmp_path, monkeypatch
):
    path = write(tmp_path, precinct_file())
    exact, streamed = both(monkeypatch, path)
    assert not [p for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed)
    assert streams(path)  # on main the exact engine read it: 20 s and 2 GB a million rows


def test_each_race_counts_its_own_precincts_pandas(tmp_path, monkeypatch):
    text = precinct_file()
    path = write(tmp_path, text)
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    got = {
        tuple(e["race_keys"].values()): (e["turnout"]["registered"], e["turnout"]["ballots_cast"])
        for e in json.loads(result.stdout)["elections"]
    }
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    places = frame.drop_duplicates(["county", "precinct", "office", "district"])
    expected = {
        (office, district): (
            int(group["registered_voters"].astype(int).sum()),
            int(group["ballots_cast"].astype(int).sum()),
        )
        for (office, district), group in places.groupby(["office", "district"])
    }
    # County Commission 1 of County 0 and of County 2 is one race (its candidates stand in both).
    assert got == expected
    assert len(got) == 5
    assert got[("State House", "1")] == (6474, 4092)  # County 0's even precincts, 2's odd


@pytest.mark.parametrize(
    "variant",
    [
        "shuffled",
        "blank_everywhere_in_a_precinct",
        "spaced_cells",
        "election_column",
        "race_option",
        "with_ballots_only",
    ],
)
def test_variants_stream_alike(tmp_path, monkeypatch, variant):
    text = precinct_file()
    options = {}
    if variant == "shuffled":
        text = shuffled(text)
    elif variant == "blank_everywhere_in_a_precinct":
        text = _changed(text, "County 0,P002,", REGISTERED, "")
    elif variant == "spaced_cells":
        text = text.replace(",State House,", ", State House ,").replace("County 2,", "County 2 ,")
    elif variant == "election_column":
        text = "\n".join(
            ("election," if n == 0 else "General 2024,") + line
            for n, line in enumerate(text.splitlines())
        )
        text += "\n"
    elif variant == "race_option":
        options = {"races": ("State House",)}
    else:
        text = "\n".join(
            ",".join(cells[:REGISTERED] + cells[REGISTERED + 1 :])
            for cells in (line.split(",") for line in text.splitlines())
        )
        text += "\n"
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path, **options)
    assert not [p for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed)
    assert streams(path, **options)


def _changed(text: str, prefix: str, index: int, value: str) -> str:
    """`text` with cell `index` of the rows that start with `prefix` set to `value`."""
    lines = []
    for line in text.splitlines():
        if line.startswith(prefix):
            cells = line.split(",")
            cells[index] = value
            line = ",".join(cells)
        lines.append(line)
    return "\n".join(lines) + "\n"


REGISTERED = HEADER.split(",").index("registered_voters")
HAND_OVERS = {
    # Registered voters of one precinct unlike from race to race: the exact engine keeps each
    # race's own figure, which the precinct's sum cannot.
    "unlike_between_races": ("County 0,P003,State House,", "1000"),
    # Blank on one race's rows only: that race is told it lacks a precinct's count.
    "blank_in_one_race": ("County 2,P004,President,", ""),
    # Two values in one race of a precinct: an error the exact engine names on each line.
    "conflict_within_a_race": ("County 1,P005,President,,LIB", "1000"),
    # No count: an error at the line of the race's first row in the precinct.
    "not_a_count": ("County 0,P006,", "lots"),
}


@pytest.mark.parametrize("name", sorted(HAND_OVERS))
def test_what_the_streaming_engine_cannot_tell_goes_to_the_exact_one(tmp_path, monkeypatch, name):
    prefix, new = HAND_OVERS[name]
    text = precinct_file()
    changed = _changed(text, prefix, REGISTERED, new)
    assert changed != text, name
    path = write(tmp_path, changed)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    monkeypatch.setattr(stream, "BLOCK_BYTES", 1 << 20)  # one block: the fast path sees it
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    # A count that is no number is the same in every race's rows: streamed, named per race.
    assert streams(path) == (name == "not_a_count")


def test_a_primary_of_party_races_streams_alike(tmp_path, monkeypatch):
    """A file named as a primary: the party is a race key (each party's race, its own precincts)."""
    text = precinct_file()
    path = write(tmp_path, text, name="20240312__xx__primary__precinct.csv")
    exact, streamed = both(monkeypatch, path)
    assert len(exact[0]) > 6  # races by party
    assert dump(exact) == dump(streamed)


def test_validate_is_the_same_on_both_engines(tmp_path):
    prefix, new = HAND_OVERS["not_a_count"]
    for text in (precinct_file(), _changed(precinct_file(), prefix, REGISTERED, new)):
        path = write(tmp_path, text)
        outputs = []
        for engine in ("exact", "stream"):
            result = invoke(
                "validate", str(path), "--format", "json", env={engines.ENGINE_ENV: engine}
            )
            outputs.append(json.loads(result.stdout))
        assert outputs[0] == outputs[1]


def test_a_measure_whose_answers_are_options_reads_alike(tmp_path, monkeypatch):
    """Approved / Rejected are made options by the race stage, which copies their records before it
    names them: the file is the exact engine's (`RaceUnits.hold`), with the same result."""
    extra = "".join(
        f"County {c},P{p:03d},Referendum Measure 90,,,{answer},{10 + p + k},"
        f"{400 + (37 * p + 11 * c) % 300},{300 + (13 * p + 7 * c) % 90}\n"
        for c in range(3)
        for p in range(12)
        for k, answer in enumerate(("Approved", "Rejected"))
    )
    path = write(tmp_path, precinct_file() + extra)
    exact, streamed = both(monkeypatch, path)
    assert "Referendum Measure 90" in [e.facts.election for e in exact[0]]
    assert dump(exact) == dump(streamed)
    assert not streams(path)


def test_a_district_column_read_as_geography_reads_alike(tmp_path, monkeypatch):
    """The same candidates in every district: the district is geography, not races (the race stage
    copies those records before naming them), with the same result on both engines."""
    lines = [HEADER]
    for p in range(40):
        for k, (party, name) in enumerate((("DEM", "Ann"), ("REP", "Bob"))):
            lines.append(
                f"County {p % 2},P{p:03d},Governor,{1 + p % 4},{party},{name},{5 + p + k},"
                f"{500 + p},{400 + p}"
            )
    path = write(tmp_path, "\n".join(lines) + "\n")
    exact, streamed = both(monkeypatch, path)
    assert len(exact[0]) == 1
    assert dump(exact) == dump(streamed)


def test_a_region_lacking_both_counts_somewhere_is_noted_in_the_exact_engines_order(
    tmp_path, monkeypatch
):
    """A region where a precinct gives neither count: one note per count, in the order the exact
    engine gives them (ballots cast, then registered), whatever the columns' order."""
    text = (
        f"{HEADER}\n"
        "County 0,P0,President,,DEM,Ann,1,100,80\n"
        "County 0,P0,President,,REP,Bob,2,100,80\n"
        "County 1,P0,President,,DEM,Ann,3,,\n"
        "County 1,P0,President,,REP,Bob,4,,\n"
        "County 1,P1,President,,DEM,Ann,5,100,80\n"
        "County 1,P1,President,,REP,Bob,6,100,80\n"
    )
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert [n.split(" is given")[0] for n in exact[0][0].notes[:2]] == [
        "ballots_cast",
        "registered",
    ]
    assert dump(exact) == dump(streamed)
    assert streams(path)


def test_a_precinct_split_between_districts_read_as_geography_reads_alike(tmp_path, monkeypatch):
    """The same candidates in every district (geography), a precinct named in two of them: its
    parts are two units of the race on the exact engine (`geography.sub_units`), each with its
    count, which the streaming engine's precinct (one, across districts) cannot tell: the file is
    the exact engine's, with the same result."""
    lines = [HEADER]
    for p in range(12):
        districts = (1, 2) if p == 3 else (1 + p % 3,)
        for district in districts:
            for k, (party, name) in enumerate((("DEM", "Ann"), ("REP", "Bob"))):
                lines.append(
                    f"County {p % 2},P{p:03d},Governor,{district},{party},{name},{5 + p + k},"
                    f"{500 + p},{400 + p}"
                )
    text = "\n".join(lines) + "\n"
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert len(exact[0]) == 1
    assert dump(exact) == dump(streamed)
    # Each part a unit (P003 in two districts, counted in each): pandas over distinct
    # (county, precinct, district).
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    parts = frame.drop_duplicates(["county", "precinct", "district"])
    assert exact[0][0].facts.registered == int(parts["registered_voters"].astype(int).sum())
