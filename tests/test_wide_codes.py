"""Columns of a wide table that number or code its rows are never options: by their header (a place
word and a word of numbering, `district_no`, `station_no`, Hungary's `megyeid`, `telepid`, `oevk`,
`szavazokor`) or by their cells (`001`: a count is not written with leading zeros).

A new user's trial (session 25) had `party_a 51.59 %` beside `station_no 0.82 %` and `district_no
0.77 %` as options, and a Hungarian table of polling stations (`antaldaniel/valasztas18`'s
`szavazas.csv`) "won outright" by `ervenyes` (the valid votes) over `telepid` (a town's id). The
files here are invented in the same layout; the expected votes come from pandas (the party columns
summed) and sums written by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, write
from pollcli.numbers import padded_codes
from pollcli.read import ReadOptions, engines, load_file, protocol

ENGINES = ("exact", "stream")

# The new user's invented repro (its layout: an R export's index, an id, codes, then parties).
EN_LIKE = """\
"","id","county_id","town_id","district_no","station_no","party_a","party_b"
"1","town-001",7,1,5,"001",300,281
"2","town-002",7,1,5,"002",266,300
"3","village-001",7,2,5,"001",70,50
"4","city-014",13,3,2,"014",500,400
"""
HU_LIKE = """\
"","id","megyeid","telepid","oevk","szavazokor","ervenyes","party_a","party_b"
"1","alma-001",7,1,5,"001",581,300,281
"2","alma-002",7,1,5,"002",566,266,300
"3","berek-001",7,2,5,"001",120,70,50
"4","cser-014",13,3,2,"014",900,500,400
"""


def load_both(path: Path, monkeypatch, options: ReadOptions | None = None):
    """`load_file` under each engine, checked to agree; the exact engine's answer."""
    results = []
    for engine in ENGINES:
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results.append(load_file(path, options or ReadOptions()))
    monkeypatch.delenv(engines.ENGINE_ENV)
    assert results[0] == results[1]
    return results[0]


def votes_of(elections) -> dict[str, int]:
    return {o.candidate: o.votes for o in elections[0].options}


def parties(path: Path) -> dict[str, int]:
    frame = pd.read_csv(path, dtype=str)
    return {c: int(frame[c].astype(int).sum()) for c in frame.columns if c.startswith("party_")}


# --- the words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["district_no", "station_no", "Station No.", "AC No", "PS No", "Part No", "Sl. No.",
     "precinct_num", "ward nro", "Polling Station Number", "countyid", "wardno", "megyeid",
     "telepid", "oevk", "evk_no", "szavazokor", "szavazókör", "szavazókör száma", "číslo okrsku",
     "cislo"],
)  # fmt: skip
def test_a_place_numbered_names_a_row(header):
    assert protocol.names_a_row(header)
    assert protocol.line(header) is None


@pytest.mark.parametrize(
    "header",
    # A referendum's answers (`No`, `Prop 1 No`, `Levy No`), names ending like a code (`David`,
    # `Stefano`, Romanian `Partid`), and a count in Hungarian (`… száma` after a noun).
    ["No", "Vote No", "Prop 1 No", "Levy No", "Measure A No", "David", "Stefano", "Partid",
     "Valid", "választópolgárok száma", "szám", "EVK"],
)  # fmt: skip
def test_no_place_numbered(header):
    assert not protocol.names_a_row(header)


@pytest.mark.parametrize(
    ("header", "fact"),
    [
        ("ervenyes", ("total_votes", 0)),
        ("Érvényes szavazólapok száma", ("total_votes", 0)),
        ("ervenytelen", ("invalid", 0)),
        ("Érvénytelen szavazólapok száma", ("invalid", 0)),
        ("A névjegyzékben lévő választópolgárok száma", ("registered", 0)),
        ("valasztopolgar", ("registered", 0)),
        ("Szavazóként megjelent választópolgárok száma", ("ballots_cast", 0)),
    ],
)
def test_hungarian_protocol_lines(header, fact):
    assert protocol.line(header) == fact


# --- the tables ------------------------------------------------------------------------------------


def test_codes_and_numbers_name_the_rows(tmp_path, monkeypatch):
    path = write(tmp_path, EN_LIKE)
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == parties(path) == {"party_a": 1136, "party_b": 1031}
    assert problems == []
    wide = next(n for n in elections[0].notes if n.startswith("A wide table"))
    assert "'district_no', 'station_no'" in wide.split("rows named by")[1]


def test_hungarian_codes_and_valid_votes(tmp_path, monkeypatch):
    path = write(tmp_path, HU_LIKE)
    elections, problems = load_both(path, monkeypatch)
    assert votes_of(elections) == parties(path) == {"party_a": 1136, "party_b": 1031}
    # `ervenyes` is each row's valid votes: 581 = 300 + 281 …, 2,167 in all (by hand).
    assert elections[0].facts.total_votes == 581 + 566 + 120 + 900 == 2167
    assert problems == []
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    assert [r["candidate"] for r in election["results"]] == ["party_a", "party_b"]


