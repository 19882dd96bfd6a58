"""Issue 13 item 16: a file of very many regions (the precinct its only place column) is bounded.

Past `manyregions.REGIONS_KEPT` distinct places, the region column is read as the unit (as
`--unit COL` reads it): the same totals, a `too-many-regions` warning, nothing per region. Both
engines decide alike. The bound is lowered here so that the files stay small; the figures are
checked against sums made with pandas from the same rows.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import invoke, write
from pollcli.read import engines, keysums, manyregions, stream

CANDIDATES = [("Ann Able", "Reds"), ("Bob Baker", "Blues"), ("Cy Coe", None)]


def precinct_file(precincts: int, column: str = "precinct") -> str:
    lines = [f"{column},candidate,party,votes"]
    for p in range(precincts):
        for k, (name, party) in enumerate(CANDIDATES):
            lines.append(f"P{p},{name},{party or ''},{(p * 37 + k * 11) % 90 + k}")
    return "\n".join(lines) + "\n"


def summary(path, *more, engine):
    result = invoke(
        "summary", str(path), "--format", "json", *more, env={engines.ENGINE_ENV: engine}
    )
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"][0], result.stderr


def oracle(path) -> dict[str, int]:
    frame = pd.read_csv(path)
    return frame.groupby("candidate")["votes"].sum().astype(int).to_dict()


@pytest.fixture
def bound(monkeypatch):
    monkeypatch.setattr(manyregions, "REGIONS_KEPT", 4)
    return 4


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_past_the_bound_the_places_are_summed_as_precincts(tmp_path, bound, engine):
    path = write(tmp_path, precinct_file(bound + 3))
    election, stderr = summary(path, engine=engine)
    assert {r["candidate"]: r["votes"] for r in election["results"]} == oracle(path)
    assert election["warning_codes"] == ["too-many-regions"]
    message = election["warnings"][0]
    assert f"more than {bound:,} places in column 'precinct'" in message
    assert "--unit precinct" in message and "coarser place column" in message
    assert f"warning: {path}: more than {bound:,} places" in stderr


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_at_the_bound_the_regions_are_kept(tmp_path, bound, engine):
    path = write(tmp_path, precinct_file(bound))
    election, _ = summary(path, "--by", "region", engine=engine)
    assert election["warning_codes"] == []
    assert [r["region"] for r in election["regions"]] == [f"P{p}" for p in range(bound)]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_by_region_past_the_bound_says_why_there_are_no_regions(tmp_path, bound, engine):
    path = write(tmp_path, precinct_file(bound + 1, column="region"))
    election, stderr = summary(path, "--by", "region", engine=engine)
    assert election["regions"] == []
    # One warning, which says what to do; not "needs a region column" of a file that has one.
    assert election["warning_codes"] == ["too-many-regions"]
    assert "no-region-column" not in stderr and "needs a region column" not in stderr
    assert "--by region" in election["warnings"][0]


def test_both_engines_and_the_unit_flag_agree(tmp_path, bound):
    path = write(tmp_path, precinct_file(bound * 3))
    exact, _ = summary(path, engine="exact")
    streamed, _ = summary(path, engine="stream")
    assert exact == streamed
    as_units, _ = summary(path, "--unit", "precinct", engine="stream")
    assert as_units["results"] == exact["results"]
    assert as_units["warning_codes"] == []


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_validate_lists_the_warning_once(tmp_path, bound, engine):
    path = write(tmp_path, precinct_file(bound + 2))
    result = invoke("validate", str(path), "--format", "json", env={engines.ENGINE_ENV: engine})
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["code"], p["severity"], p["column"]) for p in problems] == [
        ("too-many-regions", "warning", "precinct")
    ]


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_an_option_twice_in_a_precinct_is_still_an_error(tmp_path, bound, engine):
    text = precinct_file(bound + 2) + "P1,Ann Able,Reds,5\n"
    path = write(tmp_path, text)
    result = invoke("validate", str(path), "--format", "json", env={engines.ENGINE_ENV: engine})
    codes = [p["code"] for p in json.loads(result.stdout)["files"][0]["problems"]]
    assert "duplicate-option" in codes


def test_a_county_beside_the_precinct_is_not_bounded(tmp_path, bound):
    # The county is the region (two of them), the precinct a unit summed away: nothing to bound.
    lines = ["county,precinct,candidate,votes"]
    lines += [f"C{p % 2},P{p},{name},{p + 1}" for p in range(bound * 5) for name, _ in CANDIDATES]
    path = write(tmp_path, "\n".join(lines) + "\n")
    for engine in ("exact", "stream"):
        election, _ = summary(path, "--by", "region", engine=engine)
        assert election["warning_codes"] == []
        assert [r["region"] for r in election["regions"]] == ["C0", "C1"]


def test_the_streaming_engine_stops_keeping_regions_past_the_bound(tmp_path, monkeypatch):
    # What fails without the bound: a record per region and option (30,000 here), built at the
    # end of the summing; with it, one per option.
    monkeypatch.setattr(manyregions, "REGIONS_KEPT", 1_000)
    path = write(tmp_path, precinct_file(10_000))
    built: list[int] = []
    real = keysums.KeySums.records

    def records(self):
        made = real(self)
        built.append(len(made))
        return made

    monkeypatch.setattr(keysums.KeySums, "records", records)
    election, _ = summary(path, engine="stream")
    assert built == [len(CANDIDATES)]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == oracle(path)


def test_a_block_of_too_many_regions_stops_before_its_keys_are_made(tmp_path, monkeypatch):
    # One block of 2,000 regions past a bound of 1,000: its worker stops it before the block's
    # keys become Python objects, so the first reading merges nothing; the second (as precincts)
    # merges the one block.
    monkeypatch.setattr(manyregions, "REGIONS_KEPT", 1_000)
    path = write(tmp_path, precinct_file(2_000))
    merged: list[int] = []
    real = stream._Summer._merge

    def merge(self, summed, line):
        merged.append(len(summed.firsts))
        return real(self, summed, line)

    monkeypatch.setattr(stream._Summer, "_merge", merge)
    election, _ = summary(path, engine="stream")
    assert merged == [len(CANDIDATES)]  # the second reading's block: one key per option
    assert election["warning_codes"] == ["too-many-regions"]


def test_regions_are_counted_as_the_stages_read_them(monkeypatch):
    monkeypatch.setattr(manyregions, "REGIONS_KEPT", 2)
    count = manyregions.RegionCount("precinct", 0)
    # " P1", "P1" and "P1" + a zero-width space are one place; a blank cell and bytes that do
    # not decode are none (the exact stages read such a block).
    count.look_ahead([b" P1", b"P1", "P1\u200b".encode(), b"  ", b"\xff", b"P2"])
    assert count.looked == {"P1", "P2"}
    with pytest.raises(manyregions.TooManyRegions):
        count.look_ahead([b"P3"])
    count.add("P1")
    count.add("P2")
    with pytest.raises(manyregions.TooManyRegions):
        count.add("P3")


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_standard_input_is_bounded_too(tmp_path, bound, engine):
    # Standard input can be read once: the second reading is of the bytes kept (or spooled).
    text = precinct_file(bound + 2)
    result = invoke(
        "summary", "-", "--format", "json", stdin=text.encode(), env={engines.ENGINE_ENV: engine}
    )
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    assert election["warning_codes"] == ["too-many-regions"]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == oracle(
        write(tmp_path, text)
    )


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_a_region_column_named_by_flag_is_bounded_alike(tmp_path, bound, engine):
    path = write(tmp_path, precinct_file(bound + 2, column="code"))
    election, _ = summary(path, "--region", "code", engine=engine)
    assert election["warning_codes"] == ["too-many-regions"]
    assert "column 'code'" in election["warnings"][0]
    assert {r["candidate"]: r["votes"] for r in election["results"]} == oracle(path)
