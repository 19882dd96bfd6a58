"""`--region COL` and `--unit COL`: the area and the precinct a row counts, where the header's words
do not tell them (trial B6: Georgia's `division_alias` precincts under `district_number` and
`district_name` areas), in both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, each_engine, invoke, write
from pollcli.errors import UsageError
from pollcli.read import ReadOptions, load, load_file, stream

EXTRA = next(
    (
        p
        for p in (ROOT.parent / "extra-realworld", Path("/work/extra-realworld"))
        if (p / "ge_2024_parliament_by_precinct_flatten.parquet").is_file()
    ),
    None,
)
PARTIES = ("| Dream", "| Coalition", "| Movement")


def georgian(precincts: int = 120) -> str:
    """Like the CEC's file: a district by number and by name, a precinct code, parties, votes."""
    lines = ["division_alias,district_number,district_name,party_name,votes"]
    for p in range(precincts):
        district = p % 7
        for i, party in enumerate(PARTIES):
            lines.append(
                f"{district:02}.{p:03},{district},D{district},{party},{(p * 13 + i * 7) % 97}"
            )
    return "\n".join(lines) + "\n"


def both(monkeypatch, path: Path, options: ReadOptions, block: int = 512):
    results = each_engine(monkeypatch, path, options, block_bytes=block)
    return results["exact"], results["stream"]


def test_named_region_and_unit_give_the_national_result(tmp_path, monkeypatch):
    path = write(tmp_path, georgian())
    options = ReadOptions(region="district_name", unit="division_alias")
    exact, streamed = both(monkeypatch, path, options)
    assert exact == streamed
    (election,), problems = exact
    assert [p for p in problems if p.severity == "error"] == []
    frame = pd.read_csv(path)
    assert {o.candidate: o.votes for o in election.options} == {
        str(k): int(v) for k, v in frame.groupby("party_name")["votes"].sum().items()
    }
    by_region = frame.groupby(["district_name", "party_name"])["votes"].sum()
    assert {(r.name, o.candidate): o.votes for r in election.regions for o in r.options} == {
        (str(d), str(c)): int(v) for (d, c), v in by_region.items()
    }
    assert any("'district_number' left unused" in n for n in election.notes)


def test_without_the_flags_the_errors_name_them(tmp_path):
    path = write(tmp_path, georgian(20))
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "--region district_name" in result.stderr
    only_region = invoke("summary", str(path), "--ignore-column", "district_number")
    assert "--unit COL" in only_region.stderr


def test_a_named_unit_under_a_county_the_words_give(tmp_path, monkeypatch):
    rows = ["county,station_code,candidate,votes"] + [
        f"C{s % 3},S{s},{c},{(s * 5 + i) % 41}" for s in range(90) for i, c in enumerate("AB")
    ]
    path = write(tmp_path, "\n".join(rows) + "\n")
    _, problems = load_file(path, ReadOptions())
    assert any("--unit COL" in p.message for p in problems)
    exact, streamed = both(monkeypatch, path, ReadOptions(unit="station_code"))
    assert exact == streamed
    (election,), problems = exact
    frame = pd.read_csv(path)
    assert {o.candidate: o.votes for o in election.options} == {
        str(k): int(v) for k, v in frame.groupby("candidate")["votes"].sum().items()
    }
    assert sorted(r.name for r in election.regions) == ["C0", "C1", "C2"]


@pytest.mark.parametrize(
    ("options", "wanted"),
    [
        ({"unit": "votes"}, "that is the votes column"),
        ({"region": "party_name"}, "that is the party column"),
        ({"region": "nowhere"}, "the file has no such column"),
        ({"region": "district_name", "race_by": ("district_name",)}, "--race-by names it too"),
        ({"region": "district_name", "unit": " district_name"}, "name one column"),
        ({"unit": " "}, "--unit needs a column"),
    ],
)
def test_impossible_places_are_usage_errors(tmp_path, options, wanted):
    path = write(tmp_path, georgian(5))
    with pytest.raises(UsageError, match=wanted):
        load_file(path, ReadOptions(**options))


def test_a_wide_table_says_the_flags_are_not_for_it(tmp_path):
    path = write(tmp_path, "county,precinct,Alpha,Beta\nC1,P1,10,20\nC1,P2,5,7\n")
    result = invoke("summary", str(path), "--unit", "precinct")
    assert result.code == 2 and "--id-columns" in result.stderr


def test_the_cli_commands_take_the_flags(tmp_path):
    path = write(tmp_path, georgian(30))
    flags = ("--region", "district_name", "--unit", "division_alias")
    assert invoke("validate", str(path), *flags).code == 0
    assert invoke("seats", str(path), *flags, "--seats", "10").code == 0
    summary = json.loads(invoke("summary", str(path), *flags, "-f", "json").stdout)
    assert len(summary["elections"]) == 1


@pytest.mark.skipif(EXTRA is None, reason="extra-realworld is not beside the repository")
def test_georgia_2024_by_precinct(tmp_path, monkeypatch):
    """The trial's Parquet file, and the same table as CSV through both engines, against the
    trial's oracle (expected.json)."""
    assert EXTRA is not None
    path = EXTRA / "ge_2024_parliament_by_precinct_flatten.parquet"
    expected = [
        e for e in json.loads((EXTRA / "expected.json").read_text()) if e["file"] == path.name
    ]
    (election,) = load(path, region="district_name", unit="division_alias")
    votes = {o.candidate: o.votes for o in election.options}
    for entry in expected:
        if entry["kind"] == "candidate":
            assert votes[entry["candidate"]] == entry["votes"]
        else:
            assert sum(votes.values()) == entry["votes"]
    assert len(expected) == 4
    text = io.StringIO()
    pd.read_parquet(path).to_csv(text, index=False)
    csv = write(tmp_path, text.getvalue(), "ge.csv")
    options = ReadOptions(region="district_name", unit="division_alias")
    exact, streamed = both(monkeypatch, csv, options, block=stream.BLOCK_BYTES)
    assert exact == streamed
    assert {o.candidate: o.votes for o in exact[0][0].options} == votes