def test_hungarian_codes_without_the_valid_votes(tmp_path, monkeypatch):
    text = "".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != 6) + "\n"
        for line in HU_LIKE.splitlines()
    )
    path = write(tmp_path, text)
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == parties(path) == {"party_a": 1136, "party_b": 1031}


def test_a_zero_padded_column_is_a_code(tmp_path, monkeypatch):
    # `box` says nothing; `001` does: no count is written with leading zeros.
    path = write(tmp_path, "town,box,Ann,Bob\nA,001,10,7\nA,002,5,1\nB,001,3,3\nC,014,4,4\n")
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == {"Ann": 22, "Bob": 15}
    assert any("rows named by 'town', 'box'." in n for n in elections[0].notes)


def test_counts_all_zero_padded_stay_counts(tmp_path, monkeypatch):
    # A file of fixed width, every figure padded: its counts are no codes.
    path = write(tmp_path, "town,Ann,Bob\nA,010,007\nB,005,001\n")
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == {"Ann": 15, "Bob": 8}


def test_an_unpadded_number_right_of_the_names_stays_an_option(tmp_path, monkeypatch):
    # (`seq` of differing widths: nothing tells it from a candidate, as before.)
    path = write(tmp_path, "town,seq,Ann,Bob\nA,1,10,7\nA,12,5,1\nB,3,3,3\n")
    elections, _ = load_both(path, monkeypatch)
    assert votes_of(elections) == {"seq": 16, "Ann": 18, "Bob": 11}


@given(st.lists(st.lists(st.integers(0, 10**6), min_size=1, max_size=8), min_size=2, max_size=5))
def test_counts_written_as_numbers_are_never_padded_codes(columns):
    assert padded_codes([[str(v) for v in values] for values in columns]) == set()


@given(
    st.lists(st.integers(0, 999), min_size=1, max_size=8),
    st.lists(st.integers(0, 10**6), min_size=1, max_size=8),
)
def test_a_code_padded_beside_counts_is_told(codes, counts):
    cells = [f"{c:03d}" for c in codes]
    found = padded_codes([cells, [str(v) for v in counts]])
    assert found == ({0} if any(c < 100 for c in codes) else set())


# --- no party's votes at all ------------------------------------------------------------------------

# valasztas18's `szavazas.csv` in its layout (invented figures): flags and small counts (`fidesz`,
# `is_fidesz`, `kistelepules`: a small settlement), a row's `total` of them, codes, the valid votes
# (`ervenyes`), and each party's share nationally as fractions (`orsz_…`): no party's votes.
HU_FLAGS = """\
"","id","kistelepules","total","fidesz","ellenzek","is_fidesz","is_ellenzek","megyeid","megye",\
"telepid","telep","oevk","szavazokor","ervenyes","ervenytelen","orsz_a","orsz_b"
"1","alma-001",0,5,2,3,1,1,7,"ALFA",1,"Alma",5,"001",581,0.0152,0.5711,0.4137
"2","alma-002",0,4,2,2,1,1,7,"ALFA",1,"Alma",5,"002",566,0.0190,0.6221,0.3589
"3","berek-001",1,3,1,2,0,1,7,"ALFA",2,"Berek",5,"001",120,0.0100,0.5000,0.4900
"4","cser-014",0,4,3,1,1,0,13,"BETA",3,"Cser",2,"014",900,0.0200,0.4000,0.5800
"""


def test_options_of_a_hundredth_of_the_valid_votes_are_refused(tmp_path):
    path = write(tmp_path, HU_FLAGS)
    # The columns read as options (`total` among them, told a total only later) add up to 39 of
    # the 2,167 valid votes; read, fidesz and ellenzek were "tied for first" with 8 votes.
    frame = pd.read_csv(path, dtype=str)
    options = ["kistelepules", "total", "fidesz", "ellenzek", "is_fidesz", "is_ellenzek"]
    assert sum(int(v) for c in options for v in frame[c]) == 39
    assert sum(int(v) for v in frame["ervenyes"]) == 2167
    for engine in ENGINES:
        result = invoke(
            "summary", str(path), "--ignore-column", "ervenytelen,orsz_a,orsz_b",
            env={engines.ENGINE_ENV: engine},
        )  # fmt: skip
        assert result.code == 1, result.stdout
        assert (
            "the options add up to 39, 1.8 % of the valid votes in 'ervenyes' (2,167)"
            in result.stderr
        )
        assert "leads" not in result.stdout and "tied" not in result.stdout.casefold()


@pytest.mark.parametrize(("votes", "refused"), [(216, True), (217, False), (1500, False)])
def test_a_tenth_of_the_valid_votes_is_the_line(tmp_path, votes, refused):
    # A table of some options only beside the valid votes of all: warned of, as before, down to
    # a tenth of them; fewer, refused. With --id-columns the reading is the user's: not refused.
    path = write(tmp_path, f"town,valid_votes,Ann,Bob\nA,2170,{votes - 100},100\n")
    result = invoke("summary", str(path), "--wide")
    assert result.code == (1 if refused else 0), result.stderr
    assert ("% of the valid votes in 'valid_votes' (2,170)" in result.stderr) == refused
    assert ("but the total given says" in result.stderr) != refused
    result = invoke("summary", str(path), "--id-columns", "town")
    assert result.code == 0, result.stderr
