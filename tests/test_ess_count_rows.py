"""Election Systems & Software's count offices on the streaming engine: a precinct's counts as
offices whose candidate cell names the count (OpenElections' Alabama 2017 county files:
`Autauga,P1,REGISTERED VOTERS - TOTAL,,,Registered Voters - Total,900`, `BALLOTS CAST - TOTAL`,
`BALLOTS CAST - BLANK`, then the races' rows). The exact engine gives each race its precincts'
registered voters and ballots cast and leaves `Ballots Cast - Blank` out with a note naming its
rows (`test_named_count_offices`); the streaming engine handed such a file to it whole (1M rows:
34 s of CPU against 2). It now keeps those rows by precinct as it keeps rows of counts of no name
(`read.countrows`): the same elections, problems and notes, and JSON byte for byte. Turnouts are
checked against pandas sums of the CSV text; what the streaming engine cannot tell as the exact
engine does still hands the file over.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, invoke, write
from pollcli.read import engines, stream
from test_race_units import both, dump, streams

HEADER = "county,precinct,office,district,party,candidate,votes"
COUNTS = ("Registered Voters - Total", "Ballots Cast - Total", "Ballots Cast - Blank")
RACES = {
    ("UNITED STATES SENATOR", ""): (
        ("DEM", "Doug Jones"),
        ("REP", "Roy S. Moore"),
        ("", "Write-In"),
    ),
    ("STATE HOUSE", "1"): (("DEM", "Ann"), ("REP", "Bob")),
    ("STATE HOUSE", "2"): (("DEM", "Cat"), ("REP", "Dan")),
}


def ess_file(
    counties: int = 2,
    precincts: int = 6,
    *,
    skip: tuple[int, int] | None = None,
    split: bool = False,
    blank_only: tuple[int, int] | None = None,
    upper: bool = True,
) -> str:
    """ES&S rows, precinct by precinct: its three counts, then the Senate race and a State House
    district (district 1 in even precincts, 2 in odd ones). `skip` (county, precinct) has no count
    rows; `split`: each county's first precinct votes in both districts (its counts are neither
    district's); `blank_only` gives a precinct the blank ballots' row alone; `upper`: the office
    in capitals as the candidate cell is not (Alabama's), else the same text (DC's)."""
    lines = [HEADER]
    for c in range(counties):
        county = f"County {c}"
        for p in range(precincts):
            unit = f"P{p:02d}"
            registered, cast = 500 + (41 * p + 13 * c) % 300, 250 + (17 * p + 5 * c) % 120
            for name, count in zip(COUNTS, (registered, cast, (p + c) % 4), strict=True):
                office = name.upper() if upper else name
                if (c, p) != skip and ((c, p) != blank_only or "Blank" in name):
                    lines.append(f"{county},{unit},{office},,,{name},{count}")
            races = [("UNITED STATES SENATOR", ""), ("STATE HOUSE", str(1 + p % 2))]
            if split and p == 0:
                races.append(("STATE HOUSE", "2"))
            for office, district in races:
                for k, (party, name) in enumerate(RACES[office, district]):
                    votes = (7 * p + 11 * k + 3 * c) % 110
                    lines.append(f"{county},{unit},{office},{district},{party},{name},{votes}")
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)


@pytest.mark.parametrize(
    "variant",
    [{}, {"skip": (1, 3)}, {"split": True}, {"upper": False}, {"counties": 1, "precincts": 1}],
    ids=["plain", "partial", "split", "same_case", "one"],
)
def test_ess_count_offices_stream_as_the_exact_engine_reads_them(tmp_path, monkeypatch, variant):
    path = write(tmp_path, ess_file(**variant))
    exact, streamed = both(monkeypatch, path)
    assert exact[0] and not [p for p in exact[1] if p.severity == "error"], exact[1]
    assert dump(exact) == dump(streamed)
    assert streams(path)  # the streaming engine answered: the file was not handed over


def test_each_race_is_given_its_precincts_counts_pandas(tmp_path, monkeypatch):
    text = ess_file(counties=3, precincts=7)
    path = write(tmp_path, text)
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    result = invoke("summary", str(path), "--format", "json")
    assert result.code == 0, result.stderr
    got = {
        (e["race_keys"]["office"], e["race_keys"].get("district", "")): (
            e["turnout"]["registered"],
            e["turnout"]["ballots_cast"],
        )
        for e in json.loads(result.stdout)["elections"]
    }
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    counts = frame[frame["candidate"].isin(COUNTS[:2])].pivot(
        index=["county", "precinct"], columns="candidate", values="votes"
    )
    races = frame[~frame["office"].str.contains(" - ")][
        ["county", "precinct", "office", "district"]
    ]
    per_race = races.drop_duplicates().join(counts, on=["county", "precinct"])
    expected = {
        key: (int(group[COUNTS[0]].sum()), int(group[COUNTS[1]].sum()))
        for key, group in per_race.groupby(["office", "district"])
    }
    assert got == expected
    # Every row of blank ballots is named as left out, with its first lines.
    blank = frame.index[frame["candidate"] == COUNTS[2]] + 2
    shown = ", ".join(str(n) for n in blank[:5])
    [senate] = [e for e in json.loads(result.stdout)["elections"] if "SENATOR" in e["election"]]
    assert any(
        f"{len(blank)} row(s) named 'Ballots Cast - Blank' (line(s) {shown} …)" in note
        for note in senate["notes"]
    ), senate["notes"]
    assert streams(path)


@pytest.mark.parametrize("command", ["summary", "validate"])
def test_ess_json_is_byte_identical(tmp_path, monkeypatch, command):
    path = write(tmp_path, ess_file(counties=3, precincts=8, split=True, skip=(0, 4)))
    out = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        result = invoke(command, str(path), "--format", "json")
        out[engine] = (result.code, result.stdout)
    assert out["exact"] == out["stream"]
    assert streams(path)


def test_ess_count_rows_in_a_block_the_exact_stages_read(tmp_path, monkeypatch):
    """A block with a bad vote cell is read by the exact stages: its ES&S count rows are kept by
    precinct as the summed blocks' are, and the race with the error is refused on both engines."""
    lines = ess_file(counties=2, precincts=8).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("County 1,P03,UNITED"))
    lines[at] = lines[at].rsplit(",", 1)[0] + ",12x"
    path = write(tmp_path, "\n".join(lines) + "\n")
    exact, streamed = both(monkeypatch, path)
    assert [p.code for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed)
    assert streams(path)


