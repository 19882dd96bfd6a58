"""The real files of ../shared/realworld (read in place, never copied), with the figures of its
SOURCES.md: wide protocols, total rows, CR line endings. Skipped where the files are absent.

Where a file also needs what another part of issue 11 or issue 12 adds (German header words, race
keys), the test of the file as published is skipped until that lands, and a test of the same file
with only those columns changed, in a temporary copy, runs now.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import ROOT, invoke
from pollcli.read import ReadOptions, load_file


def _realworld() -> Path | None:
    for place in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld")):
        if place.is_dir():
            return place
    return None


REALWORLD = _realworld()


def real(name: str) -> Path:
    if REALWORLD is None or not (REALWORLD / name).is_file():
        pytest.skip(f"{name} is not here (../shared/realworld)")
    return REALWORLD / name


def votes_of(election):
    return {o.candidate: o.votes for o in election.options}


def valid_of(election):
    return sum(o.votes or 0 for o in election.options if o.kind not in ("blank", "invalid"))


RU = "ru_2024_presidential_electronic_voting_wide.csv"
VATERSTETTEN = "de_btw2021_vaterstetten_zweitstimmen_by_district.csv"
GA_2016 = "us_ga_2016_01_19_special_state_house_58_precinct.csv"
NH = "us_nh_2020_general_precinct.csv"


def test_russia_2024_electronic_voting_wide_protocol():
    elections, problems = load_file(real(RU), ReadOptions())
    assert [p for p in problems if p.severity == "error"] == []
    (election,) = elections
    votes = votes_of(election)
    assert votes["Путин Владимир Владимирович"] == 7_103_846
    assert votes["Даванков Владислав Андреевич"] == 439_289
    assert valid_of(election) == 8_056_803
    share = votes["Путин Владимир Владимирович"] / valid_of(election) * 100
    assert round(share, 2) == 88.17
    assert len(election.regions) == 29


def test_russia_2024_summary_json():
    result = invoke("summary", str(real(RU)), "--format", "json")
    assert result.code == 0, result.stderr
    election = json.loads(result.stdout)["elections"][0]
    assert election["leader"]["candidate"] == "Путин Владимир Владимирович"
    assert round(election["leader"]["share"], 2) == 88.17


def _vaterstetten_figures(elections):
    (election,) = elections
    votes = votes_of(election)
    assert (votes["CSU"], votes["Grüne"], valid_of(election)) == (5_162, 2_762, 14_956)


def test_vaterstetten_as_published():
    elections, problems = load_file(real(VATERSTETTEN), ReadOptions())
    if any(p.code == "missing-column" for p in problems):
        pytest.skip("needs the German header words (Stimmbezirk, ParteiKuerzel) of issue 11 item 5")
    _vaterstetten_figures(elections)
    assert [p.code for p in problems if p.code == "total-row"] == ["total-row"]


def test_vaterstetten_with_english_headers(tmp_path):
    text = real(VATERSTETTEN).read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    assert header.strip() == "Stimmbezirk,ParteiKuerzel,Stimmen"
    path = tmp_path / "vaterstetten.csv"
    path.write_text("precinct,party,votes\n" + rest, encoding="utf-8")
    elections, problems = load_file(path, ReadOptions())
    _vaterstetten_figures(elections)
    (total,) = problems
    assert (total.code, total.line) == ("total-row", 2) and "'Gesamt'" in total.message


def _ga_figures(elections):
    (election,) = elections
    votes = votes_of(election)
    assert (votes["PARK CANNON"], votes["RALPH LONG III"], votes["KWAME THOMPSON"]) == (
        396,
        281,
        158,
    )
    assert valid_of(election) == 835


def test_georgia_house_58_special_2016_as_published():
    elections, problems = load_file(real(GA_2016), ReadOptions())
    if any(p.code in ("duplicate-label", "missing-column") for p in problems):
        pytest.skip("needs the race keys district and office (issue 12)")
    _ga_figures(elections)
    assert any(p.code == "total-row" for p in problems)


def test_georgia_house_58_without_its_race_columns(tmp_path):
    data = real(GA_2016).read_bytes().decode("utf-8")
    assert "\n" not in data and "\r" in data  # CR-only line endings, as published
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows[0][2:4] == ["office", "district"]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r").writerows([r[:2] + r[4:] for r in rows])
    path = tmp_path / "ga.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    elections, problems = load_file(path, ReadOptions())
    _ga_figures(elections)
    total = next(p for p in problems if p.code == "total-row")
    assert total.line == 2 and "blank 'precinct'" in total.message


def _nh_office(tmp_path, office: str) -> Path:
    """One office of the New Hampshire file, without its office and district columns."""
    rows = list(csv.reader(io.StringIO(real(NH).read_text(encoding="utf-8"), newline="")))
    path = tmp_path / f"nh_{office.replace(' ', '_')}.csv"
    kept = [rows[0][:2] + rows[0][4:]] + [r[:2] + r[4:] for r in rows[1:] if r[2:3] == [office]]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(kept)
    return path


def test_new_hampshire_senate_equals_its_own_statewide_row(tmp_path):
    # The file's statewide TOTALS rows are the certified result; the precinct rows must give it.
    path = _nh_office(tmp_path, "U.S. Senate")
    rows = list(csv.reader(path.open(encoding="utf-8")))
    statewide = {r[3]: int(r[4]) for r in rows[1:] if r[0] == r[1] == "TOTALS"}
    elections, problems = load_file(path, ReadOptions())
    votes = votes_of(elections[0])
    assert votes["Jeanne Shaheen"] == statewide["Jeanne Shaheen"] == 450_778
    assert votes["Corky Messner"] == statewide["Corky Messner"] == 326_229
    assert not any(p.severity == "error" for p in problems)
    # Every option, the third candidate too: Coos's total is split over two names (`TOTALS` for
    # the first two candidates, `COOS NH` for Justin O'Donnell), beside its summary row `Coos`.
    assert votes == statewide and votes["Justin O'Donnell"] == 18_421
    (mismatch,) = [p for p in problems if p.code == "total-mismatch"]
    assert "'TOTALS' of 'Coos'" in mismatch.message and "O'Donnell — in the total row, 362" in (
        mismatch.message
    )


def test_new_hampshire_president_equals_its_county_rows(tmp_path):
    # The county total rows, named by hand (the towns Grafton, Hillsborough and Strafford are not
    # among them): the precinct rows must add up to them.
    path = _nh_office(tmp_path, "President")
    counties = {"BELKNAP", "CARROLL NH", "CHESHIRE NH", "COOS NH'", "GRAFTON NH",
                "HILLSBOROUGH NH", "MERRIMACK NH", "TOTALS"}  # fmt: skip
    rows = list(csv.reader(path.open(encoding="utf-8")))
    by_county: dict[str, int] = {}
    for r in rows[1:]:
        if r[1] in counties and r[3] == "Joe Biden":
            by_county[r[0]] = int(r[4])
    elections, problems = load_file(path, ReadOptions())
    assert len(by_county) == 10
    assert votes_of(elections[0])["Joe Biden"] == sum(by_county.values()) == 420_125
    assert not any(p.code == "total-mismatch" for p in problems)
