"""Minnesota's county files (OpenElections 2016 and 2018) mark their write-in line "WRITE-IN**":
read as a candidate, that one name stood in every county and glued the counties' races of an
office together (trial 6: 124 sheriff candidates of 87 counties in one race, write-ins "winning"
races). A non-candidate word is matched with the marks around it aside, and a line that only looks
like one (an unknown spelling of a write-in, blank or total line) is no evidence of one race across
counties or districts.

Figures invented, the layout is the file's; oracle: pandas group-bys by the intended race keys
(a county office by office, county and district; a statewide or legislative one by office and
district), with the write-in lines counted in the valid vote but never leading.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import engines_agree, invoke, write
from pollcli.kinds import implied_by_name, kind_from_name
from pollcli.read import stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


HEADER = "county_code,county,office,district,party,candidate,votes,pct\n"
# A statewide race in three counties; a sheriff per county (Anoka's unopposed); a surveyor per county,
# each unopposed (as Minnesota 2018's Le Sueur, Martin and Steele); a county commission
# district "01" numbered within each county; a special soil-and-water race in two counties, each
# under its own district code, one candidate each.
MN = HEADER + (
    "01,Aitkin,U.S. Senate,,R,Jim Newberger,3808,46.51\n"
    "01,Aitkin,U.S. Senate,,DFL,Amy Klobuchar,4118,50.30\n"
    "01,Aitkin,U.S. Senate,,{WI},{WRITE},12,0.15\n"
    "02,Anoka,U.S. Senate,,R,Jim Newberger,9000,40.00\n"
    "02,Anoka,U.S. Senate,,DFL,Amy Klobuchar,13000,58.00\n"
    "02,Anoka,U.S. Senate,,{WI},{WRITE},40,0.18\n"
    "11,Cass,U.S. Senate,,R,Jim Newberger,7000,60.00\n"
    "11,Cass,U.S. Senate,,DFL,Amy Klobuchar,4500,39.00\n"
    "11,Cass,U.S. Senate,,{WI},{WRITE},9,0.08\n"
    "01,Aitkin,County Sheriff,,NP,Daniel Guida,4469,57.67\n"
    "01,Aitkin,County Sheriff,,NP,Keith Benz,3265,42.13\n"
    "01,Aitkin,County Sheriff,,{WI},{WRITE},15,0.19\n"
    "02,Anoka,County Sheriff,,NP,James Stuart,113449,98.55\n"
    "02,Anoka,County Sheriff,,{WI},{WRITE},1664,1.45\n"
    "11,Cass,County Sheriff,,NP,Tom Burch,2000,60.00\n"
    "11,Cass,County Sheriff,,NP,Al Fowler,1300,39.00\n"
    "11,Cass,County Sheriff,,{WI},{WRITE},30,0.90\n"
    "01,Aitkin,County Surveyor,,NP,Scott Tuchtenhagen,12998,99.65\n"
    "01,Aitkin,County Surveyor,,{WI},{WRITE},46,0.35\n"
    "02,Anoka,County Surveyor,,NP,Rory Jensen,10259,99.71\n"
    "02,Anoka,County Surveyor,,{WI},{WRITE},30,0.29\n"
    "11,Cass,County Surveyor,,NP,Ben Madsen,7503,99.54\n"
    "11,Cass,County Surveyor,,{WI},{WRITE},35,0.46\n"
    "01,Aitkin,County Commissioner District 1,01,NP,J. Mark Wedel,953,66.69\n"
    "01,Aitkin,County Commissioner District 1,01,NP,Bob Harwarth,472,33.03\n"
    "01,Aitkin,County Commissioner District 1,01,{WI},{WRITE},4,0.28\n"
    "11,Cass,County Commissioner District 1,01,NP,Craig Gaasvig,2039,54.27\n"
    "11,Cass,County Commissioner District 1,01,NP,Natalie Grosfield,1713,45.59\n"
    "11,Cass,County Commissioner District 1,01,{WI},{WRITE},5,0.13\n"
    "02,Anoka,Special Election for Soil and Water Supervisor District 2,8057,NP,Marcel Noyes,"
    "7693,99.52\n"
    "02,Anoka,Special Election for Soil and Water Supervisor District 2,8057,{WI},{WRITE},"
    "37,0.48\n"
    "11,Cass,Special Election for Soil and Water Supervisor District 2,2097,NP,Tom Brutscher,"
    "11196,99.64\n"
    "11,Cass,Special Election for Soil and Water Supervisor District 2,2097,{WI},{WRITE},"
    "40,0.36\n"
)
LOCAL = re.compile(r"^(County |Special Election for Soil)")


def mn(write_in: str = "WRITE-IN**", party: str = "WI") -> str:
    return MN.replace("{WRITE}", write_in).replace("{WI}", party)


def intended(text: str, write_in: str) -> dict[tuple[str, ...], dict[str, int]]:
    """Votes per option per race, the races as the file means them (pandas): a county office's by
    office, county and district code, the others' by office and district."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    local = frame["office"].str.match(LOCAL)
    frame["where"] = frame["county"].where(local, "")
    out: dict[tuple[str, ...], dict[str, int]] = {}
    for (office, where, district, name), votes in (
        frame.groupby(["office", "where", "district", "candidate"], sort=False)["votes"]
        .sum()
        .items()
    ):
        out.setdefault((office, where, district), {})[name] = int(votes)
    assert all(write_in in options for options in out.values())
    return out