@pytest.mark.parametrize(
    ("edge", "streamed"),
    [
        # A precinct whose only count row is its blank ballots': a place counted for every race
        # to the exact engine (which races share it), though no race's count: handed over.
        ("blank_alone", False),
        # A count named otherwise past the head (`BALLOTS CAST - REPUBLICAN PARTY`): summed with
        # the other rows, its record for every race hands the file over once read.
        ("late_name", False),
        # A count given twice in a precinct: the exact engine names both lines.
        ("count_twice", False),
        # A count named so inside a race (no office of counts): that race's own count, not every
        # race's (its block read by the exact stages; a race's count in one precinct of its
        # several is the exact engine's to judge).
        ("candidate_named_so", False),
    ],
)
def test_ess_edges_read_alike(tmp_path, monkeypatch, edge, streamed):
    text = ess_file(counties=3, precincts=8, blank_only=(2, 5) if edge == "blank_alone" else None)
    lines = text.splitlines()
    if edge == "late_name":
        monkeypatch.setattr(stream, "HEAD_BYTES", 512)
        lines.append("County 2,P07,BALLOTS CAST - REPUBLICAN PARTY,,,Ballots Cast - Rep,40")
    if edge == "count_twice":
        lines.insert(3, lines[1])
    if edge == "candidate_named_so":
        lines.append("County 2,P07,STATE HOUSE,2,,Ballots Cast - Total,3")
    path = write(tmp_path, "\n".join(lines) + "\n")
    exact, stream_result = both(monkeypatch, path)
    assert exact[0]
    assert dump(exact) == dump(stream_result)
    assert streams(path) == streamed


SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def ess_files(draw: st.DrawFn) -> str:
    """ES&S files: precincts with some of their counts (or none), in one or two districts, some
    rows moved or given odd cells, count names in either case."""
    lines = [HEADER]
    upper = draw(st.booleans())
    rows: list[str] = []
    for county in draw(st.lists(st.sampled_from(["Autauga", "Baldwin"]), min_size=1, unique=True)):
        for p in range(draw(st.integers(1, 4))):
            unit = draw(st.sampled_from([f"P{p}"] * 5 + ["", "TOTALS", county]))
            for name in draw(st.lists(st.sampled_from(COUNTS), max_size=3, unique=True)):
                count = draw(st.sampled_from(["120", "80", "3", "", "x", " 9 "]))
                office = name.upper() if upper else name
                rows.append(f"{county},{unit},{office},,,{name},{count}")
            districts = draw(st.lists(st.sampled_from(["1", "2"]), min_size=0, unique=True))
            races = [("UNITED STATES SENATOR", "")] + [("STATE HOUSE", d) for d in districts]
            for office, district in races:
                for party, name in RACES[office, district]:
                    votes = draw(st.integers(0, 60))
                    rows.append(f"{county},{unit},{office},{district},{party},{name},{votes}")
    if draw(st.booleans()):
        rows = draw(st.permutations(rows))
    return "\n".join([*lines, *rows]) + "\n"


@SETTINGS
@given(ess_files(), st.sampled_from([64, 128, 256, 1 << 20]))
def test_ess_files_read_alike_property(text, block):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as directory, pytest.MonkeyPatch.context() as patch:
        path = Path(directory) / "ess.csv"
        path.write_text(text, encoding="utf-8")
        engines_agree(patch, path, block_bytes=block)