def races(elections) -> dict[tuple[str, ...], dict[str, int]]:
    """The races read, keyed as `intended` keys them (a county named only where it keys a race)."""
    got = {}
    for e in elections:
        keys = e.race.keys
        key = (keys["office"], keys.get("county", ""), keys.get("district", ""))
        got[key] = {o.candidate: o.votes for o in e.options}
    return got


def normal(races: dict[tuple[str, ...], dict[str, int]]) -> list[tuple[object, ...]]:
    """Each race as office, district code (without leading zeros, as pollcli compares them) and
    options: the county aside, which names a race only where the district code does not already
    tell it apart (two special elections under their own codes need no county)."""
    return sorted((o, d.lstrip("0"), sorted(v.items())) for (o, _, d), v in races.items())


@pytest.mark.parametrize(
    "name", ["WRITE-IN**", "WRITE-IN*", "Write-in *", "**Write-ins**", "Scattering†", "WRITE-IN #"]
)
def test_a_write_in_word_is_one_whatever_marks_stand_around_it(name):
    assert kind_from_name(name) == "other"
    assert implied_by_name(name) == ("other", None)


@pytest.mark.parametrize(
    ("name", "kind", "fact"),
    [
        ("Over Votes*", "invalid", None),
        ("*Blank*", "blank", None),
        # Minnesota 2016's constitutional amendment: ballots with no answer to it (its blanks).
        ("ESTIMATED BLANKS", "blank", None),
        ("Total Votes*", "candidate", "total_votes"),
        # A mark beside a person's name (New Jersey's winners, "(w) *") leaves a candidate.
        ("SAMUEL D. THOMPSON (w) *", "candidate", None),
        ("Alice Blank*", "candidate", None),
        ("Writein Smith**", "candidate", None),
    ],
)
def test_marks_aside_other_words(name, kind, fact):
    assert implied_by_name(name) == (kind, fact)


def test_minnesota_county_races_stay_apart(tmp_path, monkeypatch):
    text = mn()
    elections, problems = engines_agree(monkeypatch, write(tmp_path, text))
    assert normal(races(elections)) == normal(intended(text, "WRITE-IN**"))
    assert not [p for p in problems if p.severity == "error"]
    kinds = {o.candidate: o.kind for e in elections for o in e.options}
    assert kinds["WRITE-IN**"] == "other"
    assert {o.kind for e in elections for o in e.options if o.candidate != "WRITE-IN**"} == {
        "candidate"
    }


@pytest.mark.parametrize(
    ("write_in", "party"),
    [
        # Spellings no table holds: they still glue nothing together.
        ("Write-in (misc.)", "WI"),
        ("Write-in candidates (all)**", "WI"),
        ("Scattered write-ins", ""),
        ("Total write-in votes cast", ""),
    ],
)
def test_an_unknown_write_in_spelling_glues_no_counties_together(
    tmp_path, monkeypatch, write_in, party
):
    text = mn(write_in, party)
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text))
    assert normal(races(elections)) == normal(intended(text, write_in))


def test_soil_and_water_races_of_different_codes_stay_apart(tmp_path, monkeypatch):
    text = mn()
    elections, _ = engines_agree(monkeypatch, write(tmp_path, text))
    soil = {
        e.race.keys["district"]: {o.candidate for o in e.options}
        for e in elections
        if e.race.keys["office"].startswith("Special")
    }
    frame = pd.read_csv(io.StringIO(text), dtype=str)
    frame = frame[frame.office.str.startswith("Special")]
    assert soil == {code: set(g.candidate) for code, g in frame.groupby("district")}


def test_the_sheriffs_summary(tmp_path):
    """The CLI's table: a race per county, and no write-in among the leaders."""
    result = invoke("summary", str(write(tmp_path, mn())), "--race", "County Sheriff", "-f", "json")
    assert result.code == 0, result.stderr
    out = json.loads(result.stdout)["elections"]
    assert sorted(e["election"] for e in out) == [
        "County Sheriff · Aitkin",
        "County Sheriff · Anoka",
        "County Sheriff · Cass",
    ]
    assert {e["leader"]["candidate"] for e in out} == {"Daniel Guida", "James Stuart", "Tom Burch"}


# The trial's files, read in place where this machine has them (the synthetic files above are the
# tests that always run).
TRIAL = Path("/tmp/trial6/us/f")


@pytest.mark.parametrize(
    "name", ["20181106__mn__general__county.csv", "20161108__mn__general__county.csv"]
)
def test_the_trial_files_races(name):
    path = TRIAL / name
    if not path.is_file():
        pytest.skip(f"{path} is not on this machine")
    from pollcli.read import ReadOptions, load_file

    elections, _ = load_file(path, ReadOptions())
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["votes"] = frame["votes"].astype(int)
    local = frame["office"].str.match(
        r"^(County |Soil and Water|Special Election for (Soil|County))"
    )
    frame["where"] = frame["county"].where(local, "")
    keys = ["office", "where", "district"]
    want = {}
    for key, group in frame.groupby(keys):
        votes = group.groupby("candidate")["votes"].sum()
        want[key] = {n: int(v) for n, v in votes.items()}
    got = {}
    for e in elections:
        k = e.race.keys
        got[(k["office"], k.get("county", ""), k.get("district", ""))] = {
            o.candidate: o.votes for o in e.options
        }
    assert len(got) == len(want)
    assert normal(got) == normal(want)
